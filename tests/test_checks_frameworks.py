"""Tests for lecture_lib.checks.frameworks: placeholder, right answer, typical wrong answers."""

import numpy as np
import pytest
import torch  # in the test extra
from checks_contract import assert_three_verdicts

from lecture_lib.checks import frameworks as check
from lecture_lib.networks import count_parameters


@pytest.mark.parametrize("fn, right, wrongs", [
    (check.linear_weight_shape, (5, 3), [(3, 5), (1, 5), "5x3", 5]),
    (check.l1_gradient, -0.01, [0.01, -0.004, -0.008, 0.004, -0.4, 1.0]),
    (check.state_dict_entries, 4, [2, 3, 6, 99, 5]),
])
def test_each_check_has_three_verdicts(fn, right, wrongs):
    assert_three_verdicts(fn, right, wrongs)


def test_specific_hints_name_the_mistake():
    assert "transpose" in check.linear_weight_shape((3, 5)).message
    assert check.linear_weight_shape([5, 3]).correct and check.linear_weight_shape(np.array([5, 3])).correct
    assert "sign" in check.l1_gradient(0.01).message
    assert "ridge" in check.l1_gradient(-0.008).message
    assert "ReLU" in check.state_dict_entries(6).message
    assert check.state_dict_entries("four").status == "hint"


def test_the_expected_answers_follow_from_the_formulas():
    lam, w = 0.01, -0.4
    assert check.l1_gradient(lam * np.sign(w)).correct
    assert check.state_dict_entries(2 * 2).correct          # two Linear layers, weight + bias
    assert count_parameters((2, 16, 3)) == 99               # the number the hint names


def test_answers_agree_with_pytorch():
    assert check.linear_weight_shape(tuple(torch.nn.Linear(3, 5).weight.shape)).correct
    model = torch.nn.Sequential(torch.nn.Linear(2, 16), torch.nn.ReLU(), torch.nn.Linear(16, 3))
    assert check.state_dict_entries(len(model.state_dict())).correct
    w = torch.tensor(-0.4, requires_grad=True)
    (0.01 * w.abs()).backward()
    assert check.l1_gradient(w.grad.item()).correct
