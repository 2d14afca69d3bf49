"""Tests with real assertions for lecture_lib.plots.digits, and the live blend's speed path."""

import numpy as np
import pytest

from lecture_lib import datasets, metrics, plots
from lecture_lib.interactive import Choice, LiveFigure, Slider
from lecture_lib.topics import digits


@pytest.fixture(scope="module")
def trained():
    X, y = datasets.digits(seed=0)
    X_train, X_test, y_train, y_test = datasets.train_test_split(X, y, 0.25, seed=0)
    run = digits.fit(X_train, y_train, X_test, y_test, n_hidden=16, epochs=10)
    return run, X_train, X_test, y_train, y_test


def _numbers(fig):
    """Every number written by NumberLabels artists on the figure."""
    return [s for ax in fig.axes for a in ax.artists if hasattr(a, "strings") for s in a.strings]


def test_first_look_writes_the_64_stored_counts():
    X, y = datasets.digits(seed=0)
    fig = plots.digits.first_look(X, y, index=2)
    counts = sorted(int(s) for s in _numbers(fig))
    assert counts == sorted(np.rint(16 * X[2]).astype(int).tolist())
    assert "the digit" in fig.axes[0].get_title() and fig.axes[1].get_xlabel()


def test_confusion_figure_shows_every_count(trained):
    run, _, X_test, _, y_test = trained
    m = metrics.confusion_matrix(y_test, digits.predict(run.network, X_test), labels=list(range(10)))
    fig = plots.digits.confusion(m)
    assert sorted(int(s) for s in _numbers(fig)) == sorted(m.ravel().tolist())
    ax = fig.axes[0]
    assert ax.get_xlabel().startswith("predicted") and ax.get_ylabel().startswith("true")


def test_mistakes_figure_titles_and_bars(trained):
    run, _, X_test, _, y_test = trained
    found = digits.mistakes(run.network, X_test, y_test)
    fig = plots.digits.mistakes(X_test, found, n=4)
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    assert titles[0] == f"true {found.true[0]}, said {found.predicted[0]}"
    heights = [p.get_height() for p in fig.axes[4].patches]
    assert np.allclose(heights, found.probabilities[0])


def test_first_layer_and_size_curve_figures(trained):
    run, X_train, X_test, y_train, y_test = trained
    net = run.network
    fig = plots.digits.first_layer(digits.first_layer_images(net),
                                   digits.favourite_images(net, X_train),
                                   digits.class_activation(net, X_train, y_train), n=6)
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()][:2] == ["unit 1", "unit 2"]
    shown = np.ma.filled(fig.axes[0].images[0].get_array().astype(float), np.nan)
    assert np.allclose(shown[:, :8], net.weights[0][:, 0].reshape(8, 8))
    assert np.allclose(shown[:, 10:18], net.weights[0][:, 1].reshape(8, 8))
    assert np.isnan(shown[:, 8:10]).all() and shown.shape == (8, 6 * 10 - 2)
    curve = digits.size_curve(X_train, y_train, X_test, y_test, [20, 100], n_hidden=8,
                              updates=50)
    fig = plots.digits.size_curve(curve)
    assert fig.axes[0].get_ylabel() == "accuracy" and "log" in fig.axes[0].get_xlabel()
    assert np.allclose(fig.axes[0].lines[1].get_ydata(), curve.test_accuracy)
    assert plots.digits.learning_curves(run.history).axes[0].get_yscale() == "log"


def test_blend_live_returns_the_networks_probabilities(trained):
    run, _, X_test, _, y_test = trained
    ends = X_test[digits.representatives(run.network, X_test, y_test)]
    pattern = np.random.default_rng(0).standard_normal(64)
    _, draw = plots.digits.blend_live(ends, run.network, pattern)
    x, p = draw(3, 8, 0.4, 0.2)
    assert np.allclose(x, digits.blend(ends[3], ends[8], 0.4, 0.2, pattern))
    assert np.allclose(p, run.network.forward(x[None, :])[0]) and p.sum() == pytest.approx(1)
    x0, p0 = draw(3, 8, 0.0, 0.0)
    assert np.array_equal(x0, ends[3]) and np.argmax(p0) == 3


def test_blend_live_redraws_only_what_moves(trained):
    """Moving t changes the middle image and the bars, never the two end images, so a
    LiveFigure restores only those axes (the gaps keep the end images out of the box)."""
    run, _, X_test, _, y_test = trained
    ends = X_test[digits.representatives(run.network, X_test, y_test)]
    fig, draw = plots.digits.blend_live(ends, run.network, np.zeros(64))
    live = LiveFigure(fig, lambda a, b, t: draw(a, b, t, 0.0) and None,
                      [Choice("a", 3, tuple(range(10))), Choice("b", 8, tuple(range(10))),
                       Slider("t", 0.0, 0, 1, 0.05)])
    before = bytes(live.image.value)
    live.set(t=0.5)
    assert bytes(live.image.value) != before
    stale_axes = {a.axes for a in live._animated if a.stale}
    assert stale_axes == set()
    draw(3, 8, 0.75, 0.0)
    moved = {a.axes for a in live._animated if a.stale}
    assert len(moved) == 2                                 # the input image and the bars
    def overlap(a, b):
        (ra, ca), (rb, cb) = live._box(a), live._box(b)
        return ra.start < rb.stop and rb.start < ra.stop and ca.start < cb.stop and cb.start < ca.stop
    still = {a.axes for a in live._animated} - moved
    assert still and not any(overlap(a, b) for a in still for b in moved)
