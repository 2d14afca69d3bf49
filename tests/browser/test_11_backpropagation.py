"""Notebook 11 in a real browser: move a weight and the input, the gradients follow."""

import re

import numpy as np
from labdriver import parse_numbers

from lecture_lib.topics.backprop import backward_pass, small_network


def _vector(text: str, name: str) -> list[float]:
    """The list after ``name =`` (two lists share a line: ``dL/dW1 = [..]   dL/db1 = [..]``)."""
    match = re.search(rf"{re.escape(name)} = \[([^\]]*)\]", text)
    assert match, f"no {name} = [...] in readout:\n{text}"
    return [float(v) for v in match.group(1).split(",")]


def _expected(x: float, y: float, w11: float) -> dict:
    """What the readout shows for one example, from the library's backward pass."""
    loss, steps = backward_pass(small_network(w11), [[x]], [[y]])
    (dW1, db1), (dW2, db2) = [(s.dW, s.db) for s in steps]
    return {"L": float(f"{loss:.3f}"), "delta2": float(f"{steps[1].delta[0, 0]:.3f}"),
            "dL/dW1": np.round(dW1[0], 3).tolist(), "dL/db1": np.round(db1, 3).tolist(),
            "dL/dW2": np.round(dW2[:, 0], 3).tolist(), "dL/db2": np.round(db2, 3).tolist()}


def _assert_readout(text: str, expected: dict) -> None:
    assert parse_numbers(text, "L =") == [expected["L"]]
    assert parse_numbers(text, "delta2")[-1] == expected["delta2"]
    for name in ("dL/dW1", "dL/db1", "dL/dW2", "dL/db2"):
        assert _vector(text, name) == expected[name], (name, text)


def test_gradients_follow_the_weight_and_the_input(open_notebook):
    nb = open_notebook("11_backpropagation.ipynb")
    nb.run_all(n_figures=1)

    # The example of the text: x = 1, y = 1, w⁽¹⁾₁₁ = 1 gives δ⁽²⁾ = 0.9.
    text, picture = nb.readout(0), nb.image_bytes(0)
    _assert_readout(text, _expected(1.0, 1.0, 1.0))
    assert parse_numbers(text, "delta2")[-1] == 0.9

    # Arrow key on w⁽¹⁾₁₁: 1 → 1.1, ŷ rises by 0.1 and every gradient changes.
    nb.press(0, "w⁽¹⁾₁₁", "ArrowRight")
    text = nb.wait_readout_change(0, text)
    assert nb.slider_value(0, "w⁽¹⁾₁₁") == 1.1
    expected = _expected(1.0, 1.0, 1.1)
    assert expected != _expected(1.0, 1.0, 1.0)
    _assert_readout(text, expected)
    assert nb.image_bytes(0) != picture

    # Typing x = 2.5: z⁽¹⁾₂ = -0.5·2.5 + 1 < 0, unit 2 is off and its edges get no gradient.
    picture = nb.image_bytes(0)
    nb.type_value(0, "x", 2.5)
    text = nb.wait_readout_change(0, text)
    expected = _expected(2.5, 1.0, 1.1)
    _assert_readout(text, expected)
    assert expected["dL/dW1"][1] == 0 and expected["dL/dW2"][1] == 0
    assert expected["dL/dW1"][0] != 0
    assert nb.image_bytes(0) != picture

    # Typing the target y = 1.45 = ŷ at x = 1, w⁽¹⁾₁₁ = 1 (a step of the y slider):
    # δ⁽²⁾ = 0, so the loss and every gradient are 0, as "Things to try" says.
    nb.type_value(0, "x", 1.0)
    text = nb.wait_readout_change(0, text)
    nb.press(0, "w⁽¹⁾₁₁", "ArrowLeft")
    text = nb.wait_readout_change(0, text)
    nb.type_value(0, "y", 1.45)
    text = nb.wait_readout_change(0, text)
    _assert_readout(text, _expected(1.0, 1.45, 1.0))
    assert parse_numbers(text, "L =") == [0.0]
    assert all(v == 0 for name in ("dL/dW1", "dL/db1", "dL/dW2", "dL/db2")
               for v in _vector(text, name))
