"""Tests for lecture_lib.checks.perceptron: placeholder, right answer, typical wrong answers."""

import pytest
from checks_contract import assert_three_verdicts

from lecture_lib.checks import perceptron as check


@pytest.mark.parametrize("fn, right, wrong", [
    (check.party_z, 3, 6),
    (check.nand_bias, 1.5, 0.5),
    (check.one_update, [1.0, 0.0, 0.5], [0.5, -0.5, 0.0]),
    (check.best_xor_line, 3, 4),
])
def test_each_check_has_three_verdicts(fn, right, wrong):
    assert_three_verdicts(fn, right, [wrong])


def test_specific_hints():
    assert "bias" in check.party_z(6).message
    assert "smaller" in check.nand_bias(2.5).message
    assert "larger" in check.nand_bias(1.0).message
    assert check.nand_bias(2).correct and not check.nand_bias("2").correct
    assert "add" in check.one_update([0.0, -1.0, -0.5]).message
    assert check.one_update([1, 0]).status == "hint"
    assert "grid search" in check.best_xor_line(4).message
