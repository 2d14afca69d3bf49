"""Interaction (layer 3): the shared live-figure helper and the exercise checks."""

from .live import Choice, LiveFigure, Slider, encode_png, math_label

__all__ = ["Choice", "LiveFigure", "Slider", "encode_png", "math_label"]
