"""What a new user met in the first version, each pinned: stale selections, a title that
kept the lesson's architecture, "epochs/s" after Pause, the inspector's "from 1 to 1",
a ticked frozen box with nothing selected, "Decision regions" for regression, lessons
that finished before a class could watch, and a full-batch epoch that diverged silently."""

import numpy as np
from PySide6.QtCore import QPoint, Qt

from tests.gui.conftest import choose, fastest, refusal_shown


def click_label(qtbot, win, label):
    canvas = win.canvas
    item = canvas.labels[canvas.doc.net.resolve(label)]
    pos = canvas.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(canvas.viewport(), Qt.LeftButton, pos=pos)


def empty_spot(canvas) -> QPoint:
    """A point of the canvas with no item under it."""
    for x in range(5, canvas.viewport().width(), 15):
        for y in range(5, canvas.viewport().height(), 15):
            if canvas.itemAt(QPoint(x, y)) is None:
                return QPoint(x, y)
    raise AssertionError("no empty spot")


def test_a_selection_clears_on_an_empty_click_another_lesson_and_lecture_mode(open_window, qtbot):
    win = open_window()
    canvas = win.canvas
    click_label(qtbot, win, "w5")
    assert canvas.selected == win.doc.net.resolve("w5") and win.inspector.param is not None
    qtbot.mouseClick(canvas.viewport(), Qt.LeftButton, pos=empty_spot(canvas))
    assert canvas.selected is None and win.inspector.param is None
    click_label(qtbot, win, "w5")
    win.open_lesson("hand_note")
    assert canvas.selected is None and win.inspector.param is None
    click_label(qtbot, win, "w5")
    qtbot.keyClick(win, Qt.Key_F5)
    assert win.lecture_mode and canvas.selected is None
    lit = canvas.overlay[1]
    highlighted = {p for p, item in canvas.labels.items() if item.pen().widthF() >= 3}
    assert highlighted <= lit  # only the phase's own parameters stand out


def test_the_title_follows_the_network_and_unsaved_changes(open_window):
    win = open_window()
    assert "2-2-1" in win.windowTitle() and not win.isWindowModified()
    win.doc.add_neuron(1)
    assert "2-3-1" in win.windowTitle() and "2-2-1" not in win.windowTitle()
    assert win.isWindowModified()
    win.doc.undo_stack.undo()  # back to the saved state: not modified any more
    assert "2-2-1" in win.windowTitle() and not win.isWindowModified()


def test_epochs_per_second_goes_away_after_pause(open_window, qtbot):
    win = open_window()
    fastest(win)
    qtbot.keyClick(win, Qt.Key_Space)
    qtbot.waitUntil(lambda: "epochs/s" in win.status.text(), timeout=5000)
    qtbot.keyClick(win, Qt.Key_Space)
    assert "epochs/s" not in win.status.text()


def test_the_inspector_names_neurons_and_clears_the_frozen_box(open_window, qtbot):
    win = open_window()
    click_label(qtbot, win, "w5")
    assert "h1 → ŷ" in win.inspector.title.text() and "from 1 to 1" not in win.inspector.title.text()
    qtbot.mouseClick(win.inspector.lock, Qt.LeftButton)
    assert win.doc.net.is_frozen("w5") and win.inspector.lock.isChecked()
    click_label(qtbot, win, "b1_2")
    assert "bias of h2" in win.inspector.title.text() and not win.inspector.lock.isChecked()
    click_label(qtbot, win, "w5")
    qtbot.mouseClick(win.canvas.viewport(), Qt.LeftButton, pos=empty_spot(win.canvas))
    assert not win.inspector.lock.isChecked() and not win.inspector.lock.isEnabled()


def test_the_map_dock_names_what_it_shows(open_window, qtbot):
    win = open_window()
    dock = win.docks["decision"]
    assert dock.windowTitle() == "Decision regions"
    win.open_lesson("sine")
    assert dock.windowTitle() == "Output curve"
    view_menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&View")
    plots = next(a.menu() for a in view_menu.actions() if a.text() == "&Plots")
    shown = lambda: [a.text() for a in plots.actions()]  # noqa: E731
    assert "&Output curve" in shown()  # the View menu says so too, with a letter
    qtbot.mouseClick(win.decision.versus_box, Qt.LeftButton)
    assert dock.windowTitle() == "Predictions"
    assert "&Predictions" in shown() and "&Decision regions" not in shown()
    file_menu = win.menuBar().actions()[0].menu()
    export = next(a.menu() for a in file_menu.actions() if a.text() == "Export &view (PNG or SVG)")
    exports = [a.text().replace("&", "") for a in export.actions()]  # File → Export view too
    assert "Predictions" in exports and "Decision regions" not in exports


