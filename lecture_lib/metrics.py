r"""Evaluation metrics: R² for regression, the confusion matrix and the scores built on it.

Argument order is always ``(y_true, y_pred)``, as in scikit-learn. Class labels are
whole numbers given as a 1-D array ``(n_samples,)`` or a single column
``(n_samples, 1)``.

For one class taken as *positive* (label ``positive``, 1 by default) the confusion
matrix counts

* TP, true positives: positive and predicted positive;
* FP, false positives: negative but predicted positive;
* FN, false negatives: positive but predicted negative;
* TN, true negatives: negative and predicted negative.

Every ratio below whose denominator is zero (no predicted positives for precision,
no actual positives for recall, ...) is defined as 0.0. It is returned without a
warning, so a slider that pushes the detector threshold past every score does not
break a live figure.

>>> from lecture_lib import metrics
>>> metrics.confusion_matrix([1, 1, 0, 0], [1, 0, 1, 0]).tolist()
[[1, 1], [1, 1]]
>>> metrics.precision([1, 1, 0, 0, 0], [1, 1, 1, 0, 0])
0.6666666666666666
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ._validation import as_array, choice, same_length
from .i18n import tr

AVERAGES = ("binary", "macro", "micro", None)


def r2_score(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    r"""Coefficient of determination :math:`R^2 = 1 - SS_{res} / SS_{tot}`.

    .. math::  SS_{res} = \sum_i (y_i - \hat y_i)^2, \qquad
               SS_{tot} = \sum_i (y_i - \bar y)^2 .

    :math:`R^2 = 1` for a perfect fit, :math:`R^2 = 0` for a model no better than
    always predicting the mean :math:`\bar y`, and :math:`R^2 < 0` for a model worse
    than that.

    Parameters
    ----------
    y_true, y_pred : array_like, shape (n_samples,) or (n_samples, n_outputs)
        Targets and predictions. With several outputs, R² is computed per column and
        averaged.

    Returns
    -------
    float
        When ``y_true`` is constant, :math:`SS_{tot} = 0` and the ratio is undefined.
        Then the result is 1.0 if the predictions are exact and 0.0 otherwise (the
        convention of scikit-learn), with no warning. Errors so large that
        :math:`SS_{res} / SS_{tot}` exceeds the float range give ``-inf``.

    >>> r2_score([1.0, 2.0, 3.0], [2.0, 2.0, 2.0])
    0.0
    """
    y = as_array(y_true, "y_true", ndim=(1, 2))
    p = as_array(y_pred, "y_pred", ndim=(1, 2))
    y = y[:, None] if y.ndim == 1 else y
    p = p[:, None] if p.ndim == 1 else p
    same_length(y, p, "y_true", "y_pred")
    if y.shape != p.shape:
        raise ValueError(tr("y_true and {name} must have the same shape, got {a} and {b}").format(
            name="y_pred", a=y.shape, b=p.shape))
    return float(np.mean(_r2_columns(y, p)))


def _r2_columns(y: np.ndarray, p: np.ndarray) -> np.ndarray:
    """R² of each column of already-checked 2-D arrays of equal shape."""
    # R² does not change when y and ŷ are scaled together; dividing by the largest
    # deviation s keeps SS_tot / s² in [1, n], so tiny spreads cannot underflow to 0.
    dev = y - y.mean(axis=0)
    constant = np.ptp(y, axis=0) == 0
    s = np.where(constant, 1.0, np.max(np.abs(dev), axis=0))
    ss_tot = np.sum((dev / s) ** 2, axis=0)
    with np.errstate(over="ignore"):  # errors beyond float range give R² = -inf
        ss_res = np.sum(((y - p) / s) ** 2, axis=0)
    ratio = ss_res / np.where(constant, 1.0, ss_tot)
    scores = np.where(constant, np.where(ss_res == 0, 1.0, 0.0), 1.0 - ratio)
    return scores


def _labels(y, name: str) -> np.ndarray:
    """Validate class labels: whole numbers, 1-D or one column; returned as int64 (n,)."""
    arr = as_array(y, name, ndim=(1, 2))
    if arr.ndim == 2:
        if arr.shape[1] != 1:
            raise ValueError(tr("{name} must be 1-D class labels or a single column, got shape "
                                "{shape}").format(name=name, shape=arr.shape))
        arr = arr[:, 0]
    if np.any(arr != np.round(arr)):
        raise ValueError(tr("{name} must hold whole-number class labels").format(name=name))
    return arr.astype(np.int64)


def _label_pair(y_true, y_pred) -> tuple[np.ndarray, np.ndarray]:
    t, p = _labels(y_true, "y_true"), _labels(y_pred, "y_pred")
    same_length(t, p, "y_true", "y_pred")
    return t, p


def confusion_matrix(y_true: ArrayLike, y_pred: ArrayLike, labels: ArrayLike | None = None) -> np.ndarray:
    r"""Counts :math:`C_{ij}` of samples of true class ``labels[i]`` predicted as ``labels[j]``.

    Rows are the true class, columns the predicted class. With ``labels=None`` the
    classes are the sorted union of ``y_true`` and ``y_pred``, so for a binary problem
    the layout is ``[[TN, FP], [FN, TP]]``. The lecture's table, with the positive class
    (a gravitational wave) first, is ``labels=[1, 0]``: ``[[TP, FN], [FP, TN]]``.

    Parameters
    ----------
    y_true, y_pred : array_like of int, shape (n_samples,)
        True and predicted class labels.
    labels : array_like of int, optional
        The classes, in the order of the rows and columns. Every label in ``y_true``
        and ``y_pred`` must be listed.

    Returns
    -------
    numpy.ndarray of int64, shape (n_classes, n_classes)

    >>> confusion_matrix([0, 1, 2, 2], [0, 2, 2, 2]).tolist()
    [[1, 0, 0], [0, 0, 1], [0, 0, 2]]
    """
    t, p = _label_pair(y_true, y_pred)
    if labels is None:
        classes = np.union1d(t, p)
    else:
        classes = _labels(labels, "labels")
        if np.unique(classes).size != classes.size:
            raise ValueError(tr("labels must not repeat a class, got {got}").format(
                got=classes.tolist()))
        for arr, name in ((t, "y_true"), (p, "y_pred")):
            missing = np.setdiff1d(arr, classes)
            if missing.size:
                raise ValueError(tr("{name} has labels {missing} that are not in labels").format(
                    name=name, missing=missing.tolist()))
    return _counts(t, p, classes)


def _counts(t: np.ndarray, p: np.ndarray, classes: np.ndarray) -> np.ndarray:
    """Unvalidated confusion matrix for labels that all appear in ``classes``."""
    order = np.argsort(classes)
    k = classes.size
    ti = order[np.searchsorted(classes[order], t)]
    pi = order[np.searchsorted(classes[order], p)]
    return np.bincount(ti * k + pi, minlength=k * k).reshape(k, k).astype(np.int64)


def _ratio(num, den) -> np.ndarray:
    """num / den elementwise, with 0.0 wherever den == 0 (no warning)."""
    num, den = np.asarray(num, dtype=np.float64), np.asarray(den, dtype=np.float64)
    return np.where(den > 0, num / np.where(den > 0, den, 1.0), 0.0)


def _tp_fp_fn(y_true, y_pred, positive,
              average) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """TP, FP, FN as arrays: one entry (binary, micro) or one per class (macro, None)."""
    if not (average is None or (isinstance(average, str) and average in AVERAGES)):
        choice(average, "average", [a for a in AVERAGES if a is not None] + ["None"])
    t, p = _label_pair(y_true, y_pred)
    classes = np.union1d(t, p)
    if average == "binary":
        if isinstance(positive, bool) or not isinstance(positive, (int, np.integer)):
            raise TypeError(tr("positive must be a whole-number label, got {got}").format(
                got=type(positive).__name__))
        if classes.size > 2:
            raise ValueError(tr("average='binary' needs at most 2 classes, got {got}; use "
                                "average='macro', 'micro' or None").format(got=classes.tolist()))
        tp = np.sum((t == positive) & (p == positive))
        fp = np.sum((t != positive) & (p == positive))
        fn = np.sum((t == positive) & (p != positive))
        return np.array([tp]), np.array([fp]), np.array([fn])
    c = _counts(t, p, classes)
    tp = np.diag(c)
    fp, fn = c.sum(axis=0) - tp, c.sum(axis=1) - tp
    if average == "micro":
        return np.array([tp.sum()]), np.array([fp.sum()]), np.array([fn.sum()])
    return tp, fp, fn


def _reduce(scores: np.ndarray, average) -> float | np.ndarray:
    if average in ("binary", "micro"):
        return float(scores[0])
    if average == "macro":
        return float(np.mean(scores))
    return scores


def precision(y_true: ArrayLike, y_pred: ArrayLike, *, positive: int = 1,
              average: str | None = "binary") -> float | np.ndarray:
    r"""Precision :math:`= TP / (TP + FP)`: of the samples flagged positive, the share that are.

    Parameters
    ----------
    y_true, y_pred : array_like of int, shape (n_samples,)
        True and predicted class labels.
    positive : int
        The positive class when ``average="binary"`` (the default).
    average : {"binary", "macro", "micro", None}
        ``"binary"``: the score of class ``positive`` (at most two classes allowed).
        ``"macro"``: the unweighted mean of the per-class scores, each class in turn
        taken as positive. ``"micro"``: TP, FP, FN summed over the classes first; for
        single-label data this equals the accuracy. ``None``: the per-class scores as an
        array, in sorted label order.

    Returns
    -------
    float, or numpy.ndarray when ``average=None``
        0.0 when :math:`TP + FP = 0` (nothing predicted positive), with no warning.
    """
    tp, fp, _ = _tp_fp_fn(y_true, y_pred, positive, average)
    return _reduce(_ratio(tp, tp + fp), average)


def recall(y_true: ArrayLike, y_pred: ArrayLike, *, positive: int = 1,
           average: str | None = "binary") -> float | np.ndarray:
    r"""Recall :math:`= TP / (TP + FN)`: of the truly positive samples, the share found.

    Also called sensitivity or true-positive rate.

    Parameters
    ----------
    y_true, y_pred, positive, average
        As for :func:`precision`.

    Returns
    -------
    float, or numpy.ndarray when ``average=None``
        0.0 when :math:`TP + FN = 0` (no positive samples), with no warning.
    """
    tp, _, fn = _tp_fp_fn(y_true, y_pred, positive, average)
    return _reduce(_ratio(tp, tp + fn), average)


def f1_score(y_true: ArrayLike, y_pred: ArrayLike, *, positive: int = 1,
             average: str | None = "binary") -> float | np.ndarray:
    r"""F1, the harmonic mean of precision P and recall R: :math:`F_1 = 2PR / (P + R)`.

    Computed as :math:`F_1 = 2\,TP / (2\,TP + FP + FN)`, which is the same number and
    needs no special case when P = R = 0; ``"macro"`` averages the per-class F1 scores.

    Parameters
    ----------
    y_true, y_pred, positive, average
        As for :func:`precision`.

    Returns
    -------
    float, or numpy.ndarray when ``average=None``
        0.0 when :math:`TP + FP + FN = 0`, with no warning.
    """
    tp, fp, fn = _tp_fp_fn(y_true, y_pred, positive, average)
    return _reduce(_ratio(2 * tp, 2 * tp + fp + fn), average)


def accuracy(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    r"""Share of correct predictions, :math:`(TP + TN) / N`; for K classes :math:`\sum_k C_{kk}/N`.

    On imbalanced data it misleads: if 95 % of events are noise, a detector that never
    fires scores 0.95 while its recall is 0.

    >>> accuracy([0, 0, 0, 1], [0, 0, 0, 0])
    0.75
    """
    t, p = _label_pair(y_true, y_pred)
    return float(np.mean(t == p))
