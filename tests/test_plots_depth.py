"""Smoke tests with real assertions for lecture_lib.plots.depth."""

import numpy as np

from lecture_lib import plots
from lecture_lib.topics.depth import activation_rms, gradient_rms
from lecture_lib.interactive import LiveFigure, Slider
from lecture_lib.networks import Network

OUTER = Network.from_weights([([[-1.0, 1.0]], [-0.3, -0.4]), ([[1.5], [2.0]], [-0.5])])


def inner_of(a):
    return Network.from_weights([([[1.0, 1.0, 1.0]], [1.0, 1 / 3, -1 / 3]),
                                 ([[3 * a], [-6 * a], [6 * a]], [-a])])


def test_composition_counts_and_ticks():
    fig, draw = plots.depth.composition(inner_of, OUTER)
    assert draw(a=1.0) == (3, 3, 9)
    ticks = [ln for ln in fig.axes[2].lines if ln.get_animated() and ln.get_marker() == "|"][0]
    assert len(ticks.get_xdata()) == 8
    assert draw(a=0.2)[2] < 9


def test_depth_vs_width_readout_and_mark():
    fig, draw = plots.depth.depth_vs_width()
    assert draw(5) == (31, 32, 10, 11)
    assert draw(1) == (7, 2, 2, 2)        # 2 units, joints at 0 and 0.5: the tent exactly
    assert fig.axes[2].get_yscale() == "log"
    assert fig.axes[2].get_xlabel() == "number of parameters"


def test_composition_band_follows_the_range_of_h():
    fig, draw = plots.depth.composition(inner_of, OUTER)
    for a in (1.0, 0.4):
        draw(a=a)
        band_h, band_2 = (next(p for p in ax.patches if p.get_animated()) for ax in fig.axes[:2])
        assert np.isclose(band_h.get_y(), -a) and np.isclose(band_h.get_height(), 2 * a)
        assert np.isclose(band_2.get_x(), -a) and np.isclose(band_2.get_width(), 2 * a)


def test_init_scale_draws_measured_activations_and_deltas():
    fig, draw = plots.depth.init_scale()
    rms, grad = draw(1.0, 20)
    np.testing.assert_allclose(rms, activation_rms(20, 1.0))
    np.testing.assert_allclose(grad, gradient_rms(20, 1.0))
    lines = {ln.get_label(): ln for ln in fig.axes[0].lines}
    assert len(lines["activations $a^{(l)}$"].get_xdata()) == 21
    deltas = next(ln for name, ln in lines.items() if name.startswith("deltas"))
    assert list(deltas.get_xdata()) == list(range(1, 21))
    assert grad[0] < 1e-2 * grad[-1]          # g = 1: the backward signal vanishes downwards


def test_init_scale_live_picture_changes():
    fig, draw = plots.depth.init_scale()
    live = LiveFigure(fig, lambda gain, depth: f"rms = {draw(gain, depth)[0][-1]:.3g}",
                      [Slider("gain", 1.0, 0.5, 2.5, 0.01), Slider("depth", 20, 1, 50, 1)])
    first = live.image.value
    live.set(gain=2.0)
    assert live.image.value != first
    assert f"rms = {activation_rms(20, 2.0)[-1]:.3g}" in live.readout.value
