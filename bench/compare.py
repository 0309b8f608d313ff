"""``python -m bench compare``: the Compare window playing three XOR runs (lr = 0.1, 1,
10) for a few seconds, its runs trained in its training process and then, for the
comparison, on the window's thread: epochs/s a run, redraws/s and the window process's
share of a core."""

from __future__ import annotations

import os
import time


def run(seconds: float = 5.0) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import pyqtgraph as pg
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from gui.document import Document
    from gui.main_window import MainWindow
    from resources import load_lesson

    QApplication.instance() or QApplication([])
    pg.setConfigOptions(antialias=False)
    win = MainWindow(Document(load_lesson("xor")))
    win.files.ask_unsaved = lambda: "discard"  # a benchmark, not work to keep
    win.show()

    def wait(s: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(s * 1000), loop.quit)
        loop.exec()

    out = {}
    for where in ("process", "window"):
        cw = win.compare("lr=0.1,1,10")
        wait(2.0)  # (the training process imports numpy meanwhile)
        if where == "window":
            cw.remote.close()
            cw.remote.failed = "off: the window trains"
        redraws = [0]
        draw = cw.redraw
        cw.redraw = lambda n=redraws, d=draw: (n.__setitem__(0, n[0] + 1), d())
        cw.play_button.click()
        t0, c0, e0 = time.perf_counter(), time.process_time(), cw.comparison.epoch
        wait(seconds)
        t1, c1, e1 = time.perf_counter(), time.process_time(), cw.comparison.epoch
        cw.play_button.click()
        out[where] = {"runs": len(cw.comparison.runs), "epochs_per_s_a_run": (e1 - e0) / (t1 - t0),
                      "redraws_per_s": redraws[0] / (t1 - t0),
                      "window_cpu_percent": 100 * (c1 - c0) / (t1 - t0)}
        cw.close()
    win.controller.close()
    win.close()
    return out
