"""Tests for lecture_lib.topics.depth: exact region counts, composition, the depth-vs-width claim,
activation scale against initialisation, and bad input named."""

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lecture_lib.topics import depth
from lecture_lib.regions import breakpoints, count_regions, region_boundaries
from lecture_lib.topics.depth import (activation_rms, budget_fit, compose, gradient_rms,
                                      random_relu_network, shallow_fit, shallow_width,
                                      tent_network)
from lecture_lib.networks import Network
from lecture_lib.shallow import lecture_relu_network




def test_docstring_examples_run():
    assert doctest.testmod(depth).failed == 0


def test_lecture_network_joints_and_regions():
    net = lecture_relu_network()
    np.testing.assert_allclose(breakpoints(net, -4, 4), [-2.0, 1.2, 2.0])
    assert count_regions(net, -4, 4) == 4
    assert count_regions(net, -4, 0) == 2   # only the joint at -2 lies inside


@pytest.mark.parametrize("L", range(1, 11))
def test_tent_network_has_two_to_the_L_regions(L):
    net = tent_network(L)
    assert count_regions(net, 0.0, 1.0) == 2 ** L
    assert net.n_parameters == 6 * L + 1
    np.testing.assert_allclose(region_boundaries(net, 0.0, 1.0), np.arange(1, 2 ** L) / 2 ** L,
                               atol=1e-12)


@pytest.mark.parametrize("L", range(1, 9))
def test_depth_multiplies_width_adds_for_the_same_budget(L):
    deep = tent_network(L)
    n = shallow_width(deep.n_parameters)
    assert 3 * n + 1 <= deep.n_parameters < 3 * (n + 1) + 1
    # a shallow network with n units has at most n + 1 regions, whatever its weights
    rng = np.random.default_rng(L)
    for _ in range(5):
        shallow = Network.from_weights([(rng.normal(size=(1, n)), rng.normal(size=n)),
                                        (rng.normal(size=(n, 1)), rng.normal(size=1))])
        assert count_regions(shallow, -5, 5) <= n + 1
    if L >= 3:
        assert count_regions(deep, 0.0, 1.0) > n + 1


def test_shallow_with_spread_joints_reaches_n_plus_one():
    n = 7
    joints = np.linspace(-0.9, 0.9, n)
    net = Network.from_weights([(np.ones((1, n)), -joints),
                                ((-1.0) ** np.arange(n)[:, None], np.zeros(1))])
    assert count_regions(net, -1, 1) == n + 1


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10_000), hidden=st.lists(st.integers(1, 6), min_size=1, max_size=4))
def test_exact_count_agrees_with_fine_grid(seed, hidden):
    net = random_relu_network((1, *hidden, 1), seed=seed)
    kinks = breakpoints(net, -2.0, 2.0)
    x = np.linspace(-2.0, 2.0, 20_001)
    y = net.forward(x[:, None])[:, 0]
    # between consecutive kinks the output is exactly linear: interpolation reproduces it
    t = np.concatenate([[-2.0], kinks, [2.0]])
    np.testing.assert_allclose(np.interp(x, t, net.forward(t[:, None])[:, 0]), y,
                               rtol=1e-9, atol=1e-9)
    assert count_regions(net, -2.0, 2.0) <= kinks.size + 1


def test_zero_weight_unit_adds_no_region():
    net = Network.from_weights([([[1.0, 1.0]], [0.0, -0.5]), ([[1.0], [0.0]], [0.0])])
    assert breakpoints(net, -1, 1).tolist() == [0.0, 0.5]
    assert count_regions(net, -1, 1) == 2


