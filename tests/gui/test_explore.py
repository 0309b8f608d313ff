"""Exploring: the loss landscape view, draggable neuron lines, the timeline, metrics."""

import json

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from core.notation import Param
from resources import load_lesson
from tests.gui.conftest import choose


def test_landscape_view_shows_the_engines_loss_and_gradient(open_window, qtbot):
    win = open_window()
    win.doc.train_epochs(200)
    win.docks["landscape"].raise_()
    view = win.landscape
    qtbot.waitUntil(lambda: view.land is not None)
    view.first.setCurrentText("w5")
    view.second.setCurrentText("w6")
    view.redraw(full=True)  # the picture once the weights are still
    land, net, doc = view.land, win.doc.net, win.doc
    assert [net.label(p) for p in land.params] == ["w5", "w6"]
    probe = net.copy()
    probe["w5"], probe["w6"] = land.axes[0][7], land.axes[1][40]
    assert land.loss[40, 7] == pytest.approx(probe.loss(doc.X, doc.Y, "bce", "mean"), abs=1e-12)
    assert np.array_equal(view.image.image.shape, (60, 60))
    shown = view.image.image  # the loss scaled to the colour map's 0..1 (1: the highest)
    assert shown.min() == 0 and shown.max() == 1
    assert np.argmax(shown) == np.argmax(land.loss) and np.argmin(shown) == np.argmin(land.loss)
    x, y = view.arrow.getData()
    g = net.gradient(doc.X, doc.Y, "bce", "mean").flat
    step = np.array([x[1] - x[0], y[1] - y[0]])
    minus_g = -np.array([g[net.index(net.resolve("w5"))], g[net.index(net.resolve("w6"))]])
    assert step / np.linalg.norm(step) == pytest.approx(minus_g / np.linalg.norm(minus_g), abs=1e-9)
    assert (x[0], y[0]) == (net["w5"], net["w6"])
    assert len(view.path.getData()[0]) == len(doc.weight_history)
    view.second.setCurrentText("—")
    view.redraw(full=True)  # the picture once the weights are still
    assert view.land.loss.shape == (60,) and not view.image.isVisible()


def test_a_huge_typed_weight_leaves_the_views_standing(open_window, qtbot):
    """A weight typed as 1e308 (finite, so taken): the landscape says why it has no
    picture, and no view's range raises (pyqtgraph refused [-inf, inf] inside a show
    event: found by a random walk through the menus)."""
    win = open_window()
    win.docks["landscape"].raise_()
    view = win.landscape
    qtbot.waitUntil(lambda: view.land is not None)
    choose(view.first, "w₁")
    choose(view.second, "w₂")
    assert view.land.params == [win.doc.net.resolve("w1"), win.doc.net.resolve("w2")]
    assert win.doc.set_param("w1", "1e308")
    win.docks["loss"].raise_()
    win.docks["landscape"].raise_()  # shown again: redrawn in full at once

    def title() -> str:  # (whole: a title wider than the plot is cut with "…")
        return view.plot.shown_title[0]
    qtbot.waitUntil(lambda: "w1 = 1e+308 is too large to vary by ±" in title(), timeout=3000)

    for w in (win.loss_plot, win.decision, win.hidden, win.weights_plot, win.thumbnails,
              win.metrics):
        w.redraw()
    win.doc.undo_stack.undo()
    qtbot.waitUntil(lambda: view.land is not None and view.image.isVisible())


def mouse(widget, kind, at: QPointF, buttons=Qt.LeftButton) -> None:
    """A real mouse event at ``at`` (widget pixels), the left button held (pressed or
    moving) or let go (release)."""
    kinds = {"press": QEvent.MouseButtonPress, "move": QEvent.MouseMove,
             "release": QEvent.MouseButtonRelease}
    held = Qt.NoButton if kind == "release" else buttons
    button = Qt.NoButton if kind == "move" else Qt.LeftButton
    ev = QMouseEvent(kinds[kind], at, widget.mapToGlobal(at), button, held, Qt.NoModifier)
    QApplication.sendEvent(widget, ev)


