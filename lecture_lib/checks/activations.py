"""Checks for notebook 04, activation functions. Each takes the student's answer."""

from __future__ import annotations

import numpy as np

from .. import activations
from ..i18n import mark, tr
from ..topics.activations import OUTPUT_ACTIVATION
from . import Result, check_choice, check_number

# Lecture D's rule, OUTPUT_ACTIVATION (task → output activation), lives in topics.activations;
# the options are marked so that their translations are accepted as answers too.
_OUTPUTS = (mark("sigmoid"), mark("softmax"), mark("linear"), mark("relu"), mark("tanh"))


def elu_at_minus_three(answer: object) -> Result:
    """ELU with α = 0.1 (the EAFIT lecture's value) at z = −3: 0.1(e⁻³ − 1) ≈ −0.095."""
    expected = float(activations.elu(-3.0, alpha=0.1))
    return check_number(answer, expected, what=tr("ELU(−3) with α = 0.1"), tol=1e-3, hints={
        -3.0: tr("−3 is the value of the linear activation; ELU bends for z < 0: α(eᶻ − 1)."),
        0.0: tr("0 is ReLU(−3); ELU lets a small negative value through: α(eᶻ − 1)."),
        -0.3: tr("−0.3 is Leaky ReLU with slope 0.1 (αz); ELU is α(eᶻ − 1)."),
        -0.1: tr("−0.1 is ELU's floor −α, reached only as z → −∞; at z = −3 it is not quite "
                 "there."),
        float(activations.elu(-3.0, alpha=1.0)): tr("that is ELU with α = 1; the lecture uses "
                                                    "α = 0.1."),
    }, default_hint=tr("for z < 0, ELU(z) = α(eᶻ − 1); use α = 0.1 and z = −3."))


def sigmoid_grad_at_one(answer: object) -> Result:
    """The sigmoid's slope at z = 1: σ'(1) = σ(1)(1 − σ(1)) ≈ 0.197."""
    expected = float(activations.sigmoid_grad(1.0))
    s1 = float(activations.sigmoid(1.0))
    return check_number(answer, expected, what=tr("the sigmoid's slope σ'(1)"), tol=1e-3, hints={
        s1: tr("that is σ(1), the value; the slope is σ(1)(1 − σ(1))."),
        0.25: tr("0.25 is the largest slope, at z = 0; at z = 1 the slope is already smaller."),
        1.0 - s1: tr("that is 1 − σ(1); multiply it by σ(1)."),
    }, default_hint=tr("σ'(z) = σ(z)(1 − σ(z)) with σ(1) = 1 / (1 + e⁻¹)."))


def sigmoid_chain(answer: object) -> Result:
    """At most how large is the gradient through 10 sigmoid layers with weights 1?  (0.25¹⁰)"""
    expected = float(activations.sigmoid_grad(0.0)) ** 10
    return check_number(answer, expected,
                        what=tr("the upper bound on the gradient through 10 sigmoid layers"),
                        tol=1e-8, hints={
        2.5: tr("2.5 = 10 × 0.25; the chain rule multiplies the slopes, it does not add them."),
        0.25: tr("0.25 is one layer; the chain rule multiplies one factor per layer."),
    }, default_hint=tr("multiply the largest slope 0.25 once per layer: 0.25 ** 10."))


def output_for_digits(answer: object) -> Result:
    """Output activation for recognising digits 0–9 (one of ten classes): softmax."""
    return check_choice(answer, OUTPUT_ACTIVATION["multi-class classification"],
                        what=tr("the output activation for ten classes"), options=_OUTPUTS, hints={
        "sigmoid": tr("sigmoid gives one probability for a yes/no question; ten classes need "
                      "ten probabilities that add up to 1."),
        "linear": tr("a linear output fits real-valued targets (regression), not class "
                     "probabilities."),
        "relu": tr("ReLU is a hidden-layer activation; its outputs are not probabilities."),
        "tanh": tr("tanh outputs lie in (−1, 1); they are not probabilities."),
    })


def softmax_high_temperature(answer: object) -> Result:
    """softmax(z / T) of 4 classes as T grows large: every p_k → 1/4."""
    expected = float(activations.softmax(np.array([2.0, 1.0, 0.1, -1.0]) / 1e6)[0])
    return check_number(answer, expected, what=tr("p₁ for a very high temperature"), tol=1e-3,
                        hints={
        1.0: tr("p₁ → 1 when T is very LOW (the largest logit wins); here T is very high."),
        0.0: tr("no p_k goes to 0 when T is high: z/T → 0 for every class."),
    }, default_hint=tr("as T grows, z/T → 0 for every class, so all e^{z_k/T} become equal."))
