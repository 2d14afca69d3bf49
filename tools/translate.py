"""The Spanish edition, from one source: the English notebooks and the code's own strings.

    python tools/translate.py update            # refresh every catalogue from the English source
    python tools/translate.py build [NN ...]    # write notebooks/es/NN_*.ipynb and execute them
    python tools/translate.py check             # what is missing, fuzzy or stale (exit 1)

Two kinds of catalogue, both gettext ``.po`` files:

- ``lecture_lib/locale/es/<key>.po``: every string the library shows a student, found in the
  code as the first argument of ``tr``, ``tr_plural`` or ``mark``: the strings of
  ``topics/``, ``plots/`` and ``checks/<key>.py`` in the key's catalogue (the layout rule),
  all others in ``shared.po``;
- ``notebooks/es/po/<notebook>.po``: one entry per markdown cell of the English notebook,
  whose msgid is the cell's whole text.

A Spanish notebook is the English one with each markdown cell replaced by its translation and
the language lines added to the setup cell; its code cells are the English ones. When an
English cell changes, its msgid no longer exists: ``update`` keeps the old translation as a
*fuzzy* suggestion beside the new text, and ``check`` (run by the test suite) fails until a
translator revises it and removes the fuzzy flag.
"""

from __future__ import annotations

import ast
import difflib
import json
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
LANG = "es"
LOCALE = ROOT / "lecture_lib" / "locale" / LANG   # shared.po, and <key>.po per notebook key
NOTEBOOKS = ROOT / "notebooks"
EDITION = NOTEBOOKS / LANG
CALLS = {"tr": 1, "mark": 1, "tr_plural": 2}   # function → how many leading string arguments
LANGUAGE_LINES = ["from lecture_lib.i18n import set_language",
                  'set_language("es")   # textos, figuras y mensajes en español ("en": inglés)']
HEADER = {"Project-Id-Version": "lecture_lib", "Language": LANG,
          "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
          "Content-Transfer-Encoding": "8bit", "Plural-Forms": "nplurals=2; plural=(n != 1);"}


# -- the library's strings --------------------------------------------------------------

def library_messages(package: Path = ROOT / "lecture_lib") -> list[dict]:
    """Every translatable string of the package, in file and line order, with its files."""
    found: dict[tuple, dict] = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in sorted((n for n in ast.walk(tree) if isinstance(n, ast.Call)),
                           key=lambda n: (n.lineno, n.col_offset)):
            name = getattr(node, "func", None)
            name = getattr(name, "id", None) or getattr(name, "attr", None)
            if not isinstance(node, ast.Call) or name not in CALLS or path.name == "i18n.py":
                continue
            where = str(path.relative_to(package.parent))   # no line numbers: no churn
            strings = node.args[:CALLS[name]]
            if not all(isinstance(s, ast.Constant) and isinstance(s.value, str) for s in strings):
                continue   # tr(variable): the value was marked with mark("...") where it is defined
            context = next((k.value.value for k in node.keywords if k.arg == "context"), None)
            key = (context, strings[0].value)
            entry = found.setdefault(key, {"msgctxt": context, "msgid": strings[0].value,
                                           "msgid_plural": strings[1].value if name == "tr_plural"
                                           else "", "where": []})
            if where not in entry["where"]:
                entry["where"].append(where)
    return list(found.values())


def catalogue_of(source: str) -> str:
    """``lecture_lib/plots/shallow.py`` (or a key's package, ``topics/perceptron/units.py``)
    → ``shallow``; every shared module (``plots/style.py``, ``checks/__init__.py``, the core,
    ``interactive/``) → ``shared``."""
    parts = Path(source).parts
    if len(parts) >= 3 and parts[1] in ("topics", "plots", "checks"):
        key = Path(parts[2]).stem
        if key not in ("__init__", "style", "panels"):
            return key
    return "shared"


def library_catalogues() -> dict[str, list[dict]]:
    """Catalogue name → the messages it must hold."""
    catalogues: dict[str, dict[tuple, dict]] = {}
    for message in library_messages():
        for where in message["where"]:
            entries = catalogues.setdefault(catalogue_of(where), {})
            key = (message["msgctxt"], message["msgid"])
            entry = entries.setdefault(key, {**message, "where": []})
            entry["where"].append(where)
    return {name: list(entries.values()) for name, entries in sorted(catalogues.items())}


