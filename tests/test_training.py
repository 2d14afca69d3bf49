"""Tests for lecture_lib.training: update rules, the training loop, its record and bad input."""

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lecture_lib import _progress, training
from lecture_lib.networks import Network
from lecture_lib.training import GD, SGD, Adam, History, Momentum, TrainSettings, train

OPTIMIZERS = [(GD(0.1), None), (SGD(0.05), 16), (Momentum(0.02), 16), (Adam(0.01), 16)]


def _regression(n=64, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-2, 2, (n, 1))
    return x, np.sin(2 * x) + 0.5 * x ** 2 - 0.5 + 0.05 * rng.normal(size=(n, 1))


def _xor(n_per_corner=20, seed=0):
    rng = np.random.default_rng(seed)
    corners = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    X = np.repeat(corners, n_per_corner, axis=0) + 0.1 * rng.normal(size=(4 * n_per_corner, 2))
    y = np.repeat([0.0, 1.0, 1.0, 0.0], n_per_corner)
    return 2 * X - 1, y


def _fresh(optimizer):
    """A new optimiser of the same kind, so parametrised tests do not share state."""
    return type(optimizer)(**{name: getattr(optimizer, name) for name in optimizer._hyper})


def test_docstring_examples_run():
    assert doctest.testmod(training).failed == 0


# --- update rules, one step at a time -------------------------------------------------

def _params_and_grads(seed=0):
    rng = np.random.default_rng(seed)
    params = [rng.normal(size=(3, 2)), rng.normal(size=2)]
    grads = [rng.normal(size=(3, 2)), rng.normal(size=2)]
    return params, grads


def test_sgd_step_is_w_minus_eta_gradient():
    params, grads = _params_and_grads()
    expected = [p - 0.3 * g for p, g in zip(params, grads)]
    kept = [g.copy() for g in grads]
    SGD(0.3).step(params, grads)
    for p, e, g, k in zip(params, expected, grads, kept):
        np.testing.assert_allclose(p, e)
        np.testing.assert_array_equal(g, k)  # the caller's gradients are not touched


def test_momentum_accumulates_velocity():
    params, grads = _params_and_grads()
    w0 = params[0].copy()
    opt = Momentum(0.1, beta=0.5)
    opt.step(params, grads)
    opt.step(params, grads)
    # v1 = g, v2 = 0.5 g + g  ->  w2 = w0 - 0.1 (g + 1.5 g)
    np.testing.assert_allclose(params[0], w0 - 0.1 * 2.5 * grads[0])


def test_adam_first_step_moves_each_parameter_by_eta():
    params, grads = _params_and_grads(1)
    w0 = [p.copy() for p in params]
    Adam(0.01).step(params, grads)
    for p, q, g in zip(params, w0, grads):  # m̂ = g, ŝ = g², so the step is η·sign(g)
        np.testing.assert_allclose(q - p, 0.01 * np.sign(g), rtol=1e-5)


def test_adam_second_step_matches_the_formula():
    params, grads = _params_and_grads(2)
    w0 = params[1].copy()
    g1, g2 = grads[1].copy(), 2 * grads[1] + 1
    opt = Adam(0.05, beta1=0.8, beta2=0.9, eps=1e-3)
    opt.step(params, grads)
    opt.step(params, [grads[0], g2])
    w1 = w0 - 0.05 * g1 / (np.abs(g1) + 1e-3)
    m = 0.8 * 0.2 * g1 + 0.2 * g2
    s = 0.9 * 0.1 * g1 ** 2 + 0.1 * g2 ** 2
    w2 = w1 - 0.05 * (m / (1 - 0.8 ** 2)) / (np.sqrt(s / (1 - 0.9 ** 2)) + 1e-3)
    np.testing.assert_allclose(params[1], w2)


