"""Smoke tests with real assertions for lecture_lib.plots.metrics."""

import numpy as np
import pytest

from lecture_lib import metrics, plots
from lecture_lib.topics.metrics import detector_scores
from lecture_lib.interactive import Choice, LiveFigure, Slider

X = np.linspace(0, 4, 12)
Y = 1 + 2 * X + np.random.default_rng(0).normal(0, 0.8, 12)


def test_r2_panels_titles_carry_each_models_r2():
    fig = plots.metrics.r2_panels(X, Y, {"mean": np.full(12, Y.mean()), "wrong": 9 - 2 * X})
    titles = [ax.get_title() for ax in fig.axes]
    assert "$R^2 = 0.00$" in titles[0]
    assert f"$R^2 = {metrics.r2_score(Y, 9 - 2 * X):.2f}$" in titles[1]
    assert fig.axes[0].get_xlabel() == "input $x$"


def test_r2_live_returns_sums_and_moves_the_line():
    fig, draw = plots.metrics.r2_live(X, Y)
    ss_res, ss_tot, r2 = draw(2.0, 1.0)
    assert ss_tot == pytest.approx(np.sum((Y - Y.mean()) ** 2))
    assert ss_res == pytest.approx(np.sum((Y - 1 - 2 * X) ** 2))
    assert r2 == pytest.approx(1 - ss_res / ss_tot)
    line = [ln for ln in fig.axes[0].lines if ln.get_animated()][0]
    assert np.allclose(line.get_ydata(), 1 + 2 * np.asarray(line.get_xdata()))
    assert draw(0.0, float(Y.mean()))[2] == pytest.approx(0.0, abs=1e-12)


@pytest.fixture(scope="module")
def detector_live():
    data = {"imbalanced": detector_scores(100, 1900, seed=0),
            "balanced": detector_scores(1000, 1000, seed=1)}
    fig, draw = plots.metrics.detector(data)
    return data, fig, draw


def test_detector_counts_match_the_library(detector_live):
    data, fig, draw = detector_live
    scores, y = data["imbalanced"]
    for tau in (-1.0, 1.5, 3.0):
        out = draw(tau, "imbalanced")
        pred = (scores[:, 0] >= tau).astype(int)
        assert [[out.tp, out.fn], [out.fp, out.tn]] == \
            metrics.confusion_matrix(y, pred, labels=[1, 0]).tolist()
        assert out.precision == pytest.approx(metrics.precision(y, pred))
        assert out.recall == pytest.approx(out.tp / (out.tp + out.fn))
        assert out.tp + out.fn + out.fp + out.tn == 2000


def test_detector_threshold_past_every_score_is_silent(detector_live):
    _, _, draw = detector_live
    out = draw(6.0, "imbalanced")
    assert out.tp == out.fp == 0
    assert out.accuracy == pytest.approx(0.95)
    assert out.recall == 0.0


def test_detector_live_picture_changes_with_the_threshold(detector_live):
    data, fig, draw = detector_live
    update = lambda tau, data: f"TP = {draw(tau, data).tp}"  # noqa: E731
    live = LiveFigure(fig, update, [Slider("tau", 1.5, -3, 6, 0.05),
                                    Choice("data", "imbalanced", ("imbalanced", "balanced"))])
    first = live.image.value
    live.set(tau=3.0)
    assert live.image.value != first
    assert "TP = " in live.readout.value
    assert fig.axes[0].get_xlabel() == "detector score $s$"


def test_detector_switching_data_sets_keeps_every_score_equal_to_the_library(detector_live):
    data, _, draw = detector_live
    for name, tau in (("balanced", 0.8), ("imbalanced", 2.0), ("balanced", 5.0)):
        scores, y = data[name]
        pred = (scores[:, 0] >= tau).astype(int)
        out = draw(tau, name)
        assert out.f1 == pytest.approx(metrics.f1_score(y, pred))
        assert out.accuracy == pytest.approx(metrics.accuracy(y, pred))
        assert out.precision == pytest.approx(metrics.precision(y, pred))
        assert out.tp + out.fn == int(np.sum(y == 1))


