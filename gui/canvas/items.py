"""The canvas's items: neurons, edges, their labels and the layer titles, with the
mouse behaviour each has. ``NetworkCanvas`` (gui.canvas.view) builds and places them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QLineF, QMimeData, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QDrag, QFont, QFontMetricsF, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

from core.formula import num
from core.notation import Param
from gui.i18n import translate

if TYPE_CHECKING:
    from gui.canvas.view import NetworkCanvas


def fitted(v: float, fm: QFontMetricsF, width: float) -> str:
    """``v`` with as many significant digits (4 down to 1) as fit in ``width`` pixels of
    the font ``fm`` measures."""
    for digits in (4, 3, 2, 1):
        text = num(v, digits)
        if fm.horizontalAdvance(text) <= width:
            return text
    return text


THEMES = {  # normal and high contrast (projector)
    False: {"pos": QColor(40, 90, 200), "neg": QColor(210, 60, 50), "fill": QColor(250, 250, 245),
            "ink": QColor(20, 20, 20), "box": QColor(255, 255, 255, 230), "frame": QColor(160, 160, 160),
            "note": QColor(150, 60, 0), "background": QColor(255, 255, 255), "muted": QColor(90, 90, 90)},
    True: {"pos": QColor(90, 170, 255), "neg": QColor(255, 100, 80), "fill": QColor(0, 0, 0),
           "ink": QColor(255, 255, 255), "box": QColor(0, 0, 0, 235), "frame": QColor(255, 255, 255),
           "note": QColor(255, 230, 0), "background": QColor(0, 0, 0), "muted": QColor(220, 220, 220)},
}
LAYER_MIME = "application/x-backprop-layer"  # payload: activation name (palette -> canvas)
REMOVE_MIME = "application/x-backprop-remove-layer"  # payload: neuron-layer index


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
        self.restyle()
        self.setZValue(3)
        self.setCursor(Qt.PointingHandCursor)
        self.setToolTip(translate("items", "Click to select, double-click to type a value, wheel to nudge "
                                           "(Shift: ×10), right-click to freeze"))

    def restyle(self) -> None:
        """The canvas's current font and theme (the item is kept across scale, theme and
        structure changes); nothing to do if they have not changed since."""
        if getattr(self, "style", None) == self.canvas.style:
            return
        self.style = self.canvas.style
        self.text.setFont(self.canvas.label_font)
        self.text.setBrush(self.canvas.theme["ink"])
        self.setBrush(QBrush(self.canvas.theme["box"]))

    def set_text(self, s: str, frozen: bool, selected: bool) -> None:
        """Frozen: dashed frame and italics (plus the word when selected, to keep labels short)."""
        self.text.setText(s + (translate("items", "  (frozen)") if frozen and selected else ""))
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


class EdgesItem(QGraphicsItem):
    """Every edge of the network as one item, drawn only: the lines grouped by pen, one
    ``drawLines`` call a group. The canvas finds the edge near the mouse itself
    (``NetworkCanvas.edge_at``, a 12-px wide band). One item per edge cost Qt ~4 µs each
    to paint and Python a ``setLine``/``setPen`` each: 1,120 items, a third of a 32-32
    net's frame; one item paints the same lines in a third of the time.

    ``set_lines(ends)``: ends is (E, 4), x1 y1 x2 y2 per edge in scene units.
    ``set_codes(codes, pen)``: codes is (E,), one int per edge saying what its pen shows
    (the canvas's edge code), ``pen(code)`` the QPen for it. Dimmed groups are drawn
    first, lit ones (code bit 2) last, on top."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(1)
        self.setAcceptedMouseButtons(Qt.NoButton)
        self.lines: list[QLineF] = []
        self.codes = np.empty(0, dtype=np.int64)
        self.groups: list[tuple[QPen, list[QLineF]]] = []
        self.rect = QRectF()
        self._pen = None

    def set_lines(self, ends: np.ndarray) -> None:
        self.prepareGeometryChange()
        self.lines = [QLineF(*e) for e in ends.tolist()]
        if len(ends):
            xs, ys = ends[:, 0::2], ends[:, 1::2]
            pad = 8.0  # half the widest pen (a lit edge: 7 + 4 px) and some
            self.rect = QRectF(xs.min() - pad, ys.min() - pad,
                               xs.max() - xs.min() + 2 * pad, ys.max() - ys.min() + 2 * pad)
        else:
            self.rect = QRectF()
        self._group()

    def set_codes(self, codes: np.ndarray, pen) -> None:
        self.codes, self._pen = codes, pen
        self._group()
        self.update()

    def _group(self) -> None:
        if self._pen is None or len(self.codes) != len(self.lines):
            self.groups = []
            return
        order = np.argsort(self.codes, kind="stable")
        sorted_codes = self.codes[order]
        starts = np.flatnonzero(np.r_[True, sorted_codes[1:] != sorted_codes[:-1]])
        bounds = np.r_[starts, len(order)].tolist()
        lines, idx = self.lines, order.tolist()
        groups = []
        for a, b in zip(bounds[:-1], bounds[1:]):
            c = int(sorted_codes[a])
            groups.append(((c & 2 != 0, c & 4 == 0), self._pen(c), [lines[i] for i in idx[a:b]]))
        groups.sort(key=lambda g: g[0])  # dimmed first, lit last
        self.groups = [(pen, group) for _, pen, group in groups]

    def pen_of(self, k: int) -> QPen:
        """The pen edge ``k`` is drawn with."""
        return self._pen(int(self.codes[k]))

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self.rect

    def paint(self, painter, option, widget=None) -> None:
        for pen, lines in self.groups:
            painter.setPen(pen)
            painter.drawLines(lines)


class NeuronItem(QGraphicsEllipseItem):
    """A neuron: its name above, its value (fitted to the circle) inside, a lecture note
    (its δ) at the upper right."""

    def __init__(self, canvas: NetworkCanvas, layer: int, index: int) -> None:
        super().__init__()
        self.canvas, self.layer, self.index = canvas, layer, index
        self.setZValue(2)
        # the name and the note on a patch of the background: on a big net they sat on
        # the mass of edges, hard to read (a 2-64-64-64-1 net at 250 %, seen under X)
        self.name_back, self.note_back = QGraphicsRectItem(self), QGraphicsRectItem(self)
        for back in (self.name_back, self.note_back):
            back.setPen(Qt.NoPen)
        self.name = QGraphicsSimpleTextItem(self)
        self.value = QGraphicsSimpleTextItem(self)
        self.note = QGraphicsSimpleTextItem(self)  # lecture mode: this neuron's delta
        self.tint = 0  # the overview's fill level (set_tint)
        self.restyle()
        self.setToolTip(translate("items", "Click to inspect this layer; right-click for the layer menu"))

    def restyle(self) -> None:
        """The canvas's current radius, fonts and theme (the item is kept across scale,
        theme and structure changes); nothing to do if they have not changed since."""
        if getattr(self, "style", None) == self.canvas.style:
            return
        self.style = self.canvas.style
        canvas, r = self.canvas, self.canvas.metrics.r
        self.setRect(-r, -r, 2 * r, 2 * r)
        theme = canvas.theme
        self.health = None  # its fill and tooltip tell it again below
        self.set_health(getattr(self, "_health", None))
        self._fill()  # (the theme's)
        self.name.setFont(canvas.name_font)
        self.value.setFont(canvas.label_font)
        self.note.setFont(canvas.label_font)
        for item in (self.name, self.value):
            item.setBrush(theme["ink"])
        self.note.setBrush(theme["note"])
        back = QColor(theme["background"])
        back.setAlpha(215)
        for item in (self.name_back, self.note_back):
            item.setBrush(back)

    def set_health(self, state: tuple[str, float] | None) -> None:
        """Saturated (a pale violet fill) or dead (grey), with a tooltip saying so; None:
        healthy (core.health.neuron_states)."""
        self._health = state
        if state == self.health:
            return
        self.health = state
        self._fill()
        tip = translate("items", "Click to inspect this layer; right-click for the layer menu")
        if state and state[0] == "saturated":
            tip = translate("items", "Saturated: |a| > 4 on {0:.0%} of the samples, where its slope is "
                                     "about 0 and it barely learns").format(state[1]) + "\n" + tip
        elif state:
            tip = translate("items", "Dead ReLU: 0 on every sample, so no gradient reaches its "
                                     "weights") + "\n" + tip
        self.setToolTip(tip)

    def set_tint(self, level: int) -> None:
        """The overview's fill (its circle shows no number there): the value's sign and
        size in ``level`` steps of a quarter, -4 (≤ -1, the negative colour) .. 4 (≥ 1, the
        positive one); 0: the plain fill. A saturated or dead mark goes over it."""
        if level != self.tint:
            self.tint = level
            self._fill()

    def _fill(self) -> None:
        theme, dark = self.canvas.theme, self.canvas.high_contrast
        fills = {"saturated": QColor(70, 30, 100) if dark else QColor(228, 210, 245),
                 "dead": QColor(70, 70, 70) if dark else QColor(200, 200, 200)}
        if self.health:
            colour = fills[self.health[0]]
        else:
            level = self.tint
            base, ink = theme["fill"], theme["pos" if level > 0 else "neg"]
            t = 0.7 * abs(level) / 4
            colour = QColor.fromRgbF(*((1 - t) * a + t * b for a, b in
                                       zip(base.getRgbF()[:3], ink.getRgbF()[:3], strict=True)))
        self.setBrush(QBrush(colour))

    def set_note(self, text: str) -> None:
        if (text, self.style) == getattr(self, "_note", None):
            return
        self._note = (text, self.style)
        self.note.setText(text)
        r = self.note.boundingRect()
        self.note.setPos(self.canvas.metrics.r + 4, -self.canvas.metrics.r - r.height() + 4)
        self._back(self.note_back, self.note)

    def set_texts(self, name: str, value: float, highlight: bool) -> None:
        """Name, value and frame; each told to Qt only when it changed (every neuron is
        asked on every frame)."""
        r = self.canvas.metrics.r
        if (name, highlight, self.style) != getattr(self, "_head", None):
            self._head = (name, highlight, self.style)
            self._fm = QFontMetricsF(self.value.font())
            self.name.setText(name)
            box = self.name.boundingRect()
            self.name.setPos(-box.width() / 2, -r - box.height() - 2)
            self._back(self.name_back, self.name)
            ink = self.canvas.theme["ink"]
            self.setPen(QPen(QColor(250, 170, 0), 4) if highlight else QPen(ink, 2))
            self.value.setText("")  # its font may have changed: placed again below
        text = fitted(value, self._fm, 2 * r - 8)
        if text != self.value.text():
            self.value.setText(text)
            box = self.value.boundingRect()
            self.value.setPos(-box.width() / 2, -box.height() / 2)

    @staticmethod
    def _back(back: QGraphicsRectItem, text: QGraphicsSimpleTextItem) -> None:
        """``back`` behind ``text`` (a pixel round it), hidden with no text."""
        back.setVisible(bool(text.text()))
        back.setRect(text.mapRectToParent(text.boundingRect()).adjusted(-1, -1, 1, 1))

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
        self.setToolTip(
            translate("items", "Right-click a neuron for the layer menu; drag this title onto the "
                               "palette to remove the layer") if hidden
            else translate("items", "Right-click a neuron for the layer menu"))
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


