r"""Notebook 13, deep networks: composition, regions of deep vs shallow, scale vs depth.

Regions are counted exactly by the shared :mod:`lecture_lib.regions`:

>>> from lecture_lib.regions import count_regions
>>> count_regions(tent_network(3), 0.0, 1.0)
8
"""

from .model import (activation_rms, budget_fit, compose, gradient_rms, random_relu_network,
                    shallow_fit, shallow_width, tent_network)
from .readouts import (budget_readout, budget_table, fold_readout, init_readout, random_table,
                       spread_text)

__all__ = ["activation_rms", "budget_fit", "budget_readout", "budget_table", "compose",
           "fold_readout", "gradient_rms", "init_readout", "random_relu_network", "random_table",
           "shallow_fit", "shallow_width", "spread_text", "tent_network"]
