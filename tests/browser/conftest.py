"""Fixtures for the browser tests: one JupyterLab server and one Chromium per session.

Without Chromium the tests skip with a message that says how to enable them, except in
CI (``CI=true``), where a missing browser is a failure: the browser tests must run there.
"""

from __future__ import annotations

import os

import pytest

from labdriver import LabServer, NotebookPage, chromium_path, launch_browser

HOW_TO_ENABLE = ("browser tests need Chromium and Playwright: on Debian/Ubuntu run "
                 "`sudo apt-get install chromium` (Playwright comes with `pip install -e .[test]`)")


def _require_browser():
    problem = None
    if chromium_path() is None:
        problem = "no chromium on PATH"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "the playwright package is not installed"
    if problem:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"{problem}; in CI the browser tests must run ({HOW_TO_ENABLE})")
        pytest.skip(f"{problem}; {HOW_TO_ENABLE}")


@pytest.fixture(scope="session")
def lab_server():
    _require_browser()
    server = LabServer()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser(lab_server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_browser(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def open_notebook(browser, lab_server):
    """``open_notebook("05_shallow_networks.ipynb")`` → a NotebookPage in a fresh tab."""
    pages = []

    def _open(name: str) -> NotebookPage:
        page = browser.new_page()
        pages.append(page)
        return NotebookPage(page, lab_server, name)

    yield _open
    for page in pages:
        page.close()
    lab_server.shutdown_kernels()
