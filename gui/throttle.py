"""Rate limiting for views that follow a stream of model changes."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

FLUSH_PACE = 0.1  # s: a call waiting for a pace this short runs at the end of a burst


class Throttle(QObject):
    """``request()`` calls ``fn`` at once, or, if it ran less than ``interval`` s ago, once
    more when that time is up: never a lost last call. While ``defer()`` is true (the
    document is emitting a burst of signals: a structural edit emits six) a request waits
    for ``flush()`` (called when the burst is over) or the event loop, so one burst makes
    one call, not one for each signal, and it happens before the window paints (waiting
    for the loop painted every view twice: once stale, once redrawn).

    The interval is 1/max_fps, or longer for a costly ``fn``: a call that took d seconds
    waits d/budget before the next, so one view spends at most ``budget`` of the time
    however large the network grows (a 32-wide layer's loss landscape does not starve
    training and the other views).

    Background work (``background=True``) is never done inside ``request()``, whose caller
    may be a view redrawing for an edit, but from the event loop; ``hold()`` keeps it out
    of an edit's turn of the loop altogether."""

    def __init__(self, fn: Callable[[], None], max_fps: float, parent: QObject,
                 budget: float = 0.2, defer: Callable[[], bool] = lambda: False,
                 background: bool = False) -> None:
        super().__init__(parent)
        self.fn, self.max_fps, self.budget, self.defer = fn, max_fps, budget, defer
        self.background = background  # never called from request(): always from the loop
        self.calls = 0
        self.cost = 0.0  # seconds the last call took
        self._last = 0.0
        self._deferred = False  # the pending call waits for the end of a burst
        self._held_until = 0.0  # no call before this time (perf_counter seconds): hold()
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setTimerType(Qt.PreciseTimer)  # a coarse timer may wake 5 % late
        self._pending.timeout.connect(self.now)

    @property
    def pending(self) -> bool:
        """A call is waiting (for its pace, or for the end of a burst)."""
        return self._pending.isActive()

    @property
    def interval(self) -> float:
        return max(1.0 / self.max_fps, self.cost / self.budget)

    def request(self) -> None:
        if self._pending.isActive():
            return
        now = time.perf_counter()
        wait = max(self.interval - (now - self._last), self._held_until - now)
        if wait > 0.001 or self.background:  # (a millisecond early is on time)
            self._pending.start(max(0, math.ceil(wait * 1000)))
        elif self.defer():
            self._deferred = True
            self._pending.start(0)
        else:
            self.now()

    def hold(self, seconds: float) -> None:
        """No call for ``seconds`` from now: a call waiting for its pace waits until then,
        and so does one requested meanwhile. For background work (the health history's
        slices): an edit's turn of the event loop is the user's, and a slice that fell due
        in it held up the edit's paint by its whole length."""
        self._held_until = time.perf_counter() + seconds
        if self._pending.isActive() and not self._deferred:
            self._pending.start(math.ceil(seconds * 1000))

    def flush(self) -> None:
        """The burst is over: a call that waited for it runs now, and so does one waiting
        for its pace when that pace is a frame's (an interval of at most FLUSH_PACE: an
        edit soon after another, as Add a neuron then Undo, painted such a view twice, stale
        and then redrawn). A slow or costly view (the landscape, the health view) keeps
        waiting: it does not hold up an edit."""
        if self._pending.isActive() and (self._deferred or self.interval <= FLUSH_PACE):
            self._pending.stop()
            self.now()

    def now(self) -> None:
        self._deferred = False
        start = time.perf_counter()
        # paced: a call that runs a little late (the loop was busy drawing another view)
        # counts from when it was due, so lateness does not add up and 60 frames a second
        # stay 60, not 54; one very late (over half an interval) starts afresh
        due = self._last + self.interval
        self._last = due if due <= start <= due + 0.5 * self.interval else start
        self.calls += 1
        self.fn()
        self.cost = time.perf_counter() - start
