"""What a hidden layer does to the plane: the input plane's grid carried through the layer
(ConvNetJS's classify2d), and a morph from the layer's input through W·x and + b to the
activation (Olah's layer-by-layer picture)."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from bench.gui import project_for
from gui.plots.views import GRID_LINES, GRID_SAMPLES, MORPH_STEPS, plane


def test_the_grid_and_the_samples_morph_from_the_plane_to_the_hidden_space(open_window, qtbot):
    win = open_window()
    doc, view = win.doc, win.hidden
    win.docks["hidden"].raise_()
    doc.train_epochs(300)
    qtbot.mouseClick(view.grid_box, Qt.LeftButton)
    assert not view.morph.isHidden()  # layer 1 of a 2-2-1 net: its input is the plane
    net, X = doc.net, doc.X
    W, b = net.weights[0], net.biases[0]

    def points() -> np.ndarray:
        xs, ys = [], []
        for item in view.points.items:
            x, y = item.getData()
            xs.append(x), ys.append(y)
        return np.sort(np.column_stack([np.concatenate(xs), np.concatenate(ys)]), axis=0)

    for value, want in ((0, X), (MORPH_STEPS, X @ W), (2 * MORPH_STEPS, X @ W + b),
                        (3 * MORPH_STEPS, net.forward(X).z[1]),
                        (MORPH_STEPS // 2, X + 0.5 * (X @ W - X))):
        view.morph.setValue(value)
        view.redraw()
        np.testing.assert_allclose(points(), np.sort(want, axis=0), atol=1e-12)
    # the grid: lines across the data's plane, carried to the layer's activations
    view.morph.setValue(3 * MORPH_STEPS)
    view.redraw()
    gx, gy = view.grid.getData()
    runs = GRID_SAMPLES + 1
    assert len(gx) == 2 * GRID_LINES * runs and np.isnan(gx[GRID_SAMPLES::runs]).all()
    x0, x1, y0, y1 = plane(X)
    corner = net.forward(np.array([[x0, y0]])).z[1][0]  # the first line's first point
    assert (gx[0], gy[0]) == pytest.approx(tuple(corner), abs=1e-12)
    assert view.morph_label.text() == "f(W·x + b)"
    qtbot.mouseClick(view.grid_box, Qt.LeftButton)
    view.redraw()
    gx, _ = view.grid.getData()
    assert gx is None or len(gx) == 0


def test_no_morph_where_the_layers_input_is_not_two_dimensional(open_window, qtbot):
    win = open_window()
    doc, view = win.doc, win.hidden
    doc.load(project_for([2, 3, 4, 1], "tanh", "xor", 100))
    view.layer.setCurrentIndex(1)  # hidden layer 2: fed by 3 neurons
    view.layer.activated.emit(1)
    view.redraw()
    assert not not view.morph.isHidden() and view.morph_label.text() == ""
    view.layer.setCurrentIndex(0)  # hidden layer 1: fed by the plane
    view.layer.activated.emit(0)
    view.redraw()
    assert not view.morph.isHidden()


def test_on_a_1280_by_720_window_the_hidden_space_is_mostly_plot(open_window, qtbot):
    """The right column's hidden-space view on 1280x720 kept 72 of its 220 px for the plot
    (a title repeating the axes' names, and the grid box and slider on two rows): the plot
    now has more than half of the view, the grid box, slider and stage on one row; at
    250 % they take two rows again, each whole."""
    win = open_window()
    win.resize(1280, 720)
    win.docks["hidden"].show()
    view = win.hidden
    box = view.plot.getPlotItem().vb
    qtbot.waitUntil(lambda: view.height() < 300 and view.tool_rows == 1)
    qtbot.waitUntil(lambda: box.sceneBoundingRect().height() > 0.5 * view.height())
    assert view.plot.getPlotItem().titleLabel.text == ""
    win.set_scale(2.5)
    qtbot.waitUntil(lambda: view.tool_rows == 2)
    for w in (view.grid_box, view.morph_label):
        assert w.width() >= w.sizeHint().width()
    view.morph.setValue(0)  # the stage's name, in the label's room
    assert view.morph_label.text() == "input"
    assert view.morph_label.width() >= view.morph_label.sizeHint().width()


def test_without_a_hidden_layer_the_view_says_so_and_shows_no_empty_controls(open_window, qtbot):
    """xor_features starts with no hidden layer: the Hidden space view showed three empty
    boxes, a slider and bare axes under its note, Hidden neurons an empty mosaic and bare
    axes; now the notes alone, and the controls come back with a hidden layer."""
    win = open_window("xor_features")
    win.docks["hidden"].show()
    win.docks["hidden"].raise_()
    view = win.hidden
    axis = view.plot.getPlotItem().getAxis("left")
    qtbot.waitUntil(lambda: view.plot.getPlotItem().titleLabel.text == "no hidden layer")
    assert not any(w.isVisible() for w in (view.layer, view.first, view.second, view.grid_box,
                                           view.morph, axis))
    maps = win.thumbnails  # the Hidden neurons view: its note alone too
    win.docks["neurons"].raise_()
    qtbot.waitUntil(lambda: maps.big.getPlotItem().titleLabel.text == "neuron maps need a hidden layer")
    assert not maps.grid.isVisible() and not maps.big.getPlotItem().getAxis("left").isVisible()
    assert win.doc.insert_layer(1)
    qtbot.waitUntil(lambda: maps.grid.isVisible() and maps.big.getPlotItem().getAxis("left").isVisible())
    win.docks["hidden"].raise_()
    qtbot.waitUntil(lambda: view.layer.isVisible() and axis.isVisible())
    assert view.first.isVisible() and view.morph.isVisible() and view.grid_box.isVisible()
    win.doc.undo_stack.undo()
    qtbot.waitUntil(lambda: not view.layer.isVisible() and not axis.isVisible())
