"""From scratch to PyTorch, the conversion: a ``Network`` as a ``torch`` model and back, and one
batch through both, number for number (the package docstring has the conventions; the training
side by side is in ``side_by_side.py``, the timing in ``speed.py``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike

from ..._validation import as_2d, choice
from ...i18n import mark, tr
from ...networks import Network, as_network

if TYPE_CHECKING:  # PyTorch is optional: imported only by the functions that need it
    import torch

TORCH_INSTALL = "pip install torch --index-url https://download.pytorch.org/whl/cpu"
_MISSING = mark("PyTorch is not installed, so the PyTorch cells of this notebook cannot run: "
                "install its CPU build with  {install}  (Colab has it already), then restart "
                "the kernel.")
MISSING = _MISSING.format(install=TORCH_INSTALL)   # the English sentence
LOSSES = ("mse", "mae", "binary_cross_entropy", "binary_cross_entropy_with_logits", "cross_entropy")


class TorchMissing(ImportError):
    """PyTorch is not installed. IPython shows only the message, never a traceback."""

    def _render_traceback_(self) -> list[str]:
        return [str(self)]


def import_torch() -> ModuleType:
    """The ``torch`` module, or :class:`TorchMissing` whose message names the install command."""
    try:
        import torch
    except ImportError:
        raise TorchMissing(tr(_MISSING).format(install=TORCH_INSTALL)) from None
    return torch


def _torch_activation(nn, activation):
    """The ``torch.nn`` module computing a ``lecture_lib`` activation (None for linear)."""
    name, alpha = activation.name, activation.params.get("alpha")
    table = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid, "linear": lambda: None,
             "softmax": lambda: nn.Softmax(dim=1),
             "leaky_relu": lambda: nn.LeakyReLU(0.01 if alpha is None else alpha),
             "elu": lambda: nn.ELU(1.0 if alpha is None else alpha)}
    if name not in table:  # torch's Hardsigmoid is z/6 + 1/2, not the lecture's 0.2z + 0.5
        raise ValueError(tr("activation {name!r} has no torch.nn module with the same formula")
                         .format(name=name))
    return table[name]()


def to_torch(network: Network) -> torch.nn.Sequential:
    """A float64 ``torch.nn.Sequential`` with ``network``'s weights: ``Linear.weight = W.T``.

    Hidden layers are ``Linear`` then the activation module; the output activation
    (sigmoid, softmax) follows the last ``Linear`` unless it is linear.
    """
    as_network(network)
    torch = import_torch()
    nn, layers, last = torch.nn, [], len(network.weights) - 1
    for i, (W, b) in enumerate(zip(network.weights, network.biases)):
        linear = nn.Linear(W.shape[0], W.shape[1], dtype=torch.float64)
        with torch.no_grad():
            linear.weight.copy_(torch.from_numpy(W.T.copy()))
            linear.bias.copy_(torch.from_numpy(b.copy()))
        act = _torch_activation(nn, network.output_activation if i == last else network.activation)
        layers += [linear] + ([] if act is None else [act])
    return nn.Sequential(*layers)


_NAMES = {"ReLU": "relu", "Tanh": "tanh", "Sigmoid": "sigmoid", "LeakyReLU": "leaky_relu",
          "ELU": "elu", "Softmax": "softmax", "Identity": "linear"}


def from_torch(model: torch.nn.Sequential) -> Network:
    """The ``Network`` with the weights of a ``Sequential`` of ``Linear`` and activation modules
    (the layout :func:`to_torch` makes): ``W = weight.T``."""
    torch = import_torch()
    if not isinstance(model, torch.nn.Sequential):
        raise TypeError(tr("model must be a torch.nn.Sequential, got {got}").format(
            got=type(model).__name__))
    layers, acts = [], []
    for module in model:
        if isinstance(module, torch.nn.Linear):
            layers.append((module.weight.detach().double().numpy().T.copy(),
                           module.bias.detach().double().numpy().copy()))
            acts.append(("linear", None))
        elif type(module).__name__ in _NAMES and layers:
            alpha = getattr(module, "negative_slope", getattr(module, "alpha", None))
            acts[-1] = (_NAMES[type(module).__name__], alpha)
        else:
            raise ValueError(tr("model holds {got}; expected Linear layers, each followed by at "
                                "most one of {names}").format(got=type(module).__name__,
                                                             names=sorted(_NAMES)))
    if len(set(acts[:-1])) > 1:
        raise ValueError(tr("every hidden layer must have the same activation, got {got}").format(
            got=acts[:-1]))
    name, alpha = acts[0] if len(acts) > 1 else ("relu", None)
    return Network.from_weights(layers, name, acts[-1][0], alpha=alpha)


def flat_torch(model: torch.nn.Sequential, grad: bool = True) -> np.ndarray:
    """Autograd's gradients (``grad=False``: the weights themselves) of a Sequential's Linear
    layers in ``lecture_lib``'s order and layout ``[W1, b1, W2, ...]``, as one flat array."""
    linears = [m for m in model if type(m).__name__ == "Linear"]
    pick = (lambda t: t.grad) if grad else (lambda t: t.detach())
    return np.concatenate([part for m in linears for part in
                           (pick(m.weight).T.numpy().ravel(), pick(m.bias).numpy().ravel())])


