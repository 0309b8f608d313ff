"""Play / Pause: training in time-budgeted slices on the GUI thread.

Each QTimer tick trains whole epochs for a slice of time, then the document
emits once and the views redraw. The slice is ``share`` of the time the event
loop spent elsewhere since the last one (drawing, mostly), at least ``budget``
(3 ms) and at most ``max_budget`` (25 ms, so input stays responsive): where
frames are slow to draw, training still gets about a quarter of the time
instead of 3 ms between frames. A speed below "as fast as it goes" limits
the epochs per second instead.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from core.text import QT_TRANSLATE_NOOP
from gui.document import Document

SPEEDS = {QT_TRANSLATE_NOOP("controller", "1 epoch/s"): 1,
          **{QT_TRANSLATE_NOOP("controller", "{0} epochs/s").format(n): n for n in (10, 100, 1000)},
          QT_TRANSLATE_NOOP("controller", "as fast as it goes"): None}


def speed_name(rate: float | None) -> str:
    """The speed menu's text for ``rate`` epochs per second (None: as fast as it goes)."""
    for name, value in SPEEDS.items():
        if value == rate:
            return name
    return QT_TRANSLATE_NOOP("controller", "{0} epochs/s").format(f"{rate:g}")


class Controller(QObject):
    running_changed = Signal(bool)

    def __init__(self, doc: Document, budget: float = 0.003, parent: QObject | None = None,
                 share: float = 1 / 4, max_budget: float = 0.025):
        super().__init__(parent)
        self.doc, self.budget = doc, budget
        self.share, self.max_budget = share, max_budget
        self._slice_end = 0.0
        self._redraw = 0.0  # seconds the last tick spent beyond its training slice
        self.rate: float | None = doc.settings.get("speed")  # epochs/s, None: unlimited
        self.timer = QTimer(self)
        self.timer.setInterval(15)
        self.timer.timeout.connect(self._tick)
        self._due = 0.0
        self._last = 0.0
        doc.stopped.connect(lambda reason: self.pause())
        doc.structure_changed.connect(self.pause)
        doc.settings_changed.connect(self._follow_speed)

    @property
    def running(self) -> bool:
        return self.timer.isActive()

    def _follow_speed(self) -> None:
        """The project's speed setting (a lesson opens at a speed a class can watch)."""
        rate = self.doc.settings.get("speed")
        if rate != self.rate:
            self.rate = rate
            self._last, self._due = time.perf_counter(), 0.0

    def play(self) -> None:
        if not self.running:
            self._last = self._slice_end = time.perf_counter()
            self._due = 1.0 if self.rate else 0.0
            self.timer.start()
            self.running_changed.emit(True)

    def pause(self) -> None:
        if self.running:
            self.timer.stop()
            self.running_changed.emit(False)

    def toggle(self) -> None:
        self.pause() if self.running else self.play()

    def _tick(self) -> None:
        now = time.perf_counter()
        if self.rate is None:
            # the views redraw inside train_for (its signals): that time is "elsewhere" too
            elsewhere = now - self._slice_end + self._redraw
            budget = min(max(self.budget, self.share * elsewhere), self.max_budget)
            self.doc.train_for(budget)
            self._slice_end = time.perf_counter()
            self._redraw = max(0.0, self._slice_end - now - budget)
            return
        self._due += (now - self._last) * self.rate
        self._last = now
        n = int(self._due)
        if n >= 1:
            self._due -= n
            self.doc.train_for(self.budget, max_epochs=n)
