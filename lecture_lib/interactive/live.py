"""The one live-figure helper: sliders that move a matplotlib figure at once.

How it stays fast (≤ 10 ms per slider move in the kernel, see ``benchmarks/live_figures.py``):
the figure is drawn once on the Agg canvas with the moving artists marked ``animated``;
each move restores the saved background, redraws only the moving artists (blitting) and
encodes the pixels as PNG with fast compression. The library stays the one source of every
number and every pixel; the page only shows the PNG and the readout.

Which frontend gets which path (see ``views.py`` for the two transports):

- JupyterLab 4, Notebook 7, Voilà, VS Code and Colab: the fast transport, an anywidget view
  whose own ``<input type=range>`` sliders send custom messages (at most two in flight, the
  newest value wins) and receive the picture as binary buffers (the changed pixels from a
  kernel on the page's machine, else the PNG). In Colab, anywidget turns on
  Colab's custom widget manager and the display bundle carries its URL (anywidget's own
  metadata); Colab (ipywidgets 7.7) is not exercised in a browser here. VS Code renders no
  widget at all with ipywidgets 8.1.9 (vscode-jupyter#17504), whichever path.
- A frontend where custom widgets cannot load (no anywidget in the kernel, an old or
  restricted widget manager): ``use_transport("core")`` or ``LECTURE_LIVE_TRANSPORT=core``
  gives ipywidgets' own sliders driving an ``ipywidgets.Image`` (about 17 pictures/s).
- No kernel or no widget manager at all (GitHub, nbviewer, nbconvert HTML, a screen reader,
  VS Code when it cannot render the widget): the stored output's ``text/html`` (the picture
  with its alt text, and the readout), ``image/png`` and ``text/plain`` (the alt text, the
  readout and the control values).
"""

from __future__ import annotations

import base64
import functools
import html
import threading
from collections.abc import Callable, Sequence

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from ..i18n import tr
from .alt_text import describe_figure
from .controls import Choice, Slider, math_label
from .views import CoreView, FastView, Holder, choose_transport, use_transport

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
__all__ = ["Choice", "LiveFigure", "Slider", "math_label", "use_transport"]


def _locked(method):
    """Run ``method`` holding the figure's lock: a page on the direct channel moves the figure
    from another thread than the cells' (see ``direct.py``)."""
    @functools.wraps(method)
    def run(self, *args, **kwargs):
        with self._lock:
            return method(self, *args, **kwargs)
    return run


