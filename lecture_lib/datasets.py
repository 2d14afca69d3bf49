r"""Small synthetic data sets for the notebooks, all generated from a seed.

Every generator returns ``(X, y)``:

* ``X`` is a float array of shape ``(n_samples, n_features)``;
* regression targets ``y`` are floats of shape ``(n_samples, 1)``, the shape a
  network's output has, so ``net.forward(X) - y`` never broadcasts by accident;
* class labels ``y`` are ``int64`` of shape ``(n_samples,)``: 0, 1, ..., K − 1.

Functions elsewhere in the package that take a regression target accept it as ``(n,)``
or as this one column ``(n, 1)`` (:func:`lecture_lib._validation.as_column`).

Randomness comes only from ``numpy.random.Generator``: pass ``seed`` (default 0) for a reproducible draw or ``rng``
to continue an existing stream (``rng`` wins when both are given). The same seed always gives the same data.

>>> from lecture_lib import datasets
>>> X, y = datasets.moons(n_samples=6, seed=1)
>>> X.shape, y.shape, y.dtype.name
((6, 2), (6,), 'int64')
"""

from __future__ import annotations

from importlib import resources

import numpy as np
from numpy.typing import ArrayLike

from ._validation import as_array, make_rng, positive_int, real_number
from .i18n import tr
from .shallow import lecture_relu_network
from .splits import train_test_split as train_test_split  # re-exported: datasets.train_test_split

Data = tuple[np.ndarray, np.ndarray]


def _noise(noise) -> float:
    return real_number(noise, "noise", low=0.0)


def piecewise_linear(n_samples: int = 50, noise: float = 0.1, seed: int | None = 0,
                     rng: np.random.Generator | None = None) -> Data:
    r"""Noisy samples of the lecture's piecewise-linear function on :math:`x \in [-4, 4]`.

    The true function is the FCEN-UBA lecture's shallow ReLU network
    (:func:`lecture_lib.shallow.lecture_relu_network`), so a 1-input, 3-hidden-unit
    ReLU network can fit it exactly: :math:`y = F[x, θ] + ε`,
    :math:`ε \sim \mathcal N(0, \mathrm{noise}^2)`. Its joints are at
    :math:`x = -2, 1.2, 2`.

    Parameters
    ----------
    n_samples : int
    noise : float
        The standard deviation of ε.
    seed, rng
        The randomness (see the module docstring).

    Returns
    -------
    X : ndarray, shape (n_samples, 1)
        Inputs drawn uniformly from [-4, 4].
    y : ndarray, shape (n_samples, 1)
    """
    n = positive_int(n_samples, "n_samples")
    noise = _noise(noise)
    gen = make_rng(seed, rng)
    X = gen.uniform(-4.0, 4.0, size=(n, 1))
    return X, lecture_relu_network().forward(X) + noise * gen.standard_normal((n, 1))


def noisy_sine(n_samples: int = 30, noise: float = 0.1, frequency: float = 1.0, seed: int | None = 0,
               rng: np.random.Generator | None = None) -> Data:
    r"""Samples of :math:`y = \sin(2\pi f x) + ε` with x uniform on [0, 1].

    :math:`ε \sim \mathcal N(0, \mathrm{noise}^2)` and :math:`f` is ``frequency``
    (full periods on [0, 1]); the classic target for polynomial over-fitting.

    Parameters
    ----------
    n_samples : int
    noise, frequency : float
        The standard deviation of ε and f.
    seed, rng
        The randomness (see the module docstring).

    Returns
    -------
    X : ndarray, shape (n_samples, 1)
    y : ndarray, shape (n_samples, 1)
    """
    n = positive_int(n_samples, "n_samples")
    noise = _noise(noise)
    frequency = real_number(frequency, "frequency", low=0.0, low_open=True)
    gen = make_rng(seed, rng)
    X = gen.uniform(0.0, 1.0, size=(n, 1))
    return X, np.sin(2.0 * np.pi * frequency * X) + noise * gen.standard_normal((n, 1))


def _split(n: int) -> tuple[int, int]:
    """Sizes of two classes that share ``n`` samples as evenly as possible."""
    return n - n // 2, n // 2


