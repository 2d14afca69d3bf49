"""Smoke tests for lecture_lib.plots.perceptron: the figures draw what the numbers say."""

import numpy as np
import pytest
from matplotlib.figure import Figure

from lecture_lib import plots
from lecture_lib.interactive import LiveFigure, Slider
from lecture_lib.plots.panels import line_in_box
from lecture_lib.topics.perceptron import PARTY_WEIGHTS, gate, learning_rule


def test_party_table_colours_follow_the_decisions():
    fig, draw = plots.perceptron.party_table()
    draw(**PARTY_WEIGHTS)
    cells = [c for c in fig.axes[0].collections if c.get_animated()][0]
    blue = np.all(np.isclose(cells.get_facecolor()[:, :3],
                             np.array([0, 0x72, 0xB2]) / 255), axis=1)
    assert blue.tolist() == [False, True, False, True, False, True, True, True]
    bars = fig.axes[1].collections[0]
    widths = [p.vertices[:, 0].max() + p.vertices[:, 0].min() for p in bars.get_paths()]
    assert np.allclose(widths, [-3, 1, -1, 3, -1, 3, 1, 5])


def test_live_party_table_changes_picture():
    fig, draw = plots.perceptron.party_table()
    live = LiveFigure(fig, lambda b: draw(PARTY_WEIGHTS["w"], b), [Slider("b", -3, -8, 8, 0.5)])
    before = live.image.value
    live.set(b=-6.0)
    assert live.image.value != before and bytes(live.image.value)[:4] == b"\x89PNG"


def test_gate_plane_rings_misclassified_points():
    fig, draw = plots.perceptron.gate_plane()
    X, y, _, _ = gate("XOR")
    draw(X, y, (1.0, 1.0), -0.5)
    wrong = [l for l in fig.axes[0].lines if l.get_label() == "misclassified"][0]
    assert np.array_equal(np.column_stack(wrong.get_data()), [[1.0, 1.0]])
    decision = [l for l in fig.axes[0].lines if l.get_label().startswith("decision")][0]
    x1, x2 = decision.get_data()
    assert np.allclose(np.asarray(x1) + np.asarray(x2), 0.5)


def test_learning_steps_marks_step():
    fig, draw = plots.perceptron.learning_steps()
    X, y, _, _ = gate("AND")
    h = learning_rule(X, y)
    draw(h, X, y, 5)
    marker = [l for l in fig.axes[1].lines if l.get_linestyle() == "--"][0]
    assert list(marker.get_xdata()) == [5, 5]
    assert len(fig.axes[1].lines[0].get_xdata()) == 25


def test_xor_solution_is_static_figure():
    fig = plots.perceptron.xor_solution()
    assert isinstance(fig, Figure) and len(fig.axes) == 2
    assert "separates" in fig.axes[1].get_title()


@pytest.mark.parametrize("w, b, expect", [((0.0, 1.0), -0.5, "horizontal"),
                                          ((1.0, 0.0), -0.5, "vertical"),
                                          ((0.0, 0.0), 1.0, "none")])
def test_line_in_box(w, b, expect):
    x1, x2 = line_in_box(w, b, plots.perceptron.BOX)
    if expect == "none":
        assert len(x1) == 0
    elif expect == "horizontal":
        assert np.allclose(x2, 0.5)
    else:
        assert np.allclose(x1, 0.5)


@pytest.mark.parametrize("w, b", [((1.0, 2.0), -0.7), ((-0.3, 1.0), 0.2), ((2.0, -1.0), 5.0)])
def test_line_in_box_is_the_exact_segment_inside(w, b):
    x1, x2 = line_in_box(w, b, (-1.0, 1.0))
    if len(x1) == 0:                       # the line misses the square: no grid point on it
        g = np.linspace(-1, 1, 401)
        values = w[0] * g[:, None] + w[1] * g[None, :] + b
        assert np.all(values > 0) or np.all(values < 0)
        return
    np.testing.assert_allclose(w[0] * x1 + w[1] * x2 + b, 0.0, atol=1e-12)
    assert np.all((x1 >= -1 - 1e-12) & (x1 <= 1 + 1e-12) & (x2 >= -1 - 1e-12) & (x2 <= 1 + 1e-12))
    on_edge = np.isclose(np.abs(x1), 1.0) | np.isclose(np.abs(x2), 1.0)
    assert on_edge.all()
