"""The gradient check: every parameter's backprop gradient beside a central
finite-difference estimate and their relative difference (core.gradcheck)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from core.gradcheck import gradient_check
from gui.commands import LOSS_TEXT
from gui.document import Document
from gui.i18n import message, plural, translate


class GradientCheck(QDialog):
    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("gradcheck", "Gradient check"))
        s = doc.settings
        try:
            self.checks = gradient_check(doc.net, doc.inputs(doc.X), doc.Y, s["loss"], s["reduction"])
            worst = max((c.relative for c in self.checks), default=0.0)
            n = len(doc.X)  # the loss and reduction as the Training panel names them
            summary = (translate("gradcheck", "∂E/∂p on the whole training set ({0}, {1}, {2}): "
                                              "largest relative difference {3:.2e}")
                       .format(plural(self.tr("%n sample(s)", "", n), n), message(LOSS_TEXT[s["loss"]]),
                               translate("training", s["reduction"]), worst)
                       + (translate("gradcheck",
                                    " — backprop agrees.") if worst < 1e-5 else translate("gradcheck",
                                                                                          " — look closer.")))
        except ValueError as e:
            self.checks, summary = [], message(e)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(self.checks), 4)
        self.table.setHorizontalHeaderLabels([
            translate("gradcheck", "parameter"), translate("gradcheck", "backprop"),
            translate("gradcheck", "finite difference"), translate("gradcheck", "relative difference")])
        self.table.verticalHeader().setVisible(False)
        typeset = {s.plain(): s.unicode() for s in doc.net.symbols().values()}
        for r, c in enumerate(self.checks):
            for col, text in enumerate([typeset.get(c.label, c.label), f"{c.backprop:.10g}",
                                        f"{c.numeric:.10g}", f"{c.relative:.2e}"]):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
                if col:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(r, col, item)
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.table)
        lay.addWidget(buttons)
        self.fit()

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
