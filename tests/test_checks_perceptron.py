"""Tests for lecture_lib.checks.perceptron: placeholder, right answer, typical wrong answers."""

import pytest
from checks_contract import assert_three_verdicts

from lecture_lib.checks import perceptron as check


@pytest.mark.parametrize("fn, right, wrong", [
    (check.party_z, 1, 6),
    (check.nand_bias, 3, 1.5),
    (check.one_update, [1.0, 0.0, 0.5], [0.5, -0.5, 0.0]),
    (check.and_not_weights, [1, -1, -0.5], [1, 1, -0.5]),
])
def test_each_check_has_three_verdicts(fn, right, wrong):
    assert_three_verdicts(fn, right, [wrong])


def test_specific_hints():
    assert "bias" in check.party_z(6).message
    assert "b = −3" in check.party_z(3).message
    assert "(1, 1, 0)" in check.party_z(-1).message   # z = 4 − 5 for (0, 0, 1) and (1, 1, 0)
    assert "smaller" in check.nand_bias(4.5).message
    assert "larger" in check.nand_bias(2.0).message
    assert check.nand_bias(4).correct and not check.nand_bias("4").correct
    assert "add" in check.one_update([0.0, -1.0, -0.5]).message
    assert check.one_update([1, 0]).status == "hint"
    assert check.and_not_weights([2, -3, -1]).correct
    assert "(1, 1)" in check.and_not_weights([1, 1, -0.5]).message
    assert "(0, 0)" in check.and_not_weights([1, -1, 0.5]).message
    assert check.and_not_weights([1, -1]).status == "hint"
