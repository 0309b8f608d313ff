"""A lecturer's kit in the window: a lesson's profile greys out (and the document refuses)
what it locks, its challenges are checked on the spot with a solution behind a question,
and File → Save as lesson… writes a lesson with a profile and challenges."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from core.project import load
from tests.gui.test_building import trigger


def menu(win, title):
    return next(a.menu() for a in win.menuBar().actions() if a.text() == title)


def test_a_profile_locks_controls_and_the_lecturer_can_lift_it(open_window, qtbot):
    win = open_window("xor_challenge")
    doc = win.doc
    assert win.play_action.isEnabled() and win.step_sample_action.isEnabled()
    assert not win.step_batch_action.isEnabled() and not win.reinit_action.isEnabled()
    assert win.training.lr.isEnabled() and not win.training.batch.isEnabled()
    assert not win.layer_palette.isEnabled()
    assert "limits the controls" in win.last_message
    trigger(win.canvas.neuron_menu(1, 0), "Add a neuron to this layer")  # the menu is there...
    assert doc.net.sizes == [2, 2, 1]  # ...but the document refuses, saying why
    assert win.last_message == "This lesson locks the network's shape (Lecture → Unlock controls lifts it)"
    assert not doc.set_param("w1", 3.0) and "locks editing weights" in win.last_message
    assert not doc.set_setting("batch", 10) and doc.set_setting("lr", 5)
    trigger(menu(win, "&Lecture"), "&Unlock controls")
    assert win.training.batch.isEnabled() and win.step_batch_action.isEnabled()
    assert doc.add_neuron(1) and doc.net.sizes == [2, 3, 1]


def test_check_a_challenge_then_ask_for_the_solution(open_window, qtbot, monkeypatch):
    win = open_window("xor_challenge")
    doc, panel = win.doc, win.challenges
    win.docks["challenges"].show()
    win.docks["challenges"].raise_()
    row = panel.rows[0]
    # the goal as written: it was escaped for HTML and shown as 'test_loss &lt; 0.2 and …'
    assert row["goal"].text() == "test_loss < 0.2 and epoch <= 300"
    assert row["goal"].textFormat() == Qt.PlainText and row["goal"].isVisible()
    qtbot.mouseClick(row["check"], Qt.LeftButton)
    assert row["verdict"].text().startswith("Not yet.") and "✘ test_loss" in row["verdict"].text()
    win.training.lr.setFocus()
    win.training.lr.selectAll()
    qtbot.keyClicks(win.training.lr, "5")
    qtbot.keyClick(win.training.lr, Qt.Key_Return)
    assert doc.settings["lr"] == 5.0
    doc.train_epochs(300)
    qtbot.mouseClick(row["check"], Qt.LeftButton)
    assert row["verdict"].text().startswith("Done!"), row["verdict"].text()
    assert "✔ epoch = 300 (<= 300)" in row["verdict"].text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.No)
    qtbot.mouseClick(row["show"], Qt.LeftButton)
    assert not row["solution"].isVisible()  # no spoiler without a yes
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    qtbot.mouseClick(row["show"], Qt.LeftButton)
    assert row["solution"].isVisible() and row["solution"].text().startswith("Reset, set the learning rate")


def test_the_lesson_editor_saves_a_profile_and_challenges_and_refuses_a_bad_check(
        open_window, qtbot, tmp_path, monkeypatch):
    win = open_window()
    out = tmp_path / "my_lesson.json"
    seen = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.name.setText("My XOR lesson")
        dialog.description.setPlainText("Try <b>this</b>.")
        for c, box in dialog.controls.items():
            box.setChecked(c in ("step_sample", "lr"))
        dialog.add_row("Beat 0.1", "test_loss < 0.1 and colour > 2", "Train longer.")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Save).click()
        seen.append(dialog.error.text())  # refused: the dialog stays open, saying why
        seen.append((dialog.isVisible(), dialog.error.isVisible(),  # (as plain text: it
                     dialog.error.textFormat() == Qt.PlainText))  # quotes a file's checks)
        dialog.table.item(0, 1).setText("test_loss < 0.1")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Save).click()

    QTimer.singleShot(0, fill)
    monkeypatch.setattr("gui.panels.challenges.LessonEditor.ask_path", lambda self: str(out))
    trigger(menu(win, "&File"), "Sav&e as lesson…")
    assert seen and "unknown quantity 'colour'" in seen[0] and seen[1] == (True, True, True)
    assert win.last_message == "Saved the lesson my_lesson.json"
    p = load(out)
    assert p.name == "My XOR lesson" and p.description == "Try <b>this</b>."
    assert p.lesson == {"profile": {"enabled": ["step_sample", "lr"]},
                        "challenges": [{"title": "Beat 0.1", "check": "test_loss < 0.1",
                                        "solution": "Train longer."}]}
    assert win.doc.project.name != "My XOR lesson"  # the open project is not changed
    assert win.doc.open(str(out)) and not win.play_action.isEnabled()  # and it opens locked



def test_a_refusal_grows_its_dialog_within_the_screen(qtbot):
    """The refusal grew its dialog to the content's preferred height: the lesson editor,
    which scrolls at 250 %, grew past the bottom of a 1280 x 720 screen with its refusal
    and buttons (seen under X). A dialog whose content wants three screens grows within
    the screen now, the refusal and the buttons in sight."""
    from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QScrollArea, QVBoxLayout

    from gui.messages import DialogRefusal

    dialog = QDialog()
    qtbot.addWidget(dialog)
    font = dialog.font()
    font.setPointSizeF(4 * font.pointSizeF())  # (a scroll area wants up to 24 lines' height)
    dialog.setFont(font)
    lay = QVBoxLayout(dialog)
    field = QLineEdit()
    screen = dialog.screen().availableGeometry()
    tall = QLabel("\n".join(f"line {k}" for k in range(200)))  # (wants ~200 lines' height)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)  # (as the lesson editor's: it wants its content's height)
    scroll.setWidget(tall)
    refusal = DialogRefusal()
    buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
    for w in (field, scroll, refusal, buttons):
        lay.addWidget(w)
    dialog.resize(600, screen.height() // 2)
    dialog.show()
    qtbot.waitExposed(dialog)
    refusal.say("Give the lesson a name " * 8, field)
    qtbot.wait(20)
    assert refusal.isVisible() and screen.contains(dialog.frameGeometry())
    save = buttons.button(QDialogButtonBox.Save)
    assert screen.contains(save.mapToGlobal(save.rect().bottomRight()))
    assert refusal.height() >= refusal.heightForWidth(refusal.width()) and field.hasFocus()
