"""Figures of evaluation metrics: R² as residuals against the mean, and a detector's
confusion matrix under a moving threshold.

Each live builder returns ``(figure, draw)``; ``draw`` moves the animated artists and
returns the numbers the readout shows: R² by :mod:`lecture_lib.metrics`; the detector's
scores by the same formulas from its four counts (equal to the library's, tested).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import matplotlib
import numpy as np
from matplotlib.figure import Figure
from matplotlib.cm import ScalarMappable
from matplotlib.colors import ListedColormap, Normalize
from matplotlib.collections import PatchCollection
from matplotlib.patches import Rectangle

from .. import metrics
from ..i18n import mark, tr
from ..topics.metrics import METRIC_NAMES, DetectorScores, model_title
from .style import COLORS, NumberLabels, new_figure, styled

CELL_NAMES = (("TP", "FN"), ("FP", "TN"))


@styled
def r2_panels(x: np.ndarray, y: np.ndarray, predictions: Mapping[str, np.ndarray]) -> Figure:
    r"""One panel per model: data, predictions ŷ, residuals, the mean ȳ and the model's R².

    ``predictions`` maps a model to the predictions :math:`\hat y_i` at ``x``: a name of
    :data:`lecture_lib.topics.metrics.R2_MODELS` (its title, translated) or a title.
    The title carries :math:`R^2 = 1 - SS_{res} / SS_{tot}` for that model.

    Parameters
    ----------
    x, y : ndarray, shape (n,)
        The data points :math:`(x_i, y_i)`.
    predictions : mapping of str to ndarray, shape (n,)
        A panel title to the model's predictions :math:`\hat y_i` at ``x``.

    Returns
    -------
    Figure
    """
    x, y = np.asarray(x, float), np.asarray(y, float)
    fig = new_figure(12.0, 3.9)
    axes = fig.subplots(1, len(predictions), sharey=True)
    for ax, (title, y_hat) in zip(np.atleast_1d(axes), predictions.items()):
        y_hat = np.asarray(y_hat, float)
        ax.axhline(y.mean(), color=COLORS["grey"], ls="--", lw=1.5, label=tr("mean $\\bar y$"))
        ax.vlines(x, y, y_hat, color=COLORS["red"], lw=1.4, label=tr("residual $y_i - \\hat y_i$"))
        order = np.argsort(x)
        ax.plot(x[order], y_hat[order], color=COLORS["blue"], marker=".", label=tr("model $\\hat y$"))
        ax.plot(x, y, "o", color=COLORS["black"], ms=5, label=tr("data $y_i$"))
        ax.set(title=f"{model_title(title)}\n$R^2 = {metrics.r2_score(y, y_hat):.2f}$",
               xlabel=tr("input $x$"))
    np.atleast_1d(axes)[0].set_ylabel(tr("output $y$"))
    np.atleast_1d(axes)[0].legend(loc="upper left", fontsize=9)
    return fig


@styled
def r2_live(x: np.ndarray, y: np.ndarray, w_range: tuple[float, float] = (-4.0, 4.0)
            ) -> tuple[Figure, Callable[[float, float], tuple[float, float, float]]]:
    r"""Data, the line :math:`\hat y = b + wx`, its residuals and the mean :math:`\bar y`.

    ``draw(w, b)`` moves the line and the residuals and returns
    ``(SS_res, SS_tot, R²)`` with :math:`SS_{res} = \sum_i (y_i - \hat y_i)^2` and
    :math:`SS_{tot} = \sum_i (y_i - \bar y)^2`.

    Parameters
    ----------
    x, y : ndarray, shape (n,)
        The data points :math:`(x_i, y_i)`.
    w_range : (float, float)
        Not used by the figure (the notebook's slider sets the range); kept so existing calls run.

    Returns
    -------
    fig : Figure
    draw : callable
        ``draw(w, b) -> (SS_res, SS_tot, R²)``.
    """
    x, y = np.asarray(x, float), np.asarray(y, float)
    ss_tot = float(np.sum((y - y.mean()) ** 2))
    fig = new_figure(11.0, 4.2)
    ax, bars = fig.subplots(1, 2, width_ratios=[2.2, 1])
    span = np.array([x.min() - 0.2, x.max() + 0.2])
    ax.set(xlim=span, ylim=(y.min() - 3, y.max() + 3), xlabel=tr("input $x$"), ylabel=tr("output $y$"))
    ax.axhline(y.mean(), color=COLORS["grey"], ls="--", lw=1.5, label=tr("mean $\\bar y$"))
    res = ax.vlines(x, y, y, color=COLORS["red"], lw=1.4, animated=True,
                    label=tr("residual $y_i - \\hat y_i$"))
    (line,) = ax.plot(span, span, color=COLORS["blue"], animated=True,
                      label=tr("model $\\hat y = b + wx$"))
    ax.plot(x, y, "o", color=COLORS["black"], ms=5, label=tr("data $y_i$"))
    # the legend sits above the panel: the moving line and residuals never cross it
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=4, fontsize=10)
    bars.set(ylim=(0, 5 * ss_tot), ylabel=tr("sum of squares"),
             title="$R^2 = 1 - SS_{\\mathrm{res}}\\,/\\,SS_{\\mathrm{tot}}$")
    bars.bar([0], [ss_tot], color=COLORS["grey"], width=0.6)
    (bar_res,) = bars.bar([1], [0.0], color=COLORS["red"], width=0.6, animated=True)
    bars.set_xticks([0, 1], [tr("$SS_{\\mathrm{tot}}$\n(mean $\\bar y$)"),
                            tr("$SS_{\\mathrm{res}}$\n(model $\\hat y$)")])
    bars.axhline(ss_tot, color=COLORS["grey"], ls=":", lw=1.2)
    bars.text(-0.3, ss_tot, "$R^2 = 0$", va="bottom", ha="left", fontsize=10)

    def draw(w, b):
        y_hat = b + w * x
        line.set_ydata(b + w * span)
        res.set_segments([[(xi, yi), (xi, pi)] for xi, yi, pi in zip(x, y, y_hat)])
        ss_res = float(np.sum((y - y_hat) ** 2))
        bar_res.set_height(min(ss_res, 5 * ss_tot))  # beyond R² = -4 the bar is cut off
        return ss_res, ss_tot, metrics.r2_score(y, y_hat)
    return fig, draw


@styled
def detector(datasets: Mapping[str, tuple[np.ndarray, np.ndarray]], tau_range: tuple[float, float] = (-3.0, 6.0),
             n_bins: int = 27) -> tuple[Figure, Callable[[float, str], DetectorScores]]:
    r"""Score histograms with the threshold τ, the 2×2 confusion matrix, metrics against τ.

    ``datasets`` maps a name to ``(scores, y)`` (label 1 = gravitational wave, 0 = noise).
    ``draw(tau, name)`` shows the events of ``datasets[name]`` flagged by
    ``scores >= tau`` and returns their :class:`~lecture_lib.topics.metrics.DetectorScores`
    (counts ``tp, fn, fp, tn``; ``precision, recall, accuracy, f1``). The matrix follows the lecture,
    rows = truth (GW, no GW), columns = decision (GW detected, noise): ``[[TP, FN], [FP, TN]]``;
    each cell shows its count and is coloured by its share of the row. Where no event is
    flagged, precision :math:`TP/(TP+FP) = 0/0` is undefined: its curve has a gap there
    and its dot is hidden (the returned number is 0, as :mod:`lecture_lib.metrics` gives).

    Parameters
    ----------
    datasets : mapping of str to (ndarray, ndarray)
        A name to ``(scores, y)``, both shape ``(n,)``.
    tau_range : (float, float)
        The thresholds τ the histograms and curves span.
    n_bins : int
        Histogram bins over ``tau_range``.

    Returns
    -------
    fig : Figure
    draw : callable
        ``draw(tau, name) -> DetectorScores``.
    """
    edges = np.linspace(*tau_range, n_bins + 1)
    grid = np.linspace(*tau_range, 181)
    ranked, curves, counts = _detector_cache(datasets, edges, grid)
    fig = new_figure(12.5, 4.4)
    hist, mat, cur = fig.subplots(1, 3, width_ratios=[1.35, 0.85, 1.25])
    top = 3 * max(c.max() for per_class in counts.values() for c in per_class.values())
    steps, shade = _histogram_axes(hist, edges, top)
    tau_lines = [ax.axvline(0, color=COLORS["black"], lw=2, animated=True) for ax in (hist, cur)]
    tau_lines[0].set_label(tr("threshold $\\tau$"))
    # legends above the panels: a moving τ line or curve never crosses them
    hist.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2, fontsize=10)
    cells_art, cell_counts, cmap = _matrix_axes(fig, mat)
    lines, dots = _curve_axes(cur, grid, tau_range)
    shown = {"name": None}

    def draw(tau, name):
        if name != shown["name"]:  # a new data set: new histograms and curves
            shown["name"] = name
            for lab, step in steps.items():
                step.set_data(counts[name][lab])
            for n, line in lines.items():
                line.set_ydata(curves[name][n])
        shade.set_x(tau)
        for line in tau_lines:
            line.set_xdata([tau, tau])
        out = _detector_scores(*ranked[name], tau)
        cells = np.array([[out.tp, out.fn], [out.fp, out.tn]], dtype=float)
        share = cells / np.maximum(cells.sum(axis=1, keepdims=True), 1)
        cells_art.set_facecolor(cmap(share.ravel()))
        cell_counts.set_values(cells.ravel())
        shown_y = [np.nan if n == "precision" and out.tp + out.fp == 0 else getattr(out, n.lower())
                   for n in lines]
        dots.set_offsets(np.column_stack([np.full(4, tau), shown_y]))
        return out
    return fig, draw


def _detector_cache(datasets: dict, edges, grid):
    """Per data set: the sorted scores of each class (counts at τ by binary search), the
    metric curves over ``grid`` and the histograms, so a move of τ re-caches nothing.

    The precision curve is NaN (a gap in the plot) where no event is flagged (0/0).
    """
    data = {name: (np.asarray(s, float).ravel(), np.asarray(t).ravel().astype(np.int64))
            for name, (s, t) in datasets.items()}
    ranked = {name: [np.sort(s[t == lab]) for lab in (1, 0)] for name, (s, t) in data.items()}
    curves = {}
    for name, (signal, noise) in ranked.items():
        curves[name] = _detector_scores(signal, noise, grid)
        tp, _, fp, _ = _counts(signal, noise, grid)
        curves[name]["precision"] = np.where(tp + fp > 0, curves[name]["precision"], np.nan)
    counts = {name: {lab: np.maximum(np.histogram(s[t == lab], edges)[0], 1e-3) for lab in (0, 1)}
              for name, (s, t) in data.items()}
    return ranked, curves, counts


def _curve_axes(ax, grid, tau_range):
    """Precision, recall, F1 and accuracy against τ (animated lines) and the dots at τ."""
    ax.set(xlim=tau_range, ylim=(-0.02, 1.02), xlabel=tr("threshold $\\tau$"), ylabel=tr("score"))
    styles = {"precision": (COLORS["blue"], "-"), "recall": (COLORS["orange"], "-"),
              "F1": (COLORS["green"], "--"), "accuracy": (COLORS["purple"], ":")}
    lines = {n: ax.plot(grid, grid, color=c, ls=ls, animated=True, label=tr(METRIC_NAMES[n]))[0]
             for n, (c, ls) in styles.items()}
    dots = ax.scatter(np.zeros(4), np.zeros(4), s=49, c=[c for c, _ in styles.values()],
                      zorder=3, animated=True)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2, fontsize=10)
    return lines, dots


def _histogram_axes(ax, edges, top):
    """Log-scale score histograms of both classes (animated) and the shade right of τ."""
    ax.set(xlim=(edges[0], edges[-1]), ylim=(0.8, top), yscale="log",
           xlabel=tr("detector score $s$"), ylabel=tr("events per bin (log scale)"))
    steps = {lab: ax.stairs(np.ones(edges.size - 1), edges, color=c, lw=2.2, animated=True,
                            label=tr(txt))
             for lab, c, txt in ((0, COLORS["blue"], mark("noise (no GW)")),
                                 (1, COLORS["orange"], mark("signal (GW)")))}
    shade = ax.axvspan(0, edges[-1], color=COLORS["grey"], alpha=0.15, lw=0, animated=True,
                       label=tr("flagged as GW"))
    return steps, shade


def _counts(signal, noise, tau):
    """TP, FN, FP, TN of the decision s ≥ τ, from the sorted scores of each class."""
    tp = signal.size - np.searchsorted(signal, tau, side="left")
    fp = noise.size - np.searchsorted(noise, tau, side="left")
    return tp, signal.size - tp, fp, noise.size - fp


def _detector_scores(signal, noise, tau) -> DetectorScores | dict[str, np.ndarray]:
    r"""Counts and scores of the decision :math:`s \geq \tau`, from the sorted scores of each class.

    TP and FP are the signal and noise scores :math:`\geq \tau`; precision
    :math:`TP/(TP+FP)`, recall :math:`TP/(TP+FN)`, :math:`F_1 = 2TP/(2TP+FP+FN)` and
    accuracy :math:`(TP+TN)/N`, with 0 for 0/0 as in :mod:`lecture_lib.metrics` (the
    tests compare them with the library). ``tau`` is a number (a :class:`DetectorScores`
    out) or an array of thresholds (a dict, one array per name).
    """
    tp, fn, fp, tn = _counts(signal, noise, tau)

    def ratio(num, den):
        return np.where(den > 0, num / np.maximum(den, 1), 0.0)
    out = {"precision": ratio(tp, tp + fp), "recall": ratio(tp, tp + fn),
           "F1": ratio(2 * tp, 2 * tp + fp + fn), "accuracy": (tp + tn) / (signal.size + noise.size)}
    if np.ndim(tau) == 0:
        return DetectorScores(int(tp), int(fn), int(fp), int(tn), **{k.lower(): float(v) for k, v in out.items()})
    return out


def _matrix_axes(fig, ax):
    """The 2×2 confusion-matrix axes in the lecture's layout: ``[[TP, FN], [FP, TN]]``.

    The four cells are one animated collection, row by row (TP, FN, FP, TN), each with
    its count in the middle (animated) over a static name strip below it. The colours
    stop at a mid blue, so the black counts stay readable on the darkest cell.
    """
    ax.set(xlim=(-0.5, 1.5), ylim=(-0.5, 1.5), aspect="equal", title=tr("confusion matrix"))
    ax.grid(False)
    cmap = ListedColormap(matplotlib.colormaps["Blues"](np.linspace(0.0, 0.6, 256)))
    cells = ax.add_collection(PatchCollection(
        [Rectangle((j - 0.45, 1 - i - 0.25), 0.9, 0.7) for i in range(2) for j in range(2)],
        facecolor=cmap(0.0), edgecolor="none", animated=True))
    counts = ax.add_artist(NumberLabels([(j, 1.1 - i) for i in range(2) for j in range(2)],
                                        fmt="{:.0f}", size=15, animated=True, zorder=3))
    for i in range(2):
        for j in range(2):
            ax.text(j, 1 - i - 0.37, CELL_NAMES[i][j], ha="center", va="center", fontsize=12,
                    weight="bold")
    ax.set_xticks([0, 1], [tr("GW\ndetected"), tr("noise")])
    ax.set_yticks([1, 0], [tr("GW\npresent"), tr("no GW")])
    ax.set_xlabel(tr("decision: is $s \\geq \\tau$ ?"))
    ax.set_ylabel(tr("truth"))
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    fig.colorbar(ScalarMappable(Normalize(0, 1), cmap), ax=ax, shrink=0.7,
                 label=tr("share of the row (colour)"))
    return cells, counts, cmap
