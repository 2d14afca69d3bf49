"""Tests for lecture_lib.shallow: the lecture's worked example and piecewise-linear anatomy."""

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lecture_lib import shallow
from lecture_lib.networks import Network
from lecture_lib.shallow import (LECTURE_WEIGHTS, joints, lecture_relu_network, linear_regions,
                                 shallow_1d, shallow_2d, hidden_units)


def test_docstring_examples_run():
    assert doctest.testmod(shallow).failed == 0


# --- the lecture's claims -------------------------------------------------------------

def test_lecture_joints():
    np.testing.assert_allclose(joints(lecture_relu_network()), [-2.0, 1.2, 2.0])


def test_lecture_value_at_minus_three():
    assert lecture_relu_network().forward([[-3.0]]).item() == pytest.approx(-0.5)


def test_lecture_four_linear_regions_and_slopes():
    regions = linear_regions(lecture_relu_network())
    assert len(regions) == 4
    np.testing.assert_allclose([s for _, _, s in regions], [0.0, -0.9, 0.8, -1.6], atol=1e-12)
    np.testing.assert_allclose([lo for lo, _, _ in regions[1:]], [-2.0, 1.2, 2.0])
    assert regions[0][0] == -np.inf and regions[-1][1] == np.inf


def test_region_slopes_agree_with_the_network_output():
    net = lecture_relu_network()
    for lo, hi, slope in linear_regions(net, -5.0, 5.0):
        x = np.linspace(lo, hi, 7)[1:-1, None]
        y = net.forward(x)[:, 0]
        np.testing.assert_allclose(np.diff(y) / np.diff(x[:, 0]), slope, atol=1e-12)


def test_hidden_units_decompose_the_output():
    net = lecture_relu_network()
    x = np.linspace(-4, 4, 81)
    parts = hidden_units(net, x)
    w = LECTURE_WEIGHTS
    np.testing.assert_allclose(parts.pre_activation[:, 0], w["w11"] * x + w["b1"])
    np.testing.assert_allclose(parts.activation, np.maximum(parts.pre_activation, 0))
    np.testing.assert_allclose(parts.contribution[:, 2],
                               w["w34"] * np.maximum(w["w13"] * x + w["b3"], 0))
    np.testing.assert_allclose(parts.contribution.sum(axis=1) + w["b4"],
                               parts.output[:, 0], atol=1e-12)
    np.testing.assert_allclose(parts.output, net.forward(x))


def test_hidden_units_needs_a_shallow_single_output_network():
    with pytest.raises(ValueError, match="shallow"):
        hidden_units(Network((1, 3, 3, 1)), [[0.0]])
    with pytest.raises(ValueError, match="shallow"):
        hidden_units(Network((1, 3, 2)), [[0.0]])


def test_lecture_names_map_to_weight_positions():
    net = lecture_relu_network()
    W1, W2 = net.weights
    assert (W1[0, 0], W1[0, 1], W1[0, 2]) == (1.5, 1.0, 2.0)   # ω11, ω12, ω13
    assert tuple(net.biases[0]) == (3.0, -1.2, -4.0)            # b1, b2, b3
    assert tuple(W2[:, 0]) == (-0.6, 1.7, -1.2)                 # ω14, ω24, ω34
    assert net.biases[1][0] == -0.5                             # b4


def test_shallow_2d_matches_its_formula():
    w = shallow.EXAMPLE_2D_WEIGHTS
    net = shallow_2d(**w)
    x1, x2 = 0.7, -1.3
    relu = lambda z: max(z, 0.0)  # noqa: E731
    expected = (w["w14"] * relu(x1 * w["w11"] + x2 * w["w21"] + w["b1"])
                + w["w24"] * relu(x1 * w["w12"] + x2 * w["w22"] + w["b2"])
                + w["w34"] * relu(x1 * w["w13"] + x2 * w["w23"] + w["b3"]) + w["b4"])
    assert net.forward([[x1, x2]]).item() == pytest.approx(expected)


def test_describe_reports_the_lecture_numbers():
    text = shallow.describe(lecture_relu_network())
    assert "y(-3) = -0.50" in text
    assert "-2.00, 1.20, 2.00" in text
    assert "4 linear regions" in text


