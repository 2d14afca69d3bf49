"""Notebook 15 in a real browser: degree and data-set size move the measured decomposition."""

from labdriver import parse_numbers

from lecture_lib.topics.bias_variance import bias_variance_decomposition


def _decomposition(n):
    return bias_variance_decomposition(range(13), n_train=n, noise=0.3, design="fixed", seed=5)


def _shown(value):
    return float(f"{value:.4f}")


def test_degree_and_size_sliders_move_the_decomposition(open_notebook):
    nb = open_notebook("15_bias_variance.ipynb")
    nb.run_all(n_figures=1)

    r30 = _decomposition(30)
    text = nb.readout(0)
    assert parse_numbers(text, "d") == [3, 30]
    assert parse_numbers(text, "bias²") == [_shown(r30.bias2[3])]
    picture = nb.image_bytes(0)

    # One step of capacity: d = 3 -> 4. The bias² falls, the picture changes.
    nb.press(0, "d", "ArrowRight")
    text = nb.wait_readout_change(0, text)
    assert nb.image_bytes(0) != picture
    assert parse_numbers(text, "bias²") == [_shown(r30.bias2[4])]
    assert parse_numbers(text, "variance") == [_shown(r30.variance[4])]
    assert parse_numbers(text, "sum") == [_shown(r30.total[4])]
    assert parse_numbers(text, "test error") == [_shown(r30.test_error[4]),
                                                 _shown(r30.std_error[4])]

    # One step of data: n = 30 -> 45. The variance falls, as the notebook claims.
    picture = nb.image_bytes(0)
    nb.press(0, "n", "ArrowRight")
    text = nb.wait_readout_change(0, text)
    r45 = _decomposition(45)
    assert nb.image_bytes(0) != picture
    assert parse_numbers(text, "variance") == [_shown(r45.variance[4])]
    assert r45.variance[4] < r30.variance[4]
