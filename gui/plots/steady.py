"""A plot whose title, axis labels and ranges are set only when they change.

Views redraw up to 60 times a second; pyqtgraph rebuilds both axes on every
``setRange`` and re-lays out the plot on every ``setTitle``/``setLabel``,
even with the values already shown. On a slow machine that was a third of
each frame, so views use a ``SteadyPlot`` and these helpers, which remember
what they last set (on the plot object's own attributes, declared here).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication

from gui.plots.axis import Axis


class MenuOnDemandViewBox(pg.ViewBox):
    """A ViewBox whose right-click menu (View All, axis ranges, mouse mode) is made the
    first time it is asked for: pyqtgraph makes it with the box, ~2.6 ms of widgets a
    plot that few users ever open (a window has a dozen plots)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(enableMenu=False, **kwargs)
        self.state["enableMenu"] = True  # enabled; only not made yet

    def getMenu(self, ev):  # noqa: N802 - pyqtgraph's name
        if self.menu is None and self.menuEnabled():
            self._applyMenuEnabled()  # pyqtgraph's own way to make it (and its view list)
        return self.menu

    def getContextMenus(self, event):  # noqa: N802 - pyqtgraph's name
        menu = self.getMenu(event)
        return menu.actions() if menu is not None else []


class SteadyPlot(pg.PlotWidget):
    """A PlotWidget that remembers the title, labels and range it shows."""

    def __init__(self, **kwargs) -> None:
        axes = {"left": Axis("left"), "bottom": Axis("bottom")}  # readable log ticks
        kwargs.setdefault("viewBox", MenuOnDemandViewBox())
        super().__init__(**{"background": "w", "axisItems": axes, **kwargs})
        for axis in ("left", "bottom"):  # room for tick labels grows, never shrinks: the plot
            # does not jump (and lay the dock out again, a second paint) as the ticks change
            self.getAxis(axis).setStyle(autoReduceTextSpace=False)
            # ...from what the first ticks need: pyqtgraph starts from 30 px wide and 18 px
            # high, so never less (the decision map's x axis took 38 px where 31 do)
            self.getAxis(axis).textWidth = self.getAxis(axis).textHeight = 0
        for axis in ("left", "bottom", "right", "top"):  # (the hidden two follow the view too)
            # ticks as they are (10000, not 10 with "(x1e3)" in the label): with the prefix on,
            # every new range set the axis label's HTML again and resized it (~0.2 ms an axis)
            self.getAxis(axis).enableAutoSIPrefix(False)
        self.shown_title: tuple | None = None  # (full text, ink, width, size) as shown
        self.shown_labels: dict[str, tuple] = {}
        self.shown_range: tuple | None = None

    def resizeEvent(self, e) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(e)
        title = self.__dict__.get("shown_title")  # (none while PlotWidget.__init__ runs)
        if title is not None and title[0]:
            set_title(self, title[0])  # fitted to the new width


def ink(plot: pg.PlotWidget) -> str:
    """The colour the theme gave this plot's text (presentation.style_plots sets the axes'
    text pens): labels and titles set later must use it too, or they stay black on a
    high-contrast black background."""
    return plot.getAxis("bottom").textPen().color().name()


def set_title(plot: SteadyPlot, text: str | None) -> None:
    """The plot's title, cut with "…" where it is wider than its view box (at 250 % in a
    narrow dock the end ran past the edge); the whole title is its tooltip then."""
    item = plot.getPlotItem()
    label = item.titleLabel
    size = label.opts.get("size")  # the scale's, if styled
    # the title's column is over the view box, not the left axis; measured from the widget,
    # as a title wider than that column widens the whole plot past the widget's edge
    left = item.getAxis("left")
    width = plot.width() - (left.width() if left.isVisible() else 0) - 16
    key = (text, ink(plot), width, size)
    if plot.shown_title != key:
        shown = fitted_title(text, size, width) if text else text
        plot.setTitle(shown, color=key[1], **({"size": size} if size else {}))
        label.setToolTip(text if shown != text else "")
        plot.shown_title = key
        if item.geometry() != plot.range:  # laid out wider than the widget while the
            item.setGeometry(plot.range)  # title was longer: back within it


def fitted_title(text: str, size: str | None, width: float) -> str:
    """``text`` as it fits ``width`` pixels in the title font (``size``: "12pt"), cut at
    the end with "…" if it does not (the whole text while the plot has no width yet)."""
    if width <= 0:
        return text
    font = QFont(QApplication.font())
    if size and size.endswith("pt"):
        font.setPointSizeF(float(size[:-2]))
    return QFontMetricsF(font).elidedText(text, Qt.ElideRight, width)


