"""Predict, then reveal (core.predict): the learner commits a guess, then the app shows
the truth beside it and keeps a score for the session.

Questions about one step (the lesson's next sample, or any sample chosen): the sign
of a δ, the sign of a gradient, which way a weight moves. Questions about training:
whether the loss after N epochs will be below a value, and where the decision
boundary will be after N epochs (drag the line on the decision map, then commit).
The step questions change nothing; the training questions train the project those
N epochs to reveal the answer, in time slices that keep the window live (the views
follow along; up to 100,000 epochs at once had frozen it), and one Step back undoes
them.
"""

from __future__ import annotations

import html
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.checks import finite_float
from core.derivation import derive
from core.formula import num
from core.predict import BOUNDARY_TOLERANCE, Question, boundary_error, loss_question, step_question
from core.text import QT_TRANSLATE_NOOP
from gui.document import Document
from gui.forms import narrow
from gui.i18n import message, translate
from gui.plots.contour import segments
from gui.richtext import Html, escaped

CHOICE_TEXT = {"+": QT_TRANSLATE_NOOP("predict", "positive"), "-": QT_TRANSLATE_NOOP("predict", "negative"),
               "0": QT_TRANSLATE_NOOP("predict", "zero"), "up": QT_TRANSLATE_NOOP("predict", "goes up"),
               "down": QT_TRANSLATE_NOOP("predict", "goes down"),
               "stays": QT_TRANSLATE_NOOP("predict", "stays"),
               "yes": QT_TRANSLATE_NOOP("predict", "yes, below"),
               "no": QT_TRANSLATE_NOOP("predict", "no, not below"),
               "line": QT_TRANSLATE_NOOP("predict", "your line")}
GRID = 100  # the boundary is found on this grid over the map's range
SLICE_S = 0.025  # training per timer tick while a training question is revealed


def question_html(q: Question) -> str:
    """The question's text in the user's language with the quantity asked about in HTML
    (δ<sub>ŷ</sub>, not δ_ŷ)."""
    t = q.text
    values = (Html(q.name_html or html.escape(str(t.values[0]))), *t.values[1:])
    try:
        return escaped(translate(t.context, t.template) or t.template, *values)
    except (IndexError, KeyError, ValueError):  # a translation that lost a placeholder
        return escaped(t.template, *values)


