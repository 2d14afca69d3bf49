"""Tests with real assertions for lecture_lib.plots.double_descent."""

import numpy as np
import pytest

from lecture_lib import plots
from lecture_lib.topics.double_descent import describe_curves, double_descent_curve, double_descent_grid
from lecture_lib.interactive import Choice, LiveFigure, Slider


@pytest.fixture(scope="module")
def grid():
    return double_descent_grid(range(1, 41), [0.0, 0.5], [0.0, 0.1], n_train=20, n_test=100,
                               n_repeats=3, seed=0)


def _animated(ax, label):
    return [ln for ln in ax.lines if ln.get_label() == label][0]


def test_draw_shows_the_grid_curves_and_returns_the_summary(grid):
    fig, draw = plots.double_descent.curve_live(grid)
    ax = fig.axes[0]
    m = draw(0.5, 0.0)
    te, tr = grid.test_mse[1, 0], grid.train_mse[1, 0]
    assert np.allclose(_animated(ax, "test MSE (orange)").get_ydata(), te)
    train_line = [ln for ln in ax.lines if ln.get_label().startswith("train MSE")][0]
    assert np.allclose(train_line.get_ydata(), np.maximum(tr, plots.double_descent.FLOOR))
    assert m.peak == grid.hidden_units[np.argmax(te)] == 20       # the peak at p = n
    assert m.peak_mse == te.max() and m.best_mse == te.min()
    w = grid.hidden_units
    assert m.under_mse == te[w < 20].min() and m.under == w[w < 20][te[w < 20].argmin()]
    assert m.over_mse == te[w > 20].min() and m.over == w[w > 20][te[w > 20].argmin()]
    assert m.train_at_n == tr[19] and m.train_at_n < 1e-20 and m.at_n == te[19]
    assert m.noise_variance == 0.25
    assert list(_animated(ax, "peak at $p \\approx n$").get_xdata()) == [20]
    dots = _animated(ax, "lowest test MSE on each side")
    assert list(dots.get_xdata()) == [m.under, m.over]


def test_ridge_removes_the_peak_the_readout_says_so_and_noise_zero_hides_the_floor(grid):
    fig, draw = plots.double_descent.curve_live(grid)
    m = draw(0.5, 0.1)
    assert m.peak is None and np.isnan(m.peak_mse)
    assert list(_animated(fig.axes[0], "peak at $p \\approx n$").get_xdata()) == []
    assert m.at_n < draw(0.5, 0.0).peak_mse / 10
    assert m.train_at_n > 1e-6
    text = describe_curves(m)
    assert "no peak at p = n" in text and "peak test MSE" not in text
    draw(0.0, 0.1)
    floor = _animated(fig.axes[0], r"noise floor $\sigma^2$")
    assert not floor.get_visible()
    draw(0.5, 0.1)
    assert floor.get_visible() and floor.get_ydata()[0] == 0.25


def test_axes_are_fixed_log_with_the_threshold_marked(grid):
    fig, _ = plots.double_descent.curve_live(grid, y_range=(1e-3, 1e4))
    ax = fig.axes[0]
    assert ax.get_yscale() == "log" and ax.get_ylim() == pytest.approx((1e-3, 1e4))
    assert ax.get_xscale() == "log" and ax.get_xlim() == pytest.approx((1, 40))
    assert ax.get_xlabel() == "hidden units $p$ (log scale)"
    assert ax.get_ylabel() == "mean squared error"
    threshold = [ln for ln in ax.lines if ln.get_label().startswith("interpolation threshold")]
    assert threshold and list(threshold[0].get_xdata()) == [20, 20]


def test_live_figure_picture_follows_the_controls(grid):
    fig, draw = plots.double_descent.curve_live(grid)
    live = LiveFigure(fig, lambda sigma, lam: str(draw(sigma, float(lam)).peak),
                      [Slider("sigma", 0.5, 0.0, 0.5, 0.5), Choice("lam", "0", ("0", "0.1"))])
    before = live.image.value
    live.set(lam="0.1")
    assert live.image.value != before and "None" in live.readout.value
    live.set(lam="0")
    assert bytes(live.image.value) == bytes(before) and "20" in live.readout.value


def test_curves_static_one_colour_and_threshold_per_curve():
    curves = [double_descent_curve(range(1, 31), n_train=n, n_test=40, n_repeats=1, seed=0)
              for n in (10, 20)]
    fig = plots.double_descent.curves_static(curves)
    ax = fig.axes[0]
    vlines = [ln for ln in ax.lines if len(ln.get_xdata()) == 2
              and ln.get_xdata()[0] == ln.get_xdata()[1]]
    assert sorted(ln.get_xdata()[0] for ln in vlines) == [10, 20]
    assert ax.get_yscale() == "log" and ax.get_xscale() == "log"
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("$n = 10$" in t for t in labels) and any("$n = 20$" in t for t in labels)
    fig.canvas.draw()               # the legend lies under the x label, off the dotted lines
    assert ax.get_legend().get_window_extent().y1 <= ax.xaxis.label.get_window_extent().y0


def test_interpolation_regimes_titles_and_curves():
    x = np.linspace(-1, 1, 5)
    xg = np.linspace(-1, 1, 50)
    fits = {3: np.zeros((2, 50)), 5: np.ones(50), 9: np.zeros((4, 50))}
    fig = plots.double_descent.interpolation_regimes(x, x, xg, xg, fits)
    titles = [ax.get_title() for ax in fig.axes]
    assert titles[0].startswith("$p < n$") and titles[1].startswith("$p = n$")
    assert titles[2].startswith("$p > n$")
    # per panel: the fits (one line per first layer), the true curve, the points
    assert [len(ax.lines) for ax in fig.axes] == [2 + 2, 1 + 2, 4 + 2]
