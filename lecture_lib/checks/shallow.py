"""Checks for notebook 05, shallow networks. Each takes the student's answer."""

from __future__ import annotations

from ..i18n import tr
from ..networks import count_parameters
from ..shallow import LECTURE_WEIGHTS, lecture_relu_network
from . import Result, check_number


def new_joint(answer: object) -> Result:
    """Unit 3 has ω₁₃ = 2; if b₃ changes from −4 to −1, where is its joint?  (−b₃/ω₁₃ = 0.5)"""
    return check_number(answer, 0.5, what=tr("the new joint of unit 3"), hints={
        2.0: tr("2 is the joint with the old bias −4. Solve 2x + b₃ = 0 with b₃ = −1."),
        -0.5: tr("check the sign: the joint is where ω₁₃x + b₃ = 0, so x = −b₃ / ω₁₃."),
        -2.0: tr("that is x = b₃ / ω₁₃ with the old bias; use x = −b₃ / ω₁₃ with b₃ = −1."),
    }, default_hint=tr("the joint is where the pre-activation is zero: x = −b₃ / ω₁₃."))


def y_at_zero(answer: object) -> Result:
    """y(0) for the lecture's weights: only unit 1 is on, so y = −0.6·3 − 0.5 = −2.3."""
    expected = lecture_relu_network().forward([[0.0]]).item()
    return check_number(answer, expected, what="y(0)", hints={
        -1.8: tr("you have ω₁₄·a(3) = −1.8; do not forget the output bias b₄ = −0.5."),
        -0.5: tr("unit 1 is on at x = 0 (1.5·0 + 3 = 3 > 0): add ω₁₄·a(3)."),
        0.46: tr("units 2 and 3 are off at x = 0: ReLU gives 0 for a negative pre-activation."),
    }, default_hint=tr("evaluate each unit: z_k = ω₁ₖ·0 + b_k, a(z) = max(0, z), then "
                       "y = b₄ + Σ ω_k4 a(z_k)."))


def slope_without_unit_2(answer: object) -> Result:
    """With ω₂₄ = 0, the slope right of every joint: ω₁₁ω₁₄ + ω₁₃ω₃₄ = −0.9 − 2.4 = −3.3."""
    w = LECTURE_WEIGHTS
    expected = w["w11"] * w["w14"] + w["w13"] * w["w34"]
    return check_number(answer, expected, what=tr("the slope for x > 2 with ω₂₄ = 0"), hints={
        -1.6: tr("−1.6 is the slope with unit 2 still contributing; set ω₂₄ = 0."),
        -2.4: tr("unit 1 is also on for x > 2: add its slope ω₁₁·ω₁₄ = −0.9."),
        0.8: tr("0.8 is the slope between the joints 1.2 and 2 of the lecture's network; "
                "look right of x = 2, without unit 2."),
    }, default_hint=tr("right of all joints every unit is on; the slope is Σ ω₁ₖ·ω_k4 over "
                       "the units that still contribute."))


def max_regions(answer: object) -> Result:
    """At most how many linear regions has a 1-input shallow ReLU network with 5 units?  (6)"""
    return check_number(answer, 6, what=tr("the largest number of linear regions with 5 units"),
                        tol=0.0, hints={
        5: tr("5 joints cut the line into how many pieces? Count the pieces, not the cuts."),
        32: tr("2⁵ counts on/off patterns, but along one input line at most 5 joints appear."),
        count_parameters((1, 5, 1)): tr("that is the number of parameters, not regions."),
    }, default_hint=tr("each hidden unit adds at most one joint; n joints cut a line into "
                       "n + 1 pieces."))
