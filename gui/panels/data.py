"""The data panel: built-in data sets with size, noise, test share and seed; the
class of points added by clicking the decision map; CSV import and export."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from core.project import generate
from gui.document import Document

SETS = {"XOR, 4 corners": "xor_corners", "XOR cloud": "xor", "circle": "circle",
        "two Gaussians": "gaussians", "spiral": "spiral", "stripe (two boundaries)": "stripe",
        "three blobs": "blobs", "sine (regression)": "sine"}


class DataPanel(QWidget):
    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.kind = QComboBox()
        for text, generator in SETS.items():
            self.kind.addItem(text, generator)  # the generator's name rides in itemData
        self.kind.setCurrentIndex(self.kind.findData("xor"))
        self.n = QSpinBox()
        self.n.setRange(4, 100_000)
        self.n.setValue(200)
        self.n.setToolTip("Number of samples (train and test together)")
        self.noise = QDoubleSpinBox()
        self.noise.setRange(0.0, 2.0)
        self.noise.setSingleStep(0.05)
        self.noise.setValue(0.15)
        self.test = QSpinBox()
        self.test.setRange(0, 90)
        self.test.setSuffix(" %")
        self.test.setValue(30)
        self.test.setToolTip("Share of the samples held out as test data")
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.generate = QPushButton("Generate")
        self.generate.setToolTip("Replace the data (undoable); the network's inputs and outputs follow")
        self.generate.clicked.connect(self.make)
        self.point_class = QComboBox()
        for k in range(3):
            self.point_class.addItem(f"class {k}", k)
        self.point_class.setToolTip("Click the decision map to add a point of this class; "
                                    "right-click removes the nearest point")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.import_button, self.export_button = QPushButton("Import CSV…"), QPushButton("Export CSV…")
        files = QHBoxLayout()
        files.addWidget(self.import_button)
        files.addWidget(self.export_button)
        form = QFormLayout(self)
        form.addRow("data set", self.kind)
        form.addRow("samples", self.n)
        form.addRow("noise", self.noise)
        form.addRow("test share", self.test)
        form.addRow("seed", self.seed)
        form.addRow("", self.generate)
        form.addRow("new points", self.point_class)
        form.addRow(files)
        form.addRow(self.summary)
        doc.structure_changed.connect(self._on_data_changed)
        self._on_data_changed()

    def make(self) -> bool:
        """Generate the chosen set and hand it to the document as one undoable edit."""
        name = self.kind.currentData()
        n_test = 0 if name == "xor_corners" else int(round(self.n.value() * self.test.value() / 100))
        spec = {"generator": name, "n": self.n.value() - n_test, "noise": self.noise.value(),
                "seed": self.seed.value()}
        X, Y = generate(spec)
        Xt = Yt = None
        if n_test:
            Xt, Yt = generate({**spec, "n": n_test, "seed": self.seed.value() + 1})
        return self.doc.set_data(X, Y, Xt, Yt, f"Data: {self.kind.currentText()}")

    def _on_data_changed(self) -> None:
        doc = self.doc
        test = f", {len(doc.X_test)} test" if doc.X_test is not None else ""
        self.summary.setText(f"{len(doc.X)} training samples{test}; {doc.X.shape[1]} inputs, "
                             f"{doc.Y.shape[1]} target column{'s' if doc.Y.shape[1] > 1 else ''}")
