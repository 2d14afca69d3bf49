r"""Ridge and Lasso, the two penalised least-squares fits of the lecture.

With samples in rows (``X`` is ``(n_samples, n_features)``):

.. math::

    \text{Lasso:}\quad \sum_i \Big(Y_i - \sum_j X_{ij}\beta_j\Big)^2 + \lambda \sum_j |\beta_j|,
    \qquad
    \text{ridge:}\quad \sum_i \Big(Y_i - \sum_j X_{ij}\beta_j\Big)^2 + \lambda \sum_j \beta_j^2 .

Ridge has the closed form :math:`\hat\beta = (X^\top X + \lambda I)^{-1} X^\top Y` and only
shrinks coefficients; the Lasso's corner at :math:`\beta_j = 0` sets coefficients exactly to
zero once :math:`\lambda` is large enough.

>>> import numpy as np
>>> from lecture_lib.topics.regularization import lasso, ridge
>>> X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]); y = np.array([3.0, 0.2, 3.1])
>>> lasso(X, y, lam=2.0).coef.round(3).tolist(), ridge(X, y, lam=2.0).coef.round(3).tolist()
([2.55, 0.0], [1.407, 0.473])
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._validation import (as_2d, as_array, as_column, make_rng, nonnegative_vector,
                           positive_int, real_number, same_length)
from ..regression import as_degrees, legendre_features, sine_curve


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

    def predict(self, X) -> np.ndarray:
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


def ridge_path(X, y, lams, fit_intercept: bool = False) -> np.ndarray:
    r"""Ridge coefficients for every :math:`\lambda` in ``lams``, shape ``(n_lams, n_features)``.

    From one SVD :math:`X = U S V^\top`:
    :math:`\hat\beta(\lambda) = V \operatorname{diag}\big(s_k / (s_k^2 + \lambda)\big) U^\top Y`.
    At :math:`\lambda = 0` this is the minimum-norm least-squares solution (as
    ``np.linalg.lstsq``); singular values below round-off are treated as zero.
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


def ridge(X, y, lam: float, fit_intercept: bool = False) -> RegularizedFit:
    r"""Ridge regression: minimise the penalised squared error below.

    .. math:: \sum_i \Big(Y_i - \sum_j X_{ij}\beta_j\Big)^2 + \lambda\sum_j \beta_j^2

    Closed form :math:`\hat\beta = (X^\top X + \lambda I)^{-1} X^\top Y`, computed through the
    SVD (see :func:`ridge_path`). With ``fit_intercept`` an unpenalised :math:`\beta_0` is
    added (by centring ``X`` and ``y``).
    """
    lam = real_number(lam, "lam", low=0.0)
    X, y = _check_xy(X, y)
    return _ridge(X, y, lam, fit_intercept)


def _ridge(X, y, lam, fit_intercept):
    """Unvalidated :func:`ridge` for checked arrays."""
    coef = _ridge_path(X, y, np.array([lam]), fit_intercept)[0]
    _, _, x_mean, y_mean = _centre(X, y, fit_intercept)
    return RegularizedFit(coef, float(y_mean - x_mean @ coef), lam)


def lasso_lambda_max(X, y, fit_intercept: bool = False) -> float:
    r"""Smallest :math:`\lambda` at which every Lasso coefficient is 0.

    .. math:: \lambda_{max} = 2 \max_j |X_j^\top Y|
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


def lasso(X, y, lam: float, fit_intercept: bool = False, max_iter: int = 10_000,
          tol: float = 1e-10, coef_init=None) -> RegularizedFit:
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
    """
    lam = real_number(lam, "lam", low=0.0)
    X, y = _check_xy(X, y)
    max_iter = positive_int(max_iter, "max_iter")
    tol = real_number(tol, "tol", low=0.0, low_open=True)
    beta = (np.zeros(X.shape[1]) if coef_init is None
            else as_array(coef_init, "coef_init", ndim=1).copy())
    if beta.size != X.shape[1]:
        raise ValueError(f"coef_init must have {X.shape[1]} entries, got {beta.size}")
    Xc, yc, x_mean, y_mean = _centre(X, y, fit_intercept)
    beta, n_iter, ok = _coordinate_descent(Xc.T @ Xc, (Xc.T @ yc).tolist(), lam, beta,
                                           max_iter, tol)
    return RegularizedFit(beta, float(y_mean - x_mean @ beta), lam, n_iter, ok)


def lasso_path(X, y, lams, fit_intercept: bool = False, max_iter: int = 10_000,
               tol: float = 1e-10) -> np.ndarray:
    r"""Lasso coefficients for every :math:`\lambda` in ``lams``, shape ``(n_lams, n_features)``.

    The :math:`\lambda` values are solved from largest to smallest, each starting from the
    previous solution (warm starts), and returned in the order given.
    """
    X, y = _check_xy(X, y)
    lams = nonnegative_vector(lams, "lams")
    coefs = np.empty((lams.size, X.shape[1]))
    beta = np.zeros(X.shape[1])
    for i in np.argsort(-lams, kind="stable"):
        beta = lasso(X, y, float(lams[i]), fit_intercept, max_iter, tol, beta).coef
        coefs[i] = beta
    return coefs


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


def polynomial_fit_errors(degrees, n_train: int = 15, n_test: int = 200, noise: float = 0.3,
                          lam: float = 0.0, n_grid: int = 200, seed=0,
                          rng=None) -> PolynomialFitErrors:
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
            fit = _ridge(phi[0][:, :d], y_train, lam, fit_intercept=True)
            preds = [p[:, :d] @ fit.coef + fit.intercept for p in phi]
        train_mse[i] = np.mean((preds[0] - y_train) ** 2)
        test_mse[i] = np.mean((preds[1] - y_test) ** 2)
        curves[i] = preds[2]
    return PolynomialFitErrors(degrees, train_mse, test_mse, x_train, y_train, x_test,
                               y_test, x_grid, curves)


def sparse_linear_data(n_samples: int = 25, coef=(3.0, -2.0, 0.0, 0.0, 1.5, 0.0, 0.0, 0.0),
                       noise: float = 1.0, seed=0, rng=None):
    r"""Data where only some features matter: :math:`Y_i = \sum_j X_{ij}\beta_j + \varepsilon_i`.

    :math:`X_{ij} \sim \mathcal N(0, 1)`, :math:`\varepsilon_i \sim \mathcal N(0, \sigma^2)`
    with :math:`\sigma` = ``noise``; ``coef`` holds the true :math:`\beta` (its zeros are the
    features that do not matter). Returns ``X`` of shape ``(n_samples, n_features)``, ``y``
    of shape ``(n_samples,)`` and the true ``coef`` as an array.
    """
    n = positive_int(n_samples, "n_samples")
    beta = as_array(coef, "coef", ndim=1)
    noise = real_number(noise, "noise", low=0.0)
    gen = make_rng(seed, rng)
    X = gen.standard_normal((n, beta.size))
    return X, X @ beta + noise * gen.standard_normal(n), beta
