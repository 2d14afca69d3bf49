"""The Spanish edition in a real browser: notebooks 00, 05, 12 and 17 of ``notebooks/es/``.

Each runs in JupyterLab; every live figure's controls carry Spanish accessible names (the
Reset button reads "Reiniciar", its tooltip and each value box's label are the kernel's
Spanish words), a slider moved by keyboard brings a readout that is the library's own text in
Spanish, with the library's numbers; in notebook 12 the playground's buttons read their
Spanish labels and Train trains. The expected words come from the library itself, with
``set_language("es")`` in this process. The four notebooks are a fixed list: a missing one
is a failure, not a skip.

(Not named ``test_spanish_edition.py``: ``tests/test_spanish_edition.py`` has that name, and
pytest needs distinct basenames for test modules outside packages.)
"""

from __future__ import annotations

import sys
from contextlib import contextmanager

from labdriver import ROOT, parse_numbers

sys.path.insert(0, str(ROOT / "tests"))
from test_spanish_edition import english_words  # noqa: E402

from lecture_lib.i18n import set_language, tr  # noqa: E402

SPANISH = ROOT / "notebooks" / "es"


@contextmanager
def spanish():
    """The library's words in Spanish while the expected texts are computed here."""
    set_language("es")
    try:
        yield
    finally:
        set_language("en")


def open_spanish(open_notebook, name: str, n_figures: int):
    assert (SPANISH / name).exists(), f"notebooks/es/{name} is missing: the issue asks for it"
    nb = open_notebook(f"es/{name}")
    nb.run_all(n_figures=n_figures)
    return nb


def assert_spanish_controls(nb, figure: int) -> None:
    """Reset, its tooltip, every slider's name and value box, the picture's name and the
    readout: Spanish, as the kernel sent them, and every slider reachable by keyboard."""
    with spanish():
        reset, reset_title, value = (tr("↺ Reset"), tr("Put every slider back to its start value"),
                                     tr("{label} value"))
    fig = nb.figure(figure)
    button = fig.locator(".lecture-reset").first
    assert "Reiniciar" in button.text_content() and button.text_content() == reset
    assert button.get_attribute("title") == reset_title != "Put every slider back to its start value"
    sliders = fig.locator(".lecture-slider:not(.lecture-steps)").all()
    assert sliders, f"figure {figure} has no slider"
    for row in sliders:
        label = row.locator(".lecture-label").text_content().strip()
        handle = row.locator("input[type=range]").first
        assert handle.get_attribute("aria-label") == label and label
        assert handle.evaluate("h => h.tabIndex >= 0 && !h.disabled")
        assert row.locator("input.lecture-value").get_attribute("aria-label") == \
            value.format(label=label) != f"{label} value"
    name = fig.locator("canvas.lecture-picture").get_attribute("aria-label") or ""
    assert name.strip() and not english_words(name), name
    text = nb.readout(figure)
    assert text.strip() and not english_words(text), text


def test_00_start_here_in_spanish(open_notebook):
    from lecture_lib import plots
    from lecture_lib.fitting import PRACTICE_X, PRACTICE_Y, linear_loss
    from lecture_lib.interactive import describe_figure

    nb = open_spanish(open_notebook, "00_start_here.ipynb", n_figures=1)
    assert_spanish_controls(nb, 0)
    with spanish():
        alt = describe_figure(plots.start.line_fit(PRACTICE_X, PRACTICE_Y)[0])
    assert nb.figure(0).locator("canvas.lecture-picture").get_attribute("aria-label") == alt

    text = nb.readout(0)
    assert parse_numbers(text, "L") == [round(linear_loss(PRACTICE_X, PRACTICE_Y, 1.0, 0.0), 2)]
    nb.press(0, "w", "ArrowRight")                     # w: 1.00 → 1.01, by keyboard
    text = nb.wait_readout_change(0, text)
    assert parse_numbers(text, "w") == [1.01]
    assert parse_numbers(text, "L") == [round(linear_loss(PRACTICE_X, PRACTICE_Y, 1.01, 0.0), 2)]
    assert not english_words(text)


