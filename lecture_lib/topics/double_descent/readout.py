r"""What the live figure of notebook 17 reports about one pair of train and test curves."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ...i18n import tr


@dataclass(frozen=True)
class CurveSummary:
    r"""The landmarks of one test curve against the width :math:`p`, from :func:`summarize_curves`.

    Attributes
    ----------
    n_train : int
        :math:`n`, the width of the interpolation threshold :math:`p = n`.
    best, best_mse : int or None, float
        The width with the lowest test MSE (anywhere) and that MSE.
    under, under_mse, over, over_mse : int or None, float
        The same among :math:`p < n` and among :math:`p > n` (None and nan without such widths).
    peak, peak_mse : int or None, float
        The test-error peak at the threshold (None and nan when there is none: the highest test
        MSE for :math:`n/2 \le p \le 2n` counts only if it is 1.5 times the MSE at both ends).
    at_n, train_at_n : float
        Test and train MSE at :math:`p = n` (nan if ``n`` is not among the widths).
    noise_variance : float
        The noise floor :math:`\sigma^2` (nan if unknown).
    """

    n_train: int
    best: int | None
    best_mse: float
    under: int | None
    under_mse: float
    over: int | None
    over_mse: float
    peak: int | None
    peak_mse: float
    at_n: float
    train_at_n: float
    noise_variance: float


def threshold_peak(widths: np.ndarray, test_mse: np.ndarray, n_train: int,
                   factor: float = 1.5) -> int | None:
    r"""Index of the test-error peak at :math:`p \approx n`, or None.

    The highest test error for :math:`n/2 \le p \le 2n` counts as a peak if it is at least
    ``factor`` times the test error at both ends of that band; a curve that only falls
    (large :math:`\lambda`) has none.

    Parameters
    ----------
    widths, test_mse : ndarray, shape (n_widths,)
        Sorted widths and the test MSE at each.
    n_train : int
        :math:`n`.
    factor : float
        How much higher than both ends of the band the peak must be.

    Returns
    -------
    int or None
    """
    band = np.flatnonzero((widths >= n_train / 2) & (widths <= 2 * n_train))
    if band.size < 3:
        return None
    k = band[np.argmax(test_mse[band])]
    return int(k) if test_mse[k] >= factor * max(test_mse[band[0]], test_mse[band[-1]]) else None


def summarize_curves(widths: ArrayLike, test_mse: ArrayLike, train_mse: ArrayLike, n_train: int,
                     noise_variance: float = float("nan")) -> CurveSummary:
    r"""The landmarks of one pair of curves: the best width on each side of :math:`p = n`, the peak.

    Parameters
    ----------
    widths : array_like of int, shape (n_widths,)
        Hidden units :math:`p`, sorted.
    test_mse, train_mse : array_like, shape (n_widths,)
        The median test and train MSE at each width.
    n_train : int
        :math:`n`.
    noise_variance : float
        :math:`\sigma^2`, reported as the noise floor.

    Returns
    -------
    CurveSummary
    """
    widths, te, tr = np.asarray(widths), np.asarray(test_mse), np.asarray(train_mse)
    found = {}
    for key, mask in (("best", widths > 0), ("under", widths < n_train),
                      ("over", widths > n_train)):
        idx = np.flatnonzero(mask)
        m = idx[np.argmin(te[idx])] if idx.size else None
        found[key] = None if m is None else int(widths[m])
        found[f"{key}_mse"] = float("nan") if m is None else float(te[m])
    k = threshold_peak(widths, te, n_train)
    at_n = np.flatnonzero(widths == n_train)
    return CurveSummary(
        n_train=int(n_train), **found, peak=None if k is None else int(widths[k]),
        peak_mse=float("nan") if k is None else float(te[k]),
        at_n=float(te[at_n[0]]) if at_n.size else float("nan"),
        train_at_n=float(tr[at_n[0]]) if at_n.size else float("nan"),
        noise_variance=float(noise_variance))


def describe_curves(summary: CurveSummary) -> str:
    r"""The live figure's text for one :func:`summarize_curves`: which side of :math:`p = n` wins,
    and a peak only where there is one."""
    m, n_train = summary, summary.n_train
    side = (tr("over-parameterised, p > n") if m.best > n_train
            else tr("under-parameterised, p < n"))
    peak = (tr("peak test MSE = {mse:.2f} at p = {p}").format(mse=m.peak_mse, p=m.peak)
            if m.peak is not None
            else tr("no peak at p = n, test MSE there = {mse:.3f}").format(mse=m.at_n))
    lines = [tr("lowest test MSE = {mse:.3f} at p = {p} ({side})").format(
                 mse=m.best_mse, p=m.best, side=side),
             tr("best with p < n = {mse:.3f} at p = {p}").format(mse=m.under_mse, p=m.under),
             tr("best with p > n = {mse:.3f} at p = {p}").format(mse=m.over_mse, p=m.over),
             peak, tr("n_train = {n}").format(n=n_train),
             tr("train MSE at p = n: {mse:.4f}").format(mse=m.train_at_n),
             tr("noise floor σ² = {variance:.2f}").format(variance=m.noise_variance)]
    return "\n".join(lines)


def describe_threshold(summary: CurveSummary) -> str:
    r"""One line for one training-set size :math:`n`: where the test error peaks, the train
    error at :math:`p = n`, and the lowest test error on each side of :math:`p = n`."""
    m = summary
    return tr("n = {n}: peak at p = {peak}, train MSE at p = n {train:.4f}; best test MSE with "
              "p < n {under:.2f}, with p > n {over:.2f}").format(
        n=m.n_train, peak=m.peak, train=m.train_at_n, under=m.under_mse, over=m.over_mse)
