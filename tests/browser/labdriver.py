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


def free_port() -> int:
    """A free TCP port on 127.0.0.1 (every test server binds to loopback only)."""
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
        self.port, self.token = free_port(), secrets.token_hex(16)
        env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(settings),
                   JUPYTERLAB_WORKSPACES_DIR=str(self.tmp / "workspaces"))
        self.log = open(self.tmp / "lab.log", "wb")  # noqa: SIM115 (held by the server; stop() closes it)
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
        """Run all cells from the Run menu and wait for ``n_figures`` live figures, each
        showing a picture and a readout."""
        self.page.locator(".lm-MenuBar-itemLabel", has_text=re.compile("^Run$")).click()
        self.page.locator(".lm-Menu-itemLabel", has_text=re.compile("^Run All Cells$")).click()
        self.page.wait_for_function(
            """n => {
                const figures = document.querySelectorAll('.lecture-live-figure');
                return figures.length >= n && Array.from(figures).every(f =>
                    (Number(f.dataset.frames) > 0 || f.querySelector('img.widget-image')) &&
                    f.querySelector('.lecture-readout') &&
                    f.querySelector('.lecture-readout').textContent.trim().length > 0);
            }""", arg=n_figures, timeout=timeout)
        self.wait_idle(timeout)

    def figure(self, index: int):
        return self.page.locator(".lecture-live-figure").nth(index)

    def slider(self, figure: int, label: str):
        """The slider labelled ``label`` (e.g. "ω₁₁") in live figure ``figure``: the fast
        view's ``.lecture-slider`` or the core fallback's ``.widget-slider``."""
        return self.figure(figure).locator(SLIDER).filter(
            has=self.page.locator(LABEL, has_text=re.compile(f"^{re.escape(label)}$")))

    def handle(self, figure: int, label: str):
        """The element with the slider role: ``<input type=range>`` or noUiSlider's handle."""
        return self.slider(figure, label).locator(HANDLE).first

    def slider_labels(self, figure: int) -> list[str]:
        """Labels of the numeric sliders (not a Choice shown as steps)."""
        sliders = self.figure(figure).locator(".lecture-slider:not(.lecture-steps), "
                                              ".widget-slider:not(.widget-hslider-selection)")
        return [t.strip() for t in sliders.locator(LABEL).all_text_contents()]

    def press(self, figure: int, label: str, key: str = "ArrowRight", times: int = 1) -> None:
        """Focus a slider's handle and press ``key``: one step per press."""
        handle = self.handle(figure, label)
        handle.focus()
        for _ in range(times):
            handle.press(key)

    def type_value(self, figure: int, label: str, value: float) -> None:
        """Type a value into the slider's editable value and press Enter."""
        readout = self.slider(figure, label).locator(VALUE).first
        readout.click()
        self.page.keyboard.press("Control+A")
        self.page.keyboard.type(f"{value}")
        self.page.keyboard.press("Enter")

    def shown_value(self, figure: int, label: str) -> str:
        """The text of the slider's editable value box (the number field or ipywidgets' readout)."""
        box = self.slider(figure, label).locator(VALUE).first
        return box.evaluate("b => b.matches('input') ? b.value : b.textContent").strip()

    def select(self, figure: int, label: str, option: str) -> None:
        """Pick ``option`` in the drop-down labelled ``label`` (either transport)."""
        fig = self.figure(figure)
        fast = fig.locator(".lecture-choice", has=self.page.locator(".lecture-label", has_text=label))
        core = fig.locator(".widget-dropdown", has_text=label)
        (fast if fast.count() else core).locator("select").first.select_option(label=option)

    def choose(self, figure: int, option: str | re.Pattern) -> None:
        """Click the option button (a Choice shown as buttons) whose text is ``option``."""
        self.figure(figure).locator(OPTION, has_text=option).first.click()

    def reset(self, figure: int) -> None:
        self.figure(figure).locator(RESET).first.click()

    def slider_value(self, figure: int, label: str) -> float:
        return float(self.handle(figure, label).evaluate(
            "h => h.matches('input') ? h.value : h.getAttribute('aria-valuenow')"))

    def slider_range(self, figure: int, label: str) -> tuple[float, float]:
        return tuple(float(v) for v in self.handle(figure, label).evaluate(
            "h => h.matches('input') ? [h.min, h.max] : "
            "[h.getAttribute('aria-valuemin'), h.getAttribute('aria-valuemax')]"))

    def image_bytes(self, figure: int) -> bytes:
        """The picture currently shown by live figure ``figure``, as PNG bytes (the canvas's
        pixels, or the image's blob URL)."""
        data = self.figure(figure).locator(PICTURE).first.evaluate(
            """async p => Array.from(new Uint8Array(await (await fetch(
                p.toDataURL ? p.toDataURL("image/png") : p.src)).arrayBuffer()))""")
        return bytes(data)

    def frames(self, figure: int) -> int:
        """Pictures painted so far by the figure (its ``data-frames``; fast view only)."""
        return int(self.figure(figure).get_attribute("data-frames") or 0)

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
        """Milliseconds from a real key press on a slider (the keydown event's own time stamp)
        to the animation frame after the new picture is painted; NaN if no new picture
        comes within 3 s (e.g. at the end of the slider's range)."""
        handle = self.handle(figure, label)
        handle.focus()
        self.figure(figure).evaluate(ARM_KEY_TIMER)
        handle.press(key)
        return self.figure(figure).evaluate(AWAIT_KEY_TIMER)

    def drag_pictures_per_second(self, figure: int, label: str, seconds: float = 3.0) -> float:
        """Pictures painted per second while the page itself moves the slider one step per
        animation frame (as a continuous drag at the display's frame rate) for ``seconds``;
        the newest value must be the one shown at the end (checked: raises otherwise)."""
        result = self.handle(figure, label).evaluate(DRAG, seconds)
        if not result["settled"]:
            raise AssertionError(f"figure {figure}: after the drag the picture never showed the "
                                 f"slider's last value ({result})")
        return result["frames"] / result["seconds"]


