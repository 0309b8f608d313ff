"""Live pyqtgraph views. Items are created once and fed with setData/setImage;
heavy views redraw at most ``MAX_FPS`` times a second (the last state is
always drawn, by a single-shot timer)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from core.formula import num
from core.metrics import classes
from core.project import MAX_COORDINATE
from gui.checkbox import CheckBox
from gui.document import Document
from gui.flow import FlowLayout
from gui.i18n import translate
from gui.plots.contour import segments
from gui.plots.legend import Captions, CurveLegend, Readout, nearest
from gui.plots.multicurve import MultiCurve
from gui.plots.neuron_lines import NeuronLines
from gui.plots.steady import Grid, SteadyPlot, room_above, set_items, set_label, set_range, set_title
from gui.throttle import Throttle

MAX_FPS = 60
# orange, blue and Okabe & Ito's reddish purple: apart for the common colour-vision
# deficiencies too (the third was a green that protanopes could not tell from the orange:
# ΔE 13; now at least 30 for protanopia, deuteranopia and tritanopia; gui.colour_vision)
CLASS_COLOURS = [(230, 120, 40), (40, 110, 220), (204, 121, 167)]
CLASS_BRUSHES = [pg.mkBrush(*c) for c in CLASS_COLOURS]
GRID = 100
SLICE_STEPS = 200  # a held input's slider runs over the data's range in this many steps
CURVE_POINTS = 400  # points along x of the one-input view's curve


class Throttled(QWidget):
    """Calls ``redraw`` at most ``max_fps`` times a second while the model changes."""

    max_fps = MAX_FPS
    budget = 0.15  # the share of time one view's redraws may take (Throttle)

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.throttle = Throttle(self._draw, self.max_fps, self, self.budget,
                                 defer=lambda: doc.bursting)
        doc.weights_changed.connect(self.request)
        doc.burst_over.connect(self.throttle.flush)
        # structure_changed: each view rebuilds what it must, then calls request()

    def request(self) -> None:
        """Redraw soon, if the view is on screen; a view closed or behind a tab only notes
        that it is stale and redraws when it is shown (``reveal``). A redraw already on
        its way answers it (asking Qt whether the view shows, ~0.08 ms, a dozen times a
        frame while training streams in, was a tenth of a big net's frame)."""
        if self.throttle.pending:
            return
        if self.on_screen():
            self._stale = False
            self.throttle.request()
        else:
            self._stale = True

    def _on_sample(self, index: int) -> None:
        """The sample changed (views that show it connect this: a bound method, which Qt
        drops with the view, where a lambda would outlive it)."""
        self.request()

    def on_screen(self) -> bool:
        """Shown and not covered: a dock behind a tab is 'visible' to Qt, at an off-screen
        spot, with nothing of it showing."""
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Shown (as a window, a dock or a tab): draw once laid out, if anything changed
        while hidden. The view needs no window to tell it."""
        super().showEvent(event)
        QTimer.singleShot(0, self, self.reveal)

    def reveal(self) -> None:
        """The view came on screen (its dock was opened or its tab chosen)."""
        if getattr(self, "_stale", True):
            self.request()

    def _draw(self) -> None:
        """Redraw, then let pyqtgraph place what it places lazily (a view box's new range,
        the text items that follow it) now rather than inside the paint: changed in the
        paint, the scene asks for a second paint of the view straight after the first."""
        self.redraw()
        for view in self.findChildren(pg.GraphicsView):
            view.scene().prepareForPaint()

    @property
    def frames(self) -> int:
        """Redraws done through the throttle (the benchmark's frame count)."""
        return self.throttle.calls

    def redraw(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class Arrays:
    """A growing history's lists (core.training.History or Snapshots) as arrays, converted
    once: a redraw converts only the points appended since the last one. Anything else (a
    truncation, a thinning, a replaced last value: the history's ``edits``; lists replaced;
    another history) converts afresh. (20,000 loss points took ~1 ms a list a redraw.)"""

    def __init__(self, *names: str) -> None:
        self.names = names
        self.source: tuple = ()  # (history, edits, lists) the arrays were made from
        self.arrays: tuple = ()

    def of(self, h) -> tuple:
        lists = [getattr(h, name) for name in self.names]
        n = len(lists[0])
        kept = self.source and self.source[0] is h and self.source[1] == h.edits and \
            all(a is b for a, b in zip(self.source[2], lists)) and 0 < len(self.arrays[0]) <= n
        if not kept:
            self.arrays = tuple(np.asarray(items, float) for items in lists)
        elif n > len(self.arrays[0]):
            done = len(self.arrays[0])
            self.arrays = tuple(np.concatenate([a, np.asarray(items[done:], float)])
                                for a, items in zip(self.arrays, lists))
        self.source = (h, h.edits, lists)
        return self.arrays


class SteadyRange:
    """Axis ranges that grow in steps (x doubles, y widens by a margin) instead of
    auto-ranging every frame, so axes are not rebuilt while training streams in."""

    def __init__(self, plot) -> None:
        self.plot = plot
        plot.disableAutoRange()
        self.x = self.y = None

    def reset(self) -> None:
        self.x = self.y = None

    def fit(self, x_max: float, y_lo: float, y_hi: float) -> None:
        if not (np.isfinite(y_lo) and np.isfinite(y_hi)):
            return
        changed = False
        if self.x is None or x_max > self.x:
            self.x = max(10.0, 2.0 ** np.ceil(np.log2(max(x_max, 1.0) * 1.05)))
            changed = True
        if self.y is None or y_lo < self.y[0] or y_hi > self.y[1]:
            span = max(y_hi - y_lo, 0.05 * abs(y_hi), 1e-6)
            lo, hi = y_lo - 0.12 * span, y_hi + 0.12 * span
            self.y = (min(lo, self.y[0]) if self.y else lo, max(hi, self.y[1]) if self.y else hi)
            changed = True
        if changed:  # (a little left of 0: a dot at epoch 0 shows whole)
            set_range(self.plot, (-0.02 * self.x, self.x), self.y)


class LossPlot(Throttled):
    """E per epoch (training, and test when there is a test set), on a log axis if chosen."""

    max_fps = 30  # a curve over epochs: 30 redraws a second look continuous

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(doc, parent)
        self.plot = SteadyPlot()
        set_label(self.plot, "bottom", translate("views", "epoch"))
        set_label(self.plot, "left", translate("views", "loss E"))
        self.grid = Grid(self.plot)
        self.plot.setClipToView(True)
        self.plot.setDownsampling(auto=True, mode="peak")  # 20,000 points at screen resolution
        self.plot.addLegend(offset=(-10, 10), brush=pg.mkBrush(255, 255, 255, 210))  # (curves pass
        # under it: without a fill, a spike of the Iris loss ran through the legend's line)
        # (a dot in the curve's colour while it has one point: before the first epoch)
        self.curve = self.plot.plot([], [], pen=pg.mkPen(200, 40, 40, width=2),
                                    symbolBrush=(200, 40, 40), symbolPen="w",
                                    name=translate("views", "train"), antialias=False)
        self.test_curve = self.plot.plot([], [], pen=pg.mkPen(40, 90, 200, width=2,
                                                              style=Qt.DashLine),
                                         symbolBrush=(40, 90, 200), symbolPen="w",
                                         name=translate("views", "test"), antialias=False)
        room_above(self.plot)
        self.range = SteadyRange(self.plot)
        self.train_arrays, self.test_arrays = Arrays("epochs", "losses"), Arrays("epochs", "values")
        self.marker = pg.InfiniteLine(angle=90, pen=pg.mkPen(250, 150, 0, width=2))
        self.marker.setVisible(False)
        self.plot.addItem(self.marker, ignoreBounds=True)
        self.log = CheckBox(translate("views", "log scale"))
        self.log.setToolTip(translate("views", "Show the loss on a logarithmic axis"))
        self.log.toggled.connect(self._log)
        self.readout = pg.TextItem("", color=(40, 40, 40), anchor=(1, 0))
        self.plot.addItem(self.readout, ignoreBounds=True)
        self.plot.scene().sigMouseMoved.connect(self._hover)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.plot)
        lay.addWidget(self.log)
        doc.trained.connect(self.request)
        doc.structure_changed.connect(self._on_structure_changed)
        self._on_structure_changed()

    def apply_theme(self, high_contrast: bool) -> None:
        self.readout.setColor("w" if high_contrast else (40, 40, 40))
        self.grid.follow()  # its lines take the axes' new ink

    #: plots shorter than this many lines of text put the legend's entries side by side
    #: (one under the other they covered the curves and ran into the axis)
    SHORT_LINES = 9

    def resizeEvent(self, e) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(e)
        legend = self.plot.getPlotItem().legend
        short = self.plot.height() < self.SHORT_LINES * self.fontMetrics().height()
        legend.setColumnCount(2 if short else 1)

    def apply_scale(self, scale: float) -> None:
        room_above(self.plot)  # no title above it: a tick near the top was cut in half

    def _on_structure_changed(self) -> None:
        legend = self.plot.getPlotItem().legend
        listed = any(sample.item is self.test_curve for sample, _ in legend.items)
        if listed != (self.doc.X_test is not None):  # only when test data came or went
            legend.removeItem(self.test_curve)
            if self.doc.X_test is not None:
                legend.addItem(self.test_curve, "test")
        self.range.reset()
        self.request()

    def mark_epoch(self, epoch: int) -> None:
        """A vertical marker at the epoch the timeline shows (-1: none)."""
        self.marker.setVisible(epoch >= 0)
        if epoch >= 0:
            self.marker.setValue(epoch)

    def _log(self, on: bool) -> None:
        self.plot.setLogMode(y=on)
        self.range.reset()
        self.redraw()

    def redraw(self) -> None:
        h, t = self.doc.loss_history, self.doc.test_history
        x, y = self.train_arrays.of(h)
        if len(h):  # (after the first epoch one point, the loss that epoch began with: a dot)
            self.curve.setData(x, y, symbol="o" if len(y) == 1 and np.isfinite(y[0]) else None)
        else:  # before the first epoch: the loss at the initial weights (if finite)
            loss = self.doc.loss()
            x, y = (np.array([0.0]), np.array([loss])) if np.isfinite(loss) else \
                (np.zeros(0), np.zeros(0))
            self.curve.setData(x, y, symbol="o")
        tx, ty = self.test_arrays.of(t)
        # (one point has no line to draw: a dot, as the training loss has)
        self.test_curve.setData(tx, ty, symbol="o" if len(ty) == 1 and np.isfinite(ty[0]) else None)
        self.test_curve.setVisible(self.doc.X_test is not None)
        if self.doc.epoch == 0:
            self.range.reset()  # a new run
        ys = np.concatenate([y, ty]) if self.doc.X_test is not None and len(ty) else y
        ys = ys[np.isfinite(ys)]
        if self.log.isChecked():
            ys = np.log10(ys[ys > 0])
        if ys.size:
            self.range.fit(float(max(x.max(initial=0), tx.max(initial=0))), float(ys.min()),
                           float(ys.max()))

    def _hover(self, pos) -> None:
        h = self.doc.loss_history
        if not len(h):
            return
        x = self.plot.getPlotItem().vb.mapSceneToView(pos).x()
        k = int(np.clip(np.searchsorted(h.epochs, x), 0, len(h) - 1))
        self.readout.setText(translate("views", "epoch {0}: E = {1:.6g}").format(h.epochs[k], h.losses[k]))
        vr = self.plot.getPlotItem().vb.viewRange()
        self.readout.setPos(vr[0][1], vr[1][1])


TARGET_BINS = 12  # regression targets are coloured in this many steps


def sample_groups(doc: Document, Y: np.ndarray) -> tuple[np.ndarray, list]:
    """Each sample's colour group and the groups' brushes: its class for classification, a
    step of a blue-white-orange scale of the target for regression (white: the middle)."""
    if doc.is_classification:
        return classes(Y) % 3, CLASS_BRUSHES
    y = Y[:, 0]
    t = (y - y.min()) / (np.ptp(y) or 1.0)
    groups = np.minimum((t * TARGET_BINS).astype(int), TARGET_BINS - 1)
    cmap = pg.ColorMap([0.0, 0.5, 1.0], [(40, 110, 220), (245, 245, 245), (230, 120, 40)])
    steps = (np.arange(TARGET_BINS) + 0.5) / TARGET_BINS
    return groups, [pg.mkBrush(c) for c in cmap.map(steps, mode="qcolor")]


MAX_POINTS = 5_000  # a scatter of more samples shows an evenly spread subset


def spread(n: int, limit: int = MAX_POINTS) -> np.ndarray | slice:
    """Indices of at most ``limit`` of n samples, evenly spread (all of them when n is small)."""
    return slice(None) if n <= limit else np.linspace(0, n - 1, limit).round().astype(int)


def shown_note(n: int) -> str:
    """A title's note when a scatter shows a subset."""
    if n <= MAX_POINTS:
        return ""
    return translate("views", " — {0:,} of {1:,} samples shown").format(MAX_POINTS, n)


class GroupedScatter:
    """Points coloured by group, one ScatterPlotItem per colour: a brush per point (a
    hundred thousand QBrush objects) cost 0.4 s each time the points moved; a brush per
    item costs nothing. Items are made once and reused; at most MAX_POINTS are drawn
    (pyqtgraph styles each point in Python: 100k points cost 0.3 s a frame)."""

    def __init__(self, plot: pg.PlotWidget, **style) -> None:
        self.plot, self.style, self.items = plot, style, []

    def set(self, x: np.ndarray, y: np.ndarray, groups: np.ndarray, brushes: list,
            alpha: np.ndarray | None = None) -> None:
        """Points (x, y) in their groups' colours; ``alpha`` (0..1 per point) fades some
        (a slice of data with more than two inputs: points far from the slice)."""
        keep = np.arange(len(x))[spread(len(x))]
        keep = keep[np.isfinite(x[keep]) & np.isfinite(y[keep])]  # (a diverged net's nan)
        # (and within ±1e300: pyqtgraph's bounds of points ±1e308 apart overflowed)
        x, y, groups = np.clip(x[keep], -1e300, 1e300), np.clip(y[keep], -1e300, 1e300), groups[keep]
        if alpha is not None:
            alpha = alpha[keep]
        while len(self.items) < len(brushes):
            item = pg.ScatterPlotItem(**self.style)
            item.setZValue(1)  # under the test points, lines and the current sample's ring
            self.plot.addItem(item)
            self.items.append(item)
        for g, item in enumerate(self.items):
            mine = groups == g if g < len(brushes) else np.zeros(len(x), bool)
            brush = brushes[g] if g < len(brushes) else None
            if alpha is not None and brush is not None:
                c = brush.color()
                brush = [pg.mkBrush(c.red(), c.green(), c.blue(), int(255 * a)) for a in alpha[mine]]
            item.setData(x[mine], y[mine], brush=brush)

    def clear(self) -> None:
        for item in self.items:
            item.setData([], [])


def pixel_rect(x0: float, x1: float, y0: float, y1: float, n: int = GRID) -> tuple:
    """Image rectangle whose pixel centres sit on the n sample points from x0 to x1."""
    dx, dy = (x1 - x0) / (n - 1), (y1 - y0) / (n - 1)
    return (x0 - dx / 2, y0 - dy / 2, x1 - x0 + dx, y1 - y0 + dy)


#: the farthest the data's plane reaches: data near the float limit (an input of 1e308 in a
#: file) gave a plane whose width, and every grid step across it, overflowed
PLANE_LIMIT = 1e150


def plane(X: np.ndarray, pad: float = 0.3) -> tuple[float, float, float, float]:
    """The data's extent over its first two columns, padded (x0, x1, y0, y1)."""
    lo = np.clip(X.min(axis=0) - pad, -PLANE_LIMIT, PLANE_LIMIT)
    hi = np.clip(X.max(axis=0) + pad, -PLANE_LIMIT, PLANE_LIMIT)
    return float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1])


