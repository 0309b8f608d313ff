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
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from core.activations import Activation
from core.formula import Exp, Formula, Func, Num, Op, Sym, join, latex_escape, num, render, template
from core.losses import get_loss
from core.network import Network
from core.notation import Param
from core.text import QT_TRANSLATE_NOOP, Translate, translated
from core.trace import StepTrace, trace_step

PHASES = ("forward", "error", "output delta", "hidden delta", "gradient", "update")


@dataclass(frozen=True)
class Phase:
    """One computation: ``symbol = formula = numbers = value``, each part as tokens
    (``core.formula``); ``name``, ``formula`` and ``numbers`` are their plain text."""

    kind: str  # one of PHASES
    symbol: Formula
    formula_t: Formula
    numbers_t: Formula
    value: float
    neurons: tuple[tuple[int, int], ...] = ()  # (neuron layer, index) involved
    params: tuple[Param, ...] = ()  # parameters involved
    note: str = ""
    digits: int = 4  # significant digits of every number shown

    @property
    def name(self) -> str:
        return render(self.symbol)

    @property
    def formula(self) -> str:
        return render(self.formula_t)

    @property
    def numbers(self) -> str:
        return render(self.numbers_t)

    @property
    def relation(self) -> str:
        """'←' for an update, '=' otherwise."""
        return "←" if self.kind == "update" else "="

    def rhs(self) -> Formula:
        """'formula = numbers = value' as tokens (numbers left out when they repeat it)."""
        parts = [p for p in (self.formula_t, self.numbers_t) if p]
        if len(parts) == 2 and render(parts[0]) == render(parts[1]):
            parts.pop()
        return join(parts + [(Num(self.value, self.digits),)], " = ")

    def render(self, style: str = "plain") -> str:
        """The whole line in one of ``core.formula.STYLES``, without the note."""
        return (render(self.symbol, style) + render((Op(f" {self.relation} "),), style)
                + render(self.rhs(), style))

    def text(self) -> str:
        """'name = formula = numbers = value' (an update: 'name ← formula = ...')."""
        return self.render("plain") + (f"  ({self.note})" if self.note else "")


@dataclass(frozen=True)
class Derivation:
    phases: list[Phase]
    trace: StepTrace
    loss: str
    lr: float
    symbols: dict[Param, Sym]  # in label order
    digits: int

    @property
    def labels(self) -> dict[Param, str]:
        return {p: s.plain() for p, s in self.symbols.items()}

    def table(self) -> list[tuple[str, float, float, float, bool]]:
        """(label, old, gradient, new, frozen) for every parameter in label order: the
        notes' old -> new table."""
        rank = {q: k for k, q in enumerate(self.symbols)}
        rows = sorted(self.trace.params, key=lambda s: rank[s.param])
        return [(s.label, s.old, s.grad, s.new, s.frozen) for s in rows]


class _Step:
    """What every phase builder needs: the trace, the symbols and the digits."""

    def __init__(self, net: Network, t: StepTrace, notation: str, digits: int):
        self.net, self.t, self.d = net, t, digits
        self.names = net.neuron_symbols(notation)
        self.syms = net.symbols(notation)
        self.w_ji = notation == "w_ji"

    def n(self, v: float) -> Formula:  # a number
        return (Num(float(v), self.d),)

    def f(self, v: float) -> Formula:  # a number as a factor: negative ones in brackets
        return (Num(float(v), self.d, paren=True),)

    def p(self, q: Param) -> Formula:
        return (self.syms[q],)

    def pre(self, l: int, j: int) -> Formula:
        """The pre-activation of neuron j in layer l >= 1: a1 (w_ji) or net_h1."""
        s = self.names[l][j]
        return (Sym("a", s.index),) if self.w_ji else (s.with_role("net"),)

    def target(self, k: int) -> Formula:
        return (Sym("y"),) if self.net.sizes[-1] == 1 else (Sym("y", (str(k + 1),)),)

    def factor(self, act: Activation, l: int, j: int, zv: float, av: float
               ) -> tuple[Formula, Formula]:
        """f'(a) of neuron j in layer l as (formula, numbers), as the activation's registry
        entry writes it (the notes' z(1 - z) for the sigmoid), or symbol'(a)."""
        z, a = (self.names[l][j],), self.pre(l, j)
        if act.df_text is None:
            return ((Func(act.symbol), Op("'("), *a, Op(")")),
                    (Func(act.symbol), Op("'("), *self.n(av), Op(")")))
        slots = {"z": z, "a": a, "zv": self.n(zv), "av": self.n(av), "zp": self.f(zv)}
        return template(act.df_text[0], **slots), template(act.df_text[1], **slots)


