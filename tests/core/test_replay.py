"""Replay from a timeline snapshot goes on exactly as training went from there: the same
weights, loss history and step count at every later epoch, whatever the optimiser (its
running averages), the batch and the shuffling (the epoch's order, the generator). A
branch leaves the run it came from as it was. A project file keeps each snapshot's
resume state too, so a reopened run replays exactly; a snapshot from an older file,
which holds only weights, replays with the averages from zero and says it is not exact."""

import json

import numpy as np
import pytest

from core import Network, initialise
from core.project import Project, ProjectError, loads, snapshots_dict, to_dict
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


def saved_and_read(s: Session, X, Y, settings: dict) -> dict:
    """The session's snapshots written into a project file and read back (checked)."""
    w, r = s.weight_history, s.resume_history
    p = Project(s.net, X, Y, settings, init={"seed": 7},
                snapshots=snapshots_dict([], [], w.epochs, w.values, r.epochs, r.values))
    p.state = {"epoch": s.trainer.epoch, "steps": s.trainer.steps}  # (as a saved file has it)
    return loads(json.dumps(to_dict(p), allow_nan=False)).snapshots


@pytest.mark.parametrize("optimizer,batch,shuffle", CASES)
def test_a_reopened_run_replays_exactly(optimizer, batch, shuffle):
    s = session(optimizer, batch, shuffle)
    for _ in range(7):  # into epoch 1 (per-sample) or a few epochs on
        s.step("sample" if batch == "sample" else "batch")
    s.train_epochs(30, None, snapshots=3)
    after, history, steps = s.net.params.copy(), list(s.trainer.history.losses), s.trainer.steps
    t = session(optimizer, batch, shuffle)
    t.trainer.history = s.trainer.history  # (the project's loss history; not the point here)
    read = saved_and_read(s, t.trainer.X, t.trainer.Y, {**SETTINGS, "optimizer": optimizer,
                                                        "batch": batch, "shuffle": shuffle})
    t.restore_snapshots(read)
    assert t.resume_history.epochs == t.weight_history.epochs
    assert s.resume_history.values[0]["position"] == {"sample": 7, 3: 18, 6: 18}.get(batch, 0)
    for k in range(len(t.weight_history) - 1):  # the first within an epoch, if steps were
        u = session(optimizer, batch, shuffle)
        u.follow(t)
        epoch, exact = u.replay_from(k)
        assert exact, (k, epoch)
        assert u.trainer.position == s.resume_history.values[k]["position"]
        u.train_epochs(s.trainer.epoch - epoch, None)
        assert np.array_equal(u.net.params, after)  # bit for bit
        assert u.trainer.history.losses == history and u.trainer.steps == steps


def test_a_file_holds_resume_states_only_in_the_thinned_snapshots():
    """Thinning for the file's size counts the optimiser's state: Adam's m and s make a
    snapshot three times the weights and one (its step count), so fewer of them are
    written, each with its state."""
    from core import project

    s = session("adam", "full", False)
    s.train_epochs(40, None, snapshots=40)
    old, project.MAX_SNAPSHOT_VALUES = project.MAX_SNAPSHOT_VALUES, (3 * 13 + 1) * 10
    try:
        w, r = s.weight_history, s.resume_history
        d = snapshots_dict([], [], w.epochs, w.values, r.epochs, r.values)["weights"]
    finally:
        project.MAX_SNAPSHOT_VALUES = old
    assert len(d["epochs"]) == 10 and len(d["resume"]) == 10 and d["epochs"][-1] == 40
    assert all(x["optimizer"][0]["shape"] == [13] for x in d["resume"])


def resume_project(resume) -> str:
    s = session("adam", 3, True)
    s.train_epochs(4, None, snapshots=2)
    w, r = s.weight_history, s.resume_history
    d = to_dict(Project(s.net, s.trainer.X, s.trainer.Y,
                        {**SETTINGS, "optimizer": "adam", "batch": 3, "shuffle": True},
                        snapshots=snapshots_dict([], [], w.epochs, w.values, r.epochs, r.values),
                        state={"epoch": s.trainer.epoch, "steps": s.trainer.steps}))
    good = d["snapshots"]["weights"]["resume"][1]
    d["snapshots"]["weights"]["resume"][1] = resume(good)
    return json.dumps(d)


@pytest.mark.parametrize("change,problem", [
    (lambda g: {**g, "position": 20}, r"resume\[1\]\.position must be from 0 to 19"),
    (lambda g: {**g, "steps": -1}, r"resume\[1\]\.steps"),
    (lambda g: {**g, "optimizer": g["optimizer"][:2]}, r"resume\[1\]\.optimizer does not fit"),
    (lambda g: {k: v for k, v in g.items() if k != "optimizer"}, r"resume\[1\]\.optimizer must be"),
    (lambda g: {**g, "order": list(range(19)) + [0]}, "order or order_rng"),
    (lambda g: {k: v for k, v in g.items() if k != "order_rng"} | {"order": [0] * 20},
     r"resume\[1\]\.order must list the samples"),
    (lambda g: {**g, "rng": {**g["rng"], "bit_generator": "MT19937"}}, r"resume\[1\]\.rng must be a PCG64"),
    (lambda g: {**g, "order_rng": {**g["order_rng"], "uinteger": -1}}, "order_rng.uinteger"),
    (lambda g: {**g, "optimizer": [[0.0] * 13, [-1.0] * 13, 3]}, "must not be negative"),
    (lambda g: {**g, "eval": "os.system"}, "eval"),
    (lambda g: [1, 2], r"resume\[1\]"),
])
def test_the_loader_names_what_is_wrong_with_a_resume_state(change, problem):
    assert loads(resume_project(lambda g: g)).snapshots["weights"]["resume"][1]["epoch"] == 2
    with pytest.raises(ProjectError, match=problem):
        loads(resume_project(change))


def test_snapshots_read_from_an_older_file_replay_with_fresh_averages():
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


def test_an_old_undo_step_sheds_checkpoints_then_every_other_snapshot_and_replays_exactly():
    """A session waiting on the undo stack can hold tens of MB (a 32-32 Adam net: ~38 MB
    of snapshots, their resume states and step-back checkpoints); shedding drops the
    checkpoints first, then every other snapshot (the newest kept), and Replay from a
    snapshot left still retraces the run bit for bit."""
    s = session("adam", 3, True)
    for _ in range(120):
        s.remember()
        s.trainer.run(max_epochs=1)
        s.snapshot()
    after, held = s.net.params.copy(), s.held_bytes()
    assert len(s.past) == 120 and len(s.weight_history) == 121
    assert s.shed() and not s.past and s.held_bytes() < held
    while s.shed():
        pass
    from core.session import MIN_SNAPSHOTS

    kept = s.weight_history.epochs
    assert len(kept) <= MIN_SNAPSHOTS and kept[-1] == 120 and s.resume_history.epochs == kept
    assert kept == list(range(0, 121, 4))  # halved twice: every fourth epoch
    epoch, exact = s.replay_from(len(kept) - 2)
    assert exact and epoch == 116
    s.train_epochs(120 - epoch, None)
    assert np.array_equal(s.net.params, after)
