"""The one live-figure helper: sliders that move a matplotlib figure at once.

How it stays fast (≤ 10 ms per slider move, see ``benchmarks/live_figures.py``):
the figure is drawn once on the Agg canvas with the moving artists marked
``animated``; each move restores the saved background, redraws only the moving
artists (blitting) and encodes the pixels as PNG with fast compression into an
``ipywidgets.Image``. It needs no custom widget manager (no ipympl), so it runs in
JupyterLab, Notebook 7, Voilà, VS Code and Colab, with ipywidgets 7.7 or 8.

Without a kernel (a code host, nbviewer, nbconvert HTML) the output is a PNG of the start.
"""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass
from typing import Callable, Sequence

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from .keys import shortcut_guard
from .png import encode_png

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


@dataclass(frozen=True)
class Slider:
    """One slider: ``name`` is the keyword passed to ``update``, ``label`` what students see.

    >>> Slider("w11", 1.5, -3, 3, 0.1, label="ω₁₁")
    Slider(name='w11', value=1.5, min=-3, max=3, step=0.1, label='ω₁₁')
    """

    name: str
    value: float
    min: float
    max: float
    step: float
    label: str = ""

    def __post_init__(self):
        if not self.name.isidentifier():
            raise ValueError(f"Slider name must be a Python identifier, got {self.name!r}")
        if not self.min <= self.value <= self.max:
            raise ValueError(f"Slider {self.name!r}: value {self.value} must lie in "
                             f"[{self.min}, {self.max}]")
        if not self.step > 0:
            raise ValueError(f"Slider {self.name!r}: step must be > 0, got {self.step}")

    @property
    def symbol(self) -> str:
        """The label, or one made from the name: ``w11`` → ω₁₁, ``b4`` → b₄, ``eta`` → η."""
        return self.label or math_label(self.name)

    def widget(self) -> widgets.Widget:
        is_int = all(float(v).is_integer() for v in (self.value, self.min, self.max, self.step))
        cls = widgets.IntSlider if is_int else widgets.FloatSlider
        kw = {} if is_int else {"readout_format": f".{_decimals(self.step)}f"}
        return cls(value=self.value, min=self.min, max=self.max, step=self.step,
                   description=self.symbol, continuous_update=True,
                   style={"description_width": "3em"},
                   layout=widgets.Layout(width="100%", min_width="14em"), **kw)


@dataclass(frozen=True)
class Choice:
    """A choice among named options: toggle buttons (a dropdown if many), or with
    ``slider=True`` a slider that steps through the options in order (e.g. λ = 0, 10⁻⁴, 1).

    >>> Choice("activation", "relu", ("relu", "sigmoid", "tanh"))
    Choice(name='activation', value='relu', options=('relu', 'sigmoid', 'tanh'), label='')
    """

    name: str
    value: str
    options: tuple
    label: str = ""
    slider: bool = False

    def __post_init__(self):
        if not self.name.isidentifier():
            raise ValueError(f"Choice name must be a Python identifier, got {self.name!r}")
        if self.value not in self.options:
            raise ValueError(f"Choice {self.name!r}: value {self.value!r} must be one of "
                             f"{list(self.options)}")

    @property
    def symbol(self) -> str:
        return self.label or self.name.replace("_", " ")

    def widget(self) -> widgets.Widget:
        if self.slider:
            return widgets.SelectionSlider(
                options=list(self.options), value=self.value, description=self.symbol,
                continuous_update=True, style={"description_width": "3em"},
                layout=widgets.Layout(width="100%", min_width="14em"))
        cls = widgets.ToggleButtons if len(self.options) <= 5 else widgets.Dropdown
        kw = {"style": {"button_width": "auto"}} if cls is widgets.ToggleButtons else {}
        return cls(options=list(self.options), value=self.value, description=self.symbol,
                   layout=widgets.Layout(width="auto"), **kw)


_GREEK = {"w": "ω", "alpha": "α", "beta": "β", "eta": "η", "lam": "λ", "sigma": "σ",
          "theta": "θ", "tau": "τ", "eps": "ε", "mu": "μ"}
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def math_label(name: str) -> str:
    """Turn a Python name into the lecture's symbol: ``w11`` → ω₁₁, ``b2`` → b₂, ``lam`` → λ."""
    stem = name.rstrip("0123456789")
    digits = name[len(stem):]
    return _GREEK.get(stem, stem) + digits.translate(_SUB)


def _decimals(step: float) -> int:
    text = f"{step:.10f}".rstrip("0")
    return max(len(text.split(".")[1]), 0) if "." in text else 0


