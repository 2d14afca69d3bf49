"""Tests for lecture_lib.checks.metrics: placeholder, right answer and typical wrong answers."""

import pytest
from checks_contract import assert_three_verdicts

from lecture_lib.checks import metrics as check

CASES = [  # (check, right answer, typical wrong answers)
    (check.precision_of_run, 0.24, [0.8, 0.918, 0.76, 0.123]),
    (check.recall_of_run, 0.8, [0.24, 0.2, 0.918, 0.5]),
    (check.accuracy_of_silent_detector, 0.97, [0.0, 0.03, 0.918, 0.5, 0.95]),
    (check.r2_from_sums, -0.5, [1.5, 1 / 3, 0.0, 2.0]),
]


@pytest.mark.parametrize("fn, right, wrong", CASES)
def test_three_verdicts(fn, right, wrong):
    assert_three_verdicts(fn, right, wrong)


def test_specific_hints_name_the_confusion():
    assert "recall" in check.precision_of_run(0.8).message
    assert "precision" in check.recall_of_run(0.24).message
    assert "TN = 970" in check.accuracy_of_silent_detector(0.0).message
    assert "notebook's run" in check.accuracy_of_silent_detector(0.95).message
    assert "subtracts" in check.r2_from_sums(1.5).message


def test_non_numbers_get_a_hint():
    assert check.precision_of_run("0.24").status == "hint"
    assert check.r2_from_sums([1.0]).status == "hint"