def test_a_lesson_opens_at_a_speed_a_class_can_watch(open_window, qtbot):
    win = open_window()
    assert win.training.speed.currentText() == "100 epochs/s"
    qtbot.keyClick(win, Qt.Key_Space)
    qtbot.wait(1000)
    qtbot.keyClick(win, Qt.Key_Space)
    assert 20 <= win.doc.trainer.epoch <= 200  # about 100 in a second, not thousands
    win.open_lesson("hand_note")
    assert win.training.speed.currentText() == "1 epoch/s"
    choose(win.training.speed, "as fast as it goes")
    assert win.doc.settings["speed"] is None and win.controller.rate is None


def test_step_epoch_in_full_batch_pauses_with_a_message_when_it_diverges(open_window, qtbot):
    win = open_window("hand_note")
    doc = win.doc
    doc.set_setting("lr", "1e6")
    assert doc.trainer.batch_size == doc.trainer.N  # one sample: the full-batch path
    for _ in range(100):
        if refusal_shown(win):
            break
        epoch, params = doc.trainer.epoch, doc.net.params.copy()
        qtbot.keyClick(win, Qt.Key_Right, Qt.ControlModifier)
    assert "diverged" in refusal_shown(win)
    assert np.isfinite(doc.net.params).all()
    assert doc.trainer.epoch == epoch and np.array_equal(doc.net.params, params)


def test_whole_data_figures_follow_training_a_few_times_a_second(open_window, qtbot, monkeypatch):
    """The status bar and the inspector pass over all the data; they used to do it on every
    weight change (76 and 59 ms per tick on 100k samples, more than a training slice)."""
    win = open_window()
    click_label(qtbot, win, "w5")
    calls = {"status": 0, "gradient": 0}
    status, gradient = win.doc.status, type(win.doc.net).gradient
    monkeypatch.setattr(win.doc, "status", lambda: (calls.__setitem__(
        "status", calls["status"] + 1), status())[1])
    monkeypatch.setattr(type(win.doc.net), "gradient", lambda self, *a: (calls.__setitem__(
        "gradient", calls["gradient"] + 1), gradient(self, *a))[1])
    qtbot.waitUntil(lambda: not win.status_throttle._pending.isActive()
                    and not win.inspector._grad_throttle._pending.isActive())
    calls.update(status=0, gradient=0)
    for _ in range(50):  # fifty training slices in a row
        win.doc.trainer.run(max_epochs=1)
        win.doc.weights_changed.emit()
    assert calls["status"] <= 2 and calls["gradient"] <= 2, calls
    qtbot.waitUntil(lambda: str(win.doc.trainer.epoch) in win.status.text(), timeout=2000)
    g = win.doc.net.gradient(win.doc.X, win.doc.Y, "bce", "mean").flat[
        win.doc.net.index(win.doc.net.resolve("w5"))]
    qtbot.waitUntil(lambda: win.inspector.grad.text().startswith(f"{g:.6g}"), timeout=2000)


def test_high_contrast_reaches_every_view(open_window, qtbot):
    """Axis titles, plot titles and the hidden space's output line were black on black;
    check boxes were dark grey on black."""
    import pyqtgraph as pg
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QCheckBox

    win = open_window()
    win.docks["gallery"].show()
    qtbot.keyClick(win, Qt.Key_H, Qt.ControlModifier | Qt.ShiftModifier)
    assert win.high_contrast
    for view in (win.decision, win.hidden, win.loss_plot, win.weights_plot):
        view.redraw()  # titles and labels set after the switch follow it too
    white = QColor("#ffffff")
    for pw in win.findChildren(pg.PlotWidget):
        for name in ("left", "bottom"):
            axis = pw.getAxis(name)
            if axis.labelText:
                assert QColor(axis.labelStyle["color"]) == white, axis.labelText
                assert "color:#ffffff" in axis.label.toHtml().replace(" ", "")
        if pw.getPlotItem().titleLabel.text:
            assert QColor(pw.getPlotItem().titleLabel.opts["color"]) == white
    assert win.hidden.line.opts["pen"].color().lightness() > 200
    for item in win.gallery.view.ci.items:
        if isinstance(item, pg.PlotItem):
            assert item.getAxis("bottom").textPen().color() == white
    box = win.loss_plot.log
    image = box.grab().toImage()
    indicator = [QColor(image.pixel(x, y)).lightness() for x in range(0, 24)
                 for y in range(image.height())]
    assert sum(v > 200 for v in indicator) > 20  # a bright frame around the box
    assert all(isinstance(b, QCheckBox) for b in [box])
    qtbot.keyClick(win, Qt.Key_H, Qt.ControlModifier | Qt.ShiftModifier)
    win.hidden.redraw()
    assert win.hidden.line.opts["pen"].color().lightness() < 60


