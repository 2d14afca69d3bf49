"""Tests for lecture_lib.checks.approximation: placeholder, right answer, typical wrong answers."""

import pytest
from checks_contract import assert_three_verdicts

from lecture_lib.checks import approximation as check

RIGHT = {"midpoint": 2.0, "relus_for_curve": 4, "far_right_value": 1.0, "error_at_128": 0.00071}
WRONG = {"midpoint": [-2.0, 0.5, 0.0, 7.0], "relus_for_curve": [6, 3, 5, 8],
         "far_right_value": [0.0, 0.5, 2.0, 100.0], "error_at_128": [0.0014, 0.0028, 0.00035, 0.01]}


@pytest.mark.parametrize("name", RIGHT)
def test_three_verdicts(name):
    assert_three_verdicts(getattr(check, name), RIGHT[name], WRONG[name])


def test_specific_hints():
    assert "sign" in check.midpoint(-2.0).message
    assert "share a joint" in check.relus_for_curve(6).message
    assert "does not vanish" in check.far_right_value(0.0).message
    assert "not by 2" in check.error_at_128(0.0014).message
    assert "measured value is 0.00066" in check.error_at_128(0.0007).message
    assert check.error_at_128(0.0028 / 4).correct
