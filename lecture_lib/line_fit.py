r"""The exact straight-line fits :math:`\hat y = b + wx`: least squares (MSE) and the exact
least-absolute-deviations line (MAE), used by notebooks 00, 01, 02 and 09.

:mod:`lecture_lib.fitting` imports them, so ``from lecture_lib.fitting import fit_line``
works too. Shapes: ``x`` and ``y`` are 1-D ``(n,)`` or one column ``(n, 1)``.

>>> fit_line([0.0, 1.0, 2.0, 3.0], [0.0, 1.0, 2.0, 30.0], "mae")
(1.0, 0.0)
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ._validation import as_xy, choice, real_number
from .i18n import tr

LOSSES = ("mse", "mae")


def least_squares(x: ArrayLike, y: ArrayLike) -> tuple[float, float]:
    r"""The exact minimiser of the MSE, :math:`(w^*, b^*)`, in closed form.

    Setting both partial derivatives of the MSE to zero gives

    .. math::  w^* = \frac{\sum_i (x_i - \bar x)(y_i - \bar y)}{\sum_i (x_i - \bar x)^2},
               \qquad b^* = \bar y - w^* \bar x.
    """
    return _least_squares(*_line_xy(x, y))


def _line_xy(x, y):
    """:func:`as_xy`, plus the check that a line through the points is determined."""
    x, y = as_xy(x, y)
    if x.size < 2 or np.ptp(x) == 0:
        raise ValueError(tr("x must take at least two different values to fit a line"))
    return x, y


def _least_squares(x, y):
    dx = x - x.mean()
    spread = float(dx @ dx)
    if spread == 0.0:           # a spread so small that its square underflows
        raise ValueError(tr("x must take at least two different values to fit a line"))
    w = float(dx @ (y - y.mean())) / spread
    return w, float(y.mean() - w * x.mean())


def best_intercept(x: ArrayLike, y: ArrayLike, w: float, loss: str = "mse") -> float:
    """The b minimising the loss for slope ``w``: mean (MSE) or median (MAE) of y − wx.

    Parameters
    ----------
    x, y : array_like, shape (n,) or (n, 1)
        Inputs and targets, one number per sample.
    w : float
    loss : {"mse", "mae"}

    Returns
    -------
    float
    """
    x, y = as_xy(x, y)
    residuals = y - real_number(w, "w") * x
    return float(np.mean(residuals) if choice(loss, "loss", LOSSES) == "mse"
                 else np.median(residuals))


def fit_line(x: ArrayLike, y: ArrayLike, loss: str = "mse") -> tuple[float, float]:
    r"""Slope and intercept ``(w, b)`` minimising :math:`\frac{1}{N}\sum_i \ell(wx_i + b - y_i)`.

    ``loss="mse"``: :math:`\ell(r) = r^2`, the least-squares line (:func:`least_squares`).
    ``loss="mae"``: :math:`\ell(r) = |r|`, the least-absolute-deviations line, exact: for a
    fixed slope the best intercept is the median of :math:`y_i - wx_i`, and
    :math:`g(w) = \min_b \frac{1}{N}\sum_i |y_i - wx_i - b|` is convex and piecewise linear
    in w with its corners at the slopes through pairs of points, so its minimum is at one
    of those slopes; g is evaluated at every one (:math:`O(N^3)` work, instant at teaching
    sizes of a few hundred points).

    Parameters
    ----------
    x, y : array_like, shape (n,) or (n, 1)
        Inputs and targets, one number per sample.
    loss : {"mse", "mae"}

    Returns
    -------
    (float, float)
    """
    kind = choice(loss, "loss", LOSSES)
    x, y = _line_xy(x, y)
    if kind == "mse":
        return _least_squares(x, y)
    slopes = _pair_slopes(x, y)
    w = float(slopes[np.argmin(_mae_at(x, y, slopes))])
    return w, float(np.median(y - w * x))


def _pair_slopes(x, y) -> np.ndarray:
    i, j = np.triu_indices(x.size, k=1)
    dx = x[j] - x[i]
    # Two x closer than the rounding of the data's spread define no slope (it would
    # overflow); such a near-vertical line is far from every other point, never optimal.
    keep = np.abs(dx) > np.finfo(float).eps * np.ptp(x)
    return np.unique((y[j] - y[i])[keep] / dx[keep])


def _mae_at(x, y, slopes, chunk: int = 1 << 20) -> np.ndarray:
    """g(w) for every candidate slope, in chunks of about ``chunk`` numbers."""
    rows = max(1, chunk // x.size)
    out = np.empty(slopes.size)
    for start in range(0, slopes.size, rows):
        r = y - slopes[start:start + rows, None] * x
        out[start:start + rows] = np.mean(np.abs(r - np.median(r, axis=1, keepdims=True)), axis=1)
    return out
