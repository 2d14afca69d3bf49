"""Tests for lecture_lib.networks: backprop against finite differences, shapes, bad input."""

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lecture_lib import activations, losses, networks
from lecture_lib.networks import Network, count_parameters, gradient_check

# (loss, output activation, number of outputs): every loss with each output it accepts
LOSS_SETUPS = [
    ("mse", "linear", 2),
    ("mse", "sigmoid", 1),
    ("mse", "softmax", 3),
    ("mae", "linear", 1),
    ("binary_cross_entropy", "sigmoid", 1),
    ("binary_cross_entropy_with_logits", "linear", 1),
    ("binary_cross_entropy_with_logits", "sigmoid", 1),
    ("cross_entropy", "linear", 3),
    ("cross_entropy", "softmax", 3),
]
HIDDEN_DEPTHS = [1, 2, 3, 4]


def _targets(loss, n_out, n, rng):
    if loss == "cross_entropy":
        return rng.integers(0, n_out, n)
    if "binary" in loss:
        return rng.integers(0, 2, (n, n_out)).astype(float)
    return rng.normal(size=(n, n_out))


def _random_net(sizes, activation="relu", output_activation="linear", seed=0):
    """A network whose biases are random and nonzero, so no ReLU sits exactly at its kink."""
    net = Network(sizes, activation=activation, output_activation=output_activation,
                  init="xavier", seed=seed)
    rng = np.random.default_rng(seed + 1000)
    for b in net.biases:
        b[:] = rng.uniform(0.1, 0.5, b.shape) * rng.choice([-1.0, 1.0], b.shape)
    return net


def test_docstring_examples_run():
    assert doctest.testmod(networks).failed == 0


# --- gradients against finite differences ----------------------------------------

@pytest.mark.parametrize("depth", HIDDEN_DEPTHS)
@pytest.mark.parametrize("loss, out, n_out", LOSS_SETUPS)
@pytest.mark.parametrize("activation", activations.NAMES)
def test_backprop_matches_finite_differences(activation, loss, out, n_out, depth):
    rng = np.random.default_rng(depth)
    sizes = (2,) + (3,) * depth + (n_out,)
    net = _random_net(sizes, activation, out, seed=depth)
    X = rng.normal(size=(6, 2))
    assert gradient_check(net, X, _targets(loss, n_out, 6, rng), loss) <= 1e-6


def test_linear_model_without_hidden_layer_matches_finite_differences():
    rng = np.random.default_rng(0)
    net = _random_net((3, 2))
    assert gradient_check(net, rng.normal(size=(5, 3)), rng.normal(size=(5, 2))) <= 1e-6


def test_gradient_check_detects_a_wrong_gradient(monkeypatch):
    rng = np.random.default_rng(0)
    net = _random_net((2, 4, 1))
    X, y = rng.normal(size=(8, 2)), rng.normal(size=8)
    assert gradient_check(net, X, y) <= 1e-6
    original = Network.backprop

    def off_by_a_factor(self, *args):
        value, grads = original(self, *args)
        return value, [1.1 * g for g in grads]

    monkeypatch.setattr(Network, "backprop", off_by_a_factor)
    assert gradient_check(net, X, y) > 1e-3


@settings(max_examples=30, deadline=None)
@given(sizes=st.lists(st.integers(1, 4), min_size=2, max_size=5),
       activation=st.sampled_from(["relu", "tanh", "sigmoid", "elu", "leaky_relu"]),
       n=st.integers(1, 6), seed=st.integers(0, 2**16))
def test_backprop_matches_finite_differences_for_random_architectures(sizes, activation,
                                                                       n, seed):
    rng = np.random.default_rng(seed)
    net = _random_net(tuple(sizes), activation, seed=seed)
    X, y = rng.normal(size=(n, sizes[0])), rng.normal(size=(n, sizes[-1]))
    assert gradient_check(net, X, y) <= 1e-6


def test_integer_labels_give_the_same_gradients_as_one_hot():
    rng = np.random.default_rng(2)
    net = _random_net((2, 4, 3), output_activation="softmax")
    X, labels = rng.normal(size=(7, 2)), rng.integers(0, 3, 7)
    v1, g1 = net.gradients(X, labels, "cross_entropy")
    v2, g2 = net.gradients(X, np.eye(3)[labels], "cross_entropy")
    assert v1 == pytest.approx(v2)
    for (a, b), (c, d) in zip(g1, g2):
        np.testing.assert_allclose(a, c)
        np.testing.assert_allclose(b, d)


