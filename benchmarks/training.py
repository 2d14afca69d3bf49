"""Time per training step: lecture_lib vs a bare numpy loop vs PyTorch on the CPU.

Plain full-batch gradient descent, MSE loss, ReLU hidden units, float64, ONE thread,
everything in one process. The target (CONVENTIONS.md) is lecture_lib within 1.3× of
the bare loop and faster than PyTorch at every size.

Run:  /work/venv/bin/python benchmarks/training.py [--quick]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS",
             "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"  # before numpy (and torch) load their BLAS

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from lecture_lib.networks import Network  # noqa: E402
from lecture_lib.topics import frameworks  # noqa: E402  (timing helpers shared with notebook 18)

try:
    import torch  # noqa: E402
except ImportError:  # torch is optional
    torch = None

CASES = [((1, 3, 1), 100), ((1, 100, 1), 100), ((2, 64, 64, 64, 1), 1000)]
LR = 1e-3  # small, so no run diverges however long it is timed


def make_data(sizes, n, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-2.0, 2.0, (n, sizes[0]))
    y = np.sin(X.sum(axis=1, keepdims=True)) + 0.1 * rng.normal(size=(n, sizes[-1]))
    return X, y


per_step = frameworks.time_per_step  # one implementation, shared with notebook 18


def lecture_lib_runner(sizes, X, y):
    return frameworks.lecture_lib_runner(Network(sizes, activation="relu", seed=0), X, y, LR)


def bare_numpy_runner(sizes, X, y):
    """What one writes by hand: forward, MSE, backward, in-place update, per layer."""
    net = Network(sizes, activation="relu", seed=0)
    Ws = [W.copy() for W in net.weights]
    bs = [b.copy() for b in net.biases]
    last = len(Ws) - 1

    def run(steps):
        for _ in range(steps):
            acts = [X]
            for W, b in zip(Ws[:last], bs[:last]):
                acts.append(np.maximum(acts[-1] @ W + b, 0.0))
            diff = acts[-1] @ Ws[last] + bs[last] - y
            float(np.mean(diff * diff))  # the loss, as a training loop would record it
            delta = diff * (2.0 / len(X))
            for layer in range(last, -1, -1):
                dW = acts[layer].T @ delta
                db = delta.sum(axis=0)
                if layer:
                    delta = (delta @ Ws[layer].T) * (acts[layer] > 0)
                Ws[layer] -= LR * dW
                bs[layer] -= LR * db
    run.params = lambda: [p for pair in zip(Ws, bs) for p in pair]
    return run


def torch_runner(sizes, X, y):
    """The same network and steps in PyTorch (its weights copied from lecture_lib's)."""
    return frameworks.torch_runner(Network(sizes, activation="relu", seed=0), X, y, LR)


def check_same_work(sizes, X, y):
    """Both numpy loops must take the very same steps, or the timing compares nothing."""
    lib, bare = lecture_lib_runner(sizes, X, y), bare_numpy_runner(sizes, X, y)
    lib(5)
    bare(5)
    for p, q in zip(lib.params(), bare.params()):
        np.testing.assert_allclose(p, q, rtol=1e-10, atol=1e-12)


def fmt(seconds):
    return f"{seconds * 1e6:8.1f} µs" if seconds < 1e-3 else f"{seconds * 1e3:8.2f} ms"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (noisier)")
    parser.add_argument("--wall", action="store_true",
                        help="time with the wall clock instead of process CPU time")
    args = parser.parse_args(argv)
    clock = time.perf_counter if args.wall else time.process_time
    repeats = 3 if args.quick else 7
    if torch is None:
        print("PyTorch is not installed: the torch column is skipped "
              f"({frameworks.TORCH_INSTALL} to fill it).")
    else:
        torch.set_num_threads(1)
    print(f"numpy {np.__version__}" + ("" if torch is None else f", torch {torch.__version__}")
          + ", float64, 1 thread, full-batch GD, MSE, ReLU; "
          f"{'wall' if args.wall else 'CPU'} time per step, best of {repeats} runs\n")
    head = f"{'layer sizes':>18} {'n':>5} | {'lecture_lib':>11} {'bare numpy':>11} " \
           f"{'torch':>11} | {'lib/bare':>8} {'lib/torch':>9}"
    print(head)
    print("-" * len(head))
    ok = True
    for sizes, n in CASES:
        X, y = make_data(sizes, n)
        check_same_work(sizes, X, y)
        work = n * sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))
        steps = int(np.clip(2e7 / (work + 2e4), 20, 3000)) // (3 if args.quick else 1)
        runners = [lecture_lib_runner(sizes, X, y), bare_numpy_runner(sizes, X, y)]
        if torch is not None:
            runners.append(torch_runner(sizes, X, y))
        lib, bare, *rest = per_step(runners, steps, repeats, clock)
        tor = rest[0] if rest else None
        ok &= lib <= 1.3 * bare and (tor is None or lib < tor)
        print(f"{str(sizes):>18} {n:>5} | {fmt(lib):>11} {fmt(bare):>11} "
              f"{'skipped' if tor is None else fmt(tor):>11} | {lib / bare:8.2f} "
              f"{'' if tor is None else f'{lib / tor:9.2f}'}")
    print("\ntarget (lib ≤ 1.3 × bare, lib < torch):", "met" if ok else "NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