def flat(pairs: Iterable[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """``[(dW1, db1), (dW2, db2), ...]`` (``Network.gradients``) as one flat array."""
    return np.concatenate([g.ravel() for pair in pairs for g in pair])


def torch_loss(model: torch.nn.Sequential, X: ArrayLike, y: ArrayLike,
               loss: str = "mse") -> torch.Tensor:
    """The loss tensor in PyTorch, reduced as ``lecture_lib`` does (``reduction="mean"``);
    losses on logits take the output before a final sigmoid or softmax module.

    Parameters
    ----------
    model : torch.nn.Sequential
        ``Linear`` layers and activation modules, as :func:`to_torch` makes them (float64).
    X, y : array_like
        Inputs ``(n_samples, n_in)`` and targets ``(n_samples, n_out)`` (for ``cross_entropy``
        also class indices ``(n_samples,)``); both become float64 tensors.
    loss : str
        One of ``LOSSES``: the ``torch.nn.functional`` loss of the same name and formula.

    Returns
    -------
    torch.Tensor
        The mean loss, 0-d and still in autograd's graph: ``.backward()`` fills the ``.grad``
        of every ``weight`` and ``bias``, ``.item()`` gives the float.
    """
    torch = import_torch()
    F, loss = torch.nn.functional, choice(loss, "loss", LOSSES)
    X, y = torch.as_tensor(X, dtype=torch.float64), torch.as_tensor(y, dtype=torch.float64)
    on_logits = loss in ("cross_entropy", "binary_cross_entropy_with_logits")
    ends_in_activation = not isinstance(model[-1], torch.nn.Linear)
    out = model[:-1](X) if on_logits and ends_in_activation else model(X)
    if loss == "cross_entropy" and y.ndim == 1:
        y = y.long()
    return {"mse": F.mse_loss, "mae": F.l1_loss, "binary_cross_entropy": F.binary_cross_entropy,
            "binary_cross_entropy_with_logits": F.binary_cross_entropy_with_logits,
            "cross_entropy": F.cross_entropy}[loss](out, y)


@dataclass(frozen=True)
class Agreement:
    """Both libraries on one batch: losses, flat gradients, largest |differences|.

    Attributes
    ----------
    loss_lecture_lib, loss_torch : float
        The loss L of ``Network.gradients`` and of :func:`torch_loss` on the same batch.
    gradients_lecture_lib, gradients_torch : ndarray
        Backprop's and autograd's ∂L/∂θ, flat as ``[W1, b1, W2, ...]`` with ``W`` ``(n_in, n_out)``
        (autograd's ``weight.grad`` transposed), so the two compare element by element.
    output_difference, loss_difference, gradient_difference : float
        Largest |lecture_lib − PyTorch| over the outputs ``(n_samples, n_out)``, of the loss and
        over the gradients: float64 round-off when the two libraries agree.
    """

    loss_lecture_lib: float
    loss_torch: float
    gradients_lecture_lib: np.ndarray
    gradients_torch: np.ndarray
    output_difference: float
    loss_difference: float
    gradient_difference: float


def compare(network: Network, model: torch.nn.Sequential, X: ArrayLike, y: ArrayLike,
            loss: str = "mse") -> Agreement:
    """Forward and backward pass in both libraries on ``(X, y)``: backprop against autograd.

    Parameters
    ----------
    network : Network
        The from-scratch network (left unchanged).
    model : torch.nn.Sequential
        The same network in PyTorch, usually ``to_torch(network)``; its ``.grad`` fields are
        zeroed, then hold this batch's gradients.
    X, y, loss
        As for :func:`torch_loss`.

    Returns
    -------
    Agreement
        Both losses, both flat gradients and the largest differences.
    """
    torch = import_torch()
    X = as_2d(X, "X", n_features=network.layer_sizes[0])
    value, grads = network.gradients(X, y, loss)
    model.zero_grad()
    tloss = torch_loss(model, X, y, loss)
    tloss.backward()
    with torch.no_grad():
        out_t = model(torch.from_numpy(X)).numpy()
    g_lib, g_torch = flat(grads), flat_torch(model)
    return Agreement(value, tloss.item(), g_lib, g_torch,
                     float(np.max(np.abs(network.forward(X) - out_t))),
                     abs(value - tloss.item()), float(np.max(np.abs(g_lib - g_torch))))


def describe_agreement(agreement: Agreement) -> str:
    """The live figure's readout for one :func:`compare`: both losses and the largest
    difference between the two sets of gradients."""
    a = agreement
    return "\n".join([f"L (lecture_lib) = {a.loss_lecture_lib:.6f}",
                      f"L (PyTorch)     = {a.loss_torch:.6f}",
                      tr("largest |gradient difference| = {difference:.1e}").format(
                          difference=a.gradient_difference)])
