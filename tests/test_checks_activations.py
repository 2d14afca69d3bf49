"""Tests for lecture_lib.checks.activations and the lecture's output-activation claim."""

import numpy as np
import pytest
from checks_contract import assert_three_verdicts

from lecture_lib import activations
from lecture_lib.checks import activations as check


@pytest.mark.parametrize("fn, right, wrong", [
    (check.elu_at_minus_three, 0.1 * (np.exp(-3) - 1), 0.0),
    (check.sigmoid_grad_at_one, 0.1966, 0.25),
    (check.sigmoid_chain, 0.25 ** 10, 2.5),
    (check.output_for_digits, "softmax", "sigmoid"),
    (check.softmax_high_temperature, 0.25, 1.0),
])
def test_each_check_has_three_verdicts(fn, right, wrong):
    assert_three_verdicts(fn, right, [wrong])


def test_specific_hints():
    assert "α = 1" in check.elu_at_minus_three(float(activations.elu(-3.0, alpha=1.0))).message
    assert "Leaky" in check.elu_at_minus_three(-0.3).message
    assert "floor" in check.elu_at_minus_three(-0.1).message
    assert "value" in check.sigmoid_grad_at_one(0.731).message
    assert "largest" in check.sigmoid_grad_at_one(0.25).message
    assert "multiplies" in check.sigmoid_chain(2.5).message
    assert "regression" in check.output_for_digits("linear").message
    assert check.output_for_digits("Softmax ").correct


def test_output_activation_per_task_matches_the_lecture():
    """Claim (lecture D): sigmoid for binary, softmax for multi-class, linear for regression."""
    assert check.OUTPUT_ACTIVATION == {"binary classification": "sigmoid",
                                       "multi-class classification": "softmax",
                                       "regression": "linear"}
    logits = np.random.default_rng(0).normal(0, 20, (200, 4))
    p = activations.get("sigmoid")(logits[:, 0])
    assert np.all((p >= 0) & (p <= 1))                    # a probability for class 1
    P = activations.get("softmax")(logits)
    assert np.allclose(P.sum(axis=1), 1.0) and np.all(P >= 0)  # a distribution over classes
    y = activations.get("linear")(logits[:, 0])
    assert y.max() > 1 and y.min() < -1                    # any real value


def test_elu_alpha_01_values_as_in_the_lecture():
    """Claim (lecture C): ELU with α = 0.1; its values and the floor −α."""
    z = np.array([-5.0, -2.0, -1.0, 0.0, 1.0, 2.0])
    values = activations.elu(z, alpha=0.1)
    assert np.allclose(values, [0.1 * np.expm1(-5), 0.1 * np.expm1(-2), 0.1 * np.expm1(-1), 0, 1, 2])
    assert values.round(4).tolist() == [-0.0993, -0.0865, -0.0632, 0.0, 1.0, 2.0]
    assert activations.elu(-50.0, alpha=0.1) >= -0.1 and activations.elu(-5.0, alpha=0.1) > -0.1
