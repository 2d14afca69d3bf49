"""Tests for lecture_lib.topics.regularization (Lasso, ridge, polynomial degree)."""

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lecture_lib.topics import regularization as reg_module
from lecture_lib.topics.regularization import (lasso, lasso_lambda_max, lasso_path,
                                               polynomial_fit_errors, ridge, ridge_path,
                                               sparse_linear_data)


def _problem(seed=0, n=40, p=8, corr=0.0):
    rng = np.random.default_rng(seed)
    Z = rng.standard_normal((n, p))
    X = Z + corr * Z[:, :1]                     # corr > 0: correlated columns
    beta = np.zeros(p)
    beta[[0, 2, 5]] = [2.0, -1.5, 0.7]
    return X, X @ beta + 1.0 + 0.3 * rng.standard_normal(n)


def _kkt_violation(X, y, fit, fit_intercept=False):
    """Largest violation of the Lasso optimality conditions (0 at the exact solution)."""
    Xc, yc = (X - X.mean(0), y - y.mean()) if fit_intercept else (X, y)
    g = 2.0 * Xc.T @ (yc - Xc @ fit.coef)
    on = fit.coef != 0
    return max(np.max(np.abs(g[on] - fit.lam * np.sign(fit.coef[on])), initial=0.0),
               np.max(np.abs(g[~on]) - fit.lam, initial=0.0))


def test_doctests():
    assert doctest.testmod(reg_module).failed == 0


@pytest.mark.parametrize("lam", [0.5, 5.0, 30.0, 80.0])
@pytest.mark.parametrize("corr", [0.0, 2.0])
@pytest.mark.parametrize("fit_intercept", [False, True])
def test_lasso_satisfies_kkt(lam, corr, fit_intercept):
    X, y = _problem(corr=corr)
    fit = lasso(X, y, lam, fit_intercept=fit_intercept)
    assert fit.converged
    assert _kkt_violation(X, y, fit, fit_intercept) < 1e-6 * max(1.0, lam)


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.floats(0.01, 100.0), st.integers(1, 6), st.integers(2, 30))
def test_lasso_kkt_property(seed, lam, p, n):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p))
    y = rng.standard_normal(n)
    fit = lasso(X, y, lam)
    assert fit.converged
    assert _kkt_violation(X, y, fit) < 1e-6 * max(1.0, lam)
    # and the cost is no larger than at nearby points
    def cost(b):
        return np.sum((y - X @ b) ** 2) + lam * np.sum(np.abs(b))

    for _ in range(5):
        assert cost(fit.coef) <= cost(fit.coef + 1e-3 * rng.standard_normal(p)) + 1e-9


def test_lasso_gives_exact_zeros_and_ridge_does_not():
    X, y = _problem()
    lams = np.geomspace(0.1, 200.0, 25)
    L, R = lasso_path(X, y, lams), ridge_path(X, y, lams)
    assert np.sum(L == 0.0) > 50
    assert np.all(R != 0.0)
    assert np.all(L[-1] == 0.0)                     # beyond lambda_max all are zero
    # the number of zeros grows with lambda along the path
    assert np.all(np.diff((L == 0.0).sum(axis=1)) >= 0)
    # ridge only shrinks: the norm falls with lambda
    assert np.all(np.diff(np.linalg.norm(R, axis=1)) < 0)


def test_lambda_max_is_the_threshold():
    X, y = _problem(seed=3)
    lmax = lasso_lambda_max(X, y)
    assert np.all(lasso(X, y, lmax * 1.0001).coef == 0.0)
    assert np.any(lasso(X, y, lmax * 0.99).coef != 0.0)
    lmax_c = lasso_lambda_max(X, y, fit_intercept=True)
    assert np.all(lasso(X, y, lmax_c * 1.0001, fit_intercept=True).coef == 0.0)


