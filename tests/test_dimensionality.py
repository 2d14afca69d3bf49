"""Tests for lecture_lib.topics.dimensionality."""

import doctest
from math import gamma, pi

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lecture_lib.i18n import set_language
from lecture_lib.topics import dimensionality as dim_module
from lecture_lib.topics.dimensionality import (ball_to_cube_volume_ratio, describe_ball_in_cube,
                                               describe_density, describe_distances,
                                               describe_shell, distance_contrast,
                                               query_distances, samples_for_density,
                                               shell_fraction)


def test_doctests():
    assert doctest.testmod(dim_module).failed == 0


def test_ball_ratio_known_values():
    assert ball_to_cube_volume_ratio(1) == pytest.approx(1.0)
    assert ball_to_cube_volume_ratio(2) == pytest.approx(pi / 4)
    assert ball_to_cube_volume_ratio(3) == pytest.approx(pi / 6)
    assert ball_to_cube_volume_ratio(4) == pytest.approx(pi ** 2 / 32)


@given(st.integers(1, 150))
def test_ball_ratio_matches_gamma_formula(d):
    exact = pi ** (d / 2) / (2 ** d * gamma(d / 2 + 1))
    assert ball_to_cube_volume_ratio(d) == pytest.approx(exact, rel=1e-10)


def test_ball_ratio_falls_to_zero():
    r = ball_to_cube_volume_ratio(np.arange(1, 150))
    assert r.shape == (149,)
    assert np.all(np.diff(r) < 0)
    assert r[19] < 3e-8 and r[-1] < 1e-100
    assert ball_to_cube_volume_ratio(5000) == 0.0          # underflows quietly, no warning


@given(st.integers(1, 500), st.floats(0.0, 1.0))
def test_shell_fraction_formula_and_range(d, eps):
    f = shell_fraction(d, eps)
    assert 0.0 <= f <= 1.0
    assert f == pytest.approx(1.0 - (1.0 - eps) ** d, abs=1e-12)


def test_shell_fraction_values_and_trend():
    assert shell_fraction(1, 0.1) == pytest.approx(0.1)
    assert shell_fraction(2, 0.5) == pytest.approx(0.75)
    assert shell_fraction(3, 1.0) == 1.0
    assert shell_fraction(7, 0.0) == 0.0
    assert shell_fraction(1, 1e-12) == pytest.approx(1e-12, rel=1e-9)  # accurate at tiny ε
    f = shell_fraction(np.arange(1, 500), 0.01)
    assert np.all(np.diff(f) > 0) and f[-1] > 0.99


def test_samples_for_density():
    assert samples_for_density(3, 10) == 1000
    assert samples_for_density(40, 10) == 10 ** 40               # exact int
    assert isinstance(samples_for_density(40, 10), int)
    arr = samples_for_density([1, 2, 20, 400], 10)
    np.testing.assert_allclose(arr[:3], [10.0, 100.0, 1e20])
    assert arr[3] == np.inf


def test_distance_contrast_falls_with_dimension():
    r = distance_contrast([1, 2, 5, 10, 50, 200], n_points=500, seed=0)
    assert np.all(np.diff(r.contrast) < 0)
    assert np.all(np.diff(r.ratio) > 0)
    assert r.contrast[-1] < 0.5 < 5 < r.contrast[0]
    assert np.all(r.nearest < r.farthest)
    # the farthest corner of the unit cube is sqrt(d) away
    assert np.all(r.farthest <= np.sqrt(r.d))


def test_distance_contrast_matches_brute_force():
    r = distance_contrast(4, n_points=50, n_queries=3, seed=2)
    gen = np.random.default_rng(2)
    points, queries = gen.uniform(size=(50, 4)), gen.uniform(size=(3, 4))
    dist = np.linalg.norm(queries[:, None, :] - points[None, :, :], axis=2)
    near, far = dist.min(1), dist.max(1)
    assert r.contrast == pytest.approx(np.median((far - near) / near))
    assert r.nearest == pytest.approx(near.mean())
    assert r.farthest == pytest.approx(far.mean())
    assert r.ratio == pytest.approx(np.median(near / far))
    assert isinstance(r.contrast, float) and r.d == 4


def test_distance_contrast_is_a_median_not_led_by_one_query():
    # in d = 1 a query that lands next to a point has a huge contrast; the median ignores it
    dist = query_distances(1, n_points=1000, n_queries=20, seed=0)
    per_query = (dist.max(1) - dist.min(1)) / dist.min(1)
    r = distance_contrast(1, n_points=1000, n_queries=20, seed=0)
    assert r.contrast == pytest.approx(np.median(per_query))
    assert per_query.max() > 10 * r.contrast and per_query.mean() > 2 * r.contrast


