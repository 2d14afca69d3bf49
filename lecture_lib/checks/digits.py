"""Checks for notebook 19, handwritten digits. Each takes the student's answer."""

from __future__ import annotations

from ..i18n import mark, tr
from ..networks import count_parameters
from . import Result, check_choice, check_number

LAYERS = (64, 64, 10)  # the notebook's network: 64 pixels, 64 hidden units, 10 digits
# The options of cure_for_overfitting (English; check_choice also accepts their translations)
EPOCHS, UNITS, IMAGES = mark("epochs"), mark("units"), mark("images")


def parameter_count(answer: object) -> Result:
    """Weights and biases of the (64, 64, 10) network: 64·64 + 64 + 64·10 + 10 = 4810."""
    s, n, m = LAYERS
    return check_number(answer, count_parameters(LAYERS), what=tr("the number of parameters"),
                        tol=0.0, hints={
        s * n + n * m: tr("those are the weights only; every hidden unit and every output also "
                          "has a bias: add n + m."),
        s * n + n: tr("that is the first layer only; the 10 output units have 64 weights and "
                      "one bias each as well."),
        s + n + m: tr("that counts units, not parameters. Each connection between two layers "
                      "carries one weight."),
        n * m + m: tr("that is the output layer only; add the 64 × 64 weights and 64 biases "
                      "into the hidden layer."),
    }, default_hint=tr("use s × n + n + n × m + m (notebook 07) with s = 64 pixels, n = 64 "
                       "hidden units and m = 10 digits."))


def pixel_input(answer: object) -> Result:
    """A stored pixel value 12 (12 of 16 pixels of its block inked) enters as 12/16 = 0.75."""
    return check_number(answer, 12 / 16, what=tr("the input x of that pixel"), hints={
        12.0: tr("that is the stored count; the network sees every count divided by 16, so "
                 "that inputs lie in [0, 1]."),
        12 / 255: tr("255 is the top of an ordinary 8-bit photo; here a block has only 16 "
                     "pixels, so the largest count is 16."),
        12 / 64: tr("64 is the number of pixels of the whole image; the count is out of the "
                    "16 pixels of one block."),
    }, default_hint=tr("x = count / 16: the share of the block that is inked."))


def guessing_accuracy(answer: object) -> Result:
    """A classifier that picks one of the 10 digits at random is right 1 time in 10: 0.1."""
    return check_number(answer, 0.1, what=tr("the accuracy of random guessing"), tol=0.005,
                        hints={
        0.5: tr("0.5 would be guessing between two classes; here there are ten digits."),
        10.0: tr("give the accuracy as a share between 0 and 1, not in per cent."),
        0.0: tr("a random guess is still right sometimes: how often, with ten equally likely "
                "answers?"),
        1 / 9: tr("there are ten digits, 0 to 9, not nine."),
    }, default_hint=tr("with ten classes of about equal size, a random answer is right one "
                       "time in how many?"))


def cure_for_overfitting(answer: object) -> Result:
    """With few training images the test accuracy lags far behind 100 % training accuracy;
    what closes the gap best: "epochs", "units" or "images"?  ("images")"""
    return check_choice(answer, IMAGES, what=tr("the change that closes the gap"),
                        options=(EPOCHS, UNITS, IMAGES), hints={
        EPOCHS: tr("the training accuracy is already 100 %: more epochs only memorise the "
                   "few images harder. Look at how the gap shrinks to the right in the plot."),
        UNITS: tr("more hidden units give the network more room to memorise the few "
                  "images; the gap would not close (notebook 14: capacity vs data)."),
    })
