r"""XOR from perceptrons: a 2-2-1 network of step units, OR and NAND into AND."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from ..._validation import as_2d, as_array
from ...i18n import tr
from .units import GATES, step

XOR_LAYERS = (("OR", "NAND"), ("AND",))   # XOR = AND(OR, NAND): three perceptrons


def xor_network() -> tuple[tuple[np.ndarray, np.ndarray], ...]:
    r"""The layers ``(W, b)`` of a 2-2-1 network of step units that computes XOR exactly.

    :math:`h_1 = \mathrm{OR}(x_1, x_2) = \mathrm{step}(x_1 + x_2 - 0.5)`,
    :math:`h_2 = \mathrm{NAND}(x_1, x_2) = \mathrm{step}(-x_1 - x_2 + 1.5)` and
    :math:`\hat y = \mathrm{AND}(h_1, h_2) = \mathrm{step}(h_1 + h_2 - 1.5)`. Every unit,
    the output too, is a perceptron of :data:`GATES`; ``W`` is ``(n_in, n_out)``.
    """
    layers = []
    for names in XOR_LAYERS:
        W = np.array([GATES[name][0] for name in names]).T
        b = np.array([GATES[name][1] for name in names])
        layers.append((W, b))
    return tuple(layers)


def step_network(X: ArrayLike, layers: Sequence[tuple[ArrayLike, ArrayLike]]) -> list[np.ndarray]:
    r"""Run a network of step units: :math:`h^{(k)} = \mathrm{step}(h^{(k-1)} W_k + b_k)`.

    Returns the activations of every layer, the input ``X`` first and the output last.
    """
    activations = [as_2d(X, "X")]
    for k, (W, b) in enumerate(layers):
        W = as_2d(W, f"layers[{k}] W")
        if W.shape[0] != activations[-1].shape[1]:
            raise ValueError(tr("layers[{k}] W must have {n} rows (one per input of the layer), "
                                "got {got}").format(k=k, n=activations[-1].shape[1], got=W.shape[0]))
        activations.append(step(activations[-1] @ W + as_array(b, f"layers[{k}] b", ndim=1)))
    return activations
