r"""The curves of double descent: random ReLU features, the ridge (or minimum-norm) fit at every
width, and the grid over noise σ and penalty λ (the model is in the package's docstring)."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ...i18n import tr
from ..._validation import (as_array, make_rng, nonnegative_vector, positive_int, real_number,
                           whole_numbers)
from .results import DoubleDescentGrid, DoubleDescentResult

_CENTRE_SCALE = 0.5


def target_function(X: ArrayLike) -> np.ndarray:
    r"""The noise-free target :math:`f(x) = \operatorname{ReLU}(x_1 + x_2) - \tfrac12`, shape ``(n,)``.

    A one-unit ReLU "teacher" reading the first two inputs. At the defaults of
    :func:`double_descent_curve` (:math:`n = 30`, :math:`\sigma = 0.3`, widths up to
    :math:`40n`) the median test error far beyond :math:`p = n` is below that of every
    network with :math:`p < n`; from :math:`\sigma \approx 0.5` on, the noise the
    interpolating fits swallow lets the small networks win.
    """
    X = as_array(X, "X", ndim=2, allow_empty=True)
    if X.shape[1] < 2:
        raise ValueError(tr("X must have at least 2 feature columns, got shape {shape}").format(
            shape=X.shape))
    return np.maximum(X[:, 0] + X[:, 1], 0.0) - 0.5


def random_relu_layer(n_inputs: int, n_hidden: int, X_live: ArrayLike | None = None, seed: int | None = None,
                      rng: np.random.Generator | None = None) -> tuple[np.ndarray, np.ndarray]:
    r"""A random first layer ``(W, b)``, shapes ``(n_inputs, n_hidden)`` and ``(n_hidden,)``:
    weights :math:`\omega_{jk} \sim \mathcal{N}(0, 1/s)` for :math:`s` inputs; each unit's
    bias puts its hinge through a random point :math:`c_k \sim \mathcal{N}(0, \tfrac14 I)`,
    :math:`b_k = -c_k^\top \omega_{\cdot k}`, so a unit is active on about half of the
    inputs. If ``X_live`` is given, a unit that is off (:math:`b_k + x^\top\omega_{\cdot k}
    \le 0`) on every row of ``X_live`` is drawn again: a dead unit adds nothing, and
    with it :math:`n` units could not fit :math:`n` training points.

    Parameters
    ----------
    n_inputs, n_hidden : int
        The input dimension s and the number of units.
    X_live : array_like, shape (n, n_inputs), optional
        Inputs on which every unit must be active somewhere.
    seed, rng
        The randomness (``rng`` wins when given; ``seed=None``: fresh randomness).

    Returns
    -------
    W, b : ndarray
    """
    n_inputs, n_hidden = positive_int(n_inputs, "n_inputs"), positive_int(n_hidden, "n_hidden")
    gen = make_rng(seed, rng)
    W, b = np.empty((n_inputs, n_hidden)), np.empty(n_hidden)
    redo = np.ones(n_hidden, dtype=bool)
    live = None if X_live is None else as_array(X_live, "X_live", ndim=2)
    if live is not None and live.shape[1] != n_inputs:
        raise ValueError(tr("X_live must have {n} feature columns, got shape {shape}").format(
            n=n_inputs, shape=live.shape))
    while redo.any():
        W[:, redo] = gen.standard_normal((n_inputs, redo.sum())) / np.sqrt(n_inputs)
        centres = _CENTRE_SCALE * gen.standard_normal((redo.sum(), n_inputs))
        b[redo] = -np.einsum("kj,jk->k", centres, W[:, redo])
        redo = np.zeros(n_hidden, bool) if live is None else np.all(live @ W + b <= 0, axis=0)
    return W, b


def hidden_unit_widths(n_train: int, p_max: int, per_decade: int = 24) -> np.ndarray:
    """Widths for a log axis: every whole number up to ``2 n_train``, then ``per_decade``
    log-spaced ones per factor 10 up to ``p_max`` (included), sorted, without repeats.

    Parameters
    ----------
    n_train : int
        The training-set size n (every width up to 2n is kept).
    p_max : int
        The largest width.
    per_decade : int
        Log-spaced widths per factor 10 beyond 2n.

    Returns
    -------
    ndarray of int

    >>> hidden_unit_widths(3, 100, per_decade=4).tolist()
    [1, 2, 3, 4, 5, 6, 11, 18, 32, 57, 100]
    """
    start, p_max = 2 * positive_int(n_train, "n_train"), positive_int(p_max, "p_max")
    steps = max(1, int(np.ceil(positive_int(per_decade, "per_decade")
                               * np.log10(max(p_max / start, 1.0)))))
    sparse = np.round(np.geomspace(start, p_max, steps + 1)).astype(int)
    return np.unique(np.concatenate([np.arange(1, start + 1), sparse]).clip(max=p_max))


def _grams(H, H_test, widths):
    r""":math:`K_p = H_p H_p^\top = \sum_{k \le p} h_k h_k^\top` and :math:`C_p = H_{test,p}
    H_p^\top` for every width, shapes ``(n_widths, n, n)`` and ``(n_widths, m, n)``: running
    sums, so all widths cost one pass over the units."""
    n = H.shape[0]
    order = np.argsort(widths)
    sorted_widths, rows = widths[order], np.vstack([H, H_test])
    grams = np.empty((widths.size, rows.shape[0], n))
    dense = int(np.sum(sorted_widths == np.arange(1, widths.size + 1)))   # widths 1, 2, ..., d
    grams[order[:dense]] = np.cumsum(rows[:, :dense].T[:, :, None] * H[:, :dense].T[:, None],
                                     axis=0)
    acc = grams[order[dense - 1]] if dense else np.zeros((rows.shape[0], n))
    for i in range(dense, widths.size):
        a, b = (sorted_widths[i - 1] if i else 0), sorted_widths[i]
        acc = acc + rows[:, a:b] @ H[:, a:b].T
        grams[order[i]] = acc
    return grams[:, :n], grams[:, n:]


def _kernel_fit(K, C, Y, lam):
    r""":math:`\alpha = (K_p + n\lambda I)^{-1} Y`; train fit :math:`K_p\alpha`, test fit :math:`C_p\alpha`."""
    alpha = np.linalg.solve(K + K.shape[1] * lam * np.eye(K.shape[1]), Y)
    return K @ alpha, C @ alpha


def _prefix_least_squares(H, Y, H_test, widths):
    r"""Least-squares predictions for column prefixes ``H[:, :p]``, ``p <= n``, from one QR.

    If :math:`H = QR`, the prefix fit uses :math:`Q_{:, :p}` and :math:`R_{:p, :p}`, so the
    train fit is :math:`\sum_{j<p} q_j (q_j^\top Y)` and the test fit
    :math:`\sum_{j<p} s_j (q_j^\top Y)` with :math:`S = H_{test} R^{-1}`: running sums.
    """
    top = int(widths.max())
    q, r = np.linalg.qr(H[:, :top])
    diag = np.abs(np.diag(r))
    if diag.min() <= H.shape[0] * np.finfo(float).eps * diag.max():      # rank-deficient
        beta = [np.linalg.lstsq(H[:, :p], Y, rcond=None)[0] for p in widths]
        return (np.array([H[:, :p] @ b for p, b in zip(widths, beta)]),
                np.array([H_test[:, :p] @ b for p, b in zip(widths, beta)]))
    c = q.T @ Y                                                     # (top, t)
    s = np.linalg.solve(r.T, H_test[:, :top].T).T                   # S R = H_test
    train = np.cumsum(q[:, :, None] * c, axis=1)[:, widths - 1]
    test = np.cumsum(s[:, :, None] * c, axis=1)[:, widths - 1]
    return train.transpose(1, 0, 2), test.transpose(1, 0, 2)


def _fit_widths(H, Y, H_test, widths, lam, grams=None):
    """Train and test predictions, shapes ``(n_widths, n, t)`` and ``(n_widths, m, t)``, for
    the ``t`` columns of ``Y``; ``grams`` from :func:`_grams` (computed if not given)."""
    K, C = _grams(H, H_test, widths) if grams is None else grams
    if lam > 0.0:
        return _kernel_fit(K, C, Y, lam)
    train = np.empty((widths.size, H.shape[0], Y.shape[1]))
    test = np.empty((widths.size, H_test.shape[0], Y.shape[1]))
    under = widths <= H.shape[0]            # at most n units: ordinary least squares
    if under.any():
        train[under], test[under] = _prefix_least_squares(H, Y, H_test, widths[under])
    if (~under).any():                      # more units than points: minimum norm
        train[~under], test[~under] = _kernel_fit(K[~under], C[~under], Y, 0.0)
    return train, test


def _draw_repeat(gen, n_train, n_test, n_inputs, widths):
    """One repeat: hidden activations of train and test inputs, ``f(x)`` and unit noise."""
    X = gen.standard_normal((n_train + n_test, n_inputs))
    f = target_function(X)
    eps = gen.standard_normal(n_train + n_test)
    W, b = random_relu_layer(n_inputs, int(widths.max()), X[:n_train], rng=gen)
    H = np.maximum(X @ W + b, 0.0)
    return H[:n_train], H[n_train:], f, eps


def _repeat_moments(gen, n, n_test, n_inputs, widths, lams):
    r""":math:`\overline{a^2}, \overline{ab}, \overline{b^2}` (residuals :math:`a` of the fit of
    :math:`f`, :math:`b` of :math:`\varepsilon`), shape ``(2 sets, 3, n_lams, n_widths)``."""
    H, H_test, f, eps = _draw_repeat(gen, n, n_test, n_inputs, widths)
    grams = _grams(H, H_test, widths)
    out = np.empty((2, 3, lams.size, widths.size))
    for j, lam in enumerate(lams):
        fits = _fit_widths(H, np.stack([f[:n], eps[:n]], axis=1), H_test, widths, lam, grams)
        for s, (fit, rows) in enumerate(zip(fits, (slice(None, n), slice(n, None)))):
            a, b = fit[..., 0] - f[rows], fit[..., 1] - eps[rows]
            out[s, :, j] = [np.mean(a * a, 1), np.mean(a * b, 1), np.mean(b * b, 1)]
    return out


def _validated(hidden_units, n_train, n_test, n_inputs, n_repeats):
    return (whole_numbers(hidden_units, "hidden_units", minimum=1),
            positive_int(n_train, "n_train", minimum=2),
            positive_int(n_test, "n_test"), positive_int(n_inputs, "n_inputs", minimum=2),
            positive_int(n_repeats, "n_repeats"))


def double_descent_curve(hidden_units: ArrayLike, n_train: int = 30, noise: float = 0.3,
                         lam: float = 0.0, n_test: int = 200, n_inputs: int = 5,
                         n_repeats: int = 30, seed: int | None = 0,
                         rng: np.random.Generator | None = None) -> DoubleDescentResult:
    r"""Train and test MSE of the random-feature ReLU network for each width.

    Each repeat draws ``n_train + n_test`` inputs :math:`x \sim \mathcal{N}(0, I_s)`
    (:math:`s` = ``n_inputs``), targets :math:`y = f(x) + \varepsilon` with
    :math:`\varepsilon \sim \mathcal{N}(0, \sigma^2)` (:math:`f` is
    :func:`target_function`), and one random first layer of ``max(hidden_units)`` units
    (:func:`random_relu_layer`; a unit dead on every training input is drawn again); a
    network with :math:`p` units uses the first :math:`p` of them, and its output
    weights minimise :math:`\frac1n\sum_i (y_i - \sum_k \beta_k h_k(x_i))^2 + \lambda
    \sum_k \beta_k^2` (the minimum-norm least-squares solution when :math:`\lambda = 0`).

    Parameters
    ----------
    hidden_units : sequence of int
        Widths :math:`p \ge 1` (:func:`hidden_unit_widths` spaces them for a log axis).
    n_train, n_test : int
        Training and test set sizes; the test-error peak sits at :math:`p = n`.
    noise, lam : float
        Noise standard deviation :math:`\sigma \ge 0`; penalty :math:`\lambda \ge 0`.
    n_inputs, n_repeats : int
        Input dimension :math:`s \ge 2`; independent draws of data and first layer.
    seed, rng :
        Source of randomness.

    Returns
    -------
    DoubleDescentResult
    """
    widths, n_train, n_test, n_inputs, n_repeats = _validated(
        hidden_units, n_train, n_test, n_inputs, n_repeats)
    noise = real_number(noise, "noise", low=0.0)
    lam = real_number(lam, "lam", low=0.0)
    grid = double_descent_grid(widths, [noise], [lam], n_train, n_test, n_inputs,
                               n_repeats, rng=make_rng(seed, rng))
    return DoubleDescentResult(widths, grid.train_mse[0, 0], grid.test_mse[0, 0],
                               grid.train_runs[0, :, 0], grid.test_runs[0, :, 0],
                               n_train, noise, lam)


def double_descent_grid(hidden_units: ArrayLike, noises: ArrayLike, lams: ArrayLike, n_train: int = 30,
                        n_test: int = 200, n_inputs: int = 5, n_repeats: int = 30, seed: int | None = 0,
                        rng: np.random.Generator | None = None) -> DoubleDescentGrid:
    r""":func:`double_descent_curve` for every noise level and ridge penalty at once.

    The fitted outputs are linear in the targets: for each width and :math:`\lambda`,
    :math:`\hat y = P y` with :math:`y = f + \sigma\varepsilon`. So the residual is
    :math:`a + \sigma b` with :math:`a = Pf - f` and :math:`b = P\varepsilon - \varepsilon`, and

    .. math:: \text{MSE}(\sigma) = \overline{a^2} + 2\sigma\,\overline{ab} + \sigma^2\,\overline{b^2}.

    Two fits per :math:`\lambda` and repeat (of :math:`f` and of :math:`\varepsilon`), from
    one set of Gram matrices per repeat, then give every repeat's curves for every
    :math:`\sigma`, and their medians: this is how a live figure shows every slider
    setting without refitting.

    Parameters
    ----------
    hidden_units, n_train, n_test, n_inputs, n_repeats, seed, rng
        As for :func:`double_descent_curve`.
    noises, lams : array_like, 1-D
        The noise levels σ ≥ 0 and the penalties λ ≥ 0.

    Returns
    -------
    DoubleDescentGrid
    """
    widths, n, n_test, n_inputs, n_repeats = _validated(
        hidden_units, n_train, n_test, n_inputs, n_repeats)
    noises, lams = nonnegative_vector(noises, "noises"), nonnegative_vector(lams, "lams")
    gen = make_rng(seed, rng)
    moments = np.stack([_repeat_moments(gen, n, n_test, n_inputs, widths, lams)
                        for _ in range(n_repeats)], axis=2)   # (2, 3, n_repeats, n_lams, W)
    sig = noises[:, None, None, None]
    runs = [np.maximum(m[0] + 2.0 * sig * m[1] + sig ** 2 * m[2], 0.0) for m in moments]
    return DoubleDescentGrid(widths, noises, lams, np.median(runs[0], axis=1),
                             np.median(runs[1], axis=1), runs[0], runs[1], n)
