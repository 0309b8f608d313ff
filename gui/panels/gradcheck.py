"""The gradient check: every parameter's backprop gradient beside a central
finite-difference estimate and their relative difference (core.gradcheck)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from core.gradcheck import RTOL, NumericGradient, agrees, checks, rounding_noise
from gui.commands import LOSS_TEXT
from gui.document import Document
from gui.i18n import message, plural, translate


class GradientCheck(QDialog):
    """Train → Gradient check: the weights as they are when it opens (the window may train
    on meanwhile). The finite differences, two passes over the training set for each
    parameter, are worked out in slices on a timer with a bar counting the parameters:
    worked out at once they froze the window (1.6 s on the 2-32-32-1 net with 1,000
    samples, 36 s on a 2-64-64-64-1 one). A small net's are done before it shows."""

    SLICE = 0.04  # seconds of finite differences a turn of the event loop

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        s = self.settings = dict(doc.settings)  # (as they are now: they may change meanwhile)
        self.n, self.epoch = len(doc.X), doc.epoch
        self.net, self.checks, self.numeric, self.error = doc.net.copy(), [], None, None
        try:
            X = doc.inputs(doc.X)
            self.backprop = self.net.gradient(X, doc.Y, s["loss"], s["reduction"]).flat.copy()
            self.numeric = NumericGradient(self.net, X, doc.Y, s["loss"], s["reduction"])
        except ValueError as e:
            self.error = e
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.PlainText)  # (a refusal may quote a file's words)
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, self.net.params.size)
        self.progress.hide()
        self.table = QTableWidget(0, 4)
        self.table.verticalHeader().setVisible(False)
        self.retranslate()
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.progress)
        lay.addWidget(self.table)
        lay.addWidget(buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._work)
        if self.numeric is not None:
            self._work()
        self.fit()

    def retranslate(self) -> None:
        """Every word in the language now chosen (at the start, and when a language switch
        hands the open check to the new window)."""
        self.setWindowTitle(translate("gradcheck", "Gradient check"))
        self.progress.setFormat(translate("gradcheck", "%v of %m parameters"))
        self.table.setHorizontalHeaderLabels([
            translate("gradcheck", "parameter"), translate("gradcheck", "backprop"),
            translate("gradcheck", "finite difference"), translate("gradcheck", "relative difference")])
        self.table.resizeColumnsToContents()  # (the headers whole while the rows are worked out)
        if self.error is not None:
            self.summary.setText(message(self.error))
        elif not self.working:
            self.summary.setText(self._summary())
        else:
            self.summary.setText(translate("gradcheck", "Finite differences: two passes over the "
                                                        "training set for each parameter…"))

    @property
    def working(self) -> bool:
        return self.numeric is not None and not self.numeric.done

    def _work(self) -> None:
        if self.numeric.run(self.SLICE):
            self.timer.stop()
            self.progress.hide()
            self._show_checks()
            return
        self.progress.setValue(self.numeric.k)  # (the timer runs while it is shown)
        self.progress.show()

    def _show_checks(self) -> None:
        self.checks = checks(self.net, self.backprop, self.numeric.g)
        self.summary.setText(self._summary())
        self.table.setRowCount(len(self.checks))
        typeset = {p.plain(): p.unicode() for p in self.net.symbols().values()}
        for r, c in enumerate(self.checks):
            for col, text in enumerate([typeset.get(c.label, c.label), f"{c.backprop:.10g}",
                                        f"{c.numeric:.10g}", f"{c.relative:.2e}"]):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
                if col:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(r, col, item)
        self.table.resizeColumnsToContents()
        self.fit()

    def _summary(self) -> str:
        s, n = self.settings, self.n
        worst = max((c.relative for c in self.checks), default=0.0)
        # the loss and reduction as the Training panel names them
        return (
            translate("gradcheck", "∂E/∂p at epoch {4}, on the whole training set ({0}, {1}, {2}): "
                                   "largest relative difference {3:.2e}")
            .format(plural(self.tr("%n sample(s)", "", n), n), message(LOSS_TEXT[s["loss"]]),
                    translate("training", s["reduction"]), worst, self.epoch)
            + self._verdict(worst))

    def _verdict(self, worst: float) -> str:
        if worst < RTOL:
            return translate("gradcheck", " — backprop agrees.")
        if agrees(self.checks, self.numeric.E):
            return translate("gradcheck", " — backprop agrees: the larger relative differences are "
                                          "where ∂E/∂p is as small as the finite differences' "
                                          "rounding noise (about {0:.0e}).").format(
                rounding_noise(self.numeric.E))
        return translate("gradcheck", " — look closer.")

    def showEvent(self, e) -> None:  # noqa: N802 - Qt's name
        super().showEvent(e)
        if self.working:
            self.timer.start()

    def hideEvent(self, e) -> None:  # noqa: N802 - Qt's name
        self.timer.stop()  # (closed: no work goes on behind it)
        super().hideEvent(e)

    def fit(self) -> None:
        """As wide as the table's columns and as tall as its rows, within 90 % of the
        screen (at a fixed 640 × 420, at 250 % half its columns were behind a scroll bar)."""
        t = self.table
        margins = self.layout().contentsMargins()
        frame = 2 * t.frameWidth() + margins.left() + margins.right()
        bar = t.verticalScrollBar().sizeHint().width()
        want_w = t.horizontalHeader().length() + frame + bar
        rows = t.verticalHeader().length() + t.horizontalHeader().height() + 2 * t.frameWidth()
        want_h = rows + self.layout().sizeHint().height() - t.sizeHint().height()
        screen = (self.parentWidget() or self).screen().availableGeometry()
        self.resize(min(max(640, want_w), int(0.9 * screen.width())),
                    min(max(420, want_h), int(0.9 * screen.height())))
