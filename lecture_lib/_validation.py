"""One place that checks what users pass in, so every error names the argument.

A documented internal module: every module of the package may import its names (and
:func:`number_text`, the one number format of the text readouts).

Every public function of the numeric core calls these helpers before it computes
anything, so a wrong shape or a NaN never reaches numpy and never turns into a
silent broadcast or a bare traceback from deep inside.
"""

from __future__ import annotations

from numbers import Integral, Real
from collections.abc import Iterable, Sequence

import numpy as np
from numpy.typing import ArrayLike

from .i18n import tr


def _is_complex(x) -> bool:
    """True for numpy complex arrays and scalars, whose cast to float would drop the imaginary part."""
    dtype = getattr(x, "dtype", None)
    return isinstance(dtype, np.dtype) and np.issubdtype(dtype, np.complexfloating)


def as_array(x: ArrayLike, name: str, *, ndim: int | Iterable[int] | None = None,
             allow_empty: bool = False, finite: bool = True) -> np.ndarray:
    """Return ``x`` as a float64 array, or raise an error that names ``name``.

    Parameters
    ----------
    x : array_like
        The value to check.
    name : str
        The argument's name, used in the error message.
    ndim : int or iterable of int, optional
        Allowed numbers of dimensions.
    allow_empty : bool
        Whether an array with no elements is accepted.
    finite : bool
        Whether NaN and infinity are rejected.

    Returns
    -------
    ndarray of float64
    """
    if isinstance(x, (str, bytes)) or x is None or _is_complex(x):
        raise TypeError(tr("{name} must be an array of numbers, got {got}").format(
            name=name, got=type(x).__name__))
    try:
        arr = np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError) as err:
        raise TypeError(tr("{name} must be an array of numbers, got {got}").format(
            name=name, got=type(x).__name__)) from err
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else tuple(ndim)
        if arr.ndim not in allowed:
            want = tr(" or ").join(f"{d}-D" for d in allowed)
            raise ValueError(tr("{name} must be {want}, got shape {shape}").format(
                name=name, want=want, shape=arr.shape))
    if not allow_empty and arr.size == 0:
        raise ValueError(tr("{name} must not be empty, got shape {shape}").format(name=name, shape=arr.shape))
    if finite and not np.all(np.isfinite(arr)):
        raise ValueError(tr("{name} must contain only finite numbers (no NaN or inf)").format(name=name))
    return arr


def as_2d(x: ArrayLike, name: str, *, n_features: int | None = None) -> np.ndarray:
    """Return ``x`` as an ``(n_samples, n_features)`` float array.

    A 1-D input is read as one feature per sample (a column), the way the lectures
    write a single input ``x``.

    Parameters
    ----------
    x : array_like, 1-D or 2-D
    name : str
        The argument's name, used in the error message.
    n_features : int, optional
        The required number of columns.

    Returns
    -------
    ndarray, shape (n_samples, n_features)
    """
    arr = as_array(x, name, ndim=(1, 2))
    if arr.ndim == 1:
        arr = arr[:, None]
    if n_features is not None and arr.shape[1] != n_features:
        raise ValueError(
            tr("{name} must have {n} feature column(s), got shape {shape}").format(
                name=name, n=n_features, shape=arr.shape))
    return arr


def same_length(a: np.ndarray, b: np.ndarray, name_a: str, name_b: str) -> None:
    """Raise if ``a`` and ``b`` do not have the same number of samples (rows).

    Parameters
    ----------
    a, b : ndarray
        Arrays with samples in rows.
    name_a, name_b : str
        Their argument names, used in the error message.
    """
    if a.shape[0] != b.shape[0]:
        raise ValueError(
            tr("{a} and {b} must have the same number of samples, got {na} and {nb}").format(
                a=name_a, b=name_b, na=a.shape[0], nb=b.shape[0]))


def as_column(v: ArrayLike, name: str) -> np.ndarray:
    """A per-sample quantity (a regression target, one input) as 1-D ``(n,)``.

    The package's one rule for a regression target: ``(n,)`` and one column ``(n, 1)``
    (the shape of ``lecture_lib.datasets`` and of a network's output) are both accepted
    and mean one number per sample; fits return per-sample values 1-D.
    """
    arr = as_array(v, name, ndim=(1, 2))
    if arr.ndim == 2 and arr.shape[1] != 1:
        raise ValueError(tr("{name} must be 1-D or one column, got shape {shape}").format(
            name=name, shape=arr.shape))
    return arr.ravel()


