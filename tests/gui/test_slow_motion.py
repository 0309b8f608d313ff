"""Slow motion and scoped stepping in lecture mode: the phases play by themselves with a
numbered caption on the canvas (GAN Lab's slow motion), and stepping can keep to the
forward pass or the backward pass."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment

from tests.gui.test_building import trigger


def shown(caption) -> str:
    """The caption as it reads (its HTML's text: subscripts as plain characters)."""
    return QTextDocumentFragment.fromHtml(caption.text()).toPlainText()


def lecture_menu(win):
    return next(a.menu() for a in win.menuBar().actions() if a.text() == "&Lecture")


def kinds_visited(win, qtbot, key=Qt.Key_PageDown) -> list[str]:
    """The kinds of the pages Page Down reaches from here until it stops moving."""
    lec, out = win.lecture, []
    for _ in range(100):
        out.append(lec.kind_of(lec.index))
        before = lec.index
        qtbot.keyClick(win, key)
        if lec.index == before:
            return out
    raise AssertionError("Page Down never stopped")


def test_forward_only_and_backward_only_stepping(open_window, qtbot):
    win = open_window("hand_note")
    trigger(lecture_menu(win), "&Forward pass only")
    assert win.lecture_mode and win.lecture.scope == "forward"
    forward = kinds_visited(win, qtbot)
    assert forward == ["forward"] * 3 + ["error"]  # h1, h2, ŷ, then E: and there it stops
    assert shown(win.canvas.caption).startswith("4 / 20 · The error (forward pass only):  E = 0.3272")
    trigger(lecture_menu(win), "&Backward pass only")
    assert win.lecture.index == 3  # the backward pass starts from the error
    backward = kinds_visited(win, qtbot)
    assert backward[0] == "error" and backward[-1] == "table" and "forward" not in backward
    assert backward.index("output delta") < backward.index("hidden delta") < backward.index("gradient") \
        < backward.index("update")
    qtbot.keyClick(win, Qt.Key_PageUp)  # Previous keeps to the scope too
    assert win.lecture.kind_of(win.lecture.index) == "update"
    trigger(lecture_menu(win), "&All phases")
    assert win.lecture.index == 0 and len(kinds_visited(win, qtbot)) == 20


def test_slow_motion_plays_every_phase_with_a_numbered_caption_and_stops_at_the_end(open_window, qtbot):
    win = open_window("hand_note")
    lec, canvas = win.lecture, win.canvas
    lec.pace.setValue(0.05)  # the ⚙ menu's pace: a twentieth of a second, for the test
    captions, lit = [], []
    lec.phase_changed.connect(lambda: (captions.append(shown(canvas.caption)),
                                       lit.append(set(canvas.overlay[0]))))
    qtbot.keyClick(win, Qt.Key_F6)
    assert win.lecture_mode and lec.slow.isActive() and win.slow_action.isChecked()
    qtbot.waitUntil(lambda: not lec.slow.isActive(), timeout=10_000)
    assert lec.index == lec.pages - 1 and not win.slow_action.isChecked()
    numbers = [int(c.split(" / ")[0]) for c in captions if c]
    assert numbers[-1] == 20 and set(range(1, 21)) <= set(numbers)  # every phase, numbered
    assert "1 / 20 · Forward pass:  h1 = 0.85" in captions
    delta = next(c for c in captions if c.startswith("5 / 20"))
    assert delta == "5 / 20 · Output deltas:  δŷ = -0.809"  # δ with ŷ below: no δ_ŷ
    assert canvas.caption.isVisible()
    # each phase lit its own neurons on the canvas as it played: h1 and its inputs first
    first = captions.index(next(c for c in captions if c.startswith("1 / 20")))
    assert lit[first] == set(lec.dv.phases[0].neurons) == {(0, 0), (0, 1), (1, 0)}
    second = captions.index(next(c for c in captions if c.startswith("2 / 20")))
    assert lit[second] == {(0, 0), (0, 1), (1, 1)}


def test_slow_motion_stops_when_asked_and_hides_results_being_checked(open_window, qtbot):
    win = open_window("hand_note")
    lec = win.lecture
    qtbot.keyClick(win, Qt.Key_F5)
    lec.check.setChecked(True)
    assert shown(win.canvas.caption).endswith(":  h1 = ?")  # no answer given away
    assert win.canvas.caption.text().endswith("h<sub>1</sub> = ?")
    trigger(lecture_menu(win), "&Slow motion")
    assert lec.slow.isActive()
    trigger(lecture_menu(win), "&Slow motion")
    assert not lec.slow.isActive() and lec.index <= 1
    qtbot.keyClick(win, Qt.Key_F5)  # lecture mode off: no caption
    assert not win.canvas.caption.isVisible()