@pytest.mark.parametrize("fit_intercept", [False, True])
def test_both_match_least_squares_at_zero(fit_intercept):
    X, y = _problem(seed=1)
    A = np.column_stack([X, np.ones(len(y))]) if fit_intercept else X
    ls = np.linalg.lstsq(A, y, rcond=None)[0]
    for fit in (lasso(X, y, 0.0, fit_intercept=fit_intercept),
                ridge(X, y, 0.0, fit_intercept=fit_intercept)):
        np.testing.assert_allclose(fit.coef, ls[:X.shape[1]], atol=1e-8)
        assert fit.intercept == pytest.approx(ls[-1] if fit_intercept else 0.0, abs=1e-8)


def test_ridge_closed_form_and_min_norm():
    X, y = _problem(seed=2)
    lam = 3.0
    direct = np.linalg.solve(X.T @ X + lam * np.eye(X.shape[1]), X.T @ y)
    np.testing.assert_allclose(ridge(X, y, lam).coef, direct, atol=1e-10)
    # more features than samples, lambda = 0: minimum-norm solution like lstsq
    rng = np.random.default_rng(0)
    Xw, yw = rng.standard_normal((5, 12)), rng.standard_normal(5)
    np.testing.assert_allclose(ridge(Xw, yw, 0.0).coef,
                               np.linalg.lstsq(Xw, yw, rcond=None)[0], atol=1e-10)


def test_paths_match_single_fits_in_any_order():
    X, y = _problem(seed=4)
    lams = np.array([5.0, 0.0, 50.0, 1.0])
    L, R = lasso_path(X, y, lams), ridge_path(X, y, lams)
    for i, lam in enumerate(lams):
        np.testing.assert_allclose(L[i], lasso(X, y, lam).coef, atol=1e-8)
        np.testing.assert_allclose(R[i], ridge(X, y, lam).coef, atol=1e-12)


def test_predict_and_zero_column():
    X, y = _problem(seed=5)
    X[:, 3] = 0.0
    fit = lasso(X, y, 1.0, fit_intercept=True)
    assert fit.coef[3] == 0.0
    np.testing.assert_allclose(fit.predict(X), X @ fit.coef + fit.intercept)
    with pytest.raises(ValueError, match="X"):
        fit.predict(np.ones((3, 2)))


def test_lasso_warm_start_and_iteration_cap():
    X, y = _problem(seed=6, corr=3.0)
    cold = lasso(X, y, 2.0)
    warm = lasso(X, y, 2.0, coef_init=cold.coef)
    assert warm.n_iter <= 2 and warm.converged
    capped = lasso(X, y, 2.0, max_iter=1, tol=1e-14)
    assert capped.n_iter == 1 and not capped.converged


def test_polynomial_fit_errors_overfits():
    r = polynomial_fit_errors(range(0, 16), n_train=15, seed=0)
    assert np.all(np.diff(r.train_mse) <= 1e-12)         # nested models: train error falls
    assert r.train_mse[14] < 1e-15                         # 15 coefficients interpolate 15 points
    best = int(np.argmin(r.test_mse))
    assert 2 <= best <= 8
    assert r.test_mse[14] > 100 * r.test_mse[best]
    assert r.curves.shape == (16, 200) and r.x_grid.shape == (200,)


def test_polynomial_fit_errors_more_data_and_ridge_help():
    small = polynomial_fit_errors([12], n_train=15, seed=1)
    big = polynomial_fit_errors([12], n_train=200, seed=1)
    ridged = polynomial_fit_errors([12], n_train=15, lam=1e-3, seed=1)
    assert big.test_mse[0] < 0.1 * small.test_mse[0]
    assert ridged.test_mse[0] < 0.1 * small.test_mse[0]


def test_polynomial_fit_errors_is_a_least_squares_fit():
    r = polynomial_fit_errors([0, 3], n_train=20, seed=2)
    coef = np.polyfit(r.x_train, r.y_train, 3)
    np.testing.assert_allclose(r.curves[1], np.polyval(coef, r.x_grid), atol=1e-9)
    np.testing.assert_allclose(r.curves[0], r.y_train.mean())
    again = polynomial_fit_errors([0, 3], n_train=20, rng=np.random.default_rng(2))
    np.testing.assert_array_equal(r.curves, again.curves)


