"""Training in a second process, so that a window draws on one core while the other trains.

numpy holds Python's global lock between its calls, and a small net's epoch is
hundreds of short calls: a training *thread* and a drawing thread take turns on
one core (measured: slower than one thread doing both). A child process does not.
It is a plain ``python -m core.worker`` on a socket, not ``multiprocessing``'s
spawn, which would import the parent's main script into the child.

The parent sends a job, ``job(trainer, limit, threshold)``: what rebuilds the trainer
(network, data, settings, a checkpoint, the loss history) and the stop rules; or a
comparison's job (``core.compare.Comparison.job``): such a job for each of its runs,
trained in step (``Group``), each slice's report a report for each run. The
child (``serve``) trains whole epochs in slices of ``SLICE`` seconds and after each
slice sends a progress report: the trainer's checkpoint, the loss-history points
added since the last report, and the run's result. ``adopt`` applies a report to the
parent's trainer, which then holds what the child's held after that slice: the same
float64 numbers, computed by the same code in the same order.

Messages, parent to child: ("start", generation, job), ("stop",), ("quit",);
child to parent: ("ready",) once, then ("progress", generation, report) or
("failed", generation, text). Reports of an older generation are stale.

The link: where a child can inherit a socket (POSIX, ``pass_fds``) one end of a socket
pair, its FD on the child's command line (``fd N``). Elsewhere (Windows) the parent
listens on 127.0.0.1 at a free port (``tcp 127.0.0.1:PORT``) and gives the child a
random key in its environment (KEY_VARIABLE: unlike a command line, not readable by
other users' programs; a windowed build may have no standard input); the child connects
and first sends the key, as raw bytes, and the parent unpickles nothing from a
connection until it has seen that key (another local program could connect to the port
too).
"""

from __future__ import annotations

import hmac
import math
import os
import secrets
import socket
import subprocess
import sys
import time
from multiprocessing.connection import Connection
from pathlib import Path

import numpy as np

from core.compare import train_together
from core.network import Network
from core.training import Diverged, RunResult, Trainer

ROOT = str(Path(__file__).resolve().parents[1])  # where ``core`` can be imported from
SLICE = 0.012  # seconds of training between reports (a report per frame at 60 frames/s)
LINKS = ("fd", "tcp")  # an inherited socket (POSIX), or a local port and a key (anywhere)
KEY_BYTES = 32
KEY_VARIABLE = "BACKPROP_STUDIO_TRAINING_KEY"


def job(trainer: Trainer, limit: int | None, threshold: float | None,
        rate: float | None = None) -> dict:
    """Everything the child needs to continue ``trainer`` (plain values and arrays; the
    data by reference, the rest copies of this moment). ``rate``: at most that many
    epochs a second, or None: as fast as it goes; the job's "wait", seconds before its
    first epoch (0: at once), is the window's to set when its own pace goes on."""
    net, h = trainer.net, trainer.history
    return {"net": (net.sizes, net.activations, net.use_bias, net.notation, net.frozen.copy()),
            "data": (trainer.X, trainer.Y),
            "settings": {"loss": trainer.lossf.name, "reduction": trainer.reduction,
                         "lr": trainer.lr, "batch": trainer.batch_size, "shuffle": trainer.shuffle,
                         "seed": trainer.seed, "optimizer": trainer.optimizer_name,
                         "l2": trainer.l2, "l1": trainer.l1, **trainer.options},
            "checkpoint": trainer.checkpoint(),
            "history": (h.capacity, h.stride, list(h.epochs), list(h.losses)),
            "limit": limit, "threshold": threshold, "rate": rate, "wait": 0.0}


def rebuild(j: dict) -> Trainer:
    """The trainer a job describes."""
    sizes, acts, bias, notation, frozen = j["net"]
    net = Network(sizes, acts, bias, notation)  # its parameters come with the checkpoint
    net.frozen[...] = frozen
    net.any_frozen = bool(frozen.any())
    t = Trainer(net, *j["data"], **j["settings"])
    capacity, stride, epochs, losses = j["history"]
    t.history.capacity, t.history.stride = capacity, stride
    t.history.epochs, t.history.losses = epochs, losses
    t.restore(j["checkpoint"])
    return t


