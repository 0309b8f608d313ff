"""More than two inputs: the map is a 2-D slice over two chosen inputs, the others held at
values set with sliders (their means at first), the data faded by distance from the slice.
The Iris lesson (150 flowers, 4 measurements, 3 species)."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from gui.plots.views import CLASS_BRUSHES, GRID
from tests.gui.conftest import choose, refusal_shown
from tests.gui.test_explore import settled
from tests.gui.test_map_range import vb_point
from tests.gui.test_probe import ctrl_click


def test_the_iris_map_is_a_slice_you_choose_and_move(open_window, qtbot):
    win = open_window("iris")
    doc, plot = win.doc, win.decision
    assert doc.X.shape == (150, 4) and win.docks["decision"].windowTitle() == "Decision regions"
    doc.train_epochs(200)
    plot.redraw()
    assert plot.slice_box.isVisible() and plot.dims() == (0, 1)
    assert plot.slice_values == pytest.approx(doc.X.mean(axis=0))
    choose(plot.axis_x, "x3")
    choose(plot.axis_y, "x4")
    plot.redraw()
    assert plot.dims() == (2, 3)
    shown = [label.text() for slider, label in plot.sliders if label.isVisible()]
    assert shown == [f"x1 = {doc.X[:, 0].mean():.3g}", f"x2 = {doc.X[:, 1].mean():.3g}"]

    def pixel(r: int, c: int) -> np.ndarray:
        x0, x1, y0, y1 = plot.map_range()
        point = plot.slice_values.copy()
        point[2], point[3] = np.linspace(x0, x1, GRID)[c], np.linspace(y0, y1, GRID)[r]
        return doc.net.predict(doc.inputs(point[None]))[0]

    img = plot.classes_image.image  # the argmax class's colour: compare the class
    assert img.shape == (GRID, GRID, 3)
    before = img.copy()
    # sliding x1 to its largest value moves the slice: the map and the fading change
    slider, _ = plot.sliders[0]
    slider.setValue(slider.maximum())
    assert plot.slice_values[0] == pytest.approx(doc.X[:, 0].max())
    plot.redraw()
    assert not np.array_equal(plot.classes_image.image, before)
    alpha = plot.fade(doc.X)
    far = np.argmin(np.abs(doc.X[:, 0] - doc.X[:, 0].max()) + np.abs(doc.X[:, 1] - doc.X[:, 1].mean()))
    assert alpha.max() == alpha[far] and alpha.min() >= 0.12
    # the probe is a whole flower: the held values with the clicked axes
    settled(qtbot, plot)
    ctrl_click(plot.plot.viewport(), vb_point(plot, 0.5, 0.5))
    qtbot.waitUntil(lambda: doc.probe is not None)
    assert len(doc.probe) == 4 and doc.probe[:2] == pytest.approx(tuple(plot.slice_values[:2]))
    # points are added only on two-input data
    n = len(doc.X)
    qtbot.mouseClick(plot.plot.viewport(), Qt.LeftButton, pos=vb_point(plot, 0.4, 0.4).toPoint())
    qtbot.waitUntil(lambda: "two inputs" in refusal_shown(win))
    assert len(doc.X) == n
    # the map over the slice is the engine's: the argmax class's colour, paler where lower
    plot.redraw()
    colours = np.array([CLASS_BRUSHES[k].color().getRgbF()[:3] for k in range(3)])
    for r, c in ((10, 10), (50, 80), (90, 30)):
        out = pixel(r, c)
        strength = np.clip((out.max() - 1 / 3) / (2 / 3), 0, 1)
        want = 1 - 0.55 * strength * (1 - colours[out.argmax()])
        assert plot.classes_image.image[r, c] == pytest.approx(want, abs=1e-5)


def test_the_slice_is_saved_with_the_project_and_a_bad_one_is_refused(open_window, qtbot, tmp_path):
    import json

    win = open_window("iris")
    doc, plot = win.doc, win.decision
    plot.redraw()
    choose(plot.axis_x, "x3")
    choose(plot.axis_y, "x1")
    held = [(slider, label) for slider, label in plot.sliders if slider.isVisible()]
    assert [label.text()[:2] for _, label in held] == ["x2", "x4"]
    held[1][0].setFocus()
    qtbot.keyClick(held[1][0], Qt.Key_End)  # x4 to the largest in the data
    x4 = doc.X[:, 3].max()
    assert plot.slice_values[3] == pytest.approx(x4) and plot.dims() == (2, 0)
    path = tmp_path / "slice.json"
    assert doc.save(path)
    saved = json.loads(path.read_text())["map_slice"]
    assert saved["axes"] == [2, 0] and saved["held"][3] == pytest.approx(x4)
    # another slice, then the file again: the boxes, the slider and its label come back
    choose(plot.axis_x, "x2")
    qtbot.keyClick(plot.sliders[3][0], Qt.Key_Home)
    assert doc.open(path)
    plot.redraw()
    assert (plot.axis_x.currentText(), plot.axis_y.currentText()) == ("x3", "x1")
    assert plot.dims() == (2, 0) and plot.slice_values[3] == pytest.approx(x4)
    slider, label = plot.sliders[3]
    assert slider.value() == slider.maximum() and label.isVisible()
    assert label.text() == f"x4 = {x4:.3g}"
    assert plot.plot.getPlotItem().getAxis("bottom").labelText == "x3"
    # a data edit (a point removed) keeps the slice; a view, so undo leaves it alone
    n = len(doc.X)
    assert doc.set_data(doc.X[1:], doc.Y[1:])
    assert len(doc.X) == n - 1 and plot.dims() == (2, 0)
    assert plot.slice_values[3] == pytest.approx(x4)
    # a damaged slice in a file: one line naming it, the open project unchanged
    bad = json.loads(path.read_text())
    bad["map_slice"] = {"axes": [2, 2], "held": saved["held"]}
    (tmp_path / "bad.json").write_text(json.dumps(bad))
    assert not doc.open(tmp_path / "bad.json")
    assert "map_slice.axes must name two different inputs" in refusal_shown(win)
    assert len(doc.X) == n - 1 and plot.dims() == (2, 0)
    # and from code: a slice that does not fit the data is refused, nothing changed
    assert not doc.set_map_slice((0, 4), [0, 0, 0, 0])
    assert "map_slice.axes[1] must be from 0 to 3" in refusal_shown(win)
    assert plot.dims() == (2, 0)


def test_a_lesson_of_two_inputs_after_iris_while_zoomed_in(open_window, qtbot):
    """On a small screen, zoom in, open Iris (four inputs: a slider for each), then a
    two-input lesson: the
    window's resize came before the map's first redraw, with Iris's sliders still there
    and no slice in the new project: a TypeError inside Qt's resize, which crashed the
    interpreter (found by a random walk through the menus)."""
    from PySide6.QtWidgets import QApplication, QMenu

    win = open_window()
    win.resize(796, 796)  # a small screen's window: the map's dock cramped
    actions = {a.text().replace("&", ""): a  # (as the menus show them, less the Alt letters)
               for m in win.menuBar().findChildren(QMenu) for a in m.actions()}
    for text in ("Zoom in", "Iris: four inputs, three classes (4-8-3)",
                 "Zero initialisation: the symmetry problem (2-2-1)"):
        actions[text].trigger()
        for _ in range(2):  # (no waiting: the resize then falls before the map's redraw)
            QApplication.processEvents()
    view = win.decision
    assert win.doc.X.shape[1] == 2 and view.sliders == [] and not view.slice_box.isVisible()
    actions["Iris: four inputs, three classes (4-8-3)"].trigger()
    qtbot.waitUntil(lambda: len(view.sliders) == 4)
    labels = [label.text() for slider, label in view.sliders if label.isVisible()]
    assert [t.split(" = ")[0] for t in labels] == ["x3", "x4"]  # the held inputs
