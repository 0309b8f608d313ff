"""Rate limiting for views that follow a stream of model changes."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class Throttle(QObject):
    """``request()`` calls ``fn`` at once, or, if it ran less than 1/max_fps s ago, once
    more when that time is up: at most ``max_fps`` calls a second, and never a lost last one."""

    def __init__(self, fn: Callable[[], None], max_fps: float, parent: QObject) -> None:
        super().__init__(parent)
        self.fn, self.max_fps = fn, max_fps
        self.calls = 0
        self._last = 0.0
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.timeout.connect(self.now)

    def request(self) -> None:
        wait = 1.0 / self.max_fps - (time.perf_counter() - self._last)
        if wait <= 0:
            self.now()
        elif not self._pending.isActive():
            self._pending.start(int(wait * 1000) + 1)

    def now(self) -> None:
        self._last = time.perf_counter()
        self.calls += 1
        self.fn()
