"""Tests for the line fits of lecture_lib.fitting used by notebook 09 (with topics.losses data):
exact MSE/MAE lines, robustness and bad input."""

import doctest
from itertools import combinations

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from lecture_lib import line_fit as F
from lecture_lib.fitting import linear_loss
from lecture_lib.topics import losses as R

values = st.floats(-10.0, 10.0, allow_nan=False)


def test_docstring_examples_run():
    assert doctest.testmod(R).failed == 0


def brute_force_mae(x, y):
    """Smallest MAE over every line through two data points (an optimal line is one of them).

    Pairs closer in x than the rounding of the spread are skipped, as in fit_line: their
    slope overflows, and such a near-vertical line is never optimal.
    """
    best = np.inf
    for i, j in combinations(range(len(x)), 2):
        if abs(x[j] - x[i]) > np.finfo(float).eps * np.ptp(x):
            w = (y[j] - y[i]) / (x[j] - x[i])
            best = min(best, np.mean(np.abs(y - w * x - (y[i] - w * x[i]))))
    return best


@st.composite
def samples(draw):
    n = draw(st.integers(3, 12))
    x = draw(hnp.arrays(np.float64, n, elements=values, unique=True))
    y = draw(hnp.arrays(np.float64, n, elements=values))
    return x, y


@settings(max_examples=60, deadline=None)
@given(samples())
@example((np.array([0.0, 1.0, 6.0, 2.2e-309]), np.array([-3.5625, -3.5, -3.5, -3.5])))
@example((np.array([0.0, 1.0, 2.2e-313]), np.array([0.0, 1.0, 1.0])))
def test_mae_line_is_optimal(data):
    x, y = data
    w, b = F.fit_line(x, y, "mae")
    assert linear_loss(x, y, w, b, "mae") <= brute_force_mae(x, y) + 1e-9


@settings(deadline=None)
@given(samples())
def test_mse_line_matches_least_squares_and_zero_gradient(data):
    x, y = data
    w, b = F.fit_line(x, y, "mse")
    best = np.linalg.lstsq(np.column_stack([x, np.ones_like(x)]), y, rcond=None)[0]
    np.testing.assert_allclose([w, b], best, atol=1e-8 * (1 + np.abs(best).max()))
    r = w * x + b - y
    assert abs(np.sum(r)) < 1e-8 * (1 + np.abs(y).sum())


@given(samples(), values)
def test_best_intercept_is_mean_or_median(data, w):
    x, y = data
    assert F.best_intercept(x, y, w, "mse") == pytest.approx(np.mean(y - w * x))
    assert F.best_intercept(x, y, w, "mae") == pytest.approx(np.median(y - w * x))


def test_mae_ignores_an_outlier_that_drags_mse():
    slopes = {loss: [F.fit_line(*R.data_with_outlier(20, s), loss)[0] for s in (-20, 0, 20)]
              for loss in ("mse", "mae")}
    assert np.ptp(slopes["mae"]) < 0.05
    assert np.ptp(slopes["mse"]) > 0.8
    assert abs(slopes["mae"][1] - 0.5) < 0.1


def test_data_with_outlier_moves_only_the_last_point():
    x0, y0 = R.data_with_outlier(10, 0.0, seed=3)
    x1, y1 = R.data_with_outlier(10, 7.5, seed=3)
    np.testing.assert_array_equal(x0, x1)
    np.testing.assert_allclose(y1 - y0, [0] * 9 + [7.5])


def test_describe_fits_lines():
    text = R.describe_fits(*R.data_with_outlier(20, 15.0))
    lines = text.splitlines()
    assert lines[0].startswith("MSE line: slope w = ") and lines[1].startswith("MAE line: ")
    w, b = F.fit_line(*R.data_with_outlier(20, 15.0), "mae")
    assert lines[1] == f"MAE line: slope w = {w:.2f}, intercept b = {b:.2f}"


@pytest.mark.parametrize("call, err, name", [
    (lambda: F.fit_line([1.0, 1.0], [0.0, 1.0]), ValueError, "two different"),
    (lambda: F.fit_line([0.0, 1.0], [0.0]), ValueError, "same number of samples"),
    (lambda: F.fit_line([0.0, 1.0], [0.0, 1.0], "huber"), ValueError, "loss"),
    (lambda: F.fit_line([0.0, np.nan], [0.0, 1.0]), ValueError, "x"),
    (lambda: F.fit_line("ab", [0.0, 1.0]), TypeError, "x"),
    (lambda: F.best_intercept([0.0, 1.0], [0.0, 1.0], "1"), TypeError, "w"),
    (lambda: linear_loss([0.0, 1.0], [0.0, 1.0], 1.0, np.inf), ValueError, "b"),
    (lambda: R.data_with_outlier(2), ValueError, "n_samples"),
    (lambda: R.data_with_outlier(10, noise=-1.0), ValueError, "noise"),
    (lambda: R.data_with_outlier(10, seed=-1), ValueError, "seed"),
])
def test_bad_input_names_the_argument(call, err, name):
    with pytest.raises(err, match=name):
        call()
