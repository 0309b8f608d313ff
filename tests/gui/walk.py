# ruff: noqa: E402 - the platform and the data folder are set before Qt is imported
"""A longer random walk than tests/gui/test_random_walk.py, by hand, for hunting crashes:

    python tests/gui/walk.py STEPS SEED LESSON        (LANG_CS=1: in Czech)

Menu actions (Qt's About box and Quit left out; file and question dialogs cancelled;
language switches followed to the new window), edits, settings, features, training,
Play for a few turns of the event loop, undo and redo; processEvents 1, 2 or 5 times
after each. Prints each step, the first exception (then stops) and every
RuntimeWarning; the steps go to walk-SEED.json in the working folder as they are
taken. Not collected by pytest (no test_ prefix). The twelfth session's
hunt (xor_challenge, seeds 35-65) found two crashes, both Qt 6.11 restoring a dock layout
into a window not shown (a new language's window; a closed one), both fixed (tests in
test_language.py). Quit in Czech ("U&končit") is taken, leaving a closed window to walk
on. To cut a crashing walk down, replay the steps in walk-SEED.json, dropping steps while
it still crashes (ddmin)."""

import os
import random
import sys
import traceback

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("BACKPROP_STUDIO_HOME", __import__("tempfile").mkdtemp(prefix="walk-"))
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2]))
N, SEED, LESSON = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
from PySide6.QtCore import QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu, QMessageBox

app = QApplication([])
qInstallMessageHandler(lambda *a: None)
if os.environ.get("LANG_CS"):
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2]))
    from gui.i18n import install_language

    install_language(app, "cs")
import warnings


def showwarning(message, category, filename, lineno, file=None, line=None):
    print(
        "WARNING",
        category.__name__,
        filename.split("site-packages/")[-1].split("/work/main/")[-1],
        lineno,
        str(message)[:120],
        flush=True,
    )


warnings.showwarning = showwarning
warnings.simplefilter("always")
errors = []
sys.excepthook = lambda t, v, tb: errors.append("".join(traceback.format_exception(t, v, tb)))
QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: ("", ""))
QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: ("", ""))
QFileDialog.exec = lambda self: QDialog.Rejected  # (gui.filedialog's dialogs: cancelled)
QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.No)
QMessageBox.warning = staticmethod(lambda *a, **k: QMessageBox.Ok)
QMessageBox.information = staticmethod(lambda *a, **k: QMessageBox.Ok)
QMessageBox.exec = lambda self: QMessageBox.No


def fake_exec(self):
    QTimer.singleShot(0, self.reject)
    return 0


QDialog.exec = fake_exec
QMenu.exec = lambda self, *a, **k: None
from gui.document import Document
from gui.main_window import MainWindow
from resources import load_lesson

win = MainWindow(Document(load_lesson(LESSON)))
win.files.ask_unsaved = lambda: "discard"
win.files.ask_restore = lambda when, what: False
win.show()
app.processEvents()
rng = random.Random(SEED)
skip = ("Quit", "Close", "&Quit", "Exit", "Ukončit", "About &Qt", "Qt")
actions = []


def collect(menu):
    for a in menu.actions():
        if a.menu():
            collect(a.menu())
        elif not a.isSeparator() and a.text() and not any(s in a.text() for s in skip):
            actions.append(a)


for m in win.menuBar().actions():
    if m.menu():
        collect(m.menu())
print(len(actions), "actions")
doc = win.doc


def hidden_layer():
    return rng.randrange(1, len(doc.net.sizes) - 1) if len(doc.net.sizes) > 2 else None


