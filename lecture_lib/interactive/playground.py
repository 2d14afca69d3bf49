r"""A training playground, as in TensorFlow Playground: the six training steps, live.

Steps: (1) random initial θ, (2) forward pass and loss :math:`L(θ)`, (3) backward pass
:math:`\partial L / \partial θ`, (4) update :math:`θ \leftarrow θ - η\,\partial L / \partial θ`
(or momentum, Adam), (5) repeat over mini-batches and epochs, (6) until the loss stops
falling. :class:`TrainingRun` is the numeric part; :class:`Playground` puts it behind a
:class:`~lecture_lib.interactive.LiveFigure` with Train / Step / Restart buttons and a
progress bar, redrawing from inside the training loop while it trains.
"""

from __future__ import annotations

import base64
import time
from dataclasses import asdict, dataclass, replace

import ipywidgets as widgets
import numpy as np

from .. import datasets
from .._validation import choice, positive_int, real_number
from ..metrics import accuracy, r2_score
from ..networks import Network
from ..plots import training as training_plots
from ..training import SGD, Adam, Momentum, train
from .live import WIDGET_VIEW, Choice, LiveFigure, Slider

DATASETS = ("circles", "xor", "moons", "spiral", "sine")
ACTIVATIONS = ("tanh", "relu", "sigmoid", "linear")
OPTIMIZERS = {"sgd": SGD, "momentum": Momentum, "adam": Adam}
LEARNING_RATES = ("0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1")
BATCH_SIZES = ("1", "10", "32", "all")
L2_VALUES = ("0", "0.0001", "0.001", "0.01", "0.1")
_RESTART = ("dataset", "hidden_layers", "units", "activation", "seed")


@dataclass(frozen=True, eq=False)
class Problem:
    """A data set split into training and test parts, with the box the figure shows."""

    name: str
    task: str
    X_train: np.ndarray
    X_test: np.ndarray
    y_train: np.ndarray
    y_test: np.ndarray
    extent: tuple


def make_problem(name: str, seed: int = 0) -> Problem:
    """The playground's data sets: 200 points (sine: 80), a quarter held out for testing.

    ``circles``, ``xor``, ``moons`` and ``spiral`` (two arms) are 2-D binary
    classification; ``sine`` is the 1-D regression :math:`y = \\sin(2\\pi x) + ε`.
    """
    makers = {"circles": lambda: datasets.circles(200, noise=0.1, seed=seed),
              "xor": lambda: datasets.xor(200, noise=0.05, seed=seed),
              "moons": lambda: datasets.moons(200, noise=0.1, seed=seed),
              "spiral": lambda: datasets.spiral(200, noise=0.05, seed=seed),
              "sine": lambda: datasets.noisy_sine(80, noise=0.1, seed=seed)}
    X, y = makers[choice(name, "dataset", DATASETS)]()
    task = "regression" if name == "sine" else "classification"
    X_train, X_test, y_train, y_test = datasets.train_test_split(X, y, 0.25, seed=seed)
    box = np.column_stack([X, y]) if task == "regression" else X
    low, high = box.min(axis=0), box.max(axis=0)
    pad = 0.1 * (high - low)
    extent = tuple((round(float(a), 2), round(float(b), 2)) for a, b in zip(low - pad, high + pad))
    return Problem(name, task, X_train, X_test, y_train, y_test, extent)


@dataclass(frozen=True)
class Settings:
    """Everything the playground's controls set. ``batch_size=None`` means the whole set."""

    dataset: str = "circles"
    hidden_layers: int = 2
    units: int = 8
    activation: str = "tanh"
    lr: float = 0.03
    batch_size: int | None = 32
    l2: float = 0.0
    optimizer: str = "adam"
    seed: int = 0

    def __post_init__(self):
        choice(self.dataset, "dataset", DATASETS)
        positive_int(self.hidden_layers, "hidden_layers", minimum=0)
        positive_int(self.units, "units")
        choice(self.activation, "activation", ACTIVATIONS)
        real_number(self.lr, "lr", low=0.0, low_open=True)
        if self.batch_size is not None:
            positive_int(self.batch_size, "batch_size")
        real_number(self.l2, "l2", low=0.0)
        choice(self.optimizer, "optimizer", tuple(OPTIMIZERS))
        positive_int(self.seed, "seed", minimum=0)


