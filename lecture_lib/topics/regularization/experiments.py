r"""Notebook 14's experiments: polynomial fits of every degree, and data where few features matter."""

from __future__ import annotations

from dataclasses import dataclass

from collections.abc import Mapping, Sequence

import numpy as np
from numpy.typing import ArrayLike

from ..._validation import as_array, make_rng, positive_int, real_number
from ...i18n import tr
from ...regression import as_degrees, legendre_features, sine_curve
from ...training import History
from .fits import ridge_unchecked


@dataclass(frozen=True)
class PolynomialFitErrors:
    """Train and test MSE of polynomial fits, one entry per degree.

    Attributes
    ----------
    degrees : ndarray of int, shape (n_degrees,)
    train_mse, test_mse : ndarray, shape (n_degrees,)
    x_train, y_train : ndarray, shape (n_train,)
    x_test, y_test : ndarray, shape (n_test,)
    x_grid : ndarray, shape (n_grid,)
        An even grid on :math:`[0, 1]` for drawing the fitted curves.
    curves : ndarray, shape (n_degrees, n_grid)
        Each degree's fitted polynomial on ``x_grid``.
    """

    degrees: np.ndarray
    train_mse: np.ndarray
    test_mse: np.ndarray
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    x_grid: np.ndarray
    curves: np.ndarray


def polynomial_fit_errors(degrees: ArrayLike, n_train: int = 15, n_test: int = 200, noise: float = 0.3,
                          lam: float = 0.0, n_grid: int = 200, seed: int | None = 0,
                          rng: np.random.Generator | None = None) -> PolynomialFitErrors:
    r"""Fit a polynomial of each degree to one noisy training set; report train and test MSE.

    Data: :math:`x \sim U[0, 1]`, :math:`y = f(x) + \varepsilon` with :math:`f` from
    :func:`~lecture_lib.regression.true_function` and
    :math:`\varepsilon \sim \mathcal{N}(0, \sigma^2)`. A degree-:math:`d` fit minimises
    :math:`\sum_i (y_i - \beta_0 - \sum_{j=1}^{d} \beta_j P_j(2x_i - 1))^2
    + \lambda\sum_{j \ge 1}\beta_j^2`
    (Legendre basis, unpenalised :math:`\beta_0`; :math:`\lambda` = ``lam``). When
    :math:`d + 1 > n` and :math:`\lambda = 0` the minimum-norm interpolant is used, so the
    train error reaches 0 while the test error explodes: overfitting. MSE is
    :math:`\frac1n \sum_i (y_i - \hat y_i)^2`.

    Parameters
    ----------
    degrees : array_like of int
        The degrees :math:`d \ge 0` to fit.
    n_train, n_test : int
        Training points (≥ 2) and test points (≥ 1).
    noise : float
        The noise standard deviation :math:`\sigma \ge 0`.
    lam : float
        Ridge penalty :math:`\lambda \ge 0` on every coefficient but :math:`\beta_0`.
    n_grid : int
        Points of the drawing grid on :math:`[0, 1]` (≥ 2).
    seed, rng : int or None, numpy.random.Generator or None
        The randomness (``rng`` wins when given).

    Returns
    -------
    PolynomialFitErrors
    """
    degrees = as_degrees(degrees)
    n_train = positive_int(n_train, "n_train", minimum=2)
    n_test = positive_int(n_test, "n_test")
    n_grid = positive_int(n_grid, "n_grid", minimum=2)
    noise = real_number(noise, "noise", low=0.0)
    lam = real_number(lam, "lam", low=0.0)
    gen = make_rng(seed, rng)
    x_train, x_test = gen.uniform(size=n_train), gen.uniform(size=n_test)
    y_train = sine_curve(x_train) + noise * gen.standard_normal(n_train)
    y_test = sine_curve(x_test) + noise * gen.standard_normal(n_test)
    x_grid = np.linspace(0.0, 1.0, n_grid)
    top = int(degrees.max())
    phi = [legendre_features(x, top)[:, 1:] for x in (x_train, x_test, x_grid)]
    train_mse, test_mse = np.empty(degrees.size), np.empty(degrees.size)
    curves = np.empty((degrees.size, n_grid))
    for i, d in enumerate(degrees):
        if d == 0:                               # only the intercept: predict the mean
            preds = [np.full(len(p), y_train.mean()) for p in phi]
        else:
            fit = ridge_unchecked(phi[0][:, :d], y_train, lam, fit_intercept=True)
            preds = [p[:, :d] @ fit.coef + fit.intercept for p in phi]
        train_mse[i] = np.mean((preds[0] - y_train) ** 2)
        test_mse[i] = np.mean((preds[1] - y_test) ** 2)
        curves[i] = preds[2]
    return PolynomialFitErrors(degrees, train_mse, test_mse, x_train, y_train, x_test,
                               y_test, x_grid, curves)


