"""Formulas as tokens, and the renderers over them.

A formula is a tuple of tokens: a symbol with its index (``Sym``: w₅, b₁₂,
δ_h1, net_o1, ∂E/∂w6), a number (``Num``), a function name (``Func``: σ,
tanh, ln), an exponential (``Exp``: e^a) and literal operator text (``Op``).
Each token renders itself four ways, so one derivation gives every output:

    plain    h1 = x1·w1 + x2·w3          (tests, Markdown, the canvas' notes)
    unicode  h₁ = x₁·w₁ + x₂·w₃          (the canvas, tables)
    html     h<sub>1</sub> = ...          (the lecture panel)
    latex    h_{1} = x_{1} \\cdot w_{1}    (the LaTeX handout)

Names are built as tokens where they are made (``core.notation``), never
parsed back out of text. ``num`` is the one number formatter of the app.
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass

from core.text import QT_TRANSLATE_NOOP

STYLES = ("plain", "unicode", "html", "latex")
_SUB_LETTERS = dict(zip("aehijklmnoprstuvx", "ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"))
_SUB = str.maketrans({**dict(zip("0123456789", "₀₁₂₃₄₅₆₇₈₉")), **_SUB_LETTERS})  # subscripts


def num(v: float, digits: int = 4) -> str:
    """A number to ``digits`` significant digits, without trailing zeros or exponent padding
    (5e-5, not 5e-05): the one formatter for the canvas, the lecture and the handouts."""
    if v == 0:
        return "0"
    s = f"{v:.{digits}g}"
    if "e" in s:
        m, e = s.split("e")
        return f"{m}e{int(e)}"
    return s


_LATEX_BASES = {"ŷ": r"\hat{y}", "α": r"\alpha", "η": r"\eta"}


@dataclass(frozen=True)
class Sym:
    """A name with its index: ``Sym("w", ("5",))`` is w5, ``Sym("b", ("1", "2"), "_")`` b1_2.

    ``sep`` joins a two-part index in plain text ("_" in b1_2 and h1_2, "" in w12, "," in
    w12,3); ``role`` wraps the name: "net" (net_h1), "delta" (δ_h1), "grad" (∂E/∂w6)."""

    base: str
    index: tuple[str, ...] = ()
    sep: str = ""
    role: str = ""

    def with_role(self, role: str) -> Sym:
        return Sym(self.base, self.index, self.sep, role)

    def _plain_name(self) -> str:
        if not self.index:
            return self.base
        head = "_" if not self.index[0].isdigit() else ""
        return self.base + head + self.sep.join(self.index)

    def _typeset_index(self) -> str:
        """The index as the notes typeset it: a bias's layer and neuron run together when
        both are single digits (b₁₂); otherwise two parts are separated by a comma."""
        if len(self.index) < 2:
            return "".join(self.index)
        if self.sep == "" or (self.base == "b" and all(len(i) == 1 for i in self.index)):
            return "".join(self.index)
        return ",".join(self.index)

    def plain(self) -> str:
        prefix = {"": "", "net": "net_", "delta": "δ_", "grad": "∂E/∂"}[self.role]
        return prefix + self._plain_name()

    def unicode(self) -> str:
        """The name as the notes typeset it in plain Unicode (w₅, b₁₂, δₕ₁), made once per
        symbol (a 32-32 net's canvas, combos and labels ask for thousands)."""
        text = self.__dict__.get("_unicode")
        if text is None:
            text = self._unicode()
            object.__setattr__(self, "_unicode", text)  # a cache, not a field: eq/hash ignore it
        return text

    def _unicode(self) -> str:
        name = self.base + self._typeset_index().translate(_SUB)
        if self.role == "grad":
            return "∂E/∂" + name
        if self.role in ("net", "delta"):  # δₕ₁ where Unicode has the letters as subscripts
            head = "net" if self.role == "net" else "δ"
            inner = self.base + self._typeset_index()
            if all(c.isdigit() or c == "," or c in _SUB_LETTERS for c in inner):
                return head + inner.translate(_SUB)
            return head + "_" + name
        return name

    def html(self) -> str:
        index = self._typeset_index()
        name = _html.escape(self.base) + (f"<sub>{_html.escape(index)}</sub>" if index else "")
        if self.role in ("net", "delta"):
            head = "net" if self.role == "net" else "δ"
            return f"{head}<sub>{_html.escape(self.base + index)}</sub>"
        return ("∂E/∂" if self.role == "grad" else "") + name

    def latex(self) -> str:
        base = _LATEX_BASES.get(self.base, latex_escape(self.base))
        index = ",".join(self.index) if self.sep else "".join(self.index)
        name = f"{base}_{{{index}}}" if index else base
        if self.role == "net":
            return rf"\mathrm{{net}}_{{{name}}}"
        if self.role == "delta":
            return rf"\delta_{{{name}}}"
        if self.role == "grad":
            return rf"\frac{{\partial E}}{{\partial {name}}}"
        return name


@dataclass(frozen=True)
class Num:
    """A number to ``digits`` significant digits; ``paren`` puts a negative one in brackets
    (a factor in a product: 2 × (-0.809))."""

    value: float
    digits: int = 4
    paren: bool = False

    def plain(self) -> str:
        s = num(self.value, self.digits)
        return f"({s})" if self.paren and self.value < 0 else s

    unicode = plain

    def html(self) -> str:
        return _html.escape(self.plain())

    def latex(self) -> str:
        s = num(self.value, self.digits)
        if "e" in s:
            m, e = s.split("e")
            s = rf"{m} \times 10^{{{e}}}"
        return f"({s})" if self.paren and self.value < 0 else s


_LATEX_FUNCS = {"σ": r"\sigma", "tanh": r"\tanh", "ln": r"\ln", "Σ_m": r"\sum_m"}


@dataclass(frozen=True)
class Func:
    """A function's name: σ, tanh, ln, an activation's symbol; Σ_m."""

    name: str

    def plain(self) -> str:
        return self.name

    def unicode(self) -> str:
        return self.name.replace("_m", "ₘ")

    def html(self) -> str:
        return _html.escape(self.name).replace("_m", "<sub>m</sub>")

    def latex(self) -> str:
        if self.name in _LATEX_FUNCS:
            return _LATEX_FUNCS[self.name]
        return rf"\operatorname{{{latex_escape(self.name)}}}"


_LATEX_OPS = {"·": r" \cdot ", "×": r"\times", "²": "^2", "½": r"\tfrac{1}{2}",
              "←": r"\leftarrow"}


@dataclass(frozen=True)
class Op:
    """Literal text between the other tokens: ' + ', '·', ' × ', '(', '²', '1', ..."""

    text: str

    def plain(self) -> str:
        return self.text

    unicode = plain

    def html(self) -> str:
        return _html.escape(self.text, quote=False)

    def latex(self) -> str:
        return "".join(_LATEX_OPS.get(c, latex_escape(c)) for c in self.text)


@dataclass(frozen=True)
class Exp:
    """e raised to a formula: e^net_ŷ1."""

    arg: tuple

    def plain(self) -> str:
        return "e^" + render(self.arg, "plain")

    def unicode(self) -> str:
        return "e^" + render(self.arg, "unicode")

    def html(self) -> str:
        return f"e<sup>{render(self.arg, 'html')}</sup>"

    def latex(self) -> str:
        return f"e^{{{render(self.arg, 'latex')}}}"


Token = Sym | Num | Func | Op | Exp
Formula = tuple  # of Tokens


def render(formula: Formula, style: str = "plain") -> str:
    """``formula`` in one of STYLES."""
    if style not in STYLES:
        raise ValueError(QT_TRANSLATE_NOOP("formula", "unknown style {0!r}; known: {1}")
                         .format(style, ', '.join(STYLES)))
    return "".join(getattr(t, style)() for t in formula)


def join(parts: list[Formula], sep: str) -> Formula:
    """The formulas with the operator ``sep`` between them."""
    out: list = []
    for k, p in enumerate(parts):
        if k:
            out.append(Op(sep))
        out.extend(p)
    return tuple(out)


_TEMPLATE = re.compile(r"\{(\w+)\}|(ln|Σ_m)")


def template(text: str, **slots: Formula) -> Formula:
    """A registry template ('{z}(1 - {z})', '½({o} - {t})²') as tokens, each {slot} replaced
    by the formula given for it. Templates are the engine's own text, not a file's."""
    out: list = []
    last = 0
    for m in _TEMPLATE.finditer(text):
        if m.start() > last:
            out.append(Op(text[last:m.start()]))
        out.extend(slots[m.group(1)] if m.group(1) else (Func(m.group(2)),))
        last = m.end()
    if last < len(text):
        out.append(Op(text[last:]))
    return tuple(out)


_TEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&",
                "#": r"\#", "^": r"\textasciicircum{}", "_": r"\_", "%": r"\%",
                "~": r"\textasciitilde{}"}


def latex_escape(text: str) -> str:
    """``text`` with every LaTeX special character escaped."""
    return "".join(_TEX_SPECIAL.get(c, c) for c in text)
