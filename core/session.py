"""A training session: the trainer and what the views show of its past.

    trainer          the Trainer (weights, epoch, step, loss history E(w_k))
    test_history     E on the test data, taken after each training call  (epoch, E)
    weight_history   the parameter vector at the same times              (epoch, params)
    past             checkpoints before each of the last PAST_STEPS training calls

The timeline previews an old weight snapshot (``preview``), goes back to the
present (``end_preview``) or makes the snapshot the present (``replay_from``);
``step_back`` undoes the last training call. Weight snapshots keep at most
about WEIGHT_VALUES numbers (fewer snapshots for large nets), so a long run
stays within a few megabytes.
"""

from __future__ import annotations

from collections import deque

import numpy as np

from core.network import Network
from core.training import Snapshots, Trainer

Array = np.ndarray
PAST_STEPS = 500  # training calls the user can step back through
WEIGHT_VALUES = 1_000_000  # numbers kept in the weight snapshots (8 MB)


class Session:
    """One run of training ``net`` on (X, Y) with ``settings`` (loss, reduction, lr, batch,
    shuffle, optimizer) from ``seed``; (X_test, Y_test) is measured along the way."""

    def __init__(self, net: Network, X, Y, settings: dict, seed: int = 0,
                 X_test=None, Y_test=None) -> None:
        s = settings
        self.trainer = Trainer(net, X, Y, loss=s["loss"], reduction=s["reduction"], lr=s["lr"],
                               batch=s["batch"], shuffle=s["shuffle"], seed=seed,
                               optimizer=s["optimizer"])
        self.X_test, self.Y_test = X_test, Y_test
        self.test_history = Snapshots()
        capacity = int(np.clip(WEIGHT_VALUES // max(net.params.size, 1), 50, 2000))
        self.weight_history = Snapshots(capacity=capacity)
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
        if self.X_test is not None:
            self.test_history.record(t.epoch, t.loss(self.X_test, self.Y_test))

    def remember(self) -> None:
        """A checkpoint before a training call, for ``step_back``."""
        self.past.append((self.trainer.checkpoint(), len(self.test_history),
                          len(self.weight_history)))

    def forget_last(self) -> None:
        """Drop the checkpoint of a training call that changed nothing."""
        self.past.pop()

    def step_back(self) -> dict | None:
        """Undo the last training call: weights, counters and histories go back. Returns its
        checkpoint, or None when none is kept."""
        if not self.past:
            return None
        c, n_test, n_weights = self.past.pop()
        self.trainer.restore(c)
        self.test_history.truncate(n_test)
        self.weight_history.truncate(n_weights)
        return c

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

    def replay_from(self, k: int) -> int:
        """Make snapshot k the present and train on from it (``Trainer.rewind``); the
        snapshots after it and the step-back checkpoints are dropped. Its epoch, or -1."""
        h = self.weight_history
        if not 0 <= k < len(h):
            return -1
        epoch, params = h.epochs[k], h.values[k].copy()
        self.live, self.preview_epoch = None, -1
        self.trainer.rewind(epoch, params)
        self.weight_history.keep_until(epoch)
        self.test_history.keep_until(epoch)
        self.past.clear()
        return epoch

    # --- saving -----------------------------------------------------------------------
    def restore_snapshots(self, snapshots: dict | None) -> None:
        """Put saved snapshots ({"test": ..., "weights": ...}) back, e.g. after reopening."""
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

    def release(self) -> None:
        """Free the trainer's buffers while this session waits on the undo stack."""
        self.end_preview()
        self.trainer.release()
