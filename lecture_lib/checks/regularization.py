"""Checks for notebook 14, overfitting and regularisation. Each takes the student's answer.

The one-coefficient exercises use a single sample with :math:`X = 1`, :math:`Y = 3` and
:math:`\\lambda = 4`: Lasso minimises :math:`(3 - \\beta)^2 + 4|\\beta|`, ridge
:math:`(3 - \\beta)^2 + 4\\beta^2`.
"""

from __future__ import annotations

from ..topics.regularization import lasso, lasso_lambda_max, ridge
from ..i18n import tr
from . import Result, check_number

X_ONE, Y_ONE, LAM_ONE = [[1.0]], [3.0], 4.0


def interpolating_degree(answer: object) -> Result:
    """Lowest polynomial degree whose fit passes through all 30 training points (29)."""
    return check_number(answer, 29, what=tr("the lowest degree that interpolates 30 points"),
                        tol=0.0, hints={
        30: tr("a degree-30 polynomial has 31 coefficients; count the coefficients of degree d: "
               "d + 1."),
        31: tr("count the coefficients β₀, …, β_d of a degree-d polynomial: there are d + 1."),
        14: tr("14 is the answer for the 15 points of the figure; here there are 30."),
    }, default_hint=tr("a degree-d polynomial has d + 1 coefficients; 30 equations (one per "
                       "point) are solved exactly by 30 coefficients. In the figure, with "
                       "n = 15, the train MSE first reaches 0 at the degree with 15 "
                       "coefficients."))


def lasso_one_coefficient(answer: object) -> Result:
    """Lasso with X = 1, Y = 3, λ = 4: β̂ = sign(3)·max(3 − λ/2, 0) = 1."""
    expected = lasso(X_ONE, Y_ONE, LAM_ONE).coef[0]
    return check_number(answer, expected, what=tr("the Lasso coefficient"), hints={
        3.0: tr("3 is the unpenalised answer; the penalty 4|β| pulls β towards 0."),
        -1.0: tr("for β > 0 the derivative is −2(3 − β) + 4 = 0; solve it (the 2 of the "
                 "square matters: the shift is λ/2, not λ)."),
        0.6: tr("0.6 = 3 / (1 + λ) is ridge's answer; the Lasso subtracts a constant instead."),
        0.0: tr("λ = 4 is not yet large enough to zero this coefficient: the threshold is "
                "λ = 2|X·Y| = 6."),
    }, default_hint=tr("for β > 0 the cost (3 − β)² + 4β has derivative −2(3 − β) + 4; set it "
                       "to zero."))


def ridge_one_coefficient(answer: object) -> Result:
    """Ridge with X = 1, Y = 3, λ = 4: β̂ = 3 / (1 + λ) = 0.6."""
    expected = ridge(X_ONE, Y_ONE, LAM_ONE).coef[0]
    return check_number(answer, expected, what=tr("the ridge coefficient"), hints={
        1.0: tr("1 = 3 − λ/2 is the Lasso's answer; ridge's penalty 4β² has derivative 8β."),
        3.0: tr("3 is the unpenalised answer; the penalty 4β² pulls β towards 0."),
        0.75: tr("3/4 forgets the data term's own β: −2(3 − β) + 8β = 0 gives β = 3 / (1 + 4)."),
        0.0: tr("ridge shrinks but never reaches exactly 0 for a finite λ."),
    }, default_hint=tr("set the derivative of (3 − β)² + 4β² to zero: −2(3 − β) + 8β = 0."))


def lasso_zero_threshold(answer: object) -> Result:
    """Smallest λ at which the Lasso sets the coefficient to 0 (X = 1, Y = 3): λ = 2|XY| = 6."""
    expected = lasso_lambda_max(X_ONE, Y_ONE)
    return check_number(answer, expected, what=tr("the smallest λ that gives β̂ = 0"), hints={
        3.0: tr("the shift is λ/2, so β̂ = 3 − λ/2 reaches 0 at λ = 2·3."),
        9.0: tr("9 = Y² is the cost at β = 0, not the λ that makes β̂ = 0."),
        4.0: tr("at λ = 4 the Lasso coefficient is still 1; increase λ until 3 − λ/2 = 0."),
    }, default_hint=tr("the Lasso answer is β̂ = max(3 − λ/2, 0); find where it reaches 0."))
