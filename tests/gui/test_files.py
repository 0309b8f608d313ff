"""Projects and data through the window: save/open, unsaved prompts, autosave and
recovery, CSV import, points on the map, exports, undo/redo over mixed edits."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from core.notation import Param
from core.project import load
from gui.registry import EXPORTABLE
from resources import load_lesson
from tests.gui.conftest import note_shown, refusal_shown

ROOT = Path(__file__).resolve().parent.parent.parent


def answer_paths(win, *paths):
    queue = list(paths)
    win.files.ask_path = lambda *a, **k: str(queue.pop(0))


def test_save_then_open_restores_everything(open_window, qtbot, tmp_path):
    win = open_window()
    doc = win.doc
    doc.set_param("w1", "0.75")
    doc.set_frozen(doc.net.resolve("w2"), True)
    doc.set_setting("lr", "0.3")
    doc.train_epochs(300)
    assert win.isWindowModified()
    answer_paths(win, tmp_path / "run.json")
    qtbot.keyClick(win, Qt.Key_S, Qt.ControlModifier)
    assert (tmp_path / "run.json").exists() and not win.isWindowModified()
    saved = doc.net.params.copy(), doc.trainer.epoch, list(doc.trainer.history.losses)
    doc.train_epochs(100)
    win.files.ask_unsaved = lambda: "discard"
    answer_paths(win, tmp_path / "run.json")
    qtbot.keyClick(win, Qt.Key_O, Qt.ControlModifier)
    assert np.array_equal(doc.net.params, saved[0]) and doc.trainer.epoch == saved[1]
    assert doc.trainer.history.losses == saved[2]
    assert doc.net.is_frozen(doc.net.resolve("w2")) and doc.settings["lr"] == 0.3
    assert "run.json" in win.windowTitle()
    assert [a.text() for a in win.files.recent_menu.actions()] == ["&1 run.json", "", "&Clear the list"]
    win.doc.reset()  # Reset still goes to the very first weights after reopening
    assert np.array_equal(doc.net.params, load_lesson("xor").net.params)


def test_unsaved_changes_prompt_before_new_open_and_close(open_window, qtbot, tmp_path):
    win = open_window()
    win.doc.step_epoch()
    asked = []
    win.files.ask_unsaved = lambda: asked.append(1) or "cancel"
    epoch = win.doc.trainer.epoch
    win.files.new_project()
    assert asked and win.doc.trainer.epoch == epoch  # cancelled: nothing changed
    assert not win.close() and win.isVisible()
    win.files.ask_unsaved = lambda: "discard"
    win.files.new_project()
    assert win.doc.trainer.epoch == 0 and win.doc.project.name == "Untitled"


def test_save_as_and_exports_offer_safe_names_beside_the_open_file(open_window, qtbot,
                                                                          tmp_path):
    """A crafted name ('../../x', a drive, a control character) must not steer the Save
    dialog to another folder; Save As starts where the open file is."""
    win = open_window()
    offered = []

    def ask(save, title, filt, default=""):
        offered.append(default)
        return ""  # cancelled

    win.files.ask_path = ask
    for name, want in [("../../etc/passwd", "etc passwd.json"), ("C:\\x\ty.json", "C x y.json"),
                       ("...", "project.json"), ("Mazur's net", "Mazur's net.json"),
                       ("nul", "nul project.json"), ("COM1.x", "COM1.x project.json")]:
        win.doc.project.name = name
        qtbot.keyClick(win, Qt.Key_S, Qt.ControlModifier | Qt.ShiftModifier)
        assert offered[-1] == want
    answer_paths(win, tmp_path / "course" / "run.json")
    (tmp_path / "course").mkdir()
    assert win.files.save_project(ask=True)
    win.files.ask_path = ask
    win.doc.project.name = "XOR, second try"
    qtbot.keyClick(win, Qt.Key_S, Qt.ControlModifier | Qt.ShiftModifier)
    assert Path(offered[-1]) == tmp_path / "course" / "XOR, second try.json"
    course = tmp_path / "course"  # the exports start there too
    assert not win.files.export_csv() and Path(offered[-1]) == course / "data.csv"
    assert not win.files.export_network("torch") and Path(offered[-1]) == course / "network.py"
    assert not win.files.export_view("loss") and Path(offered[-1]) == course / "loss.png"
    assert not win.export_trace("md") and Path(offered[-1]) == course / "step.md"


def test_open_recent_numbers_files_and_tells_same_names_apart(open_window, qtbot, tmp_path):
    """'R&D.json' is shown with its '&' (not as an accelerator on D); two files called
    run.json are told apart by their folders, and each item's tooltip is its full path."""
    win = open_window()
    paths = [tmp_path / "monday" / "run.json", tmp_path / "tuesday" / "run.json",
             tmp_path / "R&D.json"]
    for p in paths:
        p.parent.mkdir(exist_ok=True)
        assert win.files.save_project(path=str(p))
    items = win.files.recent_menu.actions()[:3]
    assert [a.text() for a in items] == ["&1 R&&D.json", "&2 tuesday/run.json", "&3 monday/run.json"]
    assert [a.toolTip() for a in items] == [str(p.resolve()) for p in reversed(paths)]
    assert win.files.recent_menu.toolTipsVisible()
    win.doc.step_epoch()
    win.files.ask_unsaved = lambda: "discard"
    items[2].trigger()
    assert Path(win.doc.path) == paths[0].resolve() and win.doc.trainer.epoch == 0
    paths[1].unlink()  # deleted since: gone from the list the next time it opens
    win.files.recent_menu.aboutToShow.emit()
    shown = [a.text() for a in win.files.recent_menu.actions()]
    assert shown == ["&1 run.json", "&2 R&&D.json", "", "&Clear the list"]
    win.files.recent_menu.actions()[-1].trigger()  # Clear the list: empty, and greyed out
    assert win.files.recent_menu.actions() == [] and not win.files.recent_menu.isEnabled()
    from gui import storage
    assert storage.recent_files() == []


