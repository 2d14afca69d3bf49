"""Checks for notebook 02, gradient descent."""

from __future__ import annotations

import math

from ..i18n import tr
from ..topics.descent import REGIMES, divergence_threshold, regime
from . import Result, check_choice, check_number


def one_step(answer: object) -> Result:
    """One step from w = 1 with dL/dw = 4 and η = 0.1: w = 1 − 0.1·4 = 0.6."""
    return check_number(answer, 1.0 - 0.1 * 4.0, what=tr("the new weight w⁽¹⁾"), hints={
        1.4: tr("that is a step uphill. The rule subtracts: w⁽¹⁾ = w⁽⁰⁾ − η dL/dw."),
        -3.0: tr("multiply the slope by the learning rate first: the step is η · dL/dw = 0.4."),
        0.4: tr("0.4 is the size of the step, η · dL/dw. Subtract it from w⁽⁰⁾ = 1."),
    }, default_hint=tr("use w⁽¹⁾ = w⁽⁰⁾ − η · dL/dw with w⁽⁰⁾ = 1, η = 0.1, dL/dw = 4."))


def threshold(answer: object) -> Result:
    """L(w) = 5(w − 2)² has L'' = 10, so gradient descent diverges for η > 2/10 = 0.2."""
    expected = divergence_threshold(10.0)
    return check_number(answer, expected, what=tr("the divergence threshold 2/L''"), tol=1e-3,
                        hints={
        0.1: tr("1/L'' = 0.1 is where one step lands exactly on the minimum; above it steps "
                "only oscillate. Divergence starts at 2/L''."),
        0.4: tr("L'' is not 5: differentiate 5(w − 2)² twice. The first derivative is "
                "10(w − 2), the second 10."),
    }, default_hint=tr("differentiate L(w) = 5(w − 2)² twice to get L'', then compute 2 / L''."))


def updates_per_epoch(answer: object) -> Result:
    """N = 1000 samples in batches of B = 32: ⌈1000 / 32⌉ = 32 updates per epoch."""
    expected = math.ceil(1000 / 32)
    return check_number(answer, expected, what=tr("the number of updates per epoch"), tol=0.0,
                        hints={
        31: tr("31 batches of 32 hold 992 samples; the 8 left over form one more, smaller "
               "batch. Round up."),
        31.25: tr("you cannot take a quarter of an update: the last batch is just smaller. "
                  "Round up."),
        1000: tr("1000 updates per epoch is batch size 1. With B = 32, each update uses 32 "
                 "samples."),
        1: tr("one update per epoch is full-batch gradient descent (B = N)."),
    }, default_hint=tr("an epoch is one pass over all N samples, one update per batch: "
                       "⌈N / B⌉ updates."))


def regime_of_step(answer: object) -> Result:
    """η = 0.15 on L'' = 10: η L'' = 1.5, between 1 and 2, so the steps oscillate."""
    expected = regime(0.15, 10.0)
    return check_choice(answer, expected, what=tr("the regime"), options=REGIMES,
                        hints={
        "diverging": tr("η L'' = 1.5 is below 2: each jump is shorter than the one before "
                        "(the factor |1 − η L''| = 0.5 < 1)."),
        "good": tr("η L'' = 1.5 is above 1, so 1 − η L'' < 0: each step jumps over the "
                   "minimum to the other side."),
        "slow": tr("η L'' = 1.5 is large: the steps are too big, not too small."),
    })
