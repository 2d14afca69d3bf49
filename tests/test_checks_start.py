"""Tests for the checks of notebook 00: placeholder, right answer, typical wrong answers."""

import pytest

from lecture_lib.checks import start as check
from lecture_lib.fitting import PRACTICE_X, PRACTICE_Y, least_squares, linear_loss


@pytest.mark.parametrize("name", ["loss_reading", "best_slope"])
def test_placeholder_is_not_attempted(name):
    assert getattr(check, name)(...).status == "not attempted"


def test_loss_reading():
    right = round(linear_loss(PRACTICE_X, PRACTICE_Y, 0.5, 2.0), 2)
    assert right == pytest.approx(0.46)
    assert check.loss_reading(right).correct
    start = check.loss_reading(1.02)            # L at the start values w = 1, b = 0
    assert start.status == "hint" and "start values" in start.message
    assert "value of w" in check.loss_reading(0.5).message
    assert check.loss_reading(3.0).status == "hint"


def test_best_slope():
    w_star, _ = least_squares(PRACTICE_X, PRACTICE_Y)
    assert check.best_slope(w_star + 0.08).correct
    assert check.best_slope(w_star - 0.08).correct
    assert check.best_slope(w_star + 0.2).status == "hint"
    assert "positive" in check.best_slope(-round(w_star, 2)).message
    assert check.best_slope("one").status == "hint"