def test_compose_equals_feeding_one_into_the_other():
    inner = Network.from_weights([([[1.0, 1.0, 1.0]], [1.0, 1 / 3, -1 / 3]),
                                  ([[3.0], [-6.0], [6.0]], [-1.0])])
    outer = Network.from_weights([([[-1.0, 1.0]], [-0.3, -0.4]), ([[1.5], [2.0]], [-0.5])])
    both = compose(inner, outer)
    x = np.linspace(-1, 1, 101)[:, None]
    np.testing.assert_allclose(both.forward(x), outer.forward(inner.forward(x)), atol=1e-12)
    assert both.layer_sizes == (1, 3, 2, 1)
    assert (count_regions(inner, -1, 1), count_regions(outer, -1, 1)) == (3, 3)
    assert count_regions(both, -1, 1) == 9


def test_shallow_fit_reproduces_a_shallow_function():
    x = np.linspace(0, 1, 401)
    y = np.maximum(x - 0.375, 0) - 2 * np.maximum(x - 0.625, 0) + 0.3
    fit = shallow_fit(x, y, 4, 0.0, 1.0)        # joints at 0.125, 0.375, 0.625, 0.875
    np.testing.assert_allclose(fit.forward(x[:, None])[:, 0], y, atol=1e-6)
    assert fit.n_parameters == 13


@pytest.mark.parametrize("gain, direction", [(1.0, "vanish"), (2.0, "explode")])
def test_activation_scale_follows_g_over_root_two(gain, direction):
    rms = activation_rms(40, gain, width=128, n_samples=128, seed=1)
    predicted = rms[0] * (gain / np.sqrt(2)) ** 40
    assert 0.1 < rms[-1] / predicted < 10
    assert (rms[-1] < 1e-4) if direction == "vanish" else (rms[-1] > 1e4)


def test_he_gain_keeps_the_scale():
    rms = activation_rms(50, np.sqrt(2), width=128, n_samples=128)
    assert np.all((rms > 0.1) & (rms < 10))


def test_activation_rms_is_deterministic_and_prefix_consistent():
    a, b = activation_rms(30, 1.3, seed=5), activation_rms(10, 1.3, seed=5)
    np.testing.assert_array_equal(a[:11], b)
    assert a.shape == (31,)


@pytest.mark.parametrize("gain, direction", [(1.0, "vanish"), (2.0, "explode")])
def test_backward_deltas_follow_g_over_root_two_from_the_top_down(gain, direction):
    grad = gradient_rms(40, gain, width=128, n_samples=128, seed=1)
    assert grad.shape == (40,)
    predicted = grad[-1] * (gain / np.sqrt(2)) ** 39
    assert 0.1 < grad[0] / predicted < 10
    assert (grad[0] < 1e-4 * grad[-1]) if direction == "vanish" else (grad[0] > 1e4 * grad[-1])


def test_he_gain_keeps_the_deltas_and_the_deltas_equal_backprop():
    grad = gradient_rms(50, np.sqrt(2), width=128, n_samples=128)
    assert np.all((grad > 0.1) & (grad < 10))
    # the same stack (inputs, then the weights, drawn in order from the seed) through the
    # backward pass of notebook 11 written out: the same deltas
    rng = np.random.default_rng(7)
    X, weights = rng.standard_normal((5, 8)), [rng.standard_normal((8, 8)) for _ in range(3)]
    layers = [(W * (1.3 / np.sqrt(8)), np.zeros(8)) for W in weights]
    net = Network.from_weights(layers + [(np.eye(8), np.zeros(8))])
    top = np.random.default_rng(8).standard_normal((5, 8))
    trace = net.forward_trace(X)
    delta = top * (trace[3][0] > 0)
    deltas = [delta]
    for l in (2, 1):
        delta = (delta @ net.weights[l].T) * (trace[l][0] > 0)
        deltas.append(delta)
    expected = [float(np.sqrt(np.mean(d * d))) for d in deltas[::-1]]
    np.testing.assert_allclose(gradient_rms(3, 1.3, width=8, n_samples=5, seed=7), expected)


def test_random_network_biases_are_seeded():
    a, b = random_relu_network((1, 3, 1), seed=2), random_relu_network((1, 3, 1), seed=2)
    np.testing.assert_array_equal(a.biases[0], b.biases[0])
    assert np.any(a.biases[0] != 0)


