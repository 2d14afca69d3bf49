"""Execute notebooks from a fresh kernel and print how long each takes.

    python benchmarks/notebooks.py                  # time every notebook (budget 8 s each, 45 s all)
    python benchmarks/notebooks.py --jobs 1         # one notebook at a time
    python benchmarks/notebooks.py --write FILE...  # also save the executed outputs into FILE

Each notebook gets a fresh kernel. The collection's budget is for 2 cores, so by default two
notebooks run at once (``--jobs``, one per core); the table gives each notebook's own seconds
and the kernel CPU it used, then the wall time of the whole collection.

``--write`` is how committed outputs are produced: a fresh kernel, cells in order, no
widget state stored (the live figures keep their static PNG for kernel-less viewers).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import pathlib
import resource
import sys
import time

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # as in the test session (see conftest.py)

import nbformat
from nbclient import NotebookClient

ROOT = pathlib.Path(__file__).resolve().parents[1]
BUDGET_ONE, BUDGET_ALL = 8.0, 45.0


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def execute(path: pathlib.Path, write: bool) -> tuple[float, float]:
    """Wall seconds of the run, and the CPU seconds its kernel used (start-up included):
    the second number hardly changes when other work loads the machine."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=120, kernel_name="python3", store_widget_state=False,
                            record_timing=False,  # no timestamps: outputs diff only on change
                            # every output is in by then: waiting for a graceful exit is 0.5 s
                            shutdown_kernel="immediate",
                            resources={"metadata": {"path": str(path.parent)}})
    start, cpu = time.perf_counter(), _children_cpu()
    client.execute()  # starts the kernel, runs every cell, shuts the kernel down and waits
    seconds, cpu = time.perf_counter() - start, _children_cpu() - cpu
    if write:
        nb.metadata.pop("widgets", None)
        for cell in nb.cells:
            cell.metadata.pop("execution", None)
        nbformat.write(nb, path)
    return seconds, cpu


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=pathlib.Path)
    parser.add_argument("--write", action="store_true", help="save the executed outputs")
    parser.add_argument("--jobs", type=int, default=2,
                        help="notebooks executed at once (default 2: the budget's 2 cores)")
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    print(f"{'notebook':<44} {'seconds':>8} {'kernel CPU s':>13}  budget {BUDGET_ONE:g} s")
    total, total_cpu, over = 0.0, 0.0, []
    start = time.perf_counter()
    with concurrent.futures.ProcessPoolExecutor(args.jobs) as pool:
        runs = [pool.submit(execute, path, args.write) for path in paths]
        for path, run in zip(paths, runs):
            seconds, cpu = run.result()
            total, total_cpu = total + seconds, total_cpu + cpu
            flag = "" if seconds <= BUDGET_ONE else "  OVER"
            over += [path.name] if flag else []
            print(f"{path.name:<44} {seconds:8.2f} {cpu:13.2f}{flag}", flush=True)
    wall = time.perf_counter() - start
    print(f"{'sum over notebooks':<44} {total:8.2f} {total_cpu:13.2f}")
    print(f"{f'collection, {args.jobs} at a time (wall)':<44} {wall:8.2f} {'':13}  "
          f"budget {BUDGET_ALL:g} s")
    return 1 if over or wall > BUDGET_ALL else 0


if __name__ == "__main__":
    sys.exit(main())
