"""Tests for lecture_lib.metrics: hand-computed values, edge cases and bad input."""

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from lecture_lib import metrics
from lecture_lib.metrics import (accuracy, confusion_matrix, f1_score, precision, r2_score,
                                 recall)

# A detector run by hand: 4 signals (1) and 6 noise events (0).
#   y_true: 1 1 1 1 0 0 0 0 0 0
#   y_pred: 1 1 1 0 1 1 0 0 0 0
# TP = 3, FN = 1, FP = 2, TN = 4.
Y_TRUE = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0]
Y_PRED = [1, 1, 1, 0, 1, 1, 0, 0, 0, 0]

finite = st.floats(-1e3, 1e3, allow_nan=False)
labels_strategy = hnp.arrays(np.int64, st.integers(1, 40), elements=st.integers(0, 3))


def test_docstring_examples_run():
    assert doctest.testmod(metrics).failed == 0


# --- R² ---------------------------------------------------------------------------

def test_r2_perfect_fit_is_one():
    y = np.array([1.0, -2.0, 3.5, 0.25])
    assert r2_score(y, y) == 1.0


def test_r2_predicting_the_mean_is_zero():
    y = np.array([1.0, 2.0, 3.0, 6.0])
    assert r2_score(y, np.full(4, y.mean())) == pytest.approx(0.0, abs=1e-15)


def test_r2_worse_than_mean_is_negative_and_hand_computed():
    y, p = [1.0, 2.0, 3.0], [3.0, 2.0, 1.0]
    # SS_res = 4 + 0 + 4 = 8, SS_tot = 1 + 0 + 1 = 2, R² = 1 - 8/2 = -3
    assert r2_score(y, p) == pytest.approx(-3.0)


def test_r2_hand_computed_positive_value():
    y, p = [0.0, 1.0, 2.0, 3.0], [0.0, 1.0, 2.0, 2.0]
    # SS_res = 1, ȳ = 1.5, SS_tot = 2.25 + 0.25 + 0.25 + 2.25 = 5
    assert r2_score(y, p) == pytest.approx(0.8)


def test_r2_column_and_flat_inputs_agree():
    y, p = np.array([1.0, 4.0, 2.0]), np.array([1.5, 3.0, 2.0])
    assert r2_score(y[:, None], p[:, None]) == pytest.approx(r2_score(y, p))


def test_r2_several_outputs_is_mean_of_columns():
    y = np.array([[1.0, 0.0], [2.0, 1.0], [3.0, 5.0]])
    p = np.array([[1.0, 1.0], [2.0, 1.0], [2.0, 4.0]])
    expected = np.mean([r2_score(y[:, j], p[:, j]) for j in range(2)])
    assert r2_score(y, p) == pytest.approx(expected)


@pytest.mark.parametrize("value", [0.1, 3.0, -7.25, 1e-300])
def test_r2_constant_target_exact_prediction_is_one(value):
    y = np.full(5, value)
    assert r2_score(y, y) == 1.0


@pytest.mark.parametrize("value", [0.1, 3.0, -7.25])
def test_r2_constant_target_wrong_prediction_is_zero(value):
    y = np.full(3, value)  # 3 * 0.1 / 3 is not exactly 0.1: SS_tot would be ~1e-34
    assert r2_score(y, y + 0.5) == 0.0


def test_r2_single_sample_is_constant_case():
    assert r2_score([2.0], [2.0]) == 1.0
    assert r2_score([2.0], [3.0]) == 0.0


@settings(max_examples=60, deadline=None)
@given(hnp.arrays(np.float64, st.integers(2, 30), elements=finite),
       hnp.arrays(np.float64, 30, elements=finite))
def test_r2_at_most_one_and_matches_definition(y, noise):
    p = y + noise[: y.size]
    r2 = r2_score(y, p)
    assert r2 <= 1.0
    ss_tot = np.sum((y - y.mean()) ** 2)
    if np.ptp(y) > 1e-3:
        assert r2 == pytest.approx(1 - np.sum((y - p) ** 2) / ss_tot, rel=1e-9, abs=1e-9)