def test_detector_curves_against_tau_equal_the_library(detector_live):
    data, fig, draw = detector_live
    draw(0.0, "balanced")
    scores, y = data["balanced"]
    curves = {ln.get_label(): ln for ln in fig.axes[2].lines if ln.get_label() in
              ("precision", "recall", "F1", "accuracy")}
    grid = curves["F1"].get_xdata()
    for i in (0, 60, 120, 180):
        pred = (scores[:, 0] >= grid[i]).astype(int)
        for name, f in (("precision", metrics.precision), ("recall", metrics.recall),
                        ("F1", metrics.f1_score), ("accuracy", metrics.accuracy)):
            if name == "precision" and pred.sum() == 0:  # 0/0: a gap, tested below
                continue
            assert curves[name].get_ydata()[i] == pytest.approx(f(y, pred)), (name, grid[i])


def test_detector_leaves_a_gap_where_precision_is_undefined(detector_live):
    data, fig, draw = detector_live
    draw(5.5, "imbalanced")
    scores, _ = data["imbalanced"]
    precision = next(ln for ln in fig.axes[2].lines if ln.get_label() == "precision")
    tau, p = np.asarray(precision.get_xdata()), np.asarray(precision.get_ydata())
    silent = tau > scores.max()
    assert silent.any() and np.isnan(p[silent]).all() and np.isfinite(p[~silent]).all()
    dots = fig.axes[2].collections[0].get_offsets()
    assert np.isnan(dots[0, 1]) and np.isfinite(dots[1:, 1]).all()  # the precision dot hides
    draw(1.5, "imbalanced")
    assert np.isfinite(fig.axes[2].collections[0].get_offsets()).all()


def test_detector_cells_show_their_counts(detector_live):
    _, fig, draw = detector_live
    out = draw(1.5, "imbalanced")
    labels = [a for a in fig.axes[1].get_children() if isinstance(a, plots.NumberLabels)]
    assert labels[0].strings == [str(v) for v in (out.tp, out.fn, out.fp, out.tn)]


def test_r2_panels_translate_the_known_model_names():
    from lecture_lib.i18n import set_language
    models = {"exact": Y, "wrong slope": 9 - 2 * X, "my own title": np.full(12, 1.0)}
    titles = [ax.get_title().split("\n")[0] for ax in plots.metrics.r2_panels(X, Y, models).axes]
    assert titles == ["exact predictions $\\hat y_i = y_i$", "a line sloping the wrong way",
                      "my own title"]
    try:
        set_language("es")
        fig = plots.metrics.r2_panels(X, Y, models)
        assert fig.axes[0].get_title().startswith("predicciones exactas")
        assert fig.axes[0].get_xlabel() == "entrada $x$"
    finally:
        set_language("en")


def test_readouts_in_english_and_spanish():
    from lecture_lib.i18n import set_language
    from lecture_lib.topics import metrics as T
    assert T.describe_r2("wrong slope", 286.18, 69.35, -3.13) == (
        "wrong slope  SS_res = 286.18  SS_tot = 69.35  R² = -3.13  worse than the mean: True")
    assert T.describe_precision_recall(69, 31, 118, 0.369, 0.69).splitlines() == [
        "precision = TP / (TP + FP) = 69 / 187 = 0.369   metrics.precision: 0.369",
        "recall    = TP / (TP + FN) = 69 / 100 = 0.690   metrics.recall:    0.690"]
    m = T.DetectorScores(tp=0, fn=100, fp=0, tn=1900, precision=0.0, recall=0.0, accuracy=0.95, f1=0.0)
    assert T.describe_detector(m).splitlines()[2:] == [
        "precision undefined (0/0)", "recall = 0.000", "accuracy = 0.950", "F1 = 0.000"]
    try:
        set_language("es")
        assert T.describe_r2("mean", 69.35, 69.35, 0.0).endswith("peor que la media: no")
        assert T.describe_detector(m).splitlines()[4] == "exactitud = 0.950"
        assert T.describe_scores(0.95, 0.0, 0.0) == "exactitud = 0.950  recall = 0.000  F1 = 0.000"
    finally:
        set_language("en")
