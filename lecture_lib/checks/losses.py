"""Checks for notebook 09, loss functions. Each takes the student's answer."""

from __future__ import annotations

import numpy as np

from .. import losses
from ..i18n import tr
from . import Result, check_choice, check_number


def bce_value(answer: object) -> Result:
    """BCE of one example with y = 1 and p = 0.8: −log 0.8 ≈ 0.223."""
    expected = losses.binary_cross_entropy([1.0], [0.8])
    return check_number(answer, expected, what=tr("the BCE for y = 1, p = 0.8"), tol=2e-3, hints={
        -expected: tr("the loss is the *negative* log-likelihood: put a minus in front of log 0.8."),
        -np.log10(0.8): tr("use the natural logarithm (np.log), not log₁₀."),
        -np.log(0.2): tr("with y = 1 only the term y·log p survives; −log(1 − p) is for y = 0."),
        0.8: tr("that is the probability itself; the loss is −log p."),
    }, default_hint=tr("with y = 1 the loss is −[1·log p + 0·log(1 − p)] = −log p."))


CE_LOGITS, CE_CLASS = (3.0, 1.0, 0.0), 1   # not the live figure's start (2, 1, 0), class 0


def ce_value(answer: object) -> Result:
    """CE for logits (3, 1, 0) and true class 1: −log softmax(z)₁ = log(e³ + e + 1) − 1 ≈ 2.170."""
    z = np.array([CE_LOGITS])
    expected = losses.cross_entropy([CE_CLASS], z)
    log_sum = float(np.log(np.exp(z).sum()))
    return check_number(answer, expected, what=tr("the cross-entropy for z = (3, 1, 0), true class 1"),
                        tol=2e-3, hints={
        -1.0: tr("apply the softmax first: the loss is −log softmax(z)₁, not −z₁."),
        float(np.exp(1.0 - log_sum)): tr("that is softmax(z)₁, the probability; the loss is its "
                                         "negative logarithm."),
        log_sum: tr("that is log Σ e^{z_k}; subtract the true class's logit z₁ = 1 from it."),
        log_sum - 3.0: tr("that is the loss for class 0 (logit 3); the true class is class 1."),
        float(-np.log(1.0 / (1.0 + np.exp(-1.0)))): tr("that is −log σ(z₁), the slide's σ(x_k): "
                                                      "use the softmax over all three logits."),
    }, default_hint=tr("softmax(z)₁ = e¹ / (e³ + e¹ + e⁰); the loss is −log of that."))


def robust_loss(answer: object) -> Result:
    """Which loss gives the line that one far-away point barely moves?  MAE."""
    return check_choice(answer, "mae", what=tr("the robust loss"), options=("mse", "mae"), hints={
        "mse": tr("squaring makes a residual of 10 cost 100: the MSE line bends towards the "
                  "outlier. Move the slider in section 1 and watch both slopes."),
    })


def mae_intercept(answer: object) -> Result:
    """Best constant b for the residuals (1, 2, 3, 4, 20) under the MAE: the median, 3."""
    r = np.array([1.0, 2.0, 3.0, 4.0, 20.0])
    return check_number(answer, float(np.median(r)), what=tr("the b minimising Σ|rᵢ − b|"),
                        hints={
        float(np.mean(r)): tr("6 is the mean: it minimises the squared error (MSE), "
                              "and the outlier 20 pulls it up."),
        20.0: tr("the largest value makes all the other errors big."),
    }, default_hint=tr("under the MAE the best constant has as many points above it as below."))
