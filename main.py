"""Backprop Studio: start-up and command-line flags.

    python main.py                                  the window, with the XOR lesson
    python main.py PROJECT.json                     open a saved project
    python main.py PROJECT.json --train 5000 --save OUT.json     train and save, no window
    python main.py --lesson hand_note               another built-in lesson
    python main.py --lesson xor --train 2000 --screenshot out.png [--view loss|decision|hidden|canvas]
    python main.py --lesson hand_note --export-trace step.md     (or step.tex, step.pdf; no window)
    python main.py --lesson mazur --lecture --phase 12 --scale 2.5 --fullscreen --screenshot s.png
    python main.py --lesson xor --view decision --record out.gif --train 3000 --frames 60
    python main.py --lesson xor --compare lr=0.1,1,10 --train 2000 --screenshot cmp.png
"""

from __future__ import annotations

import argparse
import gc
import os
import sys

# One BLAS thread (before numpy loads): the window and its training process (core.worker)
# each get a core; two processes spinning two BLAS threads each on two cores starved both
# (a 32-32 net played at 92 epochs/s). The training process inherits this, so it adds up
# in the same order as this one: the same numbers in either process.
for _name in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS"):
    os.environ.setdefault(_name, "1")


def parse(argv: list[str]) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="backprop-studio", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    from core import __version__

    ap.add_argument("--version", action="version", version=f"backprop-studio {__version__}")
    ap.add_argument("project", nargs="?", help="a project file (.json) to open")
    ap.add_argument("--lesson", default="xor", help="built-in lesson to open (default: xor)")
    ap.add_argument("--save", metavar="OUT.json", help="train (--train) and save, with no window")
    ap.add_argument("--train", type=int, default=0, metavar="EPOCHS", help="train this many epochs first")
    ap.add_argument("--screenshot", metavar="OUT.png", help="render to a PNG and exit (no screen needed)")
    ap.add_argument("--export-trace", metavar="OUT.md|OUT.tex|OUT.pdf",
                    help="write the next sample's training step, every number, and exit "
                         "(.tex: a LaTeX document; .pdf: a printable handout)")
    ap.add_argument("--sections", action="store_true",
                    help="with --export-trace OUT.tex: the LaTeX sections alone, to paste "
                         "into your own notes")
    ap.add_argument("--digits", type=int, default=4, help="significant digits in traces (2-12; 4)")
    ap.add_argument("--lecture", action="store_true", help="start in lecture mode")
    ap.add_argument("--phase", type=int, metavar="N",
                    help="lecture phase to show, from 1 (starts lecture mode)")
    ap.add_argument("--scale", type=float, default=1.0, help="font/zoom scale, 1.0 to 2.5")
    ap.add_argument("--high-contrast", action="store_true", help="white on black, for projectors")
    ap.add_argument("--fullscreen", action="store_true", help="start full screen")
    from gui.registry import CLI_VIEWS

    ap.add_argument("--view", choices=CLI_VIEWS, default="window",
                    help="what --screenshot renders: the window or one view")
    ap.add_argument("--record", metavar="OUT.gif|OUT.png",
                    help="train (--train EPOCHS) while recording the view (--view) as an "
                         "animated GIF or APNG, and exit")
    ap.add_argument("--frames", type=int, default=60, help="frames --record writes (2-2000; 60)")
    ap.add_argument("--compare", metavar="SETTING=V1,V2,...",
                    help="compare runs differing in one setting (lr, optimizer, seed, activation, "
                         "hidden, features), e.g. lr=0.1,1,10; --train trains each, --screenshot "
                         "renders the comparison")
    ap.add_argument("--language", metavar="CODE",
                    help="the interface's (and --export-trace's) language: en or cs (default: the "
                         "one chosen under View → Language, else the system's)")
    ap.add_argument("--range", nargs=4, type=float, metavar=("X0", "X1", "Y0", "Y1"),
                    help="the decision map over x1 from X0 to X1 and x2 from Y0 to Y1 "
                         "(saved with the project)")
    return ap.parse_args(argv)


