"""Live at any size: a structural edit on TensorFlow Playground's largest net (six hidden
layers of 8) makes items for what changed, not for the whole network; views keep the rest."""

from collections import Counter

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QDockWidget, QGraphicsView

from bench.gui import project_for
from tests.gui.conftest import track, window_on


@pytest.fixture
def big_window(qtbot):
    win = window_on(qtbot, project_for([2, 8, 8, 8, 8, 8, 8, 1], "tanh", "spiral", 500), all_views=True)
    yield win
    win.controller.pause()


def graphics_items(win) -> dict:
    """Every graphics item in every scene of the window (canvas and plots), by identity."""
    out = {}
    for view in win.findChildren(QGraphicsView):
        if view.scene() is not None:
            for item in view.scene().items():
                out[id(item)] = item
    return out


def test_a_structural_edit_on_a_6x8_net_makes_a_bounded_number_of_items(big_window, qtbot):
    win = big_window
    qtbot.wait(200)  # every view drawn once
    before = graphics_items(win)
    # the whole picture: ~490 items (~2,000 with an item an edge; ~780 before the hidden
    # gallery waited to be shown to make its plots)
    assert len(before) > 400
    win.doc.add_neuron(3)
    assert win.doc.net.sizes == [2, 8, 8, 9, 8, 8, 8, 1]
    qtbot.wait(200)
    after = graphics_items(win)
    made = Counter(type(item).__name__ for key, item in after.items() if key not in before)
    # the new neuron (with its text children), the layer titles and the neuron map's name:
    # ~13. Its 16 edges are lines of the one edge item; its labels are made when shown
    # (a dense layer shows none until asked). The first version rebuilt ~2,000 items.
    assert sum(made.values()) <= 30, made
    assert made["NeuronItem"] == 1 and made["ParamLabel"] == 0
    assert len(win.canvas.edge_item.lines) == len(win.canvas.edges) == 2 * 8 + 2 * 8 * 9 + 3 * 8 * 8 + 8
    win.doc.undo_stack.undo()
    qtbot.wait(200)
    again = graphics_items(win)
    assert sum(1 for key in again if key not in after) <= 20  # undo removes; it makes titles
    assert len(win.canvas.edges) == 2 * 8 + 5 * 8 * 8 + 8  # back to 344 edges


def test_playing_a_big_net_trains_elsewhere_and_draws_plainly_until_paused(big_window, qtbot):
    from PySide6.QtGui import QPainter

    win = big_window
    canvas = win.canvas
    # smooth while still (once the plain spell after the window's first build is over:
    # a window built faster than SMOOTH_MS was checked inside it)
    qtbot.waitUntil(lambda: bool(canvas.renderHints() & QPainter.Antialiasing), timeout=3000)
    win.doc.set_setting("speed", None)
    win.controller.play()
    qtbot.waitUntil(lambda: win.controller.in_background and win.doc.epoch > 100,
                    timeout=10_000)
    assert not canvas.renderHints() & QPainter.Antialiasing  # 344 edges: plain while playing
    frames = win.decision.frames
    qtbot.waitUntil(lambda: win.decision.frames > frames + 3)  # the map follows
    win.controller.pause()
    assert canvas.renderHints() & QPainter.Antialiasing
    assert win.controller.remote.process is not None  # kept for the next Play
    win.close()
    assert win.controller.remote.process is None  # closing the window ends it


class PaintCounter(QObject):
    """Counts the paints of each graphics view's viewport."""

    def __init__(self, views) -> None:
        super().__init__()
        self.names = {view.viewport(): view for view in views}
        self.paints = Counter()
        for viewport in self.names:
            viewport.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Paint:
            self.paints[obj] += 1
        return False

    def remove(self) -> None:
        for viewport in self.names:
            viewport.removeEventFilter(self)


def dock_title(widget) -> str:
    while widget is not None and not isinstance(widget, QDockWidget):
        widget = widget.parentWidget()
    return widget.windowTitle() if widget is not None else "canvas"


