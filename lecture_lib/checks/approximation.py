"""Checks for notebook 08, universal approximation. Each takes the student's answer."""

from __future__ import annotations

import numpy as np

from ..i18n import tr
from ..topics.approximation import approximation_error, relu_sum
from . import Result, check_number, correct


def midpoint(answer: object) -> Result:
    """Where is c·σ(b + wx) with b = 3, w = −1.5 halfway up?  b + wx = 0 → x = −b/w = 2."""
    b, w = 3.0, -1.5
    return check_number(answer, -b / w, what=tr("the midpoint of c·σ(3 − 1.5x)"), hints={
        b / w: tr("check the sign: solve b + wx = 0, so x = −b/w = −3/(−1.5)."),
        -w / b: tr("the midpoint solves b + wx = 0 for x; that is −b/w, not −w/b."),
        0.0: tr("σ(z) is halfway (1/2) at z = 0, which happens where b + wx = 0, not at x = 0."),
    }, default_hint=tr("σ(z) = 1/2 at z = 0: solve 3 − 1.5x = 0."))


def relus_for_curve(answer: object) -> Result:
    """ReLUs needed for the curve through (0,0), (1,1), (2,−1), (3,0.5), flat outside: 4 joints → 4."""
    return check_number(answer, 4, what=tr("the number of ReLU units needed"), tol=0.0, hints={
        6: tr("three ramps × two ReLUs works, but neighbouring ramps share a joint: the ReLU that "
              "ends one ramp and the one that starts the next can be merged into one."),
        3: tr("the slope changes at x = 0, 1, 2 and also at x = 3, where the curve turns flat."),
        5: tr("count the joints (x where the slope changes): each ReLU adds exactly one."),
    }, default_hint=tr("one ReLU changes the slope at one joint; count where the slope changes."))


def far_right_value(answer: object) -> Result:
    """0.5·relu(x + 1) − 0.5·relu(x − 1) for large x: 0.5(x + 1) − 0.5(x − 1) = 1."""
    expected = float(relu_sum(np.array([100.0]), [(0.5, 1.0, 1.0), (-0.5, -1.0, 1.0)])[0])
    return check_number(answer, expected, what=tr("the value far to the right"), hints={
        0.0: tr("both ReLUs are on for large x, but their joints differ: "
                "0.5(x + 1) − 0.5(x − 1) does not vanish."),
        0.5: tr("0.5 is the weight of each ReLU, not the final height: the ramp climbs with "
                "slope 0.5 from x = −1 to x = 1, so it ends 0.5 · 2 higher."),
        2.0: tr("the weights are 0.5 each: 0.5·(x + 1) − 0.5·(x − 1)."),
    }, default_hint=tr("for large x, relu(z) = z: compute 0.5(x + 1) − 0.5(x − 1)."))


def error_at_128(answer: object) -> Result:
    """Predict the wave's max error at n = 128 from n = 64 and "error ∝ (piece length)²": e₆₄ / 4."""
    printed = round(approximation_error("wave", 64), 4)       # the table's last entry
    expected = printed / 4
    measured = approximation_error("wave", 128)
    what = tr("the predicted max error at n = 128")
    result = check_number(answer, expected, what=what, tol=2e-4, hints={
        printed / 2: tr("halving the length of every piece divides the error by 2² = 4, not by 2."),
        printed: tr("that is the error at n = 64; doubling n halves every piece."),
        printed / 8: tr("the error shrinks like the square of the piece length: divide by 4, not 8."),
    }, default_hint=tr("doubling n halves the length of every piece; the error of straight "
                       "pieces shrinks like that length squared."))
    if result.correct:
        return correct(tr("{what} is {expected} (= {printed} / 4); the measured value is "
                          "{measured}, close to the prediction.").format(
            what=what, expected=f"{expected:.5f}", printed=printed, measured=f"{measured:.5f}"))
    return result
