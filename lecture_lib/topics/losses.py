r"""Notebook 09, loss functions. Part 1: robust line fits (MSE vs MAE). Part 2: from the Bernoulli likelihood to binary cross-entropy, and why the stable forms matter.

The steps of the lecture, for labels :math:`y_i \in \{0, 1\}` and predicted
probabilities :math:`p_i = \sigma(z_i) = P(y_i = 1 \mid x_i)`:

1. Bernoulli: :math:`P(y \mid x) = p^{y}(1 - p)^{1 - y}`;
2. likelihood of independent observations: :math:`L = \prod_i p_i^{y_i}(1 - p_i)^{1 - y_i}`;
3. log-likelihood: :math:`\log L = \sum_i [y_i \log p_i + (1 - y_i)\log(1 - p_i)]`;
4. loss = mean negative log-likelihood: :math:`\mathcal{L}_{BCE} = -\frac{1}{N}\log L`.

The ``naive_*`` functions evaluate the textbook formulas literally to show where they
break (they return ``inf``/``nan`` without warnings); use :mod:`lecture_lib.losses`.

>>> from lecture_lib.topics.losses import naive_bce_with_logits, logsumexp
>>> naive_bce_with_logits([1.0], [-1000.0])
inf
>>> float(logsumexp([1000.0, 1000.0]).round(4))
1000.6931
"""

from __future__ import annotations

import numpy as np

from .._validation import as_array, choice, make_rng, positive_int, real_number


def _labels_and_probabilities(y, p):
    y, p = as_array(y, "y", ndim=1), as_array(p, "p", ndim=1)
    if y.size != p.size:
        raise ValueError(f"y and p must have the same length, got {y.size} and {p.size}")
    if np.any((y != 0) & (y != 1)):
        raise ValueError("y must hold labels 0 or 1")
    if np.any((p < 0) | (p > 1)):
        raise ValueError("p must hold probabilities in [0, 1]")
    return y, p


def bernoulli(y, p) -> np.ndarray:
    r"""Probability of each label: :math:`P(y \mid x) = p^{y}(1 - p)^{1 - y}` (p if y = 1, else 1 − p)."""
    y, p = _labels_and_probabilities(y, p)
    return np.where(y == 1, p, 1.0 - p)


def likelihood(y, p) -> float:
    r"""Likelihood of independent observations :math:`L = \prod_i p_i^{y_i}(1 - p_i)^{1 - y_i}`.

    A product of many numbers below 1: it underflows to 0.0 for a few thousand samples.
    """
    with np.errstate(under="ignore"):
        return float(np.prod(bernoulli(y, p)))


def log_likelihood(y, p) -> float:
    r"""Log-likelihood :math:`\log L = \sum_i [y_i \log p_i + (1 - y_i) \log(1 - p_i)]`, a sum of logs."""
    with np.errstate(divide="ignore"):  # p exactly 0 or 1 on the wrong side: log 0 = -inf
        return float(np.sum(np.log(bernoulli(y, p))))


def naive_log_of_likelihood(y, p) -> float:
    """``log(likelihood(y, p))``: the product first, then the log (``-inf`` once it underflows)."""
    with np.errstate(divide="ignore"):
        return float(np.log(likelihood(y, p)))


def naive_bce_with_logits(y, z) -> float:
    r""":math:`-\frac{1}{N}\sum_i [y_i\log\sigma(z_i) + (1 - y_i)\log(1 - \sigma(z_i))]` evaluated literally.

    With :math:`\sigma(z) = 1/(1 + e^{-z})` in float64, :math:`e^{-z}` overflows for
    z < −709 and :math:`1 - \sigma(z)` rounds to 0 for z > 37, so the result becomes
    ``inf`` (or ``nan`` from 0 · log 0). Warnings are silenced here on purpose.
    """
    y, z = as_array(y, "y", ndim=1), as_array(z, "z", ndim=1)
    if y.size != z.size:
        raise ValueError(f"y and z must have the same length, got {y.size} and {z.size}")
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        s = 1.0 / (1.0 + np.exp(-z))
        return float(-np.mean(y * np.log(s) + (1.0 - y) * np.log(1.0 - s)))


def naive_softmax(z) -> np.ndarray:
    r""":math:`e^{z_k} / \sum_j e^{z_j}` evaluated literally: ``nan`` once some :math:`e^{z_k}` overflows."""
    z = as_array(z, "z", ndim=1)
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(z)
        return e / e.sum()


def naive_cross_entropy(y, z) -> float:
    r""":math:`-\sum_k y_k \log \mathrm{softmax}(z)_k` with the naive softmax (``nan``/``inf`` for large logits)."""
    y = as_array(y, "y", ndim=1)
    p = naive_softmax(z)
    if y.size != p.size:
        raise ValueError(f"y and z must have the same length, got {y.size} and {p.size}")
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.sum(np.where(y > 0, y * np.log(p), 0.0)))


def logsumexp(z, axis: int = -1) -> np.ndarray:
    r"""Stable :math:`\log\sum_j e^{z_j} = m + \log\sum_j e^{z_j - m}` with :math:`m = \max_j z_j`.

    Every :math:`e^{z_j - m} \le 1`, so nothing overflows, and one term equals 1, so
    the sum never underflows to 0. Then :math:`\log\mathrm{softmax}(z)_k = z_k - \mathrm{logsumexp}(z)`.
    """
    z = as_array(z, "z")
    m = np.max(z, axis=axis, keepdims=True)
    return np.squeeze(m + np.log(np.sum(np.exp(z - m), axis=axis, keepdims=True)), axis=axis)


# ----- robust line fits -----

# Fitting a line :math:`\hat y = wx + b` by minimising the MSE or the MAE, exactly.
#
# For a fixed slope w, the best intercept is the **mean** of the residuals
# :math:`y_i - wx_i` under the MSE and their **median** under the MAE. The MAE line is
# found exactly: :math:`g(w) = \min_b \frac{1}{N}\sum_i |y_i - wx_i - b|` is convex and
# piecewise linear in w with its corners at the slopes through pairs of points, so its
# minimum is at one of those slopes: we evaluate g at every one (:math:`O(N^3)` work,
# instant at teaching sizes of a few hundred points).
#
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