def test_loss_value_matches_the_loss_module():
    rng = np.random.default_rng(3)
    net = _random_net((2, 5, 1), output_activation="sigmoid")
    X, y = rng.normal(size=(9, 2)), rng.integers(0, 2, 9).astype(float)
    p = net.forward(X)[:, 0]
    assert net.loss(X, y, "binary_cross_entropy") == pytest.approx(
        losses.binary_cross_entropy(y, p))
    assert net.loss(X, y, "mse") == pytest.approx(losses.mse(y, p))


def test_gradients_have_parameter_shapes_and_leave_parameters_alone():
    rng = np.random.default_rng(4)
    net = _random_net((3, 5, 4, 2))
    before = [p.copy() for p in net.parameters()]
    _, grads = net.gradients(rng.normal(size=(6, 3)), rng.normal(size=(6, 2)))
    assert [(dW.shape, db.shape) for dW, db in grads] == \
        [(W.shape, b.shape) for W, b in zip(net.weights, net.biases)]
    for p, q in zip(before, net.parameters()):
        np.testing.assert_array_equal(p, q)


@pytest.mark.parametrize("activation", ["relu", "tanh", "elu"])
def test_reused_buffers_do_not_leak_between_batch_sizes(activation):
    rng = np.random.default_rng(5)
    net = _random_net((2, 8, 8, 1), activation)
    X1, y1 = rng.normal(size=(10, 2)), rng.normal(size=10)
    X2, y2 = rng.normal(size=(3, 2)), rng.normal(size=3)
    fresh = net.copy().gradients(X1, y1)
    first = net.gradients(X1, y1)
    kept = [[a.copy() for a in pair] for pair in first[1]]
    for X, y in [(X2, y2)] + [(rng.normal(size=(k, 2)), rng.normal(size=k)) for k in (4, 5, 6)]:
        net.gradients(X, y)
    again = net.gradients(X1, y1)
    assert first[0] == again[0] == fresh[0]
    for pairs in (first[1], again[1], fresh[1]):
        for (a, b), (c, d) in zip(pairs, kept):
            np.testing.assert_array_equal(a, c)
            np.testing.assert_array_equal(b, d)


def test_backprop_does_not_change_forward_trace():
    rng = np.random.default_rng(6)
    net = _random_net((2, 6, 6, 1))
    X = rng.normal(size=(5, 2))
    trace = net.forward_trace(X)
    kept = [(Z.copy(), A.copy()) for Z, A in trace]
    net.gradients(X, rng.normal(size=5))
    for (Z, A), (Z0, A0) in zip(trace, kept):
        np.testing.assert_array_equal(Z, Z0)
        np.testing.assert_array_equal(A, A0)


# --- forward pass -----------------------------------------------------------------

def test_forward_shapes_and_trace():
    net = Network((3, 4, 2))
    X = np.ones((5, 3))
    assert net.forward(X).shape == (5, 2)
    assert net(X).shape == (5, 2)
    trace = net.forward_trace(X)
    assert [Z.shape for Z, _ in trace] == [(5, 3), (5, 4), (5, 2)]
    np.testing.assert_array_equal(trace[1][1], np.maximum(trace[1][0], 0.0))


def test_forward_reads_1d_input_as_one_feature():
    net = Network((1, 3, 1), seed=1)
    np.testing.assert_array_equal(net.forward([0.5, -1.0]), net.forward([[0.5], [-1.0]]))


def test_forward_computes_z_equals_xw_plus_b():
    W1, b1 = np.array([[1.0, -2.0]]), np.array([0.5, 1.0])
    W2, b2 = np.array([[3.0], [1.0]]), np.array([-1.0])
    net = Network.from_weights([(W1, b1), (W2, b2)], activation="relu")
    x = 2.0  # hidden: relu(2.5) = 2.5, relu(-3) = 0 -> y = 3 * 2.5 + 0 - 1
    assert net.forward([[x]]).item() == pytest.approx(6.5)


