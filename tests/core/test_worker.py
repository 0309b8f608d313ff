"""Training in a second process (core.worker): the parent's trainer, after adopting the
child's reports, holds what training in one process would have given, number for number."""

import time

import numpy as np
import pytest

from core import Network, Trainer, initialise
from core.worker import LINKS, Remote, adopt, job
from tests.core.lessons import HAND_X, HAND_Y, XOR_X, XOR_Y, hand_note


@pytest.fixture(params=LINKS)
def link(request) -> str:
    """Every test runs on both links: an inherited socket, and the local port with its
    key (Windows's, tested here too)."""
    return request.param


@pytest.fixture
def remote(link):
    r = Remote(link=link)
    r.launch()
    wait(r, lambda: r.ready)
    yield r
    r.close()
    assert r.process is None


def wait(r: Remote, done, seconds: float = 20.0) -> list[dict]:
    """Receive reports until ``done()``; all reports received."""
    got, end = [], time.monotonic() + seconds
    while not done():
        assert time.monotonic() < end, "the training process did not answer"
        got += r.receive()
        time.sleep(0.002)
    return got


def trainer(**kw) -> Trainer:
    rng = np.random.default_rng(1)
    X = rng.normal(size=(300, 2))
    Y = (X[:, :1] * X[:, 1:] > 0).astype(float)
    net = initialise(Network([2, 16, 16, 1], ["tanh", "tanh", "sigmoid"]), "xavier", seed=3)
    return Trainer(net, X, Y, loss="bce", lr=0.05, **kw)


def run_remote(r: Remote, t: Trainer, limit=None, threshold=None) -> dict:
    """Train ``t`` in the child until the job stops by itself; the last report."""
    r.start(job(t, limit, threshold))
    reports = wait(r, lambda: not r.running)
    for rep in reports:
        adopt(t, rep)
    return reports[-1]


KINDS = [{}, {"batch": 32, "shuffle": True, "optimizer": "adam", "seed": 7},
         {"batch": "sample", "optimizer": "momentum", "l2": 0.01},
         {"batch": 16, "optimizer": "adam", "l1": 0.02, "l2": 0.001}]


# every kind on the inherited socket, the shuffled Adam one on the port too (the link
# carries the same messages whatever is trained; this keeps the suite's time down)
@pytest.mark.parametrize("link,kw", [("fd", kw) for kw in KINDS] + [("tcp", KINDS[1])])
def test_the_child_trains_what_this_process_would_have(remote, kw):
    here, there = trainer(**kw), trainer(**kw)
    here.run(max_epochs=20)
    there.run(max_epochs=20)  # a trainer part-way through its life is sent, not a new one
    more = 100 if kw.get("batch") == "sample" else 400  # (300 steps an epoch: several reports)
    remote.start(job(there, more, None))  # the child trains while this process does
    here.run(max_epochs=more)
    reports = wait(remote, lambda: not remote.running)
    for rep in reports:
        adopt(there, rep)
    last = reports[-1]
    assert last["reason"] == "max_epochs"
    assert there.epoch == here.epoch == 20 + more and there.steps == here.steps
    np.testing.assert_array_equal(there.net.params, here.net.params)
    assert there.history.epochs == here.history.epochs
    assert there.history.losses == here.history.losses
    # and it trains on afterwards as one that never left would
    here.run(max_epochs=3)
    there.run(max_epochs=3)
    np.testing.assert_array_equal(there.net.params, here.net.params)


def test_a_paced_job_trains_at_its_speed_what_this_process_would_have(remote):
    """Play at a speed (the lessons' 100 epochs/s) trains in the child too: at most
    ``rate`` epochs a second, the first at once, the same numbers as training here. (Only
    a lower bound on the time: a busy machine can make it slower, never faster.)"""
    here, there = trainer(), trainer()
    here.run(max_epochs=20)
    start = time.perf_counter()
    remote.start(job(there, 20, None, rate=50.0))
    reports = wait(remote, lambda: not remote.running)
    took = time.perf_counter() - start
    for rep in reports:
        adopt(there, rep)
    assert reports[-1]["reason"] == "max_epochs" and there.epoch == 20
    assert took >= 19 / 50  # the 20th epoch is due 0.38 s after the first
    np.testing.assert_array_equal(there.net.params, here.net.params)
    assert there.history.losses == here.history.losses
    j = job(there, 5, None, rate=50.0)  # a pace the window kept: its next epoch 0.3 s away
    j["wait"] = 0.3
    start = time.perf_counter()
    remote.start(j)
    wait(remote, lambda: not remote.running)
    assert time.perf_counter() - start >= 0.3 + 4 / 50


def test_a_thinned_history_arrives_whole(remote):
    here, there = trainer(), trainer()
    here.history.capacity = there.history.capacity = 50
    here.run(max_epochs=300)
    run_remote(remote, there, limit=300)
    assert there.history.stride == here.history.stride > 1
    assert there.history.epochs == here.history.epochs