def _clip(q: np.ndarray, d: np.ndarray, rect: tuple, inset: float) -> tuple[float, float] | None:
    """The range of t for which q + t d lies in ``rect`` (x0, x1, y0, y1) shrunk by
    ``inset`` of its size on each side; None if the line misses it."""
    x0, x1, y0, y1 = rect
    mx, my = inset * (x1 - x0), inset * (y1 - y0)
    lo, hi = -np.inf, np.inf
    for qi, di, a, b in ((q[0], d[0], x0 + mx, x1 - mx), (q[1], d[1], y0 + my, y1 - my)):
        if abs(di) < 1e-12:
            if not a <= qi <= b:
                return None
            continue
        with np.errstate(over="ignore"):  # a line far off the plane (a huge bias)
            t1, t2 = sorted(((a - qi) / di, (b - qi) / di))
        lo, hi = max(lo, t1), min(hi, t2)
    return (float(lo), float(hi)) if lo < hi and np.isfinite([lo, hi]).all() else None


class DecisionPlot(Throttled):
    """The output over the input plane as a heatmap, its 0.5 boundary, and the data.
    For data that is not 2-D, predictions against targets. A left click on the map is
    reported as ``clicked(x1, x2)`` (the window adds a point), a right click as
    ``menu_requested(x1, x2, global_pos)`` (the window offers a menu: add or remove a
    point); pyqtgraph's own menu is off."""

    clicked = Signal(float, float)
    probed = Signal(float, float)  # Ctrl+click: probe the network there
    menu_requested = Signal(float, float, QPoint)
    budget = 0.35  # the main picture: it may take a larger share than the other views

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(doc, parent)
        self.plot = SteadyPlot()
        self.plot.scene().sigMouseClicked.connect(self._on_click)
        self.plot.getPlotItem().setMenuEnabled(False)  # our menu instead of pyqtgraph's
        self.lines_box = CheckBox(translate("views", "neuron lines"))
        self.lines_box.setToolTip(translate("views", "Each first-layer hidden neuron's line w·x + b = 0 "
                                                     "(arrow: positive side); drag a line or its handles "
                                                     "to set the weights"))
        self.lines_box.setChecked(True)
        self.lines_box.toggled.connect(lambda on: self._on_structure_changed())
        self.lines = NeuronLines()  # every first-layer hidden neuron's line
        self.lines.started.connect(self._drag_started)
        self.lines.moved.connect(self._dragged)
        self.lines.finished.connect(self._drag_finished)
        self._points_key = None
        self._dragging, self._drag_count = None, 0
        self.plot.setAspectLocked(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.ColorMap([0.0, 0.5, 1.0], [(250, 190, 140), (255, 255, 255),
                                                              (150, 185, 245)]))
        self.plot.addItem(self.image)
        self.classes_image = pg.ImageItem(axisOrder="row-major")  # RGB, several outputs
        self.plot.addItem(self.classes_image)
        self.surface = pg.ImageItem(axisOrder="row-major")  # regression: ŷ, blue low, orange high
        self.surface.setColorMap(pg.ColorMap([0.0, 0.5, 1.0], [(110, 160, 240), (255, 255, 255),
                                                                (245, 165, 100)]))
        self.surface.setVisible(False)
        self.plot.addItem(self.surface)
        self.boundary = pg.PlotDataItem([], [], connect="pairs", pen=pg.mkPen("k", width=2))
        self.plot.addItem(self.boundary)
        self.diagonal = pg.PlotDataItem([], [], pen=pg.mkPen(120, 120, 120, width=1,
                                                             style=Qt.DashLine))
        self.plot.addItem(self.diagonal)  # ŷ = y, in the predictions-against-targets view
        self.points = GroupedScatter(self.plot, size=8, pen=pg.mkPen("k", width=0.5))
        self.scatter = pg.ScatterPlotItem(size=8, pen=pg.mkPen("k", width=0.5))  # ŷ against y
        self.plot.addItem(self.scatter)
        self.test_points = pg.ScatterPlotItem(size=8, symbol="t", brush=pg.mkBrush(0, 0, 0, 0))
        self.test_points.setZValue(2)
        self.plot.addItem(self.test_points)
        self.current = pg.ScatterPlotItem(size=18, pen=pg.mkPen(250, 170, 0, width=3),
                                          brush=pg.mkBrush(0, 0, 0, 0))
        self.current.setZValue(10)
        self.plot.addItem(self.current)
        self.probe_mark = pg.ScatterPlotItem(size=20, symbol="star", pen=pg.mkPen("k", width=1.5),
                                             brush=pg.mkBrush(255, 230, 0))
        self.probe_mark.setZValue(11)
        self.plot.addItem(self.probe_mark)
        self.plot.addItem(self.lines)
        # the data's range, drawn when the map shows another (zoomed out, say)
        self.frame = pg.PlotDataItem([], [], pen=pg.mkPen(60, 60, 60, width=1, style=Qt.DashLine))
        self.frame.setZValue(3)
        self.plot.addItem(self.frame)
        set_label(self.plot, "bottom", "x1")
        set_label(self.plot, "left", "x2")
        # wheel zooms and dragging the background pans; the map follows (within the bounds
        # a project may save: core.project.check_map_range)
        plot_item = self.plot.getPlotItem()
        plot_item.hideButtons()  # pyqtgraph's auto-range button: "Fit to data" instead
        plot_item.vb.setLimits(xMin=-MAX_COORDINATE, xMax=MAX_COORDINATE, yMin=-MAX_COORDINATE,
                               yMax=MAX_COORDINATE, minXRange=0.01, minYRange=0.01)
        plot_item.vb.sigRangeChangedManually.connect(self._moved_by_user)
        self.fit_button = QPushButton(translate("views", "Fit to data"))
        self.fit_button.setToolTip(translate("views", "Show the map over the data's range again "
                                                      "(wheel zooms the map, dragging it pans)"))
        self.fit_button.clicked.connect(lambda: doc.set_map_range(None))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.plot)
        # one input: y-hat(x) as a curve; the last hidden layer's parts w_j·h_j(x) on demand
        self.curve = pg.PlotDataItem([], [], pen=pg.mkPen(20, 20, 20, width=3))
        self.curve.setZValue(4)
        self.plot.addItem(self.curve)
        self.parts = pg.PlotDataItem([], [], connect="finite",
                                     pen=pg.mkPen(120, 60, 160, 170, width=1.5))
        self.parts.setZValue(3)
        self.plot.addItem(self.parts)
        self.parts_box = CheckBox(translate("views", "hidden parts"))
        self.parts_box.setToolTip(translate("views", "Each last-hidden-layer neuron's part w·h(x) of the "
                                                     "output's weighted sum (they and the bias add up to "
                                                     "it: ŷ itself for a linear output)"))
        self.parts_box.toggled.connect(lambda on: self.request())
        self.versus_box = CheckBox(translate("views", "ŷ against y"))
        self.versus_box.setToolTip(translate("views", "Show predictions against targets instead of the "
                                                      "curve"))
        self.versus_box.toggled.connect(lambda on: self.request())
        # more than two inputs: the map is a slice over two chosen inputs, the others held
        # at values set with sliders (their means at first); points fade with distance
        self.axis_x, self.axis_y = QComboBox(), QComboBox()
        self.axis_x.setToolTip(translate("views", "The input on the map's horizontal axis"))
        self.axis_y.setToolTip(translate("views", "The input on the map's vertical axis"))
        for box in (self.axis_x, self.axis_y):
            box.activated.connect(lambda i: self._axes_chosen())
        self.slice_box = QWidget()
        slice_lay = QGridLayout(self.slice_box)
        slice_lay.setContentsMargins(0, 0, 0, 0)
        slice_lay.addWidget(QLabel(translate("views", "axes:")), 0, 0)
        slice_lay.addWidget(self.axis_x, 0, 1)
        slice_lay.addWidget(self.axis_y, 0, 2, 1, 2)
        for col in (1, 3):  # the sliders' columns take the width
            slice_lay.setColumnStretch(col, 1)
        self.slice_grid = slice_lay
        self.sliders: list[tuple[QSlider, QLabel]] = []  # (the axes and held values are
        self._slice_for = None  # the document's: map_slice); the data they were made for
        self.slice_box.setVisible(False)
        # under the map: the slice's controls, its options and Fit, flowing onto more rows
        # where the dock is narrow (in one row at 250 % the sine lesson's options took
        # 610 px, Iris's slice and Fit 490, and the left column was squeezed: 126 px, its
        # title broken inside words, its panels scrolling sideways)
        options = FlowLayout()
        for w in (self.slice_box, self.lines_box, self.parts_box, self.versus_box, self.fit_button):
            options.addWidget(w)
        lay.addLayout(options)
        doc.sample_changed.connect(self._on_sample)
        doc.map_range_changed.connect(self.request)
        doc.map_slice_changed.connect(self._show_slice)
        doc.probe_changed.connect(self._show_probe)
        doc.structure_changed.connect(self._on_structure_changed)
        self._on_structure_changed()

    def apply_scale(self, scale: float) -> None:
        """The neuron lines' handles, arrowheads and pens at the window's scale."""
        self.lines.set_size(scale)

    # --- neuron lines ------------------------------------------------------------------
    def _on_structure_changed(self) -> None:
        """A draggable line per first-layer neuron (gui.plots.neuron_lines: one item draws
        them all), shown when the box is ticked and the inputs are the plane's."""
        net = self.doc.net
        want = net.sizes[1] if (self.lines_box.isChecked() and self.doc.plane_inputs
                                and net.n_layers >= 2) else 0
        self._placed_lines = {}  # j -> where line j was last put (skip it if unchanged)
        if want != len(self.lines.colours):
            self.lines.set_colours([pg.intColor(j, max(want, 3), alpha=230) for j in range(want)])
        self.request()

    def curve_range(self) -> tuple[float, float, float, float]:
        """What the curve view shows: the project's range, or the data's (x with a 10 %
        margin, the targets with 25 %: steady while training moves the curve; zoom out to
        follow it further)."""
        if self.doc.map_range is not None:
            return self.doc.map_range
        return self._data_box(margin_y=0.25)

    def _data_box(self, margin_y: float = 0.0) -> tuple[float, float, float, float]:
        """The data's x range (10 % margin) and its targets' range (``margin_y``)."""
        x, y = self.doc.X[:, 0], self.doc.Y[:, 0]
        dx = 0.1 * max(float(np.ptp(x)), 1e-6)
        dy = margin_y * max(float(np.ptp(y)), 1e-6)
        return float(x.min()) - dx, float(x.max()) + dx, float(y.min()) - dy, float(y.max()) + dy

    def _draw_curve(self) -> None:
        """y-hat(x) over the visible x range (400 points) with the data, and each hidden part."""
        doc, net = self.doc, self.doc.net
        X, Y = doc.X, doc.Y
        self.scatter.setData([], [])
        self.diagonal.setData([], [])
        self.boundary.setData([], [])
        self.lines.setVisible(False)
        set_label(self.plot, "bottom", "x")
        set_label(self.plot, "left", "ŷ, y")
        set_title(self.plot, translate("views", "ŷ(x) over the data{0}").format(shown_note(len(X))))
        x0, x1, y0, y1 = self.curve_range()
        self._show_frame(self._data_box(margin_y=0.0) if doc.map_range is not None else None)
        xs = np.linspace(x0, x1, CURVE_POINTS)
        pass_ = net.forward(doc.inputs(xs[:, None]))
        self.curve.setData(xs, pass_.output[:, 0])
        if self.parts_box.isChecked() and net.n_layers >= 2:
            h = pass_.z[-2]  # the last hidden layer's outputs (points, H)
            parts = h * net.weights[-1][:, 0]  # w_j·h_j(x), (points, H)
            H = parts.shape[1]
            px = np.empty((H, len(xs) + 1))
            px[:, :-1], px[:, -1] = xs, np.nan
            py = np.empty_like(px)
            py[:, :-1], py[:, -1] = parts.T, np.nan
            self.parts.setData(px.ravel(), py.ravel(), connect="finite")
        else:
            self.parts.setData([], [])
        key = ("curve", id(X), id(Y), id(doc.X_test), X.shape)
        if key != self._points_key:  # the data changes rarely; training does not move it
            self._points_key = key
            self.points.set(X[:, 0], Y[:, 0], *sample_groups(doc, Y))
            if doc.X_test is not None:
                keep = spread(len(doc.X_test))
                self.test_points.setData(doc.X_test[keep, 0], doc.Y_test[keep, 0],
                                         pen=pg.mkPen(40, 40, 40, width=1.5))
            else:
                self.test_points.setData([], [])
        s = doc.sample
        self.current.setData([X[s, 0]] if s >= 0 else [], [Y[s, 0]] if s >= 0 else [])
        set_range(self.plot, (x0, x1), (y0, y1), 0)

    def _show_frame(self, box: tuple | None) -> None:
        """The data's range (x0, x1, y0, y1) as a dashed frame while the view is zoomed
        (None: not zoomed, no frame, nothing to fit); told to pyqtgraph only when it changes."""
        if box == getattr(self, "_frame_box", ()):
            return
        self._frame_box = box
        self.fit_button.setEnabled(box is not None)
        if box is None:
            self.frame.setData([], [])
        else:
            a0, a1, b0, b1 = box
            self.frame.setData([a0, a1, a1, a0, a0], [b0, b0, b1, b1, b0])

    def _show_probe(self) -> None:
        probe = self.doc.probe if self.on_plane and not self.shows_curve else None
        a, b = self.dims()
        self.probe_mark.setData([probe[a]] if probe else [], [probe[b]] if probe else [])

    def _moved_by_user(self, *args) -> None:
        """Wheel or drag moved the map: it is drawn again over what is now visible."""
        if self.on_plane:
            (x0, x1), (y0, y1) = self.plot.getPlotItem().vb.viewRange()
            self.doc.set_map_range([x0, x1, y0, y1])

    def map_range(self) -> tuple[float, float, float, float]:
        """The input plane the map covers: the project's range, or the data's (over the
        two inputs on the axes)."""
        return self.doc.map_range or plane(self.doc.X[:, list(self.dims())])

    def dims(self) -> tuple[int, int]:
        """The inputs on the map's axes (x1, x2 for two-input data)."""
        s = self.doc.map_slice()
        return (0, 1) if s is None else s[0]

    @property
    def slice_values(self) -> np.ndarray | None:
        """The values the inputs are held at (d,), for data of more than two inputs."""
        s = self.doc.map_slice()
        return None if s is None else s[1]

    def point_at(self, x: float, y: float) -> np.ndarray:
        """The data point at map position (x, y): the held values, with the axes' inputs."""
        d = self.doc.X.shape[1]
        point = np.zeros(d) if self.slice_values is None or d <= 2 else self.slice_values.copy()
        a, b = self.dims()
        point[a], point[b] = x, y
        return point

    def _setup_slice(self) -> None:
        """Axis boxes and a slider for each input, made again when the data changes."""
        X = self.doc.X
        key = (id(X), X.shape)
        if key == self._slice_for:
            return
        self._slice_for = key
        d = X.shape[1]
        for slider, label in self.sliders:
            slider.deleteLater()
            label.deleteLater()
        self.sliders = []
        self.slice_box.setVisible(d > 2 and self.doc.features.d == d)
        if d <= 2:
            return
        for box in (self.axis_x, self.axis_y):
            box.clear()
            box.addItems([f"x{k + 1}" for k in range(d)])
        lo = np.clip(X.min(axis=0), -PLANE_LIMIT, PLANE_LIMIT)  # (as the plane: no overflow)
        self._slider_lo, self._slider_span = lo, np.clip(X.max(axis=0), -PLANE_LIMIT, PLANE_LIMIT) - lo
        self._slider_span[self._slider_span == 0] = 1.0
        for k in range(d):
            slider = QSlider(Qt.Horizontal)
            slider.setRange(0, SLICE_STEPS)
            slider.setToolTip(translate("views", "Hold x{0} at this value in the map's slice").format(k + 1))
            label = QLabel()
            slider.valueChanged.connect(lambda v, k=k: self._slider_moved(k, v))
            self.sliders.append((slider, label))
        self._show_slice()

    def _show_slice(self) -> None:
        """The axis boxes and sliders show the document's slice (a project's saved one, the
        defaults, or the user's last move), and the map is drawn again."""
        s = self.doc.map_slice()
        if s is None or len(self.sliders) != len(s[1]):
            return  # (the controls follow when the new data's map is drawn)
        (a, b), held = s
        self.axis_x.setCurrentIndex(a)
        self.axis_y.setCurrentIndex(b)
        steps = np.rint((held - self._slider_lo) / self._slider_span * SLICE_STEPS)
        for (slider, _), step in zip(self.sliders, steps, strict=True):
            if slider.isSliderDown():
                continue  # (the user's own drag: its position is the value)
            slider.blockSignals(True)  # (a held value off the data's range: the end)
            slider.setValue(int(np.clip(step, 0, SLICE_STEPS)))
            slider.blockSignals(False)
        self._label_sliders()
        self._points_key = None
        self.request()

    def _sliders_per_row(self) -> int:
        """Two held inputs' sliders to a row where the view is wide enough for two labels
        and two usable sliders at its font size (at 250 % a narrow dock gets one)."""
        fm = self.fontMetrics()
        need = 2 * (fm.horizontalAdvance("x9 = -0.000") + fm.horizontalAdvance("M" * 6)) + 40
        return 2 if self.width() >= need else 1

    def resizeEvent(self, e) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(e)
        if self.sliders and self._sliders_per_row() != getattr(self, "_per_row", 0):
            self._label_sliders()

    def _slider_moved(self, k: int, step: int) -> None:
        """Slider k moved to ``step``: input k is held there (over the data's range)."""
        axes, held = self.doc.map_slice()
        held[k] = self._slider_lo[k] + self._slider_span[k] * step / SLICE_STEPS
        self.doc.set_map_slice(axes, held)

    def _label_sliders(self) -> None:
        """The held inputs' sliders, two to a row under the axes' boxes (a short dock keeps
        its room for the map), each labelled with its value. Not while the sliders are the
        last data's (a resize between a new project and its first redraw: the new one may
        have no slice)."""
        values = self.slice_values
        if values is None or len(values) != len(self.sliders):
            return  # (_setup_slice makes the new data's sliders when the map is drawn)
        a, b = self.dims()
        per_row = self._sliders_per_row()
        self._per_row = per_row
        n = 0
        for k, (slider, label) in enumerate(self.sliders):
            held = k not in (a, b)
            for w in (slider, label):
                self.slice_grid.removeWidget(w)
            label.setText(f"x{k + 1} = {num(float(values[k]), 3)}")
            if held:
                row, col = 1 + n // per_row, 2 * (n % per_row)
                self.slice_grid.addWidget(label, row, col)
                self.slice_grid.addWidget(slider, row, col + 1, 1, 1 if per_row == 2 else 3)
                n += 1
            for w in (slider, label):  # after adding (a layout shows what it adds later)
                w.setVisible(held)

    def _axes_chosen(self) -> None:
        a, b = self.axis_x.currentIndex(), self.axis_y.currentIndex()
        if a == b:  # two different inputs
            b = 1 if a == 0 else 0
        self.doc.set_map_range(None)  # a new pair of axes: their data's range
        self.doc.set_map_slice((a, b), self.doc.map_slice()[1])
        self._show_slice()  # (the boxes show the pair taken, where it was the old one)

    def fade(self, X: np.ndarray) -> np.ndarray | None:
        """Each point's opacity by its distance from the slice in the held inputs (in the
        data's standard deviations): 1 on the slice, down to 0.12 far from it."""
        if self.slice_values is None or X.shape[1] <= 2:
            return None
        a, b = self.dims()
        held = [k for k in range(X.shape[1]) if k not in (a, b)]
        with np.errstate(all="ignore"):  # data near the float limit: its spread overflows
            sd = self.doc.X[:, held].std(axis=0)
            z = (X[:, held] - self.slice_values[held]) / np.where(sd > 0, sd, 1.0)
            alpha = 0.12 + 0.88 * np.exp(-0.5 * (z * z).sum(axis=1))
        return np.where(np.isfinite(alpha), alpha, 1.0)  # (no distance to go by: shown whole)

    def line_points(self, j: int) -> tuple[np.ndarray, np.ndarray]:
        """The two end points of neuron j's line, in input-plane coordinates."""
        return self.lines.line_points(j)

    def _drag_started(self, j: int) -> None:
        self._dragging = j
        self._drag_count += 1

    def _dragged(self, j: int, p1, p2) -> None:
        if self._dragging == j:
            self.doc.move_neuron_line(j, p1, p2, drag=self._drag_count)

    def _drag_finished(self, j: int) -> None:
        self._dragging = None
        self.request()

    def _place_lines(self, x0: float, x1: float, y0: float, y1: float) -> None:
        """Put each line across the visible plane (the one being dragged stays where the
        pointer put it; its arrow follows)."""
        net, lines = self.doc.net, self.lines
        c = np.array([(x0 + x1) / 2, (y0 + y1) / 2])
        reach = 0.35 * np.hypot(x1 - x0, y1 - y0)
        changed = False
        for j in range(len(lines.colours)):
            w = net.weights[0][:, j]
            b = net.biases[0][j] if net.use_bias[0] else 0.0
            norm = float(np.hypot(w[0], w[1]))  # (w @ w overflowed for a weight of 1e200)
            steps = None
            if norm > 1e-9 and np.isfinite(norm):
                normal = w / norm
                d = np.array([-normal[1], normal[0]])  # along the line
                with np.errstate(over="ignore", invalid="ignore"):  # (a huge bias)
                    q = c - (normal @ c + b / norm) * normal  # its point nearest the centre
                    steps = np.round(np.concatenate([q, d]) / (0.002 * reach))
            # no line, or far off the plane (steps past int64 once cast: 'invalid value')
            if steps is None or not (np.abs(steps) < 1e15).all():
                changed |= lines.ends[j] is not None
                lines.hide_line(j)
                self._placed_lines.pop(j, None)
                continue
            key = (tuple(steps.astype(int)), reach,
                   j == self._dragging)  # redrawn when it moves by a visible amount (0.2 %)
            if self._placed_lines.get(j) == key:
                continue
            self._placed_lines[j] = key
            if j == self._dragging and lines.ends[j] is not None:
                p1, p2 = lines.ends[j]  # where the pointer put them (the line runs through)
            else:  # end to end across the map, the handles a little inside its edges
                inside = _clip(q, d, (x0, x1, y0, y1), 0.04)
                t1, t2 = inside if inside is not None else (-reach, reach)
                p1, p2 = q + t1 * d, q + t2 * d
            lines.set_line(j, p1, p2, q + 0.06 * reach * normal, normal)
            changed = True
        if changed:
            lines.update_lines()

    def _on_click(self, ev) -> None:
        if not (self.image.isVisible() or self.classes_image.isVisible() or self.surface.isVisible()):
            return  # predictions-against-targets or the curve: nothing to place
        vb = self.plot.getPlotItem().vb
        if not vb.sceneBoundingRect().contains(ev.scenePos()):
            return
        p = vb.mapSceneToView(ev.scenePos())
        if ev.button() == Qt.RightButton:
            self.menu_requested.emit(float(p.x()), float(p.y()), ev.screenPos().toPoint())
        elif ev.button() == Qt.LeftButton and ev.modifiers() & Qt.ControlModifier:
            self.probed.emit(float(p.x()), float(p.y()))  # a probe, not a new point
        elif ev.button() == Qt.LeftButton:
            self.clicked.emit(float(p.x()), float(p.y()))
        ev.accept()

    @property
    def shows_regions(self) -> bool:
        """Regions over the input plane (2 inputs, classes), or else predictions
        against targets."""
        doc = self.doc
        return doc.features.d >= 2 and len(doc.X) > 1 and doc.is_classification

    @property
    def shows_surface(self) -> bool:
        """The output over the input plane as a map (2 inputs, one real-valued output:
        regression, such as the plane and Gaussian-bumps sets)."""
        doc = self.doc
        return doc.features.d >= 2 and len(doc.X) > 1 and not doc.is_classification \
            and doc.net.sizes[-1] == 1

    @property
    def shows_curve(self) -> bool:
        """One input, one output: y-hat(x) as a curve over the data (unless the user asked
        for predictions against targets)."""
        doc = self.doc
        return doc.features.d == 1 and len(doc.X) > 1 and doc.net.sizes[-1] == 1 \
            and not self.versus_box.isChecked()

    @property
    def on_plane(self) -> bool:
        """A picture over the inputs (regions, surface or curve) that zooms and pans, not
        predictions against targets."""
        return self.shows_regions or self.shows_surface or self.shows_curve

    @property
    def title(self) -> str:
        if self.shows_regions:
            return translate("views", "Decision regions")
        if self.shows_surface:
            return translate("views", "Output map")
        if self.shows_curve:
            return translate("views", "Output curve")
        return translate("views", "Predictions")

    def redraw(self) -> None:
        doc, net = self.doc, self.doc.net
        X, Y = doc.X, doc.Y
        one_d = self.shows_curve
        two_d, surface = self.on_plane and not one_d, self.shows_surface
        self.image.setVisible(two_d and not surface and net.sizes[-1] == 1)
        self.classes_image.setVisible(two_d and not surface and net.sizes[-1] > 1)
        self.surface.setVisible(surface)
        one_input = doc.features.d == 1 and net.sizes[-1] == 1
        self.parts_box.setVisible(one_input)
        self.versus_box.setVisible(one_input)
        # lines are for the plane's own inputs, drawn on its map (with one sample, as the
        # hand note's, the view is predictions against targets: the box did nothing there)
        self.lines_box.setVisible(doc.plane_inputs and two_d)
        self.parts_box.setEnabled(one_d and net.n_layers >= 2)
        if not one_d:
            self.curve.setData([], [])
            self.parts.setData([], [])
        if one_d:
            self._draw_curve()
            return
        if not two_d:  # predictions against targets, one colour per output
            self._points_key = None
            yhat = net.predict(doc.inputs(X))
            k = yhat.shape[1]
            self.points.clear()
            keep = spread(len(Y))
            targets, guesses = Y[keep].ravel(), yhat[keep].ravel()
            ok = np.isfinite(guesses)  # (a diverged net's nan: not drawn)
            brushes = [CLASS_BRUSHES[j % 3] for _ in range(len(Y[keep])) for j in range(k)]
            self.scatter.setData(targets[ok], guesses[ok],
                                 brush=[b for b, good in zip(brushes, ok) if good])
            set_label(self.plot, "bottom", translate("views", "target y"))
            set_label(self.plot, "left", translate("views", "prediction ŷ"))
            set_title(self.plot, translate("views", "predictions against targets{0}")
                                 .format(shown_note(len(Y))))
            finite = yhat[np.isfinite(yhat)]
            lo = float(min(Y.min(), finite.min() if finite.size else Y.min())) - 0.2
            hi = float(max(Y.max(), finite.max() if finite.size else Y.max())) + 0.2
            set_range(self.plot, (lo, hi), (lo, hi), 0)
            self.diagonal.setData([lo, hi], [lo, hi])
            self.current.setData([], [])
            self.test_points.setData([], [])
            self.boundary.setData([], [])
            self.lines.setVisible(False)
            self._show_frame(None)
            return
        self._setup_slice()
        a_dim, b_dim = self.dims()
        set_label(self.plot, "bottom", f"x{a_dim + 1}")
        set_label(self.plot, "left", f"x{b_dim + 1}")
        if surface:
            set_title(self.plot, translate("views", "ŷ: blue low, orange high{0}")
                      .format(shown_note(len(X))))
        else:
            set_title(self.plot, shown_note(len(X)) or None)
        self.diagonal.setData([], [])
        x0, x1, y0, y1 = self.map_range()
        self._show_frame(plane(X[:, [a_dim, b_dim]]) if doc.map_range is not None else None)
        gx, gy = np.linspace(x0, x1, GRID), np.linspace(y0, y1, GRID)
        grid = np.stack(np.meshgrid(gx, gy), axis=-1).reshape(-1, 2)
        pts = grid
        if X.shape[1] > 2:  # a slice: the held inputs at their values, the axes' from the grid
            pts = np.tile(self.slice_values, (len(grid), 1))
            pts[:, a_dim], pts[:, b_dim] = grid[:, 0], grid[:, 1]
        out = net.predict(doc.inputs(pts))
        if surface:  # a diverging scale centred between the targets' extremes, fixed per data
            lo, hi = float(Y.min()), float(Y.max())
            mid, half = lo / 2 + hi / 2, max(hi / 2 - lo / 2, 1e-9)
            img = unit32(out[:, 0].reshape(GRID, GRID), mid - half, mid + half)
            self.surface.setImage(img, levels=(0.0, 1.0), autoLevels=False)
            self.surface.setRect(*pixel_rect(x0, x1, y0, y1))
            self.boundary.setData([], [])
        elif out.shape[1] == 1:
            img = image32(out[:, 0].reshape(GRID, GRID), 0.0, 1.0)
            self.image.setImage(img, levels=(0.0, 1.0), autoLevels=False)
            self.image.setRect(*pixel_rect(x0, x1, y0, y1))
            seg = segments(img, 0.5)  # grid (column, row) -> input plane
            self.boundary.setData(x0 + seg[:, 0] * (x1 - x0) / (GRID - 1),
                                  y0 + seg[:, 1] * (y1 - y0) / (GRID - 1))
        else:  # the argmax class's colour, paler where its output is lower
            k = out.shape[1]
            colours = np.array([CLASS_BRUSHES[j % 3].color().getRgbF()[:3] for j in range(k)])
            best = out.argmax(1)
            strength = np.clip((out.max(1) - 1.0 / k) / (1.0 - 1.0 / k), 0.0, 1.0)[:, None]
            rgb = 1.0 - 0.55 * strength * (1.0 - colours[best])
            self.classes_image.setImage(rgb.reshape(GRID, GRID, 3).astype(np.float32),
                                        levels=(0.0, 1.0), autoLevels=False)
            self.classes_image.setRect(*pixel_rect(x0, x1, y0, y1))
            self.boundary.setData([], [])
        key = (id(X), id(Y), id(doc.X_test), X.shape, Y.shape, a_dim, b_dim,
               None if self.slice_values is None else tuple(self.slice_values))
        if key != self._points_key:  # the data changes rarely; training does not move it
            self._points_key = key
            self.scatter.setData([], [])
            groups, brushes = sample_groups(doc, Y)
            self.points.set(X[:, a_dim], X[:, b_dim], groups, brushes, self.fade(X))
            if doc.X_test is not None:
                keep = spread(len(doc.X_test))
                if surface:  # a real-valued target: outlined in ink
                    pens = pg.mkPen(40, 40, 40, width=1.5)
                else:
                    pens = [pg.mkPen(CLASS_BRUSHES[c % 3].color(), width=2)
                            for c in classes(doc.Y_test[keep])]
                self.test_points.setData(doc.X_test[keep, a_dim], doc.X_test[keep, b_dim], pen=pens)
            else:
                self.test_points.setData([], [])
        s = doc.sample
        self.current.setData([X[s, a_dim]] if s >= 0 else [], [X[s, b_dim]] if s >= 0 else [])
        set_range(self.plot, (x0, x1), (y0, y1), 0)
        self._show_probe()
        self.lines.setVisible(True)
        self._place_lines(x0, x1, y0, y1)


