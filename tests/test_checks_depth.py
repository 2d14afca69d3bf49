"""Tests for lecture_lib.checks.depth: placeholder, right answer and typical wrong answers."""

import pytest
from checks_contract import assert_three_verdicts

from lecture_lib.checks import depth as check

CASES = [  # (check, right answer, typical wrong answers)
    (check.tent_regions, 64, [12, 7, 32, 13]),
    (check.shallow_max_regions, 13, [12, 37, 64, 7]),
    (check.rms_after_ten_layers, 1 / 32, [1.0, 0.5 ** 10, 0.5, 0.1]),
    (check.composed_regions, 12, [7, 6, 81, 9]),
]


@pytest.mark.parametrize("fn, right, wrong", CASES)
def test_three_verdicts(fn, right, wrong):
    assert_three_verdicts(fn, right, wrong)


def test_specific_hints():
    assert "doubles" in check.tent_regions(12).message
    assert "3n + 1" in check.shallow_max_regions(37).message
    assert "He" in check.rms_after_ten_layers(1.0).message
    assert "3 × 4" in check.composed_regions(6).message