def update_library() -> None:
    """Rewrite the library catalogues: the code's strings, with the translations known so far."""
    catalogues = library_catalogues()
    for path in LOCALE.glob("*.po"):
        catalogues.setdefault(path.stem, [])
    # A string that moved to another catalogue (its code moved to another module) keeps its
    # translation: the same English text, finished anywhere, is the same translation.
    finished = {(e.msgctxt, e.msgid): e for path in sorted(LOCALE.glob("*.po"))
                for e in polib.pofile(str(path))
                if (e.msgstr or any(e.msgstr_plural.values())) and "fuzzy" not in e.flags}
    for name, messages in catalogues.items():
        wanted = [polib.POEntry(msgctxt=m["msgctxt"], msgid=m["msgid"],
                                msgid_plural=m["msgid_plural"],
                                occurrences=[(w, "") for w in m["where"]]) for m in messages]
        _rewrite(LOCALE / f"{name}.po", wanted, finished)


# -- the notebooks' text ------------------------------------------------------------------

def english_notebooks() -> list[Path]:
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def catalogue_path(english: Path) -> Path:
    return EDITION / "po" / f"{english.stem}.po"


def notebook_messages(english: Path) -> list[polib.POEntry]:
    """One entry per markdown cell of an English notebook (its id as the occurrence)."""
    cells = json.loads(english.read_text(encoding="utf-8"))["cells"]
    entries: dict[str, polib.POEntry] = {}
    for cell in cells:
        if cell["cell_type"] == "markdown":
            text = "".join(cell["source"])
            entry = entries.setdefault(text, polib.POEntry(msgid=text))
            entry.occurrences.append((f"{english.name}#{cell.get('id', '')}", ""))
    return list(entries.values())


def update_notebook(english: Path) -> polib.POFile:
    return _rewrite(catalogue_path(english), notebook_messages(english))


def _rewrite(path: Path, wanted: list[polib.POEntry],
             finished: dict | None = None) -> polib.POFile:
    """Keep each known translation; an entry whose English changed gets the old translation
    of the most similar vanished English text as a fuzzy suggestion; vanished ones become
    obsolete (kept at the end of the file, ignored by everything else). ``finished``:
    translations of the same (context, English) from other catalogues, taken as they are."""
    old = polib.pofile(str(path)) if path.exists() else polib.POFile()
    known = {(e.msgctxt, e.msgid): e for e in old if not e.obsolete}
    new = polib.POFile(wrapwidth=100)
    new.metadata = {**HEADER, **old.metadata}
    for entry in wanted:
        before = known.pop((entry.msgctxt, entry.msgid), None)
        if before is None or not (before.msgstr or any(before.msgstr_plural.values())):
            before = (finished or {}).get((entry.msgctxt, entry.msgid), before)
        if before is not None:
            entry.msgstr, entry.msgstr_plural = before.msgstr, before.msgstr_plural
            entry.flags = list(before.flags)
            entry.tcomment = before.tcomment
        new.append(entry)
    vanished = list(known.values()) + [e for e in old if e.obsolete]
    for entry in new:
        if not (entry.msgstr or entry.msgstr_plural) and vanished:
            match = max(vanished, key=lambda v: difflib.SequenceMatcher(
                None, v.msgid, entry.msgid, autojunk=False).ratio())
            if difflib.SequenceMatcher(None, match.msgid, entry.msgid).ratio() > 0.5:
                entry.msgstr, entry.msgstr_plural = match.msgstr, dict(match.msgstr_plural)
                entry.previous_msgid = match.msgid
                entry.flags = sorted(set(entry.flags) | {"fuzzy"})
    for entry in vanished:  # msgid and msgstr only: polib reads back no more of an obsolete one
        entry.obsolete, entry.previous_msgid = True, None
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
        new.append(entry)
    path.parent.mkdir(parents=True, exist_ok=True)
    new.save(str(path))
    return new


def translations(english: Path) -> dict[str, str]:
    """msgid → msgstr for the finished entries of a notebook's catalogue."""
    path = catalogue_path(english)
    if not path.exists():
        return {}
    return {e.msgid: e.msgstr for e in polib.pofile(str(path))
            if e.translated() and not e.obsolete and "fuzzy" not in e.flags}


