"""``python -m bench gui``: the real main window, offscreen, playing the XOR lesson.

Reports start-up time to a shown window, epochs/s and frames/s (decision
regions) while playing with every view visible, and how many epochs ran
after Pause was pressed (0 means it took effect before the next frame).
"""

from __future__ import annotations

import os
import time


def rss_mb() -> float:
    """Resident memory of this process in MiB (Linux /proc)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


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
    app.processEvents()
    startup = time.perf_counter() - t0
    doc = win.doc
    frames0 = win.decision.frames
    e0 = doc.trainer.epoch
    doc.set_setting("speed", None)  # "as fast as it goes"
    win.controller.play()
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        app.processEvents()
    elapsed = time.perf_counter() - start
    win.controller.pause()
    after = doc.trainer.epoch
    for _ in range(10):
        app.processEvents()
    after_pause = doc.trainer.epoch - after
    # soak: 1e6 epochs in the document; histories are decimated, so memory stays flat
    rss0 = rss_mb()
    doc.train_epochs(500_000, snapshots=5_000)
    rss1 = rss_mb()
    doc.train_epochs(500_000, snapshots=5_000)
    rss2 = rss_mb()
    result = {
        "startup_s": startup,
        "epochs_per_s": (after - e0) / elapsed,
        "frames_per_s": (win.decision.frames - frames0) / elapsed,
        "hidden_frames_per_s": win.hidden.frames / elapsed,
        "epochs_after_pause": after_pause,
        "samples": len(doc.X),
        "rss_mb_first_500k": rss1 - rss0,
        "rss_mb_next_500k": rss2 - rss1,
        "rss_mb_total": rss2,
        "history_points": len(doc.trainer.history),
        "weight_snapshots": len(doc.weight_history),
    }
    win._ask_unsaved = lambda: "discard"  # a benchmark, not work to keep
    win.close()
    return result
