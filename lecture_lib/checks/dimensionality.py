"""Checks for notebook 16, the curse of dimensionality. Each takes the student's answer."""

from __future__ import annotations

import math

from ..topics.dimensionality import (ball_to_cube_volume_ratio, samples_for_density,
                                     shell_fraction)
from . import Result, check_number


def disc_share(answer) -> Result:
    """Share of the unit square covered by its inscribed disc (radius 1/2): π/4 ≈ 0.785."""
    return check_number(answer, ball_to_cube_volume_ratio(2), what="the disc's share of the "
                        "square", tol=2e-3, hints={
        math.pi: "π is the area of a disc of radius 1; the inscribed disc has radius 1/2.",
        math.pi / 2: "the area is π r² with r = 1/2: square the radius.",
        1.0: "the disc misses the four corners of the square, so its share is below 1.",
    }, default_hint="area of the disc π r² with r = 1/2, divided by the square's area 1.")


def shell_share(answer) -> Result:
    """Share of a 10-dimensional ball within 10 % of its surface: 1 − 0.9¹⁰ ≈ 0.651."""
    expected = shell_fraction(10, 0.1)
    return check_number(answer, expected, what="the share of the volume in the shell",
                        tol=2e-3, hints={
        0.1: "0.1 is the answer for d = 1; in d dimensions the inner ball keeps (1 − ε)^d.",
        0.9 ** 10: "0.349 = 0.9¹⁰ is the share of the inner ball; the shell holds the rest.",
        1.0: "close, but not all of it: the inner ball still holds 0.9¹⁰.",
    }, default_hint="the inner ball of radius 1 − ε holds (1 − ε)^d of the volume; the shell "
                    "holds 1 minus that.")


def grid_samples(answer) -> Result:
    """Samples for 10 points per axis in 5 dimensions: 10⁵ = 100,000."""
    expected = samples_for_density(5, 10)
    return check_number(answer, expected, what="the number of samples", tol=0.5, hints={
        50: "10 · 5 adds the axes; every point on one axis is combined with every point "
            "on each other axis, so the counts multiply.",
        5 ** 10: "that is 5¹⁰; you need k^d with k = 10 per axis and d = 5 axes.",
        10_000: "10⁴ is four dimensions; count the axes again.",
    }, default_hint="k points per axis in d dimensions make a grid of k^d points.")


def ratio_limit(answer) -> Result:
    """What D_min / D_max approaches as d grows: 1 (nearest and farthest become alike)."""
    return check_number(answer, 1.0, what="the limit of D_min / D_max", tol=1e-3, hints={
        0.0: "0 is the limit of the relative contrast (D_max − D_min)/D_min, not of the ratio.",
    }, default_hint="if the relative contrast (D_max − D_min)/D_min → 0, what does "
                    "D_min / D_max approach?")
