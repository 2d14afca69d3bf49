"""The results of the double-descent experiments: one curve, and the grid over σ and λ."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class DoubleDescentResult:
    r"""Train and test mean squared error per number of hidden units.

    The test error near :math:`p = n` is heavy-tailed: one unlucky draw can lift a mean of 20
    repeats tenfold, the median not; hence medians.

    Attributes
    ----------
    hidden_units : ndarray of int, shape (n_widths,)
        The widths p.
    train_mse, test_mse : ndarray, shape (n_widths,)
        Medians over the repeats.
    train_runs, test_runs : ndarray, shape (n_repeats, n_widths)
        The repeats themselves.
    n_train : int
        The training-set size n (the peak sits at p = n).
    noise, lam : float
        :math:`\sigma` (the best possible test MSE is :math:`\sigma^2`) and :math:`\lambda`.
    """

    hidden_units: np.ndarray
    train_mse: np.ndarray
    test_mse: np.ndarray
    train_runs: np.ndarray
    test_runs: np.ndarray
    n_train: int
    noise: float
    lam: float


@dataclass(frozen=True)
class DoubleDescentGrid:
    r"""Median train and test MSE for every pair (noise :math:`\sigma`, ridge :math:`\lambda`).

    Attributes
    ----------
    hidden_units : ndarray of int, shape (n_widths,)
        The widths p.
    noises, lams : ndarray, shape (n_noises,) and (n_lams,)
        The values of σ and λ.
    train_mse, test_mse : ndarray, shape (n_noises, n_lams, n_widths)
        Medians over the repeats: ``[i, j]`` equals ``double_descent_curve(..., noise=noises[i],
        lam=lams[j])`` with the same seed, up to rounding.
    train_runs, test_runs : ndarray, shape (n_noises, n_repeats, n_lams, n_widths)
        The repeats themselves.
    n_train : int
        The training-set size n.
    """

    hidden_units: np.ndarray
    noises: np.ndarray
    lams: np.ndarray
    train_mse: np.ndarray
    test_mse: np.ndarray
    train_runs: np.ndarray
    test_runs: np.ndarray
    n_train: int
