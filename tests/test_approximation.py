"""Tests for lecture_lib.topics.approximation: identities, the approximation claim and bad input."""

import doctest

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from lecture_lib import activations
from lecture_lib.topics import approximation as A

reals = st.floats(-5.0, 5.0, allow_nan=False)
nonzero = reals.filter(lambda v: abs(v) > 1e-3)
X = np.linspace(-8.0, 8.0, 1601)


def test_docstring_examples_run():
    assert doctest.testmod(A).failed == 0


@given(reals, reals, reals)
def test_two_relus_make_one_hard_sigmoid(c, b, w):
    np.testing.assert_allclose(A.relu_sum(X, A.two_relus(c, b, w)),
                               A.hard_sigmoid_unit(X, c, b, w), atol=1e-12)


@given(reals, reals, nonzero)
def test_sigmoid_unit_height_midpoint_and_direction(c, b, w):
    assert A.sigmoid_unit(np.array([-b / w]), c, b, w)[0] == pytest.approx(c / 2)
    far = np.array([-b / w + 60.0 / w])  # far on the side where b + wx is large
    assert A.sigmoid_unit(far, c, b, w)[0] == pytest.approx(c, abs=1e-9)
    np.testing.assert_allclose(A.sigmoid_unit(X, c, b, w), c * activations.sigmoid(b + w * X))


@st.composite
def curves(draw):
    k = draw(st.integers(2, 7))
    steps = draw(hnp.arrays(np.float64, k - 1, elements=st.floats(0.1, 2.0)))
    xs = -3.0 + np.concatenate([[0.0], np.cumsum(steps)])
    ys = draw(hnp.arrays(np.float64, k, elements=reals))
    return xs, ys


@given(curves())
def test_constant_plus_ramps_is_the_piecewise_linear_curve(curve):
    xs, ys = curve
    constant, ramps = A.ramps_from_points(xs, ys)
    assert constant == ys[0] and len(ramps) == len(xs) - 1
    assert sum(h for _, _, h in ramps) == pytest.approx(ys[-1] - ys[0])
    np.testing.assert_allclose(A.evaluate_ramps(X, constant, ramps), np.interp(X, xs, ys),
                               atol=1e-12)


def test_ramp_by_hand():
    np.testing.assert_allclose(A.ramp([0.0, 1.0, 2.0, 3.0, 4.0], 1.0, 3.0, 2.0),
                               [0.0, 0.0, 1.0, 2.0, 2.0])


def test_joints_evenly_spaced_start_at_the_left_end():
    np.testing.assert_allclose(A.joints_evenly_spaced(4, (-3.0, 3.0)), [-3.0, -1.5, 0.0, 1.5])


def test_fit_is_a_network_that_reproduces_a_piecewise_linear_target_exactly():
    # joints of the target lie on the grid of 4 evenly spaced joints: the fit is exact
    x = np.linspace(-3, 3, 301)
    y = np.interp(x, [-3.0, -1.5, 0.0, 1.5, 3.0], [0.0, 1.0, -1.0, 2.0, 0.5])
    net = A.fit_shallow_relu(x, y, 4)
    assert net.layer_sizes == (1, 4, 1) and net.n_parameters == 13
    np.testing.assert_allclose(net.forward(x[:, None])[:, 0], y, atol=1e-9)


def test_fit_is_the_least_squares_solution():
    rng = np.random.default_rng(1)
    x = np.sort(rng.uniform(-3, 3, 80))
    y = rng.normal(size=80)
    net = A.fit_shallow_relu(x, y, 6)
    design = np.column_stack([np.maximum(x[:, None] - A.joints_evenly_spaced(6), 0), np.ones(80)])
    best = np.linalg.lstsq(design, y, rcond=None)[0]
    got = np.concatenate([net.weights[1][:, 0], net.biases[1]])
    np.testing.assert_allclose(got, best, atol=1e-8)


def test_fit_with_fewer_points_than_units_falls_back_to_minimum_norm():
    net = A.fit_shallow_relu([0.0, 1.0, 2.0], [0.0, 1.0, 0.0], 10)
    np.testing.assert_allclose(net.forward([[0.0], [1.0], [2.0]])[:, 0], [0, 1, 0], atol=1e-9)


