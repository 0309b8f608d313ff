"""Training health in the window: the view's gradient norms and histograms over time, saturated
and dead neurons marked on the canvas and the timeline, and a divergence that names its layer."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt

from core.health import gradient_norms


def show_health(win, qtbot):
    dock = win.docks["health"]
    dock.show()
    dock.raise_()
    qtbot.waitUntil(lambda: win.health.on_screen())
    return win.health


def test_at_epoch_0_each_layers_gradient_norm_is_a_whole_dot(open_window, qtbot):
    """Before the first epoch each layer's curve is one point, which a line does not draw
    (the chart was empty): a dot in the layer's colour, inside the plot (not cut by its
    left edge); once there are two epochs, lines."""
    win = open_window()
    view = show_health(win, qtbot)
    def points() -> int:
        x = view.curves[0].getData()[0]
        return 0 if x is None else len(x)
    qtbot.waitUntil(lambda: points() == 1, timeout=10_000)
    vb = view.grads.getPlotItem().vb
    box = vb.sceneBoundingRect()
    for c in view.curves:
        assert c.opts["symbol"] == "o"
        centre = vb.mapViewToScene(pg.Point(c.xData[0], np.log10(c.yData[0])))
        r = c.opts["symbolSize"] / 2
        assert box.adjusted(r, r, -r, -r).contains(centre)
    win.doc.train_epochs(3)
    qtbot.waitUntil(lambda: points() == 4, timeout=10_000)
    assert all(c.opts["symbol"] is None for c in view.curves)


def test_the_view_follows_training_layer_by_layer(open_window, qtbot):
    win = open_window()
    view = show_health(win, qtbot)
    doc = win.doc
    for _ in range(5):
        doc.train_epochs(40)
    n = len(doc.weight_history)
    # the 201 snapshots are worked through in 3 ms slices, ten a second at most (by
    # design): ~3 s on a quiet machine, more on a busy one, so the wait is generous
    qtbot.waitUntil(lambda: len(view.history.stats) == n and len(view.curves[0].getData()[0]) == n,
                    timeout=30_000)
    lo, hi = view.grads.getPlotItem().vb.viewRange()[1]  # whole decades (log10): labels 0.01,
    assert lo == round(lo) and hi == round(hi) and hi > lo  # 0.1 … (within one decade, a stack)
    legend = view.legend.names()
    assert legend == ["x→h (1)", "h→ŷ (2)"]
    # hovering a curve names its layer (the legend hides in a small dock)
    c = view.curves[0]
    k = len(c.xData) // 2
    vb = view.grads.getPlotItem().vb
    at = view.grads.mapFromScene(vb.mapViewToScene(pg.Point(c.xData[k], np.log10(c.yData[k]))))
    qtbot.mouseMove(view.grads.viewport(), at)
    qtbot.waitUntil(lambda: view.readout.textItem.toPlainText() != "")
    text = view.readout.textItem.toPlainText()
    assert text.split(":")[0] in legend and text.endswith(f"at epoch {int(c.xData[k])}")
    # the last point of each curve is the engine's gradient norm at the present weights
    s = doc.settings
    now = gradient_norms(doc.net, doc.X, doc.Y, s["loss"], s["reduction"])
    assert [c.yData[-1] for c in view.curves] == list(now)  # (getData: log10 on a log axis)
    image = view.images[id(view.weights)].image
    assert image.shape == (n, 40) and np.allclose(image.max(axis=1), 1.0)  # a column a snapshot
    assert view.states.text() == "No hidden neuron is saturated or dead."


def test_dead_and_saturated_neurons_are_marked_on_the_canvas_and_the_timeline(open_window, qtbot):
    win = open_window()
    doc, canvas = win.doc, win.canvas
    doc.set_activation(0, "relu")
    assert doc.set_param("b1_1", -100)  # h1 below zero on every sample: a dead ReLU
    h1 = canvas.neurons[1][0]
    qtbot.waitUntil(lambda: h1.health == ("dead", 1.0))
    assert h1.brush().color().getRgb()[:3] == (200, 200, 200) and "Dead ReLU" in h1.toolTip()
    assert canvas.neurons[1][1].health is None
    doc.train_epochs(100)
    qtbot.waitUntil(lambda: win.timeline.marks.positions[-1:] == [1.0], timeout=30_000)  # the present
    doc.undo_stack.undo()  # the bias back
    doc.undo_stack.undo()  # sigmoid again
    assert doc.set_param("w1", 60) and doc.set_param("w3", 60)  # h1's argument far beyond 4
    qtbot.waitUntil(lambda: h1.health is not None and h1.health[0] == "saturated")
    assert "Saturated" in h1.toolTip()
    view = show_health(win, qtbot)
    qtbot.waitUntil(lambda: view.states.text().startswith("Saturated (|a| > 4 on most samples): h1"))


def test_a_divergence_message_names_the_layer(open_window, qtbot):
    win = open_window("hand_note")
    assert win.doc.set_setting("lr", "1e300")
    qtbot.keyClick(win, Qt.Key_Right, Qt.ControlModifier)  # Step epoch
    assert win.message_bar.isVisible()
    assert "exploded first" in win.last_message and "weight layer" in win.last_message
    assert np.isfinite(win.doc.net.params).all()  # the last finite weights kept


def test_the_numbers_follow_a_weight_typed_in_at_the_present_epoch(open_window, qtbot):
    """Typing a weight replaces the present snapshot (same epoch, new weights): its numbers
    are worked out again; the older snapshots' stay."""
    win = open_window()
    view = show_health(win, qtbot)
    doc = win.doc
    doc.train_epochs(30)
    n = len(doc.weight_history)
    qtbot.waitUntil(lambda: len(view.history.stats) == n, timeout=30_000)
    older = {e: v for e, v in view.history.stats.items() if e != doc.epoch}
    assert doc.set_param("w5", 4.0)
    s = doc.settings
    now = list(gradient_norms(doc.net, doc.X, doc.Y, s["loss"], s["reduction"]))
    qtbot.waitUntil(lambda: list(view.history.stats.get(doc.epoch, (0, {"grad": []}))[1]["grad"]) == now,
                    timeout=10_000)
    qtbot.waitUntil(lambda: [None if c.yData is None else c.yData[-1] for c in view.curves] == now,
                    timeout=5_000)  # (a curve has no data between a rebuild and its drawing)
    assert all(view.history.stats[e] is v for e, v in older.items())  # not worked out again


