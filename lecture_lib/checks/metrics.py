"""Checks for notebook 10, evaluation metrics. Each takes the student's answer.

The exercises use one detector run: TP = 24 signals found, FN = 6 missed,
FP = 76 noise events flagged, TN = 894 noise events passed: 30 signals in 1000
events, rarer than in the notebook's run (so no number printed there answers them).
"""

from __future__ import annotations

from .. import metrics
from ..i18n import tr
from . import Result, check_number

TP, FN, FP, TN = 24, 6, 76, 894


def _labels():
    """The exercise run as label arrays, so the expected numbers come from lecture_lib.metrics."""
    y_true = [1] * (TP + FN) + [0] * (FP + TN)
    y_pred = [1] * TP + [0] * FN + [1] * FP + [0] * TN
    return y_true, y_pred


def precision_of_run(answer: object) -> Result:
    """Precision of the exercise run: TP / (TP + FP) = 24 / 100 = 0.24."""
    expected = metrics.precision(*_labels())
    return check_number(answer, expected, what=tr("the precision TP / (TP + FP)"), hints={
        TP / (TP + FN): tr("that is the recall TP / (TP + FN). Precision divides by everything "
                           "the detector flagged: TP + FP."),
        (TP + TN) / (TP + FN + FP + TN): tr("that is the accuracy. Precision only looks at the "
                                            "events flagged as GW."),
        FP / (TP + FP): tr("that is the share of false alarms among the flagged events; precision "
                           "is the share of real signals, TP / (TP + FP)."),
    }, default_hint=tr("count the events flagged as GW (TP + FP) and the share of them that are "
                       "real signals."))


def recall_of_run(answer: object) -> Result:
    """Recall of the exercise run: TP / (TP + FN) = 24 / 30 = 0.8."""
    expected = metrics.recall(*_labels())
    return check_number(answer, expected, what=tr("the recall TP / (TP + FN)"), hints={
        TP / (TP + FP): tr("that is the precision. Recall divides by all real signals: TP + FN."),
        FN / (TP + FN): tr("that is the share of signals missed; recall is the share found."),
        (TP + TN) / (TP + FN + FP + TN): tr("that is the accuracy; recall only looks at the real "
                                            "signals."),
    }, default_hint=tr("of the TP + FN real signals, what share did the detector find?"))


def accuracy_of_silent_detector(answer: object) -> Result:
    """Accuracy of a detector that never fires on the exercise data: 970 / 1000 = 0.97."""
    y_true, _ = _labels()
    expected = metrics.accuracy(y_true, [0] * len(y_true))
    return check_number(answer, expected, what=tr("the accuracy of the always-'noise' detector"),
                        hints={
        0.0: tr("the detector is right on every noise event: (TP + TN) / N with TN = 970."),
        0.95: tr("0.95 belongs to the notebook's run, where 5 % of the events are signals; "
                 "here 30 of the 1000 events are."),
        0.03: tr("0.03 is the share of signals, which it gets wrong; accuracy counts what it gets "
                 "right."),
        (TP + TN) / (TP + FN + FP + TN): tr("that is the accuracy of the real detector (0.918). "
                                            "The silent one flags nothing: TP = FP = 0."),
    }, default_hint=tr("a detector that never fires has TP = FP = 0, FN = 30 and TN = 970; "
                       "accuracy = (TP + TN) / N."))


def r2_from_sums(answer: object) -> Result:
    """R² of a model with SS_res = 30 on data with SS_tot = 20: 1 − 30/20 = −0.5."""
    return check_number(answer, 1 - 30 / 20, what=tr("R² = 1 − SS_res / SS_tot"), hints={
        1.5: tr("1.5 is SS_res / SS_tot alone; R² subtracts that ratio from 1."),
        1 - 20 / 30: tr("you divided SS_tot by SS_res; the model's error SS_res goes on top."),
        0.0: tr("R² = 0 only when SS_res = SS_tot; this model is worse than the mean."),
    }, default_hint=tr("put the numbers into R² = 1 − SS_res / SS_tot."))

