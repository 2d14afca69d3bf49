"""A one-line text progress indicator for slow runs (numeric core: no widgets)."""

from __future__ import annotations

import sys
import time

from .i18n import tr


class Progress:
    """One line on stderr, redrawn at most 10 times a second, only for runs over ~1 s."""

    def __init__(self, epochs: int):
        self.epochs, self.start, self.last, self.shown = epochs, time.perf_counter(), 0.0, False

    def update(self, epoch: int, value: float, end: str = "") -> None:
        """Redraw the line for ``epoch`` and loss ``value``; ``end="\\n"`` writes the final one.

        Parameters
        ----------
        epoch : int
        value : float
        end : str
        """
        now = time.perf_counter()
        elapsed = now - self.start
        left = elapsed / max(epoch, 1) * (self.epochs - epoch)
        if not (self.shown or elapsed + left > 1.0) or (now - self.last < 0.1 and not end):
            return
        self.last, self.shown = now, True
        tail = tr("done") if end else tr("~{left} s left").format(left=f"{left:.1f}")
        line = tr("epoch {epoch}/{epochs} ({percent}%)  train loss {loss}  {elapsed} s, {tail}").format(
            epoch=epoch, epochs=self.epochs, percent=100 * epoch // self.epochs, loss=f"{value:.4g}",
            elapsed=f"{elapsed:.1f}", tail=tail)
        sys.stderr.write("\r" + line.ljust(72) + end)
        sys.stderr.flush()