class HiddenPlot(Throttled):
    """Every sample mapped to two neurons of a hidden layer (z1, z2 by default),
    coloured by class, with the output neuron's line w·z + b = 0 when that
    layer is the last hidden one and has exactly two neurons."""

    max_fps = 30  # the hidden space follows at half the map's rate

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(doc, parent)
        self.plot = SteadyPlot()
        self.points = GroupedScatter(self.plot, size=8, pen=pg.mkPen("k", width=0.5))
        self.line = self.plot.plot([], [], pen=pg.mkPen("k", width=2))
        self.line.setZValue(5)
        self.current = pg.ScatterPlotItem(size=18, pen=pg.mkPen(250, 170, 0, width=3),
                                          brush=pg.mkBrush(0, 0, 0, 0))
        self.current.setZValue(10)
        self.plot.addItem(self.current)
        room_above(self.plot)  # no title (the axes name the neurons): room for a top tick
        self.layer, self.first, self.second = QComboBox(), QComboBox(), QComboBox()
        self.layer.setToolTip(translate("views", "Which hidden layer to show"))
        self.first.setToolTip(translate("views", "Neuron on the horizontal axis"))
        self.second.setToolTip(translate("views", "Neuron on the vertical axis"))
        self.choices = QGridLayout()  # layer, x and y: one row, or two where narrow
        self.choice_pairs = [(QLabel(translate("views", "layer")), self.layer),
                             (QLabel(translate("views", "x:")), self.first),
                             (QLabel(translate("views", "y:")), self.second)]
        self.choice_rows, self.choices_shown = 0, True
        self._lay_out_choices()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(self.choices)
        lay.addWidget(self.plot)
        self.layer.activated.connect(lambda i: self._fill_neurons())
        self.first.activated.connect(lambda i: self.redraw())
        self.second.activated.connect(lambda i: self.redraw())
        # the input plane's grid carried through the network (ConvNetJS's classify2d), and
        # a morph from the layer's input through W·x, + b and the activation (Olah)
        self.grid = pg.PlotDataItem([], [], connect="finite", pen=pg.mkPen(110, 110, 110, 150, width=1))
        self.grid.setZValue(-1)
        self.plot.addItem(self.grid)
        self.grid_box = CheckBox(translate("views", "warped grid"))
        self.grid_box.setToolTip(translate("views", "The input plane's grid lines carried through the "
                                                    "network to this layer: how it bends the plane"))
        self.grid_box.toggled.connect(lambda on: self.redraw())
        self.morph = QSlider(Qt.Horizontal)
        self.morph.setRange(0, 3 * MORPH_STEPS)
        self.morph.setValue(3 * MORPH_STEPS)
        self.morph.setToolTip(translate("views", "Morph from the layer's input (0) through W·x (1) and "
                                                 "+ b (2) to the activation (3); needs a 2-D input to "
                                                 "the layer"))
        self.morph.valueChanged.connect(lambda v: self.redraw())
        self.morph_label = QLabel()
        self.tools = QGridLayout()  # the grid box, slider and stage: one row, or two where narrow
        self.tool_rows = 0
        self._lay_out_tools()
        lay.addLayout(self.tools)
        doc.sample_changed.connect(self._on_sample)
        doc.structure_changed.connect(self._on_structure_changed)
        self._on_structure_changed()

    def _lay_out_choices(self) -> None:
        """The layer, x and y boxes on one row where the view is wide enough for all three
        to show their text, else the layer on a row of its own (at 250 % in the 1280 x 720
        window's dock one row cut them to "hidden la", "h", "h"), without its label."""
        need = sum(label.sizeHint().width() + box.sizeHint().width() + 12
                   for label, box in self.choice_pairs)
        rows = 1 if self.width() >= need else 2
        if rows == self.choice_rows:
            return
        self.choice_rows = rows
        grid = self.choices
        for label, box in self.choice_pairs:
            grid.removeWidget(label)
            grid.removeWidget(box)
        (l0, layer), (l1, first), (l2, second) = self.choice_pairs
        if rows == 1:
            places = [(l0, 0, 0, 1), (layer, 0, 1, 1), (l1, 0, 2, 1), (first, 0, 3, 1),
                      (l2, 0, 4, 1), (second, 0, 5, 1)]
        else:  # (the layer box says "hidden layer 1 (…)": its label gives way to its text)
            places = [(layer, 0, 0, 4), (l1, 1, 0, 1), (first, 1, 1, 1), (l2, 1, 2, 1),
                      (second, 1, 3, 1)]
        l0.setVisible(rows == 1 and self.choices_shown)
        for w, r, c, span in places:
            grid.addWidget(w, r, c, 1, span)
        for c in range(6):
            grid.setColumnStretch(c, 1 if c in ((1, 3, 5) if rows == 1 else (1, 3)) else 0)

    def _show_choices(self, on: bool) -> None:
        """The layer and neuron boxes, the grid box, the slider and the axes: shown while
        the network has a hidden layer (the slider's and grid box's own visibility then
        follow the layer, in ``redraw``)."""
        if self.choices_shown == on:
            return
        self.choices_shown = on
        for k, (label, box) in enumerate(self.choice_pairs):
            label.setVisible(on and (k > 0 or self.choice_rows == 1))
            box.setVisible(on)
        for w in (self.grid_box, self.morph, self.morph_label):
            w.setVisible(on)
        item = self.plot.getPlotItem()
        for side in ("left", "bottom"):
            item.showAxis(side, on)

    def _lay_out_tools(self) -> None:
        """The warped-grid box, the morph slider and its stage's name on one row where the
        view is wide enough for the box, the widest name and a slider of ten characters,
        else the slider and name on a row of their own (room for them at 250 %). One row
        gives the plot a row's height more: on 1280 x 720 the right column's plot was 72
        px tall under two rows and a title."""
        chars = self.fontMetrics().averageCharWidth()
        name = max(self.fontMetrics().horizontalAdvance(n) for n in morph_names())
        self.morph_label.setMinimumWidth(name)  # (the slider keeps its length from stage to stage)
        need = self.grid_box.sizeHint().width() + 10 * chars + name + 24
        rows = 1 if self.width() >= need else 2
        if rows == self.tool_rows:
            return
        self.tool_rows = rows
        for w in (self.grid_box, self.morph, self.morph_label):
            self.tools.removeWidget(w)
        if rows == 1:
            places = [(self.grid_box, 0, 0, 1), (self.morph, 0, 1, 1), (self.morph_label, 0, 2, 1)]
        else:
            places = [(self.grid_box, 0, 0, 2), (self.morph, 1, 0, 1), (self.morph_label, 1, 1, 1)]
        for w, r, c, span in places:
            self.tools.addWidget(w, r, c, 1, span)
        for c in range(3):
            self.tools.setColumnStretch(c, 1 if c == (1 if rows == 1 else 0) else 0)

    def resizeEvent(self, e) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(e)
        self._lay_out_choices()
        self._lay_out_tools()

    def changeEvent(self, e) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(e)
        if e.type() == QEvent.FontChange:  # the window's scale: the boxes' widths changed
            self._lay_out_choices()
            self._lay_out_tools()

    def apply_scale(self, scale: float) -> None:
        room_above(self.plot)

    def apply_theme(self, high_contrast: bool) -> None:
        """The output neuron's line in the theme's ink (it was black on black)."""
        self.line.setPen(pg.mkPen("w" if high_contrast else "k", width=2))

    def can_morph(self, l: int) -> bool:
        """The layer's input is 2-D (the input plane itself, or a previous layer of two
        neurons): only then has the picture a 'before' to morph from."""
        net = self.doc.net
        return net.sizes[l - 1] == 2 and (l > 1 or self.doc.plane_inputs)

    def stages(self, l: int, i: int, j: int, points: np.ndarray) -> list[np.ndarray]:
        """Data points (N, d) at neuron layer l's neurons (i, j), four stages (N, 2) each:
        the layer's 2-D input, W·x, W·x + b, f(W·x + b); one stage (the last) if the
        layer's input is not 2-D."""
        stages = self.doc.net.stages(self.doc.inputs(points), l, [i, j])
        return stages if self.can_morph(l) else stages[-1:]

    def at(self, stages: list[np.ndarray], t: float) -> np.ndarray:
        """The picture at morph position t in [0, 3] (linear between stages)."""
        if len(stages) == 1:
            return stages[0]
        k = min(int(t), 2)
        f = t - k
        with np.errstate(over="ignore", invalid="ignore"):  # (a diverged net's inf)
            return (1 - f) * stages[k] + f * stages[k + 1]

    def _on_structure_changed(self) -> None:
        """The hidden layers as the layer box's entries; the layer and neurons chosen stay
        chosen while the network still has them."""
        net = self.doc.net
        names = net.neuron_names()
        set_items(self.layer, [(translate("views", "hidden layer {0} ({1}{2})").format(
            l, ', '.join(names[l][:3]), "…" if net.sizes[l] > 3 else ""), l)
            for l in range(1, len(net.sizes) - 1)])
        self._fill_neurons(keep=True)
        self._lay_out_choices()  # (the entries' widths changed)

    def _fill_neurons(self, keep: bool = False) -> None:
        """The chosen layer's neurons in both boxes: the first two, or (``keep``) the
        chosen ones while they exist."""
        net, l = self.doc.net, self.layer.currentData()
        for i, box in enumerate((self.first, self.second)):
            if not keep:
                box.clear()
            set_items(box, [] if l is None else
                      [(name, j) for j, name in enumerate(net.neuron_names()[l])], default=i)
        self.request()

    def redraw(self) -> None:
        doc, net = self.doc, self.doc.net
        l = self.layer.currentData()
        if l is None or l >= len(net.sizes) - 1:
            self.points.clear()
            self.line.setData([], [])
            self.current.setData([], [])
            self.grid.setData([], [])
            self._show_choices(False)  # (empty boxes, a slider and bare axes said nothing)
            set_title(self.plot, translate("views", "no hidden layer"))
            return
        self._show_choices(True)
        i, j = self.first.currentData() or 0, self.second.currentData() or 0
        names = net.neuron_names()[l]
        morphing = self.can_morph(l) and net.sizes[l] > 1
        self.morph.setVisible(morphing)  # no 'before' to morph from: no slider
        self.grid_box.setVisible(doc.features.d == 2)  # a grid of the input plane
        t = self.morph.value() / MORPH_STEPS if morphing else 3.0
        self.morph_label.setText(morph_names()[min(int(round(t)), 3)] if morphing else "")
        # the points shown only (at most MAX_POINTS, evenly spread, and the current sample):
        # all of 100,000 samples through a 6 x 8 net took 65 ms a redraw for 5,000 drawn
        n, s = len(doc.X), doc.sample
        rows = np.arange(n)[spread(n)]
        if 0 <= s < n and s not in rows:
            rows = np.append(rows, s)
        at_s = int(np.flatnonzero(rows == s)[0]) if 0 <= s < n else -1
        stages = self.stages(l, i, j if net.sizes[l] > 1 else i, doc.X[rows])
        shown = self.at(stages, t)
        zx = shown[:, 0]
        zy = shown[:, 1] if net.sizes[l] > 1 else np.zeros_like(zx)
        ny = names[j] if net.sizes[l] > 1 else "0"
        self._draw_grid(l, i, j if net.sizes[l] > 1 else i, t, net.sizes[l] > 1)
        set_title(self.plot, shown_note(len(doc.X)) or None)  # (the axes name the neurons)
        if morphing and t < 0.5:  # still the layer's input: its own two coordinates
            before = net.neuron_names()[l - 1]
            set_label(self.plot, "bottom", before[0])
            set_label(self.plot, "left", before[1])
        else:
            set_label(self.plot, "bottom", names[i])
            set_label(self.plot, "left", ny)
        groups, brushes = sample_groups(doc, doc.Y)
        self.points.set(zx, zy, groups[rows], brushes)
        shown = at_s >= 0 and np.isfinite([zx[at_s], zy[at_s]]).all()
        self.current.setData([zx[at_s]] if shown else [], [zy[at_s]] if shown else [])
        bounds = net.acts[l - 1].bounds  # a bounded activation's whole range, else the data's
        if morphing and t < 3:  # every stage in view: the range holds still while morphing
            every = np.concatenate(stages)
            every = every[np.isfinite(every).all(axis=1)]
            lo, hi = (float(every.min()) - 0.2, float(every.max()) + 0.2) if every.size \
                else (-1.0, 1.0)  # (a diverged net: nothing finite)
        elif bounds:
            lo, hi = bounds[0] - 0.1, bounds[1] + 0.1
        else:
            both = np.concatenate([zx, zy])
            both = both[np.isfinite(both)]
            lo, hi = (float(both.min()) - 0.5, float(both.max()) + 0.5) if both.size \
                else (-1.0, 1.0)
        set_range(self.plot, (lo, hi), (lo, hi), 0)
        if l == net.n_layers - 1 and net.sizes[l] == 2 and net.sizes[-1] == 1 and i != j \
                and t == 3:
            w = net.weights[l][:, 0]
            wx, wy, b = w[i], w[j], net.biases[l][0]  # output a = wx zx + wy zy + b = 0
            xs = np.array([lo, hi])
            with np.errstate(over="ignore", invalid="ignore"):  # (huge weights: no line)
                if abs(wy) > 1e-12:
                    line = xs, (-b - wx * xs) / wy
                elif abs(wx) > 1e-12:
                    line = np.array([-b / wx] * 2), np.array([lo, hi])
                else:
                    line = [], []
            finite = len(line[0]) and np.isfinite(line[0]).all() and np.isfinite(line[1]).all()
            self.line.setData(*(line if finite else ([], [])))
        else:
            self.line.setData([], [])


    def _draw_grid(self, l: int, i: int, j: int, t: float, two: bool) -> None:
        """GRID_LINES lines each way across the data's plane, GRID_SAMPLES points each,
        carried to this layer (at the morph's stage), NaN between lines."""
        if not (self.grid_box.isChecked() and self.doc.features.d == 2):
            self.grid.setData([], [])
            return
        x0, x1, y0, y1 = plane(self.doc.X)
        u = np.linspace(0.0, 1.0, GRID_SAMPLES)
        lines = [np.column_stack([np.full_like(u, x), y0 + u * (y1 - y0)])
                 for x in np.linspace(x0, x1, GRID_LINES)]
        lines += [np.column_stack([x0 + u * (x1 - x0), np.full_like(u, y)])
                  for y in np.linspace(y0, y1, GRID_LINES)]
        shown = self.at(self.stages(l, i, j, np.concatenate(lines)), t)
        n = len(lines)
        xs = np.full((n, GRID_SAMPLES + 1), np.nan)
        ys = np.full((n, GRID_SAMPLES + 1), np.nan)
        xs[:, :-1] = shown[:, 0].reshape(n, GRID_SAMPLES)
        ys[:, :-1] = (shown[:, 1] if two else np.zeros(len(shown))).reshape(n, GRID_SAMPLES)
        self.grid.setData(xs.ravel(), ys.ravel(), connect="finite")


