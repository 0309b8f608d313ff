"""The window's file actions: new, open, save (atomic), recent files, the unsaved-changes
question, autosave and crash recovery, data import/export and the exports of the
network, the views and the lecture's step."""

from __future__ import annotations

import contextlib
import copy
import datetime
import re
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from core.csvio import DataError, read_csv, to_csv
from core.derivation import derive
from core.export import numpy_script, torch_script, weights_csv
from core.handout import handout, step_title
from core.localise import localised
from core.project import ProjectError, dumps, load, write
from core.text import QT_TRANSLATE_NOOP
from gui import registry, storage
from gui.document import Document
from gui.filedialog import ask_file
from gui.i18n import language, message, translate
from gui.richtext import plain_tip
from resources import load_lesson


@contextlib.contextmanager
def busy():
    """The wait cursor while a file is read or written: a million samples take a second
    or three (opening ~0.6 s, importing ~1 s, exporting ~3 s), and a window that stops
    answering with an arrow cursor looks hung. Never around a question or a file dialog."""
    QApplication.setOverrideCursor(Qt.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()

AUTOSAVE_MS = 30_000
NOT_IN_FILE_NAMES = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')  # separators, Windows' reserved
WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"{d}{k}" for d in ("COM", "LPT") for k in range(1, 10))}


def file_name(name: str, fallback: str = "project") -> str:
    """A project's name as a file name to offer: no path separators, no characters a
    file system refuses, no leading dots (a hidden file, or '..'), at most 100 characters."""
    name = re.sub(r"(?i)\.json$", "", name.strip())
    name = NOT_IN_FILE_NAMES.sub(" ", name).lstrip(". ")[:100].rstrip(". ")
    if name.split(".")[0].strip().upper() in WINDOWS_DEVICES:
        name = f"{name} project"  # 'CON.json' cannot be made on Windows
    return name or fallback



def recent_names(paths: list[str]) -> list[str]:
    """How the Open Recent menu names files: the file's name, with its folder's name
    ('course/run.json') where two have the same name."""
    names = [Path(p).name for p in paths]
    return [f"{Path(p).parent.name}/{n}" if names.count(n) > 1 else n for p, n in zip(paths, names)]


DROPPABLE = {".json": "project", ".csv": "data", ".tsv": "data", ".txt": "data"}