def circles(n_samples: int = 200, noise: float = 0.1, factor: float = 0.5, seed: int | None = 0,
            rng: np.random.Generator | None = None) -> Data:
    r"""Two concentric rings: label 0 on radius 1, label 1 on radius ``factor``.

    A point at angle :math:`t` on radius :math:`r` is :math:`r(\cos t, \sin t)` plus
    Gaussian noise of standard deviation ``noise`` in each coordinate. Not linearly
    separable; a network needs a hidden layer.

    Parameters
    ----------
    n_samples : int
    noise, factor : float
        The noise's standard deviation and the inner ring's radius (< 1).
    seed, rng
        The randomness (see the module docstring).

    Returns
    -------
    X : ndarray, shape (n_samples, 2)
    y : ndarray of int64, shape (n_samples,)
    """
    n = positive_int(n_samples, "n_samples")
    noise = _noise(noise)
    factor = real_number(factor, "factor", low=0.0, high=1.0, low_open=True)
    gen = make_rng(seed, rng)
    y = np.repeat(np.array([0, 1], dtype=np.int64), _split(n))
    radius = np.where(y == 0, 1.0, factor)
    angle = gen.uniform(0.0, 2.0 * np.pi, size=n)
    X = radius[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])
    return _shuffle(X + noise * gen.standard_normal((n, 2)), y, gen)


def xor(n_samples: int = 200, noise: float = 0.1, seed: int | None = 0, rng: np.random.Generator | None = None) -> Data:
    r"""The XOR pattern: points in :math:`[-1, 1]^2`, label 1 where :math:`x_1 x_2 < 0`.

    Label 1 in the second and fourth quadrants, 0 in the first and third, so no single
    line (no perceptron) separates the classes. The label is computed from the clean
    point; Gaussian noise of standard deviation ``noise`` is added afterwards.

    Parameters
    ----------
    n_samples : int
    noise : float
    seed, rng
        The randomness (see the module docstring).

    Returns
    -------
    X : ndarray, shape (n_samples, 2)
    y : ndarray of int64, shape (n_samples,)
    """
    n = positive_int(n_samples, "n_samples")
    noise = _noise(noise)
    gen = make_rng(seed, rng)
    X = gen.uniform(-1.0, 1.0, size=(n, 2))
    y = (X[:, 0] * X[:, 1] < 0).astype(np.int64)
    return X + noise * gen.standard_normal((n, 2)), y


def moons(n_samples: int = 200, noise: float = 0.1, seed: int | None = 0,
          rng: np.random.Generator | None = None) -> Data:
    r"""Two interleaving half circles.

    Label 0: :math:`(\cos t, \sin t)`; label 1: :math:`(1 - \cos t, 0.5 - \sin t)`, with
    :math:`t` uniform on :math:`[0, \pi]` and Gaussian noise of standard deviation
    ``noise`` in each coordinate.

    Parameters
    ----------
    n_samples, noise, seed, rng
        As for :func:`xor`.

    Returns
    -------
    X : ndarray, shape (n_samples, 2)
    y : ndarray of int64, shape (n_samples,)
    """
    n = positive_int(n_samples, "n_samples")
    noise = _noise(noise)
    gen = make_rng(seed, rng)
    y = np.repeat(np.array([0, 1], dtype=np.int64), _split(n))
    t = gen.uniform(0.0, np.pi, size=n)
    upper = np.column_stack([np.cos(t), np.sin(t)])
    lower = np.column_stack([1.0 - np.cos(t), 0.5 - np.sin(t)])
    X = np.where((y == 0)[:, None], upper, lower)
    return _shuffle(X + noise * gen.standard_normal((n, 2)), y, gen)