def make_edit():
    k = rng.randrange(10)
    if k == 0:
        l = hidden_layer()
        return ["edit", "add_neuron", l] if l else None
    if k == 1:
        l = hidden_layer()
        return ["edit", "remove_neuron", l, 0] if l else None
    if k == 2:
        return ["edit", "insert_layer", rng.randrange(1, len(doc.net.sizes))]
    if k == 3:
        l = hidden_layer()
        return ["edit", "remove_layer", l] if l else None
    if k == 4:
        return [
            "edit",
            "set_activation",
            rng.randrange(0, len(doc.net.sizes) - 1),
            rng.choice(["relu", "tanh", "sigmoid", "linear", "step", "softmax", "leaky_relu"]),
        ]
    if k in (5, 6):
        return ["edit", "undo"]
    if k == 7:
        return ["edit", "redo"]
    if k == 8:
        r = rng.random()
        if r < 0.3:
            return ["edit", "train_epochs", rng.choice([1, 10, 100])]
        if r < 0.5:
            return ["edit", "play", rng.choice([1, 5, 20])]
        if r < 0.75:
            key = rng.choice(["lr", "batch", "loss", "optimizer", "reduction", "l1", "l2", "shuffle"])
            val = {
                "lr": ["0.1", "10", "0", "-1", "abc", "1e9"],
                "batch": ["full", "sample", "3", "0", "1e9"],
                "loss": ["mse", "bce", "cce", "half_sse"],
                "optimizer": ["sgd", "momentum", "adam"],
                "reduction": ["mean", "sum"],
                "l1": ["0", "0.01", "-1"],
                "l2": ["0", "0.5"],
                "shuffle": [True, False],
            }[key]
            return ["edit", "set_setting", key, rng.choice(val)]
        return [
            "edit",
            "set_features",
            rng.choice([["x1", "x2"], ["x1", "x2", "x1*x2"], ["x1", "sin(x1)"], ["x1*x2"], ["x3"]]),
        ]
    return [
        "edit",
        "set_param",
        doc.net.label(rng.choice(list(doc.net.param_list()))),
        rng.choice(["0.5", "-3", "1e308", "abc", "nan", "2"]),
    ]


def run_edit(op):
    name, *args = op[1:]
    if name == "play":
        win.controller.play()
        for _ in range(args[0]):
            app.processEvents()
            time.sleep(0.01)
        win.controller.pause()
    elif name == "undo":
        doc.undo_stack.undo()
    elif name == "redo":
        doc.undo_stack.redo()
    else:
        getattr(doc, name)(*args)


import json
import time

ops = []
OPS = f"walk-{SEED}.json"


def save(steps) -> None:
    with open(OPS, "w") as f:
        json.dump(steps, f)


log = []
for n in range(N):
    errors.clear()
    if log:
        print(n, log[-1], f"{time.perf_counter():.1f}", flush=True)
    r = rng.random()
    try:
        if r < 0.55:
            actions.clear()
            for m in win.menuBar().actions():
                if m.menu():
                    collect(m.menu())
            a = rng.choice(actions)
            if not a.isEnabled():
                continue
            log.append(a.text())
            ops.append(["action", a.text()])
            save(ops)
            a.trigger()
        else:
            op = make_edit()
            if op is None:
                continue
            log.append(op[1])
            ops.append(op)
            save(ops)
            run_edit(op)
        pe = rng.choice([1, 2, 5])
        if ops:
            ops[-1] = ops[-1] + [{"pe": pe}]
            save(ops)
        for _ in range(pe):
            app.processEvents()
        if win.controller.running and rng.random() < 0.3:
            QTimer.singleShot(0, lambda: None)
            app.processEvents()
            win.controller.pause()
    except Exception:
        errors.append(traceback.format_exc())
    if errors:
        print("ERROR at", n, log[-8:])
        print(errors[0][-2500:])
        break
    if getattr(app, "main_window", win) is not win:  # a language switch: the new window
        win = app.main_window
        doc = win.doc
        win.files.ask_unsaved = lambda: "discard"
        win.files.ask_restore = lambda when, what: False
    # close stray top-level windows (compare, dialogs)
    for w in app.topLevelWidgets():
        if w is not win and w.isVisible() and w.isWindow() and not isinstance(w, QMenu):
            try:
                w.close()
            except Exception:
                pass
print("done", n, "net", doc.net.sizes)
win.controller.pause()
win.controller.close()