def _forward(s: _Step) -> list[Phase]:
    """Neuron by neuron: the weighted sum, then the activation."""
    net, t, names = s.net, s.t, s.names
    out = []
    for l in range(net.n_layers):
        act = net.acts[l]
        for j in range(net.sizes[l + 1]):
            terms, nums, params, neurons = [], [], [], [(l + 1, j)]
            for i in range(net.sizes[l]):
                q = Param(l, i, j)
                terms.append((names[l][i], Op("·"), *s.p(q)))
                nums.append((*s.f(t.z[l][i]), Op(" × "), *s.f(float(net.blocks[l][i + 1, j]))))
                params.append(q)
                neurons.append((l, i))
            if net.use_bias[l]:
                q = Param(l, -1, j)
                terms.append(s.p(q))
                nums.append(s.f(float(net.blocks[l][0, j])))  # the bias row
                params.append(q)
            a_val, z_val = float(t.a[l][j]), float(t.z[l + 1][j])
            head = (names[l + 1][j],) if act.identity else s.pre(l + 1, j)
            out.append(Phase("forward", head, join(terms, " + "), join(nums, " + "),
                             z_val if act.identity else a_val, tuple(neurons), tuple(params)))
            if act.identity:
                continue
            if not act.elementwise:  # softmax
                others = join([(Exp(s.pre(l + 1, k)),) for k in range(net.sizes[l + 1])], " + ")
                vals = join([(Exp(s.f(v)),) for v in t.a[l]], " + ")
                out.append(Phase("forward", (names[l + 1][j],),
                                 (Exp(s.pre(l + 1, j)), Op(" / ("), *others, Op(")")),
                                 (Exp(s.f(a_val)), Op(" / ("), *vals, Op(")")), z_val,
                                 ((l + 1, j),)))
            else:
                sym = Func(act.symbol)
                out.append(Phase("forward", (names[l + 1][j],),
                                 (sym, Op("("), *s.pre(l + 1, j), Op(")")),
                                 (sym, Op("("), *s.n(a_val), Op(")")), z_val, ((l + 1, j),)))
    return out


def _error(s: _Step, lossf) -> tuple[Phase, Callable[[int], dict]]:
    """E, term by term as the loss's registry entry writes it."""
    L, t = s.net.n_layers, s.t
    K = s.net.sizes[-1]

    def slots(k: int) -> dict:
        return {"o": (s.names[L][k],), "t": s.target(k), "ov": s.n(t.z[L][k]), "tv": s.n(t.y[k])}

    head, tail = (Op(x) for x in lossf.error_wrap)
    f = (head, *join([template(lossf.error_text[0], **slots(k)) for k in range(K)], " + "), tail)
    n = (head, *join([template(lossf.error_text[1], **slots(k)) for k in range(K)], " + "), tail)
    keep = tuple(x for x in f if x != Op("")), tuple(x for x in n if x != Op(""))
    return Phase("error", (Sym("E"),), *keep, t.loss, tuple((L, k) for k in range(K))), slots


def _output_deltas(s: _Step, lossf, slots: Callable[[int], dict]) -> list[Phase]:
    """δ of each output: dE/dŷ times the activation's factor (fused when they cancel)."""
    net, t = s.net, s.t
    L, act = net.n_layers, net.acts[-1]
    yh = t.z[L]
    out = []
    for k in range(net.sizes[-1]):
        o = (s.names[L][k],)
        dname, value, where = (s.names[L][k].with_role("delta"),), float(t.deltas[L - 1][k]), ((L, k),)
        if t.dE_dyhat is None:  # BCE + sigmoid, CCE + softmax
            out.append(Phase("output delta", dname, (*o, Op(" - "), *s.target(k)),
                             (*s.n(yh[k]), Op(" - "), *s.n(t.y[k])), value, where,
                             note=QT_TRANSLATE_NOOP("derivation", "the sigmoid/softmax factor cancels")))
            continue
        dE = tuple(template(text, **slots(k)) for text in lossf.de_text)
        if not act.elementwise:  # softmax
            m = Sym("ŷ", ("m",))
            out.append(Phase("output delta", dname,
                             (*o, Op("·("), s.names[L][k].with_role("grad"), Op(" - "),
                              Func("Σ_m"), Op(" "), m.with_role("grad"), Op("·"), m, Op(")")),
                             (*s.n(yh[k]), Op(" × ("), *s.n(t.dE_dyhat[k]), Op(" - "),
                              *s.n(float(np.dot(t.dE_dyhat, yh))), Op(")")), value, where))
            continue
        if act.identity:  # no factor: the notes write ŷ - y, not (ŷ - y)
            bare = [e[1:-1] if e[0] == Op("(") and e[-1] == Op(")") else e for e in dE]
            out.append(Phase("output delta", dname, bare[0], bare[1], value, where))
            continue
        fp, fpn = s.factor(act, L, k, float(yh[k]), float(t.a[L - 1][k]))
        out.append(Phase("output delta", dname, (*dE[0], Op("·"), *fp),
                         (*dE[1], Op(" × "), *fpn), value, where))
    return out


