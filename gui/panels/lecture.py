"""Lecture mode: one sample's training step walked phase by phase.

Each phase shows its formula, then the formula with the numbers, then the
result (core.derivation). Next/Previous (→ ←, PageDown/PageUp) move through
the phases; the canvas lights up the neurons and edges involved and keeps the
deltas, gradients and updates computed so far. In "check my calculation"
mode the result stays hidden until the learner types a value: right (within
a tolerance) or wrong, and a score for the step. The last page is the notes'
old → new table; "Apply this step" then trains on that sample.

Slow motion (GAN Lab's): the phases play by themselves, one a second (or as set
under ⚙), the canvas lighting each and captioning it with its number. The
scope limits stepping and playing to the forward pass (forward and the error) or
the backward pass (the error, the deltas layer by layer, gradients, updates).
"""

from __future__ import annotations

import html
import time

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from core.checks import finite_float
from core.derivation import TITLES, Derivation, derive
from core.formula import Op, num, render
from core.notation import NOTATIONS
from core.text import QT_TRANSLATE_NOOP
from gui.checkbox import CheckBox
from gui.document import Document
from gui.flow import FlowLayout
from gui.i18n import message, translate

NOTATION_TEXT = {"by_source": QT_TRANSLATE_NOOP("lecture", "by source (w₁ x₁→h₁, w₂ x₁→h₂)"),
                 "by_target": QT_TRANSLATE_NOOP("lecture", "by target (w₁ i₁→h₁, w₂ i₂→h₁)"),
                 "w_ji": "wⱼᵢ (w₁₀, w₁₁, …)"}
TOLERANCE = 0.005  # relative (or absolute below 1e-3) difference accepted as right
LARGE = (1.4, 1.2, 1.0, 0.85)  # the formula's size (× the app font), largest that fits first
TABLE = "table"  # the last page's kind: the old -> new table
SCOPES = {"all": None, "forward": ("forward", "error"),
          "backward": ("error", "output delta", "hidden delta", "gradient", "update", TABLE)}
SCOPE_TEXT = {"all": QT_TRANSLATE_NOOP("lecture", "all phases"),
              "forward": QT_TRANSLATE_NOOP("lecture", "forward pass only"),
              "backward": QT_TRANSLATE_NOOP("lecture", "backward pass only")}


def close_enough(typed: float, value: float) -> bool:
    return abs(typed - value) <= TOLERANCE * max(abs(value), 0.2)


