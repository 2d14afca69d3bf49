"""Interaction (layer 3): the shared live-figure helper and the exercise checks."""

from .live import LiveFigure, Slider, encode_png, math_label

__all__ = ["LiveFigure", "Slider", "encode_png", "math_label"]