def drag(qtbot, widget, start: QPointF, end: QPointF, steps: int = 8) -> None:
    """Hover, press, move in steps, let go: a hand's pace (pyqtgraph takes at most 100
    pointer moves a second and drops the rest)."""
    mouse(widget, "move", start, Qt.NoButton)
    qtbot.wait(15)
    mouse(widget, "press", start)
    for k in range(1, steps + 1):
        qtbot.wait(15)
        mouse(widget, "move", start + (end - start) * (k / steps))
    qtbot.wait(15)
    mouse(widget, "release", end)


def settled(qtbot, plot) -> None:
    """Wait until the map's view range stops changing (a new window lays itself out) and
    no redraw is waiting for its pace (on a busy machine a paced redraw can come later than
    100 ms, and the range it sets after that)."""
    vb, last = plot.plot.getPlotItem().vb, None
    while (now := (vb.viewRange(), plot.plot.viewport().size().toTuple())) != last \
            or plot.throttle.pending:
        last = now
        qtbot.wait(100)


def test_dragging_a_neuron_line_end_turns_it_in_one_undo_step(open_window, qtbot):
    win = open_window()
    doc, plot = win.doc, win.decision
    net = doc.net
    before = net.params.copy()
    qtbot.waitUntil(lambda: plot.lines.ends and plot.lines.ends[0] is not None)
    settled(qtbot, plot)
    p1, p2 = (e.copy() for e in plot.line_points(0))
    to_pixels = plot.lines.deviceTransform_()
    start = QPointF(to_pixels.map(QPointF(*p2)).toPoint())  # whole pixels, as a mouse gives
    end = start + QPointF(-25, 30)
    drag(qtbot, plot.plot.viewport(), start, end)
    target = to_pixels.inverted()[0].map(end)
    target = np.array([target.x(), target.y()])
    w, b = net.weights[0][:, 0], net.biases[0][0]
    assert w @ p1 + b == pytest.approx(0, abs=1e-9)  # turned about the other end
    assert w @ target + b == pytest.approx(0, abs=1e-6)  # through where the pointer let go
    assert np.hypot(*w) == pytest.approx(np.hypot(*before[[2, 4]]), rel=1e-12)  # |w| kept
    changed = np.flatnonzero(net.params != before)
    assert sorted(changed) == sorted(net.index(p) for p in (Param(0, 0, 0), Param(0, 1, 0),
                                                             Param(0, -1, 0)))
    assert len(doc.X) == len(load_lesson("xor").X)  # the drag added no point to the map
    doc.undo_stack.undo()
    assert np.array_equal(net.params, before)  # the whole drag was one step
    doc.undo_stack.redo()
    assert w @ target + b == pytest.approx(0, abs=1e-6)


def test_neuron_line_handles_grow_with_the_window_scale(open_window, qtbot):
    """At 250 % on a projector the handles, arrowheads and pens are 2.5 times their 100 %
    pixels, and so is the reach of the mouse: a press 15 px from an end takes it there and
    not at 100 %."""
    win = open_window()
    plot = win.decision
    qtbot.waitUntil(lambda: plot.lines.ends and plot.lines.ends[0] is not None)
    settled(qtbot, plot)

    def beside_the_end() -> QPointF:  # 15 px from line 0's second end, away from the line
        lines = plot.lines
        to_pixels = lines.deviceTransform_()
        p1, p2 = (to_pixels.map(QPointF(*e)) for e in lines.line_points(0))
        d = p2 - p1
        d /= np.hypot(d.x(), d.y())
        return to_pixels.inverted()[0].map(p2 + d * 15)

    assert plot.lines.size == 1.0 and plot.lines.grab_at(beside_the_end()) is None
    win.set_scale(2.5)
    settled(qtbot, plot)
    assert plot.lines.size == 2.5 and plot.lines.grab_at(beside_the_end()) == (0, "p2")
    win.set_scale(1.0)
    assert plot.lines.size == 1.0


