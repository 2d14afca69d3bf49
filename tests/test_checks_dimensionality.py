"""Tests for the checks of notebook 16: placeholder, right answer, typical wrong answers."""

import math

import pytest

from lecture_lib.checks import dimensionality as check


@pytest.mark.parametrize("name", ["disc_share", "shell_share", "grid_samples", "ratio_limit"])
def test_placeholder_is_not_attempted(name):
    assert getattr(check, name)(...).status == "not attempted"


def test_disc_share():
    assert check.disc_share(math.pi / 4).correct
    assert check.disc_share(0.785).correct
    assert "radius 1" in check.disc_share(math.pi).message
    assert "square the radius" in check.disc_share(math.pi / 2).message
    assert "corners" in check.disc_share(1).message


def test_shell_share():
    assert check.shell_share(1 - 0.9 ** 10).correct
    assert check.shell_share(0.651).correct
    assert "d = 1" in check.shell_share(0.1).message
    assert "inner ball" in check.shell_share(0.349).message
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
