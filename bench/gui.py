"""``python -m bench gui``: the real main window, offscreen, playing the XOR lesson.

Reports start-up time to a shown window, epochs/s and frames/s (decision
regions) while playing with every view visible, and how many epochs ran
after Pause was pressed (0 means it took effect before the next frame).
"""

from __future__ import annotations

import gc
import os
import time


def rss_mb(pid: int | str = "self") -> float:
    """Resident memory of this process (or process ``pid``) in MiB (Linux /proc)."""
    with open(f"/proc/{pid}/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def dispose(app, win) -> None:
    """Close the window and delete it, as quitting the app would: each measurement starts
    from one window (three closed but living windows, ~800 widgets, slowed the next net's
    figures by 10-20 %)."""
    from PySide6.QtCore import QEvent

    win.close()
    win.deleteLater()
    app.sendPostedEvents(None, QEvent.DeferredDelete)
    app.processEvents()
    gc.unfreeze()  # what start-up froze (main.py does so: one window a process) may go now
    gc.collect()


def run(seconds: float = 5.0) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    t0 = time.perf_counter()
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    from gui.document import Document
    from gui.main_window import MainWindow
    from resources import load_lesson

    app = QApplication.instance() or QApplication([])
    pg.setConfigOptions(antialias=False)
    win = MainWindow(Document(load_lesson("xor")))
    win.show_all_views()
    win.show()
    gc.freeze()  # as main.py does after start-up
    app.processEvents()
    startup = time.perf_counter() - t0
    doc = win.doc
    epochs, frames, elapsed, after_pause = play(app, win, seconds)
    # soak: 1e6 epochs in the document; histories are decimated, so memory stays flat
    rss0 = rss_mb()
    doc.train_epochs(500_000, snapshots=5_000)
    rss1 = rss_mb()
    doc.train_epochs(500_000, snapshots=5_000)
    rss2 = rss_mb()
    result = {
        "startup_s": startup,
        "epochs_per_s": epochs / elapsed,
        "frames_per_s": frames / elapsed,
        "hidden_frames_per_s": win.hidden.frames / elapsed,
        "epochs_after_pause": after_pause,
        "samples": len(doc.X),
        "rss_mb_first_500k": rss1 - rss0,
        "rss_mb_next_500k": rss2 - rss1,
        "rss_mb_total": rss2,
        "history_points": len(doc.trainer.history),
        "weight_snapshots": len(doc.weight_history),
    }
    win.files.ask_unsaved = lambda: "discard"  # a benchmark, not work to keep
    dispose(app, win)
    result.update(edit_cost())
    result["nets"] = [net_in_fresh_process(i, seconds) for i in range(len(NETS))]
    return result


def play(app, win, seconds: float) -> tuple[int, int, float, int]:
    """Play "as fast as it goes" for ``seconds``: (epochs, decision-map frames, seconds
    elapsed, epochs trained after Pause was pressed)."""
    doc = win.doc
    doc.set_setting("speed", None)
    frames0, e0 = win.decision.frames, doc.epoch
    win.controller.play()
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        app.processEvents()
    elapsed = time.perf_counter() - start
    win.controller.pause()
    epochs, frames = doc.epoch - e0, win.decision.frames - frames0
    for _ in range(10):
        app.processEvents()
    return epochs, frames, elapsed, doc.epoch - e0 - epochs


def edit_cost(samples: int = 100_000, repeats: int = 7) -> dict:
    """A structural edit (add a neuron) on a document with ``samples`` samples: its time
    (median) and what the undo stack holds per edit (tracemalloc, after the edit's own run
    buffers are released)."""
    import gc
    import statistics
    import tracemalloc

    import numpy as np

    from gui.document import Document
    from resources import load_lesson

    doc = Document(load_lesson("xor"))
    rng = np.random.default_rng(0)
    X = rng.normal(size=(samples, 2))
    doc.set_data(X, (X[:, :1] * X[:, 1:] > 0).astype(float))
    doc.train_epochs(20)
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        doc.add_neuron(1)
        times.append(time.perf_counter() - t0)
        doc.undo_stack.undo()
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    for _ in range(5):
        doc.add_neuron(1)
    doc.trainer.release()
    gc.collect()
    held = (tracemalloc.get_traced_memory()[0] - base) / 5
    tracemalloc.stop()
    return {"edit_samples": samples, "edit_ms": 1000 * statistics.median(times),
            "undo_kib_per_edit": held / 1024}


NETS = (  # (sizes, hidden activation, data generator, points): the three nets
    ([2, 2, 1], "sigmoid", "xor", 200),
    ([2, 8, 8, 8, 8, 8, 8, 1], "tanh", "spiral", 500),
    ([2, 32, 32, 1], "tanh", "spiral", 1000),
)


def net_in_fresh_process(i: int, seconds: float) -> dict:
    """``play_net(*NETS[i])`` in a new process (``python -m bench gui-net I SECONDS``), as a
    user opening the app on that net would have it: measured after the XOR window and the
    soak in the same process, the 32-32 net drew 20-25 % fewer frames."""
    import json
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "bench", "gui-net", str(i), str(seconds)],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(next(line for line in out.splitlines() if line.startswith("NET "))[4:])


