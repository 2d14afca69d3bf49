"""Interaction (layer 3): the shared live-figure helper; the exercise checks are lecture_lib.checks."""

from .live import Choice, LiveFigure, Slider, math_label
from .png import encode_png

__all__ = ["Choice", "LiveFigure", "Slider", "encode_png", "math_label"]
