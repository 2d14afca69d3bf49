"""Checks for notebook 03, the perceptron. Each takes the student's answer."""

from __future__ import annotations

from numbers import Real

import numpy as np

from ..topics.perceptron import (PARTY_WEIGHTS, gate, learning_rule, pre_activation,
                                 separating_weights)
from . import Result, check_number, check_numbers, correct, hint, not_attempted, placeholder


def party_z(answer) -> Result:
    """z for raining, little work, enough friends, x = (0, 1, 1), with w = (2, 2, 4), b = −3.  (3)"""
    expected = float(pre_activation([[0.0, 1.0, 1.0]], **PARTY_WEIGHTS)[0])
    return check_number(answer, expected, what="the sum z for x = (0, 1, 1)", hints={
        6.0: "6 = w₂ + w₃; do not forget the bias b = −3.",
        5.0: "5 is z when every input is 1; here it is raining, so x₁ = 0.",
        1.0: "1 is z for (0, 0, 1) or (1, 0, 1); here x = (0, 1, 1): little work AND friends.",
    }, default_hint="z = w₁x₁ + w₂x₂ + w₃x₃ + b with x = (0, 1, 1).")


def nand_bias(answer) -> Result:
    """A bias that makes w = (−1, −1) a NAND gate: any b with 1 < b ≤ 2."""
    what = "a bias b for NAND with w₁ = w₂ = −1"
    if not_attempted(answer):
        return placeholder(what)
    if isinstance(answer, bool) or not isinstance(answer, (Real, np.number)):
        return hint(f"{what} is a single number; you gave {type(answer).__name__}.")
    X, y, _, _ = gate("NAND")
    z = pre_activation(X, [-1.0, -1.0], float(answer))
    if np.array_equal((z > 0).astype(int), y):
        return correct(f"with b = {float(answer):g} the unit is a NAND gate; every b with "
                       "1 < b ≤ 2 works.")
    if answer <= 1:
        return hint("with this b the input (1, 0) gives z = −1 + b ≤ 0, so the unit does not "
                    "fire, but NAND(1, 0) = 1. Make b larger.")
    return hint("with this b the input (1, 1) gives z = −2 + b > 0, so the unit fires, but "
                "NAND(1, 1) = 0. Make b smaller.")


def one_update(answer) -> Result:
    """One learning step from w = (0.5, −0.5), b = 0, η = 0.5 on x = (1, 1), y = 1.  ([1, 0, 0.5])"""
    history = learning_rule([[1.0, 1.0]], [1], eta=0.5, epochs=1, w0=[0.5, -0.5], b0=0.0)
    expected = [*history["w"][-1], history["b"][-1]]
    if not not_attempted(answer):
        try:
            got = np.asarray(answer, dtype=float).ravel()
        except (TypeError, ValueError):
            got = None
        if got is not None and got.size == 3 and np.allclose(got, [0.5, -0.5, 0.0]):
            return hint("z = 0.5 − 0.5 + 0 = 0 is not > 0, so ŷ = 0 and the error y − ŷ = 1: "
                        "the weights do change.")
        if got is not None and got.size == 3 and np.allclose(got, [0.0, -1.0, -0.5]):
            return hint("the error is y − ŷ = 1 − 0 = +1, so add η·x, do not subtract it.")
    return check_numbers(answer, expected, what="[w₁, w₂, b] after the step",
                         default_hint="ŷ = step(x·w + b); then w ← w + η(y − ŷ)x and "
                                      "b ← b + η(y − ŷ).")


def best_xor_line(answer) -> Result:
    """At most how many of the four XOR points can one perceptron get right?  (3)"""
    X, y, _, _ = gate("XOR")
    expected = separating_weights(X, y)["best_correct"]
    return check_number(answer, expected, what="the most XOR points one line gets right",
                        tol=0.0, hints={
        4: "then one perceptron would compute XOR; the grid search found no such line.",
        2: "you can do better: a line that puts only (1, 1) on the wrong side gets 3 right.",
    }, default_hint="move the line in the XOR figure and count the unringed points.")
