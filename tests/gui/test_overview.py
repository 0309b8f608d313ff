"""A big net far from fitting the canvas with its text shows whole, without text (the
overview: level of detail), and every neuron and edge still answers the mouse; Ctrl+wheel
zooms in to the text and never takes a small net's text below 9 pt."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from bench.gui import project_for
from core import Param
from core.formula import num
from gui.canvas.view import MAX_ZOOM, MIN_PT, ZOOM_STEP
from tests.gui.conftest import window_on
from tests.gui.test_canvas_layout import smallest_text_pt, whole_in_view
from tests.gui.test_edges import beside, wheel


@pytest.fixture
def big(qtbot):
    """The 6 x 8 net (TensorFlow Playground's largest) in a 1280 x 720 window, every view
    shown: its canvas is ~560 px wide."""
    yield window_on(qtbot, project_for([2, 8, 8, 8, 8, 8, 8, 1], "tanh", "spiral", 500),
                    all_views=True, size=(1280, 720))


def texts_shown(canvas) -> list[str]:
    return [kind for kind, _ in canvas.visible_text_rects() if not kind.startswith("neuron")]


def test_a_big_net_shows_whole_and_every_part_still_answers(big, qtbot):
    canvas, doc, net = big.canvas, big.doc, big.doc.net
    assert not canvas.detail and whole_in_view(canvas) and texts_shown(canvas) == []
    assert canvas.transform().m11() == pytest.approx(canvas.whole_zoom())
    # hover a neuron: its name and the engine's value for the sample shown
    n = canvas.neurons[3][4]
    pos = canvas.mapFromScene(n.sceneBoundingRect().center())
    QApplication.sendEvent(canvas.viewport(),
                           QHelpEvent(QEvent.ToolTip, pos, canvas.viewport().mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible)
    value = net.forward(doc.inputs(doc.X[0])).z[3][0, 4]
    name = net.neuron_symbols()[3][4].unicode()
    assert QToolTip.text().splitlines()[0] == f"{name} = {value:.10g}"
    QToolTip.hideText()
    # double-click an edge: a full-size editor over it; Enter sets the weight (undoable)
    p = canvas.edge_params[200]  # one in the middle of the net
    qtbot.mouseDClick(canvas.viewport(), Qt.LeftButton, pos=beside(canvas, p, off=0.0))
    qtbot.waitUntil(lambda: canvas.editor is not None)
    editor = canvas.editor
    assert editor.deviceTransform(canvas.viewportTransform()).m11() == pytest.approx(1.0)
    anchor = canvas.mapFromScene(canvas.anchor(p))
    assert canvas.viewport().rect().contains(anchor)
    line = editor.widget()
    line.selectAll()
    qtbot.keyClicks(line, "0.5")
    qtbot.keyClick(line, Qt.Key_Return)
    assert net.get(p) == 0.5 and canvas.selected == p
    doc.undo_stack.undo()
    assert net.get(p) != 0.5
    # a neuron's circle, with no number in it, is filled by its value's sign and size
    first = canvas.neurons[1][0]
    for bias, stronger in ((2.0, "blue"), (-2.0, "red")):
        assert doc.set_param(Param(0, -1, 0), str(bias))
        level = 4 if bias > 0 else -4
        qtbot.waitUntil(lambda level=level: first.tint == level)
        c = first.brush().color()
        value = net.forward(doc.inputs(doc.X[0])).z[1][0, 0]
        assert abs(value) > 0.95 and (c.blueF() > c.redF()) == (stronger == "blue")


def test_zooming_in_brings_the_text_and_the_plain_fill_back(big, qtbot):
    canvas, doc = big.canvas, big.doc
    assert doc.set_param(Param(0, -1, 0), "2")
    first = canvas.neurons[1][0]
    qtbot.waitUntil(lambda: first.tint == 4)
    while not canvas.detail:
        wheel(canvas, canvas.viewport().rect().center(), 120, Qt.ControlModifier)
    assert first.brush().color() == canvas.theme["fill"] and first.value.isVisible()
    assert first.value.text() == num(float(doc.net.forward(doc.inputs(doc.X[0])).z[1][0, 0]), 4)


def test_ctrl_wheel_zooms_in_to_the_text_and_home_shows_it_whole_again(big, qtbot):
    canvas = big.canvas
    middle = canvas.viewport().rect().center()
    for _ in range(40):
        wheel(canvas, middle, 120, Qt.ControlModifier)
        if canvas.detail:
            break
        # no notch stops just short of the text (large circles with nothing in them)
        assert canvas.transform().m11() * ZOOM_STEP <= canvas.text_zoom() + 1e-9
    assert canvas.detail and texts_shown(canvas)  # names, values, titles
    assert smallest_text_pt(canvas) >= MIN_PT - 1e-6 and not whole_in_view(canvas)
    for _ in range(40):
        wheel(canvas, middle, 120, Qt.ControlModifier)
    assert canvas.transform().m11() == pytest.approx(MAX_ZOOM)
    for _ in range(80):  # out as far as it goes: the whole net, not smaller
        wheel(canvas, middle, -120, Qt.ControlModifier)
    assert canvas.transform().m11() == pytest.approx(canvas.whole_zoom())
    assert not canvas.detail and texts_shown(canvas) == []
    wheel(canvas, middle, 120, Qt.ControlModifier)
    assert canvas.user_zoom
    fit = next(a for a in big.findChildren(QAction) if a.text() == "&Fit network in view")
    assert fit.shortcut().toString() == "Home"
    fit.trigger()
    assert canvas.transform().m11() == pytest.approx(canvas.whole_zoom()) and not canvas.user_zoom


def test_a_small_net_never_draws_its_text_below_9_pt(open_window):
    win = open_window("xor")
    canvas = win.canvas
    middle = canvas.viewport().rect().center()
    for _ in range(30):
        wheel(canvas, middle, -120, Qt.ControlModifier)
    assert canvas.detail and smallest_text_pt(canvas) >= MIN_PT - 1e-6
    assert canvas.transform().m11() == pytest.approx(canvas.text_zoom())  # where it stops
    for _ in range(40):
        wheel(canvas, middle, 120, Qt.ControlModifier)
    assert canvas.transform().m11() == pytest.approx(MAX_ZOOM)


def test_a_lecture_phase_on_a_big_net_shows_its_numbers(big, qtbot):
    canvas = big.canvas
    big.set_lecture(True)
    big.lecture.go(1)
    qtbot.waitUntil(lambda: canvas.detail)
    lit = [canvas.neurons[l][i] for l, i in canvas.overlay[0]]
    assert lit and smallest_text_pt(canvas) >= MIN_PT - 1e-6
    view = canvas.viewport().rect()
    assert any(view.intersects(canvas.mapFromScene(n.sceneBoundingRect()).boundingRect())
               for n in lit)  # scrolled to the phase's neurons
    big.set_lecture(False)
    qtbot.waitUntil(lambda: not canvas.detail)
    assert whole_in_view(canvas) and np.isfinite(canvas.transform().m11())
    assert canvas.transform().m11() == pytest.approx(canvas.whole_zoom())
