"""Recording training for slides: File → Record… writes the chosen view as an animated GIF
or APNG while training plays; the command line does it headless; bad input is a message."""

import subprocess
import sys
from pathlib import Path

import numpy as np
from PIL import Image
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from gui.recorder import encode
from tests.gui.test_building import trigger

ROOT = Path(__file__).resolve().parent.parent.parent


def fill_dialog(view: str, path: Path, every: int, frames: int) -> None:
    """When the Record dialog opens: choose these and press Start recording."""
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.view.setCurrentIndex(dialog.view.findData(view))
        dialog.every.setValue(every)
        dialog.frames.setValue(frames)
        dialog.path.setText(str(path))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()
    QTimer.singleShot(0, fill)


def frames_of(path: Path) -> list[Image.Image]:
    im = Image.open(path)
    out = []
    for k in range(getattr(im, "n_frames", 1)):
        im.seek(k)
        out.append(im.convert("RGB"))
    return out


def test_record_the_decision_map_while_playing(open_window, qtbot, tmp_path):
    win = open_window()
    menu = win.menuBar().actions()[0].menu()
    out = tmp_path / "xor.gif"
    fill_dialog("decision", out, every=20, frames=4)
    trigger(menu, "Recor&d…")
    assert win.recorder is not None and win.record_action.text() == "Stop recor&ding"
    assert win.last_message == "Recording 1/4 (File → Stop recording)"
    assert win.note.text() == win.last_message
    win.doc.set_setting("speed", None)
    win.controller.play()
    qtbot.waitUntil(lambda: win.recorder is None, timeout=20_000)  # 4 frames: it stops itself
    win.controller.pause()
    assert win.last_message.startswith("Wrote xor.gif: 4 frames")
    assert win.record_action.text() == "Recor&d…"
    frames = frames_of(out)
    assert len(frames) == 4
    view = win.decision
    assert frames[0].size == (min(800, view.width()), round(view.height() * min(1, 800 / view.width())))
    # the map changed as the network trained: the first and last frames differ
    assert np.abs(np.asarray(frames[0], float) - np.asarray(frames[-1], float)).mean() > 1.0


def test_stop_recording_writes_what_was_recorded_as_an_animated_png(open_window, qtbot, tmp_path):
    win = open_window()
    out = tmp_path / "window.png"
    menu = win.menuBar().actions()[0].menu()
    fill_dialog("window", out, every=1, frames=100)
    trigger(menu, "Recor&d…")
    for _ in range(2):
        win.doc.step_epoch()
    trigger(menu, "Stop recor&ding")
    assert win.recorder is None and win.last_message.startswith("Wrote window.png: 3 frames")
    frames = frames_of(out)
    assert len(frames) == 3 and Image.open(out).format == "PNG"
    assert frames[0].size[0] == min(800, win.width())


def test_an_unwritable_path_or_a_wrong_suffix_is_said_in_the_dialog_and_records_nothing(
        open_window, qtbot, tmp_path):
    """The dialog closed and the refusal showed on the window: the choices made were lost.
    The refusal shows in the dialog now, which stays open with them; a good file starts."""
    win = open_window()
    menu = win.menuBar().actions()[0].menu()
    seen = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        start = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok)
        dialog.view.setCurrentIndex(dialog.view.findData("loss"))
        dialog.every.setValue(5)
        for path, said in ((tmp_path / "no" / "such" / "dir.gif",
                            "Cannot record: No such file or directory"),
                           (tmp_path / "out.bmp", "Cannot record: record to a .gif, .png or .apng file")):
            dialog.path.setText(str(path))
            start.click()
            seen.append((dialog.isVisible(), dialog.error.text() == "⚠ " + said,
                         dialog.path.selectedText() == str(path), dialog.every.value(),
                         dialog.view.currentData(), win.recorder is None))
        dialog.path.setText(str(tmp_path / "loss.gif"))
        start.click()

    QTimer.singleShot(0, fill)
    trigger(menu, "Recor&d…")
    assert seen == [(True, True, True, 5, "loss", True)] * 2
    assert not (tmp_path / "out.bmp").exists() and not win.message_bar.isVisible()
    assert win.recorder is not None and win.record_action.text() == "Stop recor&ding"
    trigger(menu, "Stop recor&ding")
    assert win.start_recording("loss", str(tmp_path / "x.bmp")) is False  # (a script's way)
    assert win.last_message == "Cannot record: record to a .gif, .png or .apng file"


def test_over_the_size_limit_every_other_frame_goes_and_each_shows_twice_as_long():
    rng = np.random.default_rng(0)
    frames = [Image.fromarray(rng.integers(0, 255, (120, 160, 3), dtype=np.uint8)) for _ in range(16)]
    full, kept, ms = encode(frames, "GIF", 10**9)
    assert kept == 16 and ms == 100
    data, kept, ms = encode(frames, "GIF", len(full) // 3)
    assert len(data) <= len(full) // 3 and kept == 4 and ms == 400


def test_the_command_line_records_headless_and_refuses_bad_input(tmp_path):
    out = tmp_path / "map.gif"
    r = subprocess.run([sys.executable, "main.py", "--lesson", "xor", "--view", "decision", "--record",
                        str(out), "--train", "200", "--frames", "5"], cwd=ROOT, capture_output=True,
                       text=True)
    assert r.returncode == 0 and "Wrote map.gif: 5 frames" in r.stdout, r.stderr
    assert len(frames_of(out)) == 5 and frames_of(out)[0].size == (800, 560)
    for args, said in ((["--record", str(tmp_path / "x.gif")], "--record needs --train EPOCHS"),
                       (["--record", str(tmp_path / "x.bmp"), "--train", "5"], "a .gif, .png or .apng"),
                       (["--record", str(tmp_path / "x.gif"), "--train", "5", "--frames", "1"],
                        "--frames must be from 2 to 2000")):
        r = subprocess.run([sys.executable, "main.py", "--lesson", "xor", *args], cwd=ROOT,
                           capture_output=True, text=True)
        errors = [line for line in r.stderr.splitlines() if line.startswith("backprop-studio:")]
        assert r.returncode == 2 and len(errors) == 1 and said in errors[0], r.stderr


def test_the_recordings_progress_is_read_whole_at_250_percent_in_czech(czech, open_window, qtbot,
                                                                        tmp_path):
    """At 250 % on 1280 × 720 the progress note, "Nahrávání: 6 z 60 snímků (Soubor →
    Zastavit nahrávání)", was cut before its hint (seen under X): it is shorter now."""
    from PySide6.QtCore import Qt

    win = open_window()
    win.showNormal()
    win.resize(1280, 720)
    win.set_scale(2.5)
    qtbot.keyClick(win, Qt.Key_Right, Qt.ControlModifier)  # the figures beside it
    qtbot.waitUntil(lambda: f"epocha {win.doc.epoch} " in win.status.full, timeout=2000)
    fill_dialog("decision", tmp_path / "x.gif", every=20, frames=60)
    trigger(win.menuBar().actions()[0].menu(), "Nah&rávat…")
    qtbot.wait(50)
    assert win.note.full == "Nahrávání 1/60 (Soubor → Zastavit nahrávání)"
    assert win.note.text() == win.note.full  # whole
    assert win.stop_recording().startswith("Nic nenahráno")  # (one frame is no animation)
