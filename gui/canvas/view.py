"""The network canvas: layers as columns, neurons as circles, edges with labels.

Click an edge, its label or a bias to select it; double-click to type a value
in place; the mouse wheel over it nudges it (Shift: x10); right-click it to
freeze it. Right-click a neuron for the layer menu (add/remove neurons and
layers, activation, biases); click a neuron to inspect its layer. Drop a
layer from the palette between two columns to insert it; drag a layer's
title out onto the palette to remove it. Ctrl+wheel zooms, dragging the
background pans. When a layer has more than 8 edges only the selected edge keeps its label;
hover an edge for its value, click a neuron to label its incoming edges.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QMimeData, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QDrag, QFont, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsLineItem,
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
DENSE_LAYER = 8  # a weight layer with more edges than this shows labels on demand
LAYER_MIME = "application/x-backprop-layer"  # payload: activation name (palette -> canvas)
REMOVE_MIME = "application/x-backprop-remove-layer"  # payload: neuron-layer index


def fmt(v: float, digits: int = 4) -> str:
    return f"{v:.{digits}g}" if abs(v) >= 1e-4 or v == 0 else f"{v:.2e}"


class ParamHandle:
    """Mouse behaviour shared by an edge and its label: select, type, nudge, freeze."""

    canvas: NetworkCanvas
    param: Param

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
        self.canvas.param_menu(self.param).exec(e.screenPos())


class ParamLabel(ParamHandle, QGraphicsRectItem):
    """'w5 = 0.1744' on a pale box."""

    def __init__(self, canvas: NetworkCanvas, param: Param) -> None:
        QGraphicsRectItem.__init__(self)
        self.canvas, self.param = canvas, param
        self.text = QGraphicsSimpleTextItem(self)
        self.text.setFont(canvas.label_font)
        self.setBrush(QBrush(QColor(255, 255, 255, 230)))
        self.setZValue(3)
        self.setCursor(Qt.PointingHandCursor)
        self.setToolTip("Click to select, double-click to type a value, "
                        "wheel to nudge (Shift: ×10), right-click to freeze")

    def set_text(self, s: str, frozen: bool, selected: bool) -> None:
        self.text.setText(s + ("  (frozen)" if frozen else ""))
        r = self.text.boundingRect()
        self.setRect(QRectF(-r.width() / 2 - 4, -r.height() / 2 - 2, r.width() + 8, r.height() + 4))
        self.text.setPos(-r.width() / 2, -r.height() / 2)
        self.setPen(QPen(QColor(250, 170, 0), 3) if selected else QPen(QColor(160, 160, 160)))


class EdgeItem(ParamHandle, QGraphicsLineItem):
    """An edge; its clickable shape is wider than the drawn line."""

    def __init__(self, canvas: NetworkCanvas, param: Param, a: QPointF, b: QPointF) -> None:
        QGraphicsLineItem.__init__(self, a.x(), a.y(), b.x(), b.y())
        self.canvas, self.param = canvas, param
        self.setZValue(1)
        self.setCursor(Qt.PointingHandCursor)

    def shape(self) -> QPainterPath:
        path = QPainterPath(self.line().p1())
        path.lineTo(self.line().p2())
        stroker = QPainterPathStroker()
        stroker.setWidth(12)
        return stroker.createStroke(path)


class NeuronItem(QGraphicsEllipseItem):
    def __init__(self, canvas: NetworkCanvas, layer: int, index: int) -> None:
        super().__init__(-R, -R, 2 * R, 2 * R)
        self.canvas, self.layer, self.index = canvas, layer, index
        self.setZValue(2)
        self.setBrush(QBrush(QColor(250, 250, 245)))
        self.name = QGraphicsSimpleTextItem(self)
        self.name.setFont(canvas.name_font)
        self.value = QGraphicsSimpleTextItem(self)
        self.value.setFont(canvas.label_font)
        self.setToolTip("Click to inspect this layer; right-click for the layer menu")

    def set_texts(self, name: str, value: str, highlight: bool) -> None:
        self.name.setText(name)
        r = self.name.boundingRect()
        self.name.setPos(-r.width() / 2, -R - r.height() - 2)
        self.value.setText(value)
        r = self.value.boundingRect()
        self.value.setPos(-r.width() / 2, -r.height() / 2)
        self.setPen(QPen(QColor(250, 170, 0), 4) if highlight else QPen(QColor(60, 60, 60), 2))

    def mousePressEvent(self, e) -> None:
        if e.button() == Qt.LeftButton:
            self.canvas.focus_neuron(self.layer, self.index)
        e.accept()

    def contextMenuEvent(self, e) -> None:
        self.canvas.neuron_menu(self.layer, self.index).exec(e.screenPos())


class LayerTitle(QGraphicsSimpleTextItem):
    """The activation's name above a column; drag it onto the palette to remove the layer."""

    def __init__(self, canvas: NetworkCanvas, layer: int, text: str) -> None:
        super().__init__(text)
        self.canvas, self.layer = canvas, layer
        self.setFont(canvas.label_font)
        self.setBrush(QColor(90, 90, 90))
        hidden = layer < len(canvas.doc.net.sizes) - 1
        self.setToolTip("Right-click a neuron for the layer menu" +
                        ("; drag this title onto the palette to remove the layer" if hidden else ""))
        self.setCursor(Qt.OpenHandCursor if hidden else Qt.ArrowCursor)

    def mousePressEvent(self, e) -> None:
        self.canvas.layer_selected.emit(self.layer)
        e.accept()

    def mouseMoveEvent(self, e) -> None:
        if self.layer >= len(self.canvas.doc.net.sizes) - 1:
            return
        drag = QDrag(self.canvas)
        mime = QMimeData()
        mime.setData(REMOVE_MIME, str(self.layer).encode())
        drag.setMimeData(mime)
        drag.exec(Qt.MoveAction)


