"""Formulas as tokens: one derivation, four renderings, names never parsed back from text."""

import pytest

from core import Network, initialise
from core.derivation import derive
from core.formula import STYLES, Exp, Num, Op, Sym, render, template
from tests.core.lessons import HAND_X, HAND_Y, hand_note


def phase(dv, name, kind=None):
    return next(p for p in dv.phases if p.name == name and (kind is None or p.kind == kind))


@pytest.mark.parametrize("sym, plain, uni, html, latex", [
    (Sym("w", ("5",)), "w5", "w₅", "w<sub>5</sub>", "w_{5}"),
    (Sym("b", ("1", "2"), "_"), "b1_2", "b₁₂", "b<sub>12</sub>", "b_{1,2}"),
    (Sym("b", ("1", "12"), "_"), "b1_12", "b₁,₁₂", "b<sub>1,12</sub>", "b_{1,12}"),
    (Sym("w", ("1", "2")), "w12", "w₁₂", "w<sub>12</sub>", "w_{12}"),
    (Sym("w", ("12", "3"), ","), "w12,3", "w₁₂,₃", "w<sub>12,3</sub>", "w_{12,3}"),
    (Sym("h", ("1", "2"), "_"), "h1_2", "h₁,₂", "h<sub>1,2</sub>", "h_{1,2}"),
    (Sym("ŷ"), "ŷ", "ŷ", "ŷ", r"\hat{y}"),
    (Sym("h", ("1",), role="delta"), "δ_h1", "δₕ₁", "δ<sub>h1</sub>", r"\delta_{h_{1}}"),
    (Sym("ŷ", role="delta"), "δ_ŷ", "δ_ŷ", "δ<sub>ŷ</sub>", r"\delta_{\hat{y}}"),
    (Sym("z", ("3",), role="delta"), "δ_z3", "δ_z₃", "δ<sub>z3</sub>", r"\delta_{z_{3}}"),
    (Sym("o", ("1",), role="net"), "net_o1", "netₒ₁", "net<sub>o1</sub>",
     r"\mathrm{net}_{o_{1}}"),
    (Sym("w", ("6",), role="grad"), "∂E/∂w6", "∂E/∂w₆", "∂E/∂w<sub>6</sub>",
     r"\frac{\partial E}{\partial w_{6}}"),
])
def test_a_symbol_renders_four_ways(sym, plain, uni, html, latex):
    assert [render((sym,), s) for s in STYLES] == [plain, uni, html, latex]


def test_numbers_have_one_formatter_everywhere():
    small = Num(5e-5)
    assert small.plain() == small.unicode() == small.html() == "5e-5"  # not 5e-05
    assert small.latex() == r"5 \times 10^{-5}"
    assert Num(-0.809, paren=True).plain() == "(-0.809)" and Num(0.809, paren=True).plain() == "0.809"
    assert Num(-0.38832, 6).plain() == "-0.38832" and Num(0.0).plain() == "0"


def test_templates_and_exponents_render_in_every_style():
    f = template("½({o} - {t})²", o=(Sym("ŷ"),), t=(Sym("y"),))
    assert render(f) == "½(ŷ - y)²"
    assert render(f, "latex") == r"\tfrac{1}{2}(\hat{y} - y)^2"
    e = (Exp((Sym("ŷ", ("1",), role="net"),)),)
    assert render(e) == "e^net_ŷ1"
    assert render(e, "latex") == r"e^{\mathrm{net}_{\hat{y}_{1}}}"  # braces: the whole exponent
    assert render(e, "html") == "e<sup>net<sub>ŷ1</sub></sup>"
    with pytest.raises(ValueError, match="unknown style"):
        render(e, "rtf")


def test_html_and_latex_escape_literal_text():
    assert render((Op("a < b & c"),), "html") == "a &lt; b &amp; c"
    assert render((Op("50% {x}"),), "latex") == r"50\% \{x\}"


def test_a_phase_renders_the_notes_line_in_each_style():
    dv = derive(hand_note(), HAND_X, HAND_Y, "half_sse", 0.05)
    h1 = phase(dv, "h1")
    assert h1.render() == "h1 = x1·w1 + x2·w3 = 2 × 0.11 + 3 × 0.21 = 0.85"
    assert h1.render("unicode") == "h₁ = x₁·w₁ + x₂·w₃ = 2 × 0.11 + 3 × 0.21 = 0.85"
    assert h1.render("html").startswith("h<sub>1</sub> = x<sub>1</sub>·w<sub>1</sub>")
    w6 = phase(dv, "w6", "update")
    assert w6.render("unicode") == "w₆ ← w₆ - α·∂E/∂w₆ = 0.15 - 0.05 × (-0.3883) = 0.1694"
    assert w6.render("latex").startswith(r"w_{6} \leftarrow w_{6} - \alpha \cdot \frac")


def test_softmax_and_w_ji_names_come_from_the_notation_not_from_text():
    net = initialise(Network([2, 3, 2], ["tanh", "softmax"], notation="w_ji"), "xavier", seed=1)
    dv = derive(net, [[0.5, -1.0]], [[0.0, 1.0]], "mse", 0.1)
    z4 = phase(dv, "z4")
    assert z4.symbol == (Sym("z", ("4",)),)
    assert render(z4.formula_t, "latex").startswith(r"e^{a_{4}} / (e^{a_{4}} + e^{a_{5}})")
    assert [s.plain() for s in dv.symbols.values()][:4] == ["w10", "w11", "w12", "w20"]
