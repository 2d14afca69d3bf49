"""Tests for lecture_lib.checks.backprop: placeholder, right answer and typical wrong answers."""

import pytest
from checks_contract import assert_three_verdicts

from lecture_lib.checks import backprop as check

CASES = [  # (check, right answer, typical wrong answers)
    (check.output_delta, 0.9, [0.45, -0.9, 0.2025, 1.45, 3.0]),
    (check.gradient_w21, 0.45, [0.9, 1.35, -1.8, 0.0]),
    (check.dead_unit_gradient, 0.0, [-1.25, 2.5, 1.0]),
    (check.delta_shape, [32, 5], [[5, 32], [3, 5], [32, 3]]),
]


@pytest.mark.parametrize("fn, right, wrong", CASES)
def test_three_verdicts(fn, right, wrong):
    assert_three_verdicts(fn, right, wrong)


def test_specific_hints():
    assert "factor 2" in check.output_delta(0.45).message
    assert "sign" in check.output_delta(-0.9).message
    assert "a⁽¹⁾₂ = 0.5" in check.gradient_w21(0.9).message
    assert "ReLU" in check.dead_unit_gradient(-1.25).message
    assert "shape of W" in check.delta_shape([3, 5]).message