def set_label(plot: SteadyPlot, axis: str, text: str) -> None:
    key = (text, ink(plot))
    if plot.shown_labels.get(axis) != key:
        size = plot.getAxis(axis).labelStyle.get("font-size")
        style = {"color": key[1], **({"font-size": size} if size else {})}
        plot.setLabel(axis, text, **style)
        plot.shown_labels[axis] = key


def room_above(plot: SteadyPlot) -> None:
    """Room above a plot with no title for the top half of its top tick label: a tick on
    the view's top edge (a whole-decade range, a padded loss) was cut by the dock's top."""
    half = np.ceil(QFontMetricsF(QApplication.font()).height() / 2)
    plot.getPlotItem().setContentsMargins(0, float(half), 0, 0)


#: the largest end a range may have: pyqtgraph adds the ends (e.g. 1e308 + 1e308) while
#: checking a range's resolution, and anything near the float limit overflows there
SHOWABLE = 1e300


def set_range(plot: SteadyPlot, x: tuple[float, float], y: tuple[float, float],
              padding: float = 0.0) -> None:
    """``setRange`` unless this range was the last one set and the view (not panned
    or zoomed since) still shows what that call left. Nor a range pyqtgraph cannot show
    (an end, the width or the padded ends beyond ``SHOWABLE``, or reversed: a weight typed
    as 1e308, an input of 1e308 in a file): the view keeps
    the range it had, rather than pyqtgraph raising inside a paint or resize. (An empty
    range is fine: pyqtgraph widens it.)"""
    want = (float(x[0]), float(x[1]), float(y[0]), float(y[1]), padding)
    widths = (want[1] - want[0], want[3] - want[2])
    padded = (want[0] - padding * widths[0], want[1] + padding * widths[0],  # as pyqtgraph pads
              want[2] - padding * widths[1], want[3] + padding * widths[1])
    if not all(abs(v) < SHOWABLE for v in (*want[:4], *widths, *padded)) or min(widths) < 0:
        return
    last = plot.shown_range
    if last is not None and last[0] == want and last[1] == plot.viewRange():
        return
    plot.setRange(xRange=x, yRange=y, padding=padding)
    plot.shown_range = (want, plot.viewRange())


class Grid(pg.PlotCurveItem):
    """Grid lines at the axes' major ticks, one curve of line pairs made again only when
    the view's range changes. pyqtgraph's own grid (``showGrid``) replays a picture that
    cost ~5 ms per axis on every paint: 10 of the loss plot's 12 ms."""

    ALPHA = 60

    def __init__(self, plot: pg.PlotWidget) -> None:
        super().__init__(connect="pairs", antialias=False)
        self.plot = plot
        self.setZValue(-100)
        # into the view box itself: not one of the plot's curves (legend, downsampling)
        plot.getPlotItem().vb.addItem(self, ignoreBounds=True)
        plot.getPlotItem().vb.sigRangeChanged.connect(self.follow)

    def follow(self, *args) -> None:
        vb = self.plot.getPlotItem().vb
        (x0, x1), (y0, y1) = vb.viewRange()
        xs = self._majors("bottom", x0, x1, vb.width())
        ys = self._majors("left", y0, y1, vb.height())
        colour = self.plot.getAxis("bottom").textPen().color()
        colour.setAlpha(self.ALPHA)
        self.setPen(pg.mkPen(colour, width=1))
        x = np.concatenate([np.repeat(xs, 2), np.tile([x0, x1], len(ys))])
        y = np.concatenate([np.tile([y0, y1], len(xs)), np.repeat(ys, 2)])
        self.setData(x, y, connect="pairs")

    def _majors(self, axis: str, lo: float, hi: float, size: float) -> np.ndarray:
        if not (np.isfinite(lo) and np.isfinite(hi) and hi > lo and size > 0):
            return np.empty(0)
        levels = self.plot.getAxis(axis).tickValues(lo, hi, size)
        return np.asarray(levels[0][1] if levels else [], dtype=float)


def set_items(box, items: list[tuple[str, object]], default: int = 0) -> None:
    """A combo box's entries (text, data), left alone when they are the ones shown (clearing
    and filling the boxes cost ~0.5 ms an edit). The chosen entry stays chosen while its
    data is still offered (adding a neuron kept the user's layer: it went back to the
    first), else entry ``default``. Programmatic: emits no ``activated``."""
    if [(box.itemText(k), box.itemData(k)) for k in range(box.count())] == items:
        return
    keep, offered = box.currentData(), [data for _, data in items]
    box.clear()
    for text, data in items:
        box.addItem(text, data)
    if items:
        box.setCurrentIndex(offered.index(keep) if keep is not None and keep in offered
                            else min(default, len(items) - 1))
