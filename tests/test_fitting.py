"""Tests for lecture_lib.fitting: the linear model's loss, error surface and least squares."""

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from lecture_lib import fitting
from lecture_lib.fitting import (PRACTICE_X, PRACTICE_Y, curvature_w, error_surface,
                                 least_squares, mse_objective,
                                 line_data, linear_loss, mse_gradient, surface_minimum)
from lecture_lib.networks import Network

finite = st.floats(-10, 10, allow_nan=False)
samples = st.integers(2, 15).flatmap(lambda n: st.tuples(
    hnp.arrays(np.float64, n, elements=finite), hnp.arrays(np.float64, n, elements=finite)))


def test_docstring_examples_run():
    assert doctest.testmod(fitting).failed == 0


def test_line_data_is_seeded_and_has_the_right_shapes():
    x1, y1 = line_data(12, seed=5)
    x2, y2 = line_data(12, seed=5)
    assert x1.shape == y1.shape == (12,)
    np.testing.assert_array_equal(x1, x2)
    np.testing.assert_array_equal(y1, y2)
    assert not np.array_equal(line_data(12, seed=6)[0], x1)


def test_line_data_without_noise_lies_on_the_line():
    x, y = line_data(7, w=-1.5, b=2.0, noise=0.0, x_range=(1.0, 2.0))
    np.testing.assert_allclose(y, 2.0 - 1.5 * x)
    assert np.all((x >= 1.0) & (x <= 2.0))


def test_linear_loss_by_hand():
    x, y = [0.0, 2.0, 4.0], [1.0, 4.0, 2.0]
    # ŷ = 1 + 0.5 x = 1, 2, 3; residuals 0, -2, 1
    assert linear_loss(x, y, 0.5, 1.0) == pytest.approx(5 / 3)
    assert linear_loss(x, y, 0.5, 1.0, "mae") == pytest.approx(1.0)


def test_practice_points_at_the_start_values():
    # ŷ = x: residuals -1.1, -0.9, -1.2, -0.8, -1.0 → mean of squares 1.02
    assert linear_loss(PRACTICE_X, PRACTICE_Y, 1.0, 0.0) == pytest.approx(1.02)


@settings(max_examples=40, deadline=None)
@given(samples, finite, finite)
def test_mse_gradient_matches_finite_differences(data, w, b):
    x, y = data
    L, dw, db = mse_gradient(x, y, w, b)
    h = 1e-6
    assert pytest.approx(linear_loss(x, y, w, b)) == L
    num_w = (linear_loss(x, y, w + h, b) - linear_loss(x, y, w - h, b)) / (2 * h)
    num_b = (linear_loss(x, y, w, b + h) - linear_loss(x, y, w, b - h)) / (2 * h)
    assert dw == pytest.approx(num_w, rel=1e-5, abs=1e-4)
    assert db == pytest.approx(num_b, rel=1e-5, abs=1e-4)


def test_mse_gradient_matches_the_network_backprop():
    x, y = line_data(9, seed=2)
    net = Network.from_weights([(np.array([[0.3]]), np.array([-0.7]))],
                               output_activation="linear")
    value, [(dW, db)] = net.gradients(x, y, "mse")
    L, gw, gb = mse_gradient(x, y, 0.3, -0.7)
    assert pytest.approx(value) == L
    assert gw == pytest.approx(dW.item())
    assert gb == pytest.approx(db.item())


def test_error_surface_entries_are_the_loss_at_each_grid_point():
    x, y = line_data(6, seed=1)
    w_grid, b_grid = np.linspace(-1, 2, 4), np.linspace(0, 3, 5)
    for loss in ("mse", "mae"):
        S = error_surface(x, y, w_grid, b_grid, loss)
        assert S.shape == (5, 4)
        for i, b in enumerate(b_grid):
            for j, w in enumerate(w_grid):
                assert S[i, j] == pytest.approx(linear_loss(x, y, w, b, loss))


