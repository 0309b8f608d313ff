"""Edges are drawn, not hit-tested by Qt: the canvas finds the edge near the mouse itself.
A user clicks, double-clicks, wheels, right-clicks and hovers near an edge, on the XOR net
and on a dense 32-wide one, and gets that edge."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QHelpEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QMenu, QToolTip

from bench.gui import project_for
from tests.gui.conftest import window_on


def beside(canvas, p, off: float = 4.0) -> QPoint:
    """A view point ``off`` pixels to the side of edge ``p``, where no label, neuron or
    other edge is nearer (so the click can only mean this edge)."""
    k = canvas.edges[p]
    x1, y1, x2, y2 = canvas.edge_ends[k]
    a = canvas.mapFromScene(QPointF(x1, y1))
    b = canvas.mapFromScene(QPointF(x2, y2))
    d = np.array([b.x() - a.x(), b.y() - a.y()], float)
    n = np.array([-d[1], d[0]]) / np.hypot(*d)
    for t in np.linspace(0.15, 0.85, 57):
        for side in (1, -1):
            x, y = np.array([a.x(), a.y()]) + t * d + side * off * n
            pos = QPoint(round(x), round(y))
            item = canvas.itemAt(pos)
            if item in (None, canvas.edge_item) and canvas.edge_at(pos) == p:
                return pos
    raise AssertionError(f"no free point beside {p}")


def wheel(canvas, pos: QPoint, dy: int, mods=Qt.NoModifier) -> None:
    ev = QWheelEvent(QPointF(pos), QPointF(canvas.viewport().mapToGlobal(pos)), QPoint(0, 0),
                     QPoint(0, dy), Qt.NoButton, mods, Qt.NoScrollPhase, False)
    QApplication.sendEvent(canvas.viewport(), ev)


def test_click_double_click_and_wheel_beside_an_xor_edge(open_window, qtbot):
    win = open_window()
    canvas, net = win.canvas, win.doc.net
    p = net.resolve("w5")
    pos = beside(canvas, p)
    qtbot.mouseClick(canvas.viewport(), Qt.LeftButton, pos=pos)
    assert canvas.selected == p
    assert "w5" in win.inspector.title.text() or "w₅" in win.inspector.title.text()
    old = net.get(p)
    wheel(canvas, pos, 120)
    wheel(canvas, pos, 120, Qt.ShiftModifier)
    assert net.get(p) == pytest.approx(old + 0.11)
    wheel(canvas, pos, -120)
    assert net.get(p) == pytest.approx(old + 0.10)
    qtbot.mouseDClick(canvas.viewport(), Qt.LeftButton, pos=pos)
    editor = canvas.editor.widget()
    editor.selectAll()
    qtbot.keyClicks(editor, "0.75")
    qtbot.keyClick(editor, Qt.Key_Return)
    assert net.get(p) == 0.75
    # a click on empty canvas, far from every edge, selects nothing
    empty = canvas.mapFromScene(canvas.sceneRect().topLeft()) + QPoint(5, 5)
    assert canvas.edge_at(empty) is None
    qtbot.mouseClick(canvas.viewport(), Qt.LeftButton, pos=empty)
    assert canvas.selected is None


@pytest.fixture
def wide_window(qtbot):
    yield window_on(qtbot, project_for([2, 32, 32, 1], "tanh", "spiral", 200), size=(1600, 1000))


def test_every_edge_of_a_dense_layer_is_reachable_and_tells_its_value(wide_window, qtbot):
    win = wide_window
    canvas, net = win.canvas, win.doc.net
    canvas.setFocus()
    p = net.resolve("w700")
    assert p is not None and not p.is_bias and p.layer == 1
    assert not canvas.label_shown(p)  # a dense layer: no label until asked
    assert not canvas.detail  # 1,120 edges in 1600 x 1000: the overview, all of it in view
    pos = beside(canvas, p, off=0.0)  # 32 x 32 edges cross everywhere: on the line itself
    QApplication.sendEvent(canvas.viewport(),
                           QHelpEvent(QEvent.ToolTip, pos, canvas.viewport().mapToGlobal(pos)))
    qtbot.waitUntil(lambda: QToolTip.isVisible())
    assert QToolTip.text() == f"{canvas.label_texts[p]} = {net.get(p):.10g}"
    QToolTip.hideText()
    plain = canvas.edge_pen(p).widthF()
    qtbot.mouseClick(canvas.viewport(), Qt.LeftButton, pos=pos)
    assert canvas.selected == p and not canvas.label_shown(p)  # the overview has no text:
    assert canvas.edge_pen(p).widthF() == plain + 4  # the edge itself is drawn lit
    assert win.inspector.value.text() == f"{net.get(p):.12g}"  # the inspector shows it
    old = net.get(p)
    wheel(canvas, pos, 120)
    assert net.get(p) == pytest.approx(old + 0.01)
    while not canvas.detail:  # Ctrl+wheel in over it: the text comes, the selected labelled
        wheel(canvas, pos, 120, Qt.ControlModifier)
    assert canvas.label_shown(p)
    pos = beside(canvas, p, off=0.0)
    # right-click: the edge's menu (freeze), chosen from the real menu
    seen = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        seen.append(menu)
        if isinstance(menu, QMenu):
            menu.actions()[0].trigger()
            menu.close()

    QTimer.singleShot(100, choose)
    from PySide6.QtGui import QContextMenuEvent
    QApplication.sendEvent(canvas.viewport(), QContextMenuEvent(
        QContextMenuEvent.Mouse, pos, canvas.viewport().mapToGlobal(pos)))
    qtbot.waitUntil(lambda: bool(seen))
    assert net.is_frozen(p)
