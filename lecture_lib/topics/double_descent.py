r"""Double descent of a shallow ReLU network with a random first layer.

The first layer is fixed at random, so the hidden activations
:math:`h_k(x) = \operatorname{ReLU}(b_k + x^\top \omega_{\cdot k})` are random features,
and only the output weights :math:`\beta` are fitted, by the ridge cost

.. math::

    \frac1n \sum_{i=1}^n \Big(y_i - \sum_{k=1}^{p} \beta_k h_k(x_i)\Big)^2
    + \lambda \sum_{k=1}^{p} \beta_k^2 ,
    \qquad \hat\beta = H^\top (H H^\top + n\lambda I)^{-1} y ,

where :math:`H` is the ``(n, p)`` matrix of hidden activations on the training set.
At :math:`\lambda = 0` this is the minimum-norm least-squares fit
:math:`\hat\beta = H^{+} y`. With :math:`p < n` units the fit cannot pass through the
data; at :math:`p = n` it just can, with huge weights, and the test error peaks;
for :math:`p > n` the minimum-norm solution gets smoother again and the test error
falls a second time. A ridge penalty :math:`\lambda > 0` removes the peak.

>>> from lecture_lib.topics.double_descent import double_descent_curve
>>> r = double_descent_curve(range(1, 81), n_train=30, seed=0)
>>> int(r.hidden_units[r.test_mse.argmax()])
30
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._validation import (as_array, make_rng, nonnegative_vector, positive_int, real_number,
                           whole_numbers)

_CENTRE_SCALE = 0.5


def target_function(X) -> np.ndarray:
    r"""The noise-free target :math:`f(x) = \operatorname{ReLU}(x_1 + x_2) - \tfrac12`, shape ``(n,)``.

    A one-unit ReLU "teacher": the random-feature network can approximate it well, so
    the second descent ends below the best underparameterised test error.
    """
    X = as_array(X, "X", ndim=2, allow_empty=True)
    if X.shape[1] < 2:
        raise ValueError(f"X must have at least 2 feature columns, got shape {X.shape}")
    return np.maximum(X[:, 0] + X[:, 1], 0.0) - 0.5


def random_relu_layer(n_inputs: int, n_hidden: int, X_live=None, seed=None,
                      rng=None) -> tuple[np.ndarray, np.ndarray]:
    r"""A random first layer ``(W, b)``, shapes ``(n_inputs, n_hidden)`` and ``(n_hidden,)``.

    Weights :math:`\omega_{jk} \sim \mathcal{N}(0, 1/s)` for :math:`s` inputs; each unit's
    bias puts its hinge through a random point :math:`c_k \sim \mathcal{N}(0, \tfrac14 I)`,
    :math:`b_k = -c_k^\top \omega_{\cdot k}`, so a unit is active on about half of the
    inputs. If ``X_live`` is given, a unit that is off (:math:`b_k + x^\top\omega_{\cdot k}
    \le 0`) on every row of ``X_live`` is drawn again: a dead unit adds nothing, and
    with it :math:`n` units could not fit :math:`n` training points.

    Parameters
    ----------
    n_inputs, n_hidden : int
    X_live : array_like, shape (n, n_inputs), optional
    seed, rng
        Source of randomness (``rng`` wins; ``seed=None``: fresh randomness).

    Returns
    -------
    (ndarray, ndarray)
    """
    n_inputs, n_hidden = positive_int(n_inputs, "n_inputs"), positive_int(n_hidden, "n_hidden")
    gen = make_rng(seed, rng)
    W, b = np.empty((n_inputs, n_hidden)), np.empty(n_hidden)
    redo = np.ones(n_hidden, dtype=bool)
    live = None if X_live is None else as_array(X_live, "X_live", ndim=2)
    if live is not None and live.shape[1] != n_inputs:
        raise ValueError(f"X_live must have {n_inputs} feature columns, got shape {live.shape}")
    while redo.any():
        W[:, redo] = gen.standard_normal((n_inputs, redo.sum())) / np.sqrt(n_inputs)
        centres = _CENTRE_SCALE * gen.standard_normal((redo.sum(), n_inputs))
        b[redo] = -np.einsum("kj,jk->k", centres, W[:, redo])
        redo = np.zeros(n_hidden, bool) if live is None else np.all(live @ W + b <= 0, axis=0)
    return W, b


@dataclass(frozen=True)
class DoubleDescentResult:
    """Train and test mean squared error per number of hidden units.

    Attributes
    ----------
    hidden_units : ndarray of int, shape (n_widths,)
    train_mse, test_mse : ndarray, shape (n_widths,)
        Averages over the repeats.
    train_runs, test_runs : ndarray, shape (n_repeats, n_widths)
        The individual repeats (the peak's test error is heavy-tailed: see their median).
    n_train : int
    noise : float
        Noise standard deviation :math:`\\sigma`; the best possible test MSE is :math:`\\sigma^2`.
    lam : float
        The ridge penalty :math:`\\lambda` on the output weights.
    """

    hidden_units: np.ndarray
    train_mse: np.ndarray
    test_mse: np.ndarray
    train_runs: np.ndarray
    test_runs: np.ndarray
    n_train: int
    noise: float
    lam: float


def _kernel_fit(H, y, H_test, widths, lam):
    """Predictions for every width from :math:`\\beta = H_p^\\top (H_p H_p^\\top + n\\lambda I)^{-1} y`.

    :math:`H_p H_p^\\top = \\sum_{k \\le p} h_k h_k^\\top` is a running sum over units, so all
    Gram matrices come from one cumulative sum and one batched solve.
    """
    n = H.shape[0]
    top = int(widths.max())
    cols = H[:, :top].T                                             # (top, n), one row per unit
    gram = np.cumsum(cols[:, :, None] * cols[:, None, :], axis=0)[widths - 1]
    gram[:, np.arange(n), np.arange(n)] += n * lam                # (n_widths, n, n)
    alpha = np.linalg.solve(gram, np.broadcast_to(y[:, None], (widths.size, n, 1)))[..., 0]
    # einsum, not @: too small for BLAS threads, whose start-up cost was ~5x on 2 busy cores
    beta = np.einsum("wn,nk->wk", alpha, H[:, :top]) * (np.arange(top) < widths[:, None])
    return (np.einsum("wk,nk->wn", beta, H[:, :top]),
            np.einsum("wk,mk->wm", beta, H_test[:, :top]))


def _prefix_least_squares(H, y, H_test, widths):
    """Least-squares predictions for column prefixes ``H[:, :p]``, ``p <= n``, from one QR.

    If :math:`H = QR`, the prefix fit uses :math:`Q_{:, :p}` and :math:`R_{:p, :p}`, so the
    train fit is :math:`\\sum_{j<p} q_j (q_j^\\top y)` and the test fit
    :math:`\\sum_{j<p} s_j (q_j^\\top y)` with :math:`S = H_{test} R^{-1}`: running sums.
    """
    top = int(widths.max())
    q, r = np.linalg.qr(H[:, :top])
    diag = np.abs(np.diag(r))
    if diag.min() <= H.shape[0] * np.finfo(float).eps * diag.max():
        return _lstsq_loop(H, y, H_test, widths)                  # rank-deficient prefix
    c = q.T @ y
    s = np.linalg.solve(r.T, H_test[:, :top].T).T                   # S R = H_test
    train = np.cumsum(q * c, axis=1)[:, widths - 1].T
    test = np.cumsum(s * c, axis=1)[:, widths - 1].T
    return train, test


def _lstsq_loop(H, y, H_test, widths):
    beta = [np.linalg.lstsq(H[:, :p], y, rcond=None)[0] for p in widths]
    return (np.array([H[:, :p] @ b for p, b in zip(widths, beta)]),
            np.array([H_test[:, :p] @ b for p, b in zip(widths, beta)]))


def _fit_widths(H, y, H_test, widths, lam):
    """Train and test predictions, shapes ``(n_widths, n)`` and ``(n_widths, m)``."""
    if lam > 0.0:
        return _kernel_fit(H, y, H_test, widths, lam)
    train = np.empty((widths.size, H.shape[0]))
    test = np.empty((widths.size, H_test.shape[0]))
    under = widths <= H.shape[0]            # at most n units: ordinary least squares
    if under.any():
        train[under], test[under] = _prefix_least_squares(H, y, H_test, widths[under])
    if (~under).any():                      # more units than points: minimum norm
        train[~under], test[~under] = _kernel_fit(H, y, H_test, widths[~under], 0.0)
    return train, test


def _draw_repeat(gen, n_train, n_test, n_inputs, top):
    """One repeat's draws: hidden activations ``H`` (rows: train then test), ``f(x)`` and unit noise."""
    X = gen.standard_normal((n_train + n_test, n_inputs))
    f = target_function(X)
    eps = gen.standard_normal(n_train + n_test)
    W, b = random_relu_layer(n_inputs, top, X[:n_train], rng=gen)
    return np.maximum(X @ W + b, 0.0), f, eps


def double_descent_curve(hidden_units, n_train: int = 30, noise: float = 0.3,
                         lam: float = 0.0, n_test: int = 200, n_inputs: int = 5,
                         n_repeats: int = 5, seed=0, rng=None) -> DoubleDescentResult:
    r"""Train and test MSE of the random-feature ReLU network for each width.

    Each repeat draws ``n_train + n_test`` inputs :math:`x \sim \mathcal{N}(0, I_s)`
    (:math:`s` = ``n_inputs``), targets :math:`y = f(x) + \varepsilon` with
    :math:`\varepsilon \sim \mathcal{N}(0, \sigma^2)` (see :func:`target_function`), and
    one random first layer of ``max(hidden_units)`` units (see :func:`random_relu_layer`;
    none dead on the training set); a network with :math:`p` units
    uses the first :math:`p` of them, and its output weights minimise
    :math:`\frac1n\sum_i (y_i - \sum_k \beta_k h_k(x_i))^2 + \lambda \sum_k \beta_k^2`
    (the minimum-norm solution when :math:`\lambda = 0`).

    Parameters
    ----------
    hidden_units : sequence of int
        Widths :math:`p \ge 1` to evaluate.
    n_train, n_test : int
        Training and test set sizes; the test-error peak sits at :math:`p = n`.
    noise : float
        Noise standard deviation :math:`\sigma \ge 0`.
    lam : float
        Penalty :math:`\lambda \ge 0` on the output weights.
    n_inputs, n_repeats : int
        Input dimension :math:`s \ge 2`; independent draws (data, first layer) averaged over.
    seed, rng :
        Source of randomness.

    Returns
    -------
    DoubleDescentResult
    """
    widths = whole_numbers(hidden_units, "hidden_units", minimum=1)
    n_train = positive_int(n_train, "n_train", minimum=2)
    n_test = positive_int(n_test, "n_test")
    noise = real_number(noise, "noise", low=0.0)
    lam = real_number(lam, "lam", low=0.0)
    n_inputs = positive_int(n_inputs, "n_inputs", minimum=2)
    n_repeats = positive_int(n_repeats, "n_repeats")
    gen = make_rng(seed, rng)
    runs = np.empty((2, n_repeats, widths.size))
    for r in range(n_repeats):
        H, f, eps = _draw_repeat(gen, n_train, n_test, n_inputs, int(widths.max()))
        y = f + noise * eps
        train, test = _fit_widths(H[:n_train], y[:n_train], H[n_train:], widths, lam)
        runs[0, r] = np.mean((train - y[:n_train]) ** 2, axis=1)
        runs[1, r] = np.mean((test - y[n_train:]) ** 2, axis=1)
    return DoubleDescentResult(widths, runs[0].mean(axis=0), runs[1].mean(axis=0), runs[0],
                               runs[1], n_train, noise, lam)


@dataclass(frozen=True)
class DoubleDescentGrid:
    """Mean train and test MSE for every pair (noise :math:`\\sigma`, ridge :math:`\\lambda`).

    Attributes
    ----------
    hidden_units : ndarray of int, shape (n_widths,)
    noises, lams : ndarray, shapes (n_noises,) and (n_lams,)
    train_mse, test_mse : ndarray, shape (n_noises, n_lams, n_widths)
        Entry ``[i, j]`` equals ``double_descent_curve(..., noise=noises[i],
        lam=lams[j])`` with the same seed, up to rounding.
    n_train : int
    """

    hidden_units: np.ndarray
    noises: np.ndarray
    lams: np.ndarray
    train_mse: np.ndarray
    test_mse: np.ndarray
    n_train: int


def double_descent_grid(hidden_units, noises, lams, n_train: int = 30, n_test: int = 200,
                        n_inputs: int = 5, n_repeats: int = 5, seed=0,
                        rng=None) -> DoubleDescentGrid:
    r""":func:`double_descent_curve` for every noise level and ridge penalty at once.

    The fitted outputs are linear in the targets: for each width and :math:`\lambda`,
    :math:`\hat y = P y` with :math:`y = f + \sigma\varepsilon`. So the residual is
    :math:`a + \sigma b` with :math:`a = Pf - f` and :math:`b = P\varepsilon - \varepsilon`, and

    .. math:: \text{MSE}(\sigma) = \overline{a^2} + 2\sigma\,\overline{ab} + \sigma^2\,\overline{b^2}.

    Two fits per :math:`\lambda` (of :math:`f` and of :math:`\varepsilon`) then give the
    curves for every :math:`\sigma`: this is how a live figure shows every slider
    setting without refitting.

    Parameters
    ----------
    hidden_units, n_train, n_test, n_inputs, n_repeats, seed, rng
        As for :func:`double_descent_curve`.
    noises, lams : sequence of float
        The noise levels σ and penalties λ, each ≥ 0.

    Returns
    -------
    DoubleDescentGrid
    """
    widths = whole_numbers(hidden_units, "hidden_units", minimum=1)
    noises = nonnegative_vector(noises, "noises")
    lams = nonnegative_vector(lams, "lams")
    n = positive_int(n_train, "n_train", minimum=2)
    n_test, n_repeats = positive_int(n_test, "n_test"), positive_int(n_repeats, "n_repeats")
    n_inputs = positive_int(n_inputs, "n_inputs", minimum=2)
    gen = make_rng(seed, rng)
    moments = np.zeros((2, 3, lams.size, widths.size))    # (train, test) x (aa, ab, bb)
    for _ in range(n_repeats):
        H, f, eps = _draw_repeat(gen, n, n_test, n_inputs, int(widths.max()))
        for j, lam in enumerate(lams):
            fit_f = _fit_widths(H[:n], f[:n], H[n:], widths, lam)
            fit_e = _fit_widths(H[:n], eps[:n], H[n:], widths, lam)
            for s, rows in enumerate((slice(None, n), slice(n, None))):
                a, b = fit_f[s] - f[rows], fit_e[s] - eps[rows]
                moments[s, :, j] += [np.mean(a * a, 1), np.mean(a * b, 1), np.mean(b * b, 1)]
    moments /= n_repeats
    sig = noises[:, None, None]
    mse = [m[0] + 2.0 * sig * m[1] + sig ** 2 * m[2] for m in moments]   # (n_noises, n_lams, n_widths)
    return DoubleDescentGrid(widths, noises, lams, mse[0], mse[1], n)
