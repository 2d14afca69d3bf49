r"""From scratch to PyTorch: one network in ``lecture_lib`` and in ``torch``, number for number.

A ``Network`` layer computes :math:`Z = A W + b` with ``W`` ``(n_in, n_out)``; ``torch.nn.Linear``
computes :math:`Z = A W_t^\top + b` with ``weight`` ``(n_out, n_in)``, so ``weight = W.T``.
PyTorch is optional: it is imported only inside the functions that need it, and
:func:`import_torch` turns a missing install into one sentence with the install command.
The timing helpers serve notebook 18, ``benchmarks/frameworks.py`` and ``benchmarks/training.py``.
"""

from .convert import (LOSSES, MISSING, TORCH_INSTALL, Agreement, TorchMissing, compare,
                      describe_agreement, flat, flat_torch, from_torch, import_torch, to_torch,
                      torch_loss)
from .side_by_side import OPTIMIZERS, Trajectory, batch_order, train_side_by_side
from .speed import (SpeedRow, lecture_lib_runner, speed_row, time_per_step, torch_runner)

__all__ = ["LOSSES", "MISSING", "OPTIMIZERS", "TORCH_INSTALL", "Agreement", "SpeedRow",
           "TorchMissing", "Trajectory", "batch_order", "compare", "describe_agreement",
           "flat", "flat_torch", "from_torch", "import_torch", "lecture_lib_runner",
           "speed_row", "time_per_step", "to_torch", "torch_loss", "torch_runner",
           "train_side_by_side"]
