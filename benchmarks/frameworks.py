"""Time per training step, lecture_lib against PyTorch, from (1, 3, 1) to wide deep networks.

Full-batch gradient descent, MSE, ReLU hidden units, in one process, the runners taking
turns (``lecture_lib.topics.frameworks.speed_row``, the helper notebook 18 uses too).
Columns: lecture_lib (numpy, float64), PyTorch float64 (the same arithmetic) and PyTorch
float32 (a framework's default precision); ratios below 1 mean numpy is faster.

Run:  .venv/bin/python benchmarks/frameworks.py [--quick] [--threads N] [--wall]
"""

from __future__ import annotations

import argparse
import os
import sys

_threads = "1"
if "--threads" in sys.argv:  # BLAS reads these once, when numpy and torch load
    _threads = sys.argv[sys.argv.index("--threads") + 1]
for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ[_var] = _threads

import time  # noqa: E402

import numpy as np  # noqa: E402

from lecture_lib.topics import frameworks  # noqa: E402

CASES = [((1, 3, 1), 100), ((1, 100, 1), 100), ((2, 64, 64, 64, 1), 1000),
         ((16, 256, 256, 1), 1000), ((64, 512, 512, 512, 1), 2000),
         ((256, 1024, 1024, 1024, 10), 4000)]


def fmt(seconds: float) -> str:
    return f"{seconds * 1e6:8.1f} µs" if seconds < 1e-3 else f"{seconds * 1e3:8.2f} ms"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="shorter, fewer runs (noisier)")
    parser.add_argument("--threads", type=int, default=1, help="BLAS and torch threads (1)")
    parser.add_argument("--wall", action="store_true", help="wall clock instead of CPU time")
    args = parser.parse_args(argv)
    torch = frameworks.import_torch()
    torch.set_num_threads(args.threads)
    clock = time.perf_counter if args.wall else time.process_time
    seconds, repeats = (0.1, 2) if args.quick else (0.5, 5)
    print(f"numpy {np.__version__}, torch {torch.__version__}, {args.threads} thread(s), "
          f"full-batch GD, MSE, ReLU; {'wall' if args.wall else 'CPU'} time per step, "
          f"best of {repeats} runs\n")
    head = (f"{'layer sizes':>28} {'n':>5} | {'lecture_lib':>11} {'torch f64':>11} "
            f"{'torch f32':>11} | {'lib/f64':>7} {'lib/f32':>7}")
    print(head + "\n" + "-" * len(head))
    crossing = {}
    for sizes, n in CASES:
        r = frameworks.speed_row(sizes, n, seconds, repeats, clock, float32=True)
        lib, t64, t32 = r.lecture_lib, r.torch, r.torch_float32
        for name, t in (("float64", t64), ("float32", t32)):
            if t < lib:
                crossing.setdefault(name, (sizes, n))
        print(f"{str(sizes):>28} {n:>5} | {fmt(lib):>11} {fmt(t64):>11} {fmt(t32):>11} | "
              f"{lib / t64:7.2f} {lib / t32:7.2f}", flush=True)
    print()
    for name in ("float64", "float32"):
        where = crossing.get(name)
        print(f"PyTorch {name} first faster than lecture_lib at: "
              + (f"{where[0]} with {where[1]} samples" if where else "none of these sizes"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
