r"""The computational graph of a 1-input, 2-hidden-unit, 1-output network, with its numbers.

Nodes carry the forward values :math:`x, z^{(1)}_k, a^{(1)}_k, \hat y, L`; the four weight
edges are coloured by the sign of :math:`\partial L/\partial w` and drawn thicker the larger
:math:`|\partial L/\partial w|` is, so the backward pass is visible at a glance.
"""

from __future__ import annotations

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Circle

from .style import COLORS, NumberLabels, new_figure

# node name -> (column, row, label); columns: input, z, a, output, loss
NODES = {
    "x": (0.0, 0.5, "$x$"),
    "z1": (1.3, 1.0, "$z^{(1)}_1$"), "z2": (1.3, 0.0, "$z^{(1)}_2$"),
    "a1": (2.5, 1.0, "$a^{(1)}_1$"), "a2": (2.5, 0.0, "$a^{(1)}_2$"),
    "yhat": (3.8, 0.5, "$\\hat y = z^{(2)}$"), "L": (5.0, 0.5, "$L$"),
}
WEIGHT_EDGES = {  # (from, to, label, layer index, row, column of W)
    "W1[0,0]": ("x", "z1", "$w^{(1)}_{11}$", 0, 0, 0),
    "W1[0,1]": ("x", "z2", "$w^{(1)}_{12}$", 0, 0, 1),
    "W2[0,0]": ("a1", "yhat", "$w^{(2)}_{11}$", 1, 0, 0),
    "W2[1,0]": ("a2", "yhat", "$w^{(2)}_{21}$", 1, 1, 0),
}
OTHER_EDGES = (("z1", "a1", "ReLU"), ("z2", "a2", "ReLU"), ("yhat", "L", "$(\\hat y - y)^2$"))
RADIUS = 0.27


def graph(grad_scale: float = 3.0):
    r"""Build the graph figure; ``draw(steps, loss_value)`` writes the values from
    :func:`lecture_lib.topics.backprop.backward_pass` (one example) onto it.

    ``grad_scale`` is the :math:`|\partial L/\partial w|` drawn with the thickest edge.
    """
    fig = new_figure(11.0, 4.6)
    ax = fig.add_subplot()
    ax.set(xlim=(-0.5, 5.5), ylim=(-0.55, 1.5), aspect="equal")
    ax.axis("off")
    edges = {}
    for key, (a, b, label, *_rest) in WEIGHT_EDGES.items():
        p0, p1 = np.array(NODES[a][:2]), np.array(NODES[b][:2])
        unit = (p1 - p0) / np.linalg.norm(p1 - p0)
        (x0, y0), (x1, y1) = p0 + RADIUS * unit, p1 - RADIUS * unit  # stop at the circles
        (edges[key],) = ax.plot([x0, x1], [y0, y1], color=COLORS["grey"], lw=2,
                                solid_capstyle="butt", animated=True, zorder=1)
        mid = 0.5 * (p0 + p1)
        normal = np.array([-unit[1], unit[0]])
        if (normal[1] > 0) != (mid[1] > 0.5):  # label above the upper edges, below the lower
            normal = -normal
        ax.text(*(mid + 0.2 * normal), label, ha="center", va="center", fontsize=12)
    for a, b, label in OTHER_EDGES:
        (x0, y0, _), (x1, y1, _) = NODES[a], NODES[b]
        ax.annotate("", (x1 - RADIUS, y1), (x0 + RADIUS, y0),
                    arrowprops=dict(arrowstyle="-|>", color=COLORS["black"], lw=1.5))
        ax.text(0.5 * (x0 + x1), y0 + 0.1, label, ha="center", fontsize=10)
    for name, (cx, cy, label) in NODES.items():
        ax.add_patch(Circle((cx, cy), RADIUS, facecolor="white", edgecolor=COLORS["black"],
                            lw=1.5, zorder=2))
        ax.text(cx, cy + RADIUS + 0.08, label, ha="center", va="bottom", fontsize=13)
    values = ax.add_artist(NumberLabels([NODES[name][:2] for name in NODES], size=12,
                                        color=COLORS["blue"], animated=True, zorder=3))
    ax.text(NODES["L"][0], NODES["L"][1] - RADIUS - 0.12, "target $y$", ha="center",
            va="top", fontsize=11)
    for name, bias in (("z1", "$+\\,b^{(1)}_1$"), ("z2", "$+\\,b^{(1)}_2$"),
                       ("yhat", "$+\\,b^{(2)}_1$")):
        cx, cy, _ = NODES[name]
        ax.text(cx, cy - RADIUS - 0.06, bias, ha="center", va="top", fontsize=10,
                color=COLORS["grey"])
    ax.legend(handles=[
        Line2D([], [], color=COLORS["blue"], lw=0, marker="$1.2$", ms=16,
               label="forward value on each node"),
        Line2D([], [], color=COLORS["red"], lw=4, label="$\\partial L/\\partial w > 0$: lower $w$"),
        Line2D([], [], color=COLORS["sky"], lw=4, label="$\\partial L/\\partial w < 0$: raise $w$"),
        Line2D([], [], color=COLORS["grey"], lw=1, label="thickness $\\propto |\\partial L/\\partial w|$"),
    ], loc="lower center", ncols=4, frameon=False, fontsize=10, bbox_to_anchor=(0.5, -0.08))

    def draw(steps, loss_value: float):
        (s1, s2) = steps
        numbers = {"x": s1.a_in[0, 0], "z1": s1.z[0, 0], "z2": s1.z[0, 1], "a1": s1.a[0, 0],
                   "a2": s1.a[0, 1], "yhat": s2.a[0, 0], "L": loss_value}
        values.set_values([numbers[name] for name in NODES])
        for key, (_, _, _, layer, i, j) in WEIGHT_EDGES.items():
            g = steps[layer].dW[i, j]
            edges[key].set_color(COLORS["red"] if g > 0 else
                                 COLORS["sky"] if g < 0 else COLORS["grey"])
            edges[key].set_linewidth(1.0 + 9.0 * min(abs(g) / grad_scale, 1.0))
            edges[key].set_alpha(0.35 if g == 0 else 1.0)
    return fig, draw


def gradient_check_bars(names, errors, threshold: float = 1e-7):
    """Relative error of backprop against finite differences, one bar per network (log scale)."""
    fig = new_figure(9.0, 3.2)
    ax = fig.add_subplot()
    errs = np.maximum(np.asarray(errors, float), 1e-16)
    ax.barh(np.arange(len(names)), errs, color=COLORS["blue"])
    ax.axvline(threshold, color=COLORS["red"], ls="--", label=f"below {threshold:g}: backprop is right")
    ax.set(xscale="log", xlim=(1e-16, 1e-2), yticks=np.arange(len(names)),
           xlabel="relative error $\\|g - \\hat g\\| / (\\|g\\| + \\|\\hat g\\|)$")
    ax.set_yticklabels(names)
    ax.invert_yaxis()
    ax.legend(loc="lower right")
    return fig