def drop(qtbot, target, paths) -> bool:
    """Drag ``paths`` from a file manager onto ``target`` and let go: whether it was taken."""
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    at = target.rect().center()
    enter = QDragEnterEvent(at, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(target, enter)
    move = QDragMoveEvent(at, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(target, move)
    if not (enter.isAccepted() and move.isAccepted()):  # (a drop is offered where a move is)
        return False
    dropped = QDropEvent(QPointF(at), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(target, dropped)
    qtbot.wait(20)
    return dropped.isAccepted()


def test_a_project_or_data_file_dropped_on_the_window_opens(open_window, qtbot, tmp_path):
    """Dragged from a file manager onto the canvas (or anywhere in the window): a project
    opens, asking about unsaved work first; data is imported, one undo step; anything else
    (an image, two files at once) is not taken."""
    win = open_window()
    saved = tmp_path / "mazur.json"
    from core.project import save

    save(load_lesson("mazur"), saved)
    data = tmp_path / "points.csv"
    data.write_text("x1,x2,y\n0,0,0\n1,1,1\n0,1,1\n")
    (tmp_path / "picture.png").write_bytes(b"png")
    canvas = win.canvas.viewport()
    assert not drop(qtbot, canvas, [tmp_path / "picture.png"])
    assert not drop(qtbot, canvas, [data, saved])
    assert drop(qtbot, canvas, [data])
    assert win.doc.X.tolist() == [[0, 0], [1, 1], [0, 1]] and win.isWindowModified()
    asked = []
    win.files.ask_unsaved = lambda: asked.append(1) or "discard"
    assert drop(qtbot, win.docks["loss"], [saved])
    assert asked and win.doc.net.sizes == [2, 2, 2] and Path(win.doc.path) == saved
    assert "mazur.json" in win.windowTitle()


def shown_tip(tip: str) -> str:
    """A tooltip as Qt shows it: rendered as rich text when it looks like markup."""
    from PySide6.QtGui import Qt as G
    from PySide6.QtGui import QTextDocument

    if not G.mightBeRichText(tip):
        return tip
    doc = QTextDocument()
    doc.setHtml(tip)
    return doc.toPlainText()


def test_tooltips_quoting_a_file_name_show_it_as_written(open_window, tmp_path):
    """A file may be named like markup ('<b>bold.json'): Open Recent's tooltip and the
    status note's showed it bold, the tags gone."""
    win = open_window()
    path = tmp_path / "<b>bold.json"
    assert win.files.save_project(path=str(path))
    assert shown_tip(win.files.recent_menu.actions()[0].toolTip()) == str(path.resolve())
    assert shown_tip(win.note.toolTip()) == "Saved <b>bold.json"


def test_a_bad_file_is_refused_and_the_project_stays(open_window, qtbot, tmp_path):
    import json

    win = open_window()
    before = win.doc.net.params.copy()
    iris = json.loads((ROOT / "resources" / "lessons" / "iris.json").read_text())
    iris["data"]["Y"][1][2] = 3  # one-hot no more: categorical cross-entropy cannot train on it
    for text, message in [('{"schema_version": 7}', "newer Backprop Studio"),
                          ('{"schema_version": 1, "network": ', "not valid JSON"),
                          ('[1, 2]', "must be a JSON object"),
                          (json.dumps(iris), "data.Y: categorical cross-entropy targets must be "
                                             "one-hot")]:
        path = tmp_path / "bad.json"
        path.write_text(text)
        assert not win.files.open_project(str(path))
        assert message in win.last_message
        assert np.array_equal(win.doc.net.params, before)


def test_reading_and_writing_files_shows_the_wait_cursor_and_never_leaves_it(
        open_window, tmp_path, monkeypatch):
    """A million samples take seconds to open, import or export: the window showed the
    arrow all along, as if hung. Each file operation shows the wait cursor while it
    works, none while a question could be open, and the cursor comes back after a
    refusal too."""
    from PySide6.QtWidgets import QApplication

    import gui.files
    import gui.main_window
    import gui.model

    win = open_window()
    seen = {}

    def watch(name, module, function):
        real = getattr(module, function)

        def watched(*args, **kwargs):
            cursor = QApplication.overrideCursor()
            seen[name] = cursor.shape() if cursor is not None else None
            return real(*args, **kwargs)
        monkeypatch.setattr(module, function, watched)

    watch("save", gui.model, "save_project")
    watch("open", gui.model, "load_project")
    watch("import", gui.files, "read_csv")
    watch("export", gui.files, "to_csv")
    watch("handout", gui.main_window, "write_handout")
    assert win.files.save_project(path=str(tmp_path / "p.json"))
    assert win.files.open_project(str(tmp_path / "p.json"))
    assert win.files.export_csv(str(tmp_path / "d.csv"))
    assert win.files.import_csv(str(tmp_path / "d.csv"))
    (tmp_path / "bad.csv").write_text("x1\n1\n")
    assert win.export_trace("md", str(tmp_path / "step.md"))
    assert QApplication.overrideCursor() is None
    assert not win.files.import_csv(str(tmp_path / "bad.csv"))  # refused: the arrow is back
    assert seen == dict.fromkeys(["save", "open", "export", "import", "handout"], Qt.WaitCursor)
    assert QApplication.overrideCursor() is None


CRASHING_INSTANCE = """
import json, os, sys, time
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui.document import Document
from gui.main_window import MainWindow
from resources import load_lesson
win = MainWindow(Document(load_lesson("xor")))
win.show()
win.doc.set_param("w4", "1.5")
win.doc.train_epochs(50)
win.files.autosave()
while win.files.autosaving is not None:  # (written on a thread of its own)
    app.processEvents()
d = win.doc
print(json.dumps({"path": str(win.files.recovery.path), "params": d.net.params.tolist(),
                  "test": d.test_history.values, "weights": len(d.weight_history)}), flush=True)
time.sleep(600)
"""


def test_recovery_is_per_instance_and_offered_only_when_its_instance_ended(open_window, qtbot):
    import json
    import os
    import signal

    env = dict(os.environ)
    other = subprocess.Popen([sys.executable, "-c", CRASHING_INSTANCE], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        saved = json.loads(other.stdout.readline())
        path = Path(saved["path"])
        assert path.exists()
        # a second window while the first still runs: no false offer, nothing deleted
        second = open_window()
        asked = []
        second.files.ask_restore = lambda when, what: asked.append(when) or False
        assert not second.files.offer_recovery() and not asked and path.exists()
        other.send_signal(signal.SIGKILL)  # the first instance crashes
        other.wait(30)
        third = open_window()
        third.files.ask_restore = lambda when, what: True
        assert third.files.offer_recovery()
        d = third.doc
        assert np.array_equal(d.net.params, saved["params"]) and d.trainer.epoch == 50
        assert d.modified and "Restored" in note_shown(third)
        assert d.test_history.values == saved["test"]  # the test curve came back
        assert len(d.weight_history) == saved["weights"] >= 3  # and the timeline
        assert not path.exists()
        qtbot.waitUntil(third.files.recovery.path.exists)  # now third's work (written by a thread)
        qtbot.waitUntil(lambda: third.files.autosaving is None)
        third.close()
        assert not third.files.recovery.path.exists()  # a clean exit leaves no recovery file
        assert third.files.autosave_timer.interval() == 30_000
    finally:
        other.kill()
        other.wait(30)


def autosave(win) -> None:
    """``win`` autosaves now, and the autosave's thread has written the file (or failed)
    and said so to the window."""
    import time

    from PySide6.QtCore import QCoreApplication

    win.files.autosave()
    end = time.monotonic() + 30
    while win.files.autosaving is not None:
        assert time.monotonic() < end, "the autosave's thread never reported back"
        QCoreApplication.processEvents()


def crash(win, ident: str) -> Path:
    """Leave ``win``'s autosaved work as an instance that ended without closing would: its
    recovery file and note under another id, no lock held."""
    autosave(win)
    dead = win.files.recovery.path.with_name(f"recovery-{ident}.json")
    win.files.recovery.path.rename(dead)
    note = win.files.recovery.path.with_suffix(".origin")
    if note.exists():
        note.rename(dead.with_suffix(".origin"))
    return dead


def test_restored_work_is_named_and_saves_back_to_its_file(open_window, qtbot, tmp_path):
    """The question names the project, its file and its epoch; Yes brings the work back
    titled with its file, unsaved, and Ctrl+S writes it there without asking where."""
    win = open_window()
    run = tmp_path / "run.json"
    assert win.files.save_project(path=str(run))
    win.doc.train_epochs(7)
    dead = crash(win, "dead0000001")
    assert dead.with_suffix(".origin").read_text() == str(run.resolve())
    again = open_window()
    asked = []
    again.files.ask_restore = lambda when, what: asked.append(what) or True
    assert again.files.offer_recovery()
    assert asked == ["XOR with a sigmoid network (run.json), epoch 7"]
    assert again.doc.trainer.epoch == 7 and Path(again.doc.path) == run.resolve()
    assert again.windowTitle().startswith("XOR with a sigmoid network · 2-2-1 (run.json)")
    assert again.isWindowModified()
    assert not dead.exists() and not dead.with_suffix(".origin").exists()
    again.files.ask_path = lambda *a, **k: pytest.fail("Save asked where")
    qtbot.keyClick(again, Qt.Key_S, Qt.ControlModifier)
    assert not again.isWindowModified()
    assert json.loads(run.read_text())["state"]["epoch"] == 7


@pytest.mark.parametrize("note", ["relative/run.json", "/no/such/run.json", "\ud800", "x" * 5000,
                                  "{file}\n", "{file}.txt"],
                         ids=["relative", "missing", "not-utf-8", "too-long", "newline", "not-json"])
def test_a_damaged_recovery_note_leaves_the_work_untitled(open_window, tmp_path, note):
    win = open_window()
    run = tmp_path / "run.json"
    assert win.files.save_project(path=str(run))
    (tmp_path / "run.json.txt").write_text("not a project")
    win.doc.train_epochs(3)
    dead = crash(win, "dead0000002")
    dead.with_suffix(".origin").write_text(note.format(file=run), encoding="utf-8",
                                           errors="surrogatepass")
    again = open_window()
    asked = []
    again.files.ask_restore = lambda when, what: asked.append(what) or True
    assert again.files.offer_recovery()
    assert asked == ["XOR with a sigmoid network (not saved to a file), epoch 3"]
    assert again.doc.path is None and again.doc.trainer.epoch == 3


def test_autosave_writes_only_what_changed_since_the_last_autosave(open_window):
    win = open_window()
    recovery = win.files.recovery.path
    autosave(win)
    assert not recovery.exists()  # nothing unsaved
    win.doc.step_epoch()
    autosave(win)
    assert recovery.exists()
    recovery.unlink()
    autosave(win)
    assert not recovery.exists()  # unchanged since: not written again
    win.doc.set_setting("lr", "0.5")
    autosave(win)
    assert recovery.exists() and load(recovery).training["lr"] == 0.5
    recovery.unlink()
    win.doc.undo_stack.undo()
    autosave(win)
    assert load(recovery).training["lr"] != 0.5
    win.files.ask_unsaved = lambda: "discard"  # thrown away: not offered after a crash
    win.files.new_project()
    assert not recovery.exists()
    win.doc.step_epoch()
    autosave(win)
    assert recovery.exists()
    win.open_lesson("mazur")
    assert not recovery.exists()


def test_autosave_writes_on_its_own_thread_and_forgets_work_saved_or_closed_meanwhile(
        open_window, qtbot, tmp_path, monkeypatch):
    """Autosave wrote on the window's thread: JSON, the check that the file opens again and
    the disk, ~35 ms for 100,000 samples every 30 s, the window paused. A thread writes it
    now; the window goes on meanwhile. Work saved while it is written, or a window closed,
    leaves no recovery file behind to be offered after a crash."""
    import threading

    from core.project import write

    gate, threads = threading.Event(), []

    def slow_write(text, path, mode=None):
        threads.append(threading.current_thread() is threading.main_thread())
        assert gate.wait(20)
        write(text, path, mode)

    monkeypatch.setattr("gui.files.write", slow_write)
    win = open_window()
    recovery = win.files.recovery.path
    win.doc.step_epoch()
    win.files.autosave()
    qtbot.waitUntil(lambda: threads == [False])  # writing, not on the window's thread
    assert win.doc.set_setting("lr", "0.5")  # the window answers meanwhile
    win.files.autosave()  # (one at a time)
    assert win.files.save_project(path=str(tmp_path / "p.json"))
    gate.set()
    qtbot.waitUntil(lambda: win.files.autosaving is None)
    assert threads == [False] and not recovery.exists()  # saved meanwhile: nothing to recover
    win.doc.step_epoch()
    autosave(win)
    assert recovery.exists() and oct(recovery.stat().st_mode & 0o777) == "0o600"  # (the owner's)
    assert load(recovery).training["lr"] == 0.5
    gate.clear()
    win.doc.step_epoch()
    win.files.autosave()
    qtbot.waitUntil(lambda: len(threads) == 3)
    threading.Timer(0.1, gate.set).start()  # (the window's thread waits in close)
    win.close()  # waits for the write, then leaves nothing behind
    assert not win.files.autosaving.is_alive() and not recovery.exists()
    qtbot.wait(20)  # (the thread's word arrives after the close)
    assert not recovery.exists()


def test_an_autosave_that_fails_in_any_way_says_so_and_the_next_one_runs(open_window, qtbot,
                                                                       monkeypatch):
    """An error the autosave's thread did not expect would end the thread without a word:
    the window waiting for it would never autosave again."""
    from core.project import write

    def broken(text, path, mode=None):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("gui.files.write", broken)
    win = open_window()
    win.doc.step_epoch()
    autosave(win)
    assert "Autosave failed: maximum recursion depth exceeded" in win.last_message
    monkeypatch.setattr("gui.files.write", write)
    autosave(win)  # (it changed since: the failed one wrote nothing)
    assert win.files.recovery.path.exists()


def test_questions_quoting_a_project_name_show_it_as_written(open_window, qtbot, monkeypatch):
    """A crafted name ('<b>…</b><img …>') in the unsaved-changes and restore questions is
    shown as text, not rendered as markup."""
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(
        (box.text(), box.textFormat())) or QMessageBox.Cancel)
    win = open_window()
    win.doc.project.name = '<b>Bold</b><img src="x.png">'
    win.doc.step_epoch()
    type(win.files).ask_unsaved(win.files)
    type(win.files).ask_restore(win.files, "12:00:00", win.doc.project.name)
    assert [fmt for _, fmt in shown] == [Qt.PlainText, Qt.PlainText]
    assert shown[0][0].startswith('<b>Bold</b><img src="x.png"> has unsaved changes')
    assert shown[1][0].endswith('\n\n<b>Bold</b><img src="x.png">')


def last_command(doc):
    return doc.undo_stack.command(doc.undo_stack.index() - 1)


def test_import_csv_adapts_the_network_and_bad_csv_changes_nothing(open_window, qtbot, tmp_path):
    win = open_window()
    doc = win.doc
    good = tmp_path / "three.csv"
    good.write_text("x1,x2,y\n0,0,a\n1,0,b\n0,1,c\n1,1,a\n")
    assert win.files.import_csv(str(good))
    assert doc.net.sizes == [2, 2, 3] and doc.net.activations[-1] == "softmax"
    assert doc.settings["loss"] == "cce" and doc.Y.shape == (4, 3)
    doc.train_epochs(10)
    bad = tmp_path / "bad.csv"
    bad.write_text("x1,x2,y\n0,0,1\n0,zero,1\n")
    X = doc.X.copy()
    assert not win.files.import_csv(str(bad))
    assert "line 3, column 2 (x2)" in win.last_message and np.array_equal(doc.X, X)
    doc.undo_stack.undo()
    assert doc.net.sizes == [2, 2, 1] and doc.settings["loss"] == "bce"
    out = tmp_path / "out.csv"
    assert win.files.export_csv(str(out))
    assert out.read_text().splitlines()[0] == "x1,x2,y"
    czech = tmp_path / "tabulka.csv"  # a spreadsheet's CSV in Czech: ';' and decimal commas
    czech.write_text("x1;x2;y\n0,5;-0,25;ano\n1,75;0;ne\n", encoding="utf-8")
    assert win.files.import_csv(str(czech))
    assert doc.X.tolist() == [[0.5, -0.25], [1.75, 0]] and doc.Y.ravel().tolist() == [0, 1]
    amp = tmp_path / "R&D.csv"  # Edit → Undo names the file as it is ('R&D', not 'RD')
    amp.write_text("x1,y\n0,0\n1,1\n")
    assert win.files.import_csv(str(amp))
    undo = next(a for a in win.menuBar().actions() if a.text() == "&Edit").menu().actions()[0]
    assert undo.text() == "&Undo Import R&&D.csv" and last_command(doc).text() == "Import R&D.csv"


def popup_menu(qtbot):
    """The context menu that just popped up (visible, on top)."""
    from PySide6.QtWidgets import QApplication, QMenu

    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=2000)
    return QApplication.activePopupWidget()


def test_click_the_map_to_add_a_point_and_right_click_for_a_menu(open_window, qtbot):
    win = open_window()
    doc, plot = win.doc, win.decision.plot
    doc.train_epochs(50)
    n, epoch = len(doc.X), doc.trainer.epoch
    losses = list(doc.trainer.history.losses)
    win.data_panel.point_class.setCurrentIndex(1)
    vb = plot.getPlotItem().vb
    pos = plot.mapFromScene(vb.mapViewToScene(__import__("PySide6.QtCore").QtCore.QPointF(0.5, 0.5)))
    qtbot.mouseClick(plot.viewport(), Qt.LeftButton, pos=pos)
    assert len(doc.X) == n + 1 and doc.X[-1] == pytest.approx([0.5, 0.5], abs=0.02)
    assert doc.Y[-1, 0] == 1.0
    qtbot.mouseClick(plot.viewport(), Qt.RightButton, pos=pos)
    menu = popup_menu(qtbot)  # a right click asks; it does not act at once
    assert len(doc.X) == n + 1
    texts = [a.text() for a in menu.actions()]
    assert texts[:2] == ["Add a class-0 point here", "Add a class-1 point here"]
    remove = next(a for a in menu.actions() if a.text().startswith("Remove the nearest point"))
    assert "pyqtgraph" not in " ".join(texts) and "View All" not in texts
    remove.trigger()
    menu.close()
    assert len(doc.X) == n and not np.any(np.all(np.isclose(doc.X, [0.5, 0.5], atol=0.02), axis=1))
    qtbot.keyClick(win, Qt.Key_Z, Qt.ControlModifier)
    qtbot.keyClick(win, Qt.Key_Z, Qt.ControlModifier)
    assert len(doc.X) == n and doc.trainer.epoch == epoch  # the training came back too
    assert doc.trainer.history.losses == losses


def test_data_panel_generates_sets_undoably(open_window, qtbot):
    win = open_window()
    panel, doc = win.data_panel, win.doc
    X = doc.X.copy()
    panel.kind.setCurrentText("three blobs")
    panel.n.setValue(100)
    panel.test.setValue(20)
    panel.generate.click()
    assert doc.X.shape == (80, 2) and doc.X_test.shape == (20, 2) and doc.net.sizes[-1] == 3
    panel.kind.setCurrentText("sine (regression)")
    panel.generate.click()
    assert doc.net.sizes[0] == 1 and doc.settings["loss"] == "mse" and doc.net.activations[-1] == "linear"
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert np.array_equal(doc.X, X)


def picture_of(path, size=None):
    """A PNG, or an SVG drawn by Qt's SVG renderer (at ``size``, or its own), as a QImage."""
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if path.suffix == ".png":
        return QImage(str(path))
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid(), path
    image = QImage(size or renderer.defaultSize(), QImage.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def distinct_colours(image, step: int = 7) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), step)
                for y in range(0, image.height(), step)})


