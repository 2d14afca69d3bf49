"""Notebook 04 in a real browser: α, the temperature and the depth move their figures."""

import numpy as np
from labdriver import parse_numbers

from lecture_lib import activations


def test_alpha_temperature_and_depth(open_notebook):
    nb = open_notebook("04_activation_functions.ipynb")
    nb.run_all(n_figures=3)

    # Figure 0: ELU with α = 0.1, then α = 0.15 by one arrow step.
    text, picture = nb.readout(0), nb.image_bytes(0)
    assert parse_numbers(text, "a(-2)")[0] == round(float(activations.elu(-2.0, alpha=0.1)), 3)
    nb.press(0, "α", "ArrowRight")
    text = nb.wait_readout_change(0, text)
    values = parse_numbers(text, "a(-2)")   # "a(-2) = v, a(0) = ...": v comes first
    assert values[0] == round(float(activations.elu(-2.0, alpha=0.15)), 3)
    assert nb.image_bytes(0) != picture

    # Figure 1: softmax of (2, 1, 0.1, -1) at T = 1, then T = 1.1.
    text, picture = nb.readout(1), nb.image_bytes(1)
    z = np.array([2.0, 1.0, 0.1, -1.0])
    assert parse_numbers(text, "p") == activations.softmax(z).round(2).tolist()
    nb.press(1, "T", "ArrowRight")
    text = nb.wait_readout_change(1, text)
    assert parse_numbers(text, "p") == activations.softmax(z / 1.1).round(2).tolist()
    assert nb.image_bytes(1) != picture

    # Figure 2: the sigmoid chain at depth 20, then 21; the product computed by the chain rule.
    text, picture = nb.readout(2), nb.image_bytes(2)
    nb.press(2, "L", "ArrowRight")   # the depth slider, labelled L
    text = nb.wait_readout_change(2, text)
    h, product = 1.0, 1.0
    for _ in range(21):
        product *= float(activations.sigmoid_grad(h))   # w = 1: z_l = h_(l-1)
        h = float(activations.sigmoid(h))
    assert parse_numbers(text, "log10")[-1] == 21.0
    assert parse_numbers(text, "sigmoid") == [round(np.log10(product), 2)]
    assert nb.image_bytes(2) != picture
