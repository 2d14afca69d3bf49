"""Keys pressed on a live figure belong to the figure, in every notebook frontend.

Why this exists: JupyterLab-based frontends bind plain arrow keys in the notebook's
command mode (``ArrowRight`` → ``notebook:move-cursor-heading-below-or-expand``, its
selector ``.jp-Notebook.jp-mod-commandMode:not(.jp-mod-readWrite) :focus``, which also
matches a focused slider handle). JupyterLab 4 listens for those shortcuts while the key
event bubbles, after the slider has taken the key; Notebook 7 listens while the event is
captured, before the slider sees it, so an arrow key on a focused slider moved the
notebook's cursor to the next heading instead of moving the slider. Lumino, which runs
the shortcuts in both, matches no shortcut on a key whose target carries the attribute
``data-lm-suppress-shortcuts`` (nor inside such an element, below the match). The guard
puts it on the figure's root and on each element of the figure as it takes focus.

The guard is an invisible anywidget; without anywidget the figure works as before
(JupyterLab, Voilà and Colab need no guard).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ipywidgets as widgets

SUPPRESS_ATTRIBUTE = "data-lm-suppress-shortcuts"
FIGURE_CLASS = "lecture-live-figure"

# The view may render before it is attached to the figure: look again until it is.
GUARD_ESM = f"""
function mark(el, tries) {{
  const root = el.closest('.{FIGURE_CLASS}');
  if (root) {{
    root.setAttribute('{SUPPRESS_ATTRIBUTE}', 'true');
    root.addEventListener('focusin', event => {{
      if (event.target.setAttribute) event.target.setAttribute('{SUPPRESS_ATTRIBUTE}', 'true');
    }});
    return;
  }}
  if (tries > 0) setTimeout(() => mark(el, tries - 1), 50);
}}
export default {{ render({{ el }}) {{ mark(el, 200); }} }};
"""


def shortcut_guard() -> widgets.Widget | None:
    """An invisible widget that keeps notebook shortcuts off the enclosing live figure,
    or ``None`` where anywidget is not installed."""
    try:
        import anywidget
        import ipywidgets as widgets
    except ImportError:
        return None

    class ShortcutGuard(anywidget.AnyWidget):
        _esm = GUARD_ESM

    return ShortcutGuard(layout=widgets.Layout(display="none"))
