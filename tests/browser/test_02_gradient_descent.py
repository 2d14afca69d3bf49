"""Notebook 02 in a real browser: learning rate, start, batch size and optimisers move the paths."""

import numpy as np
from labdriver import parse_numbers

from lecture_lib.topics.descent import (descent_path, regime, sgd_path, two_basin_path,
                                        two_basin_tilts)
from lecture_lib.fitting import curvature_w, least_squares, line_data, mse_objective
from lecture_lib.training import GD, SGD, Adam, Momentum

X, Y = line_data(n_samples=20, w=0.8, b=1.0, noise=0.4, seed=3)
W_STAR, B_STAR = least_squares(X, Y)
LOSS_WB = mse_objective(X, Y)


def _changes(nb, figure, label, key="ArrowRight"):
    """Press ``key`` on a slider; return the new readout after checking the picture changed."""
    text, picture = nb.readout(figure), nb.image_bytes(figure)
    nb.press(figure, label, key)
    text = nb.wait_readout_change(figure, text)
    assert nb.image_bytes(figure) != picture
    return text


def test_descent_figures_follow_their_controls(open_notebook):
    nb = open_notebook("02_gradient_descent.ipynb")
    nb.run_all(n_figures=5)

    # Figure 0: the learning rate; typing η = 0.25 crosses 2/L'' and the run diverges.
    curvature, text = curvature_w(X), nb.readout(0)
    assert parse_numbers(text, "regime") == [] and "regime = slow" in text
    picture = nb.image_bytes(0)
    nb.type_value(0, "η", 0.25)
    text = nb.wait_readout_change(0, text)
    assert nb.image_bytes(0) != picture
    assert "regime = " + regime(0.25, curvature) in text and "diverging" in text
    path = descent_path(mse_objective(X, Y, b=B_STAR), [-1.0], GD(0.25), 15)
    assert parse_numbers(text, "w(15)") == [round(path.params[-1, 0], 3)]

    # Figure 1: one step right on w⁽⁰⁾ (2.2 → 2.3) moves the whole path.
    text = _changes(nb, 1, "w⁽⁰⁾")
    path = descent_path(LOSS_WB, [2.3, 3.5], GD(0.05), 40)
    assert parse_numbers(text, "w(40)") == [round(path.params[-1, 0], 3)]
    assert parse_numbers(text, "b(40)") == [round(path.params[-1, 1], 3)]

    # Figure 2: batch 4 → 5 gives 4 updates per epoch.
    text = _changes(nb, 2, "|B|")
    path = sgd_path(X, Y, SGD(0.05), (2.2, 3.5), 5, 5, seed=0)
    assert parse_numbers(text, "updates per epoch") == [4]
    assert parse_numbers(text, "total updates") == [path.n_updates]
    assert parse_numbers(text, "L") == [round(path.loss[-1], 4)]

    # Figure 3, two basins: full batch at η = 0.03 stays right; batch 20 → 19 still does,
    # and typing batch 1 shakes the path into the deeper, left basin.
    assert "basin = right" in nb.readout(3)
    text = _changes(nb, 3, "|B|", key="ArrowLeft")
    path = two_basin_path(two_basin_tilts(), 2.0, 0.03, 150, 19, seed=0)
    assert parse_numbers(text, "w(150)") == [round(path.params[-1, 0], 3)]
    nb.type_value(3, "|B|", 1)
    text = nb.wait_readout_change(3, text)
    assert "basin = left" in text

    # Figure 4: β 0.80 → 0.85 changes only the momentum path.
    text = _changes(nb, 4, "β")
    losses = [descent_path(LOSS_WB, [2.2, 3.5], opt, 40).loss[-1]
              for opt in (GD(0.03), Momentum(0.03, beta=0.85), Adam(0.1))]
    assert parse_numbers(text, "L(Momentum)") == [round(losses[1], 4)]
    assert parse_numbers(text, "L(GD)") == [round(losses[0], 4)]
    assert np.isfinite(parse_numbers(text, "L(Adam)")[0])
