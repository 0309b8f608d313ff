"""Rate limiting for views that follow a stream of model changes."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class Throttle(QObject):
    """``request()`` calls ``fn`` when the event loop next runs, or, if it ran less than
    ``interval`` s ago, once more when that time is up: never a lost last call, and the
    requests of one burst of signals (a structural edit emits several) make one call, not
    one each. The interval is 1/max_fps, or longer
    for a costly ``fn``: a call that took d seconds waits d/budget before the next, so one
    view spends at most ``budget`` of the time however large the network grows (a 32-wide
    layer's loss landscape does not starve training and the other views)."""

    def __init__(self, fn: Callable[[], None], max_fps: float, parent: QObject,
                 budget: float = 0.2) -> None:
        super().__init__(parent)
        self.fn, self.max_fps, self.budget = fn, max_fps, budget
        self.calls = 0
        self.cost = 0.0  # seconds the last call took
        self._last = 0.0
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.timeout.connect(self.now)

    @property
    def interval(self) -> float:
        return max(1.0 / self.max_fps, self.cost / self.budget)

    def request(self) -> None:
        if not self._pending.isActive():
            wait = self.interval - (time.perf_counter() - self._last)
            self._pending.start(max(0, int(wait * 1000) + 1) if wait > 0 else 0)

    def now(self) -> None:
        self._last = time.perf_counter()
        self.calls += 1
        self.fn()
        self.cost = time.perf_counter() - self._last
