"""Compare runs side by side: Train → Compare runs… clones the project into runs differing
in one setting, trains them together, overlays their losses, shows their maps, and opens
any run as the project; the command line renders a comparison for slides."""

import subprocess
import sys
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from gui.plots.compare import CompareWindow
from tests.gui.test_building import trigger

ROOT = Path(__file__).resolve().parent.parent.parent


def ask(setting: str, values: str) -> None:
    """When the Compare dialog opens: choose the setting, type the values, press Compare."""
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.setting.setCurrentIndex(dialog.setting.findData(setting))
        dialog.values.setText(values)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()
    QTimer.singleShot(0, fill)


def train_menu(win):
    return next(a.menu() for a in win.menuBar().actions() if a.text() == "&Train")


def test_compare_optimisers_train_together_and_open_the_better_run(open_window, qtbot):
    win = open_window()
    start = win.doc.project.initial_params.copy()
    ask("optimizer", "sgd, adam")
    trigger(train_menu(win), "&Compare runs…")
    assert len(win.comparisons) == 1
    cw = win.comparisons[0]
    qtbot.waitExposed(cw)
    assert [r.label for r in cw.comparison.runs] == ["optimizer = sgd", "optimizer = adam"]
    assert all(np.array_equal(r.initial, start) for r in cw.comparison.runs)  # the same start
    legend = [label.text for _, label in cw.plot.getPlotItem().legend.items]
    assert legend == ["optimizer = sgd", "optimizer = adam"]
    cw.epochs.setValue(1)  # one epoch: each loss one point, drawn as a dot (a line drew nothing)
    qtbot.mouseClick(cw.train_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: cw.status.text() == "epoch 1" and cw.play_button.text() == "Play")
    cw.redraw()
    assert all(len(c.getData()[0]) == 1 and c.opts["symbol"] == "o" for c in cw.curves)
    cw.epochs.setValue(299)  # (more epochs: 300 in all)
    qtbot.mouseClick(cw.train_button, Qt.LeftButton)
    assert cw.play_button.text() == "Pause"  # trained in slices: Pause would stop it
    qtbot.waitUntil(lambda: cw.play_button.text() == "Play", timeout=20_000)
    assert cw.status.text() == "epoch 300" and not cw.timer.isActive()
    for curve, run in zip(cw.curves, cw.comparison.runs):
        x, y = curve.getData()
        assert len(x) == len(run.trainer.history.losses) == 300 and curve.opts["symbol"] is None
    loss = [r.trainer.loss() for r in cw.comparison.runs]
    assert cw.maps[1].title.text() == f"optimizer = adam\nE = {loss[1]:.4g}"
    for cell, run in zip(cw.maps, cw.comparison.runs):  # each map is its run's network
        ours = run.net.predict(run.features(cw.grid))[:, 0].reshape(60, 60)
        assert np.allclose(cell.image.image, ours, atol=1e-6)
    assert np.abs(cw.maps[0].image.image - cw.maps[1].image.image).max() > 0.1  # and they differ
    qtbot.mouseClick(cw.maps[1].open_button, Qt.LeftButton)
    doc = win.doc
    assert doc.project.name.endswith("(optimizer = adam)") and doc.settings["optimizer"] == "adam"
    assert doc.epoch == 300 and doc.loss() == loss[1]
    assert np.array_equal(doc.net.params, cw.comparison.runs[1].net.params)
    assert np.array_equal(doc.project.initial_params, start)  # Reset goes back to the shared start


def test_a_run_opened_after_the_main_window_moved_on_is_the_project_it_was_compared_from(
        open_window, qtbot):
    """A comparison outlives what the main window does meanwhile. A run opened after the
    Iris lesson was opened paired the run's 2-2-1 network with Iris's 4-column data (an
    exception, nothing opened); after another 2-input data set, silently with data it
    never trained on. The run now opens with its own project's data, name and range."""
    win = open_window("xor")
    xor = win.doc.X.copy()
    cw = win.compare("lr=0.5,2")
    assert cw.windowTitle() == f"Compare runs: lr — {win.doc.project.name}"
    cw.epochs.setValue(20)
    qtbot.mouseClick(cw.train_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: cw.status.text() == "epoch 20" and cw.play_button.text() == "Play")
    win.open_lesson("iris")
    assert win.doc.net.sizes == [4, 8, 3]
    qtbot.mouseClick(cw.maps[1].open_button, Qt.LeftButton)
    doc = win.doc
    assert doc.net.sizes == [2, 2, 1] and np.array_equal(doc.X, xor)
    assert doc.project.name == "XOR with a sigmoid network (lr = 2)" and doc.epoch == 20
    assert doc.loss() == cw.comparison.runs[1].trainer.loss()
    win.open_lesson("blobs")  # two inputs, like XOR: the run's data is still XOR's
    assert doc.X.shape[1] == 2 and not np.array_equal(doc.X, xor)
    qtbot.mouseClick(cw.maps[0].open_button, Qt.LeftButton)
    assert np.array_equal(doc.X, xor) and doc.loss() == cw.comparison.runs[0].trainer.loss()
    cw.close()


