"""Checks for notebook 12, training a network. Each takes the student's answer."""

from __future__ import annotations

from ..i18n import tr
from . import Result, check_choice, check_number


def steps_per_epoch(answer: object) -> Result:
    """150 training points in batches of 10: how many updates (step 4) in one epoch?  (15)"""
    return check_number(answer, 15, what=tr("the number of updates per epoch"), tol=0.0, hints={
        10: tr("10 is the batch size. An epoch is one pass over all 150 points: how many "
               "batches of 10 is that?"),
        150: tr("150 updates per epoch would be batch size 1. Here each update uses 10 points."),
        1500: tr("that multiplies; an epoch splits the 150 points into batches of 10."),
        1: tr("one update per epoch is full-batch gradient descent; here each batch gets one."),
    }, default_hint=tr("one update per batch; the number of batches is n_train / batch size."))


def gradient_step(answer: object) -> Result:
    """w = 0.5, dL/dw = 2, η = 0.1: the new weight w − η dL/dw = 0.3."""
    return check_number(answer, 0.3, what=tr("the weight after one update"), hints={
        0.7: tr("check the sign: the update goes against the gradient, w − η dL/dw."),
        -1.5: tr("you subtracted the whole gradient; multiply it by η = 0.1 first."),
        0.2: tr("0.2 is the step η dL/dw; the new weight is the old one minus the step."),
    }, default_hint=tr("use w⁽ᵗ⁺¹⁾ = w⁽ᵗ⁾ − η dL/dw with w⁽ᵗ⁾ = 0.5, η = 0.1, dL/dw = 2."))


def linear_activation(answer: object) -> Result:
    """Which hidden activation keeps a network of any depth a linear model?  ("linear")"""
    curved = tr("it bends, so stacking units of it builds curved boundaries. Try it in the "
                "playground on circles, then try the others.")
    return check_choice(answer, "linear", what=tr("the activation that keeps the model linear"),
                        options=("tanh", "relu", "sigmoid", "linear"), hints={
                            "tanh": tr("tanh is not a straight line: {curved}").format(curved=curved),
                            "relu": tr("ReLU has a kink at 0: {curved}").format(curved=curved),
                            "sigmoid": tr("the sigmoid is S-shaped: {curved}").format(curved=curved),
                        })


def xor_best_line(answer: object) -> Result:
    """Largest share of the four XOR points (0,0), (0,1), (1,0), (1,1) one straight line
    classifies correctly: it can cut off one corner, never split both diagonals, so 3/4.
    """
    return check_number(answer, 0.75, what=tr("the best accuracy of one straight line on XOR"),
                        tol=0.02, hints={
        0.5: tr("0.5 is guessing. Draw a line that cuts off one corner point, e.g. (1, 1): how "
                "many of the four points are then on their class's side?"),
        1.0: tr("that needs a bent or broken boundary, i.e. a hidden layer. One line always "
                "gets at least one of the four points wrong."),
        0.25: tr("count the points classified correctly, not the wrong ones."),
        75: tr("give the accuracy as a fraction between 0 and 1."),
    }, default_hint=tr("each of the four points is 1/4 of the data; find a line that puts "
                       "as many of them as possible on their class's side."))
