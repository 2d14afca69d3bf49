"""Notebook 18 in a real browser: drag weights, and both libraries' losses follow lecture_lib."""

import time

from labdriver import parse_numbers

from lecture_lib import datasets
from lecture_lib.networks import Network
from lecture_lib.training import Adam, train


def _loss_at(w11, b1, v11):
    """The notebook's live network (notebook 12's, after 300 Adam steps) with three weights
    set, computed by lecture_lib alone."""
    X, y = datasets.noisy_sine(40, noise=0.1, seed=0)
    net = Network((1, 8, 8, 1), activation="tanh", seed=0)
    train(net, X, y, "mse", Adam(0.01), epochs=300)
    start = [round(float(p), 2) for p in (net.weights[0][0, 0], net.biases[0][0],
                                          net.weights[2][0, 0])]
    values = [start[i] if v is None else v for i, v in enumerate((w11, b1, v11))]
    net.weights[0][0, 0], net.biases[0][0], net.weights[2][0, 0] = values
    return round(net.loss(X, y), 6), start


def _check(text, expected):
    assert parse_numbers(text, "L (lecture_lib)") == [expected]
    assert parse_numbers(text, "L (PyTorch)") == [expected]          # autograd's side agrees
    assert parse_numbers(text, "largest |gradient difference|")[0] < 1e-12


def _shown(nb, label):
    """The value in a slider's editable value box (ipywidgets' handle rounds aria-valuenow)."""
    return float(nb.shown_value(0, label))


def _wait_until(nb, condition, what: str, timeout: float = 20.0):
    """Poll until ``condition()`` returns something true and return it. The kernel may merge
    several key presses into fewer updates, so waiting for a fixed number of readout changes
    can stop short; waiting for the value itself cannot."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        nb.page.wait_for_timeout(50)
    raise AssertionError(f"{what} within {timeout:g} s; readout: {nb.readout(0)!r}")


def _wait_for_loss(nb, expected):
    """The readout once its lecture_lib loss is ``expected`` (however many updates it takes)."""
    def shows_it():
        text = nb.readout(0)
        return text if parse_numbers(text, "L (lecture_lib)") == [expected] else None
    return _wait_until(nb, shows_it, f"the readout did not show L = {expected}")


def test_backprop_and_autograd_follow_the_sliders(open_notebook):
    nb = open_notebook("18_from_scratch_to_pytorch.ipynb")
    nb.run_all(n_figures=1)
    loss, (w11, b1, v11) = _loss_at(None, None, None)
    text, picture = nb.readout(0), nb.image_bytes(0)
    _check(text, loss)
    assert _shown(nb, "w⁽¹⁾₁₁") == w11

    # Arrow keys on w⁽¹⁾₁₁: five steps of 0.01 up; the loss moves to lecture_lib's value.
    nb.press(0, "w⁽¹⁾₁₁", "ArrowRight", times=5)
    moved = round(w11 + 0.05, 2)
    _wait_until(nb, lambda: _shown(nb, "w⁽¹⁾₁₁") == moved, f"the slider did not reach {moved}")
    text = _wait_for_loss(nb, _loss_at(moved, None, None)[0])
    _check(text, _loss_at(moved, None, None)[0])
    assert nb.image_bytes(0) != picture

    # Typing into w⁽³⁾₁₁'s readout: 0 cuts a unit off the output; the loss jumps.
    picture = nb.image_bytes(0)
    nb.type_value(0, "w⁽³⁾₁₁", 0)
    expected = _loss_at(moved, None, 0.0)[0]
    text = _wait_for_loss(nb, expected)
    _check(text, expected)
    assert expected != _loss_at(moved, None, None)[0]
    assert nb.image_bytes(0) != picture
