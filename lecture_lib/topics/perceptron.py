r"""The perceptron: a linear threshold unit, its logic gates, its limits and its learning rule.

A perceptron with weights :math:`w` and bias :math:`b` fires (outputs 1) when the
weighted sum of its inputs is above the threshold :math:`-b`:

.. math::  \hat y = \mathrm{step}(z), \qquad z = w_1x_1 + \dots + w_nx_n + b = x \cdot w + b,
           \qquad \mathrm{step}(z) = 1 \text{ if } z > 0 \text{ else } 0.

>>> from lecture_lib.topics.perceptron import PARTY_WEIGHTS, perceptron, truth_table
>>> X = truth_table(3)                 # (not raining, little work, enough friends)
>>> perceptron(X, **PARTY_WEIGHTS).tolist()
[0, 1, 0, 1, 0, 1, 1, 1]
"""

from __future__ import annotations

import numpy as np

from .._validation import as_2d, as_array, choice, make_rng, positive_int, real_number

PARTY_INPUTS = ("not raining", "little work", "enough friends")
# Friends weigh most: enough friends alone beats the threshold 3; otherwise you go
# only when it is dry AND you have little work (2 + 2 = 4 > 3).
PARTY_WEIGHTS = {"w": (2.0, 2.0, 4.0), "b": -3.0}

# Gates as perceptrons (w, b): fires when x·w + b > 0.
GATES = {"AND": ((1.0, 1.0), -1.5), "OR": ((1.0, 1.0), -0.5),
         "NAND": ((-1.0, -1.0), 1.5), "NOT": ((-1.0,), 0.5)}
# Targets on truth_table(2) = (0,0), (0,1), (1,0), (1,1); NOT on truth_table(1) = 0, 1.
TARGETS = {"AND": (0, 0, 0, 1), "OR": (0, 1, 1, 1), "NAND": (1, 1, 1, 0),
           "XOR": (0, 1, 1, 0), "NOT": (1, 0)}


def step(z) -> np.ndarray:
    r"""Heaviside step :math:`\mathrm{step}(z) = 1` if :math:`z > 0`, else 0 (as integers)."""
    return (as_array(z, "z", allow_empty=True) > 0).astype(np.int64)


def truth_table(n_inputs: int) -> np.ndarray:
    """All :math:`2^n` binary input rows in counting order, shape ``(2**n, n)``.

    >>> truth_table(2).tolist()
    [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
    """
    n = positive_int(n_inputs, "n_inputs")
    if n > 16:
        raise ValueError(f"n_inputs must be at most 16 (2**n rows), got {n}")
    codes = np.arange(2 ** n)[:, None]
    return ((codes >> np.arange(n - 1, -1, -1)) & 1).astype(np.float64)


def _weights(X, w, b, w_name: str = "w", b_name: str = "b"):
    X, w = as_2d(X, "X"), as_array(w, w_name, ndim=1)
    if w.shape[0] != X.shape[1]:
        raise ValueError(f"{w_name} must have {X.shape[1]} entries (one weight per input "
                         f"column), got {w.shape[0]}")
    return X, w, real_number(b, b_name)


def _binary_targets(X, y):
    """``(X, y)`` validated: 2-D inputs and one 0/1 target per row."""
    X, y = as_2d(X, "X"), as_array(y, "y", ndim=1)
    if y.shape[0] != X.shape[0] or not np.all((y == 0) | (y == 1)):
        raise ValueError(f"y must hold one 0/1 target per row of X ({X.shape[0]}), got {y}")
    return X, y


def pre_activation(X, w, b) -> np.ndarray:
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


def perceptron(X, w, b) -> np.ndarray:
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


