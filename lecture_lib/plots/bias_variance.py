r"""Figures of the measured bias–variance decomposition (notebook 15).

The numbers come from :func:`lecture_lib.topics.bias_variance.bias_variance_decomposition`:
:math:`K` training sets from one generator :math:`y = f(x) + \varepsilon`, one
polynomial fit :math:`\hat f_k` of degree :math:`d` per set, their mean
:math:`\bar f` and

.. math:: \mathbb{E}\big[(\hat f(x) - y')^2\big] = \underbrace{(\bar f - f)^2}_{\text{bias}^2}
          + \underbrace{\operatorname{mean}_k (\hat f_k - \bar f)^2}_{\text{variance}}
          + \underbrace{\sigma^2}_{\text{noise}} .

``decomposition_live`` returns ``(figure, draw)``; ``draw(degree, n)`` moves the
figure's animated artists and returns the measured numbers for the readout.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.patches import Polygon

from ..i18n import mark, tr
from ..topics.bias_variance import BiasVarianceResult, Decomposition
from .style import COLORS, new_figure, styled

TERM_COLORS = {"bias2": COLORS["blue"], "variance": COLORS["orange"], "noise": COLORS["grey"],
               "test": COLORS["purple"]}
BAR_LABELS = (mark("bias²"), mark("vari-\nance"), mark("noise\nσ²"), mark("sum"),
              mark("test\nerror"))   # shown with tr


def _band(ax, color):
    patch = Polygon(np.zeros((4, 2)), closed=True, facecolor=color, alpha=0.25, lw=0,
                    animated=True, label=tr(r"$\bar f(x) \pm 1$ std over data sets"))
    ax.add_patch(patch)
    return patch


def _band_outline(x, lo, hi) -> np.ndarray:
    """Polygon corners of the band between ``lo`` and ``hi`` over ``x``."""
    return np.column_stack([np.r_[x, x[::-1]], np.r_[lo, hi[::-1]]])


def _fits_panel(ax, result, n_faint, y_range):
    """Faint individual fits, the ±1 std band, the mean fit and the true curve."""
    x = result.x_test
    ax.set(xlim=(0, 1), ylim=y_range, xlabel=tr("input $x$"), ylabel=tr("output $y$"))
    ax.plot(x, result.f_test, color=COLORS["black"], ls="--", lw=2, label=tr("true $f(x)$"))
    faint = LineCollection([np.column_stack([x, x])] * n_faint, colors=COLORS["sky"],
                           lw=0.9, alpha=0.7, animated=True,
                           label=tr(r"fits $\hat f_k$ ({n} drawn)").format(n=n_faint))
    ax.add_collection(faint)
    band = _band(ax, COLORS["orange"])
    (mean,) = ax.plot(x, x, color=COLORS["red"], lw=3, animated=True,
                      label=tr(r"mean fit $\bar f(x)$"))
    (dots,) = ax.plot([], [], "o", ms=4, color=COLORS["black"], animated=True,
                      label=tr("one training set"))
    ax.set_title(tr("one fit per data set, {k} data sets").format(k=result.fits.shape[1]),
                 fontsize=12)
    return faint, band, mean, dots


def _bars_panel(ax, value_max):
    """Bars: bias², variance, σ², their stacked sum, and the measured test error."""
    ax.set(xlim=(-0.6, 4.6), ylim=(0, value_max), ylabel=tr("squared error"),
           title=tr("test error = bias² + variance + σ²?"))
    ax.set_xticks(range(5), [tr(label) for label in BAR_LABELS])
    ax.grid(axis="x", visible=False)
    keys = ("bias2", "variance", "noise", "bias2", "variance", "noise", "test")
    bars = PolyCollection([np.zeros((4, 2))] * 7, facecolors=[TERM_COLORS[k] for k in keys],
                          animated=True)     # one artist for all seven boxes: one draw call
    ax.add_collection(bars)
    (whisker,) = ax.plot([4, 4], [0, 0], color=COLORS["black"], lw=2, animated=True)
    (off,) = ax.plot([], [], "^", ms=11, color=COLORS["black"], animated=True)
    return bars, whisker, off


def bar_boxes(bias2: float, variance: float, noise: float, test_error: float) -> np.ndarray:
    """Corners of the seven bars, shape ``(7, 4, 2)``: three terms, their stack, the test error.

    Parameters
    ----------
    bias2, variance, noise : float
        The three terms of the expected test error: bias², variance and the noise variance σ².
    test_error : float
        The measured test error, drawn beside their stack.

    Returns
    -------
    ndarray, shape (7, 4, 2)
        Four ``(x, y)`` corners per bar, for ``PolyCollection.set_verts``.
    """
    x = np.array([0, 1, 2, 3, 3, 3, 4], dtype=float)
    bottom = np.array([0, 0, 0, 0, bias2, bias2 + variance, 0])
    top = bottom + np.array([bias2, variance, noise, bias2, variance, noise, test_error])
    return np.stack([np.column_stack([x - 0.35, bottom]), np.column_stack([x + 0.35, bottom]),
                     np.column_stack([x + 0.35, top]), np.column_stack([x - 0.35, top])], axis=1)


def _curves_panel(ax, degrees, err_range, noise):
    ax.set(xlim=(degrees[0] - 0.5, degrees[-1] + 0.5), ylim=err_range, yscale="log",
           xlabel=tr("polynomial degree $d$ (capacity)"), ylabel=tr("squared error"))
    ax.axhline(noise, color=TERM_COLORS["noise"], ls=":", lw=2, label=tr(r"noise $\sigma^2$"))
    style = dict(animated=True, lw=2)
    lines = {"bias2": ax.plot(degrees, degrees, color=TERM_COLORS["bias2"], label=tr("bias²"),
                              **style)[0],
             "variance": ax.plot(degrees, degrees, color=TERM_COLORS["variance"],
                                 label=tr("variance"), **style)[0],
             "total": ax.plot(degrees, degrees, color=COLORS["black"],
                              label=tr("bias² + variance + σ²"), **style)[0],
             "test": ax.plot(degrees, degrees, "o", ms=6, color=TERM_COLORS["test"],
                             label=tr("measured test error"), animated=True)[0]}
    now = ax.axvline(0, color=COLORS["green"], lw=2, animated=True, label=tr("current $d$"))
    ax.set_title(tr("the U: test error against capacity"), fontsize=12)
    return lines, now


@styled
def decomposition_live(results: Mapping[int, BiasVarianceResult], n_faint: int = 12,
                       y_range: tuple[float, float] = (-2.0, 2.0), value_max: float = 0.7,
                       err_range: tuple[float, float] = (1e-3, 30.0)
                       ) -> tuple[Figure, Callable[[int, int], Decomposition]]:
    """The live decomposition: fits and their spread, the bars, the U-shaped test error.

    ``draw(degree, n)`` shows that degree and size and returns its
    :class:`~lecture_lib.topics.bias_variance.Decomposition` (the measured numbers, for the readout).

    Parameters
    ----------
    results : mapping of int to BiasVarianceResult
        A training-set size n to its result (same degrees and noise for every n).
    n_faint : int
        How many of the individual fits are drawn faintly behind their mean.
    y_range : (float, float)
        The fits panel's y limits.
    value_max : float
        The bars' y limit.
    err_range : (float, float)
        The test-error panel's y limits (log scale).

    Returns
    -------
    fig : Figure
    draw : callable
        ``draw(degree, n) -> Decomposition``.
    """
    first = next(iter(results.values()))
    degrees = first.degrees
    fig = new_figure(12.5, 5.4)
    axes = fig.subplots(1, 3, width_ratios=[1.35, 0.9, 1.25])
    faint, band, mean, dots = _fits_panel(axes[0], first, n_faint, y_range)
    bars, whisker, off = _bars_panel(axes[1], value_max)
    lines, now = _curves_panel(axes[2], degrees, err_range, first.noise_variance)
    handles = axes[0].get_legend_handles_labels()[0] + axes[2].get_legend_handles_labels()[0]
    fig.legend(handles=handles, loc="outside lower center", ncols=6, fontsize=10,
               frameon=False)
    x = first.x_test
    spread = {n: (r.mean_fit, r.fit_std) for n, r in results.items()}   # computed once
    segments = np.stack(np.broadcast_arrays(x, np.zeros((n_faint, x.size))), axis=-1)

    def draw(degree, n):
        r, (mean_fit, fit_std) = results[n], spread[n]
        i = int(np.flatnonzero(r.degrees == degree)[0])
        segments[:, :, 1] = r.fits[i, :n_faint]
        faint.set_segments(segments)
        band.set_xy(_band_outline(x, mean_fit[i] - fit_std[i], mean_fit[i] + fit_std[i]))
        mean.set_ydata(mean_fit[i])
        dots.set_data(r.x_train[0], r.y_train[0])
        bars.set_verts(bar_boxes(r.bias2[i], r.variance[i], r.noise_variance, r.test_error[i]))
        whisker.set_ydata([r.test_error[i] - 2 * r.std_error[i],
                           r.test_error[i] + 2 * r.std_error[i]])
        clipped = [j for j, v in ((3, r.total[i]), (4, r.test_error[i])) if v > value_max]
        off.set_data(clipped, [0.95 * value_max] * len(clipped))
        for key, values in (("bias2", r.bias2), ("variance", r.variance), ("total", r.total),
                            ("test", r.test_error)):
            lines[key].set_ydata(values)
        now.set_xdata([degree, degree])
        return r.at(degree)
    return fig, draw


@styled
def spread_grid(cases: Sequence[Sequence[tuple[BiasVarianceResult, int]]],
                y_range: tuple[float, float] = (-2.0, 2.0)) -> Figure:
    r"""Mean fit :math:`\bar f` ± 1 std and the true :math:`f`, one panel per case.

    ``cases`` is a list of rows, each a list of ``(BiasVarianceResult, degree)``; the
    panel title gives :math:`d`, :math:`n`, bias² and variance.
    """
    n_rows, n_cols = len(cases), max(len(row) for row in cases)
    fig = new_figure(3.6 * n_cols, 3.1 * n_rows)
    axes = np.atleast_2d(fig.subplots(n_rows, n_cols, sharex=True, sharey=True, squeeze=False))
    for row, row_axes in zip(cases, axes):
        for (r, degree), ax in zip(row, row_axes):
            i = int(np.flatnonzero(r.degrees == degree)[0])
            x, m, s = r.x_test, r.mean_fit[i], r.fit_std[i]
            ax.fill_between(x, m - s, m + s, color=COLORS["orange"], alpha=0.3, lw=0,
                            label=tr(r"$\bar f \pm 1$ std"))
            ax.plot(x, r.f_test, color=COLORS["black"], ls="--", lw=2, label=tr("true $f$"))
            ax.plot(x, m, color=COLORS["red"], lw=2.5, label=tr(r"mean fit $\bar f$"))
            ax.set(xlim=(0, 1), ylim=y_range)
            ax.set_title(tr("d = {d}, n = {n}\nbias² = {bias2}, variance = {variance}").format(
                d=degree, n=r.x_train.shape[1], bias2=f"{r.bias2[i]:.3f}",
                variance=f"{r.variance[i]:.3f}"), fontsize=10)   # plain text: fast
    for ax in axes[-1]:
        ax.set_xlabel(tr("input $x$"))
    for ax in axes[:, 0]:
        ax.set_ylabel(tr("output $y$"))
    axes[0, 0].legend(loc="lower left", fontsize=8)
    return fig
