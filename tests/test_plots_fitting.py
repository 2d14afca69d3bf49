"""Smoke tests for lecture_lib.plots.fitting: builders draw, and draw() moves the right artists."""

import numpy as np
from matplotlib.figure import Figure

from lecture_lib import plots
from lecture_lib.fitting import error_surface, least_squares, line_data

X, Y = line_data(8, seed=0)


def _animated(fig):
    return [a for a in fig.findobj() if a.get_animated()]


def test_line_and_surface_marks_the_current_point_and_the_minimum():
    w_grid, b_grid = np.linspace(-1, 2, 31), np.linspace(-1, 3, 41)
    S = error_surface(X, Y, w_grid, b_grid)
    best = least_squares(X, Y)
    fig, draw = plots.fitting.line_and_surface(X, Y, w_grid, b_grid, S, best,
                                               (-0.5, 4.5), (-1, 6))
    assert isinstance(fig, Figure)
    draw(1.25, -0.5)
    fig.canvas.draw()
    right = fig.axes[1]
    cross = next(l for l in right.get_lines() if l.get_animated())
    assert (cross.get_xdata()[0], cross.get_ydata()[0]) == (1.25, -0.5)
    star = next(l for l in right.get_lines() if not l.get_animated())
    np.testing.assert_allclose([star.get_xdata()[0], star.get_ydata()[0]], best)
    assert right.get_xlim() == (-1.0, 2.0) and right.get_ylim() == (-1.0, 3.0)
    assert right.get_xlabel() == "weight $w$" and right.get_ylabel() == "bias $b$"


def test_static_figures_draw_with_labels():
    fig = plots.fitting.function_plus_noise(X, Y, lambda x: 1.0 + 0.8 * x)
    fig.canvas.draw()
    ax = fig.axes[0]
    assert ax.get_xlabel() == "input $x$" and len(ax.get_legend().get_texts()) == 3
    fig = plots.fitting.mse_vs_mae(X, Y, {"MSE": (0.8, 1.0), "MAE": (0.7, 1.2)})
    fig.canvas.draw()
    lines = fig.axes[1].get_lines()
    np.testing.assert_allclose(lines[0].get_ydata(), 1.0 + 0.8 * lines[0].get_xdata())
    np.testing.assert_allclose(lines[1].get_ydata(), 1.2 + 0.7 * lines[1].get_xdata())