class Reporter:
    """The child's side of one job: reports carry only the history points not yet sent
    (all of them again after the history was thinned, which changes its stride)."""

    def __init__(self, trainer: Trainer) -> None:
        self.trainer = trainer
        self.sent, self.stride = len(trainer.history), trainer.history.stride

    def report(self, r: RunResult) -> dict:
        h = self.trainer.history
        start = self.sent if h.stride == self.stride else 0
        self.sent, self.stride = len(h), h.stride
        err = r.error
        return {"checkpoint": self.trainer.checkpoint(),
                "history": (h.stride, start, h.epochs[start:], h.losses[start:]),
                "epochs": r.epochs, "steps": r.steps, "reason": r.reason, "loss": r.loss,
                "diverged": None if err is None else (err.epoch, err.step, err.what, err.why)}


def adopt(trainer: Trainer, report: dict) -> RunResult:
    """Make ``trainer`` what the child's was at ``report``; the slice's RunResult."""
    stride, start, epochs, losses = report["history"]
    h = trainer.history
    h.truncate(start)  # (all of it after a thinning)
    h.epochs.extend(epochs)
    h.losses.extend(losses)
    h.stride = stride
    c = dict(report["checkpoint"], history=len(h))
    trainer.restore(c)
    d = report["diverged"]
    return RunResult(report["epochs"], report["steps"], report["reason"], report["loss"],
                     None if d is None else Diverged(*d))


class Group:
    """The child's side of a comparison's job (``core.compare.Comparison.job``): its runs
    trained in step, a report of each run after each slice."""

    def __init__(self, j: dict) -> None:
        self.reporters = [Reporter(rebuild(run)) for run in j["runs"]]
        self.live = list(range(len(self.reporters)))  # runs not diverged

    def run(self, max_epochs: int | None, seconds: float) -> tuple[RunResult, dict]:
        """A slice: the group's result (its reason "time" while it goes on) and report."""
        done, results = train_together([self.reporters[k].trainer for k in self.live], seconds,
                                       max_epochs)
        parts: list[dict | None] = [None] * len(self.reporters)
        for k, result in zip(list(self.live), results):
            if result is not None:
                parts[k] = self.reporters[k].report(result)
                if result.error is not None:
                    self.live.remove(k)
        if not self.live:
            reason = "diverged"
        elif max_epochs is not None and done >= max_epochs:
            reason = "max_epochs"
        else:
            reason = "time"
        r = RunResult(done, 0, reason, float("nan"))
        return r, {"runs": parts, "epochs": done, "reason": reason}


def serve(conn) -> None:
    """The child's loop: wait for a job, train it slice by slice, report each slice. It
    ends when told to, or when the parent is gone (its end of the socket closed)."""
    try:
        _serve(conn)
    except (EOFError, OSError):  # the parent quit or was killed: nothing to report to
        pass


def _serve(conn) -> None:
    conn.send(("ready",))
    reporter, generation, left, threshold, pace = None, 0, None, None, None
    while True:
        if reporter is None or conn.poll():
            msg = conn.recv()
            if msg[0] == "quit":
                return
            reporter = None
            if msg[0] == "start":
                generation, j = msg[1], msg[2]
                try:
                    reporter = Group(j) if "runs" in j else Reporter(rebuild(j))
                except Exception as e:  # a job the parent built: a bug, not user input
                    conn.send(("failed", generation, f"{type(e).__name__}: {e}"))
                    continue
                left, threshold = j["limit"], j["threshold"]
                pace = Pace(j["rate"], j.get("wait", 0.0)) if j.get("rate") else None
            continue
        most = left
        if pace is not None:
            due, wait = pace.due()
            if not due:
                conn.poll(wait)  # (a message ends the wait)
                continue
            most = due if left is None else min(due, left)
        with np.errstate(all="ignore"):
            if isinstance(reporter, Group):
                r, report = reporter.run(most, SLICE)
            else:
                r = reporter.trainer.run(max_epochs=most, loss_threshold=threshold, seconds=SLICE)
                report = reporter.report(r)
        if left is not None:
            left -= r.epochs
        if pace is not None:
            pace.done += r.epochs
            if r.reason == "max_epochs" and (left is None or left > 0):
                report["reason"] = "time"  # (the pace's limit, not the job's: it goes on)
        conn.send(("progress", generation, report))
        if report["reason"] != "time":
            reporter = None


