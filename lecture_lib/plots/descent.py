r"""Figures of gradient descent: steps on a loss curve, paths on an error surface.

Builders return ``(figure, draw)``; ``draw`` takes :class:`lecture_lib.topics.descent.DescentPath`
objects and moves the animated artists. Axis limits are fixed, so a diverging run
simply leaves the picture.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from matplotlib.figure import Figure

from ..i18n import mark, tr
from ..topics.descent import DescentPath
from .panels import contour_axes
from .style import styled
from .style import COLORS, new_figure

REGIME_COLORS = {"slow": COLORS["sky"], "good": COLORS["green"],
                 "oscillating": COLORS["orange"], "diverging": COLORS["red"]}
PATH_STYLES = ((COLORS["blue"], "o", "-"), (COLORS["orange"], "s", "--"),
               (COLORS["green"], "^", "-."), (COLORS["purple"], "D", ":"))
#: Path names and progress labels the notebooks pass to :func:`surface_paths`, which
#: translates them where it draws them (names it does not know, like "SGD", stay as they are).
STEP = mark("step $t$")
NAMES = (mark("gradient descent"), mark("momentum"), mark("epoch"))


@styled
def loss_curve_steps(w_grid: np.ndarray, loss_values: np.ndarray, w_star: float, curvature: float,
                     eta_max: float, steps: int, loss_range: tuple[float, float] = (0.0, 12.0),
                     w_range: tuple[float, float] = (-2.5, 3.0)
                     ) -> tuple[Figure, Callable[[DescentPath, float], None]]:
    r"""One-parameter descent: the steps on :math:`L(w)`, :math:`w^{(t)}` over :math:`t`, and the η scale.

    Bottom strip: the learning rate :math:`\eta` from 0 to ``eta_max`` coloured by regime
    (boundaries :math:`0.5/L''`, :math:`1/L''` and the divergence threshold :math:`2/L''`)
    with a marker at the current :math:`\eta`. ``draw(path, eta)`` moves the steps,
    the :math:`w^{(t)}` curve and the marker.

    Parameters
    ----------
    w_grid, loss_values : ndarray, shape (n,)
        The curve :math:`L(w)` on a grid of weights.
    w_star : float
        The minimum :math:`w^*`.
    curvature : float
        :math:`L''`, which sets the regimes' boundaries.
    eta_max : float
        The strip's largest η.
    steps : int
        The number of steps t the right panel spans.
    loss_range, w_range : (float, float)
        The limits of L and of w.

    Returns
    -------
    fig : Figure
    draw : callable
        ``draw(path, eta)``; ``path`` is a :class:`~lecture_lib.topics.descent.DescentPath`.
    """
    fig = new_figure(11.5, 5.6)
    grid = fig.add_gridspec(2, 2, height_ratios=[1, 0.2], width_ratios=[1.2, 1])
    curve, trace, strip = (fig.add_subplot(grid[0, 0]), fig.add_subplot(grid[0, 1]),
                           fig.add_subplot(grid[1, :]))
    curve.plot(w_grid, loss_values, color=COLORS["black"], label=tr("loss $L(w)$"))
    curve.axvline(w_star, color=COLORS["grey"], ls=":", lw=1.5, label=tr("minimum $w^*$"))
    (steps_line,) = curve.plot([], [], color=COLORS["red"], marker="o", ms=6, lw=1.4,
                               animated=True, label=tr("steps $w^{(0)}, w^{(1)}, \\dots$"))
    curve.set(xlim=w_range, ylim=loss_range, xlabel=tr("weight $w$"), ylabel=tr("loss $L(w)$"),
              title=tr("gradient descent on the loss curve"))
    curve.legend(loc="upper right")
    trace.axhline(w_star, color=COLORS["grey"], ls=":", lw=1.5, label="$w^*$")
    (w_line,) = trace.plot([], [], color=COLORS["red"], marker="o", ms=5, lw=1.4,
                           animated=True, label="$w^{(t)}$")
    trace.set(xlim=(-0.5, steps + 0.5), ylim=w_range, xlabel=tr(STEP),
              ylabel=tr("weight $w^{(t)}$"), title="$w^{(t+1)} = w^{(t)} - \\eta\\, dL/dw$")
    trace.legend(loc="upper right")
    _regime_strip(strip, curvature, eta_max)
    (marker,) = strip.plot([0], [0.5], marker="v", ms=16, color=COLORS["black"],
                           ls="none", animated=True)

    def draw(path, eta):
        w = path.params[:, 0]
        steps_line.set_data(w, path.loss)
        w_line.set_data(np.arange(len(w)), w)
        marker.set_xdata([eta])
    return fig, draw


def _regime_strip(ax, curvature, eta_max):
    """The η axis coloured slow / good / oscillating / diverging, with the threshold 2/L''."""
    edges = [0.0, 0.5 / curvature, 1.0 / curvature, 2.0 / curvature, eta_max]
    for (lo, hi), (name, color) in zip(zip(edges[:-1], edges[1:]), REGIME_COLORS.items()):
        ax.axvspan(lo, hi, color=color, alpha=0.45, lw=0)
        ax.text(0.5 * (lo + min(hi, eta_max)), 0.5, tr(name), ha="center", va="center",
                fontsize=11)
    ax.axvline(2.0 / curvature, color=COLORS["black"], lw=2)
    ax.text(2.0 / curvature, 1.02, f" $2/L'' = {2.0 / curvature:.3f}$", ha="left",
            va="bottom", fontsize=11)
    ax.set(xlim=(0, eta_max), ylim=(0, 1), xlabel=tr("learning rate $\\eta$ (the slider)"))
    ax.set_yticks([])
    ax.grid(False)


@styled
def surface_paths(w_grid: np.ndarray, b_grid: np.ndarray, surface: np.ndarray, best: tuple[float, float],
                  labels: Sequence[str], progress_max: float, progress_label: str = STEP,
                  loss_range: tuple[float, float] = (0.1, 100.0), legend_cols: int = 1
                  ) -> tuple[Figure, Callable[..., None]]:
    r"""Paths on the error surface :math:`L(b, w)` (left) and the loss along each path (right).

    One path per label, drawn in the colour-blind-safe colours with distinct markers and
    line styles. ``draw(paths, progress=None, marks=None)`` takes one
    :class:`~lecture_lib.topics.descent.DescentPath` per label; ``progress`` gives the x values of
    the loss curves (default: the step number) and ``marks`` which points carry markers
    (default: all).

    Parameters
    ----------
    w_grid, b_grid : ndarray, 1-D
        The slopes :math:`w` (across) and intercepts :math:`b` (up) of the surface.
    surface : ndarray, shape (len(b_grid), len(w_grid))
        :math:`L(b, w)` on the grid (:func:`lecture_lib.fitting.error_surface`).
    best : (float, float)
        The minimum :math:`(w^*, b^*)`, drawn as a star.
    labels : sequence of str
        One legend label per path.
    progress_max : float
        The right panel's largest x (steps, or epochs).
    progress_label : str
        The right panel's x label.
    loss_range : (float, float)
        The right panel's y limits (log scale).
    legend_cols : int
        Columns of the left panel's legend.

    Returns
    -------
    fig : Figure
    draw : callable
        ``draw(paths, progress=None, marks=None)``.
    """
    fig = new_figure(11.5, 4.8)
    left, right = fig.subplots(1, 2, width_ratios=[1.15, 1])
    contour_axes(fig, left, w_grid, b_grid, surface, colorbar=False)
    left.plot(*best, marker="*", ms=19, color="white", mec=COLORS["black"], mew=1.5,
              ls="none", label=tr("minimum $(w^*, b^*)$"))
    right.axhline(surface.min(), color=COLORS["grey"], ls=":", lw=1.5,
                  label=tr("smallest loss in view"))
    paths, curves = [], []
    for label, (color, symbol, ls) in zip(labels, PATH_STYLES):
        paths.append(left.plot([], [], color=color, marker=symbol, ms=5, ls=ls, lw=1.6,
                               mec=COLORS["black"], mew=0.5, animated=True, label=tr(label))[0])
        curves.append(right.plot([], [], color=color, ls=ls, marker=symbol, ms=4,
                                 animated=True, label=tr(label))[0])
    (start,) = left.plot([], [], marker="o", ms=11, mfc="none", mec=COLORS["red"], mew=2.2,
                         ls="none", animated=True, label=tr("start"))
    left.legend(loc="lower left", framealpha=0.9, fontsize=9, ncols=legend_cols)
    right.set(xlim=(0, progress_max), ylim=loss_range, yscale="log", xlabel=tr(progress_label),
              ylabel=tr("loss $L$ (MSE, log scale)"), title=tr("loss along the path"))
    right.minorticks_off()       # a log axis's many minor ticks slow the first draw down
    right.legend(loc="upper right", fontsize=9)

    def draw(descent_paths, progress=None, marks=None):
        for path, line, curve in zip(descent_paths, paths, curves):
            line.set_data(path.params[:, 0], path.params[:, 1])
            line.set_markevery(marks)
            xs = np.arange(len(path.loss)) if progress is None else progress
            curve.set_data(xs, np.clip(path.loss, loss_range[0], 10 * loss_range[1]))
            curve.set_markevery(marks)
        start.set_data([descent_paths[0].params[0, 0]], [descent_paths[0].params[0, 1]])
    return fig, draw


@styled
def two_basin_steps(w_grid: np.ndarray, loss_values: np.ndarray, critical: tuple[float, float, float],
                    steps: int, loss_range: tuple[float, float], w_range: tuple[float, float] = (-2.0, 2.2)
                    ) -> tuple[Figure, Callable[[DescentPath], None]]:
    r"""A loss with two basins: the path on :math:`L(w)` (left) and :math:`w^{(t)}` over :math:`t` (right).

    The two basins are shaded differently on both panels. ``draw(path)`` moves the path.

    Parameters
    ----------
    w_grid, loss_values : ndarray, shape (n,)
        The curve :math:`L(w)` on a grid of weights.
    critical : (float, float, float)
        (left minimum, barrier top, right minimum), as returned by
        :func:`lecture_lib.topics.descent.two_basin_critical_points`.
    steps, loss_range, w_range
        As for :func:`loss_curve_steps`.

    Returns
    -------
    (Figure, callable)
        The figure and ``draw(path)``; ``path`` is a :class:`~lecture_lib.topics.descent.DescentPath`.
    """
    left_min, barrier, right_min = critical
    fig = new_figure(11.5, 4.6)
    curve, trace = fig.subplots(1, 2, width_ratios=[1.2, 1])
    for ax, span in ((curve, _shade_x), (trace, _shade_y)):
        span(ax, w_range[0], barrier, COLORS["sky"], tr("left basin (deeper)"))
        span(ax, barrier, w_range[1], COLORS["yellow"], tr("right basin (shallower)"))
    curve.plot(w_grid, loss_values, color=COLORS["black"], label=tr("loss $L(w)$"))
    (steps_line,) = curve.plot([], [], color=COLORS["red"], marker="o", ms=4, lw=0.8,
                               alpha=0.8, animated=True, label=tr("steps $w^{(t)}$"))
    (end,) = curve.plot([], [], marker="*", ms=18, color=COLORS["red"], mec=COLORS["black"],
                        ls="none", animated=True, label=tr("last step"))
    curve.set(xlim=w_range, ylim=loss_range, xlabel=tr("weight $w$"), ylabel=tr("loss $L(w)$"),
              title=tr("a loss with two basins"))
    curve.legend(loc="upper center", fontsize=9, ncols=2)
    for w_min in (left_min, right_min):
        trace.axhline(w_min, color=COLORS["grey"], ls=":", lw=1.5)
    (w_line,) = trace.plot([], [], color=COLORS["red"], lw=1.2, animated=True)
    trace.set(xlim=(0, steps), ylim=w_range, xlabel=tr("update $t$"), ylabel=tr("weight $w^{(t)}$"),
              title=tr("where the path goes (dotted: the two minima)"))

    def draw(path):
        w = path.params[:, 0]
        steps_line.set_data(w, path.loss)
        end.set_data(w[-1:], path.loss[-1:])
        w_line.set_data(np.arange(len(w)), w)
    return fig, draw


def _shade_x(ax, lo, hi, color, label):
    """Shade the band ``lo < x < hi`` of ``ax`` (light, behind the curves)."""
    ax.axvspan(lo, hi, color=color, alpha=0.25, lw=0, label=label)


def _shade_y(ax, lo, hi, color, label):
    """Shade the band ``lo < y < hi`` of ``ax`` (light, behind the curves)."""
    ax.axhspan(lo, hi, color=color, alpha=0.25, lw=0, label=label)