class NetworkCanvas(QGraphicsView):
    """Watches the document; sends every edit to it."""

    param_selected = Signal(object)
    layer_selected = Signal(int)  # neuron layer index (0 = inputs)

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.Antialiasing)
        self.setDragMode(QGraphicsView.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setAcceptDrops(True)
        self.label_font, self.name_font = QFont(), QFont()
        self.label_font.setPointSizeF(10)
        self.name_font.setPointSizeF(12)
        self.name_font.setBold(True)
        self.selected: Param | None = None
        self.focus: tuple[int, int] | None = None  # (neuron layer, index) whose inputs are labelled
        self.edges: dict[Param, EdgeItem] = {}
        self.labels: dict[Param, ParamLabel] = {}
        self.neurons: list[list[NeuronItem]] = []
        self.editor = None
        self.drop_marker: QGraphicsLineItem | None = None
        self._last = 0.0
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.timeout.connect(self._on_weights_changed)
        doc.structure_changed.connect(self._on_structure_changed)
        doc.weights_changed.connect(self._request)
        doc.sample_changed.connect(lambda i: self._request())
        self._on_structure_changed()

    # --- building ---------------------------------------------------------------
    def _pos(self, layer: int, i: int) -> QPointF:
        n = self.doc.net.sizes[layer]
        return QPointF(layer * X_GAP, (i - (n - 1) / 2) * Y_GAP)

    def dense(self, layer: int) -> bool:
        """Too many edges in weight layer ``layer`` for all its labels to be readable."""
        s = self.doc.net.sizes
        return s[layer] * s[layer + 1] > DENSE_LAYER

    def label_visible(self, p: Param) -> bool:
        if not self.dense(p.layer) or p == self.selected:
            return True
        if self.focus is not None and (p.layer + 1, p.target) == self.focus:
            return True  # the focused neuron's incoming weights and bias
        return p.is_bias and len(self.labels) < 200

    def _on_structure_changed(self) -> None:
        scene, net = self.scene(), self.doc.net
        self.editor = self.drop_marker = None
        self.focus = None
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
                label.setPos(self._pos(p.layer + 1, p.target) + QPointF(0, R + 16))
            else:
                a, b = self._pos(p.layer, p.source), self._pos(p.layer + 1, p.target)
                edge = EdgeItem(self, p, a, b)
                scene.addItem(edge)
                self.edges[p] = edge
                label.setPos(a + (b - a) * 0.6)
            scene.addItem(label)
            self.labels[p] = label
        for l in range(net.n_layers):
            t = LayerTitle(self, l + 1, net.activations[l] + ("" if net.use_bias[l] else ", no bias"))
            top = min(self._pos(l + 1, 0).y(), self._pos(l, 0).y()) - R - 48
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
    def _request(self) -> None:
        """Redraw now, or (while training streams updates) at most 30 times a second."""
        wait = 1 / 30 - (time.perf_counter() - self._last)
        if wait <= 0:
            self._on_weights_changed()
        elif not self._pending.isActive():
            self._pending.start(int(wait * 1000) + 1)

    def _on_weights_changed(self) -> None:
        self._last = time.perf_counter()
        net, doc = self.doc.net, self.doc
        labels = {q: k for k, q in net.labels().items()}
        biggest = max(1e-9, max(abs(w).max() for w in net.weights))
        for p, line in self.edges.items():
            w = net.get(p)
            colour = QColor(POS if w >= 0 else NEG)
            if self.focus is not None and self.dense(p.layer) and \
                    (p.layer + 1, p.target) != self.focus and (p.layer, p.source) != self.focus:
                colour.setAlpha(40)  # dim what does not touch the focused neuron
            pen = QPen(colour, 1.0 + 6.0 * min(abs(w) / biggest, 1.0))
            if net.is_frozen(p):
                pen.setStyle(Qt.DashLine)
            line.setPen(pen)
            line.setToolTip(f"{labels[p]} = {w:.10g}" + ("  (frozen)" if net.is_frozen(p) else ""))
        for p, item in self.labels.items():
            item.setVisible(self.label_visible(p))
            if item.isVisible():
                item.set_text(f"{labels[p]} = {fmt(net.get(p))}", net.is_frozen(p),
                              p == self.selected)
        sample = doc.sample if doc.sample >= 0 else 0
        z = net.forward(doc.X[sample]).z
        names = net.neuron_names()
        for l, items in enumerate(self.neurons):
            for i, item in enumerate(items):
                item.set_texts(names[l][i], fmt(z[l][0, i]), doc.sample >= 0 and l == 0)

    # --- interaction ---------------------------------------------------------------
    def focus_neuron(self, layer: int, index: int) -> None:
        """Inspect the neuron's layer and label its incoming edges."""
        self.focus = (layer, index)
        self._on_weights_changed()
        self.layer_selected.emit(layer)

    def select(self, p: Param | None) -> None:
        self.selected = p
        self._on_weights_changed()
        self.param_selected.emit(p)

    def edit_in_place(self, p: Param) -> None:
        """A line editor over the parameter's label: Enter commits, Esc cancels."""
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
            if self.editor is proxy and self.doc.set_param(p, line.text()):
                self.editor = None
                proxy.deleteLater()
            else:
                line.selectAll()  # refused: the message says why; keep editing

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

    # --- menus ---------------------------------------------------------------------
    def param_menu(self, p: Param) -> QMenu:
        doc = self.doc
        menu = QMenu(self)
        frozen = doc.net.is_frozen(p)
        menu.addAction("Unfreeze (train it)" if frozen else "Freeze (do not train)",
                       lambda: doc.set_frozen(p, not frozen))
        menu.addAction("Type a value…", lambda: self.edit_in_place(p))
        return menu

    def neuron_menu(self, layer: int, index: int) -> QMenu:
        """The layer menu of neuron ``index`` in neuron layer ``layer`` (0 = inputs)."""
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
        if not hidden:
            menu.addSection("Inputs and outputs follow the data")
        return menu

    # --- drag and drop from the palette -------------------------------------------------
    def insert_position(self, scene_x: float) -> int:
        """Neuron-layer index a layer dropped at ``scene_x`` would take (1 .. L)."""
        L = len(self.doc.net.sizes) - 1
        return int(min(max(scene_x // X_GAP + 1, 1), L))

    def dragEnterEvent(self, e) -> None:
        if e.mimeData().hasFormat(LAYER_MIME):
            e.acceptProposedAction()
        else:
            super().dragEnterEvent(e)

    def dragMoveEvent(self, e) -> None:
        if not e.mimeData().hasFormat(LAYER_MIME):
            return super().dragMoveEvent(e)
        e.acceptProposedAction()
        pos = self.insert_position(self.mapToScene(e.position().toPoint()).x())
        x = (pos - 0.5) * X_GAP
        rect = self.scene().sceneRect()
        if self.drop_marker is None:
            self.drop_marker = self.scene().addLine(0, 0, 0, 0, QPen(QColor(250, 170, 0), 4,
                                                                     Qt.DashLine))
        self.drop_marker.setLine(x, rect.top() + 20, x, rect.bottom() - 20)

    def dragLeaveEvent(self, e) -> None:
        self._clear_marker()
        super().dragLeaveEvent(e)

    def dropEvent(self, e) -> None:
        if not e.mimeData().hasFormat(LAYER_MIME):
            return super().dropEvent(e)
        self._clear_marker()
        activation = bytes(e.mimeData().data(LAYER_MIME)).decode()
        pos = self.insert_position(self.mapToScene(e.position().toPoint()).x())
        if self.doc.insert_layer(pos, activation):
            e.acceptProposedAction()

    def _clear_marker(self) -> None:
        if self.drop_marker is not None:
            self.scene().removeItem(self.drop_marker)
            self.drop_marker = None
