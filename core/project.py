"""Projects and lessons as JSON (never pickle, never eval).

    {"schema_version": 1, "name": ..., "description": ...,
     "network": {"sizes": [...], "activations": [...], "bias": [...], "notation": ...,
                 "params": [...flat...] or null, "frozen": [flat indices...]},
     "initial_params": [...] or null,          # Reset goes back to these
     "data": {"X": [[...]], "Y": [[...]], "X_test": [[...]], "Y_test": [[...]]}
             or {"generator": "xor", "n": 200, "noise": 0.15, "seed": 0, "test": 100},
     "training": {"loss", "reduction", "lr", "batch", "optimizer", "shuffle",
                  "max_epochs", "loss_threshold"},
     "init": {"scheme", "seed", "scale", "bias"},
     "state": {"epoch": ..., "steps": ...,     # optional: where training had got to,
               "position": ..., "order": [...], "rng": {...},   # in the epoch, shuffled
               "optimizer": [...]},                # momentum's v, Adam's m, s and t
     "history": {"epochs": [...], "losses": [...], "stride": ...},   # optional, decimated
     "view": "base64 window layout", "show": "a view to bring forward"}

``params`` null means: initialise from ``init``. ``save`` writes atomically.
Every problem reading a file is a ``ProjectError`` saying what is wrong.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from core import datasets
from core.init import SCHEMES, initialise
from core.losses import LOSSES, REDUCTIONS
from core.network import Network, as_batch
from core.optimizers import OPTIMIZERS

SCHEMA_VERSION = 1
TRAINING_DEFAULTS = {"loss": "bce", "reduction": "mean", "lr": 0.5, "batch": "full",
                     "optimizer": "sgd", "shuffle": False, "max_epochs": None,
                     "loss_threshold": None}
INIT_DEFAULTS = {"scheme": "xavier", "seed": 0, "scale": 1.0, "bias": 0.0}
MAX_FILE = 256 * 2**20


class ProjectError(ValueError):
    """A project file that cannot be read or written; the message says why."""


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
    state: dict | None = None  # {"epoch", "steps"} where training had got to
    history: dict | None = None  # {"epochs", "losses", "stride"}
    view: str | None = None  # the window layout (Qt's saveState, base64)


def network_dict(net: Network) -> dict:
    """The "network" entry of a project."""
    return {"sizes": net.sizes, "activations": net.activations, "bias": net.use_bias,
            "notation": net.notation, "params": net.params.tolist(),
            "frozen": np.flatnonzero(net.frozen).tolist()}


def to_dict(p: Project) -> dict:
    data = {"X": p.X.tolist(), "Y": p.Y.tolist()}
    if p.X_test is not None:
        data.update(X_test=p.X_test.tolist(), Y_test=p.Y_test.tolist())
    out = {
        "schema_version": SCHEMA_VERSION, "name": p.name, "description": p.description,
        "network": network_dict(p.net),
        "initial_params": None if p.initial_params is None else p.initial_params.tolist(),
        "data": data, "training": dict(p.training), "init": dict(p.init),
    }
    for key in ("show", "state", "history", "view"):
        if getattr(p, key) is not None:
            out[key] = getattr(p, key)
    return out


def _need(cond: bool, message: str) -> None:
    if not cond:
        raise ProjectError(message)


def _vector(v, n: int, what: str) -> np.ndarray:
    _need(isinstance(v, list) and len(v) == n and
          all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in v),
          f"{what} must be a list of {n} numbers")
    a = np.asarray(v, dtype=np.float64)
    _need(bool(np.isfinite(a).all()), f"{what} holds a value that is not finite")
    return a


def _training(t) -> dict:
    _need(isinstance(t, dict), "training must be an object")
    t = {**TRAINING_DEFAULTS, **t}
    _need(t["loss"] in LOSSES, f"training.loss must be one of {', '.join(LOSSES)}")
    _need(t["reduction"] in REDUCTIONS, "training.reduction must be 'mean' or 'sum'")
    _need(t["optimizer"] in OPTIMIZERS, f"training.optimizer must be one of {', '.join(OPTIMIZERS)}")
    lr = t["lr"]
    _need(isinstance(lr, (int, float)) and not isinstance(lr, bool) and math.isfinite(lr) and lr > 0,
          "training.lr must be a positive number")
    b = t["batch"]
    _need(b in ("full", "sample") or (isinstance(b, int) and not isinstance(b, bool) and b >= 1),
          "training.batch must be 'full', 'sample' or a size >= 1")
    _need(isinstance(t["shuffle"], bool), "training.shuffle must be true or false")
    me, th = t["max_epochs"], t["loss_threshold"]
    _need(me is None or (isinstance(me, int) and not isinstance(me, bool) and me > 0),
          "training.max_epochs must be a positive whole number or null")
    _need(th is None or (isinstance(th, (int, float)) and not isinstance(th, bool)
                         and math.isfinite(th) and th > 0),
          "training.loss_threshold must be a positive number or null")
    return t


def _init(i) -> dict:
    _need(isinstance(i, dict), "init must be an object")
    i = {**INIT_DEFAULTS, **i}
    _need(i["scheme"] in SCHEMES, f"init.scheme must be one of {', '.join(SCHEMES)}")
    _need(isinstance(i["seed"], int) and not isinstance(i["seed"], bool) and i["seed"] >= 0,
          "init.seed must be a whole number >= 0")
    for k in ("scale", "bias"):
        _need(isinstance(i[k], (int, float)) and not isinstance(i[k], bool) and math.isfinite(i[k]),
              f"init.{k} must be a finite number")
    return i


def from_dict(d) -> Project:
    """A Project from a parsed JSON value; ProjectError naming the problem otherwise."""
    try:
        return _from_dict(d)
    except ProjectError:
        raise
    except (KeyError, TypeError, ValueError, IndexError, AttributeError, OverflowError,
            RecursionError) as e:
        what = f"missing field {e}" if isinstance(e, KeyError) else str(e)
        raise ProjectError(f"not a valid project: {what}") from None


def _from_dict(d) -> Project:
    _need(isinstance(d, dict), "a project must be a JSON object")
    version = d.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise ProjectError(f"this file was written by a newer Backprop Studio (schema "
                           f"{version}); this version reads schema {SCHEMA_VERSION}")
    _need(version == SCHEMA_VERSION, f"unsupported schema_version {version!r} (this app reads "
                                     f"{SCHEMA_VERSION})")
    n = d["network"]
    _need(isinstance(n, dict), "network must be an object")
    sizes = n["sizes"]
    _need(isinstance(sizes, list) and 2 <= len(sizes) <= 12 and
          all(isinstance(s, int) and not isinstance(s, bool) and 1 <= s <= 256 for s in sizes),
          "network.sizes must list 2 to 12 layer sizes from 1 to 256")
    acts, bias = n["activations"], n.get("bias", True)
    _need(isinstance(acts, (str, list)), "network.activations must be a name or a list")
    _need(isinstance(bias, (bool, list)), "network.bias must be true/false or a list")
    net = Network(sizes, acts, bias, n.get("notation", "by_source"))
    init = _init(d.get("init", {}))
    if n.get("params") is not None:
        net.set_params(_vector(n["params"], net.params.size, "network.params"))
    else:
        initialise(net, init["scheme"], init["seed"], init["scale"], init["bias"])
    frozen = n.get("frozen") or []
    _need(isinstance(frozen, list) and all(isinstance(k, int) and not isinstance(k, bool)
                                           and 0 <= k < net.params.size for k in frozen),
          "network.frozen must list parameter indices")
    if frozen:
        net.frozen[np.asarray(frozen, dtype=int)] = True
        net.any_frozen = True
    data = d["data"]
    _need(isinstance(data, dict), "data must be an object")
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
    _need(len(X) == len(Y), f"data has {len(X)} inputs but {len(Y)} targets")
    if Xt is not None or Yt is not None:
        Xt = as_batch(Xt, net.sizes[0], "test data X")
        Yt = as_batch(Yt, net.sizes[-1], "test data Y")
        _need(len(Xt) == len(Yt), f"test data has {len(Xt)} inputs but {len(Yt)} targets")
    initial = d.get("initial_params")
    if initial is not None:
        initial = _vector(initial, net.params.size, "initial_params")
    training = _training(d.get("training", {}))
    state, history = d.get("state"), d.get("history")
    if state is not None:
        _check_state(state, len(X), net.params.size, training)
    if history is not None:
        _need(isinstance(history, dict), "history must be an object")
        e, ls = history.get("epochs"), history.get("losses")
        _need(isinstance(e, list) and isinstance(ls, list) and len(e) == len(ls) and
              all(isinstance(k, int) and not isinstance(k, bool) for k in e) and
              all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in ls),
              "history must hold equal lists of epochs (whole numbers) and losses (numbers)")
        _need(isinstance(history.get("stride", 1), int), "history.stride must be a whole number")
    for key in ("name", "description", "show", "view"):
        _need(d.get(key) is None or isinstance(d.get(key), str), f"{key} must be text")
    return Project(net, X, Y, training, init, d.get("name") or "Untitled",
                   d.get("description") or "", initial, Xt, Yt, d.get("show"), state, history,
                   d.get("view"))


def _whole(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v >= 0


def _check_state(state, N: int, P: int, training: dict) -> None:
    """The saved training state must fit the data (N samples) and parameters (P)."""
    _need(isinstance(state, dict) and _whole(state.get("epoch")) and _whole(state.get("steps")),
          "state must hold whole numbers epoch and steps")
    _need(_whole(state.get("position", 0)) and state.get("position", 0) < N,
          f"state.position must be a whole number below the {N} samples")
    if "order" in state:
        order = state["order"]
        _need(isinstance(order, list) and all(_whole(i) for i in order) and
              sorted(order) == list(range(N)), f"state.order must list the samples 0..{N - 1}")
    if "rng" in state:
        try:
            np.random.default_rng().bit_generator.state = state["rng"]
        except (TypeError, ValueError, KeyError, OverflowError):
            raise ProjectError("state.rng is not a random generator state") from None
    if "optimizer" in state:
        from core.optimizers import make_optimizer

        fresh = make_optimizer(training["optimizer"], P, 1.0).state()
        saved = state["optimizer"]
        _need(isinstance(saved, list) and len(saved) == len(fresh),
              f"state.optimizer does not fit the {training['optimizer']} optimiser")
        for x, like in zip(saved, fresh):
            if isinstance(like, np.ndarray):
                _vector(x, P, "state.optimizer")
            else:
                _need(_whole(x), "state.optimizer's step count must be a whole number")


def generate(spec: dict) -> tuple[np.ndarray, np.ndarray]:
    """Data from a built-in generator: {"generator": "xor", "n": 200, "noise": .15, "seed": 0}."""
    makers = {"xor": datasets.xor, "circle": datasets.circle, "gaussians": datasets.gaussians,
              "spiral": datasets.spiral, "stripe": datasets.stripe, "blobs": datasets.blobs,
              "sine": datasets.sine}
    name = spec["generator"]
    if name == "xor_corners":
        return datasets.xor_corners()
    _need(name in makers, f"unknown data generator {name!r}; known: xor_corners, "
                          f"{', '.join(makers)}")
    args = {k: spec[k] for k in ("n", "noise", "seed") if k in spec}
    _need(1 <= int(args.get("n", 1)) <= 100_000, "data n must be from 1 to 100000")
    return makers[name](**args)


def make_trainer(p: Project):
    """A Trainer for the project's network, data and training settings."""
    from core.training import Trainer

    s = p.training
    return Trainer(p.net, p.X, p.Y, loss=s["loss"], reduction=s["reduction"], lr=s["lr"],
                   batch=s["batch"], shuffle=s["shuffle"], seed=p.init.get("seed", 0),
                   optimizer=s["optimizer"])


