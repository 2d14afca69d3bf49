"""Tests for lecture_lib.activations (values, derivatives, properties, extremes, bad input) and
notebook 04's readouts in lecture_lib.topics.activations."""

import doctest
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from lecture_lib import activations as act
from lecture_lib.topics.activations import RANGES, describe_activation, describe_depth, describe_softmax

# name -> (function, derivative, points where the derivative jumps)
ELEMENTWISE = {
    "sigmoid": (act.sigmoid, act.sigmoid_grad, []),
    "tanh": (act.tanh, act.tanh_grad, []),
    "relu": (act.relu, act.relu_grad, [0.0]),
    "leaky_relu": (act.leaky_relu, act.leaky_relu_grad, [0.0]),
    "elu": (act.elu, act.elu_grad, [0.0]),
    "hard_sigmoid": (act.hard_sigmoid, act.hard_sigmoid_grad, [-2.5, 2.5]),
    "linear": (act.linear, act.linear_grad, []),
}
ALPHA_NAMES = ("leaky_relu", "elu")

moderate = st.floats(-20.0, 20.0, allow_nan=False)
vectors = hnp.arrays(np.float64, st.integers(1, 8), elements=moderate)
matrices = hnp.arrays(np.float64, hnp.array_shapes(min_dims=2, max_dims=2, max_side=6),
                      elements=moderate)


def central_difference(f, z, h=1e-6):
    return (f(z + h) - f(z - h)) / (2 * h)


def away_from(kinks, z, margin=1e-3):
    return all(abs(z - k) > margin for k in kinks)


def test_docstring_examples_run():
    assert doctest.testmod(act).failed == 0


def test_names_cover_every_function():
    assert set(act.NAMES) == set(ELEMENTWISE) | {"softmax"}


# --- values at known points ----------------------------------------------------------

