"""Checks for notebook 11, backpropagation. Each takes the student's answer.

Exercises 1–2 use the notebook's small network (1 input, 2 ReLU units, 1 linear output)
with ``lecture_lib.topics.backprop.SMALL_WEIGHTS`` and the squared error L = (ŷ − y)², at an
example the notebook does not print (x = 1.5, y = 2); exercise 3 gives the numbers of a
unit that feeds two units; exercise 4 asks a shape.
"""

from __future__ import annotations

from ..i18n import tr
from ..topics.backprop import backward_pass, small_network
from . import Result, check_number, check_numbers


def _steps(x: float, y: float):
    return backward_pass(small_network(), [[x]], [[y]])


X, Y = 1.5, 2.0  # the exercises' example: not the x = 1, y = 1 of the notebook's table


def output_delta(answer: object) -> Result:
    """δ⁽²⁾ = ∂L/∂ŷ at x = 1.5, y = 2: ŷ = 1.5 · 2 − 2 · 0.25 + 0.2 = 2.7, so 2(2.7 − 2) = 1.4."""
    loss, steps = _steps(X, Y)
    expected = steps[1].delta[0, 0]
    y_hat = steps[1].a[0, 0]
    return check_number(answer, expected, what=tr("∂L/∂ŷ = 2(ŷ − y)"), hints={
        expected / 2: tr("that is ŷ − y. The derivative of (ŷ − y)² brings down a factor 2."),
        -expected: tr("check the sign: ŷ is above the target y = 2, so L grows with ŷ and ∂L/∂ŷ "
                      "is positive."),
        loss: tr("that is the loss L itself; you need its derivative with respect to ŷ."),
        y_hat: tr("that is ŷ; the derivative of (ŷ − y)² is 2(ŷ − y)."),
        0.9: tr("0.9 is δ⁽²⁾ of the notebook's example x = 1, y = 1; here x = 1.5 and y = 2."),
    }, default_hint=tr("run the forward pass first: z⁽¹⁾ = (1 · 1.5 + 0.5, −0.5 · 1.5 + 1), "
                       "a⁽¹⁾ = ReLU(z⁽¹⁾), ŷ = 1.5 a⁽¹⁾₁ − 2 a⁽¹⁾₂ + 0.2; then 2(ŷ − y)."))


def gradient_w21(answer: object) -> Result:
    """∂L/∂w⁽²⁾₂₁ at x = 1.5, y = 2: δ⁽²⁾ · a⁽¹⁾₂ = 1.4 · 0.25 = 0.35."""
    _, steps = _steps(X, Y)
    expected = steps[1].dW[1, 0]
    delta = steps[1].delta[0, 0]
    return check_number(answer, expected, what=tr("∂L/∂w⁽²⁾₂₁ = δ⁽²⁾ · a⁽¹⁾₂"), hints={
        delta: tr("that is δ⁽²⁾ alone. The weight's gradient multiplies it by what flows along "
                  "the edge: a⁽¹⁾₂ = 0.25."),
        steps[1].dW[0, 0]: tr("that is the gradient of w⁽²⁾₁₁ (it uses a⁽¹⁾₁ = 2); you need "
                              "the edge from unit 2."),
        steps[0].delta[0, 1]: tr("that is δ⁽¹⁾₂, the delta carried back to unit 2, not the "
                                 "gradient of the weight."),
        -expected: tr("check the sign: δ⁽²⁾ and a⁽¹⁾₂ = 0.25 are both positive."),
    }, default_hint=tr("∂L/∂w = (delta of the node the edge enters) × (value at the node it "
                       "leaves): δ⁽²⁾ × a⁽¹⁾₂."))


# exercise 3: a unit with σ'(z) = 0.2 feeds two units through w3 = 2 and w4 = -1
SLOPE, W3, W4, DELTA1, DELTA2 = 0.2, 2.0, -1.0, 0.5, 0.3


def branching_delta(answer: object) -> Result:
    """δ of a unit feeding two units: σ'(z)(w₃δ′ + w₄δ″) = 0.2 · (2 · 0.5 − 1 · 0.3) = 0.14."""
    expected = SLOPE * (W3 * DELTA1 + W4 * DELTA2)
    return check_number(answer, expected, what=tr("δ = σ′(z) (w₃ δ′ + w₄ δ″)"), hints={
        W3 * DELTA1 + W4 * DELTA2: tr("that is ∂L/∂a, the sum over the two branches. The delta "
                                      "of z multiplies it by σ′(z) = 0.2."),
        SLOPE * W3 * DELTA1: tr("that is only the branch through w₃. The unit feeds two units, "
                                "so its delta adds both branches."),
        SLOPE * W4 * DELTA2: tr("that is only the branch through w₄. The unit feeds two units, "
                                "so its delta adds both branches."),
        SLOPE * (W3 * DELTA1 - W4 * DELTA2): tr("check the sign of w₄ = −1: that branch "
                                                "subtracts."),
        SLOPE * (DELTA1 + DELTA2): tr("each branch's delta is weighted by the weight of its "
                                      "edge, w₃ or w₄."),
    }, default_hint=tr("add what each of the two units sends back (its weight times its delta), "
                       "then multiply by σ′(z)."))


def delta_shape(answer: object) -> Result:
    """Shape of Δ for a layer of 5 units and a batch of 32 examples: (32, 5)."""
    return check_numbers(answer, [32, 5], what=tr("the shape of Δ (rows, columns)"), tol=0,
                         default_hint=tr("Δ = ∂L/∂Z has the shape of Z = A W + b: one row per "
                                         "example, one column per unit of the layer. (3, 5) "
                                         "would be the shape of W and of ∂L/∂W."))
