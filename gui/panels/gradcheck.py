"""The gradient check: every parameter's backprop gradient beside a central
finite-difference estimate and their relative difference (core.gradcheck)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout

from core.gradcheck import gradient_check
from gui.document import Document
from gui.i18n import message, translate


class GradientCheck(QDialog):
    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("gradcheck", "Gradient check"))
        s = doc.settings
        try:
            self.checks = gradient_check(doc.net, doc.inputs(doc.X), doc.Y, s["loss"], s["reduction"])
            worst = max((c.relative for c in self.checks), default=0.0)
            summary = (translate("gradcheck", "∂E/∂p on the whole training set ({0} samples, {1}, {2}): "
                                              "largest relative difference {3:.2e}")
                       .format(len(doc.X), s['loss'], s['reduction'], worst)
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
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.table)
        self.resize(640, 420)
