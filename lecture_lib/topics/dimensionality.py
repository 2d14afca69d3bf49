r"""The curse of dimensionality in four numbers.

* The ball inscribed in the unit cube (radius :math:`\tfrac12`) fills a share
  :math:`V_{ball} / V_{cube} = \pi^{d/2} / (2^d\,\Gamma(d/2 + 1))` of it, which goes to 0.
* A shell of relative thickness :math:`\varepsilon` holds a share
  :math:`1 - (1 - \varepsilon)^d` of the volume, which goes to 1.
* Distances from a query to random points concentrate: the relative contrast
  :math:`(D_{max} - D_{min}) / D_{min}` goes to 0, so "nearest" loses its meaning.
* Keeping :math:`k` samples per axis needs :math:`k^d` samples.

>>> from lecture_lib.topics.dimensionality import ball_to_cube_volume_ratio, shell_fraction
>>> round(float(ball_to_cube_volume_ratio(2)), 6), round(float(shell_fraction(10, 0.1)), 4)
(0.785398, 0.6513)
"""

from __future__ import annotations

from dataclasses import dataclass
from math import lgamma

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from .._validation import as_array, make_rng, positive_int, real_number
from ..i18n import tr


def _dims(d, name: str = "d"):
    """``d`` as an int (scalar input) or an int array; every entry must be >= 1."""
    if np.ndim(d) == 0 and not isinstance(d, (str, bytes)) and d is not None:
        return positive_int(d if not isinstance(d, np.integer) else int(d), name), True
    arr = as_array(d, name, ndim=1)
    if np.any(arr < 1) or np.any(arr != np.round(arr)):
        raise ValueError(tr("{name} must contain whole numbers >= 1, got {got}").format(
            name=name, got=arr.tolist()))
    return arr.astype(np.int64), False


def ball_to_cube_volume_ratio(d: int | ArrayLike) -> float | np.ndarray:
    r"""Share of the unit cube filled by its inscribed ball (radius :math:`\tfrac12`).

    .. math:: V_{ball} / V_{cube} = \pi^{d/2} / (2^d\,\Gamma(d/2 + 1))

    Computed as :math:`\exp(\tfrac d2 \ln\pi - d \ln 2 - \ln\Gamma(\tfrac d2 + 1))`, so it is
    exact and never overflows (it underflows quietly to 0 past a few hundred dimensions).
    ``d`` is an int or a 1-D array of ints (dimensions ≥ 1); the result is a float or an
    array of the same shape.
    """
    dims, scalar = _dims(d)
    log_ratio = np.array([0.5 * k * np.log(np.pi) - k * np.log(2.0) - lgamma(0.5 * k + 1.0)
                          for k in np.atleast_1d(dims)])
    ratio = np.exp(log_ratio)
    return float(ratio[0]) if scalar else ratio


def shell_fraction(d: int | ArrayLike, thickness: float) -> float | np.ndarray:
    r"""Share of a ball's (or cube's) volume within ``thickness`` of its surface.

    .. math:: 1 - (1 - \varepsilon)^d

    :math:`\varepsilon` = ``thickness`` is relative to the radius (half-width),
    :math:`0 \le \varepsilon \le 1`; computed as
    :math:`-\operatorname{expm1}(d \cdot \operatorname{log1p}(-\varepsilon))` for accuracy
    at small :math:`\varepsilon`.
    """
    dims, scalar = _dims(d)
    eps = real_number(thickness, "thickness", low=0.0, high=1.0)
    if eps == 1.0:  # noqa: SIM108 (the whole ball; log1p(-1) would be -inf)
        frac = np.ones(np.shape(dims))
    else:
        frac = -np.expm1(np.asarray(dims, dtype=float) * np.log1p(-eps))
    return float(frac) if scalar else frac


def samples_for_density(d: int | ArrayLike, per_axis: int) -> int | np.ndarray:
    r"""Samples needed to keep ``per_axis`` points along every axis: :math:`k^d`.

    An exact Python int for a scalar ``d``; a float array for an array of ``d``
    (``inf`` once :math:`k^d` passes the largest float, about :math:`1.8 \times 10^{308}`).
    """
    dims, scalar = _dims(d)
    k = positive_int(per_axis, "per_axis")
    if scalar:
        return k ** dims
    with np.errstate(over="ignore"):         # overflow to inf is the documented answer
        return np.power(float(k), dims.astype(float))


@dataclass(frozen=True)
class DistanceContrast:
    r"""Distances from random queries to random points in the unit cube, per dimension.

    Each attribute is a float for a scalar ``d``, an array over ``d`` otherwise.

    Attributes
    ----------
    d : int or ndarray of int
        The dimensions.
    contrast : float or ndarray
        Median over queries of :math:`(D_{max} - D_{min}) / D_{min}` (a median: in low
        :math:`d` one query that lands next to a point has a huge contrast and would
        dominate a mean).
    nearest, farthest : float or ndarray
        Mean over queries of :math:`D_{min}` and :math:`D_{max}`.
    ratio : float or ndarray
        Median over queries of :math:`D_{min} / D_{max}` (goes to 1).
    """

    d: int | np.ndarray
    contrast: float | np.ndarray
    nearest: float | np.ndarray
    farthest: float | np.ndarray
    ratio: float | np.ndarray


def _distances(d: int, n_points: int, n_queries: int, gen: np.random.Generator) -> np.ndarray:
    points = gen.uniform(size=(n_points, d))
    queries = gen.uniform(size=(n_queries, d))
    sq = ((queries ** 2).sum(1)[:, None] + (points ** 2).sum(1)[None, :]
          - 2.0 * queries @ points.T)
    return np.sqrt(np.maximum(sq, 0.0))


