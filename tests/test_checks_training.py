"""Tests for lecture_lib.checks.training: placeholder, right answer, typical wrong answers."""

import pytest

from lecture_lib.checks import training as check

CASES = [
    (check.steps_per_epoch, 15, [10, 150, 1500, 1, 7]),
    (check.gradient_step, 0.3, [0.7, -1.5, 0.2, 0.0]),
    (check.linear_activation, "linear", ["tanh", "relu", "sigmoid"]),
    (check.xor_best_line, 0.75, [0.5, 1.0, 0.25, 75, 0.6]),
]


@pytest.mark.parametrize("fn, right, wrongs", CASES)
def test_placeholder_right_and_wrong(fn, right, wrongs):
    assert fn(...).status == "not attempted"
    assert fn(None).status == "not attempted"
    assert fn(right).status == "correct"
    for wrong in wrongs:
        result = fn(wrong)
        assert result.status == "hint", wrong
        assert "Hint" in result.message


def test_specific_hints_name_the_mistake():
    assert "sign" in check.gradient_step(0.7).message
    assert "batch size" in check.steps_per_epoch(10).message
    assert "fraction" in check.xor_best_line(75).message
    assert "kink" in check.linear_activation("ReLU").message


def test_wrong_type_gets_a_hint_not_an_error():
    assert check.steps_per_epoch("fifteen").status == "hint"
    assert check.linear_activation(3).status == "hint"
    assert check.linear_activation("softmax").status == "hint"


def test_the_expected_answers_follow_from_the_formulas():
    n_train, batch = 150, 10
    assert check.steps_per_epoch(n_train // batch).correct
    w, grad, eta = 0.5, 2.0, 0.1
    assert check.gradient_step(w - eta * grad).correct
    assert check.xor_best_line(3 / 4).correct
