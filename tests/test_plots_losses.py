"""Smoke tests for lecture_lib.plots.losses that check what is drawn."""

import numpy as np
import pytest

from lecture_lib import losses, plots
from lecture_lib.interactive import LiveFigure, Slider
from lecture_lib.topics.losses import data_with_outlier, fit_line


def test_outlier_fits_draws_both_fitted_lines():
    fig, draw = plots.losses.outlier_fits()
    live = LiveFigure(fig, lambda outlier: str(draw(outlier)[1][-1]),
                      [Slider("outlier", 0.0, -20, 20, 0.5)])
    before = live.image.value
    live.set(outlier=15.0)
    assert live.image.value != before
    left, right = fig.axes
    x, y = data_with_outlier(20, 15.0)
    mse_line, mae_line = left.lines[-2:]
    for line, loss in ((mse_line, "mse"), (mae_line, "mae")):
        w, b = fit_line(x, y, loss)
        np.testing.assert_allclose(line.get_ydata(), w * line.get_xdata() + b)
    assert left.lines[0].get_ydata()[0] == pytest.approx(y[-1])
    assert left.get_xlabel() and left.get_ylabel() and right.get_legend() is not None


def test_loss_curves_values():
    fig = plots.losses.loss_curves()
    left, right = fig.axes
    r = left.lines[0].get_xdata()
    np.testing.assert_allclose(left.lines[0].get_ydata(), r ** 2)
    np.testing.assert_allclose(left.lines[1].get_ydata(), np.abs(r))
    p = right.lines[0].get_xdata()
    np.testing.assert_allclose(right.lines[0].get_ydata(), -np.log(p), rtol=1e-9)
    np.testing.assert_allclose(right.lines[1].get_ydata(), -np.log1p(-p), rtol=1e-9)


def test_softmax_figure_bars_and_loss():
    fig, draw = plots.losses.softmax_ce_figure()
    probs, value = draw([2.0, 1.0, 0.0], 2)
    left, right = fig.axes
    heights = [b.get_height() for b in left.patches]
    np.testing.assert_allclose(heights, probs)
    assert sum(heights) == pytest.approx(1.0)
    assert value == pytest.approx(losses.cross_entropy([2], [[2.0, 1.0, 0.0]]))
    curve = right.lines[0]
    i = np.argmin(np.abs(curve.get_xdata() - 0.0))
    assert curve.get_ydata()[i] == pytest.approx(value, rel=1e-9)
    assert np.all(np.diff(curve.get_ydata()) < 0)   # larger true logit, smaller loss
