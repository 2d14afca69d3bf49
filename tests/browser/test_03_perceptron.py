"""Notebook 03 in a real browser: the truth table, the XOR line and the learning steps follow the controls."""

import re

from labdriver import parse_numbers

from lecture_lib.topics.perceptron import (PARTY_WEIGHTS, gate, learning_rule, perceptron,
                                    truth_table)


def test_truth_table_gate_line_and_learning_steps(open_notebook):
    nb = open_notebook("03_perceptron.ipynb")
    nb.run_all(n_figures=3)

    # Figure 0, the party perceptron: 5 of 8 with the start weights; b = -5 leaves 3.
    text, picture = nb.readout(0), nb.image_bytes(0)
    assert parse_numbers(text, "go") == [5.0, 8.0]
    nb.type_value(0, "b", -5)
    text = nb.wait_readout_change(0, text)
    expected = int(perceptron(truth_table(3), PARTY_WEIGHTS["w"], -5.0).sum())
    assert parse_numbers(text, "go") == [expected, 8.0] and expected == 3
    assert parse_numbers(text, "threshold") == [5.0]
    assert nb.image_bytes(0) != picture

    # Figure 1, XOR in the plane: the start line gets 3 of 4; b = -1.5 makes it AND-like.
    text, picture = nb.readout(1), nb.image_bytes(1)
    assert parse_numbers(text, "correct") == [3.0, 4.0]
    nb.type_value(1, "b", -1.5)
    text = nb.wait_readout_change(1, text)
    X, y, _, _ = gate("XOR")
    right = int((perceptron(X, (1.0, 1.0), -1.5) == y).sum())
    assert parse_numbers(text, "correct") == [right, 4.0]
    assert nb.image_bytes(1) != picture
    # Switching the gate to AND with the same line: all four right.
    nb.choose(1, re.compile(r"^\s*AND\s*$"))
    text = nb.wait_readout_change(1, text)
    assert parse_numbers(text, "correct") == [4.0, 4.0]

    # Figure 2, the learning rule on AND: one step forward shows the library's weights.
    text, picture = nb.readout(2), nb.image_bytes(2)
    assert parse_numbers(text, "step") == [0.0, 24.0]
    nb.press(2, "t", "ArrowRight")
    text = nb.wait_readout_change(2, text)
    history = learning_rule(*gate("AND")[:2], eta=0.5, epochs=6)
    w1, w2, _ = parse_numbers(text, "w")
    assert [w1, w2] == [round(v, 2) for v in history.w[1]]
    assert parse_numbers(text, "step") == [1.0, 24.0]
    assert nb.image_bytes(2) != picture
