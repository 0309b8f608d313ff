"""Exploring: the loss landscape view, draggable neuron lines, the timeline, metrics."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from core.notation import Param


def test_landscape_view_shows_the_engines_loss_and_gradient(open_window, qtbot):
    win = open_window()
    win.doc.train_epochs(200)
    win.docks["landscape"].raise_()
    view = win.landscape
    qtbot.waitUntil(lambda: view.land is not None)
    view.first.setCurrentText("w5")
    view.second.setCurrentText("w6")
    view.redraw()
    land, net, doc = view.land, win.doc.net, win.doc
    assert [net.label(p) for p in land.params] == ["w5", "w6"]
    probe = net.copy()
    probe["w5"], probe["w6"] = land.axes[0][7], land.axes[1][40]
    assert land.loss[40, 7] == pytest.approx(probe.loss(doc.X, doc.Y, "bce", "mean"), abs=1e-12)
    assert np.array_equal(view.image.image.shape, (60, 60))
    x, y = view.arrow.getData()
    g = net.gradient(doc.X, doc.Y, "bce", "mean").flat
    step = np.array([x[1] - x[0], y[1] - y[0]])
    minus_g = -np.array([g[net.index(net.resolve("w5"))], g[net.index(net.resolve("w6"))]])
    assert step / np.linalg.norm(step) == pytest.approx(minus_g / np.linalg.norm(minus_g), abs=1e-9)
    assert (x[0], y[0]) == (net["w5"], net["w6"])
    assert len(view.path.getData()[0]) == len(doc.weight_history)
    view.second.setCurrentText("—")
    view.redraw()
    assert view.land.loss.shape == (60,) and not view.image.isVisible()


def test_dragging_a_neuron_line_sets_its_weights_in_one_undo_step(open_window, qtbot):
    win = open_window()
    doc, plot = win.doc, win.decision
    net = doc.net
    before = net.params.copy()
    roi = plot.lines[0][0]
    h1, h2 = roi.getHandles()
    roi.sigRegionChangeStarted.emit(roi)  # what a mouse drag on the handle does
    for k in range(1, 6):
        roi.movePoint(h2, QPointF(1.5, 0.2 * k), finish=False, coords="parent")
    roi.sigRegionChangeFinished.emit(roi)
    p1, p2 = plot.line_points(0)
    w = net.weights[0][:, 0]
    b = net.biases[0][0]
    assert w @ p1 + b == pytest.approx(0, abs=1e-9) and w @ p2 + b == pytest.approx(0, abs=1e-9)
    assert np.hypot(*w) == pytest.approx(np.hypot(*before[[2, 4]]), rel=1e-12)  # |w| kept
    changed = np.flatnonzero(net.params != before)
    assert sorted(changed) == sorted(net.index(p) for p in (Param(0, 0, 0), Param(0, 1, 0),
                                                             Param(0, -1, 0)))
    doc.undo_stack.undo()
    assert np.array_equal(net.params, before)  # the whole drag was one step
    doc.undo_stack.redo()
    assert w @ p2 + b == pytest.approx(0, abs=1e-9)


def test_scrubbing_the_timeline_shows_recorded_weights_and_replays(open_window, qtbot):
    win = open_window()
    doc, tl = win.doc, win.timeline
    doc.train_epochs(500, snapshots=50)
    h = doc.weight_history
    now = doc.net.params.copy()
    k = 10
    tl.slider.setValue(k)
    assert np.array_equal(doc.net.params, h.values[k]) and tl.label.text() == str(h.epochs[k])
    assert win.loss_plot.marker.isVisible() and win.loss_plot.marker.value() == h.epochs[k]
    qtbot.waitUntil(lambda: f"w₅ = {doc.net['w5']:.4g}" in
                    {i.text.text() for i in win.canvas.labels.values()})
    tl.now.click()
    assert np.array_equal(doc.net.params, now) and not win.loss_plot.marker.isVisible()
    tl.slider.setValue(k)
    tl.replay.click()
    assert doc.trainer.epoch == h.epochs[k] and np.array_equal(doc.net.params, h.values[k])
    assert doc.trainer.history.epochs[-1] < h.epochs[k]
    doc.train_epochs(10)
    assert doc.trainer.epoch == h.epochs[k] + 10


def test_metrics_follow_training(open_window, qtbot):
    win = open_window("blobs")
    win.doc.train_epochs(300)
    win.metrics.redraw()
    text = win.metrics.text.text()
    assert "train</b>: accuracy" in text and "test</b>: accuracy" in text
    win.open_lesson("sine")
    win.metrics.redraw()
    assert "R² =" in win.metrics.text.text()