def test_dragging_a_neuron_line_moves_it_and_the_map_elsewhere_is_left_alone(open_window, qtbot):
    win = open_window()
    doc, plot = win.doc, win.decision
    net = doc.net
    qtbot.waitUntil(lambda: plot.lines.ends and plot.lines.ends[1] is not None)
    settled(qtbot, plot)
    p1, p2 = (e.copy() for e in plot.line_points(1))
    to_pixels = plot.lines.deviceTransform_()
    middle = QPointF(to_pixels.map(QPointF(*((p1 + p2) / 2))).toPoint())
    normal = net.weights[0][:, 1] / np.hypot(*net.weights[0][:, 1])
    w_before = net.weights[0][:, 1].copy()
    drag(qtbot, plot.plot.viewport(), middle, middle + QPointF(0, -20))
    w, b = net.weights[0][:, 1], net.biases[0][1]
    np.testing.assert_allclose(w, w_before, rtol=1e-12)  # moved, not turned
    shift = to_pixels.inverted()[0].map(middle + QPointF(0, -20)) - \
        to_pixels.inverted()[0].map(middle)
    moved = (p1 + p2) / 2 + np.array([shift.x(), shift.y()])
    assert w @ moved + b == pytest.approx(0, abs=1e-6)
    assert abs(normal @ np.array([shift.x(), shift.y()])) > 0  # it did move
    # a drag away from every line is not a line drag
    params = net.params.copy()
    far = min((to_pixels.map(QPointF(x, y)) for x in (-0.5, 0.5, 1.5) for y in (-0.5, 0.5, 1.5)),
              key=lambda q: -min(abs(net.weights[0][:, j] @ np.array(
                  to_pixels.inverted()[0].map(q).toTuple()) + net.biases[0][j])
                  for j in range(2)))
    drag(qtbot, plot.plot.viewport(), far, far + QPointF(15, 0))
    assert np.array_equal(net.params, params)


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


