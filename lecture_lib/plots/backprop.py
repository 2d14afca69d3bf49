r"""The computational graph of a small network, with its numbers in both directions.

Every node carries two numbers from :func:`lecture_lib.topics.backprop.backward_pass`:
its forward value (:math:`x, z^{(l)}_k, a^{(l)}_k, \hat y, L`, blue, on top) and its
backward value :math:`\partial L/\partial(\text{node})` (red, below; at a node
:math:`z^{(l)}_k` this is the delta :math:`\delta^{(l)}_k`). The weight edges are coloured
by the sign of :math:`\partial L/\partial w` and drawn thicker the larger
:math:`|\partial L/\partial w|` is, so the backward pass is visible at a glance.
"""

from __future__ import annotations

from dataclasses import dataclass

from collections.abc import Callable, Sequence

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle

from ..i18n import tr
from ..topics.backprop import LayerStep
from .style import COLORS, NumberLabels, new_figure, styled

RADIUS = 0.3
SPAN = 1.3  # height of a column of nodes, so a bias label clears the name of the node below
FORWARD, BACKWARD = COLORS["blue"], COLORS["red"]


@dataclass(frozen=True)
class GraphLayout:
    """Where the nodes and edges of a layered network's graph go.

    Attributes
    ----------
    nodes : dict of str to (float, float, str)
        A name to ``(x, y, label)`` in forward order: the inputs, then per layer l its ``z``
        nodes (and, below the output, its ``a`` nodes), then ``"L"``.
    weights : dict of (int, int, int) to (str, str)
        ``(l, j, k)`` (0-based: layer index, row j and column k of ``W``) to the edge
        ``(from, to)``.
    links : tuple of (str, str)
        The activation and loss arrows.
    """

    nodes: dict
    weights: dict
    links: tuple


def _column(names_labels, x):
    """One column of nodes at ``x``, spread evenly from y = SPAN down to 0 (one node: the middle)."""
    n = len(names_labels)
    rows = [SPAN / 2] if n == 1 else np.linspace(SPAN, 0.0, n)
    return {name: (x, float(y), label) for (name, label), y in zip(names_labels, rows)}


def graph_layout(layer_sizes: Sequence[int]) -> GraphLayout:
    """The graph of a network with ``layer_sizes`` (n_in, hidden..., 1) and a loss node."""
    sizes = tuple(int(n) for n in layer_sizes)
    if len(sizes) < 2 or sizes[-1] != 1 or min(sizes) < 1:
        raise ValueError(tr("layer_sizes must be (n_in, ..., 1) with one output, got {got}").format(
            got=layer_sizes))
    sub = (lambda k, n: f"_{k}" if n > 1 else "")  # noqa: E731
    inputs = [(f"x{sub(j + 1, sizes[0])}", f"$x{sub(j + 1, sizes[0])}$") for j in range(sizes[0])]
    nodes, x, previous = _column(inputs, 0.0), 0.0, [n for n, _ in inputs]
    weights, links = {}, []
    for l, n in enumerate(sizes[1:], start=1):
        out = l == len(sizes) - 1
        x += 1.3
        zs = [("yhat", f"$\\hat y = z^{{({l})}}$")] if out else \
             [(f"z{l}_{k}", f"$z^{{({l})}}_{k}$") for k in range(1, n + 1)]
        nodes.update(_column(zs, x))
        weights.update({(l - 1, j, k): (p, zs[k][0]) for j, p in enumerate(previous)
                        for k in range(n)})
        if out:
            break
        x += 1.2
        acts = [(f"a{l}_{k}", f"$a^{{({l})}}_{k}$") for k in range(1, n + 1)]
        nodes.update(_column(acts, x))
        links += [(z, a, "f") for (z, _), (a, _) in zip(zs, acts)]
        previous = [a for a, _ in acts]
    nodes["L"] = (x + 1.2, SPAN / 2, "$L$")
    links.append(("yhat", "L", "$(\\hat y - y)^2$"))
    return GraphLayout(nodes, weights, tuple(links))


