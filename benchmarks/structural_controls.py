"""How fast every structural control answers: a choice, or a playground control.

    python benchmarks/structural_controls.py [NOTEBOOK ...]

A structural control changes more than a moving artist: a Choice (toggle buttons, a
dropdown, a slider over named options) in any live figure, and every control of the
training playground (notebook 12), where layers, units, activation, data set and seed
build a new network. Each notebook's code runs in-process (as in ``live_figures.py``);
every option of every such control is visited in turn (and back to the start), timed
in the kernel from the new value to the new PNG bytes (``LiveFigure.set``), then the
same visits again: the second round shows what a student who goes back gets.
Budget (CONVENTIONS.md): any control shows its new picture within 150 ms.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # before numpy loads; as in the tests (conftest.py)
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
from live_figures import ROOT, collect_live_figures

BUDGET_MS = 150.0


def structural_values(spec, playground: bool) -> list:
    """The values to visit for one control, or [] when it is an ordinary slider."""
    from lecture_lib.interactive import Choice

    if isinstance(spec, Choice):
        return [o for o in spec.options if o != spec.value] + [spec.value]
    if playground:  # a playground slider (layers, units, seed): a new network each time
        picks = (spec.value + spec.step, spec.max, spec.min, spec.value - spec.step)
        visits = [type(spec.value)(v) for v in dict.fromkeys(picks)
                  if spec.min <= v <= spec.max and v != spec.value]
        return visits + [spec.value]
    return []


def time_control(figure, spec, values) -> tuple[np.ndarray, np.ndarray]:
    """Wall and CPU milliseconds of each change (CPU time hardly grows when other work
    loads the machine, so it is the number to compare between runs)."""
    wall, cpu = [], []
    for value in values:
        t0, c0 = time.perf_counter(), time.process_time()
        figure.set(**{spec.name: value})
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return np.array(wall) * 1e3, np.array(cpu) * 1e3


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.notebooks] or \
        sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    print(f"In the kernel: one change of a structural control, new value → new PNG "
          f"(budget {BUDGET_MS:g} ms)")
    print(f"{'notebook':<36} {'fig':>3} {'control':<12} {'changes':>7} {'median ms':>10} "
          f"{'max ms':>8} {'CPU median':>11} {'CPU max':>8}")
    over = 0
    for path in paths:
        for i, figure in enumerate(collect_live_figures(path)):
            playground = any(s.name == "hidden_layers" for s in figure.specs)
            for spec in figure.specs:
                values = structural_values(spec, playground)
                if not values:
                    continue
                ms, cpu = time_control(figure, spec, values + values)
                flag = "" if ms.max() <= BUDGET_MS else "  OVER"
                over += bool(flag)
                print(f"{path.stem[:36]:<36} {i:>3} {spec.symbol[:12]:<12} {ms.size:>7} "
                      f"{np.median(ms):>10.1f} {ms.max():>8.1f} {np.median(cpu):>11.1f} "
                      f"{cpu.max():>8.1f}{flag}", flush=True)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