def project_for(sizes: list[int], act: str, generator: str, n: int):
    """A project with this network on this data set (no test split), full-batch BCE."""
    from core.project import from_dict

    L = len(sizes) - 1
    return from_dict({
        "schema_version": 1, "name": f"{'-'.join(map(str, sizes))} on {generator}",
        "description": "",
        "network": {"sizes": sizes, "activations": [act] * (L - 1) + ["sigmoid"],
                    "bias": [True] * L, "notation": "by_source", "params": None},
        "data": {"generator": generator, "n": n, "noise": 0.1, "seed": 0, "test": 0},
        "training": {"loss": "bce", "reduction": "mean", "lr": 0.3, "batch": "full"},
        "init": {"scheme": "xavier", "seed": 0, "scale": 1.0, "bias": 0.0}})


def play_net(sizes: list[int], act: str, generator: str, n: int, seconds: float = 5.0,
             edits: int = 5) -> dict:
    """The window with every view visible playing this net "as fast as it goes": epochs/s,
    frames/s of the decision map, and the time of "Add a neuron" then its undo in the
    window (every view rebuilding; medians of ``edits``)."""
    import statistics

    from PySide6.QtWidgets import QApplication

    from gui.document import Document
    from gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    win = MainWindow(Document(project_for(sizes, act, generator, n)))
    win.files.ask_unsaved = lambda: "discard"
    win.show_all_views()
    win.show()
    gc.freeze()  # as main.py does after start-up
    for _ in range(20):
        app.processEvents()
    doc = win.doc
    epochs, frames, elapsed, _ = play(app, win, seconds)
    add, undo = [], []
    layer = 1
    for _ in range(edits):
        t0 = time.perf_counter()
        doc.add_neuron(layer)
        app.processEvents()  # the views rebuild and draw
        t1 = time.perf_counter()
        doc.undo_stack.undo()
        app.processEvents()
        t2 = time.perf_counter()
        add.append(t1 - t0)
        undo.append(t2 - t1)
    dispose(app, win)
    return {"net": "-".join(map(str, sizes)), "points": n, "epochs_per_s": epochs / elapsed,
            "frames_per_s": frames / elapsed, "add_neuron_ms": 1000 * statistics.median(add),
            "undo_ms": 1000 * statistics.median(undo)}


def soak(epochs: int = 1_000_000) -> dict:
    """``python -m bench soak``: the 6 × 8 net trained ``epochs`` epochs in the document,
    resident memory after each half (histories are decimated: it stays flat); then the
    window playing it as fast as it goes (the training process trains, the window adopts
    its reports) for as many epochs: both processes' memory after each half."""
    from PySide6.QtWidgets import QApplication

    from gui.document import Document

    app = QApplication.instance() or QApplication([])
    doc = Document(project_for(*NETS[1]))
    doc.train_epochs(1000, snapshots=10)
    rss0 = rss_mb()
    t0 = time.perf_counter()
    doc.train_epochs(epochs // 2, snapshots=5_000)
    rss1 = rss_mb()
    doc.train_epochs(epochs - epochs // 2, snapshots=5_000)
    rss2 = rss_mb()
    out = {"net": "2-8-8-8-8-8-8-1", "epochs": doc.epoch, "seconds": time.perf_counter() - t0,
           "rss_mb_first_half": rss1 - rss0, "rss_mb_second_half": rss2 - rss1,
           "rss_mb_total": rss2}
    out["play"] = play_soak(app, epochs)
    return out


def play_soak(app, epochs: int) -> dict:
    """The window (every view visible) playing the 6 × 8 net until ``epochs`` epochs:
    resident memory of the window's process and of the training process at 1 %, half
    way and the end."""
    from gui.document import Document
    from gui.main_window import MainWindow

    win = MainWindow(Document(project_for(*NETS[1])))
    win.files.ask_unsaved = lambda: "discard"
    win.show_all_views()
    win.show()
    doc = win.doc
    doc.set_setting("speed", None)
    win.controller.play()
    marks, t0 = {}, time.perf_counter()
    for name, at in (("start", epochs // 100), ("half", epochs // 2), ("end", epochs)):
        while doc.epoch < at:
            app.processEvents()
            if not win.controller.running:  # a stop rule or a failure: play on
                win.controller.play()
        child = win.controller.remote.process
        marks[name] = (rss_mb(), rss_mb(child.pid) if child is not None else float("nan"))
    seconds = time.perf_counter() - t0
    win.controller.pause()
    dispose(app, win)
    (w0, c0), (w1, c1), (w2, c2) = marks["start"], marks["half"], marks["end"]
    return {"epochs": doc.epoch, "seconds": seconds, "window_mb": [w0, w1, w2],
            "training_process_mb": [c0, c1, c2]}
