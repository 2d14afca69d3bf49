"""Checks for notebook 06, the linear-activation collapse. Each takes the student's answer."""

from __future__ import annotations

from ..i18n import tr
from ..networks import count_parameters
from ..shallow import EXAMPLE_2D_WEIGHTS
from ..topics.collapse import linear_collapse, slide_constant
from . import Result, check_number

# The exercise's setting: the example weights with f(z) = 0.5z − 1 (not the 2z + 1 printed
# in the notebook, so that no answer is read off a cell above it).
A, B = 0.5, -1.0
PRINTED = (2.0, 1.0)   # the a, b of the notebook's printed example


def c1_example(answer: object) -> Result:
    """c₁ = a(ω₁₁ω₁₄ + ω₁₂ω₂₄ + ω₁₃ω₃₄) for the example weights and a = 0.5.  (1.38)"""
    w = EXAMPLE_2D_WEIGHTS
    expected = linear_collapse(w, A, B)[0]
    without_a = expected / A
    return check_number(answer, expected, what=tr("c₁ with a = 0.5"), hints={
        without_a: tr("you left out the factor a = 0.5: every path through a hidden unit is "
                      "scaled by a."),
        linear_collapse(w, A, B)[1]: tr("that is c₂, which uses the weights from x₂ "
                                        "(ω₂₁, ω₂₂, ω₂₃)."),
        linear_collapse(w, *PRINTED)[0]: tr("that is c₁ for f(z) = 2z + 1, printed above; here "
                                            "f(z) = 0.5z − 1."),
    }, default_hint=tr("c₁ = a(ω₁₁ω₁₄ + ω₁₂ω₂₄ + ω₁₃ω₃₄): multiply each weight from x₁ into "
                       "unit k by that unit's output weight ω_k4, add, times a."))


def c3_example(answer: object) -> Result:
    """c₃ = a(b₁ω₁₄ + b₂ω₂₄ + b₃ω₃₄) + b(ω₁₄ + ω₂₄ + ω₃₄) + b₄ with a = 0.5, b = −1.  (−0.65)"""
    w = EXAMPLE_2D_WEIGHTS
    expected = linear_collapse(w, A, B)[2]
    slide = slide_constant(w, A, B)
    return check_number(answer, expected, what=tr("c₃ with a = 0.5, b = −1"), hints={
        slide: tr("that is the slide's a(…) + 3b + b₄. Each unit's b is multiplied by its output "
                  "weight ω_k4, so the b-term is b(ω₁₄ + ω₂₄ + ω₃₄), not 3b."),
        expected - B * sum(w[k] for k in ("w14", "w24", "w34")): tr(
            "add the b-term b(ω₁₄ + ω₂₄ + ω₃₄): each unit adds b before its output weight "
            "scales it."),
        linear_collapse(w, *PRINTED)[2]: tr("that is c₃ for f(z) = 2z + 1, printed above; here "
                                            "f(z) = 0.5z − 1."),
    }, default_hint="c₃ = a(b₁ω₁₄ + b₂ω₂₄ + b₃ω₃₄) + b(ω₁₄ + ω₂₄ + ω₃₄) + b₄.")


DEEP_SIZES = (5, 10, 10, 2)   # 5 inputs, two hidden layers of 10, 2 outputs


def collapsed_parameters(answer: object) -> Result:
    """Numbers that describe a linear (5, 10, 10, 2) network's function y = xW + c: 5·2 + 2 = 12."""
    n_in, n_out = DEEP_SIZES[0], DEEP_SIZES[-1]
    return check_number(answer, n_in * n_out + n_out,
                        what=tr("the number of parameters after the collapse"), tol=0.0, hints={
        count_parameters(DEEP_SIZES): tr("that is the network's parameter count; the function it "
                                         "computes is one affine map y = xW + c."),
        3: tr("3 is for two inputs and one output (c₁, c₂, c₃); here there are 5 inputs and 2 "
              "outputs."),
        n_in * n_out: tr("do not forget the constant vector c, one number per output."),
        n_in + n_out: tr("W has one entry per (input, output) pair: 5 × 2 of them."),
    }, default_hint=tr("the collapsed model is y = xW + c with W of shape (5, 2) and c of "
                       "length 2."))


def b_term_multiple(answer: object) -> Result:
    """With ω₁₄ = ω₂₄ = ω₃₄ = 2 the b-term is b(2 + 2 + 2) = 6b, not the slide's 3b.  (6)"""
    return check_number(answer, 6.0, what=tr("the multiple of b in c₃ when every ω_k4 = 2"),
                        hints={
        3.0: tr("3b is the slide's term; it holds only when the output weights sum to 3."),
        2.0: tr("each unit contributes ω_k4·b = 2b, and there are three units."),
    }, default_hint=tr("the b-term of c₃ is b(ω₁₄ + ω₂₄ + ω₃₄)."))