class Pace:
    """At most ``rate`` epochs a second, the first after ``wait`` seconds (0: at once, as
    Play's paced speeds train in the window; more when the job continues a pace the window
    kept: at 1 epoch/s the job started after the window's first epoch trained its own at
    once, two epochs 0.2 s apart): ``due()`` is (epochs that may be trained now, or 0 and
    the seconds until the next may)."""

    def __init__(self, rate: float, wait: float = 0.0) -> None:
        self.rate, self.start, self.done = rate, time.perf_counter() + max(0.0, wait), 0

    def due(self) -> tuple[int, float]:
        allowed = 1 + math.floor((time.perf_counter() - self.start) * self.rate)
        if allowed > self.done:
            return allowed - self.done, 0.0
        return 0, min((self.done / self.rate) - (time.perf_counter() - self.start), 0.05) + 1e-4


def child_command() -> list[str]:
    """How this process starts a training process: ``python -m core.worker``, or in a
    frozen build (PyInstaller sets ``sys.frozen``) the app itself with
    ``--training-process`` (see main.py); the link follows ("fd N" or "tcp HOST:PORT")."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--training-process"]
    return [sys.executable, "-m", "core.worker"]


class Remote:
    """The parent's handle on the child: ``launch`` it (it needs a moment to import
    numpy: ``ready`` turns True), ``start`` a job, ``receive`` reports of the current
    job, ``stop``, ``close``. If the child fails or dies, ``failed`` holds why and the
    parent trains in its own process again. ``link``: "fd" or "tcp" (module docstring;
    by default "fd" where a child can inherit a socket)."""

    def __init__(self, command: list[str] | None = None, link: str | None = None) -> None:
        self.command = command or child_command()  # the child's command line, less its link
        self.link = link or ("fd" if os.name == "posix" else "tcp")
        if self.link not in LINKS:
            raise ValueError(f"link must be one of {LINKS}; got {self.link!r}")
        self.process = None
        self.conn = None
        self.ready = False
        self.running = False
        self.failed = ""
        self.generation = 0
        self._listener = None  # tcp: the listening socket, until the child has connected
        self._key = b""
        self._callers: list[Connection] = []  # tcp: accepted, their key not yet read

    def launch(self) -> None:
        """Start the child (``command`` and its link). It inherits this process's
        environment, so its BLAS splits sums the same way: the same numbers in either
        process."""
        if self.process is not None or self.failed:
            return
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(
            [ROOT] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]))
        if self.link == "tcp":
            self._launch_tcp(env)
            return
        ours, theirs = socket.socketpair()
        cmd = [*self.command, "fd", str(theirs.fileno())]
        try:
            self.process = subprocess.Popen(cmd, pass_fds=[theirs.fileno()], env=env,
                                            stdin=subprocess.DEVNULL, close_fds=True)
        except OSError as e:
            self.failed = str(e) or "the training process did not start"
            ours.close()
        else:
            self.conn = Connection(ours.detach())
        finally:
            theirs.close()

    def _launch_tcp(self, env: dict) -> None:
        listener = socket.create_server(("127.0.0.1", 0))
        listener.setblocking(False)
        self._key = secrets.token_bytes(KEY_BYTES)
        host, port = listener.getsockname()[:2]
        try:
            self.process = subprocess.Popen([*self.command, "tcp", f"{host}:{port}"],
                                            env={**env, KEY_VARIABLE: self._key.hex()},
                                            stdin=subprocess.DEVNULL)
        except OSError as e:
            self.failed = str(e) or "the training process did not start"
            listener.close()
        else:
            self._listener = listener

    def _answer(self) -> None:
        """tcp: take connections, and make the one that sends the key the link (the
        others are closed unread)."""
        while True:
            try:
                sock, _ = self._listener.accept()
            except (BlockingIOError, InterruptedError):
                break
            except OSError as e:
                self.failed = str(e) or "the training process did not connect"
                return
            sock.setblocking(True)
            self._callers.append(Connection(sock.detach()))
        for caller in list(self._callers):
            try:
                if not caller.poll():
                    continue
                said = caller.recv_bytes(maxlength=KEY_BYTES)
            except (EOFError, OSError):
                said = b""
            self._callers.remove(caller)
            if self.conn is None and hmac.compare_digest(said, self._key):
                self.conn = caller
            else:
                caller.close()
        if self.conn is not None:
            for caller in self._callers:
                caller.close()
            self._callers = []
            self._listener.close()
            self._listener = None
        elif self.process is not None and self.process.poll() is not None:
            self.failed = "the training process ended before it connected"

    def start(self, j: dict) -> None:
        """Train the job ``j`` (see ``job``); earlier jobs' reports are dropped."""
        self.generation += 1
        self._send(("start", self.generation, j))
        self.running = not self.failed

    def stop(self) -> None:
        if self.running:
            self.running = False
            self._send(("stop",))

    def receive(self) -> list[dict]:
        """The reports of the current job that have arrived (oldest first); a report
        whose run stopped by itself ends the job."""
        out = []
        if self._listener is not None and not self.failed:
            self._answer()
        while self.conn is not None and not self.failed:
            try:
                if not self.conn.poll():
                    break
                msg = self.conn.recv()
            except (EOFError, OSError) as e:
                self.failed = str(e) or "the training process ended"
                break
            if msg[0] == "ready":
                self.ready = True
            elif msg[1] != self.generation or not self.running:
                continue  # a report of a job that was stopped
            elif msg[0] == "failed":
                self.failed = msg[2]
            else:
                out.append(msg[2])
                if msg[2]["reason"] != "time":
                    self.running = False
        if self.failed:
            self.running = False
        return out

    def _send(self, msg) -> None:
        try:
            self.conn.send(msg)
        except (OSError, ValueError, AttributeError) as e:
            self.failed = str(e) or "the training process is gone"
            self.running = False

    def close(self) -> None:
        """Ask the child to end, and end it if it does not within a second (at once
        if it is still starting)."""
        if self.process is None:
            return
        if self.ready:
            self._send(("quit",))
            try:
                self.process.wait(1.0)
            except subprocess.TimeoutExpired:
                pass
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for c in [self.conn, *self._callers, self._listener]:
            if c is not None:
                c.close()
        self._callers, self._listener = [], None
        self.process, self.conn, self.ready, self.running = None, None, False, False


def main(args: list[str]) -> int:
    """The child process: serve on its link, ``fd N`` (an inherited socket) or ``tcp
    HOST:PORT`` (connect, then send the key from the environment's KEY_VARIABLE)."""
    if len(args) != 2 or args[0] not in LINKS:
        print(f"usage: python -m core.worker fd N | tcp HOST:PORT (with {KEY_VARIABLE})",
              file=sys.stderr)
        return 2
    if args[0] == "fd":
        serve(Connection(int(args[1])))
        return 0
    host, _, port = args[1].rpartition(":")
    key = bytes.fromhex(os.environ.pop(KEY_VARIABLE, ""))
    sock = socket.create_connection((host, int(port)))
    conn = Connection(sock.detach())
    conn.send_bytes(key)
    serve(conn)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
