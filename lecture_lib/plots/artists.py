"""The artists live figures share: ones that redraw in about a millisecond.

:class:`HeatImage` (a heat map by lookup table), :class:`NumberLabels` (numbers from cached
glyph bitmaps) and :class:`CachedCanvas` (an Agg canvas that keeps its full draws by name).
:mod:`lecture_lib.plots.style` re-exports them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import matplotlib
import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.cm import ScalarMappable
from matplotlib.colors import Normalize, to_rgb, to_rgba
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont, get_font

__all__ = ["CachedCanvas", "HeatImage", "NumberLabels"]


class HeatImage(Artist):
    """A heat map that redraws in ~1 ms: values → colours by lookup table, no resampling.

    ``imshow`` colour-maps and resamples on every draw (~3 ms per panel); this artist
    maps values in ``[vmin, vmax]`` through a 256-colour table and repeats pixels
    (nearest neighbour) to fill the axes box exactly. Row 0 of ``values`` is the bottom
    of the axes (``origin="lower"``), matching ``np.meshgrid`` over increasing y.

    Parameters
    ----------
    ax : Axes
        The axes whose x–y box the picture fills (the artist adds itself to them).
    vmin, vmax : float
        The values mapped to the first and the last colour.
    cmap : str
        A matplotlib colour-map name.
    """

    def __init__(self, ax: Axes, vmin: float, vmax: float, cmap: str = "RdBu_r") -> None:
        super().__init__()
        self.axes_box, self.vmin, self.vmax = ax, float(vmin), float(vmax)
        self.cmap = matplotlib.colormaps[cmap]
        self.lut = (self.cmap(np.linspace(0, 1, 256)) * 255).astype(np.uint8)
        self.codes = np.zeros((2, 2), dtype=np.uint8)
        self.set_animated(True)
        ax.add_artist(self)

    def set_values(self, values: np.ndarray) -> None:
        """Show ``values`` (a 2-D array over the axes' x–y box)."""
        scaled = (np.asarray(values, dtype=float) - self.vmin) * (255.0 / (self.vmax - self.vmin))
        codes = np.clip(scaled, 0, 255).astype(np.uint8)
        if codes.shape != self.codes.shape or not np.array_equal(codes, self.codes):
            self.codes = codes
            self.stale = True  # only a changed picture is redrawn by a LiveFigure

    def mappable(self) -> ScalarMappable:
        """For ``fig.colorbar``: the same colours and limits."""
        return ScalarMappable(Normalize(self.vmin, self.vmax), self.cmap)

    def draw(self, renderer: RendererBase) -> None:
        """Paint the colour codes into the axes box, pixel for pixel (matplotlib calls this)."""
        x0, y0, x1, y1 = np.round(self.axes_box.bbox.extents).astype(int)
        rows = (np.arange(y1 - y0) * self.codes.shape[0]) // (y1 - y0)
        cols = (np.arange(x1 - x0) * self.codes.shape[1]) // (x1 - x0)
        gc = renderer.new_gc()
        renderer.draw_image(gc, x0, y0, self.lut[self.codes[rows][:, cols]])
        gc.restore()
        self.stale = False


class NumberLabels(Artist):
    """Short numbers centred on fixed data points, drawn from cached glyph bitmaps.

    A changing ``Text`` costs ~1 ms per frame to lay out and render; this artist renders
    each character once with the Agg renderer and composes the numbers from those
    bitmaps (~0.05 ms each), so a live figure can show many changing numbers.
    ``set_values(values)`` formats them with ``fmt``; placement is as ``ha="center",
    va="center"`` text.

    Parameters
    ----------
    xy : array_like, shape (n, 2)
        The data points the numbers are centred on.
    fmt : str
        The ``str.format`` pattern of one number.
    size : float
        The font size in points.
    color : str
        A matplotlib colour.
    **kwargs
        Artist properties (``animated=True``, ``zorder``...).
    """

    def __init__(self, xy: np.ndarray | Sequence[tuple[float, float]], fmt: str = "{:.2f}", size: float = 12,
                 color: str = "black", **kwargs: object) -> None:
        super().__init__()
        self.set(**kwargs)
        self._xy, self._fmt = np.asarray(xy, float), fmt
        self._prop, self._rgb = FontProperties(size=size), np.asarray(to_rgb(color))
        self._strings, self._glyphs, self._images = [""] * len(self._xy), {}, {}

    @property
    def strings(self) -> list[str]:
        """The numbers as shown, in the order of ``xy``."""
        return list(self._strings)

    def set_values(self, values: Sequence[float]) -> None:
        """Show ``values``, one per point of ``xy``, formatted with ``fmt``."""
        strings = [self._fmt.format(v) for v in values]
        if strings != self._strings:
            self._strings, self.stale = strings, True

    def _glyph(self, ch: str, dpi: float):
        """Coverage bitmap of one character (pen at column 0, baseline at 3/4 of the
        height) and its advance in pixels."""
        if (ch, dpi) not in self._glyphs:
            side = int(2 * self._prop.get_size_in_points() * dpi / 72) + 4
            r = RendererAgg(side, side, dpi)
            r.draw_text(r.new_gc(), 0, 0.75 * side, ch, self._prop, 0)
            font = get_font(findfont(self._prop))
            font.set_size(self._prop.get_size_in_points(), dpi)
            advance = font.load_char(ord(ch)).linearHoriAdvance / 65536
            self._glyphs[ch, dpi] = (np.asarray(r.buffer_rgba())[:, :, 3].copy(), advance)
        return self._glyphs[ch, dpi]

    def _image(self, s: str, dpi: float):
        """RGBA picture of ``s`` (bottom row first, as ``draw_image`` wants) and its width."""
        if (s, dpi) not in self._images:
            glyphs = [self._glyph(ch, dpi) for ch in s]
            pens = np.round(np.cumsum([0] + [a for _, a in glyphs])).astype(int)
            side = glyphs[0][0].shape[0]
            alpha = np.zeros((side, pens[-2] + side), np.uint8)
            for (bitmap, _), x in zip(glyphs, pens):
                np.maximum(alpha[:, x:x + side], bitmap, out=alpha[:, x:x + side])
            rgba = np.empty(alpha.shape + (4,), np.uint8)
            rgba[..., :3] = np.round(255 * self._rgb).astype(np.uint8)
            rgba[..., 3] = alpha
            if len(self._images) > 4096:
                self._images.clear()
            self._images[s, dpi] = (rgba[::-1].copy(), pens[-1])
        return self._images[s, dpi]

    def draw(self, renderer: RendererBase) -> None:
        """Compose each number from the cached glyph bitmaps (matplotlib calls this)."""
        if not self.get_visible():
            return
        gc = renderer.new_gc()
        _, height, descent = renderer.get_text_width_height_descent("lp", self._prop, False)
        for (x, y), s in zip(self.axes.transData.transform(self._xy), self._strings):
            if s:
                img, width = self._image(s, renderer.dpi)
                baseline = y - height / 2 + descent  # as Text(va="center"): "lp" box centred
                renderer.draw_image(gc, round(x - width / 2),
                                    round(baseline - 0.25 * img.shape[0]), img)
        gc.restore()
        self.stale = False


class CachedCanvas(FigureCanvasAgg):
    """An Agg canvas that keeps its full draws by name, for figures whose static part
    takes a few states (one per data set, say): a state drawn before comes back by
    copying its pixels (~1 ms) instead of drawing every axis and label again (~100 ms).

    The figure's builder sets ``canvas.static_key`` to a hashable naming the static state
    whenever that state changes; ``None`` (the default) draws every time. A full draw
    never holds animated artists, so the kept pixels are the blitting background.

    ``partial=(reusable, columns, artists)`` makes a new state cheaper too: when
    ``reusable(kept_key, new_key)`` holds for a kept state, its pixels are copied, the
    pixel ``columns`` (a slice) are cleared, and only ``artists`` (e.g. the axes that
    changed, whose labels lie inside those columns) are drawn there.

    Parameters
    ----------
    figure : Figure
    partial : (callable, slice, list of Artist), optional
        ``(reusable, columns, artists)`` as described above.
    """

    max_states = 16

    def __init__(self, figure: Figure,
                 partial: tuple[Callable[[object, object], bool], slice, Sequence[Artist]] | None = None) -> None:
        super().__init__(figure)
        self.static_key, self.partial = None, partial
        self._kept: dict = {}

    def draw(self) -> None:
        """Draw the figure, or copy the kept pixels of its current ``static_key``."""
        key = self.static_key
        if key is None:
            return super().draw()
        if key not in self._kept:
            self._kept[key] = self._draw_new(key)
            if len(self._kept) > self.max_states:
                self._kept.pop(next(iter(self._kept)))
        self.renderer = self.get_renderer()
        np.asarray(self.renderer.buffer_rgba())[...] = self._kept[key]

    def _draw_new(self, key) -> np.ndarray:
        base = None
        if self.partial is not None:
            reusable, columns, artists = self.partial
            base = next((p for k, p in self._kept.items() if reusable(k, key)), None)
        if base is None:
            super().draw()
            return np.asarray(self.buffer_rgba()).copy()
        renderer = self.renderer = self.get_renderer()
        pixels = np.asarray(renderer.buffer_rgba())
        pixels[...] = base
        face = np.array(to_rgba(self.figure.get_facecolor())) * 255
        pixels[:, columns] = np.round(face).astype(np.uint8)
        for artist in artists:
            artist.draw(renderer)
        return pixels.copy()
