"""Czech and English: --language and View → Language choose, the Czech translation covers
the contexts translated so far (a string missing there fails this test), the handout comes
out in Czech, and an unknown language or a damaged translation starts in English, saying so."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from gui import i18n, storage
from tests.gui.test_building import trigger

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "backprop_studio_cs.ts"
DONE = ("main_window", "registry", "lecture", "derivation", "training", "views", "inspector", "data",
        "DataPanel", "explore")  # the contexts translated so far
LUPDATE = shutil.which("pyside6-lupdate")


def messages(path: Path) -> dict:
    """(context, source) -> translation ('' when unfinished) of a .ts file."""
    out = {}
    for ctx in ET.parse(path).getroot().findall("context"):
        for m in ctx.findall("message"):
            t = m.find("translation")
            unfinished = t is None or t.get("type") == "unfinished"
            text = "" if unfinished else (t.text or "".join(n.text or "" for n in t.findall("numerusform")))
            out[(ctx.findtext("name"), m.findtext("source"))] = text
    return out


@pytest.mark.skipif(LUPDATE is None, reason="PySide6's lupdate is not installed")
def test_every_string_of_the_translated_contexts_has_a_czech_translation(tmp_path):
    sources = subprocess.run(["git", "ls-files", "core/*.py", "gui/*.py", "main.py"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
    fresh = tmp_path / "now.ts"
    subprocess.run([LUPDATE, *[str(ROOT / s) for s in sources], "-ts", str(fresh)], check=True,
                   capture_output=True)
    czech = messages(TS)
    wanted = [k for k in messages(fresh) if k[0] in DONE]
    assert len(wanted) > 300
    missing = [k for k in wanted if not czech.get(k)]
    assert not missing, f"{len(missing)} strings without a Czech translation, e.g. {missing[:3]}"
    for key in wanted:  # the same {placeholders}: a translation cannot drop or invent a value
        assert sorted(re.findall(r"\{[^}]*\}", key[1])) == sorted(re.findall(r"\{[^}]*\}", czech[key])), key


def test_the_handout_in_czech_and_an_unknown_language_in_english(tmp_path):
    out = tmp_path / "krok.md"
    r = subprocess.run([sys.executable, "main.py", "--lesson", "hand_note", "--export-trace", str(out),
                        "--language", "cs"], cwd=ROOT, capture_output=True, text=True,
                       env={**__import__("os").environ, "BACKPROP_STUDIO_HOME": str(tmp_path / "home")})
    assert r.returncode == 0 and r.stderr == "", r.stderr
    text = out.read_text()
    assert "## Dopředný průchod" in text and "Vzorek x = (2, 3), cíl y = (1)" in text
    assert "h1 = x1·w1 + x2·w3 = 2 × 0.11 + 3 × 0.21 = 0.85" in text  # the numbers are the same
    r = subprocess.run([sys.executable, "main.py", "--lesson", "hand_note", "--export-trace", str(out),
                        "--language", "klingon"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0 and "## Forward pass" in out.read_text()
    assert r.stderr.splitlines() == ["backprop-studio: unknown language 'klingon' (known: en, cs); "
                                     "starting in English"]


def test_a_damaged_translation_starts_in_english_with_one_line(tmp_path, monkeypatch):
    (tmp_path / "backprop_studio_cs.qm").write_bytes(b"not a translation")
    monkeypatch.setattr(i18n, "I18N", tmp_path)
    lang, problem = i18n.install_language(QCoreApplication.instance(), "cs")
    assert lang == "en" and "missing or damaged" in problem and "\n" not in problem


def test_the_window_in_czech_and_view_language_remembers_the_choice(open_window, qtbot, tmp_path,
                                                                      monkeypatch):
    app = QCoreApplication.instance()
    before = set(app.findChildren(QTranslator))
    lang, problem = i18n.install_language(app, "cs")
    assert (lang, problem) == ("cs", None)
    installed = [t for t in app.findChildren(QTranslator) if t not in before]
    try:
        win = open_window()
        titles = [a.text() for a in win.menuBar().actions()]
        assert titles[:3] == ["&Soubor", "Úp&ravy", "&Trénování"]
        assert win.docks["loss"].windowTitle() == "Ztráta"
        assert win.play_action.text() == "Spustit"
    finally:
        for t in installed:
            app.removeTranslator(t)
            t.deleteLater()
    win = open_window()
    view = next(a.menu() for a in win.menuBar().actions() if a.text() == "&View")
    trigger(view, "&Language", "Čeština")
    assert storage.settings().value("language") == "cs"
    assert win.last_message == "The language changes when Backprop Studio starts again"
    trigger(view, "&Language", "English")
