"""Tests for lecture_lib.losses: values, gradients, properties, extremes and bad input."""

import doctest
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from lecture_lib import activations, losses as L

moderate = st.floats(-30.0, 30.0, allow_nan=False)
probabilities = st.floats(0.02, 0.98)
labels01 = st.sampled_from([0.0, 1.0])


def numeric_gradient(loss, y, pred, h=1e-6):
    pred = np.array(pred, dtype=float)
    out = np.zeros_like(pred)
    for idx in np.ndindex(*pred.shape):
        e = np.zeros_like(pred)
        e[idx] = h
        out[idx] = (loss(y, pred + e) - loss(y, pred - e)) / (2 * h)
    return out


@st.composite
def pairs(draw, pred=moderate, target=moderate, max_side=6):
    shape = draw(hnp.array_shapes(min_dims=1, max_dims=2, max_side=max_side))
    y = draw(hnp.arrays(np.float64, shape, elements=target))
    p = draw(hnp.arrays(np.float64, shape, elements=pred))
    return y, p


@st.composite
def class_problems(draw):
    n, k = draw(st.integers(1, 6)), draw(st.integers(2, 5))
    logits = draw(hnp.arrays(np.float64, (n, k), elements=moderate))
    labels = draw(hnp.arrays(np.int64, n, elements=st.integers(0, k - 1)))
    return labels, logits


def test_docstring_examples_run():
    assert doctest.testmod(L).failed == 0


# --- values --------------------------------------------------------------------------

def test_mse_and_mae_by_hand():
    y, p = [1.0, 2.0, 3.0], [2.0, 2.0, 0.0]
    assert L.mse(y, p) == pytest.approx((1 + 0 + 9) / 3)
    assert L.mae(y, p) == pytest.approx((1 + 0 + 3) / 3)
    np.testing.assert_allclose(L.mse_grad(y, p), [2 / 3, 0.0, -2.0])
    np.testing.assert_allclose(L.mae_grad(y, p), [1 / 3, 0.0, -1 / 3])


def test_regression_losses_average_every_element():
    """With N = 2 samples and K = 2 outputs the mean runs over all N·K = 4 errors."""
    y = np.array([[0.0, 0.0], [0.0, 0.0]])
    p = np.array([[1.0, 2.0], [0.0, 3.0]])
    assert L.mse(y, p) == pytest.approx((1 + 4 + 0 + 9) / 4)
    assert L.mae(y, p) == pytest.approx((1 + 2 + 0 + 3) / 4)
    np.testing.assert_allclose(L.mse_grad(y, p), 2.0 * p / 4)
    np.testing.assert_allclose(L.mae_grad(y, p), np.sign(p) / 4)


def test_binary_cross_entropies_average_every_element():
    y = np.array([[1.0, 0.0, 1.0], [0.0, 0.0, 1.0]])
    z = np.array([[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]])
    p = 1.0 / (1.0 + np.exp(-z))
    terms = y * np.log(p) + (1 - y) * np.log(1 - p)
    assert L.binary_cross_entropy(y, p) == pytest.approx(-terms.sum() / 6)
    assert L.binary_cross_entropy_with_logits(y, z) == pytest.approx(-terms.sum() / 6)
    np.testing.assert_allclose(L.binary_cross_entropy_with_logits_grad(y, z), (p - y) / 6)
    np.testing.assert_allclose(L.binary_cross_entropy_grad(y, p),
                               (p - y) / (p * (1 - p)) / 6)


def test_cross_entropy_averages_samples_only():
    z = np.array([[1.0, 2.0, 0.5], [0.0, -1.0, 3.0]])
    labels = np.array([1, 2])
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    assert L.cross_entropy(labels, z) == pytest.approx(-(log_p[0, 1] + log_p[1, 2]) / 2)
    np.testing.assert_allclose(L.cross_entropy_grad(labels, z),
                               (np.exp(log_p) - np.eye(3)[labels]) / 2)


