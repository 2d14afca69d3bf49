"""The same gestures in JupyterLab 4, Notebook 7 and Voilà: a key on a focused slider and
a mouse drag of a slider's handle, and each time the readout shows the library's numbers.

One server per frontend (module scope) and one Chromium; notebooks 00, 05 and 12 in the
fast view (the default transport), and notebook 00 once more in Notebook 7 with the core
fallback (ipywidgets' own sliders driving an Image), the path of a frontend whose widget
manager cannot load custom widgets.
"""

from __future__ import annotations

import pytest
from frontends import FRONTENDS, NotebookServer, VoilaServer, open_frontend
from labdriver import parse_numbers

from lecture_lib.fitting import PRACTICE_X, PRACTICE_Y, linear_loss
from lecture_lib.shallow import LECTURE_WEIGHTS, describe, shallow_1d
from lecture_lib.topics.training import TrainingRun


@pytest.fixture(scope="module", params=FRONTENDS)
def frontend(request):
    """(kind, server) for each frontend in turn; JupyterLab's server is the session's."""
    from conftest import _require_browser

    _require_browser()
    kind = request.param
    if kind == "lab":
        yield kind, request.getfixturevalue("lab_server")
        return
    server = {"notebook": NotebookServer, "voila": VoilaServer}[kind]()
    yield kind, server
    server.stop()


@pytest.fixture(scope="module")
def chromium(browser):
    """The session's Chromium (conftest.py): one Playwright per test session, since a
    second sync Playwright cannot start while the first runs."""
    return browser


@pytest.fixture
def open_in(frontend, chromium):
    """``open_in("00_start_here.ipynb", n_figures=1)`` → a FrontendPage, run, in a new tab."""
    kind, server = frontend
    pages = []

    def _open(name: str, n_figures: int):
        page = chromium.new_page()
        pages.append(page)
        return open_frontend(kind, page, server, name, n_figures)

    yield _open
    for page in pages:
        page.close()
    server.shutdown_kernels()


@pytest.fixture(scope="module")
def core_fallback(chromium):
    """A Notebook 7 server whose kernels run the core transport; a function to open a page."""
    server = NotebookServer(transport="core")
    pages = []

    def _open(name: str, n_figures: int):
        page = chromium.new_page()
        pages.append(page)
        return open_frontend("notebook", page, server, name, n_figures)

    yield _open
    for page in pages:
        page.close()
    server.shutdown_kernels()
    server.stop()


def _changed(old):
    return lambda text: text != old


def test_00_practice_line_by_key_and_by_mouse(open_in):
    _practice_line(open_in("00_start_here.ipynb", n_figures=1))


def test_00_core_fallback_in_notebook7(core_fallback):
    nb = core_fallback("00_start_here.ipynb", n_figures=1)
    assert nb.figure(0).locator(".widget-slider").count() >= 2  # ipywidgets' own sliders
    assert nb.figure(0).locator("canvas.lecture-picture").count() == 0
    _practice_line(nb)


def _practice_line(nb):
    """w by one key step, b by a fifth of a mouse drag; the readout follows the library."""
    text = nb.readout(0)
    assert parse_numbers(text, "L") == [round(linear_loss(PRACTICE_X, PRACTICE_Y, 1.0, 0.0), 2)]

    nb.press(0, "w", "ArrowRight")  # one step: 1.00 → 1.01
    text = nb.wait_readout(0, lambda t: parse_numbers(t, "w") == [1.01])
    assert nb.slider_value(0, "w") == 1.01
    assert parse_numbers(text, "L") == [round(linear_loss(PRACTICE_X, PRACTICE_Y, 1.01, 0.0), 2)]

    nb.drag(0, "b", 0.2)  # a fifth of the track to the right: b leaves 0 for about 1.2
    b = nb.slider_value(0, "b")
    text = nb.wait_readout(0, lambda t: parse_numbers(t, "b") == [round(b, 2)])
    assert 0.5 < b < 2.0
    assert parse_numbers(text, "L") == [round(linear_loss(PRACTICE_X, PRACTICE_Y, 1.01, b), 2)]


def test_05_joints_follow_key_and_mouse(open_in):
    nb = open_in("05_shallow_networks.ipynb", n_figures=2)
    weights = dict(LECTURE_WEIGHTS)
    assert nb.readout(0) == describe(shallow_1d(**weights))

    nb.press(0, "ω₁₁", "ArrowRight")  # 1.5 → 1.6
    weights["w11"] = 1.6
    nb.wait_readout(0, lambda t: t == describe(shallow_1d(**weights)))
    assert nb.slider_value(0, "ω₁₁") == 1.6

    old = nb.readout(0)
    nb.drag(0, "b₂", 0.1)  # -1.2 → about -0.2
    nb.wait_readout(0, _changed(old))
    weights["b2"] = nb.slider_value(0, "b₂")
    assert -1.0 < weights["b2"] < 0.5
    nb.wait_readout(0, lambda t: t == describe(shallow_1d(**weights)))


def test_12_playground_layers_by_key_units_by_mouse(open_in):
    nb = open_in("12_training_a_network.ipynb", n_figures=1)
    assert parse_numbers(nb.readout(0), "epoch") == [150]

    nb.press(0, "layers", "ArrowRight")  # 2 → 3 hidden layers: a new network, epoch 0
    nb.wait_readout(0, lambda t: t == TrainingRun(hidden_layers=3).describe())
    assert nb.slider_value(0, "layers") == 3

    old = nb.readout(0)
    nb.drag(0, "units", -0.25)  # 8 → about 4 units per layer
    nb.wait_readout(0, _changed(old))
    units = int(nb.slider_value(0, "units"))
    assert 2 <= units <= 6
    nb.wait_readout(0, lambda t: t == TrainingRun(hidden_layers=3, units=units).describe())
