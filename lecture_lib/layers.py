r"""Layer bookkeeping of fully connected networks: sizes, parameter counts, initial scales.

Validated helpers that :class:`lecture_lib.networks.Network` and the topics share.

>>> count_parameters((2, 3, 1))
13
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from ._validation import as_array, choice, positive_int
from .i18n import tr

INITS = ("he", "xavier", "lecun")


def count_parameters(layer_sizes: Sequence[int]) -> int:
    r"""Number of weights and biases, :math:`\sum_l (n_{l-1} + 1)\, n_l`.

    For one hidden layer with s inputs, n hidden units and m outputs this is
    :math:`s \times n + n + n \times m + m`.

    >>> count_parameters((2, 3, 1)), count_parameters((1, 3, 1))
    (13, 10)
    """
    sizes = check_sizes(layer_sizes)
    return sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:]))


def check_sizes(layer_sizes: Sequence[int]) -> tuple[int, ...]:
    """Validate ``(n_in, n_hidden_1, ..., n_out)``: at least two whole numbers ≥ 1."""
    if isinstance(layer_sizes, (str, bytes)) or not hasattr(layer_sizes, "__len__"):
        raise TypeError(tr("layer_sizes must be a sequence of whole numbers, e.g. (1, 3, 1)"))
    if len(layer_sizes) < 2:
        raise ValueError(tr("layer_sizes needs at least an input and an output size, got {got}")
                         .format(got=tuple(layer_sizes)))
    return tuple(positive_int(n, f"layer_sizes[{i}]") for i, n in enumerate(layer_sizes))


def check_layers(layers: Sequence[tuple[ArrayLike, ArrayLike]]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Validate ``[(W1, b1), (W2, b2), ...]``: float arrays whose shapes chain layer to layer.

    ``W`` of layer l must be ``(n_{l-1}, n_l)`` and ``b`` ``(n_l,)``; errors name the layer.
    """
    if not isinstance(layers, (list, tuple)) or not layers:
        raise TypeError(tr("layers must be a non-empty list of (W, b) pairs"))
    checked = []
    for i, pair in enumerate(layers):
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise TypeError(tr("layers[{i}] must be a (W, b) pair").format(i=i))
        W = as_array(pair[0], f"layers[{i}] W", ndim=2)
        b = as_array(pair[1], f"layers[{i}] b", ndim=1)
        if b.shape[0] != W.shape[1]:
            raise ValueError(tr("layers[{i}] b must have {n} entries (one per unit of W with shape "
                                "{shape}), got {got}").format(i=i, n=W.shape[1], shape=W.shape,
                                                              got=b.shape[0]))
        if checked and W.shape[0] != checked[-1][0].shape[1]:
            raise ValueError(tr("layers[{i}] W must have {n} rows to follow the previous layer, got "
                                "shape {shape}").format(i=i, n=checked[-1][0].shape[1],
                                                        shape=W.shape))
        checked.append((W, b))
    return checked


def init_std(init: str | float, n_in: int, n_out: int) -> float:
    """Standard deviation of a layer's initial weights for ``init`` (a name or a float).

    Parameters
    ----------
    init : {"he", "xavier", "lecun"} or float
    n_in, n_out : int
        The layer's fan-in and fan-out.

    Returns
    -------
    float
    """
    if isinstance(init, (int, float)) and not isinstance(init, bool):
        if not init > 0:
            raise ValueError(tr("init as a number is the weights' standard deviation and must be > 0, "
                                "got {got}").format(got=init))
        return float(init)
    return {"he": np.sqrt(2.0 / n_in), "xavier": np.sqrt(2.0 / (n_in + n_out)),
            "lecun": np.sqrt(1.0 / n_in)}[choice(init, "init", INITS)]
