"""The network canvas: layers as columns, neurons as circles, edges with labels.

Click an edge (or its label, or a bias) to select it; double-click to type a
value in place; the mouse wheel over it nudges it (Shift: x10); the context
menu adds, removes and configures neurons and layers. Ctrl+wheel zooms and
dragging the background pans.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsLineItem,
    QGraphicsProxyWidget,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QLineEdit,
    QMenu,
)

from core import ACTIVATIONS, Param
from gui.document import Document

POS, NEG = QColor(40, 90, 200), QColor(210, 60, 50)
X_GAP, Y_GAP, R = 260.0, 130.0, 30.0


def fmt(v: float, digits: int = 4) -> str:
    return f"{v:.{digits}g}" if abs(v) >= 1e-4 or v == 0 else f"{v:.3e}"


class ParamLabel(QGraphicsRectItem):
    """'w5 = 0.1744' on a pale box; the handle for selecting, typing and nudging."""

    def __init__(self, canvas: NetworkCanvas, param: Param) -> None:
        super().__init__()
        self.canvas, self.param = canvas, param
        self.text = QGraphicsSimpleTextItem(self)
        self.text.setFont(canvas.label_font)
        self.setBrush(QBrush(QColor(255, 255, 255, 230)))
        self.setPen(QPen(QColor(160, 160, 160)))
        self.setZValue(3)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.PointingHandCursor)
        self.setToolTip("Click to select, double-click to type a value, "
                        "wheel to nudge (Shift: ×10), right-click to freeze")

    def set_text(self, s: str, frozen: bool, selected: bool) -> None:
        self.text.setText(s + ("  (frozen)" if frozen else ""))
        r = self.text.boundingRect()
        c = self.pos()
        self.setRect(QRectF(-r.width() / 2 - 4, -r.height() / 2 - 2, r.width() + 8, r.height() + 4))
        self.text.setPos(-r.width() / 2, -r.height() / 2)
        self.setPos(c)
        self.setPen(QPen(QColor(250, 170, 0), 3) if selected else QPen(QColor(160, 160, 160)))

    def mousePressEvent(self, e) -> None:
        if e.button() == Qt.LeftButton:
            self.canvas.select(self.param)
        e.accept()

    def mouseDoubleClickEvent(self, e) -> None:
        self.canvas.edit_in_place(self.param)

    def wheelEvent(self, e) -> None:
        step = 0.1 if e.modifiers() & Qt.ShiftModifier else 0.01
        self.canvas.doc.nudge_param(self.param, step if e.delta() > 0 else -step)
        self.canvas.select(self.param)
        e.accept()

    def contextMenuEvent(self, e) -> None:
        doc, p = self.canvas.doc, self.param
        menu = QMenu()
        frozen = doc.net.is_frozen(p)
        act = menu.addAction("Unfreeze (train it)" if frozen else "Freeze (do not train)")
        act.triggered.connect(lambda: doc.set_frozen(p, not frozen))
        menu.exec(e.screenPos())


class NeuronItem(QGraphicsEllipseItem):
    def __init__(self, canvas: NetworkCanvas, layer: int, index: int) -> None:
        super().__init__(-R, -R, 2 * R, 2 * R)
        self.canvas, self.layer, self.index = canvas, layer, index
        self.setZValue(2)
        self.setBrush(QBrush(QColor(250, 250, 245)))
        self.setPen(QPen(QColor(60, 60, 60), 2))
        self.name = QGraphicsSimpleTextItem(self)
        self.name.setFont(canvas.name_font)
        self.value = QGraphicsSimpleTextItem(self)
        self.value.setFont(canvas.label_font)

    def set_texts(self, name: str, value: str, highlight: bool) -> None:
        self.name.setText(name)
        r = self.name.boundingRect()
        self.name.setPos(-r.width() / 2, -R - r.height() - 2)
        self.value.setText(value)
        r = self.value.boundingRect()
        self.value.setPos(-r.width() / 2, -r.height() / 2)
        self.setPen(QPen(QColor(250, 170, 0), 4) if highlight else QPen(QColor(60, 60, 60), 2))

    def contextMenuEvent(self, e) -> None:
        self.canvas.neuron_menu(self.layer, self.index, e.screenPos())


class NetworkCanvas(QGraphicsView):
    """Watches the document; sends every edit to it."""

    param_selected = Signal(object)

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.Antialiasing)
        self.setDragMode(QGraphicsView.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.label_font, self.name_font = QFont(), QFont()
        self.label_font.setPointSizeF(10)
        self.name_font.setPointSizeF(12)
        self.name_font.setBold(True)
        self.selected: Param | None = None
        self.edges: dict[Param, QGraphicsLineItem] = {}
        self.labels: dict[Param, ParamLabel] = {}
        self.neurons: list[list[NeuronItem]] = []
        self.editor: QGraphicsProxyWidget | None = None
        doc.structure_changed.connect(self._on_structure_changed)
        doc.weights_changed.connect(self._on_weights_changed)
        doc.sample_changed.connect(lambda i: self._on_weights_changed())
        self._on_structure_changed()

    # --- building ---------------------------------------------------------------
    def _pos(self, layer: int, i: int) -> QPointF:
        n = self.doc.net.sizes[layer]
        return QPointF(layer * X_GAP, (i - (n - 1) / 2) * Y_GAP)

    def _on_structure_changed(self) -> None:
        scene, net = self.scene(), self.doc.net
        self.editor = None
        scene.clear()
        self.edges, self.labels, self.neurons = {}, {}, []
        for l, n in enumerate(net.sizes):
            self.neurons.append([])
            for i in range(n):
                item = NeuronItem(self, l, i)
                item.setPos(self._pos(l, i))
                scene.addItem(item)
                self.neurons[l].append(item)
        for p in net.param_list():
            label = ParamLabel(self, p)
            if p.is_bias:
                c = self._pos(p.layer + 1, p.target)
                label.setPos(c + QPointF(0, R + 16))
            else:
                a, b = self._pos(p.layer, p.source), self._pos(p.layer + 1, p.target)
                line = QGraphicsLineItem(a.x(), a.y(), b.x(), b.y())
                line.setZValue(1)
                scene.addItem(line)
                self.edges[p] = line
                label.setPos(a + (b - a) * 0.6)
            scene.addItem(label)
            self.labels[p] = label
        for l in range(net.n_layers):
            t = QGraphicsSimpleTextItem(net.activations[l])
            t.setFont(self.label_font)
            t.setBrush(QColor(90, 90, 90))
            top = self._pos(l + 1, 0).y() - R - 48
            t.setPos(self._pos(l + 1, 0).x() - t.boundingRect().width() / 2, top)
            scene.addItem(t)
        if self.selected is not None and self.selected not in self.labels:
            self.selected = None
        self._on_weights_changed()
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-40, -40, 40, 40))
        self.fit()

    def fit(self) -> None:
        self.fitInView(self.scene().sceneRect(), Qt.KeepAspectRatio)

    def resizeEvent(self, e) -> None:
        super().resizeEvent(e)
        self.fit()

    # --- following the model ---------------------------------------------------------
    def _on_weights_changed(self) -> None:
        net, doc = self.doc.net, self.doc
        labels = {q: k for k, q in net.labels().items()}
        biggest = max(1e-9, max(abs(w).max() for w in net.weights))
        for p, line in self.edges.items():
            w = net.get(p)
            pen = QPen(POS if w >= 0 else NEG, 1.0 + 6.0 * min(abs(w) / biggest, 1.0))
            if net.is_frozen(p):
                pen.setStyle(Qt.DashLine)
            line.setPen(pen)
        for p, item in self.labels.items():
            item.set_text(f"{labels[p]} = {fmt(net.get(p))}", net.is_frozen(p), p == self.selected)
        sample = doc.sample if doc.sample >= 0 else 0
        z = net.forward(doc.X[sample]).z
        names = net.neuron_names()
        for l, items in enumerate(self.neurons):
            for i, item in enumerate(items):
                item.set_texts(names[l][i], fmt(z[l][0, i]), doc.sample >= 0 and l == 0)

    # --- interaction ---------------------------------------------------------------
    def select(self, p: Param | None) -> None:
        self.selected = p
        self._on_weights_changed()
        self.param_selected.emit(p)

    def edit_in_place(self, p: Param) -> None:
        self.select(p)
        line = QLineEdit(f"{self.doc.net.get(p):.10g}")
        line.setFont(self.label_font)
        line.setFixedWidth(120)
        line.setToolTip("Type a value and press Enter (Esc cancels)")
        proxy = self.scene().addWidget(line)
        proxy.setZValue(10)
        proxy.setPos(self.labels[p].pos() - QPointF(60, 12))
        self.editor = proxy

        def commit() -> None:
            if self.editor is proxy:
                self.editor = None
                ok = self.doc.set_param(p, line.text())
                proxy.deleteLater() if ok else None
                if not ok:
                    self.editor = proxy
                    line.selectAll()

        line.returnPressed.connect(commit)
        line.setFocus()
        line.selectAll()

    def wheelEvent(self, e) -> None:
        if e.modifiers() & Qt.ControlModifier:
            f = 1.15 if e.angleDelta().y() > 0 else 1 / 1.15
            self.scale(f, f)
            return
        super().wheelEvent(e)

    def keyPressEvent(self, e) -> None:
        if e.key() == Qt.Key_Escape and self.editor is not None:
            self.editor.deleteLater()
            self.editor = None
            return
        super().keyPressEvent(e)

    def neuron_menu(self, layer: int, index: int, where) -> None:
        doc, net = self.doc, self.doc.net
        menu = QMenu(self)
        hidden = 0 < layer < len(net.sizes) - 1
        if hidden:
            menu.addAction("Add a neuron to this layer", lambda: doc.add_neuron(layer))
            menu.addAction("Remove this neuron", lambda: doc.remove_neuron(layer, index))
            menu.addAction("Remove this layer", lambda: doc.remove_layer(layer))
        if layer < len(net.sizes) - 1:
            menu.addAction("Insert a hidden layer after this one",
                           lambda: doc.insert_layer(layer + 1))
        if layer > 0:
            sub = menu.addMenu("Activation")
            for name in ACTIVATIONS:
                a = sub.addAction(name, lambda n=name: doc.set_activation(layer - 1, n))
                a.setCheckable(True)
                a.setChecked(net.activations[layer - 1] == name)
            on = net.use_bias[layer - 1]
            menu.addAction("Remove biases" if on else "Add biases",
                           lambda: doc.set_bias(layer - 1, not on))
        if not hidden and layer in (0, len(net.sizes) - 1):
            menu.addSection("Inputs and outputs follow the data")
        menu.exec(where)


