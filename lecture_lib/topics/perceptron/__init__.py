r"""The perceptron: a linear threshold unit, its logic gates, its limits and its learning rule.

A perceptron with weights :math:`w` and bias :math:`b` fires (outputs 1) when the
weighted sum of its inputs is above the threshold :math:`-b`:

.. math::  \hat y = \mathrm{step}(z), \qquad z = w_1x_1 + \dots + w_nx_n + b = x \cdot w + b,
           \qquad \mathrm{step}(z) = 1 \text{ if } z > 0 \text{ else } 0.

>>> from lecture_lib.topics.perceptron import PARTY_WEIGHTS, perceptron, truth_table
>>> X = truth_table(3)                 # (not raining, little work, enough friends)
>>> perceptron(X, **PARTY_WEIGHTS).tolist()
[0, 1, 0, 1, 0, 1, 1, 1]
"""

from .readouts import describe_learning, describe_party, describe_search, describe_step
from .units import (GATES, PARTY_INPUTS, PARTY_WEIGHTS, TARGETS, GridSearch, LearningHistory,
                    describe_gate, gate, learning_rule, perceptron, pre_activation,
                    separating_weights, step, truth_table)
from .xor import XOR_LAYERS, step_network, xor_network

__all__ = ["GATES", "PARTY_INPUTS", "PARTY_WEIGHTS", "TARGETS", "XOR_LAYERS", "GridSearch",
           "LearningHistory", "describe_gate", "describe_learning", "describe_party",
           "describe_search", "describe_step", "gate",
           "learning_rule", "perceptron", "pre_activation", "separating_weights", "step",
           "step_network", "truth_table", "xor_network"]