def node_values(steps: Sequence[LayerStep], loss_value: float) -> tuple[list, list]:
    r"""Forward and backward numbers of every node, in the order of :func:`graph_layout`.

    Forward: :math:`x`, then per layer :math:`z^{(l)}` (and :math:`a^{(l)}` below the
    output), then :math:`L`. Backward: :math:`\partial L/\partial x`, then
    :math:`\delta^{(l)}` and :math:`\partial L/\partial a^{(l)} = \delta^{(l+1)} W^{(l+1)\top}`,
    then :math:`\partial L/\partial L = 1`. ``steps`` are one example's layer steps.
    """
    forward, backward = list(steps[0].a_in[0]), list(steps[0].d_in[0])
    for i, s in enumerate(steps):
        forward += list(s.z[0])
        backward += list(s.delta[0])
        if i < len(steps) - 1:
            forward += list(s.a[0])
            backward += list(steps[i + 1].d_in[0])
    return forward + [loss_value], backward + [1.0]


@styled
def graph(layer_sizes: Sequence[int] = (1, 2, 1), grad_scale: float = 3.0, activation: str = "ReLU"
          ) -> tuple[Figure, Callable[[Sequence[LayerStep], float], None]]:
    r"""Build the graph figure of a network with ``layer_sizes`` (one output) and the
    squared error; ``draw(steps, loss_value)`` writes the forward and backward values
    from :func:`lecture_lib.topics.backprop.backward_pass` (one example) onto it.

    Parameters
    ----------
    layer_sizes : sequence of int
        ``(n_in, hidden..., 1)``.
    grad_scale : float
        The :math:`|\partial L/\partial w|` drawn with the thickest edge.
    activation : str
        The hidden units' f, named on the z → a arrows.

    Returns
    -------
    fig : Figure
    draw : callable
        ``draw(steps, loss_value)``.
    """
    layout = graph_layout(layer_sizes)
    right = max(cx for cx, _, _ in layout.nodes.values())
    fig = new_figure(1.6 + 1.55 * right, 5.2)
    ax = fig.add_subplot()
    ax.set(xlim=(-0.5, right + 0.5), ylim=(-0.62, SPAN + 0.55), aspect="equal")
    ax.axis("off")
    edges = _weight_edges(ax, layout)
    _links_and_nodes(ax, layout, activation)
    xy = np.array([cxy[:2] for cxy in layout.nodes.values()])
    forward = ax.add_artist(NumberLabels(xy + [0, 0.09], size=11, color=FORWARD,
                                         animated=True, zorder=3))
    backward = ax.add_artist(NumberLabels(xy - [0, 0.1], size=11, color=BACKWARD,
                                          animated=True, zorder=3))
    _legend(ax)

    def draw(steps, loss_value: float):
        ahead, back = node_values(steps, loss_value)
        forward.set_values(ahead)
        backward.set_values(back)
        for (layer, i, j), edge in edges.items():
            g = steps[layer].dW[i, j]
            edge.set_color(COLORS["red"] if g > 0 else COLORS["sky"] if g < 0 else COLORS["grey"])
            edge.set_linewidth(1.0 + 9.0 * min(abs(g) / grad_scale, 1.0))
            edge.set_alpha(0.35 if g == 0 else 1.0)
    return fig, draw


def _weight_edges(ax, layout: GraphLayout) -> dict:
    """One animated line per weight, stopping at the circles, labelled :math:`w^{(l)}_{jk}`."""
    edges = {}
    for (layer, j, k), (a, b) in layout.weights.items():
        p0, p1 = np.array(layout.nodes[a][:2]), np.array(layout.nodes[b][:2])
        unit = (p1 - p0) / np.linalg.norm(p1 - p0)
        (x0, y0), (x1, y1) = p0 + RADIUS * unit, p1 - RADIUS * unit
        (edges[layer, j, k],) = ax.plot([x0, x1], [y0, y1], color=COLORS["grey"], lw=2,
                                        solid_capstyle="butt", animated=True, zorder=1)
        mid = 0.5 * (p0 + p1)
        normal = np.array([-unit[1], unit[0]])
        if (normal[1] > 0) != (mid[1] >= SPAN / 2):  # label above the upper edges, below the lower
            normal = -normal
        ax.text(*(mid + 0.2 * normal), f"$w^{{({layer + 1})}}_{{{j + 1}{k + 1}}}$",
                ha="center", va="center", fontsize=12)
    return edges


