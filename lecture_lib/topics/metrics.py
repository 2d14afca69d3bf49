"""Notebook 10, evaluation metrics: the toy gravitational-wave detector whose scores it thresholds."""

from __future__ import annotations

import numpy as np

from .._validation import make_rng, positive_int, real_number
from ..datasets import Data


def detector_scores(n_signal: int = 50, n_noise: int = 950, separation: float = 2.0, seed: int | None = 0,
                    rng: np.random.Generator | None = None) -> Data:
    r"""Scores of a toy gravitational-wave detector: label 1 = signal, 0 = noise.

    Each event gets one detector score; noise events score
    :math:`\mathcal N(0, 1)` and signal events :math:`\mathcal N(\mathrm{separation}, 1)`.
    A threshold :math:`τ` turns scores into detections, ``(X[:, 0] >= τ)``, and the
    confusion matrix shows the trade-off between precision and recall as τ moves.
    The default is imbalanced as real searches are: 5 % of events are signals.

    Parameters
    ----------
    n_signal, n_noise : int
        How many events of each kind.
    separation : float
        The mean score of a signal event, in standard deviations of the noise.
    seed, rng
        The randomness (``seed``, or an ``rng`` stream to continue; see :mod:`lecture_lib.datasets`).

    Returns
    -------
    X : ndarray, shape (n_signal + n_noise, 1)
        Detector score of each event, in random order.
    y : ndarray of int64, shape (n_signal + n_noise,)
        The true label: 1 for a signal, 0 for noise.
    """
    n_sig = positive_int(n_signal, "n_signal", minimum=0)
    n_noi = positive_int(n_noise, "n_noise", minimum=0)
    if n_sig + n_noi == 0:
        raise ValueError("n_signal + n_noise must be at least 1, got 0 events")
    sep = real_number(separation, "separation", low=0.0)
    gen = make_rng(seed, rng)
    y = np.repeat(np.array([1, 0], dtype=np.int64), (n_sig, n_noi))
    X = (sep * y + gen.standard_normal(y.size))[:, None]
    order = gen.permutation(y.size)
    return X[order], y[order]
