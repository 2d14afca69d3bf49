"""Tests for lecture_lib._validation, the one shared input checker."""

import numpy as np
import pytest

from lecture_lib._validation import (as_2d, as_array, choice, make_rng, positive_int,
                                     real_number, same_length)

# --- as_array ------------------------------------------------------------------------


@pytest.mark.parametrize("x, expected", [
    ([1, 2, 3], [1.0, 2.0, 3.0]),
    (np.array([1, 2], dtype=np.int8), [1.0, 2.0]),
    ((0.5,), [0.5]),
    ([True, False], [1.0, 0.0]),
    (np.float32(2.5), 2.5),
    (7, 7.0),
])
def test_as_array_converts_to_float64(x, expected):
    arr = as_array(x, "x")
    assert arr.dtype == np.float64
    np.testing.assert_array_equal(arr, expected)


def test_as_array_does_not_copy_a_float_array_needlessly():
    a = np.array([1.0, 2.0])
    assert as_array(a, "a") is a


@pytest.mark.parametrize("x", ["123", b"12", None, [1, "a"], [[1, 2], [3]], {"a": 1},
                               np.array([1 + 2j]), np.complex128(1.0), 1 + 0j])
def test_as_array_rejects_non_numbers_with_type_error(x):
    with pytest.raises(TypeError, match="weights must be an array of numbers"):
        as_array(x, "weights")


@pytest.mark.parametrize("bad", [[1.0, np.nan], [np.inf], [[0.0, -np.inf]]])
def test_as_array_rejects_non_finite(bad):
    with pytest.raises(ValueError, match="X must contain only finite numbers"):
        as_array(bad, "X")
    np.testing.assert_array_equal(as_array(bad, "X", finite=False), bad)


def test_as_array_empty_is_rejected_unless_allowed():
    with pytest.raises(ValueError, match=r"y must not be empty, got shape \(0,\)"):
        as_array([], "y")
    assert as_array([], "y", allow_empty=True).shape == (0,)


def test_as_array_ndim():
    assert as_array([[1.0]], "X", ndim=2).shape == (1, 1)
    assert as_array([1.0], "X", ndim=(1, 2)).shape == (1,)
    with pytest.raises(ValueError, match=r"X must be 2-D, got shape \(3,\)"):
        as_array([1.0, 2.0, 3.0], "X", ndim=2)
    with pytest.raises(ValueError, match=r"X must be 1-D or 2-D, got shape \(\)"):
        as_array(3.0, "X", ndim=(1, 2))


# --- as_2d ---------------------------------------------------------------------------

def test_as_2d_reads_1d_as_a_column():
    np.testing.assert_array_equal(as_2d([1.0, 2.0], "x"), [[1.0], [2.0]])
    assert as_2d([[1.0, 2.0]], "X").shape == (1, 2)


def test_as_2d_checks_features_and_shape():
    assert as_2d([[1.0, 2.0]], "X", n_features=2).shape == (1, 2)
    with pytest.raises(ValueError, match=r"X must have 3 feature column\(s\), got shape \(1, 2\)"):
        as_2d([[1.0, 2.0]], "X", n_features=3)
    with pytest.raises(ValueError, match="X must be 1-D or 2-D"):
        as_2d(np.zeros((2, 2, 2)), "X")
    with pytest.raises(ValueError, match="X must not be empty"):
        as_2d(np.zeros((0, 2)), "X")


# --- same_length ---------------------------------------------------------------------

def test_same_length():
    same_length(np.zeros((3, 2)), np.zeros(3), "X", "y")
    with pytest.raises(ValueError, match="X and y must have the same number of samples, got 3 and 4"):
        same_length(np.zeros((3, 2)), np.zeros(4), "X", "y")


# --- positive_int --------------------------------------------------------------------

@pytest.mark.parametrize("n", [1, 5, np.int64(3), np.uint8(2)])
def test_positive_int_accepts_whole_numbers(n):
    out = positive_int(n, "n")
    assert out == n and type(out) is int


