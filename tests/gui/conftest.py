import gc

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool, QTranslator

from gui import i18n
from gui.document import Document
from gui.main_window import MainWindow
from resources import load_lesson


@pytest.fixture(autouse=True, scope="session")
def frozen_heap():
    """What exists before the first test (modules, numpy, pyqtgraph, Qt's wrappers) is
    left out of the garbage collections after each test: they look at the tests' objects
    only (measured over tests/gui: 47 ms a collection on average, 92 ms over everything)."""
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def fresh_settings(qapp, tmp_path, monkeypatch):
    """Each test starts from no saved preferences and the application's own fonts: a window
    that closes saves its geometry and dock layout, and a window's scale sets the
    application's fonts (the random walk left them at 150 %: the next test's inspector was
    laid out at that size and its click on the freeze box missed the box), style sheet
    and palette (high contrast sets both)."""
    from gui import presentation

    monkeypatch.setenv("BACKPROP_STUDIO_HOME", str(tmp_path / "home"))
    classes = (*presentation.FONT_CLASSES, "QDockWidget")
    fonts = qapp.font(), [qapp.font(cls) for cls in classes]
    palette, sheet = qapp.palette(), qapp.styleSheet()
    yield
    qapp.setFont(fonts[0])
    for cls, font in zip(classes, fonts[1]):
        qapp.setFont(font, cls)
    if qapp.styleSheet() != sheet:  # (high contrast sets one)
        qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    # The test's windows go now, at a safe point: pytest-qt closed them and asked for their
    # deletion (deleteLater), which no event loop may run before the next test; the garbage
    # collector, run by any allocation, would then delete them with their Python wrappers
    # (they sit in reference cycles) from wherever it ran. Once that was inside a Qt
    # destructor holding one of Qt's pooled signal-slot mutexes (QGraphicsScene::
    # setItemIndexMethod deleting its index, PySide looking up a Python override): a QAction
    # of the old window hashed to the same mutex and the suite hung for good.
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    gc.collect()


@pytest.fixture(autouse=True)
def no_forgotten_dialog(qapp):
    """A modal dialog no test answers (a stand-in the app no longer calls: the handout tests
    stood in for QFileDialog's static functions after the app stopped calling them) would
    wait forever and hang the suite with no word. One left open for 30 s is closed, and the
    test fails naming it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    left, seen = [], {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            seen.clear()
            return
        seen[id(dialog)] = seen.get(id(dialog), 0) + 1
        if seen[id(dialog)] >= 30:
            left.append(f"{type(dialog).__name__} '{dialog.windowTitle()}'")
            dialog.reject()

    watch = QTimer()
    watch.setInterval(1000)
    watch.timeout.connect(look)
    watch.start()
    yield
    watch.stop()
    assert not left, f"a modal dialog no one answered was left open: {left}"


def track(qtbot, widget):
    """``qtbot.addWidget``, the widget held until qtbot closes it. pytest-qt holds only a weak
    reference: a shown widget whose test had returned lived on in reference cycles, and the
    garbage collector, run by an allocation inside that widget's own paint (pytest-qt
    processes events after the test), deleted it mid-paint: a segfault in QPainter::restore
    (AxisItem.paint found its item "already deleted"), which came and went with unrelated
    edits to the code."""
    qtbot.addWidget(widget, before_close_func=lambda w, held=widget: None)
    return widget


@pytest.fixture
def open_window(qtbot):
    """open_window(lesson) -> a shown MainWindow; no timer or thread left running after."""
    windows = []

    def make(lesson: str = "xor") -> MainWindow:
        win = MainWindow(Document(load_lesson(lesson)))
        win.files.ask_unsaved = lambda: "discard"  # no modal question when the test closes it
        win.files.ask_restore = lambda when, what: False
        track(qtbot, win)
        win.show()
        qtbot.waitExposed(win)
        win.activateWindow()  # keyboard shortcuts need the active window
        qtbot.waitUntil(win.isActiveWindow, timeout=2000)
        windows.append(win)
        return win

    yield make
    for win in windows:
        win.controller.close()
        assert not win.controller.timer.isActive()
        remote = win.controller.remote
        assert remote is None or remote.process is None  # the training process ended
        for compare in list(win.comparisons):  # comparison windows, their training processes
            compare.close()
            assert compare.remote.process is None and not compare.timer.isActive()
    assert QThreadPool.globalInstance().activeThreadCount() == 0


@pytest.fixture
def switching_window(qtbot):
    """switching_window(lesson) -> a shown MainWindow that View → Language may replace (not
    qtbot's: a switch deletes it). After the test the interface is English again and the
    window showing then (``app.main_window``, which a switch sets) is closed."""
    import shiboken6
    from PySide6.QtWidgets import QApplication

    from gui import i18n

    app = QApplication.instance()

    def make(lesson: str = "xor") -> MainWindow:
        win = MainWindow(Document(load_lesson(lesson)))
        win.files.ask_unsaved = lambda: "discard"  # (a test's stand-in: a new window keeps it)
        win.show()
        qtbot.waitExposed(win)
        app.main_window = win
        return win

    yield make
    i18n.remove_language(app)
    last = getattr(app, "main_window", None)
    if last is not None:
        if shiboken6.isValid(last):
            for compare in list(last.comparisons):
                compare.close()
            last.controller.close()
            last.close()
        del app.main_window


def finite(net) -> bool:
    return bool(np.isfinite(net.params).all())


def refusal_shown(win) -> str:
    """The refusal the user sees: the message bar's text, if the bar is visible and tall
    and wide enough for all of its (wrapped) text; '' otherwise."""
    bar = win.message_bar
    label = bar.text
    if not (bar.isVisible() and label.isVisible()):
        return ""
    if label.height() + 1 < label.heightForWidth(label.width()):
        return ""  # cut off at the bottom
    return label.text()


def note_shown(win) -> str:
    """The result the status bar shows, if visible and not elided."""
    note = win.note
    if not note.isVisible() or note.text() != note.full:
        return ""
    return note.text()


def choose(box, text: str) -> None:
    """Pick ``text`` in a combo box as a user would (the item, then activated)."""
    i = box.findText(text)
    assert i >= 0, f"{text!r} not in {[box.itemText(k) for k in range(box.count())]}"
    box.setCurrentIndex(i)
    box.activated.emit(i)


def fastest(win) -> None:
    """Set Play's speed to "as fast as it goes" in the training panel."""
    choose(win.training.speed, "as fast as it goes")


def window_on(qtbot, project, all_views: bool = False, size: tuple[int, int] | None = None):
    """A shown MainWindow on ``project`` (every view visible if ``all_views``), closing
    without asking."""
    win = MainWindow(Document(project))
    win.files.ask_unsaved = lambda: "discard"
    track(qtbot, win)
    if all_views:
        win.show_all_views()
    if size:
        win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def czech():
    """The Czech interface, for one test."""
    app = QCoreApplication.instance()
    assert i18n.install_language(app, "cs") == ("cs", None)
    assert i18n.language() == "cs"
    yield
    i18n.remove_language(app)
    assert i18n.language() == "en" and not app.findChildren(QTranslator, "backprop_studio")
