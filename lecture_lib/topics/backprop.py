r"""Backpropagation laid open: every layer's forward and backward quantities, step by step.

For a network with layers :math:`l = 1, \dots, L` and samples in rows,

.. math::
    Z^{(l)} = A^{(l-1)} W^{(l)} + b^{(l)}, \qquad A^{(l)} = f(Z^{(l)}), \qquad A^{(0)} = X.

The backward pass carries the *delta* :math:`\Delta^{(l)} = \partial L / \partial Z^{(l)}`
from the loss back to the input, one layer at a time (the chain rule):

.. math::
    \Delta^{(L)} = \frac{\partial L}{\partial A^{(L)}} \odot f_\mathrm{out}'(Z^{(L)}), \qquad
    \Delta^{(l)} = \big(\Delta^{(l+1)} W^{(l+1)\top}\big) \odot f'(Z^{(l)}),

.. math::
    \frac{\partial L}{\partial W^{(l)}} = A^{(l-1)\top} \Delta^{(l)}, \qquad
    \frac{\partial L}{\partial b^{(l)}} = \mathbf 1^\top \Delta^{(l)} .

:func:`backward_pass` computes these with plain, readable numpy (no buffers, no fused
kernels), so a notebook can show each number; it agrees with the optimised
:meth:`lecture_lib.networks.Network.gradients` to rounding error.

>>> loss, steps = backward_pass(small_network(), [[1.0]], [[1.0]])
>>> round(loss, 4), steps[-1].delta.round(3).tolist()
(0.2025, [[0.9]])
"""

from __future__ import annotations

from dataclasses import dataclass

from collections.abc import Iterable

import numpy as np
from numpy.typing import ArrayLike

from .. import losses
from ..i18n import tr
from .._validation import as_2d, as_array, positive_int, real_number, same_length
from ..networks import Network, as_network


SMALL_WEIGHTS = {"w11": 1.0, "w12": -0.5, "b1": 0.5, "b2": 1.0, "v1": 1.5, "v2": -2.0, "c": 0.2}


def small_network(w11: float = 1.0) -> Network:
    r"""The notebook's small network: 1 input, 2 ReLU units, 1 linear output.

    :math:`W^{(1)} = [[w_{11}, -0.5]]`, :math:`b^{(1)} = [0.5, 1]`,
    :math:`W^{(2)} = [[1.5], [-2]]`, :math:`b^{(2)} = [0.2]`; only :math:`w^{(1)}_{11}`
    can be changed (the live figure's slider).
    """
    w = SMALL_WEIGHTS
    w11 = real_number(w11, "w11")
    return Network.from_weights([([[w11, w["w12"]]], [w["b1"], w["b2"]]),
                                 ([[w["v1"]], [w["v2"]]], [w["c"]])])


BRANCHING_WEIGHTS = {"w1": 1.0, "b": 0.0, "w3": 2.0, "w4": -1.0, "b3": 0.0, "b4": 1.0,
                     "w5": 1.5, "w6": -1.0, "c": 0.0}


def branching_network() -> Network:
    r"""A network whose hidden unit feeds two units: 1 input, 1 → 2 sigmoid units, 1 output.

    As in lecture B's backward-pass picture: :math:`z = w_1 x + b`, :math:`a = \sigma(z)`
    feeds :math:`z' = w_3 a + b'` and :math:`z'' = w_4 a + b''`, so its delta is a sum,
    :math:`\partial L/\partial z = \sigma'(z)\,(w_3\,\partial L/\partial z' +
    w_4\,\partial L/\partial z'')`. Weights in :data:`BRANCHING_WEIGHTS`
    (:math:`w_5, w_6` take :math:`\sigma(z'), \sigma(z'')` to the linear output).
    """
    w = BRANCHING_WEIGHTS
    return Network.from_weights([([[w["w1"]]], [w["b"]]),
                                 ([[w["w3"], w["w4"]]], [w["b3"], w["b4"]]),
                                 ([[w["w5"]], [w["w6"]]], [w["c"]])], activation="sigmoid")


def gradient_step(network: Network, steps: list[LayerStep], eta: float) -> Network:
    r"""One step of gradient descent on every weight and bias, :math:`u \leftarrow u - \eta\,
    \partial L/\partial u`, with the gradients of :func:`backward_pass`; a new Network
    (the given one is not changed).

    Parameters
    ----------
    network : Network
    steps : list of LayerStep
        The gradients, from :func:`backward_pass` on ``network``.
    eta : float
        The learning rate η.

    Returns
    -------
    Network
    """
    as_network(network)
    eta = real_number(eta, "eta", low=0.0, low_open=True)
    if len(steps) != len(network.weights):
        raise ValueError(tr("steps must have one LayerStep per layer ({n}), got {got}").format(
            n=len(network.weights), got=len(steps)))
    layers = [(W - eta * s.dW, b - eta * s.db)
              for W, b, s in zip(network.weights, network.biases, steps)]
    return Network.from_weights(layers, network.activation, network.output_activation)


