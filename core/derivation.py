"""One sample's training step written out as the course notes write it.

``derive(net, x, y, loss, lr)`` returns the phases of the step in order:
forward (neuron by neuron), the error, the output deltas, the hidden deltas,
every parameter's gradient, every update, each as a formula, the same
formula with the numbers substituted, and the result, e.g.

    h1 = x1·w1 + x2·w3 = 2 × 0.11 + 3 × 0.21 = 0.85
    ∂E/∂w6 = δ_ŷ·h2 = (-0.809) × 0.48 = -0.3883
    w6 ← w6 - α·∂E/∂w6 = 0.15 - 0.05 × (-0.3883) = 0.1694

Every value is the engine's (``core.trace.trace_step``); this module only
formats. ``to_markdown`` and ``to_latex`` turn the phases into handouts.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, replace

import numpy as np

from core.activations import ACTIVATIONS, Activation
from core.losses import get_loss
from core.network import Network
from core.notation import Param
from core.trace import StepTrace, trace_step

#: activation symbols LaTeX writes as \operatorname (σ and tanh have commands of their own)
OPERATOR_NAMES = {a.symbol for a in ACTIVATIONS.values()} - {"σ", "tanh"}
PHASES = ("forward", "error", "output delta", "hidden delta", "gradient", "update")


@dataclass(frozen=True)
class Phase:
    """One computation: ``name = formula = numbers = value``."""

    kind: str  # one of PHASES
    name: str
    formula: str
    numbers: str
    value: float
    neurons: tuple[tuple[int, int], ...] = ()  # (neuron layer, index) involved
    params: tuple[Param, ...] = ()  # parameters involved
    note: str = ""
    digits: int = 4  # significant digits of every number shown

    def text(self) -> str:
        """'name = formula = numbers = value' (an update: 'name ← formula = ...')."""
        parts = [self.name, self.formula]
        if self.numbers and self.numbers != self.formula:
            parts.append(self.numbers)
        parts.append(num(self.value, self.digits))
        out = " = ".join(p for p in parts if p)
        if self.kind == "update":
            out = out.replace(" = ", " ← ", 1)
        return out + (f"  ({self.note})" if self.note else "")


@dataclass(frozen=True)
class Derivation:
    phases: list[Phase]
    trace: StepTrace
    loss: str
    lr: float
    labels: dict[Param, str]
    digits: int

    def table(self) -> list[tuple[str, float, float, float, bool]]:
        """(label, old, gradient, new, frozen) for every parameter in label order: the
        notes' old -> new table."""
        order = list(self.labels.values())
        rows = sorted(self.trace.params, key=lambda s: order.index(s.label))
        return [(s.label, s.old, s.grad, s.new, s.frozen) for s in rows]


def num(v: float, digits: int = 4) -> str:
    """A number to ``digits`` significant digits, without trailing zeros."""
    if v == 0:
        return "0"
    s = f"{v:.{digits}g}"
    if "e" in s:
        m, e = s.split("e")
        return f"{m}e{int(e)}"
    return s


def _paren(v: float, digits: int) -> str:
    s = num(v, digits)
    return f"({s})" if v < 0 else s


def _derivative_text(act: Activation, z: str, a: str, zv: float, av: float, d: int
                     ) -> tuple[str, str]:
    """f'(a) as (formula, numbers), as the activation's registry entry writes it (the notes'
    z(1 - z) for the sigmoid), or symbol'(a)."""
    if act.df_text is None:
        return f"{act.symbol}'({a})", f"{act.symbol}'({num(av, d)})"
    values = {"z": z, "a": a, "zv": num(zv, d), "av": num(av, d), "zp": _paren(zv, d)}
    return act.df_text[0].format(**values), act.df_text[1].format(**values)


