"""lecture_lib's losses agree with PyTorch's defaults, value and gradient, for many outputs.

``mse``, ``mae`` and both binary cross-entropies average over every element, as
``reduction="mean"`` does in ``torch.nn.functional``; ``cross_entropy`` averages over
samples. The gradients are compared with PyTorch's autograd, and a network's loss and
backprop gradients with the same network written in PyTorch.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from lecture_lib import losses as L
from lecture_lib.networks import Network, gradient_check

RNG = np.random.default_rng(7)
N, K = 6, 3
Y_REAL = RNG.normal(size=(N, K))
PRED = RNG.normal(size=(N, K))
Y_BIN = (RNG.uniform(size=(N, K)) < 0.5).astype(float)
LABELS = RNG.integers(0, K, size=N)

CASES = {
    "mse": (Y_REAL, PRED, F.mse_loss),
    "mae": (Y_REAL, PRED, F.l1_loss),
    "binary_cross_entropy": (Y_BIN, 1.0 / (1.0 + np.exp(-PRED)),
                             lambda p, y: F.binary_cross_entropy(p, y)),
    "binary_cross_entropy_with_logits": (Y_BIN, PRED, F.binary_cross_entropy_with_logits),
    "cross_entropy": (LABELS, PRED, lambda z, y: F.cross_entropy(z, y)),
}


def _torch_value_and_grad(name, y, p):
    pred = torch.tensor(p, dtype=torch.float64, requires_grad=True)
    target = torch.tensor(y, dtype=torch.long if name == "cross_entropy" else torch.float64)
    value = CASES[name][2](pred, target)
    value.backward()
    return value.item(), pred.grad.numpy()


@pytest.mark.parametrize("name", list(CASES))
def test_value_and_gradient_match_pytorch_for_three_outputs(name):
    y, p, _ = CASES[name]
    expected, expected_grad = _torch_value_and_grad(name, y, p)
    loss = L.get(name)
    assert loss(y, p) == pytest.approx(expected, rel=1e-12)
    np.testing.assert_allclose(loss.grad(y, p), expected_grad, rtol=1e-10, atol=1e-15)


def test_mse_of_two_outputs_is_torch_not_twice_it():
    y, p = Y_REAL[:, :2], PRED[:, :2]
    expected = float(F.mse_loss(torch.tensor(p), torch.tensor(y)))
    assert L.mse(y, p) == pytest.approx(expected, rel=1e-12)


def _torch_network(net):
    """The same weights as a torch MLP (tanh hidden units, linear output)."""
    params = [torch.tensor(p, requires_grad=True) for p in net.parameters()]

    def forward(X):
        A = torch.tensor(X)
        for i in range(0, len(params), 2):
            A = A @ params[i] + params[i + 1]
            if i + 2 < len(params):
                A = torch.tanh(A)
        return A
    return params, forward


@pytest.mark.parametrize("name", ["mse", "mae", "binary_cross_entropy_with_logits",
                                  "cross_entropy"])
def test_network_loss_and_backprop_match_pytorch(name):
    net = Network((4, 5, K), activation="tanh", seed=3)
    X = RNG.normal(size=(N, 4))
    y = CASES[name][0]
    value, grads = net.gradients(X, y, name)
    params, forward = _torch_network(net)
    target = torch.tensor(y, dtype=torch.long if name == "cross_entropy" else torch.float64)
    expected = CASES[name][2](forward(X), target)
    expected.backward()
    assert value == pytest.approx(expected.item(), rel=1e-12)
    ours = [g for pair in grads for g in pair]
    for g, p in zip(ours, params):
        np.testing.assert_allclose(g, p.grad.numpy(), rtol=1e-9, atol=1e-14)


@pytest.mark.parametrize("name", ["mse", "mae", "binary_cross_entropy_with_logits",
                                  "cross_entropy"])
def test_gradient_check_passes_for_multi_output(name):
    net = Network((4, 5, K), activation="tanh", seed=4)
    X = RNG.normal(size=(N, 4))
    assert gradient_check(net, X, CASES[name][0], name) <= 1e-6
