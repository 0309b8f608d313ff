"""Predict, then reveal: the learner commits a guess about a step or about training, the
app shows the truth beside it and keeps a score for the session."""

import math

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QPushButton

from core.derivation import derive
from core.formula import render
from core.predict import boundary_error
from gui.plots.contour import segments
from tests.gui.conftest import refusal_shown
from tests.gui.test_explore import drag, settled


def ask(win, qtbot, kind: str):
    panel = win.predict
    qtbot.keyClick(win, Qt.Key_F7)
    assert win.docks["predict"].isVisible()
    panel.kind.setCurrentIndex(panel.kind.findData(kind))
    qtbot.mouseClick(panel.new_button, Qt.LeftButton)
    return panel


def judged(doc, plot, corners) -> float:
    """The guessed line's error worked out here: the 0.5 boundary of the network on a
    100 × 100 grid over the map, its mean distance from the line over the diagonal."""
    x0, x1, y0, y1 = plot.map_range()
    g = np.stack(np.meshgrid(np.linspace(x0, x1, 100), np.linspace(y0, y1, 100)), -1).reshape(-1, 2)
    seg = segments(doc.net.predict(doc.inputs(g))[:, 0].reshape(100, 100), 0.5)
    pts = np.column_stack([x0 + seg[:, 0] * (x1 - x0) / 99, y0 + seg[:, 1] * (y1 - y0) / 99])
    return boundary_error(pts, corners, math.hypot(x1 - x0, y1 - y0))


def button(panel, choice: str) -> QPushButton:
    return panel.findChild(QPushButton, f"answer {choice}")


def test_guess_the_sign_of_a_delta_then_see_the_phase_and_the_score(open_window, qtbot):
    win = open_window("hand_note")
    panel = ask(win, qtbot, "delta")
    q = panel.question
    dv = derive(win.doc.net, win.doc.X[0], win.doc.Y[0], "half_sse", 0.05, "sum")
    ph = next(p for p in dv.phases if p.render("unicode") == q.truth)  # the engine's phase
    truth = "+" if ph.value > 0 else "-"
    asked = panel.text.text()  # the symbol as the lecture panel writes it: δ<sub>ŷ</sub>, not δ_ŷ
    assert asked.startswith("Sample 1, x = (2, 3): Will δ<sub>") and "_" not in asked
    assert f"Will {render(ph.symbol, 'html')} be positive" in asked
    assert panel.verdict.text() == ""  # nothing given away before the guess
    qtbot.mouseClick(button(panel, truth), Qt.LeftButton)
    said = panel.verdict.text()
    assert said.startswith("✔ Right: you said ") and ph.render("html") in said and "_" not in said
    assert panel.score.text() == "Score this session: 1 / 1 right"
    qtbot.mouseClick(panel.new_button, Qt.LeftButton)
    wrong = next(c for c in panel.question.choices if c != panel.question.answer)
    qtbot.mouseClick(button(panel, wrong), Qt.LeftButton)
    assert panel.verdict.text().startswith("✘ Not this time")
    assert panel.score.text() == "Score this session: 1 / 2 right"
    assert win.doc.trainer.steps == 0 and win.doc.epoch == 0  # a step question trains nothing


def test_any_sample_can_be_asked_about(open_window, qtbot):
    win = open_window()
    panel = win.predict
    panel.sample.setValue(5)
    panel = ask(win, qtbot, "direction")
    doc = win.doc
    s = doc.settings
    dv = derive(doc.net, doc.X[4], doc.Y[4], s["loss"], s["lr"], s["reduction"])
    assert panel.text.text().startswith("Sample 5, x = (")
    assert panel.question.truth in [p.render("unicode") for p in dv.phases if p.kind == "update"]
    assert panel.question.choices == ("up", "down", "stays")


def test_predict_the_loss_after_training_then_the_app_trains_and_tells(open_window, qtbot):
    win = open_window()
    doc = win.doc
    win.predict.epochs.setValue(300)
    panel = ask(win, qtbot, "loss")
    below = panel.threshold  # left empty: half the present loss
    assert below == float(f"{0.5 * doc.loss():.2g}")
    assert panel.below.isVisible() and not panel.sample.isVisible()  # the rows it uses
    assert panel.text.text() == (f"After 300 more epochs, will the loss (now {doc.loss():.4g}) be below "
                                 f"{below:g}?")
    qtbot.mouseClick(button(panel, "yes"), Qt.LeftButton)
    qtbot.waitUntil(lambda: panel.verdict.text().startswith(("✔", "✘")), timeout=20_000)
    assert doc.epoch == 300
    right = doc.loss() < below
    assert panel.verdict.text().startswith("✔ Right" if right else "✘ Not this time")
    assert f"the loss is {doc.loss():.4g}" in panel.verdict.text()


