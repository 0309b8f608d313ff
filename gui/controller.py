"""Play / Pause: training in another process, or in time-budgeted slices here.

Play trains in a second process (``core.worker``), as fast as it goes or at the
speed set (the process paces itself: a paced Play trained here until the
seventeenth session, and with 100,000 samples an epoch took ~37 ms of the
window's thread at each tick): each QTimer tick takes the reports that
arrived, the document adopts them as one training call and emits once, and
the views redraw while the other core trains on. Any change the user makes
meanwhile (a weight, a setting, undo, new data) restarts the job from the
document, so the change is never overwritten. Until the process is ready (it
takes ~0.15 s to start), or if it cannot run, training happens here as below.

Here, each tick trains whole epochs for a slice of time, then the document
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
from core.worker import Remote
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
                 share: float = 1 / 4, max_budget: float = 0.025, background: bool = True):
        super().__init__(parent)
        self.remote = Remote() if background else None
        self._changed = True  # the document changed other than by adopting reports
        self._adopting = False
        self._trainer = None  # the trainer the running job continues
        self.doc, self.budget = doc, budget
        self.share, self.max_budget = share, max_budget
        self._slice_end = 0.0
        self._redraw = 0.0  # seconds the last tick spent beyond its training slice
        self.rate: float | None = doc.settings.get("speed")  # epochs/s, None: unlimited
        self.waiting_for = ""  # why Play must wait (Predict training an answer), or ""
        self.timer = QTimer(self)
        self.timer.setInterval(15)
        self.timer.timeout.connect(self._tick)
        self._due = 0.0
        self._last = 0.0
        doc.stopped.connect(self._on_stopped)  # (a bound method: dropped with the controller)
        doc.structure_changed.connect(self.pause)
        doc.settings_changed.connect(self._follow_speed)
        for signal in (doc.weights_changed, doc.settings_changed, doc.loaded):
            signal.connect(self._on_changed)

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
        if self.waiting_for:  # another training of the document's is under way
            self.doc.refused.emit(self.waiting_for)
            return
        if not self.running and self.doc.allowed("play"):
            self._last = self._slice_end = time.perf_counter()
            self._due = 1.0 if self.rate else 0.0
            self.timer.start()
            self.running_changed.emit(True)

    def _on_stopped(self, reason: str) -> None:
        self.pause()

    def pause(self) -> None:
        if self.running:
            self.timer.stop()
            if self.remote is not None:
                self.remote.stop()  # what it trains meanwhile is never shown
            self.running_changed.emit(False)

    def close(self) -> None:
        """Pause and end the training process."""
        self.pause()
        if self.remote is not None:
            self.remote.close()

    def _on_changed(self) -> None:
        if not self._adopting:
            self._changed = True

    @property
    def in_background(self) -> bool:
        """True while another process trains."""
        return self.running and self.remote is not None and self.remote.running

    def toggle(self) -> None:
        self.pause() if self.running else self.play()

    def _tick(self) -> None:
        if self._tick_remote():
            return
        if self.remote is not None:
            self.remote.stop()
        self.timer.setInterval(15)
        now = time.perf_counter()
        if self.rate is None:
            # the views redraw inside train_for (its signals): that time is "elsewhere" too
            elsewhere = now - self._slice_end + self._redraw
            budget = min(max(self.budget, self.share * elsewhere), self.max_budget)
            self.doc.train_for(budget)
            self._slice_end = time.perf_counter()
            self._redraw = max(0.0, self._slice_end - now - budget)
            return
        self._owe(now)
        n = int(self._due)
        if n >= 1:
            self._due -= n
            self.doc.train_for(self.budget, max_epochs=n)

    def _owe(self, now: float, trained: int = 0) -> None:
        """A paced Play's account: epochs owed by ``now`` (``_due``), less ``trained``."""
        if self.rate:
            self._due += (now - self._last) * self.rate - trained
            self._last = now

    def _tick_remote(self) -> bool:
        """Adopt what the training process sent, (re)starting its job when needed;
        False when training must happen here this tick."""
        remote = self.remote
        if remote is None or remote.failed:
            return False
        remote.launch()
        reports = remote.receive()
        if remote.failed or not remote.ready:
            return False
        if self._changed or self.doc.trainer is not self._trainer:
            remote.stop()  # reports not yet adopted are dropped: the change wins
            reports = []
        self._changed, self._trainer = False, self.doc.trainer
        if reports:
            self._owe(time.perf_counter(), sum(r["epochs"] for r in reports))
            self._adopting = True
            try:
                self.doc.adopt(reports)  # a stop rule that ended the job pauses here
            finally:
                self._adopting = False
        if self.running and not remote.running:
            job = self.doc.training_job()
            if job is None:
                return False  # nothing left: training here says so and stops
            if self.rate:  # the pace goes on: the job's first epoch when the next is due
                self._owe(time.perf_counter())
                job["wait"] = max(0.0, (1.0 - self._due) / self.rate)
            remote.start(job)
            self.timer.setInterval(8)  # reports come every core.worker.SLICE seconds
        return True
