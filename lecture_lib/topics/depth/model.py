"""Deep networks, the numerics: folding by composition, depth against width at a fixed budget,
and how activations and gradients scale with depth at initialisation."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from ..._validation import as_array, make_rng, ordered_pair, positive_int, real_number
from ...i18n import tr
from ...networks import Network, as_network
from ...regions import region_boundaries
from ...shallow import fit_relu_output

def tent_network(depth: int) -> Network:
    r"""``depth`` hidden layers of 2 ReLU units that fold [0, 1] onto itself ``depth`` times.

    Each layer computes the tent map :math:`T(u) = 2\,\mathrm{relu}(u) - 4\,\mathrm{relu}(u - 1/2)`
    of the previous layer's tent value u, which maps [0, 1] onto [0, 1] twice. The
    composition :math:`T^{L}` has :math:`2^L` linear regions on [0, 1], from only
    :math:`6L + 1` parameters.
    """
    depth = positive_int(depth, "depth")
    fold = ([[1.0, 1.0]], [0.0, -0.5])           # layer 1 reads x itself
    refold = ([[2.0, 2.0], [-4.0, -4.0]], [0.0, -0.5])  # reads T(u) = 2 h1 - 4 h2
    return Network.from_weights([fold] + [refold] * (depth - 1) + [([[2.0], [-4.0]], [0.0])])


def compose(inner: Network, outer: Network) -> Network:
    r"""The network :math:`x \mapsto \mathrm{outer}(\mathrm{inner}(x))` as one deep network.

    The inner network's linear output layer :math:`(W_o, b_o)` and the outer network's
    first layer :math:`(W_1, b_1)` merge into one layer :math:`(W_o W_1, b_o W_1 + b_1)`.
    """
    as_network(inner, "inner"), as_network(outer, "outer")
    if inner.output_activation.name != "linear":
        raise ValueError(tr("inner must have a linear output layer to be composed"))
    if inner.layer_sizes[-1] != outer.layer_sizes[0]:
        raise ValueError(tr("inner has {n_out} outputs but outer takes {n_in} inputs").format(
            n_out=inner.layer_sizes[-1], n_in=outer.layer_sizes[0]))
    if inner.activation.name != outer.activation.name:
        raise ValueError(tr("inner and outer must use the same hidden activation"))
    (Wo, bo), (W1, b1) = (inner.weights[-1], inner.biases[-1]), (outer.weights[0], outer.biases[0])
    layers = list(zip(inner.weights[:-1], inner.biases[:-1])) + [(Wo @ W1, bo @ W1 + b1)]
    layers += list(zip(outer.weights[1:], outer.biases[1:]))
    return Network.from_weights(layers, inner.activation, outer.output_activation)


def shallow_width(n_parameters: int) -> int:
    """The most hidden units a (1, n, 1) network can have within ``n_parameters``: 3n + 1 ≤ budget."""
    n_parameters = positive_int(n_parameters, "n_parameters", minimum=4)
    return (n_parameters - 1) // 3


def shallow_fit(x: ArrayLike, y: ArrayLike, n_units: int, x_min: float, x_max: float,
                joints: ArrayLike | None = None) -> Network:
    r"""A (1, n, 1) ReLU network fitted to samples (x, y) by least squares.

    Unit k is :math:`\mathrm{relu}(x - x_k)`; only the output weights and bias are fitted.
    The joints :math:`x_k` are ``joints`` (n positions) or, by default, the centres of n
    equal cells of (x_min, x_max); the fit is :func:`lecture_lib.shallow.fit_relu_output`.
    It shows what a shallow network of a given size can
    do with those joints, not the best it could ever do.

    Parameters
    ----------
    x, y : array_like, shape (n_samples,)
    n_units : int
        Number of hidden units n.
    x_min, x_max : float
        The interval of the default joints.
    joints : array_like, shape (n,), optional

    Returns
    -------
    Network
    """
    n = positive_int(n_units, "n_units")
    lo, hi = ordered_pair(x_min, x_max, "x_min", "x_max")
    if joints is None:
        joints = lo + (hi - lo) * (np.arange(n) + 0.5) / n   # evenly spread, all inside
    elif as_array(joints, "joints", ndim=1).size != n:
        raise ValueError(tr("joints must hold n_units = {n} positions, got {got}").format(
            n=n, got=np.size(joints)))
    return fit_relu_output(x, y, joints)


def budget_fit(deep: Network, x_min: float, x_max: float, n_points: int = 1025) -> Network:
    """The shallow (1, n, 1) network with the parameter budget of ``deep``, fitted to it.

    ``n = shallow_width(deep.n_parameters)``. If one unit at ``x_min`` (the slope at the
    left end) plus one per joint of ``deep`` fit in n units, the joints go exactly there
    (spare units spread evenly) and the fit is exact; otherwise they are spread evenly
    (:func:`shallow_fit`), since n joints cannot make more than n + 1 pieces anyway.

    Parameters
    ----------
    deep : Network
        The deep network to match (1 input, 1 output).
    x_min, x_max : float
        The interval of the fit.
    n_points : int
        Evenly spaced x of the fit.

    Returns
    -------
    Network
    """
    lo, hi = ordered_pair(x_min, x_max, "x_min", "x_max")
    x = np.linspace(lo, hi, positive_int(n_points, "n_points", minimum=2))
    n = shallow_width(deep.n_parameters)
    placed = np.concatenate([[lo], region_boundaries(deep, lo, hi)])
    joints = None
    if placed.size <= n:
        spare = n - placed.size
        joints = np.concatenate([placed, lo + (hi - lo) * (np.arange(spare) + 0.5) / max(spare, 1)])
    return shallow_fit(x, deep.forward(x[:, None])[:, 0], n, lo, hi, joints=joints)


def activation_rms(depth: int, gain: float, width: int = 64, n_samples: int = 64,
                   seed: int = 0) -> np.ndarray:
    r"""Root-mean-square activation :math:`\sqrt{\mathrm{mean}(a^{(l)2})}` after each of ``depth`` layers.

    A stack of ``width``-unit ReLU layers with zero biases and weights
    :math:`w \sim \mathcal N(0, g^2 / n_\mathrm{in})`, fed standard-normal inputs. For ReLU
    each layer multiplies the mean square by :math:`g^2/2` on average, so the scale is kept
    only by He initialisation, :math:`g = \sqrt 2`. Entry 0 is the input.

    Parameters
    ----------
    depth, width : int
        Number of layers and units per layer.
    gain : float
        The factor g > 0 of the weights' standard deviation.
    n_samples, seed : int
        Standard-normal input rows; seed of the inputs and the weights.

    Returns
    -------
    ndarray, shape (depth + 1,)
    """
    depth, width = positive_int(depth, "depth"), positive_int(width, "width")
    n_samples = positive_int(n_samples, "n_samples")
    gain = real_number(gain, "gain", low=0.0, low_open=True)
    A, weights = _random_stack(depth, width, n_samples, seed)
    rms = [float(np.sqrt(np.mean(A * A)))]
    for W in weights:
        A = np.maximum(A @ W * (gain / np.sqrt(width)), 0.0)
        rms.append(float(np.sqrt(np.mean(A * A))))
    return np.array(rms)


def gradient_rms(depth: int, gain: float, width: int = 64, n_samples: int = 64,
                 seed: int = 0) -> np.ndarray:
    r"""Root-mean-square of the backward signal :math:`\delta^{(l)} = \partial L/\partial z^{(l)}`
    at each layer l = 1 … ``depth`` of the stack of :func:`activation_rms` (same weights).

    The backward pass of notebook 11 starts from a standard-normal
    :math:`\partial L/\partial a^{(L)}` at the top (drawn from ``seed + 1``) and goes down,
    :math:`\delta^{(l)} = (\delta^{(l+1)} W^{(l+1)\top}) \odot f'(z^{(l)})`. Each step
    multiplies the mean square by :math:`g^2/2` on average, as the forward pass does, so
    :math:`\mathrm{RMS}(\delta^{(l)}) \approx \mathrm{RMS}(\delta^{(L)})\,(g/\sqrt 2)^{L-l}`:
    it vanishes on the way down for :math:`g < \sqrt 2` and explodes for :math:`g > \sqrt 2`.
    Entry ``l - 1`` is layer l; the first layer's weight gradient
    :math:`x^\top \delta^{(1)}` has the scale of ``[0]`` (the inputs have RMS 1).

    Parameters
    ----------
    depth, gain, width, n_samples, seed
        As for :func:`activation_rms`, whose stack (the same weights) this runs backwards.

    Returns
    -------
    ndarray, shape (depth,)
        :math:`\mathrm{RMS}(\delta^{(l)})` for l = 1 … ``depth``.
    """
    depth, width = positive_int(depth, "depth"), positive_int(width, "width")
    n_samples = positive_int(n_samples, "n_samples")
    gain = real_number(gain, "gain", low=0.0, low_open=True)
    A, weights = _random_stack(depth, width, n_samples, seed)
    scaled = [W * (gain / np.sqrt(width)) for W in weights]
    on = []
    for W in scaled:                      # forward: remember where f'(z) = 1
        Z = A @ W
        on.append(Z > 0)
        A = np.maximum(Z, 0.0)
    delta = make_rng(seed + 1).standard_normal((n_samples, width)) * on[-1]
    rms = [float(np.sqrt(np.mean(delta * delta)))]
    for W, mask in zip(scaled[:0:-1], on[-2::-1]):   # down: layer l + 1's W, layer l's f'
        delta = (delta @ W.T) * mask
        rms.append(float(np.sqrt(np.mean(delta * delta))))
    return np.array(rms[::-1])


_STACKS: dict = {}


def _random_stack(depth, width, n_samples, seed):
    """Inputs and ``depth`` standard-normal weight matrices, drawn in order from ``seed``.

    Kept between calls (a slider moves the gain or depth many times; the draws stay the
    same): layer l's weights do not depend on how deep the stack is.
    """
    key = (width, n_samples, seed)
    if key not in _STACKS:
        if len(_STACKS) > 8:
            _STACKS.clear()
        rng = make_rng(seed)
        _STACKS[key] = (rng, rng.standard_normal((n_samples, width)), [])
    rng, X, weights = _STACKS[key]
    while len(weights) < depth:
        weights.append(rng.standard_normal((width, width)))
    return X, weights[:depth]


def random_relu_network(layer_sizes: Sequence[int], seed: int | None = 0, bias_scale: float = 1.0) -> Network:
    """A He-initialised ReLU network with random biases N(0, bias_scale²) (zero biases would
    put every kink at x = 0).

    One generator from ``seed`` (None: fresh randomness) draws the weights, then the biases.

    Parameters
    ----------
    layer_sizes : sequence of int
    seed : int or None
    bias_scale : float
        Standard deviation of the biases (≥ 0).

    Returns
    -------
    Network
    """
    scale = real_number(bias_scale, "bias_scale", low=0.0)
    rng = make_rng(seed)
    net = Network(layer_sizes, "relu", rng=rng)
    for b in net.biases:
        b[:] = rng.normal(0.0, scale, b.shape)
    return net