def test_the_decision_map_exports_as_a_true_vector_drawing(open_window, tmp_path):
    """The first SVG export embedded the scatter's symbol atlas once per point (every point
    in both class colours) and the axes as bitmaps. Now: one bitmap (the map itself), the
    points as shapes, the axes as lines and text; and it looks like the PNG."""
    import xml.etree.ElementTree as ET

    win = open_window()
    win.doc.train_epochs(300)
    win.decision.redraw()
    out = tmp_path / "map.svg"
    assert win.files.export_view("decision", str(out))
    root = ET.parse(out).getroot()
    tags = [el.tag.rsplit("}", 1)[-1] for el in root.iter()]
    texts = ["".join(el.itertext()).strip() for el in root.iter() if el.tag.endswith("text")]
    assert tags.count("image") == 1  # the heatmap
    assert "x1" in texts and "x2" in texts and any(t in texts for t in ("0.5", "1"))
    n_points = len(win.doc.X) + len(win.doc.X_test)
    assert tags.count("path") >= n_points  # every point drawn as a shape
    png = tmp_path / "map.png"
    win.decision.plot.grab().save(str(png))
    b = picture_of(png)
    a = picture_of(out, b.size())
    assert root.get("viewBox").split()[2:] == [str(b.width()), str(b.height())]
    same = sum(a.pixel(x, y) == b.pixel(x, y) for x in range(0, a.width(), 9)
               for y in range(0, a.height(), 9))
    total = len(range(0, a.width(), 9)) * len(range(0, a.height(), 9))
    assert same / total > 0.5  # mostly the same pixels (antialiasing differs at edges)


