r"""The lecture's shallow ReLU network and its piecewise-linear anatomy.

A shallow 1-input ReLU network is a sum of bent lines: hidden unit k switches on
or off at its *joint* :math:`x = -b_k / ω_{1k}`, and between joints the output is
one straight line (a *linear region*).

>>> from lecture_lib.shallow import lecture_relu_network, joints
>>> net = lecture_relu_network()
>>> joints(net).tolist()
[-2.0, 1.2, 2.0]
>>> net.forward([[-3.0]]).item()
-0.5
"""

from __future__ import annotations

import numpy as np

from ._validation import as_2d, as_array, make_rng, real_number
from .networks import Network

LECTURE_WEIGHTS = {"w11": 1.5, "b1": 3.0, "w12": 1.0, "b2": -1.2, "w13": 2.0, "b3": -4.0,
                   "w14": -0.6, "w24": 1.7, "w34": -1.2, "b4": -0.5}


def shallow_1d(w11, b1, w12, b2, w13, b3, w14, w24, w34, b4, activation="relu") -> Network:
    """The 1-input, 3-hidden-unit network with the lecture's names for its ten parameters."""
    return Network.from_weights([([[w11, w12, w13]], [b1, b2, b3]),
                                 ([[w14], [w24], [w34]], [b4])], activation=activation)


EXAMPLE_2D_WEIGHTS = {"w11": 1.0, "w21": 0.5, "b1": 0.2, "w12": -0.8, "w22": 1.2, "b2": -0.5,
                      "w13": 0.3, "w23": -1.0, "b3": 0.4, "w14": 1.5, "w24": -1.2, "w34": 1.0,
                      "b4": 0.0}


def shallow_2d(w11, w21, b1, w12, w22, b2, w13, w23, b3, w14, w24, w34, b4,
               activation="relu") -> Network:
    r"""The 2-input, 3-hidden-unit network of the lecture, parameter by parameter.

    :math:`y = ω_{14} a(x_1ω_{11} + x_2ω_{21} + b_1) + ω_{24} a(x_1ω_{12} + x_2ω_{22} + b_2)
    + ω_{34} a(x_1ω_{13} + x_2ω_{23} + b_3) + b_4`.
    """
    return Network.from_weights([([[w11, w12, w13], [w21, w22, w23]], [b1, b2, b3]),
                                 ([[w14], [w24], [w34]], [b4])], activation=activation)


def lecture_relu_network() -> Network:
    """The FCEN-UBA lecture's worked example: joints at −2, 1.2, 2 and y(−3) = −0.5."""
    return shallow_1d(**LECTURE_WEIGHTS)


def _check_shallow_relu_1d(network):
    if (len(network.weights) != 2 or network.layer_sizes[0] != 1
            or network.layer_sizes[-1] != 1 or network.activation.name != "relu"):
        raise ValueError("needs a shallow ReLU network with 1 input and 1 output, got "
                         f"{network!r}")


def joints(network: Network) -> np.ndarray:
    r"""Sorted x where a hidden ReLU unit switches on or off: :math:`x = -b_k / ω_{1k}`.

    Only units that can bend the output count (:math:`ω_{1k} \ne 0` and :math:`ω_{k4} \ne 0`).
    """
    _check_shallow_relu_1d(network)
    w, b, v = network.weights[0][0], network.biases[0], network.weights[1][:, 0]
    bends = (w != 0) & (v != 0)
    return np.sort(-b[bends] / w[bends])


def linear_regions(network: Network, x_min: float = -np.inf, x_max: float = np.inf):
    r"""Linear pieces of a shallow 1-D ReLU network as ``[(start, end, slope), ...]``.

    Neighbouring pieces with the same slope are merged, so the list has one entry per
    region where the output is a single straight line. This is the lecture's closed form
    for one hidden layer (joints :math:`-b_k/ω_{1k}`, slope :math:`\sum_{k\,\text{on}}
    ω_{1k}ω_{k4}`); :func:`lecture_lib.topics.depth.region_boundaries` finds the same borders for
    networks of any depth.
    """
    _check_shallow_relu_1d(network)
    if not x_min < x_max:
        raise ValueError(f"x_min must be below x_max, got {x_min} and {x_max}")
    cuts = [x for x in _distinct(joints(network))[0] if x_min < x < x_max]
    edges = [x_min, *cuts, x_max]
    w, b, v = network.weights[0][0], network.biases[0], network.weights[1][:, 0]
    regions = []
    for lo, hi in zip(edges[:-1], edges[1:]):
        mid = _midpoint(lo, hi)
        slope = float(np.sum(v * w * (w * mid + b > 0)))
        slope = 0.0 if abs(slope) < 1e-12 else slope
        if regions and abs(regions[-1][2] - slope) < 1e-12:
            regions[-1] = (regions[-1][0], hi, slope)
        else:
            regions.append((lo, hi, slope))
    return [(float(lo), float(hi), s) for lo, hi, s in regions]


def _midpoint(lo, hi):
    if np.isinf(lo) and np.isinf(hi):
        return 0.0
    if np.isinf(lo):
        return hi - 1.0
    if np.isinf(hi):
        return lo + 1.0
    return 0.5 * (lo + hi)


def describe(network: Network, x_min: float = -4.0, x_max: float = 4.0, at: float = -3.0) -> str:
    """Readout text: y at one input, the joints and the linear regions with their slopes.

    Each joint position is listed once; where several units share it, the readout says how
    many (their bends add up to one bend of the output, or cancel).
    """
    inside = [j for j in joints(network) if x_min < j < x_max]
    regions = linear_regions(network, x_min, x_max)
    y_at = network.forward([[at]]).item()
    places, counts = _distinct(inside)
    listed = [_fmt(j) + (f" ({n} units)" if n > 1 else "") for j, n in zip(places, counts)]
    return "\n".join([
        f"y({at:g}) = {_fmt(y_at)}",
        "joints at x = " + (", ".join(listed) if listed else "(none in view)"),
        f"{len(regions)} linear region{'s' if len(regions) != 1 else ''}, slopes "
        + ", ".join(f"({i}) {_fmt(r[2])}" for i, r in enumerate(regions, 1)),
    ])


def _distinct(values, tol: float = 1e-9):
    """Sorted values with the ones closer than ``tol`` merged, and how many each stands for."""
    places, counts = [], []
    for v in sorted(values):
        if places and v - places[-1] <= tol:
            counts[-1] += 1
        else:
            places.append(float(v))
            counts.append(1)
    return places, counts


def _fmt(v: float) -> str:
    return f"{0.0 if abs(v) < 5e-3 else v:.2f}"
