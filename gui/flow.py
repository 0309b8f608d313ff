"""A row of widgets that wraps onto more rows when its width runs out (Qt's flow
layout example): buttons side by side at 100 %, one above the other in a narrow dock
at 250 %, and never a panel wider than its dock because of them."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QLayoutItem, QSizePolicy, QStyle


class FlowLayout(QHBoxLayout):
    """Items left to right, wrapping to a new row where the next would pass the right
    edge; its height follows its width (``heightForWidth``), its minimum width is its
    widest item's.

    The items are kept by QHBoxLayout itself (C++) and fetched with ``itemAt`` when
    needed, not in a Python list of QWidgetItems (Qt's flow layout example): PySide's
    bookkeeping of who owns a wrapper is not Qt's (these items' owner there was the
    enclosing layout), a list's wrappers could be invalidated behind its back, and a
    layout call raising inside Qt's layout code crashed the interpreter (seen when the
    window's Tab order walk invalidated wrappers; see MainWindow.order_tabs)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setContentsMargins(0, 0, 0, 0)

    @property
    def items(self) -> list[QLayoutItem]:
        return [self.itemAt(i) for i in range(self.count())]

    # --- QLayout's interface (QHBoxLayout's own placement replaced) ----------------------
    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        QLayout.setGeometry(self, rect)  # (not QHBoxLayout's: one row)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """All items in one row."""
        items = self.items
        width = sum(i.sizeHint().width() for i in items) + \
            self._spacing() * max(len(items) - 1, 0)
        height = max((i.sizeHint().height() for i in items), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        """The widest item: the rest wraps."""
        size = QSize()
        for item in self.items:
            size = size.expandedTo(item.minimumSize())
        return size.grownBy(self.contentsMargins())

    # --- arranging ----------------------------------------------------------------------
    def _spacing(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget()
        return parent.style().pixelMetric(QStyle.PM_LayoutHorizontalSpacing) if parent else 6

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Place the items (when ``move``) in rows within ``rect``; the height they take.
        An item joins the row while the row's items fit at their least widths; the row's
        items then get their preferred widths where those fit, else their least widths and
        the room left shared by how much more each would like (the decision map's slice
        controls and Fit to data stay on one row at 100 %, 4 px narrower)."""
        m: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(m)
        gap = self._spacing()
        rows: list[list[tuple[QLayoutItem, int, int]]] = [[]]  # (item, least, preferred)
        for item in self.items:
            if item.isEmpty():
                continue
            hint = item.sizeHint().width()
            fixed = item.widget() is not None and \
                item.widget().sizePolicy().horizontalPolicy() == QSizePolicy.Fixed
            least = hint if fixed else min(max(item.minimumSize().width(), 0), hint)
            pref = hint if fixed else min(hint, area.width())
            row = rows[-1]
            if row and sum(e[1] for e in row) + gap * len(row) + least > area.width():
                rows.append(row := [])
            row.append((item, min(least, pref), pref))
        y = area.y()
        for row in rows:
            if not row:
                continue
            room = area.width() - gap * (len(row) - 1)
            least_sum, want = sum(e[1] for e in row), sum(e[2] for e in row)
            spare, left = want - least_sum, max(room - least_sum, 0)
            x, height = area.x(), max(e[0].sizeHint().height() for e in row)
            for item, least, pref in row:
                w = pref if want <= room or spare <= 0 else least + left * (pref - least) // spare
                if move:
                    item.setGeometry(QRect(QPoint(x, y), QSize(w, item.sizeHint().height())))
                x += w + gap
            y += height + gap
        return max(y - gap, area.y()) - rect.y() + m.bottom()
