r"""Universal approximation, built up from pieces: ramps, sigmoids, ReLUs and least squares.

A piecewise-linear curve through points :math:`(x_0, y_0), \dots, (x_K, y_K)` (flat
outside :math:`[x_0, x_K]`) is a constant plus one *hard sigmoid* (a ramp) per piece:

.. math::  y(x) = y_0 + \sum_{k=1}^{K} (y_k - y_{k-1})\,
           \mathrm{clip}\!\left(\frac{x - x_{k-1}}{x_k - x_{k-1}}, 0, 1\right),

and each ramp is the difference of two ReLUs. A shallow ReLU network with enough
hidden units can therefore follow any continuous function on an interval as closely
as we like. :func:`fit_shallow_relu` shows it: the first layer is fixed (joints
evenly spaced over the interval) and the output layer is fitted by least squares.

>>> import numpy as np
>>> from lecture_lib.topics.approximation import hard_sigmoid_unit, relu_sum, two_relus
>>> x = np.linspace(-5, 5, 11)
>>> bool(np.allclose(hard_sigmoid_unit(x, 2.0, 1.0, 1.5), relu_sum(x, two_relus(2.0, 1.0, 1.5))))
True
"""

from __future__ import annotations

from functools import lru_cache

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from .. import activations
from ..i18n import tr
from .._validation import as_array, as_interval, choice, number_text, positive_int, real_number
from ..networks import Network
from ..shallow import fit_relu_output, least_squares_coef, relu_design

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


def describe_ramps(constant: float, ramps: Sequence[tuple[float, float, float]]) -> str:
    """Readout text: the constant and each ramp's start, end and height, one per line."""
    lines = [tr("constant = {value}").format(value=number_text(constant))]
    lines += [tr("ramp {k}: from x = {start} to x = {end}, height = {height}").format(
                  k=k, start=number_text(a), end=number_text(e), height=number_text(h))
              for k, (a, e, h) in enumerate(ramps, start=1)]
    return "\n".join(lines)


def describe_unit(c: float, b: float, w: float) -> str:
    """Readout text for :math:`c\\,\\sigma(b + wx)`: midpoint, height and its two ReLUs.

    Parameters
    ----------
    c, b, w : float
        Output weight (height), bias and input weight of the unit.

    Returns
    -------
    str
    """
    lines = [tr("height c = {value}").format(value=number_text(c)),
             tr("midpoint x = -b/w = {value}").format(value=number_text(-b / w)) if w != 0
             else tr("midpoint x = none (w = 0)")]
    for k, (v, bk, wk) in enumerate(two_relus(c, b, w), start=1):
        joint = number_text(-bk / wk) if wk != 0 else tr("none")
        lines.append(tr("ReLU {k}: weight = {weight}, joint x = {joint}").format(
            k=k, weight=number_text(v), joint=joint))
    return "\n".join(lines)


def describe_fit(name: str, n_hidden: int, error: float) -> str:
    """Readout text for the fitted network: target, units, parameters (all and fitted), error.

    Parameters
    ----------
    name : str
        A key of ``TARGETS``.
    n_hidden : int
        Number of hidden units.
    error : float
        The largest error :math:`\\max_x |f(x) - F(x)|`.

    Returns
    -------
    str
    """
    name, n = choice(name, "target", TARGETS), positive_int(n_hidden, "n_hidden")
    return "\n".join([
        tr("target f(x) = {formula}").format(formula=TARGET_FORMULAS[name]),
        tr("hidden units n = {n}").format(n=n),
        tr("parameters 3n + 1 = {count}").format(count=3 * n + 1),
        tr("fitted (output layer) = {count}").format(count=n + 1),
        tr("max error = {error}").format(error=f"{real_number(error, 'error'):.3f}")])


def describe_ramps_check(worst: float, n_curves: int) -> str:
    """The largest difference between curve and constant + ramps over ``n_curves`` random curves."""
    return tr("largest difference between curve and constant + ramps over {n} random curves: "
              "{worst}").format(n=n_curves, worst=f"{real_number(worst, 'worst'):.1e}")


def describe_relus_check(worst: float, n_units: int) -> str:
    """The largest difference between a hard sigmoid and its two ReLUs over ``n_units`` random units."""
    return tr("largest |c·h(b + wx) − (two ReLUs)| over {n} random (c, b, w): {worst}").format(
        n=n_units, worst=f"{real_number(worst, 'worst'):.1e}")