def test_optimizer_state_restarts_on_new_arrays():
    opt = Adam(0.01)
    for seed in (0, 1):
        params, grads = _params_and_grads(seed)
        w0 = params[0].copy()
        opt.step(params, grads)
        np.testing.assert_allclose(w0 - params[0], 0.01 * np.sign(grads[0]), rtol=1e-5)


@pytest.mark.parametrize("opt, text", [
    (GD(0.1), "GD(lr=0.1)"), (SGD(0.01), "SGD(lr=0.01)"),
    (Momentum(0.1, 0.8), "Momentum(lr=0.1, beta=0.8)"),
    (Adam(0.001), "Adam(lr=0.001, beta1=0.9, beta2=0.999, eps=1e-08)")])
def test_repr(opt, text):
    assert repr(opt) == text


@pytest.mark.parametrize("make, err, match", [
    (lambda: SGD(0.0), ValueError, "lr"), (lambda: GD(-1.0), ValueError, "lr"),
    (lambda: SGD(float("nan")), ValueError, "lr"), (lambda: SGD("0.1"), TypeError, "lr"),
    (lambda: Momentum(0.1, beta=1.0), ValueError, "beta"),
    (lambda: Momentum(0.1, beta=-0.1), ValueError, "beta"),
    (lambda: Adam(0.1, beta1=1.0), ValueError, "beta1"),
    (lambda: Adam(0.1, beta2=1.5), ValueError, "beta2"),
    (lambda: Adam(0.1, eps=0.0), ValueError, "eps")])
def test_bad_hyper_parameters(make, err, match):
    with pytest.raises(err, match=match):
        make()


def test_step_validates_its_arguments():
    params, grads = _params_and_grads()
    with pytest.raises(ValueError, match="same length"):
        SGD(0.1).step(params, grads[:1])
    with pytest.raises(ValueError, match=r"grads\[1\] must have shape \(2,\)"):
        SGD(0.1).step(params, [grads[0], np.ones(3)])
    with pytest.raises(TypeError, match=r"params\[0\]"):
        SGD(0.1).step([[1.0, 2.0]], [np.ones(2)])
    with pytest.raises(ValueError, match=r"grads\[0\]"):
        SGD(0.1).step(params, [np.full((3, 2), np.nan), grads[1]])


# --- the loss falls ------------------------------------------------------------------------

@pytest.mark.parametrize("optimizer, batch_size", OPTIMIZERS, ids=repr)
def test_loss_falls_on_regression(optimizer, batch_size):
    X, y = _regression()
    net = Network((1, 16, 16, 1), activation="tanh", seed=0)
    history = train(net, X, y, "mse", _fresh(optimizer), epochs=300, batch_size=batch_size)
    assert history.train_loss[-1] < 0.02 * history.train_loss[0]
    assert net.loss(X, y) < 0.02 * np.var(y)


@pytest.mark.parametrize("optimizer, batch_size", OPTIMIZERS, ids=repr)
def test_xor_is_learned(optimizer, batch_size):
    X, y = _xor()
    net = Network((2, 8, 1), activation="relu", output_activation="sigmoid", seed=1)
    opt = _fresh(optimizer)
    opt.lr *= 5  # classification with BCE tolerates larger steps
    history = train(net, X, y, "binary_cross_entropy", opt, epochs=300,
                    batch_size=batch_size)
    assert history.train_loss[-1] < 0.2 * history.train_loss[0]
    assert np.all((net.forward(X)[:, 0] > 0.5) == (y == 1))


def test_multiclass_with_integer_labels():
    rng = np.random.default_rng(3)
    centres = np.array([[0.0, 2.0], [2.0, -1.0], [-2.0, -1.0]])
    labels = np.repeat([0, 1, 2], 30)
    X = centres[labels] + 0.5 * rng.normal(size=(90, 2))
    net = Network((2, 10, 3), output_activation="softmax", seed=0)
    history = train(net, X, labels, "cross_entropy", Adam(0.02), epochs=150, batch_size=30)
    assert history.train_loss[-1] < 0.2 * history.train_loss[0]
    assert np.mean(net.forward(X).argmax(axis=1) == labels) > 0.95