def test_an_edit_s_turn_of_the_loop_runs_no_background_slice(open_window, qtbot):
    """The health history works through its snapshots in slices from the event loop; the turn
    in which an edit (or its undo) redraws and paints its views is the user's, so no slice
    runs in it, and the slices go on afterwards."""
    from PySide6.QtWidgets import QApplication

    win = open_window()
    view = show_health(win, qtbot)
    doc, pump = win.doc, view.history.pump
    for _ in range(5):
        doc.train_epochs(40)
    qtbot.waitUntil(lambda: pump.calls >= 2, timeout=10_000)  # a backlog being worked through
    assert len(view.history.stats) < len(doc.weight_history)
    for edit in (lambda: doc.add_neuron(1), doc.undo_stack.undo):
        before = pump.calls
        edit()
        QApplication.processEvents()  # the edit's views redraw and paint
        assert pump.calls == before
        assert pump.pending  # held, not dropped
    done = len(view.history.stats)
    qtbot.waitUntil(lambda: len(view.history.stats) > done, timeout=10_000)  # and goes on


def test_the_top_tick_label_has_room_at_250_percent(open_window, qtbot):
    """The gradient plot's range is whole decades, so its top tick ("1") lies on the view's
    top edge: the plot keeps half a label's height above it, at any scale (at 250 % the
    label was cut in half by the dock's top)."""
    from PySide6.QtGui import QFontMetricsF
    from PySide6.QtWidgets import QApplication

    win = open_window()
    view = show_health(win, qtbot)
    for scale in (1.0, 2.5):
        win.set_scale(scale)
        half = QFontMetricsF(QApplication.font()).height() / 2
        item = view.grads.getPlotItem()
        qtbot.waitUntil(lambda item=item, half=half:
                        item.vb.mapRectToScene(item.vb.boundingRect()).top() >= half - 0.5)
        axis = item.getAxis("left")
        assert axis.style["tickFont"].pointSizeF() == pytest.approx(QApplication.font().pointSizeF())


@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_on_big_data_the_charts_over_time_use_an_evenly_spread_subset(open_window, qtbot,
                                                                      monkeypatch, reduction):
    """One snapshot's numbers on all of 100,000 samples (a 6 x 8 net) took 225 ms, a block
    that left the playing window answering three times a second. Beyond HEALTH_SAMPLES the
    numbers over time are worked out on an evenly spread subset (a summed loss's gradient
    scaled back to all the samples), and the view says so; the present states stay exact."""
    import gui.plots.health as health
    from core.datasets import xor
    from gui.plots.views import spread

    monkeypatch.setattr(health, "HEALTH_SAMPLES", 300)
    win = open_window()
    doc = win.doc
    X, Y = xor(2000, seed=3)
    assert doc.set_data(X, Y)
    assert doc.set_setting("reduction", reduction)
    view = show_health(win, qtbot)
    qtbot.waitUntil(lambda: 0 in view.history.stats, timeout=10_000)
    grad = view.history.stats[0][1]["grad"]
    keep = spread(2000, 300)
    part = gradient_norms(doc.net, doc.X[keep], doc.Y[keep], doc.settings["loss"], reduction)
    assert np.array_equal(grad, part * (2000 / 300 if reduction == "sum" else 1.0))
    whole = gradient_norms(doc.net, doc.X, doc.Y, doc.settings["loss"], reduction)
    assert np.allclose(grad, whole, rtol=0.2)  # an estimate of the whole data's
    qtbot.waitUntil(lambda: "worked out on 300 of the 2,000 samples" in view.states.text())
