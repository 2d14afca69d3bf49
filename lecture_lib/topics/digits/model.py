"""Handwritten digits, the model: fit the network, its accuracy and mistakes, what its hidden
units respond to, blends of two digits, and over-fitting with few images."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ... import metrics
from ..._validation import as_2d, as_array, positive_int, real_number, same_length
from ...i18n import tr
from ...networks import Network
from ...training import Adam, train
from .results import DigitsRun, Mistakes, SizeCurve

N_PIXELS, SIDE, N_CLASSES = 64, 8, 10


def _images(X, name: str = "X") -> np.ndarray:
    return as_2d(X, name, n_features=N_PIXELS)


def _labels(y, X, name: str = "y") -> np.ndarray:
    labels = as_array(y, name, ndim=1)
    if not np.all((labels == np.round(labels)) & (labels >= 0) & (labels < N_CLASSES)):
        raise ValueError(tr("{name} must hold whole-number digits 0 to 9").format(name=name))
    same_length(X, labels, "X" if name == "y" else "X_test", name)
    return labels.astype(np.int64)


def fit(X_train: ArrayLike, y_train: ArrayLike, X_test: ArrayLike, y_test: ArrayLike, n_hidden: int = 64,
        epochs: int = 40, batch_size: int = 32, lr: float = 0.005, lam: float = 0.0, seed: int = 0,
        progress: bool = False, record_test: bool = True) -> DigitsRun:
    """Train a ``(64, n_hidden, 10)`` ReLU network with a softmax output by Adam.

    The test set is only measured, never trained on.

    Parameters
    ----------
    X_train, y_train, X_test, y_test : array_like
        Images ``(n, 64)`` with pixels in [0, 1], and their digits 0–9 ``(n,)``.
    n_hidden, epochs, batch_size : int
        Hidden units, passes over the training set, images per step (at most all).
    lr, lam : float
        Adam's learning rate η and the weight decay λ (notebook 14).
    seed : int
        Seed of the initial weights and of the shuffling.
    progress : bool
        Show a progress line while training.
    record_test : bool
        Record the test loss after every epoch into ``history.test_loss`` (else only at the end).

    Returns
    -------
    DigitsRun
    """
    X_train, X_test = _images(X_train, "X_train"), _images(X_test, "X_test")
    y_train, y_test = _labels(y_train, X_train, "y_train"), _labels(y_test, X_test, "y_test")
    n_hidden = positive_int(n_hidden, "n_hidden")
    batch = min(positive_int(batch_size, "batch_size"), len(y_train))
    net = Network((N_PIXELS, n_hidden, N_CLASSES), activation="relu",
                  output_activation="softmax", seed=seed)
    test = {"X_test": X_test, "y_test": y_test} if record_test else {}
    history = train(net, X_train, y_train, "cross_entropy", Adam(lr), epochs=epochs,
                    batch_size=batch, seed=seed, lam=lam, progress=progress, **test)
    return DigitsRun(net, history, len(y_train), accuracy(net, X_train, y_train),
                     accuracy(net, X_test, y_test), net.loss(X_train, y_train, "cross_entropy"),
                     net.loss(X_test, y_test, "cross_entropy"))


def predict(network: Network, X: ArrayLike) -> np.ndarray:
    r"""The predicted digit :math:`\hat y = \arg\max_k \hat p_k` of every image."""
    return np.argmax(network.forward(_images(X)), axis=1)


def accuracy(network: Network, X: ArrayLike, y: ArrayLike) -> float:
    """Share of images classified correctly, by :func:`lecture_lib.metrics.accuracy`.

    Parameters
    ----------
    network, X, y : Network, array_like, array_like
        A classifier with 64 inputs and 10 outputs, images ``(n, 64)`` and their digits ``(n,)``.

    Returns
    -------
    float
    """
    X = _images(X)
    return metrics.accuracy(_labels(y, X), predict(network, X))


def mistakes(network: Network, X: ArrayLike, y: ArrayLike) -> Mistakes:
    """Every image of ``(X, y)`` whose predicted digit is wrong, with its probabilities.

    Parameters
    ----------
    network, X, y
        As for :func:`accuracy`.

    Returns
    -------
    Mistakes
    """
    X = _images(X)
    y = _labels(y, X)
    p = network.forward(X)
    wrong = np.flatnonzero(np.argmax(p, axis=1) != y)
    wrong = wrong[np.argsort(-p[wrong].max(axis=1), kind="stable")]
    return Mistakes(wrong, y[wrong], np.argmax(p[wrong], axis=1), p[wrong])


def first_layer_images(network: Network) -> np.ndarray:
    """The weights into each hidden unit as an 8 × 8 picture: ``(n_hidden, 8, 8)``.

    Unit j computes :math:`z_j = \\sum_i x_i\\, W^{(1)}_{ij} + b_j`, so it responds most to
    images that are inked where its weights are positive and blank where they are negative.
    """
    if not isinstance(network, Network) or network.layer_sizes[0] != N_PIXELS:
        raise TypeError(tr("network must be a Network with 64 inputs (one per pixel)"))
    return network.weights[0].T.reshape(-1, SIDE, SIDE).copy()


def class_activation(network: Network, X: ArrayLike, y: ArrayLike) -> np.ndarray:
    """Mean activation of each first-layer unit over the images of each digit:
    ``(n_hidden, 10)``, entry (j, k) the average :math:`\\mathrm{ReLU}(z_j)` on digit k.

    Parameters
    ----------
    network, X, y
        As for :func:`accuracy`.

    Returns
    -------
    ndarray, shape (n_hidden, 10)
    """
    X = _images(X)
    y = _labels(y, X)
    A = network.forward_trace(X)[1][1]
    return np.stack([A[y == k].mean(axis=0) if np.any(y == k) else np.zeros(A.shape[1])
                     for k in range(N_CLASSES)], axis=1)


def favourite_images(network: Network, X: ArrayLike, top: int = 20) -> np.ndarray:
    """For each first-layer unit, the average of the ``top`` images of ``X`` that make it
    most active: ``(n_hidden, 64)``; a row of zeros for a unit no image activates.

    Parameters
    ----------
    network, X
        As for :func:`accuracy`.
    top : int
        How many of the most exciting images each average takes.

    Returns
    -------
    ndarray, shape (n_hidden, 64)
    """
    X = _images(X)
    top = min(positive_int(top, "top"), len(X))
    A = network.forward_trace(X)[1][1]
    best = np.argsort(-A, axis=0, kind="stable")[:top]          # (top, n_hidden)
    means = X[best].mean(axis=0)                                 # (n_hidden, 64)
    return np.where(A.max(axis=0)[:, None] > 0, means, 0.0)


def representatives(network: Network, X: ArrayLike, y: ArrayLike) -> np.ndarray:
    """For each digit 0–9, the row of its first image in ``(X, y)`` classified correctly
    (its first image if none is): the endpoints of the live blend.

    Parameters
    ----------
    network, X, y
        As for :func:`accuracy`.

    Returns
    -------
    ndarray of int, shape (10,)
    """
    X = _images(X)
    y = _labels(y, X)
    right = predict(network, X) == y
    rows = []
    for k in range(N_CLASSES):
        of_k = np.flatnonzero(y == k)
        if of_k.size == 0:
            raise ValueError(tr("y has no image of the digit {k}").format(k=k))
        good = of_k[right[of_k]]
        rows.append(int(good[0] if good.size else of_k[0]))
    return np.array(rows)


def blend(a: ArrayLike, b: ArrayLike, t: float, noise: float = 0.0, pattern: ArrayLike | None = None) -> np.ndarray:
    r"""The image :math:`x = \mathrm{clip}((1 - t)\,a + t\,b + σ ε, 0, 1)` between a and b.

    ``t`` = 0 is image ``a``, 1 is image ``b``; ``noise`` σ scales a fixed ``pattern`` ε
    (shape of ``a``; e.g. seeded standard normal values), clipped to valid pixels [0, 1].

    Parameters
    ----------
    a, b : array_like
        Two images of the same shape (e.g. ``(64,)``).
    t, noise : float
        The position :math:`t \in [0, 1]` between them, and σ ≥ 0.
    pattern : array_like, optional
        The fixed noise ε, shaped like ``a`` (needed when ``noise > 0``).

    Returns
    -------
    ndarray, shaped like ``a``
    """
    a = as_array(a, "a")
    b = as_array(b, "b")
    if a.shape != b.shape:
        raise ValueError(tr("a and b must have the same shape, got {a} and {b}").format(
            a=a.shape, b=b.shape))
    t = real_number(t, "t", low=0.0, high=1.0)
    noise = real_number(noise, "noise", low=0.0)
    x = (1.0 - t) * a + t * b
    if noise:
        eps = as_array(pattern, "pattern")
        if eps.shape != a.shape:
            raise ValueError(tr("pattern must have shape {want}, got {got}").format(
                want=a.shape, got=eps.shape))
        x = x + noise * eps
    return np.clip(x, 0.0, 1.0)


def size_curve(X_train: ArrayLike, y_train: ArrayLike, X_test: ArrayLike, y_test: ArrayLike, sizes: ArrayLike,
               n_hidden: int = 64, updates: int = 600, batch_size: int = 32, lam: float = 0.0,
               seed: int = 0) -> SizeCurve:
    """Train one network on the first ``n`` training images for each ``n`` in ``sizes``.

    Every run takes about ``updates`` Adam steps (the epochs grow as the set shrinks), so a
    small set is learned to the end, not stopped early; the test set is the same for all.

    Parameters
    ----------
    X_train, y_train, X_test, y_test
        As for :func:`fit`.
    sizes : array_like of int
        The numbers n of training images (each at most all of them).
    n_hidden, updates, batch_size : int
        Hidden units, Adam steps per run, images per step.
    lam : float
        The weight decay λ.
    seed : int
        Seed of every run.

    Returns
    -------
    SizeCurve
    """
    X_train = _images(X_train, "X_train")
    y_train = _labels(y_train, X_train, "y_train")
    sizes = np.array([positive_int(int(n) if float(n).is_integer() else n, "sizes")
                      for n in np.atleast_1d(sizes)])
    if sizes.max() > len(y_train):
        raise ValueError(tr("sizes must be at most {n} (the training images), got {got}").format(
            n=len(y_train), got=sizes.max()))
    updates = positive_int(updates, "updates")
    rows = []
    for n in sizes:
        per_epoch = int(np.ceil(n / min(batch_size, n)))
        run = fit(X_train[:n], y_train[:n], X_test, y_test, n_hidden, -(-updates // per_epoch),
                  batch_size, lam=lam, seed=seed, record_test=False)
        rows.append((run.train_accuracy, run.test_accuracy, run.train_loss, run.test_loss))
    return SizeCurve(sizes, *(np.array(col) for col in zip(*rows)))
