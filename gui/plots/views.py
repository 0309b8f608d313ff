"""Live pyqtgraph views. Items are created once and fed with setData/setImage;
heavy views redraw at most ``MAX_FPS`` times a second (the last state is
always drawn, by a single-shot timer)."""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from gui.document import Document

MAX_FPS = 30
CLASS_BRUSHES = [pg.mkBrush(230, 120, 40), pg.mkBrush(40, 110, 220), pg.mkBrush(60, 170, 80)]
GRID = 100


class Throttled(QWidget):
    """Calls ``redraw`` at most MAX_FPS times a second while the model changes."""

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.frames = 0
        self._last = 0.0
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.timeout.connect(self._draw)
        doc.weights_changed.connect(self.request)
        doc.structure_changed.connect(self.request)

    def request(self) -> None:
        wait = 1.0 / MAX_FPS - (time.perf_counter() - self._last)
        if wait <= 0:
            self._draw()
        elif not self._pending.isActive():
            self._pending.start(int(wait * 1000) + 1)

    def _draw(self) -> None:
        self._last = time.perf_counter()
        self.frames += 1
        self.redraw()

    def redraw(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class LossPlot(Throttled):
    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(doc, parent)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setLabel("bottom", "epoch")
        self.plot.setLabel("left", "loss E")
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.plot.showGrid(x=True, y=True, alpha=0.3)
        self.plot.setClipToView(True)
        self.plot.setDownsampling(mode="peak")
        self.curve = self.plot.plot([], [], pen=pg.mkPen(200, 40, 40, width=2), name="train",
                                    antialias=True)
        self.log = QCheckBox("log scale")
        self.log.setToolTip("Show the loss on a logarithmic axis")
        self.log.toggled.connect(lambda on: self.plot.setLogMode(y=on))
        self.readout = pg.TextItem("", color=(40, 40, 40), anchor=(1, 0))
        self.plot.addItem(self.readout, ignoreBounds=True)
        self.plot.scene().sigMouseMoved.connect(self._hover)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.plot)
        lay.addWidget(self.log)
        doc.trained.connect(self.request)
        self.redraw()

    def redraw(self) -> None:
        h = self.doc.trainer.history
        self.curve.setData(np.asarray(h.epochs, float), np.asarray(h.losses, float))

    def _hover(self, pos) -> None:
        h = self.doc.trainer.history
        if not len(h):
            return
        x = self.plot.getPlotItem().vb.mapSceneToView(pos).x()
        k = int(np.clip(np.searchsorted(h.epochs, x), 0, len(h) - 1))
        self.readout.setText(f"epoch {h.epochs[k]}: E = {h.losses[k]:.6g}")
        vr = self.plot.getPlotItem().vb.viewRange()
        self.readout.setPos(vr[0][1], vr[1][1])


def plane(X: np.ndarray, pad: float = 0.3) -> tuple[float, float, float, float]:
    lo, hi = X.min(axis=0) - pad, X.max(axis=0) + pad
    return float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1])