@pytest.mark.parametrize("y_true, y_pred, match", [
    ([1.0, 2.0], [1.0], "y_true and y_pred"),
    ([1.0, np.nan], [1.0, 2.0], "y_true"),
    ([1.0, 2.0], [1.0, np.inf], "y_pred"),
    ([], [], "y_true"),
    ([[[1.0]]], [[[1.0]]], "y_true"),
    ([[1.0, 2.0]], [[1.0]], "y_true and y_pred"),
])
def test_r2_bad_input_raises_value_error(y_true, y_pred, match):
    with pytest.raises(ValueError, match=match):
        r2_score(y_true, y_pred)


def test_r2_non_numeric_raises_type_error():
    with pytest.raises(TypeError, match="y_true"):
        r2_score("abc", [1.0])
    with pytest.raises(TypeError, match="y_pred"):
        r2_score([1.0], None)


# --- confusion matrix ----------------------------------------------------------------

def test_confusion_matrix_binary_by_hand():
    # sorted labels [0, 1]: [[TN, FP], [FN, TP]]
    cm = confusion_matrix(Y_TRUE, Y_PRED)
    np.testing.assert_array_equal(cm, [[4, 2], [1, 3]])
    assert cm.dtype == np.int64


def test_confusion_matrix_lecture_layout_positive_first():
    # the lecture's table: rows "Hay GW", "No hay GW"; columns detection, noise
    np.testing.assert_array_equal(confusion_matrix(Y_TRUE, Y_PRED, labels=[1, 0]),
                                  [[3, 1], [2, 4]])


def test_confusion_matrix_multiclass_by_hand():
    y_true = [0, 0, 1, 1, 1, 2, 2, 2, 2]
    y_pred = [0, 1, 1, 1, 2, 2, 2, 0, 2]
    np.testing.assert_array_equal(confusion_matrix(y_true, y_pred),
                                  [[1, 1, 0], [0, 2, 1], [1, 0, 3]])


def test_confusion_matrix_includes_labels_only_predicted_and_unseen_labels():
    np.testing.assert_array_equal(confusion_matrix([0, 0], [0, 5]), [[1, 1], [0, 0]])
    np.testing.assert_array_equal(confusion_matrix([2, 2], [2, 2], labels=[0, 2, 7]),
                                  [[0, 0, 0], [0, 2, 0], [0, 0, 0]])


def test_confusion_matrix_accepts_column_and_float_whole_numbers():
    cm = confusion_matrix(np.array(Y_TRUE, dtype=float)[:, None], Y_PRED)
    np.testing.assert_array_equal(cm, [[4, 2], [1, 3]])


@settings(max_examples=60, deadline=None)
@given(labels_strategy, st.data())
def test_confusion_matrix_properties(y_true, data):
    y_pred = data.draw(hnp.arrays(np.int64, y_true.size, elements=st.integers(0, 3)))
    cm = confusion_matrix(y_true, y_pred)
    classes = np.union1d(y_true, y_pred)
    assert cm.shape == (classes.size, classes.size)
    assert cm.sum() == y_true.size
    np.testing.assert_array_equal(cm.sum(axis=1), [np.sum(y_true == c) for c in classes])
    np.testing.assert_array_equal(cm.sum(axis=0), [np.sum(y_pred == c) for c in classes])
    assert np.trace(cm) / y_true.size == pytest.approx(accuracy(y_true, y_pred))
    order = classes[::-1]
    np.testing.assert_array_equal(confusion_matrix(y_true, y_pred, labels=order),
                                  cm[::-1, ::-1])


