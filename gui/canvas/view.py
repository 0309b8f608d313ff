"""The network canvas: layers as columns, neurons as circles, edges with labels.

Click an edge, its label or a bias to select it; double-click to type a value
in place; the mouse wheel over it nudges it (Shift: x10); right-click it to
freeze it. Right-click a neuron for the layer menu (add/remove neurons and
layers, activation, biases); click a neuron to inspect its layer; click empty
canvas to clear the selection. Drop a layer from the palette between two
columns to insert it; drag a layer's title out onto the palette to remove it.
Ctrl+wheel zooms, dragging the background pans, Home fits the network again.

The layout follows the view (gui.canvas.layout): columns and rows spread over
the room there is, text is drawn at its point size, and edge labels sit where
they cover no other label, neuron or name. When a layer has more than 8 edges
only the selected edge and the focused neuron's inputs are labelled; hover an
edge for its value. Names are typeset with subscripts (w₅, b₁₂, h₁) and values
fitted to their circle.

No text is drawn below 9 pt (MIN_PT). A network that does not fit the view at
that zoom scrolls, unless it is big (more than 64 edges): then Home shows all
of it as an *overview* without text (level of detail: neurons filled by their
value's sign and size, edges coloured and sized by their weights, health
marks), every edge and neuron still clicked, typed, wheeled and hovered for its
value; Ctrl+wheel zooms in to the text.
"""

from __future__ import annotations

import dataclasses

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QMenu,
    QToolTip,
    QWidget,
)

from core import ACTIVATIONS, Param
from core.features import offered, parse
from core.formula import num
from gui.canvas.items import (  # noqa: F401 (the MIME types are the palette's too)
    LAYER_MIME,
    REMOVE_MIME,
    THEMES,
    EdgesItem,
    LayerTitle,
    NeuronItem,
    ParamLabel,
)
from gui.canvas.layout import Metrics, gaps, place
from gui.document import Document
from gui.files import dropped_file
from gui.i18n import translate
from gui.scrollbars import KeptScrollBars
from gui.throttle import Throttle

DENSE_LAYER = 8  # a weight layer with more edges than this shows labels on demand
EDGE_REACH = 6.0  # pixels either side of an edge that click, wheel and hover reach it
SMOOTH_EDGES = 64  # more edges than this are drawn without antialiasing while training plays
SMOOTH_MS = 300  # and for this long after a structural edit
LABEL_PT, NAME_PT = 10.0, 12.0  # canvas text at 100 %
MIN_PT = 9.0  # no canvas text is drawn smaller than this (smaller: the overview has none)
MAX_ZOOM = 4.0  # Ctrl+wheel zooms in this far
ZOOM_STEP = 1.15  # one notch of Ctrl+wheel
BIG_NET = 64  # edges: a net with more may show whole as an overview without text
OVERVIEW_BELOW = 0.7  # a big net shows whole without text when its text would need less
# than this share of MIN_PT to fit (a little short: it scrolls with its text instead)


