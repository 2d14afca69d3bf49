"""Settings for the whole test session (unit tests, nbval and the browser tests).

Teaching-sized matrices are slower with several BLAS threads than with one, and much
slower when the CPU is shared (as in CI). The notebook kernels and the JupyterLab server
that the tests start inherit these variables.
"""

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")


def pytest_configure(config):
    """nbval: compare a live figure's stored html without its embedded PNG bytes."""
    if getattr(config.option, "nbval_sanitize_with", "unset") is None:
        config.option.nbval_sanitize_with = os.path.join(os.path.dirname(__file__), "tests",
                                                         "nbval_sanitize.cfg")
