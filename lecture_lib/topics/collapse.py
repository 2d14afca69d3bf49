"""Notebook 06: with a linear activation f(z) = az + b every network collapses to a plane.

The 2-input, 3-hidden network of the lecture (weights named as in
``lecture_lib.shallow.EXAMPLE_2D_WEIGHTS``) equals y = c₁x₁ + c₂x₂ + c₃, and a deep stack
of affine layers equals one affine layer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from numpy.typing import ArrayLike

from .._validation import as_2d, as_array, make_rng, real_number
from ..i18n import tr
from ..networks import check_layers
from ..shallow import EXAMPLE_2D_WEIGHTS


def _weights_2d(weights) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """``(W1 (2, 3), b_hidden (3,), w_out (3,), b4)`` from a dict named like ``EXAMPLE_2D_WEIGHTS``."""
    if not isinstance(weights, dict) or set(weights) != set(EXAMPLE_2D_WEIGHTS):
        got = sorted(weights) if isinstance(weights, dict) else type(weights).__name__
        raise ValueError(tr("weights must be a dict with keys {keys}, got {got}").format(
            keys=list(EXAMPLE_2D_WEIGHTS), got=got))
    w = {k: real_number(v, f"weights[{k!r}]") for k, v in weights.items()}
    W1 = np.array([[w["w11"], w["w12"], w["w13"]], [w["w21"], w["w22"], w["w23"]]])
    return W1, np.array([w["b1"], w["b2"], w["b3"]]), np.array([w["w14"], w["w24"], w["w34"]]), w["b4"]


def affine_network_2d(X: ArrayLike, weights: Mapping[str, float], a: float, b: float) -> np.ndarray:
    r"""The 2-input, 3-hidden network with every hidden activation :math:`f(z) = az + b`, unit by unit.

    :math:`y = ω_{14} f(x_1ω_{11} + x_2ω_{21} + b_1) + ω_{24} f(x_1ω_{12} + x_2ω_{22} + b_2)
    + ω_{34} f(x_1ω_{13} + x_2ω_{23} + b_3) + b_4`.

    Parameters
    ----------
    X : array_like, shape (n_samples, 2)
    weights : dict
        The ten ω and b of the 2-input network by the lecture's names (``EXAMPLE_2D_WEIGHTS``).
    a, b : float
        The affine activation :math:`f(z) = az + b`.

    Returns
    -------
    ndarray, shape (n_samples,)
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

    Parameters
    ----------
    weights : dict
        The ten ω and b of the 2-input network by the lecture's names (``EXAMPLE_2D_WEIGHTS``).
    a, b : float
        The affine activation :math:`f(z) = az + b`.

    Returns
    -------
    (float, float, float)
        :math:`c_1, c_2, c_3`.
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

    Parameters
    ----------
    weights : dict
        The ten ω and b of the 2-input network by the lecture's names (``EXAMPLE_2D_WEIGHTS``).
    a, b : float
        The affine activation :math:`f(z) = az + b`.

    Returns
    -------
    float
    """
    a, b = real_number(a, "a"), real_number(b, "b")
    _, bias, w_out, b4 = _weights_2d(weights)
    return float(a * (bias @ w_out) + 3 * b + b4)


def describe_collapse(weights: dict, a: float, b: float, n_samples: int = 1000, seed: int = 0) -> str:
    """Readout: c₁, c₂, c₃, the slide's constant, and the largest gap to the network on random inputs.

    Parameters
    ----------
    weights : dict
        The ten ω and b of the 2-input network by the lecture's names (``EXAMPLE_2D_WEIGHTS``).
    a, b : float
        The affine activation :math:`f(z) = az + b`.
    n_samples : int
        Random inputs on which the gap is measured.
    seed : int
        Seed of those inputs.

    Returns
    -------
    str
    """
    c1, c2, c3 = linear_collapse(weights, a, b)
    X = make_rng(seed).uniform(-2.0, 2.0, (n_samples, 2))
    gap = np.max(np.abs(affine_network_2d(X, weights, a, b) - (c1 * X[:, 0] + c2 * X[:, 1] + c3)))
    c1, c2, c3, slide = (round(v, 3) + 0.0 for v in (c1, c2, c3, slide_constant(weights, a, b)))
    return "\n".join([f"c1 = {c1:.3f}", f"c2 = {c2:.3f}", f"c3 = {c3:.3f}",  # + 0.0: no "-0.000"
                      tr("slide constant (3b) = {value}").format(value=f"{slide:.3f}"),
                      tr("max |network - plane| < 1e-9 = yes") if gap < 1e-9
                      else tr("max |network - plane| < 1e-9 = no")])


def affine_stack(X: ArrayLike, layers: Sequence[tuple[ArrayLike, ArrayLike]], a: float, b: float) -> np.ndarray:
    r"""A deep network whose hidden layers all use :math:`f(z) = az + b` (output layer linear).

    :math:`h^{(l)} = f(h^{(l-1)} W^{(l)} + b^{(l)})` for the hidden layers, then
    :math:`y = h^{(L-1)} W^{(L)} + b^{(L)}`. ``layers`` is ``[(W1, b1), ..., (WL, bL)]``.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_in)
    layers : list of (W, b)
        Weights ``(n_{l-1}, n_l)`` and biases ``(n_l,)``, input layer first.
    a, b : float
        The affine activation :math:`f(z) = az + b`.

    Returns
    -------
    ndarray, shape (n_samples, n_out)
    """
    layers = check_layers(layers)
    h = as_2d(X, "X", n_features=layers[0][0].shape[0])
    a, b = real_number(a, "a"), real_number(b, "b")
    for W, bias in layers[:-1]:
        h = a * (h @ W + bias) + b
    return h @ layers[-1][0] + layers[-1][1]


def collapse_stack(layers: Sequence[tuple[ArrayLike, ArrayLike]], a: float, b: float) -> tuple[np.ndarray, np.ndarray]:
    r"""One linear layer ``(W, c)`` with :math:`y = xW + c` equal to :func:`affine_stack`.

    Layer by layer, :math:`W \leftarrow aWW^{(l)}` and :math:`c \leftarrow a(cW^{(l)} + b^{(l)}) + b`
    for the hidden layers, and :math:`W \leftarrow WW^{(L)}`, :math:`c \leftarrow cW^{(L)} + b^{(L)}`
    for the output layer.

    Parameters
    ----------
    layers : list of (W, b)
        As for :func:`affine_stack`.
    a, b : float
        The affine activation :math:`f(z) = az + b`.

    Returns
    -------
    (ndarray, ndarray)
        ``W`` of shape ``(n_in, n_out)`` and ``c`` of shape ``(n_out,)``.
    """
    layers = check_layers(layers)
    a, b = real_number(a, "a"), real_number(b, "b")
    W_eff, c_eff = np.eye(layers[0][0].shape[0]), np.zeros(layers[0][0].shape[0])
    for W, bias in layers[:-1]:
        W_eff, c_eff = a * (W_eff @ W), a * (c_eff @ W + bias) + b
    W, bias = layers[-1]
    return W_eff @ W, c_eff @ W + bias


def plane_residual(X: ArrayLike, y: ArrayLike) -> float:
    r"""Root-mean-square distance from ``y`` to the best plane :math:`Xw + c` (least squares).

    Zero (up to rounding) exactly when ``y`` is an affine function of the columns of ``X``.
    """
    X = as_2d(X, "X")
    y = as_array(y, "y", ndim=(1, 2)).reshape(X.shape[0], -1) if np.size(y) == X.shape[0] else None
    if y is None:
        raise ValueError(tr("y must have one value per row of X ({n}), got size {size}").format(
            n=X.shape[0], size=np.size(y)))
    A = np.column_stack([X, np.ones(X.shape[0])])
    coef, *_ = np.linalg.lstsq(A, y, rcond=None)
    return float(np.sqrt(np.mean((A @ coef - y) ** 2)))
