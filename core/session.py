"""A training session: the trainer and what the views show of its past.

    trainer          the Trainer (weights, epoch, step, loss history E(w_k))
    test_history     E on the test data, taken after each training call  (epoch, E)
    weight_history   the parameter vector at the same times              (epoch, params)
    resume_history   the trainer's other state then (optimiser, position in the epoch,
                     step count, shuffle generator): ``Trainer.resume_state``
    past             checkpoints before each of the last PAST_STEPS training calls

The timeline previews an old weight snapshot (``preview``), goes back to the
present (``end_preview``) or makes the snapshot the present (``replay_from``,
which goes on exactly as training went from there: momentum's and Adam's running
averages, the epoch's order and the shuffle generator as they were);
``step_back`` undoes the last training call. Weight snapshots keep at most
about WEIGHT_VALUES numbers (fewer snapshots for large nets), so a long run
stays within a few megabytes.
"""

from __future__ import annotations

import dataclasses
from collections import deque

import numpy as np

from core import worker
from core.network import Network
from core.text import QT_TRANSLATE_NOOP
from core.training import Diverged, RunResult, Snapshots, StepResult, Trainer

Array = np.ndarray
PAST_STEPS = 500  # training calls the user can step back through
WEIGHT_VALUES = 1_000_000  # numbers kept in the weight snapshots (8 MB)
MIN_SNAPSHOTS = 50  # an old undo step keeps at least these when it sheds memory