class DecisionPlot(Throttled):
    """The output over the input plane as a heatmap, its 0.5 boundary, and the data.
    For data that is not 2-D, predictions against targets."""

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(doc, parent)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setAspectLocked(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.ColorMap([0.0, 0.5, 1.0], [(250, 190, 140), (255, 255, 255),
                                                              (150, 185, 245)]))
        self.plot.addItem(self.image)
        self.iso = pg.IsocurveItem(level=0.5, pen=pg.mkPen("k", width=2))
        self.iso.setParentItem(self.image)
        self.points = pg.ScatterPlotItem(size=8, pen=pg.mkPen("k", width=0.5))
        self.plot.addItem(self.points)
        self.current = pg.ScatterPlotItem(size=18, pen=pg.mkPen(250, 170, 0, width=3),
                                          brush=pg.mkBrush(0, 0, 0, 0))
        self.plot.addItem(self.current)
        self.plot.setLabel("bottom", "x1")
        self.plot.setLabel("left", "x2")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.plot)
        doc.sample_changed.connect(lambda i: self.request())
        self.redraw()

    def redraw(self) -> None:
        doc, net = self.doc, self.doc.net
        X, Y = doc.X, doc.Y
        two_d = net.sizes[0] == 2 and len(X) > 1
        self.image.setVisible(two_d)
        if not two_d:  # predictions against targets
            yhat = net.predict(X)
            self.points.setData(Y.ravel(), yhat.ravel(), brush=CLASS_BRUSHES[1])
            self.plot.setLabel("bottom", "target y")
            self.plot.setLabel("left", "prediction ŷ")
            lo = float(min(Y.min(), yhat.min())) - 0.2
            hi = float(max(Y.max(), yhat.max())) + 0.2
            self.plot.setRange(xRange=(lo, hi), yRange=(lo, hi), padding=0)
            self.current.setData([], [])
            return
        self.plot.setLabel("bottom", "x1")
        self.plot.setLabel("left", "x2")
        x0, x1, y0, y1 = plane(X)
        gx, gy = np.linspace(x0, x1, GRID), np.linspace(y0, y1, GRID)
        pts = np.stack(np.meshgrid(gx, gy), axis=-1).reshape(-1, 2)
        out = net.predict(pts)
        value = out[:, 0] if out.shape[1] == 1 else out.argmax(1) / max(out.shape[1] - 1, 1)
        img = value.reshape(GRID, GRID).astype(np.float32)
        self.image.setImage(img, levels=(0.0, 1.0), autoLevels=False)
        self.image.setRect(x0, y0, x1 - x0, y1 - y0)
        self.iso.setData(img if out.shape[1] == 1 else None)
        cls = (Y[:, 0] >= 0.5).astype(int) if Y.shape[1] == 1 else Y.argmax(1)
        self.points.setData(X[:, 0], X[:, 1], brush=[CLASS_BRUSHES[c % 3] for c in cls])
        s = doc.sample
        self.current.setData([X[s, 0]] if s >= 0 else [], [X[s, 1]] if s >= 0 else [])
        self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)


class HiddenPlot(Throttled):
    """Every sample mapped to (z1, z2) of the first hidden layer, with the
    output neuron's line w·z + b = 0 when that layer feeds the output."""

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(doc, parent)
        self.plot = pg.PlotWidget(background="w")
        self.points = pg.ScatterPlotItem(size=8, pen=pg.mkPen("k", width=0.5))
        self.plot.addItem(self.points)
        self.line = self.plot.plot([], [], pen=pg.mkPen("k", width=2))
        self.current = pg.ScatterPlotItem(size=18, pen=pg.mkPen(250, 170, 0, width=3),
                                          brush=pg.mkBrush(0, 0, 0, 0))
        self.plot.addItem(self.current)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.plot)
        doc.sample_changed.connect(lambda i: self.request())
        self.redraw()

    def redraw(self) -> None:
        doc, net = self.doc, self.doc.net
        if net.n_layers < 2:
            self.points.setData([], [])
            self.line.setData([], [])
            self.plot.setTitle("no hidden layer")
            return
        names = net.neuron_names()[1]
        z = net.forward(doc.X).z[1]
        zx = z[:, 0]
        zy = z[:, 1] if z.shape[1] > 1 else np.zeros_like(zx)
        self.plot.setTitle(f"hidden space ({names[0]}, {names[1] if len(names) > 1 else '0'})")
        self.plot.setLabel("bottom", names[0])
        self.plot.setLabel("left", names[1] if len(names) > 1 else "")
        Y = doc.Y
        cls = (Y[:, 0] >= 0.5).astype(int) if Y.shape[1] == 1 else Y.argmax(1)
        self.points.setData(zx, zy, brush=[CLASS_BRUSHES[c % 3] for c in cls])
        s = doc.sample
        self.current.setData([zx[s]] if s >= 0 else [], [zy[s]] if s >= 0 else [])
        act = net.activations[0]
        lo, hi = {"sigmoid": (-0.1, 1.1), "tanh": (-1.1, 1.1)}.get(
            act, (float(min(zx.min(), zy.min())) - 0.5, float(max(zx.max(), zy.max())) + 0.5))
        self.plot.setRange(xRange=(lo, hi), yRange=(lo, hi), padding=0)
        if net.n_layers == 2 and net.sizes[1] == 2 and net.sizes[2] == 1:
            w1, w2 = net.weights[1][:, 0]
            b = net.biases[1][0]
            threshold = 0.0  # a = 0: yhat = 0.5 for a sigmoid output
            xs = np.array([lo, hi])
            if abs(w2) > 1e-12:
                self.line.setData(xs, (threshold - b - w1 * xs) / w2)
            elif abs(w1) > 1e-12:
                x = (threshold - b) / w1
                self.line.setData([x, x], [lo, hi])
        else:
            self.line.setData([], [])