def _hidden_deltas(s: _Step) -> list[Phase]:
    """δ of each hidden neuron, from the last hidden layer back: Σ w·δ times f'(a)."""
    net, t = s.net, s.t
    out = []
    for l in range(net.n_layers - 1, 0, -1):  # neuron layer l = weight layer l-1's outputs
        for j in range(net.sizes[l]):
            terms, nums, params = [], [], []
            for k in range(net.sizes[l + 1]):
                q = Param(l, j, k)
                terms.append((*s.p(q), Op("·"), s.names[l + 1][k].with_role("delta")))
                nums.append((*s.f(float(net.blocks[l][j + 1, k])), Op(" × "), *s.f(t.deltas[l][k])))
                params.append(q)
            fp, fpn = s.factor(net.acts[l - 1], l, j, float(t.z[l][j]), float(t.a[l - 1][j]))
            f, n = join(terms, " + "), join(nums, " + ")
            if len(terms) > 1:
                f, n = (Op("("), *f, Op(")")), (Op("("), *n, Op(")"))
            if fp != (Op("1"),):
                f, n = (*f, Op("·"), *fp), (*n, Op(" × "), *fpn)
            neurons = ((l, j),) + tuple((l + 1, k) for k in range(net.sizes[l + 1]))
            out.append(Phase("hidden delta", (s.names[l][j].with_role("delta"),), f, n,
                             float(t.deltas[l - 1][j]), neurons, tuple(params)))
    return out


def _gradients_and_updates(s: _Step, lr: float) -> list[Phase]:
    """∂E/∂p = δ·source for every parameter, then p ← p - α·∂E/∂p, in label order."""
    rank = {q: k for k, q in enumerate(s.syms)}  # label order
    order = sorted(s.t.params, key=lambda st: rank[st.param])
    grads, updates = [], []
    for st in order:
        q, sym = st.param, s.syms[st.param]
        delta = (s.names[q.layer + 1][q.target].with_role("delta"),)
        if q.is_bias:
            f, n, neurons = delta, (), ((q.layer + 1, q.target),)
        else:
            f = (*delta, Op("·"), s.names[q.layer][q.source])
            n = (*s.f(st.delta), Op(" × "), *s.f(st.source))
            neurons = ((q.layer + 1, q.target), (q.layer, q.source))
        grads.append(Phase("gradient", (sym.with_role("grad"),), f, n, st.grad, neurons, (q,)))
        if st.frozen:
            updates.append(Phase("update", (sym,), (sym,), (), st.new, params=(q,),
                                 note=QT_TRANSLATE_NOOP("derivation", "frozen: not trained")))
            continue
        updates.append(Phase("update", (sym,),
                             (sym, Op(" - "), Sym("α"), Op("·"), sym.with_role("grad")),
                             (*s.n(st.old), Op(" - "), *s.n(lr), Op(" × "), *s.f(st.grad)),
                             st.new, params=(q,)))
    return grads + updates


