"""The check framework and notebook 05's checks: placeholder, right answer, typical mistakes."""

import pytest
from checks_contract import assert_three_verdicts

from lecture_lib.checks import Result, check_choice, check_number, check_numbers
from lecture_lib.checks import shallow as check


@pytest.mark.parametrize("func, right, wrong", [
    (check.new_joint, 0.5, 2.0),
    (check.y_at_zero, -2.3, -1.8),
    (check.slope_without_unit_2, -3.3, -1.6),
    (check.max_regions, 6, 5),
])
def test_each_check_knows_placeholder_right_and_wrong(func, right, wrong):
    assert_three_verdicts(func, right, [wrong])


def test_specific_hints_name_the_mistake():
    assert "old bias" in repr(check.new_joint(2.0))
    assert "b₄" in repr(check.y_at_zero(-1.8))
    assert "off at x = 0" in repr(check.y_at_zero(0.46))  # units 2 and 3 taken as linear
    assert "parameters" in repr(check.max_regions(16))
    assert "unit 1 is also on" in repr(check.slope_without_unit_2(-2.4))


def test_framework_verdicts_and_html():
    assert check_number(None, 1.0, what="x").status == "not attempted"
    assert check_number("1", 1.0, what="x").status == "hint"
    assert check_number(1.004, 1.0, what="x").correct
    assert check_numbers([2, 1], [1, 2], what="the roots", ordered=False).correct
    assert check_numbers([1], [1, 2], what="the roots").status == "hint"
    assert check_choice("Softmax", "softmax", what="the output", options=["sigmoid", "softmax"]).correct
    assert check_choice("relu", "softmax", what="the output", options=["sigmoid", "softmax"]).status == "hint"
    html = check_number(1.0, 1.0, what="x")._repr_html_()
    assert "Correct!" in html and "#009E73" in html
    with pytest.raises(ValueError, match="status"):
        Result("maybe", "?")
