r"""Figures of notebook 16: the curse of dimensionality.

Every builder returns ``(figure, draw)``; the curves against :math:`d` are computed once
by ``lecture_lib.topics.dimensionality`` and passed in, and ``draw`` only moves animated artists.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure

from ..i18n import tr
from .style import COLORS, new_figure, styled


def _marker(ax, color, shape="o"):
    return ax.plot([], [], shape, ms=12, mfc="none", mew=2.5, color=color, animated=True)[0]


@styled
def ball_in_cube(dims: Sequence[int], ratios: Sequence[float]) -> tuple[Figure, Callable[[int], None]]:
    r"""The ball's share of the cube, :math:`V_{ball}/V_{cube}`, and why it vanishes.

    Left: ``ratios`` against ``dims`` (log scale). Right: the ball's radius
    :math:`\tfrac12` against the distance :math:`\sqrt d/2` from the centre to a corner.
    ``draw(d)`` marks dimension ``d``.
    """
    dims, ratios = np.asarray(dims), np.asarray(ratios)
    fig = new_figure(11.5, 4.2)
    left, right = fig.subplots(1, 2)
    left.semilogy(dims, ratios, color=COLORS["blue"], label="$V_{ball}/V_{cube}$")
    pad = 0.03 * dims.max()                  # room for the ring marker at d = 1 (and 2, 3)
    left.set(xlim=(-pad, dims.max() + pad), ylim=(1e-72, 1e4), xlabel=tr("dimension $d$"),
             ylabel=tr("share of the cube (log scale)"),
             title="$V_{ball}/V_{cube} = \\pi^{d/2} / (2^d\\,\\Gamma(d/2 + 1))$")
    share = _marker(left, COLORS["blue"])
    left.legend(loc="lower left")
    right.plot(dims, np.sqrt(dims) / 2, color=COLORS["red"],
               label=tr("centre to a corner $\\sqrt{d}/2$"))
    right.plot(dims, np.full(dims.shape, 0.5), color=COLORS["blue"], ls="--",
               label=tr("ball radius = centre to a face $1/2$"))
    right.set(xlim=(-pad, dims.max() + pad), ylim=(0, np.sqrt(dims.max()) / 2 + 0.3),
              xlabel=tr("dimension $d$"), ylabel=tr("distance from the centre"),
              title=tr("the corners run away from the ball"))
    corner = _marker(right, COLORS["red"])
    right.legend(loc="upper left")

    def draw(d: int) -> None:
        i = int(np.searchsorted(dims, d))
        share.set_data([d], [ratios[i]])
        corner.set_data([d], [np.sqrt(d) / 2])
    return fig, draw


@styled
def shell(dims: Sequence[int], n_grid: int = 301
          ) -> tuple[Figure, Callable[[int, float, Sequence[float]], None]]:
    r"""Where the volume of a :math:`d`-dimensional ball sits: near its surface.

    Left: the share of the volume within radius :math:`r` (unit ball), :math:`r^d`, with
    the shell :math:`1 - \varepsilon \le r \le 1` shaded; its share is
    :math:`1 - (1 - \varepsilon)^d`. Right: that share against :math:`d`.
    ``draw(d, eps, fractions)`` takes the shell fraction for every entry of ``dims``.
    """
    dims = np.asarray(dims)
    r = np.linspace(0.0, 1.0, n_grid)
    fig = new_figure(11.5, 4.2)
    left, right = fig.subplots(1, 2)
    left.set(xlim=(0, 1.02), ylim=(0, 1.02), xlabel=tr("radius $r$ (unit ball)"),
             ylabel=tr("share of the volume within $r$"),
             title=tr("volume within radius $r$: $r^d$"))
    band = left.axvspan(0.9, 1.0, color=COLORS["sky"], alpha=0.3, lw=0, animated=True,
                        label=tr("shell of thickness $\\varepsilon$"))
    (inside,) = left.plot([], [], color=COLORS["blue"], animated=True, label="$r^d$")
    (level,) = left.plot([], [], color=COLORS["grey"], ls=":", lw=1.5, animated=True)
    (jump,) = left.plot([], [], color=COLORS["red"], lw=5, animated=True, solid_capstyle="butt",
                        label=tr("shell's share $1 - (1 - \\varepsilon)^d$"))
    left.legend(handles=[inside, band, jump], loc="upper left")
    pad = 0.03 * dims.max()                  # room for the ring marker at d = 1
    right.set(xlim=(-pad, dims.max() + pad), ylim=(0, 1.02), xlabel=tr("dimension $d$"),
              ylabel=tr("share of the volume in the shell"),
              title=tr("shell's share $1 - (1 - \\varepsilon)^d$"))
    (curve,) = right.plot([], [], color=COLORS["red"], animated=True)
    now = _marker(right, COLORS["red"])

    def draw(d: int, eps: float, fractions) -> None:
        inner = (1.0 - eps) ** d
        band.set_x(1.0 - eps)
        band.set_width(eps)
        inside.set_data(r, r ** d)
        level.set_data([0.0, 1.0], [inner, inner])
        jump.set_data([1.0, 1.0], [inner, 1.0])
        curve.set_data(dims, fractions)
        now.set_data([d], [fractions[int(np.searchsorted(dims, d))]])
    return fig, draw


@styled
def distance_histograms(dims: Sequence[int], distances: Mapping[int, np.ndarray], contrast: Sequence[float],
                        x_max: float = 3.0, n_bins: int = 60, y_max: float = 0.45
                        ) -> tuple[Figure, Callable[[int], None]]:
    r"""Distances from one query to many random points, and their relative contrast.

    Left: the histogram of :math:`D_i / \bar D` (distance over the mean
    distance) with the nearest and the farthest marked. Right: the relative contrast
    :math:`(D_{max} - D_{min}) / D_{min}` against ``dims`` (``contrast``, log–log).

    Parameters
    ----------
    dims : sequence of int
        The dimensions d, one key of ``distances`` each.
    distances : mapping of int to ndarray, shape (n_points,)
        ``distances[d]``: the distances :math:`D_i` from a query to the points in dimension ``d``.
    contrast : sequence of float
        The relative contrast for each entry of ``dims``.
    x_max : float
        The histogram's largest :math:`D_i / \bar D`.
    n_bins : int
        Histogram bins on ``[0, x_max]``.
    y_max : float
        The histogram's y limit (share of the points per bin).

    Returns
    -------
    fig : Figure
    draw : callable
        ``draw(d)`` shows dimension ``d``.
    """
    dims, contrast = np.asarray(dims), np.asarray(contrast)
    edges = np.linspace(0.0, x_max, n_bins + 1)
    fig = new_figure(11.5, 4.2)
    left, right = fig.subplots(1, 2)
    left.set(xlim=(0, x_max), ylim=(0, y_max),
             xlabel=tr("distance / mean distance  $D_i/\\bar D$"),
             ylabel=tr("share of the points"), title=tr("distances from one query point"))
    hist = left.stairs(np.zeros(n_bins), edges, fill=True, color=COLORS["sky"], alpha=0.8,
                       animated=True, label=tr("all points"))
    (near,) = left.plot([], [], color=COLORS["green"], lw=2.5, animated=True,
                        label=tr("nearest $D_{min}$"))
    (far,) = left.plot([], [], color=COLORS["red"], ls="--", lw=2.5, animated=True,
                       label=tr("farthest $D_{max}$"))
    left.legend(handles=[hist, near, far], loc="upper right")
    right.loglog(dims, contrast, color=COLORS["blue"], label=tr("median over the queries"))
    right.set(xlim=(dims.min() * 0.9, dims.max() * 1.1), xlabel=tr("dimension $d$ (log scale)"),
              ylabel=tr("$(D_{max} - D_{min}) / D_{min}$ (log scale)"),
              title=tr("relative contrast of distances"))
    now = _marker(right, COLORS["blue"])
    right.legend(loc="upper right")

    def draw(d: int) -> None:
        dist = distances[d]
        scaled = dist / dist.mean()
        counts, _ = np.histogram(scaled, edges)
        hist.set_data(counts / dist.size)
        near.set_data([scaled.min()] * 2, [0, y_max])
        far.set_data([scaled.max()] * 2, [0, y_max])
        now.set_data([d], [contrast[int(np.searchsorted(dims, d))]])
    return fig, draw


@styled
def density_grid(dims: Sequence[int], y_max: float = 1e105
                 ) -> tuple[Figure, Callable[[int, int, Sequence[float]], None]]:
    r"""Samples needed to keep :math:`k` points per axis: :math:`k^d`.

    Left: the :math:`k \times k` grid that does it in :math:`d = 2`. Right: :math:`k^d`
    against ``dims`` (log scale) beside :math:`10^{80}`, roughly the number of atoms in
    the observable universe. ``draw(k, d, samples)`` takes :math:`k^d` for every entry of
    ``dims``.
    """
    dims = np.asarray(dims)
    fig = new_figure(11.5, 4.4)
    left, right = fig.subplots(1, 2, width_ratios=[1, 1.6])
    left.set(xlim=(0, 1), ylim=(0, 1), aspect="equal", xlabel="$x_1$", ylabel="$x_2$",
             title=tr("$d = 2$: $k$ points per axis"))
    (grid,) = left.plot([], [], "o", color=COLORS["blue"], ms=5, animated=True)
    pad = 0.03 * dims.max()                  # room for the ring marker at d = 1
    right.set(yscale="log", xlim=(-pad, dims.max() + pad), ylim=(1, y_max),
              xlabel=tr("dimension $d$"),
              ylabel=tr("samples needed $k^d$ (log scale)"), title=tr("samples for the same density"),
              yticks=10.0 ** np.arange(0, np.log10(y_max), 20))
    right.axhline(1e80, color=COLORS["grey"], ls="--", lw=1.5,
                  label=tr("$10^{80}$ ≈ atoms in the observable universe"))
    (curve,) = right.plot([], [], color=COLORS["blue"], animated=True, label="$k^d$")
    now = _marker(right, COLORS["blue"])
    right.legend(handles=[curve, right.lines[0]], loc="upper left")

    def draw(k: int, d: int, samples) -> None:
        ticks = (np.arange(k) + 0.5) / k
        gx, gy = np.meshgrid(ticks, ticks)
        grid.set_data(gx.ravel(), gy.ravel())
        curve.set_data(dims, samples)
        now.set_data([d], [samples[int(np.searchsorted(dims, d))]])
    return fig, draw


@styled
def density_examples(k: int = 5) -> Figure:
    r"""The same spacing in :math:`d = 1, 2, 3`: :math:`k`, :math:`k^2` and :math:`k^3` samples.

    One panel per dimension with the grid of :math:`k` points per axis in the unit cube;
    each title gives the count :math:`k^d`. A static figure.
    """
    ticks = (np.arange(k) + 0.5) / k
    fig = new_figure(11.5, 3.9)
    one = fig.add_subplot(1, 3, 1)
    one.plot(ticks, np.zeros(k), "o", color=COLORS["blue"], ms=7)
    one.set(xlim=(0, 1), ylim=(-0.5, 0.5), yticks=[], xlabel="$x_1$", aspect="equal",
            title=tr("$d = 1$: $k = {k}$ samples").format(k=k))
    one.spines["left"].set_visible(False)
    two = fig.add_subplot(1, 3, 2)
    gx, gy = np.meshgrid(ticks, ticks)
    two.plot(gx.ravel(), gy.ravel(), "o", color=COLORS["blue"], ms=7)
    two.set(xlim=(0, 1), ylim=(0, 1), aspect="equal", xlabel="$x_1$", ylabel="$x_2$",
            title=tr("$d = 2$: $k^2 = {n}$ samples").format(n=k ** 2))
    three = fig.add_subplot(1, 3, 3, projection="3d")
    gx, gy, gz = np.meshgrid(ticks, ticks, ticks)
    three.scatter(gx.ravel(), gy.ravel(), gz.ravel(), color=COLORS["blue"], s=18,
                  depthshade=True)
    three.set(xlim=(0, 1), ylim=(0, 1), zlim=(0, 1), xlabel="$x_1$", ylabel="$x_2$",
              zlabel="$x_3$", xticks=[0, 1], yticks=[0, 1], zticks=[0, 1],
              title=tr("$d = 3$: $k^3 = {n}$ samples").format(n=k ** 3))
    three.set_box_aspect(None, zoom=0.85)
    return fig