SLIDER = ".lecture-slider, .widget-slider"
LABEL = ".lecture-label, .widget-label"
HANDLE = "input[type=range], .noUi-handle[role=slider]"
VALUE = ".lecture-value, .widget-readout"
OPTION = ".lecture-option, .widget-toggle-button"
RESET = ".lecture-reset, button:has-text('Reset')"
PICTURE = "canvas.lecture-picture, img.widget-image"

# Pictures are counted by the figure's data-frames (fast view) or, for ipywidgets' Image
# (the core fallback and the benchmark's bare floor), by the <img> changing its src.
COUNTER = """(fig) => {
    if (fig.__count) return fig.__count;
    const img = fig.querySelector('img.widget-image');
    const state = {frames: () => Number(fig.dataset.frames || 0), waiters: []};
    if (img && !fig.dataset.frames) {
        let n = 0;
        state.frames = () => n;
        new MutationObserver(() => img.decode().then(() => {
            n += 1; state.waiters.splice(0).forEach(w => w());
        }).catch(() => {})).observe(img, {attributes: true, attributeFilter: ['src']});
    } else {
        new MutationObserver(() => state.waiters.splice(0).forEach(w => w()))
            .observe(fig, {attributes: true, attributeFilter: ['data-frames']});
    }
    fig.__count = state;
    return state;
}"""
# The key timer is armed before the key is pressed and stops inside the page, at the
# animation frame after the first new picture: a picture that comes before the driver
# gets back from pressing the key is timed as fast as it was (the driver's round trips are
# not the student's latency).
ARM_KEY_TIMER = f"""fig => {{
    const count = ({COUNTER})(fig);
    const key = fig.__key = {{start: count.frames(), t0: null, ms: null, resolve: null}};
    fig.addEventListener('keydown', e => {{ key.t0 = e.timeStamp; }},
                         {{capture: true, once: true}});
    const check = () => {{
        if (count.frames() > key.start && key.t0 !== null) requestAnimationFrame(() => {{
            key.ms = performance.now() - key.t0;
            if (key.resolve) key.resolve(key.ms);
        }});
        else count.waiters.push(check);
    }};
    count.waiters.push(check);
}}"""
AWAIT_KEY_TIMER = """fig => new Promise(resolve => {
    const key = fig.__key;
    if (key.ms !== null) return resolve(key.ms);
    key.resolve = resolve;
    setTimeout(() => resolve(NaN), 3000);
})"""
DRAG = f"""(handle, seconds) => new Promise(resolve => {{
    const fig = handle.closest('.lecture-live-figure');
    const count = ({COUNTER})(fig);
    const isInput = handle.matches('input');
    const lo = Number(isInput ? handle.min : handle.getAttribute('aria-valuemin'));
    const hi = Number(isInput ? handle.max : handle.getAttribute('aria-valuemax'));
    const step = isInput ? Number(handle.step) : (hi - lo) / 100;
    let value = Number(isInput ? handle.value : handle.getAttribute('aria-valuenow'));
    let direction = 1;
    const readout = () => fig.querySelector('.lecture-readout').textContent;
    const start = count.frames(), t0 = performance.now();
    // noUiSlider (ipywidgets' own slider) follows mouse events: press its handle, then
    // move the pointer along the track; a native range input follows input events.
    const track = isInput ? null : handle.closest('.noUi-target').getBoundingClientRect();
    const box = handle.getBoundingClientRect();
    const pointer = (type, x) => new MouseEvent(type, {{clientX: x, clientY: box.y + box.height / 2,
        buttons: type === 'mouseup' ? 0 : 1, button: 0, bubbles: true, cancelable: true}});
    let x = box.x + box.width / 2;
    if (!isInput) (handle.querySelector('.noUi-touch-area') || handle)
        .dispatchEvent(pointer('mousedown', x));
    function move() {{
        if (isInput) {{
            if (value + direction * step > hi + 1e-9 || value + direction * step < lo - 1e-9)
                direction = -direction;
            value += direction * step;
            handle.value = value;
            handle.dispatchEvent(new Event('input', {{bubbles: true}}));
        }} else {{
            const dx = track.width / 100;
            if (x + direction * dx > track.right || x + direction * dx < track.left)
                direction = -direction;
            x += direction * dx;
            document.documentElement.dispatchEvent(pointer('mousemove', x));
        }}
    }}
    function frame(now) {{
        if (now - t0 < seconds * 1000) {{ move(); requestAnimationFrame(frame); return; }}
        if (!isInput) document.documentElement.dispatchEvent(pointer('mouseup', x));
        const frames = count.frames() - start, elapsed = (performance.now() - t0) / 1000;
        // The newest value last: wait until no picture has come for 500 ms, then compare.
        let last = count.frames(), quiet = performance.now();
        const settle = () => {{
            if (count.frames() !== last) {{ last = count.frames(); quiet = performance.now(); }}
            if (performance.now() - quiet < 500) {{ setTimeout(settle, 50); return; }}
            const view = fig.querySelector('.lecture-live-view');
            const shown = view && handle.dataset.name ?
                JSON.parse(view.dataset.values || '{{}}')[handle.dataset.name] : value;
            resolve({{frames, seconds: elapsed, last: readout(), shown, value,
                      settled: Math.abs(Number(shown) - Number(handle.value ?? value)) < 1e-9}});
        }};
        settle();
    }}
    requestAnimationFrame(frame);
}})"""


def parse_numbers(text: str, name: str) -> list[float]:
    """Numbers after ``name`` in a readout line such as ``joints at x = -2.00, 1.20``."""
    for line in text.splitlines():
        if line.strip().startswith(name):
            body = line.split("=", 1)[1] if "=" in line else line[len(name):]
            return [float(v) for v in re.findall(r"[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?", body)]
    raise AssertionError(f"no line starting with {name!r} in readout:\n{text}")