def test_the_gallery_made_after_a_theme_change_takes_the_theme(open_window, qtbot):
    """The gallery's plots are made when it is first shown: high contrast chosen before
    that reaches them too."""
    import pyqtgraph as pg
    from PySide6.QtGui import QColor

    win = open_window()
    qtbot.keyClick(win, Qt.Key_H, Qt.ControlModifier | Qt.ShiftModifier)
    assert win.high_contrast and win.gallery.plots == []
    win.docks["gallery"].show()
    win.docks["gallery"].raise_()
    plots = [i for i in win.gallery.view.ci.items if isinstance(i, pg.PlotItem)]
    white = QColor("#ffffff")
    assert plots and all(p.getAxis("bottom").textPen().color() == white for p in plots)


def test_the_gallery_leaves_the_timeline_its_slider_and_shows_every_column(open_window, qtbot):
    import pyqtgraph as pg

    win = open_window("activations")
    win.resize(1280, 720)
    gallery = win.gallery
    assert win.docks["gallery"].isVisible()
    qtbot.waitUntil(lambda: win.timeline.slider.width() >= 120)  # it was squeezed to nothing
    view = gallery.view
    plots = [i for i in view.ci.items if isinstance(i, pg.PlotItem)]
    assert len(plots) == len([a for a in __import__("core").ACTIVATIONS.values() if a.elementwise])

    def every_column_shown() -> bool:
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        return all(shown.contains(p.sceneBoundingRect().adjusted(1, 1, -1, -1)) for p in plots)

    qtbot.waitUntil(every_column_shown, timeout=3000)  # once the layout has settled


def test_views_behind_tabs_wait_until_they_are_shown(open_window, qtbot, monkeypatch):
    """The loss landscape (a grid of networks over all the data) ran on every edit while
    its tab was hidden: 12 s per edit on 100k samples."""
    import gui.plots.explore as explore

    win = open_window()
    calls = []
    real = explore.landscape
    monkeypatch.setattr(explore, "landscape", lambda *a, **k: calls.append(1) or real(*a, **k))
    assert win.landscape.visibleRegion().isEmpty()  # behind the Hidden space tab
    for _ in range(3):
        win.doc.add_neuron(1)
        win.doc.step_epoch()
    assert calls == []
    win.docks["landscape"].raise_()
    qtbot.waitUntil(lambda: len(calls) >= 1, timeout=3000)
    assert "others held" in win.landscape.plot.getPlotItem().titleLabel.text


def test_large_scales_show_one_panel_per_side(open_window, qtbot):
    """At 250 % on a projector, three plots stacked in one column were slivers; from 175 %
    each side is one group of tabs, and the designer's layout returns below it."""
    win = open_window()
    before = len(win.tabifiedDockWidgets(win.docks["decision"]))
    win.set_scale(2.5)
    group = {d.objectName() for d in win.tabifiedDockWidgets(win.docks["decision"])}
    assert set(win.RIGHT_GROUP) - {"decision"} <= group
    assert not win.docks["decision"].widget().visibleRegion().isEmpty()
    qtbot.waitUntil(lambda: win.docks["decision"].width() > 0.25 * win.width())
    win.set_scale(1.0)
    assert len(win.tabifiedDockWidgets(win.docks["decision"])) == before


def test_zooming_in_and_out_again_and_again_keeps_the_panels_sizes(open_window, qtbot):
    """Back at 100 % the designer's layout was restored under the menu, tool and status
    bars still at their 250 % heights: each zoom in and out took ~25 pixels from one panel
    and gave them to another (the Inspector grew 226 → 307 pixels in three rounds). The
    window is laid out in its new font before the layout comes back now."""
    win = open_window()
    qtbot.wait(50)

    def heights():
        return {name: d.height() for name, d in win.docks.items() if win._in_sight(d)}

    before = heights()
    for _ in range(3):
        for _ in range(6):
            qtbot.keyClick(win, Qt.Key_Plus, Qt.ControlModifier)  # Zoom in, to 250 %
        assert win.scale == 2.5
        qtbot.wait(30)
        qtbot.keyClick(win, Qt.Key_0, Qt.ControlModifier)  # Actual size
        assert win.scale == 1.0
        qtbot.waitUntil(lambda: heights() == before, timeout=2000)


