"""Many curves as one graphics item.

The weights-over-time view draws up to 16 curves (one a parameter) or 8 bundles. As
pyqtgraph curve items, each one cost its own ``setData``, bounding rectangle and paint
call on every redraw and every structural edit: on a 2-2-1 net, "Add a neuron" spent
~3 ms on thirteen curves that together hold a few thousand points. Here every curve is
a light handle (its data, pen and visibility) and one item paints them all, building a
curve's path only when it is painted after its data changed.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen


class Curve:
    """One curve of a MultiCurve: its data, pen and visibility (the names pyqtgraph's
    curve items use for them, which the legend and the tests read)."""

    def __init__(self, owner: MultiCurve, pen: QPen) -> None:
        self.owner = owner
        self.opts = {"pen": pen}
        self.xData = self.yData = np.empty(0)
        self.visible = True
        self.path = None  # built when first painted after the data changed
        self.bounds = None  # (x0, x1, y0, y1) of the finite points, or None: none

    def setData(self, x, y, connect: str = "finite") -> None:  # noqa: N802 - pyqtgraph's name
        """Points (x[k], y[k]) joined in order; a non-finite value breaks the line."""
        self.xData, self.yData = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        self.path = None
        ok = np.isfinite(self.xData) & np.isfinite(self.yData)
        self.bounds = None if not ok.any() else (
            float(self.xData[ok].min()), float(self.xData[ok].max()),
            float(self.yData[ok].min()), float(self.yData[ok].max()))
        self.owner.changed()

    def setPen(self, pen: QPen) -> None:  # noqa: N802 - pyqtgraph's name
        self.opts["pen"] = pen
        self.owner.update()

    def isVisible(self) -> bool:  # noqa: N802 - Qt's name
        return self.visible

    def setVisible(self, on: bool) -> None:  # noqa: N802 - Qt's name
        if on != self.visible:
            self.visible = on
            self.owner.changed()

    def show(self) -> None:
        self.setVisible(True)

    def hide(self) -> None:
        self.setVisible(False)


DOT_PX = 7.0  # a curve of one point is drawn as a dot this wide, in its colour


class MultiCurve(pg.GraphicsObject):
    """Curves (``Curve`` handles, made with ``add``) drawn as one item in a view box, each
    in its own cosmetic pen."""

    def __init__(self) -> None:
        super().__init__()
        self.curves: list[Curve] = []
        self._rect: QRectF | None = None  # the data's bounds, padded by a few pixels

    def add(self, pen: QPen) -> Curve:
        curve = Curve(self, pen)
        self.curves.append(curve)
        return curve

    def remove(self, curve: Curve) -> None:
        self.curves.remove(curve)
        self.changed()

    def changed(self) -> None:
        """A curve's data or visibility changed: the bounds are made again, and it repaints."""
        self.prepareGeometryChange()
        self._rect = None
        self.update()

    def viewTransformChanged(self) -> None:  # noqa: N802 - pyqtgraph's hook
        self.changed()  # the padding is in pixels

    def _bounds(self) -> tuple[float, float, float, float] | None:
        boxes = [c.bounds for c in self.curves if c.visible and c.bounds is not None]
        if not boxes:
            return None
        b = np.clip(np.array(boxes), -1e300, 1e300)  # (a span of ±1e308 overflows: no rect)
        return b[:, 0].min(), b[:, 1].max(), b[:, 2].min(), b[:, 3].max()

    def dataBounds(self, ax: int, frac: float = 1.0, orthoRange=None):  # noqa: N802 - pyqtgraph's
        b = self._bounds()
        return (None, None) if b is None else (b[2 * ax], b[2 * ax + 1])

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        if self._rect is None:
            b = self._bounds()
            if b is None:
                self._rect = QRectF()
            else:
                width = max(max((c.opts["pen"].widthF() for c in self.curves), default=1.0),
                            DOT_PX) + 2
                px, py = self.pixelWidth() or 0.0, self.pixelHeight() or 0.0
                self._rect = QRectF(b[0] - width * px, b[2] - width * py,
                                    b[1] - b[0] + 2 * width * px, b[3] - b[2] + 2 * width * py)
        return self._rect

    def paint(self, p: QPainter, *args) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, bool(pg.getConfigOption("antialias")))
        for c in self.curves:
            if not c.visible or c.bounds is None:
                continue
            if c.path is None:
                c.path = pg.arrayToQPath(c.xData, c.yData, connect="finite")
            p.setPen(c.opts["pen"])
            if c.bounds[0] == c.bounds[1]:  # every point at one x (epoch 0): dots, as lines
                dot = QPen(c.opts["pen"])  # of one point each draw nothing
                dot.setWidthF(DOT_PX)
                dot.setCapStyle(Qt.PenCapStyle.RoundCap)
                dot.setCosmetic(True)
                p.setPen(dot)
                ok = np.isfinite(c.xData) & np.isfinite(c.yData)
                p.drawPoints([QPointF(x, y) for x, y in zip(c.xData[ok], c.yData[ok])])
                continue
            p.drawPath(c.path)
