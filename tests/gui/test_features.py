"""Every view feeds the network through the document's input map (core.features): with a
map that adds x1·x2 as a third input, the views still plot the (x1, x2) plane and the
network sees three inputs everywhere."""

import numpy as np

from core import Network, initialise
from core.features import Features


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
    qtbot.addWidget(dialog)
    assert max(c.relative for c in dialog.checks) < 1e-5
    assert doc.move_neuron_line(0, (0, 0), (1, 1)) is False  # not a line in the plane now