@pytest.mark.parametrize("name", ["mse", "mae", "binary_cross_entropy_with_logits"])
def test_one_output_keeps_the_per_sample_mean(name):
    y, p = np.array([1.0, 0.0, 1.0, 1.0]), np.array([0.3, -0.2, 2.0, 0.9])
    per_sample = {"mse": (p - y) ** 2, "mae": np.abs(p - y),
                  "binary_cross_entropy_with_logits":
                      np.log1p(np.exp(-np.abs(p))) + np.maximum(p, 0) - y * p}[name]
    assert L.get(name)(y, p) == pytest.approx(per_sample.sum() / 4)
    assert L.get(name)(y[:, None], p[:, None]) == pytest.approx(per_sample.sum() / 4)


def test_gradient_keeps_the_prediction_shape():
    assert L.mse_grad([1.0, 2.0], [[1.0], [3.0]]).shape == (2, 1)
    assert L.mse_grad([[1.0], [2.0]], [1.0, 3.0]).shape == (2,)
    assert L.binary_cross_entropy_with_logits_grad([[1.0], [0.0]], [0.3, -0.2]).shape == (2,)


def test_binary_cross_entropy_by_hand():
    y, p = [1.0, 0.0], [0.8, 0.4]
    expected = -(np.log(0.8) + np.log(0.6)) / 2
    assert L.binary_cross_entropy(y, p) == pytest.approx(expected)
    np.testing.assert_allclose(L.binary_cross_entropy_grad(y, p),
                               [-1 / 0.8 / 2, 1 / 0.6 / 2])
    assert L.binary_cross_entropy([1.0], [0.5]) == pytest.approx(np.log(2.0))


def test_bce_with_logits_by_hand():
    assert L.binary_cross_entropy_with_logits([1.0], [0.0]) == pytest.approx(np.log(2.0))
    assert L.binary_cross_entropy_with_logits([0.0], [np.log(3.0)]) == pytest.approx(np.log(4.0))
    np.testing.assert_allclose(L.binary_cross_entropy_with_logits_grad([1.0, 0.0], [0.0, 0.0]),
                               [-0.25, 0.25])


def test_cross_entropy_by_hand():
    logits = np.array([[0.0, np.log(2.0), np.log(5.0)], [1.0, 1.0, 1.0]])
    # softmax row 0 = (1, 2, 5) / 8, row 1 = 1/3 each
    labels = [2, 0]
    expected = -(np.log(5 / 8) + np.log(1 / 3)) / 2
    assert L.cross_entropy(labels, logits) == pytest.approx(expected)
    grad = L.cross_entropy_grad(labels, logits)
    np.testing.assert_allclose(grad, [[1 / 16, 2 / 16, -3 / 16], [-1 / 3, 1 / 6, 1 / 6]])
    one_hot = np.eye(3)[labels]
    assert L.cross_entropy(one_hot, logits) == pytest.approx(expected)
    np.testing.assert_allclose(L.cross_entropy_grad(one_hot, logits), grad)


def test_cross_entropy_with_soft_targets():
    y = np.array([[0.5, 0.5]])
    logits = np.array([[0.0, np.log(3.0)]])
    assert L.cross_entropy(y, logits) == pytest.approx(-(0.5 * np.log(0.25) + 0.5 * np.log(0.75)))


def test_bce_clips_probabilities_of_exactly_zero_and_one():
    assert L.binary_cross_entropy([1.0, 0.0], [1.0, 0.0]) == pytest.approx(0.0, abs=1e-11)
    assert L.binary_cross_entropy([1.0], [0.0]) == pytest.approx(-np.log(1e-12))
    assert np.all(np.isfinite(L.binary_cross_entropy_grad([1.0, 0.0], [0.0, 1.0])))


# --- gradients against finite differences --------------------------------------------