def resume(p: Project, trainer) -> None:
    """Put the project's saved training state and history into a fresh trainer."""
    if p.state:
        s = p.state
        trainer.epoch, trainer.steps = s["epoch"], s["steps"]
        trainer.position = s.get("position", 0)
        if trainer.shuffle and "order" in s and "rng" in s:
            trainer.order = np.array(s["order"], dtype=np.intp)
            trainer.rng.bit_generator.state = s["rng"]
        if "optimizer" in s:
            trainer.opt.set_state(tuple(np.array(x, dtype=np.float64) if isinstance(x, list)
                                        else x for x in s["optimizer"]))
    if p.history:
        trainer.history.epochs = list(p.history["epochs"])
        trainer.history.losses = [float(v) for v in p.history["losses"]]
        trainer.history.stride = int(p.history.get("stride", 1))


def capture(p: Project, trainer) -> None:
    """Store the trainer's state and (finite, decimated) history in the project."""
    h = trainer.history
    keep = [k for k, v in enumerate(h.losses) if math.isfinite(v)]
    p.state = {"epoch": trainer.epoch, "steps": trainer.steps, "position": trainer.position}
    if trainer.shuffle:
        p.state["order"] = trainer.order.tolist()
        p.state["rng"] = trainer.rng.bit_generator.state
    opt = trainer.opt.state()
    if opt:
        p.state["optimizer"] = [x.tolist() if isinstance(x, np.ndarray) else x for x in opt]
    p.history = {"epochs": [h.epochs[k] for k in keep], "losses": [h.losses[k] for k in keep],
                 "stride": h.stride}


