"""Smoke tests for lecture_lib.plots.counting that look at what is drawn."""

import numpy as np
import pytest

from lecture_lib import plots
from lecture_lib.interactive import LiveFigure, Slider
from lecture_lib.topics.counting import shallow_parameters
from lecture_lib.plots.counting import slots


@pytest.mark.parametrize("count, shown, gap", [(1, 1, False), (12, 12, False), (13, 11, True),
                                               (30, 11, True)])
def test_slots_cap_the_nodes(count, shown, gap):
    y, where = slots(count)
    assert len(y) == shown and (where is not None) == gap
    assert np.all(np.diff(y) < 0)  # top to bottom, no overlap


def _edges(fig):
    ax = fig.axes[0]
    return {c.get_label() or i: c for i, c in enumerate(ax.collections[:4])}


@pytest.mark.parametrize("s, n, m", [(2, 3, 1), (1, 3, 1), (5, 7, 4)])
def test_small_networks_draw_every_edge(s, n, m):
    fig, draw = plots.counting.network_graph()
    draw(s, n, m)
    segments = [len(c.get_segments()) for c in fig.axes[0].collections[:4]]
    counts = shallow_parameters(s, n, m)
    assert segments == list(counts.parts())  # one edge per parameter
    widths = [b.get_width() for b in fig.axes[1].patches]
    assert np.isclose(sum(widths), 1.0)
    assert np.isclose(widths[0], counts.input_weights / counts.total)


def test_large_layers_are_truncated_and_pixels_change():
    fig, draw = plots.counting.network_graph(max_nodes=12)
    live = LiveFigure(fig, lambda s, n, m: draw(s, n, m),
                      [Slider("s", 2, 1, 20, 1), Slider("n", 3, 1, 30, 1), Slider("m", 1, 1, 10, 1)])
    before = live.image.value
    live.set(s=20, n=30, m=10)
    segments = [len(c.get_segments()) for c in fig.axes[0].collections[:4]]
    assert segments == [11 * 11, 11, 11 * 10, 10]
    assert live.image.value != before


def test_feature_explosion_bars_match_the_table():
    fig = plots.counting.feature_explosion(100, 5)
    ax = fig.axes[0]
    heights = [round(p.get_height()) for p in ax.patches]
    assert heights[:5] == [101, 10_101, 1_010_101, 101_010_101, 10_101_010_101]
    assert heights[5:] == [101, 5_151, 176_851, 4_598_126, 96_560_646]
    assert ax.get_yscale() == "log" and ax.get_xlabel() and ax.get_ylabel()
