"""The designer window driven as a user would: clicks, keys, the real widgets."""

import os
import re
import subprocess
import sys
import textwrap
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from tests.gui.conftest import choose, fastest, finite, note_shown, refusal_shown, track


def click_label(qtbot, win, label: str, double: bool = False):
    canvas = win.canvas
    p = canvas.doc.net.resolve(label)
    item = canvas.labels[p]
    pos = canvas.mapFromScene(item.sceneBoundingRect().center())
    if double:
        qtbot.mouseDClick(canvas.viewport(), Qt.LeftButton, pos=pos)
    else:
        qtbot.mouseClick(canvas.viewport(), Qt.LeftButton, pos=pos)
    return p


def test_starts_with_the_xor_lesson_ready_to_play(open_window):
    win = open_window()
    assert "XOR" in win.windowTitle()
    canvas = win.canvas
    texts = [canvas.labels[p].text.text() for p in win.doc.net.param_list() if canvas.label_shown(p)]
    assert len(texts) == 9  # a small net: every weight and bias labelled
    assert [t.split(" =")[0] for t in texts[:3]] == ["b₁₁", "b₁₂", "w₁"]  # typeset
    assert any(t.startswith("w₆ = ") for t in texts)
    assert "epoch 0" in win.status.text()
    assert win.decision.image.image.shape == (100, 100)
    assert win.decision.image.image.dtype == np.float32