@dataclass(frozen=True)
class LayerStep:
    r"""One layer ``l`` of a forward and backward pass over a batch of n samples.

    Attributes
    ----------
    layer : int
        The layer number l (1 = first hidden layer, L = output layer).
    a_in : ndarray (n, n_{l-1})
        :math:`A^{(l-1)}`, what the layer receives (the input X for l = 1).
    z, a : ndarray (n, n_l)
        Pre-activation :math:`Z^{(l)}` and activation :math:`A^{(l)}`, stored by the forward pass.
    delta : ndarray (n, n_l)
        :math:`\Delta^{(l)} = \partial L / \partial Z^{(l)}`, carried by the backward pass.
    dW : ndarray (n_{l-1}, n_l)
        :math:`\partial L / \partial W^{(l)} = A^{(l-1)\top} \Delta^{(l)}`.
    db : ndarray (n_l,)
        :math:`\partial L / \partial b^{(l)}`, the column sums of :math:`\Delta^{(l)}`.
    d_in : ndarray (n, n_{l-1})
        :math:`\partial L / \partial A^{(l-1)} = \Delta^{(l)} W^{(l)\top}`, what the layer
        passes down: entry j sums, over the units k that input j feeds,
        :math:`w^{(l)}_{jk}\,\delta^{(l)}_k` (for l = 1 it is :math:`\partial L/\partial X`).
    """

    layer: int
    a_in: np.ndarray
    z: np.ndarray
    a: np.ndarray
    delta: np.ndarray
    dW: np.ndarray
    db: np.ndarray
    d_in: np.ndarray


def _output_delta(network: Network, loss: losses.Loss, Y, Z, A) -> np.ndarray:
    r""":math:`\Delta^{(L)}`: the loss's derivative taken back through the output activation."""
    if loss.takes_logits:  # softmax / sigmoid and the loss fused: dL/dZ directly
        return loss.grad(Y, Z)
    return network.output_activation.backward(Z, A, loss.grad(Y, A))


def _loss_value(loss: losses.Loss, Y, Z, A) -> float:
    return float(loss(Y, Z if loss.takes_logits else A))


def backward_pass(network: Network, X: ArrayLike, y: ArrayLike, loss: str = "mse") -> tuple[float, list[LayerStep]]:
    r"""Forward pass storing :math:`Z^{(l)}, A^{(l)}`, then backward pass carrying :math:`\Delta^{(l)}`.

    Parameters
    ----------
    network : Network
        Any fully connected network from :mod:`lecture_lib.networks`.
    X : array_like, shape (n_samples, n_in)
        Inputs; one row is one example. A 1-D array is one feature per sample.
    y : array_like, shape (n_samples, n_out)
        Targets (one-hot rows for ``cross_entropy``).
    loss : str
        A loss name from :mod:`lecture_lib.losses`; losses on logits
        (``cross_entropy``, ``binary_cross_entropy_with_logits``) take :math:`Z^{(L)}`.

    Returns
    -------
    loss_value : float
    steps : list of LayerStep
        One per layer, in forward order (``steps[0]`` is layer 1).
    """
    as_network(network)
    loss_fn = losses.get(loss)
    trace = network.forward_trace(X)
    Y = as_2d(y, "y", n_features=network.layer_sizes[-1])
    same_length(trace[0][0], Y, "X", "y")
    Z, A = trace[-1]
    value = _loss_value(loss_fn, Y, Z, A)
    delta = _output_delta(network, loss_fn, Y, Z, A)
    steps = []
    for layer in range(len(network.weights), 0, -1):
        a_in = trace[layer - 1][1]
        z, a = trace[layer]
        d_in = delta @ network.weights[layer - 1].T  # dL/dA of the layer below: Δ W^T
        steps.append(LayerStep(layer, a_in, z, a, delta, a_in.T @ delta, delta.sum(axis=0),
                               d_in))
        if layer > 1:  # carry the delta one layer down: (Δ W^T) ⊙ f'(Z)
            z_prev, a_prev = trace[layer - 1]
            delta = network.activation.backward(z_prev, a_prev, d_in)
    return value, steps[::-1]


def _vec(v: np.ndarray, decimals: int) -> str:
    """A row vector or matrix as text: [1.250, -0.300] or [[...], [...]] (rows of W)."""
    fmt = lambda u: f"{u:.{decimals}f}"  # noqa: E731
    if v.ndim == 1:
        return "[" + ", ".join(fmt(u) for u in v) + "]"
    return "[" + ", ".join(_vec(row, decimals) for row in v) + "]"


