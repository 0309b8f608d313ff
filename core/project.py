"""Projects and lessons as JSON (never pickle): ``to_dict`` / ``from_dict``.

    {"schema_version": 1, "name": ..., "description": ...,
     "network": {"sizes": [...], "activations": [...], "bias": [...], "notation": ...,
                 "params": [...flat...], "frozen": [indices...]},
     "data": {"X": [[...]], "Y": [[...]], "X_test": [[...]], "Y_test": [[...]]}
             or {"generator": "xor", "n": 200, "noise": 0.15, "seed": 0, "test": 100},
     "training": {"loss": ..., "reduction": ..., "lr": ..., "batch": ..., "optimizer": ...,
                  "shuffle": ..., "seed": ..., "max_epochs": ..., "loss_threshold": ...},
     "init": {"scheme": ..., "seed": ..., "scale": ..., "bias": ...}}

``params`` may be omitted: the network is then initialised from ``init``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from core import datasets
from core.init import initialise
from core.network import Network, as_batch

SCHEMA_VERSION = 1
TRAINING_DEFAULTS = {"loss": "bce", "reduction": "mean", "lr": 0.5, "batch": "full",
                     "optimizer": "sgd", "shuffle": False, "seed": 0, "max_epochs": None,
                     "loss_threshold": None}
INIT_DEFAULTS = {"scheme": "xavier", "seed": 0, "scale": 1.0, "bias": 0.0}


class ProjectError(ValueError):
    """A project file that cannot be read; the message says why."""


@dataclass
class Project:
    net: Network
    X: np.ndarray
    Y: np.ndarray
    training: dict = field(default_factory=lambda: dict(TRAINING_DEFAULTS))
    init: dict = field(default_factory=lambda: dict(INIT_DEFAULTS))
    name: str = "Untitled"
    description: str = ""
    initial_params: np.ndarray | None = None
    X_test: np.ndarray | None = None
    Y_test: np.ndarray | None = None
    show: str | None = None  # a view a lesson brings to the front (e.g. "Activation gallery")


def to_dict(p: Project) -> dict:
    net = p.net
    return {
        "schema_version": SCHEMA_VERSION, "name": p.name, "description": p.description,
        "network": {"sizes": net.sizes, "activations": net.activations, "bias": net.use_bias,
                    "notation": net.notation, "params": net.params.tolist(),
                    "frozen": np.flatnonzero(net.frozen).tolist()},
        "initial_params": None if p.initial_params is None else p.initial_params.tolist(),
        "data": {"X": p.X.tolist(), "Y": p.Y.tolist(),
                 **({} if p.X_test is None else {"X_test": p.X_test.tolist(),
                                                 "Y_test": p.Y_test.tolist()})},
        "training": dict(p.training), "init": dict(p.init),
        **({"show": p.show} if p.show else {}),
    }


def from_dict(d: dict) -> Project:
    """A Project from a dict; ProjectError naming the problem otherwise."""
    try:
        if not isinstance(d, dict):
            raise ProjectError("a project must be a JSON object")
        version = d.get("schema_version")
        if version != SCHEMA_VERSION:
            raise ProjectError(f"unsupported schema_version {version!r} (this app reads "
                               f"{SCHEMA_VERSION})")
        n = d["network"]
        net = Network(n["sizes"], n["activations"], n.get("bias", True),
                      n.get("notation", "by_source"))
        init = {**INIT_DEFAULTS, **d.get("init", {})}
        if n.get("params") is not None:
            net.set_params(n["params"])
        else:
            initialise(net, init["scheme"], init["seed"], init["scale"], init["bias"])
        if n.get("frozen"):
            idx = np.asarray(n["frozen"], dtype=int)
            if idx.min() < 0 or idx.max() >= net.params.size:
                raise ProjectError("frozen index out of range")
            net.frozen[idx] = True
            net.any_frozen = True
        data = d["data"]
        Xt = Yt = None
        if "generator" in data:
            X, Y = generate(data)
            if data.get("test"):
                Xt, Yt = generate({**data, "n": data["test"], "seed": data.get("seed", 0) + 1})
        else:
            X, Y = data["X"], data["Y"]
            Xt, Yt = data.get("X_test"), data.get("Y_test")
        X = as_batch(X, net.sizes[0], "data X")
        Y = as_batch(Y, net.sizes[-1], "data Y")
        if len(X) != len(Y):
            raise ProjectError(f"data has {len(X)} inputs but {len(Y)} targets")
        if Xt is not None:
            Xt = as_batch(Xt, net.sizes[0], "test data X")
            Yt = as_batch(Yt, net.sizes[-1], "test data Y")
            if len(Xt) != len(Yt):
                raise ProjectError(f"test data has {len(Xt)} inputs but {len(Yt)} targets")
        initial = d.get("initial_params")
        return Project(net, X, Y, {**TRAINING_DEFAULTS, **d.get("training", {})}, init,
                       str(d.get("name", "Untitled")), str(d.get("description", "")),
                       None if initial is None else np.asarray(initial, dtype=float), Xt, Yt,
                       d.get("show"))
    except ProjectError:
        raise
    except (KeyError, TypeError, ValueError, IndexError) as e:
        what = f"missing field {e}" if isinstance(e, KeyError) else str(e)
        raise ProjectError(f"not a valid project: {what}") from None


def make_trainer(p: Project):
    """A Trainer for the project's network, data and training settings."""
    from core.training import Trainer

    s = p.training
    return Trainer(p.net, p.X, p.Y, loss=s["loss"], reduction=s["reduction"], lr=s["lr"],
                   batch=s["batch"], shuffle=s["shuffle"], seed=p.init.get("seed", 0),
                   optimizer=s["optimizer"])


def generate(spec: dict) -> tuple[np.ndarray, np.ndarray]:
    """Data from a built-in generator: {"generator": "xor", "n": 200, "noise": .15, "seed": 0}."""
    name = spec["generator"]
    makers = {"xor": datasets.xor, "circle": datasets.circle, "gaussians": datasets.gaussians,
              "spiral": datasets.spiral, "stripe": datasets.stripe, "blobs": datasets.blobs,
              "sine": datasets.sine}
    if name == "xor_corners":
        return datasets.xor_corners()
    if name not in makers:
        raise ProjectError(f"unknown data generator {name!r}")
    args = {k: spec[k] for k in ("n", "noise", "seed") if k in spec}
    return makers[name](**args)


def load(path: str | Path) -> Project:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ProjectError(f"cannot read {path}: {e}") from None
    try:
        d = json.loads(text)
    except json.JSONDecodeError as e:
        raise ProjectError(f"{path} is not valid JSON (line {e.lineno}, column {e.colno})") from None
    return from_dict(d)
