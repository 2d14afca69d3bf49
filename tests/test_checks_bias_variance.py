"""Tests for the checks of notebook 15, and that the notebook's printed claim comes from the library."""

import pathlib
import re

import nbformat
import numpy as np
import pytest

from lecture_lib.checks import bias_variance as check
from lecture_lib.topics.bias_variance import bias_variance_decomposition

NOTEBOOK = pathlib.Path(__file__).resolve().parents[1] / "notebooks" / "15_bias_variance.ipynb"


@pytest.mark.parametrize("name", ["noise_term", "expected_test_error", "best_degree",
                                  "what_more_data_reduces"])
def test_placeholder_is_not_attempted(name):
    assert getattr(check, name)(...).status == "not attempted"
    assert getattr(check, name)(None).status == "not attempted"


def test_noise_term():
    assert check.noise_term(0.25).correct
    assert check.noise_term(0.5 ** 2).correct
    assert "standard deviation" in check.noise_term(0.5).message
    assert "σ = 0.3" in check.noise_term(0.09).message
    assert "costs σ²" in check.noise_term(0).message
    assert check.noise_term(0.3).status == "hint"
    assert check.noise_term("0.25").status == "hint"


def test_expected_test_error():
    assert check.expected_test_error(0.16).correct
    assert "third term" in check.expected_test_error(0.07).message
    assert "σ² = 0.09" in check.expected_test_error(0.37).message
    assert check.expected_test_error(0.2).status == "hint"


def test_best_degree_is_the_bottom_of_the_measured_u():
    r = bias_variance_decomposition(range(13), n_train=90, design="fixed", seed=check.SEED)
    best = int(np.argmin(r.test_error))
    assert best == 6                        # not the 5 the notebook prints for n = 15, 30
    assert check.best_degree(best).correct
    assert "variance is the largest" in check.best_degree(12).message
    assert "bias² is the largest" in check.best_degree(0).message
    assert "n = 90" in check.best_degree(5).message
    assert check.best_degree(5.5).status == "hint"


def test_what_more_data_reduces():
    assert check.what_more_data_reduces("variance").correct
    assert check.what_more_data_reduces(" Variance ").correct
    assert "average" in check.what_more_data_reduces("bias").message
    assert "generator" in check.what_more_data_reduces("noise").message
    assert check.what_more_data_reduces("loss").status == "hint"


def _claim_rows():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and "(measured − sum) / SE" in cell.source:
            text = "".join(o.get("text", "") for o in cell.outputs)
            return [line.split() for line in text.splitlines()[1:] if line.strip()]
    raise AssertionError("claim cell not found in notebook 15")


def test_notebook_claim_prints_the_librarys_numbers():
    """Every number of the notebook's claim table is the library's, rounded as printed."""
    r = bias_variance_decomposition(range(13), n_train=30, noise=0.3, design="fixed", seed=5)
    rows = _claim_rows()
    assert [int(row[0]) for row in rows] == [1, 3, 5, 9, 12]
    for row in rows:
        d = int(row[0])
        printed = [v for v in row[1:] if re.fullmatch(r"[-+]?\d+\.\d+", v)]
        z = (r.test_error[d] - r.total[d]) / r.std_error[d]
        expected = [f"{v:.4f}" for v in (r.bias2[d], r.variance[d], r.noise_variance, r.total[d],
                                         r.test_error[d], r.std_error[d])] + [f"{z:+.1f}"]
        assert printed == expected
        # the claim itself: the sum matches the measured error within 3 standard errors
        assert abs(z) < 3


def test_notebook_trade_off_lines_are_the_librarys_and_show_the_flattening():
    """Section 5: with more data the U's flat bottom reaches higher degrees."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "code" and "within 10 %" in c.source)
    lines = "".join(o.get("text", "") for o in cell.outputs).splitlines()
    nears = []
    for line, n in zip(lines, (15, 30, 150)):
        te = bias_variance_decomposition(range(13), n_train=n, noise=0.3, design="fixed",
                                         seed=5).test_error
        best = int(np.argmin(te))
        near = int(np.flatnonzero(te <= 1.1 * te[best]).max())
        assert np.all(te[best:near + 1] <= 1.1 * te[best])    # one flat stretch, no gaps
        assert line == (f"n = {n:3d}: lowest {te[best]:.4f} at degree {best}; within 10 % of "
                        f"it up to degree {near}; degree 12 gives {te[12]:.4f}")
        nears.append(near)
    assert nears[0] < nears[1] < nears[2] == 12
