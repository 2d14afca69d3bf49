"""From scratch to PyTorch, the timing: seconds per training step in both libraries (notebook 18,
``benchmarks/frameworks.py``, ``benchmarks/training.py``)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..._validation import choice, positive_int, real_number
from ...networks import Network
from ...training import GD, train
from .convert import import_torch, to_torch


def time_per_step(runners: Sequence[Callable[[int], None]], steps: int, repeats: int = 3,
                  clock: Callable[[], float] = time.process_time) -> list[float]:
    """Best seconds per step of each runner (``run(k)`` takes k steps) over ``repeats`` runs,
    taking turns (load changes hit all alike); CPU time by default, so waits are left out."""
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


def lecture_lib_runner(network: Network, X, y, lr: float = 1e-3) -> Callable[[int], None]:
    """``run(k)``: k full-batch gradient-descent steps (MSE) with ``lecture_lib.training.train``."""
    optimizer = GD(lr)

    def run(steps):
        train(network, X, y, "mse", optimizer, epochs=steps)
    run.params = network.parameters
    return run


def torch_runner(network: Network, X, y, lr: float = 1e-3, dtype: str = "float64"):
    """``run(k)``: the same k steps in PyTorch (``torch.optim.SGD``, ``mse_loss``)."""
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
    below 1 numpy wins, above 1 PyTorch wins."""

    layer_sizes: tuple
    n_samples: int
    lecture_lib: float
    torch: float
    torch_float32: float | None = None

    @property
    def ratio(self) -> float:
        return self.lecture_lib / self.torch

    @property
    def ratio_float32(self) -> float | None:
        return None if self.torch_float32 is None else self.lecture_lib / self.torch_float32


def speed_row(layer_sizes, n_samples: int, seconds: float = 0.2, repeats: int = 3,
              clock: Callable[[], float] = time.process_time, float32: bool = False) -> SpeedRow:
    """Time both libraries on one size (PyTorch also in float32 if ``float32``), taking turns,
    about ``seconds`` per timed run (≥ 1 step; steps from the work, ``n_samples`` × weights)."""
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