@pytest.mark.parametrize("call, err, match", [
    (lambda X, y: lasso(X, y, -1.0), ValueError, "lam"),
    (lambda X, y: lasso(X, y, "big"), TypeError, "lam"),
    (lambda X, y: lasso(X[:-1], y, 1.0), ValueError, "X and y"),
    (lambda X, y: lasso(X, np.column_stack([y, y]), 1.0), ValueError, "y"),
    (lambda X, y: lasso(np.where(X > 1, np.nan, X), y, 1.0), ValueError, "X"),
    (lambda X, y: lasso(X, y, 1.0, max_iter=0), ValueError, "max_iter"),
    (lambda X, y: lasso(X, y, 1.0, tol=0.0), ValueError, "tol"),
    (lambda X, y: lasso(X, y, 1.0, coef_init=[1.0]), ValueError, "coef_init"),
    (lambda X, y: ridge(X, y, float("nan")), ValueError, "lam"),
    (lambda X, y: ridge(X, [], 1.0), ValueError, "y"),
    (lambda X, y: ridge_path(X, y, [1.0, -2.0]), ValueError, "lams"),
    (lambda X, y: lasso_path(X, y, []), ValueError, "lams"),
    (lambda X, y: lasso_path(X, y, [[1.0]]), ValueError, "lams"),
    (lambda X, y: lasso_lambda_max(X, None), TypeError, "y"),
    (lambda X, y: polynomial_fit_errors([-1]), ValueError, "degrees"),
    (lambda X, y: polynomial_fit_errors([2], n_train=1), ValueError, "n_train"),
    (lambda X, y: polynomial_fit_errors([2], noise=-0.5), ValueError, "noise"),
    (lambda X, y: polynomial_fit_errors([2], lam=-1e-3), ValueError, "lam"),
    (lambda X, y: polynomial_fit_errors([2], n_grid=1), ValueError, "n_grid"),
])
def test_bad_arguments(call, err, match):
    X, y = _problem()
    with pytest.raises(err, match=match):
        call(X, y)


def test_sparse_linear_data_and_the_lecture_claim_on_it():
    X, y, beta = sparse_linear_data(30, coef=[2.0, 0.0, -1.0], noise=0.0, seed=4)
    assert X.shape == (30, 3) and y.shape == (30,)
    np.testing.assert_allclose(y, X @ beta)
    X2, y2, _ = sparse_linear_data(30, coef=[2.0, 0.0, -1.0], noise=0.0,
                                   rng=np.random.default_rng(4))
    np.testing.assert_array_equal(X, X2)
    # notebook 14's data: along the path the Lasso zeroes coefficients, ridge never does
    X, y, beta = sparse_linear_data()
    lams = np.logspace(-1, 3, 81)
    L, R = lasso_path(X, y, lams), ridge_path(X, y, lams)
    assert np.all(R != 0.0) and np.all(L[lams > lasso_lambda_max(X, y)] == 0.0)
    middle = lasso(X, y, 10 ** 1.5).coef
    assert np.sum(middle == 0.0) >= 3 and np.all(middle[beta != 0] != 0.0)
    with pytest.raises(ValueError, match="n_samples"):
        sparse_linear_data(0)
    with pytest.raises(ValueError, match="noise"):
        sparse_linear_data(noise=-1.0)


def test_a_one_column_target_is_read_as_one_number_per_sample():
    X, y, _ = sparse_linear_data(seed=3)
    np.testing.assert_array_equal(ridge(X, y[:, None], 0.5).coef, ridge(X, y, 0.5).coef)
    np.testing.assert_array_equal(lasso(X, y[:, None], 0.5).coef, lasso(X, y, 0.5).coef)
