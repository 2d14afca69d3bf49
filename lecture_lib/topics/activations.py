r"""Notebook 04's readouts: the numbers its live figures print beside the pictures.

The activation functions themselves are the shared core, :mod:`lecture_lib.activations`;
this module turns their values into the readout text (numpy only, no drawing).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from numpy.typing import ArrayLike

from .. import activations
from .._validation import number_text

RANGES = {"sigmoid": "(0, 1)", "tanh": "(-1, 1)", "relu": "[0, ∞)", "leaky_relu": "(-∞, ∞)",
          "elu": "(-α, ∞)", "hard_sigmoid": "[0, 1]", "linear": "(-∞, ∞)"}
USES_ALPHA = ("leaky_relu", "elu")


def activation(name: str, alpha: float | None) -> activations.Activation:
    """The activation ``name``, with ``alpha`` where it takes one (Leaky ReLU, ELU), else without."""
    return activations.get(name, alpha if name in USES_ALPHA else None)


def describe_activation(name: str, alpha: float, at: Sequence[float] = (-2.0, 0.0, 2.0)) -> str:
    """Readout: the activation's values and derivatives at a few ``z`` and its output range.

    Parameters
    ----------
    name : str
        An element-wise activation of :data:`RANGES`.
    alpha : float
        α of Leaky ReLU and ELU (the readout says when ``name`` does not use it).
    at : sequence of float
        The inputs ``z`` at which :math:`a(z)` and :math:`a'(z)` are shown.

    Returns
    -------
    str
        Four ``name = value`` lines.
    """
    act = activation(name, alpha)
    z = np.asarray(at, dtype=float)
    values, grads = act(z), act.grad(z)
    return "\n".join([
        f"activation = {name}" + (f", α = {alpha:.2f}" if name in USES_ALPHA else " (α not used)"),
        ", ".join(f"a({v:g}) = {number_text(a, 3)}" for v, a in zip(z, values)),
        ", ".join(f"a'({v:g}) = {number_text(g, 3)}" for v, g in zip(z, grads)),
        f"range = {RANGES[name]}"])


def describe_softmax(z: ArrayLike, T: float) -> str:
    r"""Readout: :math:`p = \mathrm{softmax}(z / T)`, its sum and the most likely class."""
    p = activations.softmax(np.asarray(z, dtype=float) / T)
    return "\n".join([f"T = {T:.2f}", "p = " + ", ".join(f"{v:.2f}" for v in p),
                      f"sum = {p.sum():.2f}",
                      f"largest = p{int(np.argmax(p)) + 1} = {p.max():.2f}"])


def describe_depth(gradients: Mapping[str, np.ndarray]) -> str:
    r"""Readout: :math:`\log_{10} |\partial h_L / \partial h_0|` at the last depth, per activation.

    ``gradients`` maps an activation's name to :math:`\partial h_L / \partial h_0` for
    :math:`L = 1, 2, \dots`; a zero gradient reads ``-inf (no gradient)``.
    """
    first = next(iter(gradients.values()))
    lines = [f"log10 |dh_L/dh_0| at L = {len(first)}"]
    for name, g in gradients.items():
        size = abs(float(np.asarray(g, dtype=float)[-1]))
        lines.append(f"{name} = " + (f"{np.log10(size):.2f}" if size > 0 else "-inf (no gradient)"))
    return "\n".join(lines)


__all__ = ["RANGES", "activation", "describe_activation", "describe_softmax", "describe_depth"]
