"""The results of notebook 19's experiments: a trained classifier, its mistakes, the
accuracy against the training-set size, and a sentence as numbers."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ...networks import Network
from ...training import History


@dataclass(frozen=True)
class DigitsRun:
    r"""A trained digit classifier and how well it does.

    Attributes
    ----------
    network : Network
        The trained ``(64, n_hidden, 10)`` network.
    history : History
        Its per-epoch losses (:func:`lecture_lib.training.train`).
    n_train : int
        The number of training images.
    train_accuracy, test_accuracy : float
        Shares of images whose most probable class :math:`\arg\max_k \hat p_k` is right.
    train_loss, test_loss : float
        The final cross-entropies.
    """

    network: Network
    history: History
    n_train: int
    train_accuracy: float
    test_accuracy: float
    train_loss: float
    test_loss: float


@dataclass(frozen=True)
class Mistakes:
    """The misclassified images, most confident mistake first.

    Attributes
    ----------
    index : ndarray of int, shape (n_mistakes,)
        Their rows in X.
    true, predicted : ndarray of int, shape (n_mistakes,)
        The true digit and the predicted one.
    probabilities : ndarray, shape (n_mistakes, 10)
        The network's ten probabilities (rows sum to 1).
    """

    index: np.ndarray
    true: np.ndarray
    predicted: np.ndarray
    probabilities: np.ndarray

    def __len__(self) -> int:
        return len(self.index)


@dataclass(frozen=True)
class SizeCurve:
    """Train and test accuracy and cross-entropy against the number of training images.

    Attributes
    ----------
    sizes : ndarray of int, shape (n_sizes,)
        The numbers of training images.
    train_accuracy, test_accuracy, train_loss, test_loss : ndarray, shape (n_sizes,)
        One trained network's scores per size.
    """

    sizes: np.ndarray
    train_accuracy: np.ndarray
    test_accuracy: np.ndarray
    train_loss: np.ndarray
    test_loss: np.ndarray

    @property
    def gap(self) -> np.ndarray:
        """Train minus test accuracy: how much the network learned that does not carry over."""
        return self.train_accuracy - self.test_accuracy


@dataclass(frozen=True)
class Tokens:
    """A sentence as numbers.

    Attributes
    ----------
    tokens, vocabulary : list of str
        The lower-case words in order, and the sorted distinct ones.
    index : ndarray of int, shape (n_tokens,)
        Each token's position in ``vocabulary``.
    one_hot : ndarray, shape (n_tokens, n_words)
        One 1 per row, in the column of the token's word.
    """

    tokens: list
    vocabulary: list
    index: np.ndarray
    one_hot: np.ndarray
