"""The collection's plotting style: a colour-blind-safe palette and projector-sized text.

Every figure builder is decorated with :func:`styled`, which applies this style to the
figures it builds only: importing ``lecture_lib.plots`` changes no matplotlib setting, so a
student's own ``plt.plot`` in the same notebook looks as it would anywhere.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from typing import TypeVar

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.legend import Legend

# the shared artists live in artists.py; figure modules import them from here or there
from .artists import CachedCanvas as CachedCanvas
from .artists import HeatImage as HeatImage
from .artists import NumberLabels as NumberLabels

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
COLORS = {
    "blue": "#0072B2", "orange": "#E69F00", "green": "#009E73", "red": "#D55E00",
    "purple": "#CC79A7", "sky": "#56B4E9", "yellow": "#F0E442", "black": "#000000",
    "grey": "#7F7F7F",
}
CYCLE = [COLORS[c] for c in ("blue", "orange", "green", "red", "purple", "sky", "black")]

T = TypeVar("T")

RC = {
    "font.size": 12, "axes.titlesize": 13, "axes.labelsize": 12, "legend.fontsize": 10,
    "xtick.labelsize": 10, "ytick.labelsize": 10, "lines.linewidth": 2.2,
    "axes.spines.top": False, "axes.spines.right": False, "axes.grid": True,
    "grid.alpha": 0.3, "figure.dpi": 100, "savefig.dpi": 100,
    "axes.prop_cycle": matplotlib.cycler(color=CYCLE),
    "image.cmap": "cividis", "mathtext.fontset": "dejavusans",
}




def styled(builder: Callable[..., T]) -> Callable[..., T]:
    """Run a figure builder inside the collection's style, leaving matplotlib's settings alone.

    The builder runs under ``matplotlib.rc_context(RC)``, and its figure's tick labels (which
    matplotlib creates lazily, at the first draw) are made inside it too, so the figure keeps
    the style wherever it is drawn later. A ``draw`` function returned beside the figure runs
    in the style as well (it may add artists). A student's own ``plt.plot`` in the same
    notebook is untouched: importing ``lecture_lib.plots`` changes no global setting.
    """
    @functools.wraps(builder)
    def build(*args, **kwargs):
        with matplotlib.rc_context(RC):
            result = builder(*args, **kwargs)
            figure = result[0] if isinstance(result, tuple) else result
            if isinstance(figure, Figure):
                for ax in figure.axes:
                    for axis in (ax.xaxis, ax.yaxis):
                        axis.get_major_ticks()
                        axis.get_minor_ticks()
        if isinstance(result, tuple) and len(result) > 1 and callable(result[1]):
            result = (result[0], _in_style(result[1]), *result[2:])
        return result
    return build


def _in_style(draw: Callable) -> Callable:
    """``draw`` run in the style. It runs on every slider move, where ``rc_context`` (which
    copies and validates all of matplotlib's settings) would cost 1–2 ms: only the style's
    own keys are swapped in, already validated, and back."""
    @functools.wraps(draw)
    def styled_draw(*args, **kwargs):
        params = matplotlib.rcParams
        saved = {key: dict.__getitem__(params, key) for key in _RC_VALIDATED}
        dict.update(params, _RC_VALIDATED)
        try:
            return draw(*args, **kwargs)
        finally:
            dict.update(params, saved)
    return styled_draw


_RC_VALIDATED = dict(matplotlib.RcParams(RC).items())  # RcParams validates on the way in


def new_figure(width: float = 9.0, height: float = 4.0, **subplot_kw: object) -> Figure:
    """A Figure on the Agg canvas with ``constrained`` layout (no pyplot, no global state).

    Parameters
    ----------
    width, height : float
        The size in inches at 100 dpi (9 × 4 in → 900 × 400 px).
    **subplot_kw
        Passed on to :class:`matplotlib.figure.Figure` (e.g. ``facecolor``).

    Returns
    -------
    Figure
    """
    fig = Figure(figsize=(width, height), layout="constrained", **subplot_kw)
    FigureCanvasAgg(fig)
    return fig


def legend_below(ax: Axes, ncols: int = 2, offset: float = -0.16, **kwargs: object) -> Legend:
    """The axes' legend under its x label, where it covers no curve, point or moving line
    (a slider can put the current value anywhere inside); constrained layout makes room.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The axes.
    ncols : int
        Legend columns.
    offset : float
        The legend's top, in axes heights from the bottom (below the x label).
    **kwargs
        Passed to ``ax.legend`` (``handles``, ``fontsize``, ``frameon``...).

    Returns
    -------
    matplotlib.legend.Legend
        The legend.
    """
    return ax.legend(loc="upper center", bbox_to_anchor=(0.5, offset), ncols=ncols,
                     **{"fontsize": 9, **kwargs})


def show(fig: Figure) -> None:
    """Display a static figure as PNG in the notebook (works without pyplot or a backend).

    One draw of the canvas (its layout included), then the pixels as PNG: ``savefig``
    would first lay the figure out in a pass of its own, a third more time per figure.
    """
    from IPython.display import Image, display

    display(Image(png_bytes(fig)))


def png_bytes(fig: Figure) -> bytes:
    """The figure drawn once on its Agg canvas, as PNG bytes (no software metadata).

    Artists marked ``animated`` (the moving parts of a figure built for
    :class:`lecture_lib.interactive.LiveFigure`, which a normal draw skips) are drawn too:
    a static picture of such a figure shows its numbers and coloured edges. They are
    animated again afterwards, so the same figure can still be made live.
    """
    from PIL import Image as PILImage

    animated = [artist for artist in fig.findobj() if artist.get_animated()]
    for artist in animated:
        artist.set_animated(False)
    try:
        fig.canvas.draw()
    finally:
        for artist in animated:
            artist.set_animated(True)
    size = fig.canvas.get_width_height(physical=True)
    buffer = io.BytesIO()
    PILImage.frombuffer("RGBA", size, fig.canvas.buffer_rgba(), "raw", "RGBA", 0, 1) \
        .save(buffer, format="png")
    return buffer.getvalue()
