import numpy as np
import pytest
from PySide6.QtCore import QThreadPool

from core.project import load
from gui.document import Document
from gui.files import lesson_path
from gui.main_window import MainWindow


@pytest.fixture
def open_window(qtbot):
    """open_window(lesson) -> a shown MainWindow; no timer or thread left running after."""
    windows = []

    def make(lesson: str = "xor") -> MainWindow:
        win = MainWindow(Document(load(lesson_path(lesson))))
        win._ask_unsaved = lambda: "discard"  # no modal question when the test closes it
        win._ask_restore = lambda when: False
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        win.activateWindow()  # keyboard shortcuts need the active window
        qtbot.waitUntil(win.isActiveWindow, timeout=2000)
        windows.append(win)
        return win

    yield make
    for win in windows:
        win.controller.pause()
        assert not win.controller.timer.isActive()
    assert QThreadPool.globalInstance().activeThreadCount() == 0


def finite(net) -> bool:
    return bool(np.isfinite(net.params).all())
