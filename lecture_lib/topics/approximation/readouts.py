"""Universal approximation, the readouts: what the notebook's live figures and checks print."""

from __future__ import annotations

from collections.abc import Sequence

from ...i18n import tr
from ..._validation import choice, number_text, positive_int, real_number
from .units import TARGET_FORMULAS, TARGETS, two_relus


def describe_ramps(constant: float, ramps: Sequence[tuple[float, float, float]]) -> str:
    """Readout text: the constant and each ramp's start, end and height, one per line."""
    lines = [tr("constant = {value}").format(value=number_text(constant))]
    lines += [tr("ramp {k}: from x = {start} to x = {end}, height = {height}").format(
                  k=k, start=number_text(a), end=number_text(e), height=number_text(h))
              for k, (a, e, h) in enumerate(ramps, start=1)]
    return "\n".join(lines)


def describe_unit(c: float, b: float, w: float) -> str:
    """Readout text for :math:`c\\,\\sigma(b + wx)`: midpoint, height and its two ReLUs.

    Parameters
    ----------
    c, b, w : float
        Output weight (height), bias and input weight of the unit.

    Returns
    -------
    str
    """
    lines = [tr("height c = {value}").format(value=number_text(c)),
             tr("midpoint x = -b/w = {value}").format(value=number_text(-b / w)) if w != 0
             else tr("midpoint x = none (w = 0)")]
    for k, (v, bk, wk) in enumerate(two_relus(c, b, w), start=1):
        joint = number_text(-bk / wk) if wk != 0 else tr("none")
        lines.append(tr("ReLU {k}: weight = {weight}, joint x = {joint}").format(
            k=k, weight=number_text(v), joint=joint))
    return "\n".join(lines)


def describe_fit(name: str, n_hidden: int, error: float) -> str:
    """Readout text for the fitted network: target, units, parameters (all and fitted), error.

    Parameters
    ----------
    name : str
        A key of ``TARGETS``.
    n_hidden : int
        Number of hidden units.
    error : float
        The largest error :math:`\\max_x |f(x) - F(x)|`.

    Returns
    -------
    str
    """
    name, n = choice(name, "target", TARGETS), positive_int(n_hidden, "n_hidden")
    return "\n".join([
        tr("target f(x) = {formula}").format(formula=TARGET_FORMULAS[name]),
        tr("hidden units n = {n}").format(n=n),
        tr("parameters 3n + 1 = {count}").format(count=3 * n + 1),
        tr("fitted (output layer) = {count}").format(count=n + 1),
        tr("max error = {error}").format(error=f"{real_number(error, 'error'):.3f}")])


def describe_ramps_check(worst: float, n_curves: int) -> str:
    """The largest difference between curve and constant + ramps over ``n_curves`` random curves."""
    return tr("largest difference between curve and constant + ramps over {n} random curves: "
              "{worst}").format(n=n_curves, worst=f"{real_number(worst, 'worst'):.1e}")


def describe_relus_check(worst: float, n_units: int) -> str:
    """The largest difference between a hard sigmoid and its two ReLUs over ``n_units`` random units."""
    return tr("largest |c·h(b + wx) − (two ReLUs)| over {n} random (c, b, w): {worst}").format(
        n=n_units, worst=f"{real_number(worst, 'worst'):.1e}")
