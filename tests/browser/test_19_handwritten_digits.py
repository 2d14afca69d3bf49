"""Notebook 19 in a real browser: blend one digit into another and add noise; the picture
and the network's probabilities in the readout follow, equal to the library's numbers."""

import numpy as np
from labdriver import parse_numbers

from lecture_lib import datasets
from lecture_lib.topics import digits


def _notebook_model():
    """The notebook's split, trained network (seeded, so the same weights), end images
    and noise pattern."""
    X, y = datasets.digits(seed=0)
    X_train, X_test, y_train, y_test = datasets.train_test_split(X, y, test_fraction=0.25, seed=0)
    net = digits.fit(X_train, y_train, X_test, y_test, lam=1e-3).network
    ends = X_test[digits.representatives(net, X_test, y_test)]
    return net, ends, np.random.default_rng(0).standard_normal(64)


def _expected(model, a, b, t, sigma):
    """The readout's numbers for digits a, b at blend t and noise σ, from the library."""
    net, ends, pattern = model
    p = net.forward(digits.blend(ends[a], ends[b], t, sigma, pattern)[None, :])[0]
    return {"prediction": [int(np.argmax(p)), round(float(p.max()), 2)],
            f"p({a})": [round(float(p[a]), 3)], f"p({b})": [round(float(p[b]), 3)]}


def _assert_readout(text, expected):
    for name, values in expected.items():
        assert parse_numbers(text, name) == values, (name, text)


def test_blend_noise_and_digit_choice_follow_the_controls(open_notebook):
    nb = open_notebook("19_handwritten_digits.ipynb")
    nb.run_all(n_figures=1)
    model = _notebook_model()

    # The start: half a 3, half an 8, no noise.
    text, picture = nb.readout(0), nb.image_bytes(0)
    _assert_readout(text, _expected(model, 3, 8, 0.5, 0.0))

    # Arrow key on t: one step, 0.5 → 0.55, a little more of the 8. (The handle's
    # aria-valuenow rounds to one decimal here, so the slider's own readout is read.)
    nb.press(0, "t", "ArrowRight")
    text = nb.wait_readout_change(0, text)
    assert float(nb.shown_value(0, "t")) == 0.55
    _assert_readout(text, _expected(model, 3, 8, 0.55, 0.0))
    assert nb.image_bytes(0) != picture

    # Typing t = 0 (the pure 3, read correctly), then noise σ = 0.3 on top of it.
    nb.type_value(0, "t", 0)
    text = nb.wait_readout_change(0, text)
    expected = _expected(model, 3, 8, 0.0, 0.0)
    assert expected["prediction"][0] == 3
    _assert_readout(text, expected)
    picture = nb.image_bytes(0)
    nb.type_value(0, "σ", 0.3)
    text = nb.wait_readout_change(0, text)
    _assert_readout(text, _expected(model, 3, 8, 0.0, 0.3))
    assert nb.image_bytes(0) != picture

    # Choosing digit a = 1 in its drop-down: the input becomes a noisy 1.
    picture = nb.image_bytes(0)
    nb.select(0, "a", "1")
    text = nb.wait_readout_change(0, text)
    _assert_readout(text, _expected(model, 1, 8, 0.0, 0.3))
    assert nb.image_bytes(0) != picture
