"""Perceptron units: the step, truth tables, logic gates, the grid search, the learning rule."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ..._validation import as_2d, as_array, choice, make_rng, positive_int, real_number
from ...i18n import mark, tr

PARTY_INPUTS = (mark("not raining"), mark("little work"), mark("enough friends"))
# Friends weigh most: enough friends alone beats the threshold 3; otherwise you go
# only when it is dry AND you have little work (2 + 2 = 4 > 3).
PARTY_WEIGHTS = {"w": (2.0, 2.0, 4.0), "b": -3.0}

# Gates as perceptrons (w, b): fires when x·w + b > 0.
GATES = {"AND": ((1.0, 1.0), -1.5), "OR": ((1.0, 1.0), -0.5),
         "NAND": ((-1.0, -1.0), 1.5), "NOT": ((-1.0,), 0.5)}
# Targets on truth_table(2) = (0,0), (0,1), (1,0), (1,1); NOT on truth_table(1) = 0, 1.
TARGETS = {"AND": (0, 0, 0, 1), "OR": (0, 1, 1, 1), "NAND": (1, 1, 1, 0),
           "XOR": (0, 1, 1, 0), "NOT": (1, 0)}


def step(z: ArrayLike) -> np.ndarray:
    r"""Heaviside step :math:`\mathrm{step}(z) = 1` if :math:`z > 0`, else 0 (as integers)."""
    return (as_array(z, "z", allow_empty=True) > 0).astype(np.int64)


def truth_table(n_inputs: int) -> np.ndarray:
    """All :math:`2^n` binary input rows in counting order, shape ``(2**n, n)``.

    >>> truth_table(2).tolist()
    [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
    """
    n = positive_int(n_inputs, "n_inputs")
    if n > 16:
        raise ValueError(tr("n_inputs must be at most 16 (2**n rows), got {n}").format(n=n))
    codes = np.arange(2 ** n)[:, None]
    return ((codes >> np.arange(n - 1, -1, -1)) & 1).astype(np.float64)


def _weights(X, w, b, w_name: str = "w", b_name: str = "b"):
    X, w = as_2d(X, "X"), as_array(w, w_name, ndim=1)
    if w.shape[0] != X.shape[1]:
        raise ValueError(tr("{name} must have {n} entries (one weight per input column), "
                            "got {got}").format(name=w_name, n=X.shape[1], got=w.shape[0]))
    return X, w, real_number(b, b_name)


def _binary_targets(X, y):
    """``(X, y)`` validated: 2-D inputs and one 0/1 target per row."""
    X, y = as_2d(X, "X"), as_array(y, "y", ndim=1)
    if y.shape[0] != X.shape[0] or not np.all((y == 0) | (y == 1)):
        raise ValueError(tr("y must hold one 0/1 target per row of X ({n}), got {got}").format(
            n=X.shape[0], got=y))
    return X, y


def pre_activation(X: ArrayLike, w: ArrayLike, b: float) -> np.ndarray:
    r"""The weighted sum :math:`z = x \cdot w + b` for every row of ``X``, shape ``(n_samples,)``.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_inputs)
    w : array_like, shape (n_inputs,)
    b : float

    Returns
    -------
    ndarray, shape (n_samples,)
    """
    X, w, b = _weights(X, w, b)
    return X @ w + b


def perceptron(X: ArrayLike, w: ArrayLike, b: float) -> np.ndarray:
    r"""Perceptron decisions :math:`\hat y = \mathrm{step}(x \cdot w + b)` (0 or 1 per row of ``X``).

    Parameters
    ----------
    X : array_like, shape (n_samples, n_inputs)
    w : array_like, shape (n_inputs,)
    b : float

    Returns
    -------
    ndarray of int, shape (n_samples,)
    """
    return step(pre_activation(X, w, b))


def gate(name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """``(X, y, w, b)`` for a logic gate: its truth table, targets and perceptron weights.

    ``name`` is one of ``"AND"``, ``"OR"``, ``"NAND"``, ``"NOT"`` (which have weights) or
    ``"XOR"`` (which has none: its ``w`` is empty and ``b`` is NaN, see
    :func:`separating_weights`).
    """
    choice(name, "name", tuple(TARGETS))
    y = np.array(TARGETS[name], dtype=np.int64)
    X = truth_table(1 if name == "NOT" else 2)
    if name not in GATES:
        return X, y, np.array([]), float("nan")
    w, b = GATES[name]
    return X, y, np.array(w, dtype=np.float64), float(b)


@dataclass(frozen=True)
class GridSearch:
    """What :func:`separating_weights` found.

    Attributes
    ----------
    n_settings : int
        Settings of the weights and the bias searched.
    n_solutions : int
        Settings that get every row right.
    best_correct : int
        The most rows any one setting gets right.
    """

    n_settings: int
    n_solutions: int
    best_correct: int


def separating_weights(X: ArrayLike, y: ArrayLike, values: ArrayLike | None = None) -> GridSearch:
    r"""Search a grid of :math:`(w_1, \dots, w_n, b)` for perceptrons that reproduce ``y``.

    Every weight and the bias run over ``values`` (default 41 values in [−2, 2]); for
    each setting the decisions :math:`\mathrm{step}(x \cdot w + b)` are compared with ``y``.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_inputs)
        At most 4 inputs.
    y : array_like, shape (n_samples,)
        Targets 0 or 1.
    values : array_like, optional
        The grid of every weight and the bias.

    Returns
    -------
    GridSearch
    """
    X, y = _binary_targets(X, y)
    values = np.linspace(-2.0, 2.0, 41) if values is None else as_array(values, "values", ndim=1)
    if X.shape[1] > 4:
        raise ValueError(tr("X may have at most 4 columns for a grid search, got {n}").format(
            n=X.shape[1]))
    grids = np.meshgrid(*([values] * (X.shape[1] + 1)), indexing="ij")
    params = np.stack([g.ravel() for g in grids], axis=1)   # (n_settings, n_inputs + 1)
    Z = params[:, :-1] @ X.T + params[:, -1:]              # (n_settings, n_samples)
    n_correct = ((Z > 0) == (y > 0)).sum(axis=1)
    return GridSearch(int(params.shape[0]), int(np.count_nonzero(n_correct == X.shape[0])),
                      int(n_correct.max()))


@dataclass(frozen=True, repr=False)
class LearningHistory:
    r"""Every step of :func:`learning_rule`.

    Attributes
    ----------
    w, b : ndarray, shape (n_steps + 1, n_inputs) and (n_steps + 1,)
        The weights and bias before step 1, after step 1, ...
    sample, prediction, error : ndarray of int, shape (n_steps,)
        Per step: the index of its sample, the decision :math:`\hat y` and :math:`y - \hat y`.
    mistakes : ndarray of int, shape (epochs,)
        Mistakes per epoch.
    converged : bool
        True if an epoch made no mistake.
    """

    w: np.ndarray
    b: np.ndarray
    sample: np.ndarray
    prediction: np.ndarray
    error: np.ndarray
    mistakes: np.ndarray
    converged: bool

    def __repr__(self) -> str:
        return (f"LearningHistory(n_steps={len(self.sample)}, mistakes={self.mistakes.tolist()}, "
                f"converged={self.converged}, final w={self.w[-1].tolist()}, b={self.b[-1]:g})")


def learning_rule(X: ArrayLike, y: ArrayLike, eta: float = 0.5, epochs: int = 6, w0: ArrayLike | None = None,
                  b0: float = 0.0, shuffle: bool = False, seed: int | None = None) -> LearningHistory:
    r"""Run the perceptron learning rule and record every step.

    Samples are visited in order, or in a fresh random order each epoch with
    ``shuffle=True`` (drawn from ``seed``; None: fresh randomness). For
    sample :math:`(x, y)` with decision :math:`\hat y = \mathrm{step}(x \cdot w + b)`:

    .. math::  w \leftarrow w + \eta\,(y - \hat y)\,x, \qquad b \leftarrow b + \eta\,(y - \hat y).

    Parameters
    ----------
    X : array_like, shape (n_samples, n_inputs)
    y : array_like, shape (n_samples,)
        Targets 0 or 1.
    eta : float
        Learning rate η > 0.
    epochs : int
    w0, b0 : array_like, float
        Start weights (default zeros) and bias.
    shuffle : bool
        Visit the samples in a fresh random order each epoch.
    seed : int or None
        Seed of the shuffling (None: fresh randomness).

    Returns
    -------
    LearningHistory
    """
    X, y = _binary_targets(X, y)
    eta = real_number(eta, "eta", low=0.0, low_open=True)
    epochs = positive_int(epochs, "epochs")
    _, w, b = _weights(X, np.zeros(X.shape[1]) if w0 is None else w0, b0, "w0", "b0")
    if not isinstance(shuffle, bool):
        raise TypeError(tr("shuffle must be True or False, got {got}").format(got=type(shuffle).__name__))
    rng = make_rng(seed) if shuffle else None
    ws, bs, steps, mistakes = [w], [b], [], []      # steps: (sample, prediction, error)
    for _ in range(epochs):
        order = rng.permutation(X.shape[0]) if rng is not None else np.arange(X.shape[0])
        for i in order:
            pred = int(X[i] @ w + b > 0)
            err = int(y[i]) - pred
            w, b = w + eta * err * X[i], b + eta * err   # a new array: ws keeps every step
            ws.append(w), bs.append(b), steps.append((int(i), pred, err))
        mistakes.append(sum(e != 0 for _, _, e in steps[-len(order):]))
    sample, prediction, error = (np.array(c, dtype=np.int64) for c in zip(*steps))
    return LearningHistory(np.array(ws), np.array(bs), sample, prediction, error,
                           np.array(mistakes), min(mistakes) == 0)


def describe_gate(X: ArrayLike, y: ArrayLike, w: ArrayLike, b: float) -> str:
    """Readout of a perceptron on a gate's truth table: its decisions and how many are right.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_inputs)
    y : array_like, shape (n_samples,)
        The gate's targets.
    w : array_like, shape (n_inputs,)
    b : float

    Returns
    -------
    str
    """
    X, y = _binary_targets(X, y)
    decisions = perceptron(X, w, b)
    return "\n".join([tr("correct = {n} of {total}").format(n=int((decisions == y).sum()),
                                                              total=len(y)),
                      tr("decisions = {values}").format(values=", ".join(str(int(d)) for d in decisions)),
                      tr("targets   = {values}").format(values=", ".join(str(int(t)) for t in y))])