def test_edit_w1_in_the_inspector_then_undo_and_redo(open_window, qtbot):
    win = open_window()
    net = win.doc.net
    old = net["w1"]
    click_label(qtbot, win, "w1")
    assert "w1" in win.inspector.title.text()
    win.inspector.value.clear()
    qtbot.keyClicks(win.inspector.value, "0.5")
    qtbot.keyClick(win.inspector.value, Qt.Key_Return)
    assert net["w1"] == 0.5
    qtbot.waitUntil(lambda: any(i.text.text() == "w₁ = 0.5" for i in win.canvas.labels.values()))
    win.canvas.setFocus()  # the user clicks back on the canvas (a line edit keeps its own Ctrl+Z)
    qtbot.keyClick(win.canvas, Qt.Key_Z, Qt.ControlModifier)
    assert net["w1"] == old
    qtbot.keyClick(win.canvas, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert net["w1"] == 0.5


def test_type_a_value_in_place_and_refuse_text(open_window, qtbot):
    win = open_window()
    net = win.doc.net
    old = net["w3"]
    click_label(qtbot, win, "w3", double=True)
    editor = win.canvas.editor.widget()
    editor.selectAll()
    qtbot.keyClicks(editor, "abc")
    qtbot.keyClick(editor, Qt.Key_Return)
    assert net["w3"] == old
    assert "not a number" in win.last_message
    assert "not a number" in refusal_shown(win)
    editor.selectAll()
    qtbot.keyClicks(editor, "-1.25")
    qtbot.keyClick(editor, Qt.Key_Return)
    assert net["w3"] == -1.25


def test_wheel_nudges_are_one_undo_step(open_window, qtbot):
    win = open_window()
    net, canvas = win.doc.net, win.canvas
    p = net.resolve("w5")
    old = net.get(p)
    for _ in range(3):
        canvas.labels[p].wheelEvent(_Wheel(120))
    assert net.get(p) == pytest.approx(old + 0.03)
    win.doc.undo_stack.undo()
    assert net.get(p) == old


class _Wheel:
    def __init__(self, delta):
        self._d = delta

    def delta(self):
        return self._d

    def modifiers(self):
        return Qt.NoModifier

    def accept(self):
        pass


def test_step_one_sample_on_the_hand_note_shows_reference_numbers(open_window, qtbot):
    win = open_window("hand_note")
    canvas = win.canvas
    names = {i.name.text(): i.value.text() for items in canvas.neurons for i in items}
    assert names == {"x₁": "2", "x₂": "3", "h₁": "0.85", "h₂": "0.48", "ŷ": "0.191"}
    qtbot.keyClick(win, Qt.Key_Right)  # step one sample
    net = win.doc.net
    assert net["w6"] == pytest.approx(0.169416, abs=1e-12)
    assert net["w1"] == pytest.approx(0.121326, abs=1e-12)
    expected = {"w₁ = 0.1213", "w₄ = 0.0982", "w₅ = 0.1744", "w₆ = 0.1694"}
    qtbot.waitUntil(lambda: expected <= {i.text.text() for i in canvas.labels.values()})
    assert "step 1" in win.status.text()
    assert win.doc.sample == 0


def test_training_slices_grow_when_frames_are_slow_to_draw(open_window, qtbot, monkeypatch):
    """Playing where no training process can run, each tick trains for a quarter of the
    time the event loop spent elsewhere since the last slice: 3 ms at least, 25 ms at most."""
    win = open_window()
    monkeypatch.setattr(win.controller, "remote", None)
    slices = []
    train_for = win.doc.train_for
    monkeypatch.setattr(win.doc, "train_for",
                        lambda seconds, **kw: (slices.append(seconds), train_for(seconds, **kw)))
    fastest(win)
    qtbot.keyClick(win, Qt.Key_Space)
    qtbot.waitUntil(lambda: len(slices) >= 2, timeout=5000)
    n = len(slices)
    time.sleep(0.06)  # a slow frame: the event loop is busy elsewhere for 60 ms
    qtbot.waitUntil(lambda: len(slices) > n, timeout=5000)
    qtbot.keyClick(win, Qt.Key_Space)
    assert all(0.003 <= s <= 0.025 for s in slices)
    assert slices[n] >= 0.25 * 0.06  # a quarter of the 60 ms at least: far more than 3 ms
    assert win.doc.trainer.epoch > 0


def test_playing_trains_in_a_second_process_and_a_change_meanwhile_wins(
        open_window, qtbot, monkeypatch):
    """As fast as it goes, another process trains; a weight typed or a setting changed
    while it does is what training continues from, never overwritten by its reports."""
    win = open_window()
    doc = win.doc
    jobs = []
    training_job = doc.training_job
    monkeypatch.setattr(doc, "training_job", lambda: jobs.append(training_job()) or jobs[-1])
    doc.set_setting("lr", "0.001")
    fastest(win)
    qtbot.keyClick(win, Qt.Key_Space)
    qtbot.waitUntil(lambda: win.controller.in_background and doc.epoch > 500, timeout=10_000)
    assert win.controller.remote.process.pid != os.getpid()
    assert doc.set_param("w1", "5")  # as typed on the canvas
    with qtbot.waitSignal(doc.trained, timeout=5000):
        pass  # the next report adopted
    assert jobs[-1]["checkpoint"]["params"][doc.net.index(doc.net.resolve("w1"))] == 5.0
    assert doc.net["w1"] == pytest.approx(5.0, abs=0.5)  # moved a little from 5, not back
    assert doc.set_setting("lr", "0.002")
    qtbot.waitUntil(lambda: jobs[-1]["settings"]["lr"] == 0.002, timeout=5000)
    qtbot.keyClick(win, Qt.Key_Space)  # pause
    epoch = doc.epoch
    qtbot.wait(100)
    assert doc.epoch == epoch and not win.controller.in_background  # nothing after Pause
    assert doc.step_back()  # the last adopted slice is one training call
    assert doc.epoch < epoch


def test_a_paced_play_trains_in_the_training_process_at_its_speed(open_window, qtbot):
    """At a speed (the lesson's 100 epochs/s) Play trained on the window's thread: with
    100,000 samples an epoch took ~37 ms of it at each tick. The training process paces
    itself now; the window adopts its epochs. Never faster than the speed, the same
    numbers as training here, the speed changed while it plays followed."""
    from gui.document import Document
    from resources import load_lesson

    win = open_window()
    doc = win.doc
    assert win.training.speed.currentText() == "100 epochs/s"
    start = time.perf_counter()
    qtbot.keyClick(win, Qt.Key_Space)
    qtbot.waitUntil(lambda: win.controller.in_background and doc.epoch >= 30, timeout=10_000)
    qtbot.keyClick(win, Qt.Key_Space)
    took, epochs = time.perf_counter() - start, doc.epoch
    assert epochs <= 1 + took * 100  # (an upper bound only: a busy machine is slower)
    here = Document(load_lesson("xor"))
    here.train_epochs(epochs)
    np.testing.assert_array_equal(doc.net.params, here.net.params)
    choose(win.training.speed, "1000 epochs/s")
    qtbot.keyClick(win, Qt.Key_Space)
    qtbot.waitUntil(lambda: doc.epoch >= epochs + 300, timeout=10_000)
    qtbot.keyClick(win, Qt.Key_Space)
    assert win.controller.remote.generation >= 2  # both speeds in the process
    doc.set_setting("max_epochs", str(doc.epoch + 200))  # the limit, at a speed too
    limit = doc.epoch + 200
    qtbot.keyClick(win, Qt.Key_Space)
    qtbot.waitUntil(lambda: not win.controller.running, timeout=10_000)
    assert doc.epoch == limit and f"Stopped after {limit} epochs" in note_shown(win)


def test_at_one_epoch_a_second_the_training_process_keeps_the_windows_pace(open_window, qtbot):
    """The window trains Play's first epoch at once while the training process starts; the
    process's job then trained its own first epoch at once too: at 1 epoch/s the hand
    note's epochs 1 and 2 came 0.2 s apart. The job starts when the next epoch is due."""
    win = open_window("hand_note")
    doc = win.doc
    assert win.training.speed.currentText() == "1 epoch/s"
    when = {}
    doc.trained.connect(lambda: when.setdefault(doc.epoch, time.perf_counter()))
    start = time.perf_counter()
    qtbot.keyClick(win, Qt.Key_Space)
    qtbot.waitUntil(lambda: doc.epoch >= 3, timeout=10_000)
    qtbot.keyClick(win, Qt.Key_Space)
    assert win.controller.remote.generation >= 1  # (the process took part)
    # epoch k is due k - 1 seconds after Play (lower bounds only: a busy machine is later;
    # epoch 2 came 0.2 s after Play before)
    assert when[2] - start > 0.98 and when[3] - start > 1.98


def test_the_epoch_limit_stops_play_exactly_across_the_training_process(open_window, qtbot):
    """The first epochs train here while the training process starts, the rest there: the
    limit still stops training on its very epoch, with its message."""
    win = open_window()
    doc = win.doc
    doc.set_setting("max_epochs", "40000")
    fastest(win)
    qtbot.keyClick(win, Qt.Key_Space)
    qtbot.waitUntil(lambda: not win.controller.running, timeout=20_000)
    assert doc.epoch == 40000
    assert win.controller.remote.generation >= 1  # the process took part
    assert "Stopped after 40000 epochs" in note_shown(win)
    qtbot.keyClick(win, Qt.Key_Space)  # Play again: nothing left, it says so and stops
    qtbot.waitUntil(lambda: not win.controller.running, timeout=5000)
    assert doc.epoch == 40000


def test_playing_does_not_rebuild_the_fixed_axes_every_frame(open_window, qtbot, monkeypatch):
    """Decision regions and hidden space keep their ranges while training: their
    axes (slow to draw) are built once, not once a frame."""
    import pyqtgraph as pg

    win = open_window()
    fixed = {id(p.getAxis(a)) for p in (win.decision.plot, win.hidden.plot)
             for a in ("left", "bottom")}
    built = []
    generate = pg.AxisItem.generateDrawSpecs
    monkeypatch.setattr(pg.AxisItem, "generateDrawSpecs",
                        lambda self, p: (built.append(id(self) in fixed), generate(self, p))[1])
    frames = win.decision.frames
    fastest(win)
    qtbot.keyClick(win, Qt.Key_Space)
    qtbot.waitUntil(lambda: win.decision.frames >= frames + 8, timeout=10_000)
    qtbot.keyClick(win, Qt.Key_Space)
    assert win.doc.trainer.epoch > 0
    assert sum(built) <= 4, f"{sum(built)} rebuilds of the decision/hidden axes in 8 frames"
    assert win.decision.plot.viewRange()[0][0] < win.doc.X[:, 0].min()


def test_play_then_pause_with_space(open_window, qtbot):
    win = open_window()
    fastest(win)
    qtbot.keyClick(win, Qt.Key_Space)
    assert win.controller.running
    assert not win.step_sample_action.isEnabled()
    qtbot.waitUntil(lambda: win.decision.frames > 3 and win.hidden.frames > 3, timeout=5000)
    qtbot.keyClick(win, Qt.Key_Space)
    assert not win.controller.running
    epoch = win.doc.trainer.epoch
    qtbot.wait(100)  # a tenth of a second in which nothing may train
    assert win.doc.trainer.epoch == epoch  # Pause took effect at once
    qtbot.waitUntil(lambda: len(win.loss_plot.curve.xData) ==
                    len(win.doc.trainer.history) > 50)  # the last throttled redraw lands


def test_learning_rate_zero_or_text_is_refused(open_window, qtbot):
    win = open_window()
    lr = win.training.lr
    for bad, msg in [("0", "positive"), ("-1", "positive"), ("fast", "not a number")]:
        lr.clear()
        qtbot.keyClicks(lr, bad)
        qtbot.keyClick(lr, Qt.Key_Return)
        assert win.doc.settings["lr"] == 1.0
        assert msg in win.last_message
        assert lr.text() == "1"
    win.doc.trainer.run(max_epochs=10)
    lr.clear()
    qtbot.keyClicks(lr, "0.3")
    qtbot.keyClick(lr, Qt.Key_Return)
    assert win.doc.trainer.lr == 0.3 and win.doc.trainer.epoch == 10  # not reset


def test_divergence_pauses_with_a_message_and_keeps_finite_weights(open_window, qtbot):
    win = open_window("hand_note")
    win.doc.set_setting("lr", "100")
    win.doc.set_setting("max_epochs", "100000")
    fastest(win)
    qtbot.keyClick(win, Qt.Key_Space)
    qtbot.waitUntil(lambda: not win.controller.running, timeout=10_000)
    assert "diverged" in win.last_message
    assert finite(win.doc.net)
    assert win.doc.trainer.epoch < 1000


def test_structure_edits_are_undoable(open_window, qtbot):
    win = open_window()
    doc = win.doc
    w1 = doc.net["w1"]
    assert doc.add_neuron(1)
    assert doc.net.sizes == [2, 3, 1] and len(win.canvas.neurons[1]) == 3
    assert doc.net["w1"] == w1
    assert doc.insert_layer(2, "relu")
    assert doc.net.sizes == [2, 3, 2, 1] and doc.net.activations == ["sigmoid", "relu", "sigmoid"]
    assert doc.set_activation(0, "tanh")
    qtbot.keyClick(win, Qt.Key_Z, Qt.ControlModifier)
    qtbot.keyClick(win, Qt.Key_Z, Qt.ControlModifier)
    qtbot.keyClick(win, Qt.Key_Z, Qt.ControlModifier)
    assert doc.net.sizes == [2, 2, 1] and doc.net["w1"] == w1
    assert not doc.remove_layer(0)  # inputs follow the data
    assert "hidden" in win.last_message


def test_freeze_from_the_inspector(open_window, qtbot):
    win = open_window()
    p = click_label(qtbot, win, "w2")
    win.inspector.lock.click()
    assert win.doc.net.is_frozen(p)
    before = win.doc.net.get(p)
    win.doc.step_epoch()
    assert win.doc.net.get(p) == before
    qtbot.waitUntil(lambda: "(frozen)" in win.canvas.labels[p].text.text())


def test_reset_returns_to_the_same_initial_weights(open_window, qtbot):
    win = open_window()
    start = win.doc.net.params.copy()
    win.doc.trainer.run(max_epochs=20)
    qtbot.keyClick(win, Qt.Key_R, Qt.ControlModifier)
    assert np.array_equal(win.doc.net.params, start)
    assert win.doc.trainer.epoch == 0


def test_screenshot_flag_renders_a_png(tmp_path):
    out = tmp_path / "loss.png"
    r = subprocess.run([sys.executable, "main.py", "--lesson", "xor", "--train", "200",
                        "--screenshot", str(out), "--view", "loss"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))  # the loss view: a plot with a falling red curve on white
    assert image.width() > 200 and image.height() > 150
    reds = sum(QColor(image.pixel(x, y)).red() > 150 and QColor(image.pixel(x, y)).green() < 100
               for x in range(image.width()) for y in range(0, image.height(), 2))
    assert reds > 50
    r = subprocess.run([sys.executable, "main.py", "--lesson", "nope", "--screenshot", str(out)],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "no lesson called 'nope'" in r.stderr


def test_screenshot_and_phase_flags_refuse_bad_values_in_one_line(tmp_path):
    def run(*flags):
        return subprocess.run([sys.executable, "main.py", "--lesson", "hand_note", *flags],
                              capture_output=True, text=True)

    for name, why in (("shot.xyz", "its name must end in an image type"),
                      ("missing/shot.png", "no folder")):
        r = run("--screenshot", str(tmp_path / name))
        assert r.returncode == 2 and r.stderr.count("\n") == 1, r.stderr
        assert why in r.stderr and not (tmp_path / name).exists()
    r = run("--phase", "99", "--screenshot", str(tmp_path / "p.png"))
    last = re.fullmatch(r"backprop-studio: --phase must be from 1 to (\d+) for this project; "
                        r"got 99\n", r.stderr)
    assert r.returncode == 2 and last and 15 < int(last[1]) < 99, r.stderr
    r = run("--phase", "0", "--screenshot", str(tmp_path / "p.png"))
    assert r.returncode == 2 and "--phase must be from 1" in r.stderr
    # flags argparse cannot read: one line too (it printed its nine-line usage first), and
    # --sections where it means nothing is refused rather than ignored
    for flags, said in ((["--train", "1e3"], "--train: '1e3' is not a whole number (see --help)"),
                        (["--view", "nope"], "--view: 'nope' is not one of 'window', 'canvas'"),
                        (["--bogus"], "unknown arguments: --bogus (see --help)"),
                        (["--range", "1", "2"], "--range needs 4 values (see --help)"),
                        (["--lang=cs", "--train", "1e3"], "--train: '1e3' není celé číslo (viz --help)"),
                        (["--language", "cs", "--scale", "x"], "--scale: 'x' není číslo (viz --help)"),
                        (["--sections", "--export-trace", str(tmp_path / "s.md")],
                         "--sections goes with --export-trace OUT.tex")):
        r = run(*flags)
        assert r.returncode == 2 and r.stderr.count("\n") == 1, r.stderr
        assert r.stderr.startswith(f"backprop-studio: {said}"), r.stderr
    assert not (tmp_path / "s.md").exists()
    assert not (tmp_path / "p.png").exists()
    r = run("--phase", last[1], "--view", "lecture", "--screenshot", str(tmp_path / "p.png"))
    assert r.returncode == 0 and r.stderr == ""  # --phase alone starts lecture mode; no Qt notes
    from PySide6.QtGui import QImage

    assert QImage(str(tmp_path / "p.png")).width() > 100


def test_many_live_plot_updates_do_not_abort_the_interpreter():
    """Guard for the PySide6 6.12.0 bool_dealloc abort under pyqtgraph setData."""
    code = textwrap.dedent("""
        import os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        import numpy as np, pyqtgraph as pg
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        w = pg.PlotWidget(); c = w.plot([], []); s = pg.ScatterPlotItem(); w.addItem(s); w.show()
        x = np.arange(100.0)
        for i in range(5000):
            c.setData(x, np.sin(x + i)); s.setData(x[:10], x[:10] * i)
            if i % 100 == 0:
                app.processEvents()
        print("ok")
    """)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr[-2000:]


def test_reinitialise_draws_new_weights_and_is_undoable(open_window, qtbot):
    win = open_window()
    doc = win.doc
    before, seed = doc.net.params.copy(), doc.project.init["seed"]
    qtbot.keyClick(win, Qt.Key_R, Qt.ControlModifier | Qt.ShiftModifier)
    assert doc.project.init["seed"] == seed + 1 and not np.array_equal(doc.net.params, before)
    fresh = doc.net.params.copy()
    doc.train_epochs(5)
    trained = doc.net.params.copy()
    qtbot.keyClick(win, Qt.Key_R, Qt.ControlModifier)  # Reset goes to the new initial weights
    assert np.array_equal(doc.net.params, fresh) and doc.trainer.epoch == 0
    qtbot.keyClick(win, Qt.Key_Z, Qt.ControlModifier)  # a reset is undoable too
    assert np.array_equal(doc.net.params, trained) and doc.trainer.epoch == 5
    qtbot.keyClick(win, Qt.Key_Z, Qt.ControlModifier)
    assert np.array_equal(doc.net.params, before) and doc.project.init["seed"] == seed


def test_layout_scale_and_theme_come_back_next_session(qtbot):
    from gui.document import Document
    from gui.main_window import MainWindow
    from resources import load_lesson

    first = MainWindow(Document(load_lesson("xor")))
    track(qtbot, first)
    first.show()
    first.docks["loss"].hide()
    first.set_scale(1.5)
    first.close()
    second = MainWindow(Document(load_lesson("xor")))
    track(qtbot, second)
    second.show()
    second.apply_preferences()
    assert not second.docks["loss"].isVisible() and second.docks["decision"].isVisible()
    assert second.scale == 1.5
    second.set_scale(1.0)
    second.docks["loss"].show()
    second.close()


def test_a_damaged_settings_file_gives_the_defaults_not_a_crash(qtbot, tmp_path):
    """The preferences are the app's own file, but a disk or a hand can damage it: every
    value is read as its type, and the window opens with the defaults (it raised a
    TypeError in restoreGeometry at start-up, every start, until the file was found)."""
    import os

    from gui import storage
    from gui.document import Document
    from gui.main_window import MainWindow
    from resources import load_lesson

    os.makedirs(storage.home(), exist_ok=True)
    (storage.home() / "settings.ini").write_text(
        "[General]\nscale=abc\nhigh_contrast=maybe\ngeometry=5\nlayout=x\nwindow=1, 2\n"
        "docks=@ByteArray(AAAA)\nlanguage=1, 2\n"
        f"recent=nope, {tmp_path}, {__file__}\n")
    win = MainWindow(Document(load_lesson("xor")))
    track(qtbot, win)
    win.show()
    win.apply_preferences()
    assert win.scale == 1.0 and not win.high_contrast and win.docks["loss"].isVisible()
    assert storage.recent_files() == [__file__]  # (a folder, a missing file: left out)
    assert [a.text() for a in win.recent_menu.actions()][:1] == ["&1 " + os.path.basename(__file__)]
    win.close()


def test_play_trains_in_the_other_process_over_the_local_port_link_too(qtbot, monkeypatch):
    """Windows has no inherited sockets: there the window reaches its training process
    over a local port with a key (core.worker's "tcp" link). The same window, forced onto
    that link here, trains in the other process and stops on the epoch limit exactly."""
    import gui.controller
    from core.worker import Remote
    from resources import load_lesson
    from tests.gui.conftest import window_on

    monkeypatch.setattr(gui.controller, "Remote", lambda: Remote(link="tcp"))
    win = window_on(qtbot, load_lesson("xor"))
    win.activateWindow()  # for the Space key
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    try:
        assert win.controller.remote.link == "tcp"
        doc = win.doc
        doc.set_setting("max_epochs", "30000")
        fastest(win)
        qtbot.keyClick(win, Qt.Key_Space)
        assert win.controller.running
        qtbot.waitUntil(lambda: win.controller.in_background or bool(win.controller.remote.failed),
                        timeout=10_000)
        assert not win.controller.remote.failed
        assert win.controller.remote.process.pid != os.getpid()
        qtbot.waitUntil(lambda: not win.controller.running, timeout=20_000)
        assert doc.epoch == 30000 and "Stopped after 30000 epochs" in note_shown(win)
    finally:
        win.controller.close()
    assert win.controller.remote.process is None