def test_drag_a_line_where_the_boundary_will_be_then_commit(open_window, qtbot):
    win = open_window()
    doc, plot = win.doc, win.decision
    settled(qtbot, plot)
    win.predict.epochs.setValue(400)
    panel = ask(win, qtbot, "boundary")
    roi = panel.guess
    assert roi is not None and roi in plot.plot.getPlotItem().vb.addedItems
    handle = roi.getHandles()[1]
    start = QPointF(plot.plot.mapFromScene(handle.scenePos()))
    drag(qtbot, plot.plot.viewport(), start, start + QPointF(-30, 40))
    a, b = panel.corners()
    assert b != (roi.pos().x(), roi.pos().y())  # the end moved with the mouse
    qtbot.mouseClick(panel.commit, Qt.LeftButton)
    qtbot.waitUntil(lambda: panel.verdict.text().startswith(("✔", "✘")), timeout=20_000)
    assert doc.epoch == 400
    error = judged(doc, plot, [a, b])
    assert f"{error:.0%} of the map's diagonal" in panel.verdict.text()
    assert panel.verdict.text().startswith("✔ Right" if error <= 0.1 else "✘ Not this time")
    assert roi.pen.style() == Qt.DashLine  # the guess stays beside the boundary, dashed
    qtbot.mouseClick(panel.new_button, Qt.LeftButton)  # the next question: a fresh line
    assert panel.guess is roi and roi.isVisible() and roi.pen.style() == Qt.SolidLine
    assert len(panel.corners()) == 2 and panel.corners() != [a, b]
    assert all(s.currentPen.style() == Qt.SolidLine for s in roi.segments)
    handle, fresh = roi.getHandles()[1], panel.corners()[1]  # and it drags again
    start = QPointF(plot.plot.mapFromScene(handle.scenePos()))
    drag(qtbot, plot.plot.viewport(), start, start + QPointF(25, -30))
    assert panel.corners()[1] != fresh and handle.isVisible()
    panel.kind.setCurrentIndex(panel.kind.findData("delta"))
    qtbot.mouseClick(panel.new_button, Qt.LeftButton)  # another kind of question hides it
    assert not roi.isVisible() and panel.guess is None


def test_a_long_look_ahead_trains_in_slices_the_views_follow_and_one_step_back_undoes_it(
        open_window, qtbot):
    """100,000 epochs ahead trained all at once, the window frozen until done; now the
    answer trains in slices (the buttons wait, the loss plot follows), and one Step back
    undoes the whole look-ahead."""
    win = open_window()
    doc = win.doc
    doc.step_epoch()  # a training call of the user's own before the question
    win.predict.epochs.setValue(20_000)
    panel = ask(win, qtbot, "loss")
    frames = win.loss_plot.frames
    qtbot.mouseClick(button(panel, "no"), Qt.LeftButton)
    assert doc.epoch < 20_001 and panel.training is not None  # returned before the end
    assert not panel.new_button.isEnabled() and not button(panel, "yes").isEnabled()
    qtbot.keyClick(win, Qt.Key_Space)  # Play waits: the epochs are the question's
    assert not win.controller.running and "Predict is training its answer" in refusal_shown(win)
    qtbot.waitUntil(lambda: panel.verdict.text().startswith("Training:"))
    qtbot.waitUntil(lambda: panel.verdict.text().startswith(("✔", "✘")), timeout=60_000)
    assert doc.epoch == 20_001 and "After 20000 epochs the loss is" in panel.verdict.text()
    assert win.loss_plot.frames > frames + 1  # drawn along the way, not once at the end
    assert panel.new_button.isEnabled()
    assert not win.controller.waiting_for  # Play is free again
    win.step_back_action.trigger()  # the toolbar's Step back
    assert doc.epoch == 1  # the whole look-ahead, in one Step back


def test_an_edit_while_the_answer_trains_stops_it(open_window, qtbot):
    win = open_window()
    doc = win.doc
    win.predict.epochs.setValue(100_000)
    panel = ask(win, qtbot, "loss")
    qtbot.mouseClick(button(panel, "yes"), Qt.LeftButton)
    qtbot.waitUntil(lambda: doc.epoch > 0)
    assert doc.add_neuron(1)  # an edit mid-answer
    assert panel.training is None and not panel.timer.isActive()
    assert panel.verdict.text().startswith("Stopped: the network changed")
    assert panel.new_button.isEnabled() and panel.score.text() == ""  # not counted
    epoch = doc.epoch
    qtbot.wait(100)
    assert doc.epoch == epoch


