"""Tests for lecture_lib.plots.dimensionality: builders draw, and draw() moves the right artists."""

import numpy as np
import pytest

from lecture_lib import plots
from lecture_lib.topics.dimensionality import (ball_to_cube_volume_ratio, query_distances,
                                               samples_for_density, shell_fraction)

DIMS = np.arange(1, 21)


def _animated(ax):
    return [line for line in ax.get_lines() if line.get_animated()]


def test_ball_in_cube_marks_share_and_corner():
    fig, draw = plots.dimensionality.ball_in_cube(DIMS, ball_to_cube_volume_ratio(DIMS))
    draw(4)
    fig.canvas.draw()
    left, right = fig.axes
    (share,) = _animated(left)
    assert share.get_ydata()[0] == pytest.approx(np.pi ** 2 / 32)
    (corner,) = _animated(right)
    assert corner.get_ydata()[0] == pytest.approx(1.0)          # sqrt(4) / 2
    assert left.get_yscale() == "log" and left.get_xlabel() == "dimension $d$"


@pytest.mark.parametrize("d", [1, 2, 3, 100])
def test_ball_in_cube_ring_markers_are_not_clipped(d):
    dims = np.arange(1, 101)
    fig, draw = plots.dimensionality.ball_in_cube(dims, ball_to_cube_volume_ratio(dims))
    draw(d)
    fig.canvas.draw()
    for ax in fig.axes:
        (ring,) = _animated(ax)
        x, y = ax.transData.transform((ring.get_xdata()[0], ring.get_ydata()[0]))
        r = (ring.get_markersize() + ring.get_markeredgewidth()) / 2 * fig.dpi / 72
        box = ax.bbox
        assert box.x0 + r <= x <= box.x1 - r and box.y0 + r <= y <= box.y1 - r


def test_shell_shows_r_to_the_d_and_the_shell_share():
    fig, draw = plots.dimensionality.shell(DIMS)
    draw(10, 0.1, shell_fraction(DIMS, 0.1))
    fig.canvas.draw()
    left, right = fig.axes
    inside, level, jump = _animated(left)
    np.testing.assert_allclose(inside.get_ydata(), inside.get_xdata() ** 10)
    assert jump.get_ydata()[1] - jump.get_ydata()[0] == pytest.approx(shell_fraction(10, 0.1))
    curve, now = _animated(right)
    assert now.get_ydata()[0] == pytest.approx(1 - 0.9 ** 10)
    np.testing.assert_allclose(curve.get_ydata(), 1 - 0.9 ** DIMS)


def test_distance_histogram_counts_every_point_and_marks_extremes():
    distances = {d: query_distances(d, n_points=200, seed=d)[0] for d in DIMS}
    contrast = np.linspace(10, 1, DIMS.size)
    fig, draw = plots.dimensionality.distance_histograms(DIMS, distances, contrast, x_max=4.0)
    draw(7)
    fig.canvas.draw()
    left, right = fig.axes
    hist = [p for p in left.patches if p.get_animated()][0]
    assert hist.get_data().values.sum() == pytest.approx(1.0)
    near, far = _animated(left)
    d7 = distances[7]
    assert near.get_xdata()[0] == pytest.approx(d7.min() / d7.mean())
    assert far.get_xdata()[0] == pytest.approx(d7.max() / d7.mean())
    assert _animated(right)[0].get_ydata()[0] == contrast[6]
    assert right.get_xscale() == "log" and right.get_yscale() == "log"


def test_density_grid_has_k_squared_points_and_k_to_the_d():
    fig, draw = plots.dimensionality.density_grid(DIMS)
    draw(3, 5, samples_for_density(DIMS, 3))
    fig.canvas.draw()
    left, right = fig.axes
    (grid,) = _animated(left)
    assert len(grid.get_xdata()) == 9
    curve, now = _animated(right)
    assert now.get_ydata()[0] == 243.0
    np.testing.assert_allclose(curve.get_ydata(), 3.0 ** DIMS)


def test_density_examples_show_k_to_the_d_points():
    fig = plots.dimensionality.density_examples(k=4)
    fig.canvas.draw()
    one, two, three = fig.axes
    assert one.get_lines()[0].get_xdata().size == 4
    assert two.get_lines()[0].get_xdata().size == samples_for_density(2, 4)
    assert three.collections[0].get_offsets().shape[0] == samples_for_density(3, 4)
    assert "= 64" in three.get_title() and "= 16" in two.get_title()
