"""With Spanish selected, a student reads no English: every Spanish notebook runs in-process
and everything it shows is collected (printed text, displayed results and exercise checks,
each live figure's readout and alt text before and after its controls move, and every text
of every matplotlib figure drawn) and searched for English words."""

import re
import sys
from pathlib import Path

import matplotlib
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import translate  # noqa: E402

from lecture_lib import i18n  # noqa: E402

SPANISH = [translate.spanish_path(p) for p in translate.published()]
# Words that are common in English prose and never Spanish: one of them in a Spanish readout,
# check or figure means a string that did not go through the translation layer.
ENGLISH_ONLY = {"the", "and", "of", "with", "is", "are", "to", "for", "from", "this", "that",
                "which", "when", "where", "what", "not", "yet", "your", "you", "than", "into",
                "each", "every", "hint", "correct", "quite", "replace", "should", "would",
                "will", "units", "unit", "loss", "weights", "training", "step",
                "reset", "picture", "shows", "against", "hidden", "layer", "layers", "value"}
# Names of math functions (sin, max, tanh...) read the same in both languages: a figure's
# alt text spells $\\max_x$ as max_x.
MATH_WORDS = {"max", "min", "sin", "cos", "exp", "log", "tanh", "argmax", "argmin", "sgn"}
WORD = re.compile(r"[A-Za-zÁÉÍÓÚáéíóúñÑü]{3,}")
PROMPT = re.compile(r"^Out\[\d+\]: ", re.M)
NOT_PROSE = re.compile(r"\$\$.*?\$\$|\$[^$]*\$|`[^`]*`|\\[A-Za-z]+|https?://\S+|\b\w+=|\b\w+\(|\]\([^)]*\)",
                       re.S)


def words(text: str) -> set[str]:
    """The prose words of ``text`` (lower case), outside math, code, links and ``name=``."""
    return {w.lower() for w in WORD.findall(NOT_PROSE.sub(" ", text))}


def vocabulary() -> set[str]:
    """Words of the English source (library strings, notebook cells) that no translation
    uses: each of them in Spanish output is a string that missed the translation layer."""
    import polib

    english, spanish = set(), set()
    catalogues = [*translate.LOCALE.glob("*.po"),
                  *(translate.catalogue_path(p) for p in translate.english_notebooks())]
    for po in catalogues:
        if po.exists():
            for entry in polib.pofile(str(po)):
                english |= words(entry.msgid)
                spanish |= words(entry.msgstr + " ".join(entry.msgstr_plural.values()))
    return (english - spanish - MATH_WORDS) | ENGLISH_ONLY


VOCABULARY = vocabulary()


def english_words(text: str) -> set[str]:
    """English-only words of ``text``, outside math ($…$), code (`…`) and ``name=``."""
    return {w for w in WORD.findall(NOT_PROSE.sub(" ", text))
            if w.lower() in VOCABULARY and not w.isupper()}  # AND, NOT, XOR: names


def test_the_detector_sees_english_and_passes_spanish():
    assert {"Not", "Hint", "the"} <= english_words("Not quite. Hint: look at the formula")
    assert english_words("Todavía no. Pista: mira la fórmula $the$ `to` loss=0.5") == set()
    assert english_words("error máximo max_x |f(x) - F(x)|") == set()
    assert english_words("la compuerta AND y la compuerta NOT") == set()
    assert english_words("superficie de error $L(b, w)$; error cuadrático medio") == set()


def run_collecting(path: Path) -> list[str]:
    """Run a notebook in-process; every text it shows a student."""
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from live_figures import collect_live_figures

    shown, draw = [], Figure.draw

    def recording_draw(self, renderer):
        draw(self, renderer)
        shown.extend(t.get_text() for t in self.findobj(Text) if t.get_visible())

    Figure.draw = recording_draw
    InteractiveShell.instance()  # made outside the capture, so results go to its display hook
    try:
        with capture_output() as captured:
            figures = collect_live_figures(path, keep_output=True)
            for figure in figures:
                shown.append(figure.display_bundle()[0]["text/plain"])
                for control in figure.controls.values():
                    if hasattr(control, "max") and control.value != control.max:
                        control.value = control.max
                        shown.append(figure.text or "")
    finally:
        Figure.draw = draw
        i18n.set_language("en")
        InteractiveShell.instance().reset()
    shown.append(PROMPT.sub("", captured.stdout))   # IPython's "Out[0]: " is not the notebook's
    for output in captured.outputs:
        pictures = any(k.startswith("image/") for k in output.data)
        shown.extend(str(v) for k, v in output.data.items() if k.startswith("text/")
                     and not (pictures and k == "text/plain"))   # no frontend shows that repr
    return shown


@pytest.mark.parametrize("path", SPANISH, ids=lambda p: p.stem)
def test_a_spanish_notebook_shows_no_english(path):
    matplotlib.use("Agg")
    found = {}
    for text in run_collecting(path):
        words = english_words(text)
        if words:
            found[text.strip()[:160]] = sorted(words)
    assert not found, f"{path.name} shows English: {found}"


TEXT_IN_MATH = re.compile(r"\\text\{([^{}]*)\}")
SHORT_ENGLISH = {"if", "of", "on", "is", "or"}   # too short for WORD, common in \text{...}


@pytest.mark.parametrize("path", SPANISH, ids=lambda p: p.stem)
def test_words_inside_formulas_are_spanish(path):
    """Prose inside a formula (``\\text{if }``, ``\\underbrace{...}_{\\text{bias}}``) is
    translated like the prose around it."""
    import json

    found = set()
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] == "markdown":
            for text in TEXT_IN_MATH.findall("".join(cell["source"])):
                found |= english_words(text) | (set(text.lower().split()) & SHORT_ENGLISH)
    assert not found, f"{path.name} has English inside formulas: {sorted(found)}"