def loads(data: bytes | str, name: str = "the file") -> Project:
    """A Project from file contents; ProjectError (never another exception) otherwise."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise ProjectError(f"{name} is not a Backprop Studio project (not UTF-8 text)") from None
    try:
        d = json.loads(data)
    except json.JSONDecodeError as e:
        raise ProjectError(f"{name} is not valid JSON (line {e.lineno}, column {e.colno}): "
                           f"{e.msg}; it may be truncated") from None
    except RecursionError:
        raise ProjectError(f"{name} is nested too deeply to be a project") from None
    return from_dict(d)


def load(path: str | Path) -> Project:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE:
            raise ProjectError(f"{path.name} is larger than {MAX_FILE // 2**20} MiB")
        data = path.read_bytes()
    except OSError as e:
        raise ProjectError(f"cannot read {path}: {e.strerror or e}") from None
    return loads(data, path.name)


def save(p: Project, path: str | Path) -> None:
    """Write the project atomically: a temporary file next to ``path``, flushed to disk,
    then renamed over it, so a crash or a full disk never damages the previous file."""
    path = Path(path)
    text = json.dumps(to_dict(p), indent=1, allow_nan=False)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    os.close(fd)
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError):
            raise ProjectError(f"cannot save {path}: {e.strerror or e}") from None
        raise
