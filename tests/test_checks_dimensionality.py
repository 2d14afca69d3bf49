"""Tests for the checks of notebook 16: placeholder, right answer, typical wrong answers."""

import math

import pytest

from lecture_lib.checks import dimensionality as check


@pytest.mark.parametrize("name", ["ball_share", "shell_share", "grid_samples", "ratio_limit"])
def test_placeholder_is_not_attempted(name):
    assert getattr(check, name)(...).status == "not attempted"


def test_ball_share():
    assert check.ball_share(math.pi ** 3 / 384).correct
    assert check.ball_share(0.0807).correct
    assert "radius 1" in check.ball_share(math.pi ** 3 / 6).message
    assert "Γ(4)" in check.ball_share(math.pi ** 3 / 64).message
    assert "d = 5" in check.ball_share(0.164).message
    assert "corners" in check.ball_share(1).message
    assert check.ball_share(math.pi / 4).status == "hint"


def test_shell_share():
    assert check.shell_share(1 - 0.95 ** 20).correct
    assert check.shell_share(0.642).correct
    assert "d = 1" in check.shell_share(0.05).message
    assert "inner ball" in check.shell_share(0.358).message
    assert "d = 20" in check.shell_share(0.651).message
    assert check.shell_share(0.5).status == "hint"


def test_grid_samples():
    assert check.grid_samples(100_000).correct
    assert check.grid_samples(1e5).correct
    assert "multiply" in check.grid_samples(50).message
    assert "5¹⁰" in check.grid_samples(5 ** 10).message
    assert "four dimensions" in check.grid_samples(10_000).message


def test_ratio_limit():
    assert check.ratio_limit(1).correct
    assert "contrast" in check.ratio_limit(0).message
    assert check.ratio_limit(0.5).status == "hint"
