"""Tests for lecture_lib.topics.perceptron: threshold units, gates, the XOR claim, the learning rule."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from lecture_lib.topics.perceptron import (GATES, PARTY_WEIGHTS, TARGETS, GridSearch, LearningHistory,
                                    describe_gate, describe_party, describe_step, gate, learning_rule, perceptron,
                                    pre_activation, separating_weights, step, truth_table,
                                    step_network, xor_network)

finite = st.floats(-10, 10, allow_nan=False)


def test_step_is_one_only_above_zero():
    assert step([-1.0, 0.0, 1e-9, 3.0]).tolist() == [0, 0, 1, 1]


def test_truth_table_counts_in_binary():
    assert truth_table(2).tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    X = truth_table(3)
    assert X.shape == (8, 3)
    assert (X @ [4, 2, 1]).tolist() == list(range(8))


@given(st.lists(finite, min_size=3, max_size=3), finite)
def test_perceptron_is_a_linear_threshold_unit(w, b):
    """Claim: a perceptron is a linear threshold unit, ŷ = 1 exactly when x·w > −b."""
    X = truth_table(3)
    expected = [int(sum(wi * xi for wi, xi in zip(w, x)) + b > 0) for x in X]
    assert perceptron(X, w, b).tolist() == expected
    assert np.allclose(pre_activation(X, w, b), X @ np.array(w) + b)


def test_party_perceptron_friends_weigh_most():
    decisions = perceptron(truth_table(3), **PARTY_WEIGHTS)
    assert decisions.tolist() == [0, 1, 0, 1, 0, 1, 1, 1]
    w = PARTY_WEIGHTS["w"]
    assert w[2] > w[0] and w[2] > w[1]
    assert describe_party(**PARTY_WEIGHTS).splitlines() == [
        "go = 5 of 8", "threshold = -b = 3.00", "friends alone = go"]


@pytest.mark.parametrize("name", ["AND", "OR", "NAND", "NOT"])
def test_gate_weights_compute_the_gate(name):
    X, y, w, b = gate(name)
    assert perceptron(X, w, b).tolist() == list(TARGETS[name])
    assert name in GATES


def test_no_single_perceptron_computes_xor():
    """Claim: no single perceptron computes XOR; the best line gets 3 of 4 right."""
    X, y, w, b = gate("XOR")
    assert w.size == 0 and np.isnan(b)
    result = separating_weights(X, y)
    assert result == GridSearch(n_settings=41 ** 3, n_solutions=0, best_correct=3)
    fine = separating_weights(X, y, np.linspace(-5, 5, 101))
    assert fine.n_solutions == 0


@given(st.lists(finite, min_size=2, max_size=2), finite)
@settings(max_examples=200)
def test_no_random_line_computes_xor(w, b):
    X, y, _, _ = gate("XOR")
    assert perceptron(X, w, b).tolist() != y.tolist()


@pytest.mark.parametrize("name", ["AND", "OR", "NAND"])
def test_grid_search_finds_separable_gates(name):
    X, y, _, _ = gate(name)
    assert separating_weights(X, y).n_solutions > 0


def test_xor_network_is_or_and_nand_into_and():
    layers = xor_network()
    assert [W.shape for W, _ in layers] == [(2, 2), (2, 1)]
    X = truth_table(2)
    inputs, hidden, output = step_network(X, layers)
    assert hidden[:, 0].tolist() == gate("OR")[1].tolist()
    assert hidden[:, 1].tolist() == gate("NAND")[1].tolist()
    assert output.ravel().tolist() == gate("XOR")[1].tolist()
    # the output unit is the AND perceptron itself: the threshold is part of the network
    assert perceptron(hidden, *gate("AND")[2:]).tolist() == output.ravel().tolist()


def test_step_network_rejects_mismatched_layers():
    with pytest.raises(ValueError, match="rows"):
        step_network(truth_table(3), xor_network())


@pytest.mark.parametrize("name", ["AND", "OR", "NAND"])
def test_learning_rule_converges_on_separable_gates(name):
    X, y, _, _ = gate(name)
    history = learning_rule(X, y, eta=0.5, epochs=10)
    assert history.converged
    assert perceptron(X, history.w[-1], history.b[-1]).tolist() == y.tolist()


def test_learning_rule_never_converges_on_xor():
    X, y, _, _ = gate("XOR")
    history = learning_rule(X, y, epochs=50, shuffle=True, seed=1)
    assert not history.converged
    assert history.mistakes.min() >= 1


def test_learning_rule_records_each_update():
    history = learning_rule([[1.0, 1.0]], [1], eta=0.5, epochs=1, w0=[0.5, -0.5])
    assert history.prediction.tolist() == [0] and history.error.tolist() == [1]
    assert history.w.tolist() == [[0.5, -0.5], [1.0, 0.0]]
    assert history.b.tolist() == [0.0, 0.5]
    X, y, _, _ = gate("AND")
    h = learning_rule(X, y, epochs=3)
    assert h.w.shape == (13, 2) and h.sample.tolist() == [0, 1, 2, 3] * 3
    for t in range(12):   # each step is exactly the rule
        i = h.sample[t]
        err = y[i] - int(X[i] @ h.w[t] + h.b[t] > 0)
        assert np.allclose(h.w[t + 1], h.w[t] + 0.5 * err * X[i])


def test_learning_history_is_a_frozen_result_with_a_short_repr():
    history = learning_rule(*gate("AND")[:2], eta=0.5, epochs=6)
    assert isinstance(history, LearningHistory)
    assert repr(history) == ("LearningHistory(n_steps=24, mistakes=[1, 3, 3, 2, 1, 0], converged=True, "
                             "final w=[1.0, 0.5], b=-1)")
    with pytest.raises(AttributeError):
        history.converged = False


def test_learning_rule_shuffles_reproducibly():
    X, y, _, _ = gate("OR")
    a, b = learning_rule(X, y, shuffle=True, seed=3), learning_rule(X, y, shuffle=True, seed=3)
    assert np.array_equal(a.sample, b.sample)
    assert sorted(a.sample[:4].tolist()) == [0, 1, 2, 3]


def test_readouts():
    X, y, _, _ = gate("AND")
    h = learning_rule(X, y)
    assert describe_step(h, 0, X).splitlines()[0] == "step = 0 of 24"
    line = describe_step(h, 4, X).splitlines()[1]
    assert line == "sample = (1, 1), prediction = 0, error y - ŷ = +1"
    assert describe_gate(X, y, [1, 1], -0.5).splitlines()[0] == "correct = 2 of 4"


@pytest.mark.parametrize("call, match", [
    (lambda: perceptron([[0, 1]], [1, 2, 3], 0), r"w must have 2 entries \(one weight per input"),
    (lambda: perceptron([[0, 1]], [1, 2], "b"), "b must be a real number"),
    (lambda: perceptron([[0, np.nan]], [1, 2], 0), "X must contain only finite"),
    (lambda: truth_table(0), "n_inputs must be at least 1"),
    (lambda: truth_table(17), "n_inputs must be at most 16"),
    (lambda: gate("XNOR"), "name must be one of"),
    (lambda: separating_weights(truth_table(2), [0, 1, 2, 0]), "y must hold"),
    (lambda: separating_weights(truth_table(5), np.zeros(32)), "at most 4 columns"),
    (lambda: learning_rule(truth_table(2), [0, 1, 1], epochs=2), "y must hold"),
    (lambda: learning_rule(truth_table(2), [0, 1, 1, 0], eta=0), "eta must be > 0"),
    (lambda: learning_rule(truth_table(2), [0, 1, 1, 0], w0=[1.0]), "w0 must have 2 entries"),
    (lambda: describe_step(learning_rule(truth_table(2), [0, 0, 0, 1], epochs=1), 5,
                           truth_table(2)), "t must be at most 4"),
    (lambda: describe_gate(truth_table(2), [0, 1], [1, 1], 0), "y must hold one 0/1 target"),
])
def test_bad_input_names_the_argument(call, match):
    with pytest.raises((ValueError, TypeError), match=match):
        call()


def test_bad_types():
    with pytest.raises(TypeError, match="epochs must be a whole number"):
        learning_rule(truth_table(2), [0, 1, 1, 0], epochs=2.5)
    with pytest.raises(TypeError, match="n_inputs"):
        truth_table("3")
