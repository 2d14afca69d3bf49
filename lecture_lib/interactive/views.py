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

``"core"`` (the fallback): ipywidgets' own sliders and buttons driving an
``ipywidgets.Image``, for a frontend where custom widgets cannot load. It is chosen
with ``use_transport("core")``, with ``LECTURE_LIVE_TRANSPORT=core`` in the kernel's
environment, or automatically when anywidget cannot be imported.
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
        self._sent = None  # the newest frame's pixels: what every connected page shows
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
            with self._lock:
                self._send(*self._last, reply)

    # ----- the direct channel (direct.py) -----
    def attach(self, socket: Socket) -> None:
        """A page connected over the direct channel: it gets the newest frame, whole."""
        with self._lock:
            self._sockets.add(socket)
            png, text, values = self._last
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
            The frame's RGBA pixels (rows × columns × 4). Pages connected over the direct
            channel get every frame as the pixels that differ from the frame before, which
            they draw at once; the others get the PNG, which they must decode first.
        """
        with self._lock:
            self.image.value = png
            self.readout.value = readout_html(text)
            self._last = (png, text, values)
            if self._sockets:
                self._post(png, text, values, reply, pixels)
            if reply is None:  # made by the kernel (set, reset, a button): every view follows
                self.sync()
            elif "socket" not in reply:
                self._send(png, text, values, reply)
            self._sent = None if pixels is None else pixels.copy()

    def _post(self, png: bytes, text: str, values: dict, reply: dict | None,
              pixels: np.ndarray | None) -> None:
        """The frame to every connected page, in order: the changed pixels, else the PNG."""
        header = {"type": "frame", "text": text, "values": values}
        if pixels is not None and self._sent is not None and self._sent.shape == pixels.shape:
            spans, changed = changed_spans(self._sent, pixels)
            header["size"] = [pixels.shape[1], pixels.shape[0]]
            buffers = [spans.tobytes(), changed]
        else:
            buffers = [png]
        asker = (reply or {}).get("socket")
        for socket in list(self._sockets):
            answer = {"seq": reply["seq"]} if socket is asker else {}
            socket.channel.post(socket, pack({**header, **answer}, buffers))

    def sync(self) -> None:
        """Put the newest frame into the synced state (also what a saved widget state holds)."""
        png, text, values = self._last
        with self.view.hold_sync():
            self.view.png, self.view.text, self.view.values = png, text, values
            self.view.revision += 1

    def _send(self, png: bytes, text: str, values: dict, reply: dict) -> None:
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
