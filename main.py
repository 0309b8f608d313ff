"""Backprop Studio: start-up and command-line flags (``python main.py --help``: ``examples``
and each flag's help, in the language ``--language`` or the preferences choose)."""

from __future__ import annotations

import argparse
import gc
import os
import re
import sys

# One BLAS thread (before numpy loads): the window and its training process (core.worker)
# each get a core; two processes spinning two BLAS threads each on two cores starved both
# (a 32-32 net played at 92 epochs/s). The training process inherits this, so it adds up
# in the same order as this one: the same numbers in either process.
for _name in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS"):
    os.environ.setdefault(_name, "1")


def cannot_write() -> str:
    from core.text import QT_TRANSLATE_NOOP

    return QT_TRANSLATE_NOOP("cli", "cannot write {0}: {1}")


class Parser(argparse.ArgumentParser):
    def __init__(self, *args, argv: list[str] = (), usage_prefix: str = "usage: ", **kw) -> None:
        super().__init__(*args, **kw)
        self.argv = list(argv)  # what is being parsed (its --language, for ``error``)
        self.usage_prefix = usage_prefix

    def format_help(self) -> str:
        """argparse's help with the usage line's "usage: " in the app's language."""
        text = super().format_help()
        return self.usage_prefix + text.removeprefix("usage: ") if text.startswith("usage: ") \
            else text

    def error(self, message: str):
        """A flag argparse cannot read: one line, as every other refusal (argparse printed
        its whole usage, nine lines, before the one that said what was wrong), in the
        app's words and language (argparse's own stayed English)."""
        from core.text import QT_TRANSLATE_NOOP

        wanted = argparse.Namespace(language=language_asked(self.argv))
        say(wanted, QT_TRANSLATE_NOOP("cli", "{0} (see --help)").format(reworded(message)),
            prefix=f"{self.prog}: ")
        self.exit(2)


def reworded(message: str):
    """argparse's message (Python 3.11's English) as a translatable line of the app's, or
    as it is where it is not one of these."""
    from core.text import QT_TRANSLATE_NOOP

    forms = ((r"argument (\S+): invalid int value: (.*)",
              QT_TRANSLATE_NOOP("cli", "{0}: {1} is not a whole number")),
             (r"argument (\S+): invalid float value: (.*)",
              QT_TRANSLATE_NOOP("cli", "{0}: {1} is not a number")),
             (r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)",
              QT_TRANSLATE_NOOP("cli", "{0}: {1} is not one of {2}")),
             (r"argument (\S+): expected one argument", QT_TRANSLATE_NOOP("cli", "{0} needs a value")),
             (r"argument (\S+): expected (\d+) arguments",
              QT_TRANSLATE_NOOP("cli", "{0} needs {1} values")),
             (r"unrecognized arguments: (.*)", QT_TRANSLATE_NOOP("cli", "unknown arguments: {0}")),
             (r"ambiguous option: (\S+) could match (.*)",
              QT_TRANSLATE_NOOP("cli", "{0} could be any of {1}")))
    for pattern, text in forms:
        if found := re.fullmatch(pattern, message):
            return text.format(*found.groups())
    return message


def language_asked(argv: list[str]) -> str | None:
    """--language's value in ``argv`` (``--language cs``, ``--language=cs``, or argparse's
    shortened ``--lang cs``), read before argparse could; None when not given."""
    for k, arg in enumerate(argv):
        flag, _, value = arg.partition("=")
        if len(flag) >= 4 and "--language".startswith(flag):
            return value or (argv[k + 1] if k + 1 < len(argv) else None)
    return None


def examples():
    from core.text import QT_TRANSLATE_NOOP

    return QT_TRANSLATE_NOOP("cli", """Backprop Studio: watch a neural network learn.

  python main.py                                  the window, with the XOR lesson
  python main.py PROJECT.json                     open a saved project
  python main.py PROJECT.json --train 5000 --save OUT.json     train and save, no window
  python main.py --lesson hand_note               another built-in lesson
  python main.py --lesson xor --train 2000 --screenshot out.png --view decision
  python main.py --lesson hand_note --export-trace step.md     (or step.tex, step.pdf; no window)
  python main.py --lesson mazur --lecture --phase 12 --scale 2.5 --fullscreen --screenshot s.png
  python main.py --lesson xor --view decision --record out.gif --train 3000 --frames 60
  python main.py --lesson xor --compare lr=0.1,1,10 --train 2000 --screenshot cmp.png""")


def asks_help(argv: list[str]) -> bool:
    """Whether ``argv`` asks for --help (-h, --help or argparse's shortened --hel)."""
    return any(arg == "-h" or len(arg) >= 4 and "--help".startswith(arg) for arg in argv)