def test_a_run_keeps_the_projects_languages_and_a_long_name_that_can_be_saved(open_window,
                                                                               tmp_path):
    """A run opened as the project was named in English only (the Czech window showed
    "XOR with a sigmoid network (lr = 2)"), and a project named with the 200 characters a
    project may hold gave a run whose name was longer: it could not be saved."""
    from core.localise import localised

    win = open_window("xor")
    cw = win.compare("lr=0.5,2")
    run = cw.project_of(1)
    assert localised(run, "cs")[0] == "XOR se sigmoidní sítí (lr = 2)"
    assert localised(run, "en")[0] == "XOR with a sigmoid network (lr = 2)"
    cw.close()
    win.doc.project.name = "N" * 200
    cw = win.compare("lr=0.5,2")
    win.open_compared(cw.project_of(0))
    assert len(win.doc.project.name) == 200
    assert win.files.save_project(path=str(tmp_path / "run.json")), win.last_message
    cw.close()


def test_play_trains_in_slices_and_closing_stops_it(open_window, qtbot):
    win = open_window()
    cw = win.compare("lr=0.5,2")
    qtbot.mouseClick(cw.play_button, Qt.LeftButton)
    assert cw.play_button.text() == "Pause" and cw.timer.isActive()
    qtbot.waitUntil(lambda: cw.comparison.epoch > 50, timeout=10_000)
    assert win.doc.epoch == 0  # the project itself did not train
    qtbot.mouseClick(cw.play_button, Qt.LeftButton)
    assert not cw.timer.isActive() and cw.play_button.text() == "Play"
    epochs = [r.trainer.epoch for r in cw.comparison.runs]
    assert epochs[0] == epochs[1]  # trained together
    qtbot.mouseClick(cw.play_button, Qt.LeftButton)
    cw.close()
    qtbot.waitUntil(lambda: not win.comparisons)
    assert all(not t.isActive() for t in win.findChildren(QTimer) if t.parent() is cw)


def test_training_a_million_epochs_keeps_the_windows_live_and_pause_stops_it(open_window, qtbot):
    """Train with 1,000,000 epochs trained them all before the click returned (both windows
    frozen for minutes); now it trains in the timer's slices, the main window keeps
    answering, and Pause stops it where it is."""
    win = open_window()
    cw = win.compare("lr=0.5,2")
    cw.epochs.setValue(1_000_000)
    qtbot.mouseClick(cw.train_button, Qt.LeftButton)  # returns at once
    assert cw.comparison.epoch == 0 and cw.timer.isActive()
    qtbot.waitUntil(lambda: cw.comparison.epoch > 100, timeout=10_000)
    qtbot.waitUntil(lambda: cw.status.text() != "epoch 0")  # the window drew meanwhile
    assert win.doc.set_setting("lr", 0.7)  # the main window answers an edit meanwhile
    qtbot.mouseClick(cw.play_button, Qt.LeftButton)  # Pause
    assert not cw.timer.isActive() and cw.play_button.text() == "Play"
    stopped = cw.comparison.epoch
    assert stopped < 1_000_000
    qtbot.wait(100)
    assert cw.comparison.epoch == stopped
    cw.close()


def test_a_value_that_fails_its_check_is_said_in_the_dialog_which_stays_open(open_window, qtbot):
    """Compare with values that do not do: the dialog closed and the refusal showed on the
    main window, the values typed lost. The refusal shows in the dialog now, which keeps
    the values (selected, to retype); nothing opens until they do."""
    win = open_window()
    seen = []

    def fill_wrong_then_right() -> None:
        dialog = QApplication.activeModalWidget()
        compare = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok)
        for setting, values, said in (
                ("lr", "0.1, abc", "Cannot compare: lr = abc: learning rate"),
                ("lr", "1", "Cannot compare: compare 2 to 6 values; got 1"),
                ("hidden", "2, 99", "hidden size must be a whole number from 1 to 64"),
                ("features", "x1+x2, x3", "features = x3")):
            dialog.setting.setCurrentIndex(dialog.setting.findData(setting))
            dialog.values.setText(values)
            compare.click()
            seen.append((dialog.isVisible(), said in dialog.error.text(), dialog.error.isVisible(),
                         dialog.values.text() == values, dialog.values.selectedText() == values,
                         len(win.comparisons),  # (and every line of the refusal shows)
                         dialog.error.height() >= dialog.error.heightForWidth(dialog.error.width())))
        qtbot.keyClicks(dialog.values, "x1, x1+x2")  # (typed over the selected values)
        seen.append(dialog.error.isVisible())  # (typing hides the refusal)
        compare.click()

    QTimer.singleShot(0, fill_wrong_then_right)
    trigger(train_menu(win), "&Compare runs…")
    assert seen[:-1] == [(True, True, True, True, True, 0, True)] * 4 and seen[-1] is False
    assert len(win.comparisons) == 1 and not win.message_bar.isVisible()
    assert [r.label for r in win.comparisons[0].comparison.runs] == ["features = x1",
                                                                     "features = x1+x2"]
    assert win.compare("lr=1") is None  # (the command line's way: a refusal on the window)
    assert "Cannot compare: compare 2 to 6 values; got 1" in win.last_message


