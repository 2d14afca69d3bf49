"""Checks for notebook 01, learning as function fitting."""

from __future__ import annotations

import numpy as np

from ..fitting import least_squares, line_data, linear_loss
from ..i18n import mark, tr
from . import Result, check_choice, check_number, check_numbers, hint

TASKS = (mark("regression"), mark("classification"), mark("structured"))

#: The three points of exercise 2 and the model ŷ = 1 + 0.5x.
EXERCISE_X = np.array([0.0, 2.0, 4.0])
EXERCISE_Y = np.array([1.0, 4.0, 2.0])


def task_type(answer: object) -> Result:
    """Turning a spoken sentence into written text: structured output."""
    return check_choice(answer, "structured", what=tr("the kind of task"), options=TASKS, hints={
        "classification": tr("the output is not one of a few fixed classes: it is a whole "
                             "sentence, a sequence of words with an order."),
        "regression": tr("the output is not a single number: it is a whole sentence."),
    })


def exercise_mse(answer: object) -> Result:
    """MSE of ŷ = 1 + 0.5x on (0, 1), (2, 4), (4, 2): residuals 0, −2, 1, so L = 5/3."""
    expected = linear_loss(EXERCISE_X, EXERCISE_Y, 0.5, 1.0)
    return check_number(answer, expected, what=tr("the MSE"), hints={
        5.0: tr("5 is the sum of the squared residuals; the MSE divides it by N = 3."),
        linear_loss(EXERCISE_X, EXERCISE_Y, 0.5, 1.0, "mae"):
            tr("1 is the MAE (mean of |r|). Square each residual before averaging."),
        -1 / 3: tr("square each residual before you average: negative and positive "
                   "errors must not cancel."),
    }, default_hint=tr("predictions are ŷ = 1, 2, 3; residuals ŷ − y are 0, −2, 1; "
                       "average their squares."))


def shifted_optimum(answer: object) -> Result:
    """Adding 2 to every y of the notebook's data: w* stays, b* grows by 2."""
    x, y = line_data(20, seed=3)
    w_star, b_star = least_squares(x, y)
    expected = [w_star, b_star + 2.0]
    result = check_numbers(answer, expected, what=tr("[w*, b*] for the shifted data"), tol=0.01)
    if result.status != "hint" or not np.ndim(answer) or np.size(answer) != 2:
        return result
    w, b = np.asarray(answer, dtype=float).ravel()
    if abs(w - w_star) <= 0.01 and abs(b - b_star) <= 0.01:
        return hint(tr("those are w* and b* of the original data. "
                       "Every y moved up by 2: which parameter moves the line up?"))
    if abs(w - w_star - 2.0) <= 0.01:
        return hint(tr("adding 2 to every y moves the line up, it "
                       "does not make it steeper; the slope w* stays."))
    return hint(tr("write ŷ = b + wx; a line 2 higher is "
                   "(b + 2) + wx. Use w_star and b_star printed above."))


def robust_loss(answer: object) -> Result:
    """The loss whose best line moves less when one outlier is added: MAE."""
    return check_choice(answer, "mae", what=tr("the loss less affected by the outlier"),
                        options=("mse", "mae"), hints={
        "mse": tr("the MSE squares each residual, so a residual of 4 costs 16: the outlier "
                  "pulls the MSE line hard. Look at the figure again."),
    })
