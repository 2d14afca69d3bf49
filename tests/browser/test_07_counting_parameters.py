"""Notebook 07 in a real browser: change s, n, m and the count follows the formula."""

from labdriver import parse_numbers

from lecture_lib.topics.counting import shallow_parameters
from lecture_lib.networks import count_parameters


def _assert_counts(text, s, n, m):
    """Every readout line equals the library's count for (s, n, m)."""
    parts = shallow_parameters(s, n, m)
    assert parse_numbers(text, "input weights") == [parts.input_weights]
    assert parse_numbers(text, "hidden biases") == [parts.hidden_biases]
    assert parse_numbers(text, "output weights") == [parts.output_weights]
    assert parse_numbers(text, "output biases") == [parts.output_biases]
    assert parse_numbers(text, "total") == [count_parameters((s, n, m))]
    assert parse_numbers(text, "Network((s, n, m)).n_parameters") == [count_parameters((s, n, m))]


def test_parameter_count_follows_the_sliders(open_notebook):
    nb = open_notebook("07_counting_parameters.ipynb")
    nb.run_all(n_figures=1)

    # The notebook starts at (s, n, m) = (2, 3, 1): 13 parameters.
    text, picture = nb.readout(0), nb.image_bytes(0)
    _assert_counts(text, 2, 3, 1)
    assert parse_numbers(text, "total") == [13]

    # Arrow key on n: 3 → 4 hidden units, (2 + 1)·4 + (4 + 1)·1 = 17.
    nb.press(0, "n", "ArrowRight")
    text = nb.wait_readout_change(0, text)
    assert nb.slider_value(0, "n") == 4
    _assert_counts(text, 2, 4, 1)
    assert nb.image_bytes(0) != picture

    # Typing 10 into s's readout: (10 + 1)·4 + (4 + 1)·1 = 49.
    picture = nb.image_bytes(0)
    nb.type_value(0, "s", 10)
    text = nb.wait_readout_change(0, text)
    assert nb.slider_value(0, "s") == 10
    _assert_counts(text, 10, 4, 1)
    assert nb.image_bytes(0) != picture

    # Arrow key on m: 1 → 2 outputs, (10 + 1)·4 + (4 + 1)·2 = 54.
    picture = nb.image_bytes(0)
    nb.press(0, "m", "ArrowRight")
    text = nb.wait_readout_change(0, text)
    _assert_counts(text, 10, 4, 2)
    assert nb.image_bytes(0) != picture
