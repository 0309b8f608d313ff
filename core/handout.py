"""A training step as a handout a lecturer can print: a complete LaTeX document that
compiles as it is, and an HTML page (Qt writes it as a PDF: ``gui.files.write_pdf``).

``to_latex_document(dv, title)`` wraps ``core.derivation.to_latex`` in a preamble
(amsmath, UTF-8 with T1 fonts for Czech, A4 with 2 cm margins; only packages
of a basic TeX installation) and allows the
align* environments of a long derivation (a 32-32 net's step is pages long) to
break across pages. ``to_html(dv, title)`` writes the same sections as HTML:
each phase a paragraph, the old -> new table a table. Every string that may come
from a file (the title, the loss name) is escaped for the language it goes into.
"""

from __future__ import annotations

import html

from core.derivation import (
    _SAMPLE,
    _TABLE,
    PHASES,
    TITLES,
    Derivation,
    _fill,
    english,
    one_line,
    to_latex,
    to_markdown,
)
from core.formula import num
from core.text import QT_TRANSLATE_NOOP, Translate, translated

LATEX_PREAMBLE = r"""\documentclass[a4paper,11pt]{article}
\usepackage[utf8]{inputenc}
\usepackage[T1]{fontenc}
\IfFileExists{lmodern.sty}{\usepackage{lmodern}}{} % scalable fonts where installed
\usepackage{amsmath,amssymb}
\usepackage[margin=2cm]{geometry}
\allowdisplaybreaks % a long derivation breaks across pages
\setlength{\parindent}{0pt}
\pagestyle{plain}
"""


def step_title(name: str, sample: int, step: int, translate: Translate = english) -> str:
    """A handout's title: the project's ``name`` (already in the handout's language), the
    1-based ``sample`` and ``step``, its words in the language ``translate`` gives."""
    return translated(QT_TRANSLATE_NOOP("handout", "{0}: sample {1}, step {2}")
                      .format(name, sample, step), translate)


def to_latex_document(dv: Derivation, title: str = "One training step",
                      translate: Translate = english) -> str:
    """``to_latex(dv, title)`` as a complete document: pdflatex compiles it unchanged."""
    body = to_latex(dv, title, translate)
    return (LATEX_PREAMBLE + "\\begin{document}\n% --- the step (core.derivation.to_latex) ---\n"
            + body + "% --- end of the step ---\n\\end{document}\n")


def _text(text: str) -> str:
    """Text from a file or a translation as literal HTML on one line."""
    return html.escape(one_line(text), quote=False)


HTML_STYLE = """
body { font-family: sans-serif; font-size: 11pt; }
h1 { font-size: 16pt; }
h2 { font-size: 13pt; margin-top: 14px; }
p.phase { margin: 3px 0 3px 12px; }
span.note { color: #555555; }
table { border-collapse: collapse; }
td, th { padding: 2px 10px; }
td.n { text-align: right; }
"""


def to_html(dv: Derivation, title: str = "One training step",
            translate: Translate = english) -> str:
    """The derivation as a complete HTML page: the sample line, a section per kind of
    phase (each phase 'symbol = formula = numbers = value' with its note), then the old
    -> new table. Escaped for HTML: a title or loss name from a file is text, never markup."""
    t, d = dv.trace, dv.digits

    def words(text) -> str:  # a translation is text, not markup
        return _text(translated(text, translate))

    old_new, parameter, old, new, frozen_ = (words(w) for w in _TABLE)
    sample = _fill(translated(_SAMPLE, translate), lambda s: html.escape(s, quote=False),
                   f"<i>x</i> = ({', '.join(num(v, d) for v in t.x)})",
                   f"<i>y</i> = ({', '.join(num(v, d) for v in t.y)})", f"α = {num(dv.lr, d)}",
                   f"<code>{_text(dv.loss)}</code>")
    out = [f"<h1>{_text(title)}</h1>", f"<p>{sample}</p>"]
    for kind in (k for k in PHASES if any(p.kind == k for p in dv.phases)):
        out.append(f"<h2>{words(TITLES[kind])}</h2>")
        for ph in (p for p in dv.phases if p.kind == kind):
            note = f' <span class="note">({words(ph.note)})</span>' if ph.note else ""
            out.append(f'<p class="phase">{ph.render("html")}{note}</p>')
    out += [f"<h2>{old_new}</h2>", '<table border="1" cellspacing="0">',
            f"<tr><th>{parameter}</th><th>{old}</th><th>∂E/∂p</th><th>{new}</th></tr>"]
    syms = {s.plain(): s for s in dv.symbols.values()}
    for label, o, grad, n, frozen in dv.table():
        mark = f" {frozen_}" if frozen else ""
        out.append(f'<tr><td>{syms[label].html()}</td><td class="n">{num(o, d)}</td>'
                   f'<td class="n">{num(grad, d)}</td><td class="n">{num(n, d)}{mark}</td></tr>')
    out.append("</table>")
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            f"<title>{_text(title)}</title><style>{HTML_STYLE}</style></head>\n<body>\n"
            + "\n".join(out) + "\n</body></html>\n")


KINDS = ("md", "tex", "fragment", "html")


def handout(dv: Derivation, title: str, kind: str, translate: Translate = english) -> str:
    """The step as Markdown ('md'), a complete LaTeX document ('tex'), the LaTeX sections
    alone to paste into one's own notes ('fragment') or an HTML page ('html')."""
    makers = {"md": to_markdown, "tex": to_latex_document, "fragment": to_latex, "html": to_html}
    if kind not in makers:
        raise ValueError(QT_TRANSLATE_NOOP("handout", "unknown handout kind {0!r}; known: {1}")
                         .format(kind, ", ".join(KINDS)))
    return makers[kind](dv, title, translate)
