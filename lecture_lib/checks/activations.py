"""Checks for notebook 04, activation functions. Each takes the student's answer."""

from __future__ import annotations

import numpy as np

from .. import activations
from . import Result, check_choice, check_number

# Lecture D: binary classification – sigmoid; multi-class – softmax; regression – linear.
OUTPUT_ACTIVATION = {"binary classification": "sigmoid",
                     "multi-class classification": "softmax",
                     "regression": "linear"}
_OUTPUTS = ("sigmoid", "softmax", "linear", "relu", "tanh")


def elu_at_minus_one(answer) -> Result:
    """ELU with α = 0.1 (the EAFIT lecture's value) at z = −1: 0.1(e⁻¹ − 1) ≈ −0.063."""
    expected = float(activations.elu(-1.0, alpha=0.1))
    return check_number(answer, expected, what="ELU(−1) with α = 0.1", tol=1e-3, hints={
        -1.0: "−1 is the value of the linear activation; ELU bends for z < 0: α(eᶻ − 1).",
        0.0: "0 is ReLU(−1); ELU lets a small negative value through: α(eᶻ − 1).",
        -0.1: "−0.1 is Leaky ReLU with slope 0.1 (αz), or ELU's floor −α as z → −∞.",
        float(activations.elu(-1.0, alpha=1.0)): "that is ELU with α = 1; the lecture uses α = 0.1.",
    }, default_hint="for z < 0, ELU(z) = α(eᶻ − 1); use α = 0.1 and z = −1.")


def sigmoid_grad_max(answer) -> Result:
    """The largest value of σ'(z) = σ(z)(1 − σ(z)): 0.25, at z = 0."""
    expected = float(activations.sigmoid_grad(0.0))
    return check_number(answer, expected, what="the largest slope of the sigmoid", tol=1e-3,
                        hints={
        0.5: "0.5 is σ(0), the value; the slope is σ(0)(1 − σ(0)).",
        1.0: "1 is the largest slope of tanh (and of the linear activation), not of σ.",
    }, default_hint="σ'(z) = σ(z)(1 − σ(z)) is largest where σ(z) = 1/2.")


def sigmoid_chain(answer) -> Result:
    """At most how large is the gradient through 10 sigmoid layers with weights 1?  (0.25¹⁰)"""
    expected = float(activations.sigmoid_grad(0.0)) ** 10
    return check_number(answer, expected, what="the upper bound on the gradient through 10 sigmoid layers",
                        tol=1e-8, hints={
        2.5: "2.5 = 10 × 0.25; the chain rule multiplies the slopes, it does not add them.",
        0.25: "0.25 is one layer; the chain rule multiplies one factor per layer.",
    }, default_hint="multiply the largest slope 0.25 once per layer: 0.25 ** 10.")


def output_for_digits(answer) -> Result:
    """Output activation for recognising digits 0–9 (one of ten classes): softmax."""
    return check_choice(answer, OUTPUT_ACTIVATION["multi-class classification"],
                        what="the output activation for ten classes", options=_OUTPUTS, hints={
        "sigmoid": "sigmoid gives one probability for a yes/no question; ten classes need "
                   "ten probabilities that add up to 1.",
        "linear": "a linear output fits real-valued targets (regression), not class "
                  "probabilities.",
        "relu": "ReLU is a hidden-layer activation; its outputs are not probabilities.",
        "tanh": "tanh outputs lie in (−1, 1); they are not probabilities.",
    })


def softmax_high_temperature(answer) -> Result:
    """softmax(z / T) of 4 classes as T grows large: every p_k → 1/4."""
    expected = float(activations.softmax(np.array([2.0, 1.0, 0.1, -1.0]) / 1e6)[0])
    return check_number(answer, expected, what="p₁ for a very high temperature", tol=1e-3,
                        hints={
        1.0: "p₁ → 1 when T is very LOW (the largest logit wins); here T is very high.",
        0.0: "no p_k goes to 0 when T is high: z/T → 0 for every class.",
    }, default_hint="as T grows, z/T → 0 for every class, so all e^{z_k/T} become equal.")
