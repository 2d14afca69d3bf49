"""Checks for notebook 17, double descent. Each takes the student's answer."""

from __future__ import annotations

from ..i18n import mark, tr
from . import Result, check_choice, check_number

# The options of the multiple-choice checks (English; check_choice also accepts their translations)
NONE, ONE, INFINITELY_MANY = mark("none"), mark("one"), mark("infinitely many")
LESS_NOISE, MORE_UNITS, RIDGE = mark("less noise"), mark("more units"), mark("ridge")


def peak_position(answer: object) -> Result:
    """With n = 50 training points (λ = 0), the test error peaks at p = n = 50 hidden units."""
    return check_number(answer, 50, what=tr("the width p of the test-error peak for n = 50"),
                        tol=0.0, hints={
        25: tr("the peak is not at half the data: it sits where the fit first passes through "
               "every training point, one unit per point."),
        100: tr("the peak is where units and points are equal, not at twice as many units."),
        5: tr("5 is the number of inputs of each point; count training points instead."),
        30: tr("30 is the training-set size of the figure above; here n = 50."),
    }, default_hint=tr("the peak sits at the interpolation threshold, p = n."))


def train_error_beyond_threshold(answer: object) -> Result:
    """Train MSE for p = 80 units and n = 50 points with λ = 0: the fit interpolates, so 0."""
    return check_number(answer, 0.0, what=tr("the train MSE for p = 80, n = 50, λ = 0"),
                        tol=1e-6, hints={
        0.09: tr("σ² = 0.09 is the floor of the *test* error. On the training points, 80 free "
                 "output weights can match 50 targets exactly."),
        0.3: tr("the noise does not stop an exact fit of the training points: with more "
                "weights than points, the fit passes through every one."),
    }, default_hint=tr("with more output weights than training points the least-squares fit "
                       "passes through every training point: what is its error there?"))


def interpolating_solutions(answer: object) -> Result:
    """How many output-weight vectors fit n = 30 points exactly with p = 60 units? Infinitely many."""
    return check_choice(answer, INFINITELY_MANY,
                        what=tr("the number of exact fits with p = 60 units and n = 30 points"),
                        options=(NONE, ONE, INFINITELY_MANY), hints={
        NONE: tr("that is the case p < n: fewer weights than equations. Here p = 60 > n = 30."),
        ONE: tr("exactly one exact fit is the case p = n. With 60 weights and 30 equations, "
                "30 directions of β change nothing on the training points."),
    })


def what_removes_the_peak(answer: object) -> Result:
    """Which removes the peak at p = n: less noise, more units or a ridge penalty? Ridge."""
    return check_choice(answer, RIDGE, what=tr("what removes the peak"),
                        options=(LESS_NOISE, MORE_UNITS, RIDGE), hints={
        LESS_NOISE: tr("set σ = 0 in the live figure: the peak shrinks but stays. The target "
                       "is not exactly a sum of the random units, so the misfit plays the "
                       "role of noise, and the exact fit at p = n still goes wild."),
        MORE_UNITS: tr("more units move you past the peak, but the network with p = n units "
                       "still has it. Which control flattens the curve at p = n itself?"),
    })