def parse(argv: list[str]) -> argparse.Namespace:
    """The flags in ``argv``; ``--help`` in the language asked for (else the preferences',
    else the system's), as every other line the command line writes."""
    from core.text import QT_TRANSLATE_NOOP, translated

    lang = language_of(argparse.Namespace(language=language_asked(argv))) if asks_help(argv) \
        else "en"  # (the preferences need Qt, which --save does without)
    if lang != "en":
        from gui.i18n import words

        translate = words(lang)
    else:
        def translate(context, text):
            return text

    def tr(text) -> str:
        return translated(text, translate)

    ap = Parser(prog="backprop-studio", description=tr(examples()), add_help=False,
                formatter_class=argparse.RawDescriptionHelpFormatter, argv=argv,
                usage_prefix=tr(QT_TRANSLATE_NOOP("cli", "usage: ")))
    from core import __version__
    from gui.registry import CLI_VIEWS

    # argparse's own section titles are English: the app's groups, titled in the language
    positional = ap.add_argument_group(tr(QT_TRANSLATE_NOOP("cli", "arguments")))
    options = ap.add_argument_group(tr(QT_TRANSLATE_NOOP("cli", "options")))

    def arg(*flags, text, metavar=None, **kw) -> None:
        """A flag, its help and its value's name, translated."""
        if metavar is not None:
            kw["metavar"] = metavar if isinstance(metavar, tuple) else tr(metavar)
        (options if flags[0].startswith("-") else positional).add_argument(*flags, help=tr(text), **kw)

    arg("-h", "--help", action="help", text=QT_TRANSLATE_NOOP("cli", "show this help and exit"))
    arg("--version", action="version", version=f"backprop-studio {__version__}",
        text=QT_TRANSLATE_NOOP("cli", "show the version and exit"))
    arg("project", nargs="?", metavar=QT_TRANSLATE_NOOP("cli", "PROJECT.json"),
        text=QT_TRANSLATE_NOOP("cli", "a project file to open"))
    arg("--lesson", default="xor", metavar=QT_TRANSLATE_NOOP("cli", "LESSON"),
        text=QT_TRANSLATE_NOOP("cli", "built-in lesson to open (default: xor)"))
    arg("--save", metavar="OUT.json",
        text=QT_TRANSLATE_NOOP("cli", "train (--train) and save, with no window"))
    arg("--train", type=int, default=0, metavar=QT_TRANSLATE_NOOP("cli", "EPOCHS"),
        text=QT_TRANSLATE_NOOP("cli", "train this many epochs first"))
    arg("--screenshot", metavar="OUT.png",
        text=QT_TRANSLATE_NOOP("cli", "render to a PNG and exit (no screen needed)"))
    arg("--export-trace", metavar="OUT.md|OUT.tex|OUT.pdf",
        text=QT_TRANSLATE_NOOP("cli", "write the next sample's training step, every number, and exit "
                                      "(.tex: a LaTeX document; .pdf: a printable handout)"))
    arg("--sections", action="store_true",
        text=QT_TRANSLATE_NOOP("cli", "with --export-trace OUT.tex: the LaTeX sections alone, to "
                                      "paste into your own notes"))
    arg("--digits", type=int, default=4, metavar="N",
        text=QT_TRANSLATE_NOOP("cli", "significant digits in traces (2-12; 4)"))
    arg("--lecture", action="store_true", text=QT_TRANSLATE_NOOP("cli", "start in lecture mode"))
    arg("--phase", type=int, metavar="N",
        text=QT_TRANSLATE_NOOP("cli", "lecture phase to show, from 1 (starts lecture mode)"))
    arg("--scale", type=float, default=1.0, metavar=QT_TRANSLATE_NOOP("cli", "SCALE"),
        text=QT_TRANSLATE_NOOP("cli", "font/zoom scale, 1.0 to 2.5"))
    arg("--high-contrast", action="store_true",
        text=QT_TRANSLATE_NOOP("cli", "white on black, for projectors"))
    arg("--fullscreen", action="store_true", text=QT_TRANSLATE_NOOP("cli", "start full screen"))
    arg("--view", choices=CLI_VIEWS, default="window", metavar=QT_TRANSLATE_NOOP("cli", "VIEW"),
        text=QT_TRANSLATE_NOOP("cli", "what --screenshot renders: window (the default) or one view: "
                                      "{0}").format(", ".join(CLI_VIEWS[1:])))
    arg("--record", metavar="OUT.gif|OUT.png",
        text=QT_TRANSLATE_NOOP("cli", "train (--train EPOCHS) while recording the view (--view) as an "
                                      "animated GIF or APNG, and exit"))
    arg("--frames", type=int, default=60, metavar="N",
        text=QT_TRANSLATE_NOOP("cli", "frames --record writes (2-2000; 60)"))
    arg("--compare", metavar=QT_TRANSLATE_NOOP("cli", "SETTING=V1,V2,..."),
        text=QT_TRANSLATE_NOOP("cli", "compare runs differing in one setting (lr, optimizer, seed, "
                                      "activation, hidden, features), e.g. lr=0.1,1,10; --train "
                                      "trains each, --screenshot renders the comparison"))
    arg("--language", metavar=QT_TRANSLATE_NOOP("cli", "CODE"),
        text=QT_TRANSLATE_NOOP("cli", "the interface's (and --export-trace's) language: en or cs "
                                      "(default: the one chosen under View → Language, else the "
                                      "system's)"))
    arg("--range", nargs=4, type=float, metavar=("X0", "X1", "Y0", "Y1"),
        text=QT_TRANSLATE_NOOP("cli", "the decision map over x1 from X0 to X1 and x2 from Y0 to Y1 "
                                      "(saved with the project)"))
    return ap.parse_args(argv)


