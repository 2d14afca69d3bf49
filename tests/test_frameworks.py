"""Tests for lecture_lib.topics.frameworks against PyTorch: the same network, the same numbers.

The topic module imports torch only inside its functions: the module itself (and every
other lecture_lib module) imports without it, and a missing torch is one sentence.
"""

import subprocess
import sys

import numpy as np
import pytest
import torch  # the test extra installs it (.ci/run: the pinned CPU build); never skipped
from hypothesis import given, settings
from hypothesis import strategies as st

from lecture_lib import datasets
from lecture_lib.i18n import set_language
from lecture_lib.networks import Network
from lecture_lib.topics import frameworks
from lecture_lib.training import SGD, train


def _sine():
    return datasets.noisy_sine(40, noise=0.1, seed=0)


def test_lecture_lib_imports_without_torch():
    """Claim (issue 11): PyTorch is never a runtime dependency of lecture_lib."""
    code = ("import sys; sys.modules['torch'] = None\n"
            "import lecture_lib, lecture_lib.topics.frameworks, lecture_lib.plots.frameworks, "
            "lecture_lib.checks.frameworks\n"
            "print('torch' in sys.modules and sys.modules['torch'] is not None)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_missing_torch_is_one_sentence_with_the_install_command(monkeypatch):
    monkeypatch.setitem(sys.modules, "torch", None)   # import torch now raises ImportError
    with pytest.raises(frameworks.TorchMissing) as info:
        frameworks.import_torch()
    message = str(info.value)
    assert "pip install torch --index-url https://download.pytorch.org/whl/cpu" in message
    assert message.startswith("PyTorch is not installed") and "\n" not in message
    assert info.value._render_traceback_() == [message]   # IPython shows no traceback
    assert info.value.__cause__ is None and info.value.__suppress_context__
    with pytest.raises(frameworks.TorchMissing):
        frameworks.to_torch(Network((1, 3, 1)))


def test_missing_torch_in_spanish_keeps_the_install_command(monkeypatch):
    monkeypatch.setitem(sys.modules, "torch", None)
    try:
        set_language("es")
        with pytest.raises(frameworks.TorchMissing) as info:
            frameworks.import_torch()
    finally:
        set_language("en")
    assert str(info.value).startswith("PyTorch no está instalado")
    assert frameworks.TORCH_INSTALL in str(info.value)


def test_the_live_readout_names_both_losses_and_the_gradient_difference():
    X, y = _sine()
    net = Network((1, 8, 8, 1), activation="tanh", seed=0)
    a = frameworks.compare(net, frameworks.to_torch(net), X, y)
    text = frameworks.describe_agreement(a)
    assert text == (f"L (lecture_lib) = {a.loss_lecture_lib:.6f}\nL (PyTorch)     = {a.loss_torch:.6f}\n"
                    f"largest |gradient difference| = {a.gradient_difference:.1e}")
    try:
        set_language("es")
        spanish = frameworks.describe_agreement(a)
    finally:
        set_language("en")
    assert spanish.splitlines()[:2] == text.splitlines()[:2]
    assert spanish.splitlines()[2] == f"mayor |diferencia de gradientes| = {a.gradient_difference:.1e}"


def test_to_torch_copies_the_transposed_weights_in_float64():
    net = Network((2, 5, 3, 1), activation="relu", seed=1)
    model = frameworks.to_torch(net)
    linears = [m for m in model if isinstance(m, torch.nn.Linear)]
    assert [type(m).__name__ for m in model] == ["Linear", "ReLU", "Linear", "ReLU", "Linear"]
    for m, W, b in zip(linears, net.weights, net.biases):
        assert m.weight.dtype == torch.float64 and tuple(m.weight.shape) == W.shape[::-1]
        np.testing.assert_array_equal(m.weight.detach().numpy(), W.T)
        np.testing.assert_array_equal(m.bias.detach().numpy(), b)
    net.weights[0][0, 0] = 99.0                   # a copy, not a view
    assert linears[0].weight[0, 0].item() != 99.0


@pytest.mark.parametrize("activation, output, loss, n_out", [
    ("tanh", "linear", "mse", 1), ("relu", "linear", "mae", 1),
    ("sigmoid", "sigmoid", "binary_cross_entropy", 1),
    ("leaky_relu", "linear", "binary_cross_entropy_with_logits", 1),
    ("elu", "softmax", "cross_entropy", 3), ("tanh", "linear", "cross_entropy", 4),
])
def test_outputs_losses_and_every_gradient_equal_autograd(activation, output, loss, n_out):
    rng = np.random.default_rng(2)
    X = rng.normal(size=(16, 3))
    if loss == "cross_entropy":
        y = np.eye(n_out)[rng.integers(0, n_out, 16)]
    elif "binary" in loss:
        y = rng.integers(0, 2, (16, 1)).astype(float)
    else:
        y = rng.normal(size=(16, 1))
    net = Network((3, 6, 5, n_out), activation=activation, output_activation=output, seed=4)
    agree = frameworks.compare(net, frameworks.to_torch(net), X, y, loss)
    assert agree.gradients_lecture_lib.shape == (net.n_parameters,)
    assert agree.output_difference < 1e-12 and agree.loss_difference < 1e-12
    assert agree.gradient_difference < 1e-12
    np.testing.assert_allclose(agree.gradients_torch, agree.gradients_lecture_lib, atol=1e-12)
    assert agree.loss_lecture_lib == pytest.approx(net.loss(X, y, loss), abs=1e-15)


@settings(max_examples=15, deadline=None)
@given(st.lists(st.integers(1, 6), min_size=1, max_size=3), st.integers(1, 20), st.integers(0, 99))
def test_any_shape_agrees_with_autograd(hidden, n, seed):
    sizes = (2, *hidden, 1)
    rng = np.random.default_rng(seed)
    X, y = rng.normal(size=(n, 2)), rng.normal(size=(n, 1))
    net = Network(sizes, activation="tanh", seed=seed)
    assert frameworks.compare(net, frameworks.to_torch(net), X, y).gradient_difference < 1e-12


def test_from_torch_round_trip_and_errors():
    net = Network((2, 4, 4, 2), activation="leaky_relu", output_activation="softmax", alpha=0.2)
    back = frameworks.from_torch(frameworks.to_torch(net))
    assert back.layer_sizes == net.layer_sizes and back.activation.name == "leaky_relu"
    assert back.activation.params["alpha"] == pytest.approx(0.2)
    assert back.output_activation.name == "softmax"
    X = np.random.default_rng(0).normal(size=(5, 2))
    np.testing.assert_array_equal(back.forward(X), net.forward(X))
    with pytest.raises(TypeError, match="Sequential"):
        frameworks.from_torch(torch.nn.Linear(2, 2))
    with pytest.raises(ValueError, match="Conv1d"):
        frameworks.from_torch(torch.nn.Sequential(torch.nn.Conv1d(1, 1, 1)))
    with pytest.raises(ValueError, match="same activation"):
        frameworks.from_torch(torch.nn.Sequential(torch.nn.Linear(1, 2), torch.nn.ReLU(),
                                                  torch.nn.Linear(2, 2), torch.nn.Tanh(),
                                                  torch.nn.Linear(2, 1)))
    with pytest.raises(ValueError, match="hard_sigmoid"):
        frameworks.to_torch(Network((1, 2, 1), activation="hard_sigmoid"))
    with pytest.raises(TypeError, match="Network"):
        frameworks.to_torch("net")


def test_batch_order_is_the_order_train_uses():
    X, y = _sine()
    net = Network((1, 8, 8, 1), activation="tanh", seed=0)
    by_train, by_hand, optimizer = net.copy(), net.copy(), SGD(0.1)
    train(by_train, X, y, "mse", SGD(0.1), epochs=3, batch_size=10, seed=5)
    for idx in frameworks.batch_order(len(X), 10, 3, seed=5):
        _, grads = by_hand.gradients(X[idx], y[idx])
        optimizer.step(by_hand.parameters(), [g for pair in grads for g in pair])
    for p, q in zip(by_train.parameters(), by_hand.parameters()):
        np.testing.assert_allclose(p, q, rtol=0, atol=1e-14)
    assert [len(i) for i in frameworks.batch_order(25, 10, 1)] == [10, 10, 5]
    assert [i.tolist() for i in frameworks.batch_order(3, None, 2)] == [[0, 1, 2]] * 2


@pytest.mark.parametrize("optimizer, lr", [("sgd", 0.1), ("momentum", 0.05), ("adam", 0.01)])
def test_the_same_training_run_step_by_step(optimizer, lr):
    """Claim (notebook 18): one training run fed the same batches follows the same trajectory."""
    X, y = _sine()
    net = Network((1, 8, 8, 1), activation="tanh", seed=0)
    start = net.loss(X, y)
    run = frameworks.train_side_by_side(net, X, y, optimizer=optimizer, lr=lr, epochs=20,
                                        batch_size=10, seed=0)
    assert len(run.loss_lecture_lib) == len(run.loss_torch) == len(run.parameter_difference) == 80
    np.testing.assert_allclose(run.loss_torch, run.loss_lecture_lib, rtol=0, atol=1e-12)
    assert run.parameter_difference.max() < 1e-12
    assert net.loss(X, y) < 0.8 * start          # it trained, in place
    with pytest.raises(ValueError, match="optimizer"):
        frameworks.train_side_by_side(net, X, y, optimizer="lbfgs")


def test_speed_row_times_both_libraries():
    row = frameworks.speed_row((1, 3, 1), 20, seconds=0.005, repeats=1)
    assert row.layer_sizes == (1, 3, 1) and row.n_samples == 20
    assert 0 < row.lecture_lib < 0.1 and 0 < row.torch < 0.1
    assert row.ratio == pytest.approx(row.lecture_lib / row.torch)
    assert row.torch_float32 is None and row.ratio_float32 is None
    both = frameworks.speed_row((2, 8, 1), 50, seconds=0.005, repeats=1, float32=True)
    assert 0 < both.torch_float32 < 0.1
    assert both.ratio_float32 == pytest.approx(both.lecture_lib / both.torch_float32)
    calls = []
    best = frameworks.time_per_step([calls.append], steps=20, repeats=3, clock=iter(range(100)).__next__)
    assert calls == [2, 20, 20, 20] and best == [1 / 20]
    with pytest.raises(ValueError, match="repeats"):
        frameworks.time_per_step([calls.append], steps=5, repeats=0)


def test_runners_take_the_same_gradient_steps():
    net = Network((2, 16, 1), activation="relu", seed=3)
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(30, 2)), rng.normal(size=(30, 1))
    model_net = net.copy()
    lib = frameworks.lecture_lib_runner(net, X, y, lr=0.01)
    lib(7)
    ours = frameworks.to_torch(net)
    run = frameworks.torch_runner(model_net, X, y, lr=0.01)
    run(7)
    model = run.model
    np.testing.assert_allclose(frameworks.flat_torch(model, grad=False),
                               frameworks.flat_torch(ours, grad=False), atol=1e-12)


def test_without_torch_a_notebook_cell_shows_one_sentence_and_no_traceback():
    code = r'''
import sys; sys.modules["torch"] = None
from IPython.core.interactiveshell import InteractiveShell
shell = InteractiveShell.instance()
shell.run_cell("from lecture_lib.topics import frameworks\ntorch = frameworks.import_torch()")
'''
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    shown = out.stdout + out.stderr
    assert frameworks.MISSING in shown and frameworks.TORCH_INSTALL in shown
    assert "Traceback" not in shown and "File " not in shown