# --- what the history records ---------------------------------------------------------

def test_history_lengths_and_values():
    X, y = _regression(40)
    Xt, yt = _regression(20, seed=1)
    net = Network((1, 8, 1), seed=0)
    initial = net.loss(X, y)
    history = train(net, X, y, "mse", GD(0.05), epochs=12, X_test=Xt, y_test=yt)
    assert isinstance(history, History)
    assert history.epochs == list(range(1, 13)) and len(history) == 12
    assert len(history.train_loss) == len(history.test_loss) == 12
    assert history.train_loss[0] == pytest.approx(initial)  # full batch: before the step
    assert history.test_loss[-1] == pytest.approx(net.loss(Xt, yt))
    assert not history.stopped_early and not history.diverged
    assert train(net, X, y, "mse", GD(0.05), epochs=3).test_loss == []


def test_minibatch_train_loss_is_the_sample_weighted_mean():
    X, y = _regression(10)
    net = Network((1, 4, 1), seed=2)
    full = net.loss(X, y)
    history = train(net, X, y, "mse", SGD(1e-12), epochs=1, batch_size=3)  # 3, 3, 3, 1
    assert history.train_loss[0] == pytest.approx(full, rel=1e-9)


def test_callback_sees_each_epoch_and_can_stop_early():
    X, y = _regression(30)
    seen = []

    def callback(epoch, history):
        seen.append((epoch, len(history), history.train_loss[-1]))
        return epoch == 5

    history = train(Network((1, 4, 1)), X, y, "mse", GD(0.01), epochs=50, callback=callback)
    assert [e for e, _, _ in seen] == [1, 2, 3, 4, 5]
    assert all(e == n for e, n, _ in seen)
    assert len(history) == 5 and history.stopped_early


@pytest.mark.parametrize("result, epochs_run", [(np.True_, 1), (None, 4), (False, 4),
                                                ("stop", 4), (1, 4)])
def test_only_a_true_bool_from_the_callback_stops(result, epochs_run):
    X, y = _regression(10)
    history = train(Network((1, 2, 1)), X, y, "mse", GD(0.01), epochs=4,
                    callback=lambda e, h: result)
    assert len(history) == epochs_run and history.stopped_early == (epochs_run == 1)


def test_callback_runs_with_the_callers_floating_point_settings():
    X, y = _regression(10)
    outside = np.geterr()
    inside = []
    train(Network((1, 2, 1)), X, y, "mse", GD(0.01), epochs=2,
          callback=lambda e, h: inside.append(np.geterr()))
    assert inside == [outside, outside]


# --- determinism and continuation -----------------------------------------------------

@pytest.mark.parametrize("optimizer, batch_size", OPTIMIZERS, ids=repr)
def test_same_seed_same_run(optimizer, batch_size):
    X, y = _regression()
    runs = []
    for _ in range(2):
        net = Network((1, 6, 1), seed=4)
        history = train(net, X, y, "mse", _fresh(optimizer), epochs=20,
                        batch_size=batch_size, seed=11)
        runs.append((history.train_loss, net.parameters()))
    assert runs[0][0] == runs[1][0]
    for p, q in zip(runs[0][1], runs[1][1]):
        np.testing.assert_array_equal(p, q)


def test_shuffling_depends_on_the_seed():
    X, y = _regression()
    losses = [train(Network((1, 6, 1), seed=4), X, y, "mse", SGD(0.05), epochs=5,
                    batch_size=8, seed=s).train_loss for s in (0, 1)]
    assert losses[0] != losses[1]


def test_sgd_with_one_full_batch_is_gd():
    X, y = _regression()
    a, b = Network((1, 6, 1), seed=4), Network((1, 6, 1), seed=4)
    train(a, X, y, "mse", GD(0.05), epochs=10)
    train(b, X, y, "mse", SGD(0.05), epochs=10, batch_size=len(X))
    for p, q in zip(a.parameters(), b.parameters()):
        np.testing.assert_array_equal(p, q)


