"""Checks for notebook 06, the linear-activation collapse. Each takes the student's answer."""

from __future__ import annotations

from ..networks import count_parameters
from ..shallow import EXAMPLE_2D_WEIGHTS
from ..topics.collapse import linear_collapse, slide_constant
from . import Result, check_number

# The exercise's setting: the example weights with f(z) = 2z + 1.
A, B = 2.0, 1.0


def c1_example(answer) -> Result:
    """c₁ = a(ω₁₁ω₁₄ + ω₁₂ω₂₄ + ω₁₃ω₃₄) for the example weights and a = 2.  (5.52)"""
    w = EXAMPLE_2D_WEIGHTS
    expected = linear_collapse(w, A, B)[0]
    without_a = expected / A
    return check_number(answer, expected, what="c₁ with a = 2", hints={
        without_a: "you left out the factor a = 2: every path through a hidden unit is scaled by a.",
        linear_collapse(w, A, B)[1]: "that is c₂, which uses the weights from x₂ (ω₂₁, ω₂₂, ω₂₃).",
    }, default_hint="c₁ = a(ω₁₁ω₁₄ + ω₁₂ω₂₄ + ω₁₃ω₃₄): multiply each weight from x₁ into "
                    "unit k by that unit's output weight ω_k4, add, times a.")


def c3_example(answer) -> Result:
    """c₃ = a(b₁ω₁₄ + b₂ω₂₄ + b₃ω₃₄) + b(ω₁₄ + ω₂₄ + ω₃₄) + b₄ with a = 2, b = 1.  (3.9)"""
    w = EXAMPLE_2D_WEIGHTS
    expected = linear_collapse(w, A, B)[2]
    slide = slide_constant(w, A, B)
    return check_number(answer, expected, what="c₃ with a = 2, b = 1", hints={
        slide: "that is the slide's a(…) + 3b + b₄. Each unit's b is multiplied by its output "
               "weight ω_k4, so the b-term is b(ω₁₄ + ω₂₄ + ω₃₄), not 3b.",
        expected - B * sum(w[k] for k in ("w14", "w24", "w34")): "add the b-term "
            "b(ω₁₄ + ω₂₄ + ω₃₄): each unit adds b before its output weight scales it.",
    }, default_hint="c₃ = a(b₁ω₁₄ + b₂ω₂₄ + b₃ω₃₄) + b(ω₁₄ + ω₂₄ + ω₃₄) + b₄.")


def collapsed_parameters(answer) -> Result:
    """How many numbers describe the collapsed model y = c₁x₁ + c₂x₂ + c₃?  (3)"""
    return check_number(answer, 3, what="the number of parameters after the collapse", tol=0.0,
                        hints={
        count_parameters((2, 3, 1)): "13 is the network's parameter count; the function it "
                                     "computes needs only c₁, c₂ and c₃.",
        2: "do not forget the constant c₃.",
    }, default_hint="count the coefficients of y = c₁x₁ + c₂x₂ + c₃.")


def slide_holds_when(answer) -> Result:
    """The slide's 3b equals b(ω₁₄ + ω₂₄ + ω₃₄) when ω₁₄ + ω₂₄ + ω₃₄ = 3 (for b ≠ 0).  (3)"""
    return check_number(answer, 3.0, what="the sum ω₁₄ + ω₂₄ + ω₃₄ that makes 3b right",
                        hints={
        1.0: "each ω_k4 = 1 is one way; the condition is on their sum b(ω₁₄ + ω₂₄ + ω₃₄) = 3b.",
        0.0: "with sum 0 the b-term vanishes; the slide would need it to be 3b.",
    }, default_hint="set b(ω₁₄ + ω₂₄ + ω₃₄) = 3b and divide by b.")
