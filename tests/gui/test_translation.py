"""Every word on screen goes through Qt's translation: extract the strings with
pyside6-lupdate as the README says, translate a few, compile with pyside6-lrelease, install
the translator, and the window, its views and the engine's refusals show the translation."""

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

ROOT = Path(__file__).resolve().parents[2]
TOOLS = [shutil.which(t) for t in ("pyside6-lupdate", "pyside6-lrelease")]
pytestmark = pytest.mark.skipif(not all(TOOLS), reason="PySide6's lupdate/lrelease are not installed")

PSEUDO = {  # (context, English) -> the "translation" the test installs
    ("main_window", "&File"): "&Soubor",
    ("main_window", "Step &sample"): "Krok: &vzorek",
    ("registry", "Loss"): "Ztráta",
    ("training", "full batch"): "celá dávka",
    ("settings", "learning rate must be positive; got {0:g}"):
        "rychlost učení musí být kladná; zadáno {0:g}",
    ("DataPanel", "%n training sample(s)"): "%n trénovacích vzorků",
}


def sources() -> list[str]:
    out = subprocess.run(["git", "ls-files", "core/*.py", "gui/*.py", "main.py"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.split()
    return [str(ROOT / p) for p in out]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    """The .ts file pyside6-lupdate writes from the source tree (the README's command)."""
    ts = tmp_path_factory.mktemp("ts") / "backprop_studio.ts"
    subprocess.run([TOOLS[0], *sources(), "-ts", str(ts)], check=True, capture_output=True)
    return ts


def test_lupdate_extracts_interface_and_engine_strings(extracted):
    text = extracted.read_text(encoding="utf-8")
    for context, source in PSEUDO:
        assert f"<name>{context}</name>" in text
        assert f"<source>{escape(source)}</source>" in text, source
    assert "<source>Forward pass</source>" in text  # the derivation's phase titles
    assert text.count("<source>") > 400


@pytest.fixture
def pseudo_czech(extracted, tmp_path, qapp):
    """A .qm with PSEUDO's translations, installed for one test."""
    text = extracted.read_text(encoding="utf-8")
    for (context, source), target in PSEUDO.items():
        head = text.index(f"<name>{context}</name>")
        at = text.index(f"<source>{escape(source)}</source>", head)
        start = text.index('<translation type="unfinished">', at)
        end = text.index("</translation>", start) + len("</translation>")
        if "%n" in source:
            body = f"<translation><numerusform>{escape(target)}</numerusform></translation>"
        else:
            body = f"<translation>{escape(target)}</translation>"
        text = text[:start] + body + text[end:]
    ts = tmp_path / "cs.ts"
    ts.write_text(text, encoding="utf-8")
    qm = tmp_path / "cs.qm"
    subprocess.run([TOOLS[1], str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_the_window_shows_the_installed_translation(pseudo_czech, open_window, qtbot):
    win = open_window()
    menus = [a.text() for a in win.menuBar().actions()]
    assert "&Soubor" in menus and "&File" not in menus
    assert win.step_sample_action.text() == "Krok: &vzorek"
    assert win.docks["loss"].windowTitle() == "Ztráta"  # a registry title
    assert win.training.batch.findText("celá dávka") >= 0  # a combo's text; its data stays
    assert win.training.batch.itemData(win.training.batch.findText("celá dávka")) == "full"
    assert "200 trénovacích vzorků" in win.data_panel.summary.text()  # a plural
    lr = win.training.lr
    lr.setFocus()
    lr.selectAll()
    qtbot.keyClicks(lr, "-1")
    qtbot.keyClick(lr, Qt.Key_Return)
    assert win.last_message == "rychlost učení musí být kladná; zadáno -1"  # an engine error
    assert win.doc.settings["lr"] > 0


def test_without_a_translation_the_window_is_english(open_window):
    win = open_window()
    assert "&File" in [a.text() for a in win.menuBar().actions()]
    assert win.docks["loss"].windowTitle() == "Loss"
    summary = win.data_panel.summary.text()
    assert "200 training samples" in summary and "1 target column" in summary  # English plurals


def test_every_translate_call_names_its_text_literally():
    """pyside6-lupdate extracts ``translate("context", "text")`` only where the text is a
    literal: the About box passed its words through a helper, lupdate never saw them, and
    the box stayed English in the Czech window while every test of the translation passed.
    A text given as a variable must be one lupdate saw elsewhere (listed here, with why)."""
    import ast

    seen_elsewhere = {  # (file, the argument's source): where lupdate finds the text
        ("gui/panels/gradcheck.py", 's["reduction"]'): "'mean'/'sum', literal in gui/panels/training.py",
        ("gui/panels/lecture.py", "NOTATION_TEXT[name]"): "QT_TRANSLATE_NOOP in NOTATION_TEXT",
        ("gui/i18n.py", "text"): "the wrapper itself",
        ("core/text.py", "self.template"): "a Text: QT_TRANSLATE_NOOP marked it where it was written",
        ("gui/panels/predict.py", "t.template"): "a Text: QT_TRANSLATE_NOOP in core/predict.py",
    }
    found = []
    for path in sources():
        tree = ast.parse(Path(path).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None))
                    == "translate" and len(node.args) >= 2):
                text = node.args[1]
                if isinstance(text, ast.Constant) and isinstance(text.value, str):
                    continue
                key = (str(Path(path).relative_to(ROOT)), ast.get_source_segment(
                    Path(path).read_text(encoding="utf-8"), text))
                if key not in seen_elsewhere:
                    found.append(key)
    assert not found, found


def test_every_literal_translate_call_is_one_lupdate_extracts(extracted):
    """A literal text lupdate does not see stays English: the Compare window's "diverged:
    stopped" was a ``translate`` call inside an f-string, which lupdate reads as one string
    (the thirteenth walk through the Czech window did not diverge a compared run)."""
    import ast

    ts = ET.parse(extracted).getroot()
    known = {(c.findtext("name"), m.findtext("source")) for c in ts.findall("context")
             for m in c.findall("message")}
    missing, calls = [], 0
    for path in sources():
        for node in ast.walk(ast.parse(Path(path).read_text(encoding="utf-8"))):
            name = getattr(node, "func", None)
            name = getattr(name, "id", getattr(name, "attr", None))
            if (isinstance(node, ast.Call) and name in ("translate", "QT_TRANSLATE_NOOP")
                    and len(node.args) >= 2
                    and all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                            for a in node.args[:2])):
                calls += 1
                if (node.args[0].value, node.args[1].value) not in known:
                    missing.append((Path(path).name, node.lineno, node.args[1].value))
    assert calls > 400 and not missing, missing


def test_a_translation_compiled_at_start_replaces_the_file_a_window_has_open(tmp_path, monkeypatch):
    """In a source checkout whose .ts is newer than its .qm, each start compiles the .ts
    into the data folder. A running window maps that .qm into memory: it is compiled beside
    and renamed over, never rewritten in place (a .qm rewritten under a window turned its
    texts English mid-lesson), and the window's translator keeps translating."""
    from gui import i18n

    source = tmp_path / "i18n"
    source.mkdir()
    shutil.copy(ROOT / "resources" / "i18n" / "backprop_studio_cs.ts", source)
    monkeypatch.setattr(i18n, "I18N", source)
    first = i18n.compiled("cs")
    assert first is not None and first.parent != source and first.stat().st_size > 0
    running = QTranslator()
    assert running.load(str(first))
    inode = first.stat().st_ino
    ts = source / "backprop_studio_cs.ts"
    ts.touch()
    later = first.stat().st_mtime + 5
    os.utime(ts, (later, later))  # the .ts edited since: compiled again
    again = i18n.compiled("cs")
    assert again == first and again.stat().st_ino != inode  # a new file, renamed over the old
    assert running.translate("main_window", "&File") == "&Soubor"
    assert not list(first.parent.glob("*.part.qm"))  # no half-written file left