def export_trace(args) -> int:
    """--export-trace: no window (Qt only to lay out a PDF)."""
    from pathlib import Path

    from core.derivation import derive
    from core.derivation import english as english_words
    from core.handout import handout, step_title
    from core.localise import localised
    from core.project import ProjectError, make_trainer, project_features, resume

    kind = {".md": "md", ".tex": "fragment" if args.sections else "tex",
            ".pdf": "pdf"}.get(Path(args.export_trace).suffix.lower())
    if kind is None:
        print("backprop-studio: --export-trace needs a .md, .tex or .pdf file name", file=sys.stderr)
        return 2
    try:
        project = load_input(args)
        trainer = make_trainer(project)
        resume(project, trainer)
        if args.train:
            trainer.run(max_epochs=args.train)
        k = int(trainer.order[trainer.position])
        s = project.training
        features = project_features(project)
        names = None if features.is_identity else [f.sym() for f in features.parsed]
        dv = derive(project.net, features(project.X[k]), project.Y[k], s["loss"], s["lr"],
                    s["reduction"], digits=args.digits, inputs=names)
    except (ProjectError, ValueError) as e:
        print(f"backprop-studio: {e}", file=sys.stderr)
        return 2
    translate, lang = english_words, "en"
    if args.language not in (None, "en") or kind == "pdf":
        if "QT_QPA_PLATFORM" not in os.environ and "DISPLAY" not in os.environ:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtGui import QGuiApplication

        from gui.i18n import install_language

        app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts)
        lang, problem = install_language(app, args.language)
        if problem:
            print(f"backprop-studio: {problem}", file=sys.stderr)
        if lang != "en":
            translate = QCoreApplication.translate
    title = step_title(localised(project, lang)[0], k + 1, trainer.steps + 1, translate)
    try:
        if kind == "pdf":
            if "QT_QPA_PLATFORM" not in os.environ and "DISPLAY" not in os.environ:
                os.environ["QT_QPA_PLATFORM"] = "offscreen"
            from gui.files import write_pdf

            write_pdf(handout(dv, title, "html", translate), args.export_trace, title)
        else:
            Path(args.export_trace).write_text(handout(dv, title, kind, translate), encoding="utf-8")
    except OSError as e:
        print(f"backprop-studio: cannot write {args.export_trace}: {e}", file=sys.stderr)
        return 2
    return 0


