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

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ._validation import as_array, as_column, number_text
from .i18n import tr, tr_plural
from .networks import Network

LECTURE_WEIGHTS = {"w11": 1.5, "b1": 3.0, "w12": 1.0, "b2": -1.2, "w13": 2.0, "b3": -4.0,
                   "w14": -0.6, "w24": 1.7, "w34": -1.2, "b4": -0.5}


def shallow_1d(w11: float, b1: float, w12: float, b2: float, w13: float, b3: float,
               w14: float, w24: float, w34: float, b4: float, activation: str = "relu") -> Network:
    """The 1-input, 3-hidden-unit network with the lecture's names for its ten parameters.

    Parameters
    ----------
    w11, w12, w13 : float
        Input → hidden weights :math:`ω_{1k}`.
    b1, b2, b3 : float
        Hidden biases.
    w14, w24, w34 : float
        Hidden → output weights :math:`ω_{k4}`.
    b4 : float
        Output bias.
    activation : str
        Hidden activation (a name of ``lecture_lib.activations.NAMES``).

    Returns
    -------
    Network
    """
    return Network.from_weights([([[w11, w12, w13]], [b1, b2, b3]),
                                 ([[w14], [w24], [w34]], [b4])], activation=activation)


EXAMPLE_2D_WEIGHTS = {"w11": 1.0, "w21": 0.5, "b1": 0.2, "w12": -0.8, "w22": 1.2, "b2": -0.5,
                      "w13": 0.3, "w23": -1.0, "b3": 0.4, "w14": 1.5, "w24": -1.2, "w34": 1.0,
                      "b4": 0.0}


def shallow_2d(w11: float, w21: float, b1: float, w12: float, w22: float, b2: float, w13: float,
               w23: float, b3: float, w14: float, w24: float, w34: float, b4: float,
               activation: str = "relu") -> Network:
    r"""The 2-input, 3-hidden-unit network of the lecture, parameter by parameter.

    :math:`y = ω_{14} a(x_1ω_{11} + x_2ω_{21} + b_1) + ω_{24} a(x_1ω_{12} + x_2ω_{22} + b_2)
    + ω_{34} a(x_1ω_{13} + x_2ω_{23} + b_3) + b_4`.

    Parameters
    ----------
    w11, w21, w12, w22, w13, w23 : float
        Input → hidden weights :math:`ω_{ik}` (input i, hidden unit k).
    b1, b2, b3 : float
        Hidden biases.
    w14, w24, w34 : float
        Hidden → output weights :math:`ω_{k4}`.
    b4 : float
        Output bias.
    activation : str
        Hidden activation (a name of ``lecture_lib.activations.NAMES``).

    Returns
    -------
    Network
    """
    return Network.from_weights([([[w11, w12, w13], [w21, w22, w23]], [b1, b2, b3]),
                                 ([[w14], [w24], [w34]], [b4])], activation=activation)


@dataclass(frozen=True)
class HiddenUnits:
    r"""Each hidden unit's parts in a shallow network, arrays ``(n_samples, n_hidden)``.

    Attributes
    ----------
    pre_activation, activation, contribution : ndarray
        :math:`z_k = x\,ω_{1k} + b_k`, :math:`a(z_k)` and :math:`ω_{k4}\,a(z_k)`.
    output : ndarray, shape (n_samples, 1)
        :math:`y = b_4 + \sum_k ω_{k4} a(z_k)`.
    """

    pre_activation: np.ndarray
    activation: np.ndarray
    contribution: np.ndarray
    output: np.ndarray


def hidden_units(network: Network, X: ArrayLike) -> HiddenUnits:
    """Split a shallow (one hidden layer, one output) network's output into its hidden units."""
    if len(network.weights) != 2 or network.layer_sizes[-1] != 1:
        raise ValueError(tr("hidden_units needs a shallow network with one hidden layer and one "
                            "output, got layer_sizes {got}").format(got=network.layer_sizes))
    (_, _), (Z, A), (_, Y) = network.forward_trace(X)
    return HiddenUnits(Z, A, A * network.weights[1][:, 0], Y)


def lecture_relu_network() -> Network:
    """The FCEN-UBA lecture's worked example: joints at −2, 1.2, 2 and y(−3) = −0.5."""
    return shallow_1d(**LECTURE_WEIGHTS)


def _check_shallow_relu_1d(network):
    if (len(network.weights) != 2 or network.layer_sizes[0] != 1
            or network.layer_sizes[-1] != 1 or network.activation.name != "relu"):
        raise ValueError(tr("needs a shallow ReLU network with 1 input and 1 output, got {got!r}")
                         .format(got=network))


