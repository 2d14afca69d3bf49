"""The shared live-figure helper: controls, blitting, PNG output, display bundle."""

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


def test_png_matches_the_canvas_pixels():
    fig, line, update, _ = line_figure()
    live = LiveFigure(fig, update, [Slider("w", 1.0, -2, 2, 0.5), Slider("b", 0.0, -1, 1, 0.5)])
    pixels = png_pixels(bytes(live.image.value))
    assert pixels.shape == (300, 400, 4)
    assert np.array_equal(pixels, np.asarray(fig.canvas.buffer_rgba()))
    assert encode_png(fig.canvas) == bytes(live.image.value)


def test_moving_a_slider_redraws_and_updates_the_readout():
    fig, line, update, calls = line_figure()
    live = LiveFigure(fig, update, [Slider("w", 1.0, -2, 2, 0.5), Slider("b", 0.0, -1, 1, 0.5)])
    before = live.image.value
    live.controls["w"].value = 2.0
    assert calls[-1] == (2.0, 0.0, "line")
    assert np.allclose(line.get_ydata(), 2.0 * np.linspace(0, 1, 50))
    assert live.image.value != before
    assert "w = 2.00" in live.readout.value


def test_set_moves_several_controls_with_one_redraw_and_reset_restores():
    fig, _, update, calls = line_figure()
    live = LiveFigure(fig, update, [Slider("w", 1.0, -2, 2, 0.5), Slider("b", 0.0, -1, 1, 0.5),
                                    Choice("kind", "line", ("line", "dots"))])
    start, n = live.image.value, len(calls)
    live.set(w=-1.0, b=0.5, kind="dots")
    assert len(calls) == n + 1 and calls[-1] == (-1.0, 0.5, "dots")
    live.reset_button.click()
    assert live.values == {"w": 1.0, "b": 0.0, "kind": "line"}
    assert live.image.value == start


def test_display_bundle_has_widget_static_png_and_deterministic_text():
    fig, _, update, _ = line_figure()
    live = LiveFigure(fig, lambda w11, b: update(w11, b),
                      [Slider("w11", 1.5, -2, 2, 0.5), Slider("b", 0.0, -1, 1, 0.5)])
    bundle = live._repr_mimebundle_()
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == live.widget.model_id
    assert bundle["text/plain"] == ("Live figure (ω₁₁ = 1.5, b = 0); "
                                    "run the notebook to move the sliders.")
    import base64
    assert base64.b64decode(bundle["image/png"]) == bytes(live.image.value)
    live.set(w11=2.0)  # the stored picture is the state at display time
    assert base64.b64decode(live._repr_mimebundle_()["image/png"]) == bytes(live.image.value)


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
