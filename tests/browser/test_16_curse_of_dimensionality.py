"""Notebook 16 in a real browser: each slider moves its figure and the library's numbers."""

import numpy as np
from labdriver import parse_numbers

from lecture_lib.topics.dimensionality import (ball_to_cube_volume_ratio, distance_contrast,
                                               query_distances, samples_for_density,
                                               shell_fraction)


def _step(nb, figure, label, key="ArrowRight"):
    text, picture = nb.readout(figure), nb.image_bytes(figure)
    nb.press(figure, label, key)
    text = nb.wait_readout_change(figure, text)
    assert nb.image_bytes(figure) != picture
    return text


def test_every_figure_follows_its_slider(open_notebook):
    nb = open_notebook("16_curse_of_dimensionality.ipynb")
    nb.run_all(n_figures=4)

    # Ball in the cube: d = 3 → 4.
    assert parse_numbers(nb.readout(0), "V_ball / V_cube") == [0.524]
    text = _step(nb, 0, "d")
    assert parse_numbers(text, "V_ball / V_cube") == [float(f"{ball_to_cube_volume_ratio(4):.3g}")]

    # Shell: ε = 0.10 → 0.11 at d = 10.
    text = _step(nb, 1, "ε")
    assert parse_numbers(text, "shell share") == [round(shell_fraction(10, 0.11), 3)]

    # Distances: d = 2 → 3; the histogram's query and the 20-query median.
    text = _step(nb, 2, "d")
    D = query_distances(3, n_points=1000, seed=3)[0]
    assert parse_numbers(text, "D_min") == [round(D.min(), 3), round(D.max(), 3)]
    median = distance_contrast(np.arange(1, 101), n_points=1000, n_queries=20, seed=0).contrast[2]
    assert parse_numbers(text, "median over 20 queries") == [round(median, 2)]

    # Samples for the same density: k = 10 → 9 per axis at d = 3.
    text = _step(nb, 3, "k", "ArrowLeft")
    assert parse_numbers(text, "samples k^d") == [samples_for_density(3, 9)]