@pytest.mark.parametrize("name", list(A.TARGETS))
def test_error_falls_as_units_double(name):
    errors = [A.approximation_error(name, n) for n in (1, 2, 4, 8, 16, 32, 64)]
    assert all(b <= a + 1e-12 for a, b in zip(errors, errors[1:]))
    assert errors[-1] < errors[0] / 10


def test_any_continuous_target_gets_below_a_threshold():
    assert A.approximation_error("wave", 64) < 0.005
    assert A.approximation_error("steep", 64) < 0.01
    assert A.approximation_error("root", 200) < 0.05   # slower: infinite slope at 0
    assert A.approximation_error("wave", 16) < 0.05 < A.approximation_error("wave", 8)


def test_describe_readouts():
    assert A.describe_unit(2.0, 1.0, 1.5).splitlines() == [
        "height c = 2.00", "midpoint x = -b/w = -0.67",
        "ReLU 1: weight = 0.40, joint x = -2.33", "ReLU 2: weight = -0.40, joint x = 1.00"]
    assert "none" in A.describe_unit(1.0, 0.0, 0.0)
    assert "midpoint x = -b/w = 0.00" in A.describe_unit(1.0, 0.0, 2.0)  # no "-0.00"
    text = A.describe_ramps(*A.ramps_from_points([0.0, 1.0], [0.5, -1.0]))
    assert text.splitlines() == ["constant = 0.50", "ramp 1: from x = 0.00 to x = 1.00, height = -1.50"]
    assert A.describe_fit("wave", 4, 1.0199).splitlines() == [
        "target f(x) = sin(2x) + 0.3x", "hidden units n = 4", "parameters 3n + 1 = 13",
        "fitted (output layer) = 5", "max error = 1.020"]
    assert A.describe_ramps_check(8.9e-16, 100) == (
        "largest difference between curve and constant + ramps over 100 random curves: 8.9e-16")
    assert A.describe_relus_check(2.7e-15, 100) == (
        "largest |c·h(b + wx) − (two ReLUs)| over 100 random (c, b, w): 2.7e-15")


def test_readouts_and_checks_speak_spanish():
    from lecture_lib.checks import approximation as check
    from lecture_lib.i18n import set_language
    try:
        set_language("es")
        assert A.describe_fit("steep", 2, 0.5).splitlines()[1] == "unidades ocultas n = 2"
        assert A.describe_unit(1.0, 0.0, 0.0).splitlines()[1] == "punto medio x = ninguno (w = 0)"
        assert check.midpoint(2.0).message == "¡Correcto! El punto medio de c·σ(3 − 1.5x) es 2."
        with pytest.raises(ValueError, match="estrictamente creciente"):
            A.ramps_from_points([1.0, 0.0], [0.0, 1.0])
    finally:
        set_language("en")


@pytest.mark.parametrize("call, err, name", [
    (lambda: A.sigmoid_unit([0.0], "1", 0.0, 1.0), TypeError, "c"),
    (lambda: A.hard_sigmoid_unit([0.0], 1.0, np.nan, 1.0), ValueError, "b"),
    (lambda: A.two_relus(1.0, 0.0, np.inf), ValueError, "w"),
    (lambda: A.relu_sum([0.0], [(1.0, 2.0)]), ValueError, "units"),
    (lambda: A.ramps_from_points([0.0, 1.0], [1.0]), ValueError, "xs and ys"),
    (lambda: A.ramps_from_points([1.0, 0.0], [0.0, 1.0]), ValueError, "increasing"),
    (lambda: A.ramp([0.0], 1.0, 1.0, 1.0), ValueError, "end"),
    (lambda: A.fit_shallow_relu([0.0, 1.0], [0.0], 3), ValueError, "same length"),
    (lambda: A.fit_shallow_relu([0.0, 1.0], [0.0, 1.0], 0), ValueError, "n_hidden"),
    (lambda: A.fit_shallow_relu([[0.0]], [0.0], 2), ValueError, "x"),
    (lambda: A.joints_evenly_spaced(3, (1.0, -1.0)), ValueError, "interval"),
    (lambda: A.joints_evenly_spaced(3, 5.0), TypeError, "interval"),
    (lambda: A.target("cubic", [0.0]), ValueError, "target"),
    (lambda: A.approximation_error("wave", 2.5), TypeError, "n_hidden"),
    (lambda: A.approximation_error("wave", 4, n_points=1), ValueError, "n_points"),
])
def test_bad_input_names_the_argument(call, err, name):
    with pytest.raises(err, match=name):
        call()