class TrainingRun:
    """One training run: a problem, a network, an optimiser and the loss after each epoch.

    >>> run = TrainingRun(dataset="moons")
    >>> run.train(100)
    >>> run.scores()["train_accuracy"] > 0.95
    True
    """

    def __init__(self, **settings):
        self.settings = Settings(**settings)
        self._problems: dict[str, Problem] = {}
        self.restart()

    def restart(self) -> None:
        """Step 1: new random weights (from the seed), new optimiser, empty loss history."""
        s = self.settings
        if s.dataset not in self._problems:
            self._problems[s.dataset] = make_problem(s.dataset)
        self.problem = self._problems[s.dataset]
        n_in = self.problem.X_train.shape[1]
        classify = self.problem.task == "classification"
        self.loss = "binary_cross_entropy" if classify else "mse"
        self.network = Network((n_in,) + (s.units,) * s.hidden_layers + (1,),
                               activation=s.activation, seed=s.seed,
                               output_activation="sigmoid" if classify else "linear")
        self.optimizer = OPTIMIZERS[s.optimizer](s.lr)
        self.train_loss: list[float] = []
        self.test_loss: list[float] = []
        self.diverged = False
        self._cache = (None, {})

    def configure(self, **changes) -> bool:
        """Change settings. Data or network changes restart (True); η, batch, λ, optimiser
        apply from the next update on, keeping the weights."""
        old, self.settings = self.settings, replace(self.settings, **changes)
        if any(getattr(old, k) != getattr(self.settings, k) for k in _RESTART):
            self.restart()
            return True
        if old.optimizer != self.settings.optimizer:
            self.optimizer = OPTIMIZERS[self.settings.optimizer](self.settings.lr)
        self.optimizer.lr = self.settings.lr
        return False

    @property
    def epoch(self) -> int:
        return len(self.train_loss)

    def _targets(self, y):
        return y[:, None] if y.ndim == 1 else y

    def train(self, epochs: int, callback=None) -> None:
        """Steps 2–5 for ``epochs`` epochs; ``callback(epoch)`` after each, as in ``train``."""
        p, s = self.problem, self.settings
        size = None if s.batch_size is None else min(s.batch_size, len(p.X_train))

        def record(_, history):
            self.train_loss.append(history.train_loss[-1])
            self.test_loss.append(history.test_loss[-1])
            return callback(self.epoch) if callback is not None else None

        history = train(self.network, p.X_train, self._targets(p.y_train), self.loss,
                        self.optimizer, positive_int(epochs, "epochs"), batch_size=size,
                        X_test=p.X_test, y_test=self._targets(p.y_test), callback=record,
                        seed=s.seed * 1_000_003 + self.epoch, l2=s.l2)
        self.diverged = self.diverged or history.diverged

    def scores(self) -> dict[str, float]:
        """Current losses, and accuracy (classification) or R² (regression), train and test.

        Computed once per epoch and cached (the readout asks on every redraw).
        """
        key = (self.epoch, self.diverged)  # restart() empties the cache
        if self._cache[0] != key:
            self._cache = (key, self._compute_scores())
        return dict(self._cache[1])

    def _compute_scores(self) -> dict[str, float]:
        p, out = self.problem, {"epoch": self.epoch}
        for part, X, y in (("train", p.X_train, p.y_train), ("test", p.X_test, p.y_test)):
            with np.errstate(all="ignore"):  # a diverged network holds inf or nan
                pred = self.network.forward(X)
                value = self.network.loss(X, self._targets(y), self.loss)
            ok = bool(np.isfinite(value) and np.all(np.isfinite(pred)))
            out[f"{part}_loss"] = float(value) if ok else float("inf")
            if p.task == "classification":
                out[f"{part}_accuracy"] = accuracy(y, (pred[:, 0] > 0.5).astype(np.int64))
            else:
                out[f"{part}_r2"] = r2_score(y, pred) if ok else float("-inf")
        return out

    def describe(self) -> str:
        """The readout, one ``name = value`` line each: epoch, losses, accuracy or R², network."""
        names = {"epoch": "epoch", "train_loss": "train loss", "test_loss": "test loss",
                 "train_accuracy": "train accuracy", "test_accuracy": "test accuracy",
                 "train_r2": "train R²", "test_r2": "test R²"}
        lines = []
        for key, value in self.scores().items():
            shown = str(value) if key == "epoch" else f"{value:.4f}" if "loss" in key \
                else f"{value:.2f}"
            lines.append(f"{names[key]} = {shown}")
        arrows = " → ".join(str(n) for n in self.network.layer_sizes)
        lines.append(f"network = {arrows} ({self.network.n_parameters} parameters)")
        if self.diverged:
            lines.append("diverged = yes: the learning rate is too large, press Restart")
        return "\n".join(lines)


