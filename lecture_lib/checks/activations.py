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


def elu_at_minus_three(answer: object) -> Result:
    """ELU with α = 0.1 (the EAFIT lecture's value) at z = −3: 0.1(e⁻³ − 1) ≈ −0.095."""
    expected = float(activations.elu(-3.0, alpha=0.1))
    return check_number(answer, expected, what="ELU(−3) with α = 0.1", tol=1e-3, hints={
        -3.0: "−3 is the value of the linear activation; ELU bends for z < 0: α(eᶻ − 1).",
        0.0: "0 is ReLU(−3); ELU lets a small negative value through: α(eᶻ − 1).",
        -0.3: "−0.3 is Leaky ReLU with slope 0.1 (αz); ELU is α(eᶻ − 1).",
        -0.1: "−0.1 is ELU's floor −α, reached only as z → −∞; at z = −3 it is not quite there.",
        float(activations.elu(-3.0, alpha=1.0)): "that is ELU with α = 1; the lecture uses α = 0.1.",
    }, default_hint="for z < 0, ELU(z) = α(eᶻ − 1); use α = 0.1 and z = −3.")


def sigmoid_grad_at_one(answer: object) -> Result:
    """The sigmoid's slope at z = 1: σ'(1) = σ(1)(1 − σ(1)) ≈ 0.197."""
    expected = float(activations.sigmoid_grad(1.0))
    s1 = float(activations.sigmoid(1.0))
    return check_number(answer, expected, what="the sigmoid's slope σ'(1)", tol=1e-3, hints={
        s1: "that is σ(1), the value; the slope is σ(1)(1 − σ(1)).",
        0.25: "0.25 is the largest slope, at z = 0; at z = 1 the slope is already smaller.",
        1.0 - s1: "that is 1 − σ(1); multiply it by σ(1).",
    }, default_hint="σ'(z) = σ(z)(1 − σ(z)) with σ(1) = 1 / (1 + e⁻¹).")


def sigmoid_chain(answer: object) -> Result:
    """At most how large is the gradient through 10 sigmoid layers with weights 1?  (0.25¹⁰)"""
    expected = float(activations.sigmoid_grad(0.0)) ** 10
    return check_number(answer, expected, what="the upper bound on the gradient through 10 sigmoid layers",
                        tol=1e-8, hints={
        2.5: "2.5 = 10 × 0.25; the chain rule multiplies the slopes, it does not add them.",
        0.25: "0.25 is one layer; the chain rule multiplies one factor per layer.",
    }, default_hint="multiply the largest slope 0.25 once per layer: 0.25 ** 10.")


def output_for_digits(answer: object) -> Result:
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


def softmax_high_temperature(answer: object) -> Result:
    """softmax(z / T) of 4 classes as T grows large: every p_k → 1/4."""
    expected = float(activations.softmax(np.array([2.0, 1.0, 0.1, -1.0]) / 1e6)[0])
    return check_number(answer, expected, what="p₁ for a very high temperature", tol=1e-3,
                        hints={
        1.0: "p₁ → 1 when T is very LOW (the largest logit wins); here T is very high.",
        0.0: "no p_k goes to 0 when T is high: z/T → 0 for every class.",
    }, default_hint="as T grows, z/T → 0 for every class, so all e^{z_k/T} become equal.")