def test_undo_straight_after_an_edit_redraws_the_views_at_once(big_window, qtbot):
    """Add a neuron, then Undo before the views' pace has passed (a double click, or the
    benchmark's loop): each view that follows at a frame's pace redraws as the undo
    finishes, so the window never paints the 9-wide network's pictures under an 8-wide
    canvas. The loss landscape, costly, waits for its refine timer."""
    from gui.plots.explore import LandscapePlot
    from gui.plots.views import Throttled

    win = big_window
    qtbot.wait(700)
    views = [v for v in win.findChildren(Throttled) if v.on_screen()]
    for v in views:  # a busy machine: a view that took over 20 ms would slow its pace past
        v.throttle.budget = 1.0  # a frame's (cost / budget): as fast as a quiet machine
    fast = [v for v in views if v.throttle.interval <= 0.1]
    assert len(fast) >= 5  # decision map, loss, weights, hidden views, neuron maps
    land = win.findChild(LandscapePlot)
    maps = list(win.thumbnails.cell_names)
    win.doc.add_neuron(1)
    calls = {v: v.throttle.calls for v in views}
    land_drawn = land.land
    win.doc.undo_stack.undo()  # at once: no event loop between
    late = [type(v).__name__ for v in fast if v.throttle.calls == calls[v]]
    assert not late, late
    assert land.land is land_drawn and land.refine.isActive()  # not yet: after REFINE_MS
    qtbot.waitUntil(lambda: land.land is not land_drawn, timeout=3000)
    assert win.thumbnails.cell_names == maps  # the neuron maps are the 8-wide net's again


def test_a_structural_edit_paints_each_view_once(big_window, qtbot):
    """pyqtgraph moves a view box's items to a new range lazily, inside the paint; the
    scene then asks for a second paint of the same view. The views settle their items when
    they redraw, so an edit paints each view once (it painted the loss and the neuron
    maps twice). Later paints are paced on purpose (smooth edges SMOOTH_MS after the
    edit, the loss landscape's costly redraw, the health marks at 2 a second)."""
    win = big_window
    qtbot.wait(300)
    views = [v for v in win.findChildren(QGraphicsView) if v.isVisible()]
    assert len(views) >= 8  # the canvas and every plot (the neuron maps' enlarged map hides
    # in a dock too short for it beside 48 maps)
    counter = PaintCounter(views)
    try:
        for edit in (lambda: win.doc.add_neuron(1), win.doc.undo_stack.undo):
            qtbot.wait(700)  # longer than any view's pace and the canvas's smoothing
            counter.paints.clear()
            edit()
            for _ in range(3):  # the edit's own pass of the event loop (what a user waits
                QApplication.processEvents()  # for; later, paced redraws come as their own)
            painted = [v for v in views if counter.paints[v.viewport()]]
            assert len(painted) >= 6  # the edit shows: most views painted
            twice = {dock_title(v): counter.paints[v.viewport()]
                     for v in views if counter.paints[v.viewport()] > 1}
            assert not twice, twice
    finally:
        counter.remove()


def test_the_canvas_scroll_bar_is_drawn_once_an_edit_and_looks_the_same(qtbot):
    """Fusion draws a vertical scroll bar slowly (~1.3 ms), and an edit on a net the canvas
    scrolls repainted it twice unchanged: the second paint is a copy of the first picture,
    pixel for pixel what the plain style draws."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QScrollBar

    # (a big net shows whole, as an overview: a net of 54 edges keeps its text and scrolls)
    win = window_on(qtbot, project_for([2, 6, 6, 1], "tanh", "spiral", 500),
                    all_views=True, size=(1000, 700))
    canvas = win.canvas
    assert canvas.detail
    bar, style = canvas.verticalScrollBar(), canvas.bar_style
    qtbot.waitUntil(lambda: bar.isVisible() and bar.maximum() > bar.minimum())  # it scrolls
    paints = Counter()

    class Count(QObject):
        def eventFilter(self, obj, e):
            if obj is bar and e.type() == QEvent.Paint:
                paints["bar"] += 1
            return False

    counter = Count()
    bar.installEventFilter(counter)
    for edit in (lambda: win.doc.add_neuron(1), win.doc.undo_stack.undo):
        drawn, painted = style.drawn, paints["bar"]
        edit()
        QApplication.processEvents()
        assert paints["bar"] - painted >= 1  # the bar was repainted (its range changed) ...
        assert style.drawn - drawn <= 1  # ... and drawn by the style at most once
    bar.removeEventFilter(counter)
    plain = QScrollBar(Qt.Vertical)  # the application's own style
    track(qtbot, plain)
    plain.setRange(bar.minimum(), bar.maximum())
    plain.setPageStep(bar.pageStep())
    plain.setValue(bar.value())
    plain.resize(bar.size())
    plain.show()
    qtbot.waitExposed(plain)
    same = QImage.Format.Format_ARGB32
    assert plain.grab().toImage().convertToFormat(same) == bar.grab().toImage().convertToFormat(same)
