"""Tests for lecture_lib.datasets: shapes, dtypes, seeding, geometry and bad arguments."""

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lecture_lib import datasets
from lecture_lib.datasets import (blobs, circles, moons, noisy_sine, piecewise_linear, spiral,
                                  train_test_split, xor)
from lecture_lib.topics.metrics import detector_scores  # notebook 10's own data set
from lecture_lib.shallow import lecture_relu_network

REGRESSION = [piecewise_linear, noisy_sine]
CLASSIFICATION = [circles, xor, moons, spiral, blobs]
ALL = REGRESSION + CLASSIFICATION + [detector_scores]


def _size_kwargs(fn, n):
    return dict(n_signal=n // 2, n_noise=n - n // 2) if fn is detector_scores \
        else dict(n_samples=n)


def test_docstring_examples_run():
    assert doctest.testmod(datasets).failed == 0


@pytest.mark.parametrize("fn", REGRESSION)
@pytest.mark.parametrize("n", [1, 7, 50])
def test_regression_shapes_and_dtypes(fn, n):
    X, y = fn(n_samples=n)
    assert X.shape == (n, 1) and y.shape == (n, 1)
    assert X.dtype == np.float64 and y.dtype == np.float64


@pytest.mark.parametrize("fn, n_features", [(circles, 2), (xor, 2), (moons, 2), (spiral, 2),
                                            (blobs, 2)])
@pytest.mark.parametrize("n", [1, 2, 9, 200])
def test_classification_shapes_and_dtypes(fn, n_features, n):
    X, y = fn(n_samples=n)
    assert X.shape == (n, n_features) and y.shape == (n,)
    assert X.dtype == np.float64 and y.dtype == np.int64
    assert np.all(np.isfinite(X))


@pytest.mark.parametrize("fn", ALL)
def test_same_seed_same_data_and_different_seed_differs(fn):
    X1, y1 = fn(seed=3)
    X2, y2 = fn(seed=3)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)
    X3, _ = fn(seed=4)
    assert not np.array_equal(X1, X3)


@pytest.mark.parametrize("fn", ALL)
def test_default_seed_is_reproducible_and_rng_is_used(fn):
    np.testing.assert_array_equal(fn()[0], fn(seed=0)[0])
    a = fn(rng=np.random.default_rng(11))[0]
    b = fn(rng=np.random.default_rng(11))[0]
    np.testing.assert_array_equal(a, b)
    gen = np.random.default_rng(11)
    first, second = fn(rng=gen)[0], fn(rng=gen)[0]
    assert not np.array_equal(first, second)  # the stream moves on


@pytest.mark.parametrize("fn", ALL)
def test_global_numpy_random_state_is_untouched(fn):
    np.random.seed(123)
    expected = np.random.random()
    np.random.seed(123)
    fn(seed=5)
    assert np.random.random() == expected


def test_piecewise_linear_is_the_lecture_network_plus_noise():
    X, y = piecewise_linear(n_samples=300, noise=0.0, seed=2)
    assert X.min() >= -4.0 and X.max() <= 4.0
    np.testing.assert_allclose(y, lecture_relu_network().forward(X))
    X, y_noisy = piecewise_linear(n_samples=3000, noise=0.3, seed=2)
    residual = y_noisy - lecture_relu_network().forward(X)
    assert residual.std() == pytest.approx(0.3, rel=0.1)
    assert abs(residual.mean()) < 0.03


def test_piecewise_linear_has_the_lecture_slopes():
    X, y = piecewise_linear(n_samples=400, noise=0.0, seed=0)
    order = np.argsort(X[:, 0])
    x, f = X[order, 0], y[order, 0]
    for lo, hi, slope in [(-4.0, -2.0, 0.0), (-2.0, 1.2, -0.9), (1.2, 2.0, 0.8), (2.0, 4.0, -1.6)]:
        inside = (x > lo + 1e-6) & (x < hi - 1e-6)
        np.testing.assert_allclose(np.diff(f[inside]) / np.diff(x[inside]), slope, atol=1e-9)


def test_noisy_sine_without_noise_is_the_sine():
    X, y = noisy_sine(n_samples=100, noise=0.0, frequency=2.0, seed=1)
    assert X.min() >= 0.0 and X.max() <= 1.0
    np.testing.assert_allclose(y, np.sin(4.0 * np.pi * X))


def test_circles_radii_without_noise():
    X, y = circles(n_samples=101, noise=0.0, factor=0.3)
    r = np.hypot(X[:, 0], X[:, 1])
    np.testing.assert_allclose(r[y == 0], 1.0)
    np.testing.assert_allclose(r[y == 1], 0.3)
    assert np.bincount(y).tolist() == [51, 50]


