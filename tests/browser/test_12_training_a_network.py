"""Notebook 12 in a real browser: press Train, watch the boundary and the loss move."""

from labdriver import parse_numbers

from lecture_lib.topics.training import TrainingRun


def _wait_for_epoch(nb, old, epoch, timeout_s=60):
    """Training redraws several times; wait for the readout of the last epoch."""
    text = old
    for _ in range(int(timeout_s * 20)):
        if parse_numbers(text, "epoch") == [epoch]:
            return text
        nb.page.wait_for_timeout(50)
        text = nb.readout(0)
    raise AssertionError(f"readout never reached epoch {epoch}:\n{text}")


def test_train_button_moves_the_picture_and_the_loss(open_notebook):
    nb = open_notebook("12_training_a_network.ipynb")
    nb.run_all(n_figures=1)

    # The notebook trains 150 epochs before showing the playground.
    run = TrainingRun()
    run.train(150)
    text, picture = nb.readout(0), nb.image_bytes(0)
    assert parse_numbers(text, "epoch") == [150]
    assert parse_numbers(text, "train loss") == [round(run.scores().train_loss, 4)]

    # Train: 150 more epochs, drawn while they run; the numbers are the library's.
    nb.figure(0).locator("button", has_text="Train").click()
    text = _wait_for_epoch(nb, nb.wait_readout_change(0, text), 300)
    run.train(150)
    scores = run.scores()
    assert parse_numbers(text, "train loss") == [round(scores.train_loss, 4)]
    assert parse_numbers(text, "test accuracy") == [round(scores.test_score, 2)]
    assert nb.image_bytes(0) != picture

    # A new data set starts again from step 1: epoch 0 and the regression readout.
    picture = nb.image_bytes(0)
    nb.choose(0, "sine")
    text = _wait_for_epoch(nb, nb.wait_readout_change(0, text), 0)
    sine = TrainingRun(dataset="sine").scores()
    assert parse_numbers(text, "train loss") == [round(sine.train_loss, 4)]
    assert parse_numbers(text, "train R²") == [round(sine.train_score, 2)]
    assert nb.image_bytes(0) != picture
