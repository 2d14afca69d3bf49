"""No module of lecture_lib reaches into another module's private names.

Computed from the code with ``ast``: every ``from m import _x`` and every attribute
access ``obj._x`` whose ``obj`` is not ``self`` or ``cls`` is a violation (dunder names
such as ``__init__`` or ``_repr_mimebundle_``-style protocol hooks that end in an
underscore are allowed). Whatever modules share needs a public name, or lives in one
of the documented internal modules (``_validation``, ``_progress``), whose own names
are public.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "lecture_lib"
FILES = sorted(PACKAGE.rglob("*.py"))


def _private(name: str) -> bool:
    """A single-underscore name that is not a dunder or an IPython protocol hook (``_x_``)."""
    return name.startswith("_") and not name.endswith("_")


def violations(source: str) -> list[str]:
    """Every private import or foreign private attribute access in ``source``."""
    found = []
    for node in sorted(ast.walk(ast.parse(source)), key=lambda n: getattr(n, "lineno", 0)):
        if isinstance(node, ast.ImportFrom):
            found += [f"line {node.lineno}: from {'.' * node.level}{node.module or ''} "
                      f"import {alias.name}" for alias in node.names if _private(alias.name)]
        elif isinstance(node, ast.Attribute) and _private(node.attr):
            owner = node.value
            if isinstance(owner, ast.Name) and owner.id in ("self", "cls"):
                continue
            found.append(f"line {node.lineno}: {ast.unparse(owner)}.{node.attr}")
    return found


def test_the_walk_sees_the_package():
    assert len(FILES) > 30
    assert PACKAGE / "networks.py" in FILES


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_private_names_across_modules(path):
    bad = violations(path.read_text(encoding="utf-8"))
    assert not bad, f"{path.relative_to(PACKAGE)} uses private names: " + "; ".join(bad)


def test_the_rule_catches_what_it_should():
    code = ("from .fitting import _xy\nfrom ._validation import as_array\n"
            "net._pack()\nself._pack()\ncls._x\nobj.__class__\nself.live._repr_mimebundle_()\n"
            "a.b._c\n")
    assert violations(code) == ["line 1: from .fitting import _xy", "line 3: net._pack",
                                "line 8: a.b._c"]
