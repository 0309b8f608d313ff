"""The inspector: the selected weight or bias (exact value, slider, lock, gradient)
and the selected layer (activation, biases, neuron count)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from core import ACTIVATIONS, Param
from gui.checkbox import CheckBox
from gui.document import Document
from gui.forms import narrow
from gui.i18n import message, translate
from gui.throttle import Throttle

SLIDER_RANGE = 5.0  # the slider spans value ± 5 around where it was grabbed
GRADIENT_FPS = 4


class Inspector(QWidget):
    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.param: Param | None = None
        self.title = QLabel(translate("inspector", "Click a weight or bias on the canvas"))
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.RichText)  # (a bold name; the rest escaped)
        self.value = QLineEdit()
        self.value.setToolTip(translate("inspector", "The exact value; type a number and press Enter"))
        self.value.returnPressed.connect(self._typed)
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setRange(-1000, 1000)
        self.slider.setToolTip(translate("inspector", "Drag to change the value (successive changes of "
                                                      "one weight: one undo step)"))
        self.slider.valueChanged.connect(self._slid)
        # (one short word: a check box's text does not wrap, and "frozen (not trained)"
        # made the panel wider than its dock at 250 %)
        self.lock = CheckBox(translate("inspector", "frozen"))
        self.lock.setToolTip(translate("inspector", "A frozen weight or bias is not trained: training "
                                                    "leaves it as it is"))
        self.lock.toggled.connect(self._locked)
        self.grad = QLabel("")
        self.grad.setWordWrap(True)  # ("0.025545 (whole training set)": 446 px at 250 %, unwrapped)
        self.grad.setTextFormat(Qt.PlainText)
        form = QFormLayout()
        form.addRow(translate("inspector", "value"), self.value)
        form.addRow(translate("inspector", "adjust"), self.slider)
        form.addRow(self.lock)  # (spanning: no empty label column before it)
        form.addRow("∂E/∂p", self.grad)
        self.layer_box = QGroupBox(translate("inspector", "Layer"))
        self.layer_box.setFlat(True)  # a heading and a rule: the dock's width for its rows
        self.layer_title = QLabel(translate("inspector", "Click a neuron to inspect its layer"))
        self.layer_title.setWordWrap(True)
        self.layer_title.setTextFormat(Qt.RichText)
        self.activation = QComboBox()
        for name in ACTIVATIONS:
            self.activation.addItem(name, name)
        self.activation.setToolTip(translate("inspector", "The layer's activation function"))
        self.activation.activated.connect(self._activation)
        self.bias = CheckBox(translate("inspector", "biases"))
        self.bias.setToolTip(translate("inspector", "Whether the layer's neurons have a bias"))
        self.bias.clicked.connect(self._bias)
        self.count = QLabel("")
        self.more, self.fewer = QPushButton("+"), QPushButton("−")
        self.more.setToolTip(translate("inspector", "Add a neuron to this hidden layer"))
        self.fewer.setToolTip(translate("inspector", "Remove the last neuron of this hidden layer"))
        self.more.clicked.connect(lambda: self.doc.add_neuron(self.layer))
        self.fewer.clicked.connect(
            lambda: self.doc.remove_neuron(self.layer, self.doc.net.sizes[self.layer] - 1))
        self.remove = QPushButton(translate("inspector", "Remove layer"))
        self.remove.clicked.connect(lambda: self.doc.remove_layer(self.layer))
        counts = QHBoxLayout()
        counts.addWidget(self.count, 1)
        counts.addWidget(self.fewer)
        counts.addWidget(self.more)
        lform = QFormLayout(self.layer_box)
        lform.addRow(self.layer_title)
        lform.addRow(translate("inspector", "activation"), self.activation)
        lform.addRow(self.bias)
        lform.addRow(translate("inspector", "neurons"), counts)
        lform.addRow(self.remove)
        narrow(form)
        narrow(lform)
        for box in (self.lock, self.bias):  # as wide as its square and text (a click beside
            box.setSizePolicy(QSizePolicy.Maximum, QSizePolicy.Fixed)  # them misses them)
        lform.setContentsMargins(0, lform.contentsMargins().top(), 0, 0)
        self.layer = -1
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addLayout(form)
        lay.addWidget(self.layer_box)
        lay.addStretch(1)
        self._centre = 0.0
        self._updating = False
        self._grad_throttle = Throttle(self._show_gradient, GRADIENT_FPS, self)
        doc.weights_changed.connect(self._on_weights_changed)
        doc.structure_changed.connect(self._on_structure_changed)
        self.show_param(None)
        self.show_layer(-1)

    def _on_structure_changed(self) -> None:
        self.show_param(None)
        self.show_layer(self.layer if self.layer < len(self.doc.net.sizes) else -1)

    def show_layer(self, layer: int) -> None:
        """Show neuron layer ``layer`` (0 = inputs, -1 = none)."""
        net = self.doc.net
        self.layer = layer
        weighted = layer > 0
        hidden = 0 < layer < len(net.sizes) - 1
        for w in (self.activation, self.bias):
            w.setEnabled(weighted)
        for w in (self.more, self.fewer, self.remove):
            w.setEnabled(hidden)
        if layer < 0:
            self.layer_title.setText(translate("inspector", "Click a neuron to inspect its layer"))
            self.count.setText("")
            return
        kind = translate("inspector", "inputs") if layer == 0 else (
            translate("inspector", "outputs") if layer == len(net.sizes) - 1 else
            translate("inspector", "hidden layer {0}").format(layer))
        names = ", ".join(net.neuron_names()[layer][:6])
        self.layer_title.setText(f"<b>{escape(kind)}</b>: {escape(names)}" + (
            "" if hidden else escape(translate("inspector", " (follow the data)"))))
        self.count.setText(str(net.sizes[layer]))
        if weighted:
            self.activation.setCurrentIndex(self.activation.findData(net.activations[layer - 1]))
            self.bias.setChecked(net.use_bias[layer - 1])

    def _activation(self, i: int) -> None:
        if self.layer > 0 and not self.doc.set_activation(self.layer - 1,
                                                          self.activation.itemData(i)):
            self.show_layer(self.layer)

    def _bias(self, on: bool) -> None:
        if self.layer > 0 and not self.doc.set_bias(self.layer - 1, on):
            self.show_layer(self.layer)

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
            self.title.setText(translate("inspector", "Click a weight or bias on the canvas"))
            self.value.setText("")
            self.grad.setText("")
            self.lock.setChecked(False)
        else:
            self.title.setText(f"<b>{escape(net.label(p))}</b>: {escape(message(net.describe(p)))}")
            v = net.get(p)
            if not self.value.hasFocus():
                self.value.setText(f"{v:.12g}")
            if not self.slider.isSliderDown():
                self.slider.setValue(int(round((v - self._centre) / SLIDER_RANGE * 1000)))
            self.lock.setChecked(net.is_frozen(p))
            self._grad_throttle.request()  # a pass over all the data: a few times a second
        self._updating = False

    def showEvent(self, e) -> None:
        super().showEvent(e)
        self._grad_throttle.request()

    def _show_gradient(self) -> None:
        """∂E/∂p on the whole training set, for the selected parameter (when shown)."""
        p, net, doc = self.param, self.doc.net, self.doc
        if p is None or not self.isVisible():
            return
        try:
            g = net.gradient(doc.inputs(doc.X), doc.Y, doc.settings["loss"],
                             doc.settings["reduction"]
                             ).flat[net.index(p)]
        except ValueError:  # e.g. a step activation: no gradient
            self.grad.setText(translate("inspector", "none (this network cannot be trained by gradients)"))
            return
        self.grad.setText(translate("inspector", "{0:.6g} (whole training set)").format(g))

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
