"""Views for exploring how the network learns: the loss landscape over one or two
parameters, the training timeline, and live metrics."""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from core.landscape import landscape
from core.metrics import accuracy, confusion, r2
from gui.document import Document
from gui.i18n import message, translate
from gui.plots.steady import SteadyPlot, set_label, set_range, set_title
from gui.plots.views import Throttled

GRID = 60
MAX_SAMPLES = 2_000  # the landscape of more data is drawn on an evenly spread subset


class SmoothImage(pg.ImageItem):
    """An image drawn with bilinear filtering: the loss is a smooth function, and the
    coarser grid it is followed on while training (FRAME) showed as blocks."""

    def paint(self, painter, *args) -> None:
        painter.setRenderHint(QPainter.SmoothPixmapTransform, True)
        super().paint(painter, *args)


class LandscapePlot(Throttled):
    """E over a grid around the current values of one or two chosen parameters (all others
    held), the current point, the negative-gradient arrow and the path training took.
    A grid costs ~15 ms on 200 samples, so it follows training 3 times a second; where a
    full grid costs more than FRAME, training is followed on a coarser grid and the full one
    is drawn when the weights settle."""

    max_fps = 3
    budget = 0.05  # a landscape over a big net costs ~0.1 s: not more than a twentieth
    #: seconds one redraw may take while the weights keep changing: a grid that took longer
    #: is drawn coarser (fewer points a side) until they settle for REFINE_MS, then in full.
    #: A third of a 60 Hz frame: a full 60 x 60 grid on the XOR net (~15 ms) held up a
    #: frame each time, and cost the 2-2-1 window ~3 of its 60 frames a second
    FRAME = 0.005
    REFINE_MS = 400

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(doc, parent)
        self.first, self.second = QComboBox(), QComboBox()
        self.first.setToolTip(translate("explore", "The parameter on the horizontal axis"))
        self.second.setToolTip(translate("explore", "The parameter on the vertical axis ('—' for a 1-D "
                                                    "curve)"))
        self.span = QDoubleSpinBox()
        self.span.setRange(0.1, 50.0)
        self.span.setValue(3.0)
        self.span.setPrefix("± ")
        self.span.setToolTip(translate("explore", "How far either side of the current value the grid "
                                                  "reaches"))
        self.plot = SteadyPlot()
        self.image = SmoothImage(axisOrder="row-major")
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.plot.addItem(self.image)
        self.curve = self.plot.plot([], [], pen=pg.mkPen(200, 40, 40, width=2))
        self.path = self.plot.plot([], [], pen=pg.mkPen(255, 255, 255, width=2), symbol="o",
                                   symbolSize=4, symbolBrush="w")
        self.arrow = self.plot.plot([], [], pen=pg.mkPen(250, 150, 0, width=3))
        self.point = pg.ScatterPlotItem(size=12, brush=pg.mkBrush(250, 150, 0), pen=pg.mkPen("k"))
        self.plot.addItem(self.point)
        row = QHBoxLayout()
        for label, w in ((translate("explore", "x:"), self.first),
                         (translate("explore", "y:"), self.second), ("", self.span)):
            if label:
                row.addWidget(QLabel(label))
            row.addWidget(w, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(row)
        lay.addWidget(self.plot)
        for w in (self.first, self.second):
            w.activated.connect(lambda i: self.redraw(full=True))
        self.span.valueChanged.connect(lambda v: self.redraw(full=True))
        self.land = None
        self._new_net = False  # a new network waits for the refine timer (below)
        self.full_cost = 0.0  # seconds the last full grid took
        self.refine = QTimer(self)
        self.refine.setSingleShot(True)
        self.refine.timeout.connect(lambda: self.redraw(full=True))
        doc.structure_changed.connect(self._on_structure_changed)
        self._on_structure_changed()

    def _on_structure_changed(self) -> None:
        """The parameters as the boxes' rows (``self.params[row]``; the second box starts
        with "—"), labelled in the current notation. By default the last two weights.
        (Filled with one ``addItems`` each: 1,100 ``addItem`` calls took 4 ms a 32-32 edit.)"""
        table = {text: p for p, text in self.doc.net.texts().items()}
        self.params = list(table.values())
        weights = [p for p in self.params if not p.is_bias]
        default = weights[-2:] or self.params[:2]
        for box, pick, head in ((self.first, default[0], []), (self.second, default[-1], ["—"])):
            box.clear()
            box.addItems(head + list(table))
            box.setCurrentIndex(len(head) + self.params.index(pick))
        # a new network's landscape (~50 ms on a 6x8 net) waits until the edit has shown:
        # no redraw before the refining one (the edit's own request would draw it at once)
        self._new_net = True
        self.refine.start(self.REFINE_MS)

    def chosen(self) -> list:
        """The chosen parameters (one or two)."""
        rows = (self.first.currentIndex(), self.second.currentIndex() - 1)
        return [self.params[k] for k in rows if 0 <= k < len(self.params)]

    def grid(self, full: bool) -> int:
        """Points a side: GRID, or fewer while the weights change if a full grid took more
        than FRAME seconds (its cost grows with the points)."""
        if full or self.full_cost <= self.FRAME:
            return GRID
        return max(12, int(GRID * np.sqrt(self.FRAME / self.full_cost)))

    def redraw(self, full: bool = False) -> None:
        if not self.on_screen():
            self._stale = True
            return  # heavy: only while someone looks at it
        if self._new_net and not full and self.refine.isActive():
            return  # a new network: drawn in full when the refine timer fires
        self._new_net = False
        n = self.grid(full)
        if n < GRID:
            self.refine.start(self.REFINE_MS)  # drawn in full once the weights settle
        started = time.perf_counter()
        doc = self.doc
        params = self.chosen()
        if len(params) == 2 and params[0] == params[1]:
            params = params[:1]
        if not params:
            return
        try:
            s = doc.settings
            X, Y, note = doc.X, doc.Y, ""
            if len(X) > MAX_SAMPLES:  # 60×60 networks over all of 100k samples took 12 s
                keep = np.linspace(0, len(X) - 1, MAX_SAMPLES).round().astype(int)
                X, Y = X[keep], Y[keep]
                note = translate("explore", " (on {0:,} of {1:,} samples)").format(MAX_SAMPLES, len(doc.X))
            self.land = land = landscape(doc.net, doc.inputs(X), Y, s["loss"], s["reduction"],
                                         params, self.span.value(), n)
            if n == GRID:
                self.full_cost = time.perf_counter() - started
        except ValueError as e:
            set_title(self.plot, message(e))
            return
        labels = doc.net.texts()
        cx = land.centre[0]
        gx = -np.asarray(land.gradient)
        if not np.isfinite(gx).all():  # (a diverged net): the loss without the arrow
            gx = np.zeros_like(gx)
        scale = self.span.value() * 0.5 / max(np.hypot(*gx) if len(gx) == 2 else abs(gx[0]), 1e-12)
        if len(params) == 1:
            self.image.setVisible(False)
            self.curve.setData(land.axes[0], land.loss)
            e0 = float(land.loss[len(land.loss) // 2])
            self.point.setData([cx], [e0])
            self.arrow.setData([cx, cx + gx[0] * scale], [e0, e0])
            self.path.setData([], [])
            set_label(self.plot, "bottom", labels[params[0]])
            set_label(self.plot, "left", "loss E")
            set_title(self.plot, translate("explore", "E along {0} (others held){1}")
                                 .format(labels[params[0]], note))
            self.plot.enableAutoRange()
            return
        cy = land.centre[1]
        self.curve.setData([], [])
        self.image.setVisible(True)
        e = land.loss
        finite = e[np.isfinite(e)]
        lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        # scaled to 0..1 in float64 first: losses past float32's range (a diverged net's
        # 1e300) would turn to inf in the cast
        span = hi - lo if hi > lo else 1.0
        self.image.setImage(((np.clip(np.nan_to_num(e, nan=hi), lo, hi) - lo) / span)
                            .astype(np.float32), levels=(0.0, 1.0), autoLevels=False)
        x0, x1, y0, y1 = land.axes[0][0], land.axes[0][-1], land.axes[1][0], land.axes[1][-1]
        dx, dy = (x1 - x0) / (n - 1), (y1 - y0) / (n - 1)
        self.image.setRect(x0 - dx / 2, y0 - dy / 2, x1 - x0 + dx, y1 - y0 + dy)
        self.point.setData([cx], [cy])
        self.arrow.setData([cx, cx + gx[0] * scale], [cy, cy + gx[1] * scale])
        h = doc.weight_history
        if len(h):
            values = np.asarray(h.values)
            idx = [doc.net.index(p) for p in params]
            self.path.setData(values[:, idx[0]], values[:, idx[1]])
        set_label(self.plot, "bottom", labels[params[0]])
        set_label(self.plot, "left", labels[params[1]])
        set_title(self.plot, translate("explore", "E over ({0}, {1}), others held; arrow: −∇E{2}")
                             .format(labels[params[0]], labels[params[1]], note))
        set_range(self.plot, (x0, x1), (y0, y1), 0)

    def showEvent(self, e) -> None:
        super().showEvent(e)
        self.redraw(full=True)


class MarkStrip(QWidget):
    """A thin strip under the timeline's slider: a red tick at each snapshot (a fraction
    of the way along) where a hidden neuron was saturated or dead (gui.plots.health)."""

    def __init__(self, slider: QSlider, parent=None) -> None:
        super().__init__(parent)
        self.slider = slider
        self.positions: list[float] = []
        self.setFixedHeight(6)
        self.setToolTip(translate("explore", "Red: points in training where a hidden neuron was "
                                             "saturated or dead (see Training health)"))

    def set_positions(self, positions: list[float]) -> None:
        if positions != self.positions:
            self.positions = positions
            self.update()

    def paintEvent(self, e) -> None:  # noqa: N802 - Qt's name
        if not self.positions:
            return
        p = QPainter(self)
        p.setPen(QPen(QColor(210, 40, 40), 2))
        handle = 10  # the slider's groove runs inside its handle's half-widths
        w = max(self.width() - 2 * handle, 1)
        for f in self.positions:
            x = handle + f * w
            p.drawLine(QPointF(x, 0), QPointF(x, self.height()))
        p.end()


class Timeline(QWidget):
    """A slider over the weight snapshots: drag it back to see the network (canvas, views,
    loss marker) as it was; "Replay from here" continues training from that point."""

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setToolTip(translate("explore", "Drag back through training; release at the right end "
                                                    "for now"))
        self.label = QLabel(translate("explore", "now"))
        # short: the timeline spans the canvas's width
        self.replay = QPushButton(translate("explore", "Replay"))
        self.replay.setToolTip(translate("explore", "Replay from here: make this point the present and "
                                                    "train on from it"))
        self.now = QPushButton(translate("explore", "Now"))
        self.now.setToolTip(translate("explore", "Back to the present"))
        self.slider.valueChanged.connect(self._moved)
        self.replay.clicked.connect(lambda: doc.replay_from(self.slider.value()))
        self.now.clicked.connect(self.back_to_now)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)  # one row, always
        self.slider.setMinimumWidth(120)
        self.marks = MarkStrip(self.slider)  # snapshots with saturated or dead neurons
        track = QVBoxLayout()
        track.setSpacing(0)
        track.setContentsMargins(0, 0, 0, 0)
        track.addWidget(self.slider)
        track.addWidget(self.marks)
        lay = QHBoxLayout(self)
        lay.addWidget(QLabel(translate("explore", "epoch")))
        lay.addLayout(track, 1)
        lay.addWidget(self.label)
        lay.addWidget(self.replay)
        lay.addWidget(self.now)
        self._updating = False
        doc.trained.connect(self._on_history)
        doc.structure_changed.connect(self._on_history)
        doc.preview_changed.connect(self._on_preview)
        self._on_history()

    def _on_history(self) -> None:
        if self.doc.preview_epoch >= 0:
            return
        self._updating = True
        n = len(self.doc.weight_history)
        self.slider.setRange(0, max(n - 1, 0))
        self.slider.setValue(max(n - 1, 0))
        self._updating = False
        self._on_preview(-1)

    def _moved(self, k: int) -> None:
        if self._updating:
            return
        if k >= len(self.doc.weight_history) - 1:
            self.doc.end_preview()
        else:
            self.doc.preview(k)

    def _on_preview(self, epoch: int) -> None:
        self.label.setText(translate("explore", "now") if epoch < 0 else f"{epoch}")
        self.replay.setEnabled(epoch >= 0)
        self.now.setEnabled(epoch >= 0)

    def back_to_now(self) -> None:
        self.doc.end_preview()
        self._on_history()


class Metrics(Throttled):
    """Accuracy and the confusion matrix (classification) or R² (regression), on the
    training and the test data, live (5 times a second while training)."""

    max_fps = 5

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(doc, parent)
        self.text = QLabel()
        self.text.setTextFormat(Qt.RichText)
        self.text.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.text.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.text)
        doc.structure_changed.connect(self.request)
        self.redraw()

    def redraw(self) -> None:
        doc, net = self.doc, self.doc.net
        sets = [(translate("explore", "train"), doc.X, doc.Y)]
        if doc.X_test is not None:
            sets.append((translate("explore", "test"), doc.X_test, doc.Y_test))
        parts = []
        with np.errstate(all="ignore"):
            for name, X, Y in sets:
                yhat = net.predict(doc.inputs(X))
                if doc.is_classification:
                    m = confusion(yhat, Y)
                    head = "".join(f"<th>→{j}</th>" for j in range(len(m)))
                    rows = "".join(f"<tr><th>{i}</th>" + "".join(f"<td align=right>{v}</td>"
                                                                  for v in r) + "</tr>"
                                   for i, r in enumerate(m))
                    # (the rows' heading in a line of its own above the table, which does
                    # not wrap: in the table's corner it made the table wider than the dock)
                    parts.append(translate("explore", "<b>{0}</b>: accuracy {1:.1%}<br>rows: the "
                                                      "true class, columns: the predicted<table "
                                                      "cellspacing=4><tr><th></th>{2}</tr>{3}</table>")
                                 .format(name, accuracy(yhat, Y), head, rows))
                else:
                    parts.append(f"<b>{name}</b>: R² = {r2(yhat, Y):.4f}")
        self.text.setText("<br>".join(parts))
