"""Tests for the checks of notebook 14: placeholder, right answer, typical wrong answers."""

import pytest

from lecture_lib.checks import regularization as check
from lecture_lib.topics.regularization import polynomial_fit_errors


@pytest.mark.parametrize("name", ["interpolating_degree", "lasso_one_coefficient",
                                  "ridge_one_coefficient", "lasso_zero_threshold"])
def test_placeholder_is_not_attempted(name):
    assert getattr(check, name)(...).status == "not attempted"


def test_interpolating_degree():
    assert check.interpolating_degree(29).correct
    assert "d + 1" in check.interpolating_degree(30).message
    assert check.interpolating_degree(31).status == "hint"
    assert "15 points of the figure" in check.interpolating_degree(14).message
    assert "train MSE" in check.interpolating_degree(10).message


def test_interpolating_degree_agrees_with_the_library():
    # 30 points: degree 29 (30 coefficients) interpolates, degree 28 does not
    r = polynomial_fit_errors([28, 29], n_train=30, noise=0.3, seed=0)
    assert r.train_mse[1] < 1e-12
    assert r.train_mse[0] > 1e-4


def test_lasso_one_coefficient():
    assert check.lasso_one_coefficient(1).correct
    assert check.lasso_one_coefficient(1.0).correct
    assert "ridge" in check.lasso_one_coefficient(0.6).message
    assert "λ/2" in check.lasso_one_coefficient(-1).message
    assert "unpenalised" in check.lasso_one_coefficient(3).message
    assert "threshold" in check.lasso_one_coefficient(0).message
    assert check.lasso_one_coefficient("1").status == "hint"


def test_ridge_one_coefficient():
    assert check.ridge_one_coefficient(0.6).correct
    assert "Lasso" in check.ridge_one_coefficient(1).message
    assert "3 / (1 + 4)" in check.ridge_one_coefficient(0.75).message
    assert "never" in check.ridge_one_coefficient(0).message
    assert check.ridge_one_coefficient(0.3).status == "hint"


def test_lasso_zero_threshold():
    assert check.lasso_zero_threshold(6).correct
    assert "λ/2" in check.lasso_zero_threshold(3).message
    assert "still 1" in check.lasso_zero_threshold(4).message
    assert check.lasso_zero_threshold(9).status == "hint"