class Session:
    """One run of training ``net`` on (X, Y) with ``settings`` (loss, reduction, lr, batch,
    shuffle, optimizer) from ``seed``; (X_test, Y_test) is measured along the way."""

    def __init__(self, net: Network, X, Y, settings: dict, seed: int = 0,
                 X_test=None, Y_test=None) -> None:
        self.trainer = Trainer.from_settings(net, X, Y, settings, seed)
        self.X_test, self.Y_test = X_test, Y_test
        self.test_history = Snapshots()
        capacity = int(np.clip(WEIGHT_VALUES // max(net.params.size, 1), 50, 2000))
        self.weight_history = Snapshots(capacity=capacity)
        # offered with each weight snapshot, so kept and thinned alike; looked up by epoch
        # (None for a snapshot read from a file without one)
        self.resume_history = Snapshots(capacity=capacity)
        self.past: deque = deque(maxlen=PAST_STEPS)
        self.live: Array | None = None  # the present weights while the timeline previews
        self.preview_epoch = -1

    @property
    def net(self) -> Network:
        return self.trainer.net

    # --- recording --------------------------------------------------------------------
    def snapshot(self) -> None:
        """Record the test loss and the parameters at the trainer's current epoch."""
        t = self.trainer
        self.weight_history.record(t.epoch, self.net.params.copy())
        self.resume_history.record(t.epoch, t.resume_state())
        if self.X_test is not None:
            self.test_history.record(t.epoch, t.loss(self.X_test, self.Y_test))

    def remember(self) -> None:
        """A checkpoint before a training call, for ``step_back``."""
        self.past.append((self.trainer.checkpoint(), len(self.test_history),
                          len(self.weight_history), len(self.resume_history)))

    def forget_last(self) -> None:
        """Drop the checkpoint of a training call that changed nothing."""
        self.past.pop()

    def step_back(self) -> dict | None:
        """Undo the last training call: weights, counters and histories go back. Returns its
        checkpoint, or None when none is kept."""
        if not self.past:
            return None
        c, n_test, n_weights, n_resume = self.past.pop()
        self.trainer.restore(c)
        self.test_history.truncate(n_test)
        self.weight_history.truncate(n_weights)
        self.resume_history.truncate(n_resume)
        return c

    # --- training ---------------------------------------------------------------------
    def step(self, kind: str) -> StepResult:
        """One 'sample', 'batch' or 'epoch' step, remembered for ``step_back`` and
        snapshotted; Diverged (nothing changed) when it would leave non-finite weights."""
        fn = {"sample": self.trainer.step_sample, "batch": self.trainer.step_batch,
              "epoch": self.trainer.step_epoch}[kind]
        self.end_preview()
        self.remember()
        try:
            r = fn()
        except Diverged:
            self.forget_last()
            raise
        self.snapshot()
        return r

    def train_for(self, seconds: float, max_epochs: int | None, settings: dict,
                  go_on: bool = False) -> tuple[RunResult | None, str | None, str]:
        """Whole epochs for about ``seconds`` (at most ``max_epochs``), within the stop rules
        of ``settings`` (max_epochs, loss_threshold). Returns the run (None: nothing was
        left to do), the stop reason of a rule that stopped training (or None), and what
        to tell the user ('' for nothing). ``go_on``: a further slice of the last training
        call (one Step back undoes them all), not a call of its own."""
        self.end_preview()
        left, limit = self._limit(max_epochs, settings)
        if not left:
            return None, "max_epochs", ""
        go_on = go_on and bool(self.past)
        if not go_on:
            self.remember()
        r = self.trainer.run(max_epochs=limit, loss_threshold=settings["loss_threshold"],
                             seconds=seconds)
        return self._ran(r, settings, forget=not go_on)

    def job(self, settings: dict) -> dict | None:
        """The job that continues this training in another process (``core.worker``)
        under the stop rules of ``settings``, at its speed; None when the rules leave
        nothing to do."""
        self.end_preview()
        left, limit = self._limit(None, settings)
        return worker.job(self.trainer, limit, settings["loss_threshold"],
                          settings.get("speed")) if left else None

    def adopt(self, reports: list[dict], settings: dict
              ) -> tuple[RunResult | None, str | None, str]:
        """Take over what another process trained (its reports, oldest first) as one
        training call: like ``train_for``, remembered for ``step_back`` and snapshotted."""
        if not reports:
            return None, None, ""
        self.end_preview()
        self.remember()
        epochs = steps = 0
        for report in reports:
            r = worker.adopt(self.trainer, report)
            epochs, steps = epochs + r.epochs, steps + r.steps
        r.epochs, r.steps = epochs, steps
        return self._ran(r, settings)

    def _limit(self, max_epochs: int | None, settings: dict) -> tuple[bool, int | None]:
        """(anything left to train, the epoch limit) under ``settings``' max_epochs."""
        t, total = self.trainer, settings["max_epochs"]
        if total is None:
            return True, max_epochs
        if total - t.epoch <= 0:
            return False, 0
        return True, total - t.epoch if max_epochs is None else min(max_epochs, total - t.epoch)

    def _ran(self, r: RunResult, settings: dict, forget: bool = True
             ) -> tuple[RunResult, str | None, str]:
        """Snapshot after a training call (or, if ``forget``, forget its checkpoint if it
        did nothing); the stop reason and what to tell the user."""
        t = self.trainer
        if r.epochs:
            self.snapshot()
        elif forget:
            self.forget_last()
        if r.reason == "diverged":
            return r, r.reason, (r.error.args[0] if r.error.args else str(r.error))
        if r.reason == "threshold":
            return r, r.reason, QT_TRANSLATE_NOOP(
                "session", "Stopped: the loss reached {0:g} at epoch {1}").format(
                    settings["loss_threshold"], t.epoch)
        total = settings["max_epochs"]
        if r.reason == "max_epochs" and total is not None and t.epoch >= total:
            return r, r.reason, QT_TRANSLATE_NOOP(
                "session", "Stopped after {0} epochs (the maximum set)").format(t.epoch)
        return r, None, ""

    def train_epochs(self, epochs: int, threshold: float | None, snapshots: int = 100
                     ) -> RunResult:
        """``epochs`` epochs at once, snapshotting ``snapshots`` times along the way; the
        last run's result (its reason says why it stopped)."""
        self.end_preview()
        done, chunk = 0, max(1, epochs // snapshots)
        r = RunResult(0, 0, "max_epochs", float("nan"))
        while done < epochs:
            r = self.trainer.run(max_epochs=min(chunk, epochs - done), loss_threshold=threshold)
            done += r.epochs
            self.snapshot()
            if r.reason != "max_epochs":
                break
        return r

    # --- the timeline -----------------------------------------------------------------
    def preview(self, k: int) -> int:
        """Show the weights of snapshot k (the present is kept aside); its epoch, or -1."""
        h = self.weight_history
        if not 0 <= k < len(h):
            return -1
        if self.live is None:
            self.live = self.net.params.copy()
        self.net.params[...] = h.values[k]
        self.preview_epoch = h.epochs[k]
        return self.preview_epoch

    def end_preview(self) -> bool:
        """Back to the present; False when nothing was previewed."""
        if self.live is None:
            return False
        self.net.params[...] = self.live
        self.live, self.preview_epoch = None, -1
        return True

    def replay_from(self, k: int) -> tuple[int, bool]:
        """Make snapshot k the present and train on from it (``Trainer.rewind``): exactly
        as training went on from there where its resume state is kept, else with the
        optimiser's averages from zero and the epoch afresh. The snapshots after it and
        the step-back checkpoints are dropped. (Its epoch or -1, whether exact.)"""
        h = self.weight_history
        if not 0 <= k < len(h):
            return -1, False
        epoch, params = h.epochs[k], h.values[k].copy()
        r = self.resume_history
        state = next((r.values[j] for j in range(len(r) - 1, -1, -1) if r.epochs[j] == epoch), None)
        self.live, self.preview_epoch = None, -1
        exact = self.trainer.rewind(epoch, params, state)
        for history in (self.weight_history, self.resume_history, self.test_history):
            history.keep_until(epoch)
        self.past.clear()
        return epoch, exact

    def follow(self, other: Session) -> None:
        """Take ``other``'s past as this (new) session's own: its loss history, its
        snapshots and the trainer's counters, so that ``replay_from`` can branch off it
        while ``other`` stays as it was (the two share the snapshot arrays, which
        nothing changes in place)."""
        t, o = self.trainer, other.trainer
        t.history = dataclasses.replace(o.history, epochs=list(o.history.epochs),
                                        losses=list(o.history.losses))
        for name in ("test_history", "weight_history", "resume_history"):
            h = getattr(other, name)
            setattr(self, name, dataclasses.replace(h, epochs=list(h.epochs), values=list(h.values)))
        t.net.params[...] = o.net.params
        t.restore({**o.resume_state(), "params": o.net.params, "history": len(t.history)})

    # --- saving -----------------------------------------------------------------------
    def restore_snapshots(self, snapshots: dict | None) -> None:
        """Put saved snapshots back, e.g. after reopening: ``{"test": ..., "weights": ...}``
        as ``core.project`` checks them, each weight snapshot with its resume state (or
        None: Replay from it starts the optimiser afresh)."""
        if not snapshots:
            return
        test, weights = snapshots.get("test"), snapshots.get("weights")
        if test:
            self.test_history.epochs = list(test["epochs"])
            self.test_history.values = [float(v) for v in test["values"]]
        if weights and len(weights["epochs"]):
            values = np.asarray(weights["values"], dtype=np.float64)
            self.weight_history.epochs = list(weights["epochs"])
            self.weight_history.values = [row.copy() for row in values]
            resume = weights.get("resume") or [None] * len(values)  # (older files: none)
            self.resume_history.epochs = list(weights["epochs"])
            self.resume_history.values = list(resume)

    # --- memory, while waiting on the undo stack -----------------------------------
    def held_bytes(self) -> int:
        """About how many bytes this session's past holds in arrays: its weight snapshots,
        their resume states and the step-back checkpoints (each list's newest entry
        times its length: they are all alike; a Replay's branch shares its snapshots with the
        run it came from, counted in both)."""
        def size(x) -> int:
            if isinstance(x, np.ndarray):
                return x.nbytes
            if isinstance(x, dict):
                return sum(size(v) for v in x.values())
            if isinstance(x, list | tuple):
                return sum(size(v) for v in x)
            return 0
        total = 0
        for items in (self.weight_history.values, self.resume_history.values, self.past):
            if items:
                total += len(items) * size(items[-1])
        return total

    def shed(self) -> bool:
        """Hold less (an old undo step on a large net): the step-back checkpoints first,
        then every other snapshot, weights and resume states alike (the newest kept, so
        Replay from those left is still exact). False when nothing more can go (at most
        MIN_SNAPSHOTS snapshots left)."""
        if self.past:
            self.past.clear()
            return True
        if len(self.weight_history) <= MIN_SNAPSHOTS:
            return False
        for h in (self.weight_history, self.resume_history, self.test_history):
            h.halve()
        return True

    def release(self) -> None:
        """Free the trainer's buffers while this session waits on the undo stack."""
        self.end_preview()
        self.trainer.release()
