"""How fast the live figures answer a slider: in the kernel, and in a real browser.

    python benchmarks/live_figures.py [NOTEBOOK ...]            # in-kernel table
    python benchmarks/live_figures.py --browser [NOTEBOOK ...]  # also key press → picture

In-kernel: each notebook's code runs in an in-process IPython shell; every LiveFigure
it creates is collected, and each of its sliders is moved step by step (≥ 50 moves per
figure). Time per move is from the new value in to the new PNG bytes out. Budget 10 ms.

Browser: JupyterLab in headless Chromium (see tests/browser/labdriver.py); for each live
figure, 24 arrow-key presses on its first slider, 250 ms apart, timed in the page from the
key press to the new picture decoded. Budget 50 ms at the median.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import time
from pathlib import Path

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # before numpy loads; as in the tests (conftest.py)

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))


def collect_live_figures(path: Path) -> list:
    """Run a notebook's code cells in-process and return the LiveFigures it made."""
    import nbformat
    from IPython.core.interactiveshell import InteractiveShell

    from lecture_lib.interactive import live

    path = Path(path).resolve()  # the cells run in the notebook's folder
    made, original = [], live.LiveFigure.__init__

    def recording_init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        made.append(self)

    live.LiveFigure.__init__ = recording_init
    shell = InteractiveShell.instance()
    cwd = os.getcwd()
    try:
        os.chdir(path.parent)
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                with contextlib.redirect_stdout(io.StringIO()):
                    result = shell.run_cell(cell.source, silent=True)
                if result.error_in_exec is not None:
                    raise RuntimeError(f"{path.name}: {result.error_in_exec!r}")
    finally:
        os.chdir(cwd)
        live.LiveFigure.__init__ = original
    return made


def slider_path(control, moves: int) -> list[float]:
    """Values that walk the slider up and down around its start value, one step each."""
    step, lo, hi = control.step, control.min, control.max
    values, v, direction = [], control.value, 1
    for _ in range(moves):
        if not lo <= v + direction * step <= hi:
            direction = -direction
        v = round(v + direction * step, 10)
        values.append(v)
    return values


def time_figure(figure, moves: int = 60) -> np.ndarray:
    from lecture_lib.interactive import Slider

    sliders = [figure.controls[s.name] for s in figure.specs if isinstance(s, Slider)]
    times = []
    per_slider = max(moves // max(len(sliders), 1), 5)
    for control in sliders:
        start = control.value
        for value in slider_path(control, per_slider):
            t0 = time.perf_counter()
            control.value = value
            times.append(time.perf_counter() - t0)
        control.value = start
    return np.array(times) * 1e3


def kernel_table(paths: list[Path]) -> None:
    print("\nIn the kernel: one slider move, new value → new PNG (budget 10 ms)")
    print(f"{'notebook':<40} {'figure':>6} {'moves':>6} {'median ms':>10} {'p95 ms':>8}")
    for path in paths:
        for i, figure in enumerate(collect_live_figures(path)):
            ms = time_figure(figure)
            if ms.size == 0:
                print(f"{path.stem:<40} {i:>6} {'(no sliders)':>26}")
                continue
            flag = "" if np.median(ms) <= 10 else "  OVER"
            print(f"{path.stem:<40} {i:>6} {ms.size:>6} {np.median(ms):>10.2f} "
                  f"{np.percentile(ms, 95):>8.2f}{flag}", flush=True)


def _paced(nb, figure: int, label: str, key: str, pause_ms: int = 250) -> float:
    """One timed key press, after a pause as between a person's presses (so the previous
    update has finished: back-to-back presses queue behind it and measure throughput)."""
    nb.page.wait_for_timeout(pause_ms)
    return nb.key_to_picture_ms(figure, label, key)


def browser_table(paths: list[Path], presses: int = 24) -> None:
    from labdriver import LabServer, NotebookPage, launch_browser
    from playwright.sync_api import sync_playwright

    print("\nIn JupyterLab (Chromium): key press → new picture decoded (budget 50 ms median)")
    print(f"{'notebook':<40} {'figure':>6} {'presses':>8} {'median ms':>10} {'p95 ms':>8}")
    server = LabServer(render_all_cells=False)
    try:
        with sync_playwright() as playwright:
            browser = launch_browser(playwright)
            for path in paths:
                n_figures = len(collect_live_figures(path))
                page = browser.new_page()
                nb = NotebookPage(page, server, path.name)
                nb.run_all(n_figures)
                for i in range(n_figures):
                    labels = nb.figure(i).locator(".widget-slider .widget-label").all_text_contents()
                    if not labels:
                        continue
                    keys = ["ArrowRight", "ArrowLeft"] if nb.slider_value(i, labels[0]) < \
                        float(nb.slider(i, labels[0]).locator(".noUi-handle[role=slider]")
                              .get_attribute("aria-valuemax")) else ["ArrowLeft", "ArrowRight"]
                    ms = np.array([_paced(nb, i, labels[0], keys[k % 2]) for k in range(presses)])
                    ms = ms[np.isfinite(ms)]
                    if ms.size == 0:
                        print(f"{path.stem:<40} {i:>6} {'(no new picture)':>28}")
                        continue
                    flag = "" if np.median(ms) <= 50 else "  OVER"
                    print(f"{path.stem:<40} {i:>6} {presses:>8} {np.median(ms):>10.1f} "
                          f"{np.percentile(ms, 95):>8.1f}{flag}", flush=True)
                page.close()
                server.shutdown_kernels()  # idle kernels left running slow the next notebook
            browser.close()
    finally:
        server.stop()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--browser", action="store_true", help="also measure in JupyterLab")
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.notebooks] or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    kernel_table(paths)
    if args.browser:
        browser_table(paths)


if __name__ == "__main__":
    main()
