"""Checks for notebook 13, deep networks. Each takes the student's answer."""

from __future__ import annotations

import numpy as np

from ..regions import count_regions
from ..topics.depth import activation_rms, shallow_width, tent_network
from ..i18n import tr
from . import Result, check_number


DEPTH = 10  # deeper than the notebook's table (L = 1 … 8), so the table does not answer it


def tent_regions(answer: object) -> Result:
    """Linear regions on [0, 1] of the folding network with 10 layers: 2¹⁰ = 1024."""
    expected = count_regions(tent_network(DEPTH), 0.0, 1.0)
    return check_number(answer, expected, what=tr("the number of regions with {n} folds").format(n=DEPTH),
                        tol=0, hints={
        2 * DEPTH: tr("2L counts the joints one layer adds twice; each fold doubles ALL "
                      "regions so far."),
        DEPTH + 1: tr("L + 1 would be a shallow count. Each layer folds the line, doubling the "
                      "regions."),
        expected // 2: tr("that is {n} folds. Count: 1 layer gives 2 regions, each further "
                          "layer doubles.").format(n=DEPTH - 1),
    }, default_hint=tr("each folding layer doubles the number of regions: 2, 4, 8, ..."))


def shallow_max_regions(answer: object) -> Result:
    """Budget of 61 parameters (the 10-layer folding network): (1, 20, 1) → at most 21 regions."""
    budget = tent_network(DEPTH).n_parameters
    width = shallow_width(budget)
    return check_number(answer, width + 1, what=tr("the most regions of a shallow network with "
                                          "{budget} parameters").format(budget=budget),
                        tol=0, hints={
        width: tr("{n} units give {n} joints, which cut the line into one piece more.").format(
            n=width),
        budget: tr("not every parameter adds a joint: a (1, n, 1) network has 3n + 1 "
                   "parameters and n joints."),
        2 ** DEPTH: tr("that is the deep network's count; a shallow one adds only one region "
                       "per unit."),
    }, default_hint=tr("solve 3n + 1 ≤ {budget} for the number of units n; n joints give "
                       "n + 1 regions.").format(budget=budget))


def rms_after_ten_layers(answer: object) -> Result:
    """The predicted change of the RMS after 10 ReLU layers with gain g = 1: (1/√2)¹⁰ = 1/32.

    The notebook's one measured draw (seed 0) gives about 0.015; that answer gets a hint
    saying why it differs from the prediction.
    """
    expected = (1 / np.sqrt(2)) ** 10
    rms = activation_rms(10, 1.0)
    return check_number(answer, expected, what=tr("the factor (g/√2)¹⁰ for g = 1"), tol=2e-3,
                        hints={
        rms[10] / rms[0]: tr("that is the measurement of one random draw of the weights "
                             "(seed 0), which happens to lie low. The question asks what the "
                             "formula predicts, the average over draws: (g/√2)¹⁰."),
        1.0: tr("the scale is kept only for g = √2 (He); with g = 1 each layer shrinks it by "
                "1/√2."),
        0.5 ** 10: tr("each layer multiplies the MEAN SQUARE by g²/2 = 1/2, so the RMS by 1/√2."),
        0.5: tr("that is only one layer's effect on the mean square; apply it 10 times."),
    }, default_hint=tr("per ReLU layer the RMS is multiplied by g/√2; raise that to the 10th "
                       "power."))


def composed_regions(answer: object) -> Result:
    """Inner: 3 regions each covering the outer's whole input range; outer: 4 regions → 12."""
    return check_number(answer, 12, what=tr("the most regions of the composition"), tol=0, hints={
        7: tr("regions do not add up: each of the inner network's 3 pieces sweeps through all "
              "4 pieces of the outer one."),
        6: tr("the outer network has 4 regions here, not 2 or 3; count 3 × 4."),
        81: tr("3⁴ would be four folds; here one network of 3 pieces feeds one of 4 pieces."),
    }, default_hint=tr("each of the 3 inner pieces maps onto the whole input range of the "
                       "outer network, so it is cut into 4 pieces."))
