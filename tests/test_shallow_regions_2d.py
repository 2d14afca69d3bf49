"""Tests for lecture_lib.topics.shallow: the exact region count of a 2-input shallow network."""

import numpy as np
import pytest

from lecture_lib.networks import Network
from lecture_lib.shallow import EXAMPLE_2D_WEIGHTS, shallow_2d
from lecture_lib.topics.shallow import count_regions_2d, describe_2d, joint_lines_2d


def concurrent_b1():
    """The b₁ at which unit 1's line passes through the crossing of units 2 and 3."""
    w = EXAMPLE_2D_WEIGHTS
    A = np.array([[w["w12"], w["w22"]], [w["w13"], w["w23"]]])
    p = np.linalg.solve(A, [-w["b2"], -w["b3"]])
    return -(w["w11"] * p[0] + w["w21"] * p[1])


def test_three_lines_in_general_position_give_seven_regions():
    assert count_regions_2d(shallow_2d(**EXAMPLE_2D_WEIGHTS)) == 7
    assert describe_2d(shallow_2d(**EXAMPLE_2D_WEIGHTS)) == "linear regions in view: 7"


def test_the_lines_meet_in_one_point_only_near_b1_minus_0_148():
    b1 = concurrent_b1()
    assert b1 == pytest.approx(-0.1477, abs=1e-4)
    assert count_regions_2d(shallow_2d(**dict(EXAMPLE_2D_WEIGHTS, b1=b1))) == 6
    # a pixel grid said 6 already at b₁ = −0.1; the small triangle is still there
    for near in (-0.1, -0.14, b1 + 1e-4, b1 - 1e-4, -0.16):
        assert count_regions_2d(shallow_2d(**dict(EXAMPLE_2D_WEIGHTS, b1=near))) == 7


def test_count_agrees_with_sign_patterns_on_a_fine_grid():
    rng = np.random.default_rng(0)
    g = np.linspace(-2, 2, 801)
    X = np.column_stack([a.ravel() for a in np.meshgrid(g, g)])
    for _ in range(20):
        values = dict(zip(EXAMPLE_2D_WEIGHTS, rng.uniform(-3, 3, len(EXAMPLE_2D_WEIGHTS))))
        net = shallow_2d(**values)
        A = net.forward_trace(X)[1][1] > 0
        patterns = len(np.unique(A @ (1 << np.arange(3))))
        exact = count_regions_2d(net)
        assert exact >= patterns          # a grid can only miss small regions
        assert exact - patterns <= 1, values


def test_lines_outside_or_without_effect_add_nothing():
    far = dict(EXAMPLE_2D_WEIGHTS, b1=-3.0)    # unit 1's line leaves the window
    assert count_regions_2d(shallow_2d(**far)) == 4
    silent = dict(EXAMPLE_2D_WEIGHTS, w14=0.0)  # unit 1 no longer reaches the output
    assert len(joint_lines_2d(shallow_2d(**silent))) == 2
    assert count_regions_2d(shallow_2d(**silent)) == 4
    same = dict(EXAMPLE_2D_WEIGHTS, w12=2.0, w22=1.0, b2=0.4)  # unit 2 on unit 1's line, doubled
    assert len(joint_lines_2d(shallow_2d(**same))) == 2
    parallel = dict(EXAMPLE_2D_WEIGHTS, w12=1.0, w22=0.5, b2=-0.5, w13=1.0, w23=0.5, b3=0.6)
    assert count_regions_2d(shallow_2d(**parallel)) == 4


def test_bad_input():
    with pytest.raises(TypeError, match="network"):
        count_regions_2d(Network((1, 3, 1), seed=0))
    with pytest.raises(ValueError, match="extent"):
        count_regions_2d(shallow_2d(**EXAMPLE_2D_WEIGHTS), extent=(1.0, -1.0))


@pytest.mark.parametrize("changes", [{}, {"w11": -1.5}, {"w11": -0.3, "b1": 0.6},
                                     {"w11": 0.0, "w12": 0.0, "w13": 0.0}])
def test_the_1d_readout_speaks_the_chosen_language(changes):
    """Notebook 05's readout, shallow.describe: y(-3) in symbols, the rest in Spanish."""
    from lecture_lib import i18n
    from lecture_lib.shallow import LECTURE_WEIGHTS, describe, shallow_1d

    net = shallow_1d(**dict(LECTURE_WEIGHTS, **changes))
    english = describe(net)
    try:
        i18n.set_language("es")
        spanish = describe(net)
    finally:
        i18n.set_language("en")
    assert spanish.splitlines()[0] == english.splitlines()[0]   # y(-3) = …, symbols only
    assert "joints at" in english and "linear region" in english
    assert "joints at" not in spanish and "linear region" not in spanish
