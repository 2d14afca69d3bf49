"""The direct channel: a page on the kernel's machine talks to its live figures over a
WebSocket of the kernel's own, not through Jupyter's messages.

Why: every Jupyter message to the kernel makes it report busy and then idle, and the page
(JupyterLab, Notebook 7, Voilà) redraws its kernel indicators, status bar and favicon for
each report; with the relay through the Jupyter server that costs more than drawing the
figure. Over this channel a slider move is one small message, answered by one message with
the pixels that changed.

- The server starts when the first page asks for it (a ``hello`` with ``"socket": true``,
  sent only by a page served from ``localhost``), in a daemon thread of the kernel. It
  listens on 127.0.0.1 only, on a free port, and accepts a connection only with the
  kernel's random token in its path and from a page of this machine (its ``Origin``).
- A connected page gets every frame of its figure over the socket, in the order the kernel
  made them: first the whole PNG, then the pixels that changed (:func:`changed_spans`).
- Frames are drawn in this thread; the figure's lock keeps them apart from the cells' own
  calls (``set``, ``reset``, a button).
- A page that cannot connect (a remote kernel, Colab, a proxy) keeps Jupyter's messages.

Message formats: page → kernel, JSON text ``{"type": "values", "seq": n, "values": {...}}``;
kernel → page, one binary message: a 4-byte little-endian header length, the JSON header
(``"lengths"`` gives the byte length of each buffer), then the buffers.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
import struct
import threading
import weakref
from urllib.parse import urlparse

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}


def pack(header: dict, buffers: list[bytes]) -> bytes:
    """One binary message: header length, JSON header (with the buffers' lengths), buffers."""
    buffers = [bytes(b) for b in buffers]
    text = json.dumps({**header, "lengths": [len(b) for b in buffers]}).encode()
    text += b" " * (-len(text) % 4)  # the buffers start on 4-byte boundaries: 32-bit views
    return b"".join([struct.pack("<I", len(text)), text, *buffers])


def unpack(message: bytes) -> tuple[dict, list[bytes]]:
    """The inverse of :func:`pack` (what the page does, for tests)."""
    (size,) = struct.unpack_from("<I", message)
    header = json.loads(message[4:4 + size])
    buffers, at = [], 4 + size
    for length in header.pop("lengths"):
        buffers.append(message[at:at + length])
        at += length
    return header, buffers


class Channel:
    """The kernel's WebSocket server for live figures (one per kernel: :func:`channel`)."""

    def __init__(self) -> None:
        self.token = secrets.token_urlsafe(24)
        self.views: weakref.WeakValueDictionary = weakref.WeakValueDictionary()
        self.loop, self.port = None, None
        ready = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(ready,), daemon=True,
                                        name="lecture-live-direct")
        self._thread.start()
        if not ready.wait(10) or self.port is None:
            raise RuntimeError("the live figures' direct channel did not start")

    def _run(self, ready: threading.Event) -> None:
        from tornado.httpserver import HTTPServer
        from tornado.ioloop import IOLoop
        from tornado.netutil import bind_sockets
        from tornado.web import Application

        asyncio.set_event_loop(asyncio.new_event_loop())
        try:
            sockets = bind_sockets(0, "127.0.0.1")
            app = Application([(r"/live/([\w-]+)/(\w+)", Socket, {"channel": self})])
            HTTPServer(app).add_sockets(sockets)
            self.port = sockets[0].getsockname()[1]
            self.loop = IOLoop.current()
        finally:
            ready.set()
        self.loop.start()

    def url(self, key: str) -> str:
        """Where the page of view ``key`` connects."""
        return f"ws://127.0.0.1:{self.port}/live/{self.token}/{key}"

    def post(self, socket: Socket, message: bytes) -> None:
        """Send from any thread; messages leave in the order they were posted."""
        self.loop.add_callback(socket.send, message)


_channel: dict = {}
_channel_lock = threading.Lock()


def channel() -> Channel | None:
    """The kernel's channel, started on first use; None where it cannot start."""
    with _channel_lock:
        if "it" not in _channel:
            try:
                _channel["it"] = Channel()
            except Exception:  # no tornado, no socket: the page keeps Jupyter's messages
                _channel["it"] = None
        return _channel["it"]


try:
    from tornado.websocket import WebSocketClosedError, WebSocketHandler
except ImportError:  # pragma: no cover - ipykernel depends on tornado
    WebSocketHandler = object

    class WebSocketClosedError(Exception):
        pass


class Socket(WebSocketHandler):
    """One page's connection to one live figure's view."""

    def initialize(self, channel: Channel) -> None:
        """Tornado's constructor hook: the channel this connection belongs to."""
        self.channel, self.view = channel, None

    def check_origin(self, origin: str) -> bool:
        """Only a page served from this machine may connect."""
        return urlparse(origin).hostname in LOCAL_HOSTS

    def open(self, token: str, key: str) -> None:
        """A page connects to view ``key``: with the kernel's token it gets the newest frame."""
        view = self.channel.views.get(key)
        if not secrets.compare_digest(token, self.channel.token) or view is None:
            self.close(4403, "unknown live figure")
            return
        self.view = view
        view.attach(self)

    def on_message(self, message: str | bytes) -> None:
        """A page's request (JSON); anything else is ignored."""
        try:
            content = json.loads(message)
        except (TypeError, ValueError):
            return
        if self.view is not None and isinstance(content, dict):
            self.view.from_socket(content, self)

    def on_close(self) -> None:
        """The page went away (closed, reloaded): no more frames for it."""
        if self.view is not None:
            self.view.detach(self)

    def send(self, message: bytes) -> None:
        """Write one frame (on the channel's thread; see :meth:`Channel.post`)."""
        with contextlib.suppress(WebSocketClosedError):  # closed meanwhile: nobody to tell
            self.write_message(message, binary=True)
