"""Notebook 19's text: a sentence as numbers (the first step for text), and what the
notebook's cells and live figure print."""

from __future__ import annotations

import re

import numpy as np
from numpy.typing import ArrayLike

from ...i18n import mark, tr
from .results import SizeCurve, Tokens

EXAMPLE_SENTENCE = mark("the network reads the digit and the network learns")


def tokenize(text: str) -> Tokens:
    """Split ``text`` into lower-case words and number them: the first step for text."""
    if not isinstance(text, str):
        raise TypeError(tr("text must be a string, got {got}").format(got=type(text).__name__))
    tokens = re.findall(r"[a-záéíóúñü']+", text.lower())
    if not tokens:
        raise ValueError(tr("text must contain at least one word"))
    vocabulary = sorted(set(tokens))
    index = np.array([vocabulary.index(w) for w in tokens])
    return Tokens(tokens, vocabulary, index, np.eye(len(vocabulary))[index])


def example_sentence() -> str:
    """A short sentence to tokenize, in the language chosen with ``set_language``."""
    return tr(EXAMPLE_SENTENCE)


# -- what the notebook's cells and live figure print ------------------------------------

def describe_tokens(tokens: Tokens) -> str:
    """The text of :func:`tokenize`'s result: the words, the vocabulary, each token's number
    and the one-hot matrix, one row per token."""
    return "\n".join([tr("text: {text}").format(text=" ".join(tokens.tokens)),
                      tr("vocabulary: {words}").format(words=tokens.vocabulary),
                      tr("tokens as numbers: {index}").format(index=tokens.index),
                      tr("one-hot vectors, one row per token:"),
                      " " + str(tokens.one_hot.astype(int))])


def describe_confusion(matrix: ArrayLike) -> str:
    """How many test images a confusion matrix counts as right (its diagonal) and wrong."""
    m = np.asarray(matrix)
    right = int(np.trace(m))
    return tr("correct (diagonal): {right}  wrong (off the diagonal): {wrong}").format(
        right=right, wrong=int(m.sum()) - right)


def describe_size_curve(curve: SizeCurve) -> str:
    """The table of :func:`size_curve`: training images, train and test accuracy."""
    labels = [tr("training images:"), tr("train accuracy:"), tr("test accuracy:")]
    width = max(len(label) for label in labels) + 2
    rows = ["".join(f"{n:7d}" for n in curve.sizes),
            "".join(f"{a:7.1%}" for a in curve.train_accuracy),
            "".join(f"{a:7.0%}" for a in curve.test_accuracy)]
    return "\n".join(label.ljust(width) + row for label, row in zip(labels, rows))


def describe_blend(p: ArrayLike, first: int, second: int) -> str:
    r"""The live blend's readout: the predicted digit with its probability, and the
    probabilities :math:`\hat p` of digits a (``first``) and b (``second``).

    Parameters
    ----------
    p : array_like, shape (10,)
        The network's probabilities for the blended image.
    first, second : int
        The digits a and b.

    Returns
    -------
    str
    """
    p = np.asarray(p)
    return "\n".join([
        tr("prediction: {digit} with probability {p:.2f}").format(digit=p.argmax(), p=p.max()),
        tr("p({digit}) = {p:.3f}   (digit a)").format(digit=first, p=p[first]),
        tr("p({digit}) = {p:.3f}   (digit b)").format(digit=second, p=p[second])])