def derive(net: Network, x, y, loss: str, lr: float, reduction: str = "sum",
           notation: str | None = None, digits: int = 4, inputs: list | None = None
           ) -> Derivation:
    """The phases of one gradient-descent step on sample (x, y); ``net`` is not changed.
    ``x`` is what the network sees (features of the data point, if any); ``inputs`` names
    the input neurons when they are features (tokens such as ``Feature.sym()``: x₁x₂)."""
    t = trace_step(net, x, y, loss, lr, reduction, notation)
    s = _Step(net, t, notation or net.notation, digits)
    if inputs is not None:
        s.names = [list(inputs), *s.names[1:]]
    lossf = get_loss(loss)
    error, slots = _error(s, lossf)
    phases = (_forward(s) + [error] + _output_deltas(s, lossf, slots) + _hidden_deltas(s)
              + _gradients_and_updates(s, lr))
    for ph in phases:  # made here, shared with no one: set in place (dataclasses.replace
        object.__setattr__(ph, "digits", digits)  # of a 6x8 net's 934 phases took 4 ms)
    return Derivation(phases, t, loss, lr, s.syms, digits)


TITLES = {"forward": QT_TRANSLATE_NOOP("derivation", "Forward pass"),
          "error": QT_TRANSLATE_NOOP("derivation", "The error"),
          "output delta": QT_TRANSLATE_NOOP("derivation", "Output deltas"),
          "hidden delta": QT_TRANSLATE_NOOP("derivation", "Hidden deltas"),
          "gradient": QT_TRANSLATE_NOOP("derivation", "Gradients"),
          "update": QT_TRANSLATE_NOOP("derivation", "Updates")}


def one_line(text: str) -> str:
    """Text from a file on one line: control characters (newlines, tabs, ...) become spaces."""
    return "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text).strip()


def _markdown_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]#|~])", r"\\\1", html.escape(text, quote=False))


def markdown_text(text: str) -> str:
    """``text`` as literal inline Markdown on one line: HTML-escaped (``<script>``, ``&``)
    and every character with an inline meaning (emphasis, code, links, headings'
    closing ``#``, tables, strikethrough) backslash-escaped."""
    return _markdown_escape(one_line(text))


def _fill(template: str, escape: Callable[[str], str], *values: str) -> str:
    """A translated sentence on one line with its words escaped for the handout's language
    and its {0}, {1}, ... replaced by ``values`` (already markup)."""
    words = re.split(r"(\{\d\})", one_line(template))
    return "".join(w if re.fullmatch(r"\{\d\}", w) else escape(w) for w in words).format(*values)


_TEX_UNICODE = {"→": r"$\to$", "←": r"$\leftarrow$", "∂": r"$\partial$", "·": r"$\cdot$",
                "×": r"$\times$", "÷": r"$\div$", "−": "-", "²": r"$^2$", "½": r"$\tfrac12$",
                "…": r"\dots{}", "–": "--", "—": "---", "„": ",,", "“": "``", "”": "''",
                "‘": "`", "’": "'", "°": r"$^\circ$", "\u00a0": "~"}


def _tex_char(c: str) -> str:
    """One character as pdflatex (T1 fonts, UTF-8) typesets it in text: ASCII and the
    Latin letters of Latin-1 and Latin Extended-A (Czech: ř, ů, ě) as they are, Greek
    letters and a few symbols in math, anything else '?' (a character LaTeX has no glyph
    for stops the document from compiling)."""
    if c in _TEX_UNICODE:
        return _TEX_UNICODE[c]
    if ord(c) < 0x80 or 0xC0 <= ord(c) <= 0x17F:
        return c
    name = unicodedata.name(c, "").split()
    if name[:2] == ["GREEK", "SMALL"] or name[:2] == ["GREEK", "CAPITAL"]:
        letter = {"lamda": "lambda", "omicron": "o"}.get(name[-1].lower(), name[-1].lower())
        if len(name) != 4 or letter not in _GREEK:
            return "?"
        if name[1] == "CAPITAL":
            return f"$\\{letter.capitalize()}$" if letter in _GREEK_CAPITALS else "?"
        return "o" if letter == "o" else f"$\\{letter}$"
    return "?"


_GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
          "lambda", "mu", "nu", "xi", "o", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi",
          "psi", "omega"}
_GREEK_CAPITALS = {"gamma", "delta", "theta", "lambda", "xi", "pi", "sigma", "upsilon", "phi",
                   "psi", "omega"}  # the others look like Latin capitals: LaTeX has no macro


def latex_text(text: str) -> str:
    """``text`` as literal LaTeX text on one line: every special character escaped, so a
    name cannot open a command (``\\input``, ``\\write18``), a group or a comment, and
    every character pdflatex could not typeset replaced (see ``_tex_char``)."""
    return "".join(_tex_char(c) for c in latex_escape(one_line(text)))


def english(context: str, text: str) -> str:
    """The identity translation: handouts in English."""
    return text


