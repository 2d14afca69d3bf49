"""Tests for the checks of notebook 02: placeholder, right answer, typical wrong answers."""

import pytest

from lecture_lib.checks import descent as check


@pytest.mark.parametrize("name", ["one_step", "threshold", "updates_per_epoch",
                                  "regime_of_step"])
def test_placeholder_is_not_attempted(name):
    assert getattr(check, name)(...).status == "not attempted"


def test_one_step():
    assert check.one_step(0.6).correct
    assert "uphill" in check.one_step(1.4).message
    assert "learning rate" in check.one_step(-3).message
    assert "size of the step" in check.one_step(0.4).message
    assert check.one_step(0.9).status == "hint"


def test_threshold():
    assert check.threshold(0.2).correct
    assert "2/L''" in check.threshold(0.1).message
    assert "twice" in check.threshold(0.4).message
    assert check.threshold(2.0).status == "hint"


def test_updates_per_epoch():
    assert check.updates_per_epoch(32).correct
    assert "Round up" in check.updates_per_epoch(31).message
    assert "quarter" in check.updates_per_epoch(31.25).message
    assert "batch size 1" in check.updates_per_epoch(1000).message
    assert "full-batch" in check.updates_per_epoch(1).message
    assert check.updates_per_epoch(33).status == "hint"


def test_regime_of_step():
    assert check.regime_of_step("Oscillating").correct
    assert "below 2" in check.regime_of_step("diverging").message
    assert "other side" in check.regime_of_step("good").message
    assert "too big" in check.regime_of_step("slow").message
    assert check.regime_of_step("chaotic").status == "hint"