@settings(max_examples=50, deadline=None)
@given(pairs(pred=st.floats(-10, 10), target=st.floats(-10, 10)))
def test_mse_gradient_matches_finite_differences(pair):
    y, p = pair
    np.testing.assert_allclose(L.mse_grad(y, p), numeric_gradient(L.mse, y, p),
                               rtol=1e-5, atol=1e-6)


@settings(max_examples=50, deadline=None)
@given(pairs(pred=st.floats(-10, 10), target=st.floats(-10, 10)))
def test_mae_gradient_matches_finite_differences_away_from_the_kink(pair):
    y, p = pair
    p = np.where(np.abs(p - y) < 1e-3, y + 0.5, p)  # |d| has a kink at d = 0
    np.testing.assert_allclose(L.mae_grad(y, p), numeric_gradient(L.mae, y, p),
                               rtol=1e-5, atol=1e-7)


@settings(max_examples=50, deadline=None)
@given(pairs(pred=probabilities, target=labels01))
def test_bce_gradient_matches_finite_differences(pair):
    y, p = pair
    np.testing.assert_allclose(L.binary_cross_entropy_grad(y, p),
                               numeric_gradient(L.binary_cross_entropy, y, p, h=1e-7),
                               rtol=1e-5, atol=1e-7)


@settings(max_examples=50, deadline=None)
@given(pairs(pred=st.floats(-15, 15), target=st.floats(0.0, 1.0)))
def test_bce_with_logits_gradient_matches_finite_differences(pair):
    y, z = pair
    np.testing.assert_allclose(L.binary_cross_entropy_with_logits_grad(y, z),
                               numeric_gradient(L.binary_cross_entropy_with_logits, y, z),
                               rtol=1e-5, atol=1e-7)


@settings(max_examples=50, deadline=None)
@given(class_problems())
def test_cross_entropy_gradient_matches_finite_differences(problem):
    labels, logits = problem
    np.testing.assert_allclose(L.cross_entropy_grad(labels, logits),
                               numeric_gradient(L.cross_entropy, labels, logits),
                               rtol=1e-5, atol=1e-7)


# --- properties ----------------------------------------------------------------------

@settings(max_examples=100, deadline=None)
@given(pairs())
def test_regression_losses_are_nonnegative_and_zero_only_at_the_target(pair):
    y, p = pair
    assert L.mse(y, p) >= 0 and L.mae(y, p) >= 0
    assert L.mse(y, y) == 0.0 and L.mae(y, y) == 0.0
    if np.any(y != p):
        assert L.mae(y, p) > 0
    if np.any(np.abs(y - p) > 1e-150):  # a smaller difference squared underflows to 0
        assert L.mse(y, p) > 0


@settings(max_examples=100, deadline=None)
@given(pairs(pred=st.floats(-25, 25), target=st.floats(0.0, 1.0)))
def test_bce_with_logits_equals_bce_of_sigmoid_in_the_safe_range(pair):
    y, z = pair
    with_logits = L.binary_cross_entropy_with_logits(y, z)
    assert with_logits >= 0
    assert with_logits == pytest.approx(L.binary_cross_entropy(y, activations.sigmoid(z)),
                                        rel=1e-6, abs=1e-9)
    # dL/dz = dL/dp * σ'(z): the two gradients are consistent through the chain rule
    chain = L.binary_cross_entropy_grad(y, activations.sigmoid(z)) * activations.sigmoid_grad(z)
    np.testing.assert_allclose(L.binary_cross_entropy_with_logits_grad(y, z), chain,
                               rtol=1e-5, atol=1e-9)


@settings(max_examples=100, deadline=None)
@given(class_problems(), st.floats(-1e3, 1e3))
def test_cross_entropy_is_nonnegative_and_shift_invariant(problem, c):
    labels, logits = problem
    ce = L.cross_entropy(labels, logits)
    assert ce >= 0
    assert L.cross_entropy(labels, logits + c) == pytest.approx(ce, rel=1e-6, abs=1e-9)
    assert np.allclose(L.cross_entropy_grad(labels, logits).sum(axis=1), 0.0, atol=1e-12)
    log_p = np.log(activations.softmax(logits)[np.arange(labels.size), labels])
    if np.all(np.isfinite(log_p)):
        assert ce == pytest.approx(-log_p.mean(), rel=1e-6, abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(-20, 20), min_size=1, max_size=8), st.data())
