"""Tests for lecture_lib.topics.digits: the notebook's claims on real data, and bad input."""

import doctest

import numpy as np
import pytest

from lecture_lib import datasets, metrics
from lecture_lib.networks import Network, count_parameters
from lecture_lib.topics import digits
from lecture_lib.training import Adam, train


@pytest.fixture(scope="module")
def split():
    X, y = datasets.digits(seed=0)
    return datasets.train_test_split(X, y, test_fraction=0.25, seed=0)


@pytest.fixture(scope="module")
def run(split):
    X_train, X_test, y_train, y_test = split
    return digits.fit(X_train, y_train, X_test, y_test, lam=1e-3)


def test_docstring_examples_run():
    assert doctest.testmod(digits).failed == 0


def test_fit_is_the_notebooks_explicit_loop(split, run):
    X_train, X_test, y_train, y_test = split
    net = Network((64, 64, 10), activation="relu", output_activation="softmax", seed=0)
    history = train(net, X_train, y_train, "cross_entropy", Adam(0.005), epochs=40,
                    batch_size=32, X_test=X_test, y_test=y_test, lam=1e-3)
    for mine, theirs in zip(run.network.parameters(), net.parameters()):
        assert np.array_equal(mine, theirs)
    assert run.history.test_loss == history.test_loss
    assert run.network.n_parameters == count_parameters((64, 64, 10)) == 4810


def test_the_lecture_claim_a_real_task_is_learned(run, split):
    X_train, X_test, y_train, y_test = split
    assert run.test_accuracy >= 0.95                       # the notebook's printed claim
    assert run.train_accuracy >= run.test_accuracy
    assert run.history.train_loss[-1] < 0.1 * run.history.train_loss[0]
    assert run.test_accuracy == metrics.accuracy(y_test, digits.predict(run.network, X_test))
    again = digits.fit(X_train, y_train, X_test, y_test, lam=1e-3)   # seeded: repeats exactly
    assert again.test_loss == run.test_loss


def test_mistakes_are_exactly_the_wrong_predictions(run, split):
    _, X_test, _, y_test = split
    found = digits.mistakes(run.network, X_test, y_test)
    predicted = digits.predict(run.network, X_test)
    assert sorted(found.index) == sorted(np.flatnonzero(predicted != y_test))
    assert len(found) == round((1 - run.test_accuracy) * len(y_test))
    assert np.array_equal(found.true, y_test[found.index])
    assert np.all(found.predicted != found.true)
    assert np.allclose(found.probabilities.sum(axis=1), 1.0)
    confidence = found.probabilities.max(axis=1)
    assert np.all(np.diff(confidence) <= 0)               # most confident first
    matrix = metrics.confusion_matrix(y_test, predicted, labels=list(range(10)))
    assert matrix.sum() - np.trace(matrix) == len(found)


def test_first_layer_pictures_and_favourites(run, split):
    X_train, _, y_train, _ = split
    net = run.network
    pictures = digits.first_layer_images(net)
    assert pictures.shape == (64, 8, 8)
    assert np.array_equal(pictures[5].ravel(), net.weights[0][:, 5])
    liked = digits.favourite_images(net, X_train, top=20)
    A = net.forward_trace(X_train)[1][1]
    j = int(np.argmax(A.max(axis=0)))
    best = np.argsort(-A[:, j], kind="stable")[:20]
    assert np.allclose(liked[j], X_train[best].mean(axis=0))
    per_digit = digits.class_activation(net, X_train, y_train)
    assert per_digit.shape == (64, 10)
    assert np.allclose(per_digit[:, 3], A[y_train == 3].mean(axis=0))
    # a pixel that is blank in every training image gets no gradient: L2 shrinks its weights
    blank = np.flatnonzero(X_train.max(axis=0) == 0)
    assert blank.size and np.abs(net.weights[0][blank]).max() < 0.05


def test_representatives_are_correctly_read_images_of_each_digit(run, split):
    _, X_test, _, y_test = split
    rows = digits.representatives(run.network, X_test, y_test)
    assert y_test[rows].tolist() == list(range(10))
    assert np.array_equal(digits.predict(run.network, X_test[rows]), np.arange(10))


def test_blend_formula_and_clipping():
    a, b, eps = np.zeros(64), np.ones(64), np.linspace(-1, 1, 64)
    assert np.array_equal(digits.blend(a, b, 0.0), a)
    assert np.array_equal(digits.blend(a, b, 1.0), b)
    assert np.allclose(digits.blend(a, b, 0.25), 0.25)
    noisy = digits.blend(a, b, 0.5, noise=0.8, pattern=eps)
    assert np.allclose(noisy, np.clip(0.5 + 0.8 * eps, 0, 1))
    assert noisy.min() == 0.0 and noisy.max() == 1.0


