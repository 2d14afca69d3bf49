"""Notebook 14 in a real browser: the degree, the data size and λ move the fits and readouts."""

import numpy as np
from labdriver import parse_numbers

from lecture_lib.topics.regularization import (lasso, polynomial_fit_errors, ridge,
                                               sparse_linear_data)


def test_degree_and_lambda_follow_the_controls(open_notebook):
    nb = open_notebook("14_overfitting_and_regularization.ipynb")
    nb.run_all(n_figures=2)

    # Figure 0: degree 3 → 4 on 15 points; the readout shows the library's errors.
    fits = polynomial_fit_errors(np.arange(0, 15), n_train=15, noise=0.3, seed=0)
    text, picture = nb.readout(0), nb.image_bytes(0)
    assert parse_numbers(text, "degree d") == [3, 4, 15]
    nb.press(0, "d", "ArrowRight")
    text = nb.wait_readout_change(0, text)
    assert parse_numbers(text, "degree d") == [4, 5, 15]
    assert parse_numbers(text, "test MSE") == [round(fits.test_mse[4], 3)]
    assert parse_numbers(text, "train MSE") == [round(fits.train_mse[4], 3)]
    assert nb.image_bytes(0) != picture

    # More data: n = 1000 brings the degree-4 test error down.
    nb.choose(0, "1000")
    text = nb.wait_readout_change(0, text)
    big = polynomial_fit_errors(np.arange(0, 15), n_train=1000, noise=0.3, seed=0)
    assert parse_numbers(text, "test MSE") == [round(big.test_mse[4], 3)]
    assert big.test_mse[4] < fits.test_mse[4]

    # Figure 1: log10 λ 1.5 → 1.55; exact zeros counted by the library's Lasso and ridge.
    X, y, _ = sparse_linear_data(n_samples=25, noise=1.0, seed=0)
    text, picture = nb.readout(1), nb.image_bytes(1)
    nb.press(1, "log₁₀ λ", "ArrowRight")
    text = nb.wait_readout_change(1, text)
    lam = 10.0 ** 1.55
    assert parse_numbers(text, "λ") == [round(lam, 1)]
    assert parse_numbers(text, "Lasso exact zeros") == [np.sum(lasso(X, y, lam).coef == 0), 8]
    assert parse_numbers(text, "ridge exact zeros") == [np.sum(ridge(X, y, lam).coef == 0), 8]
    assert nb.image_bytes(1) != picture