@pytest.mark.parametrize("fn, z, expected", [
    (act.sigmoid, [0.0, np.log(3.0), -np.log(3.0)], [0.5, 0.75, 0.25]),
    (act.tanh, [0.0, np.log(2.0)], [0.0, 0.6]),          # (2 - 1/2) / (2 + 1/2)
    (act.relu, [-3.0, 0.0, 2.5], [0.0, 0.0, 2.5]),
    (act.leaky_relu, [-2.0, 0.0, 3.0], [-0.02, 0.0, 3.0]),
    (act.elu, [-1.0, 0.0, 2.0], [np.exp(-1.0) - 1.0, 0.0, 2.0]),
    (act.hard_sigmoid, [-3.0, -2.5, 0.0, 1.0, 2.5, 9.0], [0.0, 0.0, 0.5, 0.7, 1.0, 1.0]),
    (act.linear, [-1.5, 0.0, 4.0], [-1.5, 0.0, 4.0]),
])
def test_known_values(fn, z, expected):
    np.testing.assert_allclose(fn(z), expected, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("grad, z, expected", [
    (act.sigmoid_grad, [0.0, np.log(3.0)], [0.25, 0.1875]),
    (act.tanh_grad, [0.0, np.log(2.0)], [1.0, 0.64]),
    (act.relu_grad, [-1.0, 0.0, 1.0], [0.0, 0.0, 1.0]),  # 0 at the joint, by convention
    (act.leaky_relu_grad, [-1.0, 0.0, 1.0], [0.01, 1.0, 1.0]),
    (act.elu_grad, [-1.0, 0.0, 1.0], [np.exp(-1.0), 1.0, 1.0]),
    (act.hard_sigmoid_grad, [-3.0, -2.5, 0.0, 2.5], [0.0, 0.0, 0.2, 0.0]),
    (act.linear_grad, [-3.0, 7.0], [1.0, 1.0]),
])
def test_known_derivatives(grad, z, expected):
    np.testing.assert_allclose(grad(z), expected, rtol=1e-12)


def test_elu_with_the_lecture_alpha():
    np.testing.assert_allclose(act.elu([-1.0, 1.0], alpha=0.1), [0.1 * (np.exp(-1) - 1), 1.0])
    np.testing.assert_allclose(act.elu_grad([-2.0], alpha=0.1), [0.1 * np.exp(-2.0)])
    np.testing.assert_allclose(act.get("elu", alpha=0.1)([-1.0]), [0.1 * (np.exp(-1) - 1)])


def test_softmax_known_values():
    np.testing.assert_allclose(act.softmax([0.0, np.log(2.0)]), [1 / 3, 2 / 3])
    np.testing.assert_allclose(act.softmax([[1.0, 1.0, 1.0, 1.0]]), [[0.25] * 4])
    np.testing.assert_allclose(act.softmax([[0.0, 0.0], [np.log(3.0), 0.0]], axis=0),
                               [[0.25, 0.5], [0.75, 0.5]])


def test_softmax_jacobian_known_values():
    s = np.array([1 / 3, 2 / 3])
    expected = np.diag(s) - np.outer(s, s)
    np.testing.assert_allclose(act.softmax_grad([0.0, np.log(2.0)]), expected)
    assert act.softmax_grad(np.zeros((4, 3))).shape == (4, 3, 3)


@given(hnp.arrays(np.float64, st.integers(2, 6), elements=st.floats(-20, 20)))
@settings(max_examples=50)
def test_softmax_jacobian_matches_finite_differences(z):
    J = act.softmax_grad(z)
    eps = 1e-6
    J_fd = np.column_stack([(act.softmax(z + eps * e) - act.softmax(z - eps * e)) / (2 * eps)
                            for e in np.eye(z.size)])
    np.testing.assert_allclose(J, J_fd, atol=1e-8)
    np.testing.assert_allclose(J, J.T, atol=1e-15)           # ∂p_i/∂z_j = ∂p_j/∂z_i
    np.testing.assert_allclose(J.sum(axis=1), 0.0, atol=1e-15)  # probabilities keep summing to 1
    assert np.all(J - np.diag(np.diag(J)) <= 0)              # raising z_j lowers every other p_i


def test_elementwise_functions_keep_shape_and_accept_empty():
    z = np.linspace(-3, 3, 12).reshape(3, 2, 2)
    for fn, grad, _ in ELEMENTWISE.values():
        assert fn(z).shape == z.shape and grad(z).shape == z.shape
        assert fn([]).shape == (0,) and grad([]).shape == (0,)


def test_linear_returns_a_copy():
    z = np.array([1.0, 2.0])
    out = act.linear(z)
    out[0] = 99.0
    assert z[0] == 1.0


# --- derivatives against central finite differences ----------------------------------

@pytest.mark.parametrize("name", list(ELEMENTWISE))
@settings(max_examples=60, deadline=None)
@given(z=st.floats(-8.0, 8.0, allow_nan=False))
def test_derivative_matches_finite_differences(name, z):
    fn, grad, kinks = ELEMENTWISE[name]
    if not away_from(kinks, z):
        return
    numeric = central_difference(lambda t: fn(np.array([t]))[0], z)
    assert grad(np.array([z]))[0] == pytest.approx(numeric, rel=1e-5, abs=1e-7)


@pytest.mark.parametrize("name", ALPHA_NAMES)
@pytest.mark.parametrize("alpha", [0.0, 0.1, 0.3, 2.0])
def test_alpha_derivatives_match_finite_differences(name, alpha):
    fn, grad, _ = ELEMENTWISE[name]
    z = np.array([-3.0, -0.7, -0.01, 0.02, 1.3])
    numeric = central_difference(lambda t: fn(t, alpha=alpha), z)
    np.testing.assert_allclose(grad(z, alpha=alpha), numeric, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("name", act.NAMES)
def test_get_grad_matches_finite_differences(name):
    a = act.get(name)
    z = np.array([[-3.1, -0.4, 0.7], [1.9, -2.2, 3.3]])  # away from every joint
    if name == "softmax":
        jac = a.grad(z)
        for i in range(z.shape[0]):
            for j in range(z.shape[1]):
                e = np.zeros_like(z)
                e[i, j] = 1e-6
                np.testing.assert_allclose(jac[i, :, j], ((a(z + e) - a(z - e)) / 2e-6)[i],
                                           rtol=1e-6, atol=1e-9)
    else:
        np.testing.assert_allclose(a.grad(z), central_difference(a, z), rtol=1e-6, atol=1e-9)


@settings(max_examples=40, deadline=None)
@given(matrices, st.data())
def test_softmax_backward_matches_finite_differences(z, data):
    """backward(z, a, dL/da) is dL/dz for L = sum(upstream * softmax(z))."""
    upstream = data.draw(hnp.arrays(np.float64, z.shape, elements=st.floats(-3, 3)))
    a = act.get("softmax")
    numeric = np.zeros_like(z)
    for idx in np.ndindex(*z.shape):
        e = np.zeros_like(z)
        e[idx] = 1e-6
        numeric[idx] = (np.sum(upstream * a(z + e)) - np.sum(upstream * a(z - e))) / 2e-6
    np.testing.assert_allclose(a.backward(z, a(z), upstream), numeric, atol=1e-6)


@pytest.mark.parametrize("name", [n for n in act.NAMES if n != "softmax"])
def test_backward_is_upstream_times_derivative(name):
    a = act.get(name, alpha=0.2) if name in ALPHA_NAMES else act.get(name)
    z = np.array([[-2.0, -0.5, 0.3], [1.0, 2.7, -4.0]])
    upstream = np.array([[0.5, -1.0, 2.0], [3.0, 0.25, -0.75]])
    np.testing.assert_allclose(a.backward(z, a(z), upstream), upstream * a.grad(z))
    np.testing.assert_allclose(a.grad(z), central_difference(a, z), rtol=1e-6, atol=1e-9)


# --- properties ----------------------------------------------------------------------

@settings(max_examples=100, deadline=None)
@given(vectors)
def test_sigmoid_range_symmetry_and_tanh_relation(z):
    s = act.sigmoid(z)
    assert np.all((s > 0) & (s < 1))
    np.testing.assert_allclose(act.sigmoid(-z), 1.0 - s, atol=1e-15)
    np.testing.assert_allclose(act.tanh(z), 2.0 * act.sigmoid(2.0 * z) - 1.0, atol=1e-12)
    np.testing.assert_allclose(act.tanh(-z), -act.tanh(z))
    assert np.all(act.sigmoid_grad(z) <= 0.25)


@settings(max_examples=100, deadline=None)
@given(vectors)
def test_relu_family_identities(z):
    np.testing.assert_allclose(act.relu(z) - act.relu(-z), z)
    np.testing.assert_allclose(act.hard_sigmoid(z),
                               0.2 * (act.relu(z + 2.5) - act.relu(z - 2.5)), atol=1e-12)
    np.testing.assert_allclose(act.leaky_relu(z, alpha=0.0), act.relu(z))
    np.testing.assert_allclose(act.leaky_relu(z, alpha=1.0), z)
    assert np.all(act.elu(z, alpha=1.0) >= -1.0)


@pytest.mark.parametrize("name", [n for n in act.NAMES if n != "softmax"])
@settings(max_examples=40, deadline=None)
@given(z=hnp.arrays(np.float64, 10, elements=moderate))
def test_elementwise_activations_are_nondecreasing(name, z):
    z = np.sort(z)
    assert np.all(np.diff(act.get(name)(z)) >= 0)
    assert np.all(act.get(name).grad(z) >= 0)


@settings(max_examples=100, deadline=None)
@given(matrices, st.floats(-500.0, 500.0))
def test_softmax_rows_sum_to_one_and_shift_invariant(z, c):
    s = act.softmax(z)
    assert np.all((s >= 0) & (s <= 1))
    np.testing.assert_allclose(s.sum(axis=1), 1.0)
    np.testing.assert_allclose(act.softmax(z + c), s, atol=1e-12)
    np.testing.assert_allclose(act.softmax(z, axis=0).sum(axis=0), 1.0)
    np.testing.assert_allclose(act.get("softmax")(z), s)


@settings(max_examples=50, deadline=None)
@given(vectors)
def test_softmax_of_two_logits_is_sigmoid_of_difference(z):
    pair = np.column_stack([z, np.zeros_like(z)])
    np.testing.assert_allclose(act.softmax(pair)[:, 0], act.sigmoid(z), atol=1e-15)


# --- extreme logits ------------------------------------------------------------------

@pytest.mark.parametrize("name", act.NAMES)
def test_extreme_inputs_are_finite_and_warning_free(name):
    z = np.array([[-1e4, -800.0, 0.0, 800.0, 1e4]])
    a = act.get(name)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values, grads = a(z), a.grad(z)
        back = a.backward(z, values, np.ones_like(z))
    assert np.all(np.isfinite(values)) and np.all(np.isfinite(grads))
    assert np.all(np.isfinite(back))


def test_extreme_values_are_the_limits():
    z = np.array([-1e4, 1e4])
    np.testing.assert_array_equal(act.sigmoid(z), [0.0, 1.0])
    np.testing.assert_array_equal(act.sigmoid_grad(z), [0.0, 0.0])
    np.testing.assert_array_equal(act.tanh(z), [-1.0, 1.0])
    np.testing.assert_allclose(act.elu(z), [-1.0, 1e4])
    np.testing.assert_array_equal(act.softmax([1e4, -1e4, 1e4]), [0.5, 0.0, 0.5])
    assert act.sigmoid([-700.0])[0] > 0.0  # computed as e^z / (1 + e^z), not 1 / (1 + huge)


# --- get -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", act.NAMES)
def test_get_matches_the_plain_functions(name):
    a = act.get(name)
    assert isinstance(a, act.Activation) and a.name == name
    assert repr(a) == f"Activation({name!r})"
    z = np.array([[-2.0, 0.5, 3.0]])
    plain = getattr(act, name)
    np.testing.assert_allclose(a(z), plain(z))
    np.testing.assert_allclose(a.grad(z), getattr(act, f"{name}_grad")(z))


@pytest.mark.parametrize("name", ALPHA_NAMES)
def test_get_passes_alpha(name):
    a = act.get(name, alpha=0.3)
    assert a.params == {"alpha": 0.3} and "alpha=0.3" in repr(a)
    z = np.array([-1.5, 2.0])
    np.testing.assert_allclose(a(z), getattr(act, name)(z, alpha=0.3))
    np.testing.assert_allclose(a.grad(z), getattr(act, f"{name}_grad")(z, alpha=0.3))


def test_get_passes_an_activation_through():
    a = act.get("tanh")
    assert act.get(a) is a


@pytest.mark.parametrize("name", ["ReLU", "swish", "", None, 3, act.relu])
def test_get_rejects_unknown_names(name):
    with pytest.raises(ValueError, match="activation must be one of"):
        act.get(name)


@pytest.mark.parametrize("name", ["relu", "sigmoid", "softmax", "linear"])
def test_get_rejects_alpha_where_it_has_no_meaning(name):
    with pytest.raises(ValueError, match="alpha only applies"):
        act.get(name, alpha=0.1)


# --- bad input -----------------------------------------------------------------------

ALL_FUNCTIONS = [f for pair in ELEMENTWISE.values() for f in pair[:2]] + [
    act.softmax, act.softmax_grad]


@pytest.mark.parametrize("fn", ALL_FUNCTIONS)
@pytest.mark.parametrize("z, exc, match", [
    ([1.0, np.nan], ValueError, "z must contain only finite"),
    ([np.inf], ValueError, "z must contain only finite"),
    ("1.0", TypeError, "z must be an array of numbers"),
    (None, TypeError, "z must be an array of numbers"),
    ([[1.0], [2.0, 3.0]], TypeError, "z must be an array of numbers"),
])
def test_bad_z(fn, z, exc, match):
    with pytest.raises(exc, match=match):
        fn(z)


@pytest.mark.parametrize("name", act.NAMES)
def test_bad_z_through_get(name):
    a = act.get(name)
    with pytest.raises(ValueError, match="z must contain only finite"):
        a([0.0, np.nan])
    with pytest.raises(ValueError, match="z must contain only finite"):
        a.grad([np.inf])
    with pytest.raises(TypeError, match="z must be an array"):
        a("z")


@pytest.mark.parametrize("fn", [act.softmax, act.softmax_grad, act.get("softmax"),
                                act.get("softmax").grad])
def test_softmax_rejects_empty(fn):
    with pytest.raises(ValueError, match="z must not be empty"):
        fn([])


@pytest.mark.parametrize("fn", [act.leaky_relu, act.leaky_relu_grad, act.elu, act.elu_grad])
@pytest.mark.parametrize("alpha, exc, match", [
    (-0.1, ValueError, "alpha must be >= 0"),
    (np.nan, ValueError, "alpha must be finite"),
    ("0.1", TypeError, "alpha must be a real number"),
    (None, TypeError, "alpha must be a real number"),
])
def test_bad_alpha(fn, alpha, exc, match):
    with pytest.raises(exc, match=match):
        fn([1.0], alpha=alpha)
    if alpha is not None:  # None means "the default" for get
        with pytest.raises(exc, match=match):
            act.get("elu", alpha=alpha)


def test_softmax_bad_axis():
    with pytest.raises(ValueError, match="axis"):
        act.softmax([1.0, 2.0], axis=1)


# ----- notebook 04's readouts (lecture_lib.topics.activations) -----

def test_describe_activation_readout():
    text = describe_activation("elu", 0.1).splitlines()
    assert text[0] == "activation = elu, α = 0.10"
    assert text[1] == "a(-2) = -0.086, a(0) = 0.000, a(2) = 2.000"
    assert text[3] == "range = (-α, ∞)"
    assert describe_activation("sigmoid", 0.5).splitlines()[2].startswith("a'(-2) = 0.105")
    assert "α not used" in describe_activation("relu", 0.5)


def test_describe_softmax_readout():
    z = [2.0, 1.0, 0.1, -1.0]
    lines = describe_softmax(z, 1.0).splitlines()
    assert lines[1] == "p = 0.64, 0.23, 0.10, 0.03" and lines[2] == "sum = 1.00"
    assert describe_softmax(z, 0.1).splitlines()[3] == "largest = p1 = 1.00"


def test_describe_depth_readout():
    grads = {"sigmoid": 0.25 ** np.arange(1, 21), "relu": np.zeros(20)}
    lines = describe_depth(grads).splitlines()
    assert lines[0] == "log10 |dh_L/dh_0| at L = 20"
    assert lines[1] == f"sigmoid = {20 * np.log10(0.25):.2f}"
    assert lines[2] == "relu = -inf (no gradient)"


def test_every_element_wise_activation_has_a_range():
    assert set(RANGES) == set(ELEMENTWISE)
