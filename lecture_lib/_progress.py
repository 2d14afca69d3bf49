"""A one-line text progress indicator for slow runs (numeric core: no widgets)."""

from __future__ import annotations

import sys
import time


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
        tail = "done" if end else f"~{left:.1f} s left"
        line = (f"epoch {epoch}/{self.epochs} ({100 * epoch // self.epochs}%)  "
                f"train loss {value:.4g}  {elapsed:.1f} s, {tail}")
        sys.stderr.write("\r" + line.ljust(72) + end)
        sys.stderr.flush()
