"""The collection's plotting style: a colour-blind-safe palette and projector-sized text.

Importing ``lecture_lib.plots`` applies this style to matplotlib's rcParams, so every
figure in the notebooks looks the same (as ``seaborn.set_theme`` does).
"""

from __future__ import annotations

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
COLORS = {
    "blue": "#0072B2", "orange": "#E69F00", "green": "#009E73", "red": "#D55E00",
    "purple": "#CC79A7", "sky": "#56B4E9", "yellow": "#F0E442", "black": "#000000",
    "grey": "#7F7F7F",
}
CYCLE = [COLORS[c] for c in ("blue", "orange", "green", "red", "purple", "sky", "black")]

RC = {
    "font.size": 12, "axes.titlesize": 13, "axes.labelsize": 12, "legend.fontsize": 10,
    "xtick.labelsize": 10, "ytick.labelsize": 10, "lines.linewidth": 2.2,
    "axes.spines.top": False, "axes.spines.right": False, "axes.grid": True,
    "grid.alpha": 0.3, "figure.dpi": 100, "savefig.dpi": 100,
    "axes.prop_cycle": matplotlib.cycler(color=CYCLE),
    "image.cmap": "cividis", "mathtext.fontset": "dejavusans",
}


matplotlib.rcParams.update(RC)


def new_figure(width: float = 9.0, height: float = 4.0, **subplot_kw) -> Figure:
    """A Figure on the Agg canvas with ``constrained`` layout (no pyplot, no global state).

    ``width`` and ``height`` are in inches at 100 dpi (9 × 4 in → 900 × 400 px).
    """
    fig = Figure(figsize=(width, height), layout="constrained", **subplot_kw)
    FigureCanvasAgg(fig)
    return fig
