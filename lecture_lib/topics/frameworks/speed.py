"""From scratch to PyTorch, the timing: seconds per training step in both libraries (notebook 18,
``benchmarks/frameworks.py``, ``benchmarks/training.py``)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ..._validation import choice, positive_int, real_number
from ...networks import Network
from ...training import GD, train
from .convert import import_torch, to_torch


def time_per_step(runners: Sequence[Callable[[int], None]], steps: int, repeats: int = 3,
                  clock: Callable[[], float] = time.process_time) -> list[float]:
    """Best seconds per step of each runner (``run(k)`` takes k steps) over ``repeats`` runs,
    taking turns (load changes hit all alike); CPU time by default, so waits are left out.

    Parameters
    ----------
    runners : sequence of callable
        ``run(k)`` takes k training steps, as :func:`lecture_lib_runner` and :func:`torch_runner`
        make them; each first runs ``max(steps // 10, 1)`` untimed steps to warm up.
    steps : int
        Steps per timed run (≥ 1).
    repeats : int
        Timed runs of each runner (≥ 1); the fastest counts (slower ones met other load).
    clock : callable
        Seconds as a float; ``time.process_time`` (CPU time), or ``time.perf_counter`` for
        wall-clock time.

    Returns
    -------
    list of float
        Seconds per step, one entry per runner in the order of ``runners``.
    """
    steps, repeats = positive_int(steps, "steps"), positive_int(repeats, "repeats")
    for run in runners:
        run(max(steps // 10, 1))  # warm up caches, allocators and buffers
    best = [np.inf] * len(runners)
    for _ in range(repeats):
        for i, run in enumerate(runners):
            start = clock()
            run(steps)
            best[i] = min(best[i], (clock() - start) / steps)
    return best


def lecture_lib_runner(network: Network, X: ArrayLike, y: ArrayLike,
                       lr: float = 1e-3) -> Callable[[int], None]:
    """``run(k)``: k full-batch gradient-descent steps (MSE) with ``lecture_lib.training.train``.

    Parameters
    ----------
    network : Network
        Trained in place by every call of ``run``.
    X, y : array_like
        Inputs ``(n_samples, n_in)`` and regression targets ``(n_samples, n_out)``.
    lr : float
        The learning rate η of ``GD``.

    Returns
    -------
    callable
        ``run(k)``, one epoch (one full batch) per step; ``run.params`` is
        ``network.parameters``, to read the trained weights and biases.
    """
    optimizer = GD(lr)

    def run(steps):
        train(network, X, y, "mse", optimizer, epochs=steps)
    run.params = network.parameters
    return run


def torch_runner(network: Network, X: ArrayLike, y: ArrayLike, lr: float = 1e-3,
                 dtype: str = "float64") -> Callable[[int], None]:
    """``run(k)``: the same k steps in PyTorch (``torch.optim.SGD``, ``mse_loss``).

    Parameters
    ----------
    network : Network
        Copied to PyTorch by :func:`to_torch` (``weight = W.T``); ``network`` itself is not
        trained.
    X, y : array_like
        Inputs ``(n_samples, n_in)`` and regression targets ``(n_samples, n_out)``, made
        tensors once, outside the timed steps.
    lr : float
        The learning rate η of ``torch.optim.SGD``.
    dtype : str
        ``"float64"`` (lecture_lib's precision) or ``"float32"`` (PyTorch's default) for the
        model and the data.

    Returns
    -------
    callable
        ``run(k)``: k full-batch steps; ``run.model`` is the ``torch.nn.Sequential`` it trains.
    """
    torch = import_torch()
    dt = getattr(torch, choice(dtype, "dtype", ("float64", "float32")))
    model = to_torch(network).to(dt)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    Xt, yt = torch.as_tensor(X, dtype=dt), torch.as_tensor(y, dtype=dt)

    def run(steps):
        for _ in range(steps):
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(Xt), yt)
            loss.backward()
            optimizer.step()
            loss.item()
    run.model = model
    return run


@dataclass(frozen=True)
class SpeedRow:
    """Seconds per training step of one size: lecture_lib, PyTorch float64 and (if timed)
    PyTorch float32. ``ratio`` and ``ratio_float32`` are lecture_lib time / PyTorch time:
    below 1 numpy wins, above 1 PyTorch wins.

    Attributes
    ----------
    layer_sizes : tuple of int
        The network timed, ``(n_in, n_hidden, ..., n_out)``.
    n_samples : int
        Rows of the full batch every step trains on.
    lecture_lib, torch : float
        Seconds per step in lecture_lib (numpy, float64) and in PyTorch (float64).
    torch_float32 : float or None
        Seconds per step in PyTorch float32; None when float32 was not timed.
    """

    layer_sizes: tuple
    n_samples: int
    lecture_lib: float
    torch: float
    torch_float32: float | None = None

    @property
    def ratio(self) -> float:
        """lecture_lib's time over PyTorch's (both float64): above 1, PyTorch is faster."""
        return self.lecture_lib / self.torch

    @property
    def ratio_float32(self) -> float | None:
        """lecture_lib's time over PyTorch float32's, or None when float32 was not timed."""
        return None if self.torch_float32 is None else self.lecture_lib / self.torch_float32


def speed_row(layer_sizes: Sequence[int], n_samples: int, seconds: float = 0.2, repeats: int = 3,
              clock: Callable[[], float] = time.process_time, float32: bool = False) -> SpeedRow:
    """Time both libraries on one size (PyTorch also in float32 if ``float32``), taking turns,
    about ``seconds`` per timed run (≥ 1 step; steps from the work, ``n_samples`` × weights).

    The network is ReLU, seed 0; the data are ``n_samples`` inputs uniform on [-2, 2] with
    targets :math:`\\sin(\\sum_j x_j) + ε`, ε ~ N(0, 0.1²), in every output column.

    Parameters
    ----------
    layer_sizes : sequence of int
        ``(n_in, n_hidden, ..., n_out)``, as for ``Network``.
    n_samples : int
        Rows of the full batch (≥ 1).
    seconds : float
        Rough length of one timed run (> 0), from an estimate of the work, not a measurement.
    repeats, clock
        As for :func:`time_per_step`.
    float32 : bool
        Also time PyTorch in float32.

    Returns
    -------
    SpeedRow
        The seconds per step of each library, and their ratios.
    """
    net = Network(layer_sizes, activation="relu", seed=0)
    rng = np.random.default_rng(0)  # inputs on [-2, 2], targets sin(Σx) + noise
    X = rng.uniform(-2.0, 2.0, (positive_int(n_samples, "n_samples"), net.layer_sizes[0]))
    y = np.sin(X.sum(axis=1, keepdims=True)) + rng.normal(0, 0.1, (len(X), net.layer_sizes[-1]))
    work = n_samples * sum(a * b for a, b in zip(net.layer_sizes[:-1], net.layer_sizes[1:]))
    steps = max(int(real_number(seconds, "seconds", low=0.0, low_open=True) * 2e8 / (work + 2e5)), 1)
    runners = [lecture_lib_runner(net.copy(), X, y), torch_runner(net, X, y)]
    runners += [torch_runner(net, X, y, dtype="float32")] if float32 else []
    times = time_per_step(runners, steps, repeats, clock)
    return SpeedRow(net.layer_sizes, n_samples, *times)
