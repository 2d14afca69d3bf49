"""Figures for loss functions: robust line fits, loss curves and softmax cross-entropy.

Builders return ``(figure, draw)`` (live) or a figure (static).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from matplotlib.figure import Figure

from .. import activations, losses
from ..line_fit import fit_line
from ..topics.losses import data_with_outlier
from ..i18n import tr
from .style import COLORS, new_figure, styled

LOSS_COLORS = {"mse": COLORS["blue"], "mae": COLORS["orange"]}


@styled
def outlier_fits(n_samples: int = 20, outlier_range: tuple[float, float] = (-20.0, 20.0), seed: int | None = 0
                 ) -> tuple[Figure, Callable[[float], tuple[np.ndarray, np.ndarray]]]:
    """Left: data, the moved point and the MSE and MAE lines; right: each fit's slope vs the shift.

    ``draw(outlier)`` moves the last point up by ``outlier`` and refits both lines.

    Parameters
    ----------
    n_samples : int
        Points of :func:`lecture_lib.topics.losses.data_with_outlier`, the moved one last.
    outlier_range : (float, float)
        The shifts the right panel spans.
    seed : int or None
        The data's seed.

    Returns
    -------
    fig : Figure
    draw : callable
        ``draw(outlier) -> (x, y)``: the data with the moved point.
    """
    x, y0 = data_with_outlier(n_samples, 0.0, seed=seed)
    shifts = np.linspace(*outlier_range, 81)
    slopes = {loss: [fit_line(x, data_with_outlier(n_samples, s, seed=seed)[1], loss)[0]
                     for s in shifts] for loss in LOSS_COLORS}
    fig = new_figure(11.5, 4.4)
    left, right = fig.subplots(1, 2, width_ratios=[1.4, 1])
    left.set(xlim=(-0.5, 10.5), ylim=(-16, 28), xlabel=tr("input $x$"), ylabel=tr("target $y$"),
             title=tr("fit $\\hat y = wx + b$ by minimising each loss"))
    left.scatter(x[:-1], y0[:-1], s=36, color=COLORS["black"], zorder=3, label=tr("data"))
    (moved,) = left.plot([x[-1]], [y0[-1]], "D", color=COLORS["red"], ms=9, animated=True,
                         label=tr("the point you move"))
    xx = np.array([-0.5, 10.5])
    lines = {loss: left.plot(xx, xx, color=c, lw=2.4, animated=True,
                             ls="-" if loss == "mse" else "--",
                             label=tr("{loss} line").format(loss=loss.upper()))[0] for loss, c in LOSS_COLORS.items()}
    left.legend(loc="upper left", fontsize=9)
    margin = 0.05 * (outlier_range[1] - outlier_range[0])  # the dots stay whole at the ends
    right.set(xlim=(outlier_range[0] - margin, outlier_range[1] + margin), ylim=(-1.0, 2.0),
              xlabel=tr("shift of the moved point"),
              ylabel=tr("fitted slope $w$"), title=tr("which fit does one point pull?"))
    right.axhline(0.5, color=COLORS["grey"], ls=":", lw=1.5, label=tr("true slope 0.5"))
    markers = {}
    for loss, c in LOSS_COLORS.items():
        right.plot(shifts, slopes[loss], color=c, ls="-" if loss == "mse" else "--",
                   label=loss.upper())
        markers[loss] = right.plot([0], [0], "o", color=c, ms=9, animated=True)[0]
    right.legend(loc="upper left", fontsize=9)

    def draw(outlier):
        _, y = data_with_outlier(n_samples, outlier, seed=seed)
        moved.set_ydata([y[-1]])
        for loss, line in lines.items():
            w, b = fit_line(x, y, loss)
            line.set_ydata(w * xx + b)
            markers[loss].set_data([outlier], [w])
        return x, y
    return fig, draw


@styled
def loss_curves() -> Figure:
    """Left: squared and absolute error against the residual; right: BCE against p for y = 1 and y = 0."""
    fig = new_figure(11.5, 4.2)
    left, right = fig.subplots(1, 2)
    r = np.linspace(-3, 3, 301)
    left.plot(r, r ** 2, color=LOSS_COLORS["mse"], label=tr("squared $(\\hat y - y)^2$ (MSE)"))
    left.plot(r, np.abs(r), color=LOSS_COLORS["mae"], ls="--",
              label=tr("absolute $|\\hat y - y|$ (MAE)"))
    left.set(xlim=(-3, 3), ylim=(0, 6), xlabel=tr("residual $\\hat y - y$"), ylabel=tr("loss of one point"),
             title=tr("regression losses"))
    left.legend(loc="upper center", fontsize=9)
    p = np.linspace(0.001, 0.999, 999)
    for label, color, ls in ((1.0, COLORS["green"], "-"), (0.0, COLORS["purple"], "--")):
        value = [losses.binary_cross_entropy([label], [q]) for q in p[::9]]
        right.plot(p[::9], value, color=color, ls=ls,
                   label=f"$y = {label:g}$: $-\\log({'p' if label else '1 - p'})$")
    right.set(xlim=(0, 1), ylim=(0, 5), xlabel=tr("predicted probability $p = \\sigma(x)$"),
              ylabel=tr("$\\mathcal{L}_{BCE}$ of one point"), title=tr("binary cross-entropy"))
    right.legend(loc="upper center", fontsize=9)
    return fig


@styled
def softmax_ce_figure(n_classes: int = 3, z_range: tuple[float, float] = (-6.0, 6.0), max_loss: float = 13.0
                      ) -> tuple[Figure, Callable[[np.ndarray, int], tuple[np.ndarray, float]]]:
    """Left: softmax probabilities of the logits; right: the CE loss against the true class's logit.

    ``draw(z, true_class)`` updates the bars and the curve
    :math:`-\\log \\mathrm{softmax}(z)_y` as :math:`z_y` varies with the other logits fixed.

    Parameters
    ----------
    n_classes : int
        The number of classes K (bars).
    z_range : (float, float)
        The logits :math:`z_y` the loss curve spans.
    max_loss : float
        The loss panel's y limit.

    Returns
    -------
    fig : Figure
    draw : callable
        ``draw(z, true_class) -> (probabilities, loss)`` for logits ``z`` of shape ``(K,)``.
    """
    fig = new_figure(11.5, 4.2)
    left, right = fig.subplots(1, 2)
    ks = np.arange(n_classes)
    bars = left.bar(ks, np.ones(n_classes) / n_classes, color=COLORS["sky"], animated=True)
    left.set(ylim=(0, 1), xticks=ks, xticklabels=[tr("class {k}").format(k=k) for k in ks],
             ylabel="softmax$(z)_k$", title=tr("predicted probabilities (green: true class $y$)"))
    left.grid(axis="x", visible=False)
    grid = np.linspace(*z_range, 241)
    (curve,) = right.plot(grid, grid, color=COLORS["blue"], animated=True,
                          label=tr("$-\\log\\,\\mathrm{softmax}(z)_y$ as $z_y$ varies"))
    (now,) = right.plot([0], [0], "o", color=COLORS["red"], ms=10, animated=True,
                        label=tr("current logits"))
    right.set(xlim=z_range, ylim=(0, max_loss), xlabel=tr("logit of the true class $z_y$"),
              ylabel="$\\mathcal{L}_{CE}$", title=tr("cross-entropy loss"))
    right.legend(loc="upper right", fontsize=9)

    def draw(z, true_class):
        z = np.asarray(z, dtype=float)
        probs = activations.softmax(z)
        for k, bar in enumerate(bars):
            bar.set_height(probs[k])
            bar.set_color(COLORS["green"] if k == true_class else COLORS["sky"])
        Z = np.repeat(z[None, :], grid.size, axis=0)
        Z[:, true_class] = grid
        per_point = -(Z[:, true_class] - losses.logsumexp(Z, axis=1))
        curve.set_ydata(per_point)
        value = losses.cross_entropy([true_class], z[None, :])
        now.set_data([z[true_class]], [value])
        return probs, value
    return fig, draw