def test_two_class_cross_entropy_equals_bce_with_logits(z, data):
    z = np.array(z)
    y = np.array(data.draw(st.lists(st.integers(0, 1), min_size=z.size, max_size=z.size)))
    logits = np.column_stack([np.zeros_like(z), z])  # softmax(0, z)[1] = σ(z)
    assert L.cross_entropy(y, logits) == pytest.approx(
        L.binary_cross_entropy_with_logits(y.astype(float), z), rel=1e-9, abs=1e-12)


# --- extreme logits ------------------------------------------------------------------

@pytest.mark.parametrize("z", [1e4, -1e4])
@pytest.mark.parametrize("y", [0.0, 1.0])
def test_bce_with_extreme_logits_is_finite_and_exact(z, y):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value = L.binary_cross_entropy_with_logits([y], [z])
        grad = L.binary_cross_entropy_with_logits_grad([y], [z])
    right = (z > 0) == (y == 1.0)
    assert value == (0.0 if right else pytest.approx(1e4))
    assert grad[0] == (0.0 if right else (1.0 if z > 0 else -1.0))


@pytest.mark.parametrize("y, z", [(1.0, 40.0), (0.0, -40.0), (1.0, 700.0)])
def test_bce_with_logits_keeps_tiny_losses_of_confident_right_answers(y, z):
    # -log σ(40) = log(1 + e^{-40}) ≈ 4.2e-18: the log1p term must not drown in 40 - 40
    value = L.binary_cross_entropy_with_logits([y], [z])
    assert value == pytest.approx(np.log1p(np.exp(-abs(z))), rel=1e-12)
    assert value > 0.0
    assert L.binary_cross_entropy_with_logits([1.0], [40.0]) == pytest.approx(4.248354e-18, rel=1e-6)


