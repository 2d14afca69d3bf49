"""The controls of a live figure: what a slider or a choice is, independent of how it is shown.

A :class:`Slider` or :class:`Choice` describes one control. Each can make the core
ipywidgets widget for it (``widget()``, the fallback transport) or the plain description
the page's own controls are built from (``spec()``, the fast transport). The kernel side of
the fast transport keeps each value in a :class:`KernelControl`.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import traitlets

from ..i18n import tr


@dataclass(frozen=True)
class Slider:
    """One slider: ``name`` is the keyword passed to ``update``, ``label`` what students see.

    Attributes
    ----------
    name : str
        The keyword ``update`` receives the value under.
    value : float
        The start value (an int slider when value, min, max and step are all whole numbers).
    min, max, step : float
        The range and the step of the slider.
    label : str
        What students see beside it (math in ``$…$`` is fine); empty: the name.

    >>> Slider("w11", 1.5, -3, 3, 0.1, label="ω₁₁")
    Slider(name='w11', value=1.5, min=-3, max=3, step=0.1, label='ω₁₁')
    """

    name: str
    value: float
    min: float
    max: float
    step: float
    label: str = ""

    def __post_init__(self):
        if not self.name.isidentifier():
            raise ValueError(tr("Slider name must be a Python identifier, got {name!r}").format(
                name=self.name))
        if not self.min <= self.value <= self.max:
            raise ValueError(tr("Slider {name!r}: value {value} must lie in [{low}, {high}]").format(
                name=self.name, value=self.value, low=self.min, high=self.max))
        if not self.step > 0:
            raise ValueError(tr("Slider {name!r}: step must be > 0, got {got}").format(
                name=self.name, got=self.step))

    @property
    def symbol(self) -> str:
        """The label, or one made from the name: ``w11`` → ω₁₁, ``b4`` → b₄, ``eta`` → η."""
        return self.label or math_label(self.name)

    @property
    def integer(self) -> bool:
        """True when every number of the slider is a whole number (an integer slider)."""
        return all(float(v).is_integer() for v in (self.value, self.min, self.max, self.step))

    @property
    def decimals(self) -> int:
        """Decimals shown in the editable value: as many as the step has."""
        text = f"{self.step:.10f}".rstrip("0")
        return len(text.split(".")[1]) if "." in text else 0

    def widget(self) -> widgets.Widget:
        """The core ipywidgets slider (the fallback transport)."""
        cls = widgets.IntSlider if self.integer else widgets.FloatSlider
        kw = {} if self.integer else {"readout_format": f".{self.decimals}f"}
        return cls(value=self.value, min=self.min, max=self.max, step=self.step,
                   description=self.symbol, continuous_update=True,
                   style={"description_width": "3em"},
                   layout=widgets.Layout(width="100%", min_width="14em"), **kw)

    def spec(self) -> dict:
        """The description the page builds its ``<input type=range>`` from."""
        number = int if self.integer else float
        return {"kind": "slider", "name": self.name, "label": self.symbol,
                "value": number(self.value), "min": number(self.min), "max": number(self.max),
                "step": number(self.step), "decimals": 0 if self.integer else self.decimals}

    def coerce(self, value: float) -> float | int:
        """A value from the page as the slider's type, clamped to its range."""
        value = min(max(float(value), self.min), self.max)
        return round(value) if self.integer else value


@dataclass(frozen=True)
class Choice:
    """A choice among named options: toggle buttons (a dropdown if many), or with
    ``slider=True`` a slider that steps through the options in order (e.g. λ = 0, 10⁻⁴, 1).

    Attributes
    ----------
    name : str
        The keyword ``update`` receives the chosen option under.
    value : str
        The start option, one of ``options``.
    options : tuple
        The options, in the order shown (their ``str`` is the button text).
    label : str
        What students see beside it; empty: the name.
    slider : bool
        Show a slider stepping through the options instead of buttons.

    >>> Choice("activation", "relu", ("relu", "sigmoid", "tanh"))
    Choice(name='activation', value='relu', options=('relu', 'sigmoid', 'tanh'), label='')
    """

    name: str
    value: str
    options: tuple
    label: str = ""
    slider: bool = False

    def __post_init__(self):
        if not self.name.isidentifier():
            raise ValueError(tr("Choice name must be a Python identifier, got {name!r}").format(
                name=self.name))
        if self.value not in self.options:
            raise ValueError(tr("Choice {name!r}: value {value!r} must be one of {options}").format(
                name=self.name, value=self.value, options=list(self.options)))

    @property
    def symbol(self) -> str:
        """The label students see: ``label``, or the name with spaces for underscores."""
        return self.label or self.name.replace("_", " ")

    @property
    def kind(self) -> str:
        """How the choice is shown: ``steps`` (a slider), ``toggle`` or ``dropdown``."""
        return "steps" if self.slider else "toggle" if len(self.options) <= 5 else "dropdown"

    def widget(self) -> widgets.Widget:
        """The core ipywidgets control (the fallback transport)."""
        if self.slider:
            return widgets.SelectionSlider(
                options=list(self.options), value=self.value, description=self.symbol,
                continuous_update=True, style={"description_width": "3em"},
                layout=widgets.Layout(width="100%", min_width="14em"))
        cls = widgets.ToggleButtons if self.kind == "toggle" else widgets.Dropdown
        kw = {"style": {"button_width": "auto"}} if cls is widgets.ToggleButtons else {}
        return cls(options=list(self.options), value=self.value, description=self.symbol,
                   layout=widgets.Layout(width="auto"), **kw)

    def spec(self) -> dict:
        """The description the page builds its buttons, ``<select>`` or steps from."""
        return {"kind": self.kind, "name": self.name, "label": self.symbol,
                "value": self.value, "options": [str(o) for o in self.options]}

    def coerce(self, value: object) -> object:
        """A value from the page: the option whose text it is."""
        for option in self.options:
            if str(option) == str(value):
                return option
        raise ValueError(tr("Choice {name!r}: value {value!r} must be one of {options}").format(
            name=self.name, value=value, options=list(self.options)))


class KernelControl(traitlets.HasTraits):
    """The kernel's copy of one control of the fast transport: ``value`` is observable
    (setting it redraws the figure), as on an ipywidgets slider, but nothing is sent."""

    value = traitlets.Any()

    def __init__(self, spec: Slider | Choice):
        self.spec, self.description = spec, spec.symbol
        super().__init__(value=spec.value)
        for field in ("min", "max", "step", "options"):
            if hasattr(spec, field):
                setattr(self, field, getattr(spec, field))

    @traitlets.validate("value")
    def _valid(self, proposal):
        return self.spec.coerce(proposal["value"])


_GREEK = {"w": "ω", "alpha": "α", "beta": "β", "eta": "η", "lam": "λ", "sigma": "σ",
          "theta": "θ", "tau": "τ", "eps": "ε", "mu": "μ"}
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def math_label(name: str) -> str:
    """Turn a Python name into the lecture's symbol: ``w11`` → ω₁₁, ``b2`` → b₂, ``lam`` → λ."""
    stem = name.rstrip("0123456789")
    digits = name[len(stem):]
    return _GREEK.get(stem, stem) + digits.translate(_SUB)
