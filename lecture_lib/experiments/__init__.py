"""The lectures' experiments, fast enough to rerun under a slider.

Numeric core (numpy only). Each function draws its own data from a seeded
``numpy.random.Generator`` and returns plain arrays or a small frozen dataclass.
"""

from .bias_variance import (BiasVarianceResult, bias_variance_decomposition,
                            polynomial_features, true_function)
from .dimensionality import (DistanceContrast, ball_to_cube_volume_ratio, distance_contrast,
                             query_distances, samples_for_density, shell_fraction)
from .double_descent import (DoubleDescentGrid, DoubleDescentResult, double_descent_curve,
                             double_descent_grid, random_relu_layer, target_function)
from .regularization import (PolynomialFitErrors, RegularizedFit, lasso, lasso_lambda_max,
                             lasso_path, polynomial_fit_errors, ridge, ridge_path,
                             sparse_linear_data)

__all__ = ["BiasVarianceResult", "bias_variance_decomposition", "polynomial_features",
           "true_function", "DoubleDescentResult", "double_descent_curve",
           "DoubleDescentGrid", "double_descent_grid",
           "random_relu_layer", "target_function", "DistanceContrast",
           "ball_to_cube_volume_ratio", "distance_contrast", "query_distances",
           "samples_for_density",
           "shell_fraction", "PolynomialFitErrors", "RegularizedFit", "lasso",
           "lasso_lambda_max", "lasso_path", "polynomial_fit_errors", "ridge", "ridge_path",
           "sparse_linear_data"]
