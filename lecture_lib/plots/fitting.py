r"""Figures of fitting a line :math:`\hat y = b + wx`: data, residuals and the error surface.

Builders return ``(figure, draw)``; ``draw(w, b)`` moves the animated artists (the line,
the residuals and the marker on the error surface) and is what a live figure calls.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
from matplotlib.figure import Figure

from ..i18n import tr
from .panels import contour_axes, line_panel
from .style import COLORS, new_figure, styled


@styled
def line_and_surface(x: np.ndarray, y: np.ndarray, w_grid: np.ndarray, b_grid: np.ndarray,
                     surface: np.ndarray, best: tuple[float, float], x_range: tuple[float, float],
                     y_range: tuple[float, float],
                     loss_label: str = "MSE") -> tuple[Figure, Callable[[float, float], None]]:
    r"""Left: data, line and residuals. Right: contours of the error surface :math:`L(b, w)`.

    ``surface`` is computed once (``lecture_lib.fitting.error_surface``), rows over
    ``b_grid`` and columns over ``w_grid``; ``best`` is ``(w*, b*)``, drawn as a star.
    ``draw(w, b)`` moves the line, the residuals and the cross at :math:`(w, b)`.

    Parameters
    ----------
    x, y : array_like, shape (n,) or (n, 1)
        The data points :math:`(x_i, y_i)`.
    w_grid, b_grid : ndarray, 1-D
        The slopes :math:`w` (across) and intercepts :math:`b` (up) of the surface.
    surface : ndarray, shape (len(b_grid), len(w_grid))
        :math:`L(b, w)` on the grid.
    best : (float, float)
        The minimum :math:`(w^*, b^*)`.
    x_range, y_range : (float, float)
        The data panel's limits.
    loss_label : str
        The loss's name in the titles (``"MSE"``, ``"MAE"``).

    Returns
    -------
    fig : Figure
    draw : callable
        ``draw(w, b)``.
    """
    x, y = np.asarray(x, float).ravel(), np.asarray(y, float).ravel()
    fig = new_figure(11.5, 4.5)
    left, right = fig.subplots(1, 2, width_ratios=[1, 1.1])
    left.set_title(tr("the model and the data"))
    draw_line = line_panel(left, x, y, x_range, y_range)
    contour_axes(fig, right, w_grid, b_grid, surface, loss_label)
    right.plot(*best, marker="*", ms=19, color="white", mec=COLORS["black"], mew=1.5,
               ls="none", label=tr("minimum $(w^*, b^*)$"))
    (cross,) = right.plot([0], [0], marker="X", ms=14, color=COLORS["red"],
                          mec=COLORS["black"], ls="none", animated=True,
                          label=tr("current $(w, b)$"))
    right.legend(loc="upper right", framealpha=0.9)

    def draw(w, b):
        draw_line(w, b)
        cross.set_data([w], [b])
    return fig, draw


@styled
def function_plus_noise(x: np.ndarray, y: np.ndarray, f: Callable[[np.ndarray], np.ndarray],
                        x_range: tuple[float, float] = (0.0, 4.0)) -> Figure:
    r"""Static: samples :math:`y_i = f(x_i) + ε_i`, the true :math:`f` and each noise :math:`ε_i`.

    ``f`` is a callable evaluated on a fine grid.

    Parameters
    ----------
    x, y : ndarray, shape (n,)
        The samples :math:`(x_i, y_i)`.
    f : callable
        The true function, ``f(x)`` for an array ``x``.
    x_range : (float, float)
        The interval :math:`f` is drawn on.

    Returns
    -------
    Figure
    """
    x, y = np.asarray(x, float).ravel(), np.asarray(y, float).ravel()
    fig = new_figure(8.0, 4.0)
    ax = fig.add_subplot()
    grid = np.linspace(*x_range, 200)
    ax.plot(grid, f(grid), color=COLORS["black"], label=tr("true function $f(x)$"))
    ax.vlines(x, f(x), y, colors=COLORS["orange"], lw=1.8, label=tr("noise $\\varepsilon_i$"))
    ax.scatter(x, y, s=46, color=COLORS["blue"], zorder=3, label=tr("data $y_i = f(x_i) + \\varepsilon_i$"))
    ax.set(xlabel=tr("input $x$"), ylabel=tr("output $y$"), title=tr("data = function + noise"))
    ax.legend(loc="upper left")
    return fig


@styled
def mse_vs_mae(x: np.ndarray, y: np.ndarray, fits: Mapping[str, tuple[float, float]],
               residual_range: tuple[float, float] = (-3.0, 3.0)) -> Figure:
    r"""Static: the per-point penalties :math:`r^2` and :math:`|r|`, and the MSE and MAE fits.

    ``fits`` maps a label (``"MSE"``, ``"MAE"``) to ``(w, b)``; the last data point is
    drawn as the outlier.

    Parameters
    ----------
    x, y : ndarray, shape (n,)
        The data points, the outlier last.
    fits : mapping of str to (float, float)
        A label to the fitted ``(w, b)``.
    residual_range : (float, float)
        The residuals :math:`r` over which the penalties are drawn.

    Returns
    -------
    Figure
    """
    x, y = np.asarray(x, float).ravel(), np.asarray(y, float).ravel()
    fig = new_figure(11.0, 4.2)
    left, right = fig.subplots(1, 2)
    r = np.linspace(*residual_range, 201)
    left.plot(r, r ** 2, color=COLORS["blue"], label=tr("squared $r^2$ (MSE)"))
    left.plot(r, np.abs(r), color=COLORS["orange"], ls="--", label=tr("absolute $|r|$ (MAE)"))
    left.set(xlabel=tr("residual $r = \\hat y - y$"), ylabel=tr("penalty of one point"),
             title=tr("how much one point costs"), ylim=(0, residual_range[1] ** 2))
    left.legend(loc="upper center")
    right.scatter(x[:-1], y[:-1], s=46, color=COLORS["blue"], zorder=3, label=tr("data"))
    right.scatter(x[-1:], y[-1:], s=90, marker="D", color=COLORS["red"], zorder=3,
                  label=tr("outlier"))
    grid = np.array([x.min() - 0.3, x.max() + 0.3])
    styles = {"MSE": (COLORS["blue"], "-"), "MAE": (COLORS["orange"], "--")}
    for label, (w, b) in fits.items():
        color, ls = styles.get(label, (COLORS["black"], ":"))
        right.plot(grid, b + w * grid, color=color, ls=ls,
                   label=tr("best line for {loss}: $\\hat y = {b} + {w}x$").format(
                       loss=label, b=f"{b:.2f}", w=f"{w:.2f}"))
    right.set(xlabel=tr("input $x$"), ylabel=tr("output $y$"), title=tr("one outlier, two best lines"))
    right.legend(loc="lower left", fontsize=9)
    return fig
