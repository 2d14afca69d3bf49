"""Notebook 17 in a real browser: the noise slider and the ridge buttons move the whole curve,
and the readout says which side of p = n wins and whether there is a peak."""

import numpy as np
import pytest
from labdriver import parse_numbers

from lecture_lib.topics.double_descent import double_descent_curve, hidden_unit_widths

WIDTHS = hidden_unit_widths(30, 1200)


def _library(noise, lam):
    return double_descent_curve(WIDTHS, n_train=30, noise=noise, lam=lam, n_test=100,
                                n_repeats=40, seed=0)


def test_noise_and_ridge_move_the_double_descent_curve(open_notebook):
    nb = open_notebook("17_double_descent.ipynb")
    nb.run_all(n_figures=1)

    text = nb.readout(0)
    assert parse_numbers(text, "peak test MSE")[1] == 30          # the peak at p = n
    assert parse_numbers(text, "n_train") == [30]
    assert parse_numbers(text, "train MSE at p") == [0.0]
    best_mse, best_p = parse_numbers(text, "lowest test MSE")
    assert best_p > 30 and "over-parameterised" in text            # the far right wins
    assert best_mse < parse_numbers(text, "best with p < n")[0]
    picture = nb.image_bytes(0)

    # Noise 0.3 -> 0.4: the curve is the library's for the new sigma.
    nb.press(0, "σ", "ArrowRight")
    text = nb.wait_readout_change(0, text)
    assert nb.image_bytes(0) != picture
    r = _library(0.4, 0.0)
    assert parse_numbers(text, "peak test MSE")[0] == pytest.approx(r.test_mse.max(), abs=6e-3)
    assert parse_numbers(text, "noise floor σ²") == [0.16]

    # Ridge slider three steps right, 0 → 10⁻⁶ → 10⁻⁴ → 10⁻²: the peak at p = n is gone (the
    # readout no longer reports one) and train MSE there is no longer 0.
    picture = nb.image_bytes(0)
    nb.press(0, "λ", "ArrowRight", times=3)
    r = _library(0.4, 1e-2)
    for _ in range(100):  # the three moves arrive one after another
        text = nb.readout(0)
        if parse_numbers(text, "lowest test MSE")[0] == pytest.approx(r.test_mse.min(), abs=6e-4):
            break
        nb.page.wait_for_timeout(100)
    assert nb.image_bytes(0) != picture
    best_mse, best_p = parse_numbers(text, "lowest test MSE")
    assert best_mse == pytest.approx(r.test_mse.min(), abs=6e-4)
    assert best_p == r.hidden_units[np.argmin(r.test_mse)]
    assert "no peak at p = n" in text and "peak test MSE" not in text
    assert parse_numbers(text, "train MSE at p")[0] > 0
