"""Forms that fit a narrow dock at any scale: a field goes under its label when the two
do not fit side by side, every field when most would (at 250 % in Czech the Training
panel was wider than its dock)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import QFormLayout, QSizePolicy, QSpinBox, QWidget


def narrow(form: QFormLayout) -> QFormLayout:
    """Make ``form`` (its rows added) fit a narrow column: a field goes under its label
    when the two do not fit side by side, every field does when most would (one field
    beside and the next under gave a ragged column with a combo box three letters wide
    at 250 %). Labels keep one line, so keep them short: a word-wrapped label beside
    its field let the form squeeze the field below its least width instead of putting
    it under the label."""
    form.setRowWrapPolicy(QFormLayout.WrapLongRows)
    widget = form.parentWidget()
    if widget is not None:
        widget.installEventFilter(_Fitter(form, widget))
    return form


class _Fitter(QObject):
    """Sets its form's wrap policy for the width of the widget it watches."""

    def __init__(self, form: QFormLayout, widget: QWidget) -> None:
        super().__init__(widget)
        self.form = form

    def eventFilter(self, watched, e) -> bool:  # noqa: N802 - Qt's name
        if e.type() in (QEvent.Resize, QEvent.FontChange, QEvent.Show):
            self.fit(watched.contentsRect().width())  # (a group box's frame taken off)
        return False

    def fit(self, width: int) -> None:
        form = self.form
        margins = form.contentsMargins()
        room = width - margins.left() - margins.right()
        pairs = [(form.itemAt(row, QFormLayout.LabelRole), form.itemAt(row, QFormLayout.FieldRole))
                 for row in range(form.rowCount())]
        pairs = [(label, field) for label, field in pairs
                 if label is not None and field is not None and not label.isEmpty()]
        if not pairs:
            return
        # beside their labels the fields line up after the widest one: rows whose field
        # gets less than it would like there go under their labels, and when most would,
        # all do (a column of one kind, not a ragged one); so do all when a field would
        # get less than its least width (Qt wraps a row by its own label's width, and
        # squeezed a combo box 5 px below its least width after a wider label)
        start = max(label.sizeHint().width() for label, _ in pairs) + max(form.horizontalSpacing(), 0)
        short = sum(start + field.sizeHint().width() > room for _, field in pairs)
        squeezed = any(start + field.minimumSize().width() > room for _, field in pairs)
        policy = QFormLayout.WrapAllRows if squeezed or 2 * short > len(pairs) \
            else QFormLayout.WrapLongRows
        if form.rowWrapPolicy() != policy:
            form.setRowWrapPolicy(policy)


class SeedBox(QSpinBox):
    """A spin box for seeds (0 to 2³¹ - 1) whose least width is that of six digits, not
    of its ten-digit maximum (at 250 % that alone was wider than the Data dock): a
    larger seed scrolls within the field where the dock is narrow."""

    DIGITS = 6

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRange(0, 2**31 - 1)
        # (a spin box's policy makes its size hint its least width: this one may shrink)
        self.setSizePolicy(QSizePolicy.Preferred, self.sizePolicy().verticalPolicy())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        size = super().minimumSizeHint()
        fm = self.fontMetrics()
        spare = fm.horizontalAdvance(str(self.maximum())) - fm.horizontalAdvance("0" * self.DIGITS)
        return QSize(size.width() - max(spare, 0), size.height())
