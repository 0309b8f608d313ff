"""Undo brings back exactly the state before: weights, epoch, step, loss history, timeline
and test curve, whatever the edit; redo works from the keyboard (Ctrl+Shift+Z and Ctrl+Y)."""

import numpy as np
from PySide6.QtCore import Qt


def picture(doc) -> dict:
    """What the user sees of training: everything an undo must bring back."""
    t = doc.trainer
    return {"params": doc.net.params.copy(), "sizes": list(doc.net.sizes), "epoch": t.epoch,
            "steps": t.steps, "position": t.position, "losses": list(t.history.losses),
            "epochs": list(t.history.epochs), "test": list(doc.test_history.values),
            "timeline": [v.copy() for v in doc.weight_history.values],
            "timeline_epochs": list(doc.weight_history.epochs), "settings": dict(doc.settings),
            "X": doc.X.copy(), "Y": doc.Y.copy()}


def same(a: dict, b: dict) -> bool:
    for k in a:
        if k == "timeline":
            if len(a[k]) != len(b[k]) or not all(np.array_equal(x, y) for x, y in zip(a[k], b[k])):
                return False
        elif isinstance(a[k], np.ndarray):
            if not np.array_equal(a[k], b[k]):
                return False
        elif a[k] != b[k]:
            return False
    return True


def trained_window(open_window):
    win = open_window()
    win.doc.train_epochs(120)
    win.doc.step_sample()  # mid-epoch, for good measure
    return win


def test_undo_a_structural_edit_restores_the_training_exactly(open_window, qtbot):
    win = trained_window(open_window)
    doc = win.doc
    before = picture(doc)
    win.canvas.focus_neuron(1, 0)  # inspect the hidden layer, then press + in the inspector
    qtbot.mouseClick(win.inspector.more, Qt.LeftButton)
    assert doc.net.sizes == [2, 3, 1] and doc.trainer.epoch == 0
    doc.train_epochs(30)
    after = picture(doc)
    qtbot.keyClick(win, Qt.Key_Z, Qt.ControlModifier)
    assert same(before, picture(doc))
    qtbot.keyClick(win, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)  # redo
    assert same(after, picture(doc))
    qtbot.keyClick(win, Qt.Key_Z, Qt.ControlModifier)
    qtbot.keyClick(win, Qt.Key_Y, Qt.ControlModifier)  # Ctrl+Y redoes too
    assert same(after, picture(doc))


def test_undo_a_batch_mode_change_restores_the_training_exactly(open_window, qtbot):
    win = trained_window(open_window)
    doc, box = win.doc, win.training.batch
    before = picture(doc)
    box.setCurrentIndex(box.findText("mini-batch 8"))
    box.activated.emit(box.currentIndex())
    assert doc.settings["batch"] == 8 and doc.trainer.epoch == 0
    qtbot.keyClick(win, Qt.Key_Z, Qt.ControlModifier)
    assert same(before, picture(doc)) and box.currentText() == "full batch"
    doc.step_epoch()  # and training goes on from there
    assert doc.trainer.epoch == before["epoch"] + 1


def test_undo_a_layer_insertion_and_a_reinitialisation(open_window, qtbot):
    win = trained_window(open_window)
    doc = win.doc
    before = picture(doc)
    assert doc.insert_layer(2, "relu")
    doc.train_epochs(10)
    middle = picture(doc)
    qtbot.keyClick(win, Qt.Key_R, Qt.ControlModifier | Qt.ShiftModifier)  # re-initialise
    qtbot.keyClick(win, Qt.Key_Z, Qt.ControlModifier)
    assert same(middle, picture(doc))
    qtbot.keyClick(win, Qt.Key_Z, Qt.ControlModifier)
    assert same(before, picture(doc))


def test_redo_keys_are_bound_once_each(open_window):
    win = open_window()
    redo = next(a for a in win.findChildren(type(win.play_action)) if a.text() == "&Redo"
                or a.text().startswith("&Redo"))
    keys = [k.toString() for k in redo.shortcuts()]
    assert "Ctrl+Shift+Z" in keys and "Ctrl+Y" in keys and len(keys) == len(set(keys))


def test_an_undo_step_holds_references_not_copies_of_big_data(qtbot):
    """Five structural edits on 100,000 samples: the undo stack holds the old states (their
    networks and histories), not copies of the data: well under 1 MiB each."""
    import gc
    import tracemalloc

    from gui.document import Document
    from resources import load_lesson

    doc = Document(load_lesson("xor"))
    rng = np.random.default_rng(0)
    X = rng.normal(size=(100_000, 2))
    Y = (X[:, :1] * X[:, 1:] > 0).astype(float)
    assert doc.set_data(X, Y)
    doc.train_epochs(20)
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    for _ in range(5):
        assert doc.add_neuron(1)
    doc.trainer.release()  # the present run's buffers are not the undo stack's
    gc.collect()
    held = (tracemalloc.get_traced_memory()[0] - base) / 5
    tracemalloc.stop()
    assert held < 2**20 / 4, held
    for _ in range(5):
        doc.undo_stack.undo()
    assert doc.X is not None and np.array_equal(doc.X, X) and doc.trainer.epoch == 20