class PredictPanel(QWidget):
    """The questions, the answer buttons, the reveal and the score. ``decision`` is the
    window's decision map (the boundary question draws the guessed line on it)."""

    answered = Signal(bool)  # right?
    busy_changed = Signal(bool)  # an answer's epochs are training (Play waits meanwhile)

    def __init__(self, doc: Document, decision=None, parent=None) -> None:
        super().__init__(parent)
        self.doc, self.decision = doc, decision
        self.rng = np.random.default_rng(int(doc.project.init.get("seed", 0)))
        self.right = self.asked = 0
        self.question: Question | None = None
        self.pending: str | None = None  # 'loss' or 'boundary' while awaiting the answer
        self.guess: pg.PolyLineROI | None = None  # the line of the question asked
        # one line on the map for every boundary question, hidden between them and set to a
        # fresh line for each (a PolyLineROI taken out of its scene and collected crashed
        # the interpreter: its corner handles, deleted with it in C++, were deleted again
        # with their Python wrappers)
        self.line: pg.PolyLineROI | None = None
        self.kind = QComboBox()
        for key, text in (("delta", translate("predict", "Sign of a delta δ")),
                          ("gradient", translate("predict", "Sign of a gradient ∂E/∂w")),
                          ("direction", translate("predict", "Which way a weight moves")),
                          ("loss", translate("predict", "The loss after training")),
                          ("boundary", translate("predict", "Where the boundary goes"))):
            self.kind.addItem(text, key)
        self.kind.setToolTip(translate("predict", "What to predict"))
        self.sample = QSpinBox()
        self.sample.setRange(0, len(doc.X))
        self.sample.setSpecialValueText(translate("predict", "the next"))
        self.sample.setToolTip(translate("predict", "The sample of the step asked about: the next one "
                                                    "training takes, or any sample by number"))
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 100_000)
        self.epochs.setValue(200)
        self.epochs.setToolTip(translate("predict", "How many epochs the training questions look ahead"))
        self.below = QLineEdit()
        self.below.setPlaceholderText(translate("predict", "half the loss now"))
        self.below.setToolTip(translate("predict", "The loss question asks whether the loss will be "
                                                   "below this (empty: half the present loss)"))
        self.form = form = QFormLayout()
        form.addRow(translate("predict", "&Predict:"), self.kind)
        form.addRow(translate("predict", "&Sample:"), self.sample)
        form.addRow(translate("predict", "&Epochs:"), self.epochs)
        form.addRow(translate("predict", "&Below:"), self.below)
        narrow(form)
        self.kind.currentIndexChanged.connect(self._show_fields)
        self._show_fields()
        self.new_button = QPushButton(translate("predict", "&New question"))
        self.new_button.clicked.connect(self.new_question)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.RichText)  # (everything in it escaped: see escaped)
        self.buttons = QHBoxLayout()
        self.commit = QPushButton(translate("predict", "&Commit my line"))
        self.commit.setToolTip(translate("predict", "Train, then see how near the boundary came to "
                                                    "your line"))
        self.commit.clicked.connect(self.commit_line)
        self.commit.hide()
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.RichText)  # (escaped, as the question)
        self.verdict.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.score = QLabel()
        self.score.setWordWrap(True)  # (one line, unwrapped, made the panel 454 px wide at 250 %)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.new_button)
        lay.addWidget(self.text)
        lay.addLayout(self.buttons)
        lay.addWidget(self.commit)
        lay.addWidget(self.verdict)
        lay.addWidget(self.score)
        lay.addStretch(1)
        self.training: tuple | None = None  # (target epoch, first epoch, what follows)
        self.timer = QTimer(self)
        self.timer.setInterval(15)
        self.timer.timeout.connect(self._train_slice)
        doc.loaded.connect(self._on_loaded)
        doc.structure_changed.connect(self._on_structure_changed)
        self._show_score()

    def _show_fields(self) -> None:
        """The rows the chosen kind of question uses: a sample for a step's, the loss to
        beat for the loss question's."""
        kind = self.kind.currentData()
        self.form.setRowVisible(self.sample, kind in ("delta", "gradient", "direction"))
        self.form.setRowVisible(self.below, kind == "loss")

    def _on_structure_changed(self) -> None:
        """An edit (or an undo) while a training question trains: the question is moot."""
        if self.training is not None:
            self._clear()
            self.verdict.setText(html.escape(translate("predict", "Stopped: the network changed "
                                                                  "before the answer was in")))

    def _on_loaded(self) -> None:
        self.sample.setRange(0, len(self.doc.X))
        self._clear()

    # --- asking --------------------------------------------------------------------------
    def _clear(self) -> None:
        self._stop_training()
        self.question, self.pending = None, None
        self.text.setText("")
        self.verdict.setText("")
        self.commit.hide()
        self._set_choices(())
        if self.line is not None:
            self.line.hide()
        self.guess = None

    def _set_choices(self, choices: tuple[str, ...]) -> None:
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # gone from view now, deleted when the loop comes round
                item.widget().deleteLater()
        for c in choices:
            b = QPushButton(message(CHOICE_TEXT[c]))
            b.setObjectName(f"answer {c}")
            b.clicked.connect(lambda checked=False, c=c: self.answer(c))
            self.buttons.addWidget(b)
            b.setVisible(True)

    def new_question(self) -> bool:
        """A question of the chosen kind; False (the reveal line says why) if it cannot be
        asked here (a boundary needs two inputs and one class output)."""
        self._clear()
        kind, doc = self.kind.currentData(), self.doc
        try:
            if kind in ("delta", "gradient", "direction"):
                k = self.sample.value() - 1 if self.sample.value() else doc.next_sample()
                s = doc.settings
                dv = derive(doc.net, doc.inputs(doc.X[k]), doc.Y[k], s["loss"], s["lr"],
                            s["reduction"], inputs=doc.input_names())
                self.question = step_question(dv, kind, self.rng)
                xs = ", ".join(num(v) for v in doc.X[k])
                self.text.setText(escaped(translate("predict", "Sample {0}, x = ({1}): {2}"),
                                          k + 1, xs, Html(question_html(self.question))))
                self._set_choices(self.question.choices)
            elif kind == "loss":
                now = doc.loss()
                typed = self.below.text().strip()
                if typed:
                    self.threshold = finite_float(typed, translate("predict", "the loss to beat"))
                else:
                    self.threshold = float(f"{0.5 * now:.2g}") if math.isfinite(now) and now > 0 \
                        else 0.1
                self.text.setText(html.escape(message(loss_question(now, self.epochs.value(),
                                                                    self.threshold))))
                self.pending = "loss"
                self._set_choices(("yes", "no"))
            else:
                self._ask_boundary()
        except ValueError as e:
            self.verdict.setText(html.escape(message(e)))  # (it may quote what was typed)
            return False
        return True

    def _ask_boundary(self) -> None:
        doc = self.doc
        if self.decision is None or doc.X.shape[1] != 2 or not doc.is_classification \
                or doc.Y.shape[1] != 1:
            raise ValueError(translate("predict", "The boundary question needs two inputs and one "
                                                  "class output"))
        x0, x1, y0, y1 = self.decision.map_range()
        # a line to drag; a click on it adds a corner to bend it (a curved boundary)
        corners = [[x0 + 0.3 * (x1 - x0), y0 + 0.3 * (y1 - y0)],
                   [x0 + 0.7 * (x1 - x0), y0 + 0.7 * (y1 - y0)]]
        pen = pg.mkPen(120, 0, 160, width=3)
        if self.line is None:
            self.line = pg.PolyLineROI(corners, closed=False, pen=pen)
            self.decision.plot.addItem(self.line)
        else:  # the last question's line, made new: solid, movable, two corners
            self.line.setPen(pen)
            self.line.setPos(0, 0)
            self.line.setPoints(corners)  # (new segments take the pen, and accept clicks)
            self.line.translatable = True
            self.line.show()
        self.guess = self.line
        self.text.setText(escaped(translate("predict", "Drag the purple line on the decision map to "
                                                       "where the boundary will be after {0} more "
                                                       "epochs (click it to add a corner and bend it), "
                                                       "then commit."), self.epochs.value()))
        self.pending = "boundary"
        self.commit.show()

    # --- answering -------------------------------------------------------------------------
    def answer(self, choice: str) -> bool | None:
        """The learner's guess: a step question's truth is revealed at once beside it (True:
        right); the loss question's after its epochs have trained (None meanwhile). The
        score counts it."""
        if self.question is not None:
            ok = self.question.check(choice)
            self._reveal(ok, choice, Html(self.question.truth_html or
                                          html.escape(self.question.truth)))
            return ok
        if self.pending == "loss" and self.training is None:
            self._train(lambda trained: self._reveal_loss(choice, trained))
            return None
        return False

    def _reveal_loss(self, choice: str, trained: int) -> None:
        after = self.doc.loss()
        below = after < self.threshold
        truth = translate("predict", "After {0} epochs the loss is {1}: {2} {3}").format(
            trained, num(after), translate("predict", "below") if below
            else translate("predict", "not below"), num(self.threshold))
        self._reveal((choice == "yes") == below, choice, truth)

    def commit_line(self) -> bool:
        """Train the epochs, then judge the guessed line against the boundary reached;
        False if there is no line to commit."""
        if self.pending != "boundary" or self.guess is None or self.training is not None:
            return False
        corners = self.corners()
        self.guess.setPen(pg.mkPen(120, 0, 160, width=3, style=Qt.DashLine))
        for segment in self.guess.segments:  # (they keep their own pens)
            segment.setPen(pg.mkPen(120, 0, 160, width=3, style=Qt.DashLine))
            segment.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # no more corners
        self.guess.translatable = False
        for h in self.guess.getHandles():
            h.setVisible(False)
        self.commit.hide()
        self._train(lambda trained: self._judge_line(corners, trained))
        return True

    def corners(self) -> list[tuple[float, float]]:
        """The guessed line's corners in the map's coordinates, in order."""
        return [self.guess.mapToParent(h.pos()).toTuple() for h in self.guess.getHandles()]

    def _judge_line(self, line: list, trained: int) -> None:
        doc = self.doc
        x0, x1, y0, y1 = self.decision.map_range()
        gx, gy = np.linspace(x0, x1, GRID), np.linspace(y0, y1, GRID)
        grid = np.stack(np.meshgrid(gx, gy), axis=-1).reshape(-1, 2)
        out = doc.net.predict(doc.inputs(grid))[:, 0].reshape(GRID, GRID)
        seg = segments(out, 0.5)
        points = np.column_stack([x0 + seg[:, 0] * (x1 - x0) / (GRID - 1),
                                  y0 + seg[:, 1] * (y1 - y0) / (GRID - 1)])
        error = boundary_error(points, line, math.hypot(x1 - x0, y1 - y0))
        if math.isinf(error):
            truth = translate("predict", "After {0} epochs there is no boundary on the map: one class "
                                         "everywhere").format(trained)
        else:
            truth = translate("predict", "After {0} epochs the boundary lies on average {1:.0%} of the "
                                         "map's diagonal from your line (within {2:.0%} counts)").format(
                trained, error, BOUNDARY_TOLERANCE)
        self._reveal(error <= BOUNDARY_TOLERANCE, "line", truth)

    # --- training, in slices ---------------------------------------------------------------
    def _train(self, then) -> None:
        """Train the question's epochs in the timer's slices, then ``then(epochs trained)``;
        the panel's buttons wait meanwhile."""
        doc = self.doc
        self.training = (doc.epoch + self.epochs.value(), doc.epoch, then)
        self._set_busy(True)
        self._train_slice(first=True)
        if self.training is not None:
            self.timer.start()

    def _train_slice(self, first: bool = False) -> None:
        if self.training is None:
            return
        target, start, then = self.training
        doc = self.doc
        # one training call for Step back: later slices go on with the first one's
        reason = doc.train_for(SLICE_S, max_epochs=target - doc.epoch, go_on=not first) \
            if doc.epoch < target else None
        if doc.epoch >= target or reason is not None:  # done, or a stop rule (max epochs,
            self._stop_training()  # the loss threshold, divergence) ended it early
            then(doc.epoch - start)
            return
        self.verdict.setText(escaped(translate("predict", "Training: {0} of {1} epochs…"),
                                     doc.epoch - start, target - start))

    def _stop_training(self) -> None:
        self.timer.stop()
        if self.training is not None:
            self.training = None
            self.verdict.setText("")
            self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        self.busy_changed.emit(busy)
        for w in (self.new_button, self.epochs, self.kind, self.sample):
            w.setEnabled(not busy)
        for k in range(self.buttons.count()):
            if self.buttons.itemAt(k).widget() is not None:
                self.buttons.itemAt(k).widget().setEnabled(not busy)

    def _reveal(self, ok: bool, choice: str, truth: str) -> None:
        """The verdict (rich text: ``truth`` is plain text, escaped here, or ``Html``)."""
        self.asked += 1
        self.right += ok
        said = message(CHOICE_TEXT[choice])
        mark = translate("predict", "✔ Right") if ok else translate("predict", "✘ Not this time")
        self.verdict.setText(escaped(translate("predict", "{0}: you said {1}.\n{2}"), mark, said,
                                     truth))
        self._set_choices(())
        self.question, self.pending = None, None
        self._show_score()
        self.answered.emit(ok)

    def take_over(self, old: PredictPanel) -> None:
        """A language switch's new panel: the session's score goes on (it started at 0)."""
        self.right, self.asked = old.right, old.asked
        self._show_score()

    def _show_score(self) -> None:
        self.score.setText(translate("predict", "Score this session: {0} / {1} right").format(
            self.right, self.asked) if self.asked else "")
