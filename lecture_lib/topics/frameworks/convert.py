"""From scratch to PyTorch, the conversion: a ``Network`` as a ``torch`` model and back, and
both trained side by side, number for number (the package docstring has the conventions)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..._validation import as_2d, choice, make_rng, positive_int, real_number
from ...i18n import mark, tr
from ...networks import Network, as_network
from ...training import SGD, Adam, Momentum

TORCH_INSTALL = "pip install torch --index-url https://download.pytorch.org/whl/cpu"
_MISSING = mark("PyTorch is not installed, so the PyTorch cells of this notebook cannot run: "
                "install its CPU build with  {install}  (Colab has it already), then restart "
                "the kernel.")
MISSING = _MISSING.format(install=TORCH_INSTALL)   # the English sentence
OPTIMIZERS = ("sgd", "momentum", "adam")
LOSSES = ("mse", "mae", "binary_cross_entropy", "binary_cross_entropy_with_logits", "cross_entropy")


class TorchMissing(ImportError):
    """PyTorch is not installed. IPython shows only the message, never a traceback."""

    def _render_traceback_(self) -> list[str]:
        return [str(self)]


def import_torch():
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


def to_torch(network: Network):
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


def from_torch(model) -> Network:
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


def flat_torch(model, grad: bool = True) -> np.ndarray:
    """Autograd's gradients (``grad=False``: the weights themselves) of a Sequential's Linear
    layers in ``lecture_lib``'s order and layout ``[W1, b1, W2, ...]``, as one flat array."""
    linears = [m for m in model if type(m).__name__ == "Linear"]
    pick = (lambda t: t.grad) if grad else (lambda t: t.detach())
    return np.concatenate([part for m in linears for part in
                           (pick(m.weight).T.numpy().ravel(), pick(m.bias).numpy().ravel())])


def flat(pairs) -> np.ndarray:
    """``[(dW1, db1), (dW2, db2), ...]`` (``Network.gradients``) as one flat array."""
    return np.concatenate([g.ravel() for pair in pairs for g in pair])


def torch_loss(model, X, y, loss: str = "mse"):
    """The loss tensor in PyTorch, reduced as ``lecture_lib`` does (``reduction="mean"``);
    losses on logits take the output before a final sigmoid or softmax module."""
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
    """Both libraries on one batch: losses, flat gradients, largest |differences|."""

    loss_lecture_lib: float
    loss_torch: float
    gradients_lecture_lib: np.ndarray
    gradients_torch: np.ndarray
    output_difference: float
    loss_difference: float
    gradient_difference: float


def compare(network: Network, model, X, y, loss: str = "mse") -> Agreement:
    """Forward and backward pass in both libraries on ``(X, y)``: backprop against autograd."""
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


def batch_order(n_samples: int, batch_size: int | None, epochs: int, seed: int | None = 0):
    """Index arrays of every batch, in the order :func:`lecture_lib.training.train` uses:
    each epoch a fresh permutation (seeded) cut into batches; the full batch unshuffled."""
    n, epochs = positive_int(n_samples, "n_samples"), positive_int(epochs, "epochs")
    size = n if batch_size is None else positive_int(batch_size, "batch_size")
    rng = make_rng(seed)
    for _ in range(epochs):
        order = rng.permutation(n) if size < n else np.arange(n)
        for start in range(0, n, size):
            yield order[start:start + size]


@dataclass(frozen=True)
class Trajectory:
    """Per update step: each library's loss (before the step) and the largest
    :math:`|θ_{lecture\\_lib} - θ_{torch}|` over all parameters after it."""

    loss_lecture_lib: np.ndarray
    loss_torch: np.ndarray
    parameter_difference: np.ndarray


def _optimizers(name, lr, model):
    torch = import_torch()
    name, lr = choice(name, "optimizer", OPTIMIZERS), real_number(lr, "lr", low=0.0, low_open=True)
    if name == "adam":
        return Adam(lr), torch.optim.Adam(model.parameters(), lr=lr)
    if name == "momentum":
        return Momentum(lr, 0.9), torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)
    return SGD(lr), torch.optim.SGD(model.parameters(), lr=lr)


def train_side_by_side(network: Network, X, y, loss: str = "mse", optimizer: str = "sgd",
                       lr: float = 0.1, epochs: int = 10, batch_size: int | None = None,
                       seed: int | None = 0) -> Trajectory:
    """Train ``network`` (in place) and a torch copy on the same batches; record every step.
    ``optimizer``: ``"sgd"``, ``"momentum"`` (β = 0.9) or ``"adam"``, lecture_lib's ``SGD``,
    ``Momentum``, ``Adam`` against ``torch.optim.SGD``, ``SGD(momentum=0.9)``, ``Adam``."""
    X = as_2d(X, "X", n_features=network.layer_sizes[0])
    Y = np.asarray(y, dtype=np.float64)
    model = to_torch(network)
    ours, theirs = _optimizers(optimizer, lr, model)
    lib, tor, diff = [], [], []
    for idx in batch_order(len(X), batch_size, epochs, seed):
        value, grads = network.gradients(X[idx], Y[idx], loss)
        ours.step(network.parameters(), [g for pair in grads for g in pair])
        theirs.zero_grad()
        tloss = torch_loss(model, X[idx], Y[idx], loss)
        tloss.backward()
        theirs.step()
        lib, tor = lib + [value], tor + [tloss.item()]
        theta = flat(zip(network.weights, network.biases))
        diff.append(float(np.max(np.abs(theta - flat_torch(model, grad=False)))))
    return Trajectory(np.array(lib), np.array(tor), np.array(diff))
