r"""The numeric side of the training playground: data sets, settings and a training run.

Steps of training (lecture D): (1) random initial θ, (2) forward pass and loss
:math:`L(θ)`, (3) backward pass :math:`\partial L / \partial θ`, (4) update
:math:`θ \leftarrow θ - η\,\partial L / \partial θ` (or momentum, Adam), (5) repeat over
mini-batches and epochs, (6) until the loss stops falling. :class:`TrainingRun` holds one
network training on one problem; :func:`convergence_table` is the lecture's claim that the
loss falls and the model converges on each data set. The live figure around it is
:class:`lecture_lib.interactive.playground.Playground`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from .. import datasets
from .._validation import choice, positive_int, real_number
from ..i18n import tr
from ..metrics import accuracy, r2_score
from ..networks import Network
from ..training import SGD, Adam, History, Momentum, train

DATASETS = ("circles", "xor", "moons", "spiral", "sine")
ACTIVATIONS = ("tanh", "relu", "sigmoid", "linear")
OPTIMIZERS = {"sgd": SGD, "momentum": Momentum, "adam": Adam}
LEARNING_RATES = ("0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1")
BATCH_SIZES = ("1", "10", "32", "all")
L2_VALUES = ("0", "0.0001", "0.001", "0.01", "0.1")
_RESTART = ("dataset", "hidden_layers", "units", "activation", "seed")


@dataclass(frozen=True, eq=False)
class Problem:
    """A data set split into training and test parts, with the box the figure shows.

    Attributes
    ----------
    name, task : str
        A name of ``DATASETS``, and ``"classification"`` or ``"regression"``.
    X_train, X_test, y_train, y_test : ndarray
        The split: inputs in rows, labels 0/1 ``(n,)`` or regression targets ``(n, 1)``.
    extent : tuple of (float, float)
        The figure's box, ``((x_min, x_max), (y_min, y_max))``.
    """

    name: str
    task: str
    X_train: np.ndarray
    X_test: np.ndarray
    y_train: np.ndarray
    y_test: np.ndarray
    extent: tuple[tuple[float, float], tuple[float, float]]


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
    """Everything the playground's controls set.

    Attributes
    ----------
    dataset, activation, optimizer : str
        Names of ``DATASETS``, ``ACTIVATIONS`` and ``OPTIMIZERS``.
    hidden_layers, units, seed : int
        Hidden layers (0: a single sigmoid or linear unit), units in each, and the seed of the
        initial weights and of the shuffling.
    lr, lam : float
        The learning rate η and the L2 penalty λ.
    batch_size : int or None
        Samples per update (None: the whole training set).
    """

    dataset: str = "circles"
    hidden_layers: int = 2
    units: int = 8
    activation: str = "tanh"
    lr: float = 0.03
    batch_size: int | None = 32
    lam: float = 0.0
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
        real_number(self.lam, "lam", low=0.0)
        choice(self.optimizer, "optimizer", tuple(OPTIMIZERS))
        positive_int(self.seed, "seed", minimum=0)


@dataclass(frozen=True)
class Scores:
    """What the playground's readout shows after ``epoch`` epochs of a :class:`TrainingRun`.

    Attributes
    ----------
    epoch : int
    train_loss, test_loss : float
        The data loss (BCE or MSE) on each part; inf once the run diverged.
    metric : {"accuracy", "r2"}
        The score: accuracy for classification, R² for regression.
    train_score, test_score : float
        That score on the training and the test part.
    """

    epoch: int
    train_loss: float
    test_loss: float
    metric: str
    train_score: float
    test_score: float


@dataclass(frozen=True)
class ConvergenceRow:
    """One row of :func:`convergence_table`.

    Attributes
    ----------
    dataset : str
    first_train_loss, scores : float, Scores
        The training loss before the first update, and the scores after training.
    """

    dataset: str
    first_train_loss: float
    scores: Scores


class TrainingRun:
    """One training run: a problem, a network, an optimiser and the loss after each epoch.

    >>> run = TrainingRun(dataset="moons")
    >>> run.train(100)
    >>> run.scores().train_score > 0.95
    True
    """

    def __init__(self, **settings: str | int | float | None) -> None:
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

    def configure(self, **changes: str | int | float | None) -> bool:
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
        """Epochs trained so far."""
        return len(self.train_loss)

    def _targets(self, y):
        return y[:, None] if y.ndim == 1 else y

    def train(self, epochs: int, callback: Callable[[int], object] | None = None) -> None:
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
                        seed=s.seed * 1_000_003 + self.epoch, lam=s.lam)
        self.diverged = self.diverged or history.diverged

    def scores(self) -> Scores:
        """Current losses, and accuracy (classification) or R² (regression), train and test.

        Computed once per epoch and cached (the readout asks on every redraw).
        """
        key = (self.epoch, self.diverged)  # restart() empties the cache
        if self._cache[0] != key:
            self._cache = (key, self._compute_scores())
        return self._cache[1]

    def _compute_scores(self) -> Scores:
        p, out, classify = self.problem, {}, self.problem.task == "classification"
        for part, X, y in (("train", p.X_train, p.y_train), ("test", p.X_test, p.y_test)):
            with np.errstate(all="ignore"):  # a diverged network holds inf or nan
                pred = self.network.forward(X)
                value = self.network.loss(X, self._targets(y), self.loss)
            ok = bool(np.isfinite(value) and np.all(np.isfinite(pred)))
            out[f"{part}_loss"] = float(value) if ok else float("inf")
            if classify:
                out[f"{part}_score"] = accuracy(y, (pred[:, 0] > 0.5).astype(np.int64))
            else:
                out[f"{part}_score"] = r2_score(y, pred) if ok else float("-inf")
        return Scores(self.epoch, metric="accuracy" if classify else "r2", **out)

    def describe(self) -> str:
        """The readout, one ``name = value`` line each: epoch, losses, accuracy or R², network."""
        s = self.scores()
        train_name, test_name = ((tr("train accuracy"), tr("test accuracy")) if s.metric == "accuracy"
                                 else (tr("train R²"), tr("test R²")))
        lines = [f"{name} = {value}" for name, value in (
            (tr("epoch"), s.epoch), (tr("train loss"), f"{s.train_loss:.4f}"),
            (train_name, f"{s.train_score:.2f}"), (tr("test loss"), f"{s.test_loss:.4f}"),
            (test_name, f"{s.test_score:.2f}"))]
        arrows = " → ".join(str(n) for n in self.network.layer_sizes)
        lines.append(tr("network = {arrows} ({n} parameters)").format(
            arrows=arrows, n=self.network.n_parameters))
        if self.diverged:
            lines.append(tr("diverged = yes: the learning rate is too large, press Restart"))
        return "\n".join(lines)


def history_text(history: History, epochs: Sequence[int]) -> str:
    """The training and test loss of a :class:`~lecture_lib.training.History` after each of
    ``epochs`` (counted from 1), one line each."""
    return "\n".join(tr("epoch {epoch}:  training loss {train}   test loss {test}").format(
        epoch=f"{e:3d}", train=f"{history.train_loss[e - 1]:.4f}",
        test=f"{history.test_loss[e - 1]:.4f}") for e in epochs)


def convergence_table(epochs: int = 150, **settings: str | int | float | None) -> list[ConvergenceRow]:
    """Train on every data set with the same settings; first and final scores of each."""
    rows = []
    for name in DATASETS:
        run = TrainingRun(**{**settings, "dataset": name})
        first = run.scores()
        run.train(epochs)
        rows.append(ConvergenceRow(name, first.train_loss, run.scores()))
    return rows


def convergence_text(rows: Sequence[ConvergenceRow]) -> str:
    """:func:`convergence_table`'s rows as a table: data set, training loss at the start and
    the end, test loss, and accuracy (R² for regression) on the training and test sets."""
    header = [tr("dataset"), tr("training loss: start → end"), tr("test loss"), tr("score"),
              tr("train"), tr("test")]
    body = []
    for row in rows:
        s = row.scores
        body.append([row.dataset, f"{row.first_train_loss:.3f} → {s.train_loss:.4f}",
                     f"{s.test_loss:.4f}", tr("accuracy") if s.metric == "accuracy" else "R²",
                     f"{s.train_score:.2f}", f"{s.test_score:.2f}"])
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
    return "\n".join("   ".join(cell.ljust(w) if i in (0, 3) else cell.rjust(w)
                                for i, (cell, w) in enumerate(zip(r, widths))).rstrip()
                     for r in [header, *body])