def test_distance_contrast_deterministic():
    a = distance_contrast([3, 30], seed=5)
    b = distance_contrast([3, 30], rng=np.random.default_rng(5))
    np.testing.assert_array_equal(a.contrast, b.contrast)
    assert not np.array_equal(a.contrast, distance_contrast([3, 30], seed=6).contrast)


@pytest.mark.parametrize("func", [ball_to_cube_volume_ratio,
                                  lambda d: shell_fraction(d, 0.1),
                                  lambda d: samples_for_density(d, 10),
                                  distance_contrast])
@pytest.mark.parametrize("d, err", [(0, ValueError), (-3, ValueError), (2.5, TypeError),
                                    (True, TypeError), ("3", TypeError), (None, TypeError),
                                    ([1, 0], ValueError), ([1.5], ValueError),
                                    ([], ValueError), ([[1, 2]], ValueError)])
def test_bad_dimensions(func, d, err):
    with pytest.raises(err, match="d"):
        func(d)


@pytest.mark.parametrize("call, err, match", [
    (lambda: shell_fraction(3, -0.1), ValueError, "thickness"),
    (lambda: shell_fraction(3, 1.5), ValueError, "thickness"),
    (lambda: shell_fraction(3, "thin"), TypeError, "thickness"),
    (lambda: samples_for_density(3, 0), ValueError, "per_axis"),
    (lambda: samples_for_density(3, 2.0), TypeError, "per_axis"),
    (lambda: distance_contrast(3, n_points=1), ValueError, "n_points"),
    (lambda: distance_contrast(3, n_queries=0), ValueError, "n_queries"),
    (lambda: distance_contrast(3, seed=0.5), TypeError, "seed"),
])
def test_bad_arguments(call, err, match):
    with pytest.raises(err, match=match):
        call()


def test_query_distances_are_the_draw_distance_contrast_summarises():
    dist = query_distances(6, n_points=300, n_queries=4, seed=3)
    assert dist.shape == (4, 300) and np.all(dist >= 0.0)
    r = distance_contrast(6, n_points=300, n_queries=4, seed=3)
    near, far = dist.min(axis=1), dist.max(axis=1)
    assert r.contrast == pytest.approx(np.median((far - near) / near))
    gen = np.random.default_rng(3)
    points, query = gen.uniform(size=(300, 6)), gen.uniform(size=(4, 6))
    np.testing.assert_allclose(dist, np.linalg.norm(query[:, None] - points[None], axis=2))
    np.testing.assert_array_equal(query_distances(np.int64(6), 300, 4, seed=3), dist)


@pytest.mark.parametrize("call, err, match", [
    (lambda: query_distances(0), ValueError, "d"),
    (lambda: query_distances(2.5), TypeError, "d"),
    (lambda: query_distances(3, n_points=1), ValueError, "n_points"),
    (lambda: query_distances(3, n_queries=0), ValueError, "n_queries"),
])
def test_query_distances_bad_arguments(call, err, match):
    with pytest.raises(err, match=match):
        call()


# ----- the readouts of the live figures -----

def test_readouts_give_the_numbers_of_each_figure():
    assert describe_ball_in_cube(4, ball_to_cube_volume_ratio(4)) == (
        "d = 4\nV_ball / V_cube = 0.308\ncentre to corner = 1.00   (ball radius 0.5)")
    assert describe_shell(10, 0.1, shell_fraction(10, 0.1)) == "d = 10   ε = 0.10\nshell share = 0.651"
    assert describe_distances(3, [0.5, 1.0, 2.0], 4.321, n_queries=20) == (
        "d = 3\nD_min = 0.500   D_max = 2.000\n(D_max - D_min) / D_min = 3.00   (this query)\n"
        "median over 20 queries = 4.32")
    assert describe_density(9, 3, samples_for_density(3, 9)) == "k = 9 per axis   d = 3\nsamples k^d = 729"


def test_readouts_in_spanish_keep_their_numbers():
    try:
        set_language("es")
        texts = [describe_ball_in_cube(4, ball_to_cube_volume_ratio(4)),
                 describe_shell(10, 0.1, shell_fraction(10, 0.1)),
                 describe_distances(3, [0.5, 1.0, 2.0], 4.321, n_queries=20),
                 describe_density(9, 3, samples_for_density(3, 9))]
    finally:
        set_language("en")
    assert texts[0].splitlines()[1:] == ["V_ball / V_cube = 0.308",
                                         "del centro a una esquina = 1.00   (radio de la bola 0.5)"]
    assert texts[1].endswith("\nfracción en la cáscara = 0.651")
    assert texts[2].splitlines()[2:] == ["(D_max - D_min) / D_min = 3.00   (esta consulta)",
                                         "mediana de 20 consultas = 4.32"]
    assert texts[3] == "k = 9 por eje   d = 3\nmuestras k^d = 729"

