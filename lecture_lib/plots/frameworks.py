"""Figures of notebook 18: the same network in lecture_lib and PyTorch.

``trajectories`` draws one training run in both libraries step by step, ``speed_chart``
the time per training step against the size of the network, and ``gradient_comparison``
is the live figure: both libraries' outputs and every gradient for slider-set weights.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

from ..i18n import mark, tr
from ..topics.frameworks import SpeedRow, Trajectory
from .style import COLORS, new_figure, styled

LIB, TORCH = COLORS["blue"], COLORS["orange"]
FLOOR = 1e-18  # an exact 0 is drawn here on the log scales


@styled
def trajectories(trajectory: Trajectory, title: str = mark("the same training run in both libraries")) -> Figure:
    r"""Left: the loss before each update step, lecture_lib (line) and PyTorch (dashes).
    Right: the largest :math:`|θ_{lecture\_lib} - θ_{PyTorch}|` after each step and the loss
    difference, on a log scale (exact zeros drawn at 1e-18)."""
    fig = new_figure(11.0, 4.0)
    ax, ax_diff = fig.subplots(1, 2)
    steps = np.arange(1, len(trajectory.loss_lecture_lib) + 1)
    ax.plot(steps, trajectory.loss_lecture_lib, color=LIB, lw=4, alpha=0.6, label="lecture_lib")
    ax.plot(steps, trajectory.loss_torch, color=TORCH, lw=1.6, ls="--", label="PyTorch")
    ax.set(yscale="log", xlabel=tr("update step $t$"),
           ylabel=tr(r"loss $L(\theta^{(t)})$ (log scale)"), title=tr(title))
    ax.legend()
    loss_gap = np.abs(trajectory.loss_lecture_lib - trajectory.loss_torch)
    ax_diff.plot(steps, np.maximum(trajectory.parameter_difference, FLOOR), color=COLORS["green"],
                 label=tr(r"largest $|\theta_{lib} - \theta_{torch}|$"))
    ax_diff.plot(steps, np.maximum(loss_gap, FLOOR), color=COLORS["purple"], lw=1.2,
                 label=r"$|L_{lib} - L_{torch}|$")
    ax_diff.axhline(np.finfo(float).eps, color=COLORS["grey"], ls=":", lw=1.5,
                    label=tr("float64 rounding, 2.2e-16"))
    ax_diff.set(yscale="log", ylim=(FLOOR / 2, 1e-6), xlabel=tr("update step $t$"),
                ylabel=tr("difference (log scale)"), title=tr("how far apart the two runs are"))
    ax_diff.legend(loc="upper left")
    return fig


@styled
def speed_chart(rows: Sequence[SpeedRow]) -> Figure:
    """Seconds per training step against the work of a step (samples × weights), log–log:
    lecture_lib, PyTorch float64 and (where timed) PyTorch float32, each size labelled with
    its layer sizes and the ratios lecture_lib time / PyTorch time."""
    fig = new_figure(10.0, 4.6)
    ax = fig.subplots()
    work = np.array([r.n_samples * sum(a * b for a, b in zip(r.layer_sizes[:-1], r.layer_sizes[1:]))
                     for r in rows], dtype=float)
    ax.plot(work, [r.lecture_lib for r in rows], "o-", color=LIB, label=tr("lecture_lib (numpy, float64)"))
    ax.plot(work, [r.torch for r in rows], "s--", color=TORCH, label="PyTorch float64")
    with32 = all(r.torch_float32 is not None for r in rows)
    if with32:
        ax.plot(work, [r.torch_float32 for r in rows], "^:", color=COLORS["red"],
                label="PyTorch float32")
    labels = []
    for w, r in zip(work, rows):
        ratios = f"×{r.ratio:.2f}" + (f" / ×{r.ratio_float32:.2f}" if with32 else "")
        times = [t for t in (r.lecture_lib, r.torch, r.torch_float32) if t is not None]
        label = ax.annotate(f"{r.layer_sizes}, n = {r.n_samples}\n{ratios}", (w, max(times)),
                            textcoords="offset points", xytext=(0, 8), ha="center", va="bottom",
                            fontsize=9, zorder=5, bbox={"fc": "white", "ec": "none", "pad": 1.5})
        labels.append((label, (w, max(times)), (w, min(times))))
    ax.set(xscale="log", yscale="log", xlabel=tr("work per step: samples × weights (log scale)"),
           ylabel=tr("seconds per training step (log)"),
           title=tr("time per step; ×: lecture_lib time / PyTorch time (float64 / float32)")
           if with32 else tr("time per step; ×: lecture_lib time / PyTorch time"))
    ax.margins(x=0.15, y=0.35)
    legend = ax.legend(loc="lower right")
    _place_clear_of_lines(ax, labels, [legend])
    return fig


# where a size's label may go: above its highest point (centred, to the left, to the right),
# then below its lowest one; offsets in points, with the text's alignment
_LABEL_SPOTS = ((True, (0, 8), "center", "bottom"), (True, (4, 8), "right", "bottom"),
                (True, (-4, 8), "left", "bottom"), (False, (0, -10), "center", "top"),
                (False, (6, -10), "right", "top"), (False, (-6, -10), "left", "top"))


def _place_clear_of_lines(ax, labels: Sequence[tuple], avoid: Sequence) -> None:
    """Move each ``(annotation, highest point, lowest point)`` label to the first spot of
    ``_LABEL_SPOTS`` where it crosses no plotted line, stays inside the axes and covers no
    earlier label nor an artist of ``avoid`` (the legend). Where no spot is free it stays
    above its highest point; its opaque white box keeps it readable over a line."""
    ax.figure.canvas.draw()          # the final layout: the labels' and lines' pixel positions
    renderer = ax.figure.canvas.get_renderer()
    paths = [line.get_transform().transform_path(line.get_path()) for line in ax.get_lines()]
    taken = [artist.get_window_extent(renderer) for artist in avoid]
    for label, top, bottom in labels:
        for above, offset, ha, va in _LABEL_SPOTS:
            label.xy, label.xyann = (top if above else bottom), offset
            label.set(ha=ha, va=va)
            box = label.get_window_extent(renderer).padded(2)
            inside = ax.bbox.x0 <= box.x0 and box.x1 <= ax.bbox.x1 and \
                ax.bbox.y0 <= box.y0 and box.y1 <= ax.bbox.y1
            if inside and not any(p.intersects_bbox(box, filled=False) for p in paths) \
                    and not any(box.overlaps(other) for other in taken):
                break
        else:
            label.xy, label.xyann = top, _LABEL_SPOTS[0][1]
            label.set(ha=_LABEL_SPOTS[0][2], va=_LABEL_SPOTS[0][3])
        taken.append(label.get_window_extent(renderer))


@styled
def gradient_comparison(x_grid: np.ndarray, X: np.ndarray, y: np.ndarray, layer_sizes: Sequence[int],
                        gradient_limit: float = 10.0
                        ) -> tuple[Figure, Callable[[np.ndarray, np.ndarray, np.ndarray, np.ndarray], None]]:
    r"""Live: the network's curve :math:`\hat y = F[x, θ]` from both libraries over the
    data (left), and every gradient :math:`\partial L / \partial θ_k` from backprop
    (bars) and autograd (dots), on a symmetric log scale, layer by layer (right).

    Parameters
    ----------
    x_grid : ndarray, shape (n_grid,)
        The inputs the curves are drawn on.
    X, y : ndarray, shape (n, 1)
        The training data.
    layer_sizes : sequence of int
        The network's sizes, which set the bars' layer bands.
    gradient_limit : float
        The largest :math:`|\partial L / \partial θ_k|` shown (larger ones are clipped).

    Returns
    -------
    fig : Figure
    draw : callable
        ``draw(curve_lib, curve_torch, grads_lib, grads_torch)``: both curves on ``x_grid``
        and both flat gradients (the order of ``Network.parameters``).
    """
    n_parameters = sum((a + 1) * b for a, b in zip(layer_sizes[:-1], layer_sizes[1:]))
    fig = new_figure(11.5, 4.4)
    ax, ax_g = fig.subplots(1, 2, width_ratios=(1, 1.5))
    ax.plot(X[:, 0], y[:, 0], "o", color=COLORS["grey"], ms=5, label=tr("data"))
    (lib,) = ax.plot([], [], color=LIB, lw=5, alpha=0.55, animated=True, label="lecture_lib")
    (tor,) = ax.plot([], [], color=TORCH, lw=1.8, ls="--", animated=True, label="PyTorch")
    ax.set(xlim=(x_grid[0], x_grid[-1]), ylim=(-2.5, 2.5), xlabel="$x$",
           ylabel=r"$\hat y = F[x, \theta]$", title=tr("output of both networks"))
    ax.legend(loc="lower left")
    index = np.arange(n_parameters)
    bars = LineCollection([], colors=LIB, linewidths=3, animated=True,
                          label=tr("backprop (lecture_lib)"))
    ax_g.add_collection(bars)
    (dots,) = ax_g.plot([], [], ".", color=TORCH, ms=6, animated=True,
                        label=tr("autograd (PyTorch)"))
    start = 0
    for layer, (a, b) in enumerate(zip(layer_sizes[:-1], layer_sizes[1:]), start=1):
        for part, size in ((f"$W^{{({layer})}}$", a * b), (f"$b^{{({layer})}}$", b)):
            if part.startswith("$W"):
                ax_g.axvspan(start - 0.5, start + size - 0.5, color=COLORS["grey"], alpha=0.12, lw=0)
            if size >= 3:  # a label for one bar would crowd its neighbour's
                ax_g.text(start + size / 2 - 0.5, 0.97, part, transform=ax_g.get_xaxis_transform(),
                          ha="center", va="top", fontsize=10)
            start += size
    ax_g.set(xlim=(-1, n_parameters), ylim=(-gradient_limit, gradient_limit), yscale="symlog",
             xlabel=tr(r"parameter $k$ ($W^{(1)}, b^{(1)}, W^{(2)}, \ldots$ in order)"),
             ylabel=tr(r"$\partial L / \partial \theta_k$ (symmetric log scale)"),
             title=tr("every gradient: backprop and autograd"))
    ax_g.set_yscale("symlog", linthresh=1e-3)
    ax_g.legend(loc="lower right", fontsize=9)

    def draw(curve_lib, curve_torch, grads_lib, grads_torch) -> None:
        lib.set_data(x_grid, np.ravel(curve_lib))
        tor.set_data(x_grid, np.ravel(curve_torch))
        g = np.clip(grads_lib, -gradient_limit, gradient_limit)
        bars.set_segments(np.stack([np.column_stack([index, np.zeros_like(g)]),
                                    np.column_stack([index, g])], axis=1))
        dots.set_data(index, np.clip(grads_torch, -gradient_limit, gradient_limit))

    return fig, draw
