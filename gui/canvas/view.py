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

from PySide6.QtCore import QMimeData, QPointF, QRectF, Qt, Signal
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
from gui.throttle import Throttle

THEMES = {  # normal and high contrast (projector)
    False: {"pos": QColor(40, 90, 200), "neg": QColor(210, 60, 50), "fill": QColor(250, 250, 245),
            "ink": QColor(20, 20, 20), "box": QColor(255, 255, 255, 230), "frame": QColor(160, 160, 160),
            "note": QColor(150, 60, 0), "background": QColor(255, 255, 255), "muted": QColor(90, 90, 90)},
    True: {"pos": QColor(90, 170, 255), "neg": QColor(255, 100, 80), "fill": QColor(0, 0, 0),
           "ink": QColor(255, 255, 255), "box": QColor(0, 0, 0, 235), "frame": QColor(255, 255, 255),
           "note": QColor(255, 230, 0), "background": QColor(0, 0, 0), "muted": QColor(220, 220, 220)},
}
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
        self.text.setBrush(canvas.theme["ink"])
        self.setBrush(QBrush(canvas.theme["box"]))
        self.setZValue(3)
        self.setCursor(Qt.PointingHandCursor)
        self.setToolTip("Click to select, double-click to type a value, "
                        "wheel to nudge (Shift: ×10), right-click to freeze")

    def set_text(self, s: str, frozen: bool, selected: bool) -> None:
        """Frozen: dashed frame and italics (plus the word when selected, to keep labels short)."""
        self.text.setText(s + ("  (frozen)" if frozen and selected else ""))
        font = QFont(self.canvas.label_font)
        font.setItalic(frozen)
        self.text.setFont(font)
        r = self.text.boundingRect()
        self.setRect(QRectF(-r.width() / 2 - 4, -r.height() / 2 - 2, r.width() + 8, r.height() + 4))
        self.text.setPos(-r.width() / 2, -r.height() / 2)
        pen = QPen(QColor(250, 170, 0), 3) if selected else QPen(self.canvas.theme["frame"])
        if frozen:
            pen.setStyle(Qt.DashLine)
        self.setPen(pen)


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
        r = canvas.r
        super().__init__(-r, -r, 2 * r, 2 * r)
        self.canvas, self.layer, self.index = canvas, layer, index
        self.setZValue(2)
        theme = canvas.theme
        self.setBrush(QBrush(theme["fill"]))
        self.name = QGraphicsSimpleTextItem(self)
        self.name.setFont(canvas.name_font)
        self.value = QGraphicsSimpleTextItem(self)
        self.value.setFont(canvas.label_font)
        self.note = QGraphicsSimpleTextItem(self)  # lecture mode: this neuron's delta
        self.note.setFont(canvas.label_font)
        for item in (self.name, self.value):
            item.setBrush(theme["ink"])
        self.note.setBrush(theme["note"])
        self.setToolTip("Click to inspect this layer; right-click for the layer menu")

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        r = self.note.boundingRect()
        self.note.setPos(self.canvas.r + 4, -self.canvas.r - r.height() + 4)

    def set_texts(self, name: str, value: str, highlight: bool) -> None:
        self.name.setText(name)
        r = self.name.boundingRect()
        self.name.setPos(-r.width() / 2, -self.canvas.r - r.height() - 2)
        self.value.setText(value)
        r = self.value.boundingRect()
        self.value.setPos(-r.width() / 2, -r.height() / 2)
        ink = self.canvas.theme["ink"]
        self.setPen(QPen(QColor(250, 170, 0), 4) if highlight else QPen(ink, 2))

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
        self.setBrush(canvas.theme["muted"])
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
        self.scale_factor, self.high_contrast = 1.0, False
        self.theme = THEMES[False]
        self._fonts()
        self.selected: Param | None = None
        self.focus: tuple[int, int] | None = None  # (neuron layer, index) whose inputs are labelled
        # lecture mode: lit neurons/params and notes (deltas, gradients, updates) to show
        self.overlay: tuple[set, set, dict, dict] = (set(), set(), {}, {})
        self.edges: dict[Param, EdgeItem] = {}
        self.labels: dict[Param, ParamLabel] = {}
        self.neurons: list[list[NeuronItem]] = []
        self.editor = None
        self.drop_marker: QGraphicsLineItem | None = None
        self.throttle = Throttle(self._on_weights_changed, 30, self)
        doc.loaded.connect(self._forget_selection)
        doc.structure_changed.connect(self._on_structure_changed)
        doc.weights_changed.connect(self._request)
        doc.sample_changed.connect(lambda i: self._request())
        self._on_structure_changed()

    # --- presentation -------------------------------------------------------------
    def _fonts(self) -> None:
        f = self.scale_factor
        # geometry grows a little less than the text (f^0.75), so after fitting the view
        # the text is larger on screen, yet labels still have room
        g = f ** 0.75
        self.r, self.x_gap, self.y_gap = R * g, X_GAP * g, Y_GAP * g
        self.label_font, self.name_font = QFont(), QFont()
        self.label_font.setPointSizeF(10 * self.scale_factor)
        self.name_font.setPointSizeF(12 * self.scale_factor)
        self.name_font.setBold(True)

    def set_scale(self, scale: float) -> None:
        """Text on the canvas at ``scale`` times its normal size."""
        self.scale_factor = scale
        self._fonts()
        self._on_structure_changed()

    def set_high_contrast(self, on: bool) -> None:
        self.high_contrast = on
        self.theme = THEMES[on]
        self.setBackgroundBrush(QBrush(self.theme["background"]))
        self._on_structure_changed()

    # --- building ---------------------------------------------------------------
    def _pos(self, layer: int, i: int) -> QPointF:
        n = self.doc.net.sizes[layer]
        return QPointF(layer * self.x_gap, (i - (n - 1) / 2) * self.y_gap)

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
        self.overlay = (set(), set(), {}, {})
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
                label.setPos(self._pos(p.layer + 1, p.target) + QPointF(0, self.r + 16 * self.scale_factor))
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
            top = min(self._pos(l + 1, 0).y(), self._pos(l, 0).y()) - self.r - 48 * self.scale_factor
            t.setPos(self._pos(l + 1, 0).x() - t.boundingRect().width() / 2, top)
            scene.addItem(t)
        if self.selected is not None and self.selected not in self.labels:
            self.selected = None
        self._on_weights_changed()
        room = 110 * self.scale_factor  # lecture notes (δ = …) appear right of the outputs
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-40, -40, room, 40))
        self.fit()

    def fit(self) -> None:
        self.fitInView(self.scene().sceneRect(), Qt.KeepAspectRatio)

    def resizeEvent(self, e) -> None:
        super().resizeEvent(e)
        self.fit()

    # --- following the model ---------------------------------------------------------
    def _request(self) -> None:
        """Redraw now, or (while training streams updates) at most 30 times a second."""
        self.throttle.request()

    def _on_weights_changed(self) -> None:
        net, doc = self.doc.net, self.doc
        lit_n, lit_p, notes_n, notes_p = self.overlay
        labels = {q: k for k, q in net.labels().items()}
        biggest = max(1e-9, max(abs(w).max() for w in net.weights))
        for p, line in self.edges.items():
            w = net.get(p)
            colour = QColor(self.theme["pos"] if w >= 0 else self.theme["neg"])
            if self.focus is not None and self.dense(p.layer) and \
                    (p.layer + 1, p.target) != self.focus and (p.layer, p.source) != self.focus:
                colour.setAlpha(40)  # dim what does not touch the focused neuron
            pen = QPen(colour, 1.0 + 6.0 * min(abs(w) / biggest, 1.0))
            if p in lit_p:
                pen = QPen(QColor(250, 150, 0), pen.widthF() + 4)
            if net.is_frozen(p):
                pen.setStyle(Qt.DashLine)
            line.setPen(pen)
            line.setToolTip(f"{labels[p]} = {w:.10g}" + ("  (frozen)" if net.is_frozen(p) else ""))
        for p, item in self.labels.items():
            item.setVisible(self.label_visible(p) or p in lit_p or p in notes_p)
            item.setZValue(5 if p in lit_p else 3)
            if item.isVisible():
                note = f"\n{notes_p[p]}" if p in notes_p else ""
                item.set_text(f"{labels[p]} = {fmt(net.get(p))}{note}", net.is_frozen(p),
                              p == self.selected or p in lit_p)
        sample = doc.sample if doc.sample >= 0 else 0
        if lit_n or notes_n or lit_p:  # lecture mode traces the next sample
            sample = doc.next_sample()
        z = net.forward(doc.X[sample]).z
        names = net.neuron_names()
        for l, items in enumerate(self.neurons):
            for i, item in enumerate(items):
                item.set_texts(names[l][i], fmt(z[l][0, i]),
                               (doc.sample >= 0 and l == 0) or (l, i) in lit_n)
                item.set_note(notes_n.get((l, i), ""))

    # --- interaction ---------------------------------------------------------------
    def set_overlay(self, overlay: tuple[set, set, dict, dict]) -> None:
        """Light the neurons and parameters of a lecture phase and show notes on them."""
        self.overlay = overlay
        self._on_weights_changed()

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

    def mousePressEvent(self, e) -> None:
        """A click on empty canvas clears the selection and the focused neuron (a drag
        from there still pans)."""
        if e.button() == Qt.LeftButton and self.itemAt(e.position().toPoint()) is None:
            self.clear_selection()
        super().mousePressEvent(e)

    def _forget_selection(self) -> None:
        self.selected, self.focus = None, None
        self.param_selected.emit(None)

    def clear_selection(self) -> None:
        """No selected parameter, no focused neuron."""
        if self.selected is not None or self.focus is not None:
            self.focus = None
            self.select(None)

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
        return int(min(max(scene_x // self.x_gap + 1, 1), L))

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
        x = (pos - 0.5) * self.x_gap
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
