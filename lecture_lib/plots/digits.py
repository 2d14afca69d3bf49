"""Figures of notebook 19, handwritten digits (rows of 64 pixel values in [0, 1], drawn dark on
light, top row first): the images, the network's results, its hidden units, few images, the blend."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure

from .. import networks, training
from ..i18n import mark, tr
from ..topics.digits import N_CLASSES, SIDE, Mistakes, SizeCurve, blend
from .style import COLORS, HeatImage, NumberLabels, new_figure, styled

INK = "gray_r"  # dark ink on light paper
PAPER = -0.1    # the colour scale starts below 0, so blank paper is light grey, not white
INPUT_TITLE = mark("input $x = (1-t)\\,a + t\\,b + \\sigma\\varepsilon$")


def _picture(ax, image, title=None, **kw):
    """One 8 × 8 image on ``ax`` without ticks."""
    ax.imshow(np.reshape(image, (SIDE, SIDE)), cmap=kw.pop("cmap", INK),
              vmin=kw.pop("vmin", PAPER), vmax=kw.pop("vmax", 1.0), **kw)
    ax.set(xticks=[], yticks=[])
    ax.grid(False)
    if title:
        ax.set_title(title, fontsize=10)


def _numbers(ax, values, dark, size: float) -> None:
    """Write the whole numbers ``values[r, c]`` at (column c, row r): white on ``dark``
    cells, grey for zeros, black otherwise (cached glyphs: 100 numbers cost ~1 ms)."""
    rows, cols = np.indices(values.shape)
    for colour, where in (("white", dark), (COLORS["grey"], ~dark & (values == 0)),
                          ("black", ~dark & (values != 0))):
        labels = NumberLabels(np.column_stack([cols[where], rows[where]]), fmt="{:.0f}",
                              size=size, color=colour)
        ax.add_artist(labels)
        labels.set_values(values[where])


@styled
def first_look(X: np.ndarray, y: np.ndarray, index: int = 0, per_class: int = 4) -> Figure:
    """Left: image ``index`` with its 64 stored values (0–16 inked pixels per block);
    right: the first ``per_class`` images of every digit, one column per digit.

    Parameters
    ----------
    X, y : array_like, shape (n, 64) and (n,)
        The images (pixels in [0, 1], :func:`lecture_lib.datasets.digits`) and their digits.
    index, per_class : int

    Returns
    -------
    Figure
    """
    X, y = np.asarray(X, float), np.asarray(y)
    fig = new_figure(12.0, 4.6)
    left, right = fig.subplots(1, 2, width_ratios=[1, 1.6])
    _picture(left, X[index], tr("image {index}: the digit {digit}, 8 × 8 pixels").format(
        index=index, digit=y[index]))
    counts = np.rint(16 * X[index].reshape(SIDE, SIDE)).astype(int)
    _numbers(left, counts, counts > 8, size=9)
    gap = 2
    mosaic = np.full((per_class * (SIDE + gap) - gap, N_CLASSES * (SIDE + gap) - gap), np.nan)
    for k in range(N_CLASSES):
        for j, row in enumerate(np.flatnonzero(y == k)[:per_class]):
            r0, c0 = j * (SIDE + gap), k * (SIDE + gap)
            mosaic[r0:r0 + SIDE, c0:c0 + SIDE] = X[row].reshape(SIDE, SIDE)
    right.imshow(mosaic, cmap=INK, vmin=PAPER, vmax=1)
    right.grid(False)
    right.set_xticks(np.arange(N_CLASSES) * (SIDE + gap) + SIDE / 2 - 0.5, range(N_CLASSES))
    right.set(yticks=[], xlabel=tr("label $y$ (the digit a person wrote)"),
              title=tr("the first {n} images of each digit").format(n=per_class))
    right.tick_params(length=0)
    return fig


@styled
def learning_curves(history: training.History) -> Figure:
    """Training and test cross-entropy after every epoch (log scale)."""
    fig = new_figure(7.0, 3.6)
    ax = fig.subplots()
    ax.plot(history.epochs, history.train_loss, color=COLORS["blue"],
            label=tr("training images"))
    ax.plot(history.epochs, history.test_loss, color=COLORS["orange"], ls="--",
            label=tr("test images (never trained on)"))
    ax.set(yscale="log", xlabel=tr("epoch"), ylabel=tr("cross-entropy $L$ (log scale)"),
           title=tr("the loss falls: the same loop as notebook 12"))
    ax.legend()
    return fig


@styled
def confusion(matrix: np.ndarray) -> Figure:
    """The 10 × 10 confusion matrix: row = true digit, column = predicted digit, with
    counts written in; colour = share of the row (the diagonal is each digit's recall)."""
    m = np.asarray(matrix)
    share = m / np.maximum(m.sum(axis=1, keepdims=True), 1)
    fig = new_figure(6.4, 5.6)
    ax = fig.subplots()
    shown = ax.imshow(share, cmap="Blues", vmin=0, vmax=1)
    ax.grid(False)
    _numbers(ax, m, share > 0.5, size=10)
    ax.set_xticks(range(N_CLASSES))
    ax.set_yticks(range(N_CLASSES))
    ax.set(xlabel=tr("predicted digit $\\hat y$"), ylabel=tr("true digit $y$"),
           title=tr("confusion matrix of the test images"))
    fig.colorbar(shown, ax=ax, shrink=0.8, label=tr("share of the row"))
    return fig


@styled
def mistakes(X: np.ndarray, found: Mistakes, n: int = 8) -> Figure:
    """Each misclassified image (columns) over the network's ten probabilities for it.

    Parameters
    ----------
    X, found : ndarray, shape (n_images, 64), and Mistakes
        The images and the network's mistakes on them (:func:`lecture_lib.topics.digits.mistakes`).
    n : int

    Returns
    -------
    Figure
    """
    n = max(min(n, len(found)), 1)
    fig = new_figure(1.5 * n + 1.0, 4.0)
    axes = fig.subplots(2, n, squeeze=False, height_ratios=[1.1, 1])
    for j in range(n):
        top, bottom = axes[0, j], axes[1, j]
        if j >= len(found):
            top.set_visible(False)
            bottom.set_visible(False)
            continue
        true, guess, p = found.true[j], found.predicted[j], found.probabilities[j]
        _picture(top, X[found.index[j]], tr("true {label}, said {guess}").format(
            label=true, guess=guess))
        colours = [COLORS["red"] if k == guess else COLORS["green"] if k == true
                   else COLORS["grey"] for k in range(N_CLASSES)]
        bottom.bar(range(N_CLASSES), p, color=colours)
        bottom.set(ylim=(0, 1), xticks=range(0, N_CLASSES, 3), xlabel=tr("digit $k$"))
        bottom.set_ylabel("$\\hat p_k$" if j == 0 else "")
        if j:
            bottom.set_yticklabels([])
    fig.suptitle(tr("test images the network gets wrong (red: its answer, green: the truth)"),
                 fontsize=12)
    return fig


def _strip(pictures, gap: int = 2) -> np.ndarray:
    """8 × 8 pictures side by side, ``gap`` blank (NaN, drawn as the background) between."""
    strip = np.full((SIDE, len(pictures) * (SIDE + gap) - gap), np.nan)
    for j, picture in enumerate(pictures):
        strip[:, j * (SIDE + gap):j * (SIDE + gap) + SIDE] = np.reshape(picture, (SIDE, SIDE))
    return strip


@styled
def first_layer(weights: np.ndarray, favourites: np.ndarray, activation: np.ndarray, n: int = 8) -> Figure:
    """Top: the weights into the first ``n`` hidden units as 8 × 8 pictures (red +, blue −);
    bottom: the average of the images that excite each unit most, labelled with the digit
    whose images make it most active on average.

    Parameters
    ----------
    weights, favourites, activation : ndarray
        ``(n_hidden, 8, 8)``, ``(n_hidden, 64)`` and ``(n_hidden, 10)``:
        ``topics.digits.first_layer_images``, ``favourite_images`` and ``class_activation``.
    n : int

    Returns
    -------
    Figure
    """
    weights, activation = np.asarray(weights, float), np.asarray(activation, float)
    n = min(n, len(weights))
    fig = new_figure(1.3 * n + 1.6, 4.2)
    top, bottom = fig.subplots(2, 1)
    scale = np.abs(weights[:n]).max()
    shown = top.imshow(_strip(weights[:n]), cmap="RdBu_r", vmin=-scale, vmax=scale)
    liked = bottom.imshow(_strip(np.asarray(favourites)[:n]), cmap=INK, vmin=PAPER, vmax=1)
    centres = np.arange(n) * (SIDE + 2) + SIDE / 2 - 0.5
    names = [tr("never active") if not np.any(a > 0)
             else tr("most active: {digit}").format(digit=np.argmax(a)) for a in activation[:n]]
    for ax, labels, title in ((top, [tr("unit {j}").format(j=j + 1) for j in range(n)],
                               tr("weights $W^{(1)}_{ij}$ into each unit, one per pixel $i$")),
                              (bottom, names, tr("average of the 20 images it responds to most"))):
        ax.grid(False)
        ax.set_xticks(centres, labels, fontsize=10)
        ax.set(yticks=[], title=title)
        ax.tick_params(length=0, labeltop=ax is top, labelbottom=ax is bottom)
        for side in ax.spines.values():
            side.set_visible(False)
    fig.colorbar(shown, ax=top, shrink=0.9, label=tr("weight"))
    fig.colorbar(liked, ax=bottom, shrink=0.9, label=tr("ink"))
    return fig


@styled
def size_curve(curve: SizeCurve) -> Figure:
    """Accuracy (left) and cross-entropy (right) on training and test images against the
    number of training images; the shaded gap is what does not carry over."""
    fig = new_figure(11.5, 4.0)
    left, right = fig.subplots(1, 2)
    n = curve.sizes
    left.fill_between(n, curve.test_accuracy, curve.train_accuracy, color=COLORS["orange"],
                      alpha=0.2, lw=0, label=tr("gap (over-fitting)"))
    left.plot(n, curve.train_accuracy, "o-", color=COLORS["blue"], label=tr("training images"))
    left.plot(n, curve.test_accuracy, "s--", color=COLORS["orange"], label=tr("test images"))
    left.set(xscale="log", ylim=(0.4, 1.02), xlabel=tr("training images (log scale)"),
             ylabel=tr("accuracy"), title=tr("accuracy against the size of the training set"))
    left.legend(loc="lower right")
    right.plot(n, curve.train_loss, "o-", color=COLORS["blue"], label=tr("training images"))
    right.plot(n, curve.test_loss, "s--", color=COLORS["orange"], label=tr("test images"))
    right.set(xscale="log", yscale="log", xlabel=tr("training images (log scale)"),
              ylabel=tr("cross-entropy $L$ (log scale)"),
              title=tr("cross-entropy against the size of the training set"))
    right.legend(loc="upper right")
    for ax in (left, right):
        ax.set_xticks(n, [str(v) for v in n])
        ax.minorticks_off()
    return fig


def _bar_boxes(p) -> np.ndarray:
    """One rectangle (4 corners) per class k from 0 up to p_k, 0.8 wide."""
    k = np.arange(len(p), dtype=float)
    zero = np.zeros_like(k)
    return np.stack([np.column_stack(c) for c in ((k - 0.4, zero), (k - 0.4, p),
                                                  (k + 0.4, p), (k + 0.4, zero))], axis=1)


@styled
def blend_live(images: np.ndarray, network: networks.Network, pattern: np.ndarray
               ) -> tuple[Figure, Callable[[int, int, float, float], tuple[np.ndarray, np.ndarray]]]:
    r"""Live: digit a, the blended input :math:`x = (1 - t)a + tb + σε`, digit b, and the
    network's ten probabilities :math:`\hat p_k` as bars (the most probable in orange).

    Parameters
    ----------
    images, pattern : array_like, shape (10, 64) and (64,)
        One row per digit 0–9 (the endpoints a and b), and the fixed noise ε.
    network : Network
        The trained classifier (softmax output).

    Returns
    -------
    (Figure, callable)
        The figure and ``draw(first, second, t, noise) -> (x, p)``: the input and the probabilities.
    """
    images, pattern = np.asarray(images, float), np.asarray(pattern, float)
    fig = new_figure(12.0, 4.2)
    heat, digits, bars = _blend_axes(fig)

    def draw(first, second, t, noise):
        x = blend(images[first], images[second], t, noise, pattern)
        p = network.forward(x[None, :])[0]
        for name, values in (("a", images[first]), ("x", x), ("b", images[second])):
            heat[name].set_values(values.reshape(SIDE, SIDE)[::-1])
        for label, digit in zip(digits, (first, second)):
            label.set_values([digit])
        bars.set_verts(_bar_boxes(p))
        bars.set_facecolor([COLORS["orange"] if k == np.argmax(p) else COLORS["blue"]
                            for k in range(N_CLASSES)])
        return x, p
    return fig, draw


def _blend_axes(fig):
    """The blend figure's axes: three images (HeatImage), two digit labels, the bars."""
    fig.get_layout_engine().set(wspace=0.09)  # gaps wider than a LiveFigure's redraw margin
    grid = fig.add_gridspec(2, 4, width_ratios=[0.8, 1.6, 0.8, 2.6], height_ratios=[1, 0.8])
    small = [fig.add_subplot(grid[0, c]) for c in (0, 2)]
    big, bars_ax = fig.add_subplot(grid[:, 1]), fig.add_subplot(grid[:, 3])
    heat = {}
    for name, ax, title in (("a", small[0], "a  (t = 0)"), ("x", big, tr(INPUT_TITLE)),
                            ("b", small[1], "b  (t = 1)")):
        ax.set(xlim=(0, SIDE), ylim=(0, SIDE), aspect="equal", xticks=[], yticks=[])
        ax.set_title(title, fontsize=11)
        ax.axis("off")  # no frame, ticks or grid
        heat[name] = HeatImage(ax, PAPER, 1.0, cmap=INK)
    digits = []
    for col, name in ((0, "a"), (2, "b")):
        ax = fig.add_subplot(grid[1, col])
        ax.set(xlim=(0, 1), ylim=(0, 1))
        ax.axis("off")
        ax.text(0.5, 0.85, tr("digit {name}:").format(name=name), ha="center", va="center",
                fontsize=11)
        digits.append(ax.add_artist(NumberLabels([(0.5, 0.45)], fmt="{:.0f}", size=26,
                                                 animated=True)))
    bars = bars_ax.add_collection(PolyCollection(_bar_boxes(np.zeros(N_CLASSES)), lw=0,
                                                 animated=True))
    bars_ax.set(xlim=(-0.6, N_CLASSES - 0.4), ylim=(0, 1.02), xticks=range(N_CLASSES),
                xlabel=tr("digit $k$"), ylabel=tr("probability $\\hat p_k$"),
                title=tr("what the network says: $\\hat p = $ softmax output"))
    bars_ax.axhline(0.5, color=COLORS["grey"], ls=":", lw=1.2)
    return heat, digits, bars
