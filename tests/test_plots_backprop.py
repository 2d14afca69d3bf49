"""Smoke tests with real assertions for lecture_lib.plots.backprop."""

import numpy as np
from matplotlib.colors import to_hex

from lecture_lib import plots
from lecture_lib.topics.backprop import backward_pass, branching_network, small_network
from lecture_lib.interactive import LiveFigure, Slider
from lecture_lib.plots.style import COLORS


def _animated_texts(fig):
    """The forward and the backward numbers on the nodes."""
    forward, backward = [a for a in fig.axes[0].artists if isinstance(a, plots.NumberLabels)]
    return forward.strings, backward.strings


def test_graph_writes_forward_and_backward_values_on_every_node():
    fig, draw = plots.backprop.graph()
    loss, steps = backward_pass(small_network(), [[1.0]], [[1.0]])
    draw(steps, loss)
    forward, backward = _animated_texts(fig)
    assert forward == ["1.00", "1.50", "0.50", "1.50", "0.50", "1.45", "0.20"]
    # dL/dx = 1.35·1 + (-1.8)(-0.5), delta1, dL/da1 = delta2·W2 (both units on), delta2, 1
    assert backward == ["2.25", "1.35", "-1.80", "1.35", "-1.80", "0.90", "1.00"]


def test_graph_of_a_unit_feeding_two_units_shows_the_summed_delta():
    net = branching_network()
    fig, draw = plots.backprop.graph(net.layer_sizes, activation="σ")
    loss, steps = backward_pass(net, [[1.0]], [[0.0]])
    draw(steps, loss)
    forward, backward = _animated_texts(fig)
    assert len(forward) == len(backward) == 9   # x, z, a, z', z'', a', a'', y_hat, L
    d1, d2 = steps[1].delta[0]
    w3, w4 = net.weights[1][0]
    assert backward[2] == f"{w3 * d1 + w4 * d2:.2f}"     # dL/da = w3 δ' + w4 δ''
    assert float(backward[1]) == round(steps[0].delta[0, 0], 2)
    assert len([ln for ln in fig.axes[0].lines if ln.get_animated()]) == 5


def test_graph_layout_rejects_several_outputs():
    import pytest
    with pytest.raises(ValueError, match="layer_sizes"):
        plots.backprop.graph_layout((1, 2, 2))


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


def test_graph_static_picture_shows_the_animated_numbers_and_edges():
    """plots.show draws the artists animated for blitting (a plain draw would skip them)."""
    import io
    from PIL import Image
    from lecture_lib.plots.style import png_bytes

    fig, draw = plots.backprop.graph()
    blank = np.asarray(Image.open(io.BytesIO(png_bytes(fig))).convert("RGB"))
    loss, steps = backward_pass(small_network(), [[1.0]], [[1.0]])
    draw(steps, loss)
    pixels = np.asarray(Image.open(io.BytesIO(png_bytes(fig))).convert("RGB"))
    red = np.array([int(COLORS["red"][i:i + 2], 16) for i in (1, 3, 5)])

    def n_red(image):
        return (np.abs(image.astype(int) - red).sum(axis=2) < 30).sum()
    assert n_red(pixels) > n_red(blank) + 1000      # the red edges, not only the legend's swatch
    assert not np.array_equal(pixels, blank)
    assert all(a.get_animated() for a in fig.axes[0].artists
               if isinstance(a, plots.NumberLabels))       # still ready for a LiveFigure


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


def test_graph_edge_of_a_dead_unit_is_grey_and_faded():
    fig, draw = plots.backprop.graph()
    loss, steps = backward_pass(small_network(), [[2.5]], [[1.0]])  # z2 = -0.25: unit 2 off
    draw(steps, loss)
    edges = [ln for ln in fig.axes[0].lines if ln.get_animated()]
    for dead in (edges[1], edges[3]):                    # W1[0,1] and W2[1,0]
        assert to_hex(dead.get_color()) == COLORS["grey"].lower() and dead.get_alpha() < 1


def test_number_labels_look_like_centred_text():
    """The cached-glyph numbers land where Text(ha="center", va="center") puts them."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    pictures = []
    for use_labels in (False, True):
        fig = Figure(figsize=(3, 0.6), dpi=100)
        FigureCanvasAgg(fig)
        ax = fig.add_axes([0, 0, 1, 1], xlim=(0, 3), ylim=(0, 1))
        ax.axis("off")
        values, xy = [1.5, -0.25, 155.0], [(0.5, 0.5), (1.5, 0.5), (2.5, 0.5)]
        if use_labels:
            labels = ax.add_artist(plots.NumberLabels(xy, size=12, color="black"))
            labels.set_values(values)
        else:
            for (x, y), v in zip(xy, values):
                ax.text(x, y, f"{v:.2f}", ha="center", va="center", fontsize=12)
        fig.canvas.draw()
        pictures.append(np.asarray(fig.canvas.buffer_rgba())[:, :, 0].astype(float))
    ink = [255 - p for p in pictures]
    assert abs(ink[0].sum() - ink[1].sum()) < 0.1 * ink[0].sum()      # as much ink
    for axis in (0, 1):                                                # in the same place
        centre = [np.sum(i.sum(axis=1 - axis) * np.arange(i.shape[axis])) / i.sum() for i in ink]
        assert abs(centre[0] - centre[1]) < 1.0
    assert np.abs(pictures[0] - pictures[1]).mean() < 8