def language_of(args) -> str:
    """The language of the window, the handout and the command line's own lines:
    --language, else the one chosen under View → Language, else the system's."""
    if args.language:
        return str(args.language)
    from gui import storage
    from gui.i18n import system_language

    identify()  # (so that the preferences are found before the application is made)
    return storage.saved_text("language") or system_language()


def identify() -> None:
    """The application's names, under which its preferences are kept."""
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.setApplicationName("Backprop Studio")
    QCoreApplication.setOrganizationName("Backprop Studio")
    QCoreApplication.setOrganizationDomain("backpropstudio.org")


def say(args, text: object, file=None, prefix: str = "backprop-studio: ") -> None:
    """One line of the command line's, "backprop-studio: …" (on standard error unless
    ``file``), in ``language_of(args)``: a ``Text``, or an error carrying one, translated."""
    from core.text import Text, translated

    if isinstance(text, Text) or isinstance(text, BaseException) and text.args \
            and isinstance(text.args[0], Text):
        lang = language_of(args)
        if lang != "en":
            from gui.i18n import words

            text = translated(text, words(lang))
    print(f"{prefix}{text}", file=sys.stderr if file is None else file)


def export_trace(args) -> int:
    """--export-trace: no window (Qt only to lay out a PDF)."""
    from pathlib import Path

    from core.derivation import derive
    from core.derivation import english as english_words
    from core.handout import handout, step_title
    from core.localise import localised
    from core.project import ProjectError, make_trainer, project_features, resume
    from core.text import QT_TRANSLATE_NOOP

    kind = {".md": "md", ".tex": "fragment" if args.sections else "tex",
            ".pdf": "pdf"}.get(Path(args.export_trace).suffix.lower())
    if kind is None:
        say(args, QT_TRANSLATE_NOOP("cli", "--export-trace needs a .md, .tex or .pdf file name"))
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
        say(args, e)
        return 2
    translate, lang = english_words, "en"
    wanted = language_of(args)
    if wanted != "en" or kind == "pdf":
        if "QT_QPA_PLATFORM" not in os.environ and "DISPLAY" not in os.environ:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtGui import QGuiApplication

        from gui.i18n import install_language

        app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts)
        lang, problem = install_language(app, wanted)
        if problem:
            say(args, problem)
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
        say(args, cannot_write().format(args.export_trace, e))
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

    from core.text import QT_TRANSLATE_NOOP

    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix.encode() not in {bytes(f) for f in QImageWriter.supportedImageFormats()}:
        return QT_TRANSLATE_NOOP("cli", "its name must end in an image type, as .png or .jpg; "
                                        "got {0}").format(repr(Path(path).name))
    folder = Path(path).resolve().parent
    if not folder.is_dir():
        return QT_TRANSLATE_NOOP("cli", "no folder {0}").format(repr(str(folder)))
    if not os.access(folder, os.W_OK):
        return QT_TRANSLATE_NOOP("cli", "the folder {0} cannot be written to").format(repr(str(folder)))
    return None


def write_image(args, pixmap, path: str) -> int:
    """Save a grabbed widget; 0, or 2 with one line saying why not."""
    from PySide6.QtGui import QImageWriter

    writer = QImageWriter(path)
    if writer.write(pixmap.toImage()):
        return 0
    say(args, cannot_write().format(path, writer.errorString()))
    return 2