def build(english: Path) -> dict:
    """The Spanish notebook (unexecuted): raises KeyError naming every cell not translated."""
    nb = json.loads(english.read_text(encoding="utf-8"))
    known, missing = translations(english), []
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
        elif cell["cell_type"] == "markdown":
            text = "".join(cell["source"])
            if text in known:
                cell["source"] = known[text].splitlines(keepends=True)
            else:
                missing.append(cell.get("id", "?"))
    if missing:
        raise KeyError(f"{english.name}: cells {missing} have no finished translation in "
                       f"notebooks/{LANG}/po/{catalogue_path(english).name}")
    setup = next(c for c in nb["cells"] if c["cell_type"] == "code")
    setup["source"] = with_language_lines("".join(setup["source"])).splitlines(keepends=True)
    nb["metadata"]["lecture_lib"] = {"language": LANG, "source": f"../{english.name}"}
    return nb


def with_language_lines(setup: str) -> str:
    """The setup cell with the language lines after its Colab block (before the imports)."""
    lines = setup.splitlines()
    at = max(i for i, line in enumerate(lines) if "%pip install" in line) + 1
    while at < len(lines) and not lines[at].strip():
        at += 1
    return "\n".join(lines[:at] + LANGUAGE_LINES + lines[at:])


def spanish_path(english: Path) -> Path:
    return EDITION / english.name


def write(english: Path, execute: bool = True) -> Path:
    """Build one Spanish notebook, and execute it from a fresh kernel (committed outputs)."""
    target = spanish_path(english)
    target.write_text(json.dumps(build(english), ensure_ascii=False, indent=1) + "\n",
                      encoding="utf-8")
    if execute:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from notebooks import execute as run
        seconds, _ = run(target, write=True)
        print(f"{target.relative_to(ROOT)}: executed in {seconds:.1f} s")
    return target


# -- what is not finished ----------------------------------------------------------------

def published() -> list[Path]:
    """The English notebooks whose Spanish notebook is in the edition (``notebooks/es/``)."""
    return [e for e in english_notebooks() if spanish_path(e).exists()]


def problems(whole: bool = True) -> list[str]:
    """Everything that keeps the Spanish edition from being complete and current.

    ``whole=False`` looks only at the notebooks already in the edition, the library strings
    they show (``shared.po`` and their keys' catalogues) and whether every string of the code
    is in a catalogue at all: what the test suite holds at every commit.
    """
    from lecture_lib.registry import NOTEBOOKS as ENTRIES

    keys = {e.stem: e.key for e in ENTRIES}
    notebooks = english_notebooks() if whole else published()
    shown = {"shared"} | {keys.get(e.stem) for e in notebooks}
    found = []
    catalogues = library_catalogues()
    for path in sorted(LOCALE.glob("*.po")):
        catalogues.setdefault(path.stem, [])
    for name, messages in catalogues.items():
        where = f"locale/{LANG}/{name}.po"
        wanted = {(m["msgctxt"], m["msgid"]) for m in messages}
        path = LOCALE / f"{name}.po"
        have = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(path)) if not e.obsolete} \
            if path.exists() else {}
        for key in sorted(wanted - have.keys(), key=str):
            found.append(f"{where}: not in the catalogue (run update): {key[1]!r}")
        for key, entry in have.items():
            if key not in wanted:
                found.append(f"{where}: no longer in the code (run update): {key[1]!r}")
            elif (not entry.translated() or "fuzzy" in entry.flags) and name in shown:
                found.append(f"{where}: untranslated or fuzzy: {key[1]!r}")
    for english in notebooks:
        try:
            built = build(english)
        except KeyError as error:
            found.append(str(error.args[0]))
            continue
        target = spanish_path(english)
        if not target.exists():
            found.append(f"{target.name}: not built (run build)")
        elif sources(json.loads(target.read_text(encoding="utf-8"))) != sources(built):
            found.append(f"{target.name}: differs from its build (run build)")
    return found


def sources(nb: dict) -> list[tuple[str, str, str]]:
    return [(c["cell_type"], c.get("id", ""), "".join(c["source"])) for c in nb["cells"]]


def main(argv: list[str]) -> int:
    command, *rest = argv or ["check"]
    if command == "update":
        update_library()
        for english in english_notebooks():
            update_notebook(english)
    elif command == "build":
        chosen = [e for e in english_notebooks() if not rest or e.name[:2] in rest]
        for english in chosen:
            write(english)
    elif command != "check":
        print(__doc__)
        return 2
    found = problems(whole=False)
    missing = [e.name for e in english_notebooks() if not spanish_path(e).exists()]
    print("\n".join(found) if found else
          f"The {len(published())} Spanish notebooks are complete and current.")
    if missing:
        print(f"Not in the Spanish edition yet ({len(missing)}): {', '.join(missing)}")
    return 1 if found and command == "check" else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
