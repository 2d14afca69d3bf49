"""Activation functions a(z) and their derivatives a'(z).

Each function takes any array ``z`` and works elementwise (softmax works along an
axis). ``get(name)`` returns an :class:`Activation` with ``__call__(z)`` and
``grad(z)``, which is what :class:`lecture_lib.networks.Network` uses.

>>> from lecture_lib import activations
>>> activations.relu([-1.0, 2.0])
array([0., 2.])
>>> activations.get("elu", alpha=0.1).grad([-1.0, 1.0]).round(4)
array([0.0368, 1.    ])
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from ._validation import as_array, choice, real_number


def sigmoid(z):
    r"""Logistic sigmoid :math:`\sigma(z) = 1 / (1 + e^{-z})`, without overflow."""
    z = as_array(z, "z", allow_empty=True)
    return _sigmoid(z)


def sigmoid_grad(z):
    r"""Derivative :math:`\sigma'(z) = \sigma(z)\,(1 - \sigma(z))`."""
    s = sigmoid(z)
    return s * (1.0 - s)


def tanh(z):
    r"""Hyperbolic tangent :math:`\tanh z = (e^z - e^{-z}) / (e^z + e^{-z})`."""
    return np.tanh(as_array(z, "z", allow_empty=True))


def tanh_grad(z):
    r"""Derivative :math:`1 - \tanh^2 z`."""
    return 1.0 - np.tanh(as_array(z, "z", allow_empty=True)) ** 2


def relu(z):
    r"""Rectified linear unit :math:`a(z) = \max(0, z)`."""
    return np.maximum(as_array(z, "z", allow_empty=True), 0.0)


def relu_grad(z):
    r"""Derivative of ReLU: 1 for :math:`z > 0`, else 0 (we take 0 at the joint)."""
    return (as_array(z, "z", allow_empty=True) > 0).astype(np.float64)


def leaky_relu(z, alpha: float = 0.01):
    r"""Leaky ReLU: :math:`z` for :math:`z \ge 0`, :math:`\alpha z` for :math:`z < 0`."""
    z = as_array(z, "z", allow_empty=True)
    alpha = real_number(alpha, "alpha", low=0.0)
    return np.where(z >= 0, z, alpha * z)


def leaky_relu_grad(z, alpha: float = 0.01):
    r"""Derivative of leaky ReLU: 1 for :math:`z \ge 0`, :math:`\alpha` otherwise."""
    z = as_array(z, "z", allow_empty=True)
    alpha = real_number(alpha, "alpha", low=0.0)
    return np.where(z >= 0, 1.0, alpha)


def elu(z, alpha: float = 1.0):
    r"""Exponential linear unit: :math:`z` for :math:`z \ge 0`, :math:`\alpha(e^z - 1)` otherwise.

    The EAFIT lecture uses :math:`\alpha = 0.1`.
    """
    z = as_array(z, "z", allow_empty=True)
    alpha = real_number(alpha, "alpha", low=0.0)
    return np.where(z >= 0, z, alpha * np.expm1(np.minimum(z, 0.0)))


def elu_grad(z, alpha: float = 1.0):
    r"""Derivative of ELU: 1 for :math:`z \ge 0`, :math:`\alpha e^z` otherwise."""
    z = as_array(z, "z", allow_empty=True)
    alpha = real_number(alpha, "alpha", low=0.0)
    return np.where(z >= 0, 1.0, alpha * np.exp(np.minimum(z, 0.0)))


def hard_sigmoid(z):
    r"""Hard sigmoid :math:`\min(1, \max(0, 0.2 z + 0.5))`: a piecewise-linear S-curve.

    It equals a sum of two ReLUs, :math:`0.2\,[\mathrm{relu}(z + 2.5) - \mathrm{relu}(z - 2.5)]`.
    """
    return np.clip(0.2 * as_array(z, "z", allow_empty=True) + 0.5, 0.0, 1.0)


def hard_sigmoid_grad(z):
    r"""Derivative of the hard sigmoid: 0.2 for :math:`-2.5 < z < 2.5`, else 0."""
    z = as_array(z, "z", allow_empty=True)
    return np.where(np.abs(z) < 2.5, 0.2, 0.0)


def linear(z):
    r"""Identity :math:`a(z) = z`, the output activation for regression."""
    return as_array(z, "z", allow_empty=True).copy()


def linear_grad(z):
    r"""Derivative of the identity: 1 everywhere."""
    return np.ones_like(as_array(z, "z", allow_empty=True))


def softmax(z, axis: int = -1):
    r"""Softmax :math:`\mathrm{softmax}(z)_k = e^{z_k} / \sum_j e^{z_j}` along ``axis``.

    Computed as :math:`e^{z_k - \max z} / \sum_j e^{z_j - \max z}`, so it never overflows.
    """
    z = as_array(z, "z")
    return _softmax(z, axis)


def softmax_grad(z, axis: int = -1):
    r"""Jacobian :math:`\partial s_i / \partial z_j = s_i(\delta_{ij} - s_j)` of softmax.

    For ``z`` of shape ``(..., k)`` (with ``axis=-1``) returns shape ``(..., k, k)``.
    """
    s = np.moveaxis(softmax(z, axis), axis, -1)
    return s[..., :, None] * (np.eye(s.shape[-1]) - s[..., None, :])


# --- fast, unvalidated kernels used by the network's forward and backward passes ---

def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _softmax(z, axis=-1):
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


class Activation:
    """An activation function with its derivative, as used inside a network.

    ``__call__`` and ``grad`` validate their input; the network uses the unvalidated
    ``forward``/``backward`` pair on arrays it has already checked.
    """

    def __init__(self, name: str, fn: Callable, grad: Callable, **params):
        self.name, self.params = name, params
        self._fn, self._grad = fn, grad

    def __call__(self, z):
        return self._fn(as_array(z, "z", allow_empty=self.name != "softmax"))

    def grad(self, z):
        """Elementwise derivative a'(z) (for softmax: the Jacobian, see ``softmax_grad``)."""
        if self.name == "softmax":
            return softmax_grad(z)
        return self._grad(as_array(z, "z", allow_empty=True))

    def backward(self, z, a, upstream):
        """Return dL/dz from dL/da for pre-activation ``z`` and activation ``a``."""
        if self.name == "softmax":
            return a * (upstream - (upstream * a).sum(axis=-1, keepdims=True))
        return upstream * self._grad(z, a)

    def __repr__(self):
        extra = "".join(f", {k}={v}" for k, v in self.params.items())
        return f"Activation({self.name!r}{extra})"


