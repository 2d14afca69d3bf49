"""The Spanish edition cannot fall behind the English one.

Every string the library shows and every markdown cell of every English notebook has a
finished (translated, not fuzzy) Spanish entry; each Spanish notebook is exactly what
``tools/translate.py build`` makes of its English notebook (the same code cells, plus the
language lines in the setup cell); an edited English cell makes the check fail.
"""

import json
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import unquote

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import translate  # noqa: E402

from lecture_lib import i18n  # noqa: E402

ENGLISH = translate.english_notebooks()
PUBLISHED = translate.published()   # the English notebooks that have their Spanish one
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def test_the_edition_is_complete_and_current():
    """Every Spanish notebook and every library string it shows; the notebooks not yet in the
    edition are listed by ``tools/translate.py check``."""
    assert translate.problems(whole=False) == []


def library_entries():
    for path in sorted(translate.LOCALE.glob("*.po")):
        yield from (e for e in polib.pofile(str(path)) if not e.obsolete)


def test_the_library_catalogues_hold_every_string_of_the_code_and_nothing_else():
    for name, messages in translate.library_catalogues().items():
        po = polib.pofile(str(translate.LOCALE / f"{name}.po"))
        wanted = {(m["msgctxt"], m["msgid"]) for m in messages}
        assert {(e.msgctxt, e.msgid) for e in po if not e.obsolete} == wanted, name
    assert [e.msgid for e in library_entries() if "fuzzy" in e.flags] == []


def test_one_english_text_has_one_translation_in_every_catalogue():
    seen = {}
    for entry in library_entries():
        key = (entry.msgctxt, entry.msgid)
        assert seen.setdefault(key, entry.msgstr) == entry.msgstr, entry.msgid


def test_translations_keep_every_placeholder():
    for entry in library_entries():
        forms = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
        for form in forms:
            assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(entry.msgid)), \
                entry.msgid


def test_the_runtime_reader_agrees_with_polib():
    ours = i18n.load_catalogue("es")
    for entry in library_entries():
        if not entry.translated():
            continue
        key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        forms = (entry.msgstr,) if not entry.msgid_plural else tuple(
            entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural))
        assert ours[key] == forms


def test_set_language_switches_and_rejects_unknown_languages():
    try:
        i18n.set_language("es")
        assert i18n.language() == "es"
        assert i18n.tr("Not quite. Hint: {message}").startswith("Todavía no")
    finally:
        i18n.set_language("en")
    assert i18n.tr("Not quite. Hint: {message}") == "Not quite. Hint: {message}"
    with pytest.raises(ValueError, match="language must be one of"):
        i18n.set_language("fr")


@pytest.mark.parametrize("english", PUBLISHED, ids=lambda p: p.stem)
def test_spanish_code_cells_are_the_english_ones(english):
    spanish = json.loads(translate.spanish_path(english).read_text(encoding="utf-8"))
    ours = [c for c in json.loads(english.read_text(encoding="utf-8"))["cells"]
            if c["cell_type"] == "code"]
    theirs = [c for c in spanish["cells"] if c["cell_type"] == "code"]
    assert len(ours) == len(theirs)
    setup_es = "".join(theirs[0]["source"])
    for line in translate.LANGUAGE_LINES:
        assert line in setup_es.splitlines()
    stripped = "\n".join(l for l in setup_es.splitlines() if l not in translate.LANGUAGE_LINES)
    assert stripped == "".join(ours[0]["source"])
    for a, b in zip(ours[1:], theirs[1:]):
        assert "".join(a["source"]) == "".join(b["source"]), a.get("id")


TEXT_IN_MATH = re.compile(r"\\text\{[^{}]*\}")


@pytest.mark.parametrize("english", ENGLISH, ids=lambda p: p.stem)
def test_translated_cells_keep_the_math_code_and_links(english):
    """A translation rewrites the prose: formulas, code spans and the number of links stay.

    Words inside a formula's ``\\text{...}`` are prose too ("if", "true class"), so they are
    translated: the formulas are compared with those words blanked out. A thousands comma
    ``68{,}921`` is a thin space ``68\\,921`` in Spanish, where a comma reads as a decimal."""
    def pieces(pattern, text):
        return sorted(TEXT_IN_MATH.sub(r"\\text{}", p).replace("{,}", r"\,")
                      for p in re.findall(pattern, text, re.S))

    for entry in polib.pofile(str(translate.catalogue_path(english))):
        if entry.obsolete or not entry.msgstr:
            continue
        for pattern in (r"\$\$.+?\$\$|\$[^$\n]+\$", r"`[^`\n]+`"):
            assert pieces(pattern, entry.msgid) == pieces(pattern, entry.msgstr), \
                (pattern, entry.msgid[:80])
        assert len(re.findall(r"\]\(", entry.msgid)) == len(re.findall(r"\]\(", entry.msgstr))


