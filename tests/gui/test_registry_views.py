"""Every registered activation reaches the views: the gallery plots it, the layer palette
and the inspector offer it, lecture mode derives a step through it (the first version's
lecture crashed on an activation it did not know)."""

import pytest

from core import ACTIVATIONS

ELEMENTWISE = [n for n, a in ACTIVATIONS.items() if a.elementwise]


def test_the_gallery_palette_and_inspector_list_every_activation(open_window):
    import pyqtgraph as pg

    win = open_window()
    assert win.gallery.plots == []  # made when first shown (they were ~45 % of a window's making)
    win.docks["gallery"].show()
    win.docks["gallery"].raise_()
    titles = [i.titleLabel.text for i in win.gallery.view.ci.items if isinstance(i, pg.PlotItem)]
    assert titles == ELEMENTWISE
    palette = [win.layer_palette.item(k).data(0x0100) for k in range(win.layer_palette.count())]
    assert palette == ELEMENTWISE
    offered = [win.inspector.activation.itemText(k) for k in range(win.inspector.activation.count())]
    assert offered == list(ACTIVATIONS)


@pytest.mark.parametrize("act", [n for n in ELEMENTWISE if ACTIVATIONS[n].df is not None])
def test_lecture_mode_derives_a_step_through_every_activation(open_window, act):
    win = open_window("xor")
    assert win.doc.set_activation(0, act)
    win.set_lecture(True)
    lec = win.lecture
    assert lec.dv is not None and lec.pages > 10
    for k in range(lec.pages):
        lec.go(k)
        assert lec.formula.text() or k == lec.pages - 1


def test_one_view_registry_drives_docks_menus_exports_and_the_command_line(open_window):
    import main
    from gui import registry

    win = open_window()
    assert set(win.docks) == {v.id for v in registry.DOCKS}
    for v in registry.DOCKS:  # ids are keys; titles are text
        assert win.docks[v.id].objectName() == v.id
        assert win.docks[v.id].windowTitle() == v.title
    file_menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&File")
    export = next(a.menu() for a in file_menu.actions() if a.menu() and "view" in a.text())
    assert [a.text().replace("&", "") for a in export.actions()] == [registry.BY_ID[v].title
                                                                      for v in registry.EXPORTABLE]
    view_menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&View")
    toggles = [a.text().replace("&", "") for m in view_menu.actions()[:2] for a in m.menu().actions()]
    assert sorted(toggles) == sorted(v.title for v in registry.DOCKS)  # Plots, then Panels
    assert main.parse(["--view", "gallery"]).view == "gallery"
    assert set(registry.CLI_VIEWS) == {"window", *registry.BY_ID}


def test_a_lesson_naming_a_view_by_its_old_title_still_shows_it(open_window):
    from resources import load_lesson

    win = open_window()
    lesson = load_lesson("activations")
    assert lesson.show == "gallery"
    lesson.show = "Activation gallery"  # as the first version's lessons wrote it
    win.doc.load(lesson)
    assert win.docks["gallery"].isVisible()
