"""Tests for lecture_lib.checks.backprop: placeholder, right answer and typical wrong answers."""

import pytest
from checks_contract import assert_three_verdicts

from lecture_lib.checks import backprop as check

CASES = [  # (check, right answer, typical wrong answers)
    (check.output_delta, 1.4, [0.7, -1.4, 0.49, 2.7, 0.9, 1.0]),
    (check.gradient_w21, 0.35, [1.4, 2.8, -2.8, -0.35, 0.45, 0.0]),
    (check.branching_delta, 0.14, [0.7, 0.2, -0.06, 0.26, 0.16, 0.0]),
    (check.delta_shape, [32, 5], [[5, 32], [3, 5], [32, 3]]),
]


@pytest.mark.parametrize("fn, right, wrong", CASES)
def test_three_verdicts(fn, right, wrong):
    assert_three_verdicts(fn, right, wrong)


def test_specific_hints():
    assert "factor 2" in check.output_delta(0.7).message
    assert "sign" in check.output_delta(-1.4).message
    assert "x = 1, y = 1" in check.output_delta(0.9).message
    assert "a⁽¹⁾₂ = 0.25" in check.gradient_w21(1.4).message
    assert "σ′(z) = 0.2" in check.branching_delta(0.7).message
    assert "both branches" in check.branching_delta(0.2).message
    assert "sign of w₄" in check.branching_delta(0.26).message
    assert "shape of W" in check.delta_shape([3, 5]).message
