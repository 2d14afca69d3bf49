"""Figure pieces that two notebooks share: the line-fit panel (00, 01), the error-surface
contours (01, 02) and a line clipped to a square (03, 05)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.contour import QuadContourSet
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from ..i18n import tr
from .style import COLORS


def line_panel(ax: Axes, x: np.ndarray, y: np.ndarray, x_range: Sequence[float],
               y_range: Sequence[float]) -> Callable[[float, float], None]:
    """Data points, a moving line :math:`\\hat y = b + wx` and moving residual segments.

    Shared by notebooks 00 and 01.

    Parameters
    ----------
    ax : Axes
    x, y : ndarray, shape (n,)
        The data points :math:`(x_i, y_i)`.
    x_range, y_range : (float, float)
        The axes' limits.

    Returns
    -------
    callable
        ``draw(w, b)``, which moves the line and the residuals.
    """
    ax.set(xlim=x_range, ylim=y_range, xlabel=tr("input $x$"), ylabel=tr("output $y$"))
    residuals = LineCollection([], colors=COLORS["red"], linewidths=1.6, animated=True,
                               label=tr("residual $\\hat y_i - y_i$"))
    ax.add_collection(residuals)
    ax.scatter(x, y, s=46, color=COLORS["blue"], zorder=3, label=tr("data $(x_i, y_i)$"))
    (line,) = ax.plot(x_range, x_range, color=COLORS["black"], animated=True,
                      label=tr("model $\\hat y = b + wx$"))
    ax.legend(loc="upper left", framealpha=0.9)
    xs = np.asarray(x_range, dtype=float)

    def draw(w, b):
        line.set_ydata(b + w * xs)
        y_hat = b + w * x
        residuals.set_segments(np.stack([np.column_stack([x, y]),
                                         np.column_stack([x, y_hat])], axis=1))
    return draw


def contour_axes(fig: Figure, ax: Axes, w_grid: np.ndarray, b_grid: np.ndarray, surface: np.ndarray,
                 loss_label: str = "MSE", colorbar: bool = True) -> QuadContourSet:
    """Filled contours of :math:`L(b, w)` with :math:`w` across and :math:`b` up (static).

    Shared by notebooks 01 and 02 (the error surface of the line model).

    Parameters
    ----------
    fig, ax : Figure, Axes
        The figure (for the colour bar) and the axes to draw in.
    w_grid, b_grid : ndarray, 1-D
        The grid of slopes :math:`w` (across) and intercepts :math:`b` (up).
    surface : ndarray, shape (len(b_grid), len(w_grid))
        :math:`L(b, w)` on the grid (:func:`lecture_lib.fitting.error_surface`).
    loss_label : str
        The loss's name in the title and on the colour bar.
    colorbar : bool
        Whether to add a colour bar.

    Returns
    -------
    QuadContourSet
        The filled contours.
    """
    W, B = np.meshgrid(w_grid, b_grid)
    levels = _contour_levels(surface)
    filled = ax.contourf(W, B, surface, levels=levels, cmap="cividis_r")
    ax.contour(W, B, surface, levels=levels, colors="white", linewidths=0.5, alpha=0.6)
    ax.set(xlim=(w_grid[0], w_grid[-1]), ylim=(b_grid[0], b_grid[-1]),
           xlabel=tr("weight $w$"), ylabel=tr("bias $b$"),
           title=tr("error surface $L(b, w)$ ({loss})").format(loss=loss_label))
    ax.grid(False)
    if colorbar:
        fig.colorbar(filled, ax=ax, label=tr("loss $L$ ({loss})").format(loss=loss_label), format="%.2g")
    return filled


def _contour_levels(surface):
    """Contour levels spaced evenly in the square root, so the valley floor is resolved."""
    lo, hi = float(surface.min()), float(surface.max())
    return lo + (hi - lo) * np.linspace(0.0, 1.0, 16) ** 2


def line_in_box(w: ArrayLike, b: float, box: tuple[float, float]) -> tuple[np.ndarray, np.ndarray]:
    r"""The part of the line :math:`w_1x_1 + w_2x_2 + b = 0` inside the square ``box``², exactly.

    Parameters
    ----------
    w : array_like, shape (2,)
        The weights :math:`(w_1, w_2)` (more entries are ignored).
    b : float
        The bias.
    box : (float, float)
        The square's side ``(low, high)`` on both axes.

    Returns
    -------
    x1s, x2s : ndarray, shape (2,) or (0,)
        The two end points (ready for ``Line2D.set_data``), or two empty arrays when the
        line misses the square or :math:`w = 0`.
    """
    w = np.asarray(w, dtype=float)[:2]
    lo, hi = float(box[0]), float(box[1])
    norm2 = float(w @ w)
    if norm2 == 0.0:
        return np.array([]), np.array([])
    p0, d = -b * w / norm2, np.array([-w[1], w[0]])   # a point on the line, its direction
    t_lo, t_hi = -np.inf, np.inf
    for p, di in zip(p0, d):
        if di == 0.0:
            if not lo <= p <= hi:
                return np.array([]), np.array([])
            continue
        a, e = sorted(((lo - p) / di, (hi - p) / di))
        t_lo, t_hi = max(t_lo, a), min(t_hi, e)
    if t_lo > t_hi:
        return np.array([]), np.array([])
    ends = p0 + np.outer([t_lo, t_hi], d)
    return ends[:, 0], ends[:, 1]
