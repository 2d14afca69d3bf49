"""Checks for notebook 08, universal approximation. Each takes the student's answer."""

from __future__ import annotations

import numpy as np

from ..topics.approximation import approximation_error, relu_sum
from . import Result, check_number

DOUBLINGS = (1, 2, 4, 8, 16, 32, 64)


def midpoint(answer) -> Result:
    """Where is c·σ(b + wx) with b = 3, w = −1.5 halfway up?  b + wx = 0 → x = −b/w = 2."""
    b, w = 3.0, -1.5
    return check_number(answer, -b / w, what="the midpoint of c·σ(3 − 1.5x)", hints={
        b / w: "check the sign: solve b + wx = 0, so x = −b/w = −3/(−1.5).",
        -w / b: "the midpoint solves b + wx = 0 for x; that is −b/w, not −w/b.",
        0.0: "σ(z) is halfway (1/2) at z = 0, which happens where b + wx = 0, not at x = 0.",
    }, default_hint="σ(z) = 1/2 at z = 0: solve 3 − 1.5x = 0.")


def relus_for_curve(answer) -> Result:
    """ReLUs needed for the curve through (0,0), (1,1), (2,−1), (3,0.5), flat outside: 4 joints → 4."""
    return check_number(answer, 4, what="the number of ReLU units needed", tol=0.0, hints={
        6: "three ramps × two ReLUs works, but neighbouring ramps share a joint: the ReLU that "
           "ends one ramp and the one that starts the next can be merged into one.",
        3: "the slope changes at x = 0, 1, 2 and also at x = 3, where the curve turns flat.",
        5: "count the joints (x where the slope changes): each ReLU adds exactly one.",
    }, default_hint="one ReLU changes the slope at one joint; count where the slope changes.")


def far_right_value(answer) -> Result:
    """0.5·relu(x + 1) − 0.5·relu(x − 1) for large x: 0.5(x + 1) − 0.5(x − 1) = 1."""
    expected = float(relu_sum(np.array([100.0]), [(0.5, 1.0, 1.0), (-0.5, -1.0, 1.0)])[0])
    return check_number(answer, expected, what="the value far to the right", hints={
        0.0: "both ReLUs are on for large x, but their joints differ: "
             "0.5(x + 1) − 0.5(x − 1) does not vanish.",
        0.5: "0.5 is the weight of each ReLU, not the final height: the ramp climbs with "
             "slope 0.5 from x = −1 to x = 1, so it ends 0.5 · 2 higher.",
        2.0: "the weights are 0.5 each: 0.5·(x + 1) − 0.5·(x − 1).",
    }, default_hint="for large x, relu(z) = z: compute 0.5(x + 1) − 0.5(x − 1).")


def units_for_error(answer) -> Result:
    """Smallest n in 1, 2, 4, …, 64 with max error below 0.05 on the "wave" target (16)."""
    enough = [n for n in DOUBLINGS if approximation_error("wave", n) < 0.05]
    expected = enough[0]
    hints = {n: f"with n = {n} the max error is {approximation_error('wave', n):.3f}, "
                "still above 0.05." for n in DOUBLINGS if n < expected}
    hints.update({n: f"n = {n} is enough, but a smaller n in the table already is."
                  for n in DOUBLINGS if n > expected})
    return check_number(answer, expected, what="the smallest n with error below 0.05",
                        tol=0.0, hints=hints,
                        default_hint="pick one of the n in the printed table: 1, 2, 4, …, 64.")
