"""Notebook 00 in a real browser: the practice figure follows the w and b sliders."""

import io
import sys
from pathlib import Path

import numpy as np
from labdriver import parse_numbers
from PIL import Image

from lecture_lib.fitting import PRACTICE_X, PRACTICE_Y, linear_loss


ROOT = Path(__file__).resolve().parents[2]


def _rgba(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


def library_picture(**values: float) -> np.ndarray:
    """Notebook 00's live figure made in this process, at ``values``: its RGBA pixels."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from live_figures import collect_live_figures

    [figure] = collect_live_figures(ROOT / "notebooks" / "00_start_here.ipynb")
    figure.set(**values)
    return np.asarray(figure.figure.canvas.buffer_rgba())


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


def test_a_drag_ends_on_its_last_value_and_reset_returns(open_notebook):
    """Dragging w (one step per animation frame, in the page) paints many pictures, and the
    last one painted is the slider's last value; Reset brings back w = 1, b = 0."""
    nb = open_notebook("00_start_here.ipynb")
    nb.run_all(n_figures=1)
    start, picture = nb.readout(0), nb.image_bytes(0)
    frames = nb.frames(0)
    assert nb.drag_pictures_per_second(0, "w", seconds=1.5) > 0  # raises if a stale frame stays
    assert nb.frames(0) > frames + 1
    w = nb.slider_value(0, "w")
    assert parse_numbers(nb.readout(0), "w") == [round(w, 2)] and w != 1.0
    assert parse_numbers(nb.readout(0), "L") == [round(linear_loss(PRACTICE_X, PRACTICE_Y, w, 0.0), 2)]
    # The page built this picture from the kernel's changed pixels, frame after frame: it is
    # the library's picture for the last value, pixel for pixel.
    assert np.array_equal(_rgba(nb.image_bytes(0)), library_picture(w=w))
    nb.reset(0)
    for _ in range(200):  # up to 10 s
        if nb.readout(0) == start:
            break
        nb.page.wait_for_timeout(50)
    assert nb.readout(0) == start
    assert nb.slider_value(0, "w") == 1.0 and nb.image_bytes(0) == picture
