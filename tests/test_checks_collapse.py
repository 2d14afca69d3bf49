"""Tests for lecture_lib.checks.collapse: placeholder, right answer, typical wrong answers."""

import pytest
from checks_contract import assert_three_verdicts

from lecture_lib.checks import collapse as check


@pytest.mark.parametrize("fn, right, wrong", [
    (check.c1_example, 1.38, 2.76),
    (check.c3_example, -0.65, -2.35),
    (check.collapsed_parameters, 12, 192),
    (check.b_term_multiple, 6, 3),
])
def test_each_check_has_three_verdicts(fn, right, wrong):
    assert_three_verdicts(fn, right, [wrong])


def test_specific_hints():
    assert "factor a" in check.c1_example(2.76).message
    assert "c₂" in check.c1_example(-0.845).message
    assert "printed above" in check.c1_example(5.52).message
    assert "3b" in check.c3_example(-2.35).message
    assert "b-term" in check.c3_example(0.65).message
    assert "printed above" in check.c3_example(3.9).message
    assert "parameter count" in check.collapsed_parameters(192).message
    assert "constant vector" in check.collapsed_parameters(10).message
    assert "three units" in check.b_term_multiple(2).message