def test_a_one_input_project_compares_losses_and_says_why_there_are_no_maps(open_window, qtbot):
    win = open_window("sine")
    cw = win.compare("hidden=2,8")
    assert not cw.two_d and not cw.maps[0].plot.isVisible()
    cw.train(100)
    qtbot.waitUntil(lambda: not cw.timer.isActive(), timeout=20_000)
    assert cw.status.text() == "epoch 100" and all(len(c.getData()[0]) == 100 for c in cw.curves)


def test_the_command_line_renders_a_comparison_and_refuses_bad_input(tmp_path):
    out = tmp_path / "cmp.png"
    r = subprocess.run([sys.executable, "main.py", "--lesson", "xor", "--compare", "lr=0.1,1,10",
                        "--train", "300", "--screenshot", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    image = QImage(str(out))
    assert image.width() >= 800 and image.height() >= 500
    r = subprocess.run([sys.executable, "main.py", "--lesson", "xor", "--compare", "colour=red,blue",
                        "--screenshot", str(tmp_path / "x.png")], cwd=ROOT, capture_output=True, text=True)
    errors = [line for line in r.stderr.splitlines() if line.startswith("backprop-studio:")]
    assert r.returncode == 2 and errors == ["backprop-studio: cannot compare: cannot compare 'colour'; "
                                            "settings that can be compared: lr, optimizer, seed, "
                                            "activation, hidden, features"]
    assert not (tmp_path / "x.png").exists()


def test_compare_window_is_a_window_of_its_own(open_window):
    win = open_window()
    cw = CompareWindow(win.doc, "seed=1,2", win)
    assert cw.isWindow() and cw.windowTitle() == f"Compare runs: seed — {win.doc.project.name}"
    cw.close()


def test_the_runs_train_in_a_training_process_of_their_own(open_window, qtbot):
    """The comparison's runs train in a process of the window's own (they took ~60 % of
    the window's core), to the very numbers they reach trained here."""
    win = open_window()
    cw = win.compare("lr=0.5,2")
    assert cw.remote.process.poll() is None  # started with the window
    qtbot.waitUntil(lambda: cw.remote.receive() == [] and cw.remote.ready, timeout=20_000)
    cw.epochs.setValue(20_000)
    qtbot.mouseClick(cw.train_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: cw.remote.running, timeout=5_000)  # the job went out
    qtbot.waitUntil(lambda: cw.play_button.text() == "Play", timeout=60_000)
    assert cw.status.text() == "epoch 20000"
    here = CompareWindow(win.doc, "lr=0.5,2", win)
    here.comparison.train(epochs=20_000)
    for a, b in zip(here.comparison.runs, cw.comparison.runs):
        assert np.array_equal(a.net.params, b.net.params), a.label
        assert a.trainer.history.losses == b.trainer.history.losses
    here.close()
    qtbot.mouseClick(cw.play_button, Qt.LeftButton)  # Play: no end, there too
    qtbot.waitUntil(lambda: cw.remote.running and cw.comparison.epoch > 21_000, timeout=20_000)
    assert cw.play_button.text() == "Pause"
    qtbot.mouseClick(cw.play_button, Qt.LeftButton)
    assert not cw.remote.running
    cw.close()
    assert cw.remote.process is None  # closing the window ended it


def test_a_comparison_outlives_a_language_switch(qtbot, switching_window):
    """View → Language builds the main window again; the comparison windows were its
    children and went with the old one, their training with them. They move to the new
    window now, in its language, train on, and open their runs there."""
    import shiboken6

    win = switching_window("xor")
    cw = win.compare("lr=0.5,2")
    qtbot.mouseClick(cw.play_button, Qt.LeftButton)
    new = win.set_language("cs")
    qtbot.waitUntil(lambda: not shiboken6.isValid(win))  # the old window is gone
    assert shiboken6.isValid(cw) and cw.isVisible() and cw.parent() is new
    assert new.comparisons == [cw] and cw.timer.isActive()
    # its words in the new language too
    assert cw.windowTitle() == "Porovnání běhů: lr — XOR se sigmoidní sítí"
    assert cw.play_button.text() == "Pozastavit" and cw.log.text() != "log scale"
    assert cw.maps[0].open_button.text() != "Open as project"
    epoch = cw.comparison.epoch
    qtbot.waitUntil(lambda: cw.comparison.epoch > epoch + 20, timeout=10_000)
    qtbot.mouseClick(cw.play_button, Qt.LeftButton)
    qtbot.mouseClick(cw.maps[1].open_button, Qt.LeftButton)
    assert new.doc.project.name.endswith("(lr = 2)") and new.doc.epoch == cw.comparison.epoch
    cw.close()
    qtbot.waitUntil(lambda: not new.comparisons)
