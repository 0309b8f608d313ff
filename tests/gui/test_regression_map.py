"""Two inputs, a real-valued target: the main view is ŷ(x1, x2) as a map on a diverging
scale fixed by the targets, with the data coloured by target on the same scale."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from gui.plots.views import GRID
from resources import load_lesson
from tests.gui.conftest import choose
from tests.gui.test_explore import settled
from tests.gui.test_map_range import vb_point, wheel


def test_the_gaussian_bumps_show_as_an_output_map(open_window, qtbot):
    win = open_window()
    doc, plot, panel = win.doc, win.decision, win.data_panel
    choose(panel.kind, "Gaussian bumps (regression)")
    panel.noise.setValue(0.0)
    qtbot.mouseClick(panel.generate, Qt.LeftButton)
    assert doc.settings["loss"] == "mse" and doc.net.activations[-1] == "linear"
    assert win.docks["decision"].windowTitle() == "Output map"
    doc.train_epochs(300)
    qtbot.waitUntil(lambda: plot.surface.isVisible() and plot.surface.image is not None)
    plot.redraw()
    assert not plot.image.isVisible() and not plot.classes_image.isVisible()
    Y, img = doc.Y[:, 0], plot.surface.image
    assert img.shape == (GRID, GRID) and img.dtype == np.float32
    # the targets' range (fixed by the data) from 0 to 1: scaled in float64, so that targets
    # past float32's range cannot overflow (the levels too are 0 and 1)
    assert tuple(plot.surface.levels) == (0.0, 1.0)
    x0, x1, y0, y1 = plot.map_range()
    gx, gy = np.linspace(x0, x1, GRID), np.linspace(y0, y1, GRID)
    probe = doc.net.predict(doc.inputs(np.array([[gx[10], gy[70]]])))[0, 0]
    lo, hi = Y.min(), Y.max()
    assert img[70, 10] == pytest.approx((np.clip(probe, lo, hi) - lo) / (hi - lo), abs=1e-6)
    # the data coloured by target: the highest target's point is drawn orange, the lowest blue
    colours = {}
    for item in plot.points.items:
        xs, ys = item.getData()
        for x, y in zip(xs, ys):
            colours[(x, y)] = item.opts["brush"].color()
    top, bottom = doc.X[Y.argmax()], doc.X[Y.argmin()]
    hot, cold = colours[tuple(top)], colours[tuple(bottom)]
    assert hot.red() > 200 and hot.blue() < 100 and cold.blue() > 200 and cold.red() < 100
    # it zooms like the decision map
    settled(qtbot, plot)
    wheel(plot.plot, vb_point(plot, 0.5, 0.5), -120)
    qtbot.waitUntil(lambda: doc.map_range is not None)
    # 0/1 targets keep the squared error (an output map still); a classification lesson
    # shows decision regions again
    choose(panel.kind, "XOR cloud")
    qtbot.mouseClick(panel.generate, Qt.LeftButton)
    assert doc.settings["loss"] == "mse" and win.docks["decision"].windowTitle() == "Output map"
    doc.load(load_lesson("xor"))  # a classification lesson
    assert win.docks["decision"].windowTitle() == "Decision regions"
    qtbot.waitUntil(lambda: plot.image.isVisible() and not plot.surface.isVisible())