def dropped_file(mime) -> tuple[str, str] | None:
    """('project' or 'data', path) when a drag carries one local file the window opens
    (a project, or data to import); None otherwise (several files, a web address, text)."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = urls[0].toLocalFile()
    kind = DROPPABLE.get(Path(path).suffix.lower())
    return (kind, path) if kind else None


class FileActions(QObject):
    """The window's file actions, with everything they use given to them: the document,
    the training controller (paused before a file replaces the project), and the window
    (the parent of dialogs, whose views are exported and whose ``tell``/``refuse`` show
    results and refusals). The dialogs are the methods ``ask_unsaved``, ``ask_path`` and
    ``ask_restore``, which tests replace."""

    def __init__(self, window, doc: Document, controller) -> None:
        super().__init__(window)
        self.window, self.doc, self.controller = window, doc, controller
        self.recent_menu = None  # the File menu's Open Recent, once the window made it
        self.recovery = storage.Recovery()
        self.chosen_filter = ""  # the file type chosen in the last file dialog
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self.changed_since_autosave = True
        self.autosaving: threading.Thread | None = None  # the autosave being written
        self.autosaves = 0  # how many times the autosave was forgotten (saved, replaced)
        self.autosaved.connect(self._autosaved)
        doc.loaded.connect(self._forget_autosave)
        for signal in (doc.loaded, doc.structure_changed, doc.weights_changed, doc.trained,
                       doc.settings_changed, doc.map_range_changed, doc.map_slice_changed,
                       doc.modified_changed):
            signal.connect(self._changed)

    def _changed(self, *_) -> None:
        self.changed_since_autosave = True

    def _forget_autosave(self) -> None:
        """Another project or lesson replaced the work (saved, or discarded when asked): its
        autosave goes, or a crash later would offer back the work the user threw away (an
        autosave still being written goes when it ends)."""
        self.autosaves += 1
        self.recovery.forget()

    def _message(self, text: str) -> None:
        self.window.tell(text)

    def _refuse(self, text: str) -> None:
        self.window.refuse(text)

    def attach_recent(self, menu) -> None:
        self.recent_menu = menu
        self._fill_recent()
        menu.aboutToShow.connect(self._fill_recent)  # files moved or deleted since, or
        # opened in another window, show as they are now

    def close(self) -> None:
        """The window closes cleanly: no autosave any more, no recovery file left."""
        self.autosave_timer.stop()
        self.autosaves += 1  # (an autosave being written is forgotten when it ends)
        if self.autosaving is not None:
            self.autosaving.join()
        self.recovery.close()

    # --- files ---------------------------------------------------------------------
    def ask_unsaved(self) -> str:
        """'save', 'discard' or 'cancel' (tests replace this)."""
        box = self._question(QMessageBox.Warning,
                             translate("files", "{0} has unsaved changes. Save them?")
                             .format(localised(self.doc.project, language())[0]),
                             QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel)
        return {QMessageBox.Save: "save", QMessageBox.Discard: "discard"}.get(box.exec(), "cancel")

    def _question(self, icon, text: str, buttons) -> QMessageBox:
        box = QMessageBox(icon, translate("files", "Backprop Studio"), text, buttons, self.window)
        box.setTextFormat(Qt.PlainText)  # it quotes a file's name: never markup
        return box

    def beside(self, name: str) -> str:
        """A file name to offer in a Save dialog: in the open project's folder (Save As and
        the exports start where the work is), else as it is (the dialog's own folder)."""
        return str(Path(self.doc.path).parent / name) if self.doc.path else name

    def ask_path(self, save: bool, title: str, filt: str, default: str = "") -> str:
        """A file name from a dialog ('' when cancelled; tests replace this)."""
        path, self.chosen_filter = ask_file(self.window, save, title, default, filt)
        return path

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current project (saved, discarded or clean)."""
        if not self.doc.modified:
            return True
        answer = self.ask_unsaved()
        if answer == "save":
            return self.save_project()
        return answer == "discard"

    def new_project(self) -> None:
        if self.maybe_save():
            self.controller.pause()
            project = load_lesson("xor")
            project.name = translate("files", "Untitled")
            project.description = translate("files", "A new project: XOR with a 2-2-1 network.")
            self.doc.load(project)

    def open_project(self, path: str | None = None) -> bool:
        if not self.maybe_save():
            return False
        path = path or self.ask_path(False, translate("files", "Open a project"),
                                     translate("files", "Backprop Studio (*.json)"))
        if not path:
            return False
        self.controller.pause()
        with busy():
            opened = self.doc.open(path)
        if not opened:
            return False
        storage.add_recent(path)
        self._fill_recent()
        return True

    def save_project(self, ask: bool = False, path: str | None = None) -> bool:
        path = path or (None if ask else self.doc.path)
        if path is None:
            path = self.ask_path(True, translate("files", "Save the project"),
                                 translate("files", "Backprop Studio (*.json)"),
                                 self.beside(f"{file_name(self.doc.project.name)}.json"))
            if not path:
                return False
        with busy():
            saved = self.doc.save(path)
        if not saved:
            return False
        storage.add_recent(path)
        self._fill_recent()
        self._forget_autosave()  # saved: nothing to recover
        return True

    def open_dropped(self, kind: str, path: str) -> bool:
        """A file dropped on the window: a project opens (asking about unsaved changes
        first), data is imported (an undoable edit)."""
        return self.open_project(path) if kind == "project" else self.import_csv(path)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        self.recent_menu.setToolTipsVisible(True)
        files = storage.recent_files()
        for k, (f, shown) in enumerate(zip(files, recent_names(files)), 1):
            text = shown.replace("&", "&&")  # an '&' in a name is shown, not an accelerator
            a = self.recent_menu.addAction(f"&{k} {text}" if k < 10 else text,
                                           lambda f=f: self.open_project(f))
            a.setToolTip(plain_tip(f))  # (a path may look like markup: '/tmp/<b>.json')
        if files:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(translate("files", "&Clear the list"), self._clear_recent)
        self.recent_menu.setEnabled(bool(files))

    def _clear_recent(self) -> None:
        storage.clear_recent()
        self._fill_recent()

    def ask_restore(self, when: str, what: str) -> bool:
        """Whether to restore the autosaved work (tests replace this)."""
        box = self._question(QMessageBox.Question,
                             translate("files", "Backprop Studio did not close normally. Restore the "
                                                "work autosaved at {0}?").format(when) + "\n\n" + what,
                             QMessageBox.Yes | QMessageBox.No)
        return box.exec() == QMessageBox.Yes

    def offer_recovery(self) -> bool:
        """After a crash: offer the newest recovery file of an instance that is no longer
        running, named by its project, its file and its epoch; restored work counts as
        unsaved, saves back to its file and becomes this instance's."""
        orphans = self.recovery.orphans()
        if not orphans:
            return False
        path, lock = orphans[0]
        for _other, other_lock in orphans[1:]:
            if other_lock is not None:
                other_lock.unlock()  # left for another time
        try:
            when = datetime.datetime.fromtimestamp(path.stat().st_mtime).strftime("%H:%M:%S")
            project = load(path)
        except OSError:
            return False
        except ProjectError as e:
            self._refuse(translate("files", "The recovery file could not be read: {0}").format(message(e)))
            self.recovery.discard(path, lock)
            return False
        origin = storage.read_origin(path)
        epoch = project.state["epoch"] if project.state else 0
        what = translate("files", "{0} ({1}), epoch {2}").format(
            localised(project, language())[0],
            origin.name if origin else translate("files", "not saved to a file"), epoch)
        if not self.ask_restore(when, what):
            self.recovery.discard(path, lock)
            return False
        self.doc.load(project, origin)
        self.doc.set_modified(True)
        self.recovery.discard(path, lock)
        self.autosave()  # the work is safe again, now in this instance's file
        self._message(translate("files", "Restored the work autosaved at {0}").format(when))
        return True

    autosaved = Signal(int, object, object)  # (autosaves then, origin, error or None)

    def autosave(self) -> None:
        """Every 30 s: unsaved work goes to this instance's recovery file, when it changed
        since the last time (an idle window with a million samples rewrote the same file,
        half a second's pause, every 30 s). The window's thread copies the project (~1 ms
        for 100,000 samples); another thread writes the copy (arrays as text, JSON, the
        check that the file opens again, the disk: ~35 ms that paused the window)."""
        if not (self.doc.modified and self.changed_since_autosave) or self.autosaving is not None:
            return
        project = copy.deepcopy(self.doc.to_project())  # (the window goes on changing its own)
        self.changed_since_autosave = False  # (a change while it is written sets it again)
        self.autosaving = threading.Thread(target=self._write_autosave, name="autosave", daemon=True,
                                           args=(project, self.autosaves, self.doc.path))
        self.autosaving.start()

    def _write_autosave(self, project, autosaves: int, origin) -> None:
        """(On the autosave's thread.) The recovery file, readable by its owner only. The
        thread always reports back, whatever went wrong (else no autosave would start again)."""
        try:
            write(dumps(project), self.recovery.path, mode=0o600)
            error = None
        except Exception as e:  # (any: reported to the window, as a refusal)
            error = e
        self.autosaved.emit(autosaves, origin, error)

    def _autosaved(self, autosaves: int, origin, error) -> None:
        """(Back on the window's thread.) The autosave is written, or failed, or was
        forgotten while it was written (the work saved or replaced, the window closed):
        then its file goes."""
        if self.autosaving is not None:
            self.autosaving.join()
            self.autosaving = None
        if autosaves != self.autosaves:
            self.recovery.forget()
        elif error is not None:
            self.changed_since_autosave = True
            self._refuse(translate("files", "Autosave failed: {0}").format(message(error)))
        else:
            self.recovery.note_origin(origin)

    def import_csv(self, path: str | None = None) -> bool:
        path = path or self.ask_path(False, translate("files", "Import data"),
                                     translate("files", "CSV (*.csv *.tsv *.txt);;All files (*)"))
        if not path:
            return False
        with busy():
            try:
                table = read_csv(path)
            except DataError as e:
                problem = e
            else:
                return self.doc.set_data(table.X, table.Y, text=translate("files", "Import {0}")
                                                                .format(Path(path).name))
        self._refuse(f"{Path(path).name}: {message(problem)}")  # (the arrow back first)
        return False

    def export_csv(self, path: str | None = None, spreadsheet: bool | None = None) -> bool:
        """File → Export data (CSV)…: commas and decimal points, or (the dialog's second
        file type, or ``spreadsheet``) semicolons and decimal commas, as a spreadsheet in
        Czech opens it (commas put each whole number in a cell of its own there)."""
        spreadsheet_type = translate("files", "CSV for a spreadsheet, semicolons and decimal "
                                              "commas (*.csv)")
        if not path:
            self.chosen_filter = ""
            path = self.ask_path(True, translate("files", "Export data"),
                                 f"CSV (*.csv);;{spreadsheet_type}", self.beside("data.csv"))
            if spreadsheet is None:
                spreadsheet = self.chosen_filter == spreadsheet_type
        if not path:
            return False
        with busy():
            return self._write(path, to_csv(self.doc.X, self.doc.Y, bool(spreadsheet)))

    def export_network(self, kind: str, path: str | None = None) -> bool:
        ext = {"weights": "csv", "numpy": "py", "torch": "py"}[kind]
        path = path or self.ask_path(True, translate("files", "Export the network"), f"*.{ext}",
                                     self.beside(f"network.{ext}"))
        if not path:
            return False
        net, X, name, f = self.doc.net, self.doc.X, self.doc.project.name, self.doc.features
        with busy():
            text = {"weights": lambda: weights_csv(net), "numpy": lambda: numpy_script(net, X, name, f),
                    "torch": lambda: torch_script(net, X, name, f)}[kind]()
            return self._write(path, text)

    def _write(self, path: str, text: str) -> bool:
        try:
            Path(path).write_text(text, encoding="utf-8")
        except OSError as e:
            self._refuse(translate("files", "Could not write {0}: {1}").format(path, e.strerror or e))
            return False
        self._message(translate("files", "Wrote {0}").format(Path(path).name))
        return True

    def export_view(self, view: str, path: str | None = None) -> bool:
        """A view (its id in gui.registry) as PNG or SVG (by the file's extension):
        pyqtgraph's exporters for plots, Qt's renderer and SVG generator for the network."""
        docks = self.window.docks
        name = docks[view].windowTitle() if view in docks else message(registry.CANVAS.title)
        path = path or self.ask_path(True, translate("files", "Export {0}").format(name),
                                      "PNG (*.png);;SVG (*.svg)",
                                      self.beside(f"{view}.png"))
        if not path:
            return False
        dock = self.window.docks.get(view)
        if dock is not None and dock.widget().visibleRegion().isEmpty():  # behind a tab, closed
            dock.show()  # bring it forward, so it is drawn at its size on screen
            dock.raise_()
            QApplication.processEvents()
            getattr(dock.widget(), "redraw", lambda: None)()
        try:
            with busy():
                export_view(self.window, view, path)
        except (OSError, ValueError, RuntimeError) as e:
            self._refuse(translate("files", "Could not export {0}: {1}").format(name, message(e)))
            return False
        self._message(translate("files", "Wrote {0}").format(Path(path).name))
        return True


STEP_KINDS = {".md": "md", ".tex": "tex", ".pdf": "pdf"}  # file suffix -> handout kind
WINDOW_PDF_PHASES = 3_000  # the window lays out a PDF of at most this many phases (~5 s)


def step_derivation(doc: Document, digits: int = 4):
    """The next sample's training step (core.derivation.Derivation) and its title."""
    k = doc.next_sample()
    s = doc.settings
    dv = derive(doc.net, doc.inputs(doc.X[k]), doc.Y[k], s["loss"], s["lr"], s["reduction"],
                digits=digits, inputs=doc.input_names())
    name = localised(doc.project, language())[0]  # (a lesson's name in the interface's language)
    return dv, step_title(name, k + 1, doc.steps + 1, translate)


def trace_text(doc: Document, kind: str, digits: int = 4) -> str:
    """The next sample's training step as Markdown ('md'), a complete LaTeX document
    ('tex'), the LaTeX sections alone to paste into one's own notes ('fragment') or an
    HTML page ('html', what the PDF handout is made from)."""
    dv, title = step_derivation(doc, digits)
    return handout(dv, title, kind, translate)


def write_handout(dv, title: str, path: str, kind: str | None = None) -> None:
    """Write the step to ``path``: Markdown, LaTeX (a document, or with kind 'fragment' the
    sections alone) or a PDF that Qt lays out from the HTML page (A4, no TeX needed).
    The kind follows the suffix unless given. OSError if the file cannot be written,
    ValueError for a suffix that is none of these."""
    kind = kind or STEP_KINDS.get(Path(path).suffix.lower())
    if kind is None:
        raise ValueError(QT_TRANSLATE_NOOP("files", "use a .md, .tex or .pdf file name"))
    if kind == "pdf":
        write_pdf(handout(dv, title, "html", translate), path, title)
    else:
        Path(path).write_text(handout(dv, title, kind, translate), encoding="utf-8")


def write_pdf(page: str, path: str, title: str) -> None:
    """An HTML page as a PDF on A4, laid out and paginated by Qt (QTextDocument printed on
    a QPdfWriter, which puts 2 cm margins around the text itself). Needs a QGuiApplication."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    with open(path, "wb"):  # the OS's reason, now, if the file cannot be written: QPdfWriter
        pass  # would only print a warning and write nothing
    writer = QPdfWriter(path)
    writer.setPageSize(QPageSize(QPageSize.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Millimeter)  # print_ adds 2 cm
    writer.setTitle(title)
    writer.setCreator("Backprop Studio")
    text = QTextDocument()
    text.setHtml(page)
    text.print_(writer)
    del writer  # finishes the file
    if Path(path).stat().st_size == 0:
        raise OSError(QT_TRANSLATE_NOOP("files", "Qt wrote nothing to {0}").format(path))


def export_view(win, view: str, path: str) -> None:
    """Write view ``view`` (an id in gui.registry) of ``win`` to ``path`` (.png or .svg)."""
    import pyqtgraph.exporters as exporters
    from PySide6.QtCore import QPoint, QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgGenerator
    from PySide6.QtWidgets import QWidget

    kind = Path(path).suffix.lower()
    if kind not in (".png", ".svg"):
        raise ValueError(QT_TRANSLATE_NOOP("files", "use a .png or .svg file name"))
    if view not in registry.EXPORTABLE:
        raise ValueError(QT_TRANSLATE_NOOP("files", "{0!r} is not a view that can be exported").format(view))
    if view == registry.CANVAS.id:
        scene = win.canvas.scene()
        rect = scene.sceneRect()
        if kind == ".png":
            image = QImage(int(rect.width() * 2), int(rect.height() * 2), QImage.Format_ARGB32)
            image.fill(win.canvas.theme["background"])
            painter = QPainter(image)
            painter.setRenderHint(QPainter.Antialiasing)
            scene.render(painter, QRectF(image.rect()), rect)
            painter.end()
            if not image.save(path):
                raise OSError(QT_TRANSLATE_NOOP("files", "cannot write {0}").format(path))
        else:
            gen = QSvgGenerator()
            gen.setFileName(path)
            gen.setSize(rect.size().toSize())
            gen.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
            painter = QPainter(gen)
            scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
            painter.end()
        return
    widget = getattr(win, registry.BY_ID[view].attr)
    plot = getattr(widget, "plot", None)
    if kind == ".png" and plot is not None:  # pyqtgraph's exporter, at a printable width
        item = plot.getPlotItem()
        exporter = exporters.ImageExporter(item)
        exporter.parameters()["width"] = max(800, int(item.width()))
        exporter.export(path)
        return
    plot = plot or widget  # panels of several plots: the whole panel
    if kind == ".png":
        if not plot.grab().save(path):
            raise OSError(QT_TRANSLATE_NOOP("files", "cannot write {0}").format(path))
        return
    # SVG through Qt's generator: pyqtgraph 0.14's SVGExporter cannot parse the path
    # syntax Qt 6.11 writes ("not enough values to unpack")
    gen = QSvgGenerator()
    gen.setFileName(path)
    gen.setResolution(round(plot.logicalDpiX()))  # so the SVG is as large as the view
    gen.setSize(plot.size())
    gen.setViewBox(QRectF(0, 0, plot.width(), plot.height()))
    painter = QPainter(gen)
    with vector_drawing(plot):
        QWidget.render(plot, painter, QPoint(0, 0))  # the widget's own drawing, not a scene's
    painter.end()


@contextlib.contextmanager
def vector_drawing(widget):
    """Draw ``widget``'s plots as vectors while it is rendered to SVG: scatter points as
    shapes, not fragments of a symbol atlas (which the SVG embedded whole, for every point,
    in every colour), and axes as lines and text, not the pixmaps they are cached in."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QGraphicsItem, QGraphicsView

    views = widget.findChildren(pg.GraphicsView) + (
        [widget] if isinstance(widget, pg.GraphicsView) else [])
    items = [i for view in views for i in view.scene().items()]
    backgrounds = [(v, v.cacheMode()) for v in views]  # a cached background is a pixmap too
    cached = [(i, i.cacheMode()) for i in items if i.cacheMode() != QGraphicsItem.NoCache]
    exporting = [i for i in items if hasattr(i, "setExportMode")]
    try:
        for v, _ in backgrounds:
            v.setCacheMode(QGraphicsView.CacheNone)
        for i, _ in cached:
            i.setCacheMode(QGraphicsItem.NoCache)
        for i in exporting:
            i.setExportMode(True, {"antialias": True, "background": None})
        yield
    finally:
        for i in exporting:
            i.setExportMode(False)
        for i, mode in cached:
            i.setCacheMode(mode)
        for v, mode in backgrounds:
            v.setCacheMode(mode)

