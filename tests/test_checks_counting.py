"""Tests for lecture_lib.checks.counting: placeholder, right answer, typical wrong answers."""

import pytest
from checks_contract import assert_three_verdicts

from lecture_lib.checks import counting as check

RIGHT = {"shallow_count": 83, "deep_count": 122, "distinct_quadratic": 10,
         "hidden_for_budget": 50}
WRONG = {"shallow_count": [70, 80, 73, 120, 999], "deep_count": [104, 50, 54, 7],
         "distinct_quadratic": [13, 12, 9, 11], "hidden_for_budget": [51, 50.5, 5151]}


@pytest.mark.parametrize("name", RIGHT)
def test_three_verdicts(name):
    assert_three_verdicts(getattr(check, name), RIGHT[name], WRONG[name])


def test_specific_hints():
    assert "bias" in check.shallow_count(70).message
    assert "one hidden layer" in check.deep_count(50).message
    assert "twice" in check.distinct_quadratic(13).message
    assert "5,203" in check.hidden_for_budget(51).message
