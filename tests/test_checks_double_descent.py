"""Tests for the checks of notebook 17, and that the notebook's printed claim comes from the library."""

import pathlib
import re

import nbformat
import numpy as np
import pytest

from lecture_lib.checks import double_descent as check
from lecture_lib.topics.double_descent import double_descent_curve, hidden_unit_widths

NOTEBOOK = pathlib.Path(__file__).resolve().parents[1] / "notebooks" / "17_double_descent.ipynb"


@pytest.mark.parametrize("name", ["peak_position", "train_error_beyond_threshold",
                                  "interpolating_solutions", "what_removes_the_peak"])
def test_placeholder_is_not_attempted(name):
    assert getattr(check, name)(...).status == "not attempted"


def test_peak_position():
    assert check.peak_position(50).correct
    assert "half" in check.peak_position(25).message
    assert "twice" in check.peak_position(100).message
    assert "inputs" in check.peak_position(5).message
    assert "here n = 50" in check.peak_position(30).message
    assert check.peak_position(49).status == "hint"


def test_peak_position_agrees_with_the_library():
    r = double_descent_curve(range(40, 61), n_train=50, n_repeats=10, seed=0)
    assert check.peak_position(int(r.hidden_units[np.argmax(r.test_mse)])).correct


def test_train_error_beyond_threshold():
    r = double_descent_curve([80], n_train=50, noise=0.3, n_repeats=2, seed=0)
    assert check.train_error_beyond_threshold(float(r.train_mse[0])).correct
    assert check.train_error_beyond_threshold(0).correct
    assert "test" in check.train_error_beyond_threshold(0.09).message
    assert "exact fit" in check.train_error_beyond_threshold(0.3).message
    assert check.train_error_beyond_threshold(1.0).status == "hint"


def test_interpolating_solutions():
    assert check.interpolating_solutions("infinitely many").correct
    assert check.interpolating_solutions("Infinitely Many ").correct
    assert "p < n" in check.interpolating_solutions("none").message
    assert "p = n" in check.interpolating_solutions("one").message
    assert check.interpolating_solutions("two").status == "hint"


def test_what_removes_the_peak():
    assert check.what_removes_the_peak("ridge").correct
    assert "σ = 0" in check.what_removes_the_peak("less noise").message
    assert "past the peak" in check.what_removes_the_peak("more units").message
    assert check.what_removes_the_peak(3).status == "hint"


def test_less_noise_does_not_remove_the_peak_but_ridge_does():
    """The fact behind the hints of what_removes_the_peak."""
    widths = np.arange(1, 61)
    quiet = double_descent_curve(widths, noise=0.0, n_repeats=5, seed=0)
    assert widths[np.argmax(quiet.test_mse)] == 30
    assert quiet.test_mse[29] > 3 * quiet.test_mse[:20].min()
    ridged = double_descent_curve(widths, noise=0.3, lam=1e-2, n_repeats=5, seed=0)
    assert ridged.test_mse[29] < 2 * ridged.test_mse.min()


def test_notebook_claim_prints_the_librarys_peaks():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "code" and "describe_threshold(" in c.source)
    lines = "".join(o.get("text", "") for o in cell.outputs).splitlines()
    assert len(lines) == 3
    for line, n in zip(lines, (20, 30, 40)):
        r = double_descent_curve(hidden_unit_widths(40, 1200), n_train=n, noise=0.3,
                                 n_test=100, n_repeats=20, seed=1)
        peak = int(r.hidden_units[np.argmax(r.test_mse)])
        assert peak == n                       # the claim: the peak sits at p = n_train
        printed = [int(v) for v in re.findall(r"(?:n|p) = (\d+)", line)]
        assert printed == [n, peak]
        assert f"train MSE at p = n {r.train_mse[r.hidden_units == n][0]:.4f}" in line
        under = r.test_mse[r.hidden_units < n].min()
        over = r.test_mse[r.hidden_units > n].min()
        assert over < under                    # the claim: the far right wins at sigma = 0.3
        assert f"with p < n {under:.2f}, with p > n {over:.2f}" in line
