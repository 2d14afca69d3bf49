"""Tests for lecture_lib.topics.descent: recorded paths, the learning-rate regimes and the 2/L'' threshold."""

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lecture_lib.topics import descent
from lecture_lib.topics.descent import (REGIMES, DescentPath, descent_path, divergence_threshold,
                                 regime, sgd_path)
from lecture_lib.fitting import curvature_w, least_squares, line_data, mse_objective
from lecture_lib.networks import Network
from lecture_lib.training import GD, SGD, Adam, Momentum, train

X, Y = line_data(20, seed=3)


def quadratic(curvature, minimum=1.0):
    """L(w) = ½ L'' (w − w*)², with slope L'' (w − w*)."""
    return lambda w: (0.5 * curvature * float((w[0] - minimum) ** 2),
                      curvature * (w - minimum))


def test_docstring_examples_run():
    assert doctest.testmod(descent).failed == 0


def test_gd_path_follows_the_update_rule_by_hand():
    objective = mse_objective(X, Y)
    path = descent_path(objective, [0.5, -1.0], GD(0.03), steps=5)
    assert isinstance(path, DescentPath) and path.params.shape == (6, 2)
    theta = np.array([0.5, -1.0])
    for t in range(5):
        L, g = objective(theta)
        assert path.loss[t] == pytest.approx(L)
        theta = theta - 0.03 * g            # w(t+1) = w(t) − η dL/dw
        np.testing.assert_allclose(path.params[t + 1], theta)
    assert not path.diverged and path.n_updates == 5


def test_momentum_and_adam_paths_match_their_optimisers_step_by_step():
    objective = mse_objective(X, Y)
    for make in (lambda: Momentum(0.02, beta=0.9), lambda: Adam(0.1)):
        path = descent_path(objective, [2.0, 3.0], make(), steps=12)
        opt, theta = make(), np.array([2.0, 3.0])
        for t in range(12):
            opt.step([theta], [objective(theta)[1]])
            np.testing.assert_allclose(path.params[t + 1], theta, rtol=1e-12)


def test_optimiser_state_is_reset_between_paths():
    opt, objective = Momentum(0.02), mse_objective(X, Y)
    first = descent_path(objective, [2.0, 3.0], opt, steps=10)
    again = descent_path(objective, [2.0, 3.0], opt, steps=10)
    np.testing.assert_array_equal(first.params, again.params)


def test_zero_steps_gives_the_start():
    path = descent_path(quadratic(2.0), [4.0], GD(0.1), steps=0)
    assert path.params.tolist() == [[4.0]] and path.loss.tolist() == [9.0]


@settings(max_examples=60, deadline=None)
@given(st.floats(0.1, 50.0), st.floats(0.01, 0.98))
def test_each_step_multiplies_the_distance_by_one_minus_eta_curvature(curvature, fraction):
    eta = fraction * 2.0 / curvature
    path = descent_path(quadratic(curvature), [3.0], GD(eta), steps=6)
    distance = path.params[:, 0] - 1.0
    np.testing.assert_allclose(distance[1:], (1 - eta * curvature) * distance[:-1],
                               rtol=1e-9, atol=1e-12)


@settings(max_examples=40, deadline=None)
@given(st.floats(0.1, 50.0))
def test_lecture_claim_divergence_threshold_is_two_over_curvature(curvature):
    threshold = divergence_threshold(curvature)
    assert threshold == pytest.approx(2.0 / curvature)
    below = descent_path(quadratic(curvature), [3.0], GD(0.95 * threshold), steps=200)
    above = descent_path(quadratic(curvature), [3.0], GD(1.05 * threshold), steps=200)
    assert abs(below.params[-1, 0] - 1.0) < 2.0 * 1e-3
    assert abs(above.params[-1, 0] - 1.0) > 2.0 * 10.0
    assert regime(0.95 * threshold, curvature) == "oscillating"
    assert regime(1.05 * threshold, curvature) == "diverging"


