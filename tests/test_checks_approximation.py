"""Tests for lecture_lib.checks.approximation: placeholder, right answer, typical wrong answers."""

import pytest
from checks_contract import assert_three_verdicts

from lecture_lib.checks import approximation as check

RIGHT = {"midpoint": 2.0, "relus_for_curve": 4, "far_right_value": 1.0, "units_for_error": 16}
WRONG = {"midpoint": [-2.0, 0.5, 0.0, 7.0], "relus_for_curve": [6, 3, 5, 8],
         "far_right_value": [0.0, 0.5, 2.0, 100.0], "units_for_error": [8, 4, 32, 64, 10]}


@pytest.mark.parametrize("name", RIGHT)
def test_three_verdicts(name):
    assert_three_verdicts(getattr(check, name), RIGHT[name], WRONG[name])


def test_specific_hints():
    assert "sign" in check.midpoint(-2.0).message
    assert "share a joint" in check.relus_for_curve(6).message
    assert "does not vanish" in check.far_right_value(0.0).message
    assert "0.198" in check.units_for_error(8).message
    assert "smaller n" in check.units_for_error(32).message
