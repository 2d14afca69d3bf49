"""Alt texts: what a figure shows, in words, from its axes' titles and labels (for screen
readers and views without a kernel)."""

from __future__ import annotations

import re

from matplotlib.figure import Figure

from ..i18n import tr

_TEX = re.compile(r"\$|\\(?:mathrm|mathbf|mathit|text|operatorname|left|right)\b|[{}]")
_TEX_SYMBOLS = {"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε",
                "varepsilon": "ε", "eta": "η", "theta": "θ", "lambda": "λ", "mu": "μ",
                "sigma": "σ", "tau": "τ", "phi": "φ", "omega": "ω", "Omega": "Ω", "sum": "Σ",
                "partial": "∂", "nabla": "∇", "cdot": "·", "times": "×", "approx": "≈",
                "leq": "≤", "geq": "≥", "infty": "∞", "ldots": "…", "dots": "…", "cdots": "⋯",
                "to": "→", "in": "∈", "leftarrow": "←", "prod": "∏", "mathcal": ""}


def _plain(label: str) -> str:
    """A label as plain text for an alt text: ``$\\hat{p} = \\sigma(z)$`` → ``p̂ = σ(z)``."""
    text = re.sub(r"\\(hat|bar)(?![A-Za-z])", "\x00\\1", label)   # \hat\beta: the symbol first
    text = re.sub(r"\\([A-Za-z]+)", lambda m: _TEX_SYMBOLS.get(m[1], m[0]), text)
    text = re.sub("\x00(hat|bar)" r"\s*\{?(\w)\}?",
                  lambda m: m[2] + {"hat": "\u0302", "bar": "\u0304"}[m[1]], text)
    text = _TEX.sub("", text).replace("\\,", " ").replace("\\ ", " ").replace("\\", "")
    return " ".join(text.split())


def describe_figure(figure: Figure) -> str:
    """An alt text from the figure's axes: each axes' title and what it plots against what."""
    parts, seen = [], set()
    for ax in figure.axes:
        title, x, y = (_plain(t) for t in (ax.get_title(), ax.get_xlabel(), ax.get_ylabel()))
        axes_text = tr("{y} against {x}").format(y=y, x=x) if x and y else y or x
        if (title or axes_text) and (title, axes_text) not in seen:
            seen.add((title, axes_text))
            parts.append(f"{title} ({axes_text})" if title and axes_text else title or axes_text)
    suptitle = figure.get_suptitle() if hasattr(figure, "get_suptitle") else ""
    head = _plain(suptitle) + ": " if suptitle else ""
    return head + ("; ".join(parts) if parts else tr("a figure without titles or axis labels"))
