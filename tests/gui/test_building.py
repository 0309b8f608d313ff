"""Building a network through the UI: layer menu, palette drag-and-drop, layer inspector."""

import numpy as np
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent

from core.project import from_dict
from gui.canvas.view import REMOVE_MIME, LayerTitle
from resources import lesson_names, load_lesson


def trigger(menu, *path):
    """Trigger the action reached by following menu texts ``path``."""
    for text in path[:-1]:
        menu = next(a.menu() for a in menu.actions() if a.text() == text)
    action = next(a for a in menu.actions() if a.text() == path[-1])
    action.trigger()


def test_build_a_network_from_the_layer_menu_then_undo(open_window, qtbot):
    win = open_window()
    doc, canvas = win.doc, win.canvas
    start = doc.net.params.copy()
    trigger(canvas.neuron_menu(1, 0), "Add a neuron to this layer")
    assert doc.net.sizes == [2, 3, 1] and len(canvas.neurons[1]) == 3
    trigger(canvas.neuron_menu(1, 2), "Insert a hidden layer after this one")
    assert doc.net.sizes == [2, 3, 2, 1]
    trigger(canvas.neuron_menu(2, 0), "Activation", "relu")
    assert doc.net.activations == ["sigmoid", "relu", "sigmoid"]
    trigger(canvas.neuron_menu(2, 1), "Remove biases")
    assert doc.net.use_bias == [True, False, True]
    titles = {t.text() for t in canvas.scene().items() if isinstance(t, LayerTitle)}
    assert titles == {"sigmoid", "relu, no bias"}
    trigger(canvas.neuron_menu(1, 1), "Remove this neuron")
    assert doc.net.sizes == [2, 2, 2, 1]
    for _ in range(5):
        doc.undo_stack.undo()
    assert doc.net.sizes == [2, 2, 1] and np.array_equal(doc.net.params, start)
    menu = canvas.neuron_menu(0, 0)  # inputs follow the data
    assert "Remove this layer" not in [a.text() for a in menu.actions()]


def drop_on_canvas(canvas, mime, scene_x):
    pos = canvas.mapFromScene(QPointF(scene_x, 0))
    event = QDropEvent(QPointF(pos), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    canvas.dragEnterEvent(event)
    canvas.dropEvent(event)
    return event


def test_drag_a_layer_from_the_palette_between_two_columns(open_window, qtbot):
    win = open_window()
    palette, canvas, doc = win.layer_palette, win.canvas, win.doc
    item = next(palette.item(i) for i in range(palette.count()) if palette.item(i).text().startswith("relu"))
    mime = palette.mimeData([item])
    drop_on_canvas(canvas, mime, 1.5 * canvas.x_gap)  # between the hidden column and the output
    assert doc.net.sizes == [2, 2, 2, 1]
    assert doc.net.activations == ["sigmoid", "relu", "sigmoid"]
    assert canvas.drop_marker is None
    drop_on_canvas(canvas, palette.mimeData([palette.item(0)]), 0.2 * canvas.x_gap)  # before hidden 1
    assert doc.net.sizes == [2, 2, 2, 2, 1] and doc.net.activations[0] == palette.item(0).data(Qt.UserRole)
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.net.sizes == [2, 2, 1]


def test_drop_a_layer_title_on_the_palette_removes_the_layer(open_window, qtbot):
    win = open_window("blobs")
    doc = win.doc
    doc.insert_layer(2, "tanh")
    assert doc.net.sizes == [2, 4, 2, 3]
    mime = QMimeData()
    mime.setData(REMOVE_MIME, b"2")
    event = QDropEvent(QPointF(5, 5), Qt.MoveAction, mime, Qt.LeftButton, Qt.NoModifier)
    win.layer_palette.dropEvent(event)
    assert doc.net.sizes == [2, 4, 3]
    mime.setData(REMOVE_MIME, b"2")  # the output layer cannot be removed
    win.layer_palette.dropEvent(QDropEvent(QPointF(5, 5), Qt.MoveAction, mime, Qt.LeftButton,
                                     Qt.NoModifier))
    assert doc.net.sizes == [2, 4, 3] and "hidden" in win.last_message


def test_layer_inspector_follows_a_clicked_neuron(open_window, qtbot):
    win = open_window()
    canvas, insp, doc = win.canvas, win.inspector, win.doc
    h1 = canvas.neurons[1][0]
    qtbot.mouseClick(canvas.viewport(), Qt.LeftButton,
                     pos=canvas.mapFromScene(h1.sceneBoundingRect().center()))
    assert "hidden layer 1" in insp.layer_title.text() and insp.count.text() == "2"
    insp.more.click()
    assert doc.net.sizes == [2, 3, 1] and insp.count.text() == "3"
    insp.activation.setCurrentText("tanh")
    insp.activation.activated.emit(insp.activation.currentIndex())
    assert doc.net.activations[0] == "tanh"
    insp.bias.click()
    assert doc.net.use_bias[0] is False
    insp.fewer.click()
    assert doc.net.sizes == [2, 2, 1]
    x1 = canvas.neurons[0][0]
    qtbot.mouseClick(canvas.viewport(), Qt.LeftButton,
                     pos=canvas.mapFromScene(x1.sceneBoundingRect().center()))
    assert "inputs" in insp.layer_title.text() and not insp.more.isEnabled()


def test_a_6_by_16_network_labels_what_you_focus_on(open_window, qtbot):
    win = open_window()
    d = {"schema_version": 1, "network": {"sizes": [2, 16, 16, 16, 16, 16, 1],
                                           "activations": ["tanh"] * 5 + ["sigmoid"]},
         "data": {"generator": "spiral", "n": 200}, "training": {"loss": "bce", "lr": 0.1}}
    win.doc.load(from_dict(d))
    canvas = win.canvas
    assert len(canvas.edges) == 2 * 16 + 4 * 256 + 16
    assert not any(canvas.label_shown(p) for p in canvas.edges)
    neuron = canvas.neurons[3][5]
    qtbot.mouseClick(canvas.viewport(), Qt.LeftButton,
                     pos=canvas.mapFromScene(neuron.sceneBoundingRect().center()))
    shown = [p for p in canvas.edges if canvas.label_shown(p)]
    assert len(shown) == 16 and all((p.layer + 1, p.target) == (3, 5) for p in shown)
    # (from the overview the canvas zoomed in to its text, around the neuron)
    assert canvas.detail and canvas.viewport().rect().contains(
        canvas.mapFromScene(neuron.sceneBoundingRect().center()))
    win.doc.step_epoch()
    assert np.isfinite(win.doc.net.params).all()


def test_every_lesson_opens_trains_and_draws(open_window, qtbot):
    win = open_window()
    for name in lesson_names():
        win.open_lesson(name)
        assert win.doc.project.name == load_lesson(name).name
        reason = win.doc.train_epochs(100)
        expected = ("diverged",) if name == "divergence" else ("max_epochs", "threshold")
        assert reason in expected, (name, reason)
        assert np.isfinite(win.doc.net.params).all()
        for view in (win.loss_plot, win.decision, win.hidden, win.weights_plot, win.thumbnails):
            view.redraw()
        assert len(win.loss_plot.curve.getData()[0]) >= 1
        if win.doc.net.sizes[-1] > 1 and win.doc.is_classification:
            assert win.decision.classes_image.image.shape == (100, 100, 3)
        assert not win.grab().isNull()
