"""A seeded random walk through the window's actions: nothing may raise, the weights stay
finite, and undoing every edit gets back to where the walk began."""

import numpy as np
from PySide6.QtCore import Qt

from core.notation import Param


def test_random_walk_through_the_ui(open_window, qtbot):
    win = open_window()
    doc = win.doc
    rng = np.random.default_rng(2026)
    actions = [
        lambda: qtbot.keyClick(win, Qt.Key_Right),
        lambda: qtbot.keyClick(win, Qt.Key_Right, Qt.ControlModifier),
        lambda: qtbot.keyClick(win, Qt.Key_Left, Qt.AltModifier),
        lambda: doc.set_param(Param(0, 0, 0), str(rng.normal())),
        lambda: doc.set_param(Param(0, 0, 0), "not a number"),
        lambda: doc.nudge_param(Param(0, 1, 0), 0.05),
        lambda: doc.add_neuron(1),
        lambda: doc.remove_neuron(1, 0),
        lambda: doc.set_activation(0, str(rng.choice(["tanh", "relu", "sigmoid", "elu"]))),
        lambda: doc.set_setting("lr", str(rng.uniform(0.05, 3))),
        lambda: doc.set_setting("batch", str(rng.choice(["full", "sample", "8"]))),
        lambda: doc.undo_stack.undo(),
        lambda: doc.undo_stack.redo(),
        lambda: win.set_lecture(not win.lecture_mode),
        lambda: qtbot.keyClick(win, Qt.Key_PageDown),
        lambda: qtbot.keyClick(win, Qt.Key_PageUp),
        lambda: win.timeline.slider.setValue(int(rng.integers(0, max(1, win.timeline.slider.maximum() + 1)))),
        lambda: win.timeline.now.click(),
        lambda: doc.add_point((rng.normal(), rng.normal()), int(rng.integers(0, 2))),
        lambda: doc.remove_nearest((rng.normal(), rng.normal())),
        lambda: doc.train_for(0.005),
        lambda: doc.set_notation(str(rng.choice(["by_source", "by_target", "w_ji"]))),
        lambda: win.set_scale(float(rng.choice([1.0, 1.5, 2.5]))),
    ]
    start = (list(doc.net.sizes), list(doc.net.activations), dict(doc.settings), doc.X.copy(),
             doc.net.notation)
    for k in rng.integers(0, len(actions), 150):
        actions[k]()
        qtbot.wait(1)
        assert np.isfinite(doc.net.params).all()
        assert doc.net.sizes[0] == doc.X.shape[1] and doc.net.sizes[-1] == doc.Y.shape[1]
    win.set_lecture(False)
    win.timeline.now.click()
    while doc.undo_stack.canUndo():  # every edit undone: the structure, settings and data
        doc.undo_stack.undo()        # the walk began with (training itself is not an edit)
    assert (doc.net.sizes, doc.net.activations, doc.settings, doc.net.notation) == \
        (start[0], start[1], start[2], start[4])
    assert np.array_equal(doc.X, start[3])
