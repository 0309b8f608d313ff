"""The main window: canvas in the centre, views and panels in docks, menus,
a toolbar of training controls with standard shortcuts, and a status bar."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMessageBox, QTextBrowser

from core.project import load
from gui.canvas.view import NetworkCanvas
from gui.controller import Controller
from gui.document import Document
from gui.panels.inspector import Inspector
from gui.panels.palette import Palette
from gui.panels.training import TrainingPanel
from gui.plots.views import DecisionPlot, HiddenPlot, LossPlot, Thumbnails, WeightsPlot

LESSONS = Path(__file__).resolve().parent.parent / "resources" / "lessons"


def lesson_path(name: str) -> Path:
    path = LESSONS / f"{name}.json"
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in LESSONS.glob("*.json")))
        raise ValueError(f"no lesson called {name!r}; lessons: {known}")
    return path


class MainWindow(QMainWindow):
    def __init__(self, doc: Document) -> None:
        super().__init__()
        self.doc = doc
        self.controller = Controller(doc, parent=self)
        self.setWindowTitle("Backprop Studio")
        self.canvas = NetworkCanvas(doc)
        self.setCentralWidget(self.canvas)
        self.inspector = Inspector(doc)
        self.canvas.param_selected.connect(self.inspector.show_param)
        self.canvas.layer_selected.connect(self.inspector.show_layer)
        self.palette = Palette(doc)
        self.loss_plot, self.decision, self.hidden = LossPlot(doc), DecisionPlot(doc), HiddenPlot(doc)
        self.weights_plot, self.thumbnails = WeightsPlot(doc), Thumbnails(doc)
        self.training = TrainingPanel(doc, self.controller)
        self.about = QTextBrowser()
        self.docks: dict[str, QDockWidget] = {}
        self._tabs: list[tuple[str, str]] = []  # (front, behind) pairs, tabified once shown
        self._dock("Loss", self.loss_plot, Qt.RightDockWidgetArea)
        self._dock("Decision regions", self.decision, Qt.RightDockWidgetArea)
        self._dock("Hidden space", self.hidden, Qt.RightDockWidgetArea)
        self._dock("Weights over time", self.weights_plot, tab_with="Loss")
        self._dock("Hidden neurons", self.thumbnails, tab_with="Hidden space")
        self._dock("Inspector", self.inspector, Qt.LeftDockWidgetArea)
        self._dock("Training", self.training, Qt.LeftDockWidgetArea)
        self._dock("Lesson", self.about, Qt.LeftDockWidgetArea)
        self._dock("Layers", self.palette, tab_with="Lesson")
        self._actions()
        self.status = QLabel()
        self.statusBar().addPermanentWidget(self.status, 1)
        self._rate = (time.perf_counter(), 0)
        self._eps = 0.0
        doc.message.connect(self._message)
        doc.trained.connect(self._on_trained)
        doc.weights_changed.connect(self._update_status)
        doc.structure_changed.connect(self._on_structure_changed)
        self.controller.running_changed.connect(self._on_running)
        self._on_structure_changed()
        self.resize(1500, 900)
        geometry = QSettings().value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def _dock(self, title: str, widget, area=None, tab_with: str | None = None) -> None:
        """A dock in ``area``, or as a second tab behind the dock ``tab_with``."""
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        self.addDockWidget(area or self.dockWidgetArea(self.docks[tab_with]), dock)
        if tab_with is not None:
            self._tabs.append((tab_with, title))
        self.docks[title] = dock

    def showEvent(self, e) -> None:
        super().showEvent(e)
        # Tabify once shown: Qt 6.11 leaves a stray duplicate tab bar on the window when
        # a second group of docks is tabified before the window is first shown.
        for first, second in self._tabs:
            self.tabifyDockWidget(self.docks[first], self.docks[second])
            self.docks[first].raise_()
        self._tabs = []

    def _action(self, menu, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.setToolTip(tip or text)
        a.setStatusTip(tip or text)
        a.triggered.connect(slot)
        menu.addAction(a)
        self.addAction(a)
        return a

    def _actions(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        lessons = file.addMenu("&Lessons")
        for path in sorted(LESSONS.glob("*.json")):
            self._action(lessons, load(path).name, lambda checked=False, p=path: self.open_lesson(p))
        file.addSeparator()
        self._action(file, "&Quit", self.close, QKeySequence.Quit)
        edit = bar.addMenu("&Edit")
        undo = self.doc.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.Undo)
        redo = self.doc.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence.Redo, QKeySequence("Ctrl+Shift+Z")])
        edit.addActions([undo, redo])
        self.addActions([undo, redo])
        train = bar.addMenu("&Train")
        tb = self.addToolBar("Training")
        tb.setObjectName("training toolbar")
        self.play_action = self._action(train, "Play", self.controller.toggle, Qt.Key_Space,
                                        "Play / pause continuous training (Space)")
        self.step_sample_action = self._action(train, "Step sample", self.doc.step_sample,
                                               Qt.Key_Right, "Train on the next sample (→)")
        self.step_batch_action = self._action(train, "Step batch", self.doc.step_batch,
                                              Qt.SHIFT | Qt.Key_Right, "Train on the next batch")
        self.step_epoch_action = self._action(train, "Step epoch", self.doc.step_epoch,
                                              Qt.CTRL | Qt.Key_Right, "Train one epoch (Ctrl+→)")
        train.addSeparator()
        self.reset_action = self._action(train, "Reset", self.doc.reset, "Ctrl+R",
                                         "Back to the initial weights (same seed)")
        self.reinit_action = self._action(train, "Re-initialise", self.doc.reinitialise,
                                          "Ctrl+Shift+R", "New random weights (next seed)")
        for a in (self.play_action, self.step_sample_action, self.step_batch_action,
                  self.step_epoch_action, self.reset_action, self.reinit_action):
            tb.addAction(a)
        view = bar.addMenu("&View")
        for dock in self.docks.values():
            view.addAction(dock.toggleViewAction())
        self._action(view, "Fit network in view", self.canvas.fit, "Ctrl+0")

    def show_all_views(self) -> None:
        """Every view in its own visible dock (no tabs): for benchmarks and screenshots."""
        self._tabs = []
        for title in ("Weights over time", "Hidden neurons"):
            self.addDockWidget(Qt.BottomDockWidgetArea, self.docks[title])
        for dock in self.docks.values():
            dock.show()

    def open_lesson(self, path) -> None:
        self.controller.pause()
        self.doc.load(load(path))

    # --- following the document -------------------------------------------------
    def _on_structure_changed(self) -> None:
        p = self.doc.project
        self.setWindowTitle(f"Backprop Studio — {p.name}")
        self.about.setHtml(f"<h3>{p.name}</h3><p>{p.description}</p>")
        self._update_status()

    def _on_running(self, running: bool) -> None:
        self.play_action.setText("Pause" if running else "Play")
        for a in (self.step_sample_action, self.step_batch_action, self.step_epoch_action):
            a.setEnabled(not running)

    def _on_trained(self) -> None:
        now = time.perf_counter()
        t0, e0 = self._rate
        if now - t0 > 0.5:
            self._eps = (self.doc.trainer.epoch - e0) / (now - t0)
            self._rate = (now, self.doc.trainer.epoch)

    def _update_status(self) -> None:
        try:
            s = self.doc.status()
        except ValueError as e:
            self.status.setText(str(e))
            return
        acc = f"   accuracy {s['accuracy']:.0%}" if self.doc.is_classification else ""
        if "test_loss" in s:
            acc += f"   test loss {s['test_loss']:.4g}"
            if self.doc.is_classification:
                acc += f"   test accuracy {s['test_accuracy']:.0%}"
        rate = f"   {self._eps:,.0f} epochs/s" if self.controller.running else ""
        self.status.setText(f"epoch {s['epoch']}   step {s['steps']}   loss {s['loss']:.6g}"
                            f"{acc}{rate}")

    def _message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)
        self.last_message = text

    def closeEvent(self, e) -> None:
        self.controller.pause()
        QSettings().setValue("geometry", self.saveGeometry())
        super().closeEvent(e)


def show_error(parent, text: str) -> None:
    QMessageBox.warning(parent, "Backprop Studio", text)