def test_click_the_line_to_bend_it_then_commit_and_ask_again(open_window, qtbot):
    """XOR's boundary is curved: a click on the guessed line adds a corner there, which
    drags like the ends; the bent line is judged whole (core.predict.boundary_error over
    its corners). Questions asked one after another each get a fresh line."""
    from tests.gui.test_explore import mouse

    win = open_window()
    doc, plot = win.doc, win.decision
    settled(qtbot, plot)
    win.predict.epochs.setValue(300)
    panel = ask(win, qtbot, "boundary")
    roi, view = panel.guess, plot.plot
    a, b = [QPointF(view.mapFromScene(h.scenePos())) for h in roi.getHandles()]
    middle = (a + b) / 2
    mouse(view.viewport(), "move", middle, Qt.NoButton)
    qtbot.wait(15)
    mouse(view.viewport(), "press", middle)
    mouse(view.viewport(), "release", middle)
    qtbot.waitUntil(lambda: len(panel.corners()) == 3)
    corner = roi.getHandles()[1]
    start = QPointF(view.mapFromScene(corner.scenePos()))
    drag(qtbot, view.viewport(), start, start + QPointF(0, -40))
    corners = panel.corners()
    bent = corners[1]
    assert len(corners) == 3 and abs(bent[1] - (corners[0][1] + corners[2][1]) / 2) > 0.05
    qtbot.mouseClick(panel.commit, Qt.LeftButton)
    qtbot.waitUntil(lambda: panel.verdict.text().startswith(("✔", "✘")), timeout=20_000)
    assert doc.epoch == 300
    error = judged(doc, plot, corners)
    assert f"{error:.0%} of the map's diagonal" in panel.verdict.text()
    for _ in range(3):  # again and again: each question a fresh line, on the one item
        qtbot.mouseClick(panel.new_button, Qt.LeftButton)
        assert len(panel.corners()) == 2 and panel.guess.isVisible()
    lines = [i for i in view.getPlotItem().vb.addedItems if isinstance(i, type(roi))]
    assert lines == [roi] and len(roi.segments) == 1


def test_the_boundary_question_needs_a_two_input_classifier(open_window, qtbot):
    win = open_window("sine")
    panel = ask(win, qtbot, "boundary")
    assert panel.guess is None and "needs two inputs and one class output" in panel.verdict.text()
    assert not panel.commit.isVisible()


def test_in_lecture_mode_predict_is_a_tab_beside_the_phases(open_window, qtbot):
    win = open_window("hand_note")
    qtbot.keyClick(win, Qt.Key_F5)
    qtbot.keyClick(win, Qt.Key_F7)
    dock = win.docks["predict"]
    assert dock.isVisible() and not dock.isFloating()
    assert dock in win.tabifiedDockWidgets(win.docks["lecture"])
    assert win.predict.text.text().startswith("Sample 1, x = (2, 3): Will δ")


def test_the_view_menu_shows_predict_where_its_question_can_be_read(open_window, qtbot):
    """View → Predict docked the panel at the foot of the designer (~80 px at 1280×720:
    its question, answers and Commit below the fold); it opens as F7 does, with room."""
    from tests.gui.test_building import trigger

    win = open_window()
    win.resize(1280, 720)
    view_menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&View")
    trigger(view_menu, "Pa&nels", "&Predict")
    dock, panel = win.docks["predict"], win.predict
    qtbot.waitUntil(lambda: dock.isVisible() and not panel.text.visibleRegion().isEmpty())
    assert panel.text.text()  # a first question, readable
    assert dock.height() >= 15 * win.fontMetrics().height()
    assert win.predict_view_action.isChecked()
    trigger(view_menu, "Pa&nels", "&Predict")  # and hides it again
    qtbot.waitUntil(lambda: not dock.isVisible())
    assert not win.predict_view_action.isChecked()


def test_the_loss_to_beat_can_be_typed_and_nonsense_is_a_message(open_window, qtbot):
    win = open_window()
    doc = win.doc
    panel = ask(win, qtbot, "loss")
    qtbot.keyClicks(panel.below, "0,25")  # a decimal comma, as every typed number
    qtbot.mouseClick(panel.new_button, Qt.LeftButton)
    assert panel.threshold == 0.25
    assert panel.text.text().endswith("be below 0.25?") and button(panel, "no") is not None
    panel.below.setText("lots")
    qtbot.mouseClick(panel.new_button, Qt.LeftButton)
    answers = [b for b in panel.findChildren(QPushButton) if b.objectName().startswith("answer")]
    assert "not a number" in panel.verdict.text() and panel.text.text() == ""
    assert not any(b.isVisible() for b in answers)  # nothing to answer
    panel.below.setText("-1")
    qtbot.mouseClick(panel.new_button, Qt.LeftButton)
    assert "must be a positive number" in panel.verdict.text() and doc.epoch == 0
    panel.below.setText("<b>big</b>")  # what was typed is quoted as typed, never markup
    qtbot.mouseClick(panel.new_button, Qt.LeftButton)
    assert "&lt;b&gt;big&lt;/b&gt;" in panel.verdict.text() and "<b>" not in panel.verdict.text()
    panel.kind.setCurrentIndex(panel.kind.findData("delta"))
    assert not panel.below.isVisible() and panel.sample.isVisible()
