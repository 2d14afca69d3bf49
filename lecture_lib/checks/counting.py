"""Checks for notebook 07, counting parameters. Each takes the student's answer."""

from __future__ import annotations

from ..topics.counting import distinct_monomials, ordered_products, shallow_parameters
from ..i18n import tr
from ..networks import count_parameters
from . import Result, check_number


def shallow_count(answer: object) -> Result:
    """Parameters of a shallow network with 4 inputs, 10 hidden units, 3 outputs: 40 + 10 + 30 + 3 = 83."""
    parts = shallow_parameters(4, 10, 3)
    weights_only = parts.input_weights + parts.output_weights
    return check_number(answer, parts.total, what=tr("the number of parameters of (4, 10, 3)"),
                        tol=0.0, hints={
        weights_only: tr("you counted the weights only; every hidden unit and every output "
                         "also has a bias (n + m more)."),
        weights_only + parts.hidden_biases: tr("the 3 outputs have a bias each, too (+ m)."),
        weights_only + parts.output_biases: tr("each of the 10 hidden units has a bias (+ n)."),
        4 * 10 * 3: tr("4 × 10 × 3 multiplies all sizes; count the two layers separately: "
                       "s × n + n, then n × m + m."),
    }, default_hint=tr("use s × n + n + n × m + m with s = 4, n = 10, m = 3."))


def deep_count(answer: object) -> Result:
    """Parameters of the deep network (3, 8, 8, 2): 4·8 + 9·8 + 9·2 = 122."""
    sizes = (3, 8, 8, 2)
    weights_only = sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))
    return check_number(answer, count_parameters(sizes),
                        what=tr("the number of parameters of (3, 8, 8, 2)"), tol=0.0, hints={
        weights_only: tr("these are the weights only; add one bias per unit of every layer "
                         "after the input (8 + 8 + 2)."),
        count_parameters((3, 8, 2)): tr("that is a network with one hidden layer; this one has "
                                        "two hidden layers of 8 units, so three weight layers."),
    }, default_hint=tr("add (n_{l−1} + 1) × n_l over the three layers: (3+1)·8, (8+1)·8, "
                       "(8+1)·2."))


def distinct_quadratic(answer: object) -> Result:
    """Distinct monomials of degree ≤ 2 in 3 features: C(5, 2) = 10 (1, x₁, x₂, x₃, 6 products)."""
    expected = distinct_monomials(3, 2)
    return check_number(answer, expected,
                        what=tr("the number of distinct monomials of degree ≤ 2 in 3 features"),
                        tol=0.0, hints={
        ordered_products(3, 2): tr("13 = 1 + 3 + 9 counts x₁x₂ and x₂x₁ twice; count each "
                                   "product once."),
        ordered_products(3, 2) - 1: tr("you counted ordered products and left out the constant."),
        expected - 1: tr("do not forget the constant term 1 (degree 0)."),
        9: tr("list them: 1; x₁, x₂, x₃; x₁², x₂², x₃², x₁x₂, x₁x₃, x₂x₃."),
    }, default_hint=tr("list them: the constant, 3 linear terms, 3 squares and the mixed "
                       "products."))


def hidden_for_budget(answer: object) -> Result:
    """Hidden units n of a (100, n, 1) network with as many parameters as 5,151 features: 50."""
    # 100 n + n + n + 1 = 102 n + 1 = 5151  ->  n = 50.5; the largest whole n that fits is 50
    budget = distinct_monomials(100, 2)
    n = (budget - 1) // 102
    return check_number(answer, n, what=tr("the largest n with at most 5,151 parameters"),
                        tol=0.0, hints={
        51: tr("51 units need 102 · 51 + 1 = 5,203 parameters, more than 5,151."),
        50.5: tr("n must be a whole number of units; round down so the budget is not exceeded."),
    }, default_hint=tr("with s = 100 and m = 1 the count is 100n + n + n + 1 = 102n + 1; "
                       "solve 102n + 1 ≤ 5151."))
