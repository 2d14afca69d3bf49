"""The package's layout rules, read from the code itself (AST), not from a hand-kept list.

The rule: code that two or more notebooks use lives at the top of ``lecture_lib``; what one
notebook needs lives under that notebook's key (``lecture_lib.registry``):
``topics/<key>.py``, ``plots/<key>.py``, ``checks/<key>.py``. Layers, imports pointing down:
core (0) → topics (1) → plots (2) → checks (3, no matplotlib) → interactive (4).
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lecture_lib.registry import NOTEBOOKS

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "lecture_lib"
LAYERS = {"topics": 1, "plots": 2, "checks": 3, "interactive": 4}
SHARED_IN_LAYER = {"style", "artists", "panels"}  # plots/style.py, artists.py, panels.py: what every figure may use
MAX_FILE_LINES, MAX_FUNCTION_LINES = 300, 40


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def library_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def place(name: str) -> tuple[int, str | None]:
    """(layer, key) of a module name; key None means shared within its layer."""
    parts = name.split(".")[1:]
    if not parts or parts[0] not in LAYERS:
        return 0, None
    layer = LAYERS[parts[0]]
    if layer == 4 or len(parts) == 1 or parts[1] in SHARED_IN_LAYER or parts[1].startswith("_"):
        return layer, None
    return layer, parts[1]


def imported_modules(path: Path) -> list[str]:
    """Every lecture_lib module a file imports, as absolute names."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("lecture_lib")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(base + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            if not base.startswith("lecture_lib"):
                continue
            for alias in node.names:  # `from . import losses` imports a module
                candidate = f"{base}.{alias.name}"
                found.append(candidate if is_module(candidate) else base)
    return found


def is_module(name: str) -> bool:
    path = ROOT / Path(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def allowed(importer: tuple[int, str | None], imported: tuple[int, str | None]) -> bool:
    (l1, k1), (l2, k2) = importer, imported
    if l1 == 4:
        return True                      # interaction uses every layer below
    if l1 == 3 and l2 == 2:
        return False                     # checks never draw (no matplotlib)
    if l2 > l1:
        return False                     # imports point down only
    return l2 == 0 or k2 is None or k2 == k1


@pytest.mark.parametrize("path", library_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down_and_stay_within_one_key(path):
    me = place(module_name(path))
    bad = [m for m in imported_modules(path) if not allowed(me, place(m))]
    assert bad == [], f"{module_name(path)} (layer {me}) may not import {bad}"


def test_layers_without_drawing_import_without_matplotlib_or_ipywidgets():
    names = [module_name(p) for p in library_files() if place(module_name(p))[0] in (0, 1, 3)]
    blocker = (
        "import sys, importlib.abc\n"
        "class Block(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('matplotlib', 'ipywidgets', 'IPython', 'anywidget'):\n"
        "            raise ImportError(f'{name} is blocked in this test')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import importlib\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "print(len(sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", blocker], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    assert len(names) > 30  # the walk found the modules (core, topics, checks)


@pytest.mark.parametrize("path", library_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_files_and_functions_are_short(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_FILE_LINES
    long = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if len(body) > 1 and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                body = body[1:]  # the docstring does not count
            if node.end_lineno - body[0].lineno + 1 > MAX_FUNCTION_LINES:
                long.append(f"{node.name} ({node.end_lineno - body[0].lineno + 1} lines)")
    assert long == [], f"function bodies over {MAX_FUNCTION_LINES} lines"


# ----- the registry: every notebook has its files, every file its notebook -----

def test_registry_numbers_keys_and_stems_are_consistent():
    assert [e.number for e in NOTEBOOKS] == list(range(len(NOTEBOOKS)))
    assert len({e.key for e in NOTEBOOKS}) == len(NOTEBOOKS)
    for entry in NOTEBOOKS:
        assert entry.stem.startswith(f"{entry.number:02d}_") and re.fullmatch(r"[a-z_]+", entry.key)


def test_every_notebook_file_is_registered():
    stems = {p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")}
    assert stems == {e.stem for e in NOTEBOOKS}


@pytest.mark.parametrize("entry", NOTEBOOKS, ids=lambda e: e.stem)
def test_registry_entry_has_its_modules_and_tests(entry):
    needed = [f"notebooks/{entry.stem}.ipynb", f"lecture_lib/plots/{entry.key}.py",
              f"lecture_lib/checks/{entry.key}.py", f"tests/test_checks_{entry.key}.py",
              f"tests/test_plots_{entry.key}.py", f"tests/browser/test_{entry.stem}.py"]
    if topic_module(entry.key) is not None:
        needed.append(f"tests/test_{entry.key}.py")
    assert [n for n in needed if not (ROOT / n).exists()] == []


def topic_module(key: str) -> Path | None:
    """A topic's numerics: ``topics/<key>.py``, or a package ``topics/<key>/`` when one file
    would pass the line limit (its ``__init__`` re-exports the public names)."""
    for path in (PACKAGE / "topics" / f"{key}.py", PACKAGE / "topics" / key / "__init__.py"):
        if path.exists():
            return path
    return None


def test_a_topic_is_a_module_or_a_package_never_both():
    for key in {e.key for e in NOTEBOOKS}:
        assert not ((PACKAGE / "topics" / f"{key}.py").exists() and (PACKAGE / "topics" / key).is_dir())


@pytest.mark.parametrize("path", sorted((PACKAGE / "topics").glob("[a-z]*.py")) +
                         sorted(p for p in (PACKAGE / "topics").glob("[a-z]*") if p.is_dir()
                                and not p.name.startswith("__")) +
                         sorted((PACKAGE / "plots").glob("[a-z]*.py")) +
                         sorted((PACKAGE / "checks").glob("[a-z]*.py")), ids=lambda p: p.stem)
def test_every_topic_plot_and_check_module_belongs_to_a_notebook(path):
    assert path.stem in {e.key for e in NOTEBOOKS} | SHARED_IN_LAYER


def notebook_code(entry) -> str:
    nb = json.loads((ROOT / "notebooks" / f"{entry.stem}.ipynb").read_text(encoding="utf-8"))
    lines = [line for cell in nb["cells"] if cell["cell_type"] == "code"
             for line in "".join(cell["source"]).splitlines()]
    # IPython magics (%pip …) are not Python: keep the block structure with `pass`
    return "\n".join(re.sub(r"^(\s*)[%!].*", r"\1pass", line) for line in lines)


@pytest.mark.parametrize("entry", NOTEBOOKS, ids=lambda e: e.stem)
def test_a_notebook_uses_the_core_and_only_its_own_key(entry):
    """A notebook may import the shared core, the interaction layer and its own key's modules;
    what it needs from another notebook's modules belongs in the core."""
    code = notebook_code(entry)
    bad = []
    for node in ast.walk(ast.parse(code)):
        names = []
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("lecture_lib"):
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names
                                     if is_module(f"{node.module}.{a.name}")]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names if a.name.startswith("lecture_lib")]
        for name in names:
            layer, key = place(name)
            if key is not None and key != entry.key and layer != 4:
                bad.append(name)
    bad += [f"plots.{k}" for k in re.findall(r"\bplots\.([a-z_]+)\.", code)
            if k not in (entry.key, *SHARED_IN_LAYER)]
    assert bad == []
