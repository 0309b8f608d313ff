"""The layer palette: drag a layer (with its activation) onto the canvas between
two columns to insert it; drop a layer's title here to remove that layer."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem

from core import ACTIVATIONS
from gui.canvas.view import LAYER_MIME, REMOVE_MIME
from gui.document import Document
from gui.i18n import translate


class Palette(QListWidget):
    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDrop)
        # the names wrap at the dock's width (at 250 % "leaky_relu layer (2 neurons)" ran
        # past a 300 px dock behind a horizontal scroll bar)
        self.setWordWrap(True)
        self.setResizeMode(QListView.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setToolTip(translate("palette", "Drag a layer onto the canvas, between two columns.\nDrop a "
                                             "layer's title here to remove the layer."))
        for name, act in ACTIVATIONS.items():
            if not act.elementwise:
                continue  # softmax belongs to the output layer only
            item = QListWidgetItem(translate("palette", "{0} layer (2 neurons)").format(name))
            item.setData(Qt.UserRole, name)
            item.setToolTip(f"f(a) = {act.formula};  f'(a) = {act.derivative}")
            self.addItem(item)

    def mimeData(self, items) -> QMimeData:
        mime = QMimeData()
        mime.setData(LAYER_MIME, items[0].data(Qt.UserRole).encode())
        return mime

    def mimeTypes(self) -> list[str]:
        return [LAYER_MIME, REMOVE_MIME]

    def dragEnterEvent(self, e) -> None:
        if e.mimeData().hasFormat(REMOVE_MIME):
            e.acceptProposedAction()
        else:
            super().dragEnterEvent(e)

    def dragMoveEvent(self, e) -> None:
        if e.mimeData().hasFormat(REMOVE_MIME):
            e.acceptProposedAction()
        else:
            super().dragMoveEvent(e)

    def dropEvent(self, e) -> None:
        if e.mimeData().hasFormat(REMOVE_MIME):
            layer = int(bytes(e.mimeData().data(REMOVE_MIME)).decode())
            if self.doc.remove_layer(layer):
                e.acceptProposedAction()
            return
        e.ignore()  # dropping a palette item on the palette does nothing
