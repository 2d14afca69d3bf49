"""Tests for lecture_lib.checks.losses: placeholder, right answer, typical wrong answers."""

import numpy as np
import pytest
from checks_contract import assert_three_verdicts

from lecture_lib.checks import losses as check

RIGHT = {"bce_value": -np.log(0.8), "ce_value": 2.1698, "robust_loss": "MAE",
         "mae_intercept": 3.0}
WRONG = {"bce_value": [np.log(0.8), -np.log10(0.8), -np.log(0.2), 0.8, 5.0],
         "ce_value": [-1.0, 0.1142, 3.1698, 0.1698, 0.3133, 0.4076], "robust_loss": ["mse", "huber"],
         "mae_intercept": [6.0, 20.0, 2.5]}


@pytest.mark.parametrize("name", RIGHT)
def test_three_verdicts(name):
    assert_three_verdicts(getattr(check, name), RIGHT[name], WRONG[name])


def test_specific_hints():
    assert "negative" in check.bce_value(np.log(0.8)).message
    assert "log₁₀" in check.bce_value(-np.log10(0.8)).message
    assert "softmax first" in check.ce_value(-1.0).message
    assert "negative logarithm" in check.ce_value(0.1142).message
    assert "class 0" in check.ce_value(0.1698).message
    assert "σ(x_k)" in check.ce_value(0.3133).message
    assert "outlier" in check.robust_loss("mse").message
    assert "mean" in check.mae_intercept(6.0).message