def load_input(args):
    """The project named on the command line, or the lesson; ProjectError/ValueError if bad."""
    from core.checks import short
    from core.project import load
    from core.text import QT_TRANSLATE_NOOP
    from resources import lesson_names, load_lesson

    if args.project:
        return load(args.project)
    if args.lesson not in lesson_names():
        raise ValueError(QT_TRANSLATE_NOOP("cli", "no lesson called {0}; lessons: {1}")
                         .format(short(args.lesson), ", ".join(lesson_names())))
    return load_lesson(args.lesson)


def train_and_save(args) -> int:
    """--save: no window (Qt only for another language's lines)."""
    from core.project import ProjectError, capture, check_map_range, make_trainer, resume, save
    from core.text import QT_TRANSLATE_NOOP

    if args.language not in (None, "", "en"):
        from gui.i18n import unknown_language

        if problem := unknown_language(args.language):  # (as the window says it)
            say(args, problem)

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
        say(args, e)
        return 2
    if result is not None and result.error is not None:
        say(args, result.error)
    done = result.epochs if result is not None else 0
    line = QT_TRANSLATE_NOOP("cli", "trained {0} epochs to epoch {1}, loss {2}; saved {3}").format(
        done, trainer.epoch, f"{trainer.loss():.6g}", args.save)
    say(args, line, sys.stdout, prefix="")
    return 0


def record(args, app, win) -> int:
    """--record: train --train epochs in the window with --frames frames of --view spread
    evenly over them (the first before training, the last at its end); write the file."""
    import math

    from core.text import QT_TRANSLATE_NOOP
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
        say(args, QT_TRANSLATE_NOOP("cli", "cannot record to {0}: {1}").format(args.record, reason))
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
    say(args, text, sys.stdout if written else sys.stderr)  # (the window's words: translated)
    return 0 if written else 2


def main(argv: list[str] | None = None) -> int:
    from core.text import QT_TRANSLATE_NOOP

    args = parse(sys.argv[1:] if argv is None else argv)
    for flag, value, lo, hi in (("--train", args.train, 0, 10**12),
                                ("--digits", args.digits, 2, 12),
                                ("--phase", 1 if args.phase is None else args.phase, 1, 10**6),
                                ("--frames", args.frames, 2, 2000),
                                ("--scale", args.scale, 1.0, 2.5)):
        if not lo <= value <= hi:
            say(args, QT_TRANSLATE_NOOP("cli", "{0} must be from {1} to {2}; got {3}")
                .format(flag, lo, hi, value))
            return 2
    if args.sections and not (args.export_trace or "").lower().endswith(".tex"):
        say(args, QT_TRANSLATE_NOOP("cli", "--sections goes with --export-trace OUT.tex (the "
                                           "LaTeX sections alone)"))
        return 2
    if args.record and not args.train:
        say(args, QT_TRANSLATE_NOOP("cli", "--record needs --train EPOCHS (the training it records)"))
        return 2
    if args.screenshot and (problem := image_path_problem(args.screenshot)):
        say(args, cannot_write().format(args.screenshot, problem))
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

    identify()
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.backpropstudio.BackpropStudio")  # Wayland/X11: the .desktop entry
    app.setWindowIcon(app_icon())
    from gui.i18n import install_language

    _, problem = install_language(app, language_of(args))
    if problem:
        say(args, problem)
    pg.setConfigOptions(antialias=False, background="w", foreground="k")  # fast axes and grids
    try:
        project = load_input(args)
    except (ValueError, ProjectError) as e:
        say(args, e)
        return 2
    doc = Document(project, path=args.project)
    doc.refused.connect(lambda text: say(args, text))  # (translated by the window)
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
            say(args, QT_TRANSLATE_NOOP("cli", "--phase must be from 1 to {0} for this project; got "
                                               "{1}").format(pages, args.phase) if pages else
                QT_TRANSLATE_NOOP("cli", "this project has no training step for lecture mode to show"))
            return 2
        win.lecture.go((args.phase or 1) - 1)
    if args.record:
        return record(args, app, win)
    if args.compare:
        from gui.plots.compare import CompareWindow

        try:
            comparison = CompareWindow(doc, args.compare, win)
        except ValueError as e:
            say(args, QT_TRANSLATE_NOOP("cli", "cannot compare: {0}").format(e))
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
            return write_image(args, comparison.grab(), args.screenshot)
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
        return write_image(args, widget.grab(), args.screenshot)
    return app.exec()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--training-process"]:  # a frozen build's training process
        from core.worker import main as serve

        sys.exit(serve(sys.argv[2:]))
    sys.exit(main())