def sparse_linear_data(n_samples: int = 25, coef: Sequence[float] = (3.0, -2.0, 0.0, 0.0, 1.5, 0.0, 0.0, 0.0),
                       noise: float = 1.0, seed: int | None = 0,
                       rng: np.random.Generator | None = None
                       ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Data where only some features matter: :math:`Y_i = \sum_j X_{ij}\beta_j + \varepsilon_i`.

    :math:`X_{ij} \sim \mathcal N(0, 1)`, :math:`\varepsilon_i \sim \mathcal N(0, \sigma^2)`
    with :math:`\sigma` = ``noise``.

    Parameters
    ----------
    n_samples : int
    coef : array_like, shape (n_features,)
        The true :math:`\beta`; its zeros are the features that do not matter.
    noise : float
        :math:`\sigma \ge 0`.
    seed, rng : int or None, numpy.random.Generator or None
        The randomness (``rng`` wins when given).

    Returns
    -------
    X : ndarray, shape (n_samples, n_features)
    y : ndarray, shape (n_samples,)
    coef : ndarray, shape (n_features,)
        The true :math:`\beta`.
    """
    n = positive_int(n_samples, "n_samples")
    beta = as_array(coef, "coef", ndim=1)
    noise = real_number(noise, "noise", low=0.0)
    gen = make_rng(seed, rng)
    X = gen.standard_normal((n, beta.size))
    return X, X @ beta + noise * gen.standard_normal(n), beta


def zeros_text(lam: float, lasso_coef: ArrayLike, ridge_coef: ArrayLike) -> str:
    r"""One line: the exact zeros of the Lasso and ridge fits at ``lam``, and ridge's smallest
    coefficient.

    Parameters
    ----------
    lam : float
        The penalty :math:`\lambda`.
    lasso_coef, ridge_coef : array_like, shape (n_features,)
        The Lasso and ridge coefficients at ``lam``.

    Returns
    -------
    str
    """
    lasso_coef, ridge_coef = np.asarray(lasso_coef), np.asarray(ridge_coef)
    return tr("lambda = {lam}:  Lasso exact zeros = {k_lasso} of {p},  ridge exact zeros = "
              "{k_ridge} of {p} (smallest |beta_j| = {smallest})").format(
        lam=f"{lam:6.1f}", k_lasso=int(np.sum(lasso_coef == 0.0)), p=lasso_coef.size,
        k_ridge=int(np.sum(ridge_coef == 0.0)), smallest=f"{np.abs(ridge_coef).min():.3f}")


def early_stopping_text(best_loss: float, best_epoch: int, history: History) -> str:
    """Two lines: the lowest validation loss and its epoch, and both losses at the end of
    ``history``.

    Parameters
    ----------
    best_loss : float
        The lowest validation loss.
    best_epoch : int
        The epoch where it was reached.
    history : History
        The record of the run, with a validation set (its ``test_loss``).

    Returns
    -------
    str
    """
    return "\n".join([
        tr("lowest validation loss = {loss} at epoch {epoch}").format(
            loss=f"{best_loss:.3f}", epoch=best_epoch),
        tr("after {epochs} epochs: training loss = {train}, validation loss = {val}").format(
            epochs=len(history), train=f"{history.train_loss[-1]:.4f}",
            val=f"{history.test_loss[-1]:.3f}")])


def degree_errors_text(fits: Mapping[int, PolynomialFitErrors], degree: int) -> str:
    """One line per training-set size n of ``fits`` (n → :class:`PolynomialFitErrors`): the
    train and test MSE of the degree-``degree`` fit."""
    lines = []
    for n, r in fits.items():
        i = int(np.searchsorted(r.degrees, degree))
        lines.append(tr("n = {n}:  degree {d}  train MSE = {train},  test MSE = {test}").format(
            n=f"{n:4d}", d=degree, train=f"{r.train_mse[i]:.3f}", test=f"{r.test_mse[i]:.3f}"))
    return "\n".join(lines)