def test_xor_labels_follow_quadrants_without_noise():
    X, y = xor(n_samples=500, noise=0.0)
    np.testing.assert_array_equal(y, (X[:, 0] * X[:, 1] < 0).astype(int))
    assert np.all(np.abs(X) <= 1.0)
    assert 200 < y.sum() < 300


def test_moons_lie_on_their_half_circles_without_noise():
    X, y = moons(n_samples=80, noise=0.0)
    np.testing.assert_allclose(np.hypot(X[y == 0, 0], X[y == 0, 1]), 1.0)
    np.testing.assert_allclose(np.hypot(X[y == 1, 0] - 1.0, X[y == 1, 1] - 0.5), 1.0)
    assert np.all(X[y == 0, 1] >= 0) and np.all(X[y == 1, 1] <= 0.5)
    assert np.bincount(y).tolist() == [40, 40]


@pytest.mark.parametrize("k", [2, 3, 5])
def test_spiral_arms_are_balanced_and_rotated(k):
    X, y = spiral(n_samples=60 * k, n_arms=k, noise=0.0, turns=0.5)
    assert sorted(np.unique(y).tolist()) == list(range(k))
    assert np.bincount(y).tolist() == [60] * k
    r = np.hypot(X[:, 0], X[:, 1])
    theta = np.arctan2(X[:, 1], X[:, 0])
    expected = 2 * np.pi * (y / k + 0.5 * r)
    np.testing.assert_allclose(np.cos(theta - expected)[r > 1e-9], 1.0)


def test_blobs_with_given_centres():
    centres = np.array([[0.0, 0.0, 0.0], [10.0, 10.0, 10.0]])
    X, y = blobs(n_samples=400, centers=centres, cluster_std=0.5, seed=1)
    assert X.shape == (400, 3)
    for k in range(2):
        np.testing.assert_allclose(X[y == k].mean(axis=0), centres[k], atol=0.15)
        assert X[y == k].std() == pytest.approx(0.5, rel=0.15)


def test_blobs_random_centres_and_zero_std():
    X, y = blobs(n_samples=12, centers=4, n_features=5, cluster_std=0.0)
    assert X.shape == (12, 5)
    assert np.bincount(y).tolist() == [3, 3, 3, 3]
    for k in range(4):
        assert np.ptp(X[y == k], axis=0).max() == 0.0
    assert np.all(np.abs(X) <= 10.0)


def test_detector_scores_defaults_are_imbalanced_and_separated():
    X, y = detector_scores()
    assert X.shape == (1000, 1) and y.shape == (1000,) and y.dtype == np.int64
    assert y.sum() == 50  # far more noise than signal
    assert 0 < y[:500].sum() < 50  # shuffled, not all signals at one end
    assert X[y == 1].mean() - X[y == 0].mean() == pytest.approx(2.0, abs=0.35)
    assert X[y == 0].std() == pytest.approx(1.0, rel=0.1)


def test_detector_scores_zero_separation_and_empty_classes():
    X, y = detector_scores(n_signal=2000, n_noise=2000, separation=0.0, seed=1)
    assert abs(X[y == 1].mean() - X[y == 0].mean()) < 0.1
    X, y = detector_scores(n_signal=0, n_noise=5)
    assert X.shape == (5, 1) and y.tolist() == [0] * 5
    assert detector_scores(n_signal=3, n_noise=0)[1].tolist() == [1, 1, 1]


# --- train_test_split --------------------------------------------------------------

@settings(max_examples=50, deadline=None)
@given(st.integers(2, 60), st.floats(0.01, 0.99), st.integers(0, 2**31))
def test_split_is_a_partition_that_keeps_rows_paired(n, frac, seed):
    X = np.arange(2 * n, dtype=float).reshape(n, 2)
    y = np.arange(n) * 10
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_fraction=frac, seed=seed)
    assert len(X_te) == min(max(round(frac * n), 1), n - 1)
    assert len(X_tr) + len(X_te) == n
    np.testing.assert_array_equal(np.sort(np.concatenate([y_tr, y_te])), y)
    np.testing.assert_array_equal(X_tr[:, 0] * 5, y_tr)
    np.testing.assert_array_equal(X_te[:, 0] * 5, y_te)
    assert y_tr.dtype == y.dtype


def test_split_is_seeded_and_keeps_shapes():
    X, y = piecewise_linear(n_samples=40)
    a = train_test_split(X, y, seed=1)
    b = train_test_split(X, y, seed=1)
    c = train_test_split(X, y, seed=2)
    for u, v in zip(a, b):
        np.testing.assert_array_equal(u, v)
    assert not np.array_equal(a[1], c[1])
    assert [part.shape for part in a] == [(30, 1), (10, 1), (30, 1), (10, 1)]
    one_d = train_test_split(np.arange(8.0), np.arange(8), test_fraction=0.5)
    assert [part.shape for part in one_d] == [(4,), (4,), (4,), (4,)]


