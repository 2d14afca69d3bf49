"""Figures of shallow networks: the 1-input anatomy and the 2-input heat map.

Each builder returns ``(figure, draw)``: ``draw(network)`` moves the figure's
animated artists to show ``network`` and is what a live figure's update calls.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from matplotlib.figure import Figure

from ..i18n import tr
from ..networks import Network
from ..shallow import hidden_units, linear_regions
from ..topics.shallow import count_regions_2d
from .panels import line_in_box
from .style import COLORS, HeatImage, new_figure, styled

UNIT_COLORS = (COLORS["blue"], COLORS["orange"], COLORS["green"])
SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


@styled
def anatomy_1d(x_range: tuple[float, float] = (-4.0, 4.0), y_range: tuple[float, float] = (-7.0, 5.0),
               n_points: int = 201) -> tuple[Figure, Callable[[Network], None]]:
    """Each hidden unit's pre-activation, activation and weighted contribution, and their sum.

    Left three columns, one row per hidden unit k: :math:`z_k = ω_{1k} x + b_k`,
    :math:`a(z_k)` and :math:`ω_{k4}\\,a(z_k)`. Right: :math:`y = b_4 + \\sum_k ω_{k4} a(z_k)`
    with the joints (dashed) and the slope of each linear region.

    Parameters
    ----------
    x_range, y_range : (float, float)
        The limits of every panel.
    n_points : int
        Inputs x at which every curve is evaluated.

    Returns
    -------
    (Figure, callable)
        The figure and ``draw(network)`` for a (1, 3, 1) network, e.g. :func:`lecture_lib.shallow.shallow_1d`.
    """
    x = np.linspace(*x_range, n_points)
    fig = new_figure(12.0, 6.2)
    grid = fig.add_gridspec(3, 5, width_ratios=[1, 1, 1, 0.15, 2.4])
    lines = _unit_panels(fig, grid, x, x_range, y_range)
    out = fig.add_subplot(grid[:, 4])
    out.set(xlim=x_range, ylim=y_range, xlabel=tr("input $x$"), ylabel=tr("output $y$"),
            title="$y = b_4 + \\sum_k \\omega_{k4}\\,a(z_k)$")
    (y_line,) = out.plot(x, x, color=COLORS["black"], lw=2.8, animated=True)
    joint_lines = [out.axvline(0, color=UNIT_COLORS[k], ls="--", lw=1.6, animated=True)
                   for k in range(3)]
    draw_regions = _region_strip(out, y_range)

    def draw(network):
        parts = hidden_units(network, x[:, None])
        for k in range(3):
            for col, values in enumerate((parts.pre_activation, parts.activation,
                                          parts.contribution)):
                lines[k][col].set_ydata(values[:, k])
        y_line.set_ydata(parts.output[:, 0])
        w, b, v = network.weights[0][0], network.biases[0], network.weights[1][:, 0]
        for k, line in enumerate(joint_lines):
            bends = w[k] != 0 and v[k] != 0 and x_range[0] < -b[k] / w[k] < x_range[1]
            line.set_visible(bool(bends))
            if bends:
                line.set_xdata([-b[k] / w[k]] * 2)
        draw_regions(linear_regions(network, *x_range))
    return fig, draw


def _unit_panels(fig, grid, x, x_range, y_range):
    """The 3 × 3 small panels (unit k in row k); returns their animated lines, row by row."""
    titles = (tr("pre-activation $z_{k} = \\omega_{1k}x + b_{k}$"), tr("activation $a(z_{k})$"),
              tr("contribution $\\omega_{k4}\\,a(z_{k})$"))
    lines = []
    for k in range(3):
        row = []
        for col in range(3):
            ax = fig.add_subplot(grid[k, col])
            ax.set(xlim=x_range, ylim=y_range)
            ax.axhline(0, color=COLORS["grey"], lw=0.8)
            (line,) = ax.plot(x, x, color=UNIT_COLORS[k], animated=True)
            row.append(line)
            if k == 0:
                ax.set_title(titles[col], fontsize=11)
            if col == 0:
                ax.set_ylabel(tr("unit {k}").format(k=k + 1))
            if k == 2:
                ax.set_xlabel(tr("input $x$"))
            else:
                ax.tick_params(labelbottom=False)
        lines.append(row)
    return lines


def _region_strip(out, y_range, n_max=4):
    """A strip of alternating bars along the top, numbered by region; returns its ``draw``.

    The number is a marker (its path is built once; a Text artist would be laid out on
    every draw).
    """
    top = y_range[1] - 0.04 * (y_range[1] - y_range[0])
    strip = [out.plot([0, 0], [top, top], lw=10, solid_capstyle="butt", animated=True,
                      color=COLORS["grey"], alpha=0.25 + 0.2 * (i % 2))[0] for i in range(n_max)]
    numbers = [out.plot([0], [top], ls="none", marker=f"${i + 1}$", ms=11, animated=True,
                        color=COLORS["black"])[0] for i in range(n_max)]

    def draw(regions):
        for i, (bar, number) in enumerate(zip(strip, numbers)):
            shown = i < len(regions)
            bar.set_visible(shown)
            number.set_visible(shown)
            if shown:
                lo, hi = regions[i][:2]
                bar.set_xdata([lo, hi])
                number.set_xdata([0.5 * (lo + hi)])
    return draw


@styled
def heatmap_2d(extent: tuple[float, float] = (-2.0, 2.0), value_range: tuple[float, float] = (-3.0, 3.0),
               n_points: int = 121) -> tuple[Figure, Callable[[Network], int]]:
    """The 2-input, 3-hidden-unit network: each weighted unit and the output as heat maps.

    The dashed lines on the output are the joints :math:`x_1ω_{1k} + x_2ω_{2k} + b_k = 0`,
    where unit k switches on; they cut the plane into convex linear regions.
    ``draw(network)`` returns the number of linear regions in view, counted exactly from the
    joint lines by :func:`lecture_lib.topics.shallow.count_regions_2d` (not from the pixels).

    Parameters
    ----------
    extent : (float, float)
        The square :math:`[x_{low}, x_{high}]^2` of inputs shown.
    value_range : (float, float)
        The values mapped to the colour map's ends.
    n_points : int
        Pixels of the heat maps per side.

    Returns
    -------
    (Figure, callable)
        The figure and ``draw(network) -> number of regions`` for a (2, 3, 1) network
        (:func:`lecture_lib.shallow.shallow_2d`).
    """
    g = np.linspace(*extent, n_points)
    X1, X2 = np.meshgrid(g, g)
    X = np.column_stack([X1.ravel(), X2.ravel()])
    fig = new_figure(12.0, 3.6)
    axes = fig.subplots(1, 4, sharey=True)
    images = []
    titles = [f"$\\omega_{{{k}4}}\\,a(z_{k})$" for k in (1, 2, 3)] + [tr("output $y$")]
    for ax, title in zip(axes, titles):
        ax.set(title=title, xlabel="$x_1$", xlim=extent, ylim=extent, aspect="equal")
        ax.grid(False)
        images.append(HeatImage(ax, *value_range))
    axes[0].set_ylabel("$x_2$")
    fig.colorbar(images[-1].mappable(), ax=axes, shrink=0.9, label=tr("value"))
    joint_lines = [axes[3].plot([], [], ls=style, lw=2.0, color=COLORS["black"], animated=True,
                                label=tr("joint of unit {k}").format(k=k + 1))[0]
                   for k, style in enumerate(("--", ":", "-."))]
    fig.legend(handles=joint_lines, loc="outside lower center", ncols=3, frameon=False)

    def draw(network):
        trace = network.forward_trace(X)
        A, Y = trace[1][1], trace[2][1]
        contributions = A * network.weights[1][:, 0]
        for k in range(3):
            images[k].set_values(contributions[:, k].reshape(n_points, n_points))
        images[3].set_values(Y.reshape(n_points, n_points))
        for k, line in enumerate(joint_lines):
            line.set_data(*line_in_box(network.weights[0][:, k], network.biases[0][k], extent))
        return count_regions_2d(network, extent)
    return fig, draw
