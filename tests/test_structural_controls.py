"""Structural controls answer from kept pictures: the playground's layers, units and data
set change the picture without rebuilding the figure, a data set seen before comes back
without a full draw, and every kept or partly drawn picture equals a full draw."""

import numpy as np
import pytest
from matplotlib.figure import Figure

from lecture_lib.interactive.playground import Playground
from lecture_lib.plots.style import CachedCanvas, new_figure


@pytest.fixture
def playground():
    pg = Playground(grid_points=30)
    pg._repr_mimebundle_()  # on screen, as in a notebook
    return pg


def _picture(pg):
    return bytes(pg.live.image.value)


def _full_draws(monkeypatch):
    calls = []
    original = Figure.draw
    monkeypatch.setattr(Figure, "draw", lambda self, r: calls.append(1) or original(self, r))
    return calls


def test_layers_and_units_change_the_picture_not_the_figure(playground, monkeypatch):
    figure, canvas, start = playground.figure, playground.figure.canvas, _picture(playground)
    draws = _full_draws(monkeypatch)
    playground.set(hidden_layers=3)
    after_layers = _picture(playground)
    playground.set(units=4)
    assert playground.figure is figure and playground.figure.canvas is canvas
    assert len(draws) == 0  # a new network moves the animated artists only
    assert start != after_layers != _picture(playground)
    assert playground.run.network.layer_sizes == (2, 4, 4, 4, 1)


def test_a_data_set_seen_before_needs_no_full_draw(playground, monkeypatch):
    playground.set(dataset="xor")
    xor = _picture(playground)
    playground.set(dataset="circles")
    draws = _full_draws(monkeypatch)
    playground.set(dataset="xor")
    assert len(draws) == 0 and _picture(playground) == xor


@pytest.mark.parametrize("dataset", ["xor", "moons", "spiral", "sine"])
def test_partly_drawn_background_equals_a_full_draw(playground, dataset):
    playground.set(dataset=dataset)
    canvas = playground.figure.canvas
    kept = np.asarray(canvas.buffer_rgba()).copy()  # the blitted frame on the kept pixels
    canvas.static_key = None  # the same state, drawn in full
    playground.live.redraw()
    assert np.array_equal(np.asarray(canvas.buffer_rgba()), kept)


def test_cached_canvas_keeps_states_by_key():
    fig = new_figure(3, 2)
    canvas = CachedCanvas(fig)
    ax = fig.add_subplot()
    canvas.static_key = "a"
    canvas.draw()
    a = np.asarray(canvas.buffer_rgba()).copy()
    ax.set_xlim(0, 5)
    canvas.static_key = "b"
    canvas.draw()
    assert not np.array_equal(np.asarray(canvas.buffer_rgba()), a)
    ax.set_xlim(0, 1)
    canvas.static_key = "a"
    canvas.draw()
    assert np.array_equal(np.asarray(canvas.buffer_rgba()), a)