@pytest.mark.parametrize("kwargs, exc, match", [
    (dict(y_true=[0, 1], y_pred=[0]), ValueError, "y_true and y_pred"),
    (dict(y_true=[0, 0.5], y_pred=[0, 1]), ValueError, "y_true"),
    (dict(y_true=[0, 1], y_pred=[0, np.nan]), ValueError, "y_pred"),
    (dict(y_true=[], y_pred=[]), ValueError, "y_true"),
    (dict(y_true=[[0, 1], [1, 0]], y_pred=[0, 1]), ValueError, "y_true"),
    (dict(y_true=[0, 1], y_pred=[0, 1], labels=[0]), ValueError, "y_true"),
    (dict(y_true=[0, 0], y_pred=[0, 1], labels=[0]), ValueError, "y_pred"),
    (dict(y_true=[0, 1], y_pred=[0, 1], labels=[0, 1, 1]), ValueError, "labels"),
    (dict(y_true=[0, 1], y_pred=[0, 1], labels=[]), ValueError, "labels"),
    (dict(y_true="01", y_pred=[0, 1]), TypeError, "y_true"),
])
def test_confusion_matrix_bad_input(kwargs, exc, match):
    with pytest.raises(exc, match=match):
        confusion_matrix(**kwargs)


# --- precision, recall, F1, accuracy -------------------------------------------------

def test_binary_scores_by_hand():
    assert precision(Y_TRUE, Y_PRED) == pytest.approx(3 / 5)     # TP / (TP + FP)
    assert recall(Y_TRUE, Y_PRED) == pytest.approx(3 / 4)        # TP / (TP + FN)
    p, r = 3 / 5, 3 / 4
    assert f1_score(Y_TRUE, Y_PRED) == pytest.approx(2 * p * r / (p + r))
    assert accuracy(Y_TRUE, Y_PRED) == pytest.approx(7 / 10)


def test_positive_argument_swaps_the_roles():
    # with 0 as the positive class: TP = 4, FP = 1, FN = 2
    assert precision(Y_TRUE, Y_PRED, positive=0) == pytest.approx(4 / 5)
    assert recall(Y_TRUE, Y_PRED, positive=0) == pytest.approx(4 / 6)
    assert f1_score(Y_TRUE, Y_PRED, positive=0) == pytest.approx(8 / (8 + 1 + 2))


def test_division_by_zero_gives_zero_without_warning():
    never_fires = [0] * 10
    assert precision(Y_TRUE, never_fires) == 0.0   # TP + FP = 0
    assert recall([0, 0, 0], [1, 0, 0]) == 0.0     # TP + FN = 0
    assert f1_score([0, 0], [0, 0]) == 0.0          # TP + FP + FN = 0
    assert precision([0, 0], [0, 0], average="macro") == 1.0  # class 0 is perfect
    np.testing.assert_array_equal(precision([0, 1], [0, 0], average=None), [0.5, 0.0])


def test_accuracy_misleads_on_imbalanced_data():
    y_true = [1] * 5 + [0] * 95
    never_fires = [0] * 100
    assert accuracy(y_true, never_fires) == pytest.approx(0.95)
    assert recall(y_true, never_fires) == 0.0


MULTI_TRUE = [0, 0, 1, 1, 1, 2, 2, 2, 2]
MULTI_PRED = [0, 1, 1, 1, 2, 2, 2, 0, 2]
# confusion matrix [[1, 1, 0], [0, 2, 1], [1, 0, 3]]
# per class: TP = (1, 2, 3); FP = (1, 1, 1); FN = (1, 1, 1)


def test_multiclass_per_class_scores_by_hand():
    np.testing.assert_allclose(precision(MULTI_TRUE, MULTI_PRED, average=None), [1 / 2, 2 / 3, 3 / 4])
    np.testing.assert_allclose(recall(MULTI_TRUE, MULTI_PRED, average=None), [1 / 2, 2 / 3, 3 / 4])
    np.testing.assert_allclose(f1_score(MULTI_TRUE, MULTI_PRED, average=None),
                               [2 / 4, 4 / 6, 6 / 8])


def test_multiclass_macro_and_micro_by_hand():
    y_true = [0, 0, 0, 1, 2, 2]
    y_pred = [0, 0, 1, 1, 1, 2]
    # cm [[2, 1, 0], [0, 1, 0], [0, 1, 1]]: TP (2, 1, 1), FP (0, 2, 0), FN (1, 0, 1)
    assert precision(y_true, y_pred, average="macro") == pytest.approx((1 + 1 / 3 + 1) / 3)
    assert recall(y_true, y_pred, average="macro") == pytest.approx((2 / 3 + 1 + 1 / 2) / 3)
    assert f1_score(y_true, y_pred, average="macro") == pytest.approx((4 / 5 + 2 / 4 + 2 / 3) / 3)
    assert precision(y_true, y_pred, average="micro") == pytest.approx(4 / 6)
    assert recall(y_true, y_pred, average="micro") == pytest.approx(4 / 6)


