"""Notebook 05 in a real browser: drag the weights, see the joints and regions follow."""

from labdriver import parse_numbers

from lecture_lib.shallow import LECTURE_WEIGHTS, joints, shallow_1d


def test_anatomy_and_heatmap_follow_the_sliders(open_notebook):
    nb = open_notebook("05_shallow_networks.ipynb")
    nb.run_all(n_figures=2)

    # Figure 0, the lecture's network: the readout starts at the lecture's numbers.
    text = nb.readout(0)
    assert parse_numbers(text, "joints") == [-2.0, 1.2, 2.0]
    assert parse_numbers(text, "y(-3)")[-1] == -0.5
    picture = nb.image_bytes(0)

    # Arrow key on ω₁₁: 1.5 → 1.6, so the first joint leaves -2 for -3/1.6 = -1.875.
    nb.press(0, "ω₁₁", "ArrowRight")
    text = nb.wait_readout_change(0, text)
    assert nb.slider_value(0, "ω₁₁") == 1.6
    expected = joints(shallow_1d(**{**LECTURE_WEIGHTS, "w11": 1.6}))
    assert parse_numbers(text, "joints") == [round(v, 2) for v in expected]
    assert nb.image_bytes(0) != picture

    # Typing into b₂'s readout: the second joint moves to x = 0.5.
    nb.type_value(0, "b₂", -0.5)
    text = nb.wait_readout_change(0, text)
    assert parse_numbers(text, "joints")[1] == 0.5

    # Figure 1, the 2-input heat map: moving b₁ changes the picture and the region count.
    picture, text = nb.image_bytes(1), nb.readout(1)
    assert parse_numbers(text, "linear regions in view") == [7]
    nb.type_value(1, "b₁", 2.5)
    text = nb.wait_readout_change(1, text)
    assert nb.image_bytes(1) != picture
    assert parse_numbers(text, "linear regions in view")[0] < 7
