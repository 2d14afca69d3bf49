"""Every notebook has the anatomy of CURRICULUM.md and is committed executed, in order."""

import json
import re
from pathlib import Path

import pytest

from lecture_lib.registry import NOTEBOOKS as ENTRIES

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = [ROOT / "notebooks" / f"{entry.stem}.ipynb" for entry in ENTRIES]
NEXT = {path.name: f"{later.stem}.ipynb" for path, later in zip(NOTEBOOKS, ENTRIES[1:])}
COLAB = "https://colab.research.google.com/github/lecture-lab/deep-learning-lecture-lab/blob/main/notebooks/"


def cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def source(cell):
    return "".join(cell["source"])


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 1


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_first_cell_has_title_purpose_lectures_and_colab_badge(path):
    first = cells(path)[0]
    assert first["cell_type"] == "markdown"
    text = source(first)
    assert text.startswith(f"# {path.name[:2]} · ")
    assert "You will learn" in text and "lecture" in text.lower()
    assert f"({COLAB}{path.name})" in text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_setup_cell_installs_only_on_colab(path):
    setup = next(c for c in cells(path) if c["cell_type"] == "code")
    assert 'if "google.colab" in sys.modules:' in source(setup)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_executed_in_order_without_errors_and_with_a_live_figure(path):
    code = [c for c in cells(path) if c["cell_type"] == "code"]
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1))
    outputs = [o for c in code for o in c["outputs"]]
    assert not [o for o in outputs if o["output_type"] == "error"]
    live = [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert live and all("image/png" in o["data"] for o in live), "each live figure stores a static PNG"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_code_cells_are_short(path):
    long = [source(c) for c in cells(path) if c["cell_type"] == "code"
            and len([l for l in source(c).splitlines() if l.strip()]) > 15]
    assert long == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_exercises_summary_and_next_link(path):
    text = "\n".join(source(c) for c in cells(path))
    assert re.search(r"^## (\d+\. )?Check your understanding", text, re.M) and "## Summary" in text
    exercises = [c for c in cells(path) if c["cell_type"] == "code"
                 and re.search(r"^answer\w* = \.\.\.", source(c), re.M)]
    assert 2 <= len(exercises) <= 4
    for cell in exercises:
        assert "Not attempted yet" in json.dumps(cell["outputs"])
    for target in re.findall(r"\]\((\d\d_[a-z0-9_]+\.ipynb)\)", text):
        assert (ROOT / "notebooks" / target).exists(), f"link to missing {target}"
    if path.name in NEXT:  # every notebook but the last links to the one after it
        assert re.search(rf"\*\*Next:\*\*.*\]\({NEXT[path.name]}\)", text)


def test_readme_lists_every_notebook():
    readme = (ROOT / "README.md").read_text()
    for path in NOTEBOOKS:
        assert f"notebooks/{path.name}" in readme


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_live_figure_functions_are_not_rebound(path):
    """An update function looks up its draw function by name when a slider moves: if a later
    cell binds the same name again, the earlier figure would call the later figure's code."""
    names = []
    for cell in cells(path):
        if cell["cell_type"] == "code":
            text = source(cell)
            names += re.findall(r"^def (\w+)\(", text, re.M)
            names += re.findall(r"^\w+, (\w+) = plots\.", text, re.M)
    assert sorted({n for n in names if names.count(n) > 1}) == []
