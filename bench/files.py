"""``python -m bench files``: reading data and projects, time and peak memory.

Each case runs in a fresh Python process (so its peak resident memory is its own;
``ru_maxrss``), three times, and reports the medians:

    csv_1m      a 1,000,000-row, 3-column CSV (x1, x2, y) through core.csvio.read_csv
    csv_wide    a 1,000-column CSV just under the 64 MiB size cap
    project_1m  a project of 1,000,000 samples: core.project.save, then load
    project_run a project whose timeline holds 2,000 snapshots of a 2-8-8-1 Adam run
                with their resume states (what Replay needs): core.project.load
    autosave_1m project_1m's file in the window (offscreen), changed, autosaved five
                times: how long ``FileActions.autosave`` holds the window's thread
                ("s", the median) and the longest event-loop gap while its thread
                writes ("gap_s")
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CASE = r"""
import json, resource, sys, time
import numpy as np
what, path = sys.argv[1], sys.argv[2]
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
if what.startswith("csv"):
    from core.csvio import read_csv
    t = read_csv(path)
    shape = list(t.X.shape)
elif what == "project_run":
    from core import Network, initialise
    from core.datasets import xor
    from core.project import Project, capture, load, save, snapshots_dict
    from core.session import Session
    X, Y = xor(200, seed=0)
    st = {"loss": "bce", "reduction": "mean", "lr": 0.1, "batch": 10, "shuffle": True,
          "optimizer": "adam", "max_epochs": None, "loss_threshold": None}
    s = Session(initialise(Network([2, 8, 8, 1], ["tanh", "tanh", "sigmoid"]), "xavier", seed=1),
                X, Y, st, seed=1)
    s.train_epochs(4000, None, snapshots=4000)
    w, r = s.weight_history, s.resume_history
    p = Project(s.net, X, Y, st, init={"seed": 1},
                snapshots=snapshots_dict([], [], w.epochs, w.values, r.epochs, r.values))
    capture(p, s.trainer)  # (the state the snapshots lead to: a project checks its timeline)
    save(p, path)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    q = load(path)
    shape = list(q.snapshots["weights"]["values"].shape)
elif what == "autosave_1m":
    import os, statistics
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    qInstallMessageHandler(lambda *a: None)
    from core.project import load
    from gui.document import Document
    from gui.main_window import MainWindow
    win = MainWindow(Document(load(path)))
    win.files.ask_unsaved = lambda: "discard"
    win.show()
    for _ in range(20):
        app.processEvents()
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    calls, gaps = [], []
    for k in range(5):
        win.doc.set_setting("lr", str(0.5 + k / 10))
        app.processEvents()
        t = time.perf_counter()
        win.files.autosave()
        calls.append(time.perf_counter() - t)
        last, gap = time.perf_counter(), 0.0
        while win.files.autosaving is not None:
            app.processEvents()
            now = time.perf_counter()
            gap, last = max(gap, now - last), now
        gaps.append(gap)
    shape = [win.doc.X.shape[0]]
    elapsed, extra = statistics.median(calls), {"gap_s": statistics.median(gaps)}
    win.close()
else:
    from core.project import load, save
    from core import Network, initialise
    from core.project import Project
    rng = np.random.default_rng(0)
    X = rng.normal(size=(1_000_000, 2))
    Y = (X[:, :1] * X[:, 1:] > 0).astype(float)
    p = Project(initialise(Network([2, 2, 1], "sigmoid"), "xavier", seed=0), X, Y)
    del X, Y
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    save(p, path)
    del p
    q = load(path)
    shape = list(q.X.shape)
if what != "autosave_1m":  # (its "s": the window's pause, measured above)
    elapsed, extra = time.perf_counter() - t0, {}
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"s": elapsed, "peak_mib": peak, "import_mib": base / 1024, "shape": shape,
                  **extra}))
"""


def _write_csvs(folder: Path) -> dict[str, Path]:
    import numpy as np

    rng = np.random.default_rng(0)
    tall = folder / "tall.csv"
    X = rng.normal(size=(1_000_000, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(int)
    with open(tall, "w") as f:
        f.write("x1,x2,y\n")
        np.savetxt(f, np.column_stack([X, y]), delimiter=",", fmt=["%.17g", "%.17g", "%d"])
    wide = folder / "wide.csv"
    cols = 1000
    row = lambda r: ",".join(f"{v:.5f}" for v in r)  # noqa: E731
    with open(wide, "w") as f:
        f.write(",".join([f"x{i + 1}" for i in range(cols - 1)] + ["y"]) + "\n")
        block = rng.normal(size=(100, cols))
        line_len = len(row(block[0])) + 1
        rows = (64 * 2**20 - 2**16) // line_len
        for k in range(0, rows, 100):
            block = rng.normal(size=(min(100, rows - k), cols))
            f.write("\n".join(row(r) for r in block) + "\n")
    return {"csv_1m": tall, "csv_wide": wide}


def run(repeats: int = 3) -> dict:
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = _write_csvs(folder)
        paths["project_1m"] = folder / "big.json"
        paths["project_run"] = folder / "run.json"
        paths["autosave_1m"] = paths["project_1m"]  # (the file project_1m wrote)
        root = Path(__file__).resolve().parent.parent
        for case, path in paths.items():
            runs = []
            for _ in range(repeats):
                r = subprocess.run([sys.executable, "-c", CASE, case, str(path)], cwd=root,
                                   capture_output=True, text=True, check=True)
                runs.append(json.loads(r.stdout))
            out[case] = {"s": statistics.median(r["s"] for r in runs),
                         "peak_mib": statistics.median(r["peak_mib"] for r in runs),
                         "shape": runs[0]["shape"],
                         "size_mib": path.stat().st_size / 2**20}
            if "gap_s" in runs[0]:
                out[case]["gap_s"] = statistics.median(r["gap_s"] for r in runs)
    return out
