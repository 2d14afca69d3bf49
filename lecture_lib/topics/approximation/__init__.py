r"""Universal approximation, built up from pieces: ramps, sigmoids, ReLUs and least squares.

A piecewise-linear curve through points :math:`(x_0, y_0), \dots, (x_K, y_K)` (flat
outside :math:`[x_0, x_K]`) is a constant plus one *hard sigmoid* (a ramp) per piece:

.. math::  y(x) = y_0 + \sum_{k=1}^{K} (y_k - y_{k-1})\,
           \mathrm{clip}\!\left(\frac{x - x_{k-1}}{x_k - x_{k-1}}, 0, 1\right),

and each ramp is the difference of two ReLUs. A shallow ReLU network with enough
hidden units can therefore follow any continuous function on an interval as closely
as we like. :func:`fit_shallow_relu` shows it: the first layer is fixed (joints
evenly spaced over the interval) and the output layer is fitted by least squares.

>>> import numpy as np
>>> from lecture_lib.topics.approximation import hard_sigmoid_unit, relu_sum, two_relus
>>> x = np.linspace(-5, 5, 11)
>>> bool(np.allclose(hard_sigmoid_unit(x, 2.0, 1.0, 1.5), relu_sum(x, two_relus(2.0, 1.0, 1.5))))
True
"""

from .readouts import (describe_ramps, describe_unit, describe_fit, describe_ramps_check,
                       describe_relus_check)
from .units import (INTERVAL, TARGETS, TARGET_FORMULAS, approximation_error, evaluate_ramps,
                    fit_shallow_relu, hard_sigmoid_unit, joints_evenly_spaced, ramp,
                    ramps_from_points, relu_sum, sigmoid_unit, target, two_relus)

__all__ = ["INTERVAL", "TARGETS", "TARGET_FORMULAS", "approximation_error", "describe_fit",
           "describe_ramps", "describe_ramps_check", "describe_relus_check", "describe_unit",
           "evaluate_ramps", "fit_shallow_relu", "hard_sigmoid_unit", "joints_evenly_spaced",
           "ramp", "ramps_from_points", "relu_sum", "sigmoid_unit", "target", "two_relus"]
