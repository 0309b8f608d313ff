"""The lecture derivation: every phase holds the engine's numbers, in the notes' notation."""

from pathlib import Path

import numpy as np
import pytest

from core import Network, initialise
from core.derivation import derive, to_latex, to_markdown
from core.formula import Sym, num
from tests.core.lessons import HAND_X, HAND_Y, MAZUR_X, MAZUR_Y, XOR_X, XOR_Y, hand_note, mazur

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


def phase(dv, name, kind=None):
    return next(p for p in dv.phases if p.name == name and (kind is None or p.kind == kind))


def test_hand_note_phases_hold_reference_section_1():
    dv = derive(hand_note(), HAND_X, HAND_Y, "half_sse", 0.05)
    assert [p.kind for p in dv.phases][:5] == ["forward"] * 3 + ["error", "output delta"]
    assert phase(dv, "h1").text() == "h1 = x1·w1 + x2·w3 = 2 × 0.11 + 3 × 0.21 = 0.85"
    assert phase(dv, "h2").value == pytest.approx(0.48, abs=1e-12)
    assert phase(dv, "ŷ").value == pytest.approx(0.191, abs=1e-12)
    assert phase(dv, "E").value == pytest.approx(0.3272405, abs=1e-12)
    assert phase(dv, "δ_ŷ").value == pytest.approx(-0.809, abs=1e-12)
    g6 = phase(dv, "∂E/∂w6")
    assert g6.value == pytest.approx(-0.38832, abs=1e-12)
    assert g6.text() == "∂E/∂w6 = δ_ŷ·h2 = (-0.809) × 0.48 = -0.3883"  # 4 digits by default
    six = derive(hand_note(), HAND_X, HAND_Y, "half_sse", 0.05, digits=6)
    assert phase(six, "∂E/∂w6").text() == "∂E/∂w6 = δ_ŷ·h2 = (-0.809) × 0.48 = -0.38832"
    w6 = phase(six, "w6", "update")
    assert w6.text() == "w6 ← w6 - α·∂E/∂w6 = 0.15 - 0.05 × (-0.38832) = 0.169416"
    expected = {"w1": 0.121326, "w2": 0.132135, "w3": 0.226989, "w4": 0.0982025,
                "w5": 0.1743825, "w6": 0.169416}
    for label, v in expected.items():
        assert phase(dv, label, "update").value == pytest.approx(v, abs=1e-12)
    table = dv.table()
    assert [r[0] for r in table] == list(expected)
    assert [(r[1], r[3]) for r in table] == [(pytest.approx(o), pytest.approx(n)) for o, n in
                                             zip([0.11, 0.12, 0.21, 0.08, 0.14, 0.15],
                                                 expected.values())]


def test_mazur_phases_hold_reference_section_2():
    dv = derive(mazur(), MAZUR_X, MAZUR_Y, "half_sse", 0.5)
    assert phase(dv, "h1").value == pytest.approx(0.593269992107, abs=1e-12)
    assert phase(dv, "o2").value == pytest.approx(0.772928465321, abs=1e-12)
    assert phase(dv, "E").value == pytest.approx(0.298371108760, abs=1e-12)
    g5 = phase(dv, "∂E/∂w5")
    assert g5.value == pytest.approx(0.082167040564, abs=1e-12)
    assert g5.formula == "δ_o1·h1"
    d1 = phase(dv, "δ_o1")
    assert d1.formula == "(o1 - y1)·o1(1 - o1)"  # the sigmoid's derivative factor
    assert d1.numbers == "(0.7514 - 0.01) × 0.7514 × (1 - 0.7514)"
    assert phase(dv, "w5", "update").value == pytest.approx(0.358916480, abs=1e-9)
    frozen = phase(dv, "b1_1", "update")
    assert frozen.value == 0.35 and "frozen" in frozen.note


