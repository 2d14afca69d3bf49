"""Descent paths: what an optimiser does on a loss given as ``objective(theta) -> (L, gradient)``,
on the MSE of a line fitted by mini-batches, and the regimes of the learning rate."""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from ..._validation import as_array, as_xy, make_rng, positive_int, real_number
from ...i18n import mark, tr
from ...training import Optimizer

REGIMES = (mark("slow"), mark("good"), mark("oscillating"), mark("diverging"))


@dataclass(frozen=True)
class DescentPath:
    """Where an optimiser went.

    Attributes
    ----------
    params : ndarray, shape (n_points, n_params)
        Row 0 is the start, row t the parameters after t updates.
    loss : ndarray, shape (n_points,)
        The loss at each row of ``params`` (for SGD: on the whole data set).
    diverged : bool
        Whether the run stopped early because the parameters blew up.
    epoch_ends : tuple of int
        For :func:`sgd_path`: the row of ``params`` at the end of each epoch.
    """

    params: np.ndarray
    loss: np.ndarray
    diverged: bool = False
    epoch_ends: tuple = ()

    @property
    def n_updates(self) -> int:
        """Number of updates recorded (rows of ``params`` after the start)."""
        return len(self.params) - 1


def _check_optimizer(optimizer) -> Optimizer:
    if not isinstance(optimizer, Optimizer):
        raise TypeError(tr("optimizer must be a lecture_lib.training optimiser (GD, SGD, "
                           "Momentum, Adam), got {got}").format(got=type(optimizer).__name__))
    optimizer.reset()        # forget any state (velocities, moments) from an earlier run
    return optimizer


def descent_path(objective: Callable[[np.ndarray], tuple[float, np.ndarray]], start: ArrayLike,
                 optimizer: Optimizer, steps: int, blowup: float = 1e6) -> DescentPath:
    r"""Run ``steps`` updates of ``optimizer`` from ``start`` and record every point.

    Parameters
    ----------
    objective : callable
        ``objective(theta) -> (L, gradient)`` with ``gradient`` shaped like ``theta``
        (e.g. :func:`lecture_lib.fitting.mse_objective`).
    start : array_like, shape (n_params,)
    optimizer : Optimizer
        Its state is reset first, so every call starts fresh.
    steps : int
        Number of updates, 0 or more.
    blowup : float
        Stop (``diverged=True``) once some parameter's size exceeds this.

    Returns
    -------
    DescentPath
    """
    theta = as_array(start, "start", ndim=1).copy()
    steps = positive_int(steps, "steps", minimum=0)
    blowup = real_number(blowup, "blowup", low=0.0, low_open=True)
    optimizer = _check_optimizer(optimizer)
    if not callable(objective):
        raise TypeError(tr("objective must be callable as objective(theta) -> (L, gradient)"))
    params = [theta]
    optimizer.bind(params)           # validated once; the loop uses the fast step
    value, grad = objective(theta)
    points, losses, diverged = [theta.copy()], [value], False
    for _ in range(steps):
        optimizer.update(params, [np.array(grad, dtype=np.float64).reshape(theta.shape)])
        value, grad = objective(theta)
        points.append(theta.copy())
        losses.append(value)
        if not np.max(np.abs(theta)) <= blowup:
            diverged = True
            break
    return DescentPath(np.array(points), np.array(losses), diverged)


