r"""Notebook 09, loss functions. Part 1: robust line fits (MSE vs MAE, fitted by
:func:`lecture_lib.fitting.fit_line`). Part 2: from the Bernoulli likelihood to binary
cross-entropy, and why the stable forms matter.

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
from numpy.typing import ArrayLike

from .._validation import as_array, make_rng, positive_int, real_number
from ..i18n import tr
from ..line_fit import LOSSES, fit_line
from ..losses import logsumexp

__all__ = ["bernoulli", "likelihood", "log_likelihood", "naive_log_of_likelihood",
           "naive_bce_with_logits", "naive_softmax", "naive_cross_entropy", "logsumexp",
           "data_with_outlier", "describe_fits", "describe_naive_bce", "describe_naive_ce",
           "describe_ce_check", "describe_underflow"]


def _labels_and_probabilities(y, p):
    y, p = as_array(y, "y", ndim=1), as_array(p, "p", ndim=1)
    if y.size != p.size:
        raise ValueError(tr("y and p must have the same length, got {n_y} and {n_p}").format(
            n_y=y.size, n_p=p.size))
    if np.any((y != 0) & (y != 1)):
        raise ValueError(tr("y must hold labels 0 or 1"))
    if np.any((p < 0) | (p > 1)):
        raise ValueError(tr("p must hold probabilities in [0, 1]"))
    return y, p


def bernoulli(y: ArrayLike, p: ArrayLike) -> np.ndarray:
    r"""Probability of each label: :math:`P(y \mid x) = p^{y}(1 - p)^{1 - y}` (p if y = 1, else 1 − p)."""
    y, p = _labels_and_probabilities(y, p)
    return np.where(y == 1, p, 1.0 - p)


def likelihood(y: ArrayLike, p: ArrayLike) -> float:
    r"""Likelihood of independent observations :math:`L = \prod_i p_i^{y_i}(1 - p_i)^{1 - y_i}`.

    A product of many numbers below 1: it underflows to 0.0 for a few thousand samples.
    """
    with np.errstate(under="ignore"):
        return float(np.prod(bernoulli(y, p)))


def log_likelihood(y: ArrayLike, p: ArrayLike) -> float:
    r"""Log-likelihood :math:`\log L = \sum_i [y_i \log p_i + (1 - y_i) \log(1 - p_i)]`, a sum of logs."""
    with np.errstate(divide="ignore"):  # p exactly 0 or 1 on the wrong side: log 0 = -inf
        return float(np.sum(np.log(bernoulli(y, p))))


def naive_log_of_likelihood(y: ArrayLike, p: ArrayLike) -> float:
    """``log(likelihood(y, p))``: the product first, then the log (``-inf`` once it underflows)."""
    with np.errstate(divide="ignore"):
        return float(np.log(likelihood(y, p)))


def naive_bce_with_logits(y: ArrayLike, z: ArrayLike) -> float:
    r""":math:`-\frac{1}{N}\sum_i [y_i\log\sigma(z_i) + (1 - y_i)\log(1 - \sigma(z_i))]` evaluated literally.

    With :math:`\sigma(z) = 1/(1 + e^{-z})` in float64, :math:`e^{-z}` overflows for
    z < −709 and :math:`1 - \sigma(z)` rounds to 0 for z > 37, so the result becomes
    ``inf`` (or ``nan`` from 0 · log 0). Warnings are silenced here on purpose.
    """
    y, z = as_array(y, "y", ndim=1), as_array(z, "z", ndim=1)
    if y.size != z.size:
        raise ValueError(tr("y and z must have the same length, got {n_y} and {n_z}").format(
            n_y=y.size, n_z=z.size))
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        s = 1.0 / (1.0 + np.exp(-z))
        return float(-np.mean(y * np.log(s) + (1.0 - y) * np.log(1.0 - s)))


def naive_softmax(z: ArrayLike) -> np.ndarray:
    r""":math:`e^{z_k} / \sum_j e^{z_j}` evaluated literally: ``nan`` once some :math:`e^{z_k}` overflows."""
    z = as_array(z, "z", ndim=1)
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(z)
        return e / e.sum()


def naive_cross_entropy(y: ArrayLike, z: ArrayLike) -> float:
    r""":math:`-\sum_k y_k \log \mathrm{softmax}(z)_k` with the naive softmax (``nan``/``inf`` for large logits)."""
    y = as_array(y, "y", ndim=1)
    p = naive_softmax(z)
    if y.size != p.size:
        raise ValueError(tr("y and z must have the same length, got {n_y} and {n_z}").format(
            n_y=y.size, n_z=p.size))
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.sum(np.where(y > 0, y * np.log(p), 0.0)))


# ----- robust line fits -----

# The line fits themselves (``fit_line``, ``best_intercept``, ``linear_loss``) are shared
# with notebooks 00-02 and live in :mod:`lecture_lib.fitting`.


def data_with_outlier(n_samples: int = 20, outlier: float = 0.0, noise: float = 0.3,
                      slope: float = 0.5, intercept: float = 1.0, seed: int | None = 0,
                      rng: np.random.Generator | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Points on :math:`y = 0.5x + 1` plus noise, x in [0, 10]; the last point is moved up by ``outlier``.

    Returns ``(x, y)``; the same ``seed`` gives the same points for every ``outlier``.

    Parameters
    ----------
    n_samples : int
        Number of points (≥ 3).
    outlier : float
        How far the last point is moved up.
    noise : float
        Standard deviation σ of the noise.
    slope, intercept : float
        The true line.
    seed, rng
        Source of randomness (``rng`` wins; ``seed=None``: fresh randomness).

    Returns
    -------
    x, y : ndarray, shape (n_samples,)
    """
    n = positive_int(n_samples, "n_samples", minimum=3)
    gen = make_rng(seed, rng)
    x = np.linspace(0.0, 10.0, n)
    y = (real_number(slope, "slope") * x + real_number(intercept, "intercept")
         + real_number(noise, "noise", low=0.0) * gen.standard_normal(n))
    y[-1] += real_number(outlier, "outlier")
    return x, y