def test_cross_entropy_with_extreme_logits_is_finite():
    logits = np.array([[1e4, -1e4, 0.0], [-1e4, -1e4, 1e4]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value = L.cross_entropy([0, 0], logits)
        grad = L.cross_entropy_grad([0, 0], logits)
    assert value == pytest.approx(2e4 / 2)
    np.testing.assert_allclose(grad, [[0.0, 0.0, 0.0], [-0.5, 0.0, 0.5]])


# --- get -----------------------------------------------------------------------------

CASES = {
    "mse": ([1.0, 2.0], [0.5, 2.5]),
    "mae": ([1.0, 2.0], [0.5, 2.5]),
    "binary_cross_entropy": ([1.0, 0.0], [0.7, 0.2]),
    "binary_cross_entropy_with_logits": ([1.0, 0.0], [0.7, -0.2]),
    "cross_entropy": ([1, 0], [[0.1, 0.4], [2.0, -1.0]]),
}


def test_cases_cover_every_name():
    assert set(CASES) == set(L.NAMES)


@pytest.mark.parametrize("name", L.NAMES)
def test_get_matches_the_plain_functions(name):
    loss = L.get(name)
    assert isinstance(loss, L.Loss) and loss.name == name and repr(loss) == f"Loss({name!r})"
    y, p = CASES[name]
    assert loss(y, p) == getattr(L, name)(y, p)
    np.testing.assert_array_equal(loss.grad(y, p), getattr(L, f"{name}_grad")(y, p))
    np.testing.assert_allclose(loss.grad(y, p), numeric_gradient(loss, y, p),
                               rtol=1e-5, atol=1e-8)
    assert loss.takes_logits == (name in ("binary_cross_entropy_with_logits", "cross_entropy"))
    assert L.get(loss) is loss


@pytest.mark.parametrize("name", ["MSE", "bce", "", None, 2, L.mse])
def test_get_rejects_unknown_names(name):
    with pytest.raises(ValueError, match="loss must be one of"):
        L.get(name)


# --- bad input -----------------------------------------------------------------------

PAIR_LOSSES = [
    (L.mse, "y_pred"), (L.mse_grad, "y_pred"), (L.mae, "y_pred"), (L.mae_grad, "y_pred"),
    (L.binary_cross_entropy, "p"), (L.binary_cross_entropy_grad, "p"),
    (L.binary_cross_entropy_with_logits, "z"), (L.binary_cross_entropy_with_logits_grad, "z"),
]


@pytest.mark.parametrize("fn, pred", PAIR_LOSSES)
@pytest.mark.parametrize("y, p, exc, which", [
    ([1.0, 0.0], [0.5], ValueError, "both"),
    ([1.0, np.nan], [0.5, 0.5], ValueError, "y_true"),
    ([1.0, 0.0], [0.5, np.inf], ValueError, "pred"),
    ([], [], ValueError, "y_true"),
    ([[1.0, 0.0]], [[0.5]], ValueError, "both"),
    ([[[1.0]]], [[[0.5]]], ValueError, "y_true"),
    ("10", [0.5, 0.5], TypeError, "y_true"),
    ([1.0, 0.0], None, TypeError, "pred"),
])
def test_pair_losses_bad_input(fn, pred, y, p, exc, which):
    name = {"both": f"y_true and {pred}", "pred": pred}.get(which, which)
    with pytest.raises(exc, match=name):
        fn(y, p)


@pytest.mark.parametrize("fn", [L.binary_cross_entropy, L.binary_cross_entropy_grad,
                                L.binary_cross_entropy_with_logits,
                                L.binary_cross_entropy_with_logits_grad])
@pytest.mark.parametrize("y", [[2.0, 0.0], [-0.5, 1.0]])
def test_binary_losses_reject_targets_outside_0_1(fn, y):
    with pytest.raises(ValueError, match="y_true must hold probabilities in"):
        fn(y, [0.5, 0.5])


@pytest.mark.parametrize("fn", [L.binary_cross_entropy, L.binary_cross_entropy_grad])
@pytest.mark.parametrize("p", [[1.5, 0.5], [-0.1, 0.5]])
def test_bce_rejects_probabilities_outside_0_1(fn, p):
    with pytest.raises(ValueError, match="p must hold probabilities"):
        fn([1.0, 0.0], p)


@pytest.mark.parametrize("fn", [L.cross_entropy, L.cross_entropy_grad])
@pytest.mark.parametrize("y, logits, exc, match", [
    ([0, 2], np.zeros((2, 2)), ValueError, r"labels in y_true must be in 0\.\.1"),
    ([0, -1], np.zeros((2, 2)), ValueError, "y_true"),
    ([0, 0.5], np.zeros((2, 2)), ValueError, "y_true"),
    ([0, 1, 1], np.zeros((2, 2)), ValueError, "y_true and logits"),
    ([0, 1], np.zeros(2), ValueError, "logits must be 2-D"),
    ([0, 1], [[0.0, np.nan], [0.0, 0.0]], ValueError, "logits"),
    (np.eye(3), np.zeros((3, 2)), ValueError, "one-hot y_true must have the shape of logits"),
    ([[2.0, 0.0]], np.zeros((1, 2)), ValueError, "y_true must hold probabilities"),
    ([[[1.0]]], np.zeros((1, 1)), ValueError, "y_true"),
    ([[1, 0], [1]], np.zeros((2, 2)), TypeError, "y_true"),
    (None, np.zeros((1, 2)), TypeError, "y_true"),
    ([0], "logits", TypeError, "logits"),
    ([], np.zeros((0, 2)), ValueError, "must not be empty"),
])
def test_cross_entropy_bad_input(fn, y, logits, exc, match):
    with pytest.raises(exc, match=match):
        fn(y, logits)
