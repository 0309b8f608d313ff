"""Accessibility basics: the views and the canvas have names a screen reader can say, the
canvas describes the network in words, every control is reached with Tab in reading order
(left column, the canvas's weights one by one, right column), never one behind a tab, and
the canvas's weights are edited from the keyboard."""

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QLineEdit,
    QMenu,
    QSlider,
    QTabBar,
    QToolBar,
    QWidget,
)

from gui import registry
from gui.i18n import message


def test_every_view_and_plot_has_an_accessible_name(open_window):
    win = open_window()
    for view in registry.DOCKS:
        widget = getattr(win, view.attr)
        assert widget.accessibleName() == message(view.title)
        for plot in widget.findChildren(pg.PlotWidget):
            assert plot.accessibleName() == f"{message(view.title)} plot"


def test_the_canvas_says_what_network_it_shows_and_follows_edits(open_window):
    win = open_window()
    canvas = win.canvas
    assert canvas.accessibleName() == "Network 2-2-1"
    said = canvas.accessibleDescription()
    assert said.startswith("inputs x₁, x₂; hidden h₁, h₂ (sigmoid); output ŷ (sigmoid)")
    win.doc.add_neuron(1)
    assert canvas.accessibleName() == "Network 2-3-1" and "h₃" in canvas.accessibleDescription()


def test_tab_goes_through_the_training_settings_in_reading_order(open_window, qtbot):
    win = open_window()
    t = win.training
    order = [t.lr, t.batch, t.loss, t.reduction, t.optimizer, t.l1, t.l2, t.speed, t.max_epochs,
             t.threshold]
    t.lr.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is t.lr)
    seen = [t.lr]
    for _ in order[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == order


def tab_cycle(win, qtbot, limit: int = 400) -> list[QWidget]:
    """The widgets Tab visits, pressed as a user would, from the canvas round to it."""
    win.canvas.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.canvas)
    seen = [win.canvas]
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        w = QApplication.focusWidget()
        if w is win.canvas and seen[-1] is not win.canvas:
            return seen
        seen.append(w)
    raise AssertionError("Tab never came back to the canvas")


def dock_of(w) -> str:
    while w is not None and not isinstance(w, QDockWidget):
        w = w.parentWidget()
    return w.objectName() if w is not None else "central"


def in_sight(win, w) -> bool:
    """On screen: in the central area or a dock in front (Qt keeps a dock behind a tab
    'visible', at a spot outside the window)."""
    name = dock_of(w)
    if name == "central":
        return True
    dock = win.docks[name]
    return dock.isVisible() and win.rect().intersects(dock.geometry())


def test_tab_reaches_every_control_in_reading_order_and_none_behind_a_tab(open_window, qtbot):
    win = open_window("hand_note")
    qtbot.wait(50)
    assert QApplication.focusWidget() is win.canvas  # the keyboard starts on the network
    cycle = tab_cycle(win, qtbot)
    # the canvas: each of w1 … w6 a stop of its own, then on to the right column
    canvas_stops = [k for k, w in enumerate(cycle) if w is win.canvas]
    assert len(canvas_stops) == 1 + 6 and canvas_stops == list(range(7))
    visited = {id(w) for w in cycle}
    controls = (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit, QSlider)
    shown = [w for w in win.findChildren(QWidget) if isinstance(w, controls) and w.isEnabled()
             and w.isVisible() and in_sight(win, w)
             and not isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox))
             and not isinstance(w.parentWidget(), (QToolBar, QTabBar))  # (asserted below; arrows)
             and not w.objectName().startswith("qt_dockwidget_")]  # a dock's own float and close
    # buttons: Qt gives them no Tab stop; the View menu shows and hides every dock
    assert len(shown) > 15
    missed = [(type(w).__name__, dock_of(w)) for w in shown if id(w) not in visited]
    assert not missed, missed
    for w in cycle:  # nothing Tab visits is out of sight (a dock behind a tab, say)
        assert in_sight(win, w), dock_of(w)
    # reading order: the left column, the canvas (where the cycle starts), the right column
    docks = [dock_of(w) for w in cycle]
    right, left = docks.index("loss"), docks.index("training")
    assert docks.index("decision") > right and left > right  # left comes round after the right
    # the toolbar's buttons take no Tab stop; each of their actions is in a menu, with its keys
    menu_actions = {a for m in win.menuBar().findChildren(QMenu) for a in m.actions()}
    for action in win.findChild(QToolBar).actions():
        assert action in menu_actions or action.isSeparator(), action.text()


