"""Smoke tests for lecture_lib.plots.collapse: the figure shows the library's numbers."""

import numpy as np

from lecture_lib import plots
from lecture_lib.interactive import LiveFigure, Slider
from lecture_lib.shallow import EXAMPLE_2D_WEIGHTS
from lecture_lib.topics.collapse import linear_collapse


def test_collapse_2d_slice_lies_on_the_collapsed_line():
    fig, draw = plots.collapse.collapse_2d()
    c = draw(EXAMPLE_2D_WEIGHTS, 2.0, 1.0)
    assert np.allclose(c, linear_collapse(EXAMPLE_2D_WEIGHTS, 2.0, 1.0))
    slice_ax = fig.axes[2]
    network, dots, relu = [l for l in slice_ax.lines if l.get_animated()]
    x1 = network.get_xdata()
    assert np.allclose(network.get_ydata(), c[0] * x1 + c[2])
    assert np.allclose(dots.get_ydata(), c[0] * dots.get_xdata() + c[2])
    slopes = np.diff(relu.get_ydata()) / np.diff(x1)
    assert np.ptp(slopes) > 0.1          # ReLU network bends: not one straight line


def test_live_collapse_changes_picture():
    fig, draw = plots.collapse.collapse_2d()
    live = LiveFigure(fig, lambda a: draw(EXAMPLE_2D_WEIGHTS, a, 0.5) and None,
                      [Slider("a", 1.0, -3, 3, 0.1)])
    before = bytes(live.image.value)
    live.set(a=-2.0)
    assert bytes(live.image.value) != before


def test_depth_comparison_plots_both_series():
    fig = plots.collapse.depth_comparison([1, 2, 3], [1e-15, 2e-15, 0.0], [1.0, 2.0, 3.0])
    lines = fig.axes[0].lines
    assert len(lines) == 2
    assert np.allclose(lines[0].get_ydata(), [1e-15, 2e-15, 1e-17])   # 0 shown at the floor
    assert np.allclose(lines[1].get_ydata(), [1, 2, 3])