def test_the_status_figures_change_without_laying_out_the_window(open_window, qtbot):
    """Each new figure used to lay out the status bar and then every dock (the label's size
    followed its text); the label's size now changes in steps. Text too long for the bar
    (250 % on a small screen) is elided with its whole line in the tooltip, not cut off."""
    from PySide6.QtCore import QEvent, QObject

    class Layouts(QObject):
        count = 0

        def eventFilter(self, obj, e):
            if e.type() == QEvent.LayoutRequest:
                Layouts.count += 1
            return False

    win = open_window()
    qtbot.wait(100)
    layouts = Layouts()
    win.installEventFilter(layouts)
    shown = set()
    for _ in range(6):
        qtbot.keyClick(win, Qt.Key_Right, Qt.ControlModifier)  # Step epoch
        qtbot.waitUntil(lambda: f"epoch {win.doc.epoch} " in win.status.text(), timeout=2000)
        shown.add(win.status.text())
        assert win.status.width() >= win.status.fontMetrics().horizontalAdvance(win.status.text())
    win.removeEventFilter(layouts)
    assert len(shown) == 6 and Layouts.count == 0

    def fits() -> bool:  # the text whole or elided with its tooltip, inside the bar
        s, bar = win.status, win.statusBar()
        need = s.fontMetrics().horizontalAdvance(s.text())
        whole = s.text() == s.full or (s.text().endswith("…") and s.full in s.toolTip())
        inside = s.geometry().right() <= bar.width() and s.height() >= s.fontMetrics().height()
        return whole and inside and need <= s.width() <= need + 3 * s.STEP + 8

    win.status.show_text("epoch 1   step 1   loss 0.5" + "   accuracy 100%" * 12)  # far longer
    qtbot.wait(50)
    assert fits() and win.status.text().endswith("…")
    for scale in (2.5, 1.0):  # a projector's scale and back: the label follows the font
        win.set_scale(scale)
        qtbot.keyClick(win, Qt.Key_Right, Qt.ControlModifier)
        qtbot.waitUntil(lambda: f"epoch {win.doc.epoch} " in win.status.full, timeout=2000)
        qtbot.wait(50)
        assert fits(), (scale, win.status.size(), win.status.text())


def test_a_note_in_the_status_bar_is_read_whole_at_250_percent_on_1280(open_window, qtbot):
    """At 250 % in a 1280-wide window the figures left the note 160 px: "Scale 250%" showed
    as "Scale 2…". The note keeps room for a short result in the current font."""
    win = open_window()
    win.showNormal()
    win.resize(1280, 720)
    win.set_scale(2.5)
    qtbot.keyClick(win, Qt.Key_Right, Qt.ControlModifier)  # figures long enough to elide
    qtbot.waitUntil(lambda: f"epoch {win.doc.epoch} " in win.status.full, timeout=2000)
    for note in ("Scale 250%", "Měřítko 250%"):  # (and in Czech)
        win.tell(note)
        qtbot.wait(50)
        assert win.note.text() == win.note.full == note
    assert win.status.geometry().right() <= win.statusBar().width()


def test_a_result_in_the_status_bar_gets_room_while_it_shows_at_250_percent(open_window, qtbot):
    """At 250 % on 1280 × 720 a result the user asked for was cut to 16 characters ("Wrote
    trai…" for "Wrote training.gif: 60 frames, 3101 KiB", seen under X): the figures kept
    the rest of the bar. While a result shows, the figures give it up to 60 % of the bar
    (elided meanwhile, whole in their tooltip), and take their room back when it goes."""
    win = open_window()
    win.showNormal()
    win.resize(1280, 720)
    win.set_scale(2.5)
    qtbot.keyClick(win, Qt.Key_Right, Qt.ControlModifier)
    qtbot.waitUntil(lambda: f"epoch {win.doc.epoch} " in win.status.full, timeout=2000)
    qtbot.wait(50)
    before = win.status.width()
    result = "Wrote training.gif: 60 frames, 3101 KiB"
    win.tell(result)
    qtbot.wait(50)
    assert win.note.text() == result  # whole
    assert win.status.text().endswith("…") and win.status.full in win.status.toolTip()
    assert win.status.geometry().right() <= win.statusBar().width()
    win.note.timer.timeout.emit()  # (its ten seconds are up)
    qtbot.wait(50)
    assert win.note.text() == "" and win.status.width() >= before


