"""Tests for lecture_lib.plots.training: what the playground figure and the snapshots show."""

from types import SimpleNamespace

import matplotlib
import numpy as np
import pytest
from matplotlib.colors import to_rgb

from lecture_lib.networks import Network
from lecture_lib.plots.training import (BLUE_ORANGE, CLASS_COLORS, playground_figure,
                                        training_snapshots)


def _classification():
    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, (40, 2))
    y = (X[:, 0] > 0).astype(np.int64)
    return SimpleNamespace(X_train=X[:30], y_train=y[:30], X_test=X[30:], y_test=y[30:],
                           task="classification", extent=((-1.2, 1.2), (-1.1, 1.1)))


def _regression():
    x = np.linspace(0, 1, 20)[:, None]
    return SimpleNamespace(X_train=x[::2], y_train=np.sin(x[::2]), X_test=x[1::2],
                           y_test=np.sin(x[1::2]), task="regression",
                           extent=((-0.1, 1.1), (-0.5, 1.5)))


def _heat(fig):
    return next(a for a in fig.axes[0].get_children() if hasattr(a, "set_values"))


def test_colormap_runs_from_pale_blue_through_white_to_pale_orange():
    cmap = matplotlib.colormaps[BLUE_ORANGE]
    np.testing.assert_allclose(cmap(0.5)[:3], (1, 1, 1), atol=0.01)
    low, high = np.array(cmap(0.0)[:3]), np.array(cmap(1.0)[:3])
    blue, orange = np.array(to_rgb(CLASS_COLORS[0])), np.array(to_rgb(CLASS_COLORS[1]))
    assert np.argmax(low) == np.argmax(blue) == 2      # blue channel dominates
    assert np.argmax(high) == np.argmax(orange) == 0   # red channel dominates
    assert np.all(low > blue) and np.all(high >= orange)  # paler than the point colours


def test_heat_map_shows_the_network_probability_on_the_grid():
    fig, draw = playground_figure(grid_points=20)
    data = _classification()
    net = Network((2, 4, 1), activation="tanh", output_activation="sigmoid", seed=3)
    assert draw(net, [], [], data) is True        # new data: static parts changed
    assert draw(net, [], [], data) is False       # same data: blitting is enough
    heat = _heat(fig)
    assert heat.get_visible() and heat.codes.shape == (20, 20)
    g1, g2 = np.linspace(-1.2, 1.2, 20), np.linspace(-1.1, 1.1, 20)
    corner = net.forward([[g1[-1], g2[0]]])[0, 0]  # row 0 is the bottom of the axes
    assert heat.codes[0, -1] == int(np.clip(corner * 255, 0, 255))
    ax = fig.axes[0]
    assert ax.get_xlim() == (-1.2, 1.2) and "x_1" in ax.get_xlabel() and "x_2" in ax.get_ylabel()


def test_points_are_split_by_class_and_part():
    fig, draw = playground_figure()
    data = _classification()
    draw(Network((2, 1), output_activation="sigmoid"), [], [], data)
    marker_lines = [l for l in fig.axes[0].lines if l.get_marker() == "o"]
    assert len(marker_lines) == 4
    n_shown = sum(len(l.get_xdata()) for l in marker_lines if l.get_visible())
    assert n_shown == 40
    train0 = marker_lines[0]
    np.testing.assert_array_equal(train0.get_xdata(), data.X_train[data.y_train == 0, 0])
    assert train0.get_color() == CLASS_COLORS[0]


def test_regression_draws_the_fitted_curve_and_hides_the_heat_map():
    fig, draw = playground_figure()
    data = _regression()
    net = Network((1, 5, 1), activation="tanh", seed=1)
    draw(net, [], [], data)
    assert not _heat(fig).get_visible()
    fit = fig.axes[0].lines[0]
    assert fit.get_visible()
    x = np.asarray(fit.get_xdata())
    np.testing.assert_allclose(fit.get_ydata(), net.forward(x[:, None])[:, 0])
    assert fig.axes[0].get_ylabel() == "output $y$"
    assert not fig.axes[1].get_visible()  # the colour bar of p̂ makes no sense here


