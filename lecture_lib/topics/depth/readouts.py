"""Deep networks, the readouts: the tables and lines notebook 13's cells and live figures print."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from ...i18n import tr


def budget_table(rows: Sequence[Sequence[int]]) -> str:
    """Rows ``(L, parameters, deep regions, shallow units, shallow regions at most)`` as a
    table under a header, right-aligned columns."""
    header = ["L", tr("parameters"), tr("deep regions"), tr("shallow units"),
              tr("shallow regions (at most)")]
    return _table(header, [[str(v) for v in row] for row in rows])


def random_table(rows: Sequence[Sequence[int]]) -> str:
    """Rows ``(L, parameters, deep regions, shallow regions)`` of random networks with the
    same budget, as a table under a header."""
    header = ["L", tr("parameters"), tr("deep regions"), tr("shallow regions")]
    return _table(header, [[str(v) for v in row] for row in rows])


def _table(header, body) -> str:
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
    return "\n".join("  ".join(cell.rjust(w) for cell, w in zip(row, widths))
                     for row in [header, *body])


def spread_text(ratios: ArrayLike, gain: float, depth: int) -> str:
    """How widely the measured RMS ratio of ``depth`` layers scatters over random draws
    (``ratios[0]`` is seed 0's): the 10th and 90th percentiles, and where seed 0 lies.

    Parameters
    ----------
    ratios : array_like, shape (n_draws,)
    gain, depth : float, int
        The gain g and the number of layers.

    Returns
    -------
    str
    """
    ratios = np.asarray(ratios, dtype=float)
    low, high = np.percentile(ratios, [10, 90])
    return "\n".join([
        tr("g = {g}, {depth} layers, {n} draws: RMS ratio between {low} and {high} for 80 % of "
           "them").format(g=f"{gain:g}", depth=depth, n=ratios.size, low=f"{low:.3f}",
                          high=f"{high:.3f}"),
        tr("seed 0 is lower than {share} of the draws").format(
            share=f"{np.mean(ratios > ratios[0]):.0%}")])


def fold_readout(counts: Sequence[int]) -> str:
    """The readout of ``plots.depth.composition``: its ``draw``'s three region counts, one a line."""
    n1, n2, n12 = counts
    return "\n".join([tr("regions of network 1 = {n}").format(n=n1),
                      tr("regions of network 2 = {n}").format(n=n2),
                      tr("regions of the composition = {n}").format(n=n12)])


def budget_readout(numbers: Sequence[int]) -> str:
    """The readout of ``plots.depth.depth_vs_width``: parameters, deep regions, the shallow network's
    width, the most regions it could have and those of its fit."""
    n_params, deep, width, shallow = numbers
    return "\n".join([tr("parameters = {n}").format(n=n_params),
                      tr("deep regions = {n}").format(n=deep),
                      tr("shallow width = {n}").format(n=width),
                      tr("shallow regions at most = {n}").format(n=width + 1),
                      tr("regions of the shallow fit = {n}").format(n=shallow)])


def init_readout(gain: float, depth: int, rms: Sequence[float], grad: Sequence[float]) -> str:
    r"""The readout of ``plots.depth.init_scale``: the predicted factor, the measured RMS of the input
    and of the last activations, and the deltas at the top and at layer 1.

    Parameters
    ----------
    gain, depth : float, int
        The gain g and the depth L.
    rms, grad : sequence of float
        What ``draw(gain, depth)`` returns: the RMS of :math:`a^{(l)}` and of :math:`\delta^{(l)}`.

    Returns
    -------
    str
    """
    return "\n".join([f"(g/sqrt 2)^L = {(gain / np.sqrt(2)) ** depth:.3g}",
                      tr("RMS input = {v}").format(v=f"{rms[0]:.3f}"),
                      tr("RMS after L layers = {v}").format(v=f"{rms[-1]:.3g}"),
                      tr("delta at the top layer L = {v}").format(v=f"{grad[-1]:.3g}"),
                      tr("delta at layer 1 = {v}").format(v=f"{grad[0]:.3g}")])
