"""Names and formulas typeset as the course notes write them.

The engine names things in plain text (``w5``, ``b1_2``, ``h1``, ``δ_h1``,
``net_o1``, ``∂E/∂w6``); these functions render that text with real subscripts:

    unicode_text("w5 = 0.14")          'w₅ = 0.14'     (digits only: the canvas)
    unicode_text("b1_2")               'b₁₂'
    unicode_text("δ_h1")               'δₕ₁'
    html_text("δ_h1 = w5·δ_ŷ")        'δ<sub>h1</sub> = w<sub>5</sub>·δ<sub>ŷ</sub>'

Anything that is not a name is left as it is (HTML-escaped by ``html_text``).
"""

from __future__ import annotations

import html
import re

_SUB_DIGITS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
# a name: an optional δ_/net_ prefix, then ŷ or one letter with its digits (b1_2, h1_2, w12,3)
_NAME = re.compile(
    r"(?P<prefix>δ_|net_)(?P<inner>ŷ\d*|[a-zA-Z]\d+(?:_\d+)?)"
    r"|(?<![\w.])(?P<base>ŷ|[a-zA-Z])(?P<first>\d+)(?:_(?P<second>\d+)|,(?P<third>\d+))?(?![\w])")


_SUB_LETTERS = dict(zip("aehijklmnoprstuvx", "ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"))
_INNER = re.compile(r"([a-zA-Z]|ŷ)(\d*)(?:_(\d+))?")


def _index(base: str, first: str, second: str | None) -> str:
    """A name's index: a bias's layer and neuron run together when both are single digits,
    as the notes write b₁₂ (b1_2); otherwise, and for neurons (h1_2), a comma."""
    if second is None:
        return first
    if base == "b" and len(first) == 1 and len(second) == 1:
        return first + second
    return f"{first},{second}"


def _inner(name: str) -> str:
    """The name under a δ_ or net_ prefix in plain form: 'h1' -> 'h1', 'h1_2' -> 'h1,2'."""
    m = _INNER.fullmatch(name)
    return m.group(1) + _index(m.group(1), m.group(2), m.group(3)) if m else name


def unicode_text(text: str) -> str:
    """Every name in ``text`` with subscript digits; δ_h1 becomes δₕ₁ where Unicode has the
    letter as a subscript (it has none for y or z: δ_ŷ and δ_z3 keep their '_')."""
    def sub(m: re.Match) -> str:
        if m.group("prefix"):
            inner = _inner(m.group("inner"))
            letters = [_SUB_LETTERS.get(c) for c in inner if not c.isdigit() and c != ","]
            if all(letters):
                return m.group("prefix")[:-1] + "".join(
                    _SUB_LETTERS.get(c, c) for c in inner).translate(_SUB_DIGITS)
            return m.group("prefix") + unicode_text(m.group("inner"))
        second = m.group("second") or m.group("third")
        return m.group("base") + _index(m.group("base"), m.group("first"), second).translate(
            _SUB_DIGITS)
    return _NAME.sub(sub, text)


def html_text(text: str) -> str:
    """``text`` as HTML with every name's index as a <sub>script; the rest escaped."""
    out, last = [], 0
    for m in _NAME.finditer(text):
        out.append(html.escape(text[last:m.start()], quote=False))
        if m.group("prefix"):
            head = "δ" if m.group("prefix") == "δ_" else "net"
            out.append(f"{head}<sub>{html.escape(_inner(m.group('inner')))}</sub>")
        else:
            second = m.group("second") or m.group("third")
            index = _index(m.group("base"), m.group("first"), second)
            out.append(f"{m.group('base')}<sub>{index}</sub>")
        last = m.end()
    out.append(html.escape(text[last:], quote=False))
    return "".join(out)
