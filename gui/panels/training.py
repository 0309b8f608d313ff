"""Hyper-parameters: learning rate, batch mode, loss, optimiser, speed, stop rules."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from core import LOSSES
from gui.controller import SPEEDS, Controller, speed_name
from gui.document import Document

BATCHES = {"per sample": "sample", "full batch": "full", "mini-batch 8": 8, "mini-batch 32": 32}


def batch_value(text: str):
    """'per sample' -> 'sample', 'full batch' -> 'full', 'mini-batch 16' -> 16."""
    return BATCHES.get(text) or int(text.rsplit(" ", 1)[1])


class TrainingPanel(QWidget):
    def __init__(self, doc: Document, controller: Controller, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.lr = QLineEdit()
        self.lr.setToolTip("Learning rate α (positive); press Enter. Training is not reset.")
        self.lr.editingFinished.connect(lambda: self._text("lr", self.lr))
        self.batch = QComboBox()
        self.batch.addItems(list(BATCHES))
        self.batch.setToolTip("How many samples each update uses")
        self.batch.activated.connect(lambda i: doc.set_setting("batch", batch_value(
            self.batch.currentText())))
        self.loss = QComboBox()
        self.loss.addItems(list(LOSSES))
        self.loss.setToolTip("half_sse: ½Σ(ŷ−y)²; mse: Σ(ŷ−y)² (mean: 1/N); bce/cce: cross-entropy")
        self.loss.activated.connect(lambda i: doc.set_setting("loss", self.loss.currentText()))
        self.reduction = QComboBox()
        self.reduction.addItems(["mean", "sum"])
        self.reduction.activated.connect(
            lambda i: doc.set_setting("reduction", self.reduction.currentText()))
        self.optimizer = QComboBox()
        self.optimizer.addItems(["sgd", "momentum", "adam"])
        self.optimizer.activated.connect(
            lambda i: doc.set_setting("optimizer", self.optimizer.currentText()))
        self.speed = QComboBox()
        for name, rate in SPEEDS.items():
            self.speed.addItem(name, rate)
        self.speed.setToolTip("How fast Play trains (saved with the project)")
        self.speed.activated.connect(lambda i: doc.set_setting("speed", self.speed.itemData(i)))
        self.max_epochs = QLineEdit()
        self.max_epochs.setPlaceholderText("none")
        self.max_epochs.setToolTip("Stop after this many epochs (empty: never)")
        self.max_epochs.editingFinished.connect(lambda: self._text("max_epochs", self.max_epochs))
        self.threshold = QLineEdit()
        self.threshold.setPlaceholderText("none")
        self.threshold.setToolTip("Stop when the loss is at most this (e.g. 1e-6)")
        self.threshold.editingFinished.connect(lambda: self._text("loss_threshold", self.threshold))
        form = QFormLayout(self)
        form.addRow("learning rate", self.lr)
        form.addRow("batch", self.batch)
        form.addRow("loss", self.loss)
        form.addRow("reduction", self.reduction)
        form.addRow("optimizer", self.optimizer)
        form.addRow("speed", self.speed)
        form.addRow("max epochs", self.max_epochs)
        form.addRow("stop at loss ≤", self.threshold)
        doc.settings_changed.connect(self._on_settings_changed)
        doc.structure_changed.connect(self._on_settings_changed)
        self._on_settings_changed()

    def _text(self, key: str, edit: QLineEdit) -> None:
        if not self.doc.set_setting(key, edit.text()):
            self._on_settings_changed()  # show the value still in force

    def _on_settings_changed(self) -> None:
        s = self.doc.settings
        self.lr.setText(f"{s['lr']:g}")
        name = next((k for k, v in BATCHES.items() if v == s["batch"]), None)
        if name is None:
            name = f"mini-batch {s['batch']}"
            if self.batch.findText(name) < 0:
                self.batch.addItem(name)
        self.batch.setCurrentText(name)
        self.loss.setCurrentText(s["loss"])
        self.reduction.setCurrentText(s["reduction"])
        self.optimizer.setCurrentText(s["optimizer"])
        name = speed_name(s["speed"])
        if self.speed.findText(name) < 0:
            self.speed.addItem(name, s["speed"])
        self.speed.setCurrentText(name)
        self.max_epochs.setText("" if s["max_epochs"] is None else str(s["max_epochs"]))
        self.threshold.setText("" if s["loss_threshold"] is None else f"{s['loss_threshold']:g}")