def test_cross_entropy_delta_simplifies_and_w_ji_names():
    net = initialise(Network([2, 2, 1], "sigmoid", notation="w_ji"), "uniform", seed=0)
    dv = derive(net, XOR_X[1], XOR_Y[1], "bce", 1.0)
    names = [p.name for p in dv.phases if p.kind == "forward"]
    assert names == ["a1", "z1", "a2", "z2", "a3", "z3"]
    d3 = phase(dv, "δ_z3")
    assert d3.formula == "z3 - y" and "cancels" in d3.note
    assert d3.value == pytest.approx(phase(dv, "z3").value - 1.0, abs=1e-15)
    assert phase(dv, "∂E/∂w31").formula == "δ_z3·z1"
    assert phase(dv, "δ_z1").formula == "w31·δ_z3·z1(1 - z1)"


def test_tanh_relu_softmax_show_their_factors():
    net = initialise(Network([2, 3, 3, 2], ["tanh", "relu", "softmax"]), "xavier", seed=2, bias=0.1)
    dv = derive(net, [[0.5, -1.0]], [[0.0, 1.0]], "cce", 0.1)
    assert "(1 - h1_1²)" in phase(dv, "δ_h1_1").formula
    assert "[net_h2_1 > 0]" in phase(dv, "δ_h2_1").formula
    assert phase(dv, "ŷ1").formula.startswith("e^net_ŷ1 / (")
    dv = derive(net, [[0.5, -1.0]], [[0.0, 1.0]], "mse", 0.1)
    assert "Σ_m" in phase(dv, "δ_ŷ1").formula


def test_digits_are_configurable():
    assert num(-0.38832, 4) == "-0.3883" and num(-0.38832, 6) == "-0.38832"
    assert num(0.0, 4) == "0" and num(1.5e-7, 3) == "1.5e-7"


def test_exports_match_golden_files():
    dv = derive(hand_note(), HAND_X, HAND_Y, "half_sse", 0.05)
    title = "Hand note: a linear network: sample 1, step 1"  # as main.py --export-trace names it
    assert to_markdown(dv, title) == (GOLDEN / "hand_note.md").read_text()
    assert to_latex(dv, title) == (GOLDEN / "hand_note.tex").read_text()
    dv = derive(mazur(), MAZUR_X, MAZUR_Y, "half_sse", 0.5)
    title = "Sigmoid network with frozen biases (Mazur): sample 1, step 1"
    assert to_markdown(dv, title) == (GOLDEN / "mazur.md").read_text()
    assert to_latex(dv, title) == (GOLDEN / "mazur.tex").read_text()


def test_latex_names_and_balanced_braces():
    w6, h1, b12 = Sym("w", ("6",)), Sym("h", ("1",)), Sym("b", ("1", "2"), "_")
    assert w6.with_role("grad").latex() == r"\frac{\partial E}{\partial w_{6}}"
    assert h1.with_role("delta").latex() == r"\delta_{h_{1}}"
    assert Sym("o", ("2",), role="net").latex() == r"\mathrm{net}_{o_{2}}"
    assert b12.latex() == "b_{1,2}" and b12.plain() == "b1_2"
    tex = (GOLDEN / "mazur.tex").read_text()
    assert tex.count("{") == tex.count("}")
    assert tex.count(r"\begin{align*}") == tex.count(r"\end{align*}") == 6


def test_derivation_leaves_the_network_unchanged():
    net = hand_note()
    before = net.params.copy()
    derive(net, HAND_X, HAND_Y, "half_sse", 0.05)
    assert np.array_equal(net.params, before)


def test_input_neurons_named_by_their_features():
    """Fed (x1, x2, x1*x2), the step's formulas name the third input x1·x2 in every style,
    and its numbers are the feature's value."""
    from core.features import Features

    f = Features.from_names(2, ["x1", "x2", "x1*x2", "sin(x2)"])
    net = initialise(Network([4, 1], "sigmoid"), "xavier", seed=1)
    point = np.array([0.5, -2.0])
    dv = derive(net, f(point), np.array([1.0]), "bce", 0.5, "mean",
                inputs=[g.sym() for g in f.parsed])
    md, tex = to_markdown(dv, "t"), to_latex(dv, "t")
    assert "x1·x2·w3" in md and "sin(x2)·w4" in md
    assert "-1 × " in md  # x1·x2 = 0.5 × -2 = -1, the value the network sees
    assert r"x_{1} x_{2} \cdot w_{3}" in tex and r"\sin x_{2} \cdot w_{4}" in tex
