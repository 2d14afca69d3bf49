"""Tests for lecture_lib.checks.collapse: placeholder, right answer, typical wrong answers."""

import pytest
from checks_contract import assert_three_verdicts

from lecture_lib.checks import collapse as check


@pytest.mark.parametrize("fn, right, wrong", [
    (check.c1_example, 5.52, 2.76),
    (check.c3_example, 3.9, 5.6),
    (check.collapsed_parameters, 3, 13),
    (check.slide_holds_when, 3, 1),
])
def test_each_check_has_three_verdicts(fn, right, wrong):
    assert_three_verdicts(fn, right, [wrong])


def test_specific_hints():
    assert "factor a" in check.c1_example(2.76).message
    assert "c₂" in check.c1_example(-3.38).message
    assert "3b" in check.c3_example(5.6).message
    assert "b-term" in check.c3_example(2.6).message
    assert "13" in check.collapsed_parameters(13).message
