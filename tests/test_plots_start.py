"""Tests for lecture_lib.plots.start (notebook 00): the line moves, the residuals follow."""

import numpy as np
from matplotlib.collections import LineCollection

from lecture_lib import plots
from lecture_lib.fitting import PRACTICE_X, PRACTICE_Y

X, Y = np.asarray(PRACTICE_X, float), np.asarray(PRACTICE_Y, float)


def _animated(fig):
    return [a for a in fig.findobj() if a.get_animated()]


def test_line_fit_moves_line_and_residuals():
    fig, draw = plots.start.line_fit(X, Y)
    draw(0.5, 1.5)
    fig.canvas.draw()
    line = next(a for a in _animated(fig) if hasattr(a, "get_ydata"))
    np.testing.assert_allclose(line.get_ydata(), 1.5 + 0.5 * np.asarray(line.get_xdata()))
    segments = next(a for a in _animated(fig) if isinstance(a, LineCollection)).get_segments()
    assert len(segments) == len(X)
    for seg, x, y in zip(segments, X, Y):
        np.testing.assert_allclose(seg, [[x, y], [x, 1.5 + 0.5 * x]])
