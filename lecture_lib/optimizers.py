r"""Optimisers: update rules for parameter arrays, in place.

The basic rule is the lecture's step :math:`w^{(t+1)} = w^{(t)} - \eta\, dL/dw|_{w^{(t)}}`;
:class:`Momentum` and :class:`Adam` add a memory of past gradients. Each optimiser has a
validated :meth:`Optimizer.step` and, for loops that checked their arrays once, the pair
:meth:`Optimizer.bind` (once) and :meth:`Optimizer.update` (every step). They are used by
:func:`lecture_lib.training.train` and :mod:`lecture_lib.topics.descent`.

>>> import numpy as np
>>> w = np.array([1.0])
>>> GD(0.25).step([w], [np.array([2.0])])
>>> w.tolist()
[0.5]
"""

from __future__ import annotations

import abc

import numpy as np

from ._validation import as_array, real_number
from .i18n import tr


class Optimizer(abc.ABC):
    """Base class: hyper-parameters plus per-parameter state tied to one set of arrays."""

    full_batch = False  #: whether it always takes the whole training set as one batch
    _hyper = ("lr",)    #: attribute names shown by ``repr``

    def __init__(self, lr: float):
        self.lr = real_number(lr, "lr", low=0.0, low_open=True)
        self._key = None

    def step(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        """Update the float64 arrays ``params`` in place from ``grads`` (same shapes)."""
        if not isinstance(params, (list, tuple)) or not isinstance(grads, (list, tuple)) \
                or len(params) != len(grads):
            raise ValueError(tr("params and grads must be lists of arrays of the same length"))
        for i, (p, g) in enumerate(zip(params, grads)):
            if not isinstance(p, np.ndarray) or p.dtype != np.float64:
                raise TypeError(tr("params[{i}] must be a float64 numpy array").format(i=i))
            if np.shape(as_array(g, f"grads[{i}]")) != p.shape:
                raise ValueError(tr("grads[{i}] must have shape {want}, got {got}").format(
                    i=i, want=p.shape, got=np.shape(g)))
        self.bind(params)
        self.update(params, [np.array(g, dtype=np.float64) for g in grads])

    def reset(self) -> None:
        """Forget the state (velocities, moments): the next step starts as the first."""
        self._key = None

    def bind(self, params: list[np.ndarray]) -> None:
        """Tie the state to ``params``: (re)create it when they are a new set of arrays.

        Call once before a loop of :meth:`update` calls (``step`` does both).
        """
        key = tuple((id(p), p.shape) for p in params)
        if key != self._key:
            self._key = key
            self._init_state(params)

    def _init_state(self, params) -> None:  # noqa: B027 (an optional hook: plain SGD keeps no state)
        """Allocate per-parameter state; plain gradient descent has none."""

    @abc.abstractmethod
    def update(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        """Unvalidated in-place update of arrays bound with :meth:`bind`.

        The fast path of loops that checked their arrays once; it may overwrite ``grads``
        (scratch arrays).
        """

    def __repr__(self):
        args = ", ".join(f"{name}={getattr(self, name):g}" for name in self._hyper)
        return f"{type(self).__name__}({args})"


class SGD(Optimizer):
    r"""Stochastic gradient descent, :math:`w^{(t+1)} = w^{(t)} - \eta\, dL_B/dw|_{w^{(t)}}`
    on each mini-batch B (its size is an argument of :func:`train`).
    """

    def update(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        r"""Unvalidated step :math:`w \leftarrow w - \eta g` (see :meth:`Optimizer.update`)."""
        for p, g in zip(params, grads):
            p -= self.lr * g


class GD(SGD):
    r"""Full-batch gradient descent, :math:`w^{(t+1)} = w^{(t)} - \eta\, dL/dw|_{w^{(t)}}`.

    The update of :class:`SGD` on the whole training set: one step per epoch and no
    shuffling; :func:`train` rejects a ``batch_size`` smaller than the data.
    """

    full_batch = True


class Momentum(Optimizer):
    r"""Gradient descent with momentum: steps follow a decaying sum of past gradients,

    .. math::  v^{(t+1)} = \beta\, v^{(t)} + \frac{dL}{dw}\Big|_{w^{(t)}}, \qquad
               w^{(t+1)} = w^{(t)} - \eta\, v^{(t+1)}, \qquad v^{(0)} = 0

    (PyTorch's form). :math:`\beta = 0` is plain SGD; on a steady slope the step grows
    to :math:`\eta / (1 - \beta)` times the gradient.
    """

    _hyper = ("lr", "beta")

    def __init__(self, lr: float, beta: float = 0.9):
        super().__init__(lr)
        self.beta = _fraction(beta, "beta")

    def _init_state(self, params) -> None:
        self._velocity = [np.zeros_like(p) for p in params]

    def update(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        """Unvalidated momentum step (see :meth:`Optimizer.update`)."""
        for p, g, v in zip(params, grads, self._velocity):
            v *= self.beta
            v += g
            p -= self.lr * v


class Adam(Optimizer):
    r"""Adam: momentum plus a per-parameter step size from the running squared gradient.

    With :math:`g = dL/dw` at steps :math:`t = 1, 2, \dots` and :math:`m^{(0)} = s^{(0)} = 0`:
    :math:`m^{(t)} = \beta_1 m^{(t-1)} + (1 - \beta_1)\, g`,
    :math:`s^{(t)} = \beta_2 s^{(t-1)} + (1 - \beta_2)\, g^2` and
    :math:`w^{(t)} = w^{(t-1)} - \eta\, \hat m / (\sqrt{\hat s} + \epsilon)` with the
    start-up corrections :math:`\hat m = m^{(t)} / (1 - \beta_1^t)` and
    :math:`\hat s = s^{(t)} / (1 - \beta_2^t)`. Dividing by :math:`\sqrt{\hat s}` is the
    "adaptive learning rate": each parameter moves about η per step, whatever its scale.

    Parameters
    ----------
    lr : float
        The learning rate η > 0.
    beta1, beta2 : float
        The decay rates :math:`\beta_1, \beta_2` in [0, 1) of the running mean m and the
        running squared gradient s.
    eps : float
        The :math:`\epsilon > 0` that keeps the division finite.
    """

    _hyper = ("lr", "beta1", "beta2", "eps")

    def __init__(self, lr: float, beta1: float = 0.9, beta2: float = 0.999,
                 eps: float = 1e-8):
        super().__init__(lr)
        self.beta1 = _fraction(beta1, "beta1")
        self.beta2 = _fraction(beta2, "beta2")
        self.eps = real_number(eps, "eps", low=0.0, low_open=True)

    def _init_state(self, params) -> None:
        self._t = 0
        self._m = [np.zeros_like(p) for p in params]
        self._s = [np.zeros_like(p) for p in params]

    def update(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        """Unvalidated Adam step (see :meth:`Optimizer.update`)."""
        self._t += 1
        b1, b2 = self.beta1, self.beta2
        c1, c2 = 1.0 - b1 ** self._t, 1.0 - b2 ** self._t
        for p, g, m, s in zip(params, grads, self._m, self._s):
            m *= b1
            m += (1.0 - b1) * g
            s *= b2
            s += (1.0 - b2) * g * g
            p -= self.lr * (m / c1) / (np.sqrt(s / c2) + self.eps)


def _fraction(value, name) -> float:
    value = real_number(value, name, low=0.0)
    if value >= 1.0:
        raise ValueError(tr("{name} must be in [0, 1), got {got}").format(name=name, got=value))
    return value