def describe_fits(x: ArrayLike, y: ArrayLike) -> str:
    """Readout: each loss's fitted slope and intercept, one ``name = value`` line each."""
    lines = []
    for loss in LOSSES:
        w, b = fit_line(x, y, loss)
        lines.append(tr("{loss} line: slope w = {w}, intercept b = {b}").format(
            loss=loss.upper(), w=f"{w:.2f}", b=f"{b:.2f}"))
    return "\n".join(lines)


# ----- readouts of the notebook's comparisons -----

def describe_naive_bce(label: float, z: float, naive: float, stable: float) -> str:
    """One line: the BCE of label ``label`` and logit ``z`` by the literal formula and stably.

    Parameters
    ----------
    label, z : float
        The label y (0 or 1) and the logit.
    naive, stable : float
        :func:`naive_bce_with_logits` and the library's stable value.

    Returns
    -------
    str
    """
    return tr("y = {y}, x = {z}:  naive BCE = {naive}   stable BCE = {stable}").format(
        y=f"{label:g}", z=f"{z:>7g}", naive=f"{naive:<5}", stable=f"{stable:.4g}")


def describe_naive_ce(z: ArrayLike, naive: float, stable: float) -> str:
    """One line: the cross-entropy of the logits ``z`` by the literal formula and stably.

    Parameters
    ----------
    z : array_like, shape (K,)
    naive, stable : float
        :func:`naive_cross_entropy` and the library's stable value.

    Returns
    -------
    str
    """
    logits = "(" + ", ".join(f"{v:g}" for v in as_array(z, "z", ndim=1)) + ")"
    return tr("naive CE for logits {logits} = {naive}, stable = {stable}").format(
        logits=logits, naive=naive, stable=f"{stable:.4g}")


def describe_ce_check(by_formula: float, library: float, slide: float) -> str:
    """Three lines: the CE by its formula, by ``losses.cross_entropy``, and with the slide's σ.

    Parameters
    ----------
    by_formula, library, slide : float
        The three values.

    Returns
    -------
    str
    """
    return "\n".join([
        tr("-mean Σ_k y_k log softmax(x)_k = {value}").format(value=f"{by_formula:.6f}"),
        tr("losses.cross_entropy            = {value}").format(value=f"{library:.6f}"),
        tr("with the slide's σ(x_k)         = {value}   (not the cross-entropy)").format(
            value=f"{slide:.6f}")])


def describe_underflow(n: int, product: float, log_of_product: float, sum_of_logs: float) -> str:
    """Three lines: the likelihood of ``n`` examples as a product, its log, and the sum of logs.

    Parameters
    ----------
    n : int
    product, log_of_product, sum_of_logs : float
        :func:`likelihood`, :func:`naive_log_of_likelihood` and :func:`log_likelihood`.

    Returns
    -------
    str
    """
    return "\n".join([
        tr("likelihood of {n} examples = {value}").format(n=n, value=product),
        tr("log of that product         = {value}").format(value=log_of_product),
        tr("sum of logs (stable)        = {value}").format(value=f"{sum_of_logs:.2f}")])
