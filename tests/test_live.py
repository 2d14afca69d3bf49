"""The shared live-figure helper: controls, blitting, PNG output, display bundle."""

import json
import threading
import zlib

import numpy as np
import pytest

from lecture_lib.interactive import Choice, LiveFigure, Slider, encode_png, math_label
from lecture_lib.plots import new_figure


def png_pixels(data: bytes) -> np.ndarray:
    """Decode our PNG (RGBA, filter 0) without a third-party decoder."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks = 8, {}
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        tag = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        assert zlib.crc32(tag + body) == int.from_bytes(data[pos + 8 + length:pos + 12 + length], "big")
        chunks.setdefault(tag, b"")
        chunks[tag] += body
        pos += 12 + length
    width, height = int.from_bytes(chunks[b"IHDR"][:4], "big"), int.from_bytes(chunks[b"IHDR"][4:8], "big")
    rows = np.frombuffer(zlib.decompress(chunks[b"IDAT"]), np.uint8).reshape(height, 1 + 4 * width)
    assert np.all(rows[:, 0] == 0)
    return rows[:, 1:].reshape(height, width, 4)


def line_figure():
    fig = new_figure(4, 3)
    ax = fig.add_subplot()
    ax.set(xlim=(0, 1), ylim=(-5, 5))
    x = np.linspace(0, 1, 50)
    (line,) = ax.plot(x, x, animated=True)
    calls = []

    def update(w, b, kind="line"):
        calls.append((w, b, kind))
        line.set_ydata(w * x + b)
        return f"w = {w:.2f}\nkind = {kind}"
    return fig, line, update, calls


TRANSPORTS = ("fast", "core")


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_png_matches_the_canvas_pixels(transport):
    fig, line, update, _ = line_figure()
    live = LiveFigure(fig, update, [Slider("w", 1.0, -2, 2, 0.5), Slider("b", 0.0, -1, 1, 0.5)],
                      transport=transport)
    assert live.transport == transport
    pixels = png_pixels(bytes(live.image.value))
    assert pixels.shape == (300, 400, 4)
    assert np.array_equal(pixels, np.asarray(fig.canvas.buffer_rgba()))
    assert encode_png(fig.canvas) == bytes(live.image.value)


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_moving_a_slider_redraws_and_updates_the_readout(transport):
    fig, line, update, calls = line_figure()
    live = LiveFigure(fig, update, [Slider("w", 1.0, -2, 2, 0.5), Slider("b", 0.0, -1, 1, 0.5)],
                      transport=transport)
    before = live.image.value
    live.controls["w"].value = 2.0
    assert calls[-1] == (2.0, 0.0, "line")
    assert np.allclose(line.get_ydata(), 2.0 * np.linspace(0, 1, 50))
    assert live.image.value != before
    assert "w = 2.00" in live.readout.value and live.text == "w = 2.00\nkind = line"


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_float_noise_in_a_slider_value_never_reaches_the_readout(transport):
    """ipywidgets' slider can hand back 0 as -1e-17 (step arithmetic in the page): update
    gets 0.0, and the readout says 0.00, never -0.00."""
    fig, _, update, calls = line_figure()
    live = LiveFigure(fig, update, [Slider("w", 1.0, -2, 2, 0.01), Slider("b", 0.0, -1, 1, 0.01)],
                      transport=transport)
    live.controls["w"].value = -1e-17
    assert calls[-1][0] == 0.0 and str(calls[-1][0]) == "0.0"
    assert "w = 0.00" in live.text
    live.controls["w"].value = 0.30000000000000004
    assert calls[-1][0] == 0.3


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_set_moves_several_controls_with_one_redraw_and_reset_restores(transport):
    fig, _, update, calls = line_figure()
    live = LiveFigure(fig, update, [Slider("w", 1.0, -2, 2, 0.5), Slider("b", 0.0, -1, 1, 0.5),
                                    Choice("kind", "line", ("line", "dots"))], transport=transport)
    start, n = live.image.value, len(calls)
    live.set(w=-1.0, b=0.5, kind="dots")
    assert len(calls) == n + 1 and calls[-1] == (-1.0, 0.5, "dots")
    if transport == "core":
        live.reset_button.click()
    else:
        page_message(live, {"type": "reset", "view": "v1"})
    assert live.values == {"w": 1.0, "b": 0.0, "kind": "line"}
    assert live.image.value == start


def page_message(live, content):
    """Deliver a custom message from the page to the fast view; return what it sent back."""
    sent = []
    live.view.view.send = lambda content, buffers=None: sent.append((content, buffers))
    live.view.view._handle_custom_msg(content, [])
    return sent


def test_page_values_are_answered_with_the_full_redraw_png_and_readout():
    fig, _, update, calls = line_figure()
    live = LiveFigure(fig, update, [Slider("w", 1.0, -2, 2, 0.5), Slider("b", 0.0, -1, 1, 0.5),
                                    Choice("kind", "line", ("line", "dots"))])
    revision = live.view.view.revision
    sent = page_message(live, {"type": "values", "view": "v1", "seq": 7,
                               "values": {"w": 2, "b": -0.5, "kind": "dots"}})
    assert calls[-1] == (2.0, -0.5, "dots") and type(calls[-1][0]) is float
    [(content, buffers)] = sent
    assert content == {"type": "frame", "view": "v1", "seq": 7, "text": "w = 2.00\nkind = dots",
                       "values": {"w": 2.0, "b": -0.5, "kind": "dots"}}
    fresh_fig, _, fresh_update, _ = line_figure()
    fresh = LiveFigure(fresh_fig, fresh_update, [Slider("w", 2.0, -2, 2, 0.5),
                                                 Slider("b", -0.5, -1, 1, 0.5),
                                                 Choice("kind", "dots", ("line", "dots"))])
    assert bytes(buffers[0]) == bytes(fresh.image.value) == bytes(live.image.value)
    # An answer to one page goes to that page only: the synced state is left alone.
    assert live.view.view.revision == revision


def test_page_values_are_clamped_and_unknown_names_ignored():
    fig, _, _, _ = line_figure()
    calls = []
    live = LiveFigure(fig, lambda n, b: calls.append((n, b)) or f"n = {n}",
                      [Slider("n", 3, 1, 10, 1), Slider("b", 0.0, -1, 1, 0.5)], transport="fast")
    sent = page_message(live, {"type": "values", "view": "v1", "seq": 1,
                               "values": {"n": 99.0, "b": -5, "other": 1}})
    assert calls[-1] == (10, -1.0) and type(calls[-1][0]) is int
    assert sent[0][0]["values"] == {"n": 10, "b": -1.0}


def test_kernel_made_frames_go_to_every_view_through_the_synced_state():
    fig, _, update, _ = line_figure()
    live = LiveFigure(fig, update, [Slider("w", 1.0, -2, 2, 0.5), Slider("b", 0.0, -1, 1, 0.5)])
    view, revision = live.view.view, live.view.view.revision
    live.set(w=0.5)
    assert view.revision == revision + 1
    assert bytes(view.png) == bytes(live.image.value) and view.values == {"w": 0.5, "b": 0.0}
    assert view.text == "w = 0.50\nkind = line"
    # A newly rendered view asks for the newest frame.
    sent = page_message(live, {"type": "hello", "view": "v9"})
    assert sent[0][0]["view"] == "v9" and bytes(sent[0][1][0]) == bytes(live.image.value)


def test_page_controls_are_described_for_the_page():
    fig, _, update, _ = line_figure()
    live = LiveFigure(fig, lambda w, kind, **_: update(w, 0, kind),
                      [Slider("w", 1.0, -2, 2, 0.25), Slider("n", 3, 1, 9, 1),
                                    Choice("kind", "line", ("line", "dots")),
                       Choice("lam", "0", ("0", "1"), slider=True)], columns=3)
    w, n, kind, lam = live.view.view.controls
    assert w == {"kind": "slider", "name": "w", "label": "ω", "value": 1.0, "min": -2.0,
                 "max": 2.0, "step": 0.25, "decimals": 2}
    assert n["decimals"] == 0 and type(n["value"]) is int
    assert kind["kind"] == "toggle" and lam["kind"] == "steps" and live.view.view.columns == 3
    assert "lecture-live-figure" in live.widget._dom_classes


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_display_bundle_has_widget_static_picture_alt_text_and_readout(transport):
    fig, _, update, _ = line_figure()
    fig.axes[0].set(title="A line", xlabel="$x$", ylabel=r"$\mathrm{output}\ y$")
    live = LiveFigure(fig, lambda w11, b: update(w11, b),
                      [Slider("w11", 1.5, -2, 2, 0.5), Slider("b", 0.0, -1, 1, 0.5)],
                      transport=transport)
    bundle, metadata = live._repr_mimebundle_()
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == live.widget.model_id
    assert bundle["text/plain"] == ("Live figure (ω₁₁ = 1.5, b = 0); run the notebook to move "
                                    "the sliders.\nPicture: A line (output y against x)\n"
                                    "w = 1.50\nkind = line")
    import base64
    assert base64.b64decode(bundle["image/png"]) == bytes(live.image.value)
    page = bundle["text/html"]
    assert f'src="data:image/png;base64,{bundle["image/png"]}"' in page
    assert 'alt="A line (output y against x)"' in page and "w = 1.50\nkind = line" in page
    live.set(w11=2.0)  # the stored picture is the state at display time
    assert base64.b64decode(live._repr_mimebundle_()[0]["image/png"]) == bytes(live.image.value)
    assert metadata == {}  # outside Colab
    custom = LiveFigure(fig, lambda w11, b: update(w11, b), [Slider("w11", 1.5, -2, 2, 0.5),
                        Slider("b", 0.0, -1, 1, 0.5)], alt="a line y = ω₁₁x + b")
    assert "Picture: a line y = ω₁₁x + b" in custom.display_bundle()[0]["text/plain"]


def test_transport_choice(monkeypatch):
    from lecture_lib.interactive import choose_transport, use_transport

    monkeypatch.delenv("LECTURE_LIVE_TRANSPORT", raising=False)
    assert choose_transport() == "fast"
    monkeypatch.setenv("LECTURE_LIVE_TRANSPORT", "core")
    assert choose_transport() == "core" and choose_transport("fast") == "fast"
    use_transport("fast")
    try:
        assert choose_transport() == "fast"
    finally:
        use_transport(None)
    with pytest.raises(ValueError, match="transport"):
        use_transport("websocket")
    monkeypatch.setitem(__import__("sys").modules, "anywidget", None)  # cannot be imported
    monkeypatch.delenv("LECTURE_LIVE_TRANSPORT")
    assert choose_transport() == "core"


def test_sliders_use_int_or_float_widgets_and_math_labels():
    assert type(Slider("n", 3, 1, 10, 1).widget()).__name__ == "IntSlider"
    widget = Slider("w12", 0.5, -1, 1, 0.05).widget()
    assert type(widget).__name__ == "FloatSlider"
    assert widget.description == "ω₁₂" and widget.readout_format == ".2f"
    assert [math_label(n) for n in ("b4", "eta", "lam", "alpha", "x")] == ["b₄", "η", "λ", "α", "x"]
    assert Slider("w", 1, 0, 2, 1, label="w").widget().description == "w"
    steps = Choice("lam", "0", ("0", "1e-4", "1"), label="λ", slider=True).widget()
    assert type(steps).__name__ == "SelectionSlider" and steps.options == ("0", "1e-4", "1")
    assert type(Choice("act", "relu", ("relu", "tanh")).widget()).__name__ == "ToggleButtons"


@pytest.mark.parametrize("kwargs, message", [
    (dict(name="not a name", value=0, min=0, max=1, step=1), "identifier"),
    (dict(name="w", value=5, min=0, max=1, step=0.1), "must lie in"),
    (dict(name="w", value=0.5, min=0, max=1, step=0), "step"),
])
def test_bad_sliders_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Slider(**kwargs)


def test_bad_live_figure_arguments_are_refused():
    fig, _, update, _ = line_figure()
    with pytest.raises(TypeError, match="figure"):
        LiveFigure("not a figure", update, [])
    with pytest.raises(TypeError, match="update"):
        LiveFigure(fig, None, [])
    with pytest.raises(ValueError, match="unique"):
        LiveFigure(fig, update, [Slider("w", 0, 0, 1, 1), Slider("w", 0, 0, 1, 1)])
    with pytest.raises(ValueError, match="one of"):
        Choice("kind", "other", ("line", "dots"))
    live = LiveFigure(fig, update, [Slider("w", 1.0, -2, 2, 0.5), Slider("b", 0.0, -1, 1, 0.5)])
    with pytest.raises(ValueError, match="unknown control"):
        live.set(q=1)
    with pytest.raises(TypeError, match="alt"):
        LiveFigure(fig, update, [], alt=3)


@pytest.mark.parametrize("height", [3.0, 4.6, 3.33])
def test_partial_redraw_equals_a_fresh_draw_for_any_figure_height(height):
    """4.6 in is 459.99999999999994 px: the restored box must still cover the bottom row."""
    def build():
        fig = new_figure(4, height)
        axes = fig.subplots(1, 2)
        x = np.linspace(0, 1, 50)
        lines = []
        for ax in axes:
            ax.set(xlim=(0, 1), ylim=(0, 1))
            lines.append(ax.plot(x, 0 * x, lw=4, animated=True)[0])   # along the bottom edge

        def update(a, b):
            lines[0].set_ydata(a * x)
            lines[1].set_ydata(b * x)
        return fig, update

    fig, update = build()
    live = LiveFigure(fig, update, [Slider("a", 0.0, 0, 1, 0.5), Slider("b", 0.0, 0, 1, 0.5)])
    live.set(a=1.0)            # only the left axes is redrawn
    fresh_fig, fresh_update = build()
    LiveFigure(fresh_fig, fresh_update, [Slider("a", 1.0, 0, 1, 0.5), Slider("b", 0.0, 0, 1, 0.5)])
    assert np.array_equal(np.asarray(fig.canvas.buffer_rgba()),
                          np.asarray(fresh_fig.canvas.buffer_rgba()))


def test_alt_texts_spell_accents_on_symbols_and_letters():
    from lecture_lib.interactive.alt_text import _plain

    assert _plain(r"$\hat{p} = \sigma(z)$") == "p̂ = σ(z)"
    assert _plain(r"coefficient $\hat\beta_j$") == "coefficient β̂_j"
    assert _plain(r"$\bar f(x)$, $\hat y$") == "f\u0304(x), y\u0302"


def _apply_changes(picture: np.ndarray, buffers) -> np.ndarray:
    """What the page does with a frame of changed pixels (live_view.js, drawChanges)."""
    words = picture.reshape(-1, 4).view(np.uint32).ravel().copy()
    spans, changed = (np.frombuffer(bytes(b), np.uint32) for b in buffers)
    at = 0
    for start, length in spans.reshape(-1, 2):
        words[start:start + length] = changed[at:at + length]
        at += length
    return words.view(np.uint8).reshape(picture.shape)


def test_a_page_on_the_kernels_machine_talks_over_the_direct_channel():
    import asyncio

    from tornado.httpclient import HTTPClientError, HTTPRequest
    from tornado.websocket import websocket_connect

    from lecture_lib.interactive.direct import unpack

    fig, _, update, _ = line_figure()
    live = LiveFigure(fig, update, [Slider("w", 1.0, -2, 2, 0.5), Slider("b", 0.0, -1, 1, 0.5)])
    canvas = lambda: np.asarray(live.figure.canvas.buffer_rgba()).copy()  # noqa: E731
    [(hello, _)] = page_message(live, {"type": "hello", "view": "v1", "socket": True})
    url = hello["socket"]
    assert url.startswith("ws://127.0.0.1:") and url.endswith(live.view.key)
    [(remote, _)] = page_message(live, {"type": "hello", "view": "v2"})
    assert "socket" not in remote  # a page elsewhere keeps Jupyter's messages

    def connect(address, origin="http://localhost:8888"):
        return websocket_connect(HTTPRequest(address, headers={"Origin": origin}))

    async def session():
        socket = await connect(url)
        header, [png] = unpack(await socket.read_message())  # first the whole picture
        assert png == bytes(live.image.value) and "size" not in header
        shown = canvas()
        for seq, w in enumerate((1.5, -0.5, 2.0), start=1):
            socket.write_message(json.dumps({"type": "values", "seq": seq, "values": {"w": w}}))
            header, buffers = unpack(await socket.read_message())
            assert header["seq"] == seq and header["text"] == f"w = {w:.2f}\nkind = line"
            assert len(buffers[1]) < shown.nbytes / 4  # only what changed
            shown = _apply_changes(shown, buffers)
            assert np.array_equal(shown, canvas())
        # A frame the kernel makes (Reset from the page, a cell) comes the same way, in order.
        assert page_message(live, {"type": "reset", "view": "v1"}) == []
        header, buffers = unpack(await socket.read_message())
        assert "seq" not in header and header["values"] == {"w": 1.0, "b": 0.0}
        assert np.array_equal(_apply_changes(shown, buffers), canvas())
        socket.close()
        # Only with the kernel's token, and only from a page on this machine.
        stranger = await connect(url.replace(url.split("/")[-2], "not-the-token"))
        assert await stranger.read_message() is None and stranger.close_code == 4403
        stranger.close()
        with pytest.raises(HTTPClientError, match="403"):
            await connect(url, origin="https://example.org")

    # In its own thread and loop: in the full suite a loop may already run in this one.
    failures = []

    def run():
        try:
            asyncio.run(session())
        except BaseException as error:  # noqa: BLE001 - re-raised in the test's thread
            failures.append(error)
    thread = threading.Thread(target=run)
    thread.start()
    thread.join(60)
    assert not thread.is_alive(), "the direct-channel session did not finish in 60 s"
    if failures:
        raise failures[0]


