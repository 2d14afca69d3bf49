"""Perceptron readouts: what the notebook's live figures print about a unit, a search and a run."""

from __future__ import annotations

from numpy.typing import ArrayLike

from ..._validation import as_2d, positive_int
from ...i18n import tr
from .units import GridSearch, LearningHistory, perceptron, truth_table


def describe_step(history: LearningHistory, t: int, X: ArrayLike) -> str:
    """Readout of step ``t`` of a :func:`learning_rule` history (``t = 0``: the start).

    Parameters
    ----------
    history : LearningHistory
        From :func:`learning_rule`.
    t : int
        The step (0 to the number of steps).
    X : array_like
        The inputs the history was run on.

    Returns
    -------
    str
    """
    n_steps = len(history.sample)
    t = positive_int(t, "t", minimum=0)
    if t > n_steps:
        raise ValueError(tr("t must be at most {n}, got {t}").format(n=n_steps, t=t))
    X = as_2d(X, "X")
    w, b = history.w[t], history.b[t]
    lines = [tr("step = {t} of {n}").format(t=t, n=n_steps)]
    if t == 0:
        lines.append(tr("sample = (none yet: the starting weights)"))
    else:
        i = history.sample[t - 1]
        x = ", ".join(f"{v:g}" for v in X[i])
        lines.append(tr("sample = ({x}), prediction = {prediction}, error y - ŷ = {error}").format(
            x=x, prediction=history.prediction[t - 1], error=f"{history.error[t - 1]:+d}"))
    lines.append("w = (" + ", ".join(f"{v:.2f}" for v in w) + f"), b = {b:.2f}")
    return "\n".join(lines)



def describe_party(w: ArrayLike, b: float) -> str:
    """Readout of the party perceptron: how often you go, the threshold, the friends-only case."""
    decisions = perceptron(truth_table(3), w, b)   # row 1 = (0, 0, 1): only enough friends
    return "\n".join([tr("go = {n} of 8").format(n=int(decisions.sum())),
                      tr("threshold = -b = {value}").format(value=f"{-float(b):.2f}"),
                      tr("friends alone = {decision}").format(
                          decision=tr("go") if decisions[1] else tr("stay"))])



def describe_search(result: GridSearch, n_rows: int) -> str:
    """One line on a :func:`separating_weights` search over a truth table of ``n_rows`` rows."""
    n_rows = positive_int(n_rows, "n_rows")
    return tr("{n} of {total} settings are right on all {rows} inputs; "
              "the best gets {best} of {rows}").format(n=f"{result.n_solutions:5d}",
                                                      total=result.n_settings, rows=n_rows,
                                                      best=result.best_correct)



def describe_learning(history: LearningHistory) -> str:
    """One line on a :func:`learning_rule` run: mistakes per epoch, convergence, final weights."""
    return tr("mistakes per epoch {mistakes}, converged: {converged}, "
              "final w = {w}, b = {b}").format(mistakes=history.mistakes.tolist(),
                                               converged=tr("yes") if history.converged else tr("no"),
                                               w=history.w[-1].tolist(), b=f"{history.b[-1]:.1f}")