def joints(network: Network) -> np.ndarray:
    r"""Sorted x where a hidden ReLU unit switches on or off: :math:`x = -b_k / ω_{1k}`.

    Only units that can bend the output count (:math:`ω_{1k} \ne 0` and :math:`ω_{k4} \ne 0`).
    """
    _check_shallow_relu_1d(network)
    w, b, v = network.weights[0][0], network.biases[0], network.weights[1][:, 0]
    bends = (w != 0) & (v != 0)
    return np.sort(-b[bends] / w[bends])


def linear_regions(network: Network, x_min: float = -np.inf,
                   x_max: float = np.inf) -> list[tuple[float, float, float]]:
    r"""Linear pieces of a shallow 1-D ReLU network as ``[(start, end, slope), ...]``.

    Neighbouring pieces with the same slope are merged, so the list has one entry per
    region where the output is a single straight line. This is the lecture's closed form
    for one hidden layer (joints :math:`-b_k/ω_{1k}`, slope :math:`\sum_{k\,\text{on}}
    ω_{1k}ω_{k4}`); :func:`lecture_lib.regions.region_boundaries` finds the same borders for
    networks of any depth.

    Parameters
    ----------
    network : Network
        A shallow ReLU network with 1 input and 1 output.
    x_min, x_max : float
        The interval (may be infinite).

    Returns
    -------
    list of (float, float, float)
    """
    _check_shallow_relu_1d(network)
    if not x_min < x_max:
        raise ValueError(tr("x_min must be below x_max, got {low} and {high}").format(
            low=x_min, high=x_max))
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


def relu_design(x: np.ndarray, joints: np.ndarray) -> np.ndarray:
    """Unvalidated kernel: columns :math:`\\mathrm{relu}(x - t_k)` for every joint, then ones."""
    return np.column_stack([np.maximum(x[:, None] - joints, 0.0), np.ones_like(x)])


def least_squares_coef(design: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Unvalidated kernel: the minimum-norm :math:`\\theta` minimising :math:`\\lVert D\\theta - y\\rVert^2`."""
    return np.linalg.lstsq(design, y, rcond=None)[0]


def fit_relu_output(x: ArrayLike, y: ArrayLike, joints: ArrayLike) -> Network:
    r"""A (1, n, 1) ReLU network with fixed joints whose output layer is fitted by least squares.

    Hidden unit k is :math:`\mathrm{relu}(x - t_k)` (weight 1, bias :math:`-t_k`); the output
    weights :math:`v_k` and bias :math:`c` of :math:`F(x) = c + \sum_k v_k\,\mathrm{relu}(x - t_k)`
    minimise :math:`\sum_i (F(x_i) - y_i)^2`, a linear least-squares problem in the
    design :math:`D = [\mathrm{relu}(x - t_1), \dots, \mathrm{relu}(x - t_n), 1]`. When it has
    many solutions (fewer distinct x than units, repeated joints) the minimum-norm one is taken.

    Parameters
    ----------
    x, y : array_like, shape (n_samples,)
        Inputs and targets (``y`` may be one column).
    joints : array_like, shape (n,)
        The joints :math:`t_k`.

    Returns
    -------
    Network
        Layer sizes ``(1, n, 1)``, ReLU hidden units, linear output.
    """
    x, y = as_array(x, "x", ndim=1), as_column(y, "y")
    if x.shape != y.shape:
        raise ValueError(tr("x and y must have the same length, got {nx} and {ny}").format(
            nx=x.size, ny=y.size))
    t = as_array(joints, "joints", ndim=1)
    coef = least_squares_coef(relu_design(x, t), y)
    return Network.from_weights([(np.ones((1, t.size)), -t), (coef[:-1, None], coef[-1:])],
                                activation="relu")


def describe(network: Network, x_min: float = -4.0, x_max: float = 4.0, at: float = -3.0) -> str:
    """Readout text: y at one input, the joints and the linear regions with their slopes.

    Each joint position is listed once; where several units share it, the readout says how
    many (their bends add up to one bend of the output, or cancel).

    Parameters
    ----------
    network : Network
        A shallow ReLU network with 1 input and 1 output.
    x_min, x_max : float
        The interval in view.
    at : float
        The input whose output is shown.

    Returns
    -------
    str
    """
    inside = [j for j in joints(network) if x_min < j < x_max]
    regions = linear_regions(network, x_min, x_max)
    y_at = network.forward([[at]]).item()
    places, counts = _distinct(inside)
    listed = [number_text(j) + (tr(" ({n} units)").format(n=n) if n > 1 else "")
              for j, n in zip(places, counts)]
    slopes = ", ".join(f"({i}) {number_text(r[2])}" for i, r in enumerate(regions, 1))
    return "\n".join([
        f"y({at:g}) = {number_text(y_at)}",
        tr("joints at x = {places}").format(
            places=", ".join(listed) if listed else tr("(none in view)")),
        tr_plural("{n} linear region, slopes {slopes}", "{n} linear regions, slopes {slopes}",
                  len(regions)).format(n=len(regions), slopes=slopes),
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
