"""Checks for notebook 18, from scratch to PyTorch. Each takes the student's answer."""

from __future__ import annotations

from ..i18n import tr
from . import Result, check_number, correct, hint, not_attempted, placeholder


def linear_weight_shape(answer: object) -> Result:
    """lecture_lib's first layer of a (3, 5, 1) network has W1 of shape (3, 5) = (n_in, n_out);
    the shape of ``torch.nn.Linear(3, 5).weight`` is (n_out, n_in) = (5, 3)."""
    what = tr("the shape of model[0].weight")
    if not_attempted(answer):
        return placeholder(what)
    try:
        shape = tuple(int(v) for v in answer)
    except (TypeError, ValueError):
        return hint(tr("a shape is a pair of whole numbers, like (2, 4)."))
    if shape == (5, 3):
        return correct(tr("{what} is (5, 3): one row per output unit, so W = weight.T.").format(
            what=what))
    if shape == (3, 5):
        return hint(tr("(3, 5) is lecture_lib's layout (n_in, n_out). PyTorch stores the "
                       "transpose: look at how to_torch copies W across."))
    return hint(tr("the first layer maps 3 inputs to 5 hidden units; PyTorch's Linear keeps "
                   "one row per output unit."))


def l1_gradient(answer: object) -> Result:
    """Adding λ Σ|w| with λ = 0.01 to the loss changes dL/dw of a weight w = −0.4 by
    λ·sign(w) = −0.01."""
    return check_number(answer, -0.01, what=tr("the change in dL/dw"), tol=1e-4, hints={
        0.01: tr("check the sign: d|w|/dw is sign(w), and w = −0.4 is negative."),
        -0.004: tr("that is λw, the gradient of λw²/2 (ridge). The derivative of |w| is sign(w)."),
        -0.008: tr("that is 2λw, the gradient of λw² (ridge, notebook 14). For |w| it is sign(w)."),
        0.004: tr("the derivative of λ|w| does not depend on the size of w, only on its sign."),
        -0.4: tr("multiply by λ = 0.01: the penalty is λ Σ|w|."),
    }, default_hint=tr("differentiate λ|w|: the result is λ · sign(w) for w ≠ 0."))


def state_dict_entries(answer: object) -> Result:
    """``nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 3))`` has a state_dict of
    4 tensors: a weight and a bias for each Linear; ReLU has no parameters."""
    return check_number(answer, 4, what=tr("the number of entries in the state_dict"), tol=0.0,
                        hints={
        2: tr("each Linear layer stores two tensors, its weight and its bias."),
        3: tr("count tensors, not modules: ReLU has none, each Linear has two."),
        6: tr("ReLU has no parameters, so it adds nothing to the state_dict."),
        99: tr("that is the number of numbers (2·16 + 16 + 16·3 + 3); the state_dict holds "
               "one entry per tensor."),
    }, default_hint=tr("print(model.state_dict().keys()) lists one entry per weight or bias "
                       "tensor."))
