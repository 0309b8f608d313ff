"""The window's place and dock layout as plain, checked values for the preferences file.

Qt's ``saveGeometry``/``saveState`` are opaque bytes that Qt parses back: bytes from a file
never reach them (a damaged or crafted settings file; and Qt 6.11 itself mishandles some
valid states: see ``MainWindow.rebuild``). The preferences keep instead, as JSON:

    {"version": 1,
     "areas": {"left": [["training", "metrics"], ["inspector"]], "right": [...], ...},
     "hidden": ["gallery", ...],            # docks closed
     "floating": {"predict": [x, y, w, h]},  # docks in windows of their own
     "widths": {"left": 330, "right": 520},  # each side column's width, pixels
     "heights": {"training": 400, ...}}      # each group's size along its column

Each area lists its groups of tabbed docks in order (top to bottom; left to right for the
bottom and top areas), each group front tab first. ``parse`` accepts only that shape, known
dock names, each once, and sizes within bounds; anything else gives None (the default
layout). The window's own place is four integers and a flag (``window_place``).
"""

from __future__ import annotations

import json

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar

AREAS = {"left": Qt.LeftDockWidgetArea, "right": Qt.RightDockWidgetArea,
         "top": Qt.TopDockWidgetArea, "bottom": Qt.BottomDockWidgetArea}
SIDE = {"left", "right"}  # columns (their groups stack vertically); top and bottom are rows
MAX_TEXT = 20_000  # characters of JSON: a layout of ~20 docks needs under 1,000
MAX_PIXELS = 100_000


def describe(win: QMainWindow, docks: dict[str, QDockWidget], in_sight) -> dict:
    """The layout of ``docks`` in ``win`` now. ``in_sight(dock)``: shown and in front."""
    names = {dock: name for name, dock in docks.items()}
    placed: set[str] = set()
    floating, widths, heights = {}, {}, {}
    keyed: dict[str, list[tuple[int, list[str]]]] = {name: [] for name in AREAS}
    for name, dock in docks.items():
        if name in placed:
            continue
        if dock.isFloating():
            g = dock.geometry()
            floating[name] = [g.x(), g.y(), g.width(), g.height()]
            placed.add(name)
            continue
        area = next((a for a, flag in AREAS.items() if win.dockWidgetArea(dock) == flag), None)
        if area is None:
            continue
        group = [dock, *(d for d in win.tabifiedDockWidgets(dock) if d in names)]
        front = max(group, key=in_sight)  # the tab in front goes first
        group.sort(key=lambda d: d is not front)
        g = front.geometry()
        along = g.y() if area in SIDE else g.x()
        if not dock.isVisible():
            along = MAX_PIXELS  # a closed dock goes after the shown ones of its area
        ids = [names[d] for d in group if names[d] not in placed]
        placed.update(ids)
        keyed[area].append((along, ids))
        if dock.isVisible():
            size = g.height() if area in SIDE else g.width()
            if len(group) > 1:  # a group's slot holds its tab bar too (resizeDocks sets the slot)
                size += _tab_bar(win, g, area in SIDE)
            heights[ids[0]] = size
            across = g.width() if area in SIDE else g.height()
            widths[area] = max(widths.get(area, 0), across)
    areas = {area: [ids for _, ids in sorted(groups, key=lambda k: k[0])]
             for area, groups in keyed.items() if groups}
    hidden = [name for name, dock in docks.items() if dock.isHidden()]
    return {"version": 1, "areas": areas, "hidden": hidden,
            "floating": floating, "widths": widths, "heights": heights}


def tab_bar_along(b: QRect, g: QRect, column: bool) -> bool:
    """Whether a tab bar at ``b`` is the one of a dock at ``g``: under it (``column``) or
    beside it, within a few pixels, overlapping it along that edge."""
    if column:
        return abs(b.y() - g.bottom()) <= 8 and b.left() < g.right() and g.left() < b.right()
    return abs(b.x() - g.right()) <= 8 and b.top() < g.bottom() and g.top() < b.bottom()


def _tab_bar(win: QMainWindow, g: QRect, column: bool) -> int:
    """The size along the column of the tab bar under (or beside) a dock at ``g``."""
    for bar in win.findChildren(QTabBar):
        if bar.isVisible() and bar.parentWidget() is win and tab_bar_along(bar.geometry(), g, column):
            return bar.height() if column else bar.width()
    return 0


def _pixels(value, low: int = 0) -> bool:
    return type(value) is int and low <= value <= MAX_PIXELS


