"""Hyper-parameters: learning rate, batch mode, loss, optimiser, speed, stop rules."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QSizePolicy, QWidget

from core import LOSSES
from gui.combo import ElidingComboBox
from gui.commands import BATCHES, LOSS_TEXT, OPTIMIZERS, REDUCTIONS, SETTING_NAMES, value_text
from gui.controller import SPEEDS, Controller
from gui.document import Document
from gui.forms import narrow
from gui.i18n import message, translate


def choices(items, tip: str) -> QComboBox:
    """A combo box of (text, value) items: the value rides in itemData, the text is only
    shown."""
    box = ElidingComboBox()  # (a long choice in a narrow column ends with "…", not cut)
    for text, value in items:
        box.addItem(message(text), value)
    box.setToolTip(tip)
    return box


def select(box: QComboBox, value, text: str | None = None) -> None:
    """Show the item holding ``value`` (adding it, as ``text``, when the list lacks it)."""
    i = next((k for k in range(box.count()) if box.itemData(k) == value), -1)  # 100 == 100.0
    if i < 0:
        box.addItem(message(text or str(value)), value)
        i = box.count() - 1
    box.setCurrentIndex(i)


class TrainingPanel(QWidget):
    def __init__(self, doc: Document, controller: Controller, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.lr = QLineEdit()
        self.lr.setToolTip(translate("training", "Learning rate α (positive); press Enter. Training is "
                                                 "not reset."))
        self.lr.editingFinished.connect(lambda: self._text("lr", self.lr))
        self.batch = choices(BATCHES, translate("training", "How many samples each update uses"))
        self.loss = choices([(LOSS_TEXT.get(n, n), n) for n in LOSSES],
                            translate("training", "½Σ(ŷ−y)² (the notes' E), Σ(ŷ−y)² (with mean: note "
                                                  "003's MSE), or a cross-entropy"))
        self.reduction = choices(REDUCTIONS, translate("training", "Over the samples of a batch: the mean "
                                                                   "or the sum"))
        self.optimizer = choices(OPTIMIZERS, translate("training", "How each update uses the gradient"))
        self.speed = choices(SPEEDS.items(), translate("training", "How fast Play trains (saved with the "
                                                                   "project)"))
        for key, box in (("batch", self.batch), ("loss", self.loss), ("reduction", self.reduction),
                         ("optimizer", self.optimizer), ("speed", self.speed)):
            box.activated.connect(lambda i, k=key, b=box: doc.set_setting(k, b.itemData(i)))
            # as wide as the column gives (beside its label at 100 %: a box as wide as its
            # longest choice put every field of the narrow form under its label)
            box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(10)
            box.setSizePolicy(QSizePolicy.Expanding, box.sizePolicy().verticalPolicy())
        self.max_epochs = QLineEdit()
        self.max_epochs.setPlaceholderText(translate("training", "none"))
        self.max_epochs.setToolTip(translate("training", "Stop after this many epochs (empty: never)"))
        self.max_epochs.editingFinished.connect(lambda: self._text("max_epochs", self.max_epochs))
        self.threshold = QLineEdit()
        self.threshold.setPlaceholderText(translate("training", "none"))
        self.threshold.setToolTip(translate("training", "Stop when the loss is at most this (e.g. 1e-6)"))
        self.threshold.editingFinished.connect(lambda: self._text("loss_threshold", self.threshold))
        self.l1, self.l2 = QLineEdit(), QLineEdit()
        for key, edit, tip in (
                ("l1", self.l1, translate("training", "L1 regularisation λ₁ (0: off): adds λ₁·Σ|w| over the "
                                                      "weights; drives unneeded weights to exactly 0, "
                                                      "drawn as dashed links. Press Enter; training is not "
                                                      "reset.")),
                ("l2", self.l2, translate("training", "L2 regularisation λ₂ (0: off): adds (λ₂/2)·Σw² over "
                                                      "the weights. Press Enter; training is not reset."))):
            edit.setPlaceholderText("0")
            edit.setToolTip(tip)
            edit.editingFinished.connect(lambda k=key, e=edit: self._text(k, e))
        form = QFormLayout(self)
        for key, field in (("lr", self.lr), ("batch", self.batch), ("loss", self.loss),
                           ("reduction", self.reduction), ("optimizer", self.optimizer),
                           ("l1", self.l1), ("l2", self.l2), ("speed", self.speed),
                           ("max_epochs", self.max_epochs), ("loss_threshold", self.threshold)):
            form.addRow(message(SETTING_NAMES[key]), field)  # (the names Edit → Undo uses)
        narrow(form)
        doc.settings_changed.connect(self._on_settings_changed)
        doc.structure_changed.connect(self._on_settings_changed)
        self._on_settings_changed()

    def _text(self, key: str, edit: QLineEdit) -> None:
        if not self.doc.set_setting(key, edit.text()):
            self._on_settings_changed()  # show the value still in force

    def _on_settings_changed(self) -> None:
        s = self.doc.settings
        self.lr.setText(f"{s['lr']:g}")
        select(self.batch, s["batch"], value_text("batch", s["batch"]))
        select(self.loss, s["loss"])
        select(self.reduction, s["reduction"])
        select(self.optimizer, s["optimizer"])
        select(self.speed, s["speed"], value_text("speed", s["speed"]))
        self.max_epochs.setText("" if s["max_epochs"] is None else str(s["max_epochs"]))
        self.threshold.setText("" if s["loss_threshold"] is None else f"{s['loss_threshold']:g}")
        for key, edit in (("l1", self.l1), ("l2", self.l2)):
            v = s.get(key, 0.0)
            edit.setText(f"{v:g}" if v else "")