def derive(net: Network, x, y, loss: str, lr: float, reduction: str = "sum",
           notation: str | None = None, digits: int = 4) -> Derivation:
    """The phases of one gradient-descent step on sample (x, y); ``net`` is not changed."""
    t = trace_step(net, x, y, loss, lr, reduction, notation)
    names = t.neuron_names
    labels = {p: k for k, p in net.labels(notation).items()}
    notation = notation or net.notation
    L, d = net.n_layers, digits
    acts, lossf = net.acts, get_loss(loss)

    def pre(l: int, j: int) -> str:  # name of the pre-activation of neuron j in layer l >= 1
        n = names[l][j]
        return f"a{n[1:]}" if notation == "w_ji" else f"net_{n}"

    def target(k: int) -> str:
        return "y" if net.sizes[-1] == 1 else f"y{k + 1}"

    phases: list[Phase] = []
    # forward, neuron by neuron
    for l in range(L):
        for j in range(net.sizes[l + 1]):
            terms, nums, params, neurons = [], [], [], [(l + 1, j)]
            for i in range(net.sizes[l]):
                p = Param(l, i, j)
                terms.append(f"{names[l][i]}·{labels[p]}")
                nums.append(f"{_paren(t.z[l][i], d)} × {_paren(net.get(p), d)}")
                params.append(p)
                neurons.append((l, i))
            if net.use_bias[l]:
                p = Param(l, -1, j)
                terms.append(labels[p])
                nums.append(_paren(net.get(p), d))
                params.append(p)
            a_val, z_val = float(t.a[l][j]), float(t.z[l + 1][j])
            if acts[l].identity:
                phases.append(Phase("forward", names[l + 1][j], " + ".join(terms),
                                    " + ".join(nums), z_val, tuple(neurons), tuple(params)))
                continue
            phases.append(Phase("forward", pre(l + 1, j), " + ".join(terms), " + ".join(nums),
                                a_val, tuple(neurons), tuple(params)))
            if not acts[l].elementwise:  # softmax
                others = " + ".join(f"e^{pre(l + 1, k)}" for k in range(net.sizes[l + 1]))
                vals = " + ".join(f"e^{_paren(float(v), d)}" for v in t.a[l])
                phases.append(Phase("forward", names[l + 1][j], f"e^{pre(l + 1, j)} / ({others})",
                                    f"e^{_paren(a_val, d)} / ({vals})", z_val, ((l + 1, j),)))
            else:
                sym = acts[l].symbol
                phases.append(Phase("forward", names[l + 1][j], f"{sym}({pre(l + 1, j)})",
                                    f"{sym}({num(a_val, d)})", z_val, ((l + 1, j),)))
    # the error
    out = names[L]
    yh, yv = t.z[L], t.y
    K = net.sizes[-1]
    def names_of(k: int) -> dict:
        return {"o": out[k], "t": target(k), "ov": num(yh[k], d), "tv": num(yv[k], d)}

    head, tail = lossf.error_wrap
    f = head + " + ".join(lossf.error_text[0].format(**names_of(k)) for k in range(K)) + tail
    n = head + " + ".join(lossf.error_text[1].format(**names_of(k)) for k in range(K)) + tail
    phases.append(Phase("error", "E", f, n, t.loss, tuple((L, k) for k in range(K))))
    # output deltas
    fused = t.dE_dyhat is None
    for k in range(K):
        dname = f"δ_{out[k]}"
        if fused:
            phases.append(Phase("output delta", dname, f"{out[k]} - {target(k)}",
                                f"{num(yh[k], d)} - {num(yv[k], d)}", float(t.deltas[L - 1][k]),
                                ((L, k),), note="the sigmoid/softmax factor cancels"))
            continue
        dE = tuple(text.format(**names_of(k)) for text in lossf.de_text)
        if not acts[-1].elementwise:  # softmax
            phases.append(Phase("output delta", dname,
                                f"{out[k]}·(∂E/∂{out[k]} - Σ_m ∂E/∂ŷ_m·ŷ_m)",
                                f"{num(yh[k], d)} × ({num(t.dE_dyhat[k], d)} - "
                                f"{num(float(np.dot(t.dE_dyhat, yh)), d)})",
                                float(t.deltas[L - 1][k]), ((L, k),)))
            continue
        fp, fpn = _derivative_text(acts[-1], out[k], pre(L, k), float(yh[k]), float(t.a[L - 1][k]), d)
        if acts[-1].identity:  # no factor: the notes write ŷ - y, not (ŷ - y)
            bare = dE[0].startswith("(") and dE[0].endswith(")")
            phases.append(Phase("output delta", dname, dE[0][1:-1] if bare else dE[0],
                                dE[1][1:-1] if bare else dE[1],
                                float(t.deltas[L - 1][k]), ((L, k),)))
        else:
            phases.append(Phase("output delta", dname, f"{dE[0]}·{fp}", f"{dE[1]} × {fpn}",
                                float(t.deltas[L - 1][k]), ((L, k),)))
    # hidden deltas, from the last hidden layer back
    for l in range(L - 1, 0, -1):  # neuron layer l = weight layer l-1's outputs
        for j in range(net.sizes[l]):
            terms, nums, params = [], [], []
            for k in range(net.sizes[l + 1]):
                p = Param(l, j, k)
                terms.append(f"{labels[p]}·δ_{names[l + 1][k]}")
                nums.append(f"{_paren(net.get(p), d)} × {_paren(float(t.deltas[l][k]), d)}")
                params.append(p)
            fp, fpn = _derivative_text(acts[l - 1], names[l][j], pre(l, j), float(t.z[l][j]),
                                       float(t.a[l - 1][j]), d)
            s, sn = " + ".join(terms), " + ".join(nums)
            if len(terms) > 1:
                s, sn = f"({s})", f"({sn})"
            formula = s if fp == "1" else f"{s}·{fp}"
            numbers = sn if fp == "1" else f"{sn} × {fpn}"
            neurons = ((l, j),) + tuple((l + 1, k) for k in range(net.sizes[l + 1]))
            phases.append(Phase("hidden delta", f"δ_{names[l][j]}", formula, numbers,
                                float(t.deltas[l - 1][j]), neurons, tuple(params)))
    # gradients and updates, in label order
    order = sorted(t.params, key=lambda s: list(labels.values()).index(s.label))
    for s in order:
        p = s.param
        dn = f"δ_{names[p.layer + 1][p.target]}"
        if p.is_bias:
            f, n = dn, ""
            neurons = ((p.layer + 1, p.target),)
        else:
            f = f"{dn}·{names[p.layer][p.source]}"
            n = f"{_paren(s.delta, d)} × {_paren(s.source, d)}"
            neurons = ((p.layer + 1, p.target), (p.layer, p.source))
        phases.append(Phase("gradient", f"∂E/∂{s.label}", f, n, s.grad, neurons, (p,)))
    for s in order:
        if s.frozen:
            phases.append(Phase("update", s.label, s.label, "", s.new, params=(s.param,),
                                note="frozen: not trained"))
            continue
        phases.append(Phase("update", s.label, f"{s.label} - α·∂E/∂{s.label}",
                            f"{num(s.old, d)} - {num(lr, d)} × {_paren(s.grad, d)}", s.new,
                            params=(s.param,)))
    phases = [replace(ph, digits=digits) for ph in phases]
    return Derivation(phases, t, loss, lr, labels, digits)