def sgd_path(x: ArrayLike, y: ArrayLike, optimizer: Optimizer, start: ArrayLike, epochs: int,
             batch_size: int | None = None, seed: int | None = 0) -> DescentPath:
    r"""Mini-batch descent on the MSE of :math:`\hat y = b + wx`, recording every update.

    Each epoch shuffles the N samples (seeded, exactly as :func:`lecture_lib.training.train`
    does) and takes one step per batch of ``batch_size`` samples on the batch loss
    :math:`L_B = \frac{1}{|B|}\sum_{i \in B} (b + wx_i - y_i)^2`, so an epoch has
    :math:`\lceil N / |B| \rceil` updates. ``params`` rows are ``(w, b)``; ``loss`` is the
    MSE on all N samples after each update.

    Parameters
    ----------
    x, y : array_like, shape (n,)
        The data.
    optimizer : Optimizer
        Its state is reset first.
    start : array_like
        The start ``(w, b)``.
    epochs : int
    batch_size : int, optional
        Samples per update (None: all, no shuffling).
    seed : int or None
        Seed of the shuffling (None: fresh randomness).

    Returns
    -------
    DescentPath
    """
    x, y = as_xy(x, y)
    n = x.shape[0]
    epochs = positive_int(epochs, "epochs")
    size = n if batch_size is None else positive_int(batch_size, "batch_size")
    if size > n:
        raise ValueError(tr("batch_size must be at most the number of samples {n}, got {size}").format(
            n=n, size=size))
    theta = as_array(start, "start", ndim=1).copy()
    if theta.shape != (2,):
        raise ValueError(tr("start must be (w, b), got shape {shape}").format(shape=theta.shape))
    optimizer, rng = _check_optimizer(optimizer), make_rng(seed)
    params = [theta]
    optimizer.bind(params)
    points, ends = [theta.copy()], []
    for _ in range(epochs):
        order = np.arange(n) if size >= n else rng.permutation(n)
        xs, ys = x[order], y[order]
        for lo in range(0, n, size):
            xb, yb = xs[lo:lo + size], ys[lo:lo + size]
            r = theta[1] + theta[0] * xb - yb
            scale = 2.0 / xb.shape[0]
            optimizer.update(params, [np.array([scale * np.dot(r, xb), scale * r.sum()])])
            points.append(theta.copy())
        ends.append(len(points) - 1)
    P = np.array(points)
    residual = P[:, 1:2] + P[:, 0:1] * x - y
    return DescentPath(P, np.mean(residual * residual, axis=1), False, tuple(ends))


def divergence_threshold(curvature: float) -> float:
    r"""The largest stable learning rate on a quadratic: :math:`\eta_{max} = 2 / L''`."""
    return 2.0 / real_number(curvature, "curvature", low=0.0, low_open=True)


def regime(eta: float, curvature: float) -> str:
    r"""What gradient descent does on a quadratic with curvature :math:`L''`.

    Each step multiplies the distance to the minimum by :math:`q = 1 - \eta L''`:

    * ``"slow"``: :math:`\eta L'' < 0.5`, steps keep the same side and cover less than half
      the remaining distance;
    * ``"good"``: :math:`0.5 \le \eta L'' \le 1`, same side, at least half the way
      (:math:`\eta = 1/L''` lands on the minimum in one step);
    * ``"oscillating"``: :math:`1 < \eta L'' \le 2`, every step jumps over the minimum
      (at exactly 2 it bounces between two points for ever);
    * ``"diverging"``: :math:`\eta L'' > 2`, i.e. :math:`\eta > 2/L''`, the jumps grow.
    """
    eta = real_number(eta, "eta", low=0.0, low_open=True)
    r = eta * real_number(curvature, "curvature", low=0.0, low_open=True)
    if r < 0.5:
        return "slow"
    if r <= 1.0:
        return "good"
    return "oscillating" if r <= 2.0 else "diverging"


def hessian_line(x: ArrayLike) -> np.ndarray:
    r"""Hessian of the MSE of :math:`\hat y = b + wx` in :math:`(w, b)`; it does not depend on y.

    .. math::  H = \frac{2}{N}\begin{pmatrix} \sum_i x_i^2 & \sum_i x_i \\ \sum_i x_i & N \end{pmatrix}.

    Gradient descent on the two parameters diverges when :math:`\eta > 2/\lambda_{max}(H)`;
    the top-left entry alone is the one-parameter curvature :math:`L''` of
    :func:`lecture_lib.fitting.curvature_w`.
    """
    x = as_array(x, "x", ndim=1)
    n = x.shape[0]
    return (2.0 / n) * np.array([[np.dot(x, x), x.sum()], [x.sum(), float(n)]])


def describe_learning_rate(eta: float, curvature: float) -> str:
    """Readout: the learning rate η, the product η·L'' and the regime it puts descent in."""
    name = regime(eta, curvature)
    return "\n".join([f"η = {eta:.3f}", f"η·L'' = {eta * curvature:.2f}",
                      tr("regime = {name}").format(name=tr(name))])


def describe_sgd(path: DescentPath, updates_per_epoch: int) -> str:
    """Readout of an SGD run: updates per epoch, total updates and the final loss on all data."""
    updates_per_epoch = positive_int(updates_per_epoch, "updates_per_epoch")
    return "\n".join([tr("updates per epoch = {n}").format(n=updates_per_epoch),
                      tr("total updates = {n}").format(n=path.n_updates),
                      f"L = {float(path.loss[-1]):.4f}"])
