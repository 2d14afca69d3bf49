r"""Polynomial regression on :math:`[0, 1]`, shared by notebooks 14 (regularisation) and 15
(bias and variance): the generator's true curve, the Legendre features and the degrees.

Both notebooks draw data :math:`y = f(x) + \varepsilon`, :math:`\varepsilon \sim
\mathcal N(0, \sigma^2)` with :math:`f(x) = \sin(2.5\pi x)`, and fit polynomials of
degree :math:`d` by (penalised) least squares on the features
:math:`[P_0(t), \dots, P_d(t)]`, :math:`t = 2x - 1`. Shapes: ``x`` and ``y`` are 1-D
``(n,)`` (one number per sample, as in :mod:`lecture_lib.fitting`).

The public functions validate their arguments; :func:`sine_curve` and
:func:`legendre_features` are their unvalidated kernels, for code that checked its
arrays once and calls them in a loop.

>>> polynomial_features([0.0, 0.5, 1.0], 2).round(3).tolist()
[[1.0, -1.0, 1.0], [1.0, 0.0, -0.5], [1.0, 1.0, 1.0]]
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ._validation import as_array, positive_int, whole_numbers


def sine_curve(x: np.ndarray) -> np.ndarray:
    r"""Unvalidated kernel of :func:`true_function`: :math:`\sin(2.5\pi x)` of a float array."""
    return np.sin(2.5 * np.pi * x)


def legendre_features(x: np.ndarray, degree: int) -> np.ndarray:
    """Unvalidated kernel of :func:`polynomial_features` (a float array, an int degree ≥ 0)."""
    return np.polynomial.legendre.legvander(2.0 * x - 1.0, degree)


def true_function(x: ArrayLike) -> np.ndarray:
    r"""The generator's noise-free curve :math:`f(x) = \sin(2.5\pi x)` on :math:`[0, 1]`."""
    return sine_curve(as_array(x, "x", allow_empty=True))


def polynomial_features(x: ArrayLike, degree: int) -> np.ndarray:
    r"""Legendre features :math:`[P_0(t), \dots, P_d(t)]` of :math:`t = 2x - 1`.

    Returns shape ``x.shape + (degree + 1,)``.

    Any polynomial of degree :math:`d` in :math:`x` is a linear combination of these
    columns; unlike the raw powers :math:`1, x, x^2, \dots` they stay well conditioned
    on :math:`[0, 1]`, so least squares is accurate up to high degrees.
    """
    x = as_array(x, "x", allow_empty=True)
    return legendre_features(x, positive_int(degree, "degree", minimum=0))


def as_degrees(degrees: ArrayLike) -> np.ndarray:
    """Validate a 1-D sequence of polynomial degrees (whole numbers ≥ 0); return it as ints."""
    return whole_numbers(degrees, "degrees", minimum=0)