def parse(text, known) -> dict | None:
    """The layout in ``text`` (JSON) if it has the shape above with only the ``known``
    dock names, each at most once; else None."""
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        return None
    try:
        d = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(d, dict) or type(d.get("version")) is not int or d["version"] != 1:
        return None
    areas, hidden = d.get("areas"), d.get("hidden")
    floating, widths, heights = d.get("floating"), d.get("widths"), d.get("heights")
    if not (isinstance(areas, dict) and isinstance(hidden, list) and isinstance(floating, dict)
            and isinstance(widths, dict) and isinstance(heights, dict)):
        return None
    seen: list[str] = []
    for area, groups in areas.items():
        if area not in AREAS or not isinstance(groups, list):
            return None
        for group in groups:
            if not isinstance(group, list) or not group:
                return None
            seen += group
    seen += list(floating)
    if not all(isinstance(n, str) and n in known for n in seen + hidden) \
            or len(set(seen)) != len(seen) or len(set(hidden)) != len(hidden):
        return None
    if not all(isinstance(r, list) and len(r) == 4 and all(type(v) is int for v in r)
               and all(abs(v) <= MAX_PIXELS for v in r[:2]) and _pixels(r[2], 20)
               and _pixels(r[3], 20) for r in floating.values()):
        return None
    if not all(a in AREAS and _pixels(w) for a, w in widths.items()) or \
            not all(n in known and _pixels(h) for n, h in heights.items()):
        return None
    return d


def apply(win: QMainWindow, docks: dict[str, QDockWidget], layout: dict) -> None:
    """Put the docks where ``layout`` (from ``parse``) says: each area's groups in order,
    tabbed, the front tab raised; closed and floating docks as they were. Docks it does
    not name stay where they are. Sizes: ``apply_sizes``, once the window is laid out."""
    named = _named(layout)
    for name in named:  # out of their groups first: a split beside a tabbed dock tabs
        docks[name].setFloating(False)
        win.removeDockWidget(docks[name])
    for area, groups in layout["areas"].items():  # each group's front tab, in order
        previous = None
        for group in groups:
            first = docks[group[0]]
            if previous is None:
                win.addDockWidget(AREAS[area], first)
            else:
                win.splitDockWidget(previous, first,
                                    Qt.Vertical if area in SIDE else Qt.Horizontal)
            previous = first
    for groups in layout["areas"].values():  # then the tabs behind them
        for group in groups:
            for name in group[1:]:
                win.tabifyDockWidget(docks[group[0]], docks[name])
    for name, (x, y, w, h) in layout["floating"].items():
        dock = docks[name]
        dock.setFloating(True)
        dock.setGeometry(on_a_screen(QRect(x, y, w, h)))
    hidden = set(layout["hidden"])
    for name in set(named) | hidden:  # (a closed dock need not be placed to stay closed)
        docks[name].setVisible(name not in hidden)
    for groups in layout["areas"].values():
        for group in groups:
            if group[0] not in hidden:
                docks[group[0]].raise_()


def apply_sizes(win: QMainWindow, docks: dict[str, QDockWidget], layout: dict) -> None:
    """The columns' widths and the groups' sizes along their columns."""
    for area, width in layout["widths"].items():
        fronts = [docks[g[0]] for g in layout["areas"].get(area, []) if docks[g[0]].isVisible()]
        if fronts:
            win.resizeDocks(fronts[:1], [width],
                            Qt.Horizontal if area in SIDE else Qt.Vertical)
    for area, groups in layout["areas"].items():
        named = [g[0] for g in groups if g[0] in layout["heights"] and docks[g[0]].isVisible()]
        if len(named) > 1:
            win.resizeDocks([docks[n] for n in named], [layout["heights"][n] for n in named],
                            Qt.Vertical if area in SIDE else Qt.Horizontal)


def _named(layout: dict) -> list[str]:
    names = [n for groups in layout["areas"].values() for g in groups for n in g]
    return names + list(layout["floating"])


def on_a_screen(rect: QRect) -> QRect:
    """``rect`` moved (and cut down) into the screen it overlaps most, or the primary
    one: a window saved on a screen that is gone must not open out of sight."""
    screens = QGuiApplication.screens()
    if not screens:
        return rect
    best = max(screens, key=lambda s: (lambda r: r.width() * r.height())(
        s.availableGeometry().intersected(rect)))
    area = best.availableGeometry()
    if not area.intersects(rect):
        area = QGuiApplication.primaryScreen().availableGeometry()
    w, h = min(rect.width(), area.width()), min(rect.height(), area.height())
    x = min(max(rect.x(), area.x()), area.x() + area.width() - w)
    y = min(max(rect.y(), area.y()), area.y() + area.height() - h)
    return QRect(x, y, w, h)


def window_place(text) -> tuple[QRect, bool] | None:
    """The saved window rectangle and whether it was maximised: ``[x, y, w, h, max]``
    as JSON, each checked; else None."""
    if not isinstance(text, str) or len(text) > 200:
        return None
    try:
        v = json.loads(text)
    except ValueError:
        return None
    if not (isinstance(v, list) and len(v) == 5 and all(type(n) is int for n in v[:4])
            and all(abs(n) <= MAX_PIXELS for n in v[:2]) and _pixels(v[2], 100)
            and _pixels(v[3], 100) and type(v[4]) is bool):
        return None
    return QRect(*v[:4]), v[4]
