"""Figures for counting parameters: the network graph and the polynomial-feature explosion.

``network_graph()`` returns ``(figure, draw)``; ``draw(s, n, m)`` redraws the nodes and
edges of a shallow network with s inputs, n hidden units and m outputs (bias units
drawn as squares holding the constant 1) and the share of each part of
:math:`s \\times n + n + n \\times m + m`.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from matplotlib.figure import Figure
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D

from ..i18n import tr
from ..topics.counting import PARTS, distinct_monomials, ordered_products, shallow_parameters
from .style import COLORS, new_figure, styled

PART_COLORS = dict(zip(PARTS, (COLORS["blue"], COLORS["orange"], COLORS["green"],
                               COLORS["red"])))
PART_SYMBOLS = dict(zip(PARTS, ("$s \\times n$", "$n$", "$n \\times m$", "$m$")))
LAYER_X = (0.0, 1.0, 2.0)
BIAS_Y = 1.3
SPACING = 0.2


def slots(count: int, max_nodes: int = 12) -> tuple[np.ndarray, float | None]:
    """Heights of the drawn nodes of a layer with ``count`` units, and of the "⋮" gap.

    Up to ``max_nodes`` units are all drawn; beyond that the first ``max_nodes - 2``,
    a gap marked "⋮" and the last unit.
    """
    shown = min(count, max_nodes)
    y = (np.arange(shown)[::-1] - (shown - 1) / 2) * SPACING
    if count <= max_nodes:
        return y, None
    return np.delete(y, shown - 2), float(y[shown - 2])


@styled
def network_graph(max_nodes: int = 12) -> tuple[Figure, Callable[[int, int, int], None]]:
    """Live graph of a shallow network; edges coloured by the part of the count they are in."""
    fig = new_figure(11.0, 5.6)
    grid = fig.add_gridspec(2, 1, height_ratios=[5, 1])
    ax = fig.add_subplot(grid[0])
    ax.set(xlim=(-0.45, 2.45), ylim=(-1.45, 1.75))
    ax.set_axis_off()
    edges, units, dots = _graph_artists(ax)
    _graph_labels(ax)
    boxes = _share_bar(fig.add_subplot(grid[1]))

    def draw(s: int, n: int, m: int) -> None:
        ys = [slots(k, max_nodes) for k in (s, n, m)]
        points = [np.column_stack([np.full(len(y), x), y]) for x, (y, _) in zip(LAYER_X, ys)]
        units.set_data(*np.vstack(points).T)
        for i in range(2):
            source, target = points[i], points[i + 1]
            bias = np.array([[LAYER_X[i], BIAS_Y]])
            weight_part, bias_part = PARTS[2 * i], PARTS[2 * i + 1]
            edges[weight_part].set_segments(_all_pairs(source, target))
            edges[bias_part].set_segments(_all_pairs(bias, target))
        gaps = [(x, gap + d) for x, (_, gap) in zip(LAYER_X, ys) if gap is not None
                for d in (-0.06, 0.0, 0.06)]
        dots.set_data(*np.array(gaps).reshape(-1, 2).T)
        counts = shallow_parameters(s, n, m)
        left = 0.0
        for box, count in zip(boxes, counts.parts()):
            share = count / counts.total
            box.set_x(left)
            box.set_width(share)
            left += share
    return fig, draw


def _graph_artists(ax):
    """The moving parts of the graph: edge collections per part, unit markers, "⋮" dots."""
    edges = {part: ax.add_collection(LineCollection([], colors=PART_COLORS[part], lw=0.8,
                                                    antialiased=False, animated=True))
             for part in PARTS}
    # Nodes are markers of Line2D artists: Agg stamps one rendered marker (3x faster than
    # a scatter, which renders every circle).
    (units,) = ax.plot([], [], ls="none", marker="o", ms=16, mfc="white",
                       mec=COLORS["black"], mew=1.6, animated=True)
    for marker, size, color in (("s", 17, COLORS["yellow"]), ("$1$", 9.5, COLORS["black"])):
        ax.plot([0.0, 1.0], [BIAS_Y] * 2, ls="none", marker=marker, ms=size, mfc=color,
                mec=COLORS["black"] if marker == "s" else color, mew=1.2 if marker == "s" else 0,
                animated=True)  # animated: drawn after the edges, on top of them
    (dots,) = ax.plot([], [], ls="none", marker="o", ms=3, color=COLORS["black"],
                      animated=True)  # "⋮" where units are left out
    return edges, units, dots


def _graph_labels(ax):
    """Static layer names and the legend of the four parts and the bias unit."""
    # Static names: the counts are on the sliders and in the readout (a changing Text
    # would be laid out again on every move).
    for x, name in zip(LAYER_X, (tr("$s$ inputs"), tr("$n$ hidden units"), tr("$m$ outputs"))):
        ax.text(x, 1.5, name, ha="center", va="bottom", fontsize=13)
    handles = [Line2D([], [], color=PART_COLORS[p], lw=2.5, label=f"{tr(p)} {PART_SYMBOLS[p]}")
               for p in PARTS]
    handles.append(Line2D([], [], ls="", marker="s", ms=11, color=COLORS["yellow"],
                          markeredgecolor=COLORS["black"], label=tr("bias unit (constant 1)")))
    ax.legend(handles=handles, loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)


def _share_bar(bar):
    """The bar of each part's share of the total; returns its four (animated) boxes."""
    bar.set(xlim=(0, 1), ylim=(-0.5, 0.5), yticks=[],
            xlabel=tr("share of all parameters  $s \\times n + n + n \\times m + m$"))
    bar.grid(False)
    return [bar.barh(0, 0.25, left=0.25 * i, color=PART_COLORS[p], animated=True)[0]
            for i, p in enumerate(PARTS)]


