"""Checks for notebook 11, backpropagation. Each takes the student's answer.

All exercises use the notebook's small network (1 input, 2 ReLU units, 1 linear output)
with ``lecture_lib.topics.backprop.SMALL_WEIGHTS`` and the squared error L = (ŷ − y)².
"""

from __future__ import annotations

from ..topics.backprop import backward_pass, small_network
from . import Result, check_number, check_numbers


def _steps(x: float, y: float):
    return backward_pass(small_network(), [[x]], [[y]])


def output_delta(answer) -> Result:
    """δ⁽²⁾ = ∂L/∂ŷ at x = 1, y = 1: 2(ŷ − y) = 2 · 0.45 = 0.9."""
    loss, steps = _steps(1.0, 1.0)
    expected = steps[1].delta[0, 0]
    y_hat = steps[1].a[0, 0]
    return check_number(answer, expected, what="∂L/∂ŷ = 2(ŷ − y)", hints={
        expected / 2: "that is ŷ − y. The derivative of (ŷ − y)² brings down a factor 2.",
        -expected: "check the sign: ŷ = 1.45 is above the target y = 1, so L grows with ŷ.",
        loss: "that is the loss L itself; you need its derivative with respect to ŷ.",
        y_hat: "that is ŷ; the derivative of (ŷ − y)² is 2(ŷ − y).",
    }, default_hint="differentiate L = (ŷ − y)² with respect to ŷ and put in ŷ = 1.45, y = 1.")


def gradient_w21(answer) -> Result:
    """∂L/∂w⁽²⁾₂₁ at x = 1, y = 1: δ⁽²⁾ · a⁽¹⁾₂ = 0.9 · 0.5 = 0.45."""
    _, steps = _steps(1.0, 1.0)
    expected = steps[1].dW[1, 0]
    delta = steps[1].delta[0, 0]
    return check_number(answer, expected, what="∂L/∂w⁽²⁾₂₁ = δ⁽²⁾ · a⁽¹⁾₂", hints={
        delta: "that is δ⁽²⁾ alone. The weight's gradient multiplies it by what flows along "
               "the edge: a⁽¹⁾₂ = 0.5.",
        steps[1].dW[0, 0]: "that is the gradient of w⁽²⁾₁₁ (it uses a⁽¹⁾₁ = 1.5); you need "
                           "the edge from unit 2.",
        steps[0].delta[0, 1]: "that is δ⁽¹⁾₂, the delta carried back to unit 2, not the "
                              "gradient of the weight.",
    }, default_hint="∂L/∂w = (delta of the node the edge enters) × (value at the node it "
                    "leaves).")


def dead_unit_gradient(answer) -> Result:
    """At x = 2.5 unit 2 is off (z = −0.25), so ∂L/∂w⁽¹⁾₁₂ = 0."""
    _, steps = _steps(2.5, 1.0)
    expected = steps[0].dW[0, 1]
    return check_number(answer, expected, what="∂L/∂w⁽¹⁾₁₂ at x = 2.5", tol=1e-6,
                        default_hint="compute z⁽¹⁾₂ = −0.5 · 2.5 + 1 first. What is the "
                                     "ReLU's slope there, and what does it do to the delta?")


def delta_shape(answer) -> Result:
    """Shape of Δ for a layer of 5 units and a batch of 32 examples: (32, 5)."""
    return check_numbers(answer, [32, 5], what="the shape of Δ (rows, columns)", tol=0,
                         default_hint="Δ = ∂L/∂Z has the shape of Z = A W + b: one row per "
                                      "example, one column per unit of the layer. (3, 5) "
                                      "would be the shape of W and of ∂L/∂W.")
