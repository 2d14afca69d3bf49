"""Checks for notebook 17, double descent. Each takes the student's answer."""

from __future__ import annotations

from . import Result, check_choice, check_number


def peak_position(answer) -> Result:
    """With n = 50 training points (λ = 0), the test error peaks at p = n = 50 hidden units."""
    return check_number(answer, 50, what="the width p of the test-error peak for n = 50",
                        tol=0.0, hints={
        25: "the peak is not at half the data: it sits where the fit first passes through "
            "every training point, one unit per point.",
        100: "the peak is where units and points are equal, not at twice as many units.",
        5: "5 is the number of inputs of each point; count training points instead.",
        30: "30 is the training-set size of the figure above; here n = 50.",
    }, default_hint="the peak sits at the interpolation threshold, p = n.")


def train_error_beyond_threshold(answer) -> Result:
    """Train MSE for p = 80 units and n = 50 points with λ = 0: the fit interpolates, so 0."""
    return check_number(answer, 0.0, what="the train MSE for p = 80, n = 50, λ = 0",
                        tol=1e-6, hints={
        0.09: "σ² = 0.09 is the floor of the *test* error. On the training points, 80 free "
              "output weights can match 50 targets exactly.",
        0.3: "the noise does not stop an exact fit of the training points: with more "
             "weights than points, the fit passes through every one.",
    }, default_hint="with more output weights than training points the least-squares fit "
                    "passes through every training point: what is its error there?")


def interpolating_solutions(answer) -> Result:
    """How many output-weight vectors fit n = 30 points exactly with p = 60 units? Infinitely many."""
    return check_choice(answer, "infinitely many",
                        what="the number of exact fits with p = 60 units and n = 30 points",
                        options=("none", "one", "infinitely many"), hints={
        "none": "that is the case p < n: fewer weights than equations. Here p = 60 > n = 30.",
        "one": "exactly one exact fit is the case p = n. With 60 weights and 30 equations, "
               "30 directions of β change nothing on the training points.",
    })


def what_removes_the_peak(answer) -> Result:
    """Which removes the peak at p = n: less noise, more units or a ridge penalty? Ridge."""
    return check_choice(answer, "ridge", what="what removes the peak",
                        options=("less noise", "more units", "ridge"), hints={
        "less noise": "set σ = 0 in the live figure: the peak shrinks but stays. The target "
                      "is not exactly a sum of the random units, so the misfit plays the "
                      "role of noise, and the exact fit at p = n still goes wild.",
        "more units": "more units move you past the peak, but the network with p = n units "
                      "still has it. Which control flattens the curve at p = n itself?",
    })
