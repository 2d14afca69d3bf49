"""Notebook 00 in a real browser: the practice figure follows the w and b sliders."""

from labdriver import parse_numbers

from lecture_lib.fitting import PRACTICE_X, PRACTICE_Y, linear_loss


def test_practice_line_follows_the_sliders(open_notebook):
    nb = open_notebook("00_start_here.ipynb")
    nb.run_all(n_figures=1)

    text = nb.readout(0)
    assert parse_numbers(text, "w") == [1.0] and parse_numbers(text, "b") == [0.0]
    assert parse_numbers(text, "L") == [round(linear_loss(PRACTICE_X, PRACTICE_Y, 1.0, 0.0), 2)]
    picture = nb.image_bytes(0)

    # One arrow key on w: 1.00 → 1.01, the line turns and L follows.
    nb.press(0, "w", "ArrowRight")
    text = nb.wait_readout_change(0, text)
    assert parse_numbers(text, "w") == [1.01]
    assert parse_numbers(text, "L") == [round(linear_loss(PRACTICE_X, PRACTICE_Y, 1.01, 0.0), 2)]
    assert nb.image_bytes(0) != picture

    # The exercise's setting, typed into the slider readouts: w = 0.5, b = 2 gives L = 0.46.
    picture = nb.image_bytes(0)
    nb.type_value(0, "w", 0.5)
    text = nb.wait_readout_change(0, text)
    nb.type_value(0, "b", 2)
    text = nb.wait_readout_change(0, text)
    assert parse_numbers(text, "L") == [round(linear_loss(PRACTICE_X, PRACTICE_Y, 0.5, 2.0), 2)]
    assert nb.image_bytes(0) != picture