GRID_LINES, GRID_SAMPLES = 15, 50  # the warped grid: lines each way, points along each
MORPH_STEPS = 20  # slider steps between two stages of the morph
def morph_names() -> tuple[str, str, str, str]:
    """The morph's four stages as the slider's label names them."""
    return translate("views", "input"), "W·x", "W·x + b", "f(W·x + b)"


class WeightsPlot(Throttled):
    """Every labelled parameter as a curve against epochs (w1 … w6 converging)."""

    max_fps = 20  # curves over epochs: 20 redraws a second look continuous

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(doc, parent)
        self.plot = SteadyPlot()
        set_label(self.plot, "bottom", translate("views", "epoch"))
        set_label(self.plot, "left", translate("views", "value"))
        self.legend = CurveLegend(self.plot, columns=3)
        self.lines = MultiCurve()  # every curve one item (gui.plots.multicurve)
        self.plot.addItem(self.lines)
        self.curves: list = []  # the lines' Curve handles, one a parameter or bundle
        self.readout = Readout(self.plot)  # the curve hovered
        self.plot.scene().sigMouseMoved.connect(self._hover)
        self.arrays = Arrays("epochs", "values")
        self.range = SteadyRange(self.plot)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.plot)
        doc.structure_changed.connect(self._on_structure_changed)
        self._on_structure_changed()

    def _on_structure_changed(self) -> None:
        """The first 40 parameters: up to 16, a curve each with a legend; more, drawn as
        BUNDLES curves (parameter k in curve k mod BUNDLES, its runs separated by NaN), so
        40 parameters cost 8 curves to update and paint. All curves are one item; a curve
        kept across an edit keeps its pen."""
        self.range.reset()
        net = self.doc.net
        shown = list(net.labels().items())[:40]  # beyond 40 curves the picture says nothing
        index = [net.index(p) for _, p in shown]
        one_each = len(shown) <= 16
        self.groups = [[i] for i in index] if one_each else \
            [index[g::self.BUNDLES] for g in range(min(self.BUNDLES, len(index)))]
        self.index, self.names, self.one_each = index, [label for label, _ in shown], one_each
        self.readout.setText("")
        while len(self.curves) > len(self.groups):
            self.lines.remove(self.curves.pop())
        while len(self.curves) < len(self.groups):
            self.curves.append(self.lines.add(pg.mkPen()))
        for k, c in enumerate(self.curves):  # (their data: the redraw this edit requests)
            style = (one_each, k)  # curve k's hue is one of 16 (8 bundles): fixed, so an
            if getattr(c, "shown_style", None) == style:  # edit neither recolours the curves kept
                continue  # nor pays for it
            c.shown_style = style
            c.setPen(pg.mkPen(pg.intColor(k, 16 if one_each else self.BUNDLES), width=1))
        self.legend.set_entries(list(zip(self.curves, [label for label, _ in shown]))
                                if one_each else [])
        self.legend.update()  # a curve kept may have a new pen
        self.request()

    def apply_theme(self, high_contrast: bool) -> None:
        self.legend.apply_theme(high_contrast)
        self.readout.apply_theme(high_contrast)

    def _hover(self, pos) -> None:
        """The shown curve nearest the pointer at its epoch, named with its value there (the
        legend has no room in a small dock, and bundles have no legend)."""
        h, vb = self.doc.weight_history, self.plot.getPlotItem().vb
        text = ""
        if len(h) and vb.sceneBoundingRect().contains(pos):
            at = vb.mapSceneToView(pos)
            epochs, values = self.arrays.of(h)
            k = nearest(epochs, at.x())
            ys = values[k, self.index]
            with np.errstate(invalid="ignore"):
                dist = np.abs(ys - at.y()) / max(vb.viewPixelSize()[1], 1e-300)
            dist[~np.isfinite(dist)] = np.inf
            if self.one_each:  # a curve the legend hid is not named
                dist[[not c.isVisible() for c in self.curves]] = np.inf
            j = int(np.argmin(dist)) if len(dist) else 0
            if len(dist) and dist[j] <= Readout.HOVER_PX:
                text = translate("views", "{0} = {1:.6g} at epoch {2}").format(
                    self.names[j], ys[j], int(epochs[k]))
        self.readout.show_text(text)

    BUNDLES = 8

    def redraw(self) -> None:
        h = self.doc.weight_history
        if not len(h):
            for curve in self.curves:
                curve.setData([], [])
            return
        epochs, values = self.arrays.of(h)
        for curve, group in zip(self.curves, self.groups):
            if len(group) == 1:
                curve.setData(epochs, values[:, group[0]])
                continue
            n = len(epochs)
            x = np.empty((len(group), n + 1))
            x[:, :n], x[:, n] = epochs, np.nan
            y = np.empty_like(x)
            y[:, :n], y[:, n] = values[:, group].T, np.nan
            curve.setData(x.ravel(), y.ravel(), connect="finite")
        if self.doc.epoch == 0:
            self.range.reset()
        values = values[:, self.index]
        finite = values[np.isfinite(values)]
        if finite.size:
            self.range.fit(float(epochs.max()), float(finite.min()), float(finite.max()))