def convergence_table(epochs: int = 150, **settings) -> list[dict[str, float]]:
    """Train on every data set with the same settings; first and final scores of each."""
    rows = []
    for name in DATASETS:
        run = TrainingRun(**{**settings, "dataset": name})
        first = run.scores()
        run.train(epochs)
        rows.append({"dataset": name, "first_train_loss": first["train_loss"], **run.scores()})
    return rows


class Playground:
    """The live playground: figure, controls, Train / Step / Restart and a progress bar.

    Parameters
    ----------
    epochs_per_click : int
        Epochs run by one press of *Train*.
    frame_seconds : float
        Redraw at most this often while training, once the playground has been displayed
        (before that, and always after the last epoch, one redraw at the end).
    **settings
        Start values of the controls (see :class:`Settings`).
    """

    def __init__(self, epochs_per_click: int = 150, frame_seconds: float = 0.05,
                 grid_points: int = 80, **settings):
        self.epochs_per_click = positive_int(epochs_per_click, "epochs_per_click")
        self.frame_seconds = real_number(frame_seconds, "frame_seconds", low=0.0)
        self.run = TrainingRun(**settings)
        self.figure, self._draw = training_plots.playground_figure(positive_int(
            grid_points, "grid_points", minimum=2))
        self._draw_state()
        self.live = LiveFigure(self.figure, self._update, _controls(self.run.settings), columns=3)
        self.progress = widgets.IntProgress(value=0, min=0, max=self.epochs_per_click,
                                            description="epochs", bar_style="info")
        self.buttons = {
            "train": widgets.Button(description=f"Train {self.epochs_per_click} epochs",
                                    icon="play", button_style="success"),
            "step": widgets.Button(description="Step (1 epoch)", icon="step-forward"),
            "restart": widgets.Button(description="Restart", icon="refresh",
                                      tooltip="Step 1 again: new random weights")}
        self.buttons["train"].on_click(lambda _: self.train())
        self.buttons["step"].on_click(lambda _: self.train(1))
        self.buttons["restart"].on_click(lambda _: self.restart())
        row = widgets.HBox([*self.buttons.values(), self.progress],
                           layout=widgets.Layout(align_items="center", grid_gap="8px"))
        image, *rest = self.live.widget.children
        self.widget = widgets.VBox([image, row, *rest])
        self.widget.add_class("lecture-live-figure")  # as LiveFigure's own box, for browser tests
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

    def set(self, **values) -> None:
        """Move controls (as :meth:`LiveFigure.set`); values as the controls show them."""
        self.live.set(**values)

    def _repr_mimebundle_(self, include=None, exclude=None):
        self._shown = True
        s = asdict(self.run.settings)
        text = ", ".join(f"{k} = {v}" for k, v in s.items())
        return {WIDGET_VIEW: {"version_major": 2, "version_minor": 0,
                              "model_id": self.widget.model_id},
                "image/png": base64.b64encode(self.live.image.value).decode("ascii"),
                "text/plain": f"Training playground after {self.run.epoch} epochs ({text}); "
                              "run the notebook to train it live."}

    def __repr__(self):
        return f"Playground(epoch={self.run.epoch}, settings={self.run.settings})"


def _fmt(value) -> str:
    return "all" if value is None else f"{value:g}"


def _controls(s: Settings) -> list:
    return [Choice("dataset", s.dataset, DATASETS),
            Choice("activation", s.activation, ACTIVATIONS),
            Choice("optimizer", s.optimizer, tuple(OPTIMIZERS), label="optimiser"),
            Slider("hidden_layers", s.hidden_layers, 0, 4, 1, label="layers"),
            Slider("units", s.units, 1, 16, 1, label="units"),
            Slider("seed", s.seed, 0, 9, 1, label="seed"),
            Choice("lr", _fmt(s.lr), LEARNING_RATES, label="rate η"),
            Choice("batch_size", _fmt(s.batch_size), BATCH_SIZES, label="batch"),
            Choice("l2", _fmt(s.l2), L2_VALUES, label="L2 λ")]


def _settings_from(values: dict) -> dict:
    """Control values (strings for the dropdowns) → :class:`Settings` fields."""
    out = dict(values)
    out["lr"], out["l2"] = float(values["lr"]), float(values["l2"])
    out["batch_size"] = None if values["batch_size"] == "all" else int(values["batch_size"])
    return out
