"""Notebook 09 in a real browser: drag the outlier, move the logits, pick the true class."""

import numpy as np

from labdriver import parse_numbers

from lecture_lib import losses
from lecture_lib.activations import softmax
from lecture_lib.topics.losses import data_with_outlier, fit_line


def _assert_fits(text, shift):
    """Both lines' slope and intercept equal fit_line on the notebook's data (seed 0)."""
    x, y = data_with_outlier(20, shift, seed=0)
    for loss in ("mse", "mae"):
        w, b = fit_line(x, y, loss)
        assert parse_numbers(text, f"{loss.upper()} line") == [float(f"{w:.2f}"),
                                                               float(f"{b:.2f}")]


def _assert_softmax(text, z, true_class):
    z = np.asarray(z, dtype=float)
    shown = [float(f"{q:.3f}") for q in softmax(z)]
    assert parse_numbers(text, "softmax(z)") == shown
    value = losses.cross_entropy([true_class], z[None, :])
    assert parse_numbers(text, "L_CE") == [float(f"{value:.4g}")]


def test_outlier_and_cross_entropy_follow_the_controls(open_notebook):
    nb = open_notebook("09_loss_functions.ipynb")
    nb.run_all(n_figures=2)

    # Figure 0: typing Δy = 20 pulls the MSE slope up; the MAE line does not move.
    text, picture = nb.readout(0), nb.image_bytes(0)
    _assert_fits(text, 0.0)
    mae_before = parse_numbers(text, "MAE line")
    nb.type_value(0, "Δy", 20)
    text = nb.wait_readout_change(0, text)
    _assert_fits(text, 20.0)
    assert parse_numbers(text, "MSE line")[0] > 1.0
    assert parse_numbers(text, "MAE line") == mae_before
    assert nb.image_bytes(0) != picture

    # ... and an arrow key moves it one step back, to 19.5.
    picture = nb.image_bytes(0)
    nb.press(0, "Δy", "ArrowLeft")
    text = nb.wait_readout_change(0, text)
    _assert_fits(text, 19.5)
    assert nb.image_bytes(0) != picture

    # Figure 1: arrow key on z₀ (2.0 → 2.1) changes the probabilities and the loss.
    text, picture = nb.readout(1), nb.image_bytes(1)
    _assert_softmax(text, [2.0, 1.0, 0.0], 0)
    nb.press(1, "z₀", "ArrowRight")
    text = nb.wait_readout_change(1, text)
    z0 = nb.slider_value(1, "z₀")
    assert abs(z0 - 2.1) < 1e-9
    _assert_softmax(text, [z0, 1.0, 0.0], 0)
    assert nb.image_bytes(1) != picture

    # Choosing the true class y = 2 (logit 0, the smallest): same probabilities, a much larger loss.
    picture = nb.image_bytes(1)
    nb.choose(1, "2")
    text = nb.wait_readout_change(1, text)
    _assert_softmax(text, [z0, 1.0, 0.0], 2)
    assert parse_numbers(text, "L_CE")[0] > 2.0
    assert nb.image_bytes(1) != picture
