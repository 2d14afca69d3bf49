"""Tests for lecture_lib.topics.double_descent."""

import doctest

import numpy as np
import pytest

from lecture_lib.i18n import set_language
from lecture_lib.topics import double_descent as dd_module
from lecture_lib.topics.double_descent import (CurveSummary, describe_curves, describe_threshold,
                                               double_descent_curve, double_descent_grid,
                                               hidden_unit_widths, random_relu_layer,
                                               summarize_curves, target_function)
from lecture_lib.topics.double_descent.curves import _fit_widths

WIDTHS = np.arange(1, 121)


def test_doctests():
    assert doctest.testmod(dd_module).failed == 0


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("n_train", [20, 30, 40])
def test_peak_sits_at_the_interpolation_threshold(seed, n_train):
    r = double_descent_curve(WIDTHS, n_train=n_train, n_repeats=10, seed=seed)
    peak = int(r.hidden_units[np.argmax(r.test_mse)])
    assert abs(peak - n_train) <= 0.2 * n_train
    # a clear, visible peak: far above both the first minimum and the far end
    top = r.test_mse.max()
    assert top > 4 * r.test_mse[: n_train // 2].min()
    assert top > 4 * r.test_mse[-10:].mean()


@pytest.mark.parametrize("seed", [0, 3])
def test_train_error_vanishes_from_the_threshold_on(seed):
    r = double_descent_curve(WIDTHS, n_train=30, n_repeats=5, seed=seed)
    assert np.all(r.train_runs[:, r.hidden_units >= 30] < 1e-10)
    assert np.all(r.train_runs[:, r.hidden_units < 25] > 1e-6)
    # below the threshold, more units can only fit the training set better
    assert np.all(np.diff(r.train_runs[:, :30], axis=1) <= 1e-12)


@pytest.mark.parametrize("n_train, seed", [(30, 0), (30, 1), (20, 2), (40, 3)])
def test_far_beyond_the_threshold_beats_every_small_network(n_train, seed):
    # the lecture's message, at the defaults (sigma = 0.3, widths to 40 n): the lowest test
    # error lies beyond p = n, clearly below the best network with p < n
    r = double_descent_curve(hidden_unit_widths(n_train, 40 * n_train), n_train=n_train,
                             n_repeats=20, seed=seed)
    over, under = r.test_mse[r.hidden_units > n_train], r.test_mse[r.hidden_units < n_train]
    assert over.min() < 0.8 * under.min()
    assert r.hidden_units[np.argmin(r.test_mse)] > 5 * n_train
    assert r.hidden_units[np.argmax(r.test_mse)] == n_train


def test_with_much_noise_the_small_networks_win():
    # what target_function's docstring says about sigma >= 0.5
    r = double_descent_curve(hidden_unit_widths(30, 1200), noise=1.0, n_repeats=20, seed=0)
    assert r.hidden_units[np.argmin(r.test_mse)] < 30


def test_curves_are_medians_of_the_repeats():
    r = double_descent_curve([3, 10, 12, 40], n_train=10, n_test=30, n_repeats=7, seed=2)
    np.testing.assert_array_equal(r.test_mse, np.median(r.test_runs, axis=0))
    np.testing.assert_array_equal(r.train_mse, np.median(r.train_runs, axis=0))
    # at p = n the repeats are heavy-tailed: a few wild draws pull the mean above the median
    assert r.test_runs[:, 1].mean() > 1.2 * r.test_mse[1]


def test_grid_entries_equal_the_curves():
    widths = hidden_unit_widths(8, 60)
    grid = double_descent_grid(widths, [0.0, 0.4], [0.0, 1e-3], n_train=8, n_test=40,
                               n_repeats=6, seed=5)
    for i, noise in enumerate(grid.noises):
        for j, lam in enumerate(grid.lams):
            r = double_descent_curve(widths, n_train=8, noise=noise, lam=lam, n_test=40,
                                     n_repeats=6, seed=5)
            np.testing.assert_allclose(grid.test_mse[i, j], r.test_mse, rtol=1e-7, atol=1e-9)
            np.testing.assert_allclose(grid.train_mse[i, j], r.train_mse, rtol=1e-7, atol=1e-9)
    assert grid.test_runs.shape == (2, 6, 2, widths.size)


def test_hidden_unit_widths():
    w = hidden_unit_widths(30, 1200)
    assert w[0] == 1 and w[-1] == 1200 and np.all(np.diff(w) > 0)
    assert set(range(1, 61)) <= set(w.tolist())              # every width up to 2 n
    ratios = w[w >= 60][1:] / w[w >= 60][:-1]
    assert np.all((ratios > 1.05) & (ratios < 1.15))          # ~24 per factor of 10
    assert hidden_unit_widths(30, 40).tolist() == list(range(1, 41))
    with pytest.raises(ValueError, match="p_max"):
        hidden_unit_widths(30, 0)
    with pytest.raises(TypeError, match="n_train"):
        hidden_unit_widths(2.5, 10)


@pytest.mark.parametrize("lam", [1e-2, 1e-1])
def test_ridge_removes_the_peak(lam):
    plain = double_descent_curve(WIDTHS, n_train=30, seed=0)
    smooth = double_descent_curve(WIDTHS, n_train=30, lam=lam, seed=0)
    at = WIDTHS == 30
    assert plain.test_mse[at] > 20 * smooth.test_mse[at]
    assert smooth.test_mse.max() < 1.5 * smooth.test_mse[0]   # no bump above the 1-unit fit


def _direct_fit(H, y, H_test, p, lam):
    if lam == 0.0:
        beta = np.linalg.lstsq(H[:, :p], y, rcond=None)[0]
    else:
        A = H[:, :p]
        beta = np.linalg.solve(A.T @ A + H.shape[0] * lam * np.eye(p), A.T @ y)
    return H[:, :p] @ beta, H_test[:, :p] @ beta


@pytest.mark.parametrize("lam", [0.0, 0.05])
def test_fast_fits_match_direct_solves(lam):
    rng = np.random.default_rng(4)
    X = rng.standard_normal((25 + 60, 5))
    y = target_function(X) + 0.3 * rng.standard_normal(85)
    W, b = random_relu_layer(5, 70, X[:25], rng=rng)
    H = np.maximum(X @ W + b, 0.0)
    widths = np.array([50, 1, 7, 24, 25, 26, 70, 3])        # unsorted on purpose
    Y = np.stack([y[:25], rng.standard_normal(25)], axis=1)      # two target columns at once
    train, test = _fit_widths(H[:25], Y, H[25:], widths, lam)
    assert train.shape == (8, 25, 2) and test.shape == (8, 60, 2)
    for i, p in enumerate(widths):
        for t in range(2):
            tr, te = _direct_fit(H[:25], Y[:, t], H[25:], p, lam)
            np.testing.assert_allclose(train[i, :, t], tr, atol=1e-7)
            np.testing.assert_allclose(test[i, :, t], te, rtol=1e-6, atol=1e-6)


def test_min_norm_beyond_the_threshold():
    # for p > n the fit is the minimum-norm interpolant: the same as pinv
    rng = np.random.default_rng(5)
    X = rng.standard_normal((10 + 5, 5))
    y = rng.standard_normal(15)
    W, b = random_relu_layer(5, 40, X[:10], rng=rng)
    H = np.maximum(X @ W + b, 0.0)
    _, test = _fit_widths(H[:10], y[:10, None], H[10:], np.array([40]), 0.0)
    np.testing.assert_allclose(test[0, :, 0], H[10:] @ (np.linalg.pinv(H[:10]) @ y[:10]), atol=1e-8)


def test_random_layer_has_no_dead_units_on_the_live_set():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((6, 5))          # few points: dead units are common unless redrawn
    W, b = random_relu_layer(5, 2000, X, seed=1)
    assert W.shape == (5, 2000) and b.shape == (2000,)
    assert np.all(np.any(X @ W + b > 0, axis=0))
    W0, b0 = random_relu_layer(5, 2000, seed=1)
    assert np.any(np.all(X @ W0 + b0 <= 0, axis=0))          # without X_live some are dead


def test_shapes_and_determinism():
    a = double_descent_curve([5, 1, 12], n_train=8, n_test=20, n_repeats=3, seed=9)
    b = double_descent_curve([5, 1, 12], n_train=8, n_test=20, n_repeats=3, seed=9)
    c = double_descent_curve([5, 1, 12], n_train=8, n_test=20, n_repeats=3,
                             rng=np.random.default_rng(9))
    assert a.train_runs.shape == a.test_runs.shape == (3, 3)
    assert a.hidden_units.tolist() == [5, 1, 12]
    np.testing.assert_array_equal(a.test_runs, b.test_runs)
    np.testing.assert_array_equal(a.test_runs, c.test_runs)
    np.testing.assert_allclose(a.test_mse, np.median(a.test_runs, axis=0))
    assert (a.n_train, a.noise, a.lam) == (8, 0.3, 0.0)
    other = double_descent_curve([5, 1, 12], n_train=8, n_test=20, n_repeats=3, seed=10)
    assert not np.array_equal(a.test_runs, other.test_runs)


def test_noise_free_target_large_width_learns():
    r = double_descent_curve([200], n_train=40, noise=0.0, n_repeats=5, seed=0)
    assert r.test_mse[0] < 0.5 * np.var(target_function(np.random.default_rng(0)
                                                         .standard_normal((2000, 5))))


def test_target_function():
    np.testing.assert_allclose(target_function([[1.0, 2.0, 7.0], [-3.0, 1.0, 0.0]]),
                               [2.5, -0.5])
    with pytest.raises(ValueError, match="X"):
        target_function([[1.0], [2.0]])


@pytest.mark.parametrize("kwargs, err, match", [
    (dict(hidden_units=[]), ValueError, "hidden_units"),
    (dict(hidden_units=[0, 3]), ValueError, "hidden_units"),
    (dict(hidden_units=[2.5]), ValueError, "hidden_units"),
    (dict(hidden_units=None), TypeError, "hidden_units"),
    (dict(hidden_units=[3], n_train=1), ValueError, "n_train"),
    (dict(hidden_units=[3], n_test=0), ValueError, "n_test"),
    (dict(hidden_units=[3], noise=-1.0), ValueError, "noise"),
    (dict(hidden_units=[3], lam=-0.1), ValueError, "lam"),
    (dict(hidden_units=[3], lam=float("inf")), ValueError, "lam"),
    (dict(hidden_units=[3], n_inputs=1), ValueError, "n_inputs"),
    (dict(hidden_units=[3], n_repeats=0), ValueError, "n_repeats"),
    (dict(hidden_units=[3], n_repeats=2.0), TypeError, "n_repeats"),
    (dict(hidden_units=[3], seed="a"), TypeError, "seed"),
])
def test_bad_arguments(kwargs, err, match):
    with pytest.raises(err, match=match):
        double_descent_curve(**kwargs)


def test_random_layer_bad_arguments():
    with pytest.raises(ValueError, match="n_hidden"):
        random_relu_layer(3, 0)
    with pytest.raises(ValueError, match="X_live"):
        random_relu_layer(3, 4, X_live=np.ones((5, 2)))
    with pytest.raises(ValueError, match="X_live"):
        random_relu_layer(3, 4, X_live=np.full((5, 3), np.nan))


# ----- double_descent_grid: every (noise, ridge) pair from two fits per ridge -----

@pytest.mark.parametrize("seed", [0, 3])
def test_grid_matches_the_curve_at_every_setting(seed):
    from lecture_lib.topics.double_descent import double_descent_grid
    widths, noises, lams = np.arange(1, 51, 3), [0.0, 0.25, 1.0], [0.0, 1e-5, 0.1]
    grid = double_descent_grid(widths, noises, lams, n_train=20, n_test=50, n_repeats=2,
                               seed=seed)
    assert grid.test_mse.shape == grid.train_mse.shape == (3, 3, widths.size)
    for i, noise in enumerate(noises):
        for j, lam in enumerate(lams):
            curve = double_descent_curve(widths, n_train=20, n_test=50, noise=noise,
                                         lam=lam, n_repeats=2, seed=seed)
            np.testing.assert_allclose(grid.test_mse[i, j], curve.test_mse, rtol=1e-8)
            np.testing.assert_allclose(grid.train_mse[i, j], curve.train_mse, rtol=1e-8,
                                       atol=1e-20)


def test_grid_mse_is_quadratic_in_the_noise():
    from lecture_lib.topics.double_descent import double_descent_grid
    grid = double_descent_grid([5, 20, 40], [0.0, 0.5, 1.0, 2.0], [0.0], n_train=20,
                               n_test=40, n_repeats=1, seed=1)
    t = grid.test_mse[:, 0]
    # a + 2 b s + c s^2 through s = 0, 1, 2 predicts s = 0.5
    predicted = 0.375 * t[0] + 0.75 * t[2] - 0.125 * t[3]
    np.testing.assert_allclose(t[1], predicted, rtol=1e-9)
    assert np.all(grid.test_mse[-1] > grid.test_mse[0])


@pytest.mark.parametrize("kwargs, match", [
    (dict(noises=[-0.1]), "noises"), (dict(lams=[0.0, -1.0]), "lams"),
    (dict(noises=[[0.1]]), "noises"), (dict(lams=[]), "lams"),
    (dict(hidden_units=[0]), "hidden_units"), (dict(n_repeats=0), "n_repeats"),
])
def test_grid_bad_arguments(kwargs, match):
    from lecture_lib.topics.double_descent import double_descent_grid
    args = dict(hidden_units=[3], noises=[0.1], lams=[0.0]) | kwargs
    with pytest.raises(ValueError, match=match):
        double_descent_grid(**args)


@pytest.mark.parametrize("kwargs, match", [
    (dict(noises=[], lams=[0.0]), "noises"),
    (dict(noises=[0.1], lams=[np.nan]), "lams"),
    (dict(noises=[np.inf], lams=[0.0]), "noises"),
])
def test_grid_rejects_empty_and_non_finite_values(kwargs, match):
    with pytest.raises(ValueError, match=match):
        double_descent_grid([1, 2], n_train=4, n_test=5, n_repeats=1, **kwargs)


# ----- the readout of the live figure -----

def test_readout_names_the_winning_side():
    w = np.array([1, 2, 3, 4, 5, 6, 8, 10, 20])
    te = np.array([0.9, 0.6, 0.7, 5.0, 9.0, 4.0, 0.8, 0.5, 0.4])
    m = summarize_curves(w, te, np.zeros(9), 4, 0.09)
    assert (m.best, m.under, m.over, m.peak) == (20, 2, 20, 5)
    text = describe_curves(m)
    assert "lowest test MSE = 0.400 at p = 20 (over-parameterised, p > n)" in text
    assert "best with p < n = 0.600 at p = 2" in text and "peak test MSE = 9.00 at p = 5" in text
    smooth = np.array([0.9, 0.3, 0.5, 0.6, 0.7, 0.7, 0.8, 0.8, 0.9])
    m = summarize_curves(w, smooth, np.zeros(9), 4)
    assert m.best == 2 and m.peak is None
    assert "(under-parameterised, p < n)" in describe_curves(m)


def test_threshold_line_names_the_peak_and_both_sides():
    w = np.array([1, 2, 3, 4, 5, 6, 8, 10, 20])
    te = np.array([0.9, 0.6, 0.7, 5.0, 9.0, 4.0, 0.8, 0.5, 0.4])
    m = summarize_curves(w, te, np.r_[np.full(3, 0.2), np.zeros(6)], 4)
    assert describe_threshold(m) == ("n = 4: peak at p = 5, train MSE at p = n 0.0000; best test MSE "
                                     "with p < n 0.60, with p > n 0.40")


def test_readouts_in_spanish_keep_their_numbers_and_lines():
    w = np.array([1, 2, 3, 4, 5, 6, 8, 10, 20])
    te = np.array([0.9, 0.6, 0.7, 5.0, 9.0, 4.0, 0.8, 0.5, 0.4])
    m = summarize_curves(w, te, np.zeros(9), 4, 0.09)
    english = describe_curves(m)
    try:
        set_language("es")
        text, line = describe_curves(m), describe_threshold(m)
    finally:
        set_language("en")
    assert describe_curves(m) == english
    assert text.splitlines() == [
        "menor MSE de prueba = 0.400 en p = 20 (sobreparametrizada, p > n)",
        "mejor con p < n = 0.600 en p = 2", "mejor con p > n = 0.400 en p = 20",
        "pico del MSE de prueba = 9.00 en p = 5", "puntos de entrenamiento n = 4",
        "MSE de entrenamiento en p = n: 0.0000", "piso de ruido σ² = 0.09"]
    assert line.startswith("n = 4: pico en p = 5; MSE de entrenamiento en p = n: 0.0000;")


def test_curve_summary_is_frozen_and_reports_missing_sides_as_none():
    m = summarize_curves([10, 20, 30], [1.0, 2.0, 0.5], [0.1, 0.0, 0.0], 5)
    assert isinstance(m, CurveSummary) and m.under is None and np.isnan(m.under_mse)
    assert np.isnan(m.at_n) and np.isnan(m.noise_variance) and m.best == 30
    with pytest.raises(AttributeError):
        m.best = 10
