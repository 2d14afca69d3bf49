r"""Linear regions of a piecewise-linear network with one input, found exactly.

A ReLU network with one input is piecewise linear in x. :func:`breakpoints` finds its
kinks *exactly*, layer by layer: between two known kinks every pre-activation
:math:`z^{(l)}_k(x)` is a straight line, so its zero crossing is found by linear
interpolation and becomes a new kink. The number of linear regions is the number of
pieces with different slopes (:func:`count_regions`). Used by notebook 13 (deep networks)
and, through :func:`lecture_lib.shallow.linear_regions`' tests, by notebook 05.

>>> from lecture_lib.shallow import lecture_relu_network
>>> count_regions(lecture_relu_network(), -4.0, 4.0)
4
"""

from __future__ import annotations

import numpy as np

from ._validation import ordered_pair, real_number
from .i18n import tr
from .networks import Network, as_network

PIECEWISE_LINEAR = ("relu", "leaky_relu", "linear")


def _check_1d(network: Network) -> None:
    as_network(network)
    if network.layer_sizes[0] != 1 or network.layer_sizes[-1] != 1:
        raise ValueError(tr("network must have 1 input and 1 output, got layer_sizes {got}").format(
            got=network.layer_sizes))
    if network.activation.name not in PIECEWISE_LINEAR or \
            network.output_activation.name != "linear":
        raise ValueError(tr("network must use a piecewise-linear activation {allowed} and a linear "
                            "output, got {hidden!r} and {output!r}").format(
            allowed=PIECEWISE_LINEAR, hidden=network.activation.name,
            output=network.output_activation.name))


def breakpoints(network: Network, x_min: float, x_max: float) -> np.ndarray:
    r"""Every x in (x_min, x_max) where some hidden unit switches on or off, sorted.

    Layer by layer: with all earlier kinks known, :math:`z^{(l)}_k` is linear between
    consecutive points t_p, t_{p+1}, so a sign change crosses zero at
    :math:`t_p - z_p (t_{p+1} - t_p) / (z_{p+1} - z_p)`. Exact up to rounding.

    Parameters
    ----------
    network : Network
        1 input, 1 output, piecewise-linear hidden units and a linear output.
    x_min, x_max : float
        The interval, ``x_min < x_max``.

    Returns
    -------
    ndarray, 1-D
    """
    _check_1d(network)
    lo, hi = ordered_pair(x_min, x_max, "x_min", "x_max")
    t = np.array([lo, hi])
    for layer in range(1, len(network.weights)):         # hidden layers 1 .. L-1
        Z = network.forward_trace(t[:, None])[layer][0]  # Z^{(layer)} at the known points
        z0, z1 = Z[:-1], Z[1:]
        cross = (z0 * z1) < 0
        dt = np.broadcast_to(np.diff(t)[:, None], z0.shape)[cross]
        new = np.repeat(t[:-1, None], Z.shape[1], axis=1)[cross] - \
            z0[cross] * dt / (z1[cross] - z0[cross])
        t = np.unique(np.concatenate([t, new]))
        keep = np.concatenate([[True], np.diff(t) > 1e-12 * (hi - lo)])  # rounding twins
        t = t[keep]
        t[-1] = hi
    return t[1:-1]


def region_boundaries(network: Network, x_min: float, x_max: float,
                      tol: float = 1e-9) -> np.ndarray:
    """The breakpoints where the output's slope really changes: the borders of linear regions.

    A kink of a unit whose change never reaches the output (for example a unit with
    outgoing weight 0) is not a border; slopes equal to ``tol`` (relative) count as equal.

    Parameters
    ----------
    network, x_min, x_max
        As for :func:`breakpoints`.
    tol : float
        Relative tolerance below which two slopes count as equal.

    Returns
    -------
    ndarray, 1-D
    """
    tol = real_number(tol, "tol", low=0.0)
    lo, hi = ordered_pair(x_min, x_max, "x_min", "x_max")
    kinks = breakpoints(network, lo, hi)
    t = np.concatenate([[lo], kinks, [hi]])
    y = network.forward(t[:, None])[:, 0]
    slopes = np.diff(y) / np.diff(t)
    scale = max(1.0, float(np.max(np.abs(slopes))))
    return kinks[np.abs(np.diff(slopes)) > tol * scale]


def count_regions(network: Network, x_min: float, x_max: float, tol: float = 1e-9) -> int:
    """Number of linear regions of the network's output on [x_min, x_max].

    Adjacent pieces with the same slope count as one (see :func:`region_boundaries`).

    Parameters
    ----------
    network, x_min, x_max
        As for :func:`breakpoints`.
    tol : float
        Relative tolerance below which two slopes count as equal.

    Returns
    -------
    int
    """
    return 1 + region_boundaries(network, x_min, x_max, tol).size