TITLES = {"forward": "Forward pass", "error": "The error", "output delta": "Output deltas",
          "hidden delta": "Hidden deltas", "gradient": "Gradients", "update": "Updates"}


def one_line(text: str) -> str:
    """Text from a file on one line: control characters (newlines, tabs, ...) become spaces."""
    return "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text).strip()


def markdown_text(text: str) -> str:
    """``text`` as literal inline Markdown on one line: HTML-escaped (``<script>``, ``&``)
    and every character with an inline meaning (emphasis, code, links, headings'
    closing ``#``, tables, strikethrough) backslash-escaped."""
    text = html.escape(one_line(text), quote=False)
    return re.sub(r"([\\`*_\[\]#|~])", r"\\\1", text)


TEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&",
               "#": r"\#", "^": r"\textasciicircum{}", "_": r"\_", "%": r"\%",
               "~": r"\textasciitilde{}"}


def latex_text(text: str) -> str:
    """``text`` as literal LaTeX text on one line: every special character escaped, so a
    name cannot open a command (``\\input``, ``\\write18``), a group or a comment."""
    return "".join(TEX_SPECIAL.get(c, c) for c in one_line(text))


def to_markdown(dv: Derivation, title: str = "One training step") -> str:
    """The derivation as a Markdown handout (sections per kind, then the old -> new table).
    ``title`` may come from a file: it is escaped for Markdown and HTML."""
    t, d = dv.trace, dv.digits
    lines = [f"# {markdown_text(title)}", "",
             f"Sample x = ({', '.join(num(v, d) for v in t.x)}), target y = "
             f"({', '.join(num(v, d) for v in t.y)}), learning rate α = {num(dv.lr, d)}, "
             f"loss `{dv.loss}`.", ""]
    kind = None
    for ph in dv.phases:
        if ph.kind != kind:
            kind = ph.kind
            lines += ["", f"## {TITLES[kind]}", ""]
        lines.append(f"- {ph.text()}")
    lines += ["", "## Old → new", "", "| parameter | old | ∂E/∂p | new |", "|---|---|---|---|"]
    for label, old, grad, new, frozen in dv.table():
        lines.append(f"| {label} | {num(old, d)} | {num(grad, d)} | {num(new, d)}"
                     f"{' (frozen)' if frozen else ''} |")
    return "\n".join(lines) + "\n"


