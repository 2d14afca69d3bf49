r"""Figures of double descent (notebook 17).

A shallow ReLU network with :math:`p` hidden units whose first layer is random and
whose output weights are the minimum-norm least-squares fit (or the ridge fit with
penalty :math:`\lambda`): train and test mean squared error against :math:`p`, with the
interpolation threshold :math:`p = n` marked. Numbers come from
:mod:`lecture_lib.topics.double_descent`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure

from ..i18n import tr
from ..topics.double_descent import CurveSummary, DoubleDescentGrid, DoubleDescentResult, summarize_curves
from .style import COLORS, legend_below, new_figure, styled

TEST_COLOR, TRAIN_COLOR = COLORS["red"], COLORS["blue"]
FLOOR = 1e-30      # exact zeros cannot be drawn on a log axis; train MSE 0 is drawn here


def _threshold(ax, n_train, p_max, y_top):
    """The line p = n and the names of the two sides (centred on the log axis)."""
    ax.axvline(n_train, color=COLORS["black"], ls=":", lw=2,
               label=tr("interpolation threshold $p = n = {n}$").format(n=n_train))
    for x, text in ((np.sqrt(n_train), tr("under-parameterised\n$p < n$")),
                    (np.sqrt(n_train * p_max), tr("over-parameterised\n$p > n$"))):
        ax.text(x, y_top * 0.5, text, ha="center", va="top", fontsize=11,
                color=COLORS["grey"])


def _axes(ax, widths, y_range):
    ax.set(xscale="log", xlim=(widths[0], widths[-1]), ylim=y_range, yscale="log",
           xlabel=tr("hidden units $p$ (log scale)"), ylabel=tr("mean squared error"))


@styled
def curve_live(grid: DoubleDescentGrid, y_range: tuple[float, float] = (1e-2, 1e3)
               ) -> tuple[Figure, Callable[[float, float], CurveSummary]]:
    """Median train and test MSE against the width for one (σ, λ) of ``grid`` at a time.

    ``grid`` is a ``DoubleDescentGrid`` with sorted widths; ``draw(noise, lam)`` shows the
    curves for the grid entries closest to ``noise`` and ``lam``, marks the best width on
    each side of :math:`p = n` and the peak (only if there is one), and returns
    :func:`lecture_lib.topics.double_descent.summarize_curves` (a ``CurveSummary``).
    """
    widths, n = grid.hidden_units, grid.n_train
    fig = new_figure(11.0, 4.8)
    ax = fig.subplots()
    _axes(ax, widths, y_range)
    _threshold(ax, n, widths[-1], y_range[1])
    (test,) = ax.plot(widths, widths, color=TEST_COLOR, lw=2.5, animated=True,
                      label=tr("test MSE (orange)"))
    (train,) = ax.plot(widths, widths, color=TRAIN_COLOR, lw=2.5, animated=True,
                       label=tr("train MSE (drops off the axis where it is 0)"))
    floor = ax.axhline(1.0, color=COLORS["grey"], ls="--", lw=1.8, animated=True,
                       label=tr(r"noise floor $\sigma^2$"))
    (peak,) = ax.plot([], [], "v", ms=12, color=TEST_COLOR, mec=COLORS["black"],
                      animated=True, label=tr("peak at $p \\approx n$"))
    (best,) = ax.plot([], [], "o", ms=10, color=COLORS["green"], mec=COLORS["black"],
                      animated=True, label=tr("lowest test MSE on each side"))
    fig.legend(loc="outside right upper", fontsize=10, frameon=False)

    def draw(noise, lam):
        i = int(np.argmin(np.abs(grid.noises - noise)))
        j = int(np.argmin(np.abs(grid.lams - lam)))
        te, tr = grid.test_mse[i, j], grid.train_mse[i, j]
        test.set_ydata(te)
        train.set_ydata(np.maximum(tr, FLOOR))
        floor.set_ydata([grid.noises[i] ** 2] * 2)
        floor.set_visible(grid.noises[i] > 0)
        m = summarize_curves(widths, te, tr, n, grid.noises[i] ** 2)
        peak.set_data(([m.peak], [min(m.peak_mse, y_range[1] * 0.9)])
                      if m.peak is not None else ([], []))
        sides = [(p, mse) for p, mse in ((m.under, m.under_mse), (m.over, m.over_mse)) if p is not None]
        best.set_data([p for p, _ in sides], [mse for _, mse in sides])
        return m
    return fig, draw


@styled
def curves_static(curves: Sequence[DoubleDescentResult], y_range: tuple[float, float] = (1e-2, 1e3)) -> Figure:
    """Median test (solid) and train (dashed) MSE against the width (log axis) for several
    ``DoubleDescentResult``.

    One colour per curve, each with its threshold :math:`p = n` as a dotted line, so
    curves for different training-set sizes show the peak moving with :math:`n`.
    """
    fig = new_figure(11.0, 4.9)
    ax = fig.subplots()
    widths = np.concatenate([c.hidden_units for c in curves])
    _axes(ax, np.sort(widths), y_range)
    colours = (COLORS["blue"], COLORS["red"], COLORS["green"], COLORS["purple"])
    for c, colour in zip(curves, colours):
        label = f"$n = {c.n_train}$, $\\sigma = {c.noise:g}$, $\\lambda = {c.lam:g}$"
        ax.plot(c.hidden_units, c.test_mse, color=colour, lw=2.5,
                label=tr("test, {curve}").format(curve=label))
        ax.plot(c.hidden_units, np.maximum(c.train_mse, FLOOR), color=colour, lw=1.5,
                ls="--", label=tr("train", context="curve"))
        ax.axvline(c.n_train, color=colour, ls=":", lw=2)
    # under the x label: inside, it would cover the top of the dotted p = n lines
    legend_below(ax, ncols=len(curves), offset=-0.14)
    ax.set_title(tr("dotted lines: $p = n$ for each training-set size"), fontsize=12)
    return fig


@styled
def interpolation_regimes(x: np.ndarray, y: np.ndarray, x_grid: np.ndarray, f_grid: np.ndarray,
                          fits: Mapping[int, np.ndarray]) -> Figure:
    r"""One panel per width: training points, the true curve and the fitted network.

    Titles say whether :math:`p` is below, at or above the number of points :math:`n`.

    Parameters
    ----------
    x, y : ndarray, shape (n,)
        The training points.
    x_grid, f_grid : ndarray, shape (n_grid,)
        The true curve on a fine grid.
    fits : mapping of int to ndarray
        A width :math:`p` to the network's output on ``x_grid``, one row per random first
        layer (shape ``(n_layers, n_grid)`` or ``(n_grid,)``).

    Returns
    -------
    Figure
    """
    n = len(x)
    fig = new_figure(12.0, 3.6)
    axes = fig.subplots(1, len(fits), sharey=True)
    span = np.ptp(f_grid)
    for ax, (p, curve) in zip(np.atleast_1d(axes), fits.items()):
        regime = "p < n" if p < n else ("p = n" if p == n else "p > n")
        curves = np.atleast_2d(curve)
        for k, one in enumerate(curves):
            ax.plot(x_grid, one, color=COLORS["red"], lw=1.6, alpha=0.75,
                    label=tr("networks ({n} random first layers)").format(n=len(curves))
                    if k == 0 else None)
        ax.plot(x_grid, f_grid, color=COLORS["black"], ls="--", lw=2, label=tr("true $f(x)$"))
        ax.plot(x, y, "o", color=COLORS["blue"], ms=7, mec=COLORS["black"],
                label=tr("{n} training points").format(n=n))
        ax.set(xlim=(x_grid[0], x_grid[-1]), xlabel=tr("input $x$"),
               ylim=(f_grid.min() - span, f_grid.max() + span))
        ax.set_title(tr("${regime}$: $p = {p}$ hidden units").format(regime=regime, p=p),
                     fontsize=12)
    np.atleast_1d(axes)[0].set_ylabel(tr("output $y$"))
    np.atleast_1d(axes)[0].legend(loc="lower left", fontsize=9)
    return fig
