"""Notebook 08 in a real browser: move the curve's points, shape one unit, add hidden units."""

from labdriver import parse_numbers

from lecture_lib.topics.approximation import (TARGET_FORMULAS, approximation_error,
                                       ramps_from_points, two_relus)

XS = (-2.0, -1.0, 0.5, 2.0)  # the notebook's joints x_0 ... x_3


def _shown(v):
    """A value as the readout prints it: two decimals."""
    return float(f"{v:.2f}")


def _assert_ramps(text, ys):
    constant, ramps = ramps_from_points(XS, ys)
    assert parse_numbers(text, "constant") == [_shown(constant)]
    for k, (start, end, height) in enumerate(ramps, start=1):
        assert parse_numbers(text, f"ramp {k}:") == [_shown(start), _shown(end), _shown(height)]


def _assert_unit(text, c, b, w):
    assert parse_numbers(text, "height c") == [_shown(c)]
    assert parse_numbers(text, "midpoint") == [_shown(-b / w)]
    for k, (v, bk, wk) in enumerate(two_relus(c, b, w), start=1):
        assert parse_numbers(text, f"ReLU {k}:") == [_shown(v), _shown(-bk / wk)]


def _assert_fit(text, name, n):
    assert TARGET_FORMULAS[name] in text.splitlines()[0]
    assert parse_numbers(text, "hidden units n") == [n]
    assert parse_numbers(text, "parameters 3n + 1") == [3 * n + 1]
    assert parse_numbers(text, "fitted (output layer)") == [n + 1]   # c and the v_k only
    assert abs(parse_numbers(text, "max error")[0] - approximation_error(name, n)) <= 5.1e-4


def test_ramps_unit_and_fit_follow_the_controls(open_notebook):
    nb = open_notebook("08_universal_approximation.ipynb")
    nb.run_all(n_figures=3)

    # Figure 0, constant + ramps: arrow key on y₁ (1.5 → 1.6) changes ramps 1 and 2.
    text, picture = nb.readout(0), nb.image_bytes(0)
    _assert_ramps(text, [0.5, 1.5, -1.0, 0.5])
    nb.press(0, "y₁", "ArrowRight")
    text = nb.wait_readout_change(0, text)
    y1 = nb.slider_value(0, "y₁")
    assert abs(y1 - 1.6) < 1e-9
    _assert_ramps(text, [0.5, y1, -1.0, 0.5])
    assert parse_numbers(text, "ramp 1:")[-1] == 1.1
    assert parse_numbers(text, "ramp 2:")[-1] == -2.6
    assert nb.image_bytes(0) != picture

    # Figure 1, one unit c·σ(b + wx): typing b = -3 moves the midpoint to x = 3/1.5 = 2.
    text, picture = nb.readout(1), nb.image_bytes(1)
    _assert_unit(text, 2.0, 1.0, 1.5)
    nb.type_value(1, "b", -3)
    text = nb.wait_readout_change(1, text)
    _assert_unit(text, 2.0, -3.0, 1.5)
    assert parse_numbers(text, "midpoint") == [2.0]
    assert nb.image_bytes(1) != picture

    # Figure 2, least-squares fit: one more hidden unit (4 → 5), then another target.
    text, picture = nb.readout(2), nb.image_bytes(2)
    _assert_fit(text, "wave", 4)
    nb.press(2, "n", "ArrowRight")
    text = nb.wait_readout_change(2, text)
    _assert_fit(text, "wave", 5)
    assert parse_numbers(text, "max error")[0] < approximation_error("wave", 4)
    assert nb.image_bytes(2) != picture

    picture = nb.image_bytes(2)
    nb.choose(2, "steep")
    text = nb.wait_readout_change(2, text)
    _assert_fit(text, "steep", 5)
    assert nb.image_bytes(2) != picture
