"""Probe a point: Ctrl+click on the map puts a probe there; the canvas shows its forward
pass, the lecture derives its step (for the class chosen for new points), a training step
that shows a sample takes it away."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from tests.gui.test_explore import settled
from tests.gui.test_map_range import vb_point


def ctrl_click(widget, at: QPointF) -> None:
    for kind, held in ((QEvent.MouseButtonPress, Qt.LeftButton), (QEvent.MouseButtonRelease, Qt.NoButton)):
        QApplication.sendEvent(widget, QMouseEvent(kind, at, widget.mapToGlobal(at), Qt.LeftButton,
                                                   held, Qt.ControlModifier))


def test_ctrl_click_probes_the_network_on_the_canvas_and_in_the_lecture(open_window, qtbot):
    win = open_window()
    doc, plot, canvas = win.doc, win.decision, win.canvas
    doc.train_epochs(300)
    settled(qtbot, plot)
    n = len(doc.X)
    at = vb_point(plot, 0.3, 0.7)
    ctrl_click(plot.plot.viewport(), at)
    qtbot.waitUntil(lambda: doc.probe is not None)
    assert len(doc.X) == n  # a probe, not a new point
    want = plot.plot.getPlotItem().vb.mapSceneToView(plot.plot.mapToScene(at.toPoint()))
    assert doc.probe == pytest.approx((want.x(), want.y()), abs=1e-9)
    mx, my = plot.probe_mark.getData()
    assert (mx[0], my[0]) == pytest.approx(doc.probe)
    # the canvas: the probe's inputs and its output, the engine's numbers
    out = doc.net.predict(doc.inputs(np.array([doc.probe])))[0, 0]
    qtbot.waitUntil(lambda: [float(c.value.text()) for c in canvas.neurons[0]]
                    == pytest.approx(doc.probe, abs=5e-3))
    assert float(canvas.neurons[-1][0].value.text()) == pytest.approx(out, rel=1e-3)
    # the lecture derives the probe's step, for the class new points get
    win.data_panel.point_class.setCurrentIndex(1)
    ctrl_click(plot.plot.viewport(), at)  # again: now for class 1
    qtbot.waitUntil(lambda: doc.probe_class == 1)
    win.set_lecture(True)
    lecture = win.lecture
    qtbot.waitUntil(lambda: lecture.sample_label.text().startswith("Probe:"))
    assert "y = (1)" in lecture.sample_label.text()
    assert not lecture.apply_button.isEnabled()
    assert lecture.dv.trace.x == pytest.approx(np.array(doc.probe))
    # the map's menu can remove it; a training step that shows a sample does too
    menu = win.map_menu(*doc.probe)
    assert "Remove the probe" in [a.text() for a in menu.actions()]
    win.set_lecture(False)
    doc.step_sample()
    assert doc.probe is None
    qtbot.waitUntil(lambda: len(plot.probe_mark.getData()[0]) == 0)


def test_a_probe_on_a_regression_map_learns_from_the_nearest_sample(open_window, qtbot):
    """For a real-valued target there is no class to choose: the probe's step takes the
    target of the training sample nearest to it (each input in its own spread), so the
    step moves the weights towards what the data says there."""
    from PySide6.QtCore import Qt

    from tests.gui.conftest import choose, refusal_shown

    win = open_window()
    doc, plot, panel = win.doc, win.decision, win.data_panel
    choose(panel.kind, "Gaussian bumps (regression)")
    qtbot.mouseClick(panel.generate, Qt.LeftButton)
    assert not doc.is_classification
    doc.train_epochs(50)
    settled(qtbot, plot)
    ctrl_click(plot.plot.viewport(), vb_point(plot, 0.35, 0.6))
    qtbot.waitUntil(lambda: doc.probe is not None)
    spread = doc.X.std(axis=0)
    k = int(np.argmin((((doc.X - np.array(doc.probe)) / spread) ** 2).sum(axis=1)))
    win.set_lecture(True)
    lecture = win.lecture
    qtbot.waitUntil(lambda: lecture.sample_label.text().startswith("Probe:"))
    assert f"as at the nearest sample, {k + 1};" in lecture.sample_label.text()
    assert lecture.dv.trace.y == pytest.approx(doc.Y[k])
    assert lecture.dv.trace.x == pytest.approx(np.array(doc.probe))
    out = doc.net.predict(doc.inputs(np.array([doc.probe])))[0]
    assert lecture.dv.trace.z[-1] == pytest.approx(out)  # the model's own output differs:
    assert abs(out[0] - doc.Y[k, 0]) > 1e-6  # the step changes something
    assert any(step.grad != 0 for step in lecture.dv.trace.params)
    win.set_lecture(False)
    # a plain click adds no point to numeric targets (no class to give it): it says so
    n = len(doc.X)
    qtbot.mouseClick(plot.plot.viewport(), Qt.LeftButton, pos=vb_point(plot, 0.5, 0.5).toPoint())
    qtbot.waitUntil(lambda: "targets are numbers" in refusal_shown(win))
    assert len(doc.X) == n
