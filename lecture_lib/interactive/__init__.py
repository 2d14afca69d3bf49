"""Interaction (layer 3): the shared live-figure helper; the exercise checks are lecture_lib.checks."""

from .controls import Choice, Slider, math_label
from .alt_text import describe_figure
from .live import LiveFigure
from .png import encode_png
from .views import choose_transport, use_transport

__all__ = ["Choice", "LiveFigure", "Slider", "choose_transport", "describe_figure",
           "encode_png", "math_label", "use_transport"]
