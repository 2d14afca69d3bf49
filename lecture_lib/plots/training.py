"""Figures of training: the playground's decision boundary with live loss curves, and
snapshots of a 1-D fit as gradient descent proceeds.

``playground_figure`` returns ``(figure, draw)``; ``draw`` moves the animated artists
(heat map, data points, fitted curve, loss curves) and says when static parts changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import matplotlib
import numpy as np
from matplotlib.colors import LinearSegmentedColormap, to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator, NullFormatter

from ..i18n import tr
from ..networks import Network
from ..topics.training import Problem
from .style import COLORS, CachedCanvas, HeatImage, legend_below, new_figure, styled

CLASS_COLORS = (COLORS["blue"], COLORS["orange"])
BLUE_ORANGE = "lecture_blue_orange"


def _register_colormap() -> None:
    """Light blue (p = 0) → white (p = ½) → light orange (p = 1): the class colours, paler."""
    if BLUE_ORANGE in matplotlib.colormaps:
        return
    pale = [0.45 * np.array(to_rgb(c)) + 0.55 for c in CLASS_COLORS]
    matplotlib.colormaps.register(
        LinearSegmentedColormap.from_list(BLUE_ORANGE, [pale[0], (1, 1, 1), pale[1]]))


_register_colormap()


@styled
def playground_figure(grid_points: int = 80, epoch_limit: int = 20, loss_limits: tuple[float, float] = (1e-4, 3.0)
                      ) -> tuple[Figure, Callable[[Network, Sequence[float], Sequence[float], Problem], bool]]:
    r"""The playground: what the network computes (left) and the loss per epoch (right).

    Classification: the heat map is the network's output :math:`\hat p = σ(z)`, the
    probability of class 1, on a ``grid_points`` × ``grid_points`` grid; white is the
    decision boundary :math:`\hat p = 0.5`. Regression: the fitted curve
    :math:`\hat y = F[x, θ]` over the data. Right: training and test loss
    :math:`L` against the epoch on a log scale (values outside ``loss_limits`` are
    drawn at the edge). The epoch axis starts at ``epoch_limit`` epochs and doubles
    whenever training runs past its end, so a few epochs are not squeezed into a corner.

    Parameters
    ----------
    grid_points : int
        Grid points per side of the heat map.
    epoch_limit : int
        The epoch axis's first length.
    loss_limits : (float, float)
        The loss axis's limits.

    Returns
    -------
    fig : Figure
    draw : callable
        ``draw(network, train_loss, test_loss, data) -> bool``. ``data`` is a
        :class:`~lecture_lib.topics.training.Problem`: ``X_train, y_train, X_test, y_test``
        (labels 0/1 or targets ``(n, 1)``), ``task`` (``"classification"`` or
        ``"regression"``) and ``extent`` ``((x_min, x_max), (y_min, y_max))``. It returns
        True when the axes or static artists changed (new data, or more epochs than the axis
        shows); the caller then needs a full redraw (``LiveFigure.redraw``).
    """
    fig = new_figure(11.0, 4.6)
    fig.set_layout_engine("none")  # fixed boxes: full redraws stay cheap and never shift
    ax = fig.add_axes((0.065, 0.2, 0.33, 0.72))
    cax = fig.add_axes((0.405, 0.2, 0.012, 0.72))
    ax_loss = fig.add_axes((0.545, 0.2, 0.44, 0.72))
    # A data set (and epoch axis) seen before comes back from its pixels; a new data set
    # redraws only the left panel (left of x = 0.47) over a picture with the same epoch axis.
    CachedCanvas(fig, partial=(lambda kept, new: kept[-1] == new[-1],
                               slice(0, int(0.47 * fig.bbox.width)), (ax, cax)))
    artists = _model_panel(fig, ax, cax)
    heat, fit = artists[1], artists[3]
    train_line, test_line = _loss_panel(ax_loss, epoch_limit, loss_limits)
    state = {"data": None, "limit": epoch_limit, "grid": None, "seen": {}}

    def draw(network, train_loss: Sequence[float], test_loss: Sequence[float], data) -> bool:
        changed = False
        if data is not state["data"]:
            state["data"], state["grid"] = data, _setup_data(artists, data, grid_points)
            changed = True
        limit = epoch_limit  # double until every epoch fits; back to the start after a restart
        while len(train_loss) > limit:
            limit *= 2
        if limit != state["limit"]:
            state["limit"] = limit
            ax_loss.set_xlim(0, limit)
            changed = True
        state["seen"][id(data)] = data  # held, so no other data set gets its id
        fig.canvas.static_key = (id(data), limit)
        _draw_model(network, data, state["grid"], heat, fit)
        lo, hi = loss_limits
        for line, values in ((train_line, train_loss), (test_line, test_loss)):
            y = np.clip(np.nan_to_num(np.asarray(values, dtype=float), nan=hi, posinf=hi), lo, hi)
            line.set_data(np.arange(1, len(y) + 1), y)
        return changed

    return fig, draw


def _model_panel(fig, ax, cax):
    """The left panel's artists: ``(ax, heat map, colour bar, fitted curve, class markers)``."""
    heat = HeatImage(ax, 0.0, 1.0, cmap=BLUE_ORANGE)
    colorbar = fig.colorbar(heat.mappable(), cax=cax, label=tr(r"$\hat p$ = P(class 1)"))
    ax.grid(False)
    for axis in (ax.xaxis, ax.yaxis):  # ticks at 0.5 or 1, never 0.25: short labels never clip
        axis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 10]))
    (fit,) = ax.plot([], [], color=COLORS["blue"], lw=2.6, animated=True, label=tr("network $\\hat y$"))
    # one marker line per class and part: single-colour markers blit fastest
    points = [[ax.plot([], [], ls="none", marker="o", animated=True, **_marker_style(c, test))[0]
               for c in CLASS_COLORS] for test in (False, True)]
    return ax, heat, colorbar, fit, points


