"""Universal approximation, the numerics: ramps, sigmoid and ReLU units, the least-squares fits."""

from __future__ import annotations

from functools import lru_cache

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from ... import activations
from ...i18n import tr
from ..._validation import as_array, as_interval, choice, positive_int, real_number
from ...networks import Network
from ...shallow import fit_relu_output, least_squares_coef, relu_design

INTERVAL = (-3.0, 3.0)
TARGETS = {
    "wave": lambda x: np.sin(2.0 * x) + 0.3 * x,
    "steep": lambda x: np.tanh(4.0 * x),
    "root": lambda x: np.sqrt(np.abs(x)) - 1.0,
}
TARGET_FORMULAS = {"wave": "sin(2x) + 0.3x", "steep": "tanh(4x)", "root": "√|x| − 1"}


def sigmoid_unit(x: ArrayLike, c: float, b: float, w: float) -> np.ndarray:
    r"""One sigmoid hidden unit with its output weight: :math:`c\,\sigma(b + wx)`.

    ``c`` sets the height, ``w`` the steepness (its sign the direction) and the unit
    is halfway up at :math:`x = -b/w`.

    Parameters
    ----------
    x : array_like
    c, b, w : float
        Output weight (height), bias and input weight of the unit.

    Returns
    -------
    ndarray, shaped like ``x``
    """
    x = as_array(x, "x", allow_empty=True)
    c, b, w = (real_number(v, k) for v, k in ((c, "c"), (b, "b"), (w, "w")))
    return c * activations.sigmoid(b + w * x)


def hard_sigmoid_unit(x: ArrayLike, c: float, b: float, w: float) -> np.ndarray:
    r"""The piecewise-linear version :math:`c\,h(b + wx)`, :math:`h(z) = \mathrm{clip}(0.2z + 0.5, 0, 1)`.

    ``h`` is :func:`lecture_lib.activations.hard_sigmoid`: 0 for :math:`z \le -2.5`, 1 for
    :math:`z \ge 2.5`, a straight ramp in between.

    Parameters
    ----------
    x : array_like
    c, b, w : float
        Output weight (height), bias and input weight of the unit.

    Returns
    -------
    ndarray, shaped like ``x``
    """
    x = as_array(x, "x", allow_empty=True)
    c, b, w = (real_number(v, k) for v, k in ((c, "c"), (b, "b"), (w, "w")))
    return c * activations.hard_sigmoid(b + w * x)


def two_relus(c: float, b: float, w: float) -> list[tuple[float, float, float]]:
    r"""The two ReLU units whose sum is :math:`c\,h(b + wx)`, as ``(v, b_k, w_k)`` triples.

    .. math::  c\,h(b + wx) = 0.2c\,\mathrm{relu}(b + 2.5 + wx) - 0.2c\,\mathrm{relu}(b - 2.5 + wx)

    The first switches the ramp on, the second (with the opposite sign) flattens it.

    Parameters
    ----------
    c, b, w : float
        Output weight (height), bias and input weight of the unit.

    Returns
    -------
    list of (float, float, float)
    """
    c, b, w = (real_number(v, k) for v, k in ((c, "c"), (b, "b"), (w, "w")))
    return [(0.2 * c, b + 2.5, w), (-0.2 * c, b - 2.5, w)]


def relu_sum(x: ArrayLike, units: Sequence[tuple[float, float, float]]) -> np.ndarray:
    r""":math:`\sum_k v_k\,\mathrm{relu}(b_k + w_k x)` for ``units`` = ``[(v_k, b_k, w_k), ...]``."""
    x = as_array(x, "x", allow_empty=True)
    total = np.zeros_like(x)
    for i, unit in enumerate(units):
        if len(unit) != 3:
            raise ValueError(tr("units[{i}] must be a (v, b, w) triple, got {unit!r}").format(
                i=i, unit=unit))
        v, b, w = (real_number(u, f"units[{i}]") for u in unit)
        total += v * np.maximum(b + w * x, 0.0)
    return total


def ramps_from_points(xs: ArrayLike, ys: ArrayLike) -> tuple[float, list[tuple[float, float, float]]]:
    r"""Write the curve through ``(xs, ys)`` as a constant plus hard sigmoids.

    Returns ``(y_0, [(x_{k-1}, x_k, y_k - y_{k-1}), ...])``: the constant and, for each
    piece, the ramp's start, end and height.
    """
    xs = as_array(xs, "xs", ndim=1)
    ys = as_array(ys, "ys", ndim=1)
    if xs.size < 2 or ys.size != xs.size:
        raise ValueError(tr("xs and ys must have the same length ≥ 2, got {nx} and {ny}").format(
            nx=xs.size, ny=ys.size))
    if np.any(np.diff(xs) <= 0):
        raise ValueError(tr("xs must be strictly increasing"))
    steps = np.diff(ys)
    return float(ys[0]), [(float(a), float(e), float(h))
                          for a, e, h in zip(xs[:-1], xs[1:], steps)]


