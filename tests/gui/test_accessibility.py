"""Accessibility basics: the views and the canvas have names a screen reader can say, the
canvas describes the network in words, and the training settings are reached with Tab in
the order they are shown."""

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui import registry
from gui.i18n import message


def test_every_view_and_plot_has_an_accessible_name(open_window):
    win = open_window()
    for view in registry.DOCKS:
        widget = getattr(win, view.attr)
        assert widget.accessibleName() == message(view.title)
        for plot in widget.findChildren(pg.PlotWidget):
            assert plot.accessibleName() == f"{message(view.title)} plot"


def test_the_canvas_says_what_network_it_shows_and_follows_edits(open_window):
    win = open_window()
    canvas = win.canvas
    assert canvas.accessibleName() == "Network 2-2-1"
    said = canvas.accessibleDescription()
    assert said.startswith("inputs x₁, x₂; hidden h₁, h₂ (sigmoid); output ŷ (sigmoid)")
    win.doc.add_neuron(1)
    assert canvas.accessibleName() == "Network 2-3-1" and "h₃" in canvas.accessibleDescription()


def test_tab_goes_through_the_training_settings_in_reading_order(open_window, qtbot):
    win = open_window()
    t = win.training
    order = [t.lr, t.batch, t.loss, t.reduction, t.optimizer, t.l1, t.l2, t.speed, t.max_epochs,
             t.threshold]
    t.lr.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is t.lr)
    seen = [t.lr]
    for _ in order[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == order