def test_replay_retraces_an_adam_run_exactly_and_undo_brings_the_run_back(open_window, qtbot):
    """The Iris lesson trains with Adam on shuffled mini-batches: Replay from a snapshot
    and training on to where the run was gives the very same weights (the optimiser's
    averages and the epoch's order were kept with the snapshot; they used to restart).
    Replay is one undo step: Ctrl+Z brings the whole run back, Ctrl+Shift+Z the branch."""
    from tests.gui.conftest import note_shown

    win = open_window("iris")
    doc, tl = win.doc, win.timeline
    assert doc.settings["optimizer"] == "adam" and doc.settings["shuffle"]
    doc.train_epochs(60, snapshots=6)
    run, h = doc.net.params.copy(), doc.weight_history
    k = h.epochs.index(20)
    tl.slider.setValue(k)
    qtbot.mouseClick(tl.replay, Qt.LeftButton)
    assert doc.trainer.epoch == 20 and "Replaying from epoch 20" in note_shown(win)
    assert "afresh" not in note_shown(win)
    doc.train_epochs(40)
    assert np.array_equal(doc.net.params, run)  # bit for bit where the run was
    doc.set_setting("lr", 0.05)  # a branch of its own: same start, another rate
    doc.train_epochs(5)
    branch = doc.net.params.copy()
    qtbot.keyClick(win, Qt.Key_Z, Qt.ControlModifier)  # the learning rate
    qtbot.keyClick(win, Qt.Key_Z, Qt.ControlModifier)  # the replay: the whole run is back
    assert doc.trainer.epoch == 60 and np.array_equal(doc.net.params, run)
    assert doc.weight_history.epochs[-1] == 60
    qtbot.keyClick(win, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert doc.trainer.epoch == 65 and np.array_equal(doc.net.params, branch)


def test_a_saved_and_reopened_run_replays_exactly(open_window, qtbot, tmp_path):
    """The project file keeps each snapshot's resume state (Adam's averages, the shuffled
    epoch's order, the generator): reopened, Replay from epoch 20 and 10 epochs on give
    the very weights the run had at epoch 30. A file from before that (its snapshots hold
    only weights) replays with Adam's averages from zero, and the message says so."""
    from tests.gui.conftest import note_shown

    win = open_window("iris")
    doc, tl = win.doc, win.timeline
    doc.train_epochs(30, snapshots=3)
    run = doc.net.params.copy()
    path = tmp_path / "run.json"
    assert doc.save(path) and doc.open(path)
    assert doc.weight_history.epochs[-2:] == [20, 30]
    tl.slider.setValue(len(doc.weight_history) - 2)
    qtbot.mouseClick(tl.replay, Qt.LeftButton)
    assert doc.trainer.epoch == 20 and doc.trainer.opt.m.any()  # Adam's averages came back
    assert "Replaying from epoch 20" in note_shown(win) and "afresh" not in note_shown(win)
    doc.train_epochs(10)
    assert np.array_equal(doc.net.params, run)  # bit for bit

    d = json.loads(path.read_text())
    del d["snapshots"]["weights"]["resume"]  # as the eighth session wrote it
    path.write_text(json.dumps(d))
    assert doc.open(path)
    tl.slider.setValue(len(doc.weight_history) - 2)
    qtbot.mouseClick(tl.replay, Qt.LeftButton)
    assert doc.trainer.epoch == 20 and not doc.trainer.opt.m.any()  # Adam from zero
    assert "holds only weights" in note_shown(win)


def test_undo_steps_keep_their_runs_within_a_memory_budget(open_window, qtbot, monkeypatch):
    """Each structural edit leaves the run before it on the undo stack, snapshots, resume
    states and step-back checkpoints and all (tens of MB for a large Adam net, 100 steps
    deep). Past a budget the oldest steps shed checkpoints, then every other snapshot:
    undo still brings back each network and its weights exactly, and Replay on a step
    that shed is still exact."""
    from gui import model

    win = open_window("iris")
    doc = win.doc
    nets = []
    for _ in range(4):
        for _ in range(60):
            doc.step_epoch()  # a step-back checkpoint and a snapshot each
        nets.append((list(doc.net.sizes), doc.net.params.copy(), doc.trainer.epoch))
        budget = int(2.5 * doc.session.held_bytes())  # two and a half runs' worth
        monkeypatch.setattr(model, "UNDO_BYTES", budget)
        doc.add_neuron(1)
    sessions = [doc.undo_stack.command(i).before.session for i in range(doc.undo_stack.count())]
    assert sum(s.held_bytes() for s in sessions) <= budget
    assert not sessions[0].past and len(sessions[0].weight_history) < 61  # the oldest shed
    assert len(sessions[-1].past) == 60 and len(sessions[-1].weight_history) == 61  # not the newest
    for sizes, params, epoch in reversed(nets):
        qtbot.keyClick(win, Qt.Key_Z, Qt.ControlModifier)
        assert doc.net.sizes == sizes and np.array_equal(doc.net.params, params)
        assert doc.trainer.epoch == epoch
    h = doc.weight_history  # the first run, shed: Replay from its last but one snapshot
    k = len(h) - 2
    assert doc.replay_from(k) and doc.trainer.epoch == h.epochs[k]
    for _ in range(60 - doc.trainer.epoch):
        doc.step_epoch()
    assert np.array_equal(doc.net.params, nets[0][1])  # bit for bit


@pytest.mark.parametrize("lesson", ["xor", "iris", "sine"])
def test_views_of_a_network_with_overflowing_sums_draw_without_warnings(open_window, qtbot,
                                                                         lesson):
    """A weight of ±1e308 makes sums overflow: inf, and nan after a softmax or inf - inf.
    Every view draws what is finite, with no RuntimeWarning from numpy or pyqtgraph (there
    were several: the forward pass, the neuron lines, points and ranges of nan)."""
    import warnings

    win = open_window(lesson)
    net = win.doc.net
    weights = [p for p in net.param_list() if not p.is_bias]
    first, last = weights[0], weights[-1]
    assert win.doc.set_param(net.label(first), "1e308")
    assert win.doc.set_param(net.label(last), "-1e308")
    assert win.doc.set_param(net.label(weights[1]), "1e308")  # (their sum overflows)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        win.doc.train_epochs(2)  # it diverges at once; the timeline's snapshot holds them
        win.docks["health"].show()
        win.docks["health"].raise_()
        qtbot.wait(300)  # the health view works through the snapshots in slices
        warnings.simplefilter("always")
        for dock in win.docks.values():
            dock.show()
            dock.raise_()
            QApplication.processEvents()
        for w in (win.loss_plot, win.decision, win.hidden, win.weights_plot, win.thumbnails,
                  win.landscape, win.metrics):
            w.redraw()
        win.hidden.grid_box.setChecked(True)  # the warped grid, and the morph half way
        win.hidden.morph.setValue(win.hidden.morph.maximum() // 2)
        win.hidden.redraw()
        from gui.panels.gradcheck import GradientCheck

        GradientCheck(win.doc, win).close()  # its numbers: inf or nan, quietly
        qtbot.wait(100)
    ours = [f"{w.filename.split('/')[-1]}:{w.lineno} {w.message}" for w in caught
            if issubclass(w.category, RuntimeWarning)]
    assert not ours, ours


def show_every_view(win) -> None:
    for dock in win.docks.values():
        dock.show()
        dock.raise_()
        QApplication.processEvents()


def redraw_every_view(win, paint: bool = False) -> None:
    for w in (win.loss_plot, win.decision, win.hidden, win.weights_plot, win.thumbnails,
              win.landscape, win.metrics):
        w.redraw()
        if paint:
            w.repaint()


def errors_and_warnings(act) -> tuple[list, list[str]]:
    """What ``act()`` raised through the event loop (sys.excepthook: an exception in a
    paint) and the RuntimeWarnings it gave, as 'file:line message'."""
    import sys
    import warnings

    raised = []
    old_hook, sys.excepthook = sys.excepthook, lambda *e: raised.append(e[1])
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            act()
    finally:
        sys.excepthook = old_hook
    return raised, [f"{w.filename.split('/')[-1]}:{w.lineno} {w.message}" for w in caught
                    if issubclass(w.category, RuntimeWarning)]


@pytest.mark.parametrize("lesson", ["mazur", "iris"])
def test_views_of_data_near_the_float_limit_draw_without_errors(open_window, qtbot, tmp_path,
                                                                 lesson):
    """A file whose input is 1e308 (finite, so taken): the neuron maps set a range whose
    ends pyqtgraph adds while checking its resolution, overflowed, and raised ("Cannot set
    range [-inf, inf]"; found by a fuzz of saved projects). Every view draws, trains on and
    warns of nothing."""
    import json

    from resources import lesson_bytes

    d = json.loads(lesson_bytes(lesson))
    X, Y = d["data"]["X"], d["data"]["Y"]
    if len(X) == 1:  # (Mazur's one sample, and one more)
        X.append(list(X[0]))
        Y.append(list(Y[0]))
    X[0][0], X[-1][0] = 1e308, -1e308  # the plane's width (on the map's axes) overflowed
    X[0][-1], X[-1][-1] = 1e308, -1e308  # and the Iris slice's sliders' span
    path = tmp_path / "huge.json"
    path.write_text(json.dumps(d))
    win = open_window("xor")

    def act():
        assert win.files.open_project(str(path))
        show_every_view(win)
        win.doc.step_sample()
        win.doc.train_epochs(3)
        redraw_every_view(win)
        qtbot.wait(100)

    raised, warned = errors_and_warnings(act)
    assert not raised, raised
    assert not warned, warned


def test_a_csv_of_targets_past_float32_draws_every_view_without_warnings(open_window, qtbot,
                                                                        tmp_path):
    """A CSV (found by a fuzz of imports) with a target and an input of -1e300 and a
    decimal comma: the output map's colour levels were the targets' range, past float32's,
    and pyqtgraph's rescaling overflowed ('overflow encountered in cast') at every paint.
    The map is scaled to 0..1 in float64 now; every view draws and trains on quietly."""
    path = tmp_path / "huge.csv"
    path.write_text("x1;x2;y\n0;-1e300;-1e300\n1,5;2;0.5\n1e-320;1e-320;3\n")
    win = open_window("xor")

    def act():
        assert win.files.import_csv(str(path))
        assert win.decision.surface.isVisible() or win.docks["decision"].isHidden()
        show_every_view(win)
        redraw_every_view(win, paint=True)
        win.doc.step_epoch()  # (it diverges: the targets' squares overflow)
        qtbot.wait(100)

    raised, warned = errors_and_warnings(act)
    assert not raised, raised
    assert not warned, warned
    assert win.decision.surface.image.dtype == np.float32
