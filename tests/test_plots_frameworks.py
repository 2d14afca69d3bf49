"""Tests for lecture_lib.plots.frameworks: what the trajectory, speed and live figures show."""

import numpy as np
from matplotlib.collections import LineCollection

from lecture_lib.plots.frameworks import (
    FLOOR,
    gradient_comparison,
    speed_chart,
    trajectories,
)
from lecture_lib.topics.frameworks import SpeedRow, Trajectory


def test_trajectories_draw_both_losses_and_the_differences_with_zeros_on_the_floor():
    run = Trajectory(np.array([1.0, 0.5, 0.25]), np.array([1.0, 0.5, 0.25 + 1e-16]),
                     np.array([0.0, 2e-16, 4e-16]))
    fig = trajectories(run)
    ax, ax_diff = fig.axes
    lib, tor = ax.get_lines()
    np.testing.assert_array_equal(lib.get_xdata(), [1, 2, 3])
    np.testing.assert_array_equal(tor.get_ydata(), run.loss_torch)
    params, gap = ax_diff.get_lines()[:2]
    np.testing.assert_array_equal(params.get_ydata(), [FLOOR, 2e-16, 4e-16])
    assert gap.get_ydata()[0] == FLOOR and gap.get_ydata()[2] > FLOOR
    assert ax.get_yscale() == ax_diff.get_yscale() == "log"
    assert all(a.get_xlabel() and a.get_ylabel() for a in fig.axes)


def test_speed_chart_places_each_size_at_its_work():
    rows = [SpeedRow((1, 3, 1), 100, 2e-5, 2e-4), SpeedRow((2, 64, 1), 1000, 1e-3, 2e-3)]
    fig = speed_chart(rows)
    (ax,) = fig.axes
    lib, tor = ax.get_lines()
    np.testing.assert_array_equal(lib.get_xdata(), [100 * 6, 1000 * (128 + 64)])
    np.testing.assert_array_equal(tor.get_ydata(), [2e-4, 2e-3])
    labels = [t.get_text() for t in ax.texts]
    assert labels == ["(1, 3, 1), n = 100\n×0.10", "(2, 64, 1), n = 1000\n×0.50"]
    assert ax.get_xscale() == ax.get_yscale() == "log" and ax.get_xlabel() and ax.get_ylabel()
    rows32 = [SpeedRow((1, 3, 1), 100, 2e-5, 2e-4, 4e-5), SpeedRow((2, 64, 1), 1000, 1e-3, 2e-3, 5e-4)]
    ax32 = speed_chart(rows32).axes[0]
    np.testing.assert_array_equal(ax32.get_lines()[2].get_ydata(), [4e-5, 5e-4])
    assert [t.get_text() for t in ax32.texts][1] == "(2, 64, 1), n = 1000\n×0.50 / ×2.00"


def test_speed_chart_labels_cross_no_line():
    """A line rising to the next size used to run through the label above a point."""
    rows = [SpeedRow((1, 3, 1), 100, 1.0e-4, 2.9e-4, 2.6e-4),
            SpeedRow((1, 100, 1), 100, 1.4e-4, 3.7e-4, 2.3e-4),
            SpeedRow((2, 64, 64, 64, 1), 1000, 2.6e-3, 5.1e-3, 1.65e-3),
            SpeedRow((16, 256, 256, 1), 1000, 1.2e-2, 1.5e-2, 6e-3)]
    fig = speed_chart(rows)
    fig.canvas.draw()
    (ax,) = fig.axes
    paths = [line.get_transform().transform_path(line.get_path()) for line in ax.get_lines()]
    boxes = [t.get_window_extent() for t in ax.texts]
    for box in boxes:
        assert not any(p.intersects_bbox(box, filled=False) for p in paths)
        assert ax.bbox.x0 <= box.x0 and box.x1 <= ax.bbox.x1
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_gradient_comparison_moves_curves_bars_and_dots():
    x = np.linspace(0, 1, 11)
    X, y = x[:, None], np.sin(x)[:, None]
    fig, draw = gradient_comparison(x, X, y, (1, 3, 1))   # 10 parameters
    ax, ax_g = fig.axes
    grads = np.linspace(-20, 20, 10)
    draw(np.sin(x), np.cos(x), grads, grads + 1.0)
    lib, tor = [line for line in ax.get_lines() if line.get_animated()]
    np.testing.assert_array_equal(lib.get_ydata(), np.sin(x))
    np.testing.assert_array_equal(tor.get_ydata(), np.cos(x))
    bars = next(c for c in ax_g.collections if isinstance(c, LineCollection))
    tops = np.array([seg[1] for seg in bars.get_segments()])
    np.testing.assert_array_equal(tops[:, 0], np.arange(10))
    np.testing.assert_array_equal(tops[:, 1], np.clip(grads, -10, 10))   # clipped to the axis
    dots = next(line for line in ax_g.get_lines() if line.get_animated())
    np.testing.assert_array_equal(dots.get_ydata(), np.clip(grads + 1.0, -10, 10))
    assert [t.get_text() for t in ax_g.texts] == ["$W^{(1)}$", "$b^{(1)}$", "$W^{(2)}$"]
    assert ax_g.get_yscale() == "symlog" and ax_g.get_xlim() == (-1, 10)
