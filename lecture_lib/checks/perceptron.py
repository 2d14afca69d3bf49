"""Checks for notebook 03, the perceptron. Each takes the student's answer."""

from __future__ import annotations

from numbers import Real

import numpy as np

from ..i18n import tr
from ..topics.perceptron import (PARTY_WEIGHTS, gate, learning_rule, perceptron,
                                 pre_activation, truth_table)
from . import Result, check_number, check_numbers, correct, hint, not_attempted, placeholder


PARTY_Z_INPUT = (0.0, 1.0, 1.0)   # raining, little work, enough friends
PARTY_Z_BIAS = -5.0                # the stricter bias of "Things to try", not the printed −3


def party_z(answer: object) -> Result:
    """z for raining, little work, enough friends, x = (0, 1, 1), with w = (2, 2, 4), b = −5.  (1)"""
    expected = float(pre_activation([PARTY_Z_INPUT], PARTY_WEIGHTS["w"], PARTY_Z_BIAS)[0])
    return check_number(answer, expected, what=tr("the sum z for x = (0, 1, 1) and b = −5"), hints={
        6.0: tr("6 = w₂ + w₃; do not forget the bias b = −5."),
        3.0: tr("3 is z with the starting bias b = −3; here the bias is b = −5."),
        -1.0: tr("−1 is z for (0, 0, 1) or (1, 1, 0); here x = (0, 1, 1): little work AND friends."),
    }, default_hint=tr("z = w₁x₁ + w₂x₂ + w₃x₃ + b with x = (0, 1, 1) and b = −5."))


NAND_WEIGHTS = (-2.0, -2.0)        # not the printed (−1, −1) of the gate table


def nand_bias(answer: object) -> Result:
    """A bias that makes w = (−2, −2) a NAND gate: any b with 2 < b ≤ 4."""
    what = tr("a bias b for NAND with w₁ = w₂ = −2")
    if not_attempted(answer):
        return placeholder(what)
    if isinstance(answer, bool) or not isinstance(answer, (Real, np.number)):
        return hint(tr("{what} is a single number; you gave {kind}.").format(
            what=what, kind=type(answer).__name__))
    X, y, _, _ = gate("NAND")
    z = pre_activation(X, NAND_WEIGHTS, float(answer))
    if np.array_equal((z > 0).astype(int), y):
        return correct(tr("with b = {b} the unit is a NAND gate; every b with "
                          "2 < b ≤ 4 works.").format(b=f"{float(answer):g}"))
    if answer <= 2:
        return hint(tr("with this b the input (1, 0) gives z = −2 + b ≤ 0, so the unit does not "
                       "fire, but NAND(1, 0) = 1. Make b larger."))
    return hint(tr("with this b the input (1, 1) gives z = −4 + b > 0, so the unit fires, but "
                   "NAND(1, 1) = 0. Make b smaller."))


def one_update(answer: object) -> Result:
    """One learning step from w = (0.5, −0.5), b = 0, η = 0.5 on x = (1, 1), y = 1.  ([1, 0, 0.5])"""
    history = learning_rule([[1.0, 1.0]], [1], eta=0.5, epochs=1, w0=[0.5, -0.5], b0=0.0)
    expected = [*history.w[-1], history.b[-1]]
    if not not_attempted(answer):
        try:
            got = np.asarray(answer, dtype=float).ravel()
        except (TypeError, ValueError):
            got = None
        if got is not None and got.size == 3 and np.allclose(got, [0.5, -0.5, 0.0]):
            return hint(tr("z = 0.5 − 0.5 + 0 = 0 is not > 0, so ŷ = 0 and the error y − ŷ = 1: "
                           "the weights do change."))
        if got is not None and got.size == 3 and np.allclose(got, [0.0, -1.0, -0.5]):
            return hint(tr("the error is y − ŷ = 1 − 0 = +1, so add η·x, do not subtract it."))
    return check_numbers(answer, expected, what=tr("[w₁, w₂, b] after the step"),
                         default_hint=tr("ŷ = step(x·w + b); then w ← w + η(y − ŷ)x and "
                                         "b ← b + η(y − ŷ)."))


def and_not_weights(answer: object) -> Result:
    """[w₁, w₂, b] of a perceptron that fires only for x = (1, 0), "x₁ AND NOT x₂"; e.g. [1, −1, −0.5]."""
    what = tr("[w₁, w₂, b] of a unit that fires only for (1, 0)")
    if not_attempted(answer):
        return placeholder(what)
    try:
        got = np.asarray(answer, dtype=float).ravel()
    except (TypeError, ValueError):
        got = None
    if got is None or got.size != 3 or not np.all(np.isfinite(got)):
        return hint(tr("{what}: give three numbers, the two weights and the bias.").format(what=what))
    X = truth_table(2)
    decisions = perceptron(X, got[:2], got[2])
    target = np.array([0, 0, 1, 0])
    if np.array_equal(decisions, target):
        return correct(tr("w = ({w1}, {w2}), b = {b} fires only for (1, 0): x₁ pushes z up, "
                          "x₂ pulls it down, and the bias keeps (0, 0) below 0.").format(
            w1=f"{got[0]:g}", w2=f"{got[1]:g}", b=f"{got[2]:g}"))
    wrong = [f"({int(x[0])}, {int(x[1])})" for x, d, t in zip(X, decisions, target) if d != t]
    advice = {"(0, 0)": tr("(0, 0) gives z = b, so b must be ≤ 0"),
              "(1, 0)": tr("(1, 0) gives z = w₁ + b, which must be > 0"),
              "(0, 1)": tr("(0, 1) gives z = w₂ + b, which must be ≤ 0"),
              "(1, 1)": tr("(1, 1) gives z = w₁ + w₂ + b, which must be ≤ 0: make w₂ negative enough")}
    return hint(tr("your unit is wrong on {inputs}: {advice}.").format(
        inputs=", ".join(wrong), advice="; ".join(advice[w] for w in wrong)))
