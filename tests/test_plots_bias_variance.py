"""Tests with real assertions for lecture_lib.plots.bias_variance."""

import numpy as np
import pytest
from matplotlib.collections import LineCollection

from lecture_lib import plots
from lecture_lib.topics.bias_variance import bias_variance_decomposition
from lecture_lib.interactive import LiveFigure, Slider


@pytest.fixture(scope="module")
def results():
    return {n: bias_variance_decomposition(range(8), n_train=n, n_datasets=30, design="fixed",
                                           seed=1) for n in (10, 40)}


def test_draw_returns_the_librarys_numbers(results):
    fig, draw = plots.bias_variance.decomposition_live(results, n_faint=5)
    for n, r in results.items():
        for d in (0, 3, 7):
            m = draw(d, n)
            assert m.bias2 == r.bias2[d] and m.variance == r.variance[d]
            assert m.total == pytest.approx(m.bias2 + m.variance + m.noise_variance)
            assert m.test_error == r.test_error[d] and m.std_error == r.std_error[d]
            assert m.noise_variance == pytest.approx(0.09)


def test_draw_moves_fits_band_mean_and_bars(results):
    fig, draw = plots.bias_variance.decomposition_live(results, n_faint=5)
    draw(3, 40)
    r = results[40]
    ax_fits, ax_bars, ax_curves = fig.axes[:3]
    faint = [c for c in ax_fits.collections if isinstance(c, LineCollection)][0]
    segs = faint.get_segments()
    assert len(segs) == 5 and np.allclose(segs[2][:, 1], r.fits[3, 2])
    mean_line = [ln for ln in ax_fits.lines if ln.get_animated() and ln.get_linewidth() == 3][0]
    assert np.allclose(mean_line.get_ydata(), r.mean_fit[3])
    band = ax_fits.patches[0].get_xy()
    assert np.isclose(band[:, 1].max(), (r.mean_fit[3] + r.fit_std[3]).max())
    boxes = [path.vertices for path in ax_bars.collections[0].get_paths()]
    tops = [box[:, 1].max() for box in boxes]
    bottoms = [box[:, 1].min() for box in boxes]
    assert tops[:3] == pytest.approx([r.bias2[3], r.variance[3], r.noise_variance])
    assert bottoms[:4] == [0, 0, 0, 0]
    # the stacked bar tops out at the sum, the last bar is the measured error
    assert tops[5] == pytest.approx(r.total[3]) and bottoms[5] == pytest.approx(
        r.bias2[3] + r.variance[3])
    assert tops[6] == pytest.approx(r.test_error[3])
    current = [ln for ln in ax_curves.lines if ln.get_animated() and ln.get_xdata()[0] == 3]
    assert current, "the current degree is marked"
    assert ax_curves.get_yscale() == "log"
    assert ax_curves.get_xlabel().startswith("polynomial degree $d$")


def test_off_scale_bars_get_a_marker(results):
    fig, draw = plots.bias_variance.decomposition_live(results, n_faint=5, value_max=0.2)
    ax_bars = fig.axes[1]
    off = [ln for ln in ax_bars.lines if ln.get_marker() == "^"][0]
    draw(5, 40)
    assert len(off.get_xdata()) == 0            # every bar fits under 0.2
    draw(0, 40)                                 # bias² ≈ 0.48 runs off the top
    assert list(off.get_xdata()) == [3, 4]


def test_live_figure_changes_picture_with_degree(results):
    fig, draw = plots.bias_variance.decomposition_live(results, n_faint=5)
    live = LiveFigure(fig, lambda d, n: str(draw(d, n).bias2),
                      [Slider("d", 3, 0, 7, 1), Slider("n", 10, 10, 40, 30)])
    before = live.image.value
    live.set(d=6)
    assert live.image.value != before
    assert live.readout.value and str(results[10].bias2[6]) in live.readout.value


def test_spread_grid_titles_and_bands(results):
    fig = plots.bias_variance.spread_grid([[(results[10], 1), (results[40], 1)],
                                           [(results[40], 5)]])
    axes = fig.axes
    assert len(axes) == 4
    assert axes[0].get_title().startswith("d = 1, n = 10\n")
    assert f"bias² = {results[40].bias2[1]:.3f}" in axes[1].get_title()
    assert axes[2].get_xlabel() == "input $x$" and axes[0].get_ylabel() == "output $y$"
    assert len(axes[0].collections) == 1        # the ±1 std band


def test_bar_boxes_stack_the_three_terms():
    boxes = plots.bias_variance.bar_boxes(0.1, 0.2, 0.09, 0.4)
    assert boxes.shape == (7, 4, 2)
    heights = boxes[:, :, 1].max(axis=1) - boxes[:, :, 1].min(axis=1)
    assert heights == pytest.approx([0.1, 0.2, 0.09, 0.1, 0.2, 0.09, 0.4])
    assert boxes[5, :, 1].max() == pytest.approx(0.39)          # the stack's top: the sum
    assert np.allclose(boxes[3:6, :, 0].mean(axis=1), 3.0)      # stacked at x = 3