@pytest.mark.parametrize("bad", [np.ones((4, 2)), np.ones((4, 4))])
def test_x_with_wrong_feature_count_raises_naming_x(bad):
    with pytest.raises(ValueError, match=r"X must have 3 feature"):
        Network((3, 2, 1)).forward(bad)


@pytest.mark.parametrize("bad", [[[np.nan, 1.0]], "abc", np.ones((2, 2, 2)), np.ones((0, 2))])
def test_forward_rejects_bad_x(bad):
    with pytest.raises((ValueError, TypeError), match="X"):
        Network((2, 1)).forward(bad)


def test_gradients_reject_bad_targets():
    net = Network((2, 3, 1))
    X = np.ones((4, 2))
    with pytest.raises(ValueError, match="X and y must have the same number of samples"):
        net.gradients(X, np.ones(3))
    with pytest.raises(ValueError, match="y must have 1 feature"):
        net.gradients(X, np.ones((4, 2)))
    with pytest.raises(ValueError, match="loss"):
        net.gradients(X, np.ones(4), "hinge")


def test_logit_losses_need_a_matching_output_activation():
    with pytest.raises(ValueError, match="output_activation"):
        Network((2, 3), output_activation="sigmoid").gradients(np.ones((2, 2)), [0, 1],
                                                                "cross_entropy")


@settings(max_examples=40, deadline=None)
@given(sizes=st.lists(st.integers(1, 5), min_size=2, max_size=4), n=st.integers(1, 8),
       seed=st.integers(0, 1000))
def test_each_row_is_computed_independently(sizes, n, seed):
    net = Network(tuple(sizes), activation="tanh", seed=seed)
    X = np.random.default_rng(seed).normal(size=(n, sizes[0]))
    rows = np.vstack([net.forward(X[i:i + 1]) for i in range(n)])
    np.testing.assert_allclose(net.forward(X), rows, rtol=1e-12, atol=1e-12)


@settings(max_examples=40, deadline=None)
@given(sizes=st.lists(st.integers(1, 5), min_size=2, max_size=5), seed=st.integers(0, 1000))
def test_linear_activations_collapse_to_one_affine_map(sizes, seed):
    net = Network(tuple(sizes), activation="linear", seed=seed)
    for b in net.biases:
        b[:] = np.random.default_rng(seed).normal(size=b.shape)
    M, c = np.eye(sizes[0]), np.zeros(sizes[0])
    for W, b in zip(net.weights, net.biases):
        M, c = M @ W, c @ W + b
    X = np.random.default_rng(seed + 1).normal(size=(4, sizes[0]))
    np.testing.assert_allclose(net.forward(X), X @ M + c, rtol=1e-9, atol=1e-9)


# --- construction -----------------------------------------------------------------

def test_initial_weights_are_seeded_and_biases_zero():
    a, b, c = Network((2, 5, 1), seed=7), Network((2, 5, 1), seed=7), Network((2, 5, 1), seed=8)
    for W, V in zip(a.weights, b.weights):
        np.testing.assert_array_equal(W, V)
    assert not np.array_equal(a.weights[0], c.weights[0])
    assert all(np.all(bias == 0) for bias in a.biases)


@pytest.mark.parametrize("init, std", [("he", np.sqrt(2 / 400)),
                                       ("xavier", np.sqrt(2 / 600)),
                                       ("lecun", np.sqrt(1 / 400)), (0.3, 0.3)])
def test_init_scales(init, std):
    W = Network((400, 200), init=init, seed=0).weights[0]
    assert W.std() == pytest.approx(std, rel=0.02)
    assert abs(W.mean()) < 0.05 * std


@pytest.mark.parametrize("init, err", [("glorot", ValueError), (0.0, ValueError),
                                       (-1.0, ValueError), (None, ValueError)])
def test_unknown_init_raises(init, err):
    with pytest.raises(err, match="init"):
        Network((2, 3, 1), init=init)


@pytest.mark.parametrize("kwargs", [{"activation": "swish"}, {"output_activation": "bogus"},
                                    {"activation": 3}])
def test_unknown_activation_raises(kwargs):
    with pytest.raises(ValueError, match="activation"):
        Network((2, 3, 1), **kwargs)


