"""How fast the live figures answer a slider: in the kernel, and in a real browser.

    python benchmarks/live_figures.py [NOTEBOOK ...]            # in-kernel table
    python benchmarks/live_figures.py --browser [NOTEBOOK ...]  # also key press → picture

In-kernel: each notebook's code runs in an in-process IPython shell; every LiveFigure
it creates is collected, and each of its sliders is moved step by step (≥ 50 moves per
figure). Time per move is from the new value in to the new PNG bytes out. Budget 10 ms.

Browser (one JupyterLab, one headless Chromium; see tests/browser/labdriver.py): first the
bare floor, a plain ipywidgets slider driving an ``Image`` from precomputed 100×50 px PNGs
(nothing of ours), then the first slider of every live figure:

- key press → painted: 16 real arrow-key presses, 200 ms apart, timed in the page from the
  keydown event's own time stamp to the animation frame after the new picture;
- pictures/s: a 3 s drag driven inside the page, one slider step per animation frame (the
  display's frame rate), pictures counted by the figure's ``data-frames`` (by the Image's
  ``src`` for the floor); afterwards the picture must show the slider's last value.

Budgets: ≤ 35 ms median and ≥ 30 pictures/s; the table gives both as ratios to the floor.
The playground's controls are structural (each builds a new network): its budget is a new
picture within 150 ms.
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


def collect_live_figures(path: Path, keep_output: bool = False) -> list:
    """Run a notebook's code cells in-process and return the LiveFigures it made.

    Printed text and displayed results are discarded, unless ``keep_output`` (then they
    reach the caller's ``sys.stdout`` and display hooks, as in a notebook)."""
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
                if keep_output:
                    result = shell.run_cell(cell.source)
                else:
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


FLOOR_CELL = """\
import ipywidgets as widgets, numpy as np
from lecture_lib.interactive import encode_png
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

def picture(i):  # 100 x 50 px, a bar whose length is the slider value
    canvas = FigureCanvasAgg(Figure(figsize=(1, 0.5), dpi=100))
    canvas.figure.add_axes((0, 0, 1, 1)).barh([0], [i], color="C0")
    canvas.figure.axes[0].set(xlim=(0, 100), ylim=(-1, 1))
    canvas.draw()
    return encode_png(canvas)

pngs = [picture(i) for i in range(101)]
image = widgets.Image(value=pngs[50], format="png")
slider = widgets.IntSlider(50, 0, 100, 1, description="bare", continuous_update=True)
readout = widgets.HTML("value 50")
readout.add_class("lecture-readout")
def show(change):
    image.value, readout.value = pngs[change["new"]], f"value {change['new']}"
slider.observe(show, names="value")
floor = widgets.VBox([image, slider, readout])
floor.add_class("lecture-live-figure")
floor
"""


def _write_floor_notebook(folder: Path) -> str:
    """The bare floor: a plain ipywidgets slider driving an Image from precomputed PNGs."""
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_CELL)], metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)",
                       "language": "python"}})
    nbformat.write(nb, folder / "bare_floor.ipynb")
    return "bare_floor.ipynb"


def _measure(nb, figure: int, label: str, presses: int, drag_s: float) -> tuple:
    """Median and p95 key press → painted (ms) and pictures/s over a ``drag_s`` drag."""
    _, hi = nb.slider_range(figure, label)
    keys = ["ArrowRight", "ArrowLeft"] if nb.slider_value(figure, label) < hi else \
        ["ArrowLeft", "ArrowRight"]
    ms = []
    for k in range(presses):
        nb.page.wait_for_timeout(200)  # as between a person's presses: nothing queued
        ms.append(nb.key_to_picture_ms(figure, label, keys[k % 2]))
    ms = np.array(ms)
    ms = ms[np.isfinite(ms)]
    nb.page.wait_for_timeout(300)
    fps = nb.drag_pictures_per_second(figure, label, drag_s)
    nb.page.wait_for_timeout(300)
    if not ms.size:
        return np.nan, np.nan, fps
    return np.median(ms), np.percentile(ms, 95), fps


STRUCTURAL_MS = 150.0  # a control that builds a new network (CONVENTIONS.md)


def _is_playground(figure) -> bool:
    """The training playground (notebook 12): every control of it builds a new network, so
    its budget is the structural one, a new picture within 150 ms."""
    return any(spec.name == "hidden_layers" for spec in figure.specs)


def browser_table(paths: list[Path], presses: int = 16, drag_s: float = 3.0) -> list[dict]:
    """One JupyterLab and one Chromium: the bare floor first, then every live figure's
    first slider: key press → painted picture, and pictures/s during a drag driven in the
    page at the display's frame rate. Returns the rows, prints the table as it goes."""
    from labdriver import LabServer, NotebookPage, launch_browser
    from playwright.sync_api import sync_playwright

    print("\nIn JupyterLab (headless Chromium), one run: key press → painted picture and "
          f"pictures/s during a {drag_s:g} s drag; ratios to the bare ipywidgets floor")
    print(f"{'notebook':<36} {'fig':>3} {'slider':<10} {'key ms':>7} {'p95':>6} {'pics/s':>7} "
          f"{'key/floor':>9} {'pics/floor':>10}")
    rows, floor = [], None
    server = LabServer(render_all_cells=False)
    try:
        with sync_playwright() as playwright:
            browser = launch_browser(playwright)
            floor_nb = (_write_floor_notebook(server.tmp / "notebooks"), [False])
            # The floor first (the ratios use it) and again last: how much the load drifted.
            # Each notebook with, per live figure, whether its controls are structural.
            jobs = [floor_nb] + [(p.name, [_is_playground(f) for f in collect_live_figures(p)])
                                 for p in paths] + [floor_nb]
            for name, structural in jobs:
                n_figures = len(structural)
                page = browser.new_page()
                nb = NotebookPage(page, server, name)
                nb.run_all(n_figures)
                for i in range(n_figures):
                    labels = nb.slider_labels(i)
                    if not labels:
                        print(f"{Path(name).stem:<36} {i:>3} {'(no slider)':<10}")
                        continue
                    key, p95, fps = _measure(nb, i, labels[0], presses, drag_s)
                    row = {"notebook": Path(name).stem, "figure": i, "slider": labels[0],
                           "key_ms": key, "key_p95": p95, "fps": fps,
                           "structural": structural[i]}
                    floor = floor or row
                    rows.append(row)
                    met = key <= STRUCTURAL_MS if structural[i] else key <= 35 and fps >= 30
                    print(f"{row['notebook']:<36} {i:>3} {labels[0]:<10} {key:>7.1f} {p95:>6.1f} "
                          f"{fps:>7.1f} {key / floor['key_ms']:>9.2f} {fps / floor['fps']:>10.2f}"
                          + ("  (structural: budget 150 ms)" if structural[i] else "")
                          + ("" if row is floor or met else "  OVER"), flush=True)
                page.close()
                server.shutdown_kernels()  # idle kernels left running slow the next notebook
            browser.close()
    finally:
        server.stop()
    return rows


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--browser", action="store_true", help="also measure in JupyterLab")
    parser.add_argument("--browser-only", action="store_true", help="only the browser table")
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.notebooks] or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    if not args.browser_only:
        kernel_table(paths)
    if args.browser or args.browser_only:
        browser_table(paths)


if __name__ == "__main__":
    main()