class LecturePanel(QWidget):
    phase_changed = Signal()

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.dv: Derivation | None = None
        self.index = 0
        self.scope = "all"  # which phases Next, Previous and slow motion visit (SCOPES)
        self.answers: dict[int, bool] = {}  # phase index -> answered right
        self.feedbacks: dict[int, str] = {}  # phase index -> what the check said
        self.sample_label = QLabel()
        self.sample_label.setWordWrap(True)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.formula = QLabel()
        self.numbers = QLabel()
        self.result = QLabel()
        for w in (self.formula, self.numbers, self.result):
            w.setWordWrap(True)
            w.setTextFormat(Qt.RichText)  # names typeset with <sub>scripts (core.formula)
            w.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self._set_large(LARGE[0])
        self.check = CheckBox(translate("lecture", "check my calculation"))
        self.check.setToolTip(translate("lecture", "Hide each result until you type the value you "
                                                   "computed by hand"))
        self.check.toggled.connect(lambda on: self.show_phase())
        self.answer = QLineEdit()
        # (short: at 250 % on 1280 x 720 "your value, then Enter" was cut; Enter is in the tip)
        self.answer.setPlaceholderText(translate("lecture", "your value"))
        self.answer.setToolTip(translate("lecture", "Type the value you computed; Enter checks it"))
        self.answer.returnPressed.connect(self.check_answer)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.score = QLabel()
        self.score.setWordWrap(True)
        for w in (self.sample_label, self.where, self.feedback, self.score):
            w.setTextFormat(Qt.PlainText)  # (the feedback quotes what was typed: never markup)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([translate("lecture", "parameter"),
                                              translate("lecture", "old"), "∂E/∂p",
                                              translate("lecture", "new")])
        self.table.verticalHeader().setVisible(False)
        self.digits = QSpinBox()
        self.digits.setRange(2, 12)
        self.digits.setValue(4)
        self.digits.setToolTip(translate("lecture", "Significant digits of every number shown"))
        self.digits.valueChanged.connect(lambda v: self.rebuild(keep_index=True))
        self.notation = QComboBox()
        for name in NOTATIONS:
            self.notation.addItem(translate("lecture", NOTATION_TEXT[name]), name)
        self.notation.setToolTip(translate("lecture", "How parameters and neurons are named: by source "
                                                      "(note 000), by target (note 001), w_ji (exercise "
                                                      "004)"))
        self.notation.activated.connect(
            lambda i: doc.set_notation(self.notation.itemData(i)))
        self.options = QToolButton()
        self.options.setText("⚙")
        self.options.setToolTip(translate("lecture", "Digits and names"))
        self.options.setPopupMode(QToolButton.InstantPopup)
        menu = QMenu(self.options)
        box = QWidget()
        form = QFormLayout(box)
        self.scope_box = QComboBox()
        for key, text in SCOPE_TEXT.items():
            self.scope_box.addItem(message(text), key)
        self.scope_box.setToolTip(translate("lecture", "Step and play through every phase, the forward "
                                                       "pass only, or the backward pass only"))
        self.scope_box.activated.connect(lambda i: self.set_scope(self.scope_box.itemData(i)))
        self.pace = QDoubleSpinBox()
        self.pace.setRange(0.05, 10.0)
        self.pace.setSingleStep(0.25)
        self.pace.setValue(1.0)
        self.pace.setSuffix(" s")
        self.pace.setToolTip(translate("lecture", "Slow motion shows each phase this long"))
        self.pace.valueChanged.connect(lambda v: self.slow.setInterval(round(1000 * v)))
        form.addRow(translate("lecture", "digits"), self.digits)
        form.addRow(translate("lecture", "names"), self.notation)
        form.addRow(translate("lecture", "phases"), self.scope_box)
        form.addRow(translate("lecture", "slow motion"), self.pace)
        action = QWidgetAction(menu)
        action.setDefaultWidget(box)
        menu.addAction(action)
        self.options.setMenu(menu)
        self.prev_button = QPushButton(translate("lecture", "◀ Previous"))
        self.next_button = QPushButton(translate("lecture", "Next ▶"))
        self.prev_button.setToolTip(translate("lecture", "Previous phase (← or Page Up)"))
        self.next_button.setToolTip(translate("lecture", "Next phase (→ or Page Down)"))
        self.prev_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.apply_button = QPushButton(translate("lecture", "Apply this step"))
        self.apply_button.setToolTip(translate("lecture", "Train on this sample (the update shown), then "
                                                          "trace the next"))
        self.apply_button.clicked.connect(self.apply)
        # The phase, its formula, numbers and result, and the buttons, in that order and
        # nothing stretched between them: at 250 % on a 1280×720 projector they all fit.
        head = QHBoxLayout()
        head.addWidget(self.where, 1)
        head.addWidget(self.options, 0, Qt.AlignTop)
        nav = FlowLayout()  # (one row where it fits: at 250 % "Apply this step" wraps under)
        nav.addWidget(self.prev_button)
        nav.addWidget(self.next_button)
        nav.addWidget(self.apply_button)
        ask = QHBoxLayout()
        ask.addWidget(self.check)
        ask.addWidget(self.answer, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(self.sample_label)
        lay.addWidget(self.formula)
        lay.addWidget(self.numbers)
        lay.addWidget(self.result)
        lay.addWidget(self.table, 1)
        lay.addLayout(nav)
        lay.addLayout(ask)
        lay.addWidget(self.feedback)
        lay.addWidget(self.score)
        lay.addStretch(0)
        self.slow = QTimer(self)  # slow motion: the next phase every pace seconds
        self.slow.setInterval(1000)
        self.slow.timeout.connect(self._slow_step)
        self._cost = 0.0  # seconds the last rebuild took
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.timeout.connect(lambda: self.rebuild(keep_index=True))
        doc.weights_changed.connect(self._on_model_changed)
        doc.probe_changed.connect(self._on_model_changed)
        doc.structure_changed.connect(self._on_structure_changed)
        doc.settings_changed.connect(self._on_model_changed)
        self.rebuild()

    def set_scale(self, scale: float) -> None:
        """Follow the window's scale (it has already scaled the application font)."""
        self._set_large(LARGE[0])
        self._fit()

    def _set_large(self, large: float) -> None:
        """The formula, numbers and result in large type: ``large`` × the application font."""
        base = QApplication.instance().font()
        self.large = large
        for w, size, bold in ((self.formula, large, False), (self.numbers, large, False),
                              (self.result, large, True), (self.where, 1.0, True)):
            f = QFont(base)
            f.setPointSizeF(base.pointSizeF() * size)
            f.setBold(bold)
            w.setFont(f)

    def _fit(self) -> None:
        """Type as large as fits: a long phase (a sum of eight terms at 250 %) gets a
        smaller formula rather than a scroll bar."""
        view = self.parentWidget()
        if view is None or not self.isVisible() or self.width() < 50:
            return
        for large in LARGE:
            if large != self.large:
                self._set_large(large)
            if self.layout().heightForWidth(self.width()) <= view.height():
                break
        if self.table.isVisible():
            self._fit_table()

    def _fit_table(self) -> None:
        """The old → new table's type as large as lets every row and column show (the
        notes' table has a row per parameter: 12 for a 2-2-2 network). Where no size shows
        every row (8,577 of a 2-64-64-64-1 net), as large as lets the columns show: the
        rows scroll (sizing every row at each size took 1.2 s of the page's 1.9)."""
        t, base = self.table, QApplication.instance().font()
        smallest = QFont(base)
        smallest.setPointSizeF(base.pointSizeF() * 0.5)
        rows_fit = t.rowCount() * QFontMetrics(smallest).height() <= t.height()
        frame = 2 * t.frameWidth()
        for factor in (1.0, 0.85, 0.72, 0.6, 0.5):
            f = QFont(base)
            f.setPointSizeF(base.pointSizeF() * factor)
            t.setFont(f)
            t.horizontalHeader().setFont(f)
            t.resizeColumnsToContents()
            need_w = sum(t.columnWidth(c) for c in range(t.columnCount())) + frame
            if not rows_fit:
                t.verticalHeader().setDefaultSectionSize(QFontMetrics(f).height() + 4)
                if need_w + t.verticalScrollBar().sizeHint().width() <= t.width():
                    return
                continue
            t.resizeRowsToContents()
            need_h = t.horizontalHeader().height() + sum(
                t.rowHeight(r) for r in range(t.rowCount())) + frame
            if need_h <= t.height() and need_w <= t.width():
                return

    # --- the derivation ---------------------------------------------------------------
    @property
    def pages(self) -> int:
        """Phases plus the final old -> new table."""
        return (len(self.dv.phases) + 1) if self.dv else 0

    def _on_model_changed(self) -> None:
        if not self.isVisible() and self.dv is not None:
            self.dv = None  # rebuilt when shown
        elif not self._pending.isActive():  # while training streams updates: 10 a second,
            # fewer when a derivation is costly (a big net): at most a fortieth of the time.
            # Each is one block of work (a 6x8 net's step, every number of it and its phase
            # shown: ~13 ms) that holds up a frame; at a twentieth, three a second cost the
            # 6x8 window ~3 of its frames a second. An edit waits 0.1 s too, so the canvas
            # and views show it first
            self._pending.start(max(100, int(40_000 * self._cost)))

    def _on_structure_changed(self) -> None:
        """A new network: the step is derived again at once when shown (not after the
        pause values wait for): until then its phases would name neurons and weights the
        network no longer has, and the canvas, lighting them, raised IndexError."""
        self._pending.stop()
        if self.isVisible():
            self.rebuild(keep_index=True)
        else:
            self.dv = None  # rebuilt when shown

    def resizeEvent(self, e) -> None:
        super().resizeEvent(e)
        self._fit()

    def showEvent(self, e) -> None:
        super().showEvent(e)
        if self.dv is None:
            self.rebuild(keep_index=True)

    def rebuild(self, keep_index: bool = False) -> None:
        t0 = time.perf_counter()
        self._rebuild(keep_index)
        self._cost = time.perf_counter() - t0

    def _rebuild(self, keep_index: bool) -> None:
        doc = self.doc
        self.notation.setCurrentIndex(self.notation.findData(doc.net.notation))
        k = doc.next_sample()
        s = doc.settings
        x, y = doc.X[k], doc.Y[k]
        if doc.probe is not None:  # a point put on the map: its step, for a class to choose
            x, y = np.array(doc.probe), doc.probe_target()
        self.apply_button.setEnabled(doc.probe is None)  # a probe is not a sample to train on
        try:
            self.dv = derive(doc.net, doc.inputs(x), y, s["loss"], s["lr"],
                             s["reduction"], digits=self.digits.value(), inputs=doc.input_names())
        except ValueError as e:  # e.g. a step activation: nothing to derive
            self.dv = None
            self.sample_label.setText(message(e))
            self.index = 0
            self.show_phase()
            return
        xs = ", ".join(num(v, self.digits.value()) for v in x)
        ys = ", ".join(num(v, self.digits.value()) for v in y)
        if doc.probe is not None and not doc.is_classification:  # a target from the data
            self.sample_label.setText(translate("lecture", "Probe: x = ({0}), y = ({1}) as at the nearest "
                                                           "sample, {2}; α = {3}, loss {4}")
                                      .format(xs, ys, doc.probe_neighbour() + 1, num(s['lr']), s['loss']))
        elif doc.probe is not None:
            self.sample_label.setText(translate("lecture", "Probe: x = ({0}), y = ({1}); α = {2}, loss {3}")
                                      .format(xs, ys, num(s['lr']), s['loss']))
        else:
            self.sample_label.setText(translate("lecture", "Sample {0} of {1}: x = ({2}), y = ({3}); "
                                                           "α = {4}, loss {5}")
                                      .format(k + 1, len(doc.X), xs, ys, num(s['lr']), s['loss']))
        if not keep_index:
            self.index, self.answers, self.feedbacks = 0, {}, {}
            self.index = self._scoped(range(self.pages)) or 0  # the scope's first page
        self.index = min(self.index, self.pages - 1)
        self.show_phase()

    # --- navigation ----------------------------------------------------------------
    def kind_of(self, index: int) -> str:
        """Page ``index``'s kind: a phase's, or TABLE for the last page."""
        return TABLE if index >= len(self.dv.phases) else self.dv.phases[index].kind

    def in_scope(self, index: int) -> bool:
        kinds = SCOPES[self.scope]
        return kinds is None or self.kind_of(index) in kinds

    def _scoped(self, indices) -> int | None:
        return next((i for i in indices if self.in_scope(i)), None)

    def next(self) -> bool:
        """The next page in scope; False at the last one."""
        k = self._scoped(range(self.index + 1, self.pages)) if self.dv else None
        if k is None:
            return False
        self.index = k
        self.show_phase()
        return True

    def previous(self) -> bool:
        k = self._scoped(range(self.index - 1, -1, -1)) if self.dv else None
        if k is None:
            return False
        self.index = k
        self.show_phase()
        return True

    def take_over(self, old: LecturePanel) -> None:
        """A language switch's new panel: the old one's digits, checking, scope, page and
        answers (their feedback as it was written). Before, the new window started the
        student's step afresh: unchecked, 4 digits, every phase, no score."""
        self.digits.setValue(old.digits.value())
        self.check.setChecked(old.check.isChecked())
        self.scope = old.scope
        self.scope_box.setCurrentIndex(self.scope_box.findData(old.scope))
        self.rebuild()
        self.index = min(old.index, max(self.pages - 1, 0))
        self.answers, self.feedbacks = dict(old.answers), dict(old.feedbacks)
        self.show_phase()

    def go(self, index: int) -> None:
        self.index = max(0, min(index, self.pages - 1))
        self.show_phase()

    def set_scope(self, scope: str) -> None:
        """Step through every phase ('all'), the forward pass or the backward pass: from
        the scope's first page."""
        self.scope = scope
        self.scope_box.setCurrentIndex(self.scope_box.findData(scope))
        if self.dv:
            self.go(self._scoped(range(self.pages)) or 0)
        self.phase_changed.emit()

    # --- slow motion ------------------------------------------------------------------
    def set_slow_motion(self, on: bool) -> None:
        """Play the phases (in scope) one every pace seconds, from the scope's first page
        when at its last; stops at the last."""
        if on and self.dv:
            if self._scoped(range(self.index + 1, self.pages)) is None:
                self.go(self._scoped(range(self.pages)) or 0)
            self.slow.start()
        else:
            self.slow.stop()
        self.phase_changed.emit()

    def _slow_step(self) -> None:
        if not self.next():
            self.set_slow_motion(False)

    def caption(self) -> str:
        """The numbered caption the canvas shows (HTML), short enough to leave the network
        in view: '3 / 20 · Forward pass:  ŷ = 0.191' (the result '?' while the learner
        checks their own). The full formula is the panel's. The symbol in HTML, as the
        panel writes it: Unicode has no subscript ŷ, and δ_ŷ read like code on a slide."""
        if self.dv is None:
            return ""
        n = self.pages
        scope = "" if self.scope == "all" else f" ({message(SCOPE_TEXT[self.scope])})"
        ph = self.phase
        if ph is None:
            return html.escape(translate("lecture", "{0} / {1} · old → new{2}")
                               .format(self.index + 1, n, scope))
        value = num(ph.value, ph.digits) if self.revealed() else "?"
        line = f"{render(ph.symbol, 'html')} {html.escape(ph.relation)} {html.escape(value)}"
        head = html.escape(f"{self.index + 1} / {n} · {message(TITLES[ph.kind])}{scope}:")
        return f"{head}&nbsp; {line}"

    def apply(self) -> None:
        """Train on the traced sample, then trace the next one from its first phase."""
        if self.doc.step_sample():
            self.rebuild()

    @property
    def phase(self):
        if self.dv is None or self.index >= len(self.dv.phases):
            return None
        return self.dv.phases[self.index]

    def revealed(self) -> bool:
        return not self.check.isChecked() or self.index in self.answers

    def show_phase(self) -> None:
        ph = self.phase
        at_table = self.dv is not None and self.index == len(self.dv.phases)
        self.table.setVisible(at_table)
        for w in (self.formula, self.numbers, self.result):
            w.setVisible(not at_table)
        self.answer.setEnabled(ph is not None and self.check.isChecked() and self.index not in self.answers)
        self.prev_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.dv is not None and self.index < self.pages - 1)
        if self.dv is None:
            self.where.setText("")
            self.formula.setText("")
            self.numbers.setText("")
            self.result.setText("")
        elif at_table:
            self.where.setText(translate("lecture", "Page {0} / {1}: old → new")
                               .format(self.index + 1, self.pages))
            self._fill_table()
        else:
            self.where.setText(translate("lecture", "Phase {0} / {1}: {2}")
                               .format(self.index + 1, self.pages, message(TITLES[ph.kind])))
            self.formula.setText(render((*ph.symbol, Op(f" {ph.relation} "), *ph.formula_t),
                                        "html"))
            self.numbers.setText(render((Op("= "), *ph.numbers_t), "html") if ph.numbers else "")
            self.numbers.setVisible(bool(ph.numbers))
            value = num(ph.value, ph.digits) + (f"   ({message(ph.note)})" if ph.note else "")
            self.result.setText(html.escape(f"= {value}" if self.revealed() else "= ?"))
        self.feedback.setText(self.feedbacks.get(self.index, ""))
        self.feedback.setVisible(bool(self.feedback.text()))
        right = sum(self.answers.values())
        self.score.setText(translate("lecture", "Score: {0} / {1} right").format(right, len(self.answers))
                           if self.answers else "")
        self.score.setVisible(bool(self.answers))
        self._fit()
        self.phase_changed.emit()

    def _fill_table(self) -> None:
        rows = self.dv.table()
        self.table.setRowCount(len(rows))
        d = self.digits.value()
        symbols = {s.plain(): s for s in self.dv.symbols.values()}
        for r, (label, old, grad, new, frozen) in enumerate(rows):
            for c, text in enumerate([symbols[label].unicode(), num(old, d), num(grad, d),
                                      num(new, d) + (translate("lecture", " (frozen)") if frozen else "")]):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self._fit_table()

    # --- check my calculation ---------------------------------------------------------
    def check_answer(self) -> bool | None:
        ph = self.phase
        if ph is None or self.index in self.answers:
            return None
        text = self.answer.text().strip().replace("−", "-")
        try:  # (a decimal comma too, as every typed number: "0,85" was "not a finite number")
            typed = finite_float(text, "")
        except ValueError:
            self.feedback.setText(translate("lecture", "'{0}' is not a finite number; type a value like "
                                                       "-0.3883").format(text))
            return None
        ok = close_enough(typed, ph.value)
        self.answers[self.index] = ok
        self.answer.clear()
        d = ph.digits
        if ok:
            self.feedbacks[self.index] = translate("lecture", "✔ Right: {0}").format(num(ph.value, d))
        else:
            self.feedbacks[self.index] = (
                translate("lecture", "✘ Not quite: you typed {0}, the value is {1} (off by {2}). Check: "
                                     "{3}")
                .format(num(typed, d), num(ph.value, d), num(typed - ph.value, 3), ph.numbers or ph.formula))
        self.show_phase()
        return ok

    # --- what the canvas shows ------------------------------------------------------------
    def canvas_overlay(self) -> tuple[set, set, dict, dict]:
        """(neurons lit, params lit, neuron notes, param notes) for the current phase:
        the phase's own items are lit; deltas, gradients and updates computed so far stay."""
        if self.dv is None:
            return set(), set(), {}, {}
        lit_n, lit_p, notes_n, notes_p = set(), set(), {}, {}
        for ph in self.dv.phases[: self.index + 1]:  # deltas stay on their neurons
            if ph.kind in ("output delta", "hidden delta"):
                notes_n[ph.neurons[0]] = f"δ = {num(ph.value, ph.digits)}"
        ph = self.phase
        if ph is not None:
            lit_n, lit_p = set(ph.neurons), set(ph.params)
            if ph.kind == "gradient":  # the current gradient or update on its edge
                notes_p[ph.params[0]] = f"{render(ph.symbol, 'unicode')} = {num(ph.value, ph.digits)}"
            elif ph.kind == "update":
                notes_p[ph.params[0]] = translate("lecture", "new {0} = {1}").format(
                    render(ph.symbol, 'unicode'), num(ph.value, ph.digits))
        if not self.revealed() and self.phase is not None:  # do not give the answer away
            for n in self.phase.neurons[:1]:
                notes_n.pop(n, None)
            for p in self.phase.params[:1]:
                notes_p.pop(p, None)
        return lit_n, lit_p, notes_n, notes_p
