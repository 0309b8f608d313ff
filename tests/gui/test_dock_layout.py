"""The window's place and dock layout come back next session, read from the preferences
file as checked values (gui.dock_layout): no bytes from the file reach Qt's
restoreState/restoreGeometry, and a damaged or crafted file gives the default layout."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui import dock_layout, storage
from tests.gui.conftest import track


def new_window(qtbot, prefs: bool = True):
    from gui.document import Document
    from gui.main_window import MainWindow
    from resources import load_lesson

    win = MainWindow(Document(load_lesson("xor")))
    win.files.ask_unsaved = lambda: "discard"
    track(qtbot, win)
    win.show()
    if prefs:
        win.apply_preferences()
    qtbot.waitExposed(win)
    qtbot.wait(30)  # laid out: the saved sizes are set once the window has its size
    return win


def layout(win) -> dict:
    return dock_layout.describe(win, win.docks, win._in_sight)


def test_the_layout_a_user_made_comes_back_next_session(qtbot):
    win = new_window(qtbot, prefs=False)
    win.docks["metrics"].close()  # a panel closed, two put in one group, one floated,
    win.tabifyDockWidget(win.docks["loss"], win.docks["decision"])  # a column widened
    win.docks["timeline"].setFloating(True)
    win.docks["timeline"].setGeometry(300, 300, 500, 120)
    win.resizeDocks([win.docks["training"]], [420], Qt.Horizontal)
    qtbot.waitUntil(lambda: win.docks["training"].width() == 420)
    before = layout(win)
    assert ["decision", "loss", "weights", "health"] in before["areas"]["right"]
    win.close()
    saved = storage.settings()
    assert saved.value("geometry") is None and saved.value("layout") is None  # no Qt blobs
    assert json.loads(saved.value("docks")) == before
    again = new_window(qtbot)
    qtbot.waitUntil(lambda: layout(again)["widths"] == before["widths"], timeout=3000)
    after = layout(again)
    assert after == before  # the groups, the closed and floating docks, every size
    assert not again.docks["metrics"].isVisible() and again.docks["timeline"].isFloating()
    assert again.geometry() == win.geometry()
    again.close()


@pytest.mark.parametrize("text", [
    "not json", "[]", '{"version": 2}', "[" * 100_000,
    '{"version": 1, "areas": {"left": [["nonsense"]]}, "hidden": [], "floating": {}, '
    '"widths": {}, "heights": {}}',  # a dock the app does not have
    '{"version": 1, "areas": {"left": [["loss"], ["loss"]]}, "hidden": [], "floating": {}, '
    '"widths": {}, "heights": {}}',  # a dock twice
    '{"version": 1, "areas": {"middle": [["loss"]]}, "hidden": [], "floating": {}, '
    '"widths": {}, "heights": {}}',  # an area there is not
    '{"version": 1, "areas": {}, "hidden": [], "floating": {"loss": [0, 0, 1e9, 5]}, '
    '"widths": {}, "heights": {}}',  # a size out of range
    '{"version": 1, "areas": {}, "hidden": [], "floating": {}, "widths": {"left": -5}, '
    '"heights": {}}',
    '{"version": 1, "areas": {"left": [[]]}, "hidden": [], "floating": {}, "widths": {}, '
    '"heights": {}}',  # an empty group
    '{"version": 1, "areas": {}, "hidden": [3], "floating": {}, "widths": {}, "heights": {}}',
])
def test_a_damaged_or_crafted_layout_gives_the_default_one(qtbot, text):
    default = layout(new_window(qtbot, prefs=False))
    storage.settings().setValue("docks", text)
    storage.settings().setValue("window", text)
    win = new_window(qtbot)
    assert layout(win)["areas"] == default["areas"]
    assert layout(win)["hidden"] == default["hidden"]
    assert win.isVisible() and not win.lecture_mode


def test_a_window_saved_on_a_screen_that_is_gone_opens_on_this_one(qtbot):
    storage.settings().setValue("window", "[50000, -40000, 900, 700, false]")
    win = new_window(qtbot)
    screen = QApplication.primaryScreen().availableGeometry()
    assert screen.contains(win.geometry().topLeft()) and win.width() == 900
    for bad in ('[0, 0, 10, 10, false]', '[0, 0, 900, 700, "yes"]', '[0.5, 0, 900, 700, false]'):
        assert dock_layout.window_place(bad) is None, bad


def test_a_window_maximised_from_the_start_is_maximised_next_time(qtbot):
    """A window maximised before it was first shown (a screen smaller than its preferred
    size) has no normal geometry: its place was saved as -1 x -1 and refused next time."""
    from gui.document import Document
    from gui.main_window import MainWindow
    from resources import load_lesson

    win = MainWindow(Document(load_lesson("xor")))
    track(qtbot, win)
    win.setWindowState(win.windowState() | Qt.WindowMaximized)
    win.show()
    qtbot.waitExposed(win)
    win.close()
    place = dock_layout.window_place(storage.settings().value("window"))
    assert place is not None and place[1] and place[0].width() > 100
    again = new_window(qtbot)
    assert again.isMaximized()


def test_closed_at_250_percent_the_columns_come_back_when_zoomed_out_next_time(qtbot):
    """At large scales each side column becomes one group of tabs; the layout saved is the
    one under them, so a lecturer who closed the window at 250 % gets the columns back at
    100 % next time (they got a column of tabs at 100 %)."""
    first = new_window(qtbot, prefs=False)
    default = layout(first)
    first.set_scale(2.5)
    qtbot.wait(30)
    assert len(layout(first)["areas"]["left"]) == 1  # one group of tabs
    first.close()
    again = new_window(qtbot)
    assert again.scale == 2.5 and len(layout(again)["areas"]["left"]) == 1
    again.set_scale(1.0)
    qtbot.wait(30)
    assert layout(again)["areas"] == default["areas"]


def mutate(d: dict, rng, names: list) -> None:
    """One random change to a layout description (in place)."""
    k = rng.randrange(8)
    areas = d["areas"]
    area = rng.choice(list(areas)) if areas else None
    if k == 0 and area:  # a group to another area
        group = areas[area].pop(rng.randrange(len(areas[area])))
        areas.setdefault(rng.choice(["left", "right", "top", "bottom"]), []).append(group)
        d["areas"] = {a: g for a, g in areas.items() if g}
    elif k == 1 and area:  # a dock out of its group, into a floating window
        group = rng.choice(areas[area])
        name = group.pop()
        d["floating"][name] = [rng.randint(-5000, 5000), rng.randint(-5000, 5000),
                               rng.randint(0, 3000), rng.randint(0, 3000)]
        d["areas"][area] = [g for g in areas[area] if g]
    elif k == 2:
        d["hidden"] = rng.sample(names, rng.randint(0, len(names)))
    elif k == 3 and area:  # a name swapped for another, or made up
        group = rng.choice(areas[area])
        group[rng.randrange(len(group))] = rng.choice(names + ["x", ""])
    elif k == 4:
        d["widths"][rng.choice(["left", "right", "bottom", "top"])] = rng.choice(
            [0, 1, 400, 99_999, -1, 1.5, "400", None, True])
    elif k == 5 and d["heights"]:
        d["heights"][rng.choice(list(d["heights"]))] = rng.choice([0, 50, 10**6, "a"])
    elif k == 6 and area:  # a group split in two
        group = rng.choice(areas[area])
        if len(group) > 1:
            cut = rng.randrange(1, len(group))
            areas[area].append(group[cut:])
            del group[cut:]
    elif k == 7:
        d[rng.choice(["areas", "hidden", "floating", "version"])] = rng.choice(
            [[], {}, 1, "x", None])


def test_any_layout_the_checks_let_through_can_be_put_in_place(qtbot):
    """Mutations of a real layout (names swapped or made up, groups moved between areas,
    split or emptied, docks closed or floated, numbers changed to other types or out of
    range): each is refused whole or put in place without an error, and the window
    still has every dock."""
    import random

    win = new_window(qtbot, prefs=False)
    base = layout(win)
    names = list(win.docks)
    rng = random.Random(2)
    accepted = 0
    for _ in range(60):
        d = json.loads(json.dumps(base))
        for _ in range(rng.randint(1, 4)):
            try:
                mutate(d, rng, names)
            except (TypeError, AttributeError, KeyError, ValueError, IndexError):
                pass  # a mutation that no longer fits what earlier ones made
        parsed = dock_layout.parse(json.dumps(d), win.docks)
        if parsed is not None:
            accepted += 1
            dock_layout.apply(win, win.docks, parsed)
            dock_layout.apply_sizes(win, win.docks, parsed)
            QApplication.processEvents()
            assert not set(parsed["hidden"]) & {n for n, w in win.docks.items()
                                                if not w.isHidden()}
    assert 10 < accepted < 50, accepted  # both kinds were met
    assert sorted(win.findChildren(type(win.docks["loss"])), key=lambda w: w.objectName()) \
        == sorted(win.docks.values(), key=lambda w: w.objectName())


def test_lecture_mode_straight_after_a_zoom_leaves_the_zoomed_columns_their_widths(qtbot):
    """--scale 2.5 --lecture (or a zoom, then lecture mode, with no event between): the
    designer's layout under the lecture's was saved before the large scale's column
    widths were set, and leaving lecture mode brought back columns a third too narrow."""
    reference = new_window(qtbot, prefs=False)
    reference.set_scale(2.5)
    qtbot.wait(50)
    want = reference.docks["lesson"].width()
    reference.close()
    win = new_window(qtbot, prefs=False)
    win.set_scale(2.5)
    win.set_lecture(True)
    qtbot.wait(50)
    win.set_lecture(False)
    qtbot.waitUntil(lambda: abs(win.docks["lesson"].width() - want) <= 2, timeout=2000)


def test_a_view_turned_on_in_the_view_menu_comes_in_front_of_its_tabs(open_window, qtbot):
    """View → Plots → Loss, turned off and on again, put the Loss plot back as a tab behind
    the one in front (Weights over time): the menu seemed to do nothing but add a tab (seen
    under X). It comes to the front now."""
    from tests.gui.test_building import trigger

    win = open_window()
    win.resize(1280, 720)
    loss, weights = win.docks["loss"], win.docks["weights"]
    seen = lambda dock: not dock.visibleRegion().isEmpty()  # noqa: E731 (a tab behind: not)
    qtbot.waitUntil(lambda: seen(loss) and not seen(weights))
    view_menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&View")
    trigger(view_menu, "&Plots", "&Loss")
    qtbot.waitUntil(lambda: loss.isHidden() and seen(weights))
    trigger(view_menu, "&Plots", "&Loss")
    qtbot.waitUntil(lambda: seen(loss))  # in front
    assert not weights.isHidden() and not seen(weights)  # still there, behind
    assert weights in win.tabifiedDockWidgets(loss) and not loss.isFloating()
