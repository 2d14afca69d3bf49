r"""Ridge and Lasso, the two penalised least-squares fits of the lecture.

With samples in rows (``X`` is ``(n_samples, n_features)``):

.. math::

    \text{Lasso:}\quad \sum_i \Big(Y_i - \sum_j X_{ij}\beta_j\Big)^2 + \lambda \sum_j |\beta_j|,
    \qquad
    \text{ridge:}\quad \sum_i \Big(Y_i - \sum_j X_{ij}\beta_j\Big)^2 + \lambda \sum_j \beta_j^2 .

Ridge has the closed form :math:`\hat\beta = (X^\top X + \lambda I)^{-1} X^\top Y` and only
shrinks coefficients; the Lasso's corner at :math:`\beta_j = 0` sets coefficients exactly to
zero once :math:`\lambda` is large enough.

>>> import numpy as np
>>> from lecture_lib.topics.regularization import lasso, ridge
>>> X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]); y = np.array([3.0, 0.2, 3.1])
>>> lasso(X, y, lam=2.0).coef.round(3).tolist(), ridge(X, y, lam=2.0).coef.round(3).tolist()
([2.55, 0.0], [1.407, 0.473])
"""

from .experiments import (PolynomialFitErrors, degree_errors_text, early_stopping_text,
                          polynomial_fit_errors, sparse_linear_data, zeros_text)
from .fits import RegularizedFit, lasso, lasso_lambda_max, lasso_path, ridge, ridge_path
from .readouts import degree_readout, epoch_label, paths_readout

__all__ = ["PolynomialFitErrors", "RegularizedFit", "degree_errors_text", "degree_readout",
           "early_stopping_text", "epoch_label", "paths_readout",
           "lasso", "lasso_lambda_max", "lasso_path", "polynomial_fit_errors", "ridge",
           "ridge_path", "sparse_linear_data", "zeros_text"]
