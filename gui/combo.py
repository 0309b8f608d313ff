"""A combo box that ends its shown choice with "…" where the box is too narrow for it
(Qt's draws it cut at the box's edge: at 1280 x 720 the Czech Training panel showed
"binární křížová entr"); the list it opens shows every choice whole."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter


class ElidingComboBox(QComboBox):
    def shown_text(self) -> str:
        """The current choice as the box draws it: whole, or cut with "…" to fit."""
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        room = self.style().subControlRect(QStyle.CC_ComboBox, opt, QStyle.SC_ComboBoxEditField,
                                           self).width()
        return self.fontMetrics().elidedText(opt.currentText, Qt.ElideRight, max(room - 2, 0))

    def paintEvent(self, e) -> None:  # noqa: N802 - Qt's name
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        painter.drawComplexControl(QStyle.CC_ComboBox, opt)
        opt.currentText = self.shown_text()
        painter.drawControl(QStyle.CE_ComboBoxLabel, opt)