def _loss_panel(ax_loss, epoch_limit, loss_limits):
    """The right panel: training and test loss against the epoch (log scale); their lines."""
    ax_loss.set(xlabel=tr("epoch"), ylabel=tr("loss $L$ (log scale)"), yscale="log",
                ylim=loss_limits, xlim=(0, epoch_limit), title=tr("loss while training"))
    (train_line,) = ax_loss.plot([], [], color=COLORS["blue"], animated=True,
                              label=tr("training loss"))
    (test_line,) = ax_loss.plot([], [], color=COLORS["red"], ls="--", animated=True,
                                label=tr("test loss"))
    ax_loss.legend(loc="upper right")
    return train_line, test_line


def _setup_data(artists, data, grid_points):
    """Static part for a new data set: limits, labels, points, legend; returns the grid."""
    ax, heat, colorbar, fit, points = artists
    (x0, x1), (y0, y1) = data.extent
    ax.set(xlim=(x0, x1), ylim=(y0, y1))
    classify = data.task == "classification"
    heat.set_visible(classify)
    fit.set_visible(not classify)
    colorbar.ax.set_visible(classify)
    for part, (X, y) in zip(points, ((data.X_train, data.y_train), (data.X_test, data.y_test))):
        for k, line in enumerate(part):
            line.set_data(*_points(X, y, classify, k))
            line.set_visible(classify or k == 0)
            line.set_color(CLASS_COLORS[k] if classify else COLORS["black"])
    if classify:
        ax.set(xlabel=tr("input $x_1$"), ylabel=tr("input $x_2$"), title=tr("network output and data"))
        ax.set_aspect("equal")
        handles = [_marker(CLASS_COLORS[0], tr("class 0 (training)")),
                   _marker(CLASS_COLORS[1], tr("class 1 (training)")),
                   _marker("none", tr("test point"), edge=COLORS["black"])]
        g1, g2 = np.linspace(x0, x1, grid_points), np.linspace(y0, y1, grid_points)
        G1, G2 = np.meshgrid(g1, g2)
        grid = np.column_stack([G1.ravel(), G2.ravel()])
    else:
        ax.set(xlabel=tr("input $x$"), ylabel=tr("output $y$"), title=tr("network fit $\\hat y = F[x, θ]$"))
        ax.set_aspect("auto")
        handles = [fit, _marker(COLORS["black"], tr("training point")),
                   _marker("none", tr("test point"), edge=COLORS["black"])]
        grid = np.linspace(x0, x1, 200)[:, None]
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    legend = legend_below(ax, ncols=3, handles=handles, frameon=False, handletextpad=0.4,
                          columnspacing=0.8)
    _keep_inside(legend, ax)
    return grid


