"""Each first-layer neuron's line w·x + b = 0 over the input plane, as one item.

One ``paint`` draws every line (dashed, in its neuron's colour), a handle at each end and
an arrowhead on the positive side. It replaces a pyqtgraph ROI and arrow per neuron,
which cost ~0.4 ms of painting each per frame (eight lines: 3.5 of the map's 5.5 ms).

Dragging works as it did with the ROIs: drag a line to move it, drag one of its end
handles to turn it about the other end. The item reports ``started(j)``,
``moved(j, p1, p2)`` (the new end points, plane coordinates) and ``finished(j)``; it
takes a drag only where a line is (within a few pixels), so a click or drag elsewhere on
the map reaches the map.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF, QTransform

NEAR = 6.0  # pixels from a line (or an end) that still grab it
HANDLE = 4.0  # radius of an end handle, pixels
HEAD = 12.0  # arrowhead length, pixels
# (all at 100 %: ``size`` scales them, and the pens, with the window's scale)


class NeuronLines(pg.GraphicsObject):
    started = Signal(int)
    moved = Signal(int, object, object)
    finished = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.ends: list[tuple[np.ndarray, np.ndarray] | None] = []  # per neuron (None: hidden)
        self.arrows: list[tuple[np.ndarray, np.ndarray] | None] = []  # (tip, direction)
        self.colours: list[QColor] = []
        self.hovered: int | None = None
        self._drag: tuple[int, str, np.ndarray, np.ndarray] | None = None
        self._bounds = QRectF()
        self.size = 1.0  # the window's scale: handles, heads, pens and reach grow with it
        self.setZValue(20)
        self.setAcceptHoverEvents(True)

    # --- what is shown --------------------------------------------------------------
    def set_colours(self, colours: list[QColor]) -> None:
        self.colours = list(colours)
        self.ends = [None] * len(colours)
        self.arrows = [None] * len(colours)
        self._changed()

    def set_line(self, j: int, p1, p2, tip, direction) -> None:
        """Line j from p1 to p2, its arrow's tip and direction (the normal w/|w|)."""
        self.ends[j] = (np.asarray(p1, float), np.asarray(p2, float))
        self.arrows[j] = (np.asarray(tip, float), np.asarray(direction, float))

    def hide_line(self, j: int) -> None:
        self.ends[j] = self.arrows[j] = None

    def set_size(self, size: float) -> None:
        """Draw (and take the mouse) at ``size`` times the 100 % pixels: on a projector at
        250 % a 4-px handle was a speck beside 25-pt text."""
        if size != self.size:
            self.prepareGeometryChange()  # (the shape's bands widen)
            self.size = size
            self.update()

    def update_lines(self) -> None:
        """Redraw after set_line/hide_line calls."""
        self._changed()

    def line_points(self, j: int) -> tuple[np.ndarray, np.ndarray]:
        return self.ends[j]

    def _changed(self) -> None:
        pts = [p for e in self.ends if e is not None for p in e]
        pts += [a[0] for a in self.arrows if a is not None]
        if pts:
            xy = np.array(pts)
            lo, hi = xy.min(0), xy.max(0)
            pad = 0.05 * max(float(np.max(hi - lo)), 1e-9)
            bounds = QRectF(lo[0] - pad, lo[1] - pad, hi[0] - lo[0] + 2 * pad,
                            hi[1] - lo[1] + 2 * pad)
        else:
            bounds = QRectF()
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds

    # --- drawing -----------------------------------------------------------------
    def paint(self, p: QPainter, *args) -> None:
        device = p.transform()  # plane -> device pixels; the heads are drawn in pixels
        p.resetTransform()
        p.setRenderHint(QPainter.Antialiasing, True)
        for j, ends in enumerate(self.ends):
            if ends is None:
                continue
            colour = self.colours[j]
            a, b = (device.map(QPointF(*e)) for e in ends)
            k = self.size
            pen = QPen(colour, (3 if j == self.hovered else 2) * k, Qt.DashLine)
            p.setPen(pen)
            p.drawLine(QLineF(a, b))
            p.setPen(QPen(colour, k))
            p.setBrush(Qt.NoBrush)
            for end in (a, b):
                p.drawEllipse(end, HANDLE * k, HANDLE * k)
            tip, direction = self.arrows[j]
            t = device.map(QPointF(*tip))
            d = device.map(QPointF(*(tip + direction))) - t
            length = math.hypot(d.x(), d.y())
            if length == 0:
                continue
            d /= length
            n = QPointF(-d.y(), d.x())
            head = HEAD * k
            base = t - d * head
            p.setBrush(QBrush(colour))
            p.drawPolygon(QPolygonF([t, base + n * (head * 0.3), base - n * (head * 0.3)]))

    # --- grabbing ----------------------------------------------------------------
    def _pixels(self, point: QPointF) -> QPointF:
        return self._device.map(point)

    @property
    def _device(self) -> QTransform:
        """Item (plane) coordinates to the view's pixels."""
        return self.deviceTransform_() or QTransform()

    def grab_at(self, pos: QPointF) -> tuple[int, str] | None:
        """The line (and which part: 'p1', 'p2' or 'line') within NEAR pixels of ``pos``
        (item coordinates), ends first; None if none is."""
        at, best = self._pixels(pos), None
        near, handle = NEAR * self.size, HANDLE * self.size
        for j, ends in enumerate(self.ends):
            if ends is None:
                continue
            a, b = (self._pixels(QPointF(*e)) for e in ends)
            for part, end in (("p1", a), ("p2", b)):
                d = math.hypot(end.x() - at.x(), end.y() - at.y())
                if d <= near + handle and (best is None or d < best[0]):
                    best = (d - near, j, part)  # an end beats the line it is on
            d = _to_segment(at, a, b)
            if d <= near and (best is None or d < best[0]):
                best = (d, j, "line")
        return None if best is None else (best[1], best[2])

    def shape(self) -> QPainterPath:
        """Where the item takes the mouse: a band around each line (hit tests)."""
        path = QPainterPath()
        inverse, ok = self._device.inverted()
        if not ok:
            return path
        for ends in self.ends:
            if ends is None:
                continue
            a, b = (self._pixels(QPointF(*e)) for e in ends)
            d = b - a
            length = math.hypot(d.x(), d.y())
            if length == 0:
                continue
            reach = (NEAR + HANDLE) * self.size
            n = QPointF(-d.y(), d.x()) * (reach / length)
            u = d * (reach / length)
            band = QPolygonF([a - u + n, b + u + n, b + u - n, a - u - n])
            path.addPolygon(inverse.map(band))
            path.closeSubpath()
        return path

    def hoverEvent(self, ev) -> None:  # noqa: N802 - pyqtgraph's name
        hit = None if ev.isExit() else self.grab_at(ev.pos())
        if hit is not None:
            ev.acceptDrags(Qt.LeftButton)
        j = None if hit is None else hit[0]
        if j != self.hovered:
            self.hovered = j
            self.setCursor(Qt.SizeAllCursor) if j is not None else self.unsetCursor()
            self.update()

    def mouseDragEvent(self, ev) -> None:  # noqa: N802 - pyqtgraph's name
        if ev.button() != Qt.LeftButton:
            ev.ignore()
            return
        if ev.isStart():
            hit = self.grab_at(ev.buttonDownPos())
            if hit is None:
                ev.ignore()
                return
            j, part = hit
            p1, p2 = self.ends[j]
            self._drag = (j, part, p1.copy(), p2.copy())
            self.started.emit(j)
        if self._drag is None:
            ev.ignore()
            return
        ev.accept()
        j, part, p1, p2 = self._drag
        pos, down = ev.pos(), ev.buttonDownPos()
        at = np.array([pos.x(), pos.y()])
        if part == "line":
            shift = at - np.array([down.x(), down.y()])
            new = (p1 + shift, p2 + shift)
        else:
            new = (at, p2) if part == "p1" else (p1, at)
        self.ends[j] = (new[0].copy(), new[1].copy())
        self.moved.emit(j, new[0], new[1])
        if ev.isFinish():
            self._drag = None
            self.finished.emit(j)


def _to_segment(p: QPointF, a: QPointF, b: QPointF) -> float:
    """Distance in pixels from p to the segment a-b."""
    d = b - a
    length2 = d.x() ** 2 + d.y() ** 2
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p - a).x() * d.x() + (p - a).y() * d.y())
                                                  / length2))
    q = a + d * t
    return math.hypot(p.x() - q.x(), p.y() - q.y())
