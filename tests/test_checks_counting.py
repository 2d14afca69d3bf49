"""Tests for lecture_lib.checks.counting: placeholder, right answer, typical wrong answers."""

import pytest

from lecture_lib.checks import counting as check

RIGHT = {"shallow_count": 83, "deep_count": 122, "distinct_quadratic": 10,
         "hidden_for_budget": 50}
WRONG = {"shallow_count": [70, 80, 73, 120, 999], "deep_count": [104, 50, 54, 7],
         "distinct_quadratic": [13, 12, 9, 11], "hidden_for_budget": [51, 50.5, 5151]}


@pytest.mark.parametrize("name", RIGHT)
def test_placeholder_is_not_attempted(name):
    assert getattr(check, name)(...).status == "not attempted"


@pytest.mark.parametrize("name", RIGHT)
def test_right_answer_is_correct(name):
    result = getattr(check, name)(RIGHT[name])
    assert result.status == "correct", result.message


@pytest.mark.parametrize("name, wrong", [(n, w) for n, ws in WRONG.items() for w in ws])
def test_wrong_answers_get_a_hint(name, wrong):
    result = getattr(check, name)(wrong)
    assert result.status == "hint" and "Hint:" in result.message


def test_specific_hints():
    assert "bias" in check.shallow_count(70).message
    assert "one hidden layer" in check.deep_count(50).message
    assert "twice" in check.distinct_quadratic(13).message
    assert "5,203" in check.hidden_for_budget(51).message