@pytest.mark.parametrize("n", [1.0, 2.5, "3", None, True, np.float64(2.0)])
def test_positive_int_rejects_non_integers(n):
    with pytest.raises(TypeError, match="n_hidden must be a whole number"):
        positive_int(n, "n_hidden")


def test_positive_int_minimum():
    assert positive_int(0, "n", minimum=0) == 0
    with pytest.raises(ValueError, match="n_hidden must be at least 1, got 0"):
        positive_int(0, "n_hidden")
    with pytest.raises(ValueError, match="n_arms must be at least 2, got 1"):
        positive_int(1, "n_arms", minimum=2)


# --- real_number ---------------------------------------------------------------------

@pytest.mark.parametrize("v", [0, 0.5, np.float32(1.5), np.int64(-2)])
def test_real_number_returns_float(v):
    out = real_number(v, "lr")
    assert out == float(v) and type(out) is float


@pytest.mark.parametrize("v", ["0.1", None, True, [0.1], 1 + 1j])
def test_real_number_rejects_non_reals(v):
    with pytest.raises(TypeError, match="lr must be a real number"):
        real_number(v, "lr")


@pytest.mark.parametrize("v", [np.nan, np.inf, -np.inf])
def test_real_number_rejects_non_finite(v):
    with pytest.raises(ValueError, match="lr must be finite"):
        real_number(v, "lr")


def test_real_number_bounds():
    assert real_number(0.0, "noise", low=0.0) == 0.0
    assert real_number(1.0, "p", high=1.0) == 1.0
    with pytest.raises(ValueError, match="noise must be >= 0.0, got -0.1"):
        real_number(-0.1, "noise", low=0.0)
    with pytest.raises(ValueError, match="lr must be > 0.0, got 0.0"):
        real_number(0.0, "lr", low=0.0, low_open=True)
    with pytest.raises(ValueError, match="p must be <= 1.0, got 1.5"):
        real_number(1.5, "p", high=1.0)


# --- choice --------------------------------------------------------------------------

def test_choice():
    assert choice("relu", "activation", ["relu", "tanh"]) == "relu"
    with pytest.raises(ValueError, match=r"activation must be one of \['relu', 'tanh'\], got 'ReLU'"):
        choice("ReLU", "activation", ["relu", "tanh"])
    with pytest.raises(ValueError, match="activation must be one of"):
        choice(None, "activation", ("relu",))
    with pytest.raises(ValueError, match="activation must be one of"):
        choice(["relu"], "activation", iter(["relu"]))


# --- make_rng ------------------------------------------------------------------------

def test_make_rng_from_seed_is_reproducible():
    a, b = make_rng(5), make_rng(np.int64(5))
    assert isinstance(a, np.random.Generator)
    np.testing.assert_array_equal(a.random(4), b.random(4))
    assert not np.array_equal(make_rng(5).random(4), make_rng(6).random(4))


def test_make_rng_passes_a_generator_through_and_it_wins_over_seed():
    gen = np.random.default_rng(1)
    assert make_rng(rng=gen) is gen
    assert make_rng(seed=3, rng=gen) is gen


def test_make_rng_none_gives_a_fresh_generator():
    assert isinstance(make_rng(None), np.random.Generator)


@pytest.mark.parametrize("seed", [1.5, "0", True, [1, 2]])
def test_make_rng_rejects_bad_seed_type(seed):
    with pytest.raises(TypeError, match="seed must be a whole number or None"):
        make_rng(seed)


def test_make_rng_rejects_negative_seed():
    with pytest.raises(ValueError, match="seed must be >= 0, got -1"):
        make_rng(-1)


@pytest.mark.parametrize("rng", [np.random.RandomState(0), 0, "rng"])
def test_make_rng_rejects_non_generators(rng):
    with pytest.raises(TypeError, match="rng must be a numpy.random.Generator"):
        make_rng(rng=rng)