def test_05_shallow_networks_in_spanish(open_notebook):
    from lecture_lib.shallow import LECTURE_WEIGHTS, shallow_1d
    from lecture_lib.shallow import describe

    nb = open_spanish(open_notebook, "05_shallow_networks.ipynb", n_figures=2)
    for figure in (0, 1):
        assert_spanish_controls(nb, figure)
    with spanish():
        start = describe(shallow_1d(**LECTURE_WEIGHTS))
        moved = describe(shallow_1d(**{**LECTURE_WEIGHTS, "w11": 1.6}))
    assert nb.readout(0) == start                     # joints at -2, 1.2 and 2, in Spanish
    nb.press(0, "ω₁₁", "ArrowRight")                  # ω₁₁: 1.5 → 1.6, the first joint moves
    text = nb.wait_readout_change(0, start)
    assert nb.slider_value(0, "ω₁₁") == 1.6
    assert text == moved and not english_words(text)


def test_12_playground_in_spanish(open_notebook):
    from lecture_lib.topics.training import TrainingRun

    nb = open_spanish(open_notebook, "12_training_a_network.ipynb", n_figures=1)
    assert_spanish_controls(nb, 0)
    run = TrainingRun()
    run.train(150)                                    # the notebook trains 150 epochs first
    with spanish():
        train, step, restart = (tr("Train {n} epochs").format(n=150), tr("Step (1 epoch)"),
                                tr("Restart"))
        labels = [tr(label, context="playground") for label in
                  ("dataset", "activation", "optimiser", "layers", "units", "seed", "rate η",
                   "batch", "L2 λ")]
        expected = run.describe()
    fig = nb.figure(0)
    buttons = [b.strip() for b in fig.locator("button:not(.lecture-reset):not(.lecture-option)")
               .all_text_contents()]
    assert train == "Entrenar 150 épocas" and {train, step, restart} <= set(buttons), buttons
    shown = [t.strip() for t in fig.locator(".lecture-label").all_text_contents()]
    assert shown == labels and labels != ["dataset", "activation", "optimiser", "layers",
                                          "units", "seed", "rate η", "batch", "L2 λ"]
    assert nb.readout(0) == expected

    # Train: 150 more epochs, drawn while they run; the last readout is the library's at 300.
    fig.locator("button", has_text=train).first.click()
    run.train(150)
    with spanish():
        expected = run.describe()
    text = nb.readout(0)
    for _ in range(1200):                             # up to 60 s
        if text == expected:
            break
        nb.page.wait_for_timeout(50)
        text = nb.readout(0)
    assert text == expected and not english_words(text)

    # One more unit by keyboard: a new network, trained again from step 1.
    units = labels[4]
    nb.press(0, units, "ArrowRight")
    with spanish():
        expected = TrainingRun(units=9).describe()
    for _ in range(200):                              # up to 10 s
        if text == expected:
            break
        nb.page.wait_for_timeout(50)
        text = nb.readout(0)
    assert nb.slider_value(0, units) == 9
    assert text == expected and not english_words(text)


def test_17_double_descent_in_spanish(open_notebook):
    import numpy as np

    from lecture_lib import plots
    from lecture_lib.topics.double_descent import (describe_curves, double_descent_grid,
                                                   hidden_unit_widths)

    nb = open_spanish(open_notebook, "17_double_descent.ipynb", n_figures=1)
    assert_spanish_controls(nb, 0)
    grid = double_descent_grid(hidden_unit_widths(30, 1200), np.round(np.arange(0.0, 1.01, 0.1), 1),
                               [0.0, 1e-6, 1e-4, 1e-2, 1.0], n_train=30, n_test=100,
                               n_repeats=40, seed=0)   # the notebook's grid
    _, draw = plots.double_descent.curve_live(grid)
    with spanish():
        start, moved = describe_curves(draw(0.3, 0.0)), describe_curves(draw(0.4, 0.0))
    assert nb.readout(0) == start
    nb.press(0, "σ", "ArrowRight")                    # noise σ: 0.3 → 0.4
    text = nb.wait_readout_change(0, start)
    assert text == moved and not english_words(text)
    assert "σ² = 0.16" in text                        # the noise floor σ² for σ = 0.4