def quiet_offscreen() -> None:
    """Drop the offscreen platform's notes on what it cannot do for a window ("This plugin
    does not support propagateSizeHints()", "… raise()"): a headless run prints its one
    result line alone."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(mode, context, message: str) -> None:
        if not message.startswith("This plugin does not support"):
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def image_path_problem(path: str) -> str | None:
    """Why a screenshot cannot be written to path (checked before any work), or None."""
    from pathlib import Path

    from PySide6.QtGui import QImageWriter

    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix.encode() not in {bytes(f) for f in QImageWriter.supportedImageFormats()}:
        return f"its name must end in an image type, as .png or .jpg; got {Path(path).name!r}"
    folder = Path(path).resolve().parent
    if not folder.is_dir():
        return f"no folder {str(folder)!r}"
    if not os.access(folder, os.W_OK):
        return f"the folder {str(folder)!r} cannot be written to"
    return None


def write_image(pixmap, path: str) -> int:
    """Save a grabbed widget; 0, or 2 with one line saying why not."""
    from PySide6.QtGui import QImageWriter

    writer = QImageWriter(path)
    if writer.write(pixmap.toImage()):
        return 0
    print(f"backprop-studio: cannot write {path}: {writer.errorString()}", file=sys.stderr)
    return 2


def load_input(args):
    """The project named on the command line, or the lesson; ProjectError/ValueError if bad."""
    from core.project import load
    from resources import load_lesson

    if args.project:
        return load(args.project)
    return load_lesson(args.lesson)


def train_and_save(args) -> int:
    """--save: no window, no Qt."""
    from core.project import ProjectError, capture, check_map_range, make_trainer, resume, save

    try:
        project = load_input(args)
        if args.range is not None:
            project.map_range = check_map_range(args.range)
        trainer = make_trainer(project)
        resume(project, trainer)
        result = trainer.run(max_epochs=args.train) if args.train else None  # 0: none
        capture(project, trainer)
        save(project, args.save)
    except (ProjectError, ValueError) as e:
        print(f"backprop-studio: {e}", file=sys.stderr)
        return 2
    if result is not None and result.error is not None:
        print(f"backprop-studio: {result.error}", file=sys.stderr)
    done = result.epochs if result is not None else 0
    print(f"trained {done} epochs to epoch {trainer.epoch}, loss {trainer.loss():.6g}; "
          f"saved {args.save}")
    return 0


def record(args, app, win) -> int:
    """--record: train --train epochs in the window with --frames frames of --view spread
    evenly over them (the first before training, the last at its end); write the file."""
    import math

    from gui.recorder import Recorder

    for _ in range(5):
        app.processEvents()
    if args.view in win.docks:  # the view alone, at a slide's size (docked it may be small)
        dock = win.docks[args.view]
        dock.show()
        dock.setFloating(True)
        dock.resize(800, 560)
        for _ in range(5):
            app.processEvents()
    doc = win.doc
    frames = min(args.frames, args.train + 1)  # at least one epoch between frames
    every = max(1, math.ceil(args.train / (frames - 1)))
    try:
        widget, redraw = win.view_widget(args.view)
        recorder = Recorder(doc, widget, args.record, every, frames, redraw=redraw)
    except (OSError, ValueError) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else e
        print(f"backprop-studio: cannot record to {args.record}: {reason}", file=sys.stderr)
        return 2
    said = []
    recorder.finished.connect(lambda written, text: said.append((written, text)))
    start = doc.epoch
    recorder.add_frame()  # epoch 0, then frames evenly over the training, the last at its end
    for k in range(1, frames):
        before = doc.epoch
        doc.train_epochs(start + round(k * args.train / (frames - 1)) - doc.epoch)
        app.processEvents()
        if doc.epoch == before:  # a stop rule or divergence: nothing more to show
            break
        recorder.add_frame()
    recorder.finish()
    written, text = said[-1]
    print(f"backprop-studio: {text}", file=sys.stdout if written else sys.stderr)
    return 0 if written else 2


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    for flag, value, lo, hi in (("--train", args.train, 0, 10**12),
                                ("--digits", args.digits, 2, 12),
                                ("--phase", 1 if args.phase is None else args.phase, 1, 10**6),
                                ("--frames", args.frames, 2, 2000)):
        if not lo <= value <= hi:
            print(f"backprop-studio: {flag} must be from {lo} to {hi}; got {value}",
                  file=sys.stderr)
            return 2
    if not 1.0 <= args.scale <= 2.5:
        print(f"backprop-studio: --scale must be from 1.0 to 2.5; got {args.scale}",
              file=sys.stderr)
        return 2
    if args.record and not args.train:
        print("backprop-studio: --record needs --train EPOCHS (the training it records)",
              file=sys.stderr)
        return 2
    if args.screenshot and (problem := image_path_problem(args.screenshot)):
        print(f"backprop-studio: cannot write {args.screenshot}: {problem}", file=sys.stderr)
        return 2
    if args.export_trace:
        return export_trace(args)
    if args.save:
        return train_and_save(args)
    headless = args.screenshot or args.record
    if headless and "QT_QPA_PLATFORM" not in os.environ and "DISPLAY" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    from core.project import ProjectError
    from gui.document import Document
    from gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    if app.platformName() == "offscreen":
        quiet_offscreen()
    from core import __version__
    from gui.about import app_icon

    app.setApplicationName("Backprop Studio")
    app.setOrganizationName("Backprop Studio")
    app.setOrganizationDomain("backpropstudio.org")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.backpropstudio.BackpropStudio")  # Wayland/X11: the .desktop entry
    app.setWindowIcon(app_icon())
    from gui import storage
    from gui.i18n import install_language, system_language

    choice = args.language or storage.saved_text("language") or system_language()
    _, problem = install_language(app, str(choice))
    if problem:
        print(f"backprop-studio: {problem}", file=sys.stderr)
    pg.setConfigOptions(antialias=False, background="w", foreground="k")  # fast axes and grids
    try:
        project = load_input(args)
    except (ValueError, ProjectError) as e:
        print(f"backprop-studio: {e}", file=sys.stderr)
        return 2
    doc = Document(project, path=args.project)
    doc.refused.connect(lambda text: print(f"backprop-studio: {text}", file=sys.stderr))
    if args.range is not None and not doc.set_map_range(args.range):
        return 2  # the refusal printed why
    if args.train and not (args.record or args.compare):
        doc.train_epochs(args.train)
    win = MainWindow(doc)
    win.show()
    if not (args.screenshot or args.record):
        win.apply_preferences()  # (once shown: the dock layout is put in place, not restored)
    # what start-up built lives as long as the window: out of the cyclic collector's
    # generations, so a collection during an edit scans only what is new (a full one
    # over the window's ~90,000 objects took ~40 ms; objects are still freed by count)
    gc.freeze()
    if args.fullscreen:
        win.showFullScreen()
    if args.scale != 1.0:
        win.set_scale(args.scale)
    if args.high_contrast:
        win.set_high_contrast(True)
    if args.lecture or args.phase is not None:
        win.set_lecture(True)
        pages = win.lecture.pages
        if args.phase is not None and args.phase > pages:
            print(f"backprop-studio: --phase must be from 1 to {pages} for this project; got "
                  f"{args.phase}" if pages else "backprop-studio: this project has no training "
                  "step for lecture mode to show", file=sys.stderr)
            return 2
        win.lecture.go((args.phase or 1) - 1)
    if args.record:
        return record(args, app, win)
    if args.compare:
        from gui.plots.compare import CompareWindow

        try:
            comparison = CompareWindow(doc, args.compare, win)
        except ValueError as e:
            print(f"backprop-studio: cannot compare: {e}", file=sys.stderr)
            return 2
        comparison.open_requested.connect(win.open_compared)
        comparison.show()
        if args.train and args.screenshot:  # for a picture: trained now, then drawn
            comparison.comparison.train(epochs=args.train)
            comparison.redraw()
        elif args.train:  # in the window's slices, as its Train button does
            comparison.train(args.train)
        if args.screenshot:
            for _ in range(5):
                app.processEvents()
            return write_image(comparison.grab(), args.screenshot)
    if not args.screenshot:
        win.files.offer_recovery()
    if args.screenshot:
        for _ in range(5):
            app.processEvents()
        from gui.registry import BY_ID

        if args.view in win.docks:  # a tabbed dock must be in front to be drawn
            win.docks[args.view].show()
            win.docks[args.view].raise_()
            app.processEvents()
        widget = win if args.view == "window" else getattr(win, BY_ID[args.view].attr)
        for w in (win.loss_plot, win.decision, win.hidden, win.weights_plot, win.thumbnails,
                  win.landscape, win.metrics):
            w.redraw()
        app.processEvents()
        return write_image(widget.grab(), args.screenshot)
    return app.exec()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--training-process"]:  # a frozen build's training process
        from core.worker import main as serve

        sys.exit(serve(sys.argv[2:]))
    sys.exit(main())
