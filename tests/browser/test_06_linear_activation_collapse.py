"""Notebook 06 in a real browser: moving a or a weight changes c1, c2, c3 as the library computes."""

from labdriver import parse_numbers

from lecture_lib.interactive import math_label
from lecture_lib.shallow import EXAMPLE_2D_WEIGHTS
from lecture_lib.topics.collapse import linear_collapse, slide_constant


def test_collapse_follows_the_sliders(open_notebook):
    nb = open_notebook("06_linear_activation_collapse.ipynb")
    nb.run_all(n_figures=1)

    text, picture = nb.readout(0), nb.image_bytes(0)
    c = linear_collapse(EXAMPLE_2D_WEIGHTS, 1.0, 0.5)
    assert parse_numbers(text, "c1") == [round(c[0], 3)]
    assert "max |network - plane| < 1e-9 = yes" in text

    nb.press(0, "a", "ArrowRight")          # a: 1.0 -> 1.1
    text = nb.wait_readout_change(0, text)
    c = linear_collapse(EXAMPLE_2D_WEIGHTS, 1.1, 0.5)
    assert [parse_numbers(text, name)[0] for name in ("c1", "c2", "c3")] == [round(v, 3) for v in c]
    assert nb.image_bytes(0) != picture

    ones = {**EXAMPLE_2D_WEIGHTS, "w14": 1.0, "w24": 1.0, "w34": 1.0}
    for name in ("w14", "w24", "w34"):
        if EXAMPLE_2D_WEIGHTS[name] != 1.0:
            nb.type_value(0, math_label(name), 1.0)
            text = nb.wait_readout_change(0, text)
    assert parse_numbers(text, "c3") == [round(linear_collapse(ones, 1.1, 0.5)[2], 3)]
    assert parse_numbers(text, "slide constant")[-1] == round(slide_constant(ones, 1.1, 0.5), 3)
    assert parse_numbers(text, "c3") == parse_numbers(text, "slide constant")[-1:]
