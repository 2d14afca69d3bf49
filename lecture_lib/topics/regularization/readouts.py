"""Overfitting and regularization, the readouts: what notebook 14's live figures print."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from numpy.typing import ArrayLike

from ...i18n import tr
from .experiments import PolynomialFitErrors


def _short(v: float) -> str:
    """3 decimals; small values in powers of ten; below 1e-12 it is rounding: 0."""
    return "0" if v < 1e-12 else f"{v:.3f}" if v >= 1e-3 else f"{v:.1e}"


def degree_readout(fits: Mapping[int, PolynomialFitErrors], degree: int, n_train: int) -> str:
    """The readout of ``plots.regularization.degree_fit``: the degree, its coefficients, n, train and test MSE.

    Parameters
    ----------
    fits : mapping of int to PolynomialFitErrors
        What ``plots.regularization.degree_fit`` was given: each training-set size n to its fits.
    degree, n_train : int
        The degree and the training-set size shown.

    Returns
    -------
    str
    """
    r = fits[n_train]
    i = int(np.searchsorted(r.degrees, degree))
    return "\n".join([
        tr("degree d = {d}   coefficients = {k}   n = {n}").format(d=degree, k=degree + 1,
                                                                   n=n_train),
        tr("train MSE = {v}").format(v=_short(r.train_mse[i])),
        tr("test MSE = {v}").format(v=_short(r.test_mse[i]))])


def paths_readout(lam: float, lasso_coef: ArrayLike, ridge_coef: ArrayLike) -> str:
    r"""The readout of ``plots.regularization.coefficient_paths`` at one λ: exact zeros of both fits, the
    features the Lasso keeps and ridge's smallest coefficient.

    Parameters
    ----------
    lam : float
        The penalty :math:`\lambda` shown.
    lasso_coef, ridge_coef : array_like, shape (n_features,)
        The Lasso and ridge coefficients at ``lam``.

    Returns
    -------
    str
    """
    lasso_coef, ridge_coef = np.asarray(lasso_coef), np.asarray(ridge_coef)
    p = lasso_coef.size
    kept = ", ".join(str(j + 1) for j in np.flatnonzero(lasso_coef))
    return "\n".join([
        f"λ = {lam:.3g}",
        tr("Lasso exact zeros = {k} of {p}").format(k=int(np.sum(lasso_coef == 0.0)), p=p),
        tr("Lasso keeps features j = {kept}").format(kept=kept or tr("none", context="features")),
        tr("ridge exact zeros = {k} of {p}").format(k=int(np.sum(ridge_coef == 0.0)), p=p),
        tr("smallest |ridge β_j| = {v}").format(v=f"{np.abs(ridge_coef).min():.2g}")])


def epoch_label(key: str | int, best_epoch: int, epochs: Sequence[int]) -> str:
    """A legend label of ``plots.regularization.early_stopping``'s fits: text as given, an epoch named.

    Parameters
    ----------
    key : str or int
        A fit's label, or the epoch whose network it is.
    best_epoch : int
        The epoch of the lowest validation loss (named "early stop").
    epochs : sequence of int
        The run's epochs (the last one is named "trained to the end").

    Returns
    -------
    str
    """
    if isinstance(key, str):
        return key
    if key == best_epoch:
        return tr("epoch {epoch} (early stop)").format(epoch=key)
    if len(epochs) and key == epochs[-1]:
        return tr("epoch {epoch} (trained to the end)").format(epoch=key)
    return tr("epoch {epoch}").format(epoch=key)
