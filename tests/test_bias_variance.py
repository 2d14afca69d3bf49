"""Tests for lecture_lib.topics.bias_variance: the decomposition is measured, so
the tests check it against its own sampling error and against known trends."""

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lecture_lib.topics import bias_variance as bv_module
from lecture_lib.regression import polynomial_features, true_function
from lecture_lib.topics.bias_variance import bias_variance_decomposition


def test_doctests():
    assert doctest.testmod(bv_module).failed == 0


@pytest.mark.parametrize("design", ["random", "fixed"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_decomposition_matches_measured_test_error(design, seed):
    # test_error - (bias2 + variance + noise) is a mean of N independent zero-mean
    # terms whose standard deviation is std_error; 5 standard errors is a 1-in-10^6 event.
    r = bias_variance_decomposition(range(0, 10), n_train=30, n_datasets=300, noise=0.3,
                                    design=design, seed=seed)
    assert np.all(np.abs(r.test_error - r.total) < 5 * r.std_error)
    # and the tolerance is tight: a few percent of the error itself
    assert np.all(r.std_error < 0.03 * r.test_error)


def test_std_error_is_the_spread_over_seeds():
    z = []
    for seed in range(30):
        r = bias_variance_decomposition([1, 5], n_train=20, n_datasets=50, n_test=40,
                                        design="fixed", seed=seed)
        z.append((r.test_error - r.total) / r.std_error)
    z = np.array(z)
    assert np.all(np.abs(z.mean(axis=0)) < 0.6)            # mean 0, se 1/sqrt(30)
    assert np.all((z.std(axis=0) > 0.6) & (z.std(axis=0) < 1.5))


def test_bias_and_variance_are_exact_identities_of_the_fits():
    r = bias_variance_decomposition([2, 4], n_datasets=20, seed=3)
    for i in range(2):
        mean_fit = r.fits[i].mean(axis=0)
        assert np.isclose(r.bias2[i], np.mean((mean_fit - r.f_test) ** 2))
        assert np.isclose(r.variance[i], np.mean((r.fits[i] - mean_fit) ** 2))
        np.testing.assert_allclose(r.mean_fit[i], mean_fit)
        np.testing.assert_allclose(r.fit_std[i], r.fits[i].std(axis=0))
    assert r.noise == 0.3 and r.noise_variance == pytest.approx(0.3 ** 2)


def test_fits_are_least_squares_fits():
    r = bias_variance_decomposition([3], n_train=15, n_datasets=4, seed=5)
    for k in range(4):
        coef = np.polyfit(r.x_train[k], r.y_train[k], 3)
        np.testing.assert_allclose(r.fits[0, k], np.polyval(coef, r.x_test), atol=1e-9)


def test_fixed_design_bias_falls_and_variance_rises_with_degree():
    r = bias_variance_decomposition(range(0, 9), n_train=30, n_datasets=400, design="fixed")
    assert np.all(np.diff(r.bias2[:7]) < 0)
    assert np.all(np.diff(r.variance) > 0)


def test_random_design_bias_falls_and_variance_rises_with_degree():
    r = bias_variance_decomposition([0, 2, 3, 4, 5], n_train=30, n_datasets=400)
    assert np.all(np.diff(r.bias2) < 0)
    r = bias_variance_decomposition([4, 6, 8, 10], n_train=30, n_datasets=400)
    assert np.all(np.diff(r.variance) > 0)


def test_test_error_is_u_shaped():
    r = bias_variance_decomposition(range(0, 13), n_train=30, n_datasets=300)
    best = int(np.argmin(r.test_error))
    assert 3 <= best <= 8
    assert r.test_error[0] > 2 * r.test_error[best] < r.test_error[-1] / 2


@pytest.mark.parametrize("design", ["random", "fixed"])
def test_more_data_lowers_variance(design):
    small = bias_variance_decomposition([3, 6], n_train=20, design=design, seed=0)
    large = bias_variance_decomposition([3, 6], n_train=80, design=design, seed=0)
    assert np.all(large.variance < 0.5 * small.variance)


def test_no_noise_fixed_design_has_no_variance():
    r = bias_variance_decomposition([2, 5], noise=0.0, design="fixed", n_datasets=5)
    np.testing.assert_allclose(r.variance, 0.0, atol=1e-20)
    np.testing.assert_allclose(r.test_error, r.bias2)


def test_deterministic_and_rng_argument():
    a = bias_variance_decomposition([1, 4], seed=7)
    b = bias_variance_decomposition([1, 4], seed=7)
    c = bias_variance_decomposition([1, 4], rng=np.random.default_rng(7))
    np.testing.assert_array_equal(a.fits, b.fits)
    np.testing.assert_array_equal(a.fits, c.fits)
    assert not np.array_equal(a.fits, bias_variance_decomposition([1, 4], seed=8).fits)


def test_shapes():
    r = bias_variance_decomposition([0, 1, 2], n_train=12, n_datasets=7, n_test=9)
    assert r.fits.shape == (3, 7, 9)
    assert r.x_train.shape == r.y_train.shape == (7, 12)
    assert r.x_test.shape == r.f_test.shape == (9,)
    assert r.degrees.tolist() == [0, 1, 2]
    for arr in (r.bias2, r.variance, r.test_error, r.std_error, r.total):
        assert arr.shape == (3,)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.floats(0.0, 1.0), min_size=1, max_size=20), st.integers(0, 8))
def test_polynomial_features_span_the_powers(xs, degree):
    x = np.array(xs)
    phi = polynomial_features(x, degree)
    assert phi.shape == (x.size, degree + 1)
    # every power x^j (j <= degree) is an exact combination of the columns
    powers = np.vander(x, degree + 1, increasing=True)
    full = polynomial_features(np.linspace(0, 1, 50), degree)
    grid_powers = np.vander(np.linspace(0, 1, 50), degree + 1, increasing=True)
    coef, *_ = np.linalg.lstsq(full, grid_powers, rcond=None)
    np.testing.assert_allclose(phi @ coef, powers, atol=1e-8)


def test_true_function_values():
    np.testing.assert_allclose(true_function([0.0, 0.2, 1.0]), [0.0, 1.0, 1.0], atol=1e-12)


@pytest.mark.parametrize("kwargs, err, match", [
    (dict(degrees=[]), ValueError, "degrees"),
    (dict(degrees=[1.5]), ValueError, "degrees"),
    (dict(degrees=[-1]), ValueError, "degrees"),
    (dict(degrees="3"), TypeError, "degrees"),
    (dict(degrees=[[1, 2]]), ValueError, "degrees"),
    (dict(degrees=[30]), ValueError, "n_train"),
    (dict(degrees=[1], n_train=0), ValueError, "n_train"),
    (dict(degrees=[1], n_datasets=1), ValueError, "n_datasets"),
    (dict(degrees=[1], n_test=2.0), TypeError, "n_test"),
    (dict(degrees=[1], noise=-0.1), ValueError, "noise"),
    (dict(degrees=[1], noise=float("nan")), ValueError, "noise"),
    (dict(degrees=[1], design="grid"), ValueError, "design"),
    (dict(degrees=[1], seed=1.5), TypeError, "seed"),
    (dict(degrees=[1], rng=3), TypeError, "rng"),
])
def test_bad_arguments(kwargs, err, match):
    with pytest.raises(err, match=match):
        bias_variance_decomposition(**kwargs)


def test_polynomial_features_bad_arguments():
    with pytest.raises(ValueError, match="degree"):
        polynomial_features([0.5], -1)
    with pytest.raises(ValueError, match="x"):
        polynomial_features([np.nan], 2)
