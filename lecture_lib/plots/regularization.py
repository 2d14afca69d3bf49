r"""Figures of notebook 14: overfitting, Lasso and ridge, early stopping (live builders
return ``(figure, draw)``; ``draw`` only moves animated artists)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from ..regression import true_function
from ..i18n import tr
from ..topics.regularization import PolynomialFitErrors, epoch_label
from ..training import History
from .style import COLORS, legend_below, new_figure, styled

FEATURE_COLORS = tuple(COLORS[c] for c in ("blue", "orange", "green", "purple", "red", "sky"))


def _fit_panel(ax, grid, y_range):
    """Left panel of :func:`degree_fit`: the true curve; returns the (points, fit) artists."""
    ax.set(xlim=(0, 1), ylim=y_range, xlabel=tr("input $x$"), ylabel=tr("output $y$"),
           title=tr("training data and the fitted polynomial"))
    ax.plot(grid, true_function(grid), color=COLORS["grey"], ls="--", lw=1.8,
            label=tr("true function $f(x)$"))
    (points,) = ax.plot([], [], "o", ms=5, color=COLORS["black"], animated=True,
                        label=tr("training points $(x_i, y_i)$"))
    (curve,) = ax.plot([], [], color=COLORS["blue"], lw=2.6, animated=True,
                       label=tr("fit of degree $d$"))
    legend_below(ax, handles=[ax.lines[0], points, curve])
    return points, curve


def _error_panel(ax, degrees, noise_var, mse_range):
    """Right panel of :func:`degree_fit`; returns (train, test, train mark, test mark, now)."""
    ax.set(xlim=(degrees[0] - 0.5, degrees[-1] + 0.5), ylim=mse_range,
           xlabel=tr("polynomial degree $d$"), ylabel=tr("mean squared error"),
           title=tr("train vs test error"))
    (train,) = ax.plot([], [], "-o", ms=4, color=COLORS["blue"], animated=True,
                       label=tr("train MSE"))
    (test,) = ax.plot([], [], "-s", ms=4, color=COLORS["red"], animated=True,
                      label=tr("test MSE"))
    marks = [ax.plot([], [], m, ms=13, mfc="none", mew=2.5, color=COLORS[c], animated=True)[0]
             for m, c in (("o", "blue"), ("s", "red"))]
    (now,) = ax.plot([], [], color=COLORS["grey"], lw=1.2, animated=True,
                     label=tr("current degree $d$"))
    floor = ax.axhline(noise_var, color=COLORS["black"], ls=":", lw=1.5,
                       label=tr("noise level $\\sigma^2$"))
    legend_below(ax, handles=[train, test, floor, now])
    return train, test, marks[0], marks[1], now


@styled
def degree_fit(results: Mapping[int, PolynomialFitErrors], noise_var: float,
               y_range: tuple[float, float] = (-2.0, 2.0), mse_range: tuple[float, float] = (0.0, 1.0)
               ) -> tuple[Figure, Callable[[int, int], None]]:
    r"""A polynomial fit of degree :math:`d` and its train and test MSE against :math:`d`.

    Parameters
    ----------
    results : mapping of int to PolynomialFitErrors
        A training-set size :math:`n` to one call of ``polynomial_fit_errors`` (same degrees for every n).
    noise_var : float
        :math:`\sigma^2`, the lowest test MSE any fit can reach.
    y_range, mse_range : (float, float)
        The fit panel's and the error panel's y limits.

    Returns
    -------
    (Figure, callable)
        The figure and ``draw(degree, n_train)``: that fit, and the degree marked on the error curves.
    """
    first = next(iter(results.values()))
    fig = new_figure(11.5, 4.9)
    left, right = fig.subplots(1, 2)
    points, curve = _fit_panel(left, first.x_grid, y_range)
    train, test, mark_train, mark_test, now = _error_panel(right, first.degrees, noise_var,
                                                           mse_range)

    def draw(degree: int, n_train: int) -> None:
        r = results[n_train]
        i = int(np.searchsorted(r.degrees, degree))
        points.set_data(r.x_train, r.y_train)
        points.set_markersize(5 if r.x_train.size <= 100 else 2)
        curve.set_data(r.x_grid, r.curves[i])
        train.set_data(r.degrees, r.train_mse)
        test.set_data(r.degrees, r.test_mse)
        mark_train.set_data([degree], [r.train_mse[i]])
        mark_test.set_data([degree], [r.test_mse[i]])
        now.set_data([degree, degree], mse_range)
    return fig, draw


def _feature_colors(beta_true) -> list[str]:
    """Own colour for each feature with a true effect, grey for the irrelevant ones."""
    rank = np.cumsum(np.asarray(beta_true) != 0) - 1  # how many true effects come before
    return [FEATURE_COLORS[k % len(FEATURE_COLORS)] if b != 0 else COLORS["grey"]
            for k, b in zip(rank, beta_true)]


@styled
def coefficient_paths(lams: np.ndarray, lasso_coefs: np.ndarray, ridge_coefs: np.ndarray, beta_true: np.ndarray,
                      coef_range: tuple[float, float] = (-2.5, 3.5)) -> tuple[Figure, Callable[[int], None]]:
    r"""Lasso and ridge coefficients :math:`\hat\beta_j(\lambda)`: now, and along their paths.

    Left: every coefficient at the current λ beside its true value; middle, right: the paths, λ marked.

    Parameters
    ----------
    lams : ndarray, shape (n_lams,)
        The penalties λ.
    lasso_coefs, ridge_coefs : ndarray, shape (n_lams, n_features)
        One row of coefficients per λ in ``lams``.
    beta_true : ndarray, shape (n_features,)
        The true coefficients.
    coef_range : (float, float)
        The coefficients' axis limits.

    Returns
    -------
    (Figure, callable)
        The figure and ``draw(i)``, which shows ``lams[i]``.
    """
    lams, beta_true = np.asarray(lams), np.asarray(beta_true, dtype=float)
    p = beta_true.size
    j = np.arange(1, p + 1)
    colors = _feature_colors(beta_true)
    fig = new_figure(12.5, 5.0)
    now, lasso_ax, ridge_ax = fig.subplots(1, 3, width_ratios=[1.0, 1.15, 1.15])
    now.set(xlim=(0.4, p + 0.6), ylim=coef_range, xticks=j, xlabel=tr("feature $j$"),
            ylabel=tr("coefficient $\\hat\\beta_j$"),
            title=tr("coefficients at the current $\\lambda$"))
    now.axhline(0, color=COLORS["black"], lw=0.8)
    now.plot(j, beta_true, "_", ms=22, mew=3, color=COLORS["black"], label=tr("true $\\beta_j$"))
    (l_now,) = now.plot([], [], "o", ms=9, color=COLORS["blue"], animated=True, label="Lasso")
    (r_now,) = now.plot([], [], "D", ms=7, mfc="none", mew=2, color=COLORS["red"],
                        animated=True, label=tr("ridge"))
    now.legend(loc="upper right")
    cursors, dots = [], []
    for ax, coefs, name in ((lasso_ax, lasso_coefs, "Lasso: $\\lambda\\sum_j|\\beta_j|$"),
                            (ridge_ax, ridge_coefs, tr("ridge: $\\lambda\\sum_j\\beta_j^2$"))):
        ax.set(xscale="log", xlim=(lams.min(), lams.max()), ylim=coef_range,
               xlabel=tr("penalty $\\lambda$ (log scale)"), ylabel="$\\hat\\beta_j(\\lambda)$",
               title=name)
        ax.axhline(0, color=COLORS["black"], lw=0.8)
        for k in range(p):
            ax.plot(lams, coefs[:, k], color=colors[k], lw=2.0 if beta_true[k] else 1.3,
                    label=tr("{beta} (true {value})").format(beta=f"$\\beta_{{{k + 1}}}$",
                                                              value=f"{beta_true[k]:g}")
                    if beta_true[k] else None)
        cursors.append(ax.axvline(lams[0], color=COLORS["black"], ls=":", lw=1.5, animated=True))
        dots.append(ax.scatter(np.full(p, lams[0]), coefs[0], s=30, c=colors, zorder=3,
                               animated=True))
    lasso_ax.plot([], [], color=COLORS["grey"], lw=1.3, label=tr("features with true $\\beta_j = 0$"))
    legend_below(lasso_ax)

    def draw(i: int) -> None:
        l_now.set_data(j - 0.12, lasso_coefs[i])
        r_now.set_data(j + 0.12, ridge_coefs[i])
        for cursor, dot, coefs in zip(cursors, dots, (lasso_coefs, ridge_coefs)):
            cursor.set_xdata([lams[i]] * 2)
            dot.set_offsets(np.column_stack([np.full(p, lams[i]), coefs[i]]))
    return fig, draw


@styled
def one_coefficient(b: ArrayLike, lam: float, lasso_hat: ArrayLike, ridge_hat: ArrayLike) -> Figure:
    r"""Why the Lasso makes exact zeros: one coefficient, penalty shapes and solutions.

    Left: the penalties :math:`\lambda|\beta|` (a corner at 0) and :math:`\lambda\beta^2`
    (smooth). Right: the penalised solutions :math:`\hat\beta` against the unpenalised
    one :math:`b`, for a single sample with :math:`X = 1, Y = b`: the Lasso's
    :math:`\operatorname{sign}(b)\max(|b| - \lambda/2, 0)` and ridge's :math:`b / (1 + \lambda)`.

    Parameters
    ----------
    b, lasso_hat, ridge_hat : array_like, shape (n,)
        Unpenalised solutions (the right panel's x axis) and the penalised ones for each.
    lam : float
        The penalty λ.

    Returns
    -------
    Figure
    """
    b = np.asarray(b, dtype=float)
    fig = new_figure(11.0, 4.0)
    left, right = fig.subplots(1, 2)
    beta = np.linspace(-2, 2, 401)
    left.plot(beta, lam * np.abs(beta), color=COLORS["blue"], label="Lasso $\\lambda|\\beta|$")
    left.plot(beta, lam * beta ** 2, color=COLORS["red"], ls="--",
              label=tr("ridge $\\lambda\\beta^2$"))
    left.set(xlabel=tr("coefficient $\\beta$"), ylabel=tr("penalty"), ylim=(0, 2 * lam),
             title=tr("penalty for one coefficient ($\\lambda$ = {lam})").format(lam=f"{lam:g}"))
    left.legend(loc="upper center")
    right.plot(b, b, color=COLORS["grey"], lw=1.4, ls=":", label=tr("no penalty: $\\hat\\beta = b$"))
    right.plot(b, lasso_hat, color=COLORS["blue"], label="Lasso")
    right.plot(b, ridge_hat, color=COLORS["red"], ls="--", label=tr("ridge"))
    right.axvspan(-lam / 2, lam / 2, color=COLORS["sky"], alpha=0.2, lw=0,
                  label=tr("Lasso gives exactly 0"))
    right.set(xlabel=tr("least-squares coefficient $b$"),
              ylabel=tr("penalised coefficient $\\hat\\beta$"),
              title=tr("solution with one sample, $X = 1$, $Y = b$"))
    right.legend(loc="upper left", fontsize=9)
    return fig


@styled
def early_stopping(history: History, best_epoch: int, x_train: np.ndarray, y_train: np.ndarray,
                   x_grid: np.ndarray, true_y: np.ndarray,
                   fits: Mapping[str | int, np.ndarray]) -> Figure:
    r"""Train and validation loss per epoch, the best epoch, and the fits it separates.

    Parameters
    ----------
    history : History
        The record of a run with a validation set.
    best_epoch : int
        The epoch of the lowest validation loss, marked.
    x_train, y_train, x_grid, true_y : ndarray
        The training points ``(n,)``, a fine grid and the noise-free target on it ``(n_grid,)``.
    fits : mapping of str or int to ndarray, shape (n_grid,)
        A label to the network's output on ``x_grid``. A label that is an epoch number (int)
        is named in the legend: the early stop (``best_epoch``), the last epoch (trained to
        the end), or that epoch.

    Returns
    -------
    Figure
    """
    fig = new_figure(11.5, 4.7)
    left, right = fig.subplots(1, 2)
    epochs = np.asarray(history.epochs)
    left.plot(epochs, history.train_loss, color=COLORS["blue"], label=tr("training loss"))
    left.plot(epochs, history.test_loss, color=COLORS["red"], ls="--", label=tr("validation loss"))
    best = history.test_loss[best_epoch - 1]
    left.axvline(best_epoch, color=COLORS["black"], ls=":", lw=1.5,
                 label=tr("lowest validation loss (epoch {epoch})").format(epoch=best_epoch))
    left.plot([best_epoch], [best], "*", ms=16, color=COLORS["black"])
    left.set(yscale="log", xlabel=tr("epoch"), ylabel=tr("MSE (log scale)"),
             title=tr("stop where the validation loss is lowest"))
    left.legend(loc="upper right")
    right.plot(x_grid, true_y, color=COLORS["grey"], ls="--", lw=1.6,
               label=tr("true function"))
    right.plot(x_train, y_train, "o", color=COLORS["black"], label=tr("training points"))
    for (label, y), color, style in zip(fits.items(), (COLORS["green"], COLORS["orange"]),
                                        ("-", "-.")):
        right.plot(x_grid, y, color=color, ls=style, label=epoch_label(label, best_epoch, epochs))
    right.set(xlabel=tr("input $x$"), ylabel=tr("output $y$"), ylim=(-2, 2),
              title=tr("the network at two epochs"))
    legend_below(right)
    return fig


@styled
def more_data(results: Mapping[int, PolynomialFitErrors], degree: int, noise_var: float,
              y_range: tuple[float, float] = (-2.0, 2.0)) -> Figure:
    r"""More data reduces overfitting: test MSE against :math:`d` and one fit per :math:`n`.

    Left: the test MSE against the degree :math:`d`, one curve per :math:`n` (log scale), beside
    :math:`\sigma^2`. Right: the degree-``degree`` fit for every :math:`n` with the true :math:`f`.

    Parameters
    ----------
    results : mapping of int to PolynomialFitErrors
        A training-set size :math:`n` to its errors and fits.
    degree : int
    noise_var : float
        :math:`\sigma^2`, drawn as the floor.
    y_range : (float, float)
        The fit panel's y limits.

    Returns
    -------
    Figure
    """
    colors = (COLORS["red"], COLORS["orange"], COLORS["green"], COLORS["blue"])
    styles = ("-", "--", "-.", "-")
    fig = new_figure(11.5, 4.7)
    left, right = fig.subplots(1, 2)
    grid = next(iter(results.values())).x_grid
    right.plot(grid, true_function(grid), color=COLORS["black"], ls=":", lw=2,
               label=tr("true function $f(x)$"))
    for (n, r), color, ls in zip(results.items(), colors, styles):
        left.semilogy(r.degrees, r.test_mse, "o", ls=ls, ms=4, color=color, label=f"$n$ = {n}")
        i = int(np.searchsorted(r.degrees, degree))
        right.plot(r.x_grid, r.curves[i], color=color, ls=ls, label=f"$n$ = {n}")
    left.axhline(noise_var, color=COLORS["black"], ls=":", lw=1.5, label=tr("noise level $\\sigma^2$"))
    left.axvline(degree, color=COLORS["grey"], lw=1.2)
    left.set(ylim=(0.5 * noise_var, 1e3), xlabel=tr("polynomial degree $d$"),
             ylabel=tr("test MSE (log scale)"),
             title=tr("test error against $d$: the rise fades with $n$"))
    left.legend(loc="upper left", fontsize=9)
    right.set(xlim=(0, 1), ylim=y_range, xlabel=tr("input $x$"), ylabel=tr("output $y$"),
              title=tr("the degree-{degree} fit for each $n$").format(degree=degree))
    legend_below(right, ncols=3)
    return fig
