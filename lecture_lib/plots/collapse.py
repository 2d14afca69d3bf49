"""Figures of the linear-activation collapse (notebook 06).

``collapse_2d`` compares the 2-input, 3-hidden network with the affine activation
:math:`f(z) = az + b` against the plane :math:`c_1x_1 + c_2x_2 + c_3` and against the
same weights with ReLU units.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure

from ..i18n import tr
from ..shallow import shallow_2d
from ..topics.collapse import affine_network_2d, linear_collapse
from .style import COLORS, HeatImage, new_figure, styled


@styled
def collapse_2d(extent: tuple[float, float] = (-2.0, 2.0), value_range: tuple[float, float] = (-12.0, 12.0),
                n_points: int = 61) -> tuple[Figure, Callable[[Mapping[str, float], float, float],
                                                              tuple[float, float, float]]]:
    r"""Three panels: the affine network, the ReLU network, and a slice along :math:`x_2 = 0`.

    ``draw(weights, a, b)`` evaluates the affine network unit by unit (heat map 1), the same
    weights with ReLU hidden units (heat map 2), and on the slice draws both networks and
    the collapsed line :math:`c_1x_1 + c_3` (dots). Returns ``(c1, c2, c3)``. The default
    ``value_range`` holds the start weights of notebook 06 (outputs from −7 to 11) without
    saturating the colours; larger slider values can still leave it.

    Parameters
    ----------
    extent : (float, float)
        The square :math:`[x_{low}, x_{high}]^2` of inputs the heat maps cover.
    value_range : (float, float)
        The outputs mapped to the colour map's ends.
    n_points : int
        Grid points per side.

    Returns
    -------
    fig : Figure
    draw : callable
        ``draw(weights, a, b)``: ``weights`` are :func:`lecture_lib.shallow.shallow_2d`'s
        keywords, ``a`` and ``b`` the hidden activation :math:`f(z) = az + b`.
    """
    g = np.linspace(*extent, n_points)
    G1, G2 = np.meshgrid(g, g)
    X = np.column_stack([G1.ravel(), G2.ravel()])
    x1 = np.linspace(*extent, 201)
    slice_X = np.column_stack([x1, np.zeros_like(x1)])
    fig = new_figure(11.0, 4.0)
    grid = fig.add_gridspec(1, 3, width_ratios=[1, 1, 1.25])
    affine_ax, relu_ax, slice_ax = (fig.add_subplot(grid[0, i]) for i in range(3))
    images = []
    for ax, title in ((affine_ax, tr("$f(z) = az + b$: a tilted plane")),
                      (relu_ax, tr("same weights, ReLU: creased"))):
        ax.set(title=title, xlabel="$x_1$", ylabel="$x_2$", xlim=extent, ylim=extent,
               aspect="equal")
        ax.grid(False)
        images.append(HeatImage(ax, *value_range))
        ax.axhline(0, color=COLORS["black"], lw=1.5, ls=":", animated=True)
    bar = fig.colorbar(images[0].mappable(), ax=[affine_ax, relu_ax], shrink=0.85)
    bar.ax.set_title("$y$")
    affine_line, = slice_ax.plot(x1, x1, color=COLORS["blue"], lw=3, animated=True,
                                 label=tr("network, $f(z) = az + b$"))
    plane_dots, = slice_ax.plot(x1[::10], x1[::10], "o", ms=7, color=COLORS["orange"],
                                animated=True, label=tr("$c_1x_1 + c_3$ (collapsed)"))
    relu_line, = slice_ax.plot(x1, x1, "--", color=COLORS["green"], lw=2.5, animated=True,
                               label=tr("network, ReLU"))
    slice_ax.set(xlim=extent, ylim=value_range, xlabel=tr("$x_1$ (with $x_2 = 0$)"),
                 ylabel=tr("output $y$"), title=tr("slice along the dotted line $x_2 = 0$"))
    # Outside the axes: the moving lines cross every corner of the slice at some setting.
    fig.legend(handles=[affine_line, plane_dots, relu_line], loc="outside lower right",
               ncols=3, frameon=False)

    def draw(weights, a, b):
        c1, c2, c3 = linear_collapse(weights, a, b)
        images[0].set_values(affine_network_2d(X, weights, a, b).reshape(n_points, n_points))
        relu_net = shallow_2d(**weights)
        images[1].set_values(relu_net.forward(X).reshape(n_points, n_points))
        affine_line.set_ydata(affine_network_2d(slice_X, weights, a, b))
        plane_dots.set_ydata(c1 * x1[::10] + c3)
        relu_line.set_ydata(relu_net.forward(slice_X)[:, 0])
        return c1, c2, c3
    return fig, draw


@styled
def depth_comparison(depths: Sequence[int], gaps_linear: Sequence[float], gaps_relu: Sequence[float]) -> Figure:
    """Static: how far the best single plane is from a deep network, for each depth.

    ``gaps_linear`` and ``gaps_relu`` are root-mean-square residuals of the best least-squares
    plane fitted to a deep affine network and to a deep ReLU network with the same weights.

    Parameters
    ----------
    depths : sequence of int
        The numbers of hidden layers.
    gaps_linear, gaps_relu : sequence of float
        The residual for each depth, affine and ReLU hidden units.

    Returns
    -------
    Figure
    """
    fig = new_figure(9.0, 4.0)
    ax = fig.add_subplot()
    depths = np.asarray(depths)
    ax.semilogy(depths, np.maximum(gaps_linear, 1e-17), "o-", color=COLORS["blue"],
                label=tr("hidden activation $f(z) = az + b$"))
    ax.semilogy(depths, gaps_relu, "s--", color=COLORS["green"], label=tr("hidden activation ReLU"))
    ax.axhspan(1e-17, 1e-12, color=COLORS["grey"], alpha=0.15, lw=0,
               label=tr("rounding error of float64"))
    ax.set(xlabel=tr("number of hidden layers"), ylabel=tr("RMS distance to the best plane"),
           xticks=depths, ylim=(1e-17, 1e3), title=tr("does a plane $y = xW + c$ fit the network?"))
    ax.legend(loc="center right")
    return fig


__all__ = ["collapse_2d", "depth_comparison"]