@settings(max_examples=60, deadline=None)
@given(labels_strategy, st.data())
def test_micro_scores_equal_accuracy_and_macro_is_mean(y_true, data):
    y_pred = data.draw(hnp.arrays(np.int64, y_true.size, elements=st.integers(0, 3)))
    acc = accuracy(y_true, y_pred)
    for score in (precision, recall, f1_score):
        assert score(y_true, y_pred, average="micro") == pytest.approx(acc)
        per_class = score(y_true, y_pred, average=None)
        assert np.all((per_class >= 0) & (per_class <= 1))
        assert score(y_true, y_pred, average="macro") == pytest.approx(per_class.mean())


@settings(max_examples=60, deadline=None)
@given(hnp.arrays(np.int64, st.integers(1, 40), elements=st.integers(0, 1)), st.data())
def test_binary_f1_is_harmonic_mean_and_matches_counts(y_true, data):
    y_pred = data.draw(hnp.arrays(np.int64, y_true.size, elements=st.integers(0, 1)))
    tp = np.sum((y_true == 1) & (y_pred == 1))
    fp = np.sum((y_true == 0) & (y_pred == 1))
    fn = np.sum((y_true == 1) & (y_pred == 0))
    p, r = precision(y_true, y_pred), recall(y_true, y_pred)
    assert p == (tp / (tp + fp) if tp + fp else 0.0)
    assert r == (tp / (tp + fn) if tp + fn else 0.0)
    expected_f1 = 2 * p * r / (p + r) if p + r else 0.0
    assert f1_score(y_true, y_pred) == pytest.approx(expected_f1)
    classes = np.union1d(y_true, y_pred).tolist()
    if 1 in classes:
        assert precision(y_true, y_pred, average=None)[classes.index(1)] == p


@pytest.mark.parametrize("score", [precision, recall, f1_score])
def test_binary_rejects_more_than_two_classes(score):
    with pytest.raises(ValueError, match="average"):
        score([0, 1, 2], [0, 1, 2])


@pytest.mark.parametrize("score", [precision, recall, f1_score])
@pytest.mark.parametrize("average", ["weighted", "", 3, "Macro"])
def test_unknown_average_is_rejected(score, average):
    with pytest.raises(ValueError, match="average"):
        score([0, 1], [0, 1], average=average)


@pytest.mark.parametrize("score", [precision, recall, f1_score])
@pytest.mark.parametrize("positive", [1.0, "1", True, None])
def test_positive_must_be_a_whole_number(score, positive):
    with pytest.raises(TypeError, match="positive"):
        score([0, 1], [0, 1], positive=positive)


@pytest.mark.parametrize("score", [precision, recall, f1_score, accuracy])
@pytest.mark.parametrize("y_true, y_pred, exc, match", [
    ([0, 1, 1], [0, 1], ValueError, "y_true and y_pred"),
    ([0, np.nan], [0, 1], ValueError, "y_true"),
    ([0, 1], [0.2, 1], ValueError, "y_pred"),
    ([], [], ValueError, "y_true"),
    ([0, 1], None, TypeError, "y_pred"),
])
def test_scores_bad_input(score, y_true, y_pred, exc, match):
    with pytest.raises(exc, match=match):
        score(y_true, y_pred)


def test_r2_tiny_spread_and_huge_error_stay_warning_free():
    assert r2_score([2.7e-235, 0.0], [2.7e-235, 0.0]) == 1.0
    assert r2_score([2e-200, 0.0], [0.0, 2e-200]) == pytest.approx(-3.0)
    assert r2_score([1e-300, 0.0], [1e10, 0.0]) == -np.inf
