"""Checks for notebook 16, the curse of dimensionality. Each takes the student's answer."""

from __future__ import annotations

import math

from ..i18n import tr
from ..topics.dimensionality import (ball_to_cube_volume_ratio, samples_for_density,
                                     shell_fraction)
from . import Result, check_number


def ball_share(answer: object) -> Result:
    """Share of the cube [0, 1]⁶ filled by its inscribed ball: π³ / (2⁶ · 3!) ≈ 0.0807."""
    return check_number(answer, ball_to_cube_volume_ratio(6),
                        what=tr("the ball's share of the 6-dimensional cube"), tol=2e-3, hints={
        math.pi ** 3 / 6: tr("π³ / 3! is the volume of a ball of radius 1; the inscribed ball "
                             "has radius 1/2, which multiplies it by (1/2)⁶."),
        math.pi ** 3 / 64: tr("you have π³ / 2⁶; divide by Γ(6/2 + 1) = Γ(4) = 3! = 6 too."),
        ball_to_cube_volume_ratio(5): tr("0.164 is the share for d = 5; here d = 6."),
        1.0: tr("the ball misses the cube's 2⁶ = 64 corners, so its share is below 1."),
    }, default_hint=tr("use V_ball / V_cube = π^(d/2) / (2^d Γ(d/2 + 1)) with d = 6, "
                       "Γ(4) = 3! = 6."))


def shell_share(answer: object) -> Result:
    """Share of a 20-dimensional ball within 5 % of its surface: 1 − 0.95²⁰ ≈ 0.642."""
    expected = shell_fraction(20, 0.05)
    return check_number(answer, expected, what=tr("the share of the volume in the shell"),
                        tol=2e-3, hints={
        0.05: tr("0.05 is the answer for d = 1; in d dimensions the inner ball keeps (1 − ε)^d."),
        0.95 ** 20: tr("0.358 = 0.95²⁰ is the share of the inner ball; the shell holds the rest."),
        1.0: tr("close, but not all of it: the inner ball still holds 0.95²⁰."),
        shell_fraction(10, 0.1): tr("0.651 is the shell ε = 0.1 of a 10-dimensional ball; here "
                                    "d = 20 and ε = 0.05."),
    }, default_hint=tr("the inner ball of radius 1 − ε holds (1 − ε)^d of the volume; the shell "
                       "holds 1 minus that."))


def grid_samples(answer: object) -> Result:
    """Samples for 10 points per axis in 5 dimensions: 10⁵ = 100,000."""
    expected = samples_for_density(5, 10)
    return check_number(answer, expected, what=tr("the number of samples"), tol=0.5, hints={
        50: tr("10 · 5 adds the axes; every point on one axis is combined with every point "
               "on each other axis, so the counts multiply."),
        5 ** 10: tr("that is 5¹⁰; you need k^d with k = 10 per axis and d = 5 axes."),
        10_000: tr("10⁴ is four dimensions; count the axes again."),
    }, default_hint=tr("k points per axis in d dimensions make a grid of k^d points."))


def ratio_limit(answer: object) -> Result:
    """What D_min / D_max approaches as d grows: 1 (nearest and farthest become alike)."""
    return check_number(answer, 1.0, what=tr("the limit of D_min / D_max"), tol=1e-3, hints={
        0.0: tr("0 is the limit of the relative contrast (D_max − D_min)/D_min, not of the ratio."),
    }, default_hint=tr("if the relative contrast (D_max − D_min)/D_min → 0, what does "
                       "D_min / D_max approach?"))
