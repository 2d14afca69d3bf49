"""Tests for the playground: the training run and the lecture's claim (the loss falls and
the model converges on every data set) in lecture_lib.topics.training, and the live
figure around it in lecture_lib.interactive.playground."""

import numpy as np
import pytest

from lecture_lib.topics.training import (
    DATASETS, Settings, TrainingRun, convergence_table, make_problem)
from lecture_lib.interactive import use_transport
from lecture_lib.interactive.playground import Playground
from lecture_lib.training import SGD, Adam, Momentum

# ----- data -----


@pytest.mark.parametrize("name", DATASETS)
def test_problem_shapes_and_extent(name):
    p = make_problem(name)
    n_in = 1 if name == "sine" else 2
    assert p.X_train.shape[1] == p.X_test.shape[1] == n_in
    assert len(p.X_train) == len(p.y_train) and len(p.X_test) == len(p.y_test)
    total = len(p.X_train) + len(p.X_test)
    assert len(p.X_test) == round(0.25 * total)
    (x0, x1), (y0, y1) = p.extent
    if p.task == "classification":
        assert set(np.unique(p.y_train)) == {0, 1}
        X = np.vstack([p.X_train, p.X_test])
        assert x0 < X[:, 0].min() and X[:, 0].max() < x1
        assert y0 < X[:, 1].min() and X[:, 1].max() < y1
    else:
        assert p.y_train.shape == (len(p.X_train), 1)
        assert y0 < p.y_train.min() and p.y_train.max() < y1


def test_problem_is_deterministic_and_rejects_unknown_name():
    a, b = make_problem("moons"), make_problem("moons")
    np.testing.assert_array_equal(a.X_train, b.X_train)
    with pytest.raises(ValueError, match="dataset"):
        make_problem("checkerboard")


@pytest.mark.parametrize("kwargs, error, word", [
    ({"dataset": "blobs"}, ValueError, "dataset"),
    ({"hidden_layers": -1}, ValueError, "hidden_layers"),
    ({"hidden_layers": 1.5}, TypeError, "hidden_layers"),
    ({"units": 0}, ValueError, "units"),
    ({"activation": "softplus"}, ValueError, "activation"),
    ({"lr": 0.0}, ValueError, "lr"),
    ({"lr": "fast"}, TypeError, "lr"),
    ({"batch_size": 0}, ValueError, "batch_size"),
    ({"lam": -0.1}, ValueError, "lam"),
    ({"optimizer": "rmsprop"}, ValueError, "optimizer"),
    ({"seed": -1}, ValueError, "seed"),
    ({"epochs": 3}, TypeError, "epochs"),
])
def test_bad_settings_name_the_argument(kwargs, error, word):
    with pytest.raises(error, match=word):
        TrainingRun(**kwargs)


# ----- the lecture's claim -----


@pytest.fixture(scope="module")
def table():
    return convergence_table(epochs=150)


def test_claim_loss_falls_and_model_converges_on_every_dataset(table):
    assert [row.dataset for row in table] == list(DATASETS)
    for row in table:
        s = row.scores
        assert s.epoch == 150
        assert s.train_loss < 0.15 * row.first_train_loss, row
        assert s.metric == ("r2" if row.dataset == "sine" else "accuracy")
        assert s.train_score >= 0.95, row
        assert s.test_score >= 0.95, row


def test_claim_table_is_deterministic(table):
    again = convergence_table(epochs=150)
    for a, b in zip(table, again):
        assert a == b


def test_training_loss_falls_over_the_run():
    run = TrainingRun(dataset="spiral")
    run.train(150)
    early, late = np.mean(run.train_loss[:10]), np.mean(run.train_loss[-10:])
    assert late < 0.3 * early


def test_no_hidden_layer_cannot_learn_xor_but_two_can():
    line = TrainingRun(dataset="xor", hidden_layers=0)
    line.train(150)
    assert line.network.layer_sizes == (2, 1)
    assert line.scores().train_score <= 0.8
    deep = TrainingRun(dataset="xor")
    deep.train(150)
    assert deep.scores().train_score >= 0.95


def test_linear_activation_cannot_separate_circles():
    run = TrainingRun(dataset="circles", activation="linear")
    run.train(150)
    assert run.scores().train_score < 0.75


# ----- the run's bookkeeping -----


def test_training_continues_across_calls_and_records_both_losses():
    run = TrainingRun(dataset="moons")
    run.train(5)
    run.train(7)
    assert run.epoch == 12
    assert len(run.train_loss) == len(run.test_loss) == 12
    assert all(np.isfinite(run.train_loss)) and all(np.isfinite(run.test_loss))


def test_configure_restarts_only_for_data_and_network_changes():
    run = TrainingRun()
    run.train(3)
    assert run.configure(lr=0.1, batch_size=None, lam=0.001) is False
    assert run.epoch == 3 and run.optimizer.lr == 0.1
    assert run.configure(optimizer="momentum") is False
    assert isinstance(run.optimizer, Momentum) and run.epoch == 3
    assert run.configure(units=4) is True
    assert run.epoch == 0 and run.network.layer_sizes == (2, 4, 4, 1)
    run.train(2)
    assert run.configure(dataset="sine") is True
    assert run.problem.task == "regression" and run.network.layer_sizes[0] == 1
    assert run.loss == "mse" and run.network.output_activation.name == "linear"


