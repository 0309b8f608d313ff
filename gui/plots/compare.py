"""Compare runs side by side (Train → Compare…): 2 to 6 copies of the project that differ
in one setting (core.compare), trained together from the same initial weights; their loss
curves overlaid in one plot (a colour each, the legend naming the setting's value) and
their decision maps in a row of small maps. Any run can be opened as the main project.

Training runs in a training process of the window's own (core.worker: the runs in step,
a report of each after each ~12 ms slice, adopted on a 40 ms timer), Play's and Train's
alike, so the window and the main window stay live and Pause stops either; until that
process is ready (or if it fails) the runs train here in time-budgeted slices (~25 ms of
each 40; until the ninth session always: the runs got ~60 % of one core, and Train's
"1,000,000 epochs" once froze both windows until done). A run that diverges stops with
its message on its map."""

from __future__ import annotations

import copy
from types import SimpleNamespace

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.compare import SETTINGS, Comparison, Run, make_runs, parse, run_name
from core.localise import localised
from core.metrics import classes
from core.project import Project, capture
from core.worker import Remote
from gui.checkbox import CheckBox
from gui.colour_vision import PALETTE
from gui.document import Document
from gui.i18n import language, message, translate
from gui.messages import DialogRefusal
from gui.plots.steady import Grid, SteadyPlot, set_label, set_range, set_title
from gui.plots.views import CLASS_BRUSHES, image32, pixel_rect, plane

COLOURS = PALETTE  # apart for colour-vision deficiencies too (gui.colour_vision)
MAP_GRID = 60  # each small map: 60 × 60 points
SLICE_S = 0.025  # training per timer tick, shared by the runs
SHOWN = 2000  # loss points drawn a curve


