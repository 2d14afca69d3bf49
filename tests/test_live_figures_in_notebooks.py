"""Every live figure of every notebook: each slider moves it, and the fast path (only the
changed axes restored and redrawn) gives exactly the picture of a full redraw, so no
stale pixels (trails) are ever left behind."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from live_figures import collect_live_figures, slider_path  # noqa: E402

from lecture_lib.interactive import Slider  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_sliders_redraw_exactly(path):
    figures = collect_live_figures(path)
    assert figures, "every notebook has a live figure"
    for figure in figures:
        start, start_values = bytes(figure.image.value), figure.values
        for spec in figure.specs:
            if not isinstance(spec, Slider):
                continue
            control = figure.controls[spec.name]
            for value in slider_path(control, 3):
                control.value = value
            partial = bytes(figure.image.value)
            figure._full = True   # the same state drawn on the whole background
            figure.refresh()
            assert bytes(figure.image.value) == partial, f"{control.description} leaves trails"
        figure.reset()
        assert figure.values == start_values
        if path.stem != "12_training_a_network":  # there Reset restarts training from step 1
            assert bytes(figure.image.value) == start, "Reset returns to the starting picture"
