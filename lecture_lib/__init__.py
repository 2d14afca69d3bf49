"""lecture_lib: the numpy code behind the Deep Learning Lecture Lab notebooks.

Where things live: a module at the top of ``lecture_lib`` is shared by two or more
notebooks; what one notebook needs lives under its key (``lecture_lib.registry``) in
``topics/<key>.py``, its figures in ``plots/<key>.py`` and its checks in ``checks/<key>.py``.

Layers (imports point down only):

1. shared numeric core, numpy only: ``activations``, ``losses``, ``metrics``, ``networks``,
   ``training``, ``datasets``, ``fitting``, ``shallow``;
2. topics, numpy only: ``lecture_lib.topics.<key>``;
3. pictures, matplotlib: ``lecture_lib.plots``;
4. checks, no matplotlib: ``lecture_lib.checks``;
5. interaction, ipywidgets: ``lecture_lib.interactive`` (the live figure, the playground).

``import lecture_lib`` loads only the numeric core.
"""

from . import activations, datasets, losses, metrics, networks, shallow, training
from .i18n import set_language
from .networks import Network, count_parameters, gradient_check

__version__ = "0.1.0"
__all__ = ["activations", "datasets", "losses", "metrics", "networks", "shallow", "training",
           "Network", "count_parameters", "gradient_check", "set_language"]
