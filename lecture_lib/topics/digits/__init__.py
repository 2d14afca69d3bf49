r"""Notebook 19: the training loop of notebook 12 on a real task, handwritten digits.

An image is 64 numbers :math:`x \in [0, 1]^{64}` (8 × 8 pixels, row by row, from
:func:`lecture_lib.datasets.digits`). A network with one hidden layer of ReLU units and a
softmax output gives the ten class probabilities

.. math::  \hat p = \mathrm{softmax}\big(W^{(2)\top} \mathrm{ReLU}(W^{(1)\top} x + b^{(1)})
           + b^{(2)}\big), \qquad \hat y = \arg\max_k \hat p_k ,

and is trained on the cross-entropy :math:`L = -\frac1N \sum_i \log \hat p_{i, y_i}` with
:func:`lecture_lib.training.train`. Everything here is seeded, so every run repeats.

>>> from lecture_lib import datasets
>>> X, y = datasets.digits(seed=0)
>>> run = fit(X[:300], y[:300], X[300:600], y[300:600], n_hidden=16, epochs=20)
>>> run.train_accuracy > run.test_accuracy > 0.8
True
"""

from .model import (N_CLASSES, N_PIXELS, SIDE, accuracy, blend, class_activation,
                    favourite_images, first_layer_images, fit, mistakes, predict,
                    representatives, size_curve)
from .results import DigitsRun, Mistakes, SizeCurve, Tokens
from .text import (EXAMPLE_SENTENCE, describe_blend, describe_confusion, describe_size_curve,
                   describe_tokens, example_sentence, tokenize)

__all__ = ["EXAMPLE_SENTENCE", "N_CLASSES", "N_PIXELS", "SIDE", "DigitsRun", "Mistakes", "SizeCurve", "Tokens",
           "accuracy", "blend", "class_activation", "describe_blend", "describe_confusion",
           "describe_size_curve", "describe_tokens", "example_sentence", "favourite_images", "fit",
           "first_layer_images", "mistakes", "predict", "representatives", "size_curve", "tokenize"]
