"""Tests for lecture_lib.plots.regularization: builders draw, and draw() moves the right artists."""

import numpy as np

from lecture_lib import plots
from lecture_lib.topics.regularization import (lasso, lasso_path, polynomial_fit_errors, ridge,
                                               ridge_path, sparse_linear_data)
from lecture_lib.training import History


def _animated(ax):
    return [line for line in ax.get_lines() if line.get_animated()]


def test_degree_fit_shows_the_chosen_degree_and_data_set():
    fits = {n: polynomial_fit_errors(range(0, 8), n_train=n, seed=0) for n in (15, 100)}
    fig, draw = plots.regularization.degree_fit(fits, noise_var=0.09)
    draw(5, 100)
    fig.canvas.draw()
    left, right = fig.axes
    points, curve = _animated(left)
    np.testing.assert_array_equal(points.get_xdata(), fits[100].x_train)
    np.testing.assert_array_equal(curve.get_ydata(), fits[100].curves[5])
    train, test, mark_train, mark_test, now = _animated(right)
    np.testing.assert_array_equal(test.get_ydata(), fits[100].test_mse)
    assert mark_test.get_xdata()[0] == 5 and mark_test.get_ydata()[0] == fits[100].test_mse[5]
    assert mark_train.get_ydata()[0] == fits[100].train_mse[5]
    assert list(now.get_xdata()) == [5, 5]
    assert right.get_xlabel() == "polynomial degree $d$" and right.get_ylim() == (0.0, 1.0)
    draw(2, 15)
    np.testing.assert_array_equal(points.get_ydata(), fits[15].y_train)
    assert len(right.get_legend().get_texts()) == 4


def test_coefficient_paths_mark_the_current_lambda():
    X, y, beta = sparse_linear_data()
    lams = np.logspace(-1, 3, 9)
    L, R = lasso_path(X, y, lams), ridge_path(X, y, lams)
    fig, draw = plots.regularization.coefficient_paths(lams, L, R, beta)
    draw(6)
    fig.canvas.draw()
    now, lasso_ax, ridge_ax = fig.axes[:3]
    l_now, r_now = _animated(now)
    np.testing.assert_allclose(l_now.get_ydata(), lasso(X, y, lams[6]).coef, atol=1e-8)
    np.testing.assert_allclose(r_now.get_ydata(), ridge(X, y, lams[6]).coef)
    for ax, coefs in ((lasso_ax, L), (ridge_ax, R)):
        assert ax.get_xscale() == "log" and ax.get_xlim() == (lams[0], lams[-1])
        assert _animated(ax)[0].get_xdata()[0] == lams[6]
        dots = [c for c in ax.collections if c.get_animated()][0]
        np.testing.assert_allclose(dots.get_offsets(), np.column_stack([np.full(8, lams[6]),
                                                                        coefs[6]]))
        static = [line for line in ax.get_lines() if not line.get_animated()][1:]
        np.testing.assert_allclose(static[0].get_ydata(), coefs[:, 0])
    # the three useful features have their own colours, the five useless ones share grey
    colours = {line.get_color() for line in lasso_ax.get_lines()[1:9]}
    assert len(colours) == 4


def test_static_figures():
    b = np.linspace(-2, 2, 5)
    fig = plots.regularization.one_coefficient(b, 2.0, [-1, 0, 0, 0, 1], b / 3)
    fig.canvas.draw()
    lasso_line = fig.axes[1].get_lines()[1]
    np.testing.assert_array_equal(lasso_line.get_ydata(), [-1, 0, 0, 0, 1])
    h = History(epochs=[1, 2, 3], train_loss=[1.0, 0.5, 0.2], test_loss=[1.2, 0.8, 0.9])
    x = np.linspace(0, 1, 4)
    fig = plots.regularization.early_stopping(h, 2, x, x, x, x, {"a": x, "b": -x})
    fig.canvas.draw()
    left = fig.axes[0]
    assert left.get_yscale() == "log" and left.get_xlabel() == "epoch"
    star = left.get_lines()[-1]
    assert (star.get_xdata()[0], star.get_ydata()[0]) == (2, 0.8)
    assert len(fig.axes[1].get_legend().get_texts()) == 4


def test_more_data_draws_test_error_and_fit_per_size():
    fits = {n: polynomial_fit_errors(range(0, 8), n_train=n, seed=0) for n in (15, 100)}
    fig = plots.regularization.more_data(fits, degree=5, noise_var=0.09)
    fig.canvas.draw()
    left, right = fig.axes
    assert left.get_yscale() == "log" and left.get_xlabel() == "polynomial degree $d$"
    for line, n in zip(left.get_lines(), (15, 100)):
        np.testing.assert_array_equal(line.get_ydata(), fits[n].test_mse)
    fit_lines = right.get_lines()[1:]                  # after the true function
    for line, n in zip(fit_lines, (15, 100)):
        np.testing.assert_array_equal(line.get_ydata(), fits[n].curves[5])
    assert [t.get_text() for t in left.get_legend().get_texts()][:2] == ["$n$ = 15", "$n$ = 100"]


def _below_its_axes(ax):
    """The legend lies entirely under the axes and its x label, inside the figure."""
    legend = ax.get_legend().get_window_extent()
    label = ax.xaxis.label.get_window_extent()
    return legend.y1 <= label.y0 and legend.y0 >= 0


def test_legends_that_would_cover_data_sit_under_their_axes():
    fits = {n: polynomial_fit_errors(range(0, 8), n_train=n, seed=0) for n in (15, 100)}
    fig, draw = plots.regularization.degree_fit(fits, noise_var=0.09)
    draw(3, 15)
    fig.canvas.draw()
    assert all(_below_its_axes(ax) for ax in fig.axes)      # the moving d line spans the panel
    X, y, beta = sparse_linear_data()
    lams = np.logspace(-1, 3, 9)
    fig, _ = plots.regularization.coefficient_paths(lams, lasso_path(X, y, lams),
                                                    ridge_path(X, y, lams), beta)
    fig.canvas.draw()
    assert _below_its_axes(fig.axes[1])
    h = History(epochs=[1, 2, 3], train_loss=[1.0, 0.5, 0.2], test_loss=[1.2, 0.8, 0.9])
    x = np.linspace(0, 1, 4)
    fig = plots.regularization.early_stopping(h, 2, x, x, x, x, {"a": x, "b": -x})
    fig.canvas.draw()
    assert _below_its_axes(fig.axes[1])
    fig = plots.regularization.more_data(fits, degree=5, noise_var=0.09)
    fig.canvas.draw()
    assert _below_its_axes(fig.axes[1])