def spiral(n_samples: int = 300, n_arms: int = 2, noise: float = 0.05, turns: float = 1.0, seed: int | None = 0,
           rng: np.random.Generator | None = None) -> Data:
    r"""K interleaved spiral arms, one class per arm.

    Arm :math:`k` is :math:`r(\cos θ, \sin θ)` with :math:`r = t` and
    :math:`θ = 2\pi (k / K + \mathrm{turns}\cdot t)` for :math:`t` uniform on [0, 1],
    plus Gaussian noise of standard deviation ``noise`` in each coordinate.

    Parameters
    ----------
    n_samples, n_arms : int
        Points in all, and the number of arms K (classes).
    noise, turns : float
        The noise's standard deviation, and the turns each arm makes.
    seed, rng
        The randomness (see the module docstring).

    Returns
    -------
    X : ndarray, shape (n_samples, 2)
    y : ndarray of int64, shape (n_samples,), labels 0 .. n_arms − 1
    """
    n = positive_int(n_samples, "n_samples")
    k = positive_int(n_arms, "n_arms", minimum=2)
    noise = _noise(noise)
    turns = real_number(turns, "turns", low=0.0, low_open=True)
    gen = make_rng(seed, rng)
    y = np.arange(n, dtype=np.int64) % k
    t = gen.uniform(0.0, 1.0, size=n)
    theta = 2.0 * np.pi * (y / k + turns * t)
    X = t[:, None] * np.column_stack([np.cos(theta), np.sin(theta)])
    return X + noise * gen.standard_normal((n, 2)), y


def blobs(n_samples: int = 200, centers: int | ArrayLike = 3, n_features: int = 2, cluster_std: float = 1.0,
          seed: int | None = 0, rng: np.random.Generator | None = None) -> Data:
    r"""Gaussian clusters, one class per cluster: :math:`x \sim \mathcal N(c_k, σ^2 I)`.

    Parameters
    ----------
    n_samples : int
    centers : int or array_like, shape (n_centers, n_features)
        Number of clusters, whose centres are drawn uniformly from
        :math:`[-10, 10]^{n\_features}`, or the centres themselves (then their number
        of columns sets the number of features and ``n_features`` is ignored).
    n_features : int
        The dimension of each point.
    cluster_std : float
        The standard deviation σ of every cluster.
    seed, rng
        The randomness (see the module docstring).

    Returns
    -------
    X : ndarray, shape (n_samples, n_features)
    y : ndarray of int64, shape (n_samples,), labels 0 .. n_centers − 1
    """
    n = positive_int(n_samples, "n_samples")
    std = real_number(cluster_std, "cluster_std", low=0.0)
    gen = make_rng(seed, rng)
    if isinstance(centers, (int, np.integer)) and not isinstance(centers, bool):
        k, d = positive_int(centers, "centers"), positive_int(n_features, "n_features")
        c = gen.uniform(-10.0, 10.0, size=(k, d))
    else:
        c = as_array(centers, "centers", ndim=2)
    y = np.arange(n, dtype=np.int64) % c.shape[0]
    X = c[y] + std * gen.standard_normal((n, c.shape[1]))
    return _shuffle(X, y, gen)


def digits(n_samples: int | None = None, seed: int | None = 0, rng: np.random.Generator | None = None) -> Data:
    r"""Real handwritten digits shipped with the package: 8 × 8 images, pixels in [0, 1].

    The 1,797 images of the UCI *Optical Recognition of Handwritten Digits* data
    (Alpaydin & Kaynak 1998, CC BY 4.0; ``lecture_lib/data/README.md``). A stored pixel
    counts the inked pixels of a 4 × 4 block, 0 to 16; here :math:`x = \mathrm{count} / 16`.
    ``n_samples`` images (default all) are drawn without replacement in random order.

    Parameters
    ----------
    n_samples : int, optional
    seed, rng
        The randomness of the draw (see the module docstring).

    Returns
    -------
    X : ndarray, shape (n_samples, 64)
        One image per row, row by row: ``X[i].reshape(8, 8)`` is image i, top row first.
    y : ndarray of int64, shape (n_samples,)
        The digit 0–9 each image shows.
    """
    path = resources.files(__package__).joinpath("data", "digits.npz")
    with path.open("rb") as file, np.load(file) as stored:
        images, labels = stored["images"], stored["labels"]
    n = labels.size if n_samples is None else positive_int(n_samples, "n_samples")
    if n > labels.size:
        raise ValueError(tr("n_samples must be at most {most} (the images shipped), got {n}").format(
            most=labels.size, n=n))
    order = make_rng(seed, rng).permutation(labels.size)[:n]
    return images[order].reshape(n, 64) / 16.0, labels[order].astype(np.int64)


def _shuffle(X: np.ndarray, y: np.ndarray, gen: np.random.Generator) -> Data:
    order = gen.permutation(y.shape[0])
    return X[order], y[order]
