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
from ..i18n import mark, tr

RANGES = {"sigmoid": "(0, 1)", "tanh": "(-1, 1)", "relu": "[0, ∞)", "leaky_relu": "(-∞, ∞)",
          "elu": "(-α, ∞)", "hard_sigmoid": "[0, 1]", "linear": "(-∞, ∞)"}
USES_ALPHA = ("leaky_relu", "elu")
# Lecture D: binary classification – sigmoid; multi-class – softmax; regression – linear.
# The tasks and activation names are shown with tr (the names also answer check 4 of 04).
OUTPUT_ACTIVATION = {mark("binary classification"): mark("sigmoid"),
                     mark("multi-class classification"): mark("softmax"),
                     mark("regression"): mark("linear")}


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
        tr("activation = {name}").format(name=name)
        + (f", α = {alpha:.2f}" if name in USES_ALPHA else tr(" (α not used)")),
        ", ".join(f"a({v:g}) = {number_text(a, 3)}" for v, a in zip(z, values)),
        ", ".join(f"a'({v:g}) = {number_text(g, 3)}" for v, g in zip(z, grads)),
        tr("range = {range}").format(range=RANGES[name])])


def describe_softmax(z: ArrayLike, T: float) -> str:
    r"""Readout: :math:`p = \mathrm{softmax}(z / T)`, its sum and the most likely class."""
    p = activations.softmax(np.asarray(z, dtype=float) / T)
    return "\n".join([f"T = {T:.2f}", "p = " + ", ".join(f"{v:.2f}" for v in p),
                      tr("sum = {total}").format(total=f"{p.sum():.2f}"),
                      tr("largest = p{k} = {p}").format(k=int(np.argmax(p)) + 1, p=f"{p.max():.2f}")])


def describe_depth(gradients: Mapping[str, np.ndarray]) -> str:
    r"""Readout: :math:`\log_{10} |\partial h_L / \partial h_0|` at the last depth, per activation.

    ``gradients`` maps an activation's name to :math:`\partial h_L / \partial h_0` for
    :math:`L = 1, 2, \dots`; a zero gradient reads ``-inf (no gradient)``.
    """
    first = next(iter(gradients.values()))
    lines = [tr("log10 |dh_L/dh_0| at L = {L}").format(L=len(first))]
    for name, g in gradients.items():
        size = abs(float(np.asarray(g, dtype=float)[-1]))
        lines.append(f"{name} = " + (f"{np.log10(size):.2f}" if size > 0 else tr("-inf (no gradient)")))
    return "\n".join(lines)


def describe_output(task: str, name: str, out: ArrayLike) -> str:
    """One line of notebook 04's output-activation table: the task, its output activation
    ``name`` and the range of ``out`` (and, for a softmax's rows, the range of their sums).

    Parameters
    ----------
    task : str
        A key of :data:`OUTPUT_ACTIVATION` (shown in the chosen language).
    name : str
        Its activation, ``OUTPUT_ACTIVATION[task]``.
    out : array_like
        The activation's outputs: one row per sample, and for softmax one column per class.

    Returns
    -------
    str
    """
    out = np.asarray(out, dtype=float)
    task_width = max(len(tr(t)) for t in OUTPUT_ACTIVATION) + 1
    name_width = max(len(tr(n)) for n in OUTPUT_ACTIVATION.values())
    text = f"{tr(task):{task_width}s} -> {tr(name):{name_width}s}: " + tr(
        "outputs in [{low}, {high}]").format(low=f"{out.min():.2f}", high=f"{out.max():.2f}")
    if out.ndim == 2:
        sums = out.sum(axis=1)
        text += tr(", rows sum to {low}..{high}").format(low=f"{sums.min():.2f}",
                                                          high=f"{sums.max():.2f}")
    return text


__all__ = ["OUTPUT_ACTIVATION", "RANGES", "activation", "describe_activation", "describe_softmax",
           "describe_depth", "describe_output"]
