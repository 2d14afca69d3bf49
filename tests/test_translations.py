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


@pytest.mark.parametrize("english", ENGLISH, ids=lambda p: p.stem)
def test_translated_cells_keep_the_math_code_and_links(english):
    """A translation rewrites the prose: formulas, code spans and the number of links stay."""
    for entry in polib.pofile(str(translate.catalogue_path(english))):
        if entry.obsolete or not entry.msgstr:
            continue
        for pattern in (r"\$\$.+?\$\$|\$[^$\n]+\$", r"`[^`\n]+`"):
            assert sorted(re.findall(pattern, entry.msgid, re.S)) == \
                sorted(re.findall(pattern, entry.msgstr, re.S)), (pattern, entry.msgid[:80])
        assert len(re.findall(r"\]\(", entry.msgid)) == len(re.findall(r"\]\(", entry.msgstr))


@pytest.mark.parametrize("english", PUBLISHED, ids=lambda p: p.stem)
def test_spanish_links_resolve_and_the_badge_opens_the_spanish_notebook(english):
    spanish = translate.spanish_path(english)
    cells = json.loads(spanish.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    assert f"blob/main/notebooks/es/{english.name})" in text, "the Colab badge opens this edition"
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if not target.startswith(("http://", "https://", "#", "mailto:")):
            assert (spanish.parent / target.split("#")[0]).exists(), target


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
    for entry in po:
        entry.msgstr, entry.flags = entry.msgstr or f"(es) {entry.msgid}", []
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
