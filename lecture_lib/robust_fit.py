r"""Fitting a line :math:`\hat y = wx + b` by minimising the MSE or the MAE, exactly.

For a fixed slope w, the best intercept is the **mean** of the residuals
:math:`y_i - wx_i` under the MSE and their **median** under the MAE. The MAE line is
found exactly: :math:`g(w) = \min_b \frac{1}{N}\sum_i |y_i - wx_i - b|` is convex and
piecewise linear in w with its corners at the slopes through pairs of points, so its
minimum is at one of those slopes: we evaluate g at every one (:math:`O(N^3)` work,
instant at teaching sizes of a few hundred points).

>>> from lecture_lib.robust_fit import fit_line
>>> x, y = [0.0, 1.0, 2.0, 3.0], [0.0, 1.0, 2.0, 30.0]   # one outlier
>>> [round(v, 2) for v in fit_line(x, y, "mae")]
[1.0, 0.0]
>>> [round(v, 2) for v in fit_line(x, y, "mse")]
[9.1, -5.4]
"""

from __future__ import annotations

import numpy as np

from ._validation import as_array, choice, make_rng, positive_int, real_number

LOSSES = ("mse", "mae")


def _xy(x, y) -> tuple[np.ndarray, np.ndarray]:
    x, y = as_array(x, "x", ndim=1), as_array(y, "y", ndim=1)
    if x.size != y.size:
        raise ValueError(f"x and y must have the same length, got {x.size} and {y.size}")
    if x.size < 2 or np.ptp(x) == 0:
        raise ValueError("x must hold at least two different values to fit a line")
    return x, y


def best_intercept(x, y, w: float, loss: str = "mse") -> float:
    """The b minimising the loss for slope ``w``: mean (MSE) or median (MAE) of y − wx."""
    x, y = _xy(x, y)
    residuals = y - real_number(w, "w") * x
    return float(np.mean(residuals) if choice(loss, "loss", LOSSES) == "mse"
                 else np.median(residuals))


def fit_line(x, y, loss: str = "mse") -> tuple[float, float]:
    r"""Slope and intercept ``(w, b)`` minimising :math:`\frac{1}{N}\sum_i \ell(wx_i + b - y_i)`.

    ``loss="mse"``: :math:`\ell(r) = r^2`, the least-squares line (closed form).
    ``loss="mae"``: :math:`\ell(r) = |r|`, the least-absolute-deviations line (exact).
    """
    x, y = _xy(x, y)
    if choice(loss, "loss", LOSSES) == "mse":
        xc = x - x.mean()
        w = float(xc @ (y - y.mean()) / (xc @ xc))
        return w, float(y.mean() - w * x.mean())
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


def line_loss(x, y, w: float, b: float, loss: str = "mse") -> float:
    """MSE or MAE of the line ``wx + b`` on ``(x, y)``."""
    x, y = _xy(x, y)
    r = real_number(w, "w") * x + real_number(b, "b") - y
    return float(np.mean(r * r) if choice(loss, "loss", LOSSES) == "mse" else np.mean(np.abs(r)))


def data_with_outlier(n_samples: int = 20, outlier: float = 0.0, noise: float = 0.3,
                      slope: float = 0.5, intercept: float = 1.0, seed=0, rng=None):
    """Points on :math:`y = 0.5x + 1` plus noise, x in [0, 10]; the last point is moved up by ``outlier``.

    Returns ``(x, y)``; the same ``seed`` gives the same points for every ``outlier``.
    """
    n = positive_int(n_samples, "n_samples", minimum=3)
    gen = make_rng(seed, rng)
    x = np.linspace(0.0, 10.0, n)
    y = (real_number(slope, "slope") * x + real_number(intercept, "intercept")
         + real_number(noise, "noise", low=0.0) * gen.standard_normal(n))
    y[-1] += real_number(outlier, "outlier")
    return x, y


def describe_fits(x, y) -> str:
    """Readout: each loss's fitted slope and intercept, one ``name = value`` line each."""
    lines = []
    for loss in LOSSES:
        w, b = fit_line(x, y, loss)
        lines.append(f"{loss.upper()} line: slope w = {w:.2f}, intercept b = {b:.2f}")
    return "\n".join(lines)
