r"""Finite differences: check a network's backpropagated gradient against the definition.

Each parameter θ is nudged by ±ε and the loss re-evaluated, so :math:`\hat g` needs nothing but the
forward pass; backprop is right when the two agree to about 1e-6 in float64.
:func:`gradient_check` is also importable from :mod:`lecture_lib.networks`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike

if TYPE_CHECKING:
    from .losses import Loss
    from .networks import Network

__all__ = ["gradient_check"]


def gradient_check(network: Network, X: ArrayLike, y: ArrayLike, loss: str | Loss = "mse",
                   eps: float = 1e-6) -> float:
    r"""Relative error between the backprop gradient g and central finite differences ĝ.

    Each parameter θ is nudged both ways, :math:`\hat g = (L(θ + ε) - L(θ - ε)) / 2ε`, and
    the result is :math:`\lVert g - \hat g\rVert / (\lVert g\rVert + \lVert \hat g\rVert)`
    over all weights and biases together. Below 1e-6 in float64 means backprop is right.

    Parameters
    ----------
    network : Network
    X, y, loss
        As for :meth:`Network.prepare`.
    eps : float
        The step ε of the finite differences.

    Returns
    -------
    float
    """
    _, grads = network.gradients(X, y, loss)
    analytic = np.concatenate([g.ravel() for pair in grads for g in pair])
    numeric = []
    for param in network.parameters():
        for idx in np.ndindex(param.shape):
            old = param[idx]
            param[idx] = old + eps
            up = network.loss(X, y, loss)
            param[idx] = old - eps
            down = network.loss(X, y, loss)
            param[idx] = old
            numeric.append((up - down) / (2 * eps))
    numeric = np.array(numeric)
    scale = np.linalg.norm(analytic) + np.linalg.norm(numeric)
    return float(np.linalg.norm(analytic - numeric) / scale) if scale > 0 else 0.0