@pytest.mark.parametrize("call, error, name", [
    (lambda: breakpoints("net", 0, 1), TypeError, "network"),
    (lambda: breakpoints(Network((2, 3, 1)), 0, 1), ValueError, "1 input"),
    (lambda: breakpoints(Network((1, 3, 1), "tanh"), 0, 1), ValueError, "piecewise-linear"),
    (lambda: breakpoints(tent_network(2), 1, 0), ValueError, "x_min"),
    (lambda: breakpoints(tent_network(2), np.nan, 1), ValueError, "x_min"),
    (lambda: count_regions(tent_network(2), 0, 1, tol=-1), ValueError, "tol"),
    (lambda: tent_network(0), ValueError, "depth"),
    (lambda: tent_network(2.5), TypeError, "depth"),
    (lambda: compose(tent_network(1), "net"), TypeError, "outer"),
    (lambda: compose(Network((1, 2, 2)), tent_network(1)), ValueError, "inputs"),
    (lambda: compose(Network((1, 2, 1), output_activation="sigmoid"), tent_network(1)),
     ValueError, "linear output"),
    (lambda: compose(Network((1, 2, 1), "tanh"), tent_network(1)), ValueError, "activation"),
    (lambda: shallow_width(3), ValueError, "n_parameters"),
    (lambda: shallow_fit([0, 1], [0], 2, 0, 1), ValueError, "same length"),
    (lambda: shallow_fit([0, 1], [0, 1], 0, 0, 1), ValueError, "n_units"),
    (lambda: shallow_fit([0, 1], [0, 1], 2, 0, 1, joints=[0.5]), ValueError, "joints"),
    (lambda: activation_rms(0, 1.0), ValueError, "depth"),
    (lambda: activation_rms(5, 0.0), ValueError, "gain"),
    (lambda: activation_rms(5, 1.0, width=0), ValueError, "width"),
    (lambda: random_relu_network((1, 2, 1), bias_scale=-1), ValueError, "bias_scale"),
])
def test_bad_input_is_named(call, error, name):
    with pytest.raises(error, match=name):
        call()


@pytest.mark.parametrize("depth", [1, 2])
def test_budget_fit_places_its_joints_and_is_exact_while_it_has_units_enough(depth):
    deep = tent_network(depth)                   # 2^L - 1 joints; 2L shallow units
    fit = budget_fit(deep, 0.0, 1.0)
    x = np.linspace(0, 1, 513)[:, None]
    np.testing.assert_allclose(fit.forward(x), deep.forward(x), atol=1e-6)
    assert fit.layer_sizes == (1, 2 * depth, 1)
    assert count_regions(fit, 0.0, 1.0) == 2 ** depth


def test_budget_fit_beyond_its_units_spreads_joints_and_has_fewer_regions():
    deep = tent_network(3)                       # 7 joints + the left end > 6 units
    fit = budget_fit(deep, 0.0, 1.0)
    assert fit.layer_sizes == (1, 6, 1)
    np.testing.assert_allclose(-fit.biases[0], (np.arange(6) + 0.5) / 6)
    assert count_regions(fit, 0.0, 1.0) <= 7 < count_regions(deep, 0.0, 1.0)


def test_random_relu_network_draws_one_stream_per_seed():
    """Weights then biases from one generator: seed s's biases are not seed s+1's weights."""
    a, b = random_relu_network((1, 3, 1), seed=4), random_relu_network((1, 3, 1), seed=5)
    first_normals = np.random.default_rng(5).standard_normal(3)
    assert not np.allclose(a.biases[0], first_normals)
    assert not np.allclose(a.biases[0], b.biases[0])
    fresh = random_relu_network((1, 3, 1), seed=None)
    assert fresh.layer_sizes == (1, 3, 1) and np.all(np.isfinite(fresh.biases[0]))
