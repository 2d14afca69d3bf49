"""Smoke tests for lecture_lib.plots.descent: builders draw and draw() shows the given paths."""

import numpy as np

from lecture_lib import plots
from lecture_lib.topics.descent import descent_path, sgd_path
from lecture_lib.fitting import error_surface, least_squares, line_data, mse_objective
from lecture_lib.training import GD, SGD, Adam

X, Y = line_data(12, seed=1)
W_STAR, B_STAR = least_squares(X, Y)


def _moving_lines(ax):
    return [line for line in ax.get_lines() if line.get_animated()]


def test_loss_curve_steps_shows_the_path_and_the_eta_marker():
    objective = mse_objective(X, Y, b=B_STAR)
    grid = np.linspace(-2, 3, 50)
    fig, draw = plots.descent.loss_curve_steps(grid, [objective([w])[0] for w in grid], W_STAR,
                                               curvature=4.0, eta_max=0.6, steps=8)
    path = descent_path(objective, [-1.0], GD(0.05), 8)
    draw(path, 0.05)
    fig.canvas.draw()
    curve, trace, strip = fig.axes
    steps = _moving_lines(curve)[0]
    np.testing.assert_allclose(steps.get_xdata(), path.params[:, 0])
    np.testing.assert_allclose(steps.get_ydata(), path.loss)
    np.testing.assert_allclose(_moving_lines(trace)[0].get_ydata(), path.params[:, 0])
    assert _moving_lines(strip)[0].get_xdata()[0] == 0.05
    assert any("2/L''" in t.get_text() and "0.500" in t.get_text() for t in strip.texts)
    assert [t.get_text() for t in strip.texts[:4]] == ["slow", "good", "oscillating", "diverging"]


def test_surface_paths_draws_one_path_per_optimiser():
    w_grid, b_grid = np.linspace(-1, 2.5, 30), np.linspace(-2, 4, 25)
    surface = error_surface(X, Y, w_grid, b_grid)
    fig, draw = plots.descent.surface_paths(w_grid, b_grid, surface, (W_STAR, B_STAR),
                                            ["GD", "Adam"], progress_max=20)
    objective = mse_objective(X, Y)
    paths = [descent_path(objective, [2.0, 3.0], opt, 20) for opt in (GD(0.02), Adam(0.1))]
    draw(paths)
    fig.canvas.draw()
    left, right = fig.axes
    moving = _moving_lines(left)
    for path, line in zip(paths, moving[:2]):
        np.testing.assert_allclose(line.get_xdata(), path.params[:, 0])
        np.testing.assert_allclose(line.get_ydata(), path.params[:, 1])
    np.testing.assert_allclose(_moving_lines(right)[1].get_ydata(), paths[1].loss)
    assert right.get_yscale() == "log" and right.get_xlim() == (0.0, 20.0)


def test_surface_paths_takes_epochs_as_progress():
    w_grid, b_grid = np.linspace(-1, 2.5, 30), np.linspace(-2, 4, 25)
    fig, draw = plots.descent.surface_paths(w_grid, b_grid, error_surface(X, Y, w_grid, b_grid),
                                            (W_STAR, B_STAR), ["SGD"], progress_max=3,
                                            progress_label="epoch")
    path = sgd_path(X, Y, SGD(0.02), (2.0, 3.0), epochs=3, batch_size=4)
    progress = np.arange(path.n_updates + 1) / 3
    draw([path], progress=progress, marks=[0, *path.epoch_ends])
    fig.canvas.draw()
    curve = _moving_lines(fig.axes[1])[0]
    np.testing.assert_allclose(curve.get_xdata(), progress)
    assert curve.get_xdata()[path.epoch_ends[-1]] == 3.0
