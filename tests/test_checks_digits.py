"""Tests for lecture_lib.checks.digits: placeholder, right answer and typical wrong answers."""

import pytest
from checks_contract import assert_three_verdicts

from lecture_lib.checks import digits as check
from lecture_lib.networks import Network

CASES = [  # (check, right answer, typical wrong answers)
    (check.parameter_count, 4810, [4736, 4160, 138, 650, 4800]),
    (check.pixel_input, 0.75, [12, 12 / 255, 12 / 64, 0.5]),
    (check.guessing_accuracy, 0.1, [0.5, 10, 0.0, 1 / 9, 0.25]),
    (check.cure_for_overfitting, "images", ["epochs", "units", "Epochs "]),
]


@pytest.mark.parametrize("fn, right, wrong", CASES)
def test_three_verdicts(fn, right, wrong):
    assert_three_verdicts(fn, right, wrong)


def test_expected_numbers_come_from_the_library():
    assert Network(check.LAYERS).n_parameters == 4810


def test_specific_hints_name_the_confusion():
    assert "bias" in check.parameter_count(4736).message
    assert "units, not parameters" in check.parameter_count(138).message
    assert "divided by 16" in check.pixel_input(12).message
    assert "per cent" in check.guessing_accuracy(10).message
    assert "memorise" in check.cure_for_overfitting("units").message


def test_the_placeholder_does_not_give_the_answer_away():
    for fn, right, _ in CASES:
        assert str(right) not in fn(...).message


def test_non_answers_get_a_hint():
    assert check.parameter_count("4810").status == "hint"
    assert check.cure_for_overfitting("data").status == "hint"
    assert check.cure_for_overfitting("IMAGES").correct
