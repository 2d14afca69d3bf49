"""Pictures (layer 2): the shared style and one figure builder module per topic.

Builders return ``(figure, artists)``: a matplotlib ``Figure`` drawn on the Agg
canvas (no pyplot, no global state) and a dict of the artists a live figure moves.
"""

from .style import COLORS, new_figure

__all__ = ["COLORS", "new_figure"]