class RunMap(QWidget):
    """One run's decision map (two-input classification): its label in its colour above,
    "Open as project" below."""

    def __init__(self, run: Run, colour: tuple, parent=None) -> None:
        super().__init__(parent)
        self.run = run
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        self.title = QLabel()
        self.title.setTextFormat(Qt.PlainText)  # (the run's label quotes a typed value)
        self.title.setAlignment(Qt.AlignCenter)
        self.title.setWordWrap(True)
        self.title.setStyleSheet(f"color: rgb{colour}; font-weight: bold")
        lay.addWidget(self.title)
        self.plot = SteadyPlot()
        self.plot.setMinimumSize(140, 140)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(False, False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.ColorMap([0.0, 0.5, 1.0], [(250, 190, 140), (255, 255, 255),
                                                              (150, 185, 245)]))
        self.plot.addItem(self.image)
        self.points = pg.ScatterPlotItem(size=4, pen=None)
        self.plot.addItem(self.points)
        lay.addWidget(self.plot, 1)
        self.open_button = QPushButton()
        lay.addWidget(self.open_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.open_button.setText(translate("compare", "Open as project"))
        self.open_button.setToolTip(translate("compare", "Make this run, trained as far as it is, "
                                                         "the main window's project"))


class CompareWindow(QWidget):
    """The comparison ``spec`` ('lr=0.1,1,10') for ``doc``'s project. ValueError (from
    core.compare) for an unknown setting or a value that fails the setting's check: no
    window is made."""

    open_requested = Signal(object)  # a Project to make the main window's

    def __init__(self, doc: Document, spec: str, parent=None) -> None:
        setting, values = parse(spec)
        net = doc.net.copy()
        initial = doc.project.initial_params
        if initial is not None and initial.shape == net.params.shape:
            net.params[...] = initial  # every run from the project's weights at epoch 0
        runs = make_runs(net, doc.X, doc.Y, doc.settings, doc.project.init, doc.features, setting,
                         values)
        super().__init__(parent, Qt.Window)
        self.setting = setting
        # the project as it is now, for a run opened later: the main window may open another
        # project or change the data meanwhile (a run opened after the Iris lesson was paired
        # with Iris's 4-column data: an exception; after another 2-input lesson, silently with
        # data it never trained on)
        p, dup = doc.project, (lambda a: None if a is None else a.copy())
        self.source = dict(X=dup(doc.X), Y=dup(doc.Y), X_test=dup(doc.X_test),
                           Y_test=dup(doc.Y_test), name=p.name, description=p.description,
                           init=dict(p.init), map_range=doc.map_range,
                           translations=copy.deepcopy(p.translations) or {})
        self.comparison = Comparison(runs)
        # its name, in the interface's language, titles the window (not the project itself:
        # it holds the data and the history)
        self.project = SimpleNamespace(name=p.name, description=p.description,
                                       translations=copy.deepcopy(p.translations))
        self.resize(1000, 700)
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.play_button = QPushButton()
        self.play_button.setCheckable(True)
        self.play_button.toggled.connect(self.set_playing)
        bar.addWidget(self.play_button)
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 1_000_000)
        self.epochs.setValue(500)
        self.train_button = QPushButton()
        self.train_button.clicked.connect(lambda: self.train(self.epochs.value()))
        bar.addWidget(self.train_button)
        bar.addWidget(self.epochs)
        self.log = CheckBox("")
        self.log.setChecked(True)
        self.log.toggled.connect(lambda on: (self.plot.setLogMode(y=on), self.redraw()))
        bar.addWidget(self.log)
        bar.addStretch(1)
        self.status = QLabel()
        bar.addWidget(self.status)
        lay.addLayout(bar)
        self.plot = SteadyPlot()
        self.plot.setLogMode(y=True)
        Grid(self.plot)
        self.plot.addLegend(offset=(-10, 10), brush=pg.mkBrush(255, 255, 255, 210))  # (curves pass under)
        self.curves = [self.plot.plot([], [], pen=pg.mkPen(COLOURS[k % len(COLOURS)], width=2),
                                      symbolBrush=COLOURS[k % len(COLOURS)],  # (a dot at epoch 0)
                                      symbolPen=COLOURS[k % len(COLOURS)], symbolSize=7,
                                      name=r.label, antialias=False)
                       for k, r in enumerate(runs)]
        lay.addWidget(self.plot, 1)
        self.two_d = doc.X.shape[1] == 2 and doc.is_classification and doc.Y.shape[1] == 1
        row = QHBoxLayout()
        self.maps = []
        for k, r in enumerate(runs):
            cell = RunMap(r, COLOURS[k % len(COLOURS)])
            cell.plot.setVisible(self.two_d)
            cell.open_button.clicked.connect(lambda checked=False, k=k: self.open_run(k))
            row.addWidget(cell)
            self.maps.append(cell)
        lay.addLayout(row, 1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setVisible(not self.two_d)
        lay.addWidget(self.note)
        if self.two_d:
            X = doc.X
            self.range = doc.map_range or plane(X)
            x0, x1, y0, y1 = self.range
            gx, gy = np.linspace(x0, x1, MAP_GRID), np.linspace(y0, y1, MAP_GRID)
            self.grid = np.stack(np.meshgrid(gx, gy), axis=-1).reshape(-1, 2)
            brushes = [CLASS_BRUSHES[c % 3] for c in classes(doc.Y)]
            for cell in self.maps:
                cell.points.setData(X[:, 0], X[:, 1], brush=brushes)
                set_range(cell.plot, (x0, x1), (y0, y1), 0)
        self.retranslate()
        self.fit_text()
        self.target: int | None = None  # the epoch Train trains to (None: Play's no end)
        self.remote = Remote()
        self.remote.launch()  # (ready by the first Play or Train: it imports numpy meanwhile)
        self.timer = QTimer(self)
        self.timer.setInterval(40)
        self.timer.timeout.connect(self._tick)
        self.redraw()

    def retranslate(self) -> None:
        """Its words in the interface's language (again after a language switch: the
        window moves to the new main window with its runs)."""
        self.setWindowTitle(translate("compare", "Compare runs: {0} — {1}")
                            .format(self.setting, localised(self.project, language())[0]))
        self.play_button.setText(translate("compare", "Pause") if self.play_button.isChecked()
                                 else translate("compare", "Play"))
        self.play_button.setToolTip(translate("compare", "Train every run together until paused"))
        self.epochs.setToolTip(translate("compare", "Epochs the Train button trains each run"))
        self.train_button.setText(translate("compare", "Train"))
        self.train_button.setToolTip(translate("compare", "Train every run this many epochs "
                                                          "(Pause stops early)"))
        self.log.setText(translate("compare", "log scale"))
        set_label(self.plot, "bottom", translate("compare", "epoch"))
        set_label(self.plot, "left", translate("compare", "loss E"))
        self.note.setText(translate("compare", "The maps need two inputs and one class output; the "
                                               "loss curves compare the runs."))
        for cell in self.maps:
            cell.retranslate()

    def fit_text(self) -> None:
        """Room in the loss plot for its legend (a line a run) and axes at the font's size
        (at 250 % the legend overflowed a plot sized for 100 %)."""
        line = self.fontMetrics().height()
        self.plot.setMinimumHeight(max(220, line * (len(self.curves) + 4)))

    def changeEvent(self, e) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(e)
        if e.type() == e.Type.FontChange:
            self.fit_text()

    # --- training ------------------------------------------------------------------------
    def set_playing(self, on: bool) -> None:
        """Play (on) trains until paused; Pause (off) stops Play or a Train under way."""
        self.play_button.setText(translate("compare", "Pause") if on else translate("compare", "Play"))
        self.target = None  # Play has no end; Train sets one after this
        if on:
            self.timer.start()
        else:
            self.timer.stop()
            self.remote.stop()  # what it trains meanwhile is never shown

    def _tick(self) -> None:
        done = self._tick_remote()
        if done is None:  # not ready (or failed): train here
            done = self.comparison.train(seconds=SLICE_S, until=self.target)
        if not done:  # every run stopped (diverged), or Train's epochs are trained
            self.play_button.setChecked(False)
        self.redraw()

    def _tick_remote(self) -> int | None:
        """Adopt the training process's reports, starting its job when needed: the epochs
        trained (0: the job has ended), or None when training must happen here."""
        remote, c = self.remote, self.comparison
        if remote.failed:
            return None
        remote.launch()
        reports = remote.receive()
        if remote.failed or not remote.ready:
            return None
        done = sum(c.adopt(report) for report in reports)
        if remote.running:
            return max(done, 1)  # (still going)
        if reports and (reports[-1]["reason"] != "time"):
            return 0  # Train's epochs are trained, or every run has stopped
        if c.left(self.target) == 0:  # (None: Play's no end)
            return 0
        remote.start(c.job(self.target))
        return max(done, 1)

    def train(self, epochs: int) -> None:
        """Every run still training: ``epochs`` more epochs, in the timer's slices (the
        Play button says Pause meanwhile)."""
        self.play_button.setChecked(True)
        self.target = self.comparison.epoch + epochs
        self.remote.stop()  # a job under way trains to the old end: the next tick starts one

    # --- drawing --------------------------------------------------------------------------
    def redraw(self) -> None:
        c = self.comparison
        self.status.setText(translate("compare", "epoch {0}").format(c.epoch))
        top, lows, highs = 0.0, [], []
        for curve, (x, y) in zip(self.curves, c.losses()):
            keep = np.isfinite(y) & ((y > 0) if self.log.isChecked() else True)
            # at most SHOWN points a curve (the last among them): a history's 20,000 drawn
            # whole took most of the window's time while the runs played
            at = np.flatnonzero(keep)
            at = np.union1d(at[::max(1, len(at) // SHOWN)], at[-1:])
            curve.setData(x[at], y[at], symbol="o" if len(at) == 1 else None)  # one point: a dot
            if keep.any():
                top = max(top, float(x[keep].max()))
                v = np.log10(y[keep]) if self.log.isChecked() else y[keep]
                lows.append(float(v.min()))
                highs.append(float(v.max()))
        if lows:
            lo, hi = min(lows), max(highs)
            pad = 0.05 * max(hi - lo, 1e-6)
            right = max(top, 1.0)  # (from a little left of 0: a dot at epoch 0 shows whole)
            set_range(self.plot, (-0.02 * right, right), (lo - pad, hi + pad), 0)
        for cell in self.maps:
            r = cell.run
            text = f"{r.label}\nE = {r.trainer.loss():.4g}" if not r.error else \
                r.label + "\n" + translate("compare", "diverged: stopped")
            cell.title.setText(text)
            cell.title.setToolTip(message(r.error))
            if self.two_d:
                out = r.net.predict(r.features(self.grid))[:, 0]
                cell.image.setImage(image32(out.reshape(MAP_GRID, MAP_GRID), 0.0, 1.0),
                                    levels=(0.0, 1.0), autoLevels=False)
                cell.image.setRect(*pixel_rect(*self.range, MAP_GRID))  # (needs the image's size)
        set_title(self.plot, translate("compare", "loss of each run ({0})").format(self.setting))

    # --- a run as the project -------------------------------------------------------------
    def project_of(self, k: int) -> Project:
        """Run ``k`` as a project: its network, weights, settings, inputs and history."""
        r, p = self.comparison.runs[k], self.source
        # its name and description in the project's languages too (the Czech window named
        # it in English), the challenges' texts left with the lesson, which a run has not
        translations = {code: {key: run_name(t[key], r.label) if key == "name" else t[key]
                               for key in ("name", "description") if key in t}
                        for code, t in p["translations"].items()}
        project = Project(net=r.net.copy(), X=p["X"], Y=p["Y"], training=dict(r.settings),
                          init={**p["init"], "seed": r.seed},
                          name=run_name(p["name"], r.label),
                          translations={c: t for c, t in translations.items() if t} or None,
                          description=p["description"], initial_params=r.initial.copy(),
                          X_test=p["X_test"], Y_test=p["Y_test"], map_range=p["map_range"],
                          features=None if r.features.is_identity else tuple(r.features.names))
        capture(project, r.trainer)
        return project

    def open_run(self, k: int) -> None:
        self.open_requested.emit(self.project_of(k))

    def closeEvent(self, e) -> None:  # noqa: N802 - Qt's name
        self.timer.stop()
        self.remote.close()
        super().closeEvent(e)


EXAMPLES = {"lr": "0.1, 1, 10", "optimizer": "sgd, momentum, adam", "seed": "0, 1, 2",
            "activation": "sigmoid, tanh, relu", "hidden": "2, 4, 8",
            "features": "x1+x2, x1+x2+x1*x2"}


class CompareDialog(QDialog):
    """Train → Compare runs…: the setting and its 2 to 6 values. With ``make`` (spec ->
    CompareWindow, ValueError when the values do not do), Compare makes the window and
    a refusal is shown in the dialog, which stays open with the values as typed (it
    closed, the refusal on the main window: the values had to be typed again)."""

    def __init__(self, parent=None, make=None) -> None:
        super().__init__(parent)
        self.make, self.window = make, None
        self.setWindowTitle(translate("compare", "Compare runs"))
        form = QFormLayout(self)
        self.setting = QComboBox()
        names = {"lr": translate("compare", "learning rate"), "optimizer": translate("compare", "optimiser"),
                 "seed": translate("compare", "initial seed"),
                 "activation": translate("compare", "hidden activation"),
                 "hidden": translate("compare", "hidden layer size"),
                 "features": translate("compare", "input features")}
        for key in SETTINGS:
            self.setting.addItem(names[key], key)
        self.setting.setToolTip(translate("compare", "The one setting the runs differ in; everything "
                                                     "else, the initial weights too, is the project's"))
        form.addRow(translate("compare", "&Setting:"), self.setting)
        self.values = QLineEdit()
        self.values.setToolTip(translate("compare", "2 to 6 values, separated by commas (features: "
                                                    "inputs joined by +)"))
        form.addRow(translate("compare", "&Values:"), self.values)
        self.setting.currentIndexChanged.connect(self._example)
        self._example()
        self.error = DialogRefusal(getattr(parent, "high_contrast", False))
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(translate("compare", "Compare"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.values.textEdited.connect(lambda _: self.error.hide())

    def accept(self) -> None:
        if self.make is not None:
            try:
                self.window = self.make(self.spec())
            except ValueError as e:
                self.error.say(translate("main_window", "Cannot compare: {0}").format(message(e)),
                               self.values)
                return
        super().accept()

    def _example(self) -> None:
        self.values.setText(EXAMPLES[self.setting.currentData()])

    def spec(self) -> str:
        """'lr=0.1,1,10'."""
        return f"{self.setting.currentData()}={self.values.text()}"
