"""Tests for notebook 02's two-basin loss and the Hessian of the line's MSE (lecture_lib.topics.descent)."""

import numpy as np
import pytest

from lecture_lib.fitting import curvature_w, error_surface, line_data
from lecture_lib.topics.descent import (TWO_BASINS, describe_two_basins, hessian_line,
                                        two_basin_critical_points, two_basin_loss,
                                        two_basin_path, two_basin_tilts)

TILTS = two_basin_tilts()


def test_hessian_of_the_line_mse_and_its_thresholds():
    x, y = line_data(n_samples=20, w=0.8, b=1.0, noise=0.4, seed=3)
    H = hessian_line(x)
    assert H[0, 0] == pytest.approx(curvature_w(x)) and H[1, 1] == pytest.approx(2.0)
    # against second differences of the MSE surface
    w0, b0, e = 0.3, 0.7, 1e-3
    def L(w, b):
        return error_surface(x, y, np.array([w]), np.array([b]))[0, 0]

    d_wb = (L(w0 + e, b0 + e) - L(w0 + e, b0 - e) - L(w0 - e, b0 + e) + L(w0 - e, b0 - e)) / (4 * e * e)
    assert d_wb == pytest.approx(H[0, 1], rel=1e-5)
    lam = np.linalg.eigvalsh(H)
    assert 2 / lam.max() == pytest.approx(0.191, abs=1e-3)   # the 2-D threshold of notebook 02
    assert 2 / H[0, 0] == pytest.approx(0.226, abs=1e-3)     # the 1-D one, b held fixed


def test_tilts_have_the_asked_mean_and_spread():
    assert TILTS.shape == (TWO_BASINS["n_samples"],)
    assert TILTS.mean() == pytest.approx(1.0) and TILTS.std() == pytest.approx(10.0)
    assert np.array_equal(two_basin_tilts(seed=0), TILTS)


def test_critical_points_are_where_the_slope_vanishes():
    left, barrier, right = two_basin_critical_points(TILTS)
    for w in (left, barrier, right):
        assert 4 * w * (w * w - 1) + TILTS.mean() == pytest.approx(0.0, abs=1e-10)
    L = two_basin_loss(np.array([left, barrier, right]), TILTS)
    assert L[0] < L[2] < L[1]                    # the left basin is the deeper one
    with pytest.raises(ValueError, match="one basin"):
        two_basin_critical_points(two_basin_tilts(tilt=5.0))


def test_learning_rate_and_batch_noise_decide_the_basin():
    left, barrier, right = two_basin_critical_points(TILTS)
    gd_small = two_basin_path(TILTS, 2.0, 0.03, 150, batch_size=20)
    assert gd_small.params[-1, 0] == pytest.approx(right, abs=1e-6)
    gd_large = two_basin_path(TILTS, 2.0, 0.07, 150, batch_size=20)
    assert gd_large.params[-1, 0] == pytest.approx(left, abs=1e-6)
    for seed in range(10):                        # SGD noise shakes it out of the shallow basin
        assert two_basin_path(TILTS, 2.0, 0.03, 150, batch_size=1, seed=seed).params[-1, 0] < barrier
    assert two_basin_path(TILTS, 2.0, 0.19, 150, batch_size=20).diverged


def test_full_batch_path_is_gradient_descent_on_the_full_loss():
    path = two_basin_path(TILTS, 1.5, 0.02, 5, batch_size=20)
    w = 1.5
    for t in range(5):
        w -= 0.02 * (4 * w * (w * w - 1) + TILTS.mean())
        assert path.params[t + 1, 0] == pytest.approx(w)
    np.testing.assert_allclose(path.loss, two_basin_loss(path.params[:, 0], TILTS))


def test_readout_and_bad_input():
    text = describe_two_basins(two_basin_path(TILTS, 2.0, 0.03, 150, 20), TILTS)
    assert text == "w(150) = 0.838\nbasin = right, the shallower one (w* = 0.84)\nL = 0.927"
    assert "diverged" in describe_two_basins(two_basin_path(TILTS, 2.0, 0.19, 150, 20), TILTS)
    with pytest.raises(ValueError, match="batch_size"):
        two_basin_path(TILTS, 2.0, 0.03, 10, batch_size=21)
    with pytest.raises(ValueError, match="eta"):
        two_basin_path(TILTS, 2.0, 0.0, 10, batch_size=1)
