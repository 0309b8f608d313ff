"""Handouts: a LaTeX document that compiles as it is and an HTML page (the PDF's source),
with every number the engine's and every string from a file escaped."""

import shutil
import subprocess

import pytest

from core.derivation import derive, to_latex
from core.formula import num
from core.handout import LATEX_PREAMBLE, handout, to_html, to_latex_document
from resources import load_lesson


def mazur_step(digits: int = 4):
    p = load_lesson("mazur")
    s = p.training
    return derive(p.net, p.X[0], p.Y[0], s["loss"], s["lr"], s["reduction"], digits=digits)


HOSTILE = "Kůň \\input{/etc/passwd} $x$ 50% <script>alert(1)</script> 漢 δ"


def test_the_latex_document_is_the_sections_in_a_preamble_that_breaks_long_derivations():
    dv = mazur_step()
    doc = to_latex_document(dv, "Mazur")
    assert doc.startswith(LATEX_PREAMBLE) and "\\allowdisplaybreaks" in LATEX_PREAMBLE
    body = doc[len(LATEX_PREAMBLE):]
    assert body.count("\\begin{document}") == 1 and body.rstrip().endswith("\\end{document}")
    assert to_latex(dv, "Mazur") in body  # the sections, unchanged
    assert handout(dv, "Mazur", "tex") == doc and handout(dv, "Mazur", "fragment") == to_latex(dv, "Mazur")
    with pytest.raises(ValueError, match="unknown handout kind 'docx'"):
        handout(dv, "Mazur", "docx")


def test_a_hostile_title_is_text_in_latex_and_in_html():
    dv = mazur_step()
    doc = to_latex_document(dv, HOSTILE)
    assert "\\input{" not in doc and "\\textbackslash{}input\\{/etc/passwd\\}" in doc
    assert "\\$x\\$ 50\\%" in doc and "Kůň" in doc and "$\\delta$" in doc
    assert "漢" not in doc  # no glyph in pdflatex's fonts: a '?' instead of a failed compile
    page = to_html(dv, HOSTILE)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_html_page_has_every_phase_and_the_old_new_table():
    dv = mazur_step(digits=6)
    page = to_html(dv, "Mazur")
    for ph in dv.phases:
        assert ph.render("html") in page
    by_label = {s.plain(): s for s in dv.symbols.values()}
    for label, old, grad, new, _ in dv.table():
        row = page[page.index(f"<td>{by_label[label].html()}</td>"):]
        row = row[:row.index("</tr>")]
        assert [num(v, 6) for v in (old, grad, new)] == [c.split(">")[1].split("<")[0].split(" ")[0]
                                                         for c in row.split("<td")[2:]]
    page = to_html(mazur_step(), "Mazur")  # the reference: new w5 = 0.35891648, new w1 = 0.149780716
    assert "<td class=\"n\">0.3589</td>" in page and "<td class=\"n\">0.1498</td>" in page


@pytest.mark.skipif(shutil.which("pdflatex") is None,
                    reason="pdflatex is not installed (apt-get install texlive-latex-recommended)")
def test_pdflatex_compiles_the_document_as_it_is(tmp_path):
    from bench.gui import project_for

    p = project_for([2, 8, 8, 8, 1], "tanh", "spiral", 50)  # a step five pages long
    s = p.training
    dv = derive(p.net, p.X[0], p.Y[0], s["loss"], s["lr"], s["reduction"])
    for name, dv_ in (("big", dv), ("mazur", mazur_step())):
        (tmp_path / f"{name}.tex").write_text(to_latex_document(dv_, HOSTILE), encoding="utf-8")
        r = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", f"{name}.tex"],
                           cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stdout[-2000:]
        assert (tmp_path / f"{name}.pdf").stat().st_size > 10_000
    log = (tmp_path / "big.log").read_text(errors="replace")
    pages = int(log.split("Output written on big.pdf (")[1].split(" page")[0])
    assert pages >= 3  # the long derivation broke across pages instead of running off one
