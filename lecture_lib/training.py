r"""The training loop: random init, forward, loss, backward, update, repeat.

The optimisers (``GD``, ``SGD``, ``Momentum``, ``Adam``) live in :mod:`lecture_lib.optimizers`
and are importable from here too; they update a network's ``W1, b1, W2, b2, ...`` in place
with the lecture's step :math:`w^{(t+1)} = w^{(t)} - \eta\, dL/dw|_{w^{(t)}}` or a variant.

>>> import numpy as np
>>> from lecture_lib.networks import Network
>>> x = np.linspace(-1, 1, 20)
>>> history = train(Network((1, 8, 1), seed=0), x, x ** 2, "mse", Adam(0.05), epochs=200)
>>> history.train_loss[-1] < 0.1 * history.train_loss[0]
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from ._progress import Progress
from ._validation import make_rng, positive_int, real_number
from .i18n import tr
from .losses import Loss
from .networks import Network
from .optimizers import GD, SGD, Adam, Momentum, Optimizer

__all__ = ["Optimizer", "GD", "SGD", "Momentum", "Adam", "History", "TrainSettings", "train"]


@dataclass
class History:
    """Per-epoch record returned by :func:`train`.

    Attributes
    ----------
    epochs : list of int
        The epoch numbers run (1, 2, ...).
    train_loss : list of float
        The mean data loss of each epoch's batches, each taken just before its update (full
        batch: the loss at the start of the epoch), without the L2 penalty.
    test_loss : list of float
        The loss on the test set after each epoch (empty without one).
    stopped_early : bool
        The callback stopped training.
    diverged : bool
        Numbers overflowed (η too large).
    """

    epochs: list[int] = field(default_factory=list)
    train_loss: list[float] = field(default_factory=list)
    test_loss: list[float] = field(default_factory=list)
    stopped_early: bool = False
    diverged: bool = False

    def __len__(self) -> int:
        return len(self.epochs)


@dataclass(frozen=True)
class TrainSettings:
    """How :func:`train` runs, validated once when it is made (the loop trusts it).

    Attributes
    ----------
    epochs : int
        Passes over the training set (≥ 1).
    batch_size : int or None
        Samples per step (≥ 1); None: one full batch.
    seed : int or None
        Seed of the shuffling (None: fresh randomness).
    lam : float
        Weight decay λ ≥ 0.
    progress : bool
        Show a one-line progress indicator on stderr (only if the run takes over a second).
    callback : callable or None
        ``callback(epoch, history)`` after each epoch; True stops training.
    """

    epochs: int
    batch_size: int | None = None
    seed: int | None = 0
    lam: float = 0.0
    progress: bool = False
    callback: Callable | None = None

    def __post_init__(self):
        positive_int(self.epochs, "epochs")
        if self.batch_size is not None:
            positive_int(self.batch_size, "batch_size")
        make_rng(self.seed)  # a bad seed fails here, not after the first epoch
        object.__setattr__(self, "lam", real_number(self.lam, "lam", low=0.0))
        if not isinstance(self.progress, bool):
            raise TypeError(tr("progress must be True or False, got {got}").format(
                got=type(self.progress).__name__))
        if self.callback is not None and not callable(self.callback):
            raise TypeError(tr("callback must be callable, got {got}").format(
                got=type(self.callback).__name__))


def train(network: Network, X: ArrayLike, y: ArrayLike, loss: str | Loss, optimizer: Optimizer,
          epochs: int, *, batch_size: int | None = None, X_test: ArrayLike | None = None,
          y_test: ArrayLike | None = None, callback: Callable[[int, History], object] | None = None,
          seed: int | None = 0, lam: float = 0.0, progress: bool = False) -> History:
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
        Passes over the training set (≥ 1).
    batch_size : int, optional
        Samples per step, 1 to n_samples (keyword only, as every argument after ``epochs``;
        with ``seed``, ``lam``, ``progress`` and ``callback`` it makes a :class:`TrainSettings`).
    X_test, y_test : array_like, optional
        Held-out set whose loss is recorded after every epoch (both or neither).
    callback : callable, optional
        ``callback(epoch, history)`` after each epoch; returning True stops training
        (other return values are ignored). It may read the network but must not
        replace its arrays.
    seed : int or None
        Seed of the shuffling (None: fresh randomness).
    lam : float
        Weight decay λ ≥ 0.
    progress : bool
        Show a one-line progress indicator on stderr (only if the run takes over a second).

    Returns
    -------
    History
    """
    settings = TrainSettings(epochs, batch_size, seed, lam, progress, callback)
    data, test, size = _check_data(network, optimizer, loss, (X, y), (X_test, y_test), settings)
    rng, lam = make_rng(settings.seed), settings.lam
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


def _check_data(network, optimizer, loss, train_set, test_set, settings: TrainSettings):
    """Validate the network, the optimiser and the data of :func:`train` once, before the loop;
    returns the prepared training set, test set (or None) and the batch size."""
    if not isinstance(network, Network):
        raise TypeError(tr("network must be a Network, got {got}").format(got=type(network).__name__))
    if not isinstance(optimizer, Optimizer):
        raise TypeError(tr("optimizer must be an Optimizer (GD, SGD, Momentum, Adam), got {got}")
                        .format(got=type(optimizer).__name__))
    data = network.prepare(*train_set, loss)
    n, batch_size = data[0].shape[0], settings.batch_size
    size = n if batch_size is None else batch_size
    if size > n:
        raise ValueError(tr("batch_size must be at most the number of samples {n}, got {got}").format(
            n=n, got=size))
    if optimizer.full_batch and size != n:
        raise ValueError(tr("{optimizer} uses the full batch; use SGD for batch_size={size}").format(
            optimizer=type(optimizer).__name__, size=batch_size))
    X_test, y_test = test_set
    if (X_test is None) != (y_test is None):
        raise ValueError(tr("give both X_test and y_test, or neither"))
    test = None if X_test is None else network.prepare(X_test, y_test, loss,
                                                        ("X_test", "y_test"))
    return data, test, size


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
