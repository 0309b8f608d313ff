"""Backprop Studio: start-up and command-line flags.

    python main.py                                  the window, with the XOR lesson
    python main.py --lesson hand_note               another built-in lesson
    python main.py --lesson xor --train 2000 --screenshot out.png [--view loss|decision|hidden|canvas]
    python main.py --lesson hand_note --export-trace step.md     (or step.tex; no window)
    python main.py --lesson mazur --lecture --phase 12 --scale 2.5 --fullscreen --screenshot s.png
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
    ap.add_argument("--export-trace", metavar="OUT.md|OUT.tex",
                    help="write the next sample's training step, every number, and exit")
    ap.add_argument("--digits", type=int, default=4, help="significant digits in traces (4)")
    ap.add_argument("--lecture", action="store_true", help="start in lecture mode")
    ap.add_argument("--phase", type=int, default=1, metavar="N", help="lecture phase to show")
    ap.add_argument("--scale", type=float, default=1.0, help="font/zoom scale, 1.0 to 2.5")
    ap.add_argument("--high-contrast", action="store_true", help="white on black, for projectors")
    ap.add_argument("--fullscreen", action="store_true", help="start full screen")
    ap.add_argument("--view", choices=["window", "loss", "decision", "hidden", "canvas", "weights",
                                       "neurons", "lecture", "gallery"], default="window",
                    help="what --screenshot renders")
    return ap.parse_args(argv)


def export_trace(args) -> int:
    """--export-trace: no window, no Qt."""
    from pathlib import Path

    from core.derivation import derive, to_latex, to_markdown
    from core.project import ProjectError, load, make_trainer

    kind = Path(args.export_trace).suffix.lower()
    if kind not in (".md", ".tex"):
        print("backprop-studio: --export-trace needs a .md or .tex file name", file=sys.stderr)
        return 2
    lessons = Path(__file__).resolve().parent / "resources" / "lessons"
    try:
        project = load(lessons / f"{args.lesson}.json")
        trainer = make_trainer(project)
        if args.train:
            trainer.run(max_epochs=args.train)
        k = int(trainer.order[trainer.position])
        s = project.training
        dv = derive(project.net, project.X[k], project.Y[k], s["loss"], s["lr"], s["reduction"],
                    digits=args.digits)
    except (ProjectError, ValueError) as e:
        print(f"backprop-studio: {e}", file=sys.stderr)
        return 2
    title = f"{project.name}: sample {k + 1}, step {trainer.steps + 1}"
    text = to_markdown(dv, title) if kind == ".md" else to_latex(dv, title)
    try:
        Path(args.export_trace).write_text(text, encoding="utf-8")
    except OSError as e:
        print(f"backprop-studio: cannot write {args.export_trace}: {e}", file=sys.stderr)
        return 2
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    if args.export_trace:
        return export_trace(args)
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
    if args.fullscreen:
        win.showFullScreen()
    if args.scale != 1.0:
        win.set_scale(args.scale)
    if args.high_contrast:
        win.set_high_contrast(True)
    if args.lecture:
        win.set_lecture(True)
        win.lecture.go(args.phase - 1)
    if args.screenshot:
        for _ in range(5):
            app.processEvents()
        views = {"loss": "Loss", "decision": "Decision regions", "hidden": "Hidden space",
                 "weights": "Weights over time", "neurons": "Hidden neurons",
                 "lecture": "Lecture", "gallery": "Activation gallery"}
        if args.view in views:  # a tabbed dock must be in front to be drawn
            win.docks[views[args.view]].raise_()
            app.processEvents()
        widget = {"window": win, "loss": win.loss_plot, "decision": win.decision,
                  "hidden": win.hidden, "canvas": win.canvas, "weights": win.weights_plot,
                  "neurons": win.thumbnails, "lecture": win.lecture,
                  "gallery": win.gallery}[args.view]
        for w in (win.loss_plot, win.decision, win.hidden, win.weights_plot, win.thumbnails):
            w.redraw()
        app.processEvents()
        ok = widget.grab().save(args.screenshot)
        return 0 if ok else 1
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
