"""The language of every string a student reads: readouts, checks, figure text, errors.

English is the source language and the default; Spanish is the second. A notebook of the
Spanish edition selects it once, in its setup cell:

>>> from lecture_lib.i18n import language, set_language, tr
>>> set_language("es")
>>> tr("Not quite. Hint: {message}")
'Todavía no. Pista: {message}'
>>> set_language("en")
>>> tr("Not quite. Hint: {message}")
'Not quite. Hint: {message}'

How the code uses it:

- ``tr("English text")`` translates at call time. Values go in through named placeholders,
  ``tr("{n} hidden units").format(n=3)``, never an f-string inside ``tr`` (the catalogue
  holds the text with its placeholders).
- ``tr("text", context="button")`` tells apart one English word with two meanings.
- ``tr_plural("{n} unit", "{n} units", n)`` picks the form for ``n``.
- ``mark("text")`` marks a module-level constant for the catalogue without translating it
  (the language is chosen after import); translate it where it is shown: ``tr(NAME)``.

The catalogues are gettext ``.po`` files in ``lecture_lib/locale/<language>/``: ``shared.po``
for the shared modules and one per notebook key (the strings of ``topics/``, ``plots/`` and
``checks/<key>.py``). They are read with the standard library; ``tools/translate.py`` keeps
them in step with the code.
"""

from __future__ import annotations

import ast
from pathlib import Path

LANGUAGES = {"en": "English", "es": "Español"}
LOCALE = Path(__file__).parent / "locale"
_SEPARATOR = "\x04"   # gettext's separator between a context and its message

_current = {"language": "en", "catalogue": {}}


def set_language(code: str) -> None:
    """Choose the language of readouts, checks, figure text and error messages.

    Parameters
    ----------
    code : {"en", "es"}
        ``"en"`` (English, the default) or ``"es"`` (Spanish).
    """
    if not isinstance(code, str) or code not in LANGUAGES:
        raise ValueError(f"language must be one of {sorted(LANGUAGES)}, got {code!r}")
    _current["catalogue"] = {} if code == "en" else load_catalogue(code)
    _current["language"] = code


def language() -> str:
    """The code of the language chosen with :func:`set_language` (``"en"`` by default)."""
    return _current["language"]


def tr(message: str, context: str | None = None) -> str:
    """``message`` (English) in the chosen language; English if no translation is known."""
    key = message if context is None else f"{context}{_SEPARATOR}{message}"
    found = _current["catalogue"].get(key)
    return found[0] if found else message


def tr_plural(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of a message for ``n`` things, in the chosen language.

    Parameters
    ----------
    singular, plural : str
        The English forms, the msgid and msgid_plural of the catalogues.
    n : int
        How many things the message counts.

    Returns
    -------
    str
        The translation's form for ``n`` (English: ``singular`` when ``n == 1``).
    """
    found = _current["catalogue"].get(singular)
    if found and len(found) == 2:
        return found[0] if n == 1 else found[1]
    return singular if n == 1 else plural


def mark(message: str) -> str:
    """Mark ``message`` for the catalogue and return it unchanged (translate it with ``tr``)."""
    return message


def load_catalogue(code: str) -> dict[str, tuple[str, ...]]:
    """Read every ``locale/<code>/*.po``: msgid (with its context) → the msgstr forms.

    Untranslated and fuzzy entries are left out, so their English shows instead.
    """
    catalogue = {}
    entries = [e for path in sorted((LOCALE / code).glob("*.po"))
               for e in read_po(path.read_text(encoding="utf-8"))]
    for entry in entries:
        forms = tuple(entry["msgstr"])
        if entry["msgid"] and not entry["fuzzy"] and all(forms):
            key = entry["msgid"] if entry["msgctxt"] is None else (
                f"{entry['msgctxt']}{_SEPARATOR}{entry['msgid']}")
            catalogue[key] = forms
    return catalogue


def read_po(text: str) -> list[dict]:
    """The entries of a ``.po`` file: msgctxt, msgid, msgstr (a list of forms), fuzzy.

    A small reader for the files ``tools/translate.py`` writes (with polib): one entry per
    block of lines, blocks apart by a blank line; obsolete entries (``#~``) are skipped.
    """
    entries = []
    for block in text.split("\n\n"):
        entry = {"msgctxt": None, "msgid": None, "msgstr": [], "fuzzy": False}
        field = None
        for line in block.strip().splitlines():
            line = line.strip()
            if line.startswith("#"):
                entry["fuzzy"] |= line.startswith("#,") and "fuzzy" in line
                continue
            if line.startswith('"'):
                value = ast.literal_eval(line)
                if field == "msgstr":
                    entry["msgstr"][-1] += value
                elif field is not None:
                    entry[field] += value
                continue
            keyword, _, rest = line.partition(" ")
            field = "msgstr" if keyword.startswith("msgstr") else keyword
            if field == "msgstr":
                entry["msgstr"].append(ast.literal_eval(rest))
            elif field in ("msgctxt", "msgid", "msgid_plural"):
                entry[field] = ast.literal_eval(rest)
        if entry["msgid"] is not None:
            entries.append(entry)
    return entries
