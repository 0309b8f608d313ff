"""Where the window tells the user things.

Refusals (bad input, a file that cannot be read, a run that diverged) appear in a
``MessageBar`` above the canvas: coloured, word-wrapped, never cut, until closed
or replaced (or after ``REFUSAL_MS``). Results ("Saved run.json") appear in the
status bar's ``NoteLabel`` on the left, which, unlike QStatusBar's temporary
messages, is neither covered by the figures on the right nor replaced by a menu's
hover text.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton

from gui.i18n import translate

REFUSAL_MS = 20_000
NOTE_MS = 10_000


class MessageBar(QFrame):
    """A refusal, shown until closed (✕, Esc in the bar) or replaced."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setFrameShape(QFrame.StyledPanel)
        self.icon = QLabel("⚠")
        self.text = QLabel()
        self.text.setTextFormat(Qt.PlainText)  # messages quote files: never rich text
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.text.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip(translate("messages", "Close this message"))
        self.close_button.clicked.connect(self.hide)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 4, 4)
        lay.addWidget(self.icon, 0, Qt.AlignTop)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.close_button, 0, Qt.AlignTop)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.hide)
        self.set_high_contrast(False)
        self.hide()

    def show_text(self, text: str) -> None:
        self.text.setText(text)
        self.show()
        self.timer.start(REFUSAL_MS)

    def set_high_contrast(self, on: bool) -> None:
        self.setStyleSheet(
            "#messageBar { background: #3a0000; border: 2px solid #ffe600; }"
            "#messageBar QLabel { color: white; }" if on else
            "#messageBar { background: #fde2e1; border: 1px solid #c0392b; }"
            "#messageBar QLabel { color: #5a0d06; }")


class NoteLabel(QLabel):
    """The status bar's left part: the last result, for NOTE_MS; the full text in its
    tooltip when the bar is too narrow for it."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.PlainText)
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.setMinimumWidth(120)
        self.full = ""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lambda: self.show_text(""))

    def show_text(self, text: str) -> None:
        self.full = text
        self.setToolTip(text)
        self._elide()
        if text:
            self.timer.start(NOTE_MS)

    def resizeEvent(self, e) -> None:
        super().resizeEvent(e)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self.full, Qt.ElideRight, max(self.width(), 40)))


class FiguresLabel(QLabel):
    """The status bar's right part: epoch, loss, accuracy, several times a second. Its
    size is fixed, and changes only when the text outgrows it or leaves more than three
    STEPs of it empty: a label whose size followed its text made each new figure lay out
    the whole window (the status bar, then every dock, ~1 ms and fifteen geometry
    animations an edit)."""

    STEP = 40  # px: the width grows and shrinks in these steps

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.PlainText)
        self._fit()

    def show_text(self, text: str) -> None:
        if text != self.text():
            self.setText(text)  # a fixed-size label: no layout request
        self._fit()

    def _fit(self) -> None:
        """Measured from the font, not sizeHint (QLabel's cached hint kept the 250 % size
        after the scale went back to 100 %)."""
        fm = self.fontMetrics()
        m = self.contentsMargins()
        need_w = fm.horizontalAdvance(self.text()) + m.left() + m.right() + 2 * self.margin() + 4
        need_h = fm.height() + m.top() + m.bottom() + 2 * self.margin()
        w, h = self.maximumWidth(), self.maximumHeight()
        if need_w > w or need_w < w - 3 * self.STEP or need_h != h:
            self.setFixedSize(self.STEP * math.ceil(need_w / self.STEP), need_h)

    def changeEvent(self, e) -> None:
        super().changeEvent(e)
        if e.type() in (QEvent.FontChange, QEvent.ApplicationFontChange, QEvent.StyleChange):
            self._fit()
