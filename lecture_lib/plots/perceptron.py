"""Figures of the perceptron: the party truth table, gates in the plane, the learning rule, XOR.

Builders return ``(figure, draw)``; ``draw`` moves the animated artists (fixed axis limits).
Class 1 / "go" is blue, class 0 / "stay" is vermillion, and every colour also has a
marker shape or a word, so nothing depends on colour alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.colors import to_rgba
from matplotlib.lines import Line2D
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from ..i18n import tr
from ..topics.perceptron import (PARTY_INPUTS, perceptron, pre_activation, step_network,
                                 truth_table, xor_network)
from ..topics.perceptron import LearningHistory
from .panels import line_in_box
from .style import COLORS, HeatImage, legend_below, new_figure, styled

ON, OFF = COLORS["blue"], COLORS["red"]
ON_RGBA, OFF_RGBA = np.array(to_rgba(ON)), np.array(to_rgba(OFF))
BOX = (-0.5, 1.5)


@styled
def party_table(z_range: tuple[float, float] = (-24.0, 24.0)
                ) -> tuple[Figure, Callable[[Sequence[float], float], None]]:
    """The 8 situations of the party perceptron: inputs, decision, and :math:`z = x\\cdot w + b`.

    ``draw(w, b)`` recolours the decision cells ("go" when :math:`z > 0`) and moves the bars.
    The default ``z_range`` holds every :math:`z` the notebook's sliders reach
    (:math:`|w_i| \\le 5`, :math:`|b| \\le 8`, so :math:`|z| \\le 23`).
    """
    X = truth_table(3)
    fig = new_figure(11.0, 4.6)
    table, bars_ax = fig.subplots(1, 2, width_ratios=[1.25, 1])
    _party_inputs(table, X)
    tops = 7 - np.arange(8)
    cells = PolyCollection([_box(3.04, 3.96, t + 0.06, t + 0.94) for t in tops], lw=0,
                           animated=True)
    table.add_collection(cells)
    go_marks, = table.plot([], [], "o", ms=13, color="white", animated=True)
    stay_marks, = table.plot([], [], "x", ms=13, mew=3.5, color="white", animated=True)
    bars = PolyCollection([_box(0, 0, t + 0.15, t + 0.85) for t in tops], lw=0, animated=True)
    bars_ax.add_collection(bars)
    _party_bars_axes(bars_ax, z_range)

    def draw(w, b):
        z = pre_activation(X, w, b)
        colours = np.where(z[:, None] > 0, ON_RGBA, OFF_RGBA)
        cells.set_facecolor(colours)
        bars.set_facecolor(colours)
        bars.set_verts([_box(0, zi, t + 0.15, t + 0.85) for zi, t in zip(z, tops)])
        go = z > 0
        go_marks.set_data(np.full(go.sum(), 3.5), tops[go] + 0.5)
        stay_marks.set_data(np.full((~go).sum(), 3.5), tops[~go] + 0.5)
    return fig, draw


def _party_inputs(table, X):
    """The static part of the truth table: headers and the yes/no cells of the three inputs."""
    table.set(xlim=(0, 4), ylim=(0, 9), xticks=[], yticks=[])
    table.grid(False)
    for side in ("left", "bottom"):
        table.spines[side].set_visible(False)
    headers = [f"$x_{i + 1}$\n{tr(name)}" for i, name in enumerate(PARTY_INPUTS)]
    headers.append(tr("decision $\\hat y$\n(○ go, × stay)"))
    for col, text in enumerate(headers):
        table.text(col + 0.5, 8.5, text, ha="center", va="center", fontsize=11)
    for row, x in enumerate(X):
        top = 7 - row
        for col, v in enumerate(x):
            table.add_patch(Rectangle((col + 0.04, top + 0.06), 0.92, 0.88, lw=0,
                                      facecolor=COLORS["sky"] if v else "#F2F2F2"))
            table.text(col + 0.5, top + 0.5, tr("yes (1)") if v else tr("no (0)"), ha="center",
                       va="center", fontsize=11)


def _party_bars_axes(bars_ax, z_range):
    """Axis, threshold line and legend of the bars of :math:`z` (the bars themselves move)."""
    bars_ax.axvline(0, color=COLORS["black"], lw=1.5)
    bars_ax.set(xlim=z_range, ylim=(0, 9), yticks=[],
                xlabel=tr("weighted sum $z = w_1x_1 + w_2x_2 + w_3x_3 + b$"),
                title=tr("fires ($\\hat y = 1$, go) when $z > 0$"))
    bars_ax.legend(handles=[Line2D([], [], marker="o", ms=11, mec="white", ls="", color=ON,
                                   label=tr("go ($z > 0$)")),
                            Line2D([], [], marker="X", ms=12, mec="white", ls="", color=OFF,
                                   label=tr("stay ($z \\leq 0$)"))],
                   loc="upper right", ncols=2, frameon=False)


def _box(x0, x1, y0, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def _plane_axes(ax):
    ax.set(xlim=BOX, ylim=BOX, aspect="equal", xlabel="$x_1$", ylabel="$x_2$",
           xticks=[0, 1], yticks=[0, 1])
    ax.grid(False)
    shade = HeatImage(ax, -3.0, 3.0, cmap="RdBu")
    line, = ax.plot([], [], color=COLORS["black"], lw=2.5, animated=True,
                    label=tr("decision line $z = 0$"))
    ones, = ax.plot([], [], "o", ms=16, color=ON, mec="white", animated=True,
                    label=tr("target 1"))
    zeros, = ax.plot([], [], "s", ms=15, color=OFF, mec="white", animated=True,
                     label=tr("target 0"))
    wrong, = ax.plot([], [], "o", ms=28, mfc="none", mec=COLORS["black"], mew=2.5,
                     animated=True, label=tr("misclassified"))
    return shade, line, ones, zeros, wrong


def _grid(n=101):
    g = np.linspace(*BOX, n)
    G1, G2 = np.meshgrid(g, g)
    return np.column_stack([G1.ravel(), G2.ravel()]), n


GRID, N_GRID = _grid()


def _draw_plane(artists, X, y, w, b):
    shade, line, ones, zeros, wrong = artists
    decisions = perceptron(GRID, w, b).reshape(N_GRID, N_GRID)
    shade.set_values(2.0 * decisions - 1.0)
    line.set_data(*line_in_box(w, b, BOX))
    y = np.asarray(y)
    ones.set_data(X[y == 1, 0], X[y == 1, 1])
    zeros.set_data(X[y == 0, 0], X[y == 0, 1])
    bad = perceptron(X, w, b) != y
    wrong.set_data(X[bad, 0], X[bad, 1])


@styled
def gate_plane() -> tuple[Figure, Callable[[np.ndarray, np.ndarray, Sequence[float], float], None]]:
    """The four inputs of a 2-input gate in the plane, coloured by target, and a perceptron.

    The shaded side is where :math:`z = w_1x_1 + w_2x_2 + b > 0` (blue: :math:`\\hat y = 1`);
    the black line is :math:`z = 0`; ringed points are misclassified.
    ``draw(X, y, w, b)`` shows targets ``y`` on inputs ``X`` and the perceptron ``(w, b)``.
    """
    fig = new_figure(7.6, 4.8)
    ax = fig.add_subplot()
    artists = _plane_axes(ax)
    ax.set_title(tr("perceptron $\\hat y = \\mathrm{step}(w_1x_1 + w_2x_2 + b)$"))
    handles = list(artists[1:]) + [Rectangle((0, 0), 1, 1, color="#9EC3DE", label=tr("$\\hat y = 1$ side")),
                                   Rectangle((0, 0), 1, 1, color="#F1A98A", label=tr("$\\hat y = 0$ side"))]
    fig.legend(handles=handles, loc="outside right center", frameon=False, markerscale=0.6)

    def draw(X, y, w, b):
        _draw_plane(artists, np.asarray(X), y, w, b)
    return fig, draw


@styled
def learning_steps(weight_range: tuple[float, float] = (-2.5, 2.5)
                   ) -> tuple[Figure, Callable[[LearningHistory, np.ndarray, np.ndarray, int], None]]:
    """The perceptron learning rule, step by step: the plane (left) and the weights (right).

    ``draw(history, X, y, t)`` shows the perceptron after step ``t`` of a
    :func:`lecture_lib.topics.perceptron.learning_rule` history, rings the sample of step ``t``
    and marks ``t`` on the weight trajectories.
    """
    fig = new_figure(11.5, 4.6)
    plane, traj = fig.subplots(1, 2, width_ratios=[1, 1.35])
    artists = _plane_axes(plane)
    plane.set_title(tr("after step $t$"))
    current, = plane.plot([], [], "D", ms=10, color=COLORS["yellow"], mec=COLORS["black"],
                          animated=True, label=tr("sample of step $t$"))
    legend_below(plane, offset=-0.2, handles=[artists[1], artists[2], artists[3], current],
                 frameon=False)
    names = ("$w_1$", "$w_2$", "$b$")
    curves = [traj.plot([], [], color=c, marker=".", label=n, animated=True)[0]
              for c, n in zip((COLORS["blue"], COLORS["orange"], COLORS["green"]), names)]
    marker = traj.axvline(0, color=COLORS["grey"], ls="--", lw=1.5, animated=True)
    traj.set(xlim=(0, 24), ylim=weight_range, xlabel=tr("step $t$ (one sample per step)"),
             ylabel=tr("parameter value"),
             title="$w \\leftarrow w + \\eta\\,(y - \\hat y)\\,x$,   $b \\leftarrow b + \\eta\\,(y - \\hat y)$")
    traj.legend(loc="upper left", ncols=3, frameon=False)

    def draw(history, X, y, t):
        X, t = np.asarray(X), int(t)
        _draw_plane(artists, X, y, history.w[t], history.b[t])
        if t > 0:
            i = history.sample[t - 1]
            current.set_data([X[i, 0]], [X[i, 1]])
        current.set_visible(t > 0)
        steps = np.arange(len(history.b))
        for k, curve in enumerate(curves):
            values = history.w[:, k] if k < 2 else history.b
            curve.set_data(steps, values)
        marker.set_xdata([t, t])
    return fig, draw


@styled
def xor_solution() -> Figure:
    """Static: how one hidden layer of step units solves XOR (OR and NAND into AND).

    Left: the inputs and the lines where the hidden OR and NAND units switch. Right: the same
    four points in the hidden space :math:`(h_1, h_2)`, where the AND unit's line separates them.
    See :func:`lecture_lib.topics.perceptron.xor_network`.
    """
    X, y = truth_table(2), np.array([0, 1, 1, 0])
    H = step_network(X, xor_network())[1]
    fig = new_figure(11.0, 5.2)
    left, right = fig.subplots(1, 2)
    t = np.linspace(-0.5, 1.5, 2)
    left.plot(t, 0.5 - t, color=COLORS["purple"], ls="--",
              label=tr("OR unit $h_1$ switches on: $x_1 + x_2 = 0.5$"))
    left.plot(t, 1.5 - t, color=COLORS["green"], ls="-.",
              label=tr("NAND unit $h_2$ switches off: $x_1 + x_2 = 1.5$"))
    for ax, P, title in ((left, X, tr("input space: no line separates")),
                         (right, H, tr("hidden space: one line separates"))):
        ax.plot(*P[y == 1].T, "o", ms=15, color=ON, mec="white", label="XOR = 1")
        ax.plot(*P[y == 0].T, "s", ms=14, color=OFF, mec="white", label="XOR = 0")
        ax.set_title(title)
        ax.set(xlim=BOX, ylim=BOX, aspect="equal")
    left.set(xlabel="$x_1$", ylabel="$x_2$")
    right.plot(t, 1.5 - t, color=COLORS["black"], lw=2.5,
               label=tr("AND output unit: $h_1 + h_2 = 1.5$"))
    right.set(xlabel="$h_1 = \\mathrm{OR}(x_1, x_2)$", ylabel="$h_2 = \\mathrm{NAND}(x_1, x_2)$")
    right.annotate(tr("(0,1) and (1,0)\nboth land here"), H[1], xytext=(0.25, 0.45),
                   arrowprops={"arrowstyle": "->", "color": COLORS["grey"]}, fontsize=10)
    for ax in (left, right):
        legend_below(ax, offset=-0.18, frameon=False)
    return fig


__all__ = ["party_table", "gate_plane", "learning_steps", "xor_solution"]
