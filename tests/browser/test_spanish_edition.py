"""The Spanish edition in a real browser (notebooks 00, 05, 12 and 17 of ``notebooks/es/``):
the controls are labelled, keyboard-operable and in Spanish, and every readout shows the
library's numbers in Spanish words."""

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_spanish_edition import english_words  # noqa: E402

from lecture_lib.fitting import PRACTICE_X, PRACTICE_Y, linear_loss  # noqa: E402
from lecture_lib.shallow import LECTURE_WEIGHTS, joints, shallow_1d  # noqa: E402

NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")


def numbers(text: str) -> list[float]:
    return [float(v) for v in NUMBER.findall(text)]


def assert_spanish_page(nb, n_figures: int) -> None:
    """Every figure: Reset and its tooltip, the sliders' accessible names and the readout in
    Spanish, every slider with a label and reachable by keyboard."""
    for i in range(n_figures):
        figure = nb.figure(i)
        reset = figure.locator(".lecture-reset").first
        assert "Reiniciar" in reset.text_content()
        assert not english_words(reset.get_attribute("title") or ""), reset.get_attribute("title")
        for handle in figure.locator("input[type=range]").all():
            name = handle.get_attribute("aria-label") or ""
            assert name.strip(), "every slider has an accessible name"
            assert handle.evaluate("h => h.tabIndex >= 0")
        for box in figure.locator("input.lecture-value").all():
            assert not english_words(box.get_attribute("aria-label") or "")
        text = nb.readout(i)
        assert text.strip() and not english_words(text), text


def test_00_practice_line_in_spanish(open_notebook):
    nb = open_notebook("es/00_start_here.ipynb")
    nb.run_all(n_figures=1)
    assert_spanish_page(nb, 1)
    text = nb.readout(0)
    assert round(linear_loss(PRACTICE_X, PRACTICE_Y, 1.0, 0.0), 2) in numbers(text)
    nb.press(0, "w", "ArrowRight")
    text = nb.wait_readout_change(0, text)
    assert 1.01 in numbers(text)
    assert round(linear_loss(PRACTICE_X, PRACTICE_Y, 1.01, 0.0), 2) in numbers(text)
    assert not english_words(text)


def test_05_shallow_network_in_spanish(open_notebook):
    nb = open_notebook("es/05_shallow_networks.ipynb")
    nb.run_all(n_figures=2)
    assert_spanish_page(nb, 2)
    text = nb.readout(0)
    assert {-2.0, 1.2, 2.0} <= set(numbers(text))
    nb.press(0, "ω₁₁", "ArrowRight")
    text = nb.wait_readout_change(0, text)
    moved = joints(shallow_1d(**{**LECTURE_WEIGHTS, "w11": 1.6}))
    assert round(moved[0], 2) in numbers(text) and not english_words(text)


def test_12_playground_in_spanish(open_notebook):
    nb = open_notebook("es/12_training_a_network.ipynb")
    nb.run_all(n_figures=1)
    assert_spanish_page(nb, 1)
    text, picture = nb.readout(0), nb.image_bytes(0)
    assert 150 in numbers(text)
    buttons = nb.figure(0).locator("button:not(.lecture-reset)")
    labels = [b.strip() for b in buttons.all_text_contents()]
    assert labels and not any(english_words(label) for label in labels), labels
    train = next(b for b in buttons.all() if "Entrenar" in (b.text_content() or ""))
    train.click()
    for _ in range(1200):   # up to 60 s: the readout reaches epoch 300
        text = nb.readout(0)
        if 300 in numbers(text):
            break
        nb.page.wait_for_timeout(50)
    assert 300 in numbers(text) and not english_words(text)
    assert nb.image_bytes(0) != picture


def test_17_double_descent_in_spanish(open_notebook):
    nb = open_notebook("es/17_double_descent.ipynb")
    nb.run_all(n_figures=1)
    assert_spanish_page(nb, 1)
    text = nb.readout(0)
    assert 30 in numbers(text)
    nb.press(0, "σ", "ArrowRight")
    text = nb.wait_readout_change(0, text)
    assert pytest.approx(0.16) in numbers(text) and not english_words(text)
