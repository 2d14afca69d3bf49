r"""Descent paths: the parameter trajectory of an optimiser on a given loss.

The optimisers are those of :mod:`lecture_lib.training` (``GD``, ``SGD``, ``Momentum``,
``Adam``); this module only records where they go. The basic step is the lecture's

.. math::  w^{(t+1)} = w^{(t)} - \eta \, \frac{dL}{dw}\Big|_{w^{(t)}} .

On a quadratic loss with curvature :math:`L''` the distance to the minimum is multiplied
by :math:`1 - \eta L''` at every step, so the steps shrink only if
:math:`|1 - \eta L''| < 1`: gradient descent **diverges when** :math:`\eta > 2 / L''`.

>>> from lecture_lib.topics.descent import descent_path, divergence_threshold, regime
>>> from lecture_lib.training import GD
>>> objective = lambda w: ((w[0] - 3.0) ** 2, 2.0 * (w - 3.0))    # L'' = 2
>>> divergence_threshold(2.0), regime(0.25, 2.0), regime(1.1, 2.0)
(1.0, 'good', 'diverging')
>>> path = descent_path(objective, [0.0], GD(0.25), steps=3)
>>> path.params[:, 0].tolist()
[0.0, 1.5, 2.25, 2.625]
"""

from .paths import (REGIMES, DescentPath, descent_path, describe_learning_rate, describe_sgd,
                    divergence_threshold, hessian_line, regime, sgd_path)
from .two_basins import (TWO_BASINS, describe_two_basins, two_basin_critical_points, two_basin_loss,
                         two_basin_path, two_basin_tilts)

__all__ = ["REGIMES", "TWO_BASINS", "DescentPath", "descent_path", "describe_learning_rate", "describe_sgd",
           "describe_two_basins", "divergence_threshold", "hessian_line", "regime", "sgd_path",
           "two_basin_critical_points", "two_basin_loss", "two_basin_path", "two_basin_tilts"]
