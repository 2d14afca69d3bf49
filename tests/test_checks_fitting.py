"""Tests for the checks of notebook 01: placeholder, right answer, typical wrong answers."""

import pytest

from lecture_lib.checks import fitting as check
from lecture_lib.fitting import least_squares, line_data


@pytest.mark.parametrize("name", ["task_type", "exercise_mse", "shifted_optimum",
                                  "robust_loss"])
def test_placeholder_is_not_attempted(name):
    assert getattr(check, name)(...).status == "not attempted"


def test_task_type():
    assert check.task_type("structured").correct
    assert check.task_type(" Structured ").correct
    assert "fixed classes" in check.task_type("classification").message
    assert "single number" in check.task_type("regression").message
    assert check.task_type("clustering").status == "hint"


def test_exercise_mse():
    assert check.exercise_mse(5 / 3).correct
    assert check.exercise_mse(1.67).correct
    assert "divides" in check.exercise_mse(5).message
    assert "MAE" in check.exercise_mse(1.0).message
    assert "cancel" in check.exercise_mse(-1 / 3).message
    assert check.exercise_mse(2.5).status == "hint"


def test_shifted_optimum():
    w, b = least_squares(*line_data(20, seed=3))
    assert check.shifted_optimum([w, b + 2]).correct
    assert check.shifted_optimum((round(w, 3), round(b + 2, 3))).correct
    assert "original data" in check.shifted_optimum([w, b]).message
    assert "steeper" in check.shifted_optimum([w + 2, b]).message
    assert check.shifted_optimum([0.0, 0.0]).status == "hint"
    assert check.shifted_optimum([w]).status == "hint"


def test_robust_loss():
    assert check.robust_loss("MAE").correct
    result = check.robust_loss("mse")
    assert result.status == "hint" and "squares" in result.message
    assert check.robust_loss("huber").status == "hint"