_SAMPLE = QT_TRANSLATE_NOOP("derivation", "Sample {0}, target {1}, learning rate {2}, loss {3}.")
_TABLE = (QT_TRANSLATE_NOOP("derivation", "Old → new"), QT_TRANSLATE_NOOP("derivation", "parameter"),
          QT_TRANSLATE_NOOP("derivation", "old"), QT_TRANSLATE_NOOP("derivation", "new"),
          QT_TRANSLATE_NOOP("derivation", "(frozen)"))


def to_markdown(dv: Derivation, title: str = "One training step",
                translate: Translate = english) -> str:
    """The derivation as a Markdown handout (sections per kind, then the old -> new table),
    its words in the language ``translate`` gives. ``title`` may come from a file: it is
    escaped for Markdown and HTML."""
    t, d = dv.trace, dv.digits
    def words(text) -> str:  # a translation is text, not Markdown
        return markdown_text(translated(text, translate))

    old_new, parameter, old, new, frozen_ = (words(w) for w in _TABLE)
    sample = _fill(translated(_SAMPLE, translate), _markdown_escape,
                   f"x = ({', '.join(num(v, d) for v in t.x)})",
                   f"y = ({', '.join(num(v, d) for v in t.y)})", f"α = {num(dv.lr, d)}",
                   f"`{dv.loss}`")
    lines = [f"# {markdown_text(title)}", "", sample, ""]
    kind = None
    for ph in dv.phases:
        if ph.kind != kind:
            kind = ph.kind
            lines += ["", f"## {words(TITLES[kind])}", ""]
        note = f"  ({words(ph.note)})" if ph.note else ""
        lines.append(f"- {ph.render()}{note}")
    lines += ["", f"## {old_new}", "", f"| {parameter} | {old} | ∂E/∂p | {new} |",
              "|---|---|---|---|"]
    for label, o, grad, n, frozen in dv.table():
        lines.append(f"| {label} | {num(o, d)} | {num(grad, d)} | {num(n, d)}"
                     f"{' ' + frozen_ if frozen else ''} |")
    return "\n".join(lines) + "\n"


def to_latex(dv: Derivation, title: str = "One training step",
             translate: Translate = english) -> str:
    """The derivation as LaTeX: one align* environment per kind, then the table, its words
    in the language ``translate`` gives. ``title`` may come from a file: it is escaped for
    LaTeX, and so is every translated word."""
    t, d = dv.trace, dv.digits
    title = latex_text(title)
    old_new, parameter, old, new, frozen_ = (latex_text(translated(w, translate)).replace(
        "→", "$\\to$") for w in _TABLE)
    sample = _fill(translated(_SAMPLE, translate), latex_escape,
        f"$x = ({', '.join(num(v, d) for v in t.x)})$",
        f"$y = ({', '.join(num(v, d) for v in t.y)})$", f"$\\alpha = {num(dv.lr, d)}$",
        f"\\texttt{{{latex_text(dv.loss)}}}")
    lines = [f"% {title}", f"\\section*{{{title}}}", sample, ""]
    kinds = [k for k in PHASES if any(p.kind == k for p in dv.phases)]
    for kind in kinds:
        lines += [f"\\subsection*{{{latex_text(translated(TITLES[kind], translate))}}}",
                  "\\begin{align*}"]
        rows = []
        for ph in (p for p in dv.phases if p.kind == kind):
            rel = r"\leftarrow " if ph.relation == "←" else "= "
            note = (f" && \\text{{{latex_text(translated(ph.note, translate))}}}" if ph.note
                    else "")
            rows.append(f"  {render(ph.symbol, 'latex')} &{rel}{render(ph.rhs(), 'latex')}{note}")
        lines.append(" \\\\\n".join(rows))
        lines += ["\\end{align*}", ""]
    lines += [f"\\subsection*{{{old_new}}}", "\\begin{tabular}{lrrr}",
              f"{parameter} & {old} & $\\partial E/\\partial p$ & {new} \\\\ \\hline"]
    syms = {s.plain(): s for s in dv.symbols.values()}
    for label, o, grad, n, frozen in dv.table():
        lines.append(f"${syms[label].latex()}$ & {num(o, d)} & {num(grad, d)} & {num(n, d)}"
                     f"{' ' + frozen_ if frozen else ''} \\\\")
    lines += ["\\end{tabular}", ""]
    return "\n".join(lines)