def step_table(network: Network, x: ArrayLike, y: ArrayLike, loss: str = "mse", decimals: int = 4) -> str:
    r"""The forward and backward pass for ONE example as a text table.

    Forward rows give :math:`z^{(l)}` and :math:`a^{(l)}` for l = 0 (the input) to L; then
    the loss; backward rows (from l = L down to 1) give :math:`\delta^{(l)}`,
    :math:`\partial L/\partial W^{(l)} = a^{(l-1)\top}\delta^{(l)}` (rows = inputs of the
    layer) and :math:`\partial L/\partial b^{(l)} = \delta^{(l)}`.

    Parameters
    ----------
    network : Network
    x, y : array_like
        One input row and its target.
    loss : str
        A name of ``lecture_lib.losses.NAMES``.
    decimals : int
        Decimals shown.

    Returns
    -------
    str
    """
    decimals = positive_int(decimals, "decimals", minimum=0)
    as_network(network)
    x = as_array(x, "x", ndim=(0, 1, 2))
    if x.ndim == 2 and x.shape[0] != 1:
        raise ValueError(tr("x must be one example, got {rows} rows; use backward_pass for a "
                            "batch").format(rows=x.shape[0]))
    x = x.reshape(1, -1)
    if x.shape[1] != network.layer_sizes[0]:
        raise ValueError(tr("x must have {n} feature(s), got {got}").format(
            n=network.layer_sizes[0], got=x.shape[1]))
    value, steps = backward_pass(network, x, np.reshape(as_array(y, "y", ndim=(0, 1, 2)), (1, -1)), loss)
    v = lambda arr: _vec(arr[0] if arr.ndim == 2 and arr.shape[0] == 1 else arr, decimals)  # noqa: E731
    forward = [(tr("layer"), tr("z = a_prev W + b"), tr("a = f(z)")), ("0", tr("(input x)"), v(x))]
    forward += [(str(s.layer), v(s.z), v(s.a)) for s in steps]
    backward = [(tr("layer"), tr("delta = dL/dz"), tr("dL/dW = a_prev^T delta"), tr("dL/db = delta"))]
    backward += [(str(s.layer), v(s.delta), _vec(s.dW, decimals), v(s.db)) for s in steps[::-1]]
    return "\n".join([tr("FORWARD  (store z and a)"), *_columns(forward),
                      tr("loss L = {value}").format(value=f"{value:.{decimals}f}"), "",
                      tr("BACKWARD (carry delta from the loss down to layer 1)"), *_columns(backward)])


def _columns(rows: list[tuple[str, ...]]) -> list[str]:
    """Rows of text cells padded into aligned columns (first column right-aligned)."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join([r[0].rjust(widths[0])] + [c.ljust(w) for c, w in zip(r[1:], widths[1:])])
            .rstrip() for r in rows]


def flat_gradients(steps: list[LayerStep]) -> np.ndarray:
    """All gradients in the order of ``Network.parameters()``: dW1, db1, dW2, db2, ..., flattened."""
    return np.concatenate([g.ravel() for s in steps for g in (s.dW, s.db)])


def describe_batch_check(batch: np.ndarray, mean_of_one_example: bool, library: bool) -> str:
    """Three lines: the batch gradient, and whether it equals the mean of the one-example
    gradients and ``Network.gradients``.

    Parameters
    ----------
    batch : numpy.ndarray
        The gradient of the batch loss (one parameter's), to 4 decimals in the readout.
    mean_of_one_example : bool
        Whether ``batch`` equals the mean of the one-example gradients.
    library : bool
        Whether ``batch`` equals what ``Network.gradients`` gives.

    Returns
    -------
    str
        The three lines, in the language selected with :func:`lecture_lib.set_language`.
    """
    yes_no = {True: tr("True", context="yes/no"), False: tr("False", context="yes/no")}
    return "\n".join([
        tr("batch gradient: {values}").format(values=np.round(batch, 4).tolist()),
        tr("equals the mean of one-example gradients: {answer}").format(
            answer=yes_no[bool(mean_of_one_example)]),
        tr("equals Network.gradients: {answer}").format(answer=yes_no[bool(library)])])


def describe_gradient_check(errors: Iterable[float], threshold: float = 1e-7) -> str:
    """Whether every relative error of :func:`lecture_lib.finite_differences.gradient_check` is below ``threshold``."""
    ok = all(float(e) < threshold for e in errors)
    return tr("every backprop gradient matches finite differences (relative error < {threshold}): "
              "{answer}").format(threshold=f"{threshold:g}".replace("e-0", "e-"),
                                 answer=tr("True", context="yes/no") if ok
                                 else tr("False", context="yes/no"))
