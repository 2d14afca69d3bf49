"""Pictures (layer 2): the shared style and one figure-builder module per topic.

``lecture_lib.plots.shallow`` and the other topic modules load on first use, so
``from lecture_lib import plots`` then ``plots.shallow.anatomy_1d()`` just works.
Builders return ``(figure, draw)``: a matplotlib ``Figure`` on the Agg canvas (no
pyplot, no global figure state) and a function that moves its animated artists.
"""

import importlib

from .style import COLORS, HeatImage, NumberLabels, new_figure, show

__all__ = ["COLORS", "HeatImage", "NumberLabels", "new_figure", "show"]


def __getattr__(name: str):
    try:
        return importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as err:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from err