def test_alpha_only_for_leaky_relu_and_elu():
    assert Network((1, 2, 1), activation="elu", alpha=0.1).activation.params == {"alpha": 0.1}
    with pytest.raises(ValueError, match="alpha"):
        Network((1, 2, 1), activation="relu", alpha=0.1)


@pytest.mark.parametrize("sizes, err", [
    ("131", TypeError), (3, TypeError), ((3,), ValueError), ((), ValueError),
    ((2, 0, 1), ValueError), ((2, -3, 1), ValueError), ((2, 2.5, 1), TypeError),
    ((2, True, 1), TypeError), (None, TypeError)])
def test_bad_layer_sizes_raise(sizes, err):
    with pytest.raises(err, match="layer_sizes"):
        Network(sizes)
    with pytest.raises(err, match="layer_sizes"):
        count_parameters(sizes)


def test_from_weights_copies_and_rebuilds_the_network():
    net = _random_net((2, 4, 3, 1), "tanh")
    clone = Network.from_weights(list(zip(net.weights, net.biases)), activation="tanh")
    X = np.random.default_rng(0).normal(size=(5, 2))
    assert clone.layer_sizes == (2, 4, 3, 1)
    np.testing.assert_array_equal(clone.forward(X), net.forward(X))
    clone.weights[0][0, 0] += 1.0
    assert not np.array_equal(clone.forward(X), net.forward(X))


@pytest.mark.parametrize("layers, err, match", [
    ([], TypeError, "layers"),
    ("W", TypeError, "layers"),
    ([(np.ones((2, 3)),)], TypeError, r"layers\[0\]"),
    ([np.ones((2, 3))], TypeError, r"layers\[0\]"),
    ([(np.ones(3), np.ones(3))], ValueError, r"layers\[0\] W must be 2-D"),
    ([(np.ones((2, 3)), np.ones((1, 3)))], ValueError, r"layers\[0\] b must be 1-D"),
    ([(np.ones((2, 3)), np.ones(2))], ValueError, r"layers\[0\] b must have 3 entries"),
    ([(np.ones((2, 3)), np.ones(3)), (np.ones((4, 1)), np.ones(1))], ValueError,
     r"layers\[1\] W must have 3 rows"),
    ([(np.full((2, 3), np.nan), np.ones(3))], ValueError, "finite"),
])
def test_from_weights_validation(layers, err, match):
    with pytest.raises(err, match=match):
        Network.from_weights(layers)


def test_copy_is_independent():
    net = Network((2, 3, 1), seed=3)
    twin = net.copy()
    twin.weights[1][0, 0] = 99.0
    assert net.weights[1][0, 0] != 99.0
    assert repr(twin) == repr(net) == ("Network(layer_sizes=(2, 3, 1), activation='relu', "
                                       "output_activation='linear')")


def test_parameters_are_the_live_arrays_in_order():
    net = Network((2, 3, 1))
    params = net.parameters()
    assert [p.shape for p in params] == [(2, 3), (3,), (3, 1), (1,)]
    params[0][0, 0] = 5.0
    assert net.weights[0][0, 0] == 5.0


# --- counting parameters ----------------------------------------------------------

def test_lecture_parameter_counts():
    assert count_parameters((2, 3, 1)) == 13
    assert count_parameters((1, 3, 1)) == 10
    assert Network((2, 3, 1)).n_parameters == 13


@pytest.mark.parametrize("s, n, m", [(1, 1, 1), (4, 7, 2), (100, 10, 3)])
def test_shallow_count_formula(s, n, m):
    assert count_parameters((s, n, m)) == s * n + n + n * m + m


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(1, 30), min_size=2, max_size=6))
def test_deep_count_formula_and_actual_arrays(sizes):
    expected = sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:]))
    assert count_parameters(sizes) == expected
    assert sum(p.size for p in Network(sizes).parameters()) == expected


def test_binary_cross_entropy_needs_a_probability_output():
    X, y = np.zeros((4, 1)), np.array([[0.0], [1.0], [1.0], [0.0]])
    with pytest.raises(ValueError, match="output_activation for loss 'binary_cross_entropy'"):
        Network((1, 2, 1), output_activation="linear").gradients(X, y, "binary_cross_entropy")
    value, _ = Network((1, 2, 1), output_activation="hard_sigmoid").gradients(X, y, "binary_cross_entropy")
    assert np.isfinite(value)