class NetworkCanvas(QGraphicsView):
    """Watches the document; sends every edit to it."""

    param_selected = Signal(object)
    layer_selected = Signal(int)  # neuron layer index (0 = inputs)

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        scene = QGraphicsScene(self)
        # no spatial index: while training, hundreds of edges change pen width (geometry) a
        # frame, and re-indexing each cost more than a linear scan of ~3,000 items (32-32 net:
        # 8.3 ms an update with the index, 1.9 without; painting 6.8 and 5.3 ms)
        scene.setItemIndexMethod(QGraphicsScene.NoIndex)
        self.setScene(scene)
        self.bar_style = KeptScrollBars(self)  # (gui.scrollbars) an edit repainted it unchanged
        self.verticalScrollBar().setStyle(self.bar_style)
        self.setRenderHint(QPainter.Antialiasing)
        self.setDragMode(QGraphicsView.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setAcceptDrops(True)
        self.scale_factor, self.high_contrast = 1.0, False
        self.playing = False
        self.theme = THEMES[False]
        self._fonts()
        self.selected: Param | None = None
        self.focus: tuple[int, int] | None = None  # (neuron layer, index) whose inputs are labelled
        # lecture mode: lit neurons/params and notes (deltas, gradients, updates) to show
        self.overlay: tuple[set, set, dict, dict] = (set(), set(), {}, {})
        self.edges: dict[Param, int] = {}  # edge -> its row in the edge arrays
        self.edge_params: list[Param] = []  # row -> edge
        self.edge_item = EdgesItem()  # every edge, drawn as one item
        scene.addItem(self.edge_item)
        self._pens: dict[int, QPen] = {}  # edge code -> its pen (made again on a new style)
        self.labels: dict[Param, ParamLabel] = {}  # made when first shown, kept while valid
        self.neurons: list[list[NeuronItem]] = []
        self.titles: list[LayerTitle] = []
        self.editor = None
        self.drop_marker: QGraphicsLineItem | None = None
        self.x_gap = self.y_gap = 0.0
        self.user_zoom = False  # Ctrl+wheel was used: keep the user's zoom until Home
        self.detail = True  # text drawn (False: the overview of a big net, see the docstring)
        self.values: list[np.ndarray] = []  # each neuron layer's values as shown (hover)
        self._placed = None  # what the edge labels were placed for
        self._left = 0.0  # area the placed labels still overlap (0: none)
        self.throttle = Throttle(self._follow, 30, self, defer=lambda: doc.bursting)
        self._built_in_burst = False  # drawn by _on_structure_changed in this burst
        self.smoothing = QTimer(self)  # running: a structural edit was just drawn plainly
        self.smoothing.setSingleShot(True)
        self.smoothing.timeout.connect(self._set_quality)
        self.caption = QLabel(self.viewport())  # lecture mode: the numbered phase, top left
        self.caption.setTextFormat(Qt.RichText)  # (the lecture panel's HTML: subscripts)
        self.caption.setWordWrap(True)
        self.caption.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.caption.hide()
        doc.loaded.connect(self._forget_selection)
        doc.structure_changed.connect(self._on_structure_changed)
        doc.weights_changed.connect(self._request)
        doc.settings_changed.connect(self._request)  # L1 on or off: dead links show or not
        doc.probe_changed.connect(self._request)  # the probe's forward pass
        doc.burst_over.connect(self.throttle.flush)
        doc.burst_over.connect(self._burst_over)  # after the flush
        doc.sample_changed.connect(self._on_sample)
        self._on_structure_changed()

    # --- presentation -------------------------------------------------------------
    @property
    def style(self) -> tuple:
        """What kept items take their look from: restyled when it changes."""
        return (self.scale_factor, self.high_contrast, self.metrics.r)

    def _fonts(self) -> None:
        s = self.scale_factor
        self.label_font, self.name_font = QFont(), QFont()
        self.label_font.setPointSizeF(LABEL_PT * s)
        self.name_font.setPointSizeF(NAME_PT * s)
        self.name_font.setBold(True)
        self._label_widths: dict[str, float] = {}
        fm, names = QFontMetricsF(self.label_font), QFontMetricsF(self.name_font)
        label = QSizeF(fm.horizontalAdvance("w1 = -0.1234") + 8, fm.height() + 4)
        self.metrics = Metrics(r=max(0.5 * fm.horizontalAdvance("-0.1234") + 8, 24 * s),
                               label=label, name_h=names.height() + 2, title_h=fm.height() + 4,
                               note_w=fm.horizontalAdvance("δ = -0.1234") + 8)

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

    def set_playing(self, on: bool) -> None:
        """While training plays, a canvas of more than SMOOTH_EDGES edges draws them without
        antialiasing (a third of the paint time: 6 ms instead of 18 for 1,120 edges); when
        it stops, the picture is smooth again. So does a structural edit, for SMOOTH_MS."""
        self.playing = on
        self._set_quality()

    def _set_quality(self) -> None:
        busy = self.playing or self.smoothing.isActive()
        smooth = not (busy and len(self.edges) > SMOOTH_EDGES)
        if smooth != bool(self.renderHints() & QPainter.Antialiasing):
            self.setRenderHint(QPainter.Antialiasing, smooth)
            self.viewport().update()

    # --- building -------------------------------------------------------------------
    def _pos(self, layer: int, i: int) -> QPointF:
        n = self.doc.net.sizes[layer]
        return QPointF(layer * self.x_gap, (i - (n - 1) / 2) * self.y_gap)

    def dense(self, layer: int) -> bool:
        """Too many edges in weight layer ``layer`` for all its labels to be readable."""
        s = self.doc.net.sizes
        return s[layer] * s[layer + 1] > DENSE_LAYER

    def edge_tip(self, p: Param) -> str:
        """An edge's tooltip, made when the mouse comes onto it: its full value."""
        net = self.doc.net
        frozen = translate("view", "  (frozen)") if net.is_frozen(p) else ""
        if not frozen and net.get(p) == 0 and self.doc.settings.get("l1", 0.0) > 0 and not p.is_bias:
            frozen = translate("view", "  (dead: L1 holds it at 0)")
        return f"{self.label_texts[p]} = {net.get(p):.10g}{frozen}"

    def labelled(self) -> set[Param]:
        """The parameters whose labels show (lecture overlay aside): every one in a layer
        that is not dense; in a dense one the selected edge, the focused neuron's incoming
        weights and bias, and the biases while the net has fewer than 200 parameters."""
        net, out = self.doc.net, set()
        few = len(self.flat) < 200
        for l, params in enumerate(self.layer_params):
            if not self.dense(l):
                out.update(params)
            elif few and net.use_bias[l]:
                out.update(Param(l, -1, j) for j in range(net.sizes[l + 1]))
        if self.selected is not None:
            out.add(self.selected)
        if self.focus is not None and self.focus[0] > 0:
            l, j = self.focus[0] - 1, self.focus[1]
            first = -1 if net.use_bias[l] else 0
            out.update(Param(l, i, j) for i in range(first, net.sizes[l]))
        return out

    def _on_structure_changed(self) -> None:
        """Items for the network's shape, then the layout. Items are kept by address (a
        neuron by (layer, index), an edge and its label by Param) and reused: adding a
        neuron to a 32-wide layer makes one neuron, not a thousand items. The edges are one
        item; a label is made when it is first shown (a dense 32-32 net shows almost none)."""
        scene, net = self.scene(), self.doc.net
        for item in (self.editor, self.drop_marker):
            if item is not None and item.scene() is scene:
                scene.removeItem(item)
        self.editor = self.drop_marker = None
        self.focus = None
        self.overlay = (set(), set(), {}, {})
        old_neurons = {(l, i): n for l, items in enumerate(self.neurons) for i, n in enumerate(items)}
        for t in self.titles:
            scene.removeItem(t)
        self.neurons, self.titles = [], []
        for l, n in enumerate(net.sizes):
            self.neurons.append([])
            for i in range(n):
                item = old_neurons.pop((l, i), None)
                if item is None:
                    item = NeuronItem(self, l, i)
                    scene.addItem(item)
                else:
                    item.restyle()  # the scale or theme may have changed
                self.neurons[l].append(item)
        for item in old_neurons.values():
            scene.removeItem(item)
        self.flat = net.indices()  # Param -> index in net.params
        params = list(self.flat)
        self.edge_params = [p for p in params if not p.is_bias]
        self.edges = {p: k for k, p in enumerate(self.edge_params)}
        self.edge_index = np.array([self.flat[p] for p in self.edge_params], dtype=np.intp)
        self.edge_address = np.array(self.edge_params, dtype=np.intp).reshape(-1, 3)
        if getattr(self, "_pen_style", None) != self.style:  # the theme or scale changed
            self._pens, self._pen_style = {}, self.style
        self.edge_codes = np.full(len(self.edge_params), -1, dtype=np.int64)  # pens: not yet
        for p in [p for p in self.labels if p not in self.flat]:  # labels of what is gone
            scene.removeItem(self.labels.pop(p))
        for label in self.labels.values():
            label.restyle()
        self._label_state = None  # (selection, focus, overlay) the shown labels are for
        self._shown = getattr(self, "_shown", set()) & self.labels.keys()  # labels now visible
        self._lit = getattr(self, "_lit", set()) & self.labels.keys()  # labels now on top
        self.layer_params = [[] for _ in range(net.n_layers)]
        for p in params:
            self.layer_params[p.layer].append(p)
        if len(self.edges) > SMOOTH_EDGES:
            self.smoothing.start(SMOOTH_MS)  # the edit shows at once, smooth a moment later
        self._set_quality()
        self.label_texts = net.texts()
        for l in range(net.n_layers):
            t = LayerTitle(self, l + 1, net.activations[l] if net.use_bias[l] else
                           translate("view", "{0}, no bias").format(net.activations[l]))
            scene.addItem(t)
            self.titles.append(t)
        if self.selected is not None and self.selected not in self.flat:
            self.selected = None
        self.user_zoom = False
        self._relayout()
        self._describe()
        self._built_in_burst = self.doc.bursting

    def _describe(self) -> None:
        """The canvas's accessible name and description: the network in words (its items
        are graphics, which screen readers do not see)."""
        net = self.doc.net
        names = [[s.unicode() for s in layer] for layer in net.neuron_symbols()]
        layers = [translate("view", "inputs {0}").format(", ".join(names[0]))]
        for l in range(1, len(net.sizes)):
            role = translate("view", "output") if l == len(net.sizes) - 1 else translate("view", "hidden")
            layers.append(f"{role} {', '.join(names[l])} ({net.activations[l - 1]})")
        name = translate("view", "Network {0}").format("-".join(map(str, net.sizes)))
        p = getattr(self, "selected", None)
        if p is not None and p in self.flat:  # what the keyboard is on, for a screen reader
            name += f": {net.texts()[p]} = {num(net.get(p))}"
        self.setAccessibleName(name)
        self.setAccessibleDescription("; ".join(layers) + translate(
            "view", ". Click an edge to select it, double-click to type its value, wheel to nudge it; "
                    "right-click a neuron for the layer menu."))

    def label(self, p: Param) -> ParamLabel:
        """Parameter ``p``'s label item, made (hidden) the first time it is asked for."""
        item = self.labels.get(p)
        if item is None:
            item = self.labels[p] = ParamLabel(self, p)
            item.setVisible(False)
            self.scene().addItem(item)
        return item

    def label_shown(self, p: Param) -> bool:
        """Whether parameter ``p``'s label is on the canvas."""
        return p in self.labels and self.labels[p].isVisible()

    def edge_pen_for(self, code: int) -> QPen:
        """The pen an edge code (see _on_weights_changed) is drawn with."""
        pen = self._pens.get(code)
        if pen is None:
            theme, c = self.theme, code
            colour = QColor(theme["muted"] if c & 16 else theme["pos"] if c & 8 else theme["neg"])
            if c & 4:
                colour.setAlpha(40)  # dim what does not touch the focused neuron
            pen = QPen(colour, (c >> 5) / 4)
            if c & 2:
                pen = QPen(QColor(250, 150, 0), pen.widthF() + 4)
            if c & 1:
                pen.setStyle(Qt.DashLine)
            elif c & 16:
                pen.setStyle(Qt.DotLine)  # dead: L1 drove it to exactly 0
            self._pens[code] = pen
        return pen

    def edge_pen(self, p: Param) -> QPen:
        """The pen edge ``p`` is drawn with now."""
        return self.edge_item.pen_of(self.edges[p])

    def _relayout(self) -> None:
        """Gaps from the view's size, every item to its place, the edge labels placed (the
        columns move apart until no label covers anything), and the zoom that keeps text
        at its size (or at least 9 pt)."""
        net = self.doc.net
        fm = QFontMetricsF(self.label_font)
        widths = self._label_widths  # text -> width in the label font (fonts change: cleared)
        widest = 0.0
        for name in list(self.label_texts.values())[:2000]:
            text = f"{name} = -0.1234"
            w = widths.get(text)
            if w is None:
                w = widths[text] = fm.horizontalAdvance(text)
            widest = max(widest, w)
        m = self.metrics = dataclasses.replace(  # the gaps follow this network's labels
            self.metrics, label=QSizeF(widest + 8, self.metrics.label.height()))
        view = self.maximumViewportSize()  # (as if without scroll bars: see whole_zoom)
        x_gap, self.y_gap = gaps(m, net.sizes, max(view.width(), 200), max(view.height(), 150))
        self._refresh()  # texts and which labels show: their sizes, for the placing
        # the columns move apart until the labels fit: each gap is tried on numbers alone
        # (no item moves), and a gap that is not clean is dropped at its first overlap
        stretches = (1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.5)
        for k, stretch in enumerate(stretches):
            self.x_gap = x_gap * stretch
            last = k == len(stretches) - 1
            spots, left = self._label_spots(give_up=not last)
            if left == 0.0 or last:
                break
        self._position(spots, left)
        scene = self.scene()
        # room right of the outputs for their notes (a lecture's δ), whether shown yet or
        # not, so that a phase's note does not move the net; counted once (notes shown
        # were in the extent already: a 2-2-1 net scrolled in lecture mode at 250 %)
        rect = self._extent()
        outputs = max(n.sceneBoundingRect().right() for n in self.neurons[-1])
        rect.setRight(max(rect.right(), outputs + m.note_w))
        rect = rect.adjusted(-20, -20, 20, 20)
        scene.setSceneRect(rect)
        if not self.user_zoom:
            whole = self.whole_zoom()
            k = whole if self.may_overview() else max(whole, self.text_zoom())
            self.setTransform(QTransform.fromScale(k, k))
            self.centerOn(rect.center())
            bar = self.horizontalScrollBar()
            if bar.maximum() > bar.minimum():  # wider than the view (text kept at 9 pt, at
                bar.setValue(bar.minimum())  # 250 %): the inputs, where a pass starts, not
                # the middle (that cut the input neurons and showed the notes' empty margin)
        self._show_detail()

    def text_zoom(self) -> float:
        """The least zoom at which canvas text is drawn at MIN_PT or more."""
        return MIN_PT / (LABEL_PT * self.scale_factor)

    def whole_zoom(self) -> float:
        """The zoom (at most 1) at which the whole network fits the view. The view's size is
        taken without scroll bars, as for the gaps: sizes that depended on whether the bars
        showed made a layout that needed them, which once laid out did not, and so on
        without end (XOR's canvas at about 580×330 relaid itself out 1,200 times a second)."""
        view, rect = self.maximumViewportSize(), self.scene().sceneRect()
        return min(1.0, view.width() / max(rect.width(), 1), view.height() / max(rect.height(), 1))

    def may_overview(self) -> bool:
        """Whether the network may be shown whole without text: it is big (more than
        BIG_NET edges: its dense layers label on demand anyway), far from fitting with its
        text (OVERVIEW_BELOW), and no lecture phase is lit (its numbers are the point)."""
        return (len(self.edges) > BIG_NET and not any(self.overlay)
                and self.whole_zoom() < OVERVIEW_BELOW * self.text_zoom())

    def _show_detail(self) -> None:
        """Text on (the zoom draws it at MIN_PT or more) or off (the overview): the neurons'
        names, values and notes, the layers' titles and the edge labels."""
        detail = self.transform().m11() >= self.text_zoom() * (1 - 1e-9)
        for items in self.neurons:  # (new neurons come with their text on)
            for n in items:
                for text in (n.name, n.value, n.note):
                    text.setVisible(detail)
        for t in self.titles:
            t.setVisible(detail)
        if detail != self.detail:
            self.detail = detail
            self._on_weights_changed()  # the labels shown (none in the overview), placed

    def zoom_by(self, factor: float) -> None:
        """Zoom by ``factor`` about the mouse, within what the network allows: down to the
        zoom that shows it whole (a big net: the overview) or where text reaches MIN_PT,
        up to MAX_ZOOM."""
        k, text = self.transform().m11(), self.text_zoom()
        lo = min(self.whole_zoom(), text) if self.may_overview() else text
        want = min(max(k * factor, min(lo, k)), max(MAX_ZOOM, k))
        if k < text < want * ZOOM_STEP and factor > 1:  # zooming in, a notch short of the
            want = max(want, text)  # text: the text (large empty circles looked broken)
        if want != k:
            self.scale(want / k, want / k)
            self.user_zoom = True
            self._show_detail()

    def _extent(self) -> QRectF:
        """The scene rectangle everything drawn lies in: neurons with their names and notes,
        titles and shown labels (edges run between neurons, so they add nothing; asking the
        scene for every item's bounds made each edge's shape, 1,120 of them on a 32-32 net)."""
        rect = QRectF()
        for items in self.neurons:
            for n in items:
                rect = rect.united(n.sceneBoundingRect()).united(n.name.sceneBoundingRect())
                if n.note.text():
                    rect = rect.united(n.note.sceneBoundingRect())
        for item in (*self.titles, *(label for _, label in self.shown_labels)):
            rect = rect.united(item.sceneBoundingRect())
        return rect

    def _position(self, spots: dict, left: float) -> None:
        """Every item to its place for the current gaps, the shown labels at ``spots``
        (from _label_spots, which overlap ``left``)."""
        for l, items in enumerate(self.neurons):
            for i, item in enumerate(items):
                item.setPos(self._pos(l, i))
        layer, source, target = self.edge_address.T  # _pos for every edge's two ends at once
        sizes = np.asarray(self.doc.net.sizes, dtype=float)
        ends = np.column_stack([layer * self.x_gap, (source - (sizes[layer] - 1) / 2) * self.y_gap,
                                (layer + 1) * self.x_gap,
                                (target - (sizes[layer + 1] - 1) / 2) * self.y_gap])
        self.edge_item.set_lines(ends)
        self.edge_ends = ends  # (edges, 4): x1 y1 x2 y2 in scene coordinates, for edge_at
        for l, t in enumerate(self.titles):
            t.setPos(self._title_pos(l))
        self._put_labels(spots, left)
        self._placed = self._placement_key()

    def _title_pos(self, l: int) -> QPointF:
        """Where layer ``l + 1``'s title goes: centred over its column, above its top neuron
        and the previous column's."""
        m, t = self.metrics, self.titles[l]
        top = min(self._pos(l + 1, 0).y(), self._pos(l, 0).y()) - m.r - m.name_h - m.title_h - 4
        return QPointF(self._pos(l + 1, 0).x() - t.boundingRect().width() / 2, top)

    def fit(self) -> None:
        """Back to the layout that fits the view (Home)."""
        self.user_zoom = False
        self._relayout()

    def resizeEvent(self, e) -> None:
        super().resizeEvent(e)
        if not self.user_zoom:
            self._relayout()
        if self.caption.isVisible():
            self._place_caption()

    def _place_labels(self) -> None:
        """Put the visible edge labels where they overlap nothing (gui.canvas.layout)."""
        self._put_labels(*self._label_spots())

    def _put_labels(self, spots: dict, left: float) -> None:
        """The shown labels to their ``spots``, which overlap ``left`` (0: nothing)."""
        for p, at in spots.items():
            self.labels[p].setPos(at)
        self._left = left

    def _label_spots(self, give_up: bool = False) -> tuple[dict, float]:
        """Centres for the shown labels with the items where the current gaps put them
        (computed, not read from the items: the gap search tries several before anything
        moves), and the area they still overlap. ``give_up``: see layout.place."""
        obstacles = []
        for l, items in enumerate(self.neurons):
            for i, n in enumerate(items):
                at = self._pos(l, i)
                obstacles.append(n.boundingRect().translated(at))
                obstacles.append(n.name.boundingRect().translated(at + n.name.pos()))
                if n.note.text():
                    obstacles.append(n.note.boundingRect().translated(at + n.note.pos()))
        obstacles += [t.boundingRect().translated(self._title_pos(l)) for l, t in enumerate(self.titles)]
        edges, spots = [], {}
        for p, label in self.shown_labels:
            r = label.rect()
            if p.is_bias:  # under its neuron, its top edge just below the circle
                below = self.metrics.r + 6 + r.height() / 2
                spots[p] = at = self._pos(p.layer + 1, p.target) + QPointF(0, below)
                obstacles.append(label.boundingRect().translated(at))
                continue
            size = QSizeF(max(r.width(), self.metrics.label.width()), r.height())
            edges.append((p, self._pos(p.layer, p.source), self._pos(p.layer + 1, p.target), size))
        placed, left = place(edges, obstacles, give_up)
        spots.update(placed)
        return spots, left

    def visible_text_rects(self) -> list[tuple[str, QRectF]]:
        """Every piece of text shown on the canvas and every neuron, as scene rectangles
        (what the overlap test checks)."""
        out = []
        for items in self.neurons:
            for n in items:
                out.append((f"neuron {n.name.text()}", n.sceneBoundingRect()))
                if n.name.isVisible():
                    out.append((f"name {n.name.text()}", n.name.sceneBoundingRect()))
                if n.note.text() and n.note.isVisible():
                    out.append((f"note {n.note.text()}", n.note.sceneBoundingRect()))
        out += [(f"title {t.text()}", t.sceneBoundingRect()) for t in self.titles if t.isVisible()]
        out += [(f"label {lab.text.text()}", lab.sceneBoundingRect())
                for lab in self.labels.values() if lab.isVisible()]
        return out

    # --- following the model ---------------------------------------------------------
    def _on_sample(self, index: int) -> None:
        self._request()

    def _request(self) -> None:
        """Redraw now, or (while training streams updates) at most 30 times a second."""
        self.throttle.request()

    def _follow(self) -> None:
        """The throttled redraw. A structural edit is one burst of signals (structure,
        weights, settings, sample, ...) emitted after the new state is in place: the layout
        drew all of it already, and the burst's own redraw would draw it again."""
        if not self._built_in_burst:
            self._on_weights_changed()

    def _burst_over(self) -> None:
        self._built_in_burst = False

    def _on_weights_changed(self) -> None:
        """Pens, labels and neurons for the current weights and sample; the edge labels
        placed again only when what is shown (or its size) changed (an edge label gets at
        least the typical label's width, so a value's digits changing while training
        moves nothing)."""
        self._refresh()
        key = self._placement_key()
        if key != self._placed:
            self._placed = key
            self._place_labels()
            if self._left > 0:  # e.g. a lecture note grew a label
                self._relayout()

    def _placement_key(self) -> tuple:
        """What the edge labels' places depend on besides the layout: the labels shown,
        their sizes, and which neurons carry a note."""
        nominal = self.metrics.label.width()
        key = tuple((p, round(max(item.rect().width(), nominal) / 8), round(item.rect().height()))
                    for p, item in self.shown_labels)
        return key + tuple(n.note.text() != "" for items in self.neurons for n in items)

    def _refresh(self) -> None:
        """Edge pens, the labels shown and their texts, the neurons' values and notes."""
        net, doc = self.doc.net, self.doc
        lit_n, lit_p, notes_n, notes_p = self.overlay
        labels, flat = self.label_texts, self.flat
        params, frozen = net.params, net.frozen
        biggest = max(1e-9, max(abs(w).max() for w in net.weights))
        # what each edge's pen shows, as one number: width in quarter pixels, dead (L1 holds
        # it at 0), sign, dimmed, lit, frozen; a pen is costly to set, so only edges whose
        # number changed get one
        w = params[self.edge_index]
        quarters = np.rint(4.0 + 24.0 * np.minimum(np.abs(w) / biggest, 1.0)).astype(np.int64)
        dead = (w == 0.0) & (doc.settings.get("l1", 0.0) > 0)
        code = quarters * 32 + dead * 16 + (w >= 0) * 8 + frozen[self.edge_index] * 1
        if self.focus is not None or lit_p:
            for k, p in enumerate(self.edges):
                dim = self.focus is not None and self.dense(p.layer) and \
                    (p.layer + 1, p.target) != self.focus and (p.layer, p.source) != self.focus
                code[k] += 4 * dim + 2 * (p in lit_p)
        if not self.detail and self.selected in self.edges:  # (no label to frame: the edge)
            code[self.edges[self.selected]] |= 2
        if not np.array_equal(code, self.edge_codes):
            self.edge_item.set_codes(code, self.edge_pen_for)
            self.edge_codes = code
        # which labels show depends on the selection, focus and lecture overlay, not on the
        # weights: worked out again only when those change (hundreds of Qt calls a frame)
        state = (self.selected, self.focus, frozenset(lit_p), frozenset(notes_p), len(self.flat),
                 self.detail)
        if state != self._label_state:
            self._label_state = state
            shown = self.labelled() | lit_p | set(notes_p) if self.detail else set()
            for p in shown - self._shown:  # only the labels that change are told
                self.label(p).setVisible(True)
            for p in self._shown - shown:
                self.labels[p].setVisible(False)
            lit = set(lit_p) & shown  # (the overview shows no labels)
            for p in self._lit ^ lit:
                self.labels[p].setZValue(5 if p in lit else 3)
            self._shown, self._lit = shown, lit
            self.shown_labels = [(p, item) for p, item in self.labels.items() if p in shown]
        for p, item in self.shown_labels:
            note = f"\n{notes_p[p]}" if p in notes_p else ""
            item.set_text(f"{labels[p]} = {num(float(params[flat[p]]))}{note}",
                          bool(frozen[flat[p]]), p == self.selected or p in lit_p)
        sample = doc.sample if doc.sample >= 0 else 0
        if lit_n or notes_n or lit_p:  # lecture mode traces the next sample
            sample = doc.next_sample()
        point = doc.X[sample] if doc.probe is None else np.array(doc.probe)  # or the probe
        z = net.forward(doc.inputs(point)).z
        self.values = [layer[0] for layer in z]
        names = [[s.unicode() for s in layer] for layer in net.neuron_symbols()]
        if not doc.features.is_identity:  # input neurons named by their feature: x₁x₂
            names[0] = [f.unicode() for f in doc.features.parsed]
        # the overview shows values as fills, in quarter steps -4..4 (with text: none, 0)
        levels = [np.rint(4 * np.clip(v, -1, 1)).astype(int).tolist() for v in self.values] \
            if not self.detail else None
        for l, items in enumerate(self.neurons):
            for i, item in enumerate(items):
                item.set_texts(names[l][i], float(z[l][0, i]),
                               (doc.sample >= 0 and l == 0) or (l, i) in lit_n)
                item.set_note(notes_n.get((l, i), ""))
                item.set_tint(levels[l][i] if levels else 0)

    # --- interaction ---------------------------------------------------------------
    def set_overlay(self, overlay: tuple[set, set, dict, dict]) -> None:
        """Light the neurons and parameters of a lecture phase and show notes on them (the
        same overlay again changes nothing: the lecture sets it on every rebuild, and out of
        lecture mode that is always the empty one; redrawing for it painted an edit twice)."""
        if overlay == self.overlay:
            return
        overview = self.may_overview()
        self.overlay = overlay
        if self.may_overview() != overview and not self.user_zoom:
            self._relayout()  # a lit phase on a big net: its text; unlit: the overview again
        elif any(overlay) and not self.detail:  # (zoomed out by the user)
            self.zoom_by(self.text_zoom() / self.transform().m11())
        self._on_weights_changed()
        lit = [self.neurons[l][i].sceneBoundingRect() for l, i in overlay[0]]
        lit += [self.labels[p].sceneBoundingRect() for p in overlay[1] if p in self.labels]
        if lit:  # a network larger than the view scrolls to what the phase is about
            area = lit[0]
            for r in lit[1:]:
                area = area.united(r)
            self.ensureVisible(area, 10, 10)

    def set_health(self, states: dict) -> None:
        """Mark saturated and dead hidden neurons ({(layer, i): (state, share)},
        core.health.neuron_states)."""
        for l, items in enumerate(self.neurons):
            for i, item in enumerate(items):
                item.set_health(states.get((l, i)))

    def set_caption(self, text: str) -> None:
        """A caption over the canvas's bottom left (lecture mode's numbered phase; '' hides
        it), in the theme, its type the size the canvas's labels show at (the zoom that
        fits the network shrinks both), at most 70 % of the view wide."""
        c = self.caption
        c.setVisible(bool(text))
        if not text:
            return
        font = QFont(self.label_font)
        font.setPointSizeF(max(MIN_PT, self.label_font.pointSizeF() * self.transform().m11()) * 1.15)
        c.setFont(font)
        t = self.theme
        c.setStyleSheet(f"background: {t['box'].name(QColor.HexArgb)}; color: {t['ink'].name()};"
                        f"border: 1px solid {t['frame'].name()}; padding: 4px;")
        c.setText(text)
        self._place_caption()

    def _place_caption(self) -> None:
        c, vp = self.caption, self.viewport()
        one_line = QFontMetricsF(c.font()).horizontalAdvance(c.text()) + 16  # padding, border
        c.setFixedWidth(int(min(one_line, max(200, 0.7 * vp.width()))))  # (QLabel's own wrap
        c.setFixedHeight(c.heightForWidth(c.width()))  # picks a narrow column)
        c.move(8, max(8, vp.height() - c.height() - 8))
        c.raise_()

    def focus_neuron(self, layer: int, index: int) -> None:
        """Inspect the neuron's layer and label its incoming edges (from the overview, the
        canvas zooms in to its text around the neuron first: Home shows all again)."""
        self.focus = (layer, index)
        if not self.detail:
            self.zoom_by(self.text_zoom() / self.transform().m11())
            self.centerOn(self.neurons[layer][index])
        self._on_weights_changed()
        self.layer_selected.emit(layer)

    def select(self, p: Param | None) -> None:
        self.selected = p
        self._on_weights_changed()
        self._describe()
        self.param_selected.emit(p)

    def edit_in_place(self, p: Param) -> None:
        """A line editor over the parameter's label: Enter commits, Esc cancels."""
        self.select(p)
        line = QLineEdit(f"{self.doc.net.get(p):.10g}")
        line.setFont(self.label_font)
        line.setFixedWidth(120)
        line.setToolTip(translate("view", "Type a value and press Enter (Esc cancels)"))
        proxy = self.scene().addWidget(line)
        proxy.setZValue(10)
        proxy.setFlag(QGraphicsItem.ItemIgnoresTransformations)  # full size at any zoom
        proxy.setPos(self.anchor(p))
        proxy.setTransform(QTransform.fromTranslate(-60, -line.sizeHint().height() / 2))
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

    def anchor(self, p: Param) -> QPointF:
        """Where parameter ``p`` is on the canvas (scene coordinates): its label's centre
        where the label shows, else its edge's middle or (a bias) just below its neuron."""
        if self.label_shown(p):
            return self.labels[p].pos()
        if p.is_bias:
            return self._pos(p.layer + 1, p.target) + QPointF(0, self.metrics.r + 8)
        return (self._pos(p.layer, p.source) + self._pos(p.layer + 1, p.target)) / 2

    # --- the edges under the mouse ------------------------------------------------------
    def edge_at(self, pos: QPoint) -> Param | None:
        """The edge within EDGE_REACH pixels of view point ``pos`` (the nearest), unless a
        neuron or label is there: edges are only drawn, the canvas finds them itself."""
        item = self.itemAt(pos)
        if item is not None and item is not self.edge_item or not self.edge_params:
            return None
        at = self.mapToScene(pos)
        x1, y1, x2, y2 = self.edge_ends.T
        dx, dy = x2 - x1, y2 - y1
        t = np.clip(((at.x() - x1) * dx + (at.y() - y1) * dy) / np.maximum(dx * dx + dy * dy, 1e-12), 0, 1)
        d = np.hypot(x1 + t * dx - at.x(), y1 + t * dy - at.y())
        k = int(np.argmin(d))
        reach = EDGE_REACH / max(self.transform().m11(), 1e-9)  # view pixels -> scene units
        return self.edge_params[k] if d[k] <= reach else None

    def mousePressEvent(self, e) -> None:
        """A click on an edge selects it; on empty canvas it clears the selection and the
        focused neuron (a drag from there still pans)."""
        if e.button() == Qt.LeftButton:
            p = self.edge_at(e.position().toPoint())
            if p is not None:
                self.select(p)
                e.accept()
                return
            if self.itemAt(e.position().toPoint()) is None:
                self.clear_selection()
        super().mousePressEvent(e)

    def mouseDoubleClickEvent(self, e) -> None:
        p = self.edge_at(e.position().toPoint()) if e.button() == Qt.LeftButton else None
        if p is not None:
            self.edit_in_place(p)
            e.accept()
            return
        super().mouseDoubleClickEvent(e)

    def mouseMoveEvent(self, e) -> None:
        """A pointing hand over an edge (Qt sets the cursor of the items it finds)."""
        super().mouseMoveEvent(e)
        if e.buttons() == Qt.NoButton and self.itemAt(e.position().toPoint()) is None:
            near = self.edge_at(e.position().toPoint()) is not None
            self.viewport().setCursor(Qt.PointingHandCursor if near else Qt.OpenHandCursor)

    def contextMenuEvent(self, e) -> None:
        p = self.edge_at(e.pos())
        if p is not None:
            self.param_menu(p).exec(e.globalPos())
            return
        super().contextMenuEvent(e)

    def viewportEvent(self, e) -> bool:
        """An edge's tooltip: its value, made when asked for; in the overview a neuron's
        tells its name and value too (its circle shows no text there)."""
        if e.type() == QEvent.ToolTip:
            p = self.edge_at(e.pos())
            if p is not None:
                QToolTip.showText(e.globalPos(), self.edge_tip(p), self.viewport())
                return True
            n = self.itemAt(e.pos())
            n = n.parentItem() if n is not None and n.parentItem() is not None else n
            if not self.detail and isinstance(n, NeuronItem):
                QToolTip.showText(e.globalPos(), self.neuron_tip(n), self.viewport())
                return True
        return super().viewportEvent(e)

    def neuron_tip(self, n: NeuronItem) -> str:
        """A neuron's name and value as the canvas shows them, with its own tooltip."""
        value = float(self.values[n.layer][n.index])
        return f"{n.name.text()} = {value:.10g}\n{n.toolTip()}"

    def _forget_selection(self) -> None:
        self.selected, self.focus = None, None
        self.param_selected.emit(None)

    def clear_selection(self) -> None:
        """No selected parameter, no focused neuron."""
        if self.selected is not None or self.focus is not None:
            self.focus = None
            self.select(None)

    def wheelEvent(self, e) -> None:
        """Ctrl+wheel zooms; the wheel over an edge nudges its weight by 0.01 (Shift: 0.1)."""
        if e.modifiers() & Qt.ControlModifier:
            self.zoom_by(ZOOM_STEP if e.angleDelta().y() > 0 else 1 / ZOOM_STEP)
            return
        p = self.edge_at(e.position().toPoint()) if e.angleDelta().y() else None
        if p is not None:
            step = 0.1 if e.modifiers() & Qt.ShiftModifier else 0.01
            self.doc.nudge_param(p, step if e.angleDelta().y() > 0 else -step)
            self.select(p)
            e.accept()
            return
        super().wheelEvent(e)

    # --- the keyboard --------------------------------------------------------------------
    # Tab and Shift+Tab walk the parameters in label order, each one a stop (selected: the
    # inspector shows it); past the last the focus moves on out of the canvas (Ctrl+Tab at
    # once). Up and Down nudge the selected one like the wheel (Shift: ×10), Enter or F2
    # types its value, the menu key or Shift+F10 opens its menu, Esc lets it go.
    def _order(self) -> list[Param]:
        return list(self.doc.net.symbols())

    def focusInEvent(self, e) -> None:
        super().focusInEvent(e)
        order = self._order()
        if order and e.reason() in (Qt.TabFocusReason, Qt.BacktabFocusReason):  # from the start
            self.select(order[0] if e.reason() == Qt.TabFocusReason else order[-1])

    def focusNextPrevChild(self, next: bool) -> bool:
        order = self._order()
        if self.editor is None and self.hasFocus() and order:
            k = order.index(self.selected) + (1 if next else -1) if self.selected in order \
                else (0 if next else len(order) - 1)
            if 0 <= k < len(order):
                self.select(order[k])
                return True
            # past the last: the focus moves on; the selection stays (the inspector, next
            # in the cycle, edits it)
        return QWidget.focusNextPrevChild(self, next)  # on to the next control

    def keyPressEvent(self, e) -> None:
        key, shift = e.key(), bool(e.modifiers() & Qt.ShiftModifier)
        if key == Qt.Key_Escape and self.editor is not None:
            self.editor.deleteLater()
            self.editor = None
            return
        if key in (Qt.Key_Tab, Qt.Key_Backtab) and e.modifiers() & Qt.ControlModifier:
            QWidget.focusNextPrevChild(self, key == Qt.Key_Tab and not shift)
            return
        p = self.selected
        if p is not None and self.editor is None:
            if key in (Qt.Key_Up, Qt.Key_Down):
                step = 0.1 if shift else 0.01
                self.doc.nudge_param(p, step if key == Qt.Key_Up else -step)
                return
            if key in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_F2):
                self.edit_in_place(p)
                return
            if key == Qt.Key_Menu or (key == Qt.Key_F10 and shift):
                where = self.mapFromScene(self.anchor(p))
                self.param_menu(p).popup(self.viewport().mapToGlobal(where))
                return
            if key == Qt.Key_Escape:
                self.select(None)
                return
        super().keyPressEvent(e)

    # --- menus ---------------------------------------------------------------------
    def param_menu(self, p: Param) -> QMenu:
        doc = self.doc
        menu = QMenu(self)
        frozen = doc.net.is_frozen(p)
        menu.addAction(translate("view", "Unfreeze (train it)") if frozen
                       else translate("view", "Freeze (do not train)"),
                       lambda: doc.set_frozen(p, not frozen))
        menu.addAction(translate("view", "Type a value…"), lambda: self.edit_in_place(p))
        return menu

    def neuron_menu(self, layer: int, index: int) -> QMenu:
        """The layer menu of neuron ``index`` in neuron layer ``layer`` (0 = inputs)."""
        doc, net = self.doc, self.doc.net
        menu = QMenu(self)
        hidden = 0 < layer < len(net.sizes) - 1
        if hidden:
            menu.addAction(translate("view", "Add a neuron to this layer"), lambda: doc.add_neuron(layer))
            menu.addAction(translate("view", "Remove this neuron"), lambda: doc.remove_neuron(layer, index))
            menu.addAction(translate("view", "Remove this layer"), lambda: doc.remove_layer(layer))
        if layer < len(net.sizes) - 1:
            menu.addAction(translate("view", "Insert a hidden layer after this one"),
                           lambda: doc.insert_layer(layer + 1))
        if layer > 0:
            sub = menu.addMenu(translate("view", "Activation"))
            for name in ACTIVATIONS:
                a = sub.addAction(name, lambda n=name: doc.set_activation(layer - 1, n))
                a.setCheckable(True)
                a.setChecked(net.activations[layer - 1] == name)
            on = net.use_bias[layer - 1]
            menu.addAction(translate("view", "Remove biases") if on else translate("view", "Add biases"),
                           lambda: doc.set_bias(layer - 1, not on))
        if layer == 0:  # the network's inputs: features of the data
            sub = menu.addMenu(translate("view", "Inputs"))
            chosen = set(doc.features.names)
            for name in offered(doc.X.shape[1]):
                a = sub.addAction(parse(name, doc.X.shape[1]).unicode(),
                                  lambda on=name not in chosen, n=name: doc.toggle_feature(n, on))
                a.setCheckable(True)
                a.setChecked(name in chosen)
        if not hidden:
            menu.addSection(translate("view", "Inputs and outputs follow the data"))
        return menu

    # --- drag and drop from the palette -------------------------------------------------
    def insert_position(self, scene_x: float) -> int:
        """Neuron-layer index a layer dropped at ``scene_x`` would take (1 .. L)."""
        L = len(self.doc.net.sizes) - 1
        return int(min(max(scene_x // self.x_gap + 1, 1), L))

    def dragEnterEvent(self, e) -> None:
        if dropped_file(e.mimeData()) is not None:
            e.ignore()  # a file from a file manager: the window opens it (the scene took
            return  # every drag in, and a file dropped on the canvas was lost)
        if e.mimeData().hasFormat(LAYER_MIME):
            e.acceptProposedAction()
        else:
            super().dragEnterEvent(e)

    def dragMoveEvent(self, e) -> None:
        if dropped_file(e.mimeData()) is not None:
            e.ignore()
            return
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
        if dropped_file(e.mimeData()) is not None:
            e.ignore()
            return
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


def _xy(p: QPointF) -> tuple[float, float]:
    return p.x(), p.y()
