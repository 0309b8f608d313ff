"""A legend drawn as one item: a short line in each curve's pen and its name, in columns.

pyqtgraph's LegendItem is a layout of two widgets per entry (a sample and an HTML label);
adding one cost ~1 ms and laying it out more, so "Add a neuron" on a 2-2-1 net (four new
weight curves) spent a sixth of its time on the legend. This one is a single item that
measures its names with the font's metrics and paints them itself. Clicking an entry
hides or shows its curve, as pyqtgraph's does.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen, QTransform
from PySide6.QtWidgets import QApplication

LINE = 20  # length of an entry's line sample
GAP = 5  # between the sample and the name, and around the entries
COLUMN_GAP = 12


class CurveLegend(pg.GraphicsWidgetAnchor, pg.GraphicsWidget):
    """Entries (curve, name) in ``columns`` columns, row by row, over the top right of a
    plot's view box (``offset`` from its corner, as pyqtgraph's ``addLegend``). It shows
    only while the plot has room for it (ROOM): in a small dock (the 1280 x 720 window's
    weights plot) it covered half the curves it named; the views name a curve on hover."""

    ROOM = (0.6, 0.45)  # at most these shares of the view box's width and height

    def __init__(self, plot: pg.PlotWidget, columns: int = 3, offset=(-10, 10)) -> None:
        pg.GraphicsWidget.__init__(self)
        pg.GraphicsWidgetAnchor.__init__(self)
        self.setFlag(self.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(100)  # over the curves
        self.columns = columns
        self.entries: list[tuple[object, str]] = []
        self.font = QFont(QApplication.font())
        self.ink = QColor(0, 0, 0)
        self.fill = QColor(255, 255, 255, 210)
        self.cells: list[QRectF] = []  # each entry's rectangle, for clicks
        self.fits = True  # the plot has room for the legend
        self.box = plot.getPlotItem().vb
        self.setParentItem(self.box)
        self.box.sigResized.connect(self._fit)
        right, below = offset[0] <= 0, offset[1] <= 0
        self.anchor(itemPos=(int(right), int(below)), parentPos=(int(right), int(below)),
                    offset=offset)
        self.setVisible(False)

    def set_entries(self, entries: list[tuple[object, str]]) -> None:
        """The legend's entries: (curve, name) each, the curve's pen drawn as its sample."""
        if entries == self.entries:
            return
        self.entries = list(entries)
        self._measure()

    def apply_theme(self, high_contrast: bool) -> None:
        """The theme's ink and fill, at the application's (scaled) font size."""
        fill = QColor(0, 0, 0, 200) if high_contrast else QColor(255, 255, 255, 210)
        self.set_style(QApplication.font(), QColor("white" if high_contrast else "black"), fill)

    def set_style(self, font: QFont, ink: QColor, fill: QColor) -> None:
        """The names' font and colour and the background (a theme or scale change)."""
        self.font, self.ink, self.fill = QFont(font), QColor(ink), QColor(fill)
        self._measure()

    def names(self) -> list[str]:
        return [name for _, name in self.entries]

    def _measure(self) -> None:
        """Each entry's cell from the names' widths: the columns as wide as their widest."""
        fm = QFontMetricsF(self.font)
        h = max(fm.height(), 12.0)
        n, cols = len(self.entries), max(1, min(self.columns, len(self.entries)))
        widths = [0.0] * cols
        for k, (_, name) in enumerate(self.entries):
            widths[k % cols] = max(widths[k % cols], LINE + GAP + fm.horizontalAdvance(name))
        self.cells, x0 = [], [GAP + sum(widths[:c]) + COLUMN_GAP * c for c in range(cols)]
        for k in range(n):
            self.cells.append(QRectF(x0[k % cols], GAP + (k // cols) * h, widths[k % cols], h))
        rows = (n + cols - 1) // cols
        self.prepareGeometryChange()
        size = QSizeF(x0[-1] + widths[-1] + GAP, 2 * GAP + rows * h) if n else QSizeF(0, 0)
        self.setMinimumSize(size)
        self.setMaximumSize(size)
        self.resize(size)
        self._fit()
        self.update()

    def _fit(self, *args) -> None:
        """Shown when there are entries and the view box has room (pixels either way: the
        legend ignores the view's transformation)."""
        room, size = self.box.boundingRect(), self.size()
        self.fits = size.width() <= self.ROOM[0] * room.width() and \
            size.height() <= self.ROOM[1] * room.height()
        self.setVisible(bool(self.entries) and self.fits)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.size().width(), self.size().height())

    def paint(self, p, *args) -> None:
        p.setPen(QPen(QColor(128, 128, 128, 180)))
        p.setBrush(self.fill)
        p.drawRect(self.boundingRect())
        p.setFont(self.font)
        for (curve, name), cell in zip(self.entries, self.cells):
            shown = curve.isVisible()
            y = cell.center().y()
            pen = pg.mkPen(curve.opts["pen"]) if shown else QPen(QColor(160, 160, 160), 1, Qt.DotLine)
            pen.setCosmetic(True)
            p.setPen(pen)
            p.drawLine(QPointF(cell.left(), y), QPointF(cell.left() + LINE, y))
            ink = QColor(self.ink)
            if not shown:
                ink.setAlpha(110)
            p.setPen(ink)
            p.drawText(cell.adjusted(LINE + GAP, 0, 0, 0), Qt.AlignLeft | Qt.AlignVCenter, name)

    def mouseClickEvent(self, ev) -> None:
        """A click on an entry hides its curve, or shows it again."""
        if ev.button() != Qt.MouseButton.LeftButton:
            return
        for (curve, _), cell in zip(self.entries, self.cells):
            if cell.contains(ev.pos()):
                curve.setVisible(not curve.isVisible())
                self.update()
                ev.accept()
                return


class Readout(pg.TextItem):
    """One line at the top left of a plot's view (a legend sits top right): the curve the
    pointer is on, named with its value, or nothing."""

    HOVER_PX = 6  # a curve this close to the pointer (pixels, vertically) is named

    def __init__(self, plot: pg.PlotWidget) -> None:
        super().__init__("", color=(40, 40, 40), anchor=(0, 0))
        self.box = plot.getPlotItem().vb
        plot.addItem(self, ignoreBounds=True)

    def apply_theme(self, high_contrast: bool) -> None:
        self.setColor("w" if high_contrast else (40, 40, 40))

    def show_text(self, text: str) -> None:
        self.setText(text)
        if text:
            (x0, _), (_, y1) = self.box.viewRange()
            self.setPos(x0, y1)


def nearest(xs: np.ndarray, x: float) -> int:
    """The index of the value of ascending ``xs`` (not empty) nearest ``x``."""
    k = int(np.clip(np.searchsorted(xs, x), 0, len(xs) - 1))
    return k - 1 if k > 0 and abs(xs[k - 1] - x) < abs(xs[k] - x) else k


class Captions(pg.GraphicsObject):
    """Short texts at points of a view box, drawn upright at the font's size whatever the
    zoom (as pyqtgraph's TextItem, but all of them one item: the neuron-maps mosaic names
    48 maps on a 6 × 8 net, and a TextItem each cost 40 setText calls an edit)."""

    def __init__(self, colour=(255, 255, 255), tallest: float = float("inf")) -> None:
        super().__init__()
        self.texts: list[tuple[float, float, str]] = []  # (x, y, text): bottom left at (x, y)
        self.colour = QColor(*colour)
        self.tallest = tallest  # view units: text at most this tall (a name inside its map)
        self.area = QRectF()

    def set_texts(self, texts: list[tuple[float, float, str]], area: QRectF) -> None:
        """The texts and the rectangle (view coordinates) they lie in."""
        if texts == self.texts and area == self.area:
            return
        self.prepareGeometryChange()
        self.texts, self.area = list(texts), QRectF(area)
        self.update()

    def boundingRect(self) -> QRectF:
        return self.area

    def paint(self, p, *args) -> None:
        to_device = QTransform(p.transform())
        font = QFont(QApplication.font())  # the presentation scale's size, unless too tall
        room = self.tallest * abs(to_device.m22())  # pixels
        tall = QFontMetricsF(font).height()
        if tall > room > 0:
            font.setPointSizeF(max(font.pointSizeF() * room / tall, 5.0))
        p.save()
        p.resetTransform()  # text upright and unscaled, at its point's place on screen
        p.setFont(font)
        p.setPen(self.colour)
        for x, y, text in self.texts:
            at = to_device.map(QPointF(x, y))
            p.drawText(QPointF(at.x() + 2, at.y() - 3), text)
        p.restore()
