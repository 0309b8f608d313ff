"""One input: y-hat(x) as a curve over the data, each hidden neuron's part w·h(x) on
demand (they and the bias add up to the output), zoom out to see the model far from the
data, and predictions against targets one tick away."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from gui.plots.views import CURVE_POINTS
from tests.gui.test_explore import settled
from tests.gui.test_map_range import vb_point, wheel


def test_the_sine_lesson_shows_its_curve_and_the_hidden_parts_add_up(open_window, qtbot):
    win = open_window("sine")
    doc, plot = win.doc, win.decision
    assert win.docks["decision"].windowTitle() == "Output curve"
    doc.train_epochs(500)
    plot.redraw()
    xs, ys = plot.curve.getData()
    assert len(xs) == CURVE_POINTS and xs.min() < doc.X.min() and xs.max() > doc.X.max()
    np.testing.assert_allclose(ys, doc.net.predict(doc.inputs(xs[:, None]))[:, 0], atol=1e-12)
    px, _ = plot.parts.getData()
    assert px is None or len(px) == 0  # parts only on demand
    qtbot.mouseClick(plot.parts_box, Qt.LeftButton)
    qtbot.waitUntil(lambda: plot.parts.getData()[0] is not None and len(plot.parts.getData()[0]) > 0)
    px, py = plot.parts.getData()
    H = doc.net.sizes[1]
    parts = py.reshape(H, CURVE_POINTS + 1)[:, :-1]  # one run per hidden neuron, NaN between
    assert np.isnan(py.reshape(H, CURVE_POINTS + 1)[:, -1]).all()
    total = parts.sum(axis=0) + doc.net.biases[-1][0]
    np.testing.assert_allclose(total, ys, atol=1e-12)  # linear output: they make y-hat


def test_zooming_out_shows_the_curve_far_from_the_data_and_versus_is_a_tick_away(open_window, qtbot):
    win = open_window("sine")
    doc, plot = win.doc, win.decision
    doc.train_epochs(300)
    settled(qtbot, plot)
    for _ in range(4):
        wheel(plot.plot, vb_point(plot, 0.5, 0.5), -120)
        qtbot.wait(20)
    qtbot.waitUntil(lambda: doc.map_range is not None)
    settled(qtbot, plot)
    plot.redraw()
    x0, x1, _, _ = doc.map_range
    xs, ys = plot.curve.getData()
    assert xs[0] == pytest.approx(x0) and xs[-1] == pytest.approx(x1)
    assert x1 - x0 > 3 * np.ptp(doc.X[:, 0])  # far beyond the data's [-1, 1]
    fx, fy = plot.frame.getData()
    assert fx.min() <= doc.X.min() and fx.max() >= doc.X.max()  # the data's box
    qtbot.mouseClick(plot.versus_box, Qt.LeftButton)
    assert win.docks["decision"].windowTitle() == "Predictions"
    plot.redraw()
    sx, sy = plot.scatter.getData()
    np.testing.assert_allclose(sx, doc.Y[:, 0])
    np.testing.assert_allclose(sy, doc.net.predict(doc.inputs(doc.X))[:, 0], atol=1e-12)
    cx, _ = plot.curve.getData()
    assert cx is None or len(cx) == 0