_NAME = re.compile(r"(net_|δ_|∂E∂)?(ŷ|[a-zA-Z])(\d+)?(?:_(\d+))?")


def _tex_name(m: re.Match) -> str:
    prefix, base, first, second = m.groups()
    base = r"\hat{y}" if base == "ŷ" else base
    sub = ",".join(s for s in (first, second) if s)
    core = f"{base}_{{{sub}}}" if sub else base
    if prefix == "net_":
        return rf"\mathrm{{net}}_{{{core}}}"
    if prefix == "δ_":
        return rf"\delta_{{{core}}}"
    if prefix == "∂E∂":
        return rf"\frac{{\partial E}}{{\partial {core}}}"
    return core


def latex(text: str) -> str:
    """A phase's text in LaTeX math (names get subscripts, symbols become commands)."""
    words = {"σ": r"\sigma", "tanh": r"\tanh", "ln": r"\ln", "α": r"\alpha", "Σ_m": r"\sum_m"}
    out = []
    text = text.replace("∂E/∂", "∂E∂")
    for token in re.split(r"(\s+|[()·×²½←\[\]/+,^-])", text):
        if not token:
            continue
        if token in words:
            out.append(words[token])
        elif re.fullmatch(r"-?\d+(\.\d+)?(e-?\d+)?", token):
            out.append(token)
        elif token in ("·",):
            out.append(r" \cdot ")
        elif token == "×":
            out.append(r" \times ")
        elif token == "²":
            out.append("^2")
        elif token == "½":
            out.append(r"\tfrac{1}{2}")
        elif token == "←":
            out.append(r" \leftarrow ")
        elif token in OPERATOR_NAMES:
            out.append(rf"\operatorname{{{token}}}")
        else:
            out.append(_NAME.sub(_tex_name, token))
    return "".join(out)


def to_latex(dv: Derivation, title: str = "One training step") -> str:
    """The derivation as LaTeX: one align* environment per kind, then the table.
    ``title`` may come from a file: it is escaped for LaTeX."""
    t, d = dv.trace, dv.digits
    tex_loss = latex_text(dv.loss)
    title = latex_text(title)
    lines = [f"% {title}", f"\\section*{{{title}}}",
             f"Sample $x = ({', '.join(num(v, d) for v in t.x)})$, target "
             f"$y = ({', '.join(num(v, d) for v in t.y)})$, learning rate "
             f"$\\alpha = {num(dv.lr, d)}$, loss \\texttt{{{tex_loss}}}.", ""]
    kinds = [k for k in PHASES if any(p.kind == k for p in dv.phases)]
    for kind in kinds:
        lines += [f"\\subsection*{{{TITLES[kind]}}}", "\\begin{align*}"]
        rows = []
        for ph in (p for p in dv.phases if p.kind == kind):
            text = ph.text()
            note = ""
            if ph.note:
                text, note = text[: -len(ph.note) - 4], f" && \\text{{{ph.note}}}"
            sep = " ← " if kind == "update" else " = "
            lhs, rhs = text.split(sep, 1)
            arrow = " \\leftarrow " if kind == "update" else "= "
            rows.append(f"  {latex(lhs)} &{arrow}{latex(rhs)}{note}")
        lines.append(" \\\\\n".join(rows))
        lines += ["\\end{align*}", ""]
    lines += ["\\subsection*{Old $\\to$ new}", "\\begin{tabular}{lrrr}",
              "parameter & old & $\\partial E/\\partial p$ & new \\\\ \\hline"]
    for label, old, grad, new, frozen in dv.table():
        lines.append(f"${latex(label)}$ & {num(old, d)} & {num(grad, d)} & {num(new, d)}"
                     f"{' (frozen)' if frozen else ''} \\\\")
    lines += ["\\end{tabular}", ""]
    return "\n".join(lines)
