r"""Loss functions L(y, ŷ) with their gradients dL/dŷ, reduced as PyTorch does.

``mse``, ``mae`` and both binary cross-entropies average over every element (N samples
× K outputs); ``cross_entropy`` averages over the N samples. With one output the two
agree and the formulas are the lectures' :math:`\frac1N\sum_i`.

Argument order is always ``(y_true, y_pred)``. ``y_pred`` is a prediction for
``mse``, ``mae`` and ``binary_cross_entropy``, and a logit (pre-activation) for the
``*_with_logits`` form and ``cross_entropy``, which are the numerically stable forms.

>>> from lecture_lib import losses
>>> float(losses.mse([1.0, 2.0], [1.0, 4.0]))
2.0
>>> round(float(losses.binary_cross_entropy_with_logits([1.0], [1e4])), 6)
0.0
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from . import activations
from ._validation import as_array, choice, same_length
from .i18n import tr


def _pair(y_true, y_pred, pred_name="y_pred"):
    """Validate a (target, prediction) pair; 1-D inputs become one column."""
    y = as_array(y_true, "y_true", ndim=(1, 2))
    p = as_array(y_pred, pred_name, ndim=(1, 2))
    y = y[:, None] if y.ndim == 1 else y
    p = p[:, None] if p.ndim == 1 else p
    same_length(y, p, "y_true", pred_name)
    if y.shape != p.shape:
        raise ValueError(tr("y_true and {name} must have the same shape, got {a} and {b}").format(
            name=pred_name, a=y.shape, b=p.shape))
    return y, p


def _binary_targets(y):
    if np.any((y < 0) | (y > 1)):
        raise ValueError(tr("{name} must hold probabilities in [0, 1] (labels 0 or 1)").format(
            name="y_true"))
    return y


# --- unvalidated kernels: (value, gradient) for already-checked 2-D arrays ---
# mse, mae and the binary cross-entropies average over all N·K elements, cross_entropy
# over the N samples (its K logits belong to one sample): PyTorch's, Keras' and
# scikit-learn's default reductions.

_SIGMOID = activations.get("sigmoid")


def _mse(y, p):
    d = p - y
    flat = d.ravel()
    return float(flat @ flat) / d.size, d * (2.0 / d.size)


def _mae(y, p):
    d = p - y
    return float(np.abs(d).sum()) / d.size, np.sign(d) / d.size


def _bce_logits(y, z):
    # max(z, 0) - y z + log(1 + e^{-|z|})  ==  -[y log σ(z) + (1 - y) log(1 - σ(z))].
    # The small log1p term is added last: 40 + 4e-18 - 40 would lose it (true value 4.2e-18).
    value = (np.maximum(z, 0.0) - y * z) + np.log1p(np.exp(-np.abs(z)))
    return float(value.sum()) / z.size, (_SIGMOID.forward(z) - y) / z.size


def _logsumexp(z, axis=-1):
    m = np.max(z, axis=axis, keepdims=True)
    return m + np.log(np.sum(np.exp(z - m), axis=axis, keepdims=True))


def _cross_entropy(y, z):
    log_p = z - _logsumexp(z, axis=1)
    value = -float((y * log_p).sum()) / z.shape[0]
    return value, (np.exp(log_p) - y) / z.shape[0]


def _bce(y, p):
    eps = 1e-12  # probabilities of exactly 0 or 1 would give log(0)
    q = np.clip(p, eps, 1.0 - eps)
    value = -np.mean(y * np.log(q) + (1.0 - y) * np.log1p(-q))
    return float(value), (q - y) / (q * (1.0 - q)) / p.size


# --- public functions ---
# N samples, K outputs; for one output (K = 1) the formulas are the lectures' 1/N sums.

def mse(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    r"""Mean squared error over all elements, :math:`L = \frac{1}{NK}\sum_{i,k} (\hat y_{ik} - y_{ik})^2`."""
    return _mse(*_pair(y_true, y_pred))[0]


def mse_grad(y_true: ArrayLike, y_pred: ArrayLike) -> np.ndarray:
    r"""Gradient :math:`\partial L / \partial \hat y_{ik} = \frac{2}{NK}(\hat y_{ik} - y_{ik})`."""
    y, p = _pair(y_true, y_pred)
    return _mse(y, p)[1].reshape(np.shape(y_pred))


def mae(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    r"""Mean absolute error over all elements, :math:`L = \frac{1}{NK}\sum_{i,k} |\hat y_{ik} - y_{ik}|`."""
    return _mae(*_pair(y_true, y_pred))[0]


def mae_grad(y_true: ArrayLike, y_pred: ArrayLike) -> np.ndarray:
    r"""Gradient :math:`\frac{1}{NK}\,\mathrm{sign}(\hat y_{ik} - y_{ik})` (0 where they are equal)."""
    y, p = _pair(y_true, y_pred)
    return _mae(y, p)[1].reshape(np.shape(y_pred))


def binary_cross_entropy(y_true: ArrayLike, p: ArrayLike) -> float:
    r"""Binary cross-entropy :math:`L = -\frac{1}{NK}\sum_{i,k} [y_{ik} \log p_{ik} + (1 - y_{ik})\log(1 - p_{ik})]`.

    ``p`` are probabilities in [0, 1]; they are clipped to [1e-12, 1 - 1e-12] before
    the logarithm. Prefer :func:`binary_cross_entropy_with_logits` when you have logits.
    """
    y, q = _pair(y_true, p, "p")
    _binary_targets(y)
    if np.any((q < 0) | (q > 1)):
        raise ValueError(tr("{name} must hold probabilities in [0, 1]").format(name="p"))
    return _bce(y, q)[0]


def binary_cross_entropy_grad(y_true: ArrayLike, p: ArrayLike) -> np.ndarray:
    r"""Gradient :math:`\frac{1}{NK}\,(p_{ik} - y_{ik}) / (p_{ik} (1 - p_{ik}))` with respect to ``p``."""
    binary_cross_entropy(y_true, p)  # validates
    y, q = _pair(y_true, p, "p")
    return _bce(y, q)[1].reshape(np.shape(p))


def binary_cross_entropy_with_logits(y_true: ArrayLike, z: ArrayLike) -> float:
    r"""BCE of :math:`p = \sigma(z)`, averaged over every element:

    .. math:: L = -\frac{1}{NK}\sum_{i,k} [y_{ik}\log\sigma(z_{ik}) + (1-y_{ik})\log(1-\sigma(z_{ik}))].

    Evaluated as :math:`\log(1 + e^{-|z|}) + \max(z, 0) - y z`, finite for any ``z``.
    """
    y, z = _pair(y_true, z, "z")
    return _bce_logits(_binary_targets(y), z)[0]


def binary_cross_entropy_with_logits_grad(y_true: ArrayLike, z: ArrayLike) -> np.ndarray:
    r"""Gradient :math:`\partial L / \partial z_{ik} = \frac{1}{NK}(\sigma(z_{ik}) - y_{ik})`."""
    y, zz = _pair(y_true, z, "z")
    return _bce_logits(_binary_targets(y), zz)[1].reshape(np.shape(z))


def class_targets(y_true: ArrayLike, n_classes: int, name: str = "y_true") -> np.ndarray:
    """Validated one-hot targets ``(N, n_classes)`` from integer labels ``(N,)`` or one-hot rows.

    Parameters
    ----------
    y_true : array_like
        Integer labels 0 … ``n_classes`` − 1, shape ``(N,)``, or one-hot (or probability)
        rows, shape ``(N, n_classes)``.
    n_classes : int
        The number of classes K (the logits' columns).
    name : str
        The argument's name in error messages.

    Returns
    -------
    ndarray, shape (N, n_classes)
    """
    y = as_array(y_true, name, ndim=(1, 2))
    if y.ndim == 1:  # integer labels
        if np.any(y != np.round(y)) or np.any(y < 0) or np.any(y >= n_classes):
            raise ValueError(tr("integer labels in {name} must be in 0..{last}").format(
                name=name, last=n_classes - 1))
        return np.eye(n_classes)[y.astype(int)]
    if y.shape[1] != n_classes:
        raise ValueError(tr("one-hot {name} must have {n} columns, got shape {shape}").format(
            name=name, n=n_classes, shape=y.shape))
    if np.any((y < 0) | (y > 1)):
        raise ValueError(tr("{name} must hold probabilities in [0, 1] (labels 0 or 1)").format(
            name=name))
    return y


def _class_pair(y_true, logits):
    z = as_array(logits, "logits", ndim=2)
    y = as_array(y_true, "y_true", ndim=(1, 2))
    if y.ndim == 2 and y.shape != z.shape:
        raise ValueError(tr("one-hot y_true must have the shape of logits {want}, got {got}").format(
            want=z.shape, got=y.shape))
    y = class_targets(y, z.shape[1])
    same_length(y, z, "y_true", "logits")
    return y, z


def logsumexp(z: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Stable :math:`\log\sum_j e^{z_j} = m + \log\sum_j e^{z_j - m}` with :math:`m = \max_j z_j`.

    Every :math:`e^{z_j - m} \le 1`, so nothing overflows, and one term equals 1, so
    the sum never underflows to 0. Then :math:`\log\mathrm{softmax}(z)_k = z_k - \mathrm{logsumexp}(z)`.
    """
    return np.squeeze(_logsumexp(as_array(z, "z"), axis), axis=axis)


def cross_entropy(y_true: ArrayLike, logits: ArrayLike) -> float:
    r"""Cross-entropy of softmax, averaged over samples:

    .. math:: L = -\frac{1}{N}\sum_i \sum_k y_{ik} \log \mathrm{softmax}(z_i)_k.

    ``y_true`` is integer labels ``(N,)`` or one-hot ``(N, K)``; ``logits`` is ``(N, K)``.
    The log-softmax is computed with the log-sum-exp trick, finite for any logits.
    """
    return _cross_entropy(*_class_pair(y_true, logits))[0]


def cross_entropy_grad(y_true: ArrayLike, logits: ArrayLike) -> np.ndarray:
    r"""Gradient :math:`\partial L / \partial z_{ik} = \frac{1}{N}(\mathrm{softmax}(z_i)_k - y_{ik})`."""
    return _cross_entropy(*_class_pair(y_true, logits))[1]


class Loss:
    """A loss with ``__call__(y_true, y_pred)`` and ``grad(y_true, y_pred)``.

    ``takes_logits`` says whether ``y_pred`` is a logit (pre-activation) rather than
    a prediction; the network feeds such losses its last pre-activation.

    Parameters
    ----------
    name : str
        One of ``NAMES``.
    fn, grad : callable
        The validated public value and gradient functions.
    kernel : callable
        The unvalidated ``kernel(Y, P) -> (value, dL/dP)`` for checked 2-D arrays, which
        the network's fast path calls.
    takes_logits : bool
        Whether the second argument is a logit rather than a prediction.
    """

    def __init__(self, name: str, fn: Callable[[ArrayLike, ArrayLike], float],
                 grad: Callable[[ArrayLike, ArrayLike], np.ndarray],
                 kernel: Callable[[np.ndarray, np.ndarray], tuple[float, np.ndarray]],
                 takes_logits: bool = False) -> None:
        self.name, self.takes_logits = name, takes_logits
        self._fn, self._grad, self.kernel = fn, grad, kernel

    def __call__(self, y_true: ArrayLike, y_pred: ArrayLike) -> float:
        """The loss value (validated)."""
        return self._fn(y_true, y_pred)

    def grad(self, y_true: ArrayLike, y_pred: ArrayLike) -> np.ndarray:
        """The gradient with respect to ``y_pred`` (validated), shaped like ``y_pred``."""
        return self._grad(y_true, y_pred)

    def __repr__(self):
        return f"Loss({self.name!r})"


_LOSSES = {
    "mse": Loss("mse", mse, mse_grad, _mse),
    "mae": Loss("mae", mae, mae_grad, _mae),
    "binary_cross_entropy": Loss("binary_cross_entropy", binary_cross_entropy,
                                 binary_cross_entropy_grad, _bce),
    "binary_cross_entropy_with_logits": Loss(
        "binary_cross_entropy_with_logits", binary_cross_entropy_with_logits,
        binary_cross_entropy_with_logits_grad, _bce_logits, takes_logits=True),
    "cross_entropy": Loss("cross_entropy", cross_entropy, cross_entropy_grad,
                          _cross_entropy, takes_logits=True),
}
NAMES = tuple(_LOSSES)


def get(name: str | Loss) -> Loss:
    """Return the loss called ``name`` (one of ``NAMES``), or pass a Loss through."""
    if isinstance(name, Loss):
        return name
    return _LOSSES[choice(name, "loss", NAMES)]
