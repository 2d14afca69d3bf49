"""Smoke tests for lecture_lib.plots.approximation that check what is drawn."""

import numpy as np
import pytest

from lecture_lib import plots
from lecture_lib.topics.approximation import approximation_error, hard_sigmoid_unit
from lecture_lib.interactive import Choice, LiveFigure, Slider


def test_ramps_figure_curve_equals_sum_of_pieces():
    xs = (-2.0, -1.0, 0.5, 2.0)
    fig, draw = plots.approximation.ramps_figure(xs)
    ys = [0.5, 1.5, -1.0, 0.5]
    constant, ramps = draw(ys)
    left, right = fig.axes
    curve, total, points = left.lines[-3:]
    np.testing.assert_allclose(curve.get_ydata(), total.get_ydata(), atol=1e-12)
    pieces = right.lines[-4:]  # constant and three ramps
    np.testing.assert_allclose(sum(np.asarray(p.get_ydata()) for p in pieces), curve.get_ydata(),
                               atol=1e-12)
    assert len(ramps) == 3 and constant == 0.5
    assert left.get_xlabel() and left.get_ylabel() and left.get_legend() is not None


def test_sigmoid_figure_sum_of_relus_is_the_hard_sigmoid():
    fig, draw = plots.approximation.sigmoid_and_relus()
    draw(2.0, 1.0, -1.5)
    left, right = fig.axes
    x = left.lines[-3].get_xdata()
    np.testing.assert_allclose(right.lines[-1].get_ydata(), hard_sigmoid_unit(x, 2.0, 1.0, -1.5))
    np.testing.assert_allclose(left.lines[-2].get_ydata(), hard_sigmoid_unit(x, 2.0, 1.0, -1.5))
    assert left.lines[-1].get_xdata()[0] == pytest.approx(1.0 / 1.5)  # midpoint −b/w


def test_fit_figure_error_and_pixels_change():
    fig, draw = plots.approximation.fit_figure(max_hidden=12)
    live = LiveFigure(fig, lambda target, n: f"max error = {draw(target, n):.3f}",
                      [Choice("target", "wave", ("wave", "steep", "root")),
                       Slider("n", 4, 1, 12, 1)])
    first = live.image.value
    assert live.readout.value.endswith(f"max error = {approximation_error('wave', 4):.3f}</div>")
    live.set(n=12)
    assert live.image.value != first
    right = fig.axes[1]
    curve = right.lines[0].get_ydata()
    assert curve[11] == pytest.approx(approximation_error("wave", 12)) and curve[11] < curve[0]
    assert right.get_yscale() == "log"