def test_more_training_images_shrink_the_gap(split):
    X_train, X_test, y_train, y_test = split
    curve = digits.size_curve(X_train, y_train, X_test, y_test, [25, 200, 1348], updates=600,
                              lam=1e-3)
    assert np.all(curve.train_accuracy >= 0.98)
    assert curve.test_accuracy[0] < 0.75 and curve.test_accuracy[-1] > 0.95
    assert np.all(np.diff(curve.gap) < 0) and curve.gap[0] > 0.25
    assert np.all(np.diff(curve.test_loss) < 0)


def test_tokens_become_one_hot_vectors():
    t = digits.tokenize("The cat saw the other cat.")
    assert t.tokens == ["the", "cat", "saw", "the", "other", "cat"]
    assert t.vocabulary == ["cat", "other", "saw", "the"]
    assert t.index.tolist() == [3, 0, 2, 3, 1, 0]
    assert t.one_hot.shape == (6, 4) and np.array_equal(t.one_hot.sum(axis=1), np.ones(6))
    assert np.array_equal(t.one_hot.argmax(axis=1), t.index)
    E = np.arange(8.0).reshape(4, 2)                    # an embedding: one row per word
    assert np.array_equal(t.one_hot @ E, E[t.index])


@pytest.mark.parametrize("call, exc, match", [
    (lambda s: digits.fit(s[0][:, :10], s[2], s[1], s[3]), ValueError, "X_train"),
    (lambda s: digits.fit(s[0], s[2] + 10, s[1], s[3]), ValueError, "y_train"),
    (lambda s: digits.fit(s[0], s[2][:5], s[1], s[3]), ValueError, "same number"),
    (lambda s: digits.fit(s[0], s[2], s[1], s[3], n_hidden=0), ValueError, "n_hidden"),
    (lambda s: digits.fit(s[0], s[2], s[1], s[3], epochs=1.5), TypeError, "epochs"),
    (lambda s: digits.size_curve(s[0], s[2], s[1], s[3], [0]), ValueError, "sizes"),
    (lambda s: digits.size_curve(s[0], s[2], s[1], s[3], [5000]), ValueError, "at most"),
    (lambda s: digits.blend(np.zeros(64), np.zeros(63), 0.5), ValueError, "same shape"),
    (lambda s: digits.blend(np.zeros(64), np.zeros(64), 1.5), ValueError, "t"),
    (lambda s: digits.blend(np.zeros(64), np.zeros(64), 0.5, 0.1, np.zeros(3)), ValueError,
     "pattern"),
    (lambda s: digits.first_layer_images("net"), TypeError, "network"),
    (lambda s: digits.tokenize(3), TypeError, "text"),
    (lambda s: digits.tokenize("!!"), ValueError, "word"),
])
def test_bad_input_names_the_argument(split, call, exc, match):
    with pytest.raises(exc, match=match):
        call(split)


def test_readouts_print_the_notebooks_numbers_in_english_and_spanish():
    from lecture_lib.i18n import set_language
    from lecture_lib.topics.digits import SizeCurve

    p = np.full(10, 0.02)
    p[[3, 8, 9]] = [0.246, 0.307, 0.287]
    m = np.diag([40, 45]) + np.array([[0, 2], [1, 0]])
    curve = SizeCurve(np.array([25, 50]), np.array([1.0, 0.995]), np.array([0.63, 0.83]),
                      np.array([0.1, 0.2]), np.array([1.0, 0.8]))
    english = [digits.describe_blend(p, 3, 8), digits.describe_confusion(m),
               digits.describe_size_curve(curve),
               digits.describe_tokens(digits.tokenize(digits.example_sentence()))]
    assert english[0] == "prediction: 8 with probability 0.31\np(3) = 0.246   (digit a)\np(8) = 0.307   (digit b)"
    assert english[1] == "correct (diagonal): 85  wrong (off the diagonal): 3"
    assert english[2].splitlines() == ["training images:       25     50",
                                       "train accuracy:    100.0%  99.5%",
                                       "test accuracy:        63%    83%"]
    assert english[3].startswith("text: the network reads the digit and the network learns\n"
                                 "vocabulary: ['and', 'digit', 'learns', 'network', 'reads', 'the']")
    try:
        set_language("es")
        spanish = [digits.describe_blend(p, 3, 8), digits.describe_confusion(m),
                   digits.describe_size_curve(curve),
                   digits.describe_tokens(digits.tokenize(digits.example_sentence()))]
    finally:
        set_language("en")
    assert spanish[0].splitlines()[1:] == ["p(3) = 0.246   (dígito a)", "p(8) = 0.307   (dígito b)"]
    rows = spanish[2].splitlines()
    assert len(rows) == 3 and len(set(map(len, rows))) == 1     # the columns stay aligned
    assert "'dígito'" in spanish[3] and "the" not in spanish[3].split()
