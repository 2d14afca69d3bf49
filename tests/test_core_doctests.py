"""The examples in the docstrings of the smaller core modules run as written."""

import doctest

import pytest

from lecture_lib import i18n, layers, line_fit, optimizers, regression


@pytest.mark.parametrize("module", [i18n, layers, line_fit, optimizers, regression], ids=lambda m: m.__name__)
def test_docstring_examples_run(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
