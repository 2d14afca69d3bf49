"""Notebook 05's figures draw what the network computes."""

import numpy as np

from lecture_lib.interactive import LiveFigure, Slider
from lecture_lib.plots import shallow as plots
from lecture_lib.shallow import (EXAMPLE_2D_WEIGHTS, LECTURE_WEIGHTS, describe, shallow_1d,
                                 shallow_2d, hidden_units)


def test_anatomy_lines_hold_each_units_contribution_and_the_sum():
    fig, draw = plots.anatomy_1d(n_points=81)
    net = shallow_1d(**LECTURE_WEIGHTS)
    draw(net)
    lines = [a for a in fig.findobj() if getattr(a, "get_animated", lambda: False)() and hasattr(a, "get_ydata")]
    x = np.linspace(-4, 4, 81)
    parts = hidden_units(net, x[:, None])
    ydata = [np.asarray(line.get_ydata(), dtype=float) for line in lines if len(line.get_ydata()) == 81]
    assert any(np.allclose(y, parts.output[:, 0]) for y in ydata)
    for k in range(3):
        assert any(np.allclose(y, parts.contribution[:, k]) for y in ydata)


def test_heatmap_counts_regions_and_draws_in_a_live_figure():
    fig, draw = plots.heatmap_2d(n_points=61)
    assert draw(shallow_2d(**EXAMPLE_2D_WEIGHTS)) == 7
    assert draw(shallow_2d(**{**EXAMPLE_2D_WEIGHTS, "w14": 0, "w24": 0, "w34": 0, "b1": 9, "b2": 9, "b3": 9})) == 1
    live = LiveFigure(fig, lambda **w: f"regions = {draw(shallow_2d(**w))}",
                      [Slider(n, v, -3, 3, 0.1) for n, v in EXAMPLE_2D_WEIGHTS.items()])
    before = live.image.value
    live.set(b1=2.5)
    assert live.image.value != before and "regions = 5" in live.readout.value


def test_describe_reports_the_lecture_numbers():
    text = describe(shallow_1d(**LECTURE_WEIGHTS))
    assert text.splitlines() == [
        "y(-3) = -0.50",
        "joints at x = -2.00, 1.20, 2.00",
        "4 linear regions, slopes (1) 0.00, (2) -0.90, (3) 0.80, (4) -1.60",
    ]


def _heat_live(**weights):
    fig, draw = plots.heatmap_2d(n_points=61)
    values = {**EXAMPLE_2D_WEIGHTS, **weights}
    live = LiveFigure(fig, lambda **w: f"regions = {draw(shallow_2d(**w))}",
                      [Slider(n, v, -3, 3, 0.1) for n, v in values.items()])
    return fig, live


def test_redrawing_only_changed_axes_gives_the_same_pixels_as_a_full_draw():
    moved_fig, moved = _heat_live()
    moved.set(b1=1.0, w24=0.4)   # panels 1, 2 and the output change; panel 3 keeps its pixels
    fresh_fig, _ = _heat_live(b1=1.0, w24=0.4)
    assert np.array_equal(np.asarray(moved_fig.canvas.buffer_rgba()),
                          np.asarray(fresh_fig.canvas.buffer_rgba()))
