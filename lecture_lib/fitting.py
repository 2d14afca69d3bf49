r"""Fitting the linear model :math:`\hat y = b + wx` to data: loss, error surface, least squares.

The lecture's recipe (Hung-yi Lee, lecture 1) has three steps: a function with unknown
parameters, :math:`\hat y = b + wx`; a loss computed from training data,

.. math::  L(b, w) = \frac{1}{N}\sum_{i=1}^N (\hat y_i - y_i)^2 \quad\text{(MSE)}, \qquad
           L(b, w) = \frac{1}{N}\sum_{i=1}^N |\hat y_i - y_i| \quad\text{(MAE)};

and optimisation, :math:`w^*, b^* = \arg\min_{w, b} L`. The loss is a function of the
*parameters* (the data are fixed); drawn over a grid of :math:`(w, b)` it is the
*error surface*.

Shapes: ``x`` and ``y`` are 1-D ``(n,)`` or one column ``(n, 1)``, read as one number per
sample (see :func:`lecture_lib._validation.as_xy`); what comes back per sample is 1-D.
The exact line fits :func:`least_squares` (MSE, closed form) and :func:`fit_line` (MSE or
the exact MAE line) live in :mod:`lecture_lib.line_fit` and are importable from here.

>>> import numpy as np
>>> from lecture_lib.fitting import least_squares, surface_minimum
>>> x, y = np.array([0.0, 1.0, 2.0]), np.array([1.0, 3.0, 5.0])
>>> least_squares(x, y)
(2.0, 1.0)
>>> w, b, _ = surface_minimum(x, y, np.linspace(0, 4, 41), np.linspace(-1, 3, 41))
>>> round(w, 6), round(b, 6)
(2.0, 1.0)
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from ._validation import as_array, as_xy, choice, make_rng, positive_int, real_number
from .i18n import tr
from .line_fit import LOSSES, best_intercept, fit_line, least_squares

__all__ = ["LOSSES", "PRACTICE_X", "PRACTICE_Y", "as_xy", "line_data", "linear_loss",
           "mse_gradient", "error_surface", "surface_minimum", "least_squares",
           "best_intercept", "fit_line", "mse_objective", "curvature_w"]

#: Five points for the practice figure of notebook 00 (roughly on a line).
PRACTICE_X = np.array([0.0, 1.0, 2.0, 3.0, 4.0])
PRACTICE_Y = np.array([1.1, 1.9, 3.2, 3.8, 5.0])


def line_data(n_samples: int = 20, w: float = 0.8, b: float = 1.0, noise: float = 0.4,
              x_range: tuple[float, float] = (0.0, 4.0), seed: int | None = 0,
              rng: np.random.Generator | None = None) -> tuple[np.ndarray, np.ndarray]:
    r"""Noisy samples of a straight line, :math:`y = f(x) + ε` with :math:`f(x) = b + wx`.

    ``x`` is uniform on ``x_range`` and :math:`ε \sim \mathcal N(0, \mathrm{noise}^2)`.

    Parameters
    ----------
    n_samples : int
    w, b : float
        Slope and intercept of the true line.
    noise : float
        Standard deviation σ of the noise (≥ 0).
    x_range : (float, float)
        Interval of the uniform inputs.
    seed, rng
        Source of randomness (``rng`` wins; ``seed=None``: fresh randomness).

    Returns
    -------
    x, y : ndarray, shape (n_samples,)
    """
    n = positive_int(n_samples, "n_samples")
    w, b = real_number(w, "w"), real_number(b, "b")
    noise = real_number(noise, "noise", low=0.0)
    lo, hi = (real_number(v, "x_range") for v in x_range)
    if not lo < hi:
        raise ValueError(tr("x_range must be (low, high) with low < high, got {got}").format(
            got=x_range))
    gen = make_rng(seed, rng)
    x = gen.uniform(lo, hi, n)
    return x, b + w * x + noise * gen.standard_normal(n)


def linear_loss(x: ArrayLike, y: ArrayLike, w: float, b: float, loss: str = "mse") -> float:
    r"""The loss of :math:`\hat y = b + wx` on the data: MSE or MAE (see the module formula).

    Parameters
    ----------
    x, y : array_like, shape (n,) or (n, 1)
        Inputs and targets, one number per sample.
    w, b : float
        Slope and intercept.
    loss : {"mse", "mae"}

    Returns
    -------
    float
    """
    x, y = as_xy(x, y)
    residual = real_number(b, "b") + real_number(w, "w") * x - y
    if choice(loss, "loss", LOSSES) == "mse":
        return float(np.mean(residual * residual))
    return float(np.mean(np.abs(residual)))


def mse_gradient(x: ArrayLike, y: ArrayLike, w: float, b: float) -> tuple[float, float, float]:
    r"""MSE and its gradient for :math:`\hat y = b + wx`: ``(L, dL/dw, dL/db)``.

    .. math::  \frac{\partial L}{\partial w} = \frac{2}{N}\sum_i (b + wx_i - y_i)\,x_i, \qquad
               \frac{\partial L}{\partial b} = \frac{2}{N}\sum_i (b + wx_i - y_i).

    Parameters
    ----------
    x, y : array_like, shape (n,) or (n, 1)
        Inputs and targets, one number per sample.
    w, b : float
        Slope and intercept.

    Returns
    -------
    (float, float, float)
    """
    x, y = as_xy(x, y)
    r = b + w * x - y
    return float(np.mean(r * r)), float(2.0 * np.mean(r * x)), float(2.0 * np.mean(r))


def error_surface(x: ArrayLike, y: ArrayLike, w_grid: ArrayLike, b_grid: ArrayLike, loss: str = "mse") -> np.ndarray:
    r"""The loss :math:`L(b, w)` at every grid point, shape ``(len(b_grid), len(w_grid))``.

    Row ``i`` is :math:`b` = ``b_grid[i]``, column ``j`` is :math:`w` = ``w_grid[j]``, so
    ``np.meshgrid(w_grid, b_grid)`` gives matching coordinates for a contour plot with
    :math:`w` across and :math:`b` up.

    Parameters
    ----------
    x, y : array_like, shape (n,) or (n, 1)
        Inputs and targets, one number per sample.
    w_grid, b_grid : array_like, 1-D
    loss : {"mse", "mae"}

    Returns
    -------
    ndarray, shape (len(b_grid), len(w_grid))
    """
    x, y = as_xy(x, y)
    w_grid = as_array(w_grid, "w_grid", ndim=1)
    b_grid = as_array(b_grid, "b_grid", ndim=1)
    kind = choice(loss, "loss", LOSSES)
    residual = b_grid[:, None, None] + w_grid[None, :, None] * x - y   # (n_b, n_w, N)
    if kind == "mse":
        return np.mean(residual * residual, axis=2)
    return np.mean(np.abs(residual), axis=2)


def surface_minimum(x: ArrayLike, y: ArrayLike, w_grid: ArrayLike, b_grid: ArrayLike,
                    loss: str = "mse") -> tuple[float, float, float]:
    r"""The grid point with the smallest loss: ``(w, b, L)``, the best :math:`(w^*, b^*)` in view.

    Parameters
    ----------
    x, y : array_like, shape (n,) or (n, 1)
        Inputs and targets, one number per sample.
    w_grid, b_grid : array_like, 1-D
    loss : {"mse", "mae"}

    Returns
    -------
    (float, float, float)
    """
    surface = error_surface(x, y, w_grid, b_grid, loss)
    i, j = np.unravel_index(np.argmin(surface), surface.shape)
    return float(np.asarray(w_grid, float)[j]), float(np.asarray(b_grid, float)[i]), \
        float(surface[i, j])


def mse_objective(x: ArrayLike, y: ArrayLike,
                  b: float | None = None) -> Callable[[np.ndarray], tuple[float, np.ndarray]]:
    r"""The MSE of :math:`\hat y = b + wx` as a function of the parameters, with its gradient.

    Returns ``objective(theta) -> (L, gradient)``. With ``b=None`` the parameters are
    ``theta = (w, b)`` and the gradient is :math:`(\partial L/\partial w, \partial L/\partial b)`
    (see :func:`mse_gradient`); with a number ``b`` the bias is held fixed and
    ``theta = (w,)``, the lecture's one-parameter case. Gradient descent calls it at every
    step, so it works from the data's means (computed once here), expanding the square:

    .. math::  L = w^2\,\overline{x^2} + 2wb\,\bar x + b^2 - 2w\,\overline{xy} - 2b\,\bar y
               + \overline{y^2}, \qquad
               \frac{\partial L}{\partial w} = 2(w\,\overline{x^2} + b\,\bar x - \overline{xy}),
               \quad \frac{\partial L}{\partial b} = 2(w\,\bar x + b - \bar y).

    Parameters
    ----------
    x, y : array_like, shape (n,) or (n, 1)
        Inputs and targets, one number per sample.
    b : float, optional
        A fixed bias (then ``theta = (w,)``).

    Returns
    -------
    callable
    """
    x, y = as_xy(x, y)
    xx, xm, xy, ym = (float(np.mean(v)) for v in (x * x, x, x * y, y))
    yy = float(np.mean(y * y))
    fixed = None if b is None else real_number(b, "b")

    def objective(theta):
        w = float(theta[0])
        c = float(theta[1]) if fixed is None else fixed
        dw, db = w * xx + c * xm - xy, w * xm + c - ym
        # the expanded square; max() drops a rounding error below zero at an exact fit
        value = max(w * dw + c * db - (w * xy + c * ym) + yy, 0.0)
        grad = [2.0 * dw, 2.0 * db] if fixed is None else [2.0 * dw]
        return value, np.array(grad)
    return objective


def curvature_w(x: ArrayLike) -> float:
    r"""Second derivative of the MSE in :math:`w`: :math:`L''(w) = \frac{2}{N}\sum_i x_i^2`.

    With :math:`b` fixed, :math:`L(w)` is a parabola, so :math:`L''` is the same everywhere.
    """
    x = as_array(x, "x", ndim=(1, 2)).ravel()
    return float(2.0 * np.mean(x * x))