class LiveFigure:
    """A figure, its sliders, a Reset button and a live text readout.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        Built once (see ``lecture_lib.plots``); artists that move must be ``animated``,
        stay inside their axes (clipped, the default) and the axis limits stay fixed.
    update : callable
        ``update(**values)`` moves the artists for the slider values and returns the
        readout text (or ``None``). It must be fast: it runs on every slider move.
    controls : sequence of Slider or Choice
        Their names are the keywords ``update`` receives.
    columns : int
        How many columns the controls are laid out in.
    extras : sequence of ipywidgets.Widget
        Rows placed under the picture, above the controls (buttons, a progress bar).

    ``update`` may call :meth:`redraw` itself when static parts must change (an axis
    range, a new data set); the redraw then finishes the frame.
    """

    def __init__(self, figure: Figure, update: Callable[..., str | None],
                 controls: Sequence[Slider | Choice], columns: int = 2,
                 extras: Sequence[widgets.Widget] = ()):
        if not isinstance(figure, Figure):
            raise TypeError(f"figure must be a matplotlib Figure, got {type(figure).__name__}")
        if not callable(update):
            raise TypeError("update must be callable as update(**slider_values)")
        names = [c.name for c in controls]
        if len(set(names)) != len(names):
            raise ValueError(f"control names must be unique, got {names}")
        self.figure, self._update, self.specs = figure, update, list(controls)
        self.controls = {c.name: c.widget() for c in self.specs}
        self.image = widgets.Image(format="png")
        self.readout = widgets.HTML()
        self.reset_button = widgets.Button(description="Reset", icon="undo",
                                           tooltip="Put every slider back to its start value")
        self.reset_button.on_click(lambda _: self.reset())
        self._holding = False
        self._background = None
        self._animated = []
        self.redraw()
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.widget = self._layout(columns, extras)

    # ----- state -----
    @property
    def values(self) -> dict[str, float]:
        """The current control values by name."""
        return {name: c.value for name, c in self.controls.items()}

    def set(self, **values) -> None:
        """Move several sliders at once and redraw once (also how tests drive a figure)."""
        unknown = set(values) - set(self.controls)
        if unknown:
            raise ValueError(f"unknown control(s) {sorted(unknown)}; have {list(self.controls)}")
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

    # ----- drawing -----
    def redraw(self) -> None:
        """Full redraw: call after a change that is not a moving artist (axis limits...)."""
        canvas = self.figure.canvas
        self._animated = [a for a in self.figure.findobj() if a.get_animated()]
        canvas.draw()
        self._background = np.asarray(canvas.buffer_rgba()).copy()
        self._full = True
        self.refresh()

    def refresh(self) -> None:
        """Run ``update`` for the current values, blit what changed, show the PNG.

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
        self.image.value = encode_png(canvas)
        self.readout.value = _readout_html(text)

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
    def _layout(self, columns: int, extras) -> widgets.Widget:
        grid = widgets.GridBox(
            list(self.controls.values()),
            layout=widgets.Layout(grid_template_columns=f"repeat({columns}, minmax(14em, 1fr))",
                                  grid_gap="2px 16px"))
        footer = widgets.HBox([self.reset_button, self.readout],
                              layout=widgets.Layout(align_items="center", grid_gap="12px"))
        self.readout.add_class("lecture-readout")
        guard = [g for g in (shortcut_guard(),) if g]  # arrow keys work in Notebook 7 (keys.py)
        box = widgets.VBox([self.image, *extras, grid, footer, *guard])
        box.add_class("lecture-live-figure")  # how the browser tests find a figure
        return box

    def summary(self) -> str:
        """One deterministic line: the control values (the kernel-less text view)."""
        values = ", ".join(f"{c.symbol} = {_show(self.controls[c.name].value)}"
                           for c in self.specs)
        return f"Live figure ({values}); run the notebook to move the sliders."

    def _repr_mimebundle_(self, include=None, exclude=None):
        # The PNG is the picture as displayed, for viewers without a kernel.
        png = bytes(self.image.value)  # ipywidgets 8 hands back a memoryview
        return {WIDGET_VIEW: {"version_major": 2, "version_minor": 0,
                              "model_id": self.widget.model_id},
                "image/png": base64.b64encode(png).decode("ascii"),
                "text/plain": self.summary()}

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


def _readout_html(text: str | None) -> str:
    if not text:
        return ""
    return ('<div style="font-family: var(--jp-code-font-family, monospace); '
            f'font-size: 14px; white-space: pre; line-height: 1.4">{html.escape(text)}</div>')