def test_notebook_threshold_on_the_linear_model():
    # With b fixed, L(w) is a parabola with L'' = (2/N) Σ x²: checked by finite differences.
    w_star, b_star = least_squares(X, Y)
    objective = mse_objective(X, Y, b=b_star)
    curvature, h = curvature_w(X), 1e-3
    numeric = (objective([0.3 + h])[0] - 2 * objective([0.3])[0] + objective([0.3 - h])[0]) / h**2
    assert curvature == pytest.approx(numeric, rel=1e-6)
    eta_max = divergence_threshold(curvature)
    ok = descent_path(objective, [-1.0], GD(0.98 * eta_max), steps=100).params[-1, 0]
    bad = descent_path(objective, [-1.0], GD(1.02 * eta_max), steps=100).params[-1, 0]
    assert abs(ok - w_star) < 0.1 < 10 < abs(bad - w_star)


def test_regimes_at_their_boundaries():
    assert [regime(r, 1.0) for r in (0.1, 0.5, 1.0, 1.5, 2.0, 2.1)] == \
        ["slow", "good", "good", "oscillating", "oscillating", "diverging"]
    assert set(REGIMES) == {"slow", "good", "oscillating", "diverging"}


def test_blowup_stops_a_diverging_run():
    path = descent_path(quadratic(1.0), [3.0], GD(3.0), steps=500, blowup=1e3)
    assert path.diverged and path.n_updates < 500
    assert np.abs(path.params[-1]).max() > 1e3 and np.all(np.isfinite(path.loss))


def test_sgd_path_lands_where_train_lands():
    for batch_size in (1, 3, 4, 20):
        net = Network((1, 1), output_activation="linear")
        net.weights[0][0, 0], net.biases[0][0] = 2.2, 3.5
        train(net, X, Y, "mse", SGD(0.05), epochs=4, batch_size=batch_size, seed=7)
        path = sgd_path(X, Y, SGD(0.05), (2.2, 3.5), epochs=4, batch_size=batch_size, seed=7)
        np.testing.assert_allclose(path.params[-1], [net.weights[0].item(),
                                                     net.biases[0].item()], rtol=1e-10)


def test_sgd_path_counts_updates_and_epochs():
    path = sgd_path(X, Y, SGD(0.01), (0.0, 0.0), epochs=3, batch_size=6)
    per_epoch = int(np.ceil(20 / 6))           # 4 batches: 6, 6, 6, 2
    assert path.n_updates == 3 * per_epoch
    assert path.epoch_ends == (4, 8, 12)
    w, b = path.params[5]
    assert path.loss[5] == pytest.approx(np.mean((b + w * X - Y) ** 2))


def test_full_batch_sgd_path_is_gradient_descent():
    sgd = sgd_path(X, Y, SGD(0.04), (2.0, 3.0), epochs=6)
    gd = descent_path(mse_objective(X, Y), [2.0, 3.0], GD(0.04), steps=6)
    np.testing.assert_allclose(sgd.params, gd.params, rtol=1e-12)
    np.testing.assert_allclose(sgd.loss, gd.loss, rtol=1e-12)


@pytest.mark.parametrize("call, error, match", [
    (lambda: descent_path(quadratic(1.0), [1.0], "GD", 3), TypeError, "optimizer"),
    (lambda: descent_path(quadratic(1.0), [1.0], GD(0.1), -1), ValueError, "steps"),
    (lambda: descent_path(quadratic(1.0), [[1.0]], GD(0.1), 3), ValueError, "start"),
    (lambda: descent_path(quadratic(1.0), [np.nan], GD(0.1), 3), ValueError, "start"),
    (lambda: descent_path("f", [1.0], GD(0.1), 3), TypeError, "objective"),
    (lambda: descent_path(quadratic(1.0), [1.0], GD(0.1), 3, blowup=0), ValueError, "blowup"),
    (lambda: sgd_path(X, Y, SGD(0.1), (0, 0), 1, batch_size=21), ValueError, "batch_size"),
    (lambda: sgd_path(X, Y, SGD(0.1), (0, 0), 0), ValueError, "epochs"),
    (lambda: sgd_path(X, Y, SGD(0.1), (0, 0, 0), 1), ValueError, "start"),
    (lambda: sgd_path(X, Y[:5], SGD(0.1), (0, 0), 1), ValueError, "same number"),
    (lambda: divergence_threshold(0.0), ValueError, "curvature"),
    (lambda: regime(-0.1, 1.0), ValueError, "eta"),
    (lambda: regime(0.1, "a"), TypeError, "curvature"),
])
def test_bad_input_names_the_argument(call, error, match):
    with pytest.raises(error, match=match):
        call()