def test_describe_lists_a_shared_joint_once():
    # ω₁₁ = −1.5 puts unit 1's joint at −3/−1.5 = 2, on unit 3's (−(−4)/2 = 2)
    text = shallow.describe(shallow_1d(**dict(LECTURE_WEIGHTS, w11=-1.5)))
    assert "joints at x = 1.20, 2.00 (2 units)\n" in text
    assert "3 linear regions, slopes (1) 0.90, (2) 2.60, (3) -0.70" in text
    # a shared position that floating point misses by one ulp is still one joint
    w = dict(LECTURE_WEIGHTS, w11=-0.3, b1=0.6)   # 0.6 / 0.3 = 1.9999999999999998
    text = shallow.describe(shallow_1d(**w))
    assert "2.00 (2 units)" in text and text.count("2.00") == 1
    assert len(linear_regions(shallow_1d(**w))) == 3


# --- joints and regions in general -----------------------------------------------------

def test_units_that_cannot_bend_the_output_have_no_joint():
    w = dict(LECTURE_WEIGHTS, w24=0.0)   # unit 2 switched off at the output
    np.testing.assert_allclose(joints(shallow_1d(**w)), [-2.0, 2.0])
    w = dict(LECTURE_WEIGHTS, w12=0.0)   # unit 2 constant in x
    np.testing.assert_allclose(joints(shallow_1d(**w)), [-2.0, 2.0])


def test_regions_restricted_to_an_interval():
    regions = linear_regions(lecture_relu_network(), 0.0, 3.0)
    assert [(lo, hi) for lo, hi, _ in regions] == [(0.0, 1.2), (1.2, 2.0), (2.0, 3.0)]
    np.testing.assert_allclose([s for _, _, s in regions], [-0.9, 0.8, -1.6])


def test_equal_neighbouring_slopes_are_merged():
    # unit 2 and unit 3 switch on together with contributions that cancel
    net = shallow_1d(1.0, 0.0, 1.0, -1.0, 2.0, -2.0, 1.0, 2.0, -1.0, 0.0)
    regions = linear_regions(net)
    assert [s for _, _, s in regions] == [0.0, 1.0]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(-3, 3, allow_nan=False).filter(lambda v: abs(v) > 0.05),
                min_size=10, max_size=10))
def test_regions_are_straight_and_cover_the_line(params):
    net = shallow_1d(*params)
    regions = linear_regions(net, -10.0, 10.0)
    assert regions[0][0] == -10.0 and regions[-1][1] == 10.0
    assert all(a[1] == b[0] for a, b in zip(regions[:-1], regions[1:]))
    assert len(regions) <= len(joints(net)) + 1
    for lo, hi, slope in regions:
        if hi - lo > 1e-6:
            xs = np.array([[lo + 0.25 * (hi - lo)], [lo + 0.75 * (hi - lo)]])
            ys = net.forward(xs)[:, 0]
            assert (ys[1] - ys[0]) / (xs[1, 0] - xs[0, 0]) == pytest.approx(slope, abs=1e-8)


# --- bad input -----------------------------------------------------------------------

@pytest.mark.parametrize("net", [Network((1, 3, 3, 1)), Network((2, 3, 1)), Network((1, 3, 2)),
                                 Network((1, 3, 1), activation="tanh")])
def test_joints_need_a_shallow_1d_relu_network(net):
    with pytest.raises(ValueError, match="shallow ReLU network"):
        joints(net)
    with pytest.raises(ValueError, match="shallow ReLU network"):
        linear_regions(net)


def test_regions_need_an_ordered_interval():
    with pytest.raises(ValueError, match="x_min"):
        linear_regions(lecture_relu_network(), 1.0, 1.0)


@pytest.mark.parametrize("seed", range(20))
def test_closed_form_regions_agree_with_the_general_any_depth_algorithm(seed):
    from lecture_lib.regions import region_boundaries
    from lecture_lib.networks import Network
    rng = np.random.default_rng(seed)
    net = Network.from_weights([(rng.normal(size=(1, 5)), rng.normal(size=5)),
                                (rng.normal(size=(5, 1)), rng.normal(size=1))])
    borders = [r[0] for r in linear_regions(net, -4.0, 4.0)[1:]]
    np.testing.assert_allclose(borders, region_boundaries(net, -4.0, 4.0), atol=1e-9)
    lecture = [r[0] for r in linear_regions(lecture_relu_network(), -4.0, 4.0)[1:]]
    np.testing.assert_allclose(lecture, region_boundaries(lecture_relu_network(), -4.0, 4.0))
