"""The three frontends a student or an instructor opens: JupyterLab 4, Notebook 7, Voilà.

Each server class follows ``labdriver.LabServer``: loopback only, a free port, a temporary
copy of ``notebooks/`` (nothing is autosaved into the repository), stopped by process group.
``open_frontend(kind, browser, server, name, n_figures)`` opens a notebook, runs it and
returns a ``FrontendPage`` with the gestures a student makes on any live figure: a key on
the focused slider, a mouse drag of its handle, the slider's value and the readout.

Sliders are found by what a person sees (their label), as ``[role=slider]`` or
``input[type=range]`` elements: the gestures do not depend on how a frontend renders them.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from labdriver import ROOT, LabServer, NotebookPage, free_port

# JupyterLab runs the fast view in every notebook's own browser test; here Notebook 7 and
# Voilà run it too (the default transport), and Notebook 7 once more with the core fallback
# (ipywidgets' own sliders and Image), the path a frontend without custom widgets gets.
FRONTENDS = ("notebook", "voila")


class _Server:
    """A Jupyter web server process on 127.0.0.1 serving a temporary copy of notebooks/."""

    name = "server"

    def __init__(self, transport: str | None = None):
        """``transport``: the kernel's ``LECTURE_LIVE_TRANSPORT`` (None: the default, fast)."""
        self.tmp = Path(tempfile.mkdtemp(prefix=f"lecture-{self.name}-"))
        shutil.copytree(ROOT / "notebooks", self.tmp / "notebooks",
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        self.root = self.tmp / "notebooks"
        self.port, self.token = free_port(), secrets.token_hex(16)
        env = dict(os.environ, JUPYTER_CONFIG_DIR=str(self.tmp / "config"),
                   JUPYTERLAB_SETTINGS_DIR=str(self.tmp / "settings"),
                   JUPYTERLAB_WORKSPACES_DIR=str(self.tmp / "workspaces"))
        if transport is not None:
            env["LECTURE_LIVE_TRANSPORT"] = transport
        self.log = open(self.tmp / "server.log", "wb")  # noqa: SIM115 (held by the server; stop() closes it)
        self.process = subprocess.Popen(self.command(), stdout=self.log, stderr=subprocess.STDOUT,
                                        env=env, cwd=self.root, start_new_session=True)
        self._wait_ready()

    def command(self) -> list[str]:
        raise NotImplementedError

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def status_url(self) -> str:
        return f"{self.url}/api/status?token={self.token}"

    def _wait_ready(self, timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited early; see {self.tmp / 'server.log'}")
            try:
                urllib.request.urlopen(self.status_url(), timeout=2)
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"{self.name} did not answer within {timeout:.0f} s")

    def shutdown_kernels(self) -> None:
        """Nothing to do by default (Voilà ends a page's kernel when the page closes)."""

    stop = LabServer.stop  # the same process-group stop and clean-up


class NotebookServer(_Server):
    """Jupyter Notebook 7 (the classic one-notebook-per-tab interface, built on JupyterLab)."""

    name = "notebook"

    def command(self) -> list[str]:
        return [sys.executable, "-m", "notebook", "--no-browser", "--allow-root",
                "--ip=127.0.0.1", f"--port={self.port}", f"--IdentityProvider.token={self.token}",
                f"--ServerApp.root_dir={self.root}"]

    shutdown_kernels = LabServer.shutdown_kernels

    def wait_kernel_idle(self, name: str, timeout: float = 90.0) -> None:
        """Wait until the notebook's session has a kernel and that kernel is idle (the
        page's indicator reads idle before any kernel exists, and Run All then asks
        which kernel to start)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            sessions = json.load(urllib.request.urlopen(
                f"{self.url}/api/sessions?token={self.token}", timeout=10))
            if any(s["path"].endswith(name) and s.get("kernel") and
                   s["kernel"].get("execution_state") == "idle" for s in sessions):
                return
            time.sleep(0.2)
        raise AssertionError(f"no idle kernel for {name} within {timeout:.0f} s")

    def notebook_url(self, name: str) -> str:
        return f"{self.url}/notebooks/{name}?token={self.token}"


class VoilaServer(_Server):
    """Voilà: the notebook as an app (outputs and widgets only, every cell run on load).
    On loopback without a token, as an instructor runs it on the lecture laptop."""

    name = "voila"

    def command(self) -> list[str]:
        return [sys.executable, "-m", "voila", "--no-browser", "--Voila.ip=127.0.0.1",
                f"--port={self.port}", "--Voila.token=", "--show_tracebacks=True",
                str(self.root)]

    def status_url(self) -> str:
        return f"{self.url}/"

    def notebook_url(self, name: str) -> str:
        return f"{self.url}/voila/render/{name}"


SERVERS = {"lab": LabServer, "notebook": NotebookServer, "voila": VoilaServer}

# In page: the slider element labelled `label` inside live figure `index`, whatever renders
# it: ipywidgets' noUiSlider handle (label in the sibling .widget-label), or an element with
# role=slider / a range input named by aria-label, aria-labelledby or a <label>.
_FIND_SLIDER = """([index, label]) => {
    const figure = document.querySelectorAll('.lecture-live-figure')[index];
    if (!figure) return false;
    const name = el => {
        if (el.getAttribute('aria-label')) return el.getAttribute('aria-label');
        const by = el.getAttribute('aria-labelledby');
        if (by) return by.split(/\\s+/).map(id => document.getElementById(id))
            .filter(Boolean).map(n => n.textContent).join(' ');
        if (el.labels && el.labels.length) return el.labels[0].textContent;
        const box = el.closest('.widget-slider, .widget-hslider');
        const text = box && box.querySelector('.widget-label');
        return text ? text.textContent : '';
    };
    const found = Array.from(figure.querySelectorAll('[role=slider], input[type=range]'))
        .filter(el => name(el).trim() === label);
    if (found.length !== 1) return false;
    document.querySelectorAll('[data-test-slider]').forEach(
        el => el.removeAttribute('data-test-slider'));
    found[0].setAttribute('data-test-slider', '1');
    return true;
}"""


class FrontendPage:
    """One notebook, run, in one frontend; gestures on its live figures."""

    def __init__(self, page, kind: str):
        self.page, self.kind = page, kind

    def figure(self, index: int):
        return self.page.locator(".lecture-live-figure").nth(index)

    def handle(self, figure: int, label: str):
        """The slider labelled ``label`` (e.g. "ω₁₁") in live figure ``figure``."""
        self.page.wait_for_function(_FIND_SLIDER, arg=[figure, label], timeout=10_000)
        return self.page.locator("[data-test-slider]")

    def press(self, figure: int, label: str, key: str = "ArrowRight", times: int = 1) -> None:
        """Focus the slider (as Tab would) and press ``key`` on the keyboard."""
        handle = self.handle(figure, label)
        handle.focus()
        for _ in range(times):
            self.page.keyboard.press(key)

    def drag(self, figure: int, label: str, fraction: float) -> None:
        """Drag the slider's handle with the mouse by ``fraction`` of the track's width."""
        handle = self.handle(figure, label)
        handle.scroll_into_view_if_needed()
        # Where the thumb is: noUiSlider's handle is its own element; a range input's thumb
        # sits at the value's fraction of the input's width (as a person aims at it).
        x, y, track = handle.evaluate("""el => {
            const r = el.getBoundingClientRect(), y = r.y + r.height / 2;
            if (!el.matches('input')) {
                const t = el.closest('.noUi-target').getBoundingClientRect();
                return [r.x + r.width / 2, y, t.width];
            }
            const f = (el.value - el.min) / (el.max - el.min), thumb = 16;
            return [r.x + thumb / 2 + f * (r.width - thumb), y, r.width - thumb]; }""")
        self.page.mouse.move(x, y)
        self.page.mouse.down()
        for k in range(1, 11):  # a person's drag: many small moves
            self.page.mouse.move(x + fraction * track * k / 10, y)
            self.page.wait_for_timeout(30)
        self.page.mouse.up()

    def slider_value(self, figure: int, label: str) -> float:
        """The slider's value, rounded to 10 decimals (ipywidgets' noUiSlider rounds
        aria-valuenow to one decimal and leaves float noise in aria-valuetext)."""
        handle = self.handle(figure, label)
        value = handle.evaluate("""el => el.getAttribute('aria-valuetext') ||
            el.getAttribute('aria-valuenow') || el.value""")
        return round(float(value), 10)

    def readout(self, figure: int) -> str:
        return self.figure(figure).locator(".lecture-readout").text_content()

    def wait_readout(self, figure: int, predicate, timeout: float = 15_000) -> str:
        """Wait until ``predicate(readout text)`` holds; return the text."""
        deadline = time.monotonic() + timeout / 1000
        text = self.readout(figure)
        while time.monotonic() < deadline:
            text = self.readout(figure)
            if predicate(text):
                return text
            self.page.wait_for_timeout(50)
        raise AssertionError(f"{self.kind}: readout of figure {figure} is still {text!r}")


def _wait_figures(page, n_figures: int, timeout: float) -> None:
    page.wait_for_function(
        """n => {
            const figures = document.querySelectorAll('.lecture-live-figure');
            return figures.length >= n && Array.from(figures).every(f =>
                (f.querySelector('img') || Number(f.dataset.frames) > 0) &&
                f.querySelector('.lecture-readout') &&
                f.querySelector('.lecture-readout').textContent.trim().length > 0);
        }""", arg=n_figures, timeout=timeout)


def open_frontend(kind: str, page, server, name: str, n_figures: int,
                  timeout: float = 120_000) -> FrontendPage:
    """Open notebook ``name`` in ``kind`` ("lab", "notebook" or "voila") and run it."""
    page.set_viewport_size({"width": 1500, "height": 1000})
    if kind == "lab":
        NotebookPage(page, server, name).run_all(n_figures, timeout)
    elif kind == "notebook":
        page.goto(server.notebook_url(name))
        page.locator(".jp-Notebook").first.wait_for(timeout=90_000)
        server.wait_kernel_idle(name, timeout / 1000)
        _accept_kernel_dialog(page)
        _wait_kernel_idle_notebook(page, timeout)
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile("^Run$")).click()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile("^Run All Cells$")).click()
        _wait_figures(page, n_figures, timeout)
        _wait_kernel_idle_notebook(page, timeout)
    elif kind == "voila":
        page.goto(server.notebook_url(name), timeout=timeout)  # Voilà runs every cell itself
        _wait_figures(page, n_figures, timeout)
    else:
        raise ValueError(f"kind must be one of {FRONTENDS}, got {kind!r}")
    return FrontendPage(page, kind)


def _accept_kernel_dialog(page) -> None:
    """If Notebook 7 asks which kernel to start, take the preferred one (Python 3)."""
    dialog = page.locator(".jp-Dialog", has_text="Select Kernel")
    if dialog.count():
        dialog.locator("button", has_text="Select").click()


def _wait_kernel_idle_notebook(page, timeout: float) -> None:
    """Notebook 7's toolbar shows the kernel state in its execution indicator."""
    page.wait_for_function(
        """() => {
            const el = document.querySelector('.jp-Notebook-ExecutionIndicator');
            return el !== null && el.dataset.status === 'idle';
        }""", timeout=timeout)
