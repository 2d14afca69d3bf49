r"""Counting parameters: shallow and deep networks, and polynomial features.

Exact integer arithmetic throughout (Python ints and :func:`math.comb`), so counts
in the billions are exact.

A shallow network with :math:`s` inputs, :math:`n` hidden units and :math:`m` outputs has

.. math::  s \times n + n + n \times m + m

parameters; a deep one with layer sizes :math:`n_0, n_1, \dots, n_L` has
:math:`\sum_{l=1}^{L} (n_{l-1} + 1)\, n_l`.

>>> from lecture_lib.topics.counting import shallow_parameters, ordered_products, distinct_monomials
>>> shallow_parameters(2, 3, 1).total, shallow_parameters(1, 3, 1).total
(13, 10)
>>> ordered_products(100, 2), distinct_monomials(100, 2)
(10101, 5151)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from collections.abc import Sequence

from .._validation import positive_int
from ..i18n import mark, tr
from ..networks import count_parameters

PARTS = (mark("input weights"), mark("hidden biases"), mark("output weights"),
         mark("output biases"))   # shown with tr(part)


@dataclass(frozen=True)
class ShallowParameters:
    r"""The parameters of a shallow network (s inputs, n hidden units, m outputs), part by part.

    Attributes
    ----------
    input_weights, hidden_biases, output_weights, output_biases : int
        :math:`s \times n`, :math:`n`, :math:`n \times m` and :math:`m` (the parts named
        in ``PARTS``, in that order).
    total : int
        :math:`s \times n + n + n \times m + m`.
    """

    input_weights: int
    hidden_biases: int
    output_weights: int
    output_biases: int
    total: int

    def parts(self) -> tuple[int, int, int, int]:
        """The four parts in the order of ``PARTS``."""
        return (self.input_weights, self.hidden_biases, self.output_weights, self.output_biases)


def shallow_parameters(s: int, n: int, m: int) -> ShallowParameters:
    r"""The parameters of a shallow network, part by part.

    Parameters
    ----------
    s, n, m : int
        Number of inputs, hidden units and outputs (each ≥ 1).

    Returns
    -------
    ShallowParameters
        :math:`s \times n`, :math:`n`, :math:`n \times m`, :math:`m` and their total.

    >>> shallow_parameters(2, 3, 1)
    ShallowParameters(input_weights=6, hidden_biases=3, output_weights=3, output_biases=1, total=13)
    """
    s, n, m = positive_int(s, "s"), positive_int(n, "n"), positive_int(m, "m")
    return ShallowParameters(s * n, n, n * m, m, s * n + n + n * m + m)


def layer_parameters(layer_sizes: Sequence[int]) -> list[tuple[int, int]]:
    r"""``(weights, biases)`` of each layer: :math:`(n_{l-1} n_l,\ n_l)` for l = 1 … L.

    Their sum is :func:`lecture_lib.networks.count_parameters`,
    :math:`\sum_l (n_{l-1} + 1)\, n_l`.

    >>> layer_parameters((2, 3, 1))
    [(6, 3), (3, 1)]
    """
    count_parameters(layer_sizes)  # validates the sizes, naming the bad entry
    sizes = [int(v) for v in layer_sizes]
    return [(a * b, b) for a, b in zip(sizes[:-1], sizes[1:])]


def describe_shallow(s: int, n: int, m: int) -> str:
    """Readout text: each part of :math:`s n + n + n m + m` and the total, one per line.

    Parameters
    ----------
    s, n, m : int
        Inputs, hidden units and outputs.

    Returns
    -------
    str
    """
    p = shallow_parameters(s, n, m)
    return "\n".join([
        tr("input weights s×n = {v}").format(v=p.input_weights),
        tr("hidden biases n = {v}").format(v=p.hidden_biases),
        tr("output weights n×m = {v}").format(v=p.output_weights),
        tr("output biases m = {v}").format(v=p.output_biases),
        tr("total s×n + n + n×m + m = {v}").format(v=p.total),
    ])


def ordered_products(n_features: int, degree: int) -> int:
    r"""Number of ordered products of at most ``degree`` features: :math:`\sum_{k=0}^{d} n^k`.

    Counting :math:`x_1 x_2` and :math:`x_2 x_1` as different terms (and the constant
    term 1 as the product of zero features) gives :math:`n^k` terms of degree k. This
    is the count in the EAFIT lecture's table: 101; 10,101; 1,010,101; ... for n = 100.

    >>> [ordered_products(100, d) for d in (1, 2, 3)]
    [101, 10101, 1010101]
    """
    n, d = _features_and_degree(n_features, degree)
    return sum(n ** k for k in range(d + 1))


def distinct_monomials(n_features: int, degree: int) -> int:
    r"""Number of distinct monomials of degree ≤ d in n variables: :math:`\binom{n + d}{d}`.

    Here :math:`x_1 x_2 = x_2 x_1` is one feature, so this is what a polynomial
    model really needs (constant term included).

    >>> [distinct_monomials(100, d) for d in (1, 2, 3)]
    [101, 5151, 176851]
    """
    n, d = _features_and_degree(n_features, degree)
    return math.comb(n + d, d)


def feature_table(n_features: int = 100, max_degree: int = 5) -> list[tuple[int, int, int]]:
    """Rows ``(d, ordered_products(n, d), distinct_monomials(n, d))`` for d = 1 … max_degree."""
    n, top = positive_int(n_features, "n_features"), positive_int(max_degree, "max_degree")
    return [(d, ordered_products(n, d), distinct_monomials(n, d)) for d in range(1, top + 1)]


def _features_and_degree(n_features, degree) -> tuple[int, int]:
    return positive_int(n_features, "n_features"), positive_int(degree, "degree", minimum=0)
