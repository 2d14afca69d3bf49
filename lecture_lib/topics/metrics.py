"""Notebook 10, evaluation metrics: the toy gravitational-wave detector whose scores it thresholds."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._validation import make_rng, positive_int, real_number
from ..datasets import Data
from ..i18n import mark, tr


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
        raise ValueError(tr("n_signal + n_noise must be at least 1, got 0 events"))
    sep = real_number(separation, "separation", low=0.0)
    gen = make_rng(seed, rng)
    y = np.repeat(np.array([1, 0], dtype=np.int64), (n_sig, n_noi))
    X = (sep * y + gen.standard_normal(y.size))[:, None]
    order = gen.permutation(y.size)
    return X[order], y[order]


# ----- the notebook's readouts -----

R2_MODELS = {  # a model of the R² example → its panel title and its row in the table
    "exact": (mark("exact predictions $\\hat y_i = y_i$"), mark("exact")),
    "mean": (mark("the mean $\\hat y_i = \\bar y$"), mark("mean")),
    "wrong slope": (mark("a line sloping the wrong way"), mark("wrong slope")),
}
METRIC_NAMES = {"precision": mark("precision"), "recall": mark("recall"),
                "accuracy": mark("accuracy"), "F1": "F1"}


def model_title(name: str) -> str:
    """The panel title of a model of ``R2_MODELS`` (any other name is its own title)."""
    return tr(R2_MODELS[name][0]) if name in R2_MODELS else name


def describe_r2(name: str, ss_res: float, ss_tot: float, r2: float) -> str:
    """One row: the model's name (``R2_MODELS``), SS_res, SS_tot, R² and whether SS_res > SS_tot.

    Parameters
    ----------
    name : str
    ss_res, ss_tot, r2 : float
        :math:`SS_{res}`, :math:`SS_{tot}` and :math:`R^2 = 1 - SS_{res}/SS_{tot}`.

    Returns
    -------
    str
    """
    label = tr(R2_MODELS[name][1]) if name in R2_MODELS else name
    worse = tr("True", context="yes/no") if ss_res > ss_tot else tr("False", context="yes/no")
    return tr("{name} SS_res = {ss_res}  SS_tot = {ss_tot}  R² = {r2}  worse than the mean: "
              "{worse}").format(name=f"{label:12s}", ss_res=f"{ss_res:6.2f}",
                                ss_tot=f"{ss_tot:5.2f}", r2=f"{r2:5.2f}", worse=worse)


def describe_precision_recall(tp: int, fn: int, fp: int, precision: float, recall: float) -> str:
    """Precision and recall from the four counts, next to the library's values.

    Parameters
    ----------
    tp, fn, fp : int
        The counts TP, FN and FP.
    precision, recall : float
        The library's :func:`lecture_lib.metrics.precision` and :func:`lecture_lib.metrics.recall`.

    Returns
    -------
    str
    """
    return "\n".join([
        tr("precision = TP / (TP + FP) = {tp} / {flagged} = {value}   metrics.precision: "
           "{library}").format(tp=tp, flagged=tp + fp, value=f"{tp / (tp + fp):.3f}",
                               library=f"{precision:.3f}"),
        tr("recall    = TP / (TP + FN) = {tp} / {real} = {value}   metrics.recall:    "
           "{library}").format(tp=tp, real=tp + fn, value=f"{tp / (tp + fn):.3f}",
                               library=f"{recall:.3f}")])


def describe_scores(accuracy: float, recall: float, f1: float) -> str:
    """One line: accuracy, recall and F1.

    Parameters
    ----------
    accuracy, recall, f1 : float

    Returns
    -------
    str
    """
    return tr("accuracy = {accuracy}  recall = {recall}  F1 = {f1}").format(
        accuracy=f"{accuracy:.3f}", recall=f"{recall:.3f}", f1=f"{f1:.3f}")


@dataclass(frozen=True)
class DetectorScores:
    r"""The counts and scores of the decision :math:`s \geq \tau`, in the lecture's names.

    Attributes
    ----------
    tp, fn, fp, tn : int
        The counts TP, FN, FP, TN: signals flagged and missed, noise events flagged and passed.
    precision, recall, accuracy, f1 : float
        :math:`TP/(TP+FP)`, :math:`TP/(TP+FN)`, :math:`(TP+TN)/N` and :math:`2TP/(2TP+FP+FN)`,
        0 for 0/0 as in :mod:`lecture_lib.metrics`.
    """

    tp: int
    fn: int
    fp: int
    tn: int
    precision: float
    recall: float
    accuracy: float
    f1: float


def describe_detector(m: DetectorScores) -> str:
    """The detector's readout: the four counts, then precision, recall, accuracy and F1.

    ``m`` is what :func:`lecture_lib.plots.metrics.detector`'s ``draw`` returns. With no
    alarms (TP + FP = 0) precision TP / (TP + FP) = 0/0 is undefined, and says so.
    """
    counts = f"TP = {m.tp}  FN = {m.fn}\nFP = {m.fp}  TN = {m.tn}\n"
    scores = [tr("{name} = {value}").format(name=tr(METRIC_NAMES[k]), value=f"{getattr(m, k.lower()):.3f}")
              for k in ("precision", "recall", "accuracy", "F1")]
    if m.tp + m.fp == 0:
        scores[0] = tr("precision undefined (0/0)")
    return counts + "\n".join(scores)
