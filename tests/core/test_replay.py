"""Replay from a timeline snapshot goes on exactly as training went from there: the same
weights, loss history and step count at every later epoch, whatever the optimiser (its
running averages), the batch and the shuffling (the epoch's order, the generator). A
branch leaves the run it came from as it was; a snapshot read from a file, which holds
only weights, replays with the averages from zero and says it is not exact."""

import numpy as np
import pytest

from core import Network, initialise
from core.session import Session
from tests.core.lessons import XOR_X, XOR_Y

SETTINGS = {"loss": "bce", "reduction": "mean", "lr": 0.3, "shuffle": False,
            "max_epochs": None, "loss_threshold": None}


def session(optimizer: str, batch, shuffle: bool) -> Session:
    net = initialise(Network([2, 3, 1], ["tanh", "sigmoid"]), "xavier", seed=4)
    rng = np.random.default_rng(0)
    X = np.vstack([XOR_X + 0.1 * rng.standard_normal(XOR_X.shape) for _ in range(5)])
    Y = np.vstack([XOR_Y] * 5)
    s = Session(net, X, Y, {**SETTINGS, "optimizer": optimizer, "batch": batch,
                            "shuffle": shuffle}, seed=7)
    s.snapshot()
    return s


CASES = [(opt, batch, shuffle) for opt in ("sgd", "momentum", "adam")
         for batch, shuffle in (("full", False), (3, True), ("sample", True), (6, False))]


@pytest.mark.parametrize("optimizer,batch,shuffle", CASES)
def test_replaying_a_snapshot_retraces_the_run_exactly(optimizer, batch, shuffle):
    s = session(optimizer, batch, shuffle)
    s.train_epochs(30, None, snapshots=3)  # snapshots at epochs 10, 20, 30
    k = s.weight_history.epochs.index(10)
    after, history = s.net.params.copy(), list(s.trainer.history.losses)
    steps = s.trainer.steps
    epoch, exact = s.replay_from(k)
    assert (epoch, exact) == (10, True)
    assert s.weight_history.epochs[-1] == 10 and s.trainer.history.epochs[-1] == 9
    s.train_epochs(20, None, snapshots=2)
    assert np.array_equal(s.net.params, after)  # bit for bit
    assert s.trainer.history.losses == history and s.trainer.steps == steps


@pytest.mark.parametrize("optimizer", ["momentum", "adam"])
def test_a_replay_within_an_epoch_goes_on_from_that_sample(optimizer):
    s = session(optimizer, "sample", True)
    s.train_epochs(2, None, snapshots=1)
    for _ in range(5):  # five single-sample steps into epoch 2 (one snapshot: the last)
        s.step("sample")
    s.train_epochs(3, None, snapshots=3)  # the rest of epoch 2, then 3 and 4
    after, history = s.net.params.copy(), list(s.trainer.history.losses)
    k = s.weight_history.epochs.index(2)
    assert s.replay_from(k) == (2, True)
    assert s.trainer.position == 5 and s.trainer.history.epochs[-1] == 2
    s.train_epochs(3, None)
    assert np.array_equal(s.net.params, after) and s.trainer.history.losses == history


def test_a_branch_leaves_the_run_it_came_from_untouched():
    s = session("adam", 3, True)
    s.train_epochs(30, None, snapshots=3)
    params, epochs = s.net.params.copy(), list(s.weight_history.epochs)
    b = session("adam", 3, True)
    b.follow(s)
    assert np.array_equal(b.net.params, params) and b.trainer.epoch == s.trainer.epoch
    b.replay_from(1)
    b.train_epochs(5, None)
    assert np.array_equal(s.net.params, params) and s.weight_history.epochs == epochs
    assert s.trainer.epoch == 30 and b.trainer.epoch == 15
    s.train_epochs(1, None)  # the original trains on from its own present
    assert s.trainer.epoch == 31


def test_snapshots_read_from_a_file_replay_with_fresh_averages():
    s = session("momentum", "full", False)
    s.train_epochs(30, None, snapshots=3)
    saved = {"weights": {"epochs": list(s.weight_history.epochs),
                         "values": np.array(s.weight_history.values).tolist()}}
    t = session("momentum", "full", False)
    t.restore_snapshots(saved)  # as reopening a project: weights only
    epoch, exact = t.replay_from(1)
    assert (epoch, exact) == (10, False)
    assert not t.trainer.opt.v.any()  # momentum starts from rest
    np.testing.assert_array_equal(t.net.params, s.weight_history.values[1])
