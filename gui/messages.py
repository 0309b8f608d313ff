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

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QToolButton, QWidget

from gui.i18n import translate
from gui.richtext import plain_tip

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


class DialogRefusal(QLabel):
    """A refusal inside a dialog, under its fields, for a dialog that stays open on bad
    input with what was typed (closed, with the refusal on the main window, the user typed
    it all again). Plain text (it quotes what was typed), red (yellow in high contrast),
    hidden until ``say``."""

    def __init__(self, high_contrast: bool = False) -> None:
        super().__init__()
        self.setTextFormat(Qt.PlainText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.setStyleSheet(f"color: {'#ffe600' if high_contrast else '#b00000'}")
        self.hide()

    def say(self, text: str, field: QWidget) -> None:
        """Show ``text``, grow the dialog for its lines (a wrapped label does not make its
        dialog grow: the lines were cut at 250 %) and put the keyboard on ``field``."""
        self.setText("⚠ " + text)
        self.show()
        dialog = self.window()
        lay = dialog.layout()
        lay.activate()
        want = max(dialog.height(), lay.totalHeightForWidth(dialog.width()))
        screen = dialog.screen().availableGeometry() if dialog.screen() else None
        if screen is not None:  # within the screen, its buttons in sight (a dialog that
            # scrolls wants more than the screen: the lesson editor at 250 % grew past it)
            frame = dialog.frameGeometry().height() - dialog.height()
            want = min(want, screen.height() - frame)
        dialog.resize(dialog.width(), want)
        if screen is not None and dialog.frameGeometry().bottom() > screen.bottom():
            dialog.move(dialog.x(), max(screen.top(), screen.bottom() - dialog.frameGeometry().height()))
        field.setFocus(Qt.OtherFocusReason)
        if isinstance(field, QLineEdit):
            field.selectAll()


class NoteLabel(QLabel):
    """The status bar's left part: the last result, for NOTE_MS; the full text in its
    tooltip when the bar is too narrow for it. While it shows one it asks the figures
    for the room to show it whole (``wants_room``, px; 0 when it is gone)."""

    wants_room = Signal(int)

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
        self.setToolTip(plain_tip(text))  # (a note quotes file names: never markup)
        self._elide()
        if text:
            self.timer.start(NOTE_MS)
        fm, m = self.fontMetrics(), self.contentsMargins()  # (and the bar's spacing and grip)
        self.wants_room.emit(fm.horizontalAdvance(text) + m.left() + m.right() + 2 * self.margin()
                             + 4 * fm.averageCharWidth() if text else 0)

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
    animations an edit). Where the bar is too narrow (250 % on 1280 x 720) the figures are
    elided with "…", the whole line in the tooltip (they were cut off at the window's edge)."""

    STEP = 40  # px: the width grows and shrinks in these steps
    NOTE_ROOM = 160  # px of the bar left for the note beside the figures, at least, and
    NOTE_CHARS = 16  # this many average characters of the font (at 250 % on 1280 x 720, 160
    # px showed the note "Scale 250 %" as "Scale 2…"; 14 cut the Czech "Měřítko 250 %")
    NOTE_SHARE = 0.6  # of the bar, at most, for a note being shown (a result the user asked
    # for, "Wrote training.gif: 60 frames, 3101 KiB", read "Wrote trai…" at 250 %), while
    # the figures, elided meanwhile, are whole in their tooltip

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.PlainText)
        self.full = ""  # the whole line (the label may show it elided)
        self.tip = ""  # what the figures are (the tooltip)
        self.note_wants = 0  # px the note beside asks for while it shows a result
        self._watched = None
        self._fit()

    def give_note(self, px: int) -> None:
        """The note shows a result needing ``px`` (0: none any more)."""
        if px != self.note_wants:
            self.note_wants = px
            self._fit()

    def show_text(self, text: str, tip: str = "") -> None:
        self.full, self.tip = text, tip
        self._fit()

    def _fit(self) -> None:
        """Measured from the font, not sizeHint (QLabel's cached hint kept the 250 % size
        after the scale went back to 100 %). Setting the text of a fixed-size label makes
        no layout request."""
        bar = self.parentWidget()
        if bar is not self._watched and bar is not None:
            bar.installEventFilter(self)  # the bar's width: room for the figures
            self._watched = bar
        fm = self.fontMetrics()
        m = self.contentsMargins()
        pad = m.left() + m.right() + 2 * self.margin() + 4
        need_w = fm.horizontalAdvance(self.full) + pad
        need_h = fm.height() + m.top() + m.bottom() + 2 * self.margin()
        note = max(self.NOTE_ROOM, self.NOTE_CHARS * fm.averageCharWidth())
        room = None
        if bar is not None and bar.width() > 2 * note:
            room = bar.width() - max(note, min(self.note_wants, int(self.NOTE_SHARE * bar.width())))
        shown = self.full
        if room is not None and need_w > room:
            shown = fm.elidedText(self.full, Qt.ElideRight, room - pad)
            need_w = room
        w, h = self.maximumWidth(), self.maximumHeight()
        # (and when it is wider than the room left: made while the bar was too narrow to
        # have room, its full width stayed, and the note was cut)
        if need_w > w or need_w < w - 3 * self.STEP or need_h != h or \
                (room is not None and w > room):
            width = self.STEP * math.ceil(need_w / self.STEP)
            self.setFixedSize(min(width, room) if room is not None else width, need_h)
        if shown != self.text():
            self.setText(shown)
        tip = self.tip if shown == self.full else "\n\n".join(t for t in (self.full, self.tip) if t)
        if tip != self.toolTip():
            self.setToolTip(tip)

    def eventFilter(self, obj, e) -> bool:
        if obj is self._watched and e.type() == QEvent.Resize:
            self._fit()
        return False

    def changeEvent(self, e) -> None:
        super().changeEvent(e)
        if e.type() in (QEvent.FontChange, QEvent.ApplicationFontChange, QEvent.StyleChange):
            self._fit()
