"""Notebook 13 in a real browser: fold the input, add a layer, change the initial scale."""

import numpy as np
from labdriver import parse_numbers

from lecture_lib.regions import count_regions
from lecture_lib.topics.depth import (activation_rms, budget_fit, compose,
                                      gradient_rms, shallow_width, tent_network)
from lecture_lib.networks import Network

# The notebook's two networks of section 1: a fixed network 2 and the zigzag network 1.
OUTER = Network.from_weights([([[-1.0, 1.0]], [-0.3, -0.4]), ([[1.5], [2.0]], [-0.5])])


def _inner(a: float, s: float) -> Network:
    return Network.from_weights([([[1.0, 1.0, 1.0]], [1.0, 1 / 3, -1 / 3]),
                                 ([[3 * a], [-6 * a], [6 * a]], [s - a])])


def _composition_counts(a: float, s: float) -> list[list[int]]:
    inner = _inner(a, s)
    return [[count_regions(net, -1.0, 1.0)] for net in (inner, OUTER, compose(inner, OUTER))]


def _depth_numbers(depth: int) -> dict:
    """Parameters and regions of the folding network and of its shallow fit on [0, 1]."""
    deep = tent_network(depth)
    x = np.linspace(0.0, 1.0, 1025)
    width = shallow_width(deep.n_parameters)
    fit = budget_fit(deep, 0.0, 1.0, x.size)
    return {"parameters": [deep.n_parameters], "deep regions": [count_regions(deep, 0.0, 1.0)],
            "shallow width": [width], "shallow regions at most": [width + 1],
            "regions of the shallow fit": [count_regions(fit, 0.0, 1.0)]}


def _value(text: str, name: str) -> str:
    """The text after the last ``=`` of the line ``name = ...`` (it may be in e-notation)."""
    for line in text.splitlines():
        if line.startswith(name):
            return line.rsplit("=", 1)[1].strip()
    raise AssertionError(f"no line starting with {name!r} in readout:\n{text}")


def _assert_scale_readout(text: str, gain: float, depth: int) -> None:
    rms = activation_rms(depth, gain)
    assert _value(text, "(g/sqrt 2)^L") == f"{(gain / np.sqrt(2)) ** depth:.3g}"
    assert _value(text, "RMS input") == f"{rms[0]:.3f}"
    assert _value(text, "RMS after L layers") == f"{rms[-1]:.3g}"
    grad = gradient_rms(depth, gain)
    assert _value(text, "delta at the top layer L") == f"{grad[-1]:.3g}"
    assert _value(text, "delta at layer 1") == f"{grad[0]:.3g}"


def test_regions_and_activation_scale_follow_the_sliders(open_notebook):
    nb = open_notebook("13_deep_networks.ipynb")
    nb.run_all(n_figures=3)
    names = ("regions of network 1", "regions of network 2", "regions of the composition")

    # Figure 0: the zigzag of height 1 folds x twice into 3 pieces: 3 × 3 = 9 regions.
    text, picture = nb.readout(0), nb.image_bytes(0)
    assert [parse_numbers(text, n) for n in names] == _composition_counts(1.0, 0.0) \
        == [[3], [3], [9]]

    # Typing height a = 0.4: the folds no longer reach both of network 2's joints.
    nb.type_value(0, "a", 0.4)
    text = nb.wait_readout_change(0, text)
    expected = _composition_counts(0.4, 0.0)
    assert expected[2] != [9]
    assert [parse_numbers(text, n) for n in names] == expected
    assert nb.image_bytes(0) != picture

    # Figure 1: arrow key on depth L, 3 → 4 folds: 16 regions from 25 parameters.
    text, picture = nb.readout(1), nb.image_bytes(1)
    for name, value in _depth_numbers(3).items():
        assert parse_numbers(text, name) == value, (name, text)
    nb.press(1, "L", "ArrowRight")
    text = nb.wait_readout_change(1, text)
    assert nb.slider_value(1, "L") == 4
    expected = _depth_numbers(4)
    assert expected["deep regions"] == [16]
    for name, value in expected.items():
        assert parse_numbers(text, name) == value, (name, text)
    assert nb.image_bytes(1) != picture

    # Figure 2: g = 1, L = 20 shrinks the activations; typing g = 1.41 ≈ √2 keeps them.
    text, picture = nb.readout(2), nb.image_bytes(2)
    _assert_scale_readout(text, 1.0, 20)
    nb.type_value(2, "g", 1.41)
    text = nb.wait_readout_change(2, text)
    _assert_scale_readout(text, 1.41, 20)
    assert nb.image_bytes(2) != picture

    # ... and one more layer by arrow key measures one more layer of the same stack.
    picture = nb.image_bytes(2)
    nb.press(2, "L", "ArrowRight")
    text = nb.wait_readout_change(2, text)
    _assert_scale_readout(text, 1.41, 21)
    assert nb.image_bytes(2) != picture
