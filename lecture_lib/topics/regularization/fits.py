r"""Ridge and Lasso fits (the formulas are in the package's docstring)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ..._validation import (as_2d, as_array, as_column, nonnegative_vector, positive_int,
                            real_number, same_length)
from ...i18n import tr


@dataclass(frozen=True)
class RegularizedFit:
    """A fitted linear model :math:`\\hat y = X\\beta + \\beta_0`.

    Attributes
    ----------
    coef : ndarray, shape (n_features,)
    intercept : float
        :math:`\\beta_0` (0 unless ``fit_intercept``; never penalised).
    lam : float
    n_iter : int
        Coordinate-descent sweeps (0 for the closed-form ridge).
    converged : bool
    """

    coef: np.ndarray
    intercept: float
    lam: float
    n_iter: int = 0
    converged: bool = True

    def predict(self, X: ArrayLike) -> np.ndarray:
        """Predictions :math:`X\\beta + \\beta_0` for ``X`` of shape ``(n_samples, n_features)``."""
        X = as_2d(X, "X", n_features=self.coef.size)
        return X @ self.coef + self.intercept


def _check_xy(X, y):
    X = as_2d(X, "X")
    y = as_column(y, "y")
    same_length(X, y, "X", "y")
    return X, y


def _centre(X, y, fit_intercept: bool):
    """Centring X and y makes the unpenalised intercept drop out of the problem."""
    if not fit_intercept:
        return X, y, np.zeros(X.shape[1]), 0.0
    x_mean, y_mean = X.mean(axis=0), y.mean()
    return X - x_mean, y - y_mean, x_mean, y_mean


def ridge_path(X: ArrayLike, y: ArrayLike, lams: ArrayLike, fit_intercept: bool = False) -> np.ndarray:
    r"""Ridge coefficients for every :math:`\lambda` in ``lams``, shape ``(n_lams, n_features)``.

    From one SVD :math:`X = U S V^\top`:
    :math:`\hat\beta(\lambda) = V \operatorname{diag}\big(s_k / (s_k^2 + \lambda)\big) U^\top Y`.
    At :math:`\lambda = 0` this is the minimum-norm least-squares solution (as
    ``np.linalg.lstsq``); singular values below round-off are treated as zero.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like, shape (n_samples,)
    lams : array_like, shape (n_lams,)
        Penalties :math:`\lambda \ge 0`.
    fit_intercept : bool
        Add an unpenalised :math:`\beta_0` (by centring ``X`` and ``y``).

    Returns
    -------
    ndarray, shape (n_lams, n_features)
        Row ``i`` is :math:`\hat\beta(\lambda_i)`.
    """
    X, y = _check_xy(X, y)
    return _ridge_path(X, y, nonnegative_vector(lams, "lams"), fit_intercept)


def _ridge_path(X, y, lams, fit_intercept):
    Xc, yc, _, _ = _centre(X, y, fit_intercept)
    u, s, vt = np.linalg.svd(Xc, full_matrices=False)
    keep = s > max(Xc.shape) * np.finfo(float).eps * (s[0] if s.size else 0.0)
    s_safe = np.where(keep, s, 1.0)
    gain = np.where(keep, s_safe / (s_safe ** 2 + lams[:, None]), 0.0)   # (n_lams, k)
    return (gain * (u.T @ yc)) @ vt


def ridge(X: ArrayLike, y: ArrayLike, lam: float, fit_intercept: bool = False) -> RegularizedFit:
    r"""Ridge regression: minimise the penalised squared error below.

    .. math:: \sum_i \Big(Y_i - \sum_j X_{ij}\beta_j\Big)^2 + \lambda\sum_j \beta_j^2

    Closed form :math:`\hat\beta = (X^\top X + \lambda I)^{-1} X^\top Y`, computed through the
    SVD (see :func:`ridge_path`). With ``fit_intercept`` an unpenalised :math:`\beta_0` is
    added (by centring ``X`` and ``y``).

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like, shape (n_samples,)
    lam : float
        Penalty :math:`\lambda \ge 0`.
    fit_intercept : bool
        Add an unpenalised :math:`\beta_0` (by centring ``X`` and ``y``).

    Returns
    -------
    RegularizedFit
    """
    lam = real_number(lam, "lam", low=0.0)
    X, y = _check_xy(X, y)
    return ridge_unchecked(X, y, lam, fit_intercept)


def ridge_unchecked(X: np.ndarray, y: np.ndarray, lam: float, fit_intercept: bool) -> RegularizedFit:
    """:func:`ridge` without validation, for callers whose arrays are checked already
    (``X`` 2-D, ``y`` 1-D of the same length, ``lam`` ≥ 0).

    Parameters
    ----------
    X, y, lam, fit_intercept
        As for :func:`ridge`.

    Returns
    -------
    RegularizedFit
    """
    coef = _ridge_path(X, y, np.array([lam]), fit_intercept)[0]
    _, _, x_mean, y_mean = _centre(X, y, fit_intercept)
    return RegularizedFit(coef, float(y_mean - x_mean @ coef), lam)


def lasso_lambda_max(X: ArrayLike, y: ArrayLike, fit_intercept: bool = False) -> float:
    r"""Smallest :math:`\lambda` at which every Lasso coefficient is 0.

    .. math:: \lambda_{max} = 2 \max_j |X_j^\top Y|

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like, shape (n_samples,)
    fit_intercept : bool
        Add an unpenalised :math:`\beta_0` (by centring ``X`` and ``y``).

    Returns
    -------
    float
    """
    X, y = _check_xy(X, y)
    Xc, yc, _, _ = _centre(X, y, fit_intercept)
    return float(2.0 * np.max(np.abs(Xc.T @ yc)))


def _coordinate_descent(gram, xty, lam, beta, max_iter, tol):
    r"""Cyclic coordinate descent on :math:`\beta^\top G\beta - 2 c^\top\beta + \lambda\|\beta\|_1`.

    Coordinate :math:`j` is set to its exact minimiser
    :math:`\beta_j = S(\rho_j, \lambda/2) / G_{jj}` with
    :math:`\rho_j = c_j - \sum_{k \ne j} G_{jk}\beta_k` and the soft threshold
    :math:`S(\rho, t) = \operatorname{sign}(\rho)\max(|\rho| - t, 0)`, which returns exact zeros.
    """
    diag = np.diag(gram).tolist()
    rows = list(gram)
    half = 0.5 * lam
    for sweep in range(1, max_iter + 1):
        biggest = 0.0
        for j, g_jj in enumerate(diag):
            if g_jj == 0.0:                      # an all-zero column: its coefficient stays 0
                continue
            old = beta[j]
            rho = xty[j] - float(rows[j] @ beta) + g_jj * old
            new = (rho - half if rho > half else rho + half if rho < -half else 0.0) / g_jj
            beta[j] = new
            biggest = max(biggest, abs(new - old))
        if biggest <= tol * max(1.0, float(np.max(np.abs(beta)))):
            return beta, sweep, True
    return beta, max_iter, False


def lasso(X: ArrayLike, y: ArrayLike, lam: float, fit_intercept: bool = False, max_iter: int = 10_000,
          tol: float = 1e-10, coef_init: ArrayLike | None = None) -> RegularizedFit:
    r"""Lasso: minimise :math:`\sum_i (Y_i - \sum_j X_{ij}\beta_j)^2 + \lambda \sum_j |\beta_j|`.

    Solved by cyclic coordinate descent with soft-thresholding, so coefficients come out
    exactly 0. At the solution the KKT conditions hold: with
    :math:`g_j = 2 X_j^\top (Y - X\beta)`, :math:`g_j = \lambda\,\operatorname{sign}(\beta_j)`
    where :math:`\beta_j \ne 0` and :math:`|g_j| \le \lambda` where :math:`\beta_j = 0`.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like, shape (n_samples,)
    lam : float
        Penalty :math:`\lambda \ge 0`.
    fit_intercept : bool
        Add an unpenalised :math:`\beta_0` (by centring ``X`` and ``y``).
    max_iter : int
        Most sweeps over all coordinates.
    tol : float
        Stop when no coefficient moved by more than ``tol * max(1, max|β|)`` in a sweep.
    coef_init : array_like, optional
        Starting coefficients (a warm start).

    Returns
    -------
    RegularizedFit
        ``n_iter`` sweeps were run; ``converged`` is False if ``max_iter`` ran out first.
    """
    lam = real_number(lam, "lam", low=0.0)
    X, y = _check_xy(X, y)
    max_iter = positive_int(max_iter, "max_iter")
    tol = real_number(tol, "tol", low=0.0, low_open=True)
    beta = (np.zeros(X.shape[1]) if coef_init is None
            else as_array(coef_init, "coef_init", ndim=1).copy())
    if beta.size != X.shape[1]:
        raise ValueError(tr("coef_init must have {n} entries, got {got}").format(
            n=X.shape[1], got=beta.size))
    Xc, yc, x_mean, y_mean = _centre(X, y, fit_intercept)
    beta, n_iter, ok = _coordinate_descent(Xc.T @ Xc, (Xc.T @ yc).tolist(), lam, beta,
                                           max_iter, tol)
    return RegularizedFit(beta, float(y_mean - x_mean @ beta), lam, n_iter, ok)


def lasso_path(X: ArrayLike, y: ArrayLike, lams: ArrayLike, fit_intercept: bool = False, max_iter: int = 10_000,
               tol: float = 1e-10) -> np.ndarray:
    r"""Lasso coefficients for every :math:`\lambda` in ``lams``, shape ``(n_lams, n_features)``.

    The :math:`\lambda` values are solved from largest to smallest, each starting from the
    previous solution (warm starts), and returned in the order given.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like, shape (n_samples,)
    lams : array_like, shape (n_lams,)
        Penalties :math:`\lambda \ge 0`.
    fit_intercept : bool
        Add an unpenalised :math:`\beta_0` (by centring ``X`` and ``y``).
    max_iter, tol : int, float
        As for :func:`lasso`, per :math:`\lambda`.

    Returns
    -------
    ndarray, shape (n_lams, n_features)
        Row ``i`` is the Lasso fit at ``lams[i]``.
    """
    X, y = _check_xy(X, y)
    lams = nonnegative_vector(lams, "lams")
    coefs = np.empty((lams.size, X.shape[1]))
    beta = np.zeros(X.shape[1])
    for i in np.argsort(-lams, kind="stable"):
        beta = lasso(X, y, float(lams[i]), fit_intercept, max_iter, tol, beta).coef
        coefs[i] = beta
    return coefs
