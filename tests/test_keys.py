"""The shortcut guard: every live figure carries it, invisible, and its front-end code marks
the figure and each element that takes focus (Notebook 7's arrow keys, see keys.py)."""

from lecture_lib.interactive import LiveFigure, Slider
from lecture_lib.interactive.keys import FIGURE_CLASS, GUARD_ESM, SUPPRESS_ATTRIBUTE
from lecture_lib.plots import new_figure


def _figure():
    fig = new_figure(3, 2)
    (line,) = fig.add_subplot().plot([0, 1], [0, 1], animated=True)
    return LiveFigure(fig, lambda a: line.set_ydata([0, a]) and None, [Slider("a", 1, 0, 2, 1)])


def test_every_live_figure_holds_one_hidden_guard():
    live = _figure()
    guards = [w for w in live.widget.children if type(w).__name__ == "ShortcutGuard"]
    assert len(guards) == 1
    assert guards[0].layout.display == "none"
    assert FIGURE_CLASS in live.widget._dom_classes


def test_guard_marks_the_figure_and_what_takes_focus():
    assert f"closest('.{FIGURE_CLASS}')" in GUARD_ESM
    assert GUARD_ESM.count(f"setAttribute('{SUPPRESS_ATTRIBUTE}', 'true')") == 2
    assert "'focusin'" in GUARD_ESM
    assert SUPPRESS_ATTRIBUTE == "data-lm-suppress-shortcuts"  # the name lumino looks for
