"""Tests for lecture_lib.topics.losses: the BCE derivation, naive vs stable forms, bad input."""

import doctest
import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from lecture_lib import activations, losses
from lecture_lib.topics import losses as L

probabilities = st.floats(0.01, 0.99)


def test_docstring_examples_run():
    assert doctest.testmod(L).failed == 0


@st.composite
def labelled(draw):
    n = draw(st.integers(1, 30))
    y = draw(hnp.arrays(np.float64, n, elements=st.sampled_from([0.0, 1.0])))
    z = draw(hnp.arrays(np.float64, n, elements=st.floats(-4.0, 4.0)))
    return y, z


@given(labelled())
def test_negative_log_likelihood_is_bce(data):
    y, z = data
    p = activations.sigmoid(z)
    bce = losses.binary_cross_entropy_with_logits(y, z)
    assert -np.log(L.likelihood(y, p)) / len(y) == pytest.approx(bce, rel=1e-9)
    assert -L.log_likelihood(y, p) / len(y) == pytest.approx(bce, rel=1e-9)
    assert L.naive_bce_with_logits(y, z) == pytest.approx(bce, rel=1e-9)


def test_bernoulli_by_hand():
    np.testing.assert_allclose(L.bernoulli([1.0, 0.0], [0.8, 0.8]), [0.8, 0.2])


@given(hnp.arrays(np.float64, st.integers(1, 6), elements=st.floats(-50.0, 50.0)))
def test_logsumexp_and_naive_softmax_agree_for_moderate_logits(z):
    assert float(L.logsumexp(z)) == pytest.approx(np.log(np.sum(np.exp(z))), rel=1e-12)
    np.testing.assert_allclose(L.naive_softmax(z), activations.softmax(z), rtol=1e-10, atol=1e-300)


def test_logsumexp_on_rows():
    np.testing.assert_allclose(L.logsumexp(np.array([[0.0, 0.0], [1000.0, 1000.0]]), axis=1),
                               [np.log(2), 1000 + np.log(2)])


def test_naive_forms_break_silently_where_stable_ones_do_not():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert L.naive_bce_with_logits([1.0], [-1000.0]) == np.inf
        assert L.naive_bce_with_logits([0.0], [40.0]) == np.inf
        assert np.isnan(L.naive_bce_with_logits([1.0], [40.0]))
        assert np.isnan(L.naive_cross_entropy([1.0, 0.0, 0.0], [1000.0, 0.0, 0.0]))
        assert np.isnan(L.naive_softmax([1000.0, 0.0])).any()
        assert L.likelihood(np.ones(5000), np.full(5000, 0.45)) == 0.0
        assert L.naive_log_of_likelihood(np.ones(5000), np.full(5000, 0.45)) == -np.inf
        assert L.log_likelihood([1.0], [0.0]) == -np.inf
    assert losses.binary_cross_entropy_with_logits([1.0], [-1000.0]) == pytest.approx(1000.0)
    assert losses.cross_entropy([0], [[1000.0, 0.0, 0.0]]) == pytest.approx(0.0, abs=1e-12)
    assert L.log_likelihood(np.ones(5000), np.full(5000, 0.45)) == pytest.approx(5000 * np.log(0.45))


@pytest.mark.parametrize("call, name", [
    (lambda: L.bernoulli([2.0], [0.5]), "y"),
    (lambda: L.bernoulli([1.0], [1.5]), "p"),
    (lambda: L.likelihood([1.0, 0.0], [0.5]), "same length"),
    (lambda: L.naive_bce_with_logits([1.0], [0.0, 1.0]), "same length"),
    (lambda: L.naive_cross_entropy([1.0, 0.0], [0.0, 1.0, 2.0]), "same length"),
    (lambda: L.naive_softmax([[1.0]]), "z"),
    (lambda: L.logsumexp([]), "z"),
    (lambda: L.log_likelihood([1.0], [np.nan]), "p"),
])
def test_bad_input_names_the_argument(call, name):
    with pytest.raises(ValueError, match=name):
        call()


def test_comparison_readouts():
    assert L.describe_naive_bce(1.0, -1000.0, np.inf, 1000.0) == (
        "y = 1, x =   -1000:  naive BCE = inf     stable BCE = 1000")
    assert L.describe_naive_ce([1000.0, 0.0, 0.0], np.nan, 0.0) == (
        "naive CE for logits (1000, 0, 0) = nan, stable = 0")
    assert L.describe_ce_check(0.280392, 0.280392, 0.102909).splitlines() == [
        "-mean Σ_k y_k log softmax(x)_k = 0.280392", "losses.cross_entropy            = 0.280392",
        "with the slide's σ(x_k)         = 0.102909   (not the cross-entropy)"]
    assert L.describe_underflow(5000, 0.0, -np.inf, -3992.544).splitlines() == [
        "likelihood of 5000 examples = 0.0", "log of that product         = -inf",
        "sum of logs (stable)        = -3992.54"]


def test_readouts_checks_and_errors_speak_spanish():
    from lecture_lib.checks import losses as check
    from lecture_lib.i18n import set_language
    try:
        set_language("es")
        assert L.describe_naive_bce(0.0, 40.0, np.inf, 40.0).endswith("BCE estable = 40")
        assert L.describe_fits(*L.data_with_outlier()).startswith("recta MSE: pendiente w = ")
        assert check.robust_loss("mse").message.startswith("Todavía no. Pista: al elevar al cuadrado")
        with pytest.raises(ValueError, match="etiquetas 0 o 1"):
            L.bernoulli([2.0], [0.5])
    finally:
        set_language("en")
