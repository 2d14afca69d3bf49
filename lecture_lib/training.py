r"""Optimisers and the training loop: random init, forward, loss, backward, update, repeat.

Optimisers update parameter arrays in place (for a network: ``W1, b1, W2, b2, ...``);
the basic rule is the lecture's step :math:`w^{(t+1)} = w^{(t)} - \eta\, dL/dw|_{w^{(t)}}`.

>>> import numpy as np
>>> from lecture_lib.networks import Network
>>> x = np.linspace(-1, 1, 20)
>>> history = train(Network((1, 8, 1), seed=0), x, x ** 2, "mse", Adam(0.05), epochs=200)
>>> history.train_loss[-1] < 0.1 * history.train_loss[0]
True
"""

from __future__ import annotations

import abc
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from ._progress import Progress
from ._validation import as_array, make_rng, positive_int, real_number
from .networks import Network


class Optimizer(abc.ABC):
    """Base class: hyper-parameters plus per-parameter state tied to one set of arrays."""

    full_batch = False  #: whether it always takes the whole training set as one batch
    _hyper = ("lr",)    #: attribute names shown by ``repr``

    def __init__(self, lr: float):
        self.lr = real_number(lr, "lr", low=0.0, low_open=True)
        self._key = None

    def step(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        """Update the float64 arrays ``params`` in place from ``grads`` (same shapes)."""
        if not isinstance(params, (list, tuple)) or not isinstance(grads, (list, tuple)) \
                or len(params) != len(grads):
            raise ValueError("params and grads must be lists of arrays of the same length")
        for i, (p, g) in enumerate(zip(params, grads)):
            if not isinstance(p, np.ndarray) or p.dtype != np.float64:
                raise TypeError(f"params[{i}] must be a float64 numpy array")
            if np.shape(as_array(g, f"grads[{i}]")) != p.shape:
                raise ValueError(f"grads[{i}] must have shape {p.shape}, got {np.shape(g)}")
        self.bind(params)
        self.update(params, [np.array(g, dtype=np.float64) for g in grads])

    def reset(self) -> None:
        """Forget the state (velocities, moments): the next step starts as the first."""
        self._key = None

    def bind(self, params: list[np.ndarray]) -> None:
        """Tie the state to ``params``: (re)create it when they are a new set of arrays.

        Call once before a loop of :meth:`update` calls (``step`` does both).
        """
        key = tuple((id(p), p.shape) for p in params)
        if key != self._key:
            self._key = key
            self._init_state(params)

    def _init_state(self, params) -> None:
        """Allocate per-parameter state; plain gradient descent has none."""

    @abc.abstractmethod
    def update(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        """Unvalidated in-place update of arrays bound with :meth:`bind`.

        The fast path of loops that checked their arrays once; it may overwrite ``grads``
        (scratch arrays).
        """

    def __repr__(self):
        args = ", ".join(f"{name}={getattr(self, name):g}" for name in self._hyper)
        return f"{type(self).__name__}({args})"


class SGD(Optimizer):
    r"""Stochastic gradient descent, :math:`w^{(t+1)} = w^{(t)} - \eta\, dL_B/dw|_{w^{(t)}}`
    on each mini-batch B (its size is an argument of :func:`train`).
    """

    def update(self, params, grads) -> None:
        r"""Unvalidated step :math:`w \leftarrow w - \eta g` (see :meth:`Optimizer.update`)."""
        for p, g in zip(params, grads):
            p -= self.lr * g


class GD(SGD):
    r"""Full-batch gradient descent, :math:`w^{(t+1)} = w^{(t)} - \eta\, dL/dw|_{w^{(t)}}`.

    The update of :class:`SGD` on the whole training set: one step per epoch and no
    shuffling; :func:`train` rejects a ``batch_size`` smaller than the data.
    """

    full_batch = True


class Momentum(Optimizer):
    r"""Gradient descent with momentum: steps follow a decaying sum of past gradients,

    .. math::  v^{(t+1)} = \beta\, v^{(t)} + \frac{dL}{dw}\Big|_{w^{(t)}}, \qquad
               w^{(t+1)} = w^{(t)} - \eta\, v^{(t+1)}, \qquad v^{(0)} = 0

    (PyTorch's form). :math:`\beta = 0` is plain SGD; on a steady slope the step grows
    to :math:`\eta / (1 - \beta)` times the gradient.
    """

    _hyper = ("lr", "beta")

    def __init__(self, lr: float, beta: float = 0.9):
        super().__init__(lr)
        self.beta = _fraction(beta, "beta")

    def _init_state(self, params) -> None:
        self._velocity = [np.zeros_like(p) for p in params]

    def update(self, params, grads) -> None:
        """Unvalidated momentum step (see :meth:`Optimizer.update`)."""
        for p, g, v in zip(params, grads, self._velocity):
            v *= self.beta
            v += g
            p -= self.lr * v


class Adam(Optimizer):
    r"""Adam: momentum plus a per-parameter step size from the running squared gradient.

    With :math:`g = dL/dw` at steps :math:`t = 1, 2, \dots` and :math:`m^{(0)} = s^{(0)} = 0`:
    :math:`m^{(t)} = \beta_1 m^{(t-1)} + (1 - \beta_1)\, g`,
    :math:`s^{(t)} = \beta_2 s^{(t-1)} + (1 - \beta_2)\, g^2` and
    :math:`w^{(t)} = w^{(t-1)} - \eta\, \hat m / (\sqrt{\hat s} + \epsilon)` with the
    start-up corrections :math:`\hat m = m^{(t)} / (1 - \beta_1^t)` and
    :math:`\hat s = s^{(t)} / (1 - \beta_2^t)`. Dividing by :math:`\sqrt{\hat s}` is the
    "adaptive learning rate": each parameter moves about η per step, whatever its scale.
    """

    _hyper = ("lr", "beta1", "beta2", "eps")

    def __init__(self, lr: float, beta1: float = 0.9, beta2: float = 0.999,
                 eps: float = 1e-8):
        super().__init__(lr)
        self.beta1 = _fraction(beta1, "beta1")
        self.beta2 = _fraction(beta2, "beta2")
        self.eps = real_number(eps, "eps", low=0.0, low_open=True)

    def _init_state(self, params) -> None:
        self._t = 0
        self._m = [np.zeros_like(p) for p in params]
        self._s = [np.zeros_like(p) for p in params]

    def update(self, params, grads) -> None:
        """Unvalidated Adam step (see :meth:`Optimizer.update`)."""
        self._t += 1
        b1, b2 = self.beta1, self.beta2
        c1, c2 = 1.0 - b1 ** self._t, 1.0 - b2 ** self._t
        for p, g, m, s in zip(params, grads, self._m, self._s):
            m *= b1
            m += (1.0 - b1) * g
            s *= b2
            s += (1.0 - b2) * g * g
            p -= self.lr * (m / c1) / (np.sqrt(s / c2) + self.eps)


def _fraction(value, name) -> float:
    value = real_number(value, name, low=0.0)
    if value >= 1.0:
        raise ValueError(f"{name} must be in [0, 1), got {value}")
    return value


@dataclass
class History:
    """Per-epoch record returned by :func:`train`.

    ``epochs`` are the epoch numbers run (1, 2, ...). ``train_loss`` is the mean data
    loss of the epoch's batches, each taken just before its update (full batch: the
    loss at the start of the epoch), without the L2 penalty. ``test_loss`` is the loss
    on the test set after each epoch (empty without one). ``stopped_early`` says the
    callback stopped training; ``diverged`` says numbers overflowed (η too large).
    """

    epochs: list[int] = field(default_factory=list)
    train_loss: list[float] = field(default_factory=list)
    test_loss: list[float] = field(default_factory=list)
    stopped_early: bool = False
    diverged: bool = False

    def __len__(self) -> int:
        return len(self.epochs)


def train(network: Network, X, y, loss, optimizer: Optimizer, epochs: int,
          batch_size: int | None = None, X_test=None, y_test=None,
          callback: Callable | None = None, seed: int | None = 0, lam: float = 0.0,
          progress: bool = False) -> History:
    r"""Train ``network`` in place on ``(X, y)``; return the per-epoch :class:`History`.

    Every epoch shuffles the samples (seeded), cuts them into batches of ``batch_size``
    (the last may be smaller; ``None``: one full batch, no shuffling) and takes one
    ``optimizer`` step per batch. With ``lam`` = λ > 0 the minimised loss is

    .. math::  L_\lambda = L + \lambda \sum_l \lVert W^{(l)} \rVert^2, \qquad
               \frac{\partial L_\lambda}{\partial W^{(l)}} = \frac{\partial L}{\partial W^{(l)}}
               + 2 \lambda W^{(l)}

    (weight decay on the weights, never on the biases).

    Parameters
    ----------
    network, X, y, loss
        As for ``Network.gradients``: inputs ``(n_samples, n_in)`` and their targets.
    optimizer : Optimizer
        :class:`GD`, :class:`SGD`, :class:`Momentum` or :class:`Adam`; its state carries
        over to the next call on the same network, so a second ``train`` continues.
    epochs : int
        Passes over the training set (≥ 1); ``batch_size`` is 1 to n_samples.
    X_test, y_test : array_like, optional
        Held-out set whose loss is recorded after every epoch (both or neither).
    callback : callable, optional
        ``callback(epoch, history)`` after each epoch; returning True stops training
        (other return values are ignored). It may read the network but must not
        replace its arrays.
    seed, lam, progress
        Seed of the shuffling (None: fresh randomness); weight decay λ ≥ 0; whether to show a one-line progress
        indicator on stderr (only if the run takes over a second).
    """
    data, test, size, rng, lam = _check_train_args(network, X, y, loss, optimizer, epochs,
                                                   batch_size, X_test, y_test, callback,
                                                   seed, lam, progress)
    history, (flat, grad) = History(), network.flat_parameters()
    optimizer.bind([flat])
    meter = Progress(epochs) if progress else None
    saved = np.geterr()
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        for epoch in range(1, epochs + 1):
            try:
                value = _epoch(network, optimizer, [flat], [grad], *data, size, rng, lam)
                if test is not None:
                    history.test_loss.append(_evaluate(network, *test))
            except FloatingPointError:
                history.diverged = True
                break
            history.epochs.append(epoch)
            history.train_loss.append(value)
            if meter is not None:
                meter.update(epoch, value)
            if callback is not None:
                with np.errstate(**saved):
                    stop = callback(epoch, history)
                if isinstance(stop, (bool, np.bool_)) and stop:
                    history.stopped_early = True
                    break
    if meter is not None and meter.shown:
        meter.update(len(history), history.train_loss[-1] if len(history) else np.nan, "\n")
    return history


def _check_train_args(network, X, y, loss, optimizer, epochs, batch_size, X_test, y_test,
                      callback, seed, lam, progress):
    """Validate every argument of :func:`train` once, before the fast loop."""
    if not isinstance(network, Network):
        raise TypeError(f"network must be a Network, got {type(network).__name__}")
    if not isinstance(optimizer, Optimizer):
        raise TypeError("optimizer must be an Optimizer (GD, SGD, Momentum, Adam), "
                        f"got {type(optimizer).__name__}")
    data = network.prepare(X, y, loss)
    positive_int(epochs, "epochs")
    n = data[0].shape[0]
    size = n if batch_size is None else positive_int(batch_size, "batch_size")
    if size > n:
        raise ValueError(f"batch_size must be at most the number of samples {n}, got {size}")
    if optimizer.full_batch and size != n:
        raise ValueError(f"{type(optimizer).__name__} uses the full batch; use SGD for "
                         f"batch_size={batch_size}")
    if (X_test is None) != (y_test is None):
        raise ValueError("give both X_test and y_test, or neither")
    test = None if X_test is None else network.prepare(X_test, y_test, loss,
                                                        ("X_test", "y_test"))
    if callback is not None and not callable(callback):
        raise TypeError(f"callback must be callable, got {type(callback).__name__}")
    if not isinstance(progress, bool):
        raise TypeError(f"progress must be True or False, got {type(progress).__name__}")
    return data, test, size, make_rng(seed), real_number(lam, "lam", low=0.0)


def _epoch(network, optimizer, flat, grad, X, Y, kernel, on_logits, size, rng, lam) -> float:
    """One pass; returns the mean batch loss (each before its update). ``flat`` and ``grad``
    hold all parameters and gradients as one block each, so a step is a few operations."""
    n = X.shape[0]
    if size < n:
        order = rng.permutation(n)
        X, Y = X[order], Y[order]
    total = 0.0
    for start in range(0, n, size):
        Xb, Yb = (X, Y) if size >= n else (X[start:start + size], Y[start:start + size])
        value, grads = network.backprop(Xb, Yb, kernel, on_logits)
        if lam:
            for g, W in zip(grads[::2], network.weights):  # views of grad: dW1, dW2, ...
                g += (2.0 * lam) * W
        optimizer.update(flat, grad)
        total += value * Xb.shape[0]
    return total / n


def _evaluate(network, X, Y, kernel, on_logits) -> float:
    """Loss of the network on an already validated set."""
    Z, A = network.trace(X)[-1]
    return kernel(Y, Z if on_logits else A)[0]
