"""Tests for lecture_lib.topics.backprop: the step-by-step passes equal Network.gradients and
finite differences, the table shows the right numbers, bad input is rejected by name."""

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lecture_lib.topics import backprop
from lecture_lib.topics.backprop import (LayerStep, backward_pass, branching_network,
                                         flat_gradients, gradient_step, small_network,
                                         step_table)
from lecture_lib.networks import Network

CASES = [("relu", "linear", "mse"), ("tanh", "linear", "mae"),
         ("sigmoid", "sigmoid", "binary_cross_entropy"), ("elu", "softmax", "cross_entropy"),
         ("leaky_relu", "sigmoid", "binary_cross_entropy_with_logits"),
         ("tanh", "linear", "cross_entropy")]


def _targets(loss, n, n_out, rng):
    if loss == "cross_entropy":
        return np.eye(n_out)[rng.integers(0, n_out, n)]
    if "binary" in loss:
        return rng.integers(0, 2, (n, n_out)).astype(float)
    return rng.normal(size=(n, n_out))


def _library(net, X, Y, loss):
    value, grads = net.gradients(X, Y, loss)
    return value, np.concatenate([g.ravel() for pair in grads for g in pair])


def test_docstring_examples_run():
    assert doctest.testmod(backprop).failed == 0


@settings(max_examples=40, deadline=None)
@given(case=st.sampled_from(CASES), hidden=st.lists(st.integers(1, 5), min_size=1, max_size=3),
       n_in=st.integers(1, 3), n_out=st.integers(1, 3), n=st.integers(1, 6),
       seed=st.integers(0, 10_000))
def test_backward_pass_equals_network_gradients(case, hidden, n_in, n_out, n, seed):
    act, out, loss = case
    if out == "sigmoid" or "binary" in loss:
        n_out = 1 if out == "sigmoid" else n_out
    net = Network((n_in, *hidden, n_out), act, out, seed=seed)
    rng = np.random.default_rng(seed)
    X, Y = rng.normal(size=(n, n_in)), _targets(loss, n, n_out, rng)
    value, steps = backward_pass(net, X, Y, loss)
    lib_value, lib_grads = _library(net, X, Y, loss)
    assert value == pytest.approx(lib_value, rel=1e-9, abs=1e-12)
    np.testing.assert_allclose(flat_gradients(steps), lib_grads, rtol=1e-7, atol=1e-10)


@pytest.mark.parametrize("act, out, loss", [c for c in CASES if c[2] != "mae"])
def test_backward_pass_matches_finite_differences(act, out, loss):
    net = Network((2, 4, 3, 1 if out == "sigmoid" else 2), act, out, seed=1)
    rng = np.random.default_rng(2)
    X = rng.normal(size=(5, 2))
    Y = _targets(loss, 5, net.layer_sizes[-1], rng)
    _, steps = backward_pass(net, X, Y, loss)
    numeric, eps = [], 1e-6
    for param in net.parameters():
        for idx in np.ndindex(param.shape):
            old = param[idx]
            param[idx] = old + eps
            up = backward_pass(net, X, Y, loss)[0]
            param[idx] = old - eps
            down = backward_pass(net, X, Y, loss)[0]
            param[idx] = old
            numeric.append((up - down) / (2 * eps))
    g, h = flat_gradients(steps), np.array(numeric)
    assert np.linalg.norm(g - h) / (np.linalg.norm(g) + np.linalg.norm(h)) < 1e-7


def test_small_network_by_hand():
    # x = 1, y = 1: z1 = (1.5, 0.5), y_hat = 1.5*1.5 - 2*0.5 + 0.2 = 1.45, L = 0.45^2
    loss, (s1, s2) = backward_pass(small_network(), [[1.0]], [[1.0]])
    assert loss == pytest.approx(0.2025)
    np.testing.assert_allclose(s1.z, [[1.5, 0.5]])
    assert s2.delta[0, 0] == pytest.approx(0.9)
    np.testing.assert_allclose(s2.dW[:, 0], [0.9 * 1.5, 0.9 * 0.5])
    np.testing.assert_allclose(s1.delta, [[0.9 * 1.5, 0.9 * -2.0]])
    np.testing.assert_allclose(s1.dW, [[1.35, -1.8]])
    assert isinstance(s1, LayerStep) and (s1.layer, s2.layer) == (1, 2)


def test_d_in_is_what_each_layer_passes_down():
    net = Network((2, 3, 4, 1), "tanh", seed=5)
    X = np.random.default_rng(1).normal(size=(3, 2))
    _, steps = backward_pass(net, X, np.ones((3, 1)))
    for s, W in zip(steps, net.weights):
        np.testing.assert_allclose(s.d_in, s.delta @ W.T)
        assert s.d_in.shape == s.a_in.shape
    # below the output, delta = dL/da ⊙ f'(z): tanh' = 1 - a²
    np.testing.assert_allclose(steps[1].delta, steps[2].d_in * (1 - steps[1].a ** 2))


def test_branching_unit_delta_is_the_sum_over_the_units_it_feeds():
    net = branching_network()
    _, (s1, s2, _) = backward_pass(net, [[1.0]], [[0.0]])
    w3, w4 = net.weights[1][0]
    a = s1.a[0, 0]
    by_hand = a * (1 - a) * (w3 * s2.delta[0, 0] + w4 * s2.delta[0, 1])   # σ'(z)(w3 δ' + w4 δ'')
    assert s1.delta[0, 0] == pytest.approx(by_hand)
    assert s2.delta[0, 0] > 0 > s2.delta[0, 1]     # the two branches both push a up: they add
    assert net.layer_sizes == (1, 1, 2, 1) and net.activation.name == "sigmoid"