def test_a_second_call_continues_with_the_optimizer_state():
    X, y = _regression()
    a, b = Network((1, 6, 1), seed=4), Network((1, 6, 1), seed=4)
    train(a, X, y, "mse", Momentum(0.02), epochs=20)
    opt = Momentum(0.02)
    train(b, X, y, "mse", opt, epochs=10)
    train(b, X, y, "mse", opt, epochs=10)
    for p, q in zip(a.parameters(), b.parameters()):
        np.testing.assert_allclose(p, q, rtol=1e-12)


# --- L2 penalty ---------------------------------------------------------------------------

def test_l2_step_adds_two_lambda_w_to_weight_gradients_only():
    X, y = _regression(20)
    net = Network((1, 5, 1), seed=0)
    for b in net.biases:
        b[:] = 0.3
    _, grads = net.gradients(X, y)
    before = [p.copy() for p in net.parameters()]
    train(net, X, y, "mse", GD(0.1), epochs=1, lam=0.5)
    flat = [g for pair in grads for g in pair]
    for i, (p, p0, g) in enumerate(zip(net.parameters(), before, flat)):
        penalty = 2 * 0.5 * p0 if i % 2 == 0 else 0.0
        np.testing.assert_allclose(p, p0 - 0.1 * (g + penalty), rtol=1e-12, atol=1e-15)


def test_l2_shrinks_weights():
    X, y = _regression()
    norms = []
    for lam in (0.0, 0.01, 0.1):
        net = Network((1, 16, 1), seed=0)
        train(net, X, y, "mse", Adam(0.01), epochs=200, lam=lam)
        norms.append(sum(float(np.sum(W ** 2)) for W in net.weights))
    assert norms[0] > norms[1] > norms[2]


# --- the divergence threshold η = 2 / L'' ---------------------------------------------

@settings(max_examples=20, deadline=None)
@given(scale=st.floats(1.2, 4.0), factor=st.sampled_from([0.9, 0.97, 1.03, 1.1]))
def test_gradient_descent_diverges_above_two_over_curvature(scale, factor):
    # Centred inputs with mean(x²) = scale² > 1: along w the MSE has curvature
    # L'' = 2 mean(x²), the largest of the problem (along b it is 2).
    x = scale * np.array([-1.0, 1.0, -1.0, 1.0])[:, None]
    y = 0.5 * x + 0.2
    curvature = 2 * np.mean(x ** 2)
    net = Network.from_weights([(np.array([[3.0]]), np.array([0.2]))])
    history = train(net, x, y, "mse", GD(factor * 2 / curvature), epochs=150)
    if factor < 1:
        assert history.train_loss[-1] < 1e-3 * history.train_loss[0]
        assert net.weights[0][0, 0] == pytest.approx(0.5, abs=1e-3)
    else:
        assert history.train_loss[-1] > 10 * history.train_loss[0]


def test_a_huge_step_stops_with_diverged_instead_of_warnings():
    X, y = _regression()
    history = train(Network((1, 8, 1), seed=0), X, y, "mse", GD(1e3), epochs=5000)
    assert history.diverged
    assert len(history) < 5000
    assert np.all(np.isfinite(history.train_loss))


# --- progress indicator -----------------------------------------------------------------

def test_progress_is_silent_for_short_runs(capsys):
    X, y = _regression(10)
    train(Network((1, 2, 1)), X, y, "mse", GD(0.01), epochs=5, progress=True)
    assert capsys.readouterr().err == ""


def test_progress_line_for_long_runs(capsys, monkeypatch):
    class SlowClock:  # every reading is half a second later than the last
        now = 0.0

        def perf_counter(self):
            self.now += 0.5
            return self.now

    monkeypatch.setattr(_progress, "time", SlowClock())
    X, y = _regression(10)
    train(Network((1, 2, 1)), X, y, "mse", GD(0.01), epochs=4, progress=True)
    err = capsys.readouterr().err
    assert err.startswith("\repoch 1/4") and err.endswith("\n") and err.count("\n") == 1
    assert err.rstrip().endswith("done") and err.count("\r") == 5