def _table(alpha_leaky: float, alpha_elu: float):
    """name -> (a(z), a'(z) given z and a): the kernels behind ``get``."""
    al, ae = alpha_leaky, alpha_elu
    return {
        "sigmoid": (_sigmoid, lambda z, a: a * (1.0 - a)),
        "tanh": (np.tanh, lambda z, a: 1.0 - a * a),
        "relu": (lambda z: np.maximum(z, 0.0), lambda z, a: (z > 0).astype(np.float64)),
        "leaky_relu": (lambda z: np.where(z >= 0, z, al * z),
                       lambda z, a: np.where(z >= 0, 1.0, al)),
        "elu": (lambda z: np.where(z >= 0, z, ae * np.expm1(np.minimum(z, 0.0))),
                lambda z, a: np.where(z >= 0, 1.0, a + ae)),
        "hard_sigmoid": (lambda z: np.clip(0.2 * z + 0.5, 0.0, 1.0),
                         lambda z, a: np.where(np.abs(z) < 2.5, 0.2, 0.0)),
        "linear": (lambda z: z, lambda z, a: np.ones_like(z)),
        "softmax": (_softmax, None),
    }


NAMES = tuple(_table(0.01, 1.0))


def get(name, alpha: float | None = None) -> Activation:
    """Return the activation called ``name`` (one of ``NAMES``), or pass an Activation through.

    ``alpha`` sets the slope of Leaky ReLU (default 0.01) or the scale of ELU (default 1.0).
    """
    if isinstance(name, Activation):
        return name
    choice(name, "activation", NAMES)
    params = {}
    if alpha is not None:
        if name not in ("leaky_relu", "elu"):
            raise ValueError(f"alpha only applies to 'leaky_relu' and 'elu', not {name!r}")
        params["alpha"] = real_number(alpha, "alpha", low=0.0)
    al = params.get("alpha", 0.01)
    ae = params.get("alpha", 1.0)
    fn, grad = _table(al, ae)[name]
    if grad is not None:
        wrapped = grad
        grad = lambda z, a=None: wrapped(z, fn(z) if a is None else a)  # noqa: E731
    return Activation(name, fn, grad, **params)
