"""Drive a real JupyterLab in headless Chromium: used by the browser tests and benchmarks.

``LabServer`` starts JupyterLab on 127.0.0.1 (free port, random token, a temporary copy
of ``notebooks/`` so nothing is autosaved into the repository) and stops it by PID.
``open_notebook`` returns a ``NotebookPage`` that runs all cells and moves sliders the
way a student does: arrow keys on a focused handle, or typing into the editable readout.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]
# Silence JupyterLab's news and update pop-ups, which would cover the notebook, and render
# every cell (JupyterLab 4 otherwise skips cells outside the viewport).
SETTINGS = {"@jupyterlab/apputils-extension/notification.jupyterlab-settings":
            {"fetchNews": "false", "checkForUpdates": False},
            "@jupyterlab/notebook-extension/tracker.jupyterlab-settings":
            {"windowingMode": "none"}}


def chromium_path() -> str | None:
    """Debian's chromium (or chromium-browser / google-chrome) on PATH, if any."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LabServer:
    """A JupyterLab server on loopback, serving a temporary copy of the notebooks."""

    def __init__(self, render_all_cells: bool = True):
        self.tmp = Path(tempfile.mkdtemp(prefix="lecture-lab-"))
        shutil.copytree(ROOT / "notebooks", self.tmp / "notebooks",
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        settings = self.tmp / "settings"
        for name, value in SETTINGS.items():
            if "notebook-extension" in name and not render_all_cells:
                continue  # JupyterLab's default windowing, as a student has it
            target = settings / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(value))
        self.port, self.token = _free_port(), secrets.token_hex(16)
        env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(settings),
                   JUPYTERLAB_WORKSPACES_DIR=str(self.tmp / "workspaces"))
        self.log = open(self.tmp / "lab.log", "wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
             "--ip=127.0.0.1", f"--port={self.port}", f"--IdentityProvider.token={self.token}",
             f"--ServerApp.root_dir={self.tmp / 'notebooks'}"],
            stdout=self.log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        self._wait_ready()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _wait_ready(self, timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited early; see {self.tmp / 'lab.log'}")
            try:
                urllib.request.urlopen(f"{self.url}/api/status?token={self.token}", timeout=2)
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"JupyterLab did not answer within {timeout:.0f} s")

    def shutdown_kernels(self) -> None:
        """End every kernel session (a closed tab leaves its kernel running otherwise)."""
        api = f"{self.url}/api/sessions?token={self.token}"
        for session in json.load(urllib.request.urlopen(api, timeout=10)):
            request = urllib.request.Request(
                f"{self.url}/api/sessions/{session['id']}?token={self.token}", method="DELETE")
            urllib.request.urlopen(request, timeout=30)

    def stop(self) -> None:
        """Stop the server and its kernels (its whole process group), then clean up."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        self.log.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


def launch_browser(playwright):
    """Debian's chromium through Playwright (Playwright's own browser download is not used)."""
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS,
                                      headless=True)


class NotebookPage:
    """One notebook open in JupyterLab, with the gestures a student makes."""

    def __init__(self, page, server: LabServer, name: str):
        self.page, self.server, self.name = page, server, name
        page.set_viewport_size({"width": 1500, "height": 1000})
        # A workspace of its own, reset: JupyterLab must not reopen earlier notebooks.
        workspace = re.sub(r"\W", "-", name)
        page.goto(f"{server.url}/lab/workspaces/{workspace}/tree/{name}"
                  f"?reset&token={server.token}")
        page.locator(".jp-NotebookPanel:visible .jp-Notebook").first.wait_for(timeout=90_000)
        self.wait_idle()

    def wait_idle(self, timeout: float = 90_000) -> None:
        """Wait until the kernel status reads Idle ("Run All" does nothing before that)."""
        self.page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"\| Idle")).first \
            .wait_for(timeout=timeout)

    def run_all(self, n_figures: int, timeout: float = 120_000) -> None:
        """Run all cells from the Run menu and wait for ``n_figures`` live figures."""
        self.page.locator(".lm-MenuBar-itemLabel", has_text=re.compile("^Run$")).click()
        self.page.locator(".lm-Menu-itemLabel", has_text=re.compile("^Run All Cells$")).click()
        self.page.wait_for_function(
            """n => {
                const figures = document.querySelectorAll('.lecture-live-figure');
                return figures.length >= n && Array.from(figures).every(f =>
                    f.querySelector('img') && f.querySelector('.lecture-readout') &&
                    f.querySelector('.lecture-readout').textContent.trim().length > 0);
            }""", arg=n_figures, timeout=timeout)
        self.wait_idle(timeout)

    def figure(self, index: int):
        return self.page.locator(".lecture-live-figure").nth(index)

    def slider(self, figure: int, label: str):
        """The slider labelled ``label`` (e.g. "ω₁₁") in live figure ``figure``."""
        return self.figure(figure).locator(".widget-slider").filter(
            has=self.page.locator(".widget-label", has_text=re.compile(f"^{re.escape(label)}$")))

    def press(self, figure: int, label: str, key: str = "ArrowRight", times: int = 1) -> None:
        """Focus a slider's handle and press ``key``: one step per press."""
        handle = self.slider(figure, label).locator(".noUi-handle[role=slider]")
        handle.focus()
        for _ in range(times):
            handle.press(key)

    def type_value(self, figure: int, label: str, value: float) -> None:
        """Type a value into the slider's editable readout and press Enter."""
        readout = self.slider(figure, label).locator(".widget-readout")
        readout.click()
        self.page.keyboard.press("Control+A")
        self.page.keyboard.type(f"{value}")
        self.page.keyboard.press("Enter")

    def slider_value(self, figure: int, label: str) -> float:
        handle = self.slider(figure, label).locator(".noUi-handle[role=slider]")
        return float(handle.get_attribute("aria-valuenow"))

    def image_bytes(self, figure: int) -> bytes:
        """The PNG currently shown by live figure ``figure``, fetched from its blob URL."""
        data = self.figure(figure).locator(".widget-image").first.evaluate(
            "async img => Array.from(new Uint8Array(await (await fetch(img.src)).arrayBuffer()))")
        return bytes(data)

    def readout(self, figure: int) -> str:
        return self.figure(figure).locator(".lecture-readout").text_content()

    def wait_readout_change(self, figure: int, old: str, timeout: float = 10_000) -> str:
        """Wait until the readout differs from ``old`` and return the new text."""
        locator = self.figure(figure).locator(".lecture-readout")
        deadline = time.monotonic() + timeout / 1000
        while time.monotonic() < deadline:
            text = locator.text_content()
            if text != old:
                return text
            self.page.wait_for_timeout(50)
        raise AssertionError(f"readout of figure {figure} did not change from {old!r}")

    def key_to_picture_ms(self, figure: int, label: str, key: str = "ArrowRight") -> float:
        """Milliseconds from a key press on a slider to the new picture decoded in the page
        (NaN if no new picture comes within 3 s, e.g. at the end of the slider's range)."""
        handle = self.slider(figure, label).locator(".noUi-handle[role=slider]")
        handle.focus()
        img = self.figure(figure).locator(".widget-image").first
        return img.evaluate("""(img, key) => new Promise(resolve => {
            const handle = img.closest('.lecture-live-figure')
                .querySelector('.noUi-handle[role=slider]:focus');
            const start = performance.now();
            const observer = new MutationObserver(() => {
                observer.disconnect();
                img.decode().then(() => resolve(performance.now() - start));
            });
            observer.observe(img, {attributes: true, attributeFilter: ['src']});
            setTimeout(() => { observer.disconnect(); resolve(NaN); }, 3000);  // no new picture
            handle.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true}));
        })""", key)


def parse_numbers(text: str, name: str) -> list[float]:
    """Numbers after ``name`` in a readout line such as ``joints at x = -2.00, 1.20``."""
    for line in text.splitlines():
        if line.strip().startswith(name):
            body = line.split("=", 1)[1] if "=" in line else line[len(name):]
            return [float(v) for v in re.findall(r"[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?", body)]
    raise AssertionError(f"no line starting with {name!r} in readout:\n{text}")
