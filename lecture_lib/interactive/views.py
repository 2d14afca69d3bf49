"""How a live figure reaches the page: the fast transport, or the core-widget fallback.

``"fast"`` (the default): one anywidget view (``live_view.js``, no build step, no network)
draws the controls itself. A moved control sends its values as a custom message, at most
two requests in flight and the newest values queued; the kernel answers with the readout
text and the picture as binary buffers, which the page paints together. The picture is the
pixels that changed since the frame before when the page runs on the kernel's machine
(``localhost``: bytes are free there, and the page draws them at once, with no decode), and
the PNG otherwise (a remote kernel, Colab). This passes the ceiling of ipywidgets' own
slider sync, which sends the next value only after the kernel reported idle for the last
one.

``"core"`` (the fallback): ipywidgets' own sliders and buttons driving an
``ipywidgets.Image``, for a frontend where custom widgets cannot load. It is chosen
with ``use_transport("core")``, with ``LECTURE_LIVE_TRANSPORT=core`` in the kernel's
environment, or automatically when anywidget cannot be imported.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

import ipywidgets as widgets
import numpy as np
import traitlets

from ..i18n import tr
from .controls import Choice, KernelControl, Slider
from .keys import shortcut_guard
from .png import changed_spans

TRANSPORTS = ("fast", "core")
_default = {"transport": None}


def use_transport(name: str | None) -> None:
    """Choose the transport of the live figures made from now on: ``"fast"``, ``"core"``,
    or ``None`` for the automatic choice (see the module docstring)."""
    if name is not None and name not in TRANSPORTS:
        raise ValueError(tr("transport must be one of {options} or None, got {name!r}").format(
            options=TRANSPORTS, name=name))
    _default["transport"] = name


def choose_transport(name: str | None = None) -> str:
    """The transport a new live figure uses: ``name``, else :func:`use_transport`'s choice,
    else ``LECTURE_LIVE_TRANSPORT``, else ``"fast"`` when anywidget imports, else ``"core"``."""
    name = name or _default["transport"] or os.environ.get("LECTURE_LIVE_TRANSPORT") or None
    if name is not None and name not in TRANSPORTS:
        raise ValueError(tr("transport must be one of {options}, got {name!r}").format(
            options=TRANSPORTS, name=name))
    if name in (None, "fast"):
        try:
            import anywidget  # noqa: F401
        except ImportError:
            return "core"
        return "fast"
    return name


def page_labels() -> dict:
    """The page's own words, translated here (the page has no catalogue): Reset, its tooltip,
    the aria-label of an editable value (``{label}`` is the control's symbol)."""
    return {"reset": tr("↺ Reset"), "reset_title": tr("Put every slider back to its start value"),
            "value": tr("{label} value")}


class Holder(traitlets.HasTraits):
    """An observable ``value`` (the picture or the readout) kept in the kernel only."""

    value = traitlets.Any()


class CoreView:
    """The fallback: ipywidgets sliders, an Image, a Reset button and an HTML readout.

    Parameters
    ----------
    specs : sequence of Slider or Choice
        The controls, in the order shown.
    columns : int
        Controls per row.
    extras : sequence of ipywidgets.Widget
        Widgets shown under the figure (buttons, a progress bar).
    on_reset : callable
        Called with no argument when Reset is pressed.
    """

    transport = "core"

    def __init__(self, specs: Sequence[Slider | Choice], columns: int,
                 extras: Sequence[widgets.Widget], on_reset: Callable[[], None]) -> None:
        self.controls = {c.name: c.widget() for c in specs}
        self.image = widgets.Image(format="png")
        self.readout = widgets.HTML()
        self.readout.add_class("lecture-readout")
        self.reset_button = widgets.Button(description=tr("Reset"), icon="undo",
                                           tooltip=tr("Put every slider back to its start value"))
        self.reset_button.on_click(lambda _: on_reset())
        grid = widgets.GridBox(
            list(self.controls.values()),
            layout=widgets.Layout(grid_template_columns=f"repeat({columns}, minmax(14em, 1fr))",
                                  grid_gap="2px 16px"))
        footer = widgets.HBox([self.reset_button, self.readout],
                              layout=widgets.Layout(align_items="center", grid_gap="12px"))
        self.widget = widgets.VBox([self.image, *extras, grid, footer, *_guard()])
        self.widget.add_class("lecture-live-figure")  # how the browser tests find a figure

    def show(self, png: bytes, text: str, values: dict, reply: dict | None = None,
             pixels: np.ndarray | None = None) -> None:
        """Show a new frame: its PNG bytes and readout text.

        Parameters
        ----------
        png : bytes
            The picture.
        text : str
            The readout (plain text; shown escaped).
        values : dict
            The control values the frame was drawn for (the fast view echoes them).
        reply : dict, optional
            The page message this frame answers (unused here: ipywidgets syncs the values).
        pixels : numpy.ndarray, optional
            The frame's RGBA pixels (unused here: the Image takes whole PNGs).
        """
        self.image.value = png
        self.readout.value = readout_html(text)


try:
    import anywidget

    class LiveView(anywidget.AnyWidget):
        """The page side of the fast transport; the kernel's state of it is synced once per
        kernel-made frame (``revision``), answers to the page go as custom messages."""

        _esm = Path(__file__).with_name("live_view.js")
        _css = Path(__file__).with_name("live_view.css")
        controls = traitlets.List().tag(sync=True)
        columns = traitlets.Int(2).tag(sync=True)
        alt = traitlets.Unicode().tag(sync=True)
        labels = traitlets.Dict().tag(sync=True)
        png = traitlets.Bytes().tag(sync=True)
        text = traitlets.Unicode().tag(sync=True)
        values = traitlets.Dict().tag(sync=True)
        revision = traitlets.Int(0).tag(sync=True)
except ImportError:  # the core transport needs none of this
    LiveView = None


class FastView:
    """The fast transport: one :class:`LiveView` and the kernel's copy of its controls.

    Parameters
    ----------
    specs, columns, extras, on_reset
        As for :class:`CoreView`.
    alt : str
        The picture's alternative text.
    on_values : callable
        ``on_values(values, reply)`` when the page sends new control values.
    """

    transport = "fast"

    def __init__(self, specs: Sequence[Slider | Choice], columns: int,
                 extras: Sequence[widgets.Widget], alt: str, on_reset: Callable[[], None],
                 on_values: Callable[[dict, dict], None]) -> None:
        self.controls = {c.name: KernelControl(c) for c in specs}
        self.image, self.readout = Holder(value=b""), Holder(value="")
        self.view = LiveView(controls=[c.spec() for c in specs], columns=columns, alt=alt,
                             labels=page_labels())
        self.widget = widgets.VBox([self.view, *extras, *_guard()])
        self.widget.add_class("lecture-live-figure")  # how the browser tests find a figure
        self._on_reset, self._on_values = on_reset, on_values
        self._last = (b"", "", {})
        self._sent = None  # the pixels of the newest frame sent, or None when unknown
        self.view.on_msg(self._message)

    def _message(self, _widget, content: dict, _buffers) -> None:
        kind, reply = content.get("type"), {"view": content.get("view")}
        if kind == "values":
            reply["seq"], reply["raw"] = content.get("seq"), bool(content.get("raw"))
            self._on_values(dict(content.get("values") or {}), reply)
        elif kind == "reset":
            self._on_reset()
        elif kind == "hello":  # a new view: the newest frame, whatever the synced state says
            self._send(*self._last, reply)

    def show(self, png: bytes, text: str, values: dict, reply: dict | None = None,
             pixels: np.ndarray | None = None) -> None:
        """Show a new frame, and send it to the page as the answer to ``reply``.

        Parameters
        ----------
        png, text, values
            As for :meth:`CoreView.show`.
        reply : dict, optional
            The page message this frame answers; None (a frame the kernel made: set, reset, a
            button) puts it in the synced state, which every open view follows.
        pixels : numpy.ndarray, optional
            The frame's RGBA pixels (rows × columns × 4). A page that asked for raw pixels
            (``"raw"`` in its request: the kernel is on its machine, where bytes cost
            nothing) gets only the pixels that differ from the frame before, which it draws
            at once; any other page gets the PNG, which it must decode first.
        """
        self.image.value = png
        self.readout.value = readout_html(text)
        self._last = (png, text, values)
        if reply is None:  # made by the kernel (set, reset, a button): every view follows
            self.sync()
        elif pixels is not None and reply.get("raw") and self._sent is not None \
                and self._sent.shape == pixels.shape:
            spans, changed = changed_spans(self._sent, pixels)
            height, width = pixels.shape[:2]
            self.view.send({"type": "frame", "text": text, "values": values,
                            **_answer(reply), "size": [width, height]},
                           [spans.tobytes(), changed])
        else:
            self._send(png, text, values, reply)
        self._sent = None if pixels is None else pixels.copy()  # what every open view shows

    def sync(self) -> None:
        """Put the newest frame into the synced state (also what a saved widget state holds)."""
        png, text, values = self._last
        with self.view.hold_sync():
            self.view.png, self.view.text, self.view.values = png, text, values
            self.view.revision += 1

    def _send(self, png: bytes, text: str, values: dict, reply: dict) -> None:
        self.view.send({"type": "frame", "text": text, "values": values, **_answer(reply)},
                       [png])


def _answer(reply: dict) -> dict:
    """What names the request a frame answers (its view and number), for the page."""
    return {k: v for k, v in reply.items() if k in ("view", "seq")}


def _guard() -> list:
    """The invisible widget that keeps Notebook 7's arrow-key shortcuts off the figure
    (``keys.py``), as a list: empty where anywidget is missing."""
    guard = shortcut_guard()
    return [guard] if guard is not None else []


def readout_html(text: str | None) -> str:
    """The readout as the HTML of the core transport (and of ``readout.value``)."""
    import html

    if not text:
        return ""
    return ('<div style="font-family: var(--jp-code-font-family, monospace); '
            f'font-size: 14px; white-space: pre; line-height: 1.4">{html.escape(text)}</div>')
