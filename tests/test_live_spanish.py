"""With set_language("es") a live figure's page words and a validation error are Spanish."""

import pytest

from lecture_lib import _validation
from lecture_lib.i18n import set_language
from lecture_lib.interactive import LiveFigure, Slider, describe_figure, use_transport
from lecture_lib.plots import new_figure


@pytest.fixture
def spanish():
    set_language("es")
    yield
    set_language("en")


def _figure() -> LiveFigure:
    fig = new_figure(4, 3)
    ax = fig.add_subplot()
    (line,) = ax.plot([0, 1], [0, 1])
    return LiveFigure(fig, lambda w: line.set_ydata([0, w]), [Slider("w", 1.0, -2.0, 2.0, 0.1)])


def test_fast_view_page_words_in_spanish(spanish):
    use_transport("fast")
    try:
        labels = _figure().view.view.labels
    finally:
        use_transport(None)
    assert labels == {"reset": "↺ Reiniciar", "reset_title": "Devuelve cada slider a su valor inicial",
                      "value": "valor de {label}"}


def test_core_view_and_static_text_in_spanish(spanish):
    use_transport("core")
    try:
        live = _figure()
    finally:
        use_transport(None)
    assert live.view.reset_button.description == "Reiniciar"
    assert live.view.reset_button.tooltip == "Devuelve cada slider a su valor inicial"
    assert live.summary().startswith("Figura en vivo (")
    data, _ = live.display_bundle()
    assert "Imagen: " in data["text/plain"]


def test_english_unchanged():
    set_language("en")
    use_transport("fast")
    try:
        assert _figure().view.view.labels["reset"] == "↺ Reset"
    finally:
        use_transport(None)


def test_validation_error_in_spanish(spanish):
    with pytest.raises(ValueError, match=r"^n debe ser al menos 1, se recibió 0$"):
        _validation.positive_int(0, "n")
    with pytest.raises(ValueError, match="debe contener solo números finitos"):
        _validation.as_array([1.0, float("nan")], "x")


def test_validation_error_english_unchanged():
    set_language("en")
    with pytest.raises(ValueError, match=r"^n must be at least 1, got 0$"):
        _validation.positive_int(0, "n")


def test_alt_text_in_spanish(spanish):
    fig = new_figure(4, 3)
    ax = fig.add_subplot()
    ax.set(title="Recta", xlabel="$x$", ylabel="salida $y$")
    assert describe_figure(fig) == "Recta (salida y frente a x)"
    assert describe_figure(new_figure(2, 2)) == "una figura sin títulos ni etiquetas de ejes"


def test_playground_buttons_and_control_labels_in_spanish(spanish):
    from lecture_lib.interactive.playground import Playground

    use_transport("fast")
    try:
        playground = Playground(grid_points=4)
    finally:
        use_transport(None)
    assert playground.buttons["train"].description == "Entrenar 150 épocas"
    assert playground.progress.description == "épocas"
    labels = [spec.symbol for spec in playground.live.specs]
    assert labels == ["datos", "activación", "optimizador", "capas", "unidades", "semilla",
                      "tasa η", "lote", "L2 λ"]
    summary = playground._repr_mimebundle_()[0]["text/plain"].splitlines()[0]
    assert summary == ("Playground de entrenamiento tras 0 épocas (datos = circles, capas = 2, "
                       "unidades = 8, activación = tanh, tasa η = 0.03, lote = 32, L2 λ = 0.0, "
                       "optimizador = adam, semilla = 0); ejecuta el notebook para entrenarlo en vivo.")
