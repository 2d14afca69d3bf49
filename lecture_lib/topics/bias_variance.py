r"""The bias–variance decomposition, measured rather than asserted.

Draw many training sets :math:`\mathcal{D}_1, \dots, \mathcal{D}_K` from one generator
:math:`y = f(x) + \varepsilon`, :math:`\varepsilon \sim \mathcal{N}(0, \sigma^2)`, fit a
polynomial of degree :math:`d` to each by least squares, and look at the fits :math:`\hat f_k` on a fixed
test grid :math:`x_1, \dots, x_m`. With :math:`\bar f(x) = \frac1K \sum_k \hat f_k(x)`:

.. math::

    \text{bias}^2 = \frac1m \sum_i \big(\bar f(x_i) - f(x_i)\big)^2, \qquad
    \text{variance} = \frac1m \sum_i \frac1K \sum_k \big(\hat f_k(x_i) - \bar f(x_i)\big)^2,

and the expected test error on fresh targets :math:`y' = f(x) + \varepsilon'` splits as
:math:`\mathbb{E}[(\hat f(x) - y')^2] = \text{bias}^2 + \text{variance} + \sigma^2`.

>>> from lecture_lib.topics.bias_variance import bias_variance_decomposition
>>> r = bias_variance_decomposition([1, 3, 9], n_train=30, n_datasets=200, noise=0.3, seed=0)
>>> bool(r.bias2[0] > r.bias2[-1] and r.variance[0] < r.variance[-1])
True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from .._validation import choice, make_rng, positive_int, real_number
from ..i18n import tr
from ..regression import as_degrees, legendre_features, sine_curve


def _sample(rng: np.random.Generator, shape, noise: float, design: str = "random"):
    """Inputs on [0, 1] (uniform, or one even grid) and targets ``f(x) + noise * N(0, 1)``."""
    if design == "random":
        x = rng.uniform(0.0, 1.0, size=shape)
    else:
        x = np.broadcast_to((np.arange(shape[-1]) + 0.5) / shape[-1], shape).copy()
    return x, sine_curve(x) + noise * rng.standard_normal(shape)


@dataclass(frozen=True)
class Decomposition:
    r"""The decomposition at one degree, as the live figure's readout shows it.

    Attributes
    ----------
    bias2, variance, noise_variance : float
        The three terms: :math:`\text{bias}^2`, the variance and :math:`\sigma^2`.
    total : float
        Their sum, the predicted test error.
    test_error, std_error : float
        The measured test error and its standard error.
    """

    bias2: float
    variance: float
    noise_variance: float
    total: float
    test_error: float
    std_error: float


@dataclass(frozen=True)
class BiasVarianceResult:
    r"""Measured decomposition for each degree (arrays run over ``degrees``).

    Attributes
    ----------
    degrees : ndarray of int, shape (n_degrees,)
    bias2, variance, test_error, std_error : ndarray, shape (n_degrees,)
        ``test_error - (bias2 + variance + noise_variance)`` equals
        :math:`\operatorname{mean}(\varepsilon'^2 - \sigma^2) - 2\operatorname{mean}((\hat f - f)\varepsilon')`
        over the :math:`N = K m` fresh noise draws, whose standard deviation is
        ``std_error`` :math:`= \sqrt{(2\sigma^4 + 4\sigma^2\,\operatorname{mean}(\hat f - f)^2) / N}`.
    noise : float
        The noise standard deviation :math:`\sigma` (the ``noise`` argument).
    noise_variance : float
        The noise variance :math:`\sigma^2`, the third term of the decomposition.
    x_test, f_test : ndarray, shape (n_test,)
        The test grid and the true curve on it.
    fits : ndarray, shape (n_degrees, n_datasets, n_test)
        Every fitted curve on the test grid.
    x_train, y_train : ndarray, shape (n_datasets, n_train)
        The training sets.
    """

    degrees: np.ndarray
    bias2: np.ndarray
    variance: np.ndarray
    noise: float
    noise_variance: float
    test_error: np.ndarray
    std_error: np.ndarray
    x_test: np.ndarray
    f_test: np.ndarray
    fits: np.ndarray
    x_train: np.ndarray
    y_train: np.ndarray

    @property
    def mean_fit(self) -> np.ndarray:
        r""":math:`\bar f` on the test grid, shape ``(n_degrees, n_test)``."""
        return self.fits.mean(axis=1)

    @property
    def fit_std(self) -> np.ndarray:
        """Spread of the fits across data sets on the test grid, shape ``(n_degrees, n_test)``."""
        return self.fits.std(axis=1)

    @property
    def total(self) -> np.ndarray:
        r""":math:`\text{bias}^2 + \text{variance} + \sigma^2`, the predicted test error."""
        return self.bias2 + self.variance + self.noise_variance

    def at(self, degree: int) -> Decomposition:
        """The numbers of one of ``degrees``."""
        i = int(np.flatnonzero(self.degrees == degree)[0])
        return Decomposition(self.bias2[i], self.variance[i], self.noise_variance, self.total[i],
                             self.test_error[i], self.std_error[i])


def _fit_all(x_train, y_train, x_test, degrees):
    r"""Least-squares fits of every degree to every data set, evaluated on ``x_test``.

    One QR factorisation per data set serves every degree: the Legendre bases are
    nested, and if :math:`\Phi = QR` then the first :math:`d + 1` columns of
    :math:`\Phi` factor as :math:`Q_{:, :d+1} R_{:d+1, :d+1}`, so the degree-:math:`d`
    coefficients solve :math:`R_{:d+1, :d+1}\,\beta = (Q^\top y)_{:d+1}`.
    """
    top = int(degrees.max())
    q, r = np.linalg.qr(legendre_features(x_train, top))     # (K, n, p), (K, p, p)
    qty = np.einsum("knp,kn->kp", q, y_train)
    phi_test = legendre_features(x_test, top)                 # (m, p)
    fits = np.empty((degrees.size, x_train.shape[0], x_test.size))
    for i, d in enumerate(degrees):
        k = d + 1
        coef = np.linalg.solve(r[:, :k, :k], qty[:, :k, None])[:, :, 0]   # (K, k)
        fits[i] = coef @ phi_test[:, :k].T
    return fits


def bias_variance_decomposition(degrees: ArrayLike, n_train: int = 30, n_datasets: int = 200,
                                noise: float = 0.3, n_test: int = 100, design: str = "random",
                                seed: int | None = 0, rng: np.random.Generator | None = None) -> BiasVarianceResult:
    r"""Measure bias², variance, noise and test error of polynomial fits of each degree.

    Each of ``n_datasets`` training sets has ``n_train`` inputs uniform on :math:`[0, 1]`
    with targets :math:`y = f(x) + \varepsilon`, :math:`\sigma` = ``noise``. Each degree is
    fitted by least squares (each degree must be below ``n_train``). On a grid of ``n_test`` points:

    * :math:`\text{bias}^2 = \operatorname{mean}_x (\bar f(x) - f(x))^2`,
    * :math:`\text{variance} = \operatorname{mean}_x \operatorname{mean}_k (\hat f_k(x) - \bar f(x))^2`,
    * noise :math:`= \sigma^2`,
    * test error :math:`= \operatorname{mean}_{k, x} (\hat f_k(x) - y'_{k}(x))^2` with a fresh
      noisy target :math:`y'` for every data set and grid point.

    Parameters
    ----------
    degrees : sequence of int
        Polynomial degrees (the capacity knob), each ``>= 0``.
    n_train, n_datasets, n_test : int
        Points per training set, number of training sets, grid size.
    noise : float
        Noise standard deviation :math:`\sigma \ge 0`.
    design : {"random", "fixed"}
        ``"random"`` draws fresh inputs for every data set, so a model too simple for
        :math:`f` also varies with where the inputs fall; ``"fixed"`` reuses one evenly
        spaced set of inputs, so all variance comes from the noise and it grows
        strictly with the degree.
    seed, rng :
        Source of randomness (see :func:`lecture_lib._validation.make_rng`).

    Returns
    -------
    BiasVarianceResult
    """
    degrees = as_degrees(degrees)
    n_train = positive_int(n_train, "n_train")
    if degrees.max() >= n_train:
        raise ValueError(tr("degrees must be < n_train = {n} so that every least-squares fit is "
                            "unique, got degree {got}").format(n=n_train, got=degrees.max()))
    n_datasets = positive_int(n_datasets, "n_datasets", minimum=2)
    n_test = positive_int(n_test, "n_test")
    noise = real_number(noise, "noise", low=0.0)
    design = choice(design, "design", ("random", "fixed"))
    gen = make_rng(seed, rng)
    x_train, y_train = _sample(gen, (n_datasets, n_train), noise, design)
    x_test = np.linspace(0.0, 1.0, n_test)
    f_test = sine_curve(x_test)
    fits = _fit_all(x_train, y_train, x_test, degrees)
    mean_fit = fits.mean(axis=1)
    bias2 = np.mean((mean_fit - f_test) ** 2, axis=1)
    variance = fits.var(axis=1).mean(axis=1)
    y_new = f_test + noise * gen.standard_normal((n_datasets, n_test))
    test_error = np.mean((fits - y_new) ** 2, axis=(1, 2))
    fit_error = np.mean((fits - f_test) ** 2, axis=(1, 2))  # = bias2 + variance exactly
    n_draws = n_datasets * n_test
    std_error = np.sqrt((2.0 * noise ** 4 + 4.0 * noise ** 2 * fit_error) / n_draws)
    return BiasVarianceResult(degrees, bias2, variance, noise, noise ** 2, test_error, std_error,
                              x_test, f_test, fits, x_train, y_train)


def shapes_text(result: BiasVarianceResult) -> str:
    """What a :class:`BiasVarianceResult` holds: its degrees and the shapes of its arrays."""
    return "\n".join([
        tr("degrees: {degrees}").format(degrees=result.degrees.tolist()),
        tr("fits on the test grid, shape (degrees, data sets, test points): {shape}").format(
            shape=result.fits.shape),
        tr("training inputs and targets, shape (data sets, n): {shape}").format(
            shape=result.y_train.shape)])


def decomposition_table(result: BiasVarianceResult, degrees: Iterable[int]) -> str:
    """The decomposition checked, one row per degree: bias², variance, σ², their sum, the
    measured test error ± its standard error, and (measured − sum) / SE."""
    header = [" d", tr("bias²"), tr("variance"), tr("noise σ²"), tr("sum"),
              tr("measured test error"), tr("(measured − sum) / SE")]
    rows = []
    for d in degrees:
        i = int(np.flatnonzero(result.degrees == d)[0])
        z = (result.test_error[i] - result.total[i]) / result.std_error[i]
        rows.append([f"{d:2d}", f"{result.bias2[i]:.4f}", f"{result.variance[i]:.4f}",
                     f"{result.noise_variance:.4f}", f"{result.total[i]:.4f}",
                     f"{result.test_error[i]:.4f} ± {result.std_error[i]:.4f}", f"{z:+.1f}"])
    widths = [max(len(r[k]) for r in [header, *rows]) for k in range(len(header))]
    return "\n".join("   ".join(cell.rjust(w) for cell, w in zip(row, widths)).rstrip()
                     for row in [header, *rows])


def u_text(n: int, result: BiasVarianceResult, best: int, near: int) -> str:
    """One line on the U of ``result`` (training sets of ``n`` points): its lowest test error
    and degree ``best``, the last degree ``near`` within 10 % of it, and the highest degree.

    Parameters
    ----------
    n : int
        The training-set size of ``result``.
    result : BiasVarianceResult
        The decomposition for degrees 0, 1, 2, ... (``test_error`` is indexed by degree).
    best, near : int
        The degree of the lowest test error and the last degree within 10 % of it.

    Returns
    -------
    str
    """
    te = result.test_error
    return tr("n = {n}: lowest {low} at degree {best}; within 10 % of it up to degree {near}; "
              "degree {top} gives {top_error}").format(
        n=f"{n:3d}", low=f"{te[best]:.4f}", best=best, near=near,
        top=int(result.degrees[-1]), top_error=f"{te[-1]:.4f}")


def decomposition_readout(d: int, n: int, m: Decomposition) -> str:
    """The readout of ``plots.bias_variance.decomposition_live`` at degree ``d`` and training-set size ``n``.

    Parameters
    ----------
    d, n : int
        The degree and the training-set size shown.
    m : Decomposition
        What the figure's ``draw(d, n)`` returned.

    Returns
    -------
    str
    """
    return "\n".join([f"d = {d}, n = {n}",
                      tr("bias² = {v}").format(v=f"{m.bias2:.4f}"),
                      tr("variance = {v}").format(v=f"{m.variance:.4f}"),
                      tr("noise σ² = {v}").format(v=f"{m.noise_variance:.4f}"),
                      tr("sum = {v}").format(v=f"{m.total:.4f}"),
                      tr("test error = {v} ± {se}").format(v=f"{m.test_error:.4f}",
                                                            se=f"{m.std_error:.4f}")])
