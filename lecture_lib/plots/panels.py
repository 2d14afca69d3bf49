"""Figure pieces that two notebooks share: the line-fit panel (00, 01), the error-surface
contours (01, 02) and a line clipped to a square (03, 05)."""

from __future__ import annotations

import numpy as np
from matplotlib.collections import LineCollection

from ..i18n import tr
from .style import COLORS


def line_panel(ax, x, y, x_range, y_range):
    """Data points, a moving line :math:`\\hat y = b + wx` and moving residual segments.

    Shared by notebooks 00 and 01; returns ``draw(w, b)``, which moves the line and residuals.
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


def contour_axes(fig, ax, w_grid, b_grid, surface, loss_label="MSE", colorbar=True):
    """Filled contours of :math:`L(b, w)` with :math:`w` across and :math:`b` up (static).

    Shared by notebooks 01 and 02 (the error surface of the line model).
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


def line_in_box(w, b: float, box: tuple[float, float]) -> tuple[np.ndarray, np.ndarray]:
    r"""The part of the line :math:`w_1x_1 + w_2x_2 + b = 0` inside the square ``box``², exactly.

    Returns the two end points as ``(x1s, x2s)`` (ready for ``Line2D.set_data``), or two
    empty arrays when the line misses the square or :math:`w = 0`.
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
