"""Open and Save dialogs with every word in the interface's language.

Qt's own widget dialog (the one used where the desktop offers none, e.g. under a bare
X server) labels its fields "&Look in:" and "Files of &type:"; Qt's Czech catalogue has
those words only without the Alt letters ("Look in:"), so they stayed English in the
Czech window. The dialog here sets them from this app's translations; a native dialog
ignores them and speaks the desktop's language.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from gui.i18n import translate


def ask_file(parent: QWidget | None, save: bool, title: str, default: str, filt: str
             ) -> tuple[str, str]:
    """(the file chosen, the file type chosen); ('', '') when cancelled. ``save``: a Save
    dialog (it asks before replacing a file), else an Open one (an existing file)."""
    dialog = QFileDialog(parent, title, default, filt)
    dialog.setAcceptMode(QFileDialog.AcceptSave if save else QFileDialog.AcceptOpen)
    dialog.setFileMode(QFileDialog.AnyFile if save else QFileDialog.ExistingFile)
    dialog.setLabelText(QFileDialog.LookIn, translate("filedialog", "&Look in:"))
    dialog.setLabelText(QFileDialog.FileType, translate("filedialog", "Files of &type:"))
    try:
        if dialog.exec() != QDialog.Accepted or not dialog.selectedFiles():
            return "", ""
        return dialog.selectedFiles()[0], dialog.selectedNameFilter()
    finally:
        dialog.deleteLater()