def _keep_inside(legend, ax, margin: float = 4.0) -> None:
    """Move a legend centred under ``ax`` right until its left edge is ``margin`` pixels
    inside the figure (long labels, e.g. in Spanish, would be cut off); short ones stay."""
    box = legend.get_window_extent(ax.figure.canvas.get_renderer())
    if box.x0 < margin:
        legend.set_bbox_to_anchor((0.5 + (margin - box.x0) / ax.bbox.width, -0.16),
                                  transform=ax.transAxes)


def _points(X, y, classify, k):
    """x and y coordinates of class k (classification) or of all (x, y) pairs (regression)."""
    if classify:
        return X[y == k, 0], X[y == k, 1]
    return X[:, 0], np.asarray(y)[:, 0]


def _marker_style(color, test):
    if test:
        return {"color": color, "markerfacecolor": "none", "markersize": 6.5, "markeredgewidth": 1.6}
    return {"color": color, "markeredgecolor": "white", "markersize": 6, "markeredgewidth": 0.6}


def _marker(face, label, edge="white"):
    return Line2D([], [], ls="none", marker="o", markersize=7, markerfacecolor=face,
                  markeredgecolor=edge, markeredgewidth=1.4, label=label)


def _draw_model(network, data, grid, heat, fit) -> None:
    """Move the heat map (classification) or the fitted curve (regression)."""
    with np.errstate(all="ignore"):  # a diverged network may hold inf; show it, do not warn
        out = np.nan_to_num(network.forward(grid)[:, 0], nan=0.5, posinf=1e6, neginf=-1e6)
    if data.task == "classification":
        n = int(round(np.sqrt(grid.shape[0])))
        heat.set_values(out.reshape(n, n))
    else:
        fit.set_data(grid[:, 0], np.clip(out, -1e6, 1e6))


@styled
def training_snapshots(X: np.ndarray, y: np.ndarray, snapshots: Sequence[tuple[int, Network]],
                       losses: Sequence[float]) -> Figure:
    r"""A 1-D fit at a few epochs of training (left) and the loss per epoch (right).

    Each snapshot is drawn as a curve :math:`\hat y = F[x, θ^{(t)}]` and marked on the loss
    curve in the same colour.

    Parameters
    ----------
    X, y : ndarray, shape (n, 1)
        The training data.
    snapshots : sequence of (int, Network)
        ``(epoch, network)`` pairs.
    losses : sequence of float
        ``losses[t]`` is the training loss :math:`L(θ^{(t)})` before update ``t + 1``.

    Returns
    -------
    Figure
    """
    fig = new_figure(11.0, 4.2)
    ax, ax_loss = fig.subplots(1, 2)
    X = np.asarray(X, dtype=float)
    ax.scatter(X[:, 0], np.asarray(y)[:, 0], s=18, color=COLORS["black"], label=tr("data"),
               zorder=3)
    x = np.linspace(X[:, 0].min(), X[:, 0].max(), 200)[:, None]
    palette = (COLORS["grey"], COLORS["sky"], COLORS["orange"], COLORS["blue"], COLORS["red"])
    if not 1 <= len(snapshots) <= len(palette):
        raise ValueError(tr("snapshots must hold 1 to {n} (epoch, network) pairs, got {got}").format(
            n=len(palette), got=len(snapshots)))
    losses = np.asarray(losses, dtype=float)
    ax_loss.plot(np.arange(len(losses)), losses, color=COLORS["black"], lw=1.8,
                 label=tr("training loss"))
    for (epoch, net), color in zip(snapshots, palette):
        ax.plot(x[:, 0], net.forward(x)[:, 0], color=color, label=tr("epoch {epoch}").format(epoch=epoch))
        ax_loss.plot([epoch], [losses[min(epoch, len(losses) - 1)]], "o", ms=9, color=color)
    ax.set(xlabel=tr("input $x$"), ylabel=tr("output $y$"),
           title=tr("$\\hat y = F[x, θ^{(t)}]$ during training"))
    ax.legend(fontsize=9, loc="best")
    ax_loss.set(xlabel=tr("epoch $t$"), ylabel=tr("loss $L(θ^{(t)})$ (log scale)"), yscale="log",
                title=tr("the loss falls as the steps repeat"))
    ax_loss.yaxis.set_minor_formatter(NullFormatter())
    ax_loss.legend(loc="upper right")
    return fig
