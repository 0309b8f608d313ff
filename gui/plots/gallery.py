"""The activation gallery (lecture 002): every activation and its derivative."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from core import ACTIVATIONS
from gui.i18n import translate


class ActivationGallery(QWidget):
    """One small plot per activation: f(a) solid, f'(a) dashed (from the engine). Each plot
    gets at least CELL_LINES lines of the font in height and CELL_CHARS characters in
    width; where the dock is shorter the gallery scrolls (at 250 % on 1280 × 720 its plots
    were squeezed to flat lines under their titles and tick labels, and the ticks of a
    narrow cell ran together: "-2 0" read "-20")."""

    COLUMNS = 5  # at most; fewer when the view is narrow
    CELL = 140  # px, at least, wide and…
    CELL_LINES = 5.5  # …this many lines of the font high, at least
    CELL_CHARS = 16  # and this many average characters wide

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.view = pg.GraphicsLayoutWidget()
        self.view.setBackground("w")
        self.plots: list[pg.PlotItem] = []  # made when the gallery is first shown
        self.columns = 0
        self.high_contrast = False
        self.setMinimumHeight(200)
        self.scroll = QScrollArea()
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # (columns fit the width)
        self.scroll.setWidget(self.view)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.scroll)

    def showEvent(self, e) -> None:
        """The plots are made the first time the gallery is seen: a window whose gallery
        stays behind its tab does not pay for them (they were ~45 % of building a window)."""
        if not self.plots:
            self._build()
        super().showEvent(e)

    def _build(self) -> None:
        a = np.linspace(-4.0, 4.0, 401)
        for name, act in ACTIVATIONS.items():
            if not act.elementwise:
                continue  # softmax acts on a vector, not a number
            plot = pg.PlotItem(title=name)
            self.plots.append(plot)
            plot.showGrid(x=True, y=True, alpha=0.3)
            plot.setMouseEnabled(False, False)
            z = act(a[None, :])
            plot.plot(a, z[0], pen=pg.mkPen(200, 40, 40, width=2))
            if act.df is not None:
                d = act.df(a[None, :], z, np.empty((1, a.size)))
                plot.plot(a, d[0], pen=pg.mkPen(40, 90, 200, width=2, style=pg.QtCore.Qt.DashLine))
            plot.setYRange(-2.0, 1.5 if act.bounds else 4.0)  # bounded: its range; else room
            plot.setToolTip(translate("gallery", "f(a) = {0}\nf'(a) = {1}  (dashed)")
                            .format(act.formula, act.derivative))
        self._fit()
        self.apply_theme(self.high_contrast)

    def _arrange(self, columns: int) -> None:
        """The plots in a grid of ``columns`` (a column never runs off the view's edge)."""
        if columns == self.columns:
            return
        self.columns = columns
        for plot in self.plots:
            if plot.scene() is not None:
                self.view.ci.removeItem(plot)
        for k, plot in enumerate(self.plots):
            self.view.ci.addItem(plot, row=k // columns, col=k % columns)
        self.view.ci.setGeometry(self.view.range)  # re-adding items resized the layout

    def resizeEvent(self, e) -> None:
        super().resizeEvent(e)
        if self.plots:
            self._fit()

    def cell(self) -> tuple[int, int]:
        """The least width and height of a plot in the current font (px)."""
        fm = self.fontMetrics()
        return (max(self.CELL, self.CELL_CHARS * fm.averageCharWidth()),
                max(self.CELL // 2, math.ceil(self.CELL_LINES * fm.height())))

    def _fit(self) -> None:
        """The most columns (up to COLUMNS) whose plots fit side by side in the view, and
        rows of at least a cell's height (the gallery scrolls where they need more)."""
        width, height = self.cell()
        room = self.scroll.viewport().width()
        for columns in range(min(self.COLUMNS, max(1, room // width)), 0, -1):
            self._arrange(columns)  # the most columns whose plots fit side by side
            if columns == 1 or self.view.ci.effectiveSizeHint(Qt.MinimumSize).width() <= room:
                break
        self.view.setMinimumHeight(math.ceil(len(self.plots) / max(self.columns, 1)) * height)

    def changeEvent(self, e) -> None:
        super().changeEvent(e)
        if e.type() in (e.Type.FontChange, e.Type.ApplicationFontChange) and self.plots:
            self._fit()  # (a zoom: cells in the new font)

    def apply_theme(self, high_contrast: bool) -> None:
        """Axes and titles in the theme's ink (the window's style pass skips plots that live
        in a layout, not a PlotWidget)."""
        self.high_contrast = high_contrast
        ink = "w" if high_contrast else "k"
        self.view.setBackground("k" if high_contrast else "w")
        for item in self.view.ci.items:
            if isinstance(item, pg.PlotItem):
                for name in ("left", "bottom"):
                    item.getAxis(name).setPen(pg.mkPen(ink))
                    item.getAxis(name).setTextPen(pg.mkPen(ink))
                item.setTitle(item.titleLabel.text, color=ink)
