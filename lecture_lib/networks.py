r"""Fully connected networks y = F[x, θ] with backpropagation.

Shapes follow the lectures with samples in rows: ``X`` is ``(n_samples, n_in)``, layer ``l`` has
weights ``W`` of shape ``(n_{l-1}, n_l)`` and biases ``b`` of shape ``(n_l,)``, and

.. math::  Z^{(l)} = A^{(l-1)} W^{(l)} + b^{(l)}, \qquad A^{(l)} = a(Z^{(l)}).

For the lecture's shallow network, ω_ij (input i → hidden j) is ``W1[i-1, j-1]``
and ω_k4 (hidden k → output) is ``W2[k-1, 0]``.

>>> from lecture_lib.networks import Network
>>> Network((2, 3, 1)).n_parameters
13
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from numpy.typing import ArrayLike

from . import activations, losses
from ._validation import as_2d, choice, make_rng, same_length
from .finite_differences import gradient_check
from .i18n import tr
from .layers import INITS, check_layers, check_sizes, count_parameters, init_std

__all__ = ["INITS", "Network", "check_layers", "count_parameters", "gradient_check"]


class Network:
    """A fully connected network of any depth.

    Parameters
    ----------
    layer_sizes : sequence of int
        ``(n_in, n_hidden_1, ..., n_out)``.
    activation : str
        Hidden activation, a name from ``lecture_lib.activations.NAMES``.
    output_activation : str
        ``"linear"`` for regression, ``"sigmoid"`` for binary and ``"softmax"`` for
        multi-class classification.
    init : {"he", "xavier", "lecun"} or float
        Weight scale: He :math:`\\sqrt{2/n_{in}}`, Xavier :math:`\\sqrt{2/(n_{in}+n_{out})}`,
        LeCun :math:`\\sqrt{1/n_{in}}`, or a float used as the standard deviation.
    seed : int or None
        Seed of the random initial weights (None: fresh randomness). Biases start at zero.
    alpha : float, optional
        Parameter of ``leaky_relu`` or ``elu`` hidden units.
    rng : numpy.random.Generator, optional
        Draw the weights from this stream instead (it wins over ``seed``), so a caller can
        keep drawing from the same stream afterwards.
    """

    def __init__(self, layer_sizes: Sequence[int], activation: str | activations.Activation = "relu",
                 output_activation: str | activations.Activation = "linear", init: str | float = "he",
                 seed: int | None = 0, alpha: float | None = None, rng: np.random.Generator | None = None) -> None:
        self.layer_sizes = check_sizes(layer_sizes)
        self.activation = activations.get(activation, alpha)
        self.output_activation = activations.get(output_activation)
        rng = make_rng(seed, rng)
        self.weights, self.biases = [], []
        for n_in, n_out in zip(self.layer_sizes[:-1], self.layer_sizes[1:]):
            self.weights.append(rng.normal(0.0, init_std(init, n_in, n_out), (n_in, n_out)))
            self.biases.append(np.zeros(n_out))
        self._pack()

    @classmethod
    def from_weights(cls, layers: Sequence[tuple[ArrayLike, ArrayLike]],
                     activation: str | activations.Activation = "relu",
                     output_activation: str | activations.Activation = "linear",
                     alpha: float | None = None) -> Network:
        """Build a network from explicit ``[(W1, b1), (W2, b2), ...]``.

        Parameters
        ----------
        layers : list of (W, b)
            ``W`` of layer l is ``(n_{l-1}, n_l)`` and ``b`` is ``(n_l,)``.
        activation, output_activation, alpha
            As for :class:`Network`.

        Returns
        -------
        Network
        """
        layers = check_layers(layers)
        sizes = (layers[0][0].shape[0],) + tuple(W.shape[1] for W, _ in layers)
        net = cls(sizes, activation, output_activation, init=1.0, seed=0, alpha=alpha)
        for param, given in zip(net.parameters(), [p for wb in layers for p in wb]):
            param[...] = given     # into the packed block (the random start is overwritten)
        return net

    def _pack(self) -> None:
        """Copy the parameters into one flat block and keep views (gradients: a second block)."""
        params = self.parameters()
        ends = np.cumsum([0] + [p.size for p in params])
        self._flat = np.concatenate([p.ravel() for p in params])
        self._grad = np.zeros(ends[-1])
        views = [[block[a:b].reshape(p.shape) for a, b, p in zip(ends[:-1], ends[1:], params)]
                 for block in (self._flat, self._grad)]
        self.weights, self.biases = views[0][::2], views[0][1::2]
        self._grads = views[1]

    def flat_parameters(self) -> tuple[np.ndarray, np.ndarray]:
        """``(parameters, gradients)``: the flat blocks behind :meth:`parameters` and :meth:`backprop`.

        An optimiser bound to ``[parameters]`` updates every weight at once (as ``train`` does).
        """
        if any(p.base is not self._flat for p in self.parameters()):
            self._pack()
        return self._flat, self._grad

    @property
    def n_parameters(self) -> int:
        """Number of weights and biases (see :func:`count_parameters`)."""
        return count_parameters(self.layer_sizes)

    def parameters(self) -> list[np.ndarray]:
        """The live arrays ``[W1, b1, W2, b2, ...]``; optimisers update them in place."""
        return [p for pair in zip(self.weights, self.biases) for p in pair]

    def forward(self, X: ArrayLike) -> np.ndarray:
        """Network output for inputs ``X`` of shape ``(n_samples, n_in)``."""
        return self.forward_trace(X)[-1][1]

    __call__ = forward

    def forward_trace(self, X: ArrayLike) -> list[tuple[np.ndarray, np.ndarray]]:
        """Every layer's ``(Z, A)``: pre-activations and activations, input first as ``(X, X)``."""
        return self.trace(as_2d(X, "X", n_features=self.layer_sizes[0]))

    def trace(self, X: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """Unvalidated :meth:`forward_trace` for a checked float array ``(n_samples, n_in)``."""
        trace = [(X, X)]
        last = len(self.weights) - 1
        for i, (W, b) in enumerate(zip(self.weights, self.biases)):
            Z = trace[-1][1] @ W + b
            act = self.output_activation if i == last else self.activation
            trace.append((Z, act.forward(Z)))
        return trace

    def gradients(self, X: ArrayLike, y: ArrayLike,
                  loss: str | losses.Loss = "mse") -> tuple[float, list[tuple[np.ndarray, np.ndarray]]]:
        """Loss value and the gradient of every weight and bias, by backpropagation.

        Losses that take logits (``cross_entropy``, ``binary_cross_entropy_with_logits``) are applied
        to the last pre-activation; ``binary_cross_entropy`` after a sigmoid output is computed in
        the same stable logit form.

        Parameters
        ----------
        X, y, loss
            As for :meth:`prepare`.

        Returns
        -------
        (float, list of (dW, db))
            ``(loss_value, [(dW1, db1), (dW2, db2), ...])``, shaped like the weights and biases.
        """
        value, grads = self.backprop(*self.prepare(X, y, loss))
        return value, [(grads[i].copy(), grads[i + 1].copy()) for i in range(0, len(grads), 2)]

    def prepare(self, X: ArrayLike, y: ArrayLike, loss: str | losses.Loss,
                names: tuple[str, str] = ("X", "y")) -> tuple:
        """Validate ``(X, y, loss)`` once, for many unvalidated :meth:`backprop` calls.

        Parameters
        ----------
        X, y : array_like
            Inputs ``(n_samples, n_in)``, targets ``(n_samples, n_out)`` (1-D: one column).
        loss : str or Loss
        names : pair of str
            The arguments' names in error messages.

        Returns
        -------
        tuple
            ``(X, Y, kernel, on_logits)``, :meth:`backprop`'s arguments (on_logits: the kernel
            takes the last pre-activation).
        """
        X = as_2d(X, names[0], n_features=self.layer_sizes[0])
        loss = losses.get(loss)
        if loss.name == "cross_entropy" and np.ndim(y) == 1:
            Y = losses.class_targets(y, self.layer_sizes[-1], names[1])
        else:
            Y = as_2d(y, names[1], n_features=self.layer_sizes[-1])
        same_length(X, Y, *names)
        kernel, on_logits = self._loss_kernel(loss)
        return X, Y, kernel, on_logits

    def _loss_kernel(self, loss):
        """Pick the (kernel, applies-to-logits) pair: fused stable forms where possible."""
        out = self.output_activation.name
        if loss.takes_logits:
            ok = {"cross_entropy": ("linear", "softmax"),
                  "binary_cross_entropy_with_logits": ("linear", "sigmoid")}[loss.name]
            choice(out, f"output_activation for loss {loss.name!r}", ok)
            return loss.kernel, True
        if loss.name == "binary_cross_entropy":  # needs probabilities in [0, 1]
            choice(out, "output_activation for loss 'binary_cross_entropy'",
                   ("sigmoid", "hard_sigmoid"))
            if out == "sigmoid":
                return losses.get("binary_cross_entropy_with_logits").kernel, True
        return loss.kernel, False

    def backprop(self, X: np.ndarray, Y: np.ndarray, kernel: Callable[[np.ndarray, np.ndarray], tuple],
                 on_logits: bool) -> tuple[float, list[np.ndarray]]:
        """Unvalidated forward + backward pass on the output of :meth:`prepare`.

        Parameters
        ----------
        X, Y, kernel, on_logits
            The output of :meth:`prepare`.

        Returns
        -------
        (float, list of ndarray)
            ``(loss, [dW1, db1, dW2, db2, ...])``: views of the gradient block of
            :meth:`flat_parameters`, overwritten by the next call (buffers are reused too).
        """
        ones, Zs, zeros, Ds = self._workspace(X.shape[0])
        act = self.activation
        Ws, last = self.weights, len(self.weights) - 1
        acts, pre = [X], []
        for i in range(last + 1):
            Z = np.matmul(acts[i], Ws[i], out=Zs[i])
            Z += self.biases[i]
            if i < last:
                pre.append(Z)
                acts.append(act.forward(Z, out=Z, zero=zeros[i]) if act.in_place
                            else act.forward(Z))
        out = self.output_activation
        if on_logits or out.name == "linear":
            value, delta = kernel(Y, Z)
        else:
            A = out.forward(Z)
            value, delta = kernel(Y, A)
            delta = out.backward(Z, A, delta)
        grads = self._grads
        for layer in range(last, -1, -1):
            np.matmul(acts[layer].T, delta, out=grads[2 * layer])
            np.matmul(ones, delta, out=grads[2 * layer + 1])
            if layer:
                dA = np.matmul(delta, Ws[layer].T, out=Ds[layer - 1])
                delta = act.backward(pre[layer - 1], acts[layer], dA,
                                     out=dA if act.in_place else None)
        return value, grads

    def _workspace(self, n):
        """Buffers for n samples: ``(ones, [Z per layer], [zeros], [dL/dA per hidden])``
        (the dL/dA arrays of consecutive hidden layers alternate between two buffers)."""
        cache = self.__dict__.setdefault("_buffers", {})
        ws = cache.get(n)
        if ws is None:
            if len(cache) >= 4:
                cache.clear()
            widths = [W.shape[1] for W in self.weights]
            flat = [np.zeros(n * max(widths[:-1], default=0)) for _ in range(3)]
            views = [[f[:n * k].reshape(n, k) for k in widths[:-1]] for f in flat]
            ws = cache[n] = (np.ones(n), [np.empty((n, k)) for k in widths], views[2],
                             [views[i % 2][i] for i in range(len(widths) - 1)])
        return ws

    def loss(self, X: ArrayLike, y: ArrayLike, loss: str | losses.Loss = "mse") -> float:
        """The loss of the network on ``(X, y)``.

        Parameters
        ----------
        X, y, loss
            As for :meth:`prepare`.

        Returns
        -------
        float
        """
        return self.gradients(X, y, loss)[0]

    def copy(self) -> Network:
        """An independent copy with the same weights."""
        return Network.from_weights(list(zip(self.weights, self.biases)),
                                    self.activation, self.output_activation)

    def __repr__(self):
        return (f"Network(layer_sizes={self.layer_sizes}, activation="
                f"{self.activation.name!r}, output_activation={self.output_activation.name!r})")


def as_network(value: object, name: str = "network") -> Network:
    """``value`` itself if it is a :class:`Network`; otherwise a ``TypeError`` naming ``name``
    (the check every function that takes a network makes at its boundary)."""
    if not isinstance(value, Network):
        raise TypeError(tr("{name} must be a lecture_lib Network, got {got}").format(
            name=name, got=type(value).__name__))
    return value