# --- bad arguments --------------------------------------------------------------------------

@pytest.mark.parametrize("kwargs, err, match", [
    ({"epochs": 0}, ValueError, "epochs"), ({"epochs": 2.5}, TypeError, "epochs"),
    ({"batch_size": 0}, ValueError, "batch_size"),
    ({"batch_size": 11}, ValueError, "batch_size"),
    ({"batch_size": 2.0}, TypeError, "batch_size"),
    ({"optimizer": GD(0.1), "batch_size": 5}, ValueError, "SGD"),
    ({"y": np.ones(9)}, ValueError, "X and y"),
    ({"X": np.ones((10, 2))}, ValueError, "X must have 1 feature"),
    ({"y": np.ones((10, 2))}, ValueError, "y must have 1 feature"),
    ({"loss": "hinge"}, ValueError, "loss"),
    ({"X_test": np.ones((3, 1))}, ValueError, "X_test and y_test"),
    ({"y_test": np.ones(3)}, ValueError, "X_test and y_test"),
    ({"X_test": np.ones((3, 2)), "y_test": np.ones(3)}, ValueError, "X_test must have"),
    ({"X_test": np.ones((3, 1)), "y_test": np.ones(4)}, ValueError, "X_test and y_test"),
    ({"callback": 3}, TypeError, "callback"), ({"seed": 1.5}, TypeError, "seed"),
    ({"lam": -0.1}, ValueError, "lam"), ({"progress": 1}, TypeError, "progress"),
    ({"optimizer": "sgd"}, TypeError, "optimizer"),
    ({"network": "net"}, TypeError, "network"),
])
def test_bad_train_arguments(kwargs, err, match):
    X, y = _regression(10)
    args = dict(network=Network((1, 3, 1)), X=X, y=y, loss="mse", optimizer=SGD(0.1),
                epochs=3)
    args.update(kwargs)
    with pytest.raises(err, match=match):
        train(**args)


def test_replaced_parameter_arrays_are_trained_too():
    X, y = _regression()
    net = Network((1, 6, 1), seed=4)
    twin = net.copy()
    net.weights[0] = twin.weights[0].copy()  # a new array, same values
    net.biases[1] = np.array(twin.biases[1])
    h1 = train(net, X, y, "mse", GD(0.05), epochs=10)
    h2 = train(twin, X, y, "mse", GD(0.05), epochs=10)
    assert h1.train_loss == h2.train_loss
    for p, q in zip(net.parameters(), twin.parameters()):
        np.testing.assert_array_equal(p, q)
    assert h1.train_loss[-1] < h1.train_loss[0]


def test_reset_forgets_the_momentum_state():
    p = [np.zeros(1)]
    opt = Momentum(1.0, beta=0.5)
    opt.step(p, [np.ones(1)])
    opt.step(p, [np.ones(1)])          # velocity 1.5 → p = -2.5
    opt.reset()
    opt.step(p, [np.ones(1)])          # fresh velocity 1 → p = -3.5
    assert p[0][0] == -3.5


def test_train_settings_are_validated_once_and_frozen():
    settings = TrainSettings(epochs=5, batch_size=4, lam=1)
    assert settings.lam == 1.0 and isinstance(settings.lam, float)
    with pytest.raises(AttributeError):
        settings.epochs = 6
    with pytest.raises(ValueError, match="batch_size"):
        TrainSettings(epochs=5, batch_size=0)


def test_arguments_after_epochs_are_keyword_only():
    X, y = _regression(10)
    with pytest.raises(TypeError):
        train(Network((1, 2, 1)), X, y, "mse", SGD(0.1), 3, 5)
