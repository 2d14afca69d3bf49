"""The errors a student meets speak the notebook's language: with set_language("es") a bad
shape to a loss, a bad activation name or a bad slider value is explained in Spanish, with
the same values; set_language("en") brings the English text back, byte for byte."""

import numpy as np
import pytest

from lecture_lib import activations, losses, metrics, training
from lecture_lib.i18n import set_language
from lecture_lib.interactive import Choice, Slider
from lecture_lib.networks import Network
from lecture_lib.optimizers import GD

CASES = {
    "loss shape": (lambda: losses.mse([[1.0, 2.0]], [[1.0, 2.0, 3.0]]),
                   "y_true and y_pred must have the same shape, got (1, 2) and (1, 3)",
                   "y_true y y_pred deben tener la misma forma, se recibieron (1, 2) y (1, 3)"),
    "probabilities": (lambda: losses.binary_cross_entropy([1.0, 0.0], [1.5, 0.5]),
                      "p must hold probabilities in [0, 1]",
                      "p debe contener probabilidades en [0, 1]"),
    "activation name": (lambda: activations.get("relux"),
                        "activation must be one of ['sigmoid', 'tanh', 'relu', 'leaky_relu', "
                        "'elu', 'hard_sigmoid', 'linear', 'softmax'], got 'relux'",
                        "activation debe ser una de las opciones ['sigmoid', 'tanh', 'relu', "
                        "'leaky_relu', 'elu', 'hard_sigmoid', 'linear', 'softmax'], se recibió "
                        "'relux'"),
    "alpha": (lambda: activations.get("relu", alpha=0.1),
              "alpha only applies to 'leaky_relu' and 'elu', not 'relu'",
              "alpha solo se aplica a 'leaky_relu' y 'elu', no a 'relu'"),
    "slider value": (lambda: Slider("w", 2.0, -1.0, 1.0, 0.1),
                     "Slider 'w': value 2.0 must lie in [-1.0, 1.0]",
                     "Slider 'w': el valor 2.0 debe estar en [-1.0, 1.0]"),
    "slider step": (lambda: Slider("w", 0.0, -1.0, 1.0, 0.0),
                    "Slider 'w': step must be > 0, got 0.0",
                    "Slider 'w': step debe ser > 0, se recibió 0.0"),
    "choice value": (lambda: Choice("activation", "relu", ("relu", "tanh")).coerce("step"),
                     "Choice 'activation': value 'step' must be one of ['relu', 'tanh']",
                     "Choice 'activation': el valor 'step' debe ser una de las opciones "
                     "['relu', 'tanh']"),
    "binary average": (lambda: metrics.precision([0, 1, 2], [0, 1, 2]),
                       "average='binary' needs at most 2 classes, got [0, 1, 2]; use "
                       "average='macro', 'micro' or None",
                       "average='binary' admite como máximo 2 clases, se recibieron [0, 1, 2]; "
                       "usa average='macro', 'micro' o None"),
    "full batch": (lambda: training.train(Network((1, 2, 1)), np.array([1.0, 2.0]),
                                          np.array([1.0, 2.0]), "mse", GD(0.1), 1,
                                          batch_size=1),
                   "GD uses the full batch; use SGD for batch_size=1",
                   "GD usa el lote completo; usa SGD para batch_size=1"),
}


def message(make):
    with pytest.raises((ValueError, TypeError)) as caught:
        make()
    return str(caught.value)


@pytest.fixture
def spanish():
    set_language("es")
    yield
    set_language("en")


@pytest.mark.parametrize("case", CASES)
def test_errors_in_spanish(spanish, case):
    make, _, es = CASES[case]
    assert message(make) == es


@pytest.mark.parametrize("case", CASES)
def test_english_comes_back_unchanged(case):
    make, en, _ = CASES[case]
    set_language("es")
    try:
        assert message(make) != en
    finally:
        set_language("en")
    assert message(make) == en
