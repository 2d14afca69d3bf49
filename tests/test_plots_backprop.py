"""Smoke tests with real assertions for lecture_lib.plots.backprop."""

import numpy as np
from matplotlib.colors import to_hex

from lecture_lib import plots
from lecture_lib.backprop import backward_pass, small_network
from lecture_lib.interactive import LiveFigure, Slider
from lecture_lib.plots.style import COLORS


def _animated_texts(fig):
    return [t.get_text() for t in fig.axes[0].texts if t.get_animated()]


def test_graph_writes_forward_values_on_the_nodes():
    fig, draw = plots.backprop.graph()
    loss, steps = backward_pass(small_network(), [[1.0]], [[1.0]])
    draw(steps, loss)
    assert _animated_texts(fig) == ["1.00", "1.50", "0.50", "1.50", "0.50", "1.45", "0.20"]


def test_graph_edges_follow_gradient_sign_and_size():
    fig, draw = plots.backprop.graph(grad_scale=3.0)
    loss, steps = backward_pass(small_network(), [[1.0]], [[1.0]])
    draw(steps, loss)
    edges = [ln for ln in fig.axes[0].lines if ln.get_animated()]
    colours = [to_hex(e.get_color()) for e in edges]   # W1[0,0], W1[0,1], W2[0,0], W2[1,0]
    assert colours == [COLORS["red"].lower(), COLORS["sky"].lower(),
                       COLORS["red"].lower(), COLORS["red"].lower()]
    widths = [e.get_linewidth() for e in edges]
    assert np.isclose(widths[0], 1 + 9 * 1.35 / 3) and np.isclose(widths[3], 1 + 9 * 0.45 / 3)


def test_graph_live_picture_changes():
    fig, draw = plots.backprop.graph()

    def update(x):
        loss, steps = backward_pass(small_network(), [[x]], [[1.0]])
        draw(steps, loss)
        return f"L = {loss:.3f}"
    live = LiveFigure(fig, update, [Slider("x", 1.0, -3, 3, 0.1)])
    first = live.image.value
    live.set(x=2.5)
    assert live.image.value != first
    assert "L = 13.690" in live.readout.value


def test_gradient_check_bars_log_axis_and_labels():
    fig = plots.backprop.gradient_check_bars(["a", "b"], [1e-10, 0.0])
    ax = fig.axes[0]
    assert ax.get_xscale() == "log"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b"]
    assert [p.get_width() for p in ax.patches] == [1e-10, 1e-16]