def _grouped(count: int) -> str:
    """A whole number with its thousands grouped: ``10,101`` in English, ``10 101`` (narrow
    no-break space) in Spanish, whose decimal point would make ``10,101`` ambiguous."""
    return f"{count:,}".replace(",", tr(",", context="thousands separator"))


def _all_pairs(source: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Segments from every point of ``source`` to every point of ``target``: (k, 2, 2)."""
    a = np.repeat(source, len(target), axis=0)
    b = np.tile(target, (len(source), 1))
    return np.stack([a, b], axis=1)


@styled
def feature_explosion(n_features: int = 100, max_degree: int = 5, hidden_units: int = 100) -> Figure:
    """Bars (log scale) of the number of polynomial features of degree ≤ d, two ways.

    Ordered products :math:`\\sum_{k=0}^{d} p^k` (the EAFIT lecture's table) and distinct
    monomials :math:`\\binom{p + d}{d}` of :math:`p` features (:math:`n` is kept for hidden
    units, as in the rest of notebook 07); the dashed line is the parameter count of a
    shallow network with ``n_features`` inputs, ``hidden_units`` hidden units and one output.

    Parameters
    ----------
    n_features : int
        The number p of input features.
    max_degree : int
        The largest degree d on the axis.
    hidden_units : int
        The n of the comparison network.

    Returns
    -------
    Figure
    """
    degrees = np.arange(1, max_degree + 1)
    ordered = [ordered_products(n_features, d) for d in degrees]
    distinct = [distinct_monomials(n_features, d) for d in degrees]
    fig = new_figure(10.0, 4.6)
    ax = fig.add_subplot()
    ax.bar(degrees - 0.2, ordered, 0.4, color=COLORS["blue"],
           label=tr("ordered products $\\sum_{k=0}^{d} p^k$ (lecture's table)"))
    ax.bar(degrees + 0.2, distinct, 0.4, color=COLORS["orange"],
           label=tr("distinct monomials $\\binom{p+d}{d}$"))
    net = shallow_parameters(n_features, hidden_units, 1).total
    ax.axhline(net, color=COLORS["black"], ls="--", lw=1.6,
               label=tr("shallow network {s}→{n}→1: {total} parameters").format(
                   s=n_features, n=hidden_units, total=_grouped(net)))
    for d, a, b in zip(degrees, ordered, distinct):
        ax.text(d - 0.2, a * 1.6, _grouped(a), ha="center", fontsize=8.5, rotation=90, va="bottom")
        ax.text(d + 0.2, b * 1.6, _grouped(b), ha="center", fontsize=8.5, rotation=90, va="bottom")
    ax.set(yscale="log", ylim=(10, 1e15), xticks=degrees,
           xlabel=tr("largest degree $d$"), ylabel=tr("number of features (log scale)"),
           title=tr("Polynomial features of $p = {p}$ inputs").format(p=n_features))
    ax.legend(loc="upper left", frameon=False)
    return fig