def ramp(x: ArrayLike, start: float, end: float, height: float) -> np.ndarray:
    r"""A hard sigmoid from 0 at ``start`` to ``height`` at ``end``:
    :math:`h\,\mathrm{clip}(\frac{x - a}{e - a}, 0, 1)`.

    Parameters
    ----------
    x : array_like
    start, end : float
        Where the ramp leaves 0 and reaches ``height`` (``start < end``).
    height : float

    Returns
    -------
    ndarray, shaped like ``x``
    """
    x = as_array(x, "x", allow_empty=True)
    start, end = real_number(start, "start"), real_number(end, "end")
    if not end > start:
        raise ValueError(tr("end must be > start, got start={start}, end={end}").format(
            start=start, end=end))
    return real_number(height, "height") * np.clip((x - start) / (end - start), 0.0, 1.0)


def evaluate_ramps(x: ArrayLike, constant: float, ramps: Sequence[tuple[float, float, float]]) -> np.ndarray:
    """``constant`` plus the sum of the ``ramps`` (as returned by :func:`ramps_from_points`).

    Parameters
    ----------
    x : array_like
    constant : float
    ramps : list of (start, end, height)

    Returns
    -------
    ndarray, shaped like ``x``
    """
    x = as_array(x, "x", allow_empty=True)
    return real_number(constant, "constant") + sum((ramp(x, *r) for r in ramps),
                                                   np.zeros_like(x))


def joints_evenly_spaced(n_hidden: int, interval: tuple[float, float] = INTERVAL) -> np.ndarray:
    """The fixed first layer's joints :math:`t_k = a + k\\,(e - a)/n`, k = 0 … n − 1."""
    n = positive_int(n_hidden, "n_hidden")
    a, e = as_interval(interval, "interval")
    return a + (e - a) * np.arange(n) / n


def fit_shallow_relu(x: ArrayLike, y: ArrayLike, n_hidden: int, interval: tuple[float, float] = INTERVAL) -> Network:
    r"""A 1-input ReLU network fitted to ``(x, y)`` with its first layer fixed.

    Hidden unit k is :math:`\mathrm{relu}(x - t_k)` with the joints of
    :func:`joints_evenly_spaced`; the output weights :math:`v_k` and bias :math:`c` of
    :math:`F(x) = c + \sum_k v_k\,\mathrm{relu}(x - t_k)` minimise
    :math:`\sum_i (F(x_i) - y_i)^2` (linear least squares,
    :func:`lecture_lib.shallow.fit_relu_output`).

    Parameters
    ----------
    x, y : array_like, shape (n_samples,)
    n_hidden : int
        Number of hidden units.
    interval : (float, float)
        Where the joints are spread.

    Returns
    -------
    Network
    """
    t = joints_evenly_spaced(n_hidden, interval)
    return fit_relu_output(x, y, t)


def target(name: str, x: ArrayLike) -> np.ndarray:
    """One of the continuous target functions ``TARGETS`` ("wave", "steep", "root") at ``x``."""
    return TARGETS[choice(name, "target", TARGETS)](as_array(x, "x", allow_empty=True))


def approximation_error(name: str, n_hidden: int, n_points: int = 601,
                        interval: tuple[float, float] = INTERVAL) -> float:
    r"""Largest error :math:`\max_x |f(x) - F(x)|` of the fitted network over the interval.

    ``f`` is ``TARGETS[name]``; the fit and the error use ``n_points`` evenly spaced x.

    Parameters
    ----------
    name : str
        A key of ``TARGETS``.
    n_hidden : int
        Number of hidden units.
    n_points : int
        Evenly spaced x of the fit and of the error.
    interval : (float, float)

    Returns
    -------
    float
    """
    a, e = as_interval(interval, "interval")
    return _error(choice(name, "target", TARGETS), positive_int(n_hidden, "n_hidden"),
                  positive_int(n_points, "n_points", minimum=2), a, e)


@lru_cache(maxsize=512)
def _error(name, n_hidden, n_points, a, e) -> float:
    """Cached: the notebook's figure, table and check ask for the same fits."""
    x = np.linspace(a, e, n_points)
    y = TARGETS[name](x)
    design = relu_design(x, joints_evenly_spaced(n_hidden, (a, e)))
    return float(np.max(np.abs(design @ least_squares_coef(design, y) - y)))
