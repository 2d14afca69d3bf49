"""Notebook 01 in a real browser: the line and the point on the error surface follow w and b."""

from labdriver import parse_numbers

from lecture_lib.fitting import line_data, linear_loss

X, Y = line_data(n_samples=20, w=0.8, b=1.0, noise=0.4, seed=3)


def test_line_and_error_surface_follow_the_sliders(open_notebook):
    nb = open_notebook("01_learning_as_function_fitting.ipynb")
    nb.run_all(n_figures=1)

    text = nb.readout(0)
    assert parse_numbers(text, "L") == [round(linear_loss(X, Y, 0.0, 3.0), 3)]
    picture = nb.image_bytes(0)

    nb.press(0, "b", "ArrowLeft")                      # b: 3.00 → 2.99
    text = nb.wait_readout_change(0, text)
    assert parse_numbers(text, "b") == [2.99]
    assert parse_numbers(text, "L") == [round(linear_loss(X, Y, 0.0, 2.99), 3)]
    assert nb.image_bytes(0) != picture

    picture = nb.image_bytes(0)
    nb.type_value(0, "w", 0.86)
    text = nb.wait_readout_change(0, text)
    assert parse_numbers(text, "w") == [0.86]
    assert parse_numbers(text, "L") == [round(linear_loss(X, Y, 0.86, 2.99), 3)]
    assert parse_numbers(text, "MAE") == [round(linear_loss(X, Y, 0.86, 2.99, "mae"), 3)]
    assert nb.image_bytes(0) != picture
