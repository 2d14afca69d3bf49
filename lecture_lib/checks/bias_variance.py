"""Checks for notebook 15, the bias–variance decomposition. Each takes the student's answer."""

from __future__ import annotations

import numpy as np

from ..i18n import mark, tr
from ..topics.bias_variance import bias_variance_decomposition
from . import Result, check_choice, check_number

NOISE = 0.3          # the notebook's generator: sigma = 0.3, fixed design, seed 5
SEED = 5
DEGREES = range(13)
TERMS = (mark("bias"), mark("variance"), mark("noise"))   # the choices; a translation is accepted too


def noise_term(answer: object) -> Result:
    """The noise term of the decomposition if the noise had sigma = 0.5: sigma² = 0.25."""
    return check_number(answer, 0.5 ** 2, what=tr("the noise term σ² for σ = 0.5"), tol=1e-3,
                        hints={
        0.5: tr("0.5 is the standard deviation σ; the decomposition adds squared errors, so "
                "the noise term is σ²."),
        NOISE ** 2: tr("0.09 is σ² for the notebook's σ = 0.3; here the noise has σ = 0.5."),
        0.0: tr("the noise is in the test targets y' too: no model can predict ε', so it "
                "costs σ² on average."),
    }, default_hint=tr("the noise term is the variance σ² of ε ~ N(0, σ²), here with σ = 0.5."))


def expected_test_error(answer: object) -> Result:
    """bias² = 0.02, variance = 0.05 and sigma = 0.3: expected test error 0.02 + 0.05 + 0.09."""
    return check_number(answer, 0.02 + 0.05 + NOISE ** 2, what=tr("the expected test error"),
                        tol=1e-3, hints={
        0.07: tr("you added bias² and variance; the noise σ² = 0.09 is the third term."),
        0.37: tr("σ = 0.3 is a standard deviation: the noise term is σ² = 0.09, not 0.3."),
    }, default_hint=tr("test error ≈ bias² + variance + σ²."))


BEST_DEGREE_N = 90   # a training-set size whose best degree the notebook does not print


def best_degree(answer: object) -> Result:
    """The degree with the lowest measured test error for n = 90 (read from the live figure)."""
    result = bias_variance_decomposition(DEGREES, n_train=BEST_DEGREE_N, noise=NOISE,
                                         design="fixed", seed=SEED)
    best = int(result.degrees[np.argmin(result.test_error)])
    hints = {12: tr("degree 12 fits each training set most closely, but its variance is the "
                    "largest."),
             0: tr("degree 0 has the smallest variance, but its bias² is the largest."),
             5: tr("5 is the best degree for n = 15 and n = 30; with n = 90 points the variance "
                   "is smaller. Set n = 90 in the live figure and compare the test errors.")}
    hints.pop(best, None)
    return check_number(answer, best, what=tr("the degree with the lowest test error at n = 90"),
                        tol=0.0, hints=hints,
                        default_hint=tr("set n = 90 in the live figure and find the lowest "
                                        "purple dot in the U (the readout gives the test "
                                        "error)."))


def what_more_data_reduces(answer: object) -> Result:
    """Which term falls when each data set gets more points: the variance."""
    return check_choice(answer, "variance", what=tr("the term more data reduces"),
                        options=TERMS, hints={
        "bias": tr("the bias² is the error of the *average* fit; with a polynomial of fixed "
                   "degree the average fit hardly moves when n grows. Watch the blue bar."),
        "noise": tr("σ² belongs to the data generator, not to the model: no amount of data "
                    "removes it. Watch the grey bar."),
    })
