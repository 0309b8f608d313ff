"""Check boxes whose square grows with their text and stands out on black.

Qt's styles draw a check box's square at a fixed size (Fusion: 13 px) whatever the font:
beside 250 % text on a projector it was a speck, hard to see and to hit. ``CheckBox``
has a style of its own that sizes the square from the box's font (0.76 of a line: 13 px
at 100 %, 32 px at 250 %) and, on a dark palette (high contrast), draws it as a white
frame filled yellow when checked (Fusion's dark grey square vanished on black).

A style of its own, not the application's: a style sheet (high contrast had one for the
square) stopped the fonts following the scale — widgets under a sheet keep the font they
were polished with, so at 250 % the menu bar, tool bar, dock titles, tabs and status
bar fell back to 100 % — and an application-wide style set at run time undid the dock
layout; this one also keeps every other widget's metrics (~7,500 calls a second while
playing) out of Python.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QCheckBox, QProxyStyle, QStyle

SQUARE = 0.76  # the square's side, in lines of the box's font
SIDES = (QStyle.PixelMetric.PM_IndicatorWidth, QStyle.PixelMetric.PM_IndicatorHeight)
FRAME, FILL, MUTED = QColor(255, 255, 255), QColor(255, 230, 0), QColor(150, 150, 150)


def dark(palette: QPalette) -> bool:
    """A palette of light text on a dark window (the high-contrast theme)."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 60


class ScaledSquare(QProxyStyle):
    """The application's style, with a check box's square as large as SQUARE lines of
    the box's font (never smaller than the style's own), framed and filled on black."""

    def __init__(self, parent=None) -> None:
        super().__init__(QApplication.style().name())  # a base of its own (a proxy owns it)
        if parent is not None:
            self.setParent(parent)

    def pixelMetric(self, metric, option=None, widget=None) -> int:  # noqa: N802 - Qt's name
        base = super().pixelMetric(metric, option, widget)
        if metric in SIDES and widget is not None:
            return max(base, round(SQUARE * QFontMetricsF(widget.font()).height()))
        return base

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: N802
        if element != QStyle.PrimitiveElement.PE_IndicatorCheckBox or not dark(option.palette):
            super().drawPrimitive(element, option, painter, widget)
            return
        state = option.state
        enabled = bool(state & QStyle.StateFlag.State_Enabled)
        checked = bool(state & (QStyle.StateFlag.State_On | QStyle.StateFlag.State_NoChange))
        edge = max(2.0, option.rect.width() / 12)
        square = QRectF(option.rect).adjusted(edge / 2, edge / 2, -edge / 2, -edge / 2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = (FILL if checked else FRAME) if enabled else MUTED
        painter.setPen(QPen(colour, edge))
        painter.setBrush(colour if checked else Qt.GlobalColor.black)
        painter.drawRect(square)
        painter.restore()


class CheckBox(QCheckBox):
    """A QCheckBox whose square follows its font and the theme (``ScaledSquare``)."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.square_style = ScaledSquare(self)  # lives as long as the box
        self.setStyle(self.square_style)
