"""The built app's training process: run as ``PYTHONPATH=. python packaging/smoke_worker.py APP`` in the
source tree. It starts ``APP --training-process fd N`` as the built window does when Play runs
"as fast as it goes" (and ``tcp HOST:PORT``, Windows's link), has it train a 2-16-16-1 net with
Adam in mini-batches, and checks that the weights and the loss history it reports are, number
for number, what training here gives."""

import sys
import time

import numpy as np

from core import Network, Trainer, initialise
from core.worker import LINKS, Remote, adopt, job

EPOCHS = 300


def trainer() -> Trainer:
    rng = np.random.default_rng(1)
    X = rng.normal(size=(300, 2))
    Y = (X[:, :1] * X[:, 1:] > 0).astype(float)
    net = initialise(Network([2, 16, 16, 1], ["tanh", "tanh", "sigmoid"]), "xavier", seed=3)
    return Trainer(net, X, Y, loss="bce", lr=0.05, batch=32, shuffle=True, seed=7,
                   optimizer="adam")


def receive_until(r: Remote, done, seconds: float = 30.0) -> list[dict]:
    got, end = [], time.monotonic() + seconds
    while not done() and not r.failed:
        if time.monotonic() > end:
            sys.exit("smoke_worker: the built app's training process did not answer")
        got += r.receive()
        time.sleep(0.002)
    if r.failed:
        sys.exit(f"smoke_worker: the built app's training process failed: {r.failed}")
    return got


def main(app: str) -> int:
    for link in LINKS:
        r = Remote([app, "--training-process"], link=link)
        r.launch()
        try:
            receive_until(r, lambda r=r: r.ready)
            there, here = trainer(), trainer()
            r.start(job(there, EPOCHS, None))
            reports = receive_until(r, lambda r=r: not r.running)
        finally:
            r.close()
        for rep in reports:
            adopt(there, rep)
        here.run(max_epochs=EPOCHS)
        same = (there.epoch == here.epoch == EPOCHS
                and np.array_equal(there.net.params, here.net.params)
                and there.history.losses == here.history.losses)
        if not same:
            print(f"smoke_worker: the built app's training process ({link}) gave other numbers "
                  f"(epoch {there.epoch} vs {here.epoch})", file=sys.stderr)
            return 1
        print(f"training process ({link}): the built app trained {EPOCHS} epochs in "
              f"{len(reports)} reports, the same numbers as the source")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
