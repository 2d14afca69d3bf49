"""Figures of activation functions: overview, live explorer, softmax temperature, vanishing gradients.

Builders return ``(figure, draw)`` (or a static figure for :func:`overview`); ``draw``
moves animated artists only, axis limits stay fixed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
from matplotlib.figure import Figure

from .. import activations
from ..i18n import mark, tr
from ..topics.activations import USES_ALPHA, activation
from .style import COLORS, new_figure, styled

LABELS = {"sigmoid": mark("sigmoid $\\sigma(z)$"), "tanh": "tanh $z$", "relu": "ReLU",
          "leaky_relu": "Leaky ReLU", "elu": "ELU", "hard_sigmoid": mark("hard sigmoid"),
          "linear": mark("linear $a(z) = z$")}   # shown with tr(LABELS[name])
ELEMENTWISE = tuple(LABELS)
# Lecture C's two lists; hard sigmoid is in neither (it is a piecewise-linear stand-in
# for the sigmoid) and appears only in the explorer.
GROUPS = {"traditional": ("sigmoid", "tanh"),
          "modern": ("relu", "leaky_relu", "elu")}
GROUP_TITLES = {"traditional": mark("traditional activations"),
                "modern": mark("modern activations")}
STYLES = ("-", "--", "-.")


@styled
def overview(alpha: float = 0.1, z_range: tuple[float, float] = (-4.0, 4.0)) -> Figure:
    """Static: values (top) and derivatives (bottom) of the traditional and modern activations.

    Leaky ReLU and ELU use ``alpha`` (the EAFIT lecture's α = 0.1); the dotted grey
    line is the linear activation :math:`a(z) = z` and its derivative 1.
    """
    z = np.linspace(*z_range, 801)
    fig = new_figure(11.0, 6.4)
    axes = fig.subplots(2, 2, sharex=True)
    for col, (group, names) in enumerate(GROUPS.items()):
        top, bottom = axes[0, col], axes[1, col]
        for name, style, colour in zip(names, STYLES, (COLORS["blue"], COLORS["orange"],
                                                         COLORS["green"])):
            act = activation(name, alpha)
            label = tr(LABELS[name]) + (f" (α = {alpha:g})" if name in USES_ALPHA else "")
            top.plot(z, act(z), ls=style, color=colour, label=label)
            bottom.plot(z, act.grad(z), ls=style, color=colour, label=label)
        top.plot(z, z, ":", color=COLORS["grey"], lw=1.5, label=tr(LABELS["linear"]))
        bottom.axhline(1.0, ls=":", color=COLORS["grey"], lw=1.5)
        top.set(ylim=(-1.5, 3.0), title=tr(GROUP_TITLES[group]), ylabel=tr("value $a(z)$"))
        bottom.set(ylim=(-0.1, 1.15), xlabel=tr("pre-activation $z$"),
                   ylabel=tr("derivative $a'(z)$"))
        top.legend(loc="upper left", fontsize=9)
    return fig


@styled
def explorer(z_range: tuple[float, float] = (-4.0, 4.0)) -> tuple[Figure, Callable[[str, float], None]]:
    """One activation's value :math:`a(z)` and derivative :math:`a'(z)` side by side.

    ``draw(name, alpha)`` shows activation ``name`` (``alpha`` is used by Leaky ReLU and ELU).
    The grey dotted curves are ReLU, for comparison.
    """
    z = np.linspace(*z_range, 401)
    fig = new_figure(11.0, 4.2)
    value_ax, grad_ax = fig.subplots(1, 2)
    relu = activations.get("relu")
    value_ax.plot(z, relu(z), ":", color=COLORS["grey"], lw=1.5, label=tr("ReLU (reference)"))
    grad_ax.plot(z, relu.grad(z), ":", color=COLORS["grey"], lw=1.5, label=tr("ReLU (reference)"))
    value_line, = value_ax.plot(z, z, color=COLORS["blue"], lw=3, animated=True, label="$a(z)$")
    grad_line, = grad_ax.plot(z, z, color=COLORS["orange"], lw=3, animated=True,
                              label="$a'(z)$")
    value_ax.set(xlim=z_range, ylim=(-1.5, 3.0), xlabel=tr("pre-activation $z$"),
                 ylabel=tr("value $a(z)$"), title=tr("activation $a(z)$"))
    grad_ax.set(xlim=z_range, ylim=(-0.1, 1.2), xlabel=tr("pre-activation $z$"),
                ylabel=tr("derivative $a'(z)$"),
                title=tr("derivative $a'(z)$ (what backprop multiplies)"))
    grad_ax.axhspan(-0.1, 0.05, color=COLORS["red"], alpha=0.12, lw=0,
                    label=tr("saturated: $a'(z) < 0.05$"))
    for ax in (value_ax, grad_ax):
        ax.axhline(0, color=COLORS["black"], lw=0.8)
        ax.legend(loc="upper left", fontsize=10)

    def draw(name, alpha):
        act = activation(name, alpha)
        value_line.set_ydata(act(z))
        grad_line.set_ydata(act.grad(z))
    return fig, draw


@styled
def softmax_bars(n_classes: int = 4, z_range: tuple[float, float] = (-4.0, 4.0)
                 ) -> tuple[Figure, Callable[[np.ndarray, float], np.ndarray]]:
    r"""Logits :math:`z_k` (left) and probabilities :math:`\mathrm{softmax}(z / T)_k` (right).

    ``draw(z, T)`` sets the bar heights; the dashed line is the uniform :math:`1/K`.
    """
    k = np.arange(1, n_classes + 1)
    fig = new_figure(11.0, 4.0)
    logit_ax, prob_ax = fig.subplots(1, 2)
    colours = [COLORS[c] for c in ("blue", "orange", "green", "purple", "sky", "red")][:n_classes]
    logit_bars = logit_ax.bar(k, np.zeros(n_classes), color=colours, animated=True)
    prob_bars = prob_ax.bar(k, np.zeros(n_classes), color=colours, animated=True)
    logit_ax.axhline(0, color=COLORS["black"], lw=0.8)
    prob_ax.axhline(1 / n_classes, color=COLORS["grey"], ls="--", lw=1.5,
                    label=tr("uniform $1/K = {value}$").format(value=f"{1 / n_classes:.2f}"))
    logit_ax.set(ylim=z_range, xticks=k, xlabel=tr("class $k$"), ylabel=tr("logit $z_k$"),
                 title=tr("network outputs before softmax"))
    prob_ax.set(ylim=(0, 1), xticks=k, xlabel=tr("class $k$"),
                ylabel=tr("probability $p_k$"),
                title=tr("probabilities $p_k = \\mathrm{softmax}(z / T)_k$"))
    prob_ax.legend(loc="upper right")

    def draw(z, T):
        z = np.asarray(z, dtype=float)
        p = activations.softmax(z / T)
        for bar, v in zip(logit_bars, z):
            bar.set_height(v)
        for bar, v in zip(prob_bars, p):
            bar.set_height(v)
        return p
    return fig, draw


@styled
def gradient_through_depth(max_depth: int = 30, log_range: tuple[float, float] = (-80.0, 20.0)
                           ) -> tuple[Figure, Callable[[Mapping[str, np.ndarray]], None]]:
    r"""How the chain-rule product :math:`\partial h_L / \partial h_0` grows or shrinks with depth.

    ``draw(gradients)`` takes ``{name: array}`` with the product after 1, 2, ... layers and
    plots :math:`\log_{10}` of its size; the dotted line is :math:`0.25^L`, the largest
    the sigmoid allows with weight 1. The default ``log_range`` holds every curve of the
    notebook's sliders (:math:`L \\le 30`, :math:`0.5 \\le w \\le 4`, :math:`|h_0| \\le 3`):
    tanh at :math:`w = 4` falls to about :math:`10^{-75}`, ReLU rises to :math:`4^{30} \\approx 10^{18}`.
    """
    fig = new_figure(11.0, 4.4)
    ax = fig.add_subplot()
    layers = np.arange(1, max_depth + 1)
    ax.plot(layers, layers * np.log10(0.25), ":", color=COLORS["grey"], lw=2,
            label=tr("$0.25^L$ (sigmoid bound, $w = 1$)"))
    ax.axhline(0, color=COLORS["black"], lw=0.8)
    names = ("sigmoid", "tanh", "relu", "elu")
    colours = (COLORS["blue"], COLORS["orange"], COLORS["green"], COLORS["purple"])
    widths, markers = (2.2, 2.2, 5.0, 2.0), (".", ".", "", "x")
    lines = {name: ax.plot([], [], ls=style, lw=lw, marker=m, color=colour, animated=True,
                           label=tr(LABELS[name]).split(" $")[0] + (" (α = 0.1)" if name == "elu" else ""))[0]
             for name, style, colour, lw, m in zip(names, ("-", "--", "-", ":"), colours,
                                                    widths, markers)}
    ax.set(xlim=(0.5, max_depth + 0.5), ylim=log_range, xlabel=tr("depth $L$ (layers)"),
           ylabel="$\\log_{10} |\\partial h_L / \\partial h_0|$",
           title=tr("gradient reaching the first layer: product of $w\\,a'(z_l)$ over "
                    "$l = 1, \\dots, L$"))
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=10)  # curves leave no room inside

    def draw(gradients):
        for name, line in lines.items():
            g = np.abs(np.asarray(gradients[name], dtype=float))
            logs = np.log10(np.maximum(g, 1e-300))
            line.set_data(np.arange(1, len(g) + 1), logs)
    return fig, draw


__all__ = ["overview", "explorer", "softmax_bars", "gradient_through_depth", "ELEMENTWISE"]
