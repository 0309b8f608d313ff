"""Every view feeds the network through the document's input map (core.features): with a
map that adds x1·x2 as a third input, the views still plot the (x1, x2) plane and the
network sees three inputs everywhere."""

import numpy as np

from core import Network, initialise
from core.features import Features
from tests.gui.conftest import track


def test_every_view_goes_through_the_input_map(open_window, qtbot):
    win = open_window("xor")
    doc = win.doc
    features = Features.from_names(2, ["x1", "x2", "x1*x2"])
    net = initialise(Network([3, 2, 1], "sigmoid"), "xavier", seed=0)
    doc.reinstate(doc._new_state(net, features=features))
    assert doc.trainer.X.shape == (len(doc.X), 3)  # training sees the features
    for view in (win.decision, win.hidden, win.thumbnails, win.metrics, win.loss_plot):
        view.redraw()
    assert win.decision.image.image.shape == (100, 100)  # the map is over (x1, x2)
    win.docks["landscape"].raise_()
    qtbot.waitUntil(lambda: win.landscape.land is not None)
    k = 5
    doc.state.sample = k
    win.canvas._on_weights_changed()
    x = doc.X[k]
    shown = [float(n.value.text()) for n in win.canvas.neurons[0]]
    assert np.allclose(shown, [x[0], x[1], x[0] * x[1]], atol=5e-4)
    win.inspector.show_param(doc.net.resolve("w1"))
    win.inspector._show_gradient()
    assert "whole training set" in win.inspector.grad.text()
    win.set_lecture(True)
    assert win.lecture.dv is not None and len(win.lecture.dv.trace.x) == 3
    dialog = win.gradient_check()
    track(qtbot, dialog)
    assert max(c.relative for c in dialog.checks) < 1e-5
    assert doc.move_neuron_line(0, (0, 0), (1, 1)) is False  # not a line in the plane now


def test_xor_without_a_hidden_layer_learns_once_fed_x1x2(open_window, qtbot, tmp_path):
    """The lesson: one sigmoid neuron fails on (x1, x2); tick x₁x₂ among the data panel's
    inputs and it succeeds. The canvas names the new input neuron x₁x₂, the map stays over
    the plane, the feature is saved, exported scripts compute it, and undo takes it back."""
    import subprocess
    import sys

    from PySide6.QtCore import Qt

    from tests.gui.conftest import refusal_shown

    win = open_window("xor_features")
    doc, panel = win.doc, win.data_panel

    def accuracy() -> float:
        return float(((doc.net.predict(doc.inputs(doc.X)) > 0.5) == (doc.Y > 0.5)).mean())

    doc.train_epochs(1000)
    assert accuracy() < 0.7
    box = panel.feature_checks["x1*x2"]
    assert box.text() == "x₁x₂" and not box.isChecked()
    qtbot.mouseClick(box, Qt.LeftButton)
    assert doc.features.names == ("x1", "x2", "x1*x2") and doc.net.sizes == [3, 1]
    qtbot.waitUntil(lambda: [n.name.text() for n in win.canvas.neurons[0]] == ["x₁", "x₂", "x₁x₂"])
    doc.train_epochs(1000)
    assert accuracy() > 0.95
    assert win.decision.image.image.shape == (100, 100)  # still the (x1, x2) plane
    # the input neurons' menu offers the same, checked as in force
    menu = win.canvas.neuron_menu(0, 0)
    inputs = next(a.menu() for a in menu.actions() if a.text() == "Inputs")
    by_text = {a.text(): a for a in inputs.actions()}
    assert by_text["x₁x₂"].isChecked() and not by_text["sin x₁"].isChecked()
    by_text["sin x₁"].trigger()
    assert doc.features.names == ("x1", "x2", "x1*x2", "sin(x1)")
    assert panel.feature_checks["sin(x1)"].isChecked()  # the panel follows
    doc.undo_stack.undo()
    assert doc.features.names == ("x1", "x2", "x1*x2") and not panel.feature_checks["sin(x1)"].isChecked()
    # saved with the network, and the exported script computes the feature itself
    path = tmp_path / "features.json"
    assert doc.save(path)
    assert __import__("json").loads(path.read_text())["network"]["features"] == ["x1", "x2", "x1*x2"]
    script = tmp_path / "net.py"
    assert win.files.export_network("numpy", str(script))
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True)
    printed = np.array([[float(v) for v in line.split()] for line in out.stdout.splitlines()])
    assert np.allclose(printed, doc.net.predict(doc.inputs(doc.X)), rtol=0, atol=1e-15)
    # the last input cannot go: a message, nothing changed
    for name in ("x1", "x2"):
        qtbot.mouseClick(panel.feature_checks[name], Qt.LeftButton)
    qtbot.mouseClick(panel.feature_checks["x1*x2"], Qt.LeftButton)
    assert doc.features.names == ("x1*x2",) and panel.feature_checks["x1*x2"].isChecked()
    assert "at least one input" in refusal_shown(win)


def iris_data_panel(open_window):
    """The Iris lesson in a 1280×720 window, its Data dock brought forward."""
    win = open_window("iris")
    win.resize(1280, 720)
    dock = win.docks["data"]
    dock.show()
    dock.raise_()
    return win, win.data_panel


def test_the_data_panel_shows_the_data_in_use_and_its_inputs_first(open_window, qtbot):
    """At 1280×720 the Data dock is ~100 px tall: what is in use (the sample count, the
    inputs fed to the network) comes first and shows without scrolling; the generator's
    "data set" sits in its own "Generate new data" box (an Iris lesson's panel said "XOR
    cloud" at the top, and its inputs were below the fold)."""
    win, panel = iris_data_panel(open_window)
    qtbot.waitUntil(lambda: not panel.summary.visibleRegion().isEmpty())
    assert "150 training samples" in panel.summary.text() and "4 inputs" in panel.summary.text()
    for name in ("x1", "x2", "x3"):  # the first row of inputs, whole on screen
        box = panel.feature_checks[name]
        assert box.isChecked()
        assert box.visibleRegion().boundingRect() == box.rect(), name
    assert panel.kind.parentWidget() is panel.new_data
    assert panel.new_data_title.text() == "Generate new data"


def test_the_input_check_boxes_fit_the_data_dock_at_250_percent(open_window, qtbot):
    """Three columns of input check boxes ran past the Data dock's edge at 250 %: the
    columns follow the panel's width (3 at 100 %, fewer when they do not fit)."""
    win, panel = iris_data_panel(open_window)
    qtbot.waitUntil(lambda: panel.columns == 3)
    win.set_scale(2.5)
    view = panel.parentWidget()  # the dock's scroll area's viewport

    def inside() -> bool:
        return all(box.mapTo(view, box.rect().topRight()).x() <= view.width()
                   for box in panel.feature_checks.values())

    qtbot.waitUntil(lambda: panel.columns < 3 and inside())
    # and the rest of the panel: no wider than the dock (it was half again as wide, the
    # summary wrapping at that width and cut off at the dock's edge), the CSV buttons one
    # above the other, the generator box's title wrapping inside it
    area = win.docks["data"].widget()
    qtbot.waitUntil(lambda: panel.width() <= view.width())
    assert not area.horizontalScrollBar().isVisible()
    for w in (panel.summary, panel.new_data, panel.import_button, panel.export_button):
        assert w.mapTo(view, w.rect().topRight()).x() <= view.width(), w
    assert panel.import_button.y() < panel.export_button.y()
    win.set_scale(1.0)
    qtbot.waitUntil(lambda: panel.columns == 3)
    qtbot.waitUntil(lambda: panel.import_button.y() == panel.export_button.y())  # side by side
