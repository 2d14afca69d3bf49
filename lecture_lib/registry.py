"""The notebooks of the collection: number → key, file stem and title.

The key names a notebook's modules: ``lecture_lib/topics/<key>.py`` (only where the
notebook needs numerics of its own), ``lecture_lib/plots/<key>.py`` (its figures) and
``lecture_lib/checks/<key>.py`` (its exercise checks). Its tests are
``tests/test_<key>*.py`` and its browser test ``tests/browser/test_<stem>.py``. The
structure tests read this table, so a new notebook is one new line here.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import tr


@dataclass(frozen=True)
class Entry:
    """One notebook: its number, key, file stem (``notebooks/<stem>.ipynb``) and title.

    Attributes
    ----------
    number : int
        The notebook's number, 0, 1, 2, ... (``NN`` in ``notebooks/NN_<stem>.ipynb``).
    key : str
        The topic key naming its modules: ``topics/<key>.py``, ``plots/<key>.py``,
        ``checks/<key>.py``.
    stem : str
        The notebook's file name without ``.ipynb``, e.g. ``"20_attention"``.
    title : str
        The title its first cell shows after ``NN ·``.
    """

    number: int
    key: str
    stem: str
    title: str


NOTEBOOKS: tuple[Entry, ...] = tuple(Entry(*row) for row in (
    (0, "start", "00_start_here", "Start here"),
    (1, "fitting", "01_learning_as_function_fitting", "Learning as function fitting"),
    (2, "descent", "02_gradient_descent", "Gradient descent"),
    (3, "perceptron", "03_perceptron", "The perceptron"),
    (4, "activations", "04_activation_functions", "Activation functions"),
    (5, "shallow", "05_shallow_networks", "Shallow neural networks"),
    (6, "collapse", "06_linear_activation_collapse", "Linear-activation collapse"),
    (7, "counting", "07_counting_parameters", "Counting parameters"),
    (8, "approximation", "08_universal_approximation", "Universal approximation"),
    (9, "losses", "09_loss_functions", "Loss functions"),
    (10, "metrics", "10_evaluation_metrics", "Evaluation metrics"),
    (11, "backprop", "11_backpropagation", "Backpropagation"),
    (12, "training", "12_training_a_network", "Training a network"),
    (13, "depth", "13_deep_networks", "Deep networks"),
    (14, "regularization", "14_overfitting_and_regularization", "Overfitting and regularization"),
    (15, "bias_variance", "15_bias_variance", "Bias and variance"),
    (16, "dimensionality", "16_curse_of_dimensionality", "The curse of dimensionality"),
    (17, "double_descent", "17_double_descent", "Double descent"),
    (18, "frameworks", "18_from_scratch_to_pytorch", "From scratch to PyTorch"),
    (19, "digits", "19_handwritten_digits", "Handwritten digits"),
))


def by_number(number: int) -> Entry:
    """The registry entry of notebook ``number``."""
    for entry in NOTEBOOKS:
        if entry.number == number:
            return entry
    raise ValueError(tr("no notebook number {number!r}; have {have}").format(
        number=number, have=[e.number for e in NOTEBOOKS]))