def test_loss_curves_follow_history_and_stay_inside_the_axes():
    fig, draw = playground_figure(epoch_limit=10, loss_limits=(1e-3, 3.0))
    data = _classification()
    net = Network((2, 1), output_activation="sigmoid")
    train_loss, test_loss = [0.7, 0.1, 1e-6, np.inf], [0.8, 0.2, 0.05, np.nan]
    draw(net, train_loss, test_loss, data)
    train_line, test_line = fig.axes[2].lines
    np.testing.assert_array_equal(train_line.get_xdata(), [1, 2, 3, 4])
    np.testing.assert_allclose(train_line.get_ydata(), [0.7, 0.1, 1e-3, 3.0])
    np.testing.assert_allclose(test_line.get_ydata(), [0.8, 0.2, 0.05, 3.0])
    assert fig.axes[2].get_yscale() == "log"


def test_epoch_axis_grows_when_training_runs_past_it_and_shrinks_on_restart():
    fig, draw = playground_figure(epoch_limit=10)
    data = _classification()
    net = Network((2, 1), output_activation="sigmoid")
    draw(net, [0.5] * 10, [0.5] * 10, data)
    assert draw(net, [0.5] * 25, [0.5] * 25, data) is True
    assert fig.axes[2].get_xlim() == (0, 40)
    assert draw(net, [], [], data) is True
    assert fig.axes[2].get_xlim() == (0, 10)


def test_default_epoch_axis_starts_short_and_fits_a_click_of_training():
    fig, draw = playground_figure(grid_points=10)
    data = _classification()
    net = Network((2, 1), output_activation="sigmoid")
    draw(net, [0.5] * 10, [0.5] * 10, data)     # ten Steps fill half of the axis
    assert fig.axes[2].get_xlim() == (0, 20)
    draw(net, [0.5] * 150, [0.5] * 150, data)   # one Train click: 20 → 40 → 80 → 160
    assert fig.axes[2].get_xlim() == (0, 160)
    draw(net, [0.5] * 301, [0.5] * 301, data)   # no fixed end at 300 epochs
    assert fig.axes[2].get_xlim() == (0, 320)


def test_a_diverged_network_draws_without_warnings():
    fig, draw = playground_figure(grid_points=10)
    net = Network((2, 3, 1), output_activation="sigmoid")
    net.weights[0][:] = np.inf
    draw(net, [np.inf], [np.nan], _classification())
    assert _heat(fig).codes.dtype == np.uint8
    fig.canvas.draw()


def test_training_snapshots_draws_each_fit_and_marks_the_loss():
    x = np.linspace(0, 1, 10)[:, None]
    nets = [(0, Network((1, 3, 1), seed=0)), (5, Network((1, 3, 1), seed=1))]
    losses = [1.0, 0.8, 0.6, 0.5, 0.4, 0.3]
    fig = training_snapshots(x, np.sin(x), nets, losses)
    ax, ax_loss = fig.axes
    fits = [l for l in ax.lines if l.get_label().startswith("epoch")]
    assert [l.get_label() for l in fits] == ["epoch 0", "epoch 5"]
    np.testing.assert_allclose(fits[1].get_ydata(), nets[1][1].forward(
        np.asarray(fits[1].get_xdata())[:, None])[:, 0])
    markers = [l for l in ax_loss.lines if l.get_marker() == "o"]
    assert [l.get_ydata()[0] for l in markers] == [1.0, 0.3]
    assert markers[1].get_color() == fits[1].get_color()
    assert ax_loss.get_yscale() == "log" and "epoch" in ax_loss.get_xlabel()
    fig.canvas.draw()


@pytest.mark.parametrize("count", [0, 6])
def test_training_snapshots_rejects_too_few_or_many(count):
    x = np.linspace(0, 1, 5)[:, None]
    with pytest.raises(ValueError, match="snapshots"):
        training_snapshots(x, x, [(i, Network((1, 2, 1))) for i in range(count)], [1.0] * 7)
