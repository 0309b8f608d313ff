"""File → Record…: what to record while training plays, and where."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from gui.filedialog import ask_file
from gui.i18n import translate
from gui.messages import DialogRefusal


class RecordDialog(QDialog):
    """Which view (or the whole window), epochs per frame, frames, width, size limit, file.
    ``values()`` is what ``MainWindow.start_recording`` takes. With ``start`` (values ->
    None, or the refusal), Start recording starts it, and a refusal (a file that cannot be
    written) shows in the dialog, which stays open with the choices made."""

    def __init__(self, views: list[tuple[str, str]], path: str, parent: QWidget | None = None,
                 start=None) -> None:
        super().__init__(parent)
        self.start = start
        self.setWindowTitle(translate("record", "Record training"))
        form = QFormLayout(self)
        self.view = QComboBox()
        for vid, title in views:
            self.view.addItem(title, vid)
        self.view.setToolTip(translate("record", "What to record: one view, or the whole window"))
        form.addRow(translate("record", "&View:"), self.view)
        self.every = QSpinBox()
        self.every.setRange(1, 1_000_000)
        self.every.setValue(50)
        self.every.setToolTip(translate("record", "A frame after every this many epochs trained"))
        form.addRow(translate("record", "&Epochs per frame:"), self.every)
        self.frames = QSpinBox()
        self.frames.setRange(2, 2000)
        self.frames.setValue(60)
        self.frames.setToolTip(translate("record", "Recording stops (and the file is written) after "
                                                   "this many frames, or when you choose Stop recording"))
        form.addRow(translate("record", "&Frames at most:"), self.frames)
        self.max_width = QSpinBox()
        self.max_width.setRange(160, 3840)
        self.max_width.setValue(800)
        self.max_width.setSuffix(" px")
        self.max_width.setToolTip(translate("record", "Frames wider than this are scaled down"))
        form.addRow(translate("record", "&Width at most:"), self.max_width)
        self.limit = QDoubleSpinBox()
        self.limit.setRange(0.1, 500.0)
        self.limit.setValue(8.0)
        self.limit.setSuffix(" MB")
        self.limit.setToolTip(translate("record", "A larger file keeps every other frame (each shown "
                                                  "twice as long) until it fits"))
        form.addRow(translate("record", "&Size limit:"), self.limit)
        self.path = QLineEdit(path)
        self.path.setToolTip(translate("record", ".gif, or .png / .apng for an animated PNG"))
        browse = QPushButton(translate("record", "&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        label = QLabel(translate("record", "&File:"))  # a row of two: the label needs its buddy
        label.setBuddy(self.path)
        form.addRow(label, row)
        self.error = DialogRefusal(getattr(parent, "high_contrast", False))
        form.addRow(self.error)
        self.path.textEdited.connect(lambda _: self.error.hide())
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(translate("record", "Start recording"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        path, _ = ask_file(self, True, translate("record", "Record to"), self.path.text(),
                           "GIF (*.gif);;APNG (*.png *.apng)")
        if path:
            self.path.setText(path)

    def accept(self) -> None:
        problem = self.start(**self.values()) if self.start is not None else None
        if problem:
            self.error.say(problem, self.path)
            return
        super().accept()

    def values(self) -> dict:
        return {"view": self.view.currentData(), "path": self.path.text().strip(),
                "epochs_per_frame": self.every.value(), "frames": self.frames.value(),
                "max_width": self.max_width.value(), "limit_mb": self.limit.value()}