def test_optimizer_names_map_to_classes():
    assert isinstance(TrainingRun(optimizer="sgd").optimizer, SGD)
    assert isinstance(TrainingRun(optimizer="adam").optimizer, Adam)


def test_restart_with_same_seed_gives_same_weights_and_other_seed_differs():
    run = TrainingRun()
    start = [p.copy() for p in run.network.parameters()]
    run.train(3)
    run.restart()
    for a, b in zip(start, run.network.parameters()):
        np.testing.assert_array_equal(a, b)
    run.configure(seed=1)
    assert not np.array_equal(start[0], run.network.parameters()[0])


def test_l2_shrinks_the_weights():
    plain, decayed = TrainingRun(), TrainingRun(lam=0.01)
    plain.train(60)
    decayed.train(60)
    norm = lambda run: sum(float(np.sum(W ** 2)) for W in run.network.weights)  # noqa: E731
    assert norm(decayed) < 0.7 * norm(plain)


def test_scores_match_a_fresh_computation_and_readout_lines():
    run = TrainingRun(dataset="circles")
    run.train(20)
    s = run.scores()
    y = run.problem.y_train
    assert s.train_loss == pytest.approx(
        run.network.loss(run.problem.X_train, y[:, None], "binary_cross_entropy"))
    pred = (run.network.forward(run.problem.X_train)[:, 0] > 0.5).astype(int)
    assert s.metric == "accuracy" and s.train_score == pytest.approx(np.mean(pred == y))
    text = run.describe()
    assert "epoch = 20" in text and f"train loss = {s.train_loss:.4f}" in text
    assert "network = 2 → 8 → 8 → 1 (105 parameters)" in text


def test_divergence_is_reported_without_warnings():
    run = TrainingRun(dataset="sine", optimizer="sgd", lr=1.0, batch_size=1)
    run.train(20)
    assert run.diverged and run.epoch < 20
    assert run.scores().train_loss == np.inf
    assert "diverged = yes" in run.describe()


# ----- the live playground -----


@pytest.fixture()
def playground():
    return Playground(epochs_per_click=6)


def test_playground_trains_and_redraws_while_training():
    pg = Playground(epochs_per_click=6, frame_seconds=0.0)
    pg._repr_mimebundle_()  # displayed: frames are drawn while training
    frames = []
    pg.live.image.observe(lambda change: frames.append(change["new"]), names="value")
    before = pg.live.image.value
    pg.train()
    assert pg.run.epoch == 6
    assert len(frames) >= 6 and len(set(frames)) >= 3  # a new picture during training
    assert pg.live.image.value != before
    assert pg.progress.value == pg.progress.max == 6
    assert "epoch = 6" in pg.live.readout.value


def test_no_in_between_frames_before_display():
    pg = Playground(epochs_per_click=6, frame_seconds=0.0)
    frames = []
    pg.live.image.observe(lambda change: frames.append(change["new"]), names="value")
    pg.train()
    assert len(frames) == 1 and pg.run.epoch == 6


def test_buttons_step_train_and_restart(playground):
    playground.buttons["step"].click()
    assert playground.run.epoch == 1
    playground.buttons["train"].click()
    assert playground.run.epoch == 7
    assert playground.buttons["train"].description == "Train 6 epochs"
    playground.buttons["restart"].click()
    assert playground.run.epoch == 0 and playground.progress.value == 0


def test_controls_change_the_run(playground):
    playground.train(3)
    playground.set(lr="0.1", batch_size="all", lam="0.001")
    assert playground.run.epoch == 3
    assert playground.run.settings.batch_size is None and playground.run.settings.lam == 0.001
    image = playground.live.image.value
    playground.set(dataset="sine")
    assert playground.run.epoch == 0 and "train R² =" in playground.run.describe()
    assert playground.live.image.value != image
    playground.set(hidden_layers=0)
    assert playground.run.network.layer_sizes == (1, 1)
    playground.live.reset()
    assert playground.run.settings == Settings()


def test_layout_and_stored_output(playground):
    children = playground.widget.children
    assert children[0] is playground.live.view.view  # picture, controls, Reset and readout
    row = children[1].children
    assert playground.progress in row and playground.buttons["train"] in row
    use_transport("core")  # the fallback: ipywidgets' Image first, the buttons under it
    try:
        core = Playground(epochs_per_click=6)
    finally:
        use_transport(None)
    assert core.widget.children[0] is core.live.image and core.buttons["train"] in \
        core.widget.children[1].children
    bundle, _ = playground._repr_mimebundle_()
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == \
        playground.widget.model_id
    assert bundle["image/png"]
    assert bundle["text/plain"].startswith("Training playground after 0 epochs (dataset = circles")
    assert "\nepoch = 0" in bundle["text/plain"] and "epoch = 0" in bundle["text/html"]


@pytest.mark.parametrize("kwargs, error", [
    ({"epochs_per_click": 0}, ValueError), ({"frame_seconds": -1.0}, ValueError),
    ({"grid_points": 1}, ValueError), ({"lr": 0.05}, ValueError),
])
def test_playground_bad_arguments(kwargs, error):
    with pytest.raises(error):
        Playground(**kwargs)


def test_playground_train_rejects_bad_epochs(playground):
    with pytest.raises(ValueError, match="epochs"):
        playground.train(0)
