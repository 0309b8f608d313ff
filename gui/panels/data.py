"""The data panel: built-in data sets with size, noise, test share and seed; the
class of points added by clicking the decision map; the inputs the network is fed
(features of the data: x1, x2, x1², x1x2, sin x1, ...); CSV import and export."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from core.features import offered, parse
from core.project import generate
from core.text import QT_TRANSLATE_NOOP
from gui.checkbox import CheckBox
from gui.document import Document
from gui.flow import FlowLayout
from gui.forms import SeedBox, narrow
from gui.i18n import message, plural, translate

SETS = {QT_TRANSLATE_NOOP("data", "XOR, 4 corners"): "xor_corners",
        QT_TRANSLATE_NOOP("data", "XOR cloud"): "xor",
        QT_TRANSLATE_NOOP("data", "circle"): "circle",
        QT_TRANSLATE_NOOP("data", "two Gaussians"): "gaussians",
        QT_TRANSLATE_NOOP("data", "spiral"): "spiral",
        QT_TRANSLATE_NOOP("data", "stripe (two boundaries)"): "stripe",
        QT_TRANSLATE_NOOP("data", "three blobs"): "blobs",
        QT_TRANSLATE_NOOP("data", "sine (regression)"): "sine",
        QT_TRANSLATE_NOOP("data", "plane (regression)"): "plane",
        QT_TRANSLATE_NOOP("data", "Gaussian bumps (regression)"): "gauss"}


class DataPanel(QWidget):
    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.kind = QComboBox()
        for text, generator in SETS.items():
            self.kind.addItem(message(text), generator)  # the generator's name rides in itemData
        self.kind.setCurrentIndex(self.kind.findData("xor"))
        # as wide as the dock gives it, down to 8 characters (the longest name was wider
        # than the dock at 250 %)
        self.kind.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.kind.setMinimumContentsLength(8)
        self.n = QSpinBox()
        self.n.setRange(4, 100_000)
        self.n.setValue(200)
        self.n.setToolTip(translate("data", "Number of samples (train and test together)"))
        self.noise = QDoubleSpinBox()
        self.noise.setRange(0.0, 2.0)
        self.noise.setSingleStep(0.05)
        self.noise.setValue(0.15)
        self.test = QSpinBox()
        self.test.setRange(0, 90)
        self.test.setSuffix(" %")
        self.test.setValue(30)
        self.test.setToolTip(translate("data", "Share of the samples held out as test data"))
        self.seed = SeedBox()
        self.generate = QPushButton(translate("data", "Generate"))
        self.generate.setToolTip(translate("data", "Replace the data (undoable); the network's inputs and "
                                                   "outputs follow"))
        self.generate.clicked.connect(self.make)
        self.point_class = QComboBox()
        for k in range(3):
            self.point_class.addItem(translate("data", "class {0}").format(k), k)
        self.point_class.setToolTip(translate("data", "Click the decision map to add a point of this "
                                                      "class; right-click removes the nearest point"))
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.PlainText)
        self.summary.setWordWrap(True)
        self.import_button = QPushButton(translate("data", "Import CSV…"))
        self.export_button = QPushButton(translate("data", "Export CSV…"))
        self.files = files = FlowLayout()  # (one above the other in a narrow dock)
        files.addWidget(self.import_button)
        files.addWidget(self.export_button)
        self.features_box = QWidget()  # a check box per feature the data offers (core.features)
        self.features_grid = QGridLayout(self.features_box)
        self.features_grid.setContentsMargins(0, 0, 0, 0)
        self.feature_checks: dict[str, QCheckBox] = {}
        self._offered_for = None
        self.columns = 0  # of input check boxes, as laid out
        # the data in use first: its size, the inputs fed to the network, the class a click
        # adds (at 1280 x 720 the dock shows ~100 px; the inputs, last, needed scrolling)
        form = QFormLayout(self)
        # (their labels over them: beside them at 250 % the summary got a word a line and
        # the inputs ran past the dock's edge)
        form.addRow(QLabel(translate("data", "in use")))
        form.addRow(self.summary)
        form.addRow(QLabel(translate("data", "inputs")))
        form.addRow(self.features_box)
        form.addRow(translate("data", "new points"), self.point_class)
        # then the generator, in a box of its own: its "data set" is the one it makes, not the
        # one in use (an Iris lesson's panel said "XOR cloud" at the top)
        self.new_data = QGroupBox()
        # its title as a heading inside, which wraps: a group box is never narrower than
        # its title, at 250 % wider than the dock
        self.new_data_title = QLabel(translate("data", "Generate new data"))
        self.new_data_title.setWordWrap(True)
        self.new_data_title.setTextFormat(Qt.PlainText)
        bold = self.new_data_title.font()
        bold.setBold(True)
        self.new_data_title.setFont(bold)
        new = QFormLayout(self.new_data)
        new.addRow(self.new_data_title)
        new.addRow(translate("data", "data set"), self.kind)
        new.addRow(translate("data", "samples"), self.n)
        new.addRow(translate("data", "noise"), self.noise)
        new.addRow(translate("data", "test share"), self.test)
        new.addRow(translate("data", "seed"), self.seed)
        new.addRow("", self.generate)
        form.addRow(self.new_data)
        form.addRow(files)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)  # (its one labelled row: under if narrow)
        narrow(new)
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

    def _fill_features(self) -> None:
        """A check box per offered feature of the data (made again when its width changes),
        ticked for those the network is fed."""
        d = self.doc.X.shape[1]
        if self._offered_for != d:
            self._offered_for = d
            for box in self.feature_checks.values():
                box.deleteLater()
            self.feature_checks = {}
            for name in offered(d):
                box = CheckBox(parse(name, d).unicode())
                box.setToolTip(translate("data", "Feed the network {0} (inputs the network sees; "
                                                 "the maps stay over x1, x2)").format(name))
                box.toggled.connect(lambda on, n=name: self._toggle_feature(n, on))
                self.feature_checks[name] = box
            self.columns = 0
            self._lay_out_features()
        chosen = set(self.doc.features.names)
        for name, box in self.feature_checks.items():
            box.blockSignals(True)
            box.setChecked(name in chosen)
            box.blockSignals(False)

    def room(self) -> int:
        """The width the panel's rows have: its scroll area's view's (the panel itself is
        as wide as its widest row needs) less the margins."""
        room = self.parentWidget().width() if self.parentWidget() is not None else self.width()
        margins = self.layout().contentsMargins()
        return room - margins.left() - margins.right()

    def _lay_out_features(self) -> None:
        """The input check boxes in as many columns (1 to 3) as the panel's width holds at
        the present font (3 at 100 %; at 250 % three ran past the dock's edge). The rest of
        the panel lays itself out for the width: the generator's form puts a field under
        its label, the CSV buttons flow (at 250 % the panel was half again as wide as its
        dock, the summary wrapping at that width and cut off at the dock's edge)."""
        boxes = list(self.feature_checks.values())
        if not boxes:
            return
        room = self.room()
        each = max(b.sizeHint().width() for b in boxes) + self.features_grid.horizontalSpacing()
        columns = int(max(1, min(3, room // max(each, 1))))
        if columns == self.columns:
            return
        self.columns = columns
        for k, box in enumerate(boxes):
            self.features_grid.addWidget(box, k // columns, k % columns, Qt.AlignLeft)  # (moves it)

    def resizeEvent(self, e) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(e)
        self._lay_out_features()

    def changeEvent(self, e) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(e)
        if e.type() == e.Type.FontChange:  # the boxes' widths change with the scale
            self.columns = 0
            self._lay_out_features()
        elif e.type() == e.Type.ParentChange and self.parentWidget() is not None:
            # in a scroll area the panel is never narrower than its rows need, so it is
            # the area's view that says when the room changes
            self.parentWidget().installEventFilter(self)

    def eventFilter(self, watched, e) -> bool:  # noqa: N802 - Qt's name
        if watched is self.parentWidget() and e.type() == e.Type.Resize:
            self._lay_out_features()
        return False

    def _toggle_feature(self, name: str, on: bool) -> None:
        if not self.doc.toggle_feature(name, on):
            self._fill_features()  # refused: show what is in force

    def _on_data_changed(self) -> None:
        self._fill_features()
        doc = self.doc
        test = (translate("data", ", {0} test").format(len(doc.X_test)) if doc.X_test is not None
                else "")
        self.summary.setText(translate("data", "{0}{1}; {2}, {3}").format(
            plural(self.tr("%n training sample(s)", "", len(doc.X)), len(doc.X)), test,
            plural(self.tr("%n input(s)", "", doc.X.shape[1]), doc.X.shape[1]),
            plural(self.tr("%n target column(s)", "", doc.Y.shape[1]), doc.Y.shape[1])))