def test_the_neuron_lines_box_shows_only_where_the_lines_can(open_window, qtbot):
    """With one sample (the hand note, Mazur) the map is predictions against targets, where
    no neuron line is drawn; the "neuron lines" box stood there ticked, doing nothing (seen
    under X)."""
    win = open_window("hand_note")
    box = win.decision.lines_box
    qtbot.waitUntil(lambda: win.docks["decision"].windowTitle() == "Predictions")
    assert box.isHidden()
    win.open_lesson("xor")
    qtbot.waitUntil(lambda: win.docks["decision"].windowTitle() == "Decision regions")
    assert not box.isHidden() and box.isChecked()
    win.open_lesson("sine")  # one input: the curve, no plane
    qtbot.waitUntil(lambda: win.docks["decision"].windowTitle() == "Output curve")
    assert box.isHidden()



def test_the_gallery_at_250_percent_scrolls_rather_than_squeeze_its_plots(open_window, qtbot):
    """At 250 % on 1280 × 720 the gallery's eleven plots were flat lines under their titles
    and tick labels, and a narrow cell's ticks ran together ("-2 0" read "-20"; seen under
    X). Each plot keeps room for its curves and its ticks; the gallery scrolls instead."""
    import pyqtgraph as pg

    win = open_window("activations")
    win.resize(1280, 720)
    win.set_scale(2.5)
    gallery = win.gallery
    qtbot.waitUntil(lambda: gallery.isVisible() and bool(gallery.plots))
    fm = gallery.fontMetrics()

    def roomy() -> bool:
        plots = [i for i in gallery.view.ci.items if isinstance(i, pg.PlotItem)]
        return len(plots) == len(gallery.plots) and all(
            p.vb.height() >= 1.5 * fm.height() and p.vb.width() >= 8 * fm.averageCharWidth()
            for p in plots)

    qtbot.waitUntil(roomy, timeout=3000)
    assert gallery.scroll.verticalScrollBar().maximum() > 0  # the rest is a scroll away
    win.set_scale(1.0)  # and at 100 % it all shows at once again
    qtbot.waitUntil(lambda: gallery.scroll.verticalScrollBar().maximum() == 0, timeout=3000)


def test_on_a_720_line_projector_150_percent_shows_one_panel_per_side(tmp_path):
    """On a 1280 × 720 screen at 125 % and 150 % the three stacked plots of the right
    column got 1.1 to 5 lines of the font each (the hidden space 1.1 at 150 %): the
    designer goes to one panel per side there too, by the lines the screen holds; on a
    1080-line screen 150 % keeps the designer's columns."""
    import json
    import os
    import subprocess
    import sys
    import textwrap
    from pathlib import Path

    script = textwrap.dedent('''
        import json, time
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from gui.document import Document
        from gui.main_window import MainWindow
        from resources import load_lesson
        win = MainWindow(Document(load_lesson("xor")))
        win.show()
        def spin(s):
            t = time.time()
            while time.time() - t < s:
                app.processEvents()
        spin(0.5)
        out = {}
        for scale in (1.0, 1.5):
            win.set_scale(scale)
            spin(1.0)
            line = win.fontMetrics().height()
            out[str(scale)] = {v: win.docks[v].isVisible() and not win.docks[v].visibleRegion()
                               .isEmpty() and getattr(win, a).plot.getPlotItem().vb.height() / line
                               for v, a in (("loss", "loss_plot"), ("decision", "decision"),
                                            ("hidden", "hidden"))}
        print(json.dumps(out))
    ''')
    root = Path(__file__).resolve().parent.parent.parent
    seen = {}
    for screen in ("screen720.json", "screen1080.json"):
        env = {**os.environ, "BACKPROP_STUDIO_HOME": str(tmp_path / screen),
               "QT_QPA_PLATFORM": f"offscreen:configfile={root / 'tests' / 'gui' / screen}"}
        r = subprocess.run([sys.executable, "-c", script], cwd=root, env=env, capture_output=True,
                           text=True, timeout=300)
        assert r.returncode == 0, r.stderr[-2000:]
        seen[screen] = json.loads(r.stdout.splitlines()[-1])
    small, large = seen["screen720.json"], seen["screen1080.json"]
    assert all(small["1.0"].values())  # 100 %: the designer's three plots, as before
    shown = {v: h for v, h in small["1.5"].items() if h}
    assert list(shown) == ["decision"] and shown["decision"] > 15  # one panel, large
    assert all(h and h > 5 for h in large["1.5"].values())  # room for all three
