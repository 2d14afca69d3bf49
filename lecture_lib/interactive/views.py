"""How a live figure reaches the page: the fast transport, or the core-widget fallback.

``"fast"`` (the default): one anywidget view (``live_view.js``, no build step, no network)
draws the controls itself. A moved control sends its values, at most two requests in
flight and the newest values queued; the kernel answers with the readout text and the
picture, which the page paints together. A page on the kernel's machine talks to the
kernel over the direct channel (``direct.py``: one WebSocket of the kernel's own) and gets
the pixels that changed since the frame before, which it draws at once, with no decode;
any other page (a remote kernel, Colab) sends custom messages and gets the PNG. Either way
this passes the ceiling of ipywidgets' own slider sync, which sends the next value only
after the kernel reported idle for the last one.

``"core"`` (the fallback, where custom widgets cannot load): ipywidgets' own sliders and
buttons driving an ``ipywidgets.Image``. Chosen by ``use_transport("core")``, by
``LECTURE_LIVE_TRANSPORT=core``, or when anywidget cannot be imported.
"""

from __future__ import annotations

import os
import secrets
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import ipywidgets as widgets
import numpy as np
import traitlets

from ..i18n import tr
from .controls import Choice, KernelControl, Slider
from .keys import shortcut_guard
from .direct import Socket, channel, pack
from .png import changed_spans, encode_png

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

    def show(self, text: str, values: dict, reply: dict | None, pixels: np.ndarray) -> None:
        """Show a new frame: its picture and readout text.

        Parameters
        ----------
        text : str
            The readout (plain text; shown escaped).
        values : dict
            The control values the frame was drawn for (the fast view echoes them).
        reply : dict, optional
            The page message this frame answers (unused here: ipywidgets syncs the values).
        pixels : numpy.ndarray
            The frame's RGBA pixels (rows × columns × 4), shown as PNG.
        """
        self.image.value = encode_png(pixels)
        self.readout.value = readout_html(text)

    def picture(self) -> None:
        """The Image always holds the newest PNG: nothing to do."""


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
        self._last = ("", {})  # the newest frame's readout and values
        self._sent = None  # the newest frame's pixels: what every connected page shows
        self._png = None  # its PNG, once encoded
        self._sockets: set = set()  # pages connected over the direct channel (direct.py)
        self._lock = threading.RLock()
        self.key = secrets.token_hex(8)  # this view's name on the direct channel
        self.view.on_msg(self._message)

    def _message(self, _widget, content: dict, _buffers) -> None:
        kind, reply = content.get("type"), {"view": content.get("view")}
        if kind == "values":
            reply["seq"] = content.get("seq")
            self._on_values(dict(content.get("values") or {}), reply)
        elif kind == "reset":
            self._on_reset()
        elif kind == "hello":  # a new view: the newest frame, whatever the synced state says
            direct = channel() if content.get("socket") else None
            if direct is not None:  # a page on this machine: where to connect
                direct.views[self.key] = self
                reply["socket"] = direct.url(self.key)
            self._send(reply)

    # ----- the direct channel (direct.py) -----
    def attach(self, socket: Socket) -> None:
        """A page connected over the direct channel: it gets the newest frame, whole."""
        with self._lock:
            self._sockets.add(socket)
            (text, values), png = self._last, self.picture()
            socket.channel.post(socket, pack({"type": "frame", "text": text,
                                              "values": values}, [png]))

    def detach(self, socket: Socket) -> None:
        """A page's connection closed."""
        with self._lock:
            self._sockets.discard(socket)

    def from_socket(self, content: dict, socket: Socket) -> None:
        """A message from a connected page (in the direct channel's thread)."""
        if content.get("type") == "values":
            self._on_values(dict(content.get("values") or {}),
                            {"seq": content.get("seq"), "socket": socket})
        elif content.get("type") == "reset":
            self._on_reset()

    def show(self, text: str, values: dict, reply: dict | None, pixels: np.ndarray) -> None:
        """Show a new frame, and send it to the page as the answer to ``reply``.

        Parameters
        ----------
        text, values
            As for :meth:`CoreView.show`.
        reply : dict, optional
            The page message this frame answers; None (a frame the kernel made: set, reset, a
            button) puts it in the synced state, which every open view follows.
        pixels : numpy.ndarray
            The frame's RGBA pixels (rows × columns × 4). Pages on the direct channel get
            the pixels that changed, drawn at once; the others the PNG, decoded first (made
            only when asked for, :meth:`picture`, if only the direct channel needs the frame).
        """
        with self._lock:
            self.readout.value = readout_html(text)
            if self._sockets:
                self._post(text, values, reply, pixels)
            if self._sent is None or self._sent.shape != pixels.shape:
                self._sent = pixels.copy()
            else:
                np.copyto(self._sent, pixels)
            self._last, self._png = (text, values), None
            if reply is None:  # made by the kernel (set, reset, a button): every view follows
                self.sync()
            elif "socket" not in reply:
                self._send(reply)

    def picture(self) -> bytes:
        """The newest frame's PNG (also in ``image.value``), encoded on first use."""
        with self._lock:
            if self._png is None:
                self._png = b"" if self._sent is None else encode_png(self._sent)
                self.image.value = self._png
            return self._png

    def _post(self, text: str, values: dict, reply: dict | None, pixels: np.ndarray) -> None:
        """The frame to every connected page, in order: the changed pixels, else the PNG."""
        header = {"type": "frame", "text": text, "values": values}
        if self._sent is not None and self._sent.shape == pixels.shape:
            spans, changed = changed_spans(self._sent, pixels)
            header["size"] = [pixels.shape[1], pixels.shape[0]]
            buffers = [spans.tobytes(), changed]
        else:
            buffers = [encode_png(pixels)]
        asker = (reply or {}).get("socket")
        for socket in list(self._sockets):
            answer = {"seq": reply["seq"]} if socket is asker else {}
            socket.channel.post(socket, pack({**header, **answer}, buffers))

    def sync(self) -> None:
        """Put the newest frame into the synced state (also what a saved widget state holds)."""
        with self.view.hold_sync():
            png, (text, values) = self.picture(), self._last
            self.view.png, self.view.text, self.view.values = png, text, values
            self.view.revision += 1

    def _send(self, reply: dict) -> None:
        """The newest frame, as PNG, in a custom message answering ``reply``."""
        (text, values), png = self._last, self.picture()
        self.view.send({"type": "frame", "text": text, "values": values, **reply}, [png])


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
