"""Checks for notebook 00, start here: practice with the practice figure's five points."""

from __future__ import annotations

from ..fitting import PRACTICE_X, PRACTICE_Y, least_squares, linear_loss
from ..i18n import tr
from . import Result, check_number


def loss_reading(answer: object) -> Result:
    """The readout's L (mean squared error) with w = 0.5 and b = 2 on the practice points."""
    expected = round(linear_loss(PRACTICE_X, PRACTICE_Y, 0.5, 2.0), 2)
    start = round(linear_loss(PRACTICE_X, PRACTICE_Y, 1.0, 0.0), 2)
    return check_number(answer, expected, what=tr("L at w = 0.5, b = 2"), tol=0.006, hints={
        start: tr("that is L at the start values w = 1, b = 0. Move the sliders to w = 0.5 "
                  "and b = 2 first, then read L."),
        0.5: tr("0.5 is the value of w, not of L. Read the line that starts with 'L ='."),
        2.0: tr("2 is the value of b, not of L. Read the line that starts with 'L ='."),
    }, default_hint=tr("set the w slider to 0.5 and the b slider to 2 (or type the values "
                       "into the boxes next to the sliders), then copy the number after 'L ='."))


def best_slope(answer: object) -> Result:
    """The slope w of your best line: within 0.1 of the least-squares slope."""
    w_star, _ = least_squares(PRACTICE_X, PRACTICE_Y)
    return check_number(answer, round(w_star, 2), what=tr("the slope of the best line"), tol=0.1,
                        hints={round(-w_star, 2): tr("the points rise to the right, so the "
                                                     "best slope is positive.")},
                        default_hint=tr("keep dragging: the best line leaves short residuals "
                                        "on both sides. Watch L fall, and stop where it is "
                                        "smallest (below 0.05)."))
