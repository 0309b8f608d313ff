"""Presentation settings for a projector: a font/zoom scale that every panel
follows (100 % to 250 %), and a high-contrast theme."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QGraphicsItem, QWidget

from gui.plots.steady import set_title

SCALES = (1.0, 1.25, 1.5, 1.75, 2.0, 2.5)
FONT_CLASSES = ("QTabBar", "QHeaderView", "QMenu", "QMenuBar",
                "QToolButton", "QStatusBar", "QComboBox", "QAbstractItemView")


def scaled_font(base: QFont, scale: float, bold: bool = False) -> QFont:
    f = QFont(base)
    f.setPointSizeF(base.pointSizeF() * scale)
    f.setBold(bold)
    return f


def cache_axes(root: QWidget) -> None:
    """Each plot axis paints into a pixmap kept until the axis changes: replaying its
    tick labels on every frame of a live plot was a sixth of the frame here."""
    for pw in root.findChildren(pg.PlotWidget):
        for name in ("left", "bottom"):
            pw.getAxis(name).setCacheMode(QGraphicsItem.DeviceCoordinateCache)


def style_plots(root: QWidget, scale: float, high_contrast: bool) -> None:
    """Axis fonts, labels, titles and colours of every pyqtgraph plot under ``root``."""
    app = QApplication.instance()
    size = app.font().pointSizeF()
    font = QFont(app.font())
    fg, bg = ("#ffffff", "#000000") if high_contrast else ("#000000", "#ffffff")  # CSS-valid
    for pw in root.findChildren(pg.PlotWidget):
        pw.setBackground(bg)
        item = pw.getPlotItem()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setStyle(tickFont=font)
            # measured afresh at the next paint: pyqtgraph shrinks an axis's room for its
            # tick labels only when they get 10 px smaller, so after 250 % the decision
            # map's x axis kept ~10 px of blank under its labels back at 100 %
            axis.textWidth = axis.textHeight = 0
            axis.setPen(pg.mkPen(fg))
            axis.setTextPen(pg.mkPen(fg))
            if axis.labelText:
                axis.setLabel(axis.labelText, units=axis.labelUnits,
                              **{"font-size": f"{size:.0f}pt", "color": fg})
        title = item.titleLabel.text
        if title:
            item.setTitle(title, size=f"{size * 1.1:.0f}pt", color=fg)
            full = getattr(pw, "shown_title", None)
            if full and full[0]:  # a SteadyPlot's whole title, fitted again at the new size
                set_title(pw, full[0])
        legend = item.legend
        if legend is not None:
            legend.setLabelTextSize(f"{size:.0f}pt")
            legend.setLabelTextColor(fg)
            for _sample, label in legend.items:  # existing entries keep their old size otherwise
                label.setText(label.text, size=f"{size:.0f}pt", color=fg)
            legend.setBrush(pg.mkBrush(0, 0, 0, 200) if high_contrast else pg.mkBrush(255, 255, 255, 210))
    for glw in root.findChildren(pg.GraphicsLayoutWidget):
        glw.setBackground(bg)
    for view in root.findChildren(QWidget):  # lines and texts a view draws in the theme's ink
        if hasattr(view, "apply_theme"):
            view.apply_theme(high_contrast)
        if hasattr(view, "apply_scale"):  # what a view draws in pixels, at the scale
            view.apply_scale(scale)


def palette(high_contrast: bool) -> QPalette:
    """The application palette: the platform's, or white/yellow on black."""
    if not high_contrast:
        return QApplication.style().standardPalette()
    p = QPalette()
    black, white, yellow = QColor(0, 0, 0), QColor(255, 255, 255), QColor(255, 230, 0)
    for role, colour in ((QPalette.Window, black), (QPalette.WindowText, white),
                         (QPalette.Base, QColor(20, 20, 20)), (QPalette.AlternateBase, black),
                         (QPalette.Text, white), (QPalette.Button, QColor(30, 30, 30)),
                         (QPalette.ButtonText, white), (QPalette.ToolTipBase, black),
                         (QPalette.ToolTipText, white), (QPalette.Highlight, yellow),
                         (QPalette.HighlightedText, black), (QPalette.PlaceholderText,
                                                              QColor(170, 170, 170))):
        p.setColor(role, colour)
    p.setColor(QPalette.Disabled, QPalette.Text, QColor(150, 150, 150))
    p.setColor(QPalette.Disabled, QPalette.ButtonText, QColor(150, 150, 150))
    p.setColor(QPalette.Disabled, QPalette.WindowText, QColor(150, 150, 150))
    return p
