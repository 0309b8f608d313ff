"""Help → About: the version, what the app builds on, and their licences."""

from __future__ import annotations

import html
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox, QWidget

from core import __version__
from gui.i18n import translate

APP_ID = "org.backpropstudio.BackpropStudio"  # the desktop entry's, AppStream's and the icon's name
ICON = Path(__file__).resolve().parent.parent / "resources" / "desktop" / f"{APP_ID}.svg"


def app_icon() -> QIcon:
    """The application's icon (drawn for it: a small network with an arrow running back)."""
    return QIcon(str(ICON))


def components() -> list[tuple[str, str, str]]:
    """(name, version, licence) of what the app is built on."""
    try:
        import PIL
        pillow = PIL.__version__
    except ImportError:  # pragma: no cover - a dependency
        pillow = "—"
    return [("Qt", qVersion(), "LGPL-3.0"), ("PySide6", PySide6.__version__, "LGPL-3.0"),
            ("pyqtgraph", pg.__version__, "MIT"), ("numpy", np.__version__, "BSD-3-Clause"),
            ("Pillow", pillow, "MIT-CMU")]


def about_html() -> str:
    """The About box's text. Each word goes through ``translate`` with its literal text:
    lupdate extracts only literals (a helper taking the text as a variable left the whole
    box English in the Czech window)."""
    # cells that do not wrap (at 250 % "BSD-3-Clause" broke over two lines in a box 540 px
    # wide; the box takes the table's width now)
    td = "<td style='white-space:nowrap'>"
    rows = "".join(f"<tr>{td}{html.escape(n)}</td>{td}{html.escape(v)}</td>{td}{html.escape(lic)}"
                   "</td></tr>" for n, v, lic in components())
    intro, built, component, version, licence = (html.escape(t) for t in (
        translate("about", "Learn and teach how neural networks learn: every number of every forward "
                           "and backward step, as the course notes write it."),
        translate("about", "Built on:"), translate("about", "component"), translate("about", "version"),
        translate("about", "licence")))
    return (f"<h3>Backprop Studio {html.escape(__version__)}</h3><p>{intro}</p><p>{built}</p>"
            "<table cellspacing='0' cellpadding='4'>"
            f"<tr><th align='left'>{component}</th><th align='left'>{version}</th>"
            f"<th align='left'>{licence}</th></tr>{rows}</table>")


def show_about(parent: QWidget) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(translate("about", "About Backprop Studio"))
    box.setIconPixmap(app_icon().pixmap(96, 96))
    box.setText(about_html())
    box.setStandardButtons(QMessageBox.Ok)
    box.show()
    return box
