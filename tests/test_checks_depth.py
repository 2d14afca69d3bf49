"""Tests for lecture_lib.checks.depth: placeholder, right answer and typical wrong answers."""

import pytest
from checks_contract import assert_three_verdicts

from lecture_lib.checks import depth as check

CASES = [  # (check, right answer, typical wrong answers)
    (check.tent_regions, 1024, [20, 11, 512, 64, 21]),
    (check.shallow_max_regions, 21, [20, 61, 1024, 13, 11]),
    (check.rms_after_ten_layers, 1 / 32, [1.0, 0.5 ** 10, 0.5, 0.1, 0.015]),
    (check.composed_regions, 12, [7, 6, 81, 9]),
]


@pytest.mark.parametrize("fn, right, wrong", CASES)
def test_three_verdicts(fn, right, wrong):
    assert_three_verdicts(fn, right, wrong)


def test_specific_hints():
    assert "doubles" in check.tent_regions(20).message
    assert "3n + 1" in check.shallow_max_regions(61).message
    assert "He" in check.rms_after_ten_layers(1.0).message
    assert "one random draw" in check.rms_after_ten_layers(0.015).message
    assert "3 × 4" in check.composed_regions(6).message
