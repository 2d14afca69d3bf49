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
    ω_{1k}ω_{k4}`); :func:`lecture_lib.depth.region_boundaries` finds the same borders for
    networks of any depth.
    """
    _check_shallow_relu_1d(network)
    if not x_min < x_max:
        raise ValueError(f"x_min must be below x_max, got {x_min} and {x_max}")
    cuts = [x for x in np.unique(joints(network)) if x_min < x < x_max]
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
    """Readout text: y at one input, the joints and the linear regions with their slopes."""
    inside = [j for j in joints(network) if x_min < j < x_max]
    regions = linear_regions(network, x_min, x_max)
    y_at = network.forward([[at]]).item()
    return "\n".join([
        f"y({at:g}) = {_fmt(y_at)}",
        "joints at x = " + (", ".join(_fmt(j) for j in inside) if inside else "(none in view)"),
        f"{len(regions)} linear region{'s' if len(regions) != 1 else ''}, slopes "
        + ", ".join(f"({i}) {_fmt(r[2])}" for i, r in enumerate(regions, 1)),
    ])


def _fmt(v: float) -> str:
    return f"{0.0 if abs(v) < 5e-3 else v:.2f}"


# ----- notebook 06: with a linear activation f(z) = az + b the network collapses -----

def _weights_2d(weights) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """``(W1 (2, 3), b_hidden (3,), w_out (3,), b4)`` from a dict named like ``EXAMPLE_2D_WEIGHTS``."""
    if not isinstance(weights, dict) or set(weights) != set(EXAMPLE_2D_WEIGHTS):
        got = sorted(weights) if isinstance(weights, dict) else type(weights).__name__
        raise ValueError(f"weights must be a dict with keys {list(EXAMPLE_2D_WEIGHTS)}, got {got}")
    w = {k: real_number(v, f"weights[{k!r}]") for k, v in weights.items()}
    W1 = np.array([[w["w11"], w["w12"], w["w13"]], [w["w21"], w["w22"], w["w23"]]])
    return W1, np.array([w["b1"], w["b2"], w["b3"]]), np.array([w["w14"], w["w24"], w["w34"]]), w["b4"]


def affine_network_2d(X, weights: dict, a: float, b: float) -> np.ndarray:
    r"""The 2-input, 3-hidden network with every hidden activation :math:`f(z) = az + b`, unit by unit.

    :math:`y = ω_{14} f(x_1ω_{11} + x_2ω_{21} + b_1) + ω_{24} f(x_1ω_{12} + x_2ω_{22} + b_2)
    + ω_{34} f(x_1ω_{13} + x_2ω_{23} + b_3) + b_4`. Returns ``(n_samples,)``.
    """
    X = as_2d(X, "X", n_features=2)
    a, b = real_number(a, "a"), real_number(b, "b")
    W1, bias, w_out, b4 = _weights_2d(weights)
    hidden = a * (X @ W1 + bias) + b      # f(z_k) for each hidden unit k
    return hidden @ w_out + b4


def linear_collapse(weights: dict, a: float, b: float) -> tuple[float, float, float]:
    r"""The coefficients of :math:`y = c_1x_1 + c_2x_2 + c_3` equal to :func:`affine_network_2d`.

    .. math::
        c_1 = a(ω_{11}ω_{14} + ω_{12}ω_{24} + ω_{13}ω_{34}), \quad
        c_2 = a(ω_{21}ω_{14} + ω_{22}ω_{24} + ω_{23}ω_{34}),

        c_3 = a(b_1ω_{14} + b_2ω_{24} + b_3ω_{34}) + b(ω_{14} + ω_{24} + ω_{34}) + b_4.
    """
    a, b = real_number(a, "a"), real_number(b, "b")
    W1, bias, w_out, b4 = _weights_2d(weights)
    c1, c2 = a * (W1 @ w_out)
    c3 = a * (bias @ w_out) + b * w_out.sum() + b4
    return float(c1), float(c2), float(c3)


def slide_constant(weights: dict, a: float, b: float) -> float:
    r"""The constant as the lecture slide writes it, :math:`a(b_1ω_{14} + b_2ω_{24} + b_3ω_{34}) + 3b + b_4`.

    It equals :math:`c_3` of :func:`linear_collapse` only when :math:`b(ω_{14} + ω_{24} + ω_{34}) = 3b`,
    e.g. when every :math:`ω_{k4} = 1` (or :math:`b = 0`).
    """
    a, b = real_number(a, "a"), real_number(b, "b")
    _, bias, w_out, b4 = _weights_2d(weights)
    return float(a * (bias @ w_out) + 3 * b + b4)


def describe_collapse(weights: dict, a: float, b: float, n_samples: int = 1000, seed: int = 0) -> str:
    """Readout: c₁, c₂, c₃, the slide's constant, and the largest gap to the network on random inputs."""
    c1, c2, c3 = linear_collapse(weights, a, b)
    X = make_rng(seed).uniform(-2.0, 2.0, (n_samples, 2))
    gap = np.max(np.abs(affine_network_2d(X, weights, a, b) - (c1 * X[:, 0] + c2 * X[:, 1] + c3)))
    c1, c2, c3, slide = (round(v, 3) + 0.0 for v in (c1, c2, c3, slide_constant(weights, a, b)))
    return "\n".join([f"c1 = {c1:.3f}", f"c2 = {c2:.3f}", f"c3 = {c3:.3f}",  # + 0.0: no "-0.000"
                      f"slide constant (3b) = {slide:.3f}",
                      f"max |network - plane| < 1e-9 = {'yes' if gap < 1e-9 else 'no'}"])


def _check_layers(layers):
    if not isinstance(layers, (list, tuple)) or not layers:
        raise TypeError("layers must be a non-empty list of (W, b) pairs")
    checked = []
    for i, pair in enumerate(layers):
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise TypeError(f"layers[{i}] must be a (W, b) pair")
        W = as_array(pair[0], f"layers[{i}] W", ndim=2)
        bias = as_array(pair[1], f"layers[{i}] b", ndim=1)
        if bias.shape[0] != W.shape[1] or (checked and W.shape[0] != checked[-1][0].shape[1]):
            raise ValueError(f"layers[{i}] has shapes W {W.shape}, b {bias.shape} that do not "
                             "chain: W must be (n_prev, n), b (n,)")
        checked.append((W, bias))
    return checked


def affine_stack(X, layers, a: float, b: float) -> np.ndarray:
    r"""A deep network whose hidden layers all use :math:`f(z) = az + b` (output layer linear).

    :math:`h^{(l)} = f(h^{(l-1)} W^{(l)} + b^{(l)})` for the hidden layers, then
    :math:`y = h^{(L-1)} W^{(L)} + b^{(L)}`. ``layers`` is ``[(W1, b1), ..., (WL, bL)]``.
    """
    layers = _check_layers(layers)
    h = as_2d(X, "X", n_features=layers[0][0].shape[0])
    a, b = real_number(a, "a"), real_number(b, "b")
    for W, bias in layers[:-1]:
        h = a * (h @ W + bias) + b
    return h @ layers[-1][0] + layers[-1][1]


def collapse_stack(layers, a: float, b: float) -> tuple[np.ndarray, np.ndarray]:
    r"""One linear layer ``(W, c)`` with :math:`y = xW + c` equal to :func:`affine_stack`.

    Layer by layer, :math:`W \leftarrow aWW^{(l)}` and :math:`c \leftarrow a(cW^{(l)} + b^{(l)}) + b`
    for the hidden layers, and :math:`W \leftarrow WW^{(L)}`, :math:`c \leftarrow cW^{(L)} + b^{(L)}`
    for the output layer.
    """
    layers = _check_layers(layers)
    a, b = real_number(a, "a"), real_number(b, "b")
    W_eff, c_eff = np.eye(layers[0][0].shape[0]), np.zeros(layers[0][0].shape[0])
    for W, bias in layers[:-1]:
        W_eff, c_eff = a * (W_eff @ W), a * (c_eff @ W + bias) + b
    W, bias = layers[-1]
    return W_eff @ W, c_eff @ W + bias


def plane_residual(X, y) -> float:
    r"""Root-mean-square distance from ``y`` to the best plane :math:`Xw + c` (least squares).

    Zero (up to rounding) exactly when ``y`` is an affine function of the columns of ``X``.
    """
    X = as_2d(X, "X")
    y = as_array(y, "y", ndim=(1, 2)).reshape(X.shape[0], -1) if np.size(y) == X.shape[0] else None
    if y is None:
        raise ValueError(f"y must have one value per row of X ({X.shape[0]}), got size {np.size(y)}")
    A = np.column_stack([X, np.ones(X.shape[0])])
    coef, *_ = np.linalg.lstsq(A, y, rcond=None)
    return float(np.sqrt(np.mean((A @ coef - y) ** 2)))
