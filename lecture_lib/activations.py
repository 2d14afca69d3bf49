"""Activation functions a(z) and their derivatives a'(z).

Each function takes any array ``z`` and works elementwise (softmax works along an axis). ``get(name)`` returns an
:class:`Activation` with ``__call__(z)`` and ``grad(z)``, which is what :class:`lecture_lib.networks.Network` uses.

>>> from lecture_lib import activations
>>> activations.relu([-1.0, 2.0])
array([0., 2.])
>>> activations.get("elu", alpha=0.1).grad([-1.0, 1.0]).round(4)
array([0.0368, 1.    ])
"""

from __future__ import annotations

from functools import partial
from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from ._validation import as_array, choice, real_number
from .i18n import tr


# --- the formulas, once: unvalidated kernels a(z) and a'(z) given z and a = a(z), used by ``get``
# and the public functions. Kernels that take ``out`` may overwrite ``z`` (the network's fast
# path), so their derivative reads only ``a``.

def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))

def _sigmoid_grad(z, a):
    return a * (1.0 - a)


def _tanh(z, out=None, zero=None):
    return np.tanh(z, out=out)

def _tanh_grad(z, a):
    return 1.0 - a * a


def _relu(z, out=None, zero=0.0):
    # ``zero`` may be an array of zeros: numpy's maximum is faster with one than with 0.0
    return np.maximum(z, zero, out=out)

def _relu_grad(z, a):
    return a > 0          # a boolean mask; z > 0 exactly where a > 0


def _leaky_relu(z, alpha=0.01):
    return np.where(z >= 0, z, alpha * z)

def _leaky_relu_grad(z, a, alpha=0.01):
    return np.where(z >= 0, 1.0, alpha)


def _elu(z, alpha=1.0):
    return np.where(z >= 0, z, alpha * np.expm1(np.minimum(z, 0.0)))

def _elu_grad(z, a, alpha=1.0):
    return np.where(z >= 0, 1.0, a + alpha)   # α e^z = a + α for z < 0


def _hard_sigmoid(z):
    return np.clip(0.2 * z + 0.5, 0.0, 1.0)

def _hard_sigmoid_grad(z, a):
    return np.where(np.abs(z) < 2.5, 0.2, 0.0)


def _linear(z):
    return z

def _linear_grad(z, a):
    return np.ones_like(z)


def _softmax(z, axis=-1):
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


#: name -> (a(z), a'(z, a), whether a(z) can be computed in place); alpha is bound by ``get``
_KERNELS = {
    "sigmoid": (_sigmoid, _sigmoid_grad, False),
    "tanh": (_tanh, _tanh_grad, True),
    "relu": (_relu, _relu_grad, True),
    "leaky_relu": (_leaky_relu, _leaky_relu_grad, False),
    "elu": (_elu, _elu_grad, False),
    "hard_sigmoid": (_hard_sigmoid, _hard_sigmoid_grad, False),
    "linear": (_linear, _linear_grad, False),
    "softmax": (_softmax, None, False),
}
NAMES = tuple(_KERNELS)


def _z(z) -> np.ndarray:
    return as_array(z, "z", allow_empty=True)


def _alpha(alpha) -> float:
    return real_number(alpha, "alpha", low=0.0)


# --- public functions: validate, then apply the kernel ---
def sigmoid(z: ArrayLike) -> np.ndarray:
    r"""Logistic sigmoid :math:`\sigma(z) = 1 / (1 + e^{-z})`, without overflow."""
    return _sigmoid(_z(z))


def sigmoid_grad(z: ArrayLike) -> np.ndarray:
    r"""Derivative :math:`\sigma'(z) = \sigma(z)\,(1 - \sigma(z))`."""
    z = _z(z)
    return _sigmoid_grad(z, _sigmoid(z))


def tanh(z: ArrayLike) -> np.ndarray:
    r"""Hyperbolic tangent :math:`\tanh z = (e^z - e^{-z}) / (e^z + e^{-z})`."""
    return _tanh(_z(z))


def tanh_grad(z: ArrayLike) -> np.ndarray:
    r"""Derivative :math:`1 - \tanh^2 z`."""
    z = _z(z)
    return _tanh_grad(z, _tanh(z))


def relu(z: ArrayLike) -> np.ndarray:
    r"""Rectified linear unit :math:`a(z) = \max(0, z)`."""
    return _relu(_z(z))


def relu_grad(z: ArrayLike) -> np.ndarray:
    r"""Derivative of ReLU: 1 for :math:`z > 0`, else 0 (we take 0 at the joint)."""
    z = _z(z)
    return _relu_grad(z, _relu(z)).astype(np.float64)


def leaky_relu(z: ArrayLike, alpha: float = 0.01) -> np.ndarray:
    r"""Leaky ReLU: :math:`z` for :math:`z \ge 0`, :math:`\alpha z` for :math:`z < 0`."""
    return _leaky_relu(_z(z), _alpha(alpha))


def leaky_relu_grad(z: ArrayLike, alpha: float = 0.01) -> np.ndarray:
    r"""Derivative of leaky ReLU: 1 for :math:`z \ge 0`, :math:`\alpha` otherwise."""
    return _leaky_relu_grad(_z(z), None, _alpha(alpha))


def elu(z: ArrayLike, alpha: float = 1.0) -> np.ndarray:
    r"""Exponential linear unit: :math:`z` for :math:`z \ge 0`, :math:`\alpha(e^z - 1)` otherwise.

    The EAFIT lecture uses :math:`\alpha = 0.1`.
    """
    return _elu(_z(z), _alpha(alpha))


