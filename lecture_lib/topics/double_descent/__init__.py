r"""Double descent of a shallow ReLU network with a random first layer.

The first layer is fixed at random, so the hidden activations
:math:`h_k(x) = \operatorname{ReLU}(b_k + x^\top \omega_{\cdot k})` are random features,
and only the output weights :math:`\beta` are fitted, by the ridge cost

.. math::

    \frac1n \sum_{i=1}^n \Big(y_i - \sum_{k=1}^{p} \beta_k h_k(x_i)\Big)^2
    + \lambda \sum_{k=1}^{p} \beta_k^2 ,
    \qquad \hat\beta = H^\top (H H^\top + n\lambda I)^{-1} y ,

with :math:`H` the ``(n, p)`` hidden activations of the training set; at :math:`\lambda = 0`
the minimum-norm least-squares fit :math:`\hat\beta = H^{+} y`. The test error peaks at
:math:`p = n`, where the fit first passes through every point, and falls again beyond.

>>> from lecture_lib.topics.double_descent import double_descent_curve, hidden_unit_widths
>>> r = double_descent_curve(hidden_unit_widths(30, 1200), n_train=30, seed=0)
>>> int(r.hidden_units[r.test_mse.argmax()])
30
>>> bool(r.test_mse[r.hidden_units > 30].min() < r.test_mse[r.hidden_units < 30].min())
True
"""

from .curves import (double_descent_curve, double_descent_grid, hidden_unit_widths, random_relu_layer,
                     target_function)
from .readout import (CurveSummary, describe_curves, describe_threshold, summarize_curves,
                      threshold_peak)
from .results import DoubleDescentGrid, DoubleDescentResult

__all__ = ["CurveSummary", "DoubleDescentGrid", "DoubleDescentResult", "describe_curves",
           "describe_threshold", "double_descent_curve", "double_descent_grid",
           "hidden_unit_widths", "random_relu_layer", "summarize_curves", "target_function",
           "threshold_peak"]
