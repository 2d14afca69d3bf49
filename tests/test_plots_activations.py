"""Smoke tests for lecture_lib.plots.activations: figures and readouts show the library's numbers."""

import numpy as np
import pytest
from matplotlib.figure import Figure

from lecture_lib import activations, plots
from lecture_lib.interactive import Choice, LiveFigure, Slider


def test_overview_draws_every_activation_and_derivative():
    fig = plots.activations.overview(alpha=0.1)
    assert isinstance(fig, Figure) and len(fig.axes) == 4
    labels = [l.get_label() for l in fig.axes[1].lines]
    assert "ELU (α = 0.1)" in labels
    elu = [l for l in fig.axes[1].lines if l.get_label() == "ELU (α = 0.1)"][0]
    z, a = elu.get_data()
    assert np.allclose(a, activations.elu(z, alpha=0.1))


@pytest.mark.parametrize("name", plots.activations.ELEMENTWISE)
def test_explorer_shows_value_and_derivative(name):
    fig, draw = plots.activations.explorer()
    draw(name, 0.3)
    value = [l for l in fig.axes[0].lines if l.get_animated()][0]
    grad = [l for l in fig.axes[1].lines if l.get_animated()][0]
    z = value.get_xdata()
    act = activations.get(name, 0.3 if name in ("leaky_relu", "elu") else None)
    assert np.allclose(value.get_ydata(), act(z))
    assert np.allclose(grad.get_ydata(), act.grad(z))


def test_live_explorer_changes_picture_with_alpha():
    fig, draw = plots.activations.explorer()
    live = LiveFigure(fig, lambda name, alpha: draw(name, alpha),
                      [Choice("name", "elu", plots.activations.ELEMENTWISE),
                       Slider("alpha", 0.1, 0, 1, 0.05)])
    before = bytes(live.image.value)
    live.set(alpha=0.9)
    assert bytes(live.image.value) != before


def test_softmax_bars_heights_are_probabilities():
    fig, draw = plots.activations.softmax_bars()
    z = [2.0, 1.0, 0.1, -1.0]
    p = draw(z, 2.0)
    assert np.allclose(p, activations.softmax(np.array(z) / 2.0))
    heights = [bar.get_height() for bar in fig.axes[1].patches]
    assert np.allclose(heights, p)


def test_gradient_through_depth_plots_log10():
    fig, draw = plots.activations.gradient_through_depth()
    grads = {n: 0.25 ** np.arange(1, 11) for n in ("sigmoid", "tanh", "relu", "elu")}
    grads["relu"] = np.zeros(10)
    draw(grads)
    line = [l for l in fig.axes[0].lines if l.get_label() == "sigmoid"][0]
    assert np.allclose(line.get_ydata(), np.arange(1, 11) * np.log10(0.25))
    relu = [l for l in fig.axes[0].lines if l.get_label() == "ReLU"][0]
    assert np.all(relu.get_ydata() < fig.axes[0].get_ylim()[0])  # zero gradient: off the chart