def test_gradient_step_moves_every_parameter_against_its_gradient():
    net = branching_network()
    loss, steps = backward_pass(net, [[1.0]], [[0.0]])
    after = gradient_step(net, steps, 0.1)
    np.testing.assert_allclose(after.weights[0], net.weights[0] - 0.1 * steps[0].dW)
    np.testing.assert_allclose(after.biases[2], net.biases[2] - 0.1 * steps[2].db)
    assert backward_pass(after, [[1.0]], [[0.0]])[0] < loss
    assert net.weights[0][0, 0] == 1.0 and after.activation.name == "sigmoid"
    with pytest.raises(ValueError, match="eta"):
        gradient_step(net, steps, 0.0)
    with pytest.raises(ValueError, match="steps"):
        gradient_step(net, steps[:2], 0.1)
    with pytest.raises(TypeError, match="network"):
        gradient_step("net", steps, 0.1)


def test_dead_unit_passes_no_gradient():
    _, (s1, s2) = backward_pass(small_network(), [[2.5]], [[1.0]])
    assert s1.z[0, 1] == pytest.approx(-0.25)
    assert s1.delta[0, 1] == 0.0 and s1.dW[0, 1] == 0.0 and s2.dW[1, 0] == 0.0
    assert s1.dW[0, 0] != 0.0


def test_small_network_weight_slider():
    assert small_network(2.0).weights[0][0, 0] == 2.0
    assert small_network().weights[1][:, 0].tolist() == [1.5, -2.0]


def test_batch_gradient_is_mean_of_examples():
    net = Network((2, 3, 1), "tanh", seed=4)
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(6, 2)), rng.normal(size=(6, 1))
    batch = flat_gradients(backward_pass(net, X, Y)[1])
    single = np.mean([flat_gradients(backward_pass(net, X[i:i + 1], Y[i:i + 1])[1])
                      for i in range(6)], axis=0)
    np.testing.assert_allclose(batch, single, rtol=1e-12, atol=1e-14)


def test_step_table_shows_both_passes():
    text = step_table(small_network(), 1.0, 1.0, decimals=3)
    lines = text.splitlines()
    assert lines[0].startswith("FORWARD") and any(l.startswith("BACKWARD") for l in lines)
    assert "[1.500, 0.500]" in text and "loss L = 0.202" in text
    assert "[[1.350], [0.450]]" in text and "[1.350, -1.800]" in text
    assert step_table(small_network(), [1.0], [1.0]) == step_table(small_network(), [[1.0]], 1.0)


def test_step_table_two_inputs_matrix_rows():
    net = Network((2, 3, 2), "tanh", "softmax", seed=1)
    text = step_table(net, [0.5, -1.0], [0.0, 1.0], loss="cross_entropy", decimals=2)
    _, steps = backward_pass(net, [[0.5, -1.0]], [[0.0, 1.0]], "cross_entropy")
    assert f"{steps[0].dW[1, 2]:.2f}]]" in text


@pytest.mark.parametrize("call, error, name", [
    (lambda: backward_pass("net", [[1.0]], [[1.0]]), TypeError, "network"),
    (lambda: backward_pass(small_network(), [[1.0, 2.0]], [[1.0]]), ValueError, "X"),
    (lambda: backward_pass(small_network(), [[1.0], [2.0]], [[1.0]]), ValueError, "y"),
    (lambda: backward_pass(small_network(), [[1.0]], [[np.nan]]), ValueError, "y"),
    (lambda: backward_pass(small_network(), [[1.0]], [[1.0]], loss="hinge"), ValueError, "loss"),
    (lambda: step_table(small_network(), [[1.0], [2.0]], 1.0), ValueError, "x"),
    (lambda: step_table(small_network(), [1.0, 2.0], 1.0), ValueError, "x"),
    (lambda: step_table(small_network(), "1", 1.0), TypeError, "x"),
    (lambda: step_table(small_network(), 1.0, 1.0, decimals=-1), ValueError, "decimals"),
    (lambda: step_table(None, 1.0, 1.0), TypeError, "network"),
    (lambda: small_network(np.inf), ValueError, "w11"),
    (lambda: small_network("1"), TypeError, "w11"),
])
def test_bad_input_is_named(call, error, name):
    with pytest.raises(error, match=name):
        call()


def test_check_readouts_in_english_and_spanish():
    from lecture_lib.i18n import set_language
    from lecture_lib.topics.backprop import describe_batch_check, describe_gradient_check
    assert describe_batch_check(np.array([5.4, -3.75]), True, False).splitlines() == [
        "batch gradient: [5.4, -3.75]", "equals the mean of one-example gradients: True",
        "equals Network.gradients: False"]
    assert describe_gradient_check([1e-10, 2e-10]) == (
        "every backprop gradient matches finite differences (relative error < 1e-7): True")
    assert describe_gradient_check([1e-10, 1e-3]).endswith(": False")
    try:
        set_language("es")
        assert describe_gradient_check([1e-10]).endswith("(error relativo < 1e-7): sí")
        assert step_table(small_network(), 1.0, 1.0).splitlines()[0] == "HACIA ADELANTE (guarda z y a)"
        with pytest.raises(TypeError, match="debe ser una Network"):
            backward_pass("net", [[1.0]], [[1.0]])
    finally:
        set_language("en")
