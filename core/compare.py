"""Runs that differ in one setting, trained side by side ("Compare…", ``--compare``).

    setting, values = parse("lr=0.1,1,10")
    runs = make_runs(net, X, Y, settings, init, features, setting, values)
    comparison = Comparison(runs); comparison.train(epochs=500)
    (or in another process: remote.start(comparison.job(until)), comparison.adopt(report))

Every run starts from the same initial weights (``net``, usually the project's
weights at epoch 0) and differs in exactly one thing:

    lr          the learning rate                     lr=0.1,1,10
    optimizer   the optimiser                         optimizer=sgd,momentum,adam
    seed        the initial weights' seed (the one    seed=0,1,2
                setting that changes the start)
    activation  every hidden layer's activation       activation=sigmoid,tanh,relu
    hidden      every hidden layer's size (kept       hidden=2,4,8
                neurons keep their weights; new ones
                are drawn from the project's seed)
    features    the network's inputs, '+'-joined      features=x1+x2,x1+x2+x1*x2
                (an input kept by name keeps its
                weights; a new one is drawn)

Values are checked as the setting's own editor checks them: a value that fails
is a ValueError naming the setting and the value, and no run is made.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from core.activations import ACTIVATIONS
from core.checks import finite_float
from core.edit import remap_inputs, resize_layer, set_activation
from core.features import Features
from core.init import initialise
from core.network import Network
from core.project import MAX_NAME
from core.settings import check
from core.text import QT_TRANSLATE_NOOP
from core.training import RunResult, Trainer

SETTINGS = ("lr", "optimizer", "seed", "activation", "hidden", "features")
MIN_RUNS, MAX_RUNS = 2, 6


def parse(spec: str) -> tuple[str, list[str]]:
    """'lr=0.1,1,10' -> ('lr', ['0.1', '1', '10']): a known setting and 2 to 6 values."""
    if not isinstance(spec, str) or "=" not in spec:
        raise ValueError(QT_TRANSLATE_NOOP("compare", "write a comparison as SETTING=V1,V2,... "
                                                      "(e.g. lr=0.1,1,10); got {0!r}").format(spec))
    name, _, rest = spec.partition("=")
    name = name.strip()
    if name not in SETTINGS:
        raise ValueError(QT_TRANSLATE_NOOP("compare", "cannot compare {0!r}; settings that can be "
                                                      "compared: {1}").format(name, ", ".join(SETTINGS)))
    values = [v.strip() for v in rest.split(",")]
    if any(not v for v in values):
        raise ValueError(QT_TRANSLATE_NOOP("compare", "an empty value in {0!r}").format(spec))
    if not MIN_RUNS <= len(values) <= MAX_RUNS:
        raise ValueError(QT_TRANSLATE_NOOP("compare", "compare {0} to {1} values; got {2}")
                         .format(MIN_RUNS, MAX_RUNS, len(values)))
    if len(set(values)) != len(values):
        raise ValueError(QT_TRANSLATE_NOOP("compare", "the values of {0} repeat").format(name))
    return name, values


@dataclass
class Run:
    """One run: its label ('lr = 0.1'), network (the trainer's, trained in place),
    settings, seed, inputs, trainer and initial weights."""

    label: str
    net: Network
    settings: dict
    seed: int
    features: Features
    trainer: Trainer
    initial: np.ndarray = field(default_factory=lambda: np.empty(0))  # its weights at the start
    error: str = ""  # why it stopped (divergence); empty while it trains


def run_name(name: str, label: str, limit: int = MAX_NAME) -> str:
    """A run's project name, 'XOR (lr = 2)', within ``limit`` characters (a project's
    name may have 200 already: the run's could not be saved): the name is cut, with '…'."""
    suffix = f" ({label})"[:limit // 2]
    room = limit - len(suffix)
    return (name if len(name) <= room else name[:room - 1] + "…") + suffix


def _whole(v: str, what: str, lo: int, hi: int) -> int:
    n = finite_float(v, what)  # (a decimal comma too, as every typed number)
    if n != int(n) or not lo <= n <= hi:
        raise ValueError(QT_TRANSLATE_NOOP("compare", "{0} must be a whole number from {1} to {2}; "
                                                      "got {3!r}").format(what, lo, hi, v))
    return int(n)


def make_runs(net: Network, X: np.ndarray, Y: np.ndarray, settings: dict, init: dict,
              features: Features, setting: str, values: list[str]) -> list[Run]:
    """A run for each value of ``setting``, all from ``net``'s weights (see the module)."""
    if setting not in SETTINGS:
        parse(f"{setting}=a,b")  # the message that names the settings
    seed = int(init.get("seed", 0))
    runs = []
    for v in values:
        n, s, f, sd = net.copy(), dict(settings), features, seed
        try:
            if setting == "lr":
                s["lr"] = check("lr", v)
            elif setting == "optimizer":
                s["optimizer"] = v
            elif setting == "seed":
                sd = _whole(v, "seed", 0, 2**32 - 1)
                initialise(n, init.get("scheme", "xavier"), sd, init.get("scale", 1.0),
                           init.get("bias", 0.0))
            elif setting == "activation":
                if v not in ACTIVATIONS:
                    raise ValueError(QT_TRANSLATE_NOOP("compare", "unknown activation {0!r}; known: {1}")
                                     .format(v, ", ".join(ACTIVATIONS)))
                if net.n_layers < 2:
                    raise ValueError(QT_TRANSLATE_NOOP("compare", "the network has no hidden layer"))
                for layer in range(net.n_layers - 1):
                    n = set_activation(n, layer, v)
            elif setting == "hidden":
                size = _whole(v, "hidden size", 1, 64)
                if net.n_layers < 2:
                    raise ValueError(QT_TRANSLATE_NOOP("compare", "the network has no hidden layer"))
                for layer in range(1, net.n_layers):
                    n = resize_layer(n, layer, size, seed)
            elif setting == "features":
                f = Features.from_names(X.shape[1], [x.strip() for x in v.split("+")])
                n = remap_inputs(n, list(features.names), list(f.names), seed)
            trainer = Trainer.from_settings(n, f(X), Y, s, sd)
        except ValueError as e:
            raise ValueError(QT_TRANSLATE_NOOP("compare", "{0} = {1}: {2}").format(setting, v, e)) from e
        # the trainer trains its own copy of the network: the run shows that one
        runs.append(Run(f"{setting} = {v}", trainer.net, s, sd, f, trainer, n.params.copy()))
    return runs


def train_together(trainers: list[Trainer], seconds: float | None = None,
                   epochs: int | None = None) -> tuple[int, list[RunResult | None]]:
    """Train ``trainers`` in step: with ``seconds``, the first for that long (at most
    ``epochs``) and each other one for as many epochs as it trained (the slowest run sets
    the pace for all); without, each for ``epochs``. The epochs trained and each run's
    result (None: not trained; a result's error: it diverged, stopped at its last finite
    weights)."""
    if not trainers:
        return 0, []
    first = trainers[0].run(max_epochs=epochs, seconds=seconds)
    pace = first.epochs if seconds is not None else (epochs or 0)
    return pace, [first] + [t.run(max_epochs=pace) if pace else None for t in trainers[1:]]


class Comparison:
    """The runs trained together: ``train`` gives each the same epochs (a run that
    diverged stops there, its error kept, while the others go on). ``job`` and ``adopt``
    hand the training to another process (core.worker) and take its reports back."""

    def __init__(self, runs: list[Run]) -> None:
        self.runs = runs
        self.sent: list[Run] = []  # the runs of the last ``job``

    @property
    def epoch(self) -> int:
        return max(r.trainer.epoch for r in self.runs)

    def live(self) -> list[Run]:
        return [r for r in self.runs if not r.error]

    def left(self, until: int | None) -> int | None:
        """Epochs to ``until`` (None: no end); 0 when every run has stopped."""
        live = self.live()
        if not live:
            return 0
        return None if until is None else max(until - live[0].trainer.epoch, 0)

    def train(self, epochs: int | None = None, seconds: float | None = None,
              until: int | None = None) -> int:
        """``epochs`` more epochs for every run still training, or as many as fit in
        ``seconds`` (shared between the runs) and, with ``until``, no further than that
        epoch; the epochs each run trained (0: every run stopped, or reached ``until``)."""
        live = self.live()
        if epochs is None:
            epochs = self.left(until)
            if epochs == 0:
                return 0
            seconds = None if seconds is None else seconds / len(live)
        elif not live:
            return 0
        done, results = train_together([r.trainer for r in live], seconds, epochs)
        for r, result in zip(live, results):
            if result is not None and result.error is not None:
                r.error = result.error.args[0]  # (a Text: shown translated)
        return done

    def job(self, until: int | None) -> dict:
        """What another process needs to train the live runs on towards ``until``
        (``core.worker.job`` of each)."""
        from core import worker

        self.sent = self.live()  # the runs of the job, as its reports list them
        return {"runs": [worker.job(r.trainer, None, None) for r in self.sent],
                "limit": self.left(until), "threshold": None}

    def adopt(self, report: dict) -> int:
        """Take a report of the last job (``core.worker``); the epochs trained."""
        from core import worker

        for r, part in zip(self.sent, report["runs"]):
            if part is not None:
                result = worker.adopt(r.trainer, part)
                if result.error is not None:
                    r.error = result.error.args[0]  # (a Text: shown translated)
        return report["epochs"]

    def losses(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """(epochs, E) of every run's history, for the overlaid loss curves."""
        return [(np.asarray(r.trainer.history.epochs, float), np.asarray(r.trainer.history.losses, float))
                for r in self.runs]