def _links_and_nodes(ax, layout: GraphLayout, activation: str) -> None:
    """The activation and loss arrows, the circles with their names, biases and target."""
    for a, b, label in layout.links:
        (x0, y0, _), (x1, y1, _) = layout.nodes[a], layout.nodes[b]
        ax.annotate("", (x1 - RADIUS, y1), (x0 + RADIUS, y0),
                    arrowprops=dict(arrowstyle="-|>", color=COLORS["black"], lw=1.5))
        ax.text(0.5 * (x0 + x1), y0 + 0.1, activation if label == "f" else label,
                ha="center", fontsize=10)
    for name, (cx, cy, label) in layout.nodes.items():
        ax.add_patch(Circle((cx, cy), RADIUS, facecolor="white", edgecolor=COLORS["black"],
                            lw=1.5, zorder=2))
        ax.text(cx, cy + RADIUS + 0.06, label, ha="center", va="bottom", fontsize=13)
        if name.startswith("z") or name == "yhat":
            bias = label.replace("z^", "b^").replace("\\hat y = ", "")
            ax.text(cx, cy - RADIUS - 0.05, "$+\\," + bias.strip("$") + "$", ha="center",
                    va="top", fontsize=10, color=COLORS["grey"])
    cx, cy, _ = layout.nodes["L"]
    ax.text(cx, cy - RADIUS - 0.08, tr("target $y$"), ha="center", va="top", fontsize=11)


def _legend(ax) -> None:
    ax.legend(handles=[
        Line2D([], [], color=FORWARD, lw=0, marker="$1.2$", ms=16, label=tr("forward value")),
        Line2D([], [], color=BACKWARD, lw=0, marker="$1.2$", ms=16,
               label=tr("backward: $\\partial L/\\partial$(node)")),
        Line2D([], [], color=COLORS["red"], lw=4, label="$\\partial L/\\partial w > 0$"),
        Line2D([], [], color=COLORS["sky"], lw=4, label="$\\partial L/\\partial w < 0$"),
        Line2D([], [], color=COLORS["grey"], lw=1, label=tr("thickness $\\propto |\\partial L/\\partial w|$")),
    ], loc="lower center", ncols=5, frameon=False, fontsize=10, bbox_to_anchor=(0.5, -0.1))


@styled
def gradient_check_bars(names: Sequence[str], errors: Sequence[float], threshold: float = 1e-7) -> Figure:
    """Relative error of backprop against finite differences, one bar per network (log scale).

    Parameters
    ----------
    names : sequence of str
        One label per network.
    errors : sequence of float
        Their relative errors (:func:`lecture_lib.networks.gradient_check`); 0 is drawn at the
        bottom of the axis.
    threshold : float
        The dashed line below which backprop counts as right.

    Returns
    -------
    Figure
    """
    fig = new_figure(9.0, 3.2)
    ax = fig.add_subplot()
    errs = np.maximum(np.asarray(errors, float), 1e-16)
    ax.barh(np.arange(len(names)), errs, color=COLORS["blue"])
    ax.axvline(threshold, color=COLORS["red"], ls="--", label=tr("below {threshold}: backprop is right").format(
        threshold=f"{threshold:g}"))
    ax.set(xscale="log", xlim=(1e-16, 1e-2), yticks=np.arange(len(names)),
           xlabel=tr("relative error $\\|g - \\hat g\\| / (\\|g\\| + \\|\\hat g\\|)$"))
    ax.set_yticklabels(names)
    ax.invert_yaxis()
    ax.legend(loc="lower right")
    return fig