def test_stop_rules_and_divergence_end_the_job_as_here(remote):
    net = initialise(Network([2, 2, 1], "sigmoid"), "uniform", seed=0)
    here = Trainer(net, XOR_X, XOR_Y, loss="bce", lr=2.0)
    there = Trainer(net.copy(), XOR_X, XOR_Y, loss="bce", lr=2.0)
    r = here.run(loss_threshold=0.3)
    last = run_remote(remote, there, threshold=0.3)
    assert last["reason"] == r.reason == "threshold" and there.epoch == here.epoch
    np.testing.assert_array_equal(there.net.params, here.net.params)

    here = Trainer(hand_note(), HAND_X, HAND_Y, loss="half_sse", reduction="sum", lr=100.0)
    there = Trainer(hand_note(), HAND_X, HAND_Y, loss="half_sse", reduction="sum", lr=100.0)
    r = here.run(max_epochs=100_000)
    last = run_remote(remote, there)
    assert last["reason"] == r.reason == "diverged"
    assert last["diverged"] == (r.error.epoch, r.error.step, r.error.what, r.error.why)  # the same message
    # ...and still a translatable one: the window shows it in the user's language
    adopted = adopt(there, last).error
    upper = adopted.args[0].translated(lambda context, text: text.upper())
    assert upper.startswith("TRAINING DIVERGED AT EPOCH") and "THE LOSS IS" in upper
    assert "EXPLODED FIRST" in upper and str(adopted) == str(r.error)
    assert np.isfinite(there.net.params).all()
    np.testing.assert_array_equal(there.net.params, here.net.params)


def test_reports_of_a_stopped_job_are_dropped(remote):
    t = trainer()
    remote.start(job(t, None, None))
    wait(remote, lambda: remote.receive() or False)  # it is training
    remote.stop()
    time.sleep(0.05)  # reports still on their way
    assert remote.receive() == [] and not remote.running
    remote.start(job(t, 5, None))  # the next job is answered
    reports = wait(remote, lambda: not remote.running)
    assert sum(rep["epochs"] for rep in reports) == 5


def test_a_job_the_child_cannot_build_is_a_failure_not_a_hang(remote):
    j = job(trainer(), None, None)
    j["settings"]["optimizer"] = "nonsense"
    remote.start(j)
    wait(remote, lambda: bool(remote.failed))
    assert "optimizer" in remote.failed and not remote.running


def test_a_child_that_dies_is_noticed(link):
    r = Remote(link=link)
    r.launch()
    wait(r, lambda: r.ready)
    r.process.kill()
    r.process.wait()
    wait(r, lambda: bool(r.failed))
    assert not r.running
    r.close()
    assert r.process is None


def test_the_child_ends_quietly_when_the_parent_is_gone(link):
    """A window killed mid-training leaves no training process behind, and no traceback."""
    import subprocess

    r = Remote(link=link)
    r.launch()
    wait(r, lambda: r.ready)
    r.start(job(trainer(), None, None))
    wait(r, lambda: r.receive() or False)  # it is training
    process = r.process
    r.conn.close()  # as if this process died
    assert process.wait(timeout=10) == 0
    r.process = None
    assert isinstance(process, subprocess.Popen)


def test_a_frozen_build_starts_itself_as_its_training_process(monkeypatch):
    """PyInstaller's app has no ``python -m``: it runs its own executable with
    ``--training-process FD`` (main.py serves it; packaging/smoke.sh runs the built one)."""
    import sys

    from core.worker import child_command

    assert child_command() == [sys.executable, "-m", "core.worker"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert child_command() == [sys.executable, "--training-process"]
    assert Remote().command == [sys.executable, "--training-process"]


def test_a_child_that_cannot_start_is_a_failure_not_an_exception(tmp_path, link):
    r = Remote([str(tmp_path / "no-such-app"), "--training-process"], link=link)
    r.launch()
    assert "no-such-app" in r.failed and r.process is None
    r.start(job(trainer(), 10, None))
    assert not r.running  # the window trains in its own process instead


def test_main_py_serves_as_a_training_process(link):
    """The frozen build's entry: ``main.py --training-process fd N`` (or ``tcp ADDR``) is
    the child, training what this process would."""
    import sys
    from pathlib import Path

    main = str(Path(__file__).resolve().parents[2] / "main.py")
    r = Remote([sys.executable, main, "--training-process"], link=link)
    r.launch()
    try:
        wait(r, lambda: r.ready)
        there, here = trainer(), trainer()
        run_remote(r, there, limit=30)
    finally:
        r.close()
    here.run(max_epochs=30)
    assert there.epoch == 30 and np.array_equal(there.net.params, here.net.params)


def test_a_caller_without_the_key_is_never_heard():
    """On the tcp link another local program may connect first: what it sends is read as
    raw bytes, compared with the key and dropped; nothing it sends is unpickled, and the
    child that knows the key becomes the link."""
    import pickle
    import socket
    from multiprocessing.connection import Connection

    r = Remote(link="tcp")
    r.launch()
    try:
        host, port = r._listener.getsockname()[:2]
        intruder = Connection(socket.create_connection((host, port)).detach())
        intruder.send(("ready",))  # a pickle: it would make the parent think it is the child
        trap = Connection(socket.create_connection((host, port)).detach())
        trap.send_bytes(pickle.dumps(("ready",)))
        wait(r, lambda: r.ready)
        assert r.conn is not None and r._listener is None  # the child's connection
        with pytest.raises((EOFError, OSError)):
            intruder.recv_bytes()  # closed unread
        there, here = trainer(), trainer()
        run_remote(r, there, limit=20)
        here.run(max_epochs=20)
        assert np.array_equal(there.net.params, here.net.params)
    finally:
        r.close()


def test_the_child_refuses_a_bad_command_line():
    import subprocess
    import sys

    for args in ([], ["udp", "x"], ["fd"]):
        p = subprocess.run([sys.executable, "-m", "core.worker", *args], capture_output=True,
                           text=True, timeout=60)
        assert p.returncode == 2 and p.stderr.startswith("usage:"), args
