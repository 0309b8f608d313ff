"""The decision map follows the view: wheel zooms, dragging pans, the map is drawn again
over what is visible (the model far from its data), the data's range stays as a frame,
"Fit to data" comes back; the range is saved with the project and set from the command line."""

import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from gui.plots.views import GRID, plane
from tests.gui.conftest import refusal_shown
from tests.gui.test_explore import drag, settled


def vb_point(plot, fx: float, fy: float) -> QPointF:
    """Widget pixels at fractions (fx, fy) of the map's view box (0, 0: top left)."""
    vb = plot.plot.getPlotItem().vb
    r = vb.sceneBoundingRect()
    return QPointF(plot.plot.mapFromScene(QPointF(r.left() + fx * r.width(),
                                                  r.top() + fy * r.height())))


def wheel(widget, at: QPointF, dy: int) -> None:
    ev = QWheelEvent(at, QPointF(widget.mapToGlobal(at.toPoint())), QPoint(0, 0), QPoint(0, dy),
                     Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(widget.viewport(), ev)


def shown_range(plot) -> tuple:
    (x0, x1), (y0, y1) = plot.plot.getPlotItem().vb.viewRange()
    return x0, x1, y0, y1


def test_zooming_out_draws_the_model_far_from_its_data_then_fit_comes_back(open_window, qtbot):
    win = open_window()
    doc, plot = win.doc, win.decision
    doc.train_epochs(500)
    settled(qtbot, plot)
    data = plane(doc.X)
    assert doc.map_range is None and not plot.fit_button.isEnabled()
    assert shown_range(plot) == pytest.approx(data)
    for _ in range(4):  # the wheel turned back four notches over the map's corner
        wheel(plot.plot, vb_point(plot, 0.1, 0.1), -120)
        qtbot.wait(20)
    qtbot.waitUntil(lambda: doc.map_range is not None)
    settled(qtbot, plot)
    x0, x1, y0, y1 = shown = shown_range(plot)
    assert doc.map_range == pytest.approx(shown)
    assert x1 - x0 > 1.5 * (data[1] - data[0]) and y1 - y0 > 1.5 * (data[3] - data[2])
    # the map is drawn over the whole visible plane, at the same resolution
    qtbot.waitUntil(lambda: plot.image.mapRectToParent(plot.image.boundingRect())
                    .contains(QPointF(x0, y0)))
    cover = plot.image.mapRectToParent(plot.image.boundingRect())
    assert cover.left() <= x0 and cover.right() >= x1 and cover.top() <= y0 and cover.bottom() >= y1
    img = plot.image.image
    assert img.shape == (GRID, GRID)
    corner = doc.net.predict(doc.inputs(np.array([[x0, y0], [x1, y1]])))[:, 0]
    assert img[0, 0] == pytest.approx(corner[0], abs=1e-6)  # the engine's output out there
    assert img[-1, -1] == pytest.approx(corner[1], abs=1e-6)
    fx, fy = plot.frame.getData()  # the data's range as a frame
    assert (fx.min(), fx.max(), fy.min(), fy.max()) == pytest.approx(data)
    assert plot.fit_button.isEnabled()
    undo_steps = doc.undo_stack.count()
    qtbot.mouseClick(plot.fit_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: doc.map_range is None)
    settled(qtbot, plot)
    assert shown_range(plot) == pytest.approx(data)
    frame_x, _ = plot.frame.getData()
    assert frame_x is None or len(frame_x) == 0  # no frame: the map is the data's range
    assert not plot.fit_button.isEnabled()
    assert doc.undo_stack.count() == undo_steps  # a view, not an edit


def test_dragging_the_background_pans_the_map_and_adds_no_point(open_window, qtbot):
    win = open_window()
    doc, plot = win.doc, win.decision
    win.decision.lines_box.setChecked(False)  # nothing to grab but the background
    settled(qtbot, plot)
    before, n, steps = shown_range(plot), len(doc.X), doc.undo_stack.count()
    drag(qtbot, plot.plot.viewport(), vb_point(plot, 0.7, 0.5), vb_point(plot, 0.3, 0.5))
    qtbot.waitUntil(lambda: doc.map_range is not None)
    after = shown_range(plot)
    width = before[1] - before[0]
    assert after[0] - before[0] == pytest.approx(0.4 * width, rel=0.15)  # moved right by 40 %
    assert after[1] - after[0] == pytest.approx(width)  # panned, not zoomed
    assert after[2:] == pytest.approx(before[2:], abs=1e-9)
    assert len(doc.X) == n and doc.undo_stack.count() == steps


def test_the_range_is_saved_with_the_project_and_a_bad_one_is_refused(open_window, qtbot, tmp_path):
    win = open_window()
    doc, plot = win.doc, win.decision
    assert doc.set_map_range([-3, 3, -2, 2.5])
    path = tmp_path / "zoomed.json"
    assert doc.save(path)
    doc.set_map_range(None)
    assert doc.open(path)
    assert doc.map_range == (-3, 3, -2, 2.5)
    settled(qtbot, plot)
    assert shown_range(plot) == pytest.approx((-3, 3, -2, 2.5))
    doc.add_neuron(1)  # a view, not an edit: undoing an edit leaves the zoom as it is
    assert doc.set_map_range([-4, 4, -4, 4])
    doc.undo_stack.undo()
    assert doc.map_range == (-4, 4, -4, 4)
    assert doc.set_map_range([-3, 3, -2, 2.5])
    assert not doc.set_map_range([1, 0, 0, 1])
    assert "the x1 range must run from a smaller to a larger number" in refusal_shown(win)
    assert not doc.set_map_range([0, 1, 0, float("inf")])
    assert doc.map_range == (-3, 3, -2, 2.5)  # nothing changed


def test_the_command_line_renders_the_map_over_a_range(tmp_path):
    out = tmp_path / "far.png"
    r = subprocess.run([sys.executable, "main.py", "--lesson", "xor", "--train", "300", "--view",
                        "decision", "--range", "-8", "8", "-8", "8", "--screenshot", str(out)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    from PySide6.QtGui import QImage

    assert QImage(str(out)).width() > 200
    for bad, words in ((["2", "1", "0", "1"], "the x1 range must run"),
                       (["0", "1", "0", "nan"], "map_range[3] must be a finite number")):
        r = subprocess.run([sys.executable, "main.py", "--lesson", "xor", "--view", "decision",
                            "--range", *bad, "--screenshot", str(out)], capture_output=True, text=True)
        assert r.returncode == 2 and words in r.stderr
        assert len([line for line in r.stderr.splitlines() if "backprop-studio" in line]) == 1