def elu_grad(z: ArrayLike, alpha: float = 1.0) -> np.ndarray:
    r"""Derivative of ELU: 1 for :math:`z \ge 0`, :math:`\alpha e^z` otherwise."""
    z, alpha = _z(z), _alpha(alpha)
    return _elu_grad(z, _elu(z, alpha), alpha)


def hard_sigmoid(z: ArrayLike) -> np.ndarray:
    r"""Hard sigmoid :math:`\min(1, \max(0, 0.2 z + 0.5))`: a piecewise-linear S-curve.

    It equals a sum of two ReLUs, :math:`0.2\,[\mathrm{relu}(z + 2.5) - \mathrm{relu}(z - 2.5)]`.
    """
    return _hard_sigmoid(_z(z))


def hard_sigmoid_grad(z: ArrayLike) -> np.ndarray:
    r"""Derivative of the hard sigmoid: 0.2 for :math:`-2.5 < z < 2.5`, else 0."""
    return _hard_sigmoid_grad(_z(z), None)


def linear(z: ArrayLike) -> np.ndarray:
    r"""Identity :math:`a(z) = z`, the output activation for regression."""
    return _z(z).copy()


def linear_grad(z: ArrayLike) -> np.ndarray:
    r"""Derivative of the identity: 1 everywhere."""
    return _linear_grad(_z(z), None)


def softmax(z: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Softmax :math:`\mathrm{softmax}(z)_k = e^{z_k} / \sum_j e^{z_j}` along ``axis``.

    Computed as :math:`e^{z_k - \max z} / \sum_j e^{z_j - \max z}`, so it never overflows.
    """
    return _softmax(as_array(z, "z"), axis)


def softmax_grad(z: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Jacobian :math:`\partial s_i / \partial z_j = s_i(\delta_{ij} - s_j)` of softmax.

    For ``z`` of shape ``(..., k)`` (with ``axis=-1``) returns shape ``(..., k, k)``.
    """
    s = np.moveaxis(softmax(z, axis), axis, -1)
    return s[..., :, None] * (np.eye(s.shape[-1]) - s[..., None, :])


class Activation:
    """An activation function with its derivative, as used inside a network.

    ``__call__`` and ``grad`` validate their input; the network uses the unvalidated
    ``forward``/``backward`` pair on arrays it has already checked.

    Parameters
    ----------
    name : str
        One of ``NAMES``.
    fn : callable
        The unvalidated kernel ``a(z)``.
    grad : callable or None
        The unvalidated derivative ``a'(z, a)`` given ``z`` and ``a = a(z)`` (None for softmax,
        whose derivative is a Jacobian).
    in_place : bool
        Whether ``fn`` accepts ``out=`` and ``zero=`` and ``grad`` reads only ``a``, so the
        network may overwrite ``z`` with ``a``.
    **params
        The parameters bound into ``fn`` and ``grad`` (``alpha``), shown by ``repr``.
    """

    def __init__(self, name: str, fn: Callable[..., np.ndarray], grad: Callable[..., np.ndarray] | None,
                 in_place: bool = False, **params: float) -> None:
        self.name, self.params, self.in_place = name, params, in_place
        self._fn, self._grad = fn, grad

    def __call__(self, z: ArrayLike) -> np.ndarray:
        """Validated a(z)."""
        return self._fn(as_array(z, "z", allow_empty=self.name != "softmax"))

    def forward(self, z: np.ndarray, out: np.ndarray | None = None, zero: float | np.ndarray = 0.0) -> np.ndarray:
        """Unvalidated a(z) of a checked float array.

        Parameters
        ----------
        z : ndarray
        out : ndarray, optional
            ``z`` itself to overwrite it (only if ``in_place``).
        zero : float or ndarray
            0.0 or zeros shaped like ``z`` (ReLU is faster with an array).

        Returns
        -------
        ndarray
        """
        if out is None:
            return self._fn(z)
        return self._fn(z, out=out, zero=zero)

    def grad(self, z: ArrayLike) -> np.ndarray:
        """Elementwise derivative a'(z) (for softmax: the Jacobian, see ``softmax_grad``)."""
        if self.name == "softmax":
            return softmax_grad(z)
        z = as_array(z, "z", allow_empty=True)
        return np.asarray(self._grad(z, self._fn(z)), dtype=np.float64)

    def backward(self, z: np.ndarray, a: np.ndarray, upstream: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        r"""Unvalidated :math:`\partial L/\partial z = \partial L/\partial a \cdot a'(z)`.

        Parameters
        ----------
        z, a, upstream : ndarray
            Pre-activation, activation and :math:`\partial L/\partial a`.
        out : ndarray, optional
            ``upstream`` itself to overwrite it.

        Returns
        -------
        ndarray
        """
        if self.name == "softmax":
            return a * (upstream - (upstream * a).sum(axis=-1, keepdims=True))
        return np.multiply(upstream, self._grad(z, a), out=out)

    def __repr__(self):
        extra = "".join(f", {k}={v}" for k, v in self.params.items())
        return f"Activation({self.name!r}{extra})"


def get(name: str | Activation, alpha: float | None = None) -> Activation:
    """Return the activation called ``name`` (one of ``NAMES``), or pass an Activation through.

    ``alpha`` sets the slope of Leaky ReLU (default 0.01) or the scale of ELU (default 1.0).
    """
    if isinstance(name, Activation):
        return name
    choice(name, "activation", NAMES)
    fn, grad, in_place = _KERNELS[name]
    params = {}
    if alpha is not None:
        if name not in ("leaky_relu", "elu"):
            raise ValueError(tr("alpha only applies to 'leaky_relu' and 'elu', not {name!r}").format(name=name))
        params["alpha"] = _alpha(alpha)
        fn, grad = partial(fn, alpha=params["alpha"]), partial(grad, alpha=params["alpha"])
    return Activation(name, fn, grad, in_place, **params)
