"""Backprop Studio: start-up and command-line flags.

    python main.py                                  the window, with the XOR lesson
    python main.py --lesson hand_note               another built-in lesson
    python main.py --lesson xor --train 2000 --screenshot out.png [--view loss|decision|hidden|canvas]
"""

from __future__ import annotations

import argparse
import os
import sys


def parse(argv: list[str]) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="backprop-studio", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lesson", default="xor", help="built-in lesson to open (default: xor)")
    ap.add_argument("--train", type=int, default=0, metavar="EPOCHS", help="train this many epochs first")
    ap.add_argument("--screenshot", metavar="OUT.png", help="render to a PNG and exit (no screen needed)")
    ap.add_argument("--view", choices=["window", "loss", "decision", "hidden", "canvas", "weights",
                                       "neurons"], default="window",
                    help="what --screenshot renders")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    if args.screenshot and "QT_QPA_PLATFORM" not in os.environ and "DISPLAY" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    from core.project import ProjectError, load
    from gui.document import Document
    from gui.main_window import MainWindow, lesson_path

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Backprop Studio")
    app.setOrganizationName("Backprop Studio")
    pg.setConfigOptions(antialias=False, background="w", foreground="k")  # fast axes and grids
    try:
        project = load(lesson_path(args.lesson))
    except (ValueError, ProjectError) as e:
        print(f"backprop-studio: {e}", file=sys.stderr)
        return 2
    doc = Document(project)
    doc.message.connect(lambda text: print(f"backprop-studio: {text}", file=sys.stderr))
    if args.train:
        doc.train_epochs(args.train)
    win = MainWindow(doc)
    win.show()
    if args.screenshot:
        for _ in range(5):
            app.processEvents()
        views = {"loss": "Loss", "decision": "Decision regions", "hidden": "Hidden space",
                 "weights": "Weights over time", "neurons": "Hidden neurons"}
        if args.view in views:  # a tabbed dock must be in front to be drawn
            win.docks[views[args.view]].raise_()
            app.processEvents()
        widget = {"window": win, "loss": win.loss_plot, "decision": win.decision,
                  "hidden": win.hidden, "canvas": win.canvas, "weights": win.weights_plot,
                  "neurons": win.thumbnails}[args.view]
        for w in (win.loss_plot, win.decision, win.hidden, win.weights_plot, win.thumbnails):
            w.redraw()
        app.processEvents()
        ok = widget.grab().save(args.screenshot)
        return 0 if ok else 1
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
