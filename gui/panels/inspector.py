"""The inspector: the selected weight or bias, its exact value, a slider and a lock."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QSlider, QVBoxLayout, QWidget

from core import Param
from gui.document import Document

SLIDER_RANGE = 5.0  # the slider spans value ± 5 around where it was grabbed


class Inspector(QWidget):
    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.param: Param | None = None
        self.title = QLabel("Click a weight or bias on the canvas")
        self.title.setWordWrap(True)
        self.value = QLineEdit()
        self.value.setToolTip("The exact value; type a number and press Enter")
        self.value.returnPressed.connect(self._typed)
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setRange(-1000, 1000)
        self.slider.setToolTip("Drag to change the value (successive changes of one weight: one undo step)")
        self.slider.valueChanged.connect(self._slid)
        self.lock = QCheckBox("frozen (not trained)")
        self.lock.toggled.connect(self._locked)
        self.grad = QLabel("")
        form = QFormLayout()
        form.addRow("value", self.value)
        form.addRow("adjust", self.slider)
        form.addRow("", self.lock)
        form.addRow("∂E/∂p", self.grad)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addLayout(form)
        lay.addStretch(1)
        self._centre = 0.0
        self._updating = False
        doc.weights_changed.connect(self._on_weights_changed)
        doc.structure_changed.connect(lambda: self.show_param(None))
        self.show_param(None)

    def show_param(self, p: Param | None) -> None:
        self.param = p
        for w in (self.value, self.slider, self.lock):
            w.setEnabled(p is not None)
        self._centre = self.doc.net.get(p) if p is not None else 0.0
        self._on_weights_changed()

    def _on_weights_changed(self) -> None:
        p, net = self.param, self.doc.net
        self._updating = True
        if p is None:
            self.title.setText("Click a weight or bias on the canvas")
            self.value.setText("")
            self.grad.setText("")
        else:
            self.title.setText(f"<b>{net.label(p)}</b>: {p}")
            v = net.get(p)
            if not self.value.hasFocus():
                self.value.setText(f"{v:.12g}")
            if not self.slider.isSliderDown():
                self.slider.setValue(int(round((v - self._centre) / SLIDER_RANGE * 1000)))
            self.lock.setChecked(net.is_frozen(p))
            g = net.gradient(self.doc.X, self.doc.Y, self.doc.settings["loss"],
                             self.doc.settings["reduction"]).flat[net.index(p)] \
                if net.activations and all(a.differentiable for a in net.acts) else float("nan")
            self.grad.setText(f"{g:.6g} (whole training set)")
        self._updating = False

    def _typed(self) -> None:
        if self.param is not None and self.doc.set_param(self.param, self.value.text()):
            self._centre = self.doc.net.get(self.param)
            self._on_weights_changed()

    def _slid(self, pos: int) -> None:
        if self._updating or self.param is None:
            return
        self.doc.set_param(self.param, self._centre + pos / 1000 * SLIDER_RANGE, merge=True)

    def _locked(self, on: bool) -> None:
        if not self._updating and self.param is not None:
            self.doc.set_frozen(self.param, on)