class MosaicBox(pg.ViewBox):
    """A ViewBox that reports where the pointer is (view coordinates) while it hovers."""

    def __init__(self, moved, **kwargs) -> None:
        super().__init__(**kwargs)
        self.moved = moved

    def hoverEvent(self, ev) -> None:
        if not ev.isExit():
            self.moved(self.mapToView(ev.pos()))


class Thumbnails(Throttled):
    """Each hidden neuron's output over the input plane as a small map (one grid sweep gives
    them all), drawn as one mosaic image: a 32-wide layer is one image and 32 names, not 32
    plots, so widening a layer costs a few small items. Hovering a map shows it large below.
    Data of more than two inputs: the maps are over the decision map's slice (its two inputs,
    the others held where it holds them). One input: each small picture is the neuron's
    output over x as a filled curve, and the large one its curve."""

    SIZE = 40
    GAP = 4
    COLUMNS = 8

    max_fps = 20  # small maps: 20 redraws a second

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(doc, parent)
        self.grid = pg.GraphicsLayoutWidget()
        self.grid.setBackground("w")
        self.box = MosaicBox(self._hover, lockAspect=True, enableMouse=False, invertY=True)
        self.grid.addItem(self.box)
        self.mosaic = pg.ImageItem(axisOrder="row-major")
        self.box.addItem(self.mosaic)
        # 0..254 the colour map, 255 white (the gaps): the mosaic is one byte a pixel, which
        # Qt draws through a colour table with no RGBA array made per frame
        self.lut = np.vstack([pg.colormap.get("viridis").getLookupTable(0.0, 1.0, 255, alpha=True),
                              [[255, 255, 255, 255]]]).astype(np.uint8)
        self.names = Captions(tallest=0.4 * self.SIZE)  # each map's neuron name, bottom left
        self.box.addItem(self.names)
        self.big = SteadyPlot()
        self.big_image = pg.ImageItem(axisOrder="row-major")
        self.big_image.setColorMap(pg.colormap.get("viridis"))
        self.big.addItem(self.big_image)
        self.big_curve = pg.PlotDataItem(pen=pg.mkPen(40, 40, 40, width=2))  # one input
        self.big.addItem(self.big_curve)
        # the plot's shape, as the decision map: locked to the inputs' aspect, a map over
        # Iris's x1 4-8 and x2 2-4.5 filled a third of a wide dock, the rest blank axis
        self.big.setAspectLocked(False)
        set_label(self.big, "bottom", "x1")
        set_label(self.big, "left", "x2")
        self.cells: list[tuple[int, int]] = []  # (layer, neuron) of each map, in order
        self.rows = 1  # of the mosaic
        self.hovered = 0
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.grid, 3)  # the maps first: they are the overview
        lay.addWidget(self.big, 2)
        self.big.setMinimumHeight(self.BIG_MIN)
        doc.structure_changed.connect(self._on_structure_changed)
        doc.map_slice_changed.connect(self.request)  # maps over the decision map's slice
        self._on_structure_changed()

    def _on_structure_changed(self) -> None:
        net = self.doc.net
        symbols = net.neuron_symbols()
        self.cells = [(l, j) for l in range(1, len(net.sizes) - 1) for j in range(net.sizes[l])]
        step = self.SIZE + self.GAP
        self.cell_names = [symbols[l][j].unicode() for l, j in self.cells]
        self.rows = rows = max(1, -(-len(self.cells) // self.COLUMNS))
        self.names.set_texts([((k % self.COLUMNS) * step, (k // self.COLUMNS) * step + self.SIZE, name)
                              for k, name in enumerate(self.cell_names)],
                             QRectF(0, 0, self.COLUMNS * step, rows * step))
        columns = max(1, min(len(self.cells), self.COLUMNS))
        self.box.setRange(xRange=(0, columns * step), yRange=(0, rows * step), padding=0)
        # up to four rows' height where the dock has room, down to two rows' at half size
        # (the mosaic scales): a fixed four rows (286 px) made a 6 x 8 net's window 766 px
        # tall at least, taller than a 1280 x 720 screen, and squeezed the decision map
        self.grid.setMinimumHeight(min(rows, 2) * 36 + 6)
        self.grid.setMaximumHeight(min(rows, 4) * 70 + 6)
        self.grid.setVisible(bool(self.cells))  # no hidden neuron: the note alone, below
        for side in ("left", "bottom"):
            self.big.getPlotItem().showAxis(side, bool(self.cells))
        self._fit_big()
        self.hovered = 0
        self.request()

    BIG_MIN = 140  # the hovered map's plot: its least height. It shows only where the maps
    # keep at least 40 px a row (up to four rows) beside it: in a short dock, as the 1280 x 720
    # window's with a 6 x 8 net, it was a sliver under the mosaic or squeezed the maps to a
    # few pixels each

    def resizeEvent(self, e) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(e)
        self._fit_big()

    def _fit_big(self) -> None:
        self.big.setVisible(not self.cells or
                            self.height() >= min(self.rows, 4) * 40 + 6 + self.BIG_MIN + 12)

    def _hover(self, pos) -> None:
        step = self.SIZE + self.GAP
        col, row = int(pos.x() // step), int(pos.y() // step)
        n = row * self.COLUMNS + col
        if 0 <= col < self.COLUMNS and 0 <= n < len(self.cells) and n != self.hovered:
            self.hovered = n
            self.redraw()

    def redraw(self) -> None:
        doc, net = self.doc, self.doc.net
        if not self.cells:
            set_title(self.big, translate("views", "neuron maps need a hidden layer"))
            self.big_image.clear()
            self.big_curve.setData([], [])
            self.mosaic.clear()
            return
        S = self.SIZE
        if doc.X.shape[1] == 1:  # one input: each neuron's curve over x
            lo_x, hi_x = float(doc.X.min()), float(doc.X.max())
            pad = 0.1 * max(hi_x - lo_x, 1e-6)
            x0, x1 = lo_x - pad, hi_x + pad
            xs = np.linspace(x0, x1, S)
            z = net.forward(doc.inputs(xs[:, None])).z
        else:  # a grid over the plane, or over the decision map's slice of more inputs
            s = doc.map_slice()
            (a, b), held = s if s is not None else ((0, 1), None)
            x0, x1, y0, y1 = plane(doc.X[:, [a, b]])
            gx, gy = np.linspace(x0, x1, S), np.linspace(y0, y1, S)
            grid = np.stack(np.meshgrid(gx, gy), axis=-1).reshape(-1, 2)
            pts = grid
            if held is not None:
                pts = np.tile(held, (len(grid), 1))
                pts[:, a], pts[:, b] = grid[:, 0], grid[:, 1]
            z = net.forward(doc.inputs(pts)).z
        V = np.stack([z[l][:, j] for l, j in self.cells], axis=1)  # (points, K): a column a map
        lo, hi = level_ranges([net.acts[l - 1] for l, _ in self.cells], V)
        V = np.clip(np.where(np.isnan(V), lo, V), lo, hi)
        span = np.where(hi > lo, hi - lo, 1.0)  # hi == lo only where |lo| is ~1e30
        index = np.clip((V - lo) * (254 / span), 0, 254).astype(np.uint8)
        K = len(self.cells)
        if doc.X.shape[1] == 1:  # column c filled from the bottom up to the value, in its colour
            height = np.rint(index.astype(float) * (S - 1) / 254).astype(int)  # (S, K)
            up = np.arange(S)[:, None, None]  # row counted from the bottom, (S, 1, 1)
            tile = np.where(up <= height[None], index[None], 255).astype(np.uint8)  # (S, S, K)
            self._set_mosaic(tile, K)
        else:
            self._set_mosaic(index.reshape(S, S, K), K)
        k = min(self.hovered, K - 1)
        l, j = self.cells[k]
        name, act = self.cell_names[k], net.activations[l - 1]
        if doc.X.shape[1] == 1:
            self.big_image.clear()
            self.big_curve.setData(xs, z[l][:, j])
            set_label(self.big, "bottom", "x")
            set_label(self.big, "left", self.cell_names[k])
            set_range(self.big, (x0, x1), (float(lo[k]), float(hi[k])), 0.05)
            set_title(self.big, translate("views", "{0} ({1}) over x").format(name, act))
        else:
            self.big_curve.setData([], [])
            # (clipped to its levels, which lie within ±1e30: a linear neuron's 1e300 overflowed
            # float32)
            values = image32(V[:, k].reshape(S, S), lo[k], hi[k])
            self.big_image.setImage(values, levels=(lo[k], hi[k]), autoLevels=False)
            self.big_image.setRect(*pixel_rect(x0, x1, y0, y1, S))
            set_label(self.big, "bottom", f"x{a + 1}")
            set_label(self.big, "left", f"x{b + 1}")
            set_range(self.big, (x0, x1), (y0, y1), 0.02)
            set_title(self.big, translate("views", "{0} ({1}) over the input plane").format(name, act)
                      if held is None else
                      translate("views", "{0} ({1}) over (x{2}, x{3}), others held")
                      .format(name, act, a + 1, b + 1))
        self.big.setToolTip(translate("views", "Hover a small map above to show it here"))

    def _set_mosaic(self, tiles: np.ndarray, K: int) -> None:
        """The small pictures, ``tiles`` (S, S, K) with y up (0..254 the colour map, 255
        white), as one image: eight a row, white gaps between."""
        S, step = self.SIZE, self.SIZE + self.GAP
        rows, columns = -(-K // self.COLUMNS), min(K, self.COLUMNS)
        out = np.full((rows * columns, S, S), 255, np.uint8)  # white where no neuron is
        out[:K] = tiles[::-1].transpose(2, 0, 1)  # the mosaic has y down: rows reversed
        grid = np.full((rows, step, columns, step), 255, np.uint8)  # white gaps
        grid[:, :S, :, :S] = out.reshape(rows, columns, S, S).transpose(0, 2, 1, 3)
        self.mosaic.setImage(grid.reshape(rows * step, columns * step), lut=self.lut,
                             levels=(0, 255), autoLevels=False)


def level_ranges(activations: list, V: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Fixed colour levels for each column of V (n, K): its activation's registry ``bounds``
    when it has them, else the column's finite range (clipped to ±1e30; a column with no
    finite value 0..1, a flat one lo..lo+1). Returns (lo, hi), each of shape (K,)."""
    finite = np.isfinite(V)
    with np.errstate(invalid="ignore"):
        vmin = np.clip(np.where(finite, V, np.inf).min(axis=0), -1e30, 1e30)
        vmax = np.clip(np.where(finite, V, -np.inf).max(axis=0), -1e30, 1e30)
    some = finite.any(axis=0)
    lo, hi = np.where(some, vmin, 0.0), np.where(some, vmax, 1.0)
    hi = np.where(hi > lo, hi, lo + 1.0)
    for k, act in enumerate(activations):
        if act.bounds is not None:
            lo[k], hi[k] = act.bounds
    return lo, hi


def image32(values: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """float32 image data clipped to the colour levels (no overflow for huge values)."""
    return np.clip(np.nan_to_num(values, nan=lo), lo, hi).astype(np.float32)


def unit32(values: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """Values from lo to hi as float32 from 0 to 1 (clipped; nan at lo), scaled in float64
    first: levels and values past float32's range (targets of 1e300 in a CSV) overflowed
    in the cast, in ours and in pyqtgraph's own rescaling with such levels."""
    half = hi / 2 - lo / 2  # (hi - lo overflows for ±1.7e308)
    if not half > 0 or not np.isfinite(half):
        return np.full(np.shape(values), 0.5, np.float32)
    v = np.clip(np.nan_to_num(values, nan=lo, posinf=hi, neginf=lo), lo, hi)
    return ((v / 2 - lo / 2) / half).astype(np.float32)
