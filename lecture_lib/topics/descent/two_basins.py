"""A loss with two basins (notebook 02): where plain and mini-batch gradient descent end up."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ..._validation import as_array, make_rng, positive_int, real_number
from ...i18n import tr
from .paths import DescentPath


# A loss with two basins (notebook 02): example i contributes ℓ_i(w) = h (w² − 1)² + c_i w,
# so the full loss is L(w) = h (w² − 1)² + c̄ w. The mean tilt c̄ > 0 makes the left basin the
# deeper one; the spread of the c_i is the noise of a mini-batch gradient.
TWO_BASINS = {"height": 1.0, "tilt": 1.0, "spread": 10.0, "n_samples": 20}


def two_basin_tilts(n_samples: int = 20, tilt: float = 1.0, spread: float = 10.0,
                    seed: int | None = 0) -> np.ndarray:
    r"""The per-example tilts :math:`c_i`: mean exactly ``tilt``, standard deviation ``spread``.

    Parameters
    ----------
    n_samples : int
        The number of examples (≥ 2).
    tilt, spread : float
        The mean :math:`\bar c` and the standard deviation of the :math:`c_i`.
    seed : int or None
        Seed of the draw (None: fresh randomness).

    Returns
    -------
    ndarray, shape (n_samples,)
    """
    n = positive_int(n_samples, "n_samples", minimum=2)
    z = make_rng(seed).standard_normal(n)
    z = (z - z.mean()) / z.std()
    return real_number(tilt, "tilt") + real_number(spread, "spread", low=0.0) * z


def two_basin_loss(w: ArrayLike, tilts: ArrayLike, height: float = 1.0) -> np.ndarray:
    r"""The full loss :math:`L(w) = h\,(w^2 - 1)^2 + \bar c\, w` at every ``w``.

    Parameters
    ----------
    w : array_like
        Weights at which the loss is evaluated.
    tilts : array_like, shape (n,)
        The :math:`c_i` (:func:`two_basin_tilts`); only their mean enters.
    height : float
        The barrier scale h > 0.

    Returns
    -------
    ndarray, shaped like ``w``
    """
    w = as_array(w, "w", allow_empty=True)
    c = as_array(tilts, "tilts", ndim=1)
    return real_number(height, "height", low=0.0, low_open=True) * (w * w - 1.0) ** 2 + c.mean() * w


def two_basin_critical_points(tilts: ArrayLike, height: float = 1.0) -> tuple[float, float, float]:
    r"""Left minimum, barrier top and right minimum of :math:`L`: the roots of :math:`4h\,w(w^2 - 1) + \bar c = 0`."""
    h = real_number(height, "height", low=0.0, low_open=True)
    roots = np.roots([4.0 * h, 0.0, -4.0 * h, as_array(tilts, "tilts", ndim=1).mean()])
    real = np.sort(roots[np.abs(roots.imag) < 1e-9].real)
    if real.size != 3:
        raise ValueError(tr("tilts: the mean tilt is too large, the loss has only one basin"))
    return float(real[0]), float(real[1]), float(real[2])


def two_basin_path(tilts: ArrayLike, start: float, eta: float, steps: int, batch_size: int,
                   seed: int | None = 0, height: float = 1.0) -> DescentPath:
    r"""Mini-batch descent :math:`w \leftarrow w - \eta\,\big(4h\,w(w^2 - 1) + \tfrac{1}{|B|}\sum_{i\in B} c_i\big)`.

    Each epoch visits the examples in a new seeded order, cut into batches of ``batch_size``
    (the whole data set gives plain gradient descent). ``loss`` is the full :math:`L(w)`.

    Parameters
    ----------
    tilts : array_like, shape (n,)
        The examples' :math:`c_i`.
    start, eta : float
        The start :math:`w^{(0)}` and the learning rate η > 0.
    steps, batch_size : int
        Updates to take, and examples |B| per update (1 to n).
    seed : int or None
        Seed of the visiting order.
    height : float
        The barrier scale h.

    Returns
    -------
    DescentPath
        One parameter column; ``loss`` is the full :math:`L(w)` at each point.
    """
    c = as_array(tilts, "tilts", ndim=1)
    eta = real_number(eta, "eta", low=0.0, low_open=True)
    steps = positive_int(steps, "steps", minimum=0)
    size = positive_int(batch_size, "batch_size")
    if size > c.shape[0]:
        raise ValueError(tr("batch_size must be at most the number of examples {n}, got {size}").format(
            n=c.shape[0], size=size))
    h, rng = real_number(height, "height", low=0.0, low_open=True), make_rng(seed)
    w, points, order, diverged = real_number(start, "start"), [], np.empty(0, dtype=int), False
    points.append(w)
    for _ in range(steps):
        if order.size < size:
            order = np.concatenate([order, rng.permutation(c.shape[0])])
        batch, order = order[:size], order[size:]
        w -= eta * (4.0 * h * w * (w * w - 1.0) + c[batch].mean())
        points.append(w)
        if not abs(w) <= 1e6:
            diverged = True
            break
    w_all = np.array(points)
    return DescentPath(w_all[:, None], two_basin_loss(w_all, c, h), diverged)


def describe_two_basins(path: DescentPath, tilts: ArrayLike, height: float = 1.0) -> str:
    """Readout: where the path ended, in which basin, and the loss there.

    Parameters
    ----------
    path : DescentPath
        From :func:`two_basin_path`.
    tilts, height
        As for :func:`two_basin_path`.

    Returns
    -------
    str
    """
    left, barrier, right = two_basin_critical_points(tilts, height)
    w = float(path.params[-1, 0])
    if path.diverged:
        return tr("w = diverged after {n} updates\nbasin = none").format(n=path.n_updates)
    where = (tr("left, the deeper one (w* = {w})").format(w=f"{left:.2f}") if w < barrier
             else tr("right, the shallower one (w* = {w})").format(w=f"{right:.2f}"))
    return "\n".join([f"w({path.n_updates}) = {w:.3f}", tr("basin = {where}").format(where=where),
                      f"L = {float(path.loss[-1]):.3f}"])
