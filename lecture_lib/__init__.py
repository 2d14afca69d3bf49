"""lecture_lib: the numpy code behind the Deep Learning Lecture Lab notebooks.

Layers (imports point down only):

1. numeric core, numpy only: ``activations``, ``losses``, ``metrics``, ``networks``,
   ``shallow``, ``training``, ``datasets``, ``experiments``;
2. pictures, matplotlib: ``lecture_lib.plots``;
3. interaction, ipywidgets: ``lecture_lib.interactive`` (the live-figure helper) and
   ``lecture_lib.checks`` (exercise checks).

``import lecture_lib`` loads only the numeric core.
"""

from . import activations, datasets, losses, metrics, networks, shallow, training
from .networks import Network, count_parameters, gradient_check

__version__ = "0.1.0"
__all__ = ["activations", "datasets", "losses", "metrics", "networks", "shallow", "training",
           "Network", "count_parameters", "gradient_check"]