class LiveFigure:
    """A figure, its controls, a Reset button and a live text readout.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        Built once (see ``lecture_lib.plots``); artists that move must be ``animated``,
        stay inside their axes (clipped, the default) and the axis limits stay fixed.
    update : callable
        ``update(**values)`` moves the artists for the control values and returns the
        readout text (or ``None``). It must be fast: it runs on every slider move.
    controls : sequence of Slider or Choice
        Their names are the keywords ``update`` receives.
    columns : int
        How many columns the controls are laid out in.
    extras : sequence of ipywidgets.Widget
        Rows placed with the figure (buttons, a progress bar): under the picture in the
        core transport, under the controls and the readout in the fast one.
    alt : str, optional
        What the picture shows, for screen readers and views without a kernel; by default
        made from the axes' titles and labels.
    transport : {"fast", "core"}, optional
        How the figure reaches the page (see :mod:`lecture_lib.interactive.views`); by
        default :func:`~lecture_lib.interactive.views.choose_transport` decides.

    ``update`` may call :meth:`redraw` itself when static parts must change (an axis
    range, a new data set); the redraw then finishes the frame.
    """

    def __init__(self, figure: Figure, update: Callable[..., str | None],
                 controls: Sequence[Slider | Choice], columns: int = 2,
                 extras: Sequence[widgets.Widget] = (), alt: str | None = None,
                 transport: str | None = None):
        if not isinstance(figure, Figure):
            raise TypeError(tr("figure must be a matplotlib Figure, got {got}").format(
                got=type(figure).__name__))
        if not callable(update):
            raise TypeError(tr("update must be callable as update(**slider_values)"))
        names = [c.name for c in controls]
        if len(set(names)) != len(names):
            raise ValueError(tr("control names must be unique, got {got}").format(got=names))
        if alt is not None and not isinstance(alt, str):
            raise TypeError(tr("alt must be a string, got {got}").format(got=type(alt).__name__))
        self.figure, self._update, self.specs = figure, update, list(controls)
        self._lock = threading.RLock()
        self.alt = alt or describe_figure(figure)
        if choose_transport(transport) == "fast":
            self.view = FastView(self.specs, columns, extras, self.alt, self.reset,
                                 self._from_page)
        else:
            self.view = CoreView(self.specs, columns, extras, self.reset)
            self.reset_button = self.view.reset_button
        self.transport = self.view.transport
        self.controls, self.widget = self.view.controls, self.view.widget
        self.readout = self.view.readout
        self.text = ""
        self._holding, self._reply = False, None
        self._background = None
        self._animated = []
        self.redraw()
        for control in self.controls.values():
            control.observe(self._on_change, names="value")

    # ----- state -----
    @property
    def image(self) -> widgets.Image | Holder:
        """The picture: an ``ipywidgets.Image`` (core) or a holder (fast) whose ``value`` is
        the newest frame's PNG bytes."""
        self.view.picture()  # a frame sent only as changed pixels gets its PNG now
        return self.view.image

    @property
    def values(self) -> dict[str, float]:
        """The current control values by name; a float slider's value without float noise
        (a core slider's 0 may arrive as -1e-17, which a readout would print as -0.00)."""
        return {name: _clean(c.value) for name, c in self.controls.items()}

    @_locked
    def set(self, **values: float | str) -> None:
        """Move several controls at once and redraw once (also how tests drive a figure)."""
        unknown = set(values) - set(self.controls)
        if unknown:
            raise ValueError(tr("unknown control(s) {unknown}; have {have}").format(
                unknown=sorted(unknown), have=list(self.controls)))
        self._holding = True
        try:
            for name, value in values.items():
                self.controls[name].value = value
        finally:
            self._holding = False
        self.refresh()

    def reset(self) -> None:
        """Put every control back to its start value."""
        self.set(**{c.name: c.value for c in self.specs})

    @_locked
    def _from_page(self, values: dict, reply: dict) -> None:
        """Values sent by the page (fast transport): one redraw, answered to that view."""
        values = {k: v for k, v in values.items() if k in self.controls}
        self._reply = reply
        try:
            self.set(**values)
        finally:
            self._reply = None

    # ----- drawing -----
    @_locked
    def redraw(self) -> None:
        """Full redraw: call after a change that is not a moving artist (axis limits...)."""
        canvas = self.figure.canvas
        self._animated = [a for a in self.figure.findobj() if a.get_animated()]
        canvas.draw()
        self._background = np.asarray(canvas.buffer_rgba()).copy()
        self._full = True
        self.refresh()

    @_locked
    def refresh(self) -> None:
        """Run ``update`` for the current values, blit what changed, show the frame.

        Only axes holding an animated artist that ``update`` changed (its ``stale`` flag)
        are restored from the background and redrawn; the rest keep their pixels.
        """
        text = self._update(**self.values)
        canvas = self.figure.canvas
        pixels = np.asarray(canvas.buffer_rgba())  # the canvas itself, writable
        changed = {a.axes for a in self._animated if a.stale}
        if self._full or None in changed:
            pixels[...] = self._background
            changed = {a.axes for a in self._animated}
        else:
            boxes = {ax: self._box(ax) for ax in {a.axes for a in self._animated}}
            changed = _close_over_overlaps(changed, boxes)
            for ax in changed:
                rows, cols = boxes[ax]
                pixels[rows, cols] = self._background[rows, cols]
        for artist in self._animated:
            if artist.axes in changed and artist.get_visible():
                self.figure.draw_artist(artist)
            artist.stale = False
        self._full = False
        self.text = text or ""
        self.view.show(self.text, self.values, self._reply, pixels)

    def _box(self, ax, pad: int = 10) -> tuple[slice, slice]:
        """Pixel rows and columns of an axes, padded: markers and thick lines at its edge
        reach a little beyond it. Numpy slices, not matplotlib's restore_region, which
        places a box one row off when the figure height is fractional (4.6 in)."""
        height, (n_rows, n_cols) = self.figure.bbox.height, self._background.shape[:2]
        x0, y0, x1, y1 = ax.bbox.extents
        rows = slice(max(int(np.floor(height - y1)) - pad, 0),
                     min(int(np.ceil(height - y0)) + pad, n_rows))
        cols = slice(max(int(np.floor(x0)) - pad, 0), min(int(np.ceil(x1)) + pad, n_cols))
        return rows, cols

    def _on_change(self, _change) -> None:
        if not self._holding:
            self.refresh()

    # ----- display -----
    def summary(self) -> str:
        """One deterministic line: the control values (the kernel-less text view)."""
        values = ", ".join(f"{c.symbol} = {_show(self.controls[c.name].value)}"
                           for c in self.specs)
        return tr("Live figure ({values}); run the notebook to move the sliders.").format(values=values)

    def display_bundle(self, headline: str | None = None) -> tuple[dict, dict]:
        """The output stored in the notebook, as ``(data, metadata)``: the live view, and for
        views without a kernel the picture as displayed with its alt text and the readout
        (``text/html``, ``image/png``), and ``text/plain``: ``headline`` (by default
        :meth:`summary`), the alt text and the readout."""
        png = bytes(self.image.value)  # ipywidgets 8 hands back a memoryview
        encoded = base64.b64encode(png).decode("ascii")
        headline = headline or self.summary()
        lines = [headline, tr("Picture: {alt}").format(alt=self.alt), *([self.text] if self.text else [])]
        page = (f'<img src="data:image/png;base64,{encoded}" alt="{html.escape(self.alt)}" '
                'style="max-width: 100%">'
                + (f'<pre class="lecture-static-readout">{html.escape(self.text)}</pre>'
                   if self.text else "")
                + f"<p><em>{html.escape(headline)}</em></p>")
        data = {WIDGET_VIEW: {"version_major": 2, "version_minor": 0,
                              "model_id": self.widget.model_id},
                "text/html": f'<div class="lecture-static-figure">{page}</div>',
                "image/png": encoded, "text/plain": "\n".join(lines)}
        metadata = {}
        if self.transport == "fast":
            self.view.sync()  # a view made from the saved state starts at this picture
            metadata = self.view.view._repr_mimebundle_()[1]  # Colab's widget manager URL
        return data, metadata

    def _repr_mimebundle_(self, include=None, exclude=None):
        return self.display_bundle()

    def __repr__(self):
        return f"LiveFigure(controls={[c.name for c in self.specs]})"


def _close_over_overlaps(changed: set, boxes: dict) -> set:
    """Add every axes whose box overlaps a changed one: restoring a box erases the
    moving artists of its neighbours there, so they are redrawn too."""
    def overlap(a, b):
        (ra, ca), (rb, cb) = boxes[a], boxes[b]
        return ra.start < rb.stop and rb.start < ra.stop and ca.start < cb.stop and cb.start < ca.stop
    changed, grew = set(changed), True
    while grew:
        extra = {ax for ax in boxes if ax not in changed and any(overlap(ax, c) for c in changed)}
        changed |= extra
        grew = bool(extra)
    return changed


def _show(value) -> str:
    return f"{value:g}" if isinstance(value, (int, float)) else str(value)


def _clean(value):
    """``value`` rounded to 12 decimals, with -0.0 made 0.0; anything else as it is."""
    return round(value, 12) + 0.0 if isinstance(value, float) else value
