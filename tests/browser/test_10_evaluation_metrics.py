"""Notebook 10 in a real browser: tilt the line, move the threshold, switch the data."""

import re

import numpy as np
from labdriver import parse_numbers

from lecture_lib.topics.metrics import detector_scores
from lecture_lib.metrics import (accuracy, confusion_matrix, f1_score, precision, r2_score,
                                 recall)


def _notebook_line_data():
    """The notebook's twelve measurements y = 1 + 2x + noise (seed 0)."""
    rng = np.random.default_rng(0)
    x = np.linspace(0, 4, 12)
    return x, 1 + 2 * x + rng.normal(0, 0.8, x.size)


def _detector_numbers(scores, y, tau):
    pred = (scores[:, 0] >= tau).astype(int)
    (tp, fn), (fp, tn) = confusion_matrix(y, pred, labels=[1, 0])
    return {"TP": [tp, fn], "FP": [fp, tn],
            **{name: [round(f(y, pred), 3)] for name, f in
               (("precision", precision), ("recall", recall), ("accuracy", accuracy),
                ("F1", f1_score))}}


def _assert_detector_readout(text, expected):
    for name, values in expected.items():
        assert parse_numbers(text, name) == values, (name, text)


def test_r2_line_and_detector_threshold_follow_the_controls(open_notebook):
    nb = open_notebook("10_evaluation_metrics.ipynb")
    nb.run_all(n_figures=2)

    # Figure 0: the line ŷ = b + ωx starts at ω = 0, b = 5, close to the mean line.
    x, y = _notebook_line_data()
    text, picture = nb.readout(0), nb.image_bytes(0)
    assert parse_numbers(text, "R²") == [round(r2_score(y, 5 + 0 * x), 3)]

    # Arrow key on the slope's handle: ω = 0.1, the line tilts towards the data.
    nb.press(0, "w", "ArrowRight")
    text = nb.wait_readout_change(0, text)
    assert nb.slider_value(0, "w") == 0.1
    y_hat = 5 + 0.1 * x
    assert parse_numbers(text, "SS_res") == [round(float(np.sum((y - y_hat) ** 2)), 2)]
    assert parse_numbers(text, "SS_tot") == [round(float(np.sum((y - y.mean()) ** 2)), 2)]
    assert parse_numbers(text, "R²") == [round(r2_score(y, y_hat), 3)]
    assert nb.image_bytes(0) != picture

    # Figure 1, the detector on the imbalanced data: τ = 1.5 at the start.
    scores, y_gw = detector_scores(n_signal=100, n_noise=1900, seed=0)
    text, picture = nb.readout(1), nb.image_bytes(1)
    _assert_detector_readout(text, _detector_numbers(scores, y_gw, 1.5))

    # Typing τ = 2 into its readout: fewer alarms, the counts and scores follow.
    nb.type_value(1, "τ", 2.0)
    text = nb.wait_readout_change(1, text)
    expected = _detector_numbers(scores, y_gw, 2.0)
    assert expected != _detector_numbers(scores, y_gw, 1.5)
    _assert_detector_readout(text, expected)
    assert nb.image_bytes(1) != picture

    # Clicking "50 %" (the balanced data): same τ, the 1000 + 1000 events of seed 1.
    picture = nb.image_bytes(1)
    nb.choose(1, re.compile("^50 %$"))
    text = nb.wait_readout_change(1, text)
    balanced = detector_scores(n_signal=1000, n_noise=1000, seed=1)
    _assert_detector_readout(text, _detector_numbers(*balanced, 2.0))
    assert sum(parse_numbers(text, "TP") + parse_numbers(text, "FP")) == 2000
    assert nb.image_bytes(1) != picture
