"""Tests for lecture_lib.topics.counting: the lecture's counts, properties and bad input."""

import doctest
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lecture_lib.topics import counting as C
from lecture_lib.networks import Network, count_parameters

sizes = st.integers(1, 40)


def test_docstring_examples_run():
    assert doctest.testmod(C).failed == 0


def test_lecture_quiz_counts():
    assert C.shallow_parameters(2, 3, 1).total == 13
    assert C.shallow_parameters(1, 3, 1).total == 10


def test_shallow_parts_by_hand():
    parts = C.shallow_parameters(4, 10, 3)
    assert parts == C.ShallowParameters(input_weights=40, hidden_biases=10, output_weights=30,
                                        output_biases=3, total=83)
    assert parts.parts() == (40, 10, 30, 3) and len(C.PARTS) == 4


@given(sizes, sizes, sizes)
def test_shallow_count_matches_network_and_arrays(s, n, m):
    total = C.shallow_parameters(s, n, m).total
    net = Network((s, n, m))
    assert total == s * n + n + n * m + m == net.n_parameters == count_parameters((s, n, m))
    assert total == sum(p.size for p in net.parameters())


@given(st.lists(sizes, min_size=2, max_size=6))
def test_layer_parameters_sum_to_count(layer_sizes):
    per_layer = C.layer_parameters(layer_sizes)
    assert len(per_layer) == len(layer_sizes) - 1
    assert sum(w + b for w, b in per_layer) == count_parameters(layer_sizes)
    net = Network(layer_sizes)
    assert [(W.size, b.size) for W, b in zip(net.weights, net.biases)] == per_layer


def test_lecture_feature_table():
    table = C.feature_table(100, 5)
    assert [row[0] for row in table] == [1, 2, 3, 4, 5]
    assert [row[1] for row in table] == [101, 10_101, 1_010_101, 101_010_101, 10_101_010_101]
    assert [row[2] for row in table] == [101, 5_151, 176_851, 4_598_126, 96_560_646]


@given(st.integers(1, 300), st.integers(0, 8))
def test_ordered_products_closed_form(n, d):
    # geometric series: (n^(d+1) - 1) / (n - 1), or d + 1 when n = 1
    expected = d + 1 if n == 1 else (n ** (d + 1) - 1) // (n - 1)
    assert C.ordered_products(n, d) == expected


@given(st.integers(1, 60), st.integers(1, 6))
def test_distinct_monomials_recursion_and_bound(n, d):
    # degree <= d = degree <= d-1 plus the multisets of size d: C(n + d - 1, d)
    assert C.distinct_monomials(n, d) == C.distinct_monomials(n, d - 1) + math.comb(n + d - 1, d)
    assert C.distinct_monomials(n, d) <= C.ordered_products(n, d)


def test_distinct_monomials_by_enumeration():
    from itertools import combinations_with_replacement
    n, d = 4, 3
    count = sum(1 for k in range(d + 1) for _ in combinations_with_replacement(range(n), k))
    assert C.distinct_monomials(n, d) == count


def test_exact_integers_for_huge_counts():
    value = C.ordered_products(1000, 6)
    assert isinstance(value, int) and value == 1_001_001_001_001_001_001


def test_describe_shallow_lines():
    text = C.describe_shallow(2, 3, 1)
    assert text.splitlines() == ["input weights s×n = 6", "hidden biases n = 3",
                                 "output weights n×m = 3", "output biases m = 1",
                                 "total s×n + n + n×m + m = 13"]


@pytest.mark.parametrize("call, name", [
    (lambda: C.shallow_parameters(0, 3, 1), "s"),
    (lambda: C.shallow_parameters(2, -1, 1), "n"),
    (lambda: C.shallow_parameters(2, 3, 0), "m"),
    (lambda: C.ordered_products(0, 2), "n_features"),
    (lambda: C.distinct_monomials(10, -1), "degree"),
    (lambda: C.feature_table(100, 0), "max_degree"),
    (lambda: C.layer_parameters((3,)), "layer_sizes"),
    (lambda: C.layer_parameters((3, 0, 1)), "layer_sizes"),
])
def test_bad_values_name_the_argument(call, name):
    with pytest.raises(ValueError, match=name):
        call()


@pytest.mark.parametrize("call, name", [
    (lambda: C.shallow_parameters(2.5, 3, 1), "s"),
    (lambda: C.shallow_parameters(2, "3", 1), "n"),
    (lambda: C.shallow_parameters(2, 3, True), "m"),
    (lambda: C.distinct_monomials(10.0, 2), "n_features"),
    (lambda: C.ordered_products(10, 1.5), "degree"),
    (lambda: C.layer_parameters("231"), "layer_sizes"),
])
def test_bad_types_name_the_argument(call, name):
    with pytest.raises(TypeError, match=name):
        call()