def test_exports_write_images_and_runnable_scripts(open_window, qtbot, tmp_path):
    win = open_window()
    win.doc.train_epochs(200)
    for name in EXPORTABLE:
        for ext in ("png", "svg"):
            out = tmp_path / f"{name}.{ext}"
            assert win.files.export_view(name, str(out)), win.last_message
            image = picture_of(out)  # the file as a viewer would draw it
            assert image.width() > 100 and image.height() > 100, name
            assert distinct_colours(image) >= 3, (name, ext)  # a drawing, not a blank
    script = tmp_path / "net.py"
    assert win.files.export_network("numpy", str(script))
    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    got = np.array([[float(v) for v in line.split()] for line in r.stdout.splitlines()])
    assert np.array_equal(got, win.doc.net.predict(win.doc.X))
    assert win.files.export_network("weights", str(tmp_path / "w.csv"))


def test_undo_redo_over_mixed_edits_restores_exact_states(open_window, qtbot):
    win = open_window()
    doc = win.doc
    rng = np.random.default_rng(5)
    states = [(doc.net.params.copy(), doc.net.sizes, dict(doc.settings), doc.X.copy())]
    w1, w2, w3 = Param(0, 0, 0), Param(0, 0, 1), Param(0, 1, 0)  # names change with notation
    edits = [lambda: doc.set_param(w1, str(rng.normal())),
             lambda: doc.nudge_param(w2, 0.1),
             lambda: doc.set_setting("lr", str(rng.uniform(0.1, 2))),
             lambda: doc.add_neuron(1),
             lambda: doc.set_activation(0, "tanh"),
             lambda: doc.add_point((rng.normal(), rng.normal()), 1),
             lambda: doc.set_frozen(w3, not doc.net.is_frozen(w3)),
             lambda: doc.set_notation("w_ji" if doc.net.notation != "w_ji" else "by_source")]
    for k in rng.integers(0, len(edits), 25):
        before = doc.undo_stack.index()
        edits[k]()
        if doc.undo_stack.index() != before:
            states.append((doc.net.params.copy(), doc.net.sizes, dict(doc.settings), doc.X.copy()))
    for state in reversed(states[:-1]):
        doc.undo_stack.undo()
        assert np.array_equal(doc.net.params, state[0]) and doc.net.sizes == state[1]
        assert doc.settings == state[2] and np.array_equal(doc.X, state[3])
    for state in states[1:]:
        doc.undo_stack.redo()
        assert np.array_equal(doc.net.params, state[0]) and doc.net.sizes == state[1]