def separating_weights(X, y, values=None) -> dict:
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
    dict
        ``n_settings`` searched, ``n_solutions`` that get every row right, and
        ``best_correct``: the most rows any setting gets right.
    """
    X, y = _binary_targets(X, y)
    values = np.linspace(-2.0, 2.0, 41) if values is None else as_array(values, "values", ndim=1)
    if X.shape[1] > 4:
        raise ValueError(f"X may have at most 4 columns for a grid search, got {X.shape[1]}")
    grids = np.meshgrid(*([values] * (X.shape[1] + 1)), indexing="ij")
    params = np.stack([g.ravel() for g in grids], axis=1)   # (n_settings, n_inputs + 1)
    Z = params[:, :-1] @ X.T + params[:, -1:]              # (n_settings, n_samples)
    n_correct = ((Z > 0) == (y > 0)).sum(axis=1)
    return {"n_settings": int(params.shape[0]),
            "n_solutions": int(np.count_nonzero(n_correct == X.shape[0])),
            "best_correct": int(n_correct.max())}


def learning_rule(X, y, eta: float = 0.5, epochs: int = 6, w0=None, b0: float = 0.0,
                  shuffle: bool = False, seed: int | None = None) -> dict:
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
    dict
        ``w`` ``(n_steps + 1, n_features)`` and ``b`` ``(n_steps + 1,)``: the weights before
        step 1, after step 1, ...; ``sample`` (index of the sample of each step),
        ``prediction`` and ``error`` :math:`y - \hat y` per step; ``mistakes`` per epoch;
        ``converged``: True if an epoch made no mistake.
    """
    X, y = _binary_targets(X, y)
    eta = real_number(eta, "eta", low=0.0, low_open=True)
    epochs = positive_int(epochs, "epochs")
    _, w, b = _weights(X, np.zeros(X.shape[1]) if w0 is None else w0, b0, "w0", "b0")
    if not isinstance(shuffle, bool):
        raise TypeError(f"shuffle must be True or False, got {type(shuffle).__name__}")
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
    return {"w": np.array(ws), "b": np.array(bs), "sample": sample, "prediction": prediction,
            "error": error, "mistakes": np.array(mistakes), "converged": min(mistakes) == 0}


def describe_step(history: dict, t: int, X) -> str:
    """Readout of step ``t`` of a :func:`learning_rule` history (``t = 0``: the start).

    Parameters
    ----------
    history : dict
        From :func:`learning_rule`.
    t : int
        The step (0 to the number of steps).
    X : array_like
        The inputs the history was run on.

    Returns
    -------
    str
    """
    n_steps = len(history["sample"])
    t = positive_int(t, "t", minimum=0)
    if t > n_steps:
        raise ValueError(f"t must be at most {n_steps}, got {t}")
    X = as_2d(X, "X")
    w, b = history["w"][t], history["b"][t]
    lines = [f"step = {t} of {n_steps}"]
    if t == 0:
        lines.append("sample = (none yet: the starting weights)")
    else:
        i = history["sample"][t - 1]
        x = ", ".join(f"{v:g}" for v in X[i])
        lines.append(f"sample = ({x}), prediction = {history['prediction'][t - 1]}, "
                     f"error y - ŷ = {history['error'][t - 1]:+d}")
    lines.append("w = (" + ", ".join(f"{v:.2f}" for v in w) + f"), b = {b:.2f}")
    return "\n".join(lines)


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


def step_network(X, layers) -> list[np.ndarray]:
    r"""Run a network of step units: :math:`h^{(k)} = \mathrm{step}(h^{(k-1)} W_k + b_k)`.

    Returns the activations of every layer, the input ``X`` first and the output last.
    """
    activations = [as_2d(X, "X")]
    for k, (W, b) in enumerate(layers):
        W = as_2d(W, f"layers[{k}] W")
        if W.shape[0] != activations[-1].shape[1]:
            raise ValueError(f"layers[{k}] W must have {activations[-1].shape[1]} rows "
                             f"(one per input of the layer), got {W.shape[0]}")
        activations.append(step(activations[-1] @ W + as_array(b, f"layers[{k}] b", ndim=1)))
    return activations


def describe_party(w, b) -> str:
    """Readout of the party perceptron: how often you go, the threshold, the friends-only case."""
    decisions = perceptron(truth_table(3), w, b)   # row 1 = (0, 0, 1): only enough friends
    return (f"go = {int(decisions.sum())} of 8\nthreshold = -b = {-float(b):.2f}\n"
            f"friends alone = {'go' if decisions[1] else 'stay'}")


def describe_gate(X, y, w, b) -> str:
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
    return "\n".join([f"correct = {int((decisions == y).sum())} of {len(y)}",
                      "decisions = " + ", ".join(str(int(d)) for d in decisions),
                      "targets   = " + ", ".join(str(int(t)) for t in y)])
