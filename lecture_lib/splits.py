"""Splitting a data set: a random, seeded training/test split that keeps samples paired.

Re-exported as :func:`lecture_lib.datasets.train_test_split`.

>>> import numpy as np
>>> X_train, X_test, y_train, y_test = train_test_split(np.arange(8.0)[:, None], np.arange(8), seed=0)
>>> X_train.shape, X_test.shape, y_test.dtype.kind
((6, 1), (2, 1), 'i')
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ._validation import as_array, make_rng, real_number, same_length
from .i18n import tr

__all__ = ["train_test_split"]


def train_test_split(X: ArrayLike, y: ArrayLike, test_fraction: float = 0.25, seed: int | None = 0,
                     rng: np.random.Generator | None = None
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Split ``(X, y)`` at random into a training and a test part.

    The test part has ``round(test_fraction * n)`` samples, at least one, and the
    training part keeps at least one. Rows stay paired; dtypes and trailing shapes are
    kept (integer labels stay integers).

    Parameters
    ----------
    X, y : array_like
        Samples in rows and their targets, of equal length.
    test_fraction : float
        The share in (0, 1) of samples that go to the test part.
    seed, rng
        The randomness (see the module docstring).

    Returns
    -------
    X_train, X_test, y_train, y_test : ndarray
        In the order scikit-learn uses.
    """
    Xa = as_array(X, "X", ndim=(1, 2))
    ya = as_array(y, "y", ndim=(1, 2))
    same_length(Xa, ya, "X", "y")
    frac = real_number(test_fraction, "test_fraction", low=0.0, high=1.0, low_open=True)
    n = Xa.shape[0]
    if n < 2:
        raise ValueError(tr("X needs at least 2 samples to split, got {n}").format(n=n))
    if frac == 1.0:
        raise ValueError(tr("test_fraction must be < 1.0, got 1.0 (nothing left to train on)"))
    n_test = min(max(int(round(frac * n)), 1), n - 1)
    order = make_rng(seed, rng).permutation(n)
    X, y = np.asarray(X), np.asarray(y)
    test, train = order[:n_test], order[n_test:]
    return X[train], X[test], y[train], y[test]