def query_distances(d: int, n_points: int = 1000, n_queries: int = 1, seed: int | None = 0,
                    rng: np.random.Generator | None = None) -> np.ndarray:
    r"""Distances :math:`\lVert q - x_i \rVert` from random queries to random points.

    Queries :math:`q` and points :math:`x_i` are uniform in the unit cube :math:`[0, 1]^d`
    (the same draw :func:`distance_contrast` makes).

    Parameters
    ----------
    d : int
        The dimension.
    n_points, n_queries : int
        Points and queries, uniform in the unit cube.
    seed, rng
        Source of randomness (``rng`` wins; ``seed=None``: fresh randomness).

    Returns
    -------
    ndarray, shape (n_queries, n_points)
        Row ``k`` holds the distances from query ``k``.
    """
    d = positive_int(d if not isinstance(d, np.integer) else int(d), "d")
    n_points = positive_int(n_points, "n_points", minimum=2)
    n_queries = positive_int(n_queries, "n_queries")
    return _distances(d, n_points, n_queries, make_rng(seed, rng))


def _contrast_one(d: int, n_points: int, n_queries: int, gen: np.random.Generator):
    dist = _distances(d, n_points, n_queries, gen)
    near, far = dist.min(axis=1), dist.max(axis=1)
    return np.median((far - near) / near), near.mean(), far.mean(), np.median(near / far)


def distance_contrast(d: int | Sequence[int], n_points: int = 1000, n_queries: int = 20, seed: int | None = 0,
                      rng: np.random.Generator | None = None) -> DistanceContrast:
    r"""Measure how alike nearest and farthest neighbours become as the dimension grows.

    For each query :math:`q` (uniform in :math:`[0, 1]^d`) and ``n_points`` random points
    :math:`x_i`, :math:`D_{min} = \min_i \lVert q - x_i \rVert`, :math:`D_{max} = \max_i
    \lVert q - x_i \rVert`, and the relative contrast is :math:`(D_{max} - D_{min}) / D_{min}`;
    the contrast and :math:`D_{min}/D_{max}` are medians over ``n_queries`` queries, the
    distances means. ``d`` is an int or a 1-D array of
    ints. With ``n_points`` fixed the contrast falls towards 0 as :math:`d` grows.

    Parameters
    ----------
    d : int or sequence of int
        The dimensions.
    n_points, n_queries : int
        Points and queries per dimension, uniform in the unit cube.
    seed, rng
        Source of randomness (``rng`` wins; ``seed=None``: fresh randomness).

    Returns
    -------
    DistanceContrast
    """
    dims, scalar = _dims(d)
    n_points = positive_int(n_points, "n_points", minimum=2)
    n_queries = positive_int(n_queries, "n_queries")
    gen = make_rng(seed, rng)
    rows = np.array([_contrast_one(int(k), n_points, n_queries, gen)
                     for k in np.atleast_1d(dims)])
    if scalar:
        return DistanceContrast(dims, *(float(v) for v in rows[0]))
    return DistanceContrast(dims, *rows.T)


# -- the readouts of the notebook's live figures ----------------------------------------

def describe_ball_in_cube(d: int, ratio: float) -> str:
    r"""Readout for dimension ``d``: the ball's share ``ratio`` of the cube and the distance
    :math:`\sqrt d / 2` from the centre to a corner, beside the ball's radius :math:`	frac12`."""
    return "\n".join([f"d = {d}", f"V_ball / V_cube = {ratio:.3g}",
                      tr("centre to corner = {corner:.2f}   (ball radius 0.5)").format(
                          corner=np.sqrt(d) / 2)])


def describe_shell(d: int, thickness: float, share: float) -> str:
    r"""Readout for dimension ``d`` and shell thickness :math:`\varepsilon`: the shell's share.

    Parameters
    ----------
    d : int
    thickness, share : float
        :math:`\varepsilon` and the shell's share :math:`1 - (1 - \varepsilon)^d`.

    Returns
    -------
    str
    """
    return (f"d = {d}   ε = {thickness:.2f}\n"
            + tr("shell share = {share:.3f}").format(share=share))


def describe_distances(d: int, distances: ArrayLike, median_contrast: float, n_queries: int) -> str:
    r"""Readout for the distances of one query in dimension ``d``: :math:`D_{min}`,
    :math:`D_{max}`, this query's relative contrast and the median contrast over
    ``n_queries`` queries (``median_contrast``, from :func:`distance_contrast`).

    Parameters
    ----------
    d : int
    distances : array_like, shape (n_points,)
        The query's distances :math:`D_i` (a row of :func:`query_distances`).
    median_contrast : float
    n_queries : int

    Returns
    -------
    str
    """
    D = np.asarray(distances)
    near, far = D.min(), D.max()
    return "\n".join([
        f"d = {d}", f"D_min = {near:.3f}   D_max = {far:.3f}",
        tr("(D_max - D_min) / D_min = {contrast:.2f}   (this query)").format(
            contrast=(far - near) / near),
        tr("median over {n} queries = {median:.2f}").format(n=n_queries, median=median_contrast)])


def describe_density(per_axis: int, d: int, samples: float) -> str:
    r"""Readout for ``per_axis`` = :math:`k` points per axis in dimension ``d``: :math:`k^d`.

    Parameters
    ----------
    per_axis, d : int
    samples : float
        :math:`k^d` (from :func:`samples_for_density`).

    Returns
    -------
    str
    """
    return "\n".join([tr("k = {k} per axis   d = {d}").format(k=per_axis, d=d),
                      tr("samples k^d = {samples:.3g}").format(samples=float(samples))])