COLAB = "https://colab.research.google.com/github/lecture-lab/deep-learning-lecture-lab/blob/main/notebooks/es/"
LINKS = (re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)"),   # [text](target "title")
         re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)", re.M),          # [ref]: target
         re.compile(r"""(?:href|src)\s*=\s*["']([^"']+)["']""", re.I))   # <a href>, <img src>


def markdown_cells(notebook: Path) -> list[str]:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) if c["cell_type"] == "markdown" else None for c in cells]


def links(text: str) -> list[str]:
    return [m for pattern in LINKS for m in pattern.findall(text)]


def test_the_link_finder_sees_every_kind_of_link():
    text = ('[a](b.ipynb) [c](../docs/d.md#e "t") [![x](y.svg)](https://z/w) <img src="i.png">\n'
            '[r]: ../README.es.md\n')
    assert sorted(links(text)) == sorted(["b.ipynb", "../docs/d.md#e", "y.svg", "https://z/w",
                                          "i.png", "../README.es.md"])


@pytest.mark.parametrize("english", PUBLISHED, ids=lambda p: p.stem)
def test_the_first_cell_has_a_colab_badge_that_opens_this_spanish_notebook(english):
    spanish = translate.spanish_path(english)
    cells = markdown_cells(spanish)
    assert cells and cells[0] is not None, "the first cell is the title cell (markdown)"
    badge = f"{COLAB}{spanish.name}"
    assert badge in links(cells[0]), f"the first cell has no Colab badge opening {badge}"
    colab = [t for text in cells if text for t in links(text)
             if t.startswith("https://colab.research.google.com/github/")]
    assert set(colab) == {badge}, colab


@pytest.mark.parametrize("english", PUBLISHED, ids=lambda p: p.stem)
def test_every_relative_link_of_a_spanish_notebook_resolves(english):
    """Every relative link resolves from ``notebooks/es/``: links to other notebooks reach the
    Spanish ones, and docs/, README, data... have one more ``../`` than in English.

    A link to a notebook whose Spanish edition is not published yet is the one exception: it
    must name an English notebook, so it resolves when that translation lands (once the
    edition is complete, every link resolves)."""
    spanish = translate.spanish_path(english)
    pending = {e.name for e in ENGLISH} - {e.name for e in PUBLISHED}
    broken = []
    for text in filter(None, markdown_cells(spanish)):
        for target in links(text):
            if re.match(r"[a-z][a-z0-9+.-]*:|#|//", target, re.I):
                continue   # an address (https:, mailto:, data:) or an anchor in this notebook
            path = unquote(target.split("#")[0].split("?")[0])
            if not (spanish.parent / path).exists() and path not in pending:
                broken.append(target)
    assert broken == [], f"{spanish.name}: links that resolve to no file from notebooks/es/"


def test_the_spanish_readme_lists_every_spanish_notebook():
    readme = (ROOT / "README.es.md").read_text(encoding="utf-8")
    for english in ENGLISH:
        assert f"](notebooks/es/{english.name})" in readme, english.name
    assert "[README.es.md](README.es.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_an_edited_english_cell_makes_the_check_fail(tmp_path, monkeypatch):
    """The guarantee itself, on a copy of the notebooks: a notebook fully translated (here with
    stand-in translations) is complete; change one space of one English cell and the check
    names that cell; ``update`` offers the old translation only as a fuzzy suggestion, which
    still fails the check until a translator revises it."""
    root = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", root)
    monkeypatch.setattr(translate, "NOTEBOOKS", root)
    monkeypatch.setattr(translate, "EDITION", root / "es")
    english = root / ENGLISH[5].name
    po = translate.update_notebook(english)
    for entry in po:   # stand-ins even where a real translation exists (the copy only)
        entry.msgstr, entry.flags = f"(es) {entry.msgid}", []
    po.save(str(translate.catalogue_path(english)))
    translate.write(english, execute=False)

    def mine():
        return [p for p in translate.problems(whole=False) if english.name in p]

    assert mine() == []
    nb = json.loads(english.read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if c["cell_type"] == "markdown")
    cell["source"] = ["".join(cell["source"]).replace(" ", "  ", 1)]
    english.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")
    assert any(cell["id"] in p for p in mine()), mine()
    translate.update_notebook(english)
    entry = next(e for e in polib.pofile(str(translate.catalogue_path(english)))
                 if e.msgid == "".join(cell["source"]))
    assert "fuzzy" in entry.flags and entry.msgstr.startswith("(es) ")
    assert any(cell["id"] in p for p in mine()), "fuzzy never counts as done"
