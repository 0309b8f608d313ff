"""Handouts from the File menu and the command line: the step as a LaTeX document, as LaTeX
sections and as a PDF that Qt lays out (no TeX needed); an unwritable path is a message."""

import subprocess
import sys
from pathlib import Path

from core.handout import LATEX_PREAMBLE
from tests.gui.test_building import trigger

ROOT = Path(__file__).resolve().parent.parent.parent
GOLDEN = ROOT / "tests" / "golden"


def pdf_pages(path: Path) -> int:
    """The number of pages of a PDF Qt wrote (its page objects)."""
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    return data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type /Page/")


def choose(monkeypatch, path: Path) -> None:
    """The save dialog answers ``path``."""
    monkeypatch.setattr("gui.files.ask_file", lambda *a, **k: (str(path), ""))


def test_the_file_menu_writes_the_step_as_a_latex_document_sections_and_a_pdf(
        open_window, qtbot, tmp_path, monkeypatch):
    win = open_window("mazur")
    menu = win.menuBar().actions()[0].menu()
    choose(monkeypatch, tmp_path / "step.tex")
    trigger(menu, "Export s&tep", "As a La&TeX document…")
    doc = (tmp_path / "step.tex").read_text()
    golden = (GOLDEN / "mazur.tex").read_text()
    assert doc.startswith(LATEX_PREAMBLE) and golden in doc and doc.endswith("\\end{document}\n")
    choose(monkeypatch, tmp_path / "sections.tex")
    trigger(menu, "Export s&tep", "As LaTeX se&ctions…")
    assert (tmp_path / "sections.tex").read_text() == golden
    choose(monkeypatch, tmp_path / "step.pdf")
    trigger(menu, "Export s&tep", "As a &PDF handout…")
    assert pdf_pages(tmp_path / "step.pdf") == 2  # Mazur's step fills a page and a bit
    assert b"Backprop Studio" in (tmp_path / "step.pdf").read_bytes()  # the creator
    assert win.last_message == f"Exported the step to {tmp_path / 'step.pdf'}"


def test_an_unwritable_pdf_path_is_a_message_and_writes_nothing(open_window, tmp_path, monkeypatch):
    win = open_window("mazur")
    target = tmp_path / "missing" / "step.pdf"
    choose(monkeypatch, target)
    trigger(win.menuBar().actions()[0].menu(), "Export s&tep", "As a &PDF handout…")
    assert win.message_bar.isVisible() and win.last_message.startswith("Could not export:")
    assert "No such file or directory" in win.last_message and not target.exists()


def test_the_command_line_writes_a_pdf_and_refuses_an_unwritable_path(tmp_path):
    out = tmp_path / "step.pdf"
    r = subprocess.run([sys.executable, "main.py", "--lesson", "hand_note", "--export-trace", str(out)],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0 and r.stderr == "", r.stderr
    assert pdf_pages(out) >= 1
    r = subprocess.run([sys.executable, "main.py", "--lesson", "hand_note", "--export-trace",
                        str(tmp_path / "no" / "step.pdf")], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "cannot write" in r.stderr


def test_the_window_refuses_a_pdf_too_big_to_lay_out_without_freezing(open_window, tmp_path,
                                                                     monkeypatch):
    """Qt lays a PDF out on the window's thread: the 17,735 phases of a 2-64-64-64-1 net's
    step held the window 27 s. Beyond WINDOW_PDF_PHASES the window refuses, naming the
    count and the ways that work (Markdown, LaTeX, the command line); nothing is written."""
    import gui.main_window

    monkeypatch.setattr(gui.main_window, "WINDOW_PDF_PHASES", 20)
    win = open_window("xor")  # 28 phases
    assert not win.export_trace("pdf", str(tmp_path / "step.pdf"))
    assert "This step has 28 phases" in win.last_message and "--export-trace" in win.last_message
    assert not (tmp_path / "step.pdf").exists()
    assert win.export_trace("md", str(tmp_path / "step.md")) and (tmp_path / "step.md").exists()
    monkeypatch.setattr(gui.main_window, "WINDOW_PDF_PHASES", 28)
    assert win.export_trace("pdf", str(tmp_path / "step.pdf")) and (tmp_path / "step.pdf").exists()
