"""A desktop citizen: --version, Help → About with what the app builds on and their
licences, the application icon, and the freedesktop entry, AppStream metadata and project
file type that the wheel installs."""

import configparser
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import PySide6
import pytest
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QImage, QPainter, QTextDocument
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel, QMessageBox

from core import __version__
from core.project import dumps
from gui.about import APP_ID, ICON
from resources import load_lesson
from tests.gui.test_building import trigger

ROOT = Path(__file__).resolve().parent.parent.parent
DESKTOP = ROOT / "resources" / "desktop"


def test_version_on_the_command_line_matches_the_package():
    r = subprocess.run([sys.executable, "main.py", "--version"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.strip() == f"backprop-studio {__version__}"
    meta = (ROOT / "pyproject.toml").read_text()
    assert 'version = {attr = "core.__version__"}' in meta  # one source for the version


def test_help_about_names_the_version_and_every_component_with_its_licence(open_window, qtbot):
    win = open_window()
    assert not win.windowIcon().isNull()
    help_menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&Help")
    trigger(help_menu, "&About Backprop Studio")
    box = win.about_box  # (not found through topLevelWidgets: with tests in random order that
    # list can hold a window another test deleted, and touching it crashed the interpreter)
    assert isinstance(box, QMessageBox) and box.isVisible()
    text = box.text()
    assert f"Backprop Studio {__version__}" in text
    for name, version, licence in (("Qt", qVersion(), "LGPL-3.0"),
                                   ("PySide6", PySide6.__version__, "LGPL-3.0"),
                                   ("pyqtgraph", pg.__version__, "MIT"),
                                   ("numpy", np.__version__, "BSD-3-Clause")):
        assert re.search(f"<td[^>]*>{re.escape(name)}</td><td[^>]*>{re.escape(version)}</td>"
                         f"<td[^>]*>{re.escape(licence)}</td>", text)
    assert not box.iconPixmap().isNull()
    box.close()
    # at 250 % a cell broke ("BSD-3-" over "Clause") in a box 540 px wide: the table's
    # rows keep one line each now, the box as wide as they need
    win.set_scale(2.5)
    trigger(help_menu, "&About Backprop Studio")
    box = win.about_box
    qtbot.waitExposed(box)
    label = box.findChild(QLabel, "qt_msgbox_label")
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setHtml(label.text())
    doc.setTextWidth(label.width())
    doc.size()  # (laid out)
    block, lines = doc.begin(), {}
    while block.isValid():
        lines[block.text()] = block.layout().lineCount()
        block = block.next()
    assert [lines[t] for t in ("numpy", np.__version__, "BSD-3-Clause", "Pillow")] == [1, 1, 1, 1]
    box.close()
    win.set_scale(1.0)


def test_the_icon_renders():
    renderer = QSvgRenderer(str(ICON))
    assert renderer.isValid() and ICON.name == f"{APP_ID}.svg"
    image = QImage(64, 64, QImage.Format_ARGB32)
    image.fill(0)
    p = QPainter(image)
    renderer.render(p)
    p.end()
    assert image.pixelColor(32, 8).alpha() == 255 and image.pixelColor(0, 0).alpha() == 0  # rounded corner


def test_the_desktop_entry_metadata_and_file_type_fit_together():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(DESKTOP / f"{APP_ID}.desktop", encoding="utf-8")
    e = entry["Desktop Entry"]
    assert e["Exec"] == "backprop-studio %f" and e["Icon"] == APP_ID and e["Type"] == "Application"
    assert e["MimeType"] == "application/x-backprop-studio-project;"
    meta = ET.parse(DESKTOP / f"{APP_ID}.metainfo.xml").getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.find("launchable").text == f"{APP_ID}.desktop"
    assert meta.find("releases/release").get("version") == __version__
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(DESKTOP / f"{APP_ID}.xml").getroot().find("m:mime-type", ns)
    assert mime.get("type") == "application/x-backprop-studio-project"
    match = mime.find("m:magic/m:match", ns)
    start, end = map(int, match.get("offset").split(":"))
    saved = dumps(load_lesson("xor"))  # what a saved project begins with: the magic finds it
    assert match.get("value") in saved[start:end + len(match.get("value"))]
    pyproject = (ROOT / "pyproject.toml").read_text()
    for name in (f"{APP_ID}.desktop", f"{APP_ID}.metainfo.xml", f"{APP_ID}.svg", f"{APP_ID}.xml"):
        assert f"resources/desktop/{name}" in pyproject  # installed by the wheel


def test_dock_tabs_show_their_titles_whole_at_250_percent(open_window, qtbot):
    """At 250 % the right-hand group's tabs were elided to "D…", "L…", "W…": the tab bars
    show each title whole and scroll instead."""
    from PySide6.QtWidgets import QTabBar

    win = open_window()
    win.set_scale(2.5)
    qtbot.wait(50)
    bars = [b for b in win.findChildren(QTabBar) if b.parent() is win and b.isVisible()]
    assert bars
    for bar in bars:
        assert bar.elideMode() == Qt.ElideNone
        for k in range(bar.count()):
            need = bar.fontMetrics().horizontalAdvance(bar.tabText(k))
            assert bar.tabRect(k).width() >= need, bar.tabText(k)


def shortcuts_shown(win, qtbot) -> dict[str, str]:
    """F1, then the Keyboard shortcuts window's rows as {what: keys}, each checked to show
    whole (its column as wide as its text)."""
    qtbot.keyClick(win, Qt.Key_F1)
    qtbot.waitUntil(lambda: getattr(win, "shortcuts_window", None) is not None
                    and win.shortcuts_window.isVisible())
    table = win.shortcuts_window.table
    rows = {}
    for r in range(table.rowCount()):
        what, keys = table.item(r, 0), table.item(r, 1)
        if keys is not None:
            rows[what.text()] = keys.text()
            for c, item in ((0, what), (1, keys)):
                need = table.fontMetrics().horizontalAdvance(item.text())
                assert table.columnWidth(c) >= need, item.text()
    return rows


def test_f1_lists_every_shortcut_in_force_and_the_canvas_keys(open_window, qtbot):
    """Help → Keyboard shortcuts (F1) lists the keys read from the actions themselves, so a
    class sees the ones in force, and the canvas's own keys, which are not actions."""
    win = open_window()
    rows = shortcuts_shown(win, qtbot)
    assert rows["Play"] == "Space" and rows["Step epoch"] == "Ctrl+Right"
    assert rows["Undo"] == "Ctrl+Z" and rows["Next phase"] == "PgDown"
    assert rows["Open…"] == "Ctrl+O" and rows["Keyboard shortcuts"] == "F1"
    assert rows["Walk the weights and biases"] == "Tab, Shift+Tab"
    assert rows["Zoom the canvas"] == "Ctrl+wheel"
    win.reset_action.setShortcut("Ctrl+Alt+R")  # the list follows the actions
    win.shortcuts_window.close()
    assert shortcuts_shown(win, qtbot)["Reset"] == "Ctrl+Alt+R"
    win.shortcuts_window.close()


@pytest.mark.parametrize("czech_too", [False, True])
def test_at_250_percent_every_menu_fits_a_720_line_projector_in_one_column(
        open_window, qtbot, czech_too, request):
    """At 250 % on a 1280 × 720 projector (seen under X) the File menu was taller than the
    screen and Qt laid it out in two columns, Quit alone in the second: the four ways to
    export the step are a submenu now. Every menu's items, stacked, fit under the menu bar."""
    from PySide6.QtWidgets import QMenu

    if czech_too:
        request.getfixturevalue("czech")  # (longer words)
    win = open_window()
    win.set_scale(2.5)
    qtbot.wait(20)  # (the menus take the new font)
    menus, todo = [], [a.menu() for a in win.menuBar().actions()]
    while todo:
        menus.append(todo.pop())
        todo += [a.menu() for a in menus[-1].actions() if isinstance(a.menu(), QMenu)]
    for menu in menus:
        menu.ensurePolished()
        menu.adjustSize()  # (lays the items out)
        rows = [menu.actionGeometry(a) for a in menu.actions() if a.isVisible()]
        if not rows:  # (Open Recent, with nothing opened yet)
            continue
        assert rows[0].height() > 40, menu.title()  # 250 %
        stacked = sum(r.height() for r in rows) + 2 * rows[0].top()
        assert stacked + win.menuBar().height() <= 720, (menu.title(), stacked)


def test_menus_at_250_percent_have_room_for_the_check_column_fusion_draws(open_window, qtbot):
    """Fusion sizes a menu item for a 21 px check column but draws one of 0.79 of the item's
    height: at 250 % the widest item of a menu was elided ("Export step a…TeX document…",
    seen under X). Every menu of the window, submenus too, gets the difference."""
    from PySide6.QtWidgets import QMenu, QStyleOptionMenuItem

    win = open_window()
    win.set_scale(2.5)
    qtbot.wait(20)  # (the menus take the new font)
    menus, todo = [], [a.menu() for a in win.menuBar().actions()]
    while todo:  # the menu bar's menus and their submenus
        menus.append(todo.pop())
        todo += [a.menu() for a in menus[-1].actions() if isinstance(a.menu(), QMenu)]
    assert len(menus) > 8 and all(m.style() is win.menu_style for m in menus)
    file_menu = win.menuBar().actions()[0].menu()
    step_menu = next(a.menu() for a in file_menu.actions() if a.text() == "Export s&tep")
    action = next(a for a in step_menu.actions() if "TeX document" in a.text())
    option = QStyleOptionMenuItem()
    step_menu.initStyleOption(option, action)
    base = win.style().sizeFromContents(win.style().ContentsType.CT_MenuItem, option,
                                        option.fontMetrics.size(0, option.text), step_menu)
    roomy = win.menu_style.sizeFromContents(win.style().ContentsType.CT_MenuItem, option,
                                            option.fontMetrics.size(0, option.text), step_menu)
    assert base.height() > 40  # 250 %: Fusion draws a check column of 0.79 × that
    assert roomy.width() - base.width() >= round(0.79 * base.height()) - 21 > 10
