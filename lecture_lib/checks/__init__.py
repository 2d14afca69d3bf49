"""Exercise checks (layer 3): one module per notebook topic, built on three verdicts.

A student writes an answer in place of the shipped placeholder ``...`` and calls the
check, which answers *correct*, a specific *hint*, or *not attempted yet*:

>>> from lecture_lib.checks import check_number
>>> check_number(..., 1.2, what="the joint of unit 2")
Not attempted yet: replace ... with the joint of unit 2.
>>> check_number(1.2, 1.2, what="the joint of unit 2")
Correct! The joint of unit 2 is 1.2.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from numbers import Real

import numpy as np

from ..i18n import tr

STYLES = {  # verdict -> (symbol, colour) for the HTML view; Okabe–Ito palette
    "correct": ("✔", "#009E73"),
    "hint": ("✘", "#D55E00"),
    "not attempted": ("…", "#7F7F7F"),
}


class Result:
    """A check's verdict: ``status`` is ``"correct"``, ``"hint"`` or ``"not attempted"``.

    Parameters
    ----------
    status : {"correct", "hint", "not attempted"}
    message : str
        What the student reads (already translated).
    """

    def __init__(self, status: str, message: str) -> None:
        if status not in STYLES:
            raise ValueError(f"status must be one of {list(STYLES)}, got {status!r}")
        self.status, self.message = status, message

    @property
    def correct(self) -> bool:
        """True when the verdict is *correct*."""
        return self.status == "correct"

    def __repr__(self) -> str:
        return self.message

    def _repr_html_(self) -> str:
        symbol, colour = STYLES[self.status]
        return (f'<div style="border-left: 6px solid {colour}; padding: 4px 10px; '
                f'font-size: 15px"><b style="color: {colour}">{symbol}</b> '
                f"{html.escape(self.message)}</div>")


def not_attempted(answer: object) -> bool:
    """True for the shipped placeholders ``...`` and ``None``."""
    return answer is Ellipsis or answer is None


def placeholder(what: str) -> Result:
    """The verdict *not attempted*: replace ``...`` with ``what``."""
    return Result("not attempted", tr("Not attempted yet: replace ... with {what}.").format(what=what))


def _sentence(text: str) -> str:
    """Capitalise a leading plain word ("the joint" → "The joint"), never a symbol (y(0), z₁)."""
    first = text.split(" ", 1)[0]
    return text[:1].upper() + text[1:] if first.isalpha() and first.islower() else text


def correct(message: str) -> Result:
    """The verdict *correct*, with ``message`` as the explanation."""
    return Result("correct", tr("Correct! {message}").format(message=_sentence(message)))


def hint(message: str) -> Result:
    """The verdict *hint*: not quite, and ``message`` says where to look."""
    return Result("hint", tr("Not quite. Hint: {message}").format(message=message))


def check_number(answer: object, expected: float, *, what: str, tol: float = 1e-2,
                 hints: Mapping[float, str] | None = None, default_hint: str | None = None) -> Result:
    """Compare a numeric answer with ``expected`` to within ``tol`` (absolute).

    ``hints`` maps typical wrong answers (numbers) to a specific hint for each;
    otherwise ``default_hint`` (or a generic one) is given.

    Parameters
    ----------
    answer : object
        What the student wrote (``...`` or None: not attempted).
    expected : float
        The right value.
    what : str
        What the number is, for the messages (translated).
    tol : float
        The absolute tolerance.
    hints : mapping of float to str, optional
        Typical wrong answers and the hint for each.
    default_hint : str, optional
        The hint for any other wrong answer.

    Returns
    -------
    Result
    """
    if not_attempted(answer):
        return placeholder(what)
    if isinstance(answer, bool) or not isinstance(answer, (Real, np.number)):
        return hint(tr("{what} is a single number; you gave {kind}.").format(
            what=what, kind=type(answer).__name__))
    if abs(float(answer) - expected) <= tol:
        return correct(tr("{what} is {value}.").format(what=what, value=f"{expected:g}"))
    for wrong, text in (hints or {}).items():
        if abs(float(answer) - wrong) <= tol:
            return hint(text)
    return hint(default_hint or tr("{answer} is not {what}; look at the formula again.").format(
        answer=f"{answer:g}", what=what))


def check_numbers(answer: object, expected: Sequence[float], *, what: str, tol: float = 1e-2,
                  default_hint: str | None = None, ordered: bool = True) -> Result:
    """Compare a list of numbers with ``expected`` (sorted first if ``ordered`` is False).

    Parameters
    ----------
    answer : object
        What the student wrote, a list of numbers (``...`` or None: not attempted).
    expected : sequence of float
        The right values.
    what, tol, default_hint
        As for :func:`check_number`.
    ordered : bool
        Whether the order of the numbers matters.

    Returns
    -------
    Result
    """
    if not_attempted(answer):
        return placeholder(what)
    try:
        got = np.asarray(answer, dtype=float).ravel()
    except (TypeError, ValueError):
        return hint(tr("{what} is a list of numbers, like [1.0, 2.0].").format(what=what))
    want = np.asarray(expected, dtype=float).ravel()
    if got.size != want.size:
        return hint(tr("{what} has {n} numbers; you gave {given}.").format(
            what=what, n=want.size, given=got.size))
    if not ordered:
        got, want = np.sort(got), np.sort(want)
    if np.all(np.abs(got - want) <= tol):
        return correct(tr("{what}: {values}.").format(what=what, values=', '.join(f'{v:g}' for v in want)))
    return hint(default_hint or tr("these are not {what}; recompute them one at a time.").format(what=what))


def check_choice(answer: object, expected: str, *, what: str, options: Sequence[str],
                 hints: Mapping[str, str] | None = None) -> Result:
    """Compare a choice among ``options`` (strings, case-insensitive) with ``expected``.

    Parameters
    ----------
    answer : object
        What the student wrote, a string (``...`` or None: not attempted).
    expected : str
        The right option (English; its translation is accepted too).
    what : str
        What is chosen, for the messages.
    options : sequence of str
        Every valid option.
    hints : mapping of str to str, optional
        A wrong option (lower case) to the hint for it.

    Returns
    -------
    Result
    """
    if not_attempted(answer):
        return placeholder(what)
    accepted = {o.lower(): o for o in options}             # English options, and their
    accepted.update({tr(o).lower(): o for o in options})   # translations, are both answers
    if not isinstance(answer, str) or answer.strip().lower() not in accepted:
        return hint(tr("answer with one of {options}.").format(
            options=[tr(o).lower() for o in options]))
    answer = accepted[answer.strip().lower()]
    if answer.lower() == expected.lower():
        return correct(tr("{what}: {value}.").format(what=what, value=tr(expected)))
    return hint((hints or {}).get(answer.lower(), tr("{answer!r} is not {what}; think again.").format(
        answer=tr(answer), what=what)))

__all__ = ["Result", "check_number", "check_numbers", "check_choice", "not_attempted",
           "placeholder", "correct", "hint"]