def as_xy(x: ArrayLike, y: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """Validate one input feature ``x`` and targets ``y`` (see :func:`as_column`).

    Returns them as equal-length 1-D arrays.
    """
    x, y = as_column(x, "x"), as_column(y, "y")
    same_length(x, y, "x", "y")
    return x, y


def positive_int(n: int, name: str, *, minimum: int = 1) -> int:
    """Return ``n`` as an int, or raise if it is not a whole number ≥ ``minimum``.

    Parameters
    ----------
    n : int
    name : str
        The argument's name, used in the error message.
    minimum : int
        The smallest allowed value.

    Returns
    -------
    int
    """
    if isinstance(n, bool) or not isinstance(n, Integral):
        raise TypeError(tr("{name} must be a whole number, got {got}").format(
            name=name, got=type(n).__name__))
    if n < minimum:
        raise ValueError(tr("{name} must be at least {minimum}, got {got}").format(
            name=name, minimum=minimum, got=n))
    return int(n)


def real_number(v: float, name: str, *, low: float | None = None, high: float | None = None,
                low_open: bool = False) -> float:
    """Return ``v`` as a finite float within ``[low, high]`` (``(low, high]`` if ``low_open``).

    Parameters
    ----------
    v : float
    name : str
        The argument's name, used in the error message.
    low, high : float, optional
        Bounds (inclusive unless ``low_open``).
    low_open : bool
        Whether ``low`` itself is excluded.

    Returns
    -------
    float
    """
    if isinstance(v, bool) or not isinstance(v, Real):
        raise TypeError(tr("{name} must be a real number, got {got}").format(
            name=name, got=type(v).__name__))
    v = float(v)
    if not np.isfinite(v):
        raise ValueError(tr("{name} must be finite, got {got}").format(name=name, got=v))
    if low is not None and (v < low or (low_open and v == low)):
        bound = f"> {low}" if low_open else f">= {low}"
        raise ValueError(tr("{name} must be {bound}, got {got}").format(name=name, bound=bound, got=v))
    if high is not None and v > high:
        raise ValueError(tr("{name} must be <= {high}, got {got}").format(name=name, high=high, got=v))
    return v


def whole_numbers(values: ArrayLike, name: str, minimum: int = 0) -> np.ndarray:
    """Return a 1-D array of whole numbers ≥ ``minimum`` as ints (degrees, widths).

    Parameters
    ----------
    values : array_like, 1-D
    name : str
        The argument's name, used in the error message.
    minimum : int

    Returns
    -------
    ndarray of int
    """
    arr = as_array(values, name, ndim=1)
    if np.any(arr < minimum) or np.any(arr != np.round(arr)):
        raise ValueError(tr("{name} must be whole numbers >= {minimum}, got {got}").format(
            name=name, minimum=minimum, got=arr.tolist()))
    return arr.astype(int)


def nonnegative_vector(values: ArrayLike, name: str) -> np.ndarray:
    """Return a 1-D float array whose entries are all ≥ 0 (penalties, noise levels)."""
    arr = as_array(values, name, ndim=1)
    if np.any(arr < 0):
        raise ValueError(tr("{name} must all be >= 0, got {got}").format(name=name, got=arr.tolist()))
    return arr


def ordered_pair(low: float, high: float, name_low: str, name_high: str) -> tuple[float, float]:
    """Return ``(low, high)`` as finite floats with ``low < high``, or raise naming them.

    Parameters
    ----------
    low, high : float
    name_low, name_high : str
        Their argument names, used in the error message.

    Returns
    -------
    (float, float)
    """
    lo, hi = real_number(low, name_low), real_number(high, name_high)
    if not lo < hi:
        raise ValueError(tr("{low} must be < {high}, got {lo} and {hi}").format(
            low=name_low, high=name_high, lo=lo, hi=hi))
    return lo, hi


def as_interval(pair: Sequence[float], name: str) -> tuple[float, float]:
    """Return a pair ``(a, e)`` of finite floats with ``a < e``, or raise naming ``name``."""
    if not isinstance(pair, (tuple, list)) or len(pair) != 2:
        raise TypeError(tr("{name} must be a pair (a, e), got {got}").format(name=name, got=repr(pair)))
    return ordered_pair(pair[0], pair[1], f"{name}[0]", f"{name}[1]")


def number_text(value: float, digits: int = 2) -> str:
    """``value`` with ``digits`` decimals for readouts, without a minus sign on a rounded zero."""
    return f"{0.0 if abs(value) < 0.5 * 10.0 ** -digits else value:.{digits}f}"


def choice(value: str, name: str, options: Iterable[str]) -> str:
    """Return ``value`` if it is one of ``options``, else raise naming the choices.

    Parameters
    ----------
    value : str
    name : str
        The argument's name, used in the error message.
    options : iterable of str
        The allowed values.

    Returns
    -------
    str
    """
    options = list(options)
    if not isinstance(value, str) or value not in options:
        raise ValueError(tr("{name} must be one of {options}, got {got}").format(
            name=name, options=options, got=repr(value)))
    return value


def make_rng(seed: int | None = None, rng: np.random.Generator | None = None) -> np.random.Generator:
    """Return a ``numpy.random.Generator`` from ``rng`` or ``seed`` (never the global state)."""
    if rng is not None:
        if not isinstance(rng, np.random.Generator):
            raise TypeError(tr("rng must be a numpy.random.Generator, got {got}").format(
                got=type(rng).__name__))
        return rng
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, Integral)):
        raise TypeError(tr("seed must be a whole number or None, got {got}").format(
            got=type(seed).__name__))
    if seed is not None and seed < 0:
        raise ValueError(tr("seed must be >= 0, got {got}").format(got=seed))
    return np.random.default_rng(seed)