def test_a_dock_brought_forward_joins_the_tab_cycle(open_window, qtbot):
    win = open_window("hand_note")
    weights = win.docks["weights"]  # behind the loss's tab at first
    assert not in_sight(win, weights.widget())
    assert not any(dock_of(w) == "weights" for w in tab_cycle(win, qtbot))
    weights.raise_()
    qtbot.waitUntil(lambda: in_sight(win, weights.widget()))
    assert any(dock_of(w) == "weights" for w in tab_cycle(win, qtbot))


def test_the_canvas_weights_are_edited_from_the_keyboard(open_window, qtbot):
    win = open_window("hand_note")
    canvas, doc = win.canvas, win.doc
    canvas.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is canvas)
    for _ in range(5):  # w1 … w5
        qtbot.keyClick(canvas, Qt.Key_Tab)
    w5 = doc.net.resolve("w5")
    assert canvas.selected == w5 and win.inspector.title.text().startswith("<b>w5</b>")
    assert canvas.accessibleName() == "Network 2-2-1: w₅ = 0.14"
    qtbot.keyClick(canvas, Qt.Key_Up)
    assert abs(doc.net.get(w5) - 0.15) < 1e-12
    qtbot.keyClick(canvas, Qt.Key_Down, Qt.ShiftModifier)
    assert abs(doc.net.get(w5) - 0.05) < 1e-12
    doc.undo_stack.undo()  # one nudging gesture: one undo step
    assert doc.net.get(w5) == 0.14
    qtbot.keyClick(canvas, Qt.Key_Return)  # type a value
    editor = canvas.editor.widget()
    qtbot.waitUntil(editor.hasFocus)  # (in the scene: the application's focus is the canvas)
    editor.setText("0.5")
    qtbot.keyClick(editor, Qt.Key_Return)
    assert doc.net.get(w5) == 0.5 and canvas.editor is None
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key_Escape)
    assert canvas.selected is None
    qtbot.keyClick(canvas, Qt.Key_Tab, Qt.ControlModifier)  # Ctrl+Tab leaves at once
    assert QApplication.focusWidget() is not canvas


def test_every_check_box_of_the_interface_grows_with_its_text():
    """A plain QCheckBox keeps the style's 13-px square at 250 %: the interface makes its
    check boxes as gui.checkbox.CheckBox (read from the source, so a new one is caught)."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "gui"
    plain = [f"{p.relative_to(root)}:{n}" for p in root.rglob("*.py") if p.name != "checkbox.py"
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"\bQCheckBox\(", line)]
    assert not plain, plain


def test_ordering_the_tab_stops_leaves_every_widget_usable(open_window, qtbot):
    """Tab order was once found by walking nextInFocusChain(), which in PySide makes each
    widget a child of the one before in PySide's own bookkeeping: when a passing wrapper
    was freed, the next one's went too. The toolbar, the lecture panel's buttons' layout
    items ... raised 'Internal C++ object already deleted', and, inside Qt's layout code,
    crashed the interpreter: after the Iris lesson, Next phase, New, View → Lecture,
    Lecture → All phases (found by a random walk through the menus)."""
    import gc

    import shiboken6

    win = open_window()
    actions = {a.text().replace("&", ""): a  # (as the menus show them, less the Alt letters)
               for m in win.menuBar().findChildren(QMenu) for a in m.actions()}
    for text in ("Iris: four inputs, three classes (4-8-3)", "Next phase", "New", "Lecture",
                 "All phases"):
        actions[text].trigger()
        qtbot.wait(20)
        win.order_tabs()
        gc.collect()
    assert win.lecture_mode and win.lecture.isVisible()
    held = [v for v in vars(win).values() if isinstance(v, QWidget)]
    assert len(held) > 20 and all(shiboken6.isValid(w) for w in held)
    assert all(shiboken6.isValid(w) for w in win.findChildren(QWidget))
    win.set_lecture(False)
    assert win.toolbar.isVisible()


def test_at_250_percent_every_label_and_button_of_the_window_follows_the_scale(open_window,
                                                                               qtbot):
    """A style sheet fixes its widget's font when applied: the refusals' bar (its own
    colours) kept 100 % type at 250 %, 9 pt beside everything else's 22.5, on the projector
    the one line that says what went wrong. No label or button stays small."""
    from PySide6.QtWidgets import QLabel

    win = open_window("xor_challenge")
    win.show_all_views()
    win.refuse("a refusal")
    for scale in (2.5, 1.0, 2.5):
        win.set_scale(scale)
        qtbot.wait(20)  # (a font change reaches the widgets through events)
        size = QApplication.instance().font().pointSizeF()
        small = [f"{type(w).__name__} {w.text()!r} {w.font().pointSizeF()}"
                 for w in win.findChildren(QWidget) if isinstance(w, (QLabel, QAbstractButton))
                 if w.font().pointSizeF() < 0.8 * size]
        assert not small, (scale, small)
    assert win.message_bar.text.font().pointSizeF() == size and win.message_bar.isVisible()
