r"""A training playground, as in TensorFlow Playground: the six training steps, live.

:class:`Playground` puts a :class:`~lecture_lib.topics.training.TrainingRun` behind a
:class:`~lecture_lib.interactive.LiveFigure` with Train / Step / Restart buttons and a
progress bar, redrawing from inside the training loop while it trains.
"""

from __future__ import annotations

import time
from dataclasses import asdict

import ipywidgets as widgets

from .._validation import positive_int, real_number
from ..i18n import tr
from ..topics.training import (ACTIVATIONS, BATCH_SIZES, DATASETS, L2_VALUES,
                                      LEARNING_RATES, OPTIMIZERS, Settings, TrainingRun)
from ..plots import training as training_plots
from .controls import Choice, Slider
from .live import LiveFigure


class Playground:
    """The live playground: figure, controls, Train / Step / Restart and a progress bar.

    Parameters
    ----------
    epochs_per_click : int
        Epochs run by one press of *Train*.
    frame_seconds : float
        Redraw at most this often while training, once the playground has been displayed
        (before that, and always after the last epoch, one redraw at the end).
    grid_points : int
        Grid points per side of the decision-boundary picture (≥ 2).
    **settings
        Start values of the controls (see :class:`Settings`).
    """

    def __init__(self, epochs_per_click: int = 150, frame_seconds: float = 0.05,
                 grid_points: int = 80, **settings: float | int | str | None) -> None:
        self.epochs_per_click = positive_int(epochs_per_click, "epochs_per_click")
        self.frame_seconds = real_number(frame_seconds, "frame_seconds", low=0.0)
        self.run = TrainingRun(**settings)
        self.figure, self._draw = training_plots.playground_figure(positive_int(
            grid_points, "grid_points", minimum=2))
        self._draw_state()
        self.progress = widgets.IntProgress(value=0, min=0, max=self.epochs_per_click,
                                            description=tr("epochs"), bar_style="info")
        self.buttons = {
            "train": widgets.Button(description=tr("Train {n} epochs").format(n=self.epochs_per_click),
                                    icon="play", button_style="success"),
            "step": widgets.Button(description=tr("Step (1 epoch)"), icon="step-forward"),
            "restart": widgets.Button(description=tr("Restart"), icon="refresh",
                                      tooltip=tr("Step 1 again: new random weights"))}
        self.buttons["train"].on_click(lambda _: self.train())
        self.buttons["step"].on_click(lambda _: self.train(1))
        self.buttons["restart"].on_click(lambda _: self.restart())
        row = widgets.HBox([*self.buttons.values(), self.progress],
                           layout=widgets.Layout(align_items="center", grid_gap="8px"))
        self.live = LiveFigure(self.figure, self._update, _controls(self.run.settings),
                               columns=3, extras=[row])
        self.widget = self.live.widget
        self._shown = False  # no in-between frames before the playground is on screen

    def _draw_state(self) -> bool:
        r = self.run
        return self._draw(r.network, r.train_loss, r.test_loss, r.problem)

    def _update(self, **values) -> str:
        self.run.configure(**_settings_from(values))
        if self._draw_state() and getattr(self, "live", None) is not None:
            self.live.redraw()  # static parts changed; redraw runs _update once more
        return self.run.describe()

    def train(self, epochs: int | None = None) -> None:
        """Train ``epochs`` more epochs (default ``epochs_per_click``), redrawing as it goes."""
        epochs = self.epochs_per_click if epochs is None else positive_int(epochs, "epochs")
        self.progress.max, self.progress.value = epochs, 0
        start, last = self.run.epoch, time.perf_counter()

        def callback(epoch):
            nonlocal last
            self.progress.value = epoch - start
            if self._shown and time.perf_counter() - last >= self.frame_seconds:
                self.live.refresh()
                last = time.perf_counter()

        self.run.train(epochs, callback)
        self.progress.value = epochs
        self.live.refresh()

    def restart(self) -> None:
        """New random weights from the seed (step 1); the loss history starts again."""
        self.run.restart()
        self.progress.value = 0
        self.live.refresh()

    def set(self, **values: float | str) -> None:
        """Move controls (as :meth:`LiveFigure.set`); values as the controls show them."""
        self.live.set(**values)

    def _repr_mimebundle_(self, include=None, exclude=None):
        self._shown = True
        names = _setting_names()
        text = ", ".join(f"{names.get(k, k)} = {v}" for k, v in asdict(self.run.settings).items())
        return self.live.display_bundle(tr("Training playground after {epoch} epochs ({text}); "
                                           "run the notebook to train it live.").format(
                                               epoch=self.run.epoch, text=text))

    def __repr__(self):
        return f"Playground(epoch={self.run.epoch}, settings={self.run.settings})"


def _fmt(value) -> str:
    return "all" if value is None else f"{value:g}"


def _setting_names() -> dict[str, str]:
    """The settings' names in the kernel-less summary: the field names in English, the
    controls' words in another language."""
    return {"dataset": tr("dataset", context="setting"),
            "hidden_layers": tr("hidden_layers", context="setting"),
            "units": tr("units", context="setting"),
            "activation": tr("activation", context="setting"),
            "lr": tr("lr", context="setting"),
            "batch_size": tr("batch_size", context="setting"),
            "lam": tr("lam", context="setting"),
            "optimizer": tr("optimizer", context="setting"),
            "seed": tr("seed", context="setting")}


def _controls(s: Settings) -> list:
    """The playground's controls, labelled in the chosen language (the names are code)."""
    return [Choice("dataset", s.dataset, DATASETS, label=tr("dataset", context="playground")),
            Choice("activation", s.activation, ACTIVATIONS, label=tr("activation", context="playground")),
            Choice("optimizer", s.optimizer, tuple(OPTIMIZERS), label=tr("optimiser", context="playground")),
            Slider("hidden_layers", s.hidden_layers, 0, 4, 1, label=tr("layers", context="playground")),
            Slider("units", s.units, 1, 16, 1, label=tr("units", context="playground")),
            Slider("seed", s.seed, 0, 9, 1, label=tr("seed", context="playground")),
            Choice("lr", _fmt(s.lr), LEARNING_RATES, label=tr("rate η", context="playground")),
            Choice("batch_size", _fmt(s.batch_size), BATCH_SIZES, label=tr("batch", context="playground")),
            Choice("lam", _fmt(s.lam), L2_VALUES, label=tr("L2 λ", context="playground"))]


def _settings_from(values: dict) -> dict:
    """Control values (strings for the dropdowns) → :class:`Settings` fields."""
    out = dict(values)
    out["lr"], out["lam"] = float(values["lr"]), float(values["lam"])
    out["batch_size"] = None if values["batch_size"] == "all" else int(values["batch_size"])
    return out