@pytest.mark.parametrize("kwargs, exc, match", [
    (dict(X=np.zeros((4, 2)), y=np.zeros(3)), ValueError, "X and y"),
    (dict(X=np.zeros((1, 2)), y=np.zeros(1)), ValueError, "X"),
    (dict(X=np.zeros((4, 2)), y=[0, 1, np.nan, 0]), ValueError, "y"),
    (dict(X=[[0.0], [np.inf]], y=[0, 1]), ValueError, "X"),
    (dict(X=np.zeros((4, 2)), y=np.zeros(4), test_fraction=0.0), ValueError, "test_fraction"),
    (dict(X=np.zeros((4, 2)), y=np.zeros(4), test_fraction=1.0), ValueError, "test_fraction"),
    (dict(X=np.zeros((4, 2)), y=np.zeros(4), test_fraction=1.5), ValueError, "test_fraction"),
    (dict(X=np.zeros((4, 2)), y=np.zeros(4), test_fraction="half"), TypeError, "test_fraction"),
    (dict(X=np.zeros((4, 2)), y=np.zeros(4), seed=1.5), TypeError, "seed"),
    (dict(X=np.zeros((4, 2)), y=np.zeros(4), rng=3), TypeError, "rng"),
    (dict(X=np.zeros((4, 2, 1)), y=np.zeros(4)), ValueError, "X"),
    (dict(X=None, y=np.zeros(4)), TypeError, "X"),
])
def test_split_bad_arguments(kwargs, exc, match):
    with pytest.raises(exc, match=match):
        train_test_split(**kwargs)


# --- bad arguments for the generators ----------------------------------------------

@pytest.mark.parametrize("fn", REGRESSION + CLASSIFICATION)
@pytest.mark.parametrize("n, exc", [(0, ValueError), (-5, ValueError), (2.5, TypeError),
                                    ("10", TypeError), (True, TypeError)])
def test_bad_n_samples(fn, n, exc):
    with pytest.raises(exc, match="n_samples"):
        fn(n_samples=n)


@pytest.mark.parametrize("fn", [piecewise_linear, noisy_sine, circles, xor, moons, spiral])
@pytest.mark.parametrize("noise, exc", [(-0.1, ValueError), (np.nan, ValueError),
                                        (np.inf, ValueError), ("a", TypeError)])
def test_bad_noise(fn, noise, exc):
    with pytest.raises(exc, match="noise"):
        fn(noise=noise)


@pytest.mark.parametrize("fn", ALL)
def test_bad_seed_and_rng(fn):
    with pytest.raises(TypeError, match="seed"):
        fn(seed="zero")
    with pytest.raises(TypeError, match="rng"):
        fn(rng=np.random.RandomState(0))


@pytest.mark.parametrize("call, exc, match", [
    (lambda: noisy_sine(frequency=0.0), ValueError, "frequency"),
    (lambda: noisy_sine(frequency=-1.0), ValueError, "frequency"),
    (lambda: circles(factor=0.0), ValueError, "factor"),
    (lambda: circles(factor=1.5), ValueError, "factor"),
    (lambda: spiral(n_arms=1), ValueError, "n_arms"),
    (lambda: spiral(n_arms=2.0), TypeError, "n_arms"),
    (lambda: spiral(turns=0.0), ValueError, "turns"),
    (lambda: blobs(centers=0), ValueError, "centers"),
    (lambda: blobs(centers=[1.0, 2.0]), ValueError, "centers"),
    (lambda: blobs(centers=[[0.0, np.nan]]), ValueError, "centers"),
    (lambda: blobs(centers="three"), TypeError, "centers"),
    (lambda: blobs(n_features=0), ValueError, "n_features"),
    (lambda: blobs(cluster_std=-1.0), ValueError, "cluster_std"),
    (lambda: detector_scores(n_signal=-1), ValueError, "n_signal"),
    (lambda: detector_scores(n_noise=-1), ValueError, "n_noise"),
    (lambda: detector_scores(n_signal=1.5), TypeError, "n_signal"),
    (lambda: detector_scores(n_signal=0, n_noise=0), ValueError, "n_signal \\+ n_noise"),
    (lambda: detector_scores(separation=-1.0), ValueError, "separation"),
    (lambda: detector_scores(separation=np.inf), ValueError, "separation"),
])
def test_bad_specific_arguments(call, exc, match):
    with pytest.raises(exc, match=match):
        call()