def test_lecture_claim_surface_minimum_matches_least_squares():
    # The notebook's data: the best (w*, b*) read off the surface is the least-squares fit.
    x, y = line_data(20, seed=3)
    w_ls, b_ls = least_squares(x, y)
    w, b, L = surface_minimum(x, y, np.linspace(-1, 2.5, 351), np.linspace(-2, 4, 601))
    assert abs(w - w_ls) <= 0.005 + 1e-12 and abs(b - b_ls) <= 0.005 + 1e-12
    assert pytest.approx(linear_loss(x, y, w, b)) == L
    assert linear_loss(x, y, w_ls, b_ls) <= L


@settings(max_examples=40, deadline=None)
@given(samples)
def test_least_squares_zeroes_the_gradient_and_matches_lstsq(data):
    x, y = data
    if np.ptp(x) < 1e-3:
        return
    w, b = least_squares(x, y)
    _, dw, db = mse_gradient(x, y, w, b)
    assert abs(dw) < 1e-6 * (1 + np.abs(x).max() * np.abs(y).max())
    assert abs(db) < 1e-6 * (1 + np.abs(y).max())
    coef = np.linalg.lstsq(np.column_stack([x, np.ones_like(x)]), y, rcond=None)[0]
    np.testing.assert_allclose([w, b], coef, rtol=1e-6, atol=1e-6)


def test_least_squares_recovers_a_noiseless_line():
    x, y = line_data(5, w=2.5, b=-1.0, noise=0.0)
    assert least_squares(x, y) == pytest.approx((2.5, -1.0))


def test_column_inputs_are_accepted():
    x, y = line_data(6, seed=4)
    assert least_squares(x[:, None], y[:, None]) == pytest.approx(least_squares(x, y))


@pytest.mark.parametrize("call, match", [
    (lambda: linear_loss([1, 2], [1, 2, 3], 0, 0), "same number of samples"),
    (lambda: linear_loss([1, 2], [1, 2], 0, 0, "huber"), "loss"),
    (lambda: linear_loss([[1, 2]], [1], 0, 0), "x must be 1-D or one column"),
    (lambda: linear_loss([1, np.nan], [1, 2], 0, 0), "x must contain only finite"),
    (lambda: linear_loss([], [], 0, 0), "x must not be empty"),
    (lambda: error_surface([1, 2], [1, 2], [[0.0]], [0.0]), "w_grid must be 1-D"),
    (lambda: least_squares([2.0, 2.0, 2.0], [1, 2, 3]), "two different values"),
    (lambda: line_data(0), "n_samples"),
    (lambda: line_data(5, noise=-1.0), "noise"),
    (lambda: line_data(5, x_range=(2.0, 1.0)), "x_range"),
])
def test_bad_input_raises_value_error_naming_the_argument(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_bad_types_raise_type_error():
    with pytest.raises(TypeError, match="x must be an array"):
        linear_loss("abc", [1.0], 0, 0)
    with pytest.raises(TypeError, match="n_samples"):
        line_data(2.5)
    with pytest.raises(TypeError, match="seed"):
        line_data(3, seed="a")


def test_mse_objective_matches_mse_gradient_for_both_and_fixed_b():
    x, y = line_data(9, seed=8)
    both, fixed = mse_objective(x, y), mse_objective(x, y, b=0.4)
    L, dw, db = mse_gradient(x, y, 1.3, 0.4)
    value, grad = both(np.array([1.3, 0.4]))
    assert value == pytest.approx(L) and grad == pytest.approx([dw, db])
    value, grad = fixed(np.array([1.3]))
    assert value == pytest.approx(L) and grad.shape == (1,) and grad[0] == pytest.approx(dw)


def test_curvature_w_is_the_second_derivative():
    x, y = line_data(9, seed=8)
    f, h = mse_objective(x, y, b=0.0), 1e-3
    numeric = (f([0.5 + h])[0] - 2 * f([0.5])[0] + f([0.5 - h])[0]) / h ** 2
    assert curvature_w(x) == pytest.approx(numeric, rel=1e-6)
    assert curvature_w([1.0, 3.0]) == pytest.approx(10.0)   # (2/2)(1 + 9)
    with pytest.raises(ValueError, match="b"):
        mse_objective(x, y, b=np.inf)
