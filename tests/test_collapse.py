"""Tests for the linear-activation collapse functions appended to lecture_lib.shallow."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from lecture_lib.networks import Network
from lecture_lib.shallow import EXAMPLE_2D_WEIGHTS, shallow_2d
from lecture_lib.topics.collapse import (affine_network_2d, affine_stack, collapse_stack,
                                         describe_collapse, linear_collapse, plane_residual,
                                         slide_constant)

real = st.floats(-3, 3, allow_nan=False)
weights_st = st.fixed_dictionaries({k: real for k in EXAMPLE_2D_WEIGHTS})
X = np.random.default_rng(0).uniform(-2, 2, (500, 2))


@given(weights_st, real, real)
@settings(max_examples=100)
def test_network_equals_collapsed_plane(weights, a, b):
    """Claim: with f(z) = az + b the 2-3-1 network is y = c1 x1 + c2 x2 + c3 on any input."""
    c1, c2, c3 = linear_collapse(weights, a, b)
    y = affine_network_2d(X, weights, a, b)
    assert np.allclose(y, c1 * X[:, 0] + c2 * X[:, 1] + c3, atol=1e-9)


@given(weights_st, real, real)
def test_coefficients_match_the_lecture_formulas(weights, a, b):
    w = weights
    c1, c2, c3 = linear_collapse(w, a, b)
    assert np.isclose(c1, a * (w["w11"] * w["w14"] + w["w12"] * w["w24"] + w["w13"] * w["w34"]))
    assert np.isclose(c2, a * (w["w21"] * w["w14"] + w["w22"] * w["w24"] + w["w23"] * w["w34"]))
    assert np.isclose(c3, a * (w["b1"] * w["w14"] + w["b2"] * w["w24"] + w["b3"] * w["w34"])
                      + b * (w["w14"] + w["w24"] + w["w34"]) + w["b4"])


def test_slide_constant_holds_only_when_output_weights_are_one():
    """Claim: the slide's '3b' is right when every ω_k4 = 1, wrong in general."""
    w = dict(EXAMPLE_2D_WEIGHTS)
    assert not np.isclose(slide_constant(w, 1.5, 0.5), linear_collapse(w, 1.5, 0.5)[2])
    assert np.isclose(slide_constant(w, 1.5, 0.0), linear_collapse(w, 1.5, 0.0)[2])
    w.update(w14=1.0, w24=1.0, w34=1.0)
    assert np.isclose(slide_constant(w, 1.5, 0.5), linear_collapse(w, 1.5, 0.5)[2])


def test_example_values():
    c1, c2, c3 = linear_collapse(EXAMPLE_2D_WEIGHTS, 2.0, 1.0)
    assert (round(c1, 6), round(c2, 6), round(c3, 6)) == (5.52, -3.38, 3.9)
    assert np.isclose(slide_constant(EXAMPLE_2D_WEIGHTS, 2.0, 1.0), 5.6)


def test_identity_activation_matches_library_network():
    net = shallow_2d(**EXAMPLE_2D_WEIGHTS, activation="linear")
    assert np.allclose(affine_network_2d(X, EXAMPLE_2D_WEIGHTS, 1.0, 0.0), net.forward(X)[:, 0])


def _layers(sizes, seed):
    rng = np.random.default_rng(seed)
    return [(rng.normal(size=(m, n)), rng.normal(size=n)) for m, n in zip(sizes[:-1], sizes[1:])]


@given(st.integers(1, 6), st.integers(1, 5), real, real, st.integers(0, 1000))
@settings(max_examples=50)
def test_deep_stacks_collapse(depth, width, a, b, seed):
    layers = _layers((2,) + (width,) * depth + (3,), seed)
    W, c = collapse_stack(layers, a, b)
    assert W.shape == (2, 3) and c.shape == (3,)
    assert np.allclose(affine_stack(X, layers, a, b), X @ W + c, rtol=1e-9, atol=1e-6)


def test_collapse_stack_of_shallow_network_gives_lecture_coefficients():
    W1 = [[1.0, -0.8, 0.3], [0.5, 1.2, -1.0]]
    layers = [(W1, [0.2, -0.5, 0.4]), ([[1.5], [-1.2], [1.0]], [0.0])]
    W, c = collapse_stack(layers, 2.0, 1.0)
    assert np.allclose(W.ravel(), [5.52, -3.38]) and np.allclose(c, [3.9])


def test_plane_residual_separates_linear_from_relu():
    layers = _layers((2, 8, 8, 1), 3)
    assert plane_residual(X, affine_stack(X, layers, 0.8, 0.3)) < 1e-12
    assert plane_residual(X, Network.from_weights(layers).forward(X)) > 0.1


def test_describe_collapse_readout():
    lines = describe_collapse(EXAMPLE_2D_WEIGHTS, 2.0, 1.0).splitlines()
    assert lines == ["c1 = 5.520", "c2 = -3.380", "c3 = 3.900", "slide constant (3b) = 5.600",
                     "max |network - plane| < 1e-9 = yes"]


@pytest.mark.parametrize("call, match", [
    (lambda: linear_collapse({"w11": 1.0}, 1, 0), "weights must be a dict with keys"),
    (lambda: linear_collapse([1, 2], 1, 0), "weights must be a dict"),
    (lambda: linear_collapse({**EXAMPLE_2D_WEIGHTS, "w11": np.nan}, 1, 0), "weights\\['w11'\\]"),
    (lambda: linear_collapse(EXAMPLE_2D_WEIGHTS, "a", 0), "a must be a real number"),
    (lambda: slide_constant(EXAMPLE_2D_WEIGHTS, 1, None), "b must be a real number"),
    (lambda: affine_network_2d(np.zeros((3, 3)), EXAMPLE_2D_WEIGHTS, 1, 0), "X must have 2"),
    (lambda: affine_stack(X, [], 1, 0), "layers must be a non-empty list"),
    (lambda: affine_stack(X, [(np.ones((2, 3)),)], 1, 0), "layers\\[0\\] must be a \\(W, b\\)"),
    (lambda: collapse_stack([(np.ones((2, 3)), np.ones(2))], 1, 0), "b must have 3 entries"),
    (lambda: collapse_stack([(np.ones((2, 3)), np.ones(3)), (np.ones((2, 1)), np.ones(1))], 1, 0),
     "layers\\[1\\]"),
    (lambda: plane_residual(X, np.ones(3)), "y must have one value per row"),
])
def test_bad_input_names_the_argument(call, match):
    with pytest.raises((ValueError, TypeError), match=match):
        call()
