"""Help → Keyboard shortcuts: every menu action's keys, read from the actions themselves
(so the list is always the one in force, in the interface's language), then the canvas's
own keys, which are not actions."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from core.text import QT_TRANSLATE_NOOP
from gui.i18n import message, translate

#: the canvas's keys (gui.canvas.view.keyPressEvent and its wheel): keys, what they do
CANVAS_KEYS = [("Tab, Shift+Tab", QT_TRANSLATE_NOOP("shortcuts", "Walk the weights and biases")),
               ("Up, Down", QT_TRANSLATE_NOOP("shortcuts", "Nudge the selected one (with Shift: ×10)")),
               ("Return, F2", QT_TRANSLATE_NOOP("shortcuts", "Type its value")),
               ("Shift+F10, Menu", QT_TRANSLATE_NOOP("shortcuts", "Its menu (freeze, type a value)")),
               ("Esc", QT_TRANSLATE_NOOP("shortcuts", "Let go of it")),
               ("Ctrl+Tab", QT_TRANSLATE_NOOP("shortcuts", "Leave the canvas"))]


def plain(text: str) -> str:
    """A menu text without its Alt-letter marks ('&Open…' -> 'Open…', 'R&&D' -> 'R&D')."""
    return re.sub(r"&(.)", r"\1", text)


def keys_text(keys) -> str:
    """Key sequences as the platform writes them ('Ctrl+→' style names), joined by ', '."""
    return ", ".join(QKeySequence(k).toString(QKeySequence.NativeText) for k in keys)


def shortcut_rows(window) -> list[tuple[str, list[tuple[str, str]]]]:
    """(group, [(what, keys)]) for each menu with actions that have keys, in menu order,
    and the canvas's keys last."""
    groups = []

    def walk(menu: QMenu, rows: list) -> None:
        for a in menu.actions():
            if a.menu() is not None:
                walk(a.menu(), rows)
            elif not a.isSeparator() and a.isVisible() and a.shortcuts():
                rows.append((plain(a.text()), keys_text(a.shortcuts())))

    for top in window.menuBar().actions():
        rows: list = []
        walk(top.menu(), rows)
        if rows:
            groups.append((plain(top.text()), rows))
    canvas = [(message(what), keys_text(keys.split(", "))) for keys, what in CANVAS_KEYS]
    canvas.append((translate("shortcuts", "Zoom the canvas"), translate("shortcuts", "Ctrl+wheel")))
    groups.append((translate("shortcuts", "Canvas (a weight or bias chosen)"), canvas))
    return groups


def show_shortcuts(window) -> QDialog:
    """A window listing ``shortcut_rows``: a bold row per group, then its actions."""
    dialog = QDialog(window)
    dialog.setObjectName("shortcuts")
    dialog.setWindowTitle(translate("shortcuts", "Keyboard shortcuts"))
    groups = shortcut_rows(window)
    table = QTableWidget(sum(1 + len(rows) for _, rows in groups), 2, dialog)
    table.setHorizontalHeaderLabels([translate("shortcuts", "Action"), translate("shortcuts", "Keys")])
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.NoSelection)
    table.setWordWrap(False)
    bold = QFont(table.font())
    bold.setBold(True)
    r = 0
    for title, rows in groups:
        head = QTableWidgetItem(title)
        head.setFont(bold)
        table.setItem(r, 0, head)
        table.setSpan(r, 0, 1, 2)
        r += 1
        for what, keys in rows:
            table.setItem(r, 0, QTableWidgetItem(what))
            table.setItem(r, 1, QTableWidgetItem(keys))
            r += 1
    table.resizeColumnsToContents()
    table.resizeRowsToContents()  # (compact: more of the list at once)
    table.setFocusPolicy(Qt.NoFocus)  # a list to read: no current cell lit, Close has the keys
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
    buttons = QDialogButtonBox(QDialogButtonBox.Close, dialog)
    buttons.rejected.connect(dialog.close)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.table = table
    screen = window.screen().availableGeometry() if window.screen() else None
    width = table.columnWidth(0) + table.columnWidth(1) + 60
    height = table.verticalHeader().length() + table.horizontalHeader().height() + 90
    if screen is not None:
        width, height = min(width, screen.width() - 40), min(height, screen.height() - 80)
    dialog.resize(max(width, 360), height)
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.show()
    return dialog
