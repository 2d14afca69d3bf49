"""Figures of deep networks: composition folds the input, regions against depth and width,
and the scale of activations against depth and initialisation.

Each builder returns ``(figure, draw)``; ``draw`` moves the animated artists and returns
the numbers for the readout. Red ticks mark the borders of linear regions.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import NullLocator

from ..i18n import mark, tr
from ..networks import Network
from ..regions import region_boundaries
from ..topics.depth import activation_rms, budget_fit, compose, gradient_rms, tent_network
from .style import COLORS, new_figure, styled

SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _log_ticks(axis, exponents) -> None:
    """Fixed decade ticks labelled 10⁻³ in plain text, no minor ticks: automatic mathtext
    log labels over 24 decades cost seconds per full draw."""
    exponents = list(exponents)
    axis.set_ticks([10.0 ** e for e in exponents],
                   labels=[f"10{str(e).translate(SUPERSCRIPT)}" for e in exponents])
    axis.set_minor_locator(NullLocator())


def _function_axes(ax, x_range, y_range, xlabel, ylabel, title):
    ax.set(xlim=x_range, ylim=y_range, xlabel=xlabel, ylabel=ylabel, title=title)
    (line,) = ax.plot(x_range, x_range, color=COLORS["blue"], animated=True)
    # joint ticks just above the bottom edge (y in axes fractions): wholly inside the axes,
    # so the blitted frame clears them when they move
    (kinks,) = ax.plot([], [], "|", color=COLORS["red"], ms=14, mew=2, animated=True,
                       transform=ax.get_xaxis_transform())
    return line, kinks


def _show(net, x, line, kinks, x_range):
    line.set_data(x, net.forward(x[:, None])[:, 0])
    borders = region_boundaries(net, *x_range)
    kinks.set_data(borders, np.full(borders.size, 0.06))
    return borders.size + 1


@styled
def composition(inner_of: Callable[..., Network], outer: Network, x_range: tuple[float, float] = (-1.0, 1.0),
                n_points: int = 801) -> tuple[Figure, Callable[..., tuple[int, int, int]]]:
    r"""Three panels: :math:`h = f_1(x)`, :math:`y = f_2(h)`, and :math:`y = f_2(f_1(x))`.

    ``inner_of(**values)`` returns the inner network for the slider values; ``outer`` is
    fixed. ``draw(**values)`` returns the region counts ``(n_inner, n_outer, n_composed)``
    on ``x_range``; red ticks mark the joints, and an orange band the range of h that the
    inner network reaches (on its output axis and on the outer network's input axis).

    Parameters
    ----------
    inner_of : callable
        ``inner_of(**values)``: the inner network :math:`f_1` for the slider values.
    outer : Network
        The outer network :math:`f_2`, fixed.
    x_range : (float, float)
        The inputs x shown and counted on.
    n_points : int
        Points of the grid the networks are evaluated on.

    Returns
    -------
    fig : Figure
    draw : callable
        ``draw(**values) -> (n_inner, n_outer, n_composed)``.
    """
    x = np.linspace(*x_range, n_points)
    fig = new_figure(12.0, 4.0)
    axes = fig.subplots(1, 3)
    y_range = (-1.6, 1.6)
    panels = [_function_axes(axes[0], x_range, y_range, tr("input $x$"), "$h = f_1(x)$",
                             tr("network 1 folds $x$")),
              _function_axes(axes[1], x_range, y_range, "$h$", "$y = f_2(h)$", tr("network 2")),
              _function_axes(axes[2], x_range, y_range, tr("input $x$"), "$y = f_2(f_1(x))$",
                             tr("network 2 after network 1"))]
    for ax in axes:
        ax.axhline(0, color=COLORS["grey"], lw=0.8)
    # the range of h that network 1 reaches, on its output axis and on network 2's input axis
    bands = (axes[0].axhspan(*x_range, color=COLORS["orange"], alpha=0.15, lw=0, animated=True,
                             label=tr("range of $h$ swept")),
             axes[1].axvspan(*x_range, color=COLORS["orange"], alpha=0.15, lw=0, animated=True,
                             label=tr("$h$ that network 1 reaches")))
    axes[0].legend(loc="upper left", fontsize=9)
    axes[1].legend(loc="upper left", fontsize=9)
    axes[2].plot([], [], "|", color=COLORS["red"], ms=12, mew=2, label=tr("joints"))
    axes[2].legend(loc="upper right", fontsize=9)

    def draw(**values):
        inner = inner_of(**values)
        h = inner.forward(x[:, None])[:, 0]
        lo, hi = float(h.min()), float(h.max())
        bands[0].set_y(lo)
        bands[0].set_height(hi - lo)
        bands[1].set_x(lo)
        bands[1].set_width(hi - lo)
        return tuple(_show(net, x, line, kinks, x_range)
                     for net, (line, kinks) in zip((inner, outer, compose(inner, outer)), panels))
    return fig, draw


@styled
def depth_vs_width(max_depth: int = 8, n_points: int = 1025
                   ) -> tuple[Figure, Callable[[int], tuple[int, int, int, int]]]:
    r"""Left: the folding network of depth L (``tent_network``) on [0, 1]. Middle: a shallow
    network with the same number of parameters fitted to it. Right: regions against parameters.

    ``draw(depth)`` returns ``(n_parameters, deep_regions, shallow_units, shallow_regions)``.
    """
    x = np.linspace(0.0, 1.0, n_points)
    fig = new_figure(12.5, 4.2)
    axes = fig.subplots(1, 3, width_ratios=[1, 1, 1.1])
    deep = _function_axes(axes[0], (0, 1), (-0.25, 1.1), tr("input $x$"), "$y$", tr("deep: $L$ folds"))
    # the target first: animated artists are drawn in the order they were added, and the
    # shallow fit must stay visible on top of the deep network's dense teeth
    (target,) = axes[1].plot(x, x, color=COLORS["grey"], lw=1, animated=True,
                             label=tr("deep network (target)"))
    shallow = _function_axes(axes[1], (0, 1), (-0.25, 1.1), tr("input $x$"), "$y$",
                             tr("shallow, same parameter count"))
    axes[1].legend(loc="upper right", fontsize=9)
    depths = np.arange(1, max_depth + 1)
    params = 6 * depths + 1
    ax = axes[2]
    ax.plot(params, 2.0 ** depths, "o-", color=COLORS["blue"], label=tr("deep: $2^L$"))
    ax.plot(params, 2 * depths + 1, "s-", color=COLORS["orange"],
            label=tr("shallow: at most $n + 1$"))
    (ring,) = ax.plot([], [], "o", ms=14, mfc="none", mec=COLORS["black"], mew=2, animated=True)
    ax.set(yscale="log", xlabel=tr("number of parameters"),
           ylabel=tr("linear regions (log scale)"), title=tr("regions for the same budget"),
           ylim=(1.5, 2.0 ** (max_depth + 0.5)))
    ax.legend(loc="upper left", fontsize=9)
    _log_ticks(ax.yaxis, range(0, int(max_depth * np.log10(2)) + 2))

    cache = {}

    def draw(depth):
        if depth not in cache:  # at most max_depth networks: build and fit each once
            net = tent_network(depth)
            y = net.forward(x[:, None])[:, 0]
            cache[depth] = net, y, budget_fit(net, 0.0, 1.0, n_points)
        net, y, fit = cache[depth]
        n_regions = _show(net, x, *deep, (0, 1))
        width = fit.layer_sizes[1]
        target.set_ydata(y)
        n_shallow = _show(fit, x, *shallow, (0, 1))
        ring.set_data([net.n_parameters], [n_regions])
        return net.n_parameters, n_regions, width, n_shallow
    return fig, draw


@styled
def init_scale(max_depth: int = 50, y_range: tuple[float, float] = (1e-12, 1e12)
               ) -> tuple[Figure, Callable[[float, int], tuple[np.ndarray, np.ndarray]]]:
    r"""Root-mean-square signal per layer of a deep ReLU stack, for gain g and depth L: the
    activations :math:`a^{(l)}` of the forward pass and the deltas :math:`\delta^{(l)}` of
    the backward pass.

    Weights :math:`w \sim \mathcal N(0, g^2/n_\mathrm{in})`; the dashed lines are the
    predictions :math:`(g/\sqrt 2)^l` (forward, from the input up) and
    :math:`(g/\sqrt 2)^{L-l}` (backward, from the top down). ``draw(gain, depth)`` returns
    ``(rms, grad)``: the measured RMS of :math:`a^{(l)}` for l = 0 … L
    (:func:`lecture_lib.topics.depth.activation_rms`) and of :math:`\delta^{(l)}` for
    l = 1 … L (:func:`lecture_lib.topics.depth.gradient_rms`).
    """
    fig = new_figure(11.5, 4.4)
    ax, right = fig.subplots(1, 2, width_ratios=[1.5, 1])
    decades = range(int(np.log10(y_range[0])), int(np.log10(y_range[1])) + 1, 3)
    layer_lines = _layer_axes(ax, max_depth, y_range, decades)
    gains = np.linspace(0.5, 2.5, 201)
    gain_lines = _gain_axes(right, gains, y_range, decades)
    floor = y_range[0] * 1.01

    def draw(gain, depth):
        rms, grad = activation_rms(depth, gain), gradient_rms(depth, gain)
        layers = np.arange(depth + 1)
        measured, theory, back, back_theory = layer_lines
        measured.set_data(layers, np.maximum(rms, floor))
        theory.set_data(layers, rms[0] * (gain / np.sqrt(2)) ** layers)
        back.set_data(layers[1:], np.maximum(grad, floor))
        back_theory.set_data(layers[1:], grad[-1] * (gain / np.sqrt(2)) ** (depth - layers[1:]))
        curve, back_curve, dot, back_dot = gain_lines
        curve.set_ydata(rms[0] * (gains / np.sqrt(2)) ** depth)
        back_curve.set_ydata(grad[-1] * (gains / np.sqrt(2)) ** (depth - 1))
        dot.set_data([gain], [max(rms[-1], floor)])
        back_dot.set_data([gain], [max(grad[0], floor)])
        return rms, grad
    return fig, draw


def _layer_axes(ax, max_depth, y_range, decades):
    """Left panel: RMS against the layer l, measured (solid) and predicted (dashed), for the
    activations (blue, forward) and the deltas (red, backward); the healthy band."""
    ax.set(yscale="log", xlim=(0, max_depth), ylim=y_range, xlabel=tr("layer $l$"),
           ylabel=tr("RMS (log scale)"), title=tr("forward $a^{(l)}$ and backward $\\delta^{(l)}$"))
    ax.axhspan(1e-2, 1e2, color=COLORS["green"], alpha=0.12, lw=0, label=tr("healthy range"))
    lines = [ax.plot([], [], style, ms=3, color=COLORS[c], animated=True, label=tr(label))[0]
             for style, c, label in (
                 ("o-", "blue", mark("activations $a^{(l)}$")),
                 ("--", "blue", "$(g/\\sqrt{2})^{\\,l}$"),
                 ("s-", "red", mark("deltas $\\delta^{(l)} = \\partial L/\\partial z^{(l)}$")),
                 ("--", "red", "$(g/\\sqrt{2})^{\\,L-l}$"))]
    ax.legend(loc="upper left", fontsize=9, ncols=2)
    _log_ticks(ax.yaxis, decades)
    return lines


def _gain_axes(ax, gains, y_range, decades):
    """Right panel: the RMS of the last activations and of the first layer's deltas
    against the gain, prediction curves and measured dots; He's gain marked."""
    ax.set(yscale="log", xlim=(gains[0], gains[-1]), ylim=y_range, xlabel=tr("gain $g$"),
           ylabel=tr("RMS (log scale)"), title=tr("$a^{(L)}$ at the top, $\\delta^{(1)}$ at the bottom"))
    ax.axvline(np.sqrt(2), color=COLORS["green"], lw=2, label="He: $g = \\sqrt{2}$")
    curve = ax.plot(gains, gains, "--", color=COLORS["blue"], animated=True,
                    label="$(g/\\sqrt{2})^{L}$")[0]
    back_curve = ax.plot(gains, gains, "--", color=COLORS["red"], animated=True,
                         label="$(g/\\sqrt{2})^{L-1}$")[0]
    dot = ax.plot([], [], "o", ms=9, color=COLORS["blue"], animated=True, label="$a^{(L)}$")[0]
    back_dot = ax.plot([], [], "s", ms=8, color=COLORS["red"], animated=True,
                       label="$\\delta^{(1)}$")[0]
    ax.legend(loc="lower right", fontsize=9, ncols=2)  # clear of He's line and the curves
    _log_ticks(ax.yaxis, decades)
    return curve, back_curve, dot, back_dot