def test_command_line_opens_trains_and_saves_without_a_window(tmp_path):
    out = tmp_path / "trained.json"
    r = subprocess.run([sys.executable, "main.py", "--lesson", "xor", "--train", "300", "--save",
                        str(out)], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    d = json.loads(out.read_text())
    assert d["state"]["epoch"] == 300 and len(d["history"]["losses"]) == 300
    r = subprocess.run([sys.executable, "main.py", str(out), "--train", "100", "--save", str(out)],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0 and json.loads(out.read_text())["state"]["epoch"] == 400
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json")
    for extra in (["--save", str(tmp_path / "x.json")], ["--screenshot", str(tmp_path / "x.png")]):
        r = subprocess.run([sys.executable, "main.py", str(bad), *extra], cwd=ROOT,
                           capture_output=True, text=True)
        assert r.returncode == 2 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr


def test_every_refusal_and_every_result_is_visible(open_window, qtbot, tmp_path):
    """The old window put results in QStatusBar.showMessage, behind a permanent label that
    took all the room: nothing was ever seen. Now refusals show in the message bar above the
    canvas, whole, and results in the status bar's own left part."""
    win = open_window()
    win.resize(1280, 720)
    bad = tmp_path / "bad.csv"
    bad.write_text("x1,x2,y\n0,0,1\n0,zero,1\n")
    answer_paths(win, bad)
    qtbot.mouseClick(win.data_panel.import_button, Qt.LeftButton)
    assert "bad.csv: line 3, column 2 (x2)" in refusal_shown(win)
    qtbot.mouseClick(win.message_bar.close_button, Qt.LeftButton)
    assert not refusal_shown(win)
    out = tmp_path / "data.csv"
    answer_paths(win, out)
    qtbot.mouseClick(win.data_panel.export_button, Qt.LeftButton)
    assert note_shown(win) == "Wrote data.csv"
    win.doc.step_epoch()
    win.files.recovery.path.mkdir()  # the autosave cannot write its file
    autosave(win)
    assert "Autosave failed" in refusal_shown(win)
    win.files.recovery.path.rmdir()
    long = "x" * 400  # a long refusal wraps; it is not cut
    win.doc.refused.emit(long)
    qtbot.waitUntil(lambda: refusal_shown(win) == long)
    win.status.setText("epoch 1")
    assert win.note.isVisible() and win.note.width() > 300  # the figures leave it room


def test_data_exports_for_a_spreadsheet_in_czech_and_reads_back_exactly(open_window, tmp_path):
    """Export data wrote commas and decimal points only: a spreadsheet in Czech reads CSV
    with semicolons and decimal commas, and put '0' and '5' of 0.5 in cells of their own.
    The dialog's second file type writes that way; both read back to the same numbers."""
    import numpy as np

    win = open_window("xor")
    doc = win.doc
    X, Y = doc.X.copy(), doc.Y.copy()
    out = tmp_path / "tabulka.csv"

    def ask(save, title, filt, default):  # the user picks the second file type
        assert filt.count(";;") == 1 and save
        win.files.chosen_filter = filt.split(";;")[1]
        return str(out)

    win.files.ask_path = ask
    assert win.files.export_csv()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "x1;x2;y" and len(lines) == len(X) + 1
    first = lines[1].split(";")
    assert len(first) == 3 and "." not in lines[1] and "," in first[0]
    assert win.files.import_csv(str(out))
    assert np.array_equal(doc.X, X) and np.array_equal(doc.Y, Y)
    win.files.ask_path = lambda save, title, filt, default: str(tmp_path / "plain.csv")
    assert win.files.export_csv()  # (the first type, as before: commas)
    assert (tmp_path / "plain.csv").read_text().splitlines()[0] == "x1,x2,y"
