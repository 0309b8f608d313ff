"""L1 and L2 regularisation typed in the training panel: L1 drives weights to exactly 0,
and the canvas draws those "dead" links dotted, with a tooltip that says so."""

import numpy as np
from PySide6.QtCore import Qt

from tests.gui.conftest import refusal_shown


def type_into(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key_Backspace)  # what was there goes
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key_Return)


def dotted(canvas) -> set:
    return {p for p in canvas.edges if canvas.edge_pen(p).style() == Qt.DotLine}


def test_l1_typed_in_the_panel_kills_weights_and_the_canvas_shows_them_dotted(open_window, qtbot):
    win = open_window()
    doc, canvas, panel = win.doc, win.canvas, win.training
    type_into(qtbot, panel.l1, "0,3")  # a decimal comma, as typed in Czech
    assert doc.settings["l1"] == 0.3 and doc.trainer.l1 == 0.3
    doc.train_epochs(400)
    net = doc.net
    zero = {p for p in canvas.edges if net.get(p) == 0.0}
    assert zero, "strong L1 on XOR leaves some weight at exactly 0"
    qtbot.waitUntil(lambda: dotted(canvas) == zero)
    p = next(iter(zero))
    assert "dead" in canvas.edge_tip(p)
    assert all(canvas.edge_pen(q).style() == Qt.SolidLine for q in canvas.edges if q not in zero)
    # L1 off again (an empty field): the same zero weights are plain zero-width links
    type_into(qtbot, panel.l1, "")
    assert doc.settings["l1"] == 0.0
    qtbot.waitUntil(lambda: not dotted(canvas))
    assert "dead" not in canvas.edge_tip(p)
    win.canvas.setFocus()
    qtbot.keyClick(win.canvas, Qt.Key_Z, Qt.ControlModifier)  # undo: L1 back at 0.3
    assert doc.settings["l1"] == 0.3 and doc.trainer.l1 == 0.3


def test_l2_shrinks_weights_and_bad_strengths_are_refused(open_window, qtbot):
    win = open_window()
    doc, panel = win.doc, win.training

    def trained_norm() -> float:
        qtbot.keyClick(win, Qt.Key_R, Qt.ControlModifier)  # Reset: the same initial weights
        doc.train_epochs(300)
        return float(np.linalg.norm(np.concatenate([w.ravel() for w in doc.net.weights])))

    free = trained_norm()
    type_into(qtbot, panel.l2, "0.5")
    assert doc.trainer.l2 == 0.5
    assert trained_norm() < 0.8 * free  # weight decay keeps the weights small
    type_into(qtbot, panel.l2, "0")
    assert doc.settings["l2"] == 0.0 and doc.trainer.l2 == 0.0
    for text, words in (("-1", "L2 strength must be from 0"), ("abc", "L2 strength"),
                        ("1e9", "must be from 0 (off) to 10")):
        type_into(qtbot, panel.l2, text)
        assert words in refusal_shown(win)
        assert doc.settings["l2"] == 0.0 and panel.l2.text() == ""  # shows what is in force
