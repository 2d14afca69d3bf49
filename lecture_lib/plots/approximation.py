"""Figures for universal approximation: ramps, a sigmoid unit and its two ReLUs, and fits.

Each builder returns ``(figure, draw)``; ``draw`` moves the animated artists.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from matplotlib.figure import Figure

from ..topics.approximation import (INTERVAL, TARGET_FORMULAS, TARGETS, approximation_error,
                             evaluate_ramps, fit_shallow_relu, hard_sigmoid_unit,
                             joints_evenly_spaced, ramp, ramps_from_points, relu_sum,
                             sigmoid_unit, target, two_relus)
from ..i18n import tr
from .style import COLORS, legend_below, new_figure, styled

RAMP_COLORS = (COLORS["blue"], COLORS["orange"], COLORS["green"], COLORS["purple"],
               COLORS["sky"], COLORS["red"])


@styled
def ramps_figure(xs: np.ndarray, x_range: tuple[float, float] = (-3.5, 3.5),
                 y_range: tuple[float, float] = (-3.0, 3.0), n_points: int = 281,
                 piece_range: tuple[float, float] = (-5.5, 5.5)
                 ) -> tuple[Figure, Callable[[np.ndarray], tuple[float, list[tuple[float, float, float]]]]]:
    """Left: the curve through ``(xs, ys)``; right: the constant and one ramp per piece.

    The right panel spans ``piece_range``: a ramp's height :math:`y_k - y_{k-1}` can be
    twice as large as any :math:`y_k`.

    ``draw(ys)`` moves the points, the curve and each hard sigmoid
    :math:`(y_k - y_{k-1})\\,\\mathrm{clip}((x - x_{k-1}) / (x_k - x_{k-1}), 0, 1)`.

    Parameters
    ----------
    xs : ndarray, shape (K + 1,)
        The increasing inputs :math:`x_0 < x_1 < \\dots < x_K` of the points the curve joins.
    x_range, y_range : (float, float)
        The left panel's limits.
    n_points : int
        Points of the grid the curves are drawn on.
    piece_range : (float, float)
        The right panel's y limits.

    Returns
    -------
    fig : Figure
    draw : callable
        ``draw(ys)``, the heights :math:`y_k` at ``xs``; it returns the constant and the ramps
        of :func:`lecture_lib.topics.approximation.ramps_from_points`.
    """
    xs = np.asarray(xs, dtype=float)
    x = np.linspace(*x_range, n_points)
    fig = new_figure(11.5, 4.8)
    left, right = fig.subplots(1, 2)
    for ax, limits in ((left, y_range), (right, piece_range)):
        ax.set(xlim=x_range, ylim=limits, xlabel=tr("input $x$"))
        ax.axhline(0, color=COLORS["grey"], lw=0.8)
        for xk in xs:
            ax.axvline(xk, color=COLORS["grey"], ls=":", lw=1.0)
    left.set(ylabel="$y$", title=tr("curve $=$ constant $+\\ \\sum_k$ ramp$_k$"))
    right.set(ylabel=tr("value of each piece"), title=tr("the pieces: constant and hard sigmoids"))
    (curve,) = left.plot(x, x, color=COLORS["black"], lw=3.0, animated=True, label=tr("curve $y(x)$"))
    (total,) = left.plot(x, x, color=COLORS["sky"], lw=1.6, ls="--", animated=True,
                         label=tr("constant + sum of ramps"))
    (points,) = left.plot(xs, xs, "o", color=COLORS["black"], ms=8, animated=True,
                          label=tr("points $(x_k, y_k)$"))
    legend_below(left, ncols=3, fontsize=9.5, frameon=False)
    (const,) = right.plot(x, x, color=COLORS["grey"], ls="--", animated=True,
                          label=tr("constant $y_0$"))
    pieces = [right.plot(x, x, color=RAMP_COLORS[k % len(RAMP_COLORS)], animated=True,
                         label=tr("ramp {k}: $x_{a}$ → $x_{b}$").format(
                             k=k + 1, a=k, b=k + 1))[0]
              for k in range(len(xs) - 1)]
    legend_below(right, ncols=2, fontsize=9.5, frameon=False)

    def draw(ys):
        constant, ramps = ramps_from_points(xs, ys)
        curve.set_ydata(np.interp(x, xs, ys))
        total.set_ydata(evaluate_ramps(x, constant, ramps))
        points.set_ydata(ys)
        const.set_ydata(np.full_like(x, constant))
        for line, r in zip(pieces, ramps):
            line.set_ydata(ramp(x, *r))
        return constant, ramps
    return fig, draw


@styled
def sigmoid_and_relus(x_range: tuple[float, float] = (-6.0, 6.0), y_range: tuple[float, float] = (-3.5, 3.5),
                      n_points: int = 301) -> tuple[Figure, Callable[[float, float, float], None]]:
    """Left: :math:`c\\,\\sigma(b + wx)` and its hard version; right: the two ReLUs and their sum.

    ``draw(c, b, w)`` moves all curves.

    Parameters
    ----------
    x_range, y_range : (float, float)
        Both panels' limits.
    n_points : int
        Points of the grid the curves are drawn on.

    Returns
    -------
    fig : Figure
    draw : callable
        ``draw(c, b, w)``: the height c, bias b and weight w of the unit.
    """
    x = np.linspace(*x_range, n_points)
    fig = new_figure(11.5, 4.8)
    left, right = fig.subplots(1, 2, sharey=True)
    for ax in (left, right):
        ax.set(xlim=x_range, ylim=y_range, xlabel=tr("input $x$"))
        ax.axhline(0, color=COLORS["grey"], lw=0.8)
    left.set(ylabel=tr("unit output"), title=tr("one hidden unit with its output weight"))
    right.set(title=tr("two ReLUs make one hard sigmoid"))
    (sig,) = left.plot(x, x, color=COLORS["blue"], animated=True,
                       label="$c\\,\\sigma(b + wx)$")
    (hard,) = left.plot(x, x, color=COLORS["orange"], ls="--", animated=True,
                        label=tr("$c\\,h(b + wx)$, hard sigmoid"))
    (mid,) = left.plot([0, 0], list(y_range), color=COLORS["grey"], ls=":", animated=True,
                       label=tr("midpoint $x = -b/w$"))
    legend_below(left, ncols=2, fontsize=9.5, frameon=False)
    (r1,) = right.plot(x, x, color=COLORS["green"], animated=True,
                       label="$0.2c\\,\\mathrm{relu}(b + 2.5 + wx)$")
    (r2,) = right.plot(x, x, color=COLORS["red"], animated=True,
                       label="$-0.2c\\,\\mathrm{relu}(b - 2.5 + wx)$")
    (both,) = right.plot(x, x, color=COLORS["orange"], ls="--", lw=3.0, animated=True,
                         label=tr("sum $= c\\,h(b + wx)$"))
    legend_below(right, ncols=2, fontsize=9.5, frameon=False)

    def draw(c, b, w):
        sig.set_ydata(sigmoid_unit(x, c, b, w))
        hard.set_ydata(hard_sigmoid_unit(x, c, b, w))
        mid.set_visible(w != 0)
        if w != 0:
            mid.set_xdata([-b / w] * 2)
        units = two_relus(c, b, w)
        r1.set_ydata(relu_sum(x, units[:1]))
        r2.set_ydata(relu_sum(x, units[1:]))
        both.set_ydata(relu_sum(x, units))
    return fig, draw


@styled
def fit_figure(max_hidden: int = 40, n_points: int = 601, y_range: tuple[float, float] = (-2.2, 2.2)
               ) -> tuple[Figure, Callable[[str, int], float]]:
    """Left: a target f and the fitted ReLU network F; right: max error against n (log scale).

    ``draw(name, n_hidden)`` fits the output layer for ``n_hidden`` evenly spaced joints
    and returns the largest error :math:`\\max_x |f(x) - F(x)|`.

    Parameters
    ----------
    max_hidden : int
        The largest n (hidden units) on the error panel's axis.
    n_points : int
        Points of the grid on which f, F and the error are evaluated.
    y_range : (float, float)
        The left panel's y limits.

    Returns
    -------
    fig : Figure
    draw : callable
        ``draw(name, n_hidden) -> max error``; ``name`` is one of ``TARGETS``.
    """
    x = np.linspace(*INTERVAL, n_points)
    units = np.arange(1, max_hidden + 1)
    curves = {}  # target name -> max error for n = 1 ... max_hidden, computed on first use
    fig = new_figure(11.5, 4.4)
    left, right = fig.subplots(1, 2, width_ratios=[1.4, 1])
    left.set(xlim=INTERVAL, ylim=y_range, xlabel=tr("input $x$"), ylabel="$y$",
             title=tr("target $f(x)$ and network $F(x)$"))
    (goal,) = left.plot(x, x, color=COLORS["black"], lw=4.0, alpha=0.35, animated=True,
                        label=tr("target $f(x)$"))
    (fitted,) = left.plot(x, x, color=COLORS["blue"], lw=1.8, animated=True,
                          label="$F(x) = c + \\sum_k v_k\\,\\mathrm{relu}(x - t_k)$")
    (ticks,) = left.plot([], [], "|", color=COLORS["red"], ms=14, mew=2, animated=True,
                         label=tr("joints $t_k$"))
    left.legend(loc="upper left", fontsize=9)
    right.set(xlim=(0, max_hidden + 1), ylim=(1e-3, 3.0), yscale="log",
              xlabel=tr("hidden units $n$"), ylabel=tr("max error $\\max_x |f(x) - F(x)|$"),
              title=tr("more units, smaller error"))
    (err_line,) = right.plot(units, units * 0.0 + 1, color=COLORS["blue"], animated=True,
                             marker=".", label=tr("max error"))
    (now,) = right.plot([1], [1], "o", color=COLORS["red"], ms=10, animated=True,
                        label=tr("current $n$"))
    right.legend(loc="upper right", fontsize=9)

    def draw(name, n_hidden):
        if name not in curves:
            curves[name] = np.array([approximation_error(name, n, n_points) for n in units])
        y = target(name, x)
        net = fit_shallow_relu(x, y, n_hidden)
        F = net.forward(x[:, None])[:, 0]
        goal.set_ydata(y)
        fitted.set_ydata(F)
        t = joints_evenly_spaced(n_hidden)
        ticks.set_data(t, np.full_like(t, y_range[0] + 0.12))
        err_line.set_ydata(curves[name])
        error = float(np.max(np.abs(F - y)))
        now.set_data([n_hidden], [error])
        return error
    return fig, draw


__all__ = ["ramps_figure", "sigmoid_and_relus", "fit_figure", "TARGETS", "TARGET_FORMULAS"]
