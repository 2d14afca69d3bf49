"""Notebook 00, start here: fit a line by hand while learning the controls."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from matplotlib.figure import Figure

from ..i18n import tr
from .panels import line_panel
from .style import new_figure, styled


@styled
def line_fit(x: np.ndarray, y: np.ndarray, x_range: tuple[float, float] = (-0.5, 4.5),
             y_range: tuple[float, float] = (-1.0, 7.0), width: float = 7.5,
             height: float = 4.2) -> tuple[Figure, Callable[[float, float], None]]:
    """One panel: the data, the line :math:`\\hat y = b + wx` and its residuals (notebook 00).

    ``draw(w, b)`` moves the line and the red residuals :math:`\\hat y_i - y_i`.

    Parameters
    ----------
    x, y : ndarray, shape (n,)
        The data points :math:`(x_i, y_i)`.
    x_range, y_range : (float, float)
        The axes' limits.
    width, height : float
        The figure's size in inches.

    Returns
    -------
    fig : Figure
    draw : callable
        ``draw(w, b)``.
    """
    x, y = np.asarray(x, float).ravel(), np.asarray(y, float).ravel()
    fig = new_figure(width, height)
    ax = fig.add_subplot()
    ax.set_title(tr("fit a line by hand: make the red residuals short"))
    return fig, line_panel(ax, x, y, x_range, y_range)
