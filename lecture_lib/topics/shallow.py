r"""Notebook 05's own numerics: the exact number of linear regions of a 2-input shallow network.

With two inputs, hidden unit :math:`k` bends the output along its joint line
:math:`x_1\omega_{1k} + x_2\omega_{2k} + b_k = 0`. The lines cut a convex window into
convex cells, and the count follows from the lines alone (no pixel grid):

.. math::  \#\text{regions} = 1 + L + \sum_p (m_p - 1),

where :math:`L` is the number of distinct lines that cross the window and the sum runs over
the points :math:`p` inside the window where :math:`m_p \ge 2` of them meet. Three lines in
general position give :math:`1 + 3 + 3 = 7`; three through one point give :math:`1 + 3 + 2 = 6`.

>>> from lecture_lib.shallow import EXAMPLE_2D_WEIGHTS, shallow_2d
>>> count_regions_2d(shallow_2d(**EXAMPLE_2D_WEIGHTS))
7
"""

from __future__ import annotations

from itertools import combinations

import numpy as np

from .._validation import real_number
from ..i18n import tr
from ..networks import Network

TOL = 1e-9


def joint_lines_2d(network: Network) -> list[tuple[float, float, float]]:
    r"""Distinct joint lines :math:`(\omega_{1k}, \omega_{2k}, b_k)`, scaled to unit normal.

    Only units that can bend the output count: :math:`(\omega_{1k}, \omega_{2k}) \ne 0` and
    :math:`\omega_{k4} \ne 0`. Two units on the same line give one line.
    """
    if not isinstance(network, Network) or network.layer_sizes[0] != 2 or len(network.weights) != 2:
        raise TypeError(tr("network must be a shallow Network with 2 inputs (see shallow_2d)"))
    W, b, v = network.weights[0], network.biases[0], network.weights[1][:, 0]
    lines = []
    for k in range(W.shape[1]):
        norm = float(np.hypot(W[0, k], W[1, k]))
        if norm == 0 or v[k] == 0:
            continue
        line = np.array([W[0, k], W[1, k], b[k]]) / norm
        if not any(np.allclose(line, other, atol=TOL) or np.allclose(line, -other, atol=TOL)
                   for other in lines):
            lines.append(line)
    return [tuple(float(c) for c in line) for line in lines]


def count_regions_2d(network: Network, extent: tuple[float, float] = (-2.0, 2.0)) -> int:
    """Exact number of linear regions of a 2-input shallow ReLU network in the square ``extent``².

    Counted from the joint lines (see the module docstring): lines that only touch the
    window's edge, and crossings on or outside it, add nothing.
    """
    lo, hi = real_number(extent[0], "extent[0]"), real_number(extent[1], "extent[1]")
    if not lo < hi:
        raise ValueError(tr("extent must be (low, high) with low < high, got {extent}").format(
            extent=extent))
    corners = np.array([[lo, lo], [lo, hi], [hi, lo], [hi, hi]])
    crossing = []
    for a, c, d in joint_lines_2d(network):
        side = corners @ [a, c] + d
        if side.max() > TOL and side.min() < -TOL:
            crossing.append((a, c, d))
    points = []
    for (a1, c1, d1), (a2, c2, d2) in combinations(crossing, 2):
        det = a1 * c2 - a2 * c1
        if abs(det) < TOL:
            continue   # parallel lines never meet
        p = np.array([(c1 * d2 - c2 * d1) / det, (a2 * d1 - a1 * d2) / det])
        if np.all(p > lo + TOL) and np.all(p < hi - TOL):
            points.append(p)
    extra = 0
    for p in _distinct_points(points):
        meeting = sum(abs(a * p[0] + c * p[1] + d) < 1e-7 for a, c, d in crossing)
        extra += meeting - 1
    return 1 + len(crossing) + extra


def _distinct_points(points, tol: float = 1e-7):
    distinct = []
    for p in points:
        if not any(np.linalg.norm(p - q) < tol for q in distinct):
            distinct.append(p)
    return distinct


def describe_2d(network: Network, extent: tuple[float, float] = (-2.0, 2.0)) -> str:
    """Readout of the 2-input figure: the exact number of linear regions in view."""
    return tr("linear regions in view: {n}").format(n=count_regions_2d(network, extent))


__all__ = ["count_regions_2d", "describe_2d", "joint_lines_2d"]
