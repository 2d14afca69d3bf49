"""From scratch to PyTorch, the training: a ``Network`` and its ``torch`` copy trained side by side
on the same batches, step for step (the package docstring has the conventions)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ..._validation import as_2d, choice, make_rng, positive_int, real_number
from ...networks import Network
from ...training import SGD, Adam, Momentum
from .convert import flat, flat_torch, import_torch, to_torch, torch_loss

OPTIMIZERS = ("sgd", "momentum", "adam")


def batch_order(n_samples: int, batch_size: int | None, epochs: int,
                seed: int | None = 0) -> Iterator[np.ndarray]:
    """Index arrays of every batch, in the order :func:`lecture_lib.training.train` uses:
    each epoch a fresh permutation (seeded) cut into batches; the full batch unshuffled.

    Parameters
    ----------
    n_samples, epochs : int
        Rows of the training set and passes over it (both ≥ 1).
    batch_size : int or None
        Samples per update step (the last batch of an epoch may be smaller); None: all of them.
    seed : int or None
        Seed of the shuffling, as ``train``'s (None: fresh randomness).

    Yields
    ------
    ndarray of int
        The row indices of one batch, ``(batch_size,)``: one update step each.
    """
    n, epochs = positive_int(n_samples, "n_samples"), positive_int(epochs, "epochs")
    size = n if batch_size is None else positive_int(batch_size, "batch_size")
    rng = make_rng(seed)
    for _ in range(epochs):
        order = rng.permutation(n) if size < n else np.arange(n)
        for start in range(0, n, size):
            yield order[start:start + size]


@dataclass(frozen=True)
class Trajectory:
    """Per update step: each library's loss (before the step) and the largest
    :math:`|θ_{lecture\\_lib} - θ_{torch}|` over all parameters after it.

    Attributes
    ----------
    loss_lecture_lib, loss_torch : ndarray
        The batch loss before each step, ``(n_steps,)`` (epochs × batches per epoch).
    parameter_difference : ndarray
        ``(n_steps,)``: the largest |W − weight.T| or |b − bias| over all layers after each
        step; float64 round-off, growing slowly, while the two trainings agree.
    """

    loss_lecture_lib: np.ndarray
    loss_torch: np.ndarray
    parameter_difference: np.ndarray


def _optimizers(name, lr, model):
    torch = import_torch()
    name, lr = choice(name, "optimizer", OPTIMIZERS), real_number(lr, "lr", low=0.0, low_open=True)
    if name == "adam":
        return Adam(lr), torch.optim.Adam(model.parameters(), lr=lr)
    if name == "momentum":
        return Momentum(lr, 0.9), torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)
    return SGD(lr), torch.optim.SGD(model.parameters(), lr=lr)


def train_side_by_side(network: Network, X: ArrayLike, y: ArrayLike, loss: str = "mse",
                       optimizer: str = "sgd", lr: float = 0.1, epochs: int = 10,
                       batch_size: int | None = None, seed: int | None = 0) -> Trajectory:
    """Train ``network`` (in place) and a torch copy on the same batches; record every step.

    Parameters
    ----------
    network : Network
        Trained in place; :func:`to_torch` copies its starting weights to PyTorch.
    X, y, loss
        Inputs ``(n_samples, n_in)``, targets and one of ``LOSSES``, as for :func:`torch_loss`.
    optimizer : str
        ``"sgd"``, ``"momentum"`` (β = 0.9) or ``"adam"``: lecture_lib's ``SGD``, ``Momentum``,
        ``Adam`` against ``torch.optim.SGD``, ``SGD(momentum=0.9)``, ``Adam``.
    lr : float
        The learning rate η > 0 of both optimizers.
    epochs, batch_size, seed
        As for :func:`batch_order`: both libraries see the same batches in the same order.

    Returns
    -------
    Trajectory
        Both losses and the largest parameter difference, one entry per update step.
    """
    X = as_2d(X, "X", n_features=network.layer_sizes[0])
    Y = np.asarray(y, dtype=np.float64)
    model = to_torch(network)
    ours, theirs = _optimizers(optimizer, lr, model)
    lib, tor, diff = [], [], []
    for idx in batch_order(len(X), batch_size, epochs, seed):
        value, grads = network.gradients(X[idx], Y[idx], loss)
        ours.step(network.parameters(), [g for pair in grads for g in pair])
        theirs.zero_grad()
        tloss = torch_loss(model, X[idx], Y[idx], loss)
        tloss.backward()
        theirs.step()
        lib, tor = lib + [value], tor + [tloss.item()]
        theta = flat(zip(network.weights, network.biases))
        diff.append(float(np.max(np.abs(theta - flat_torch(model, grad=False)))))
    return Trajectory(np.array(lib), np.array(tor), np.array(diff))
