"""Projects and lessons as JSON (never pickle, never eval).

    {"schema_version": 2, "name": ..., "description": ...,
     "network": {"sizes": [...], "activations": [...], "bias": [...], "notation": ...,
                 "params": ARRAY or null, "frozen": [flat indices...]},
     "initial_params": ARRAY or null,          # Reset goes back to these
     "data": {"X": ARRAY, "Y": ARRAY, "X_test": ARRAY, "Y_test": ARRAY}
             or {"generator": "xor", "n": 200, "noise": 0.15, "seed": 0, "test": 100},
     "training": {"loss", "reduction", "lr", "batch", "optimizer", "shuffle",
                  "max_epochs", "loss_threshold", "speed"},
     "init": {"scheme", "seed", "scale", "bias"},
     "state": {"epoch": ..., "steps": ...,     # optional: where training had got to,
               "position": ..., "order": [...], "rng": {...},   # in the epoch, shuffled
               "optimizer": [...]},                # momentum's v, Adam's m, s and t
     "history": {"epochs": [...], "losses": [...], "stride": ...},   # optional, decimated
     "snapshots": {"test": {"epochs", "values"},      # optional: the test curve and
                   "weights": {"epochs", "values": ARRAY,      # the timeline's snapshots,
                               "resume": [RESUME or null, ...]}},     # optional, one each
     "show": "a view to bring forward",
     "map_range": [x1_min, x1_max, x2_min, x2_max],   # optional: the decision map's view
     "map_slice": {"axes": [a, b], "held": [v1, ..., vd]}}   # optional, data of d > 2 inputs:
                     # the map's two inputs (0-based) and where every input is held

A RESUME is what training needs besides the weights to go on exactly from a
snapshot (Replay): {"steps", "position", "optimizer": [...]} and, when shuffling,
"rng" and the epoch's "order" or the generator state it was drawn from ("order_rng").

An ARRAY is nested lists of numbers or, for large ones, the exact bytes as
``{"dtype": "float64", "shape": [N, k], "base64": "..."}`` (little-endian), which
reads and writes a million samples in a fraction of a second.

Files are hostile: every field is checked for its type and range, NaN and
Infinity are refused anywhere, unknown fields are refused everywhere (naming
them), and a project this module accepts can always be saved again. Schema 1
files (the first version) still open; their "view" (a window layout) is ignored:
window layouts are preferences, never read from a project file. ``save`` writes
atomically and refuses a project that ``load`` would refuse. Every problem is a
``ProjectError`` naming the field.
"""

from __future__ import annotations

import base64
import json
import math
import os
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from core import datasets
from core.checks import is_number, real, short
from core.features import Features
from core.init import SCHEMES, initialise
from core.lessonkit import MAX_CHALLENGES, MAX_TEXT, check_lesson
from core.losses import LOSSES, REDUCTIONS
from core.network import Network
from core.notation import NOTATIONS
from core.optimizers import OPTIMIZERS, make_optimizer
from core.settings import MAX_REGULARIZATION
from core.text import QT_TRANSLATE_NOOP

SCHEMA_VERSION = 2
READABLE_VERSIONS = (1, 2)
TRAINING_DEFAULTS = {"loss": "bce", "reduction": "mean", "lr": 0.5, "batch": "full",
                     "optimizer": "sgd", "shuffle": False, "max_epochs": None,
                     "loss_threshold": None, "speed": 100, "l1": 0.0, "l2": 0.0}
INIT_DEFAULTS = {"scheme": "xavier", "seed": 0, "scale": 1.0, "bias": 0.0}
MAX_FILE = 256 * 2**20
MAX_VALUES = 2**24  # numbers in one data array (16.8 million: a million samples of 16 values)
MAX_SNAPSHOT_VALUES = 2_000_000  # weight snapshots saved (thinned evenly beyond)
MAX_WHOLE = 2**53
LIST_LIMIT = 4096  # arrays up to this many numbers are written as readable lists
MAX_NAME, MAX_DESCRIPTION = 200, 100_000


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
    state: dict | None = None  # {"epoch", "steps", ...} where training had got to
    history: dict | None = None  # {"epochs", "losses", "stride"}
    snapshots: dict | None = None  # {"test": {...}, "weights": {...}}: test curve, timeline
    map_range: tuple[float, float, float, float] | None = None  # the map's view; None: the data
    features: tuple[str, ...] | None = None  # the network's inputs from the data; None: as it is
    lesson: dict | None = None  # a lecturer's kit: {"profile": ..., "challenges": [...]} (lessonkit)
    # the name and description in other languages: {"cs": {"name": ..., "description": ...}}
    translations: dict | None = None
    # data of more than two inputs: the map's slice, ((a, b), held values); None: the first
    # two inputs, the others at their means
    map_slice: tuple[tuple[int, int], tuple[float, ...]] | None = None


# --- writing -------------------------------------------------------------------------------

def encode(a: np.ndarray, lists: bool = True):
    """An array as JSON: nested lists when small (unless not ``lists``), exact base64
    bytes when large."""
    a = np.asarray(a)
    if lists and a.size <= LIST_LIMIT:
        return a.tolist()
    kind = "int64" if a.dtype.kind in "iu" else "float64"
    raw = np.ascontiguousarray(a, dtype="<i8" if kind == "int64" else "<f8").tobytes()
    return {"dtype": kind, "shape": list(a.shape), "base64": base64.b64encode(raw).decode()}


def _snapshots_json(s: dict) -> dict:
    """Snapshots as ``snapshots_dict`` writes them, also when read by ``load`` (arrays
    and resume states decoded)."""
    w = s.get("weights")
    if w is None or not isinstance(w.get("values"), np.ndarray):
        return s
    out = {"epochs": list(w["epochs"]), "values": encode(w["values"]) if len(w["epochs"]) else []}
    if w.get("resume") is not None:
        out["resume"] = [None if r is None else encode_resume(r) for r in w["resume"]]
    return {**s, "weights": out}


def network_dict(net: Network) -> dict:
    """The "network" entry of a project."""
    return {"sizes": net.sizes, "activations": net.activations, "bias": net.use_bias,
            "notation": net.notation, "params": encode(net.params),
            "frozen": np.flatnonzero(net.frozen).tolist()}


def to_dict(p: Project) -> dict:
    data = {"X": encode(p.X), "Y": encode(p.Y)}
    if p.X_test is not None:
        data.update(X_test=encode(p.X_test), Y_test=encode(p.Y_test))
    out = {
        "schema_version": SCHEMA_VERSION, "name": p.name, "description": p.description,
        "network": {**network_dict(p.net),
                    **({"features": list(p.features)} if p.features is not None else {})},
        "initial_params": None if p.initial_params is None else encode(p.initial_params),
        "data": data, "training": dict(p.training), "init": dict(p.init),
    }
    for key in ("show", "state", "history"):
        if getattr(p, key) is not None:
            out[key] = getattr(p, key)
    if p.snapshots is not None:
        out["snapshots"] = _snapshots_json(p.snapshots)
    if p.map_range is not None:
        out["map_range"] = list(p.map_range)
    if p.map_slice is not None:
        out["map_slice"] = {"axes": list(p.map_slice[0]), "held": list(p.map_slice[1])}
    if p.lesson:
        out["lesson"] = p.lesson
    if p.translations:
        out["translations"] = p.translations
    return out


MAX_LANGUAGES = 20
LANGUAGE_CODE = re.compile(r"[a-z]{2}")  # ISO 639-1: cs, en, de, ...


def check_translations(t) -> dict[str, dict]:
    """A project's ``translations``: {language code: {"name": text, "description": text,
    "challenges": [{"title": text, "solution": text}, …]}}, each optional (a challenge's
    entry translates the lesson's challenge at its index); ProjectError naming the problem
    otherwise."""
    _need(isinstance(t, dict), QT_TRANSLATE_NOOP("project", "{0} must be an object").format("translations"))
    _need(len(t) <= MAX_LANGUAGES, QT_TRANSLATE_NOOP("project", "translations lists more than {0} "
                                                                "languages").format(MAX_LANGUAGES))
    out = {}
    for code, texts in t.items():
        _need(LANGUAGE_CODE.fullmatch(code) is not None,
              QT_TRANSLATE_NOOP("project", "translations: {0} is not a two-letter language code "
                                           "such as cs").format(short(code)))
        _keys(texts, f"translations.{code}", ("name", "description", "challenges"))
        out[code] = {key: _text(texts[key], f"translations.{code}.{key}", limit)
                     for key, limit in (("name", MAX_NAME), ("description", MAX_DESCRIPTION))
                     if key in texts}
        if "challenges" in texts:
            out[code]["challenges"] = _challenge_texts(texts["challenges"], f"translations.{code}")
    return out


def _challenge_texts(items, where: str) -> list[dict[str, str]]:
    what = f"{where}.challenges"
    _need(isinstance(items, list) and len(items) <= MAX_CHALLENGES,
          QT_TRANSLATE_NOOP("project", "{0} must be a list of at most {1}").format(what, MAX_CHALLENGES))
    out = []
    for k, c in enumerate(items):
        _keys(c, f"{what}[{k}]", ("title", "solution"))
        out.append({key: _text(c[key], f"{what}[{k}].{key}", MAX_TEXT) for key in ("title", "solution")
                    if key in c})
    return out


def _check_challenge_texts(translations: dict | None, lesson: dict | None) -> None:
    """A translation lists no more challenges than the lesson has."""
    n = len((lesson or {}).get("challenges", []))
    for code, texts in (translations or {}).items():
        m = len(texts.get("challenges", []))
        _need(m <= n, QT_TRANSLATE_NOOP("project", "translations.{0}.challenges lists {1} challenges; the "
                                                   "lesson has {2}").format(code, m, n))


MAX_COORDINATE = 1e6  # a map range's bounds lie within ± this


def check_map_range(r) -> tuple[float, float, float, float]:
    """A decision map's range [x1_min, x1_max, x2_min, x2_max]: four finite numbers within
    ±MAX_COORDINATE, each minimum below its maximum; ProjectError (a ValueError) saying
    which rule it breaks otherwise."""
    _need(isinstance(r, list | tuple) and len(r) == 4,
          QT_TRANSLATE_NOOP("project", "map_range must list 4 numbers (x1 from, x1 to, x2 from, x2 to); "
                                       "got {0}").format(short(r)))
    x0, x1, y0, y1 = (_real(v, f"map_range[{k}]", -MAX_COORDINATE, MAX_COORDINATE)
                      for k, v in enumerate(r))
    for lo, hi, axis in ((x0, x1, "x1"), (y0, y1, "x2")):
        _need(hi - lo > 1e-9 * max(1.0, abs(lo), abs(hi)),
              QT_TRANSLATE_NOOP("project", "map_range: the {0} range must run from a smaller to a larger "
                                           "number; got {1:g} to {2:g}").format(axis, lo, hi))
    return x0, x1, y0, y1


def check_map_slice(s, d: int) -> tuple[tuple[int, int], tuple[float, ...]]:
    """The map's slice through data of ``d`` > 2 inputs, {"axes": [a, b], "held": [v1..vd]}:
    two different inputs (0-based) on the map's axes and a finite value within
    ±MAX_COORDINATE for every input (those of the axes are not used); ((a, b), held), or
    ProjectError (a ValueError) saying which rule it breaks."""
    _need(d > 2, QT_TRANSLATE_NOOP("project", "map_slice is for data of more than two inputs; this "
                                              "data has {0}").format(d))
    _keys(s, "map_slice", ("axes", "held"))
    _need("axes" in s and "held" in s, QT_TRANSLATE_NOOP("project", "map_slice needs axes and held"))
    axes, held = s["axes"], s["held"]
    _need(isinstance(axes, list | tuple) and len(axes) == 2,
          QT_TRANSLATE_NOOP("project", "map_slice.axes must list 2 inputs; got {0}").format(short(axes)))
    a, b = (_whole(v, f"map_slice.axes[{k}]", 0, d - 1) for k, v in enumerate(axes))
    _need(a != b, QT_TRANSLATE_NOOP("project", "map_slice.axes must name two different inputs; "
                                               "got {0} twice").format(a))
    _need(isinstance(held, list | tuple) and len(held) == d,
          QT_TRANSLATE_NOOP("project", "map_slice.held must list {0} numbers, one for each input; "
                                       "got {1}").format(d, short(held)))
    return (a, b), tuple(_real(v, f"map_slice.held[{k}]", -MAX_COORDINATE, MAX_COORDINATE)
                         for k, v in enumerate(held))


# --- checks ----------------------------------------------------------------------------------

def _need(cond: bool, message: str) -> None:
    if not cond:
        raise ProjectError(message)


def _keys(d, what: str, allowed) -> dict:
    if not isinstance(d, dict):
        raise ProjectError(QT_TRANSLATE_NOOP("project", "{0} must be an object").format(what))
    unknown = [k for k in d if k not in allowed]
    if unknown:
        key = unknown[0]
        name = key if key.isidentifier() and len(key) <= 40 else short(key)
        raise ProjectError(QT_TRANSLATE_NOOP("project", "unknown field {0}.{1} (known: {2})")
                           .format(what, name, ', '.join(allowed)))
    return d


def _whole(v, what: str, lo: int = 0, hi: int = MAX_WHOLE) -> int:
    # (messages are made only on failure: a file may hold a million numbers to check)
    if not (isinstance(v, int) and not isinstance(v, bool)):
        raise ProjectError(QT_TRANSLATE_NOOP("project", "{0} must be a whole number; got {1}")
                           .format(what, short(v)))
    if not lo <= v <= hi:
        raise ProjectError(QT_TRANSLATE_NOOP("project", "{0} must be from {1} to {2}; got {3}")
                           .format(what, lo, hi, short(v)))
    return v


def _real(v, what: str, lo: float = -math.inf, hi: float = math.inf, positive: bool = False
          ) -> float:
    try:
        return real(v, what, lo, hi, positive)  # (core.checks: the same rules as typed input)
    except ValueError as e:
        raise ProjectError(e.args[0]) from None


def _text(v, what: str, limit: int) -> str:
    _need(isinstance(v, str), QT_TRANSLATE_NOOP("project", "{0} must be text").format(what))
    _need(len(v) <= limit, QT_TRANSLATE_NOOP("project", "{0} is longer than {1} characters")
                           .format(what, limit))
    return v


def _bool(v, what: str) -> bool:
    _need(isinstance(v, bool), QT_TRANSLATE_NOOP("project", "{0} must be true or false; got {1}")
                               .format(what, short(v)))
    return v


def _one_of(v, what: str, options) -> str:
    _need(isinstance(v, str) and v in options,
          QT_TRANSLATE_NOOP("project", "{0} must be one of {1}; got {2}")
          .format(what, ', '.join(options), short(v)))
    return v


def _decoded(d, what: str) -> np.ndarray:
    """An array written by ``encode`` as base64 bytes, checked."""
    # (messages are made only on failure: a file may hold thousands of these)
    _keys(d, what, ("dtype", "shape", "base64"))
    kind = d.get("dtype")
    if kind not in ("float64", "int64"):
        _one_of(kind, f"{what}.dtype", ("float64", "int64"))
    shape = d.get("shape")
    if not (isinstance(shape, list) and 1 <= len(shape) <= 2):
        raise ProjectError(QT_TRANSLATE_NOOP("project", "{0}.shape must list 1 or 2 sizes").format(what))
    for s in shape:
        if not (type(s) is int and 0 <= s <= MAX_VALUES):
            _whole(s, f"{what}.shape", 0, MAX_VALUES)
    n = math.prod(shape)
    if n > MAX_VALUES:
        raise ProjectError(QT_TRANSLATE_NOOP("project", "{0} holds {1} numbers; at most {2}")
                           .format(what, n, MAX_VALUES))
    text = d.get("base64")
    if not isinstance(text, str):
        raise ProjectError(QT_TRANSLATE_NOOP("project", "{0}.base64 must be text").format(what))
    try:
        raw = base64.b64decode(text, validate=True)
    except (ValueError, TypeError):
        raise ProjectError(QT_TRANSLATE_NOOP("project", "{0}.base64 is not base64 text")
                           .format(what)) from None
    if len(text) != 4 * math.ceil(8 * n / 3) or len(raw) != 8 * n:
        raise ProjectError(QT_TRANSLATE_NOOP("project", "{0}.base64 does not hold {1} numbers")
                           .format(what, n))
    a = np.frombuffer(raw, dtype="<i8" if kind == "int64" else "<f8").reshape(shape)
    a = a.astype(np.int64 if kind == "int64" else np.float64)  # native, writable
    if kind == "float64" and not np.isfinite(a).all():
        k = int(np.flatnonzero(~np.isfinite(a.ravel()))[0])
        raise ProjectError(QT_TRANSLATE_NOOP("project", "{0} holds a value that is not finite (number {1})")
                           .format(what, k + 1))
    return a


def _vector(v, n: int, what: str) -> np.ndarray:
    """n finite numbers: a list or an encoded array."""
    if isinstance(v, dict):
        a = _decoded(v, what)
        if a.shape != (n,):
            raise ProjectError(QT_TRANSLATE_NOOP("project", "{0} must hold {1} numbers; it holds {2}")
                               .format(what, n, a.size))
        return a.astype(np.float64)
    if not (isinstance(v, list) and len(v) == n):
        raise ProjectError(QT_TRANSLATE_NOOP("project", "{0} must be a list of {1} numbers")
                           .format(what, n))
    if all(type(x) in (float, int) for x in v):  # what JSON numbers read as (bool: not)
        try:
            a = np.asarray(v, dtype=np.float64)
        except OverflowError:
            a = None
        if a is not None and np.isfinite(a).all():
            return a
    for k, x in enumerate(v):
        if not (is_number(x) and _finite(x)):
            _real(x, f"{what}[{k}]")  # says what is wrong
    return np.asarray(v, dtype=np.float64)


def _rows(v, width: int, what: str) -> np.ndarray:
    """Samples of ``width`` finite numbers each: lists of rows or an encoded array."""
    if isinstance(v, dict):
        a = _decoded(v, what)
        _need(a.ndim == 2 and a.shape[1] == width,
              QT_TRANSLATE_NOOP("project", "{0} must have {1} columns; it has shape {2}")
              .format(what, width, tuple(a.shape)))
        _need(a.shape[0] >= 1, QT_TRANSLATE_NOOP("project", "{0} has no samples").format(what))
        return a.astype(np.float64)
    _need(isinstance(v, list) and len(v) >= 1, QT_TRANSLATE_NOOP("project", "{0} must be a non-empty list "
                                                                            "of samples").format(what))
    _need(len(v) * width <= MAX_VALUES, QT_TRANSLATE_NOOP("project", "{0} holds more than {1} numbers")
                                        .format(what, MAX_VALUES))
    for r, row in enumerate(v):
        _need(isinstance(row, list) and len(row) == width,
              QT_TRANSLATE_NOOP("project", "{0}[{1}] must be a list of {2} numbers (the network has {2})")
              .format(what, r, width))
        for c, x in enumerate(row):
            if not (is_number(x) and _finite(x)):
                raise ProjectError(QT_TRANSLATE_NOOP("project", "{0}[{1}][{2}] must be a finite number; "
                                                                "got {3}").format(what, r, c, short(x)))
    return np.asarray(v, dtype=np.float64)


def _finite(x) -> bool:
    try:
        return math.isfinite(x)
    except OverflowError:
        return False


def _training(t) -> dict:
    _keys(t, "training", TRAINING_DEFAULTS)
    t = {**TRAINING_DEFAULTS, **t}
    _one_of(t["loss"], "training.loss", LOSSES)
    _one_of(t["reduction"], "training.reduction", REDUCTIONS)
    _one_of(t["optimizer"], "training.optimizer", OPTIMIZERS)
    _real(t["lr"], "training.lr", positive=True)
    b = t["batch"]
    _need(b in ("full", "sample") if isinstance(b, str) else
          (isinstance(b, int) and not isinstance(b, bool) and 1 <= b <= MAX_WHOLE),
          QT_TRANSLATE_NOOP("project", "training.batch must be 'full', 'sample' or a size >= 1"))
    _bool(t["shuffle"], "training.shuffle")
    if t["max_epochs"] is not None:
        _whole(t["max_epochs"], "training.max_epochs", 1)
    if t["loss_threshold"] is not None:
        _real(t["loss_threshold"], "training.loss_threshold", positive=True)
    if t["speed"] is not None:
        _real(t["speed"], "training.speed (epochs per second)", 0.1, 1e6)
    for key in ("l1", "l2"):
        t[key] = _real(t[key], f"training.{key}", 0.0, MAX_REGULARIZATION)
    return t


def _init(i) -> dict:
    _keys(i, "init", INIT_DEFAULTS)
    i = {**INIT_DEFAULTS, **i}
    _one_of(i["scheme"], "init.scheme", SCHEMES)
    _whole(i["seed"], "init.seed", 0, 2**63)
    for k in ("scale", "bias"):
        _real(i[k], f"init.{k}", -1e6, 1e6)
    return i


def _network(n) -> Network:
    from core.activations import ACTIVATIONS

    _keys(n, "network", ("sizes", "activations", "bias", "notation", "params", "frozen", "features"))
    sizes = n.get("sizes")
    _need(isinstance(sizes, list) and 2 <= len(sizes) <= 12,
          QT_TRANSLATE_NOOP("project", "network.sizes must list 2 to 12 layer sizes"))
    for k, s in enumerate(sizes):
        _whole(s, f"network.sizes[{k}]", 1, 256)
    L = len(sizes) - 1
    acts = n.get("activations")
    names = [acts] * L if isinstance(acts, str) else acts
    _need(isinstance(names, list) and len(names) == L,
          QT_TRANSLATE_NOOP("project", "network.activations must be a name or a list of {0} names").format(L))
    for k, a in enumerate(names):
        _one_of(a, f"network.activations[{k}]", ACTIVATIONS)
    bias = n.get("bias", True)
    flags = [bias] * L if isinstance(bias, bool) else bias
    _need(isinstance(flags, list) and len(flags) == L,
          QT_TRANSLATE_NOOP("project", "network.bias must be true, false or a list of {0} of them").format(L))
    for k, b in enumerate(flags):
        _bool(b, f"network.bias[{k}]")
    notation = _one_of(n.get("notation", "by_source"), "network.notation", NOTATIONS)
    try:
        return Network(sizes, names, flags, notation)
    except ValueError as e:  # e.g. softmax on a hidden layer
        raise ProjectError(QT_TRANSLATE_NOOP("project", "network: {0}").format(e)) from None


# --- reading ---------------------------------------------------------------------------------

TOP = ("schema_version", "name", "description", "network", "initial_params", "data",
       "training", "init", "state", "history", "snapshots", "show", "map_range", "map_slice",
       "lesson", "translations", "view")  # "view": schema 1 only


def from_dict(d) -> Project:
    """A Project from a parsed JSON value; ProjectError naming the problem otherwise."""
    try:
        return _from_dict(d)
    except ProjectError:
        raise
    except (KeyError, TypeError, ValueError, IndexError, AttributeError, OverflowError,
            RecursionError, MemoryError) as e:  # a check this module lacks: still one line
        raise ProjectError(QT_TRANSLATE_NOOP("project", "not a valid project: {0}")
                           .format(short(str(e), 120))) from None


def _from_dict(d) -> Project:
    _need(isinstance(d, dict), QT_TRANSLATE_NOOP("project", "a project must be a JSON object"))
    version = d.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise ProjectError(QT_TRANSLATE_NOOP("project", "this file was written by a newer Backprop Studio "
                                                        "(schema {0}); this version reads schema {1}")
                           .format(version, SCHEMA_VERSION))
    _need(isinstance(version, int) and not isinstance(version, bool)
          and version in READABLE_VERSIONS,
          QT_TRANSLATE_NOOP("project", "unsupported schema_version {0} (this app reads 1 and 2)")
          .format(short(version)))
    _keys(d, "project", TOP if version == 1 else TOP[:-1])
    _need("network" in d, QT_TRANSLATE_NOOP("project", "missing field network"))
    net = _network(d["network"])
    P = net.params.size
    init = _init(d.get("init", {}))
    n = d["network"]
    if n.get("params") is not None:
        net.set_params(_vector(n["params"], P, "network.params"))
    else:
        initialise(net, init["scheme"], init["seed"], init["scale"], init["bias"])
    frozen = n.get("frozen") or []
    _need(isinstance(frozen, list), QT_TRANSLATE_NOOP("project", "network.frozen must list parameter "
                                                                 "indices"))
    for k, i in enumerate(frozen):
        _whole(i, f"network.frozen[{k}]", 0, P - 1)
    if frozen:
        net.frozen[np.asarray(frozen, dtype=int)] = True
        net.any_frozen = True
    _need("data" in d, QT_TRANSLATE_NOOP("project", "missing field data"))
    names = n.get("features")
    X, Y, Xt, Yt = _data(d["data"], net, any_width=names is not None)
    features = None
    if names is not None:
        try:
            features = Features.from_names(X.shape[1], names)
        except ValueError as e:
            raise ProjectError(QT_TRANSLATE_NOOP("project", "network.features: {0}").format(e)) from None
        _need(features.n_inputs == net.sizes[0],
              QT_TRANSLATE_NOOP("project", "network.features lists {0} inputs but network.sizes[0] is {1}")
              .format(features.n_inputs, net.sizes[0]))
        features = None if features.is_identity else features.names
    initial = d.get("initial_params")
    if initial is not None:
        initial = _vector(initial, P, "initial_params")
    training = _training(d.get("training", {}))
    try:  # as the trainer will check them: a file that opens can be trained
        net.check_trainable()
    except ValueError as e:
        raise ProjectError(QT_TRANSLATE_NOOP("project", "network: {0}").format(e)) from None
    for targets, inputs, where in ((Y, X, "data.Y"), (Yt, Xt, "data.Y_test")):
        if targets is not None:
            try:
                net.check_targets(targets, training["loss"], len(inputs))
            except ValueError as e:
                raise ProjectError(QT_TRANSLATE_NOOP("project", "{0}: {1}").format(where, e)) from None
    state, history, snapshots = d.get("state"), d.get("history"), d.get("snapshots")
    if state is not None:
        _check_state(state, len(X), P, training)
    if history is not None:
        _check_history(history)
    if snapshots is not None:
        snapshots = _check_snapshots(snapshots, len(X), P, training)
    _check_reached(history, snapshots, state["epoch"] if state is not None else 0)
    name = _text(d.get("name") or "Untitled", "name", MAX_NAME)
    description = _text(d.get("description") or "", "description", MAX_DESCRIPTION)
    show = d.get("show")
    if show is not None:
        _text(show, "show", 100)
    map_range = d.get("map_range")
    if map_range is not None:
        map_range = check_map_range(map_range)
    map_slice = d.get("map_slice")
    if map_slice is not None:
        map_slice = check_map_slice(map_slice, X.shape[1])
    lesson = d.get("lesson")
    if lesson is not None:
        try:
            lesson = check_lesson(lesson)
        except ValueError as e:
            raise ProjectError(e.args[0]) from None  # (a Text: translated when shown)
    translations = d.get("translations")
    if translations is not None:
        translations = check_translations(translations) or None
        _check_challenge_texts(translations, lesson)
    return Project(net, X, Y, training, init, name, description, initial, Xt, Yt, show,
                   state, history, snapshots, map_range, features, lesson or None, translations,
                   map_slice)


DATA_LISTS = ("X", "Y", "X_test", "Y_test")
DATA_GENERATOR = ("generator", "n", "noise", "seed", "test")


def _width(v) -> int | None:
    """The number of columns of a data array as a file holds it (None: not an array)."""
    if isinstance(v, dict) and isinstance(v.get("shape"), list) and len(v["shape"]) == 2:
        return v["shape"][1] if isinstance(v["shape"][1], int) else None
    if isinstance(v, list) and v and isinstance(v[0], list):
        return len(v[0])
    return None


def _data(data, net: Network, any_width: bool = False):
    """X, Y, X_test, Y_test; X as wide as the network's inputs, or (``any_width``: the
    network's inputs are features of the data) as wide as the data is."""
    _need(isinstance(data, dict), QT_TRANSLATE_NOOP("project", "data must be an object"))
    n_in, n_out = net.sizes[0], net.sizes[-1]
    if any_width and "generator" not in data:
        n_in = _width(data.get("X")) or n_in
    if "generator" in data:
        _keys(data, "data", DATA_GENERATOR)
        X, Y = generate(data)
        Xt = Yt = None
        if data.get("test"):
            Xt, Yt = generate({**data, "n": data["test"], "seed": data.get("seed", 0) + 1})
        if any_width:
            n_in = X.shape[1]
        _need(X.shape[1] == n_in and Y.shape[1] == n_out,
              QT_TRANSLATE_NOOP("project", "data: the {0} generator gives {1} inputs and {2} targets; the "
                                           "network has {3} and {4}")
              .format(data['generator'], X.shape[1], Y.shape[1], n_in, n_out))
        return X, Y, Xt, Yt
    _keys(data, "data", DATA_LISTS)
    _need("X" in data and "Y" in data, QT_TRANSLATE_NOOP("project", "data needs X and Y (or a generator)"))
    X, Y = _rows(data["X"], n_in, "data.X"), _rows(data["Y"], n_out, "data.Y")
    _need(len(X) == len(Y), QT_TRANSLATE_NOOP("project", "data has {0} inputs but {1} targets")
                            .format(len(X), len(Y)))
    Xt = Yt = None
    if data.get("X_test") is not None or data.get("Y_test") is not None:
        _need(data.get("X_test") is not None and data.get("Y_test") is not None,
              QT_TRANSLATE_NOOP("project", "data needs both X_test and Y_test, or neither"))
        Xt = _rows(data["X_test"], n_in, "data.X_test")
        Yt = _rows(data["Y_test"], n_out, "data.Y_test")
        _need(len(Xt) == len(Yt), QT_TRANSLATE_NOOP("project", "test data has {0} inputs but {1} targets")
                                  .format(len(Xt), len(Yt)))
    _need(X.size + Y.size + (0 if Xt is None else Xt.size + Yt.size) <= MAX_VALUES,
          QT_TRANSLATE_NOOP("project", "the data holds more than {0} numbers").format(MAX_VALUES))
    return X, Y, Xt, Yt


def _check_state(state, N: int, P: int, training: dict) -> None:
    """The saved training state must fit the data (N samples) and parameters (P)."""
    _keys(state, "state", ("epoch", "steps", "position", "order", "rng", "optimizer"))
    _need("epoch" in state and "steps" in state, QT_TRANSLATE_NOOP("project", "state must hold epoch and "
                                                                              "steps"))
    _whole(state["epoch"], "state.epoch")
    _whole(state["steps"], "state.steps")
    _whole(state.get("position", 0), "state.position", 0, N - 1)
    if "order" in state:
        _check_order(state["order"], N, "state.order")
    if "rng" in state:
        _check_rng(state["rng"], "state.rng")
    if "optimizer" in state:
        _check_optimizer(state["optimizer"], P, training["optimizer"], "state.optimizer")


def _check_order(order, N: int, what: str) -> np.ndarray:
    """An epoch's sample order: each of 0..N-1 once (a list or an encoded array)."""
    if isinstance(order, dict):
        order = _decoded(order, what)
    else:
        _need(isinstance(order, list) and all(isinstance(i, int) and not isinstance(i, bool)
                                              for i in order),
              QT_TRANSLATE_NOOP("project", "{0} must list sample numbers").format(what))
        order = np.asarray(order, dtype=np.int64) if order else np.zeros(0, np.int64)
    _need(order.shape == (N,) and np.array_equal(np.sort(order), np.arange(N)),
          QT_TRANSLATE_NOOP("project", "{0} must list the samples 0..{1} once each").format(what, N - 1))
    return order.astype(np.intp)


def _check_rng(rng, what: str) -> dict:
    """A PCG64 generator state as numpy writes it (``bit_generator.state``)."""
    _keys(rng, what, ("bit_generator", "state", "has_uint32", "uinteger"))
    if rng.get("bit_generator") != "PCG64":
        raise ProjectError(QT_TRANSLATE_NOOP("project", "{0} must be a PCG64 generator state")
                           .format(what))
    inner = _keys(rng.get("state"), what + ".state", ("state", "inc"))
    for k in ("state", "inc"):
        _whole(inner.get(k), what + ".state." + k, 0, 2**128 - 1)
    _whole(rng.get("has_uint32"), what + ".has_uint32", 0, 1)
    _whole(rng.get("uinteger"), what + ".uinteger", 0, 2**32 - 1)
    try:
        np.random.PCG64(0).state = rng
    except (TypeError, ValueError, KeyError, OverflowError):
        raise ProjectError(QT_TRANSLATE_NOOP("project", "{0} is not a random generator state")
                           .format(what)) from None
    return {"bit_generator": "PCG64", "state": {"state": inner["state"], "inc": inner["inc"]},
            "has_uint32": rng["has_uint32"], "uinteger": rng["uinteger"]}


def _check_optimizer(saved, P: int, optimizer: str, what: str) -> tuple:
    """The optimiser's state (momentum's v; Adam's m, s and t) for P parameters."""
    kinds = ["v" if isinstance(x, np.ndarray) else "t" for x in make_optimizer(optimizer, 1, 1.0).state()]
    if not (isinstance(saved, list) and len(saved) == len(kinds)):
        raise ProjectError(QT_TRANSLATE_NOOP("project", "{0} does not fit the {1} optimiser")
                           .format(what, optimizer))
    state = tuple(_vector(x, P, f"{what}[{k}]") if kind == "v" else _whole(x, what + "'s step count")
                  for k, (x, kind) in enumerate(zip(saved, kinds)))
    if optimizer == "adam" and (state[1] < 0).any():  # (its root is taken: NaN steps)
        raise ProjectError(QT_TRANSLATE_NOOP("project", "{0}[1], Adam's running mean of squared "
                                                        "gradients, must not be negative").format(what))
    return state


RESUME_KEYS = ("steps", "position", "order", "order_rng", "rng", "optimizer")


def _check_resume(r, epoch: int, N: int, P: int, training: dict, what: str) -> dict | None:
    """A weight snapshot's resume state (``encode_resume``), or None: the state
    ``Trainer.rewind`` takes, with the snapshot's epoch."""
    if r is None:
        return None
    _keys(r, what, RESUME_KEYS)
    if "steps" not in r:
        raise ProjectError(QT_TRANSLATE_NOOP("project", "{0} must hold steps").format(what))
    state = {"epoch": epoch, "steps": _whole(r["steps"], what + ".steps"),
             "position": _whole(r.get("position", 0), what + ".position", 0, N - 1),
             "order": None, "order_rng": None, "rng": None, "opt": ()}
    has_state = bool(make_optimizer(training["optimizer"], 1, 1.0).state())
    if ("optimizer" in r) != has_state:
        raise ProjectError(QT_TRANSLATE_NOOP("project", "{0}.optimizer must be there exactly when the "
                                                        "optimiser has a state ({1})")
                           .format(what, training["optimizer"]))
    if has_state:
        state["opt"] = _check_optimizer(r["optimizer"], P, training["optimizer"], what + ".optimizer")
    if training["shuffle"]:
        if not ("rng" in r and ("order" in r) != ("order_rng" in r)):
            raise ProjectError(QT_TRANSLATE_NOOP("project", "{0} of shuffled training must hold rng and "
                                                            "either order or order_rng").format(what))
        state["rng"] = _check_rng(r["rng"], f"{what}.rng")
        if "order" in r:
            state["order"] = _check_order(r["order"], N, f"{what}.order")
        else:
            state["order_rng"] = _check_rng(r["order_rng"], f"{what}.order_rng")
    else:
        _need(not {"rng", "order", "order_rng"} & r.keys(),
              QT_TRANSLATE_NOOP("project", "{0}: order, order_rng and rng are for shuffled training "
                                           "only").format(what))
    return state


def encode_resume(state: dict) -> dict:
    """A resume state (``Trainer.resume_state``) as JSON, without its epoch (the snapshot's)."""
    out = {"steps": int(state["steps"]), "position": int(state["position"])}
    if state["opt"]:
        # as bytes: a third of the text of a list, and read without a check per number
        out["optimizer"] = [encode(x, lists=False) if isinstance(x, np.ndarray) else int(x)
                            for x in state["opt"]]
    if state["rng"] is not None:  # kept only when shuffling
        out["rng"] = state["rng"]
        if state["order"] is not None:
            out["order"] = encode(state["order"], lists=False)
        else:
            out["order_rng"] = state["order_rng"]
    return out


def _check_history(history) -> None:
    _keys(history, "history", ("epochs", "losses", "stride"))
    e, ls = history.get("epochs"), history.get("losses")
    _need(isinstance(e, list) and isinstance(ls, list) and len(e) == len(ls),
          QT_TRANSLATE_NOOP("project", "history must hold equal lists of epochs and losses"))
    _need(len(e) <= 1_000_000, QT_TRANSLATE_NOOP("project", "history holds more than 1000000 points"))
    last = -1
    for k, (epoch, loss) in enumerate(zip(e, ls)):
        _whole(epoch, f"history.epochs[{k}]")
        _need(epoch > last, QT_TRANSLATE_NOOP("project", "history.epochs[{0}] must be larger than the one "
                                                         "before").format(k))
        last = epoch
        _real(loss, f"history.losses[{k}]")
    _whole(history.get("stride", 1), "history.stride", 1)


def _check_reached(history: dict | None, snapshots: dict | None, epoch: int) -> None:
    """No loss or snapshot past the epoch training reached (``state.epoch``, 0 without a
    state): the app never writes one, and training on from such a file would record
    epochs out of order, a project that could no longer be saved."""
    lists = [("history.epochs", history["epochs"] if history else [])]
    lists += [(f"snapshots.{key}.epochs", part["epochs"]) for key, part in (snapshots or {}).items()]
    for what, epochs in lists:
        _need(not epochs or epochs[-1] <= epoch,
              QT_TRANSLATE_NOOP("project", "{0} reaches epoch {1}, past the epoch training reached "
                                           "(state.epoch: {2})").format(what, epochs[-1] if epochs else 0,
                                                                         epoch))


def _check_snapshots(s, N: int, P: int, training: dict) -> dict:
    """{"test": {"epochs", "values"}, "weights": {"epochs", "values", "resume"}}; returns
    it with the weights as an array (k, P) and the resume states (optional, one per
    snapshot or null) as ``Trainer.rewind`` takes them."""
    _keys(s, "snapshots", ("test", "weights"))
    out = {}
    for key in ("test", "weights"):
        if key not in s:
            continue
        part = _keys(s[key], f"snapshots.{key}",
                     ("epochs", "values", "resume") if key == "weights" else ("epochs", "values"))
        epochs = part.get("epochs")
        _need(isinstance(epochs, list) and len(epochs) <= 100_000,
              QT_TRANSLATE_NOOP("project", "snapshots.{0}.epochs must list at most 100000 epochs")
              .format(key))
        last = -1
        for k, epoch in enumerate(epochs):
            _whole(epoch, f"snapshots.{key}.epochs[{k}]")
            _need(epoch > last, QT_TRANSLATE_NOOP("project", "snapshots.{0}.epochs[{1}] must be larger "
                                                             "than the one before").format(key, k))
            last = epoch
        values = part.get("values")
        if key == "test":
            _need(isinstance(values, list) and len(values) == len(epochs),
                  QT_TRANSLATE_NOOP("project", "snapshots.test.values must list one loss per epoch"))
            for k, v in enumerate(values):
                _real(v, f"snapshots.test.values[{k}]")
            out[key] = {"epochs": list(epochs), "values": list(values)}
            continue
        resume = part.get("resume")
        if resume is not None:
            _need(isinstance(resume, list) and len(resume) == len(epochs),
                  QT_TRANSLATE_NOOP("project", "snapshots.weights.resume must hold one state (or null) "
                                               "per epoch"))
            resume = [_check_resume(r, e, N, P, training, f"snapshots.weights.resume[{k}]")
                      for k, (r, e) in enumerate(zip(resume, epochs))]
        if not epochs:
            out[key] = {"epochs": [], "values": np.zeros((0, P))}
            continue
        v = _rows(values, P, "snapshots.weights.values")
        _need(len(v) == len(epochs), QT_TRANSLATE_NOOP("project", "snapshots.weights.values must hold "
                                                                  "one row per epoch"))
        out[key] = {"epochs": list(epochs), "values": v,
                    **({"resume": resume} if resume is not None else {})}
    return out


def snapshots_dict(test_epochs, test_values, weight_epochs, weight_values,
                   resume_epochs=(), resume_values=()) -> dict:
    """The "snapshots" entry: the test-loss curve and the weight snapshots (the timeline)
    with each one's resume state where one is kept (matched by epoch), thinned evenly
    (keeping the last) to at most MAX_SNAPSHOT_VALUES numbers, optimiser states counted."""
    W = np.asarray(weight_values, dtype=np.float64).reshape(len(weight_epochs), -1)
    by_epoch = {e: r for e, r in zip(resume_epochs, resume_values) if r is not None}
    resume = [by_epoch.get(e) for e in weight_epochs]
    width = W.shape[1] + max((sum(np.size(x) for x in r["opt"]) for r in by_epoch.values()),
                             default=0)
    keep = np.arange(len(weight_epochs))
    if len(weight_epochs) * width > MAX_SNAPSHOT_VALUES:
        k = max(1, MAX_SNAPSHOT_VALUES // max(width, 1))
        keep = np.unique(np.linspace(0, len(weight_epochs) - 1, k).round().astype(int))
    weights = {"epochs": [int(weight_epochs[i]) for i in keep],
               "values": encode(W[keep]) if len(keep) else []}
    if any(resume[i] is not None for i in keep):
        weights["resume"] = [None if resume[i] is None else encode_resume(resume[i]) for i in keep]
    return {"test": {"epochs": [int(e) for e in test_epochs],
                     "values": [float(v) for v in test_values]},
            "weights": weights}


def generate(spec: dict) -> tuple[np.ndarray, np.ndarray]:
    """Data from a built-in generator: {"generator": "xor", "n": 200, "noise": .15, "seed": 0}."""
    makers = {"xor": datasets.xor, "circle": datasets.circle, "gaussians": datasets.gaussians,
              "spiral": datasets.spiral, "stripe": datasets.stripe, "blobs": datasets.blobs,
              "sine": datasets.sine, "plane": datasets.plane, "gauss": datasets.gauss}
    name = spec.get("generator")
    _one_of(name, "data.generator", ("xor_corners", *makers))
    if name == "xor_corners":
        return datasets.xor_corners()
    args = {}
    if "n" in spec:
        args["n"] = _whole(spec["n"], "data.n", 1, 100_000)
    if "noise" in spec:
        args["noise"] = _real(spec["noise"], "data.noise", 0.0, 10.0)
    if "seed" in spec:
        args["seed"] = _whole(spec["seed"], "data.seed", 0, 2**63)
    if spec.get("test") is not None:
        _whole(spec["test"], "data.test", 0, 100_000)
    return makers[name](**args)


def project_features(p: Project) -> Features:
    """The map from the project's data to its network's inputs."""
    d = p.X.shape[1]
    return Features.identity(d) if p.features is None else Features.from_names(d, p.features)


def make_trainer(p: Project):
    """A Trainer for the project's network, data and training settings."""
    from core.training import Trainer

    inputs = project_features(p)(p.X)
    return Trainer.from_settings(p.net, inputs, p.Y, p.training, p.init.get("seed", 0))


def resume(p: Project, trainer) -> None:
    """Put the project's saved training state and history into a fresh trainer."""
    if p.state:
        s = p.state
        trainer.epoch, trainer.steps = s["epoch"], s["steps"]
        trainer.position = s.get("position", 0)
        if trainer.shuffle and "order" in s and "rng" in s:
            order = s["order"]
            trainer.set_order(_decoded(order, "state.order") if isinstance(order, dict)
                              else np.array(order, dtype=np.intp), s["rng"])
        if "optimizer" in s:
            trainer.opt.set_state(tuple(_vector(x, trainer.net.params.size, "state.optimizer")
                                        if isinstance(x, list | dict) else x
                                        for x in s["optimizer"]))
    if p.history:
        trainer.history.epochs = list(p.history["epochs"])
        trainer.history.losses = [float(v) for v in p.history["losses"]]
        trainer.history.stride = int(p.history.get("stride", 1))
        trainer.trim_history()  # (a file may end at an epoch's start with that epoch measured)


def capture(p: Project, trainer) -> None:
    """Store the trainer's state and (finite, decimated) history in the project."""
    h = trainer.history
    keep = [k for k, v in enumerate(h.losses) if math.isfinite(v)]
    p.state = {"epoch": trainer.epoch, "steps": trainer.steps, "position": trainer.position}
    if trainer.shuffle:
        p.state["order"] = encode(trainer.order)
        p.state["rng"] = trainer.rng.bit_generator.state
    opt = trainer.opt.state()
    if opt:
        p.state["optimizer"] = [encode(x) if isinstance(x, np.ndarray) else x for x in opt]
    p.history = {"epochs": [h.epochs[k] for k in keep], "losses": [h.losses[k] for k in keep],
                 "stride": h.stride}


def _no_constant(name: str):
    raise ProjectError(QT_TRANSLATE_NOOP("project", "the file holds {0}, which is not a number a project "
                                                    "may hold").format(name))


def loads(data: bytes | str, name: str = "the file") -> Project:
    """A Project from file contents; ProjectError (never another exception) otherwise."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise ProjectError(QT_TRANSLATE_NOOP("project", "{0} is not a Backprop Studio project (not "
                                                            "UTF-8 text)").format(name)) from None
    try:
        d = json.loads(data, parse_constant=_no_constant)
    except json.JSONDecodeError as e:
        raise ProjectError(QT_TRANSLATE_NOOP("project", "{0} is not valid JSON (line {1}, column {2}): "
                                                        "{3}; it may be truncated")
                           .format(name, e.lineno, e.colno, e.msg)) from None
    except RecursionError:
        raise ProjectError(QT_TRANSLATE_NOOP("project", "{0} is nested too deeply to be a project")
                           .format(name)) from None
    except ValueError as e:  # e.g. an integer of more than 4300 digits
        raise ProjectError(QT_TRANSLATE_NOOP("project", "{0} cannot be read: {1}")
                           .format(name, short(str(e), 100))) from None
    return from_dict(d)


def load(path: str | Path) -> Project:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE:
            raise ProjectError(QT_TRANSLATE_NOOP("project", "{0} is larger than {1} MiB")
                               .format(path.name, MAX_FILE // 2**20))
        data = path.read_bytes()
    except OSError as e:
        raise ProjectError(QT_TRANSLATE_NOOP("project", "cannot read {0}: {1}")
                           .format(path, e.strerror or e)) from None
    return loads(data, path.name)


def dumps(p: Project) -> str:
    """The project's JSON text; ProjectError if ``load`` would refuse it (so a project the
    app saves always opens again)."""
    d = to_dict(p)
    try:
        text = json.dumps(d, indent=1, allow_nan=False)
    except ValueError:
        raise ProjectError(QT_TRANSLATE_NOOP("project", "the project holds a value that is not finite; it "
                                                        "cannot be saved")) from None
    if len(text) > MAX_FILE:
        raise ProjectError(QT_TRANSLATE_NOOP("project", "the project would be {0:.0f} MiB; projects are "
                                                        "limited to {1} MiB (use less data)")
                           .format(len(text) / 2**20, MAX_FILE // 2**20))
    try:  # the check load makes, on exactly what is written
        from_dict(json.loads(text))
    except ValueError as e:
        raise ProjectError(QT_TRANSLATE_NOOP("project", "the project cannot be saved: {0}")
                           .format(e)) from None
    return text


STALE_TMP = 3600.0  # seconds after which another process's temporary file is abandoned


def save(p: Project, path: str | Path) -> None:
    """Write the project atomically (``write``)."""
    write(dumps(p), path)


def write(text: str, path: str | Path, mode: int | None = None) -> None:
    """Write a project's text atomically: a temporary file next to the target (through a
    symbolic link: next to the file it points to), flushed to disk, given the target's
    permissions (or ``mode``), then renamed over it, so a crash or a full disk never
    damages the previous file. Temporary files left by a killed save are removed."""
    target = Path(os.path.realpath(path))
    folder = target.parent
    _remove_stale(folder, target.name)
    try:
        mode = target.stat().st_mode & 0o7777 if mode is None else mode
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    except OSError as e:
        raise ProjectError(QT_TRANSLATE_NOOP("project", "cannot save {0}: {1}")
                           .format(path, e.strerror or e)) from None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp",
                                   dir=folder)
    except OSError as e:
        raise ProjectError(QT_TRANSLATE_NOOP("project", "cannot save {0}: {1}")
                           .format(path, e.strerror or e)) from None
    os.close(fd)
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError):
            raise ProjectError(QT_TRANSLATE_NOOP("project", "cannot save {0}: {1}")
                               .format(path, e.strerror or e)) from None
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _remove_stale(folder: Path, name: str) -> None:
    """Remove ``.NAME.PID.xxxx.tmp`` files of saves that cannot still be running: written
    by a process that has ended, or older than an hour."""
    try:
        candidates = list(folder.glob(f".{glob_escape(name)}.*.tmp"))
    except OSError:
        return
    now = time.time()
    for tmp in candidates:
        parts = tmp.name[len(name) + 2:].split(".")
        pid = int(parts[0]) if parts and parts[0].isdigit() else None
        try:
            old = now - tmp.stat().st_mtime > STALE_TMP
            if old or (pid is not None and not _running(pid)):
                tmp.unlink()
        except OSError:
            pass


def _running(pid: int) -> bool:
    """Whether process ``pid`` exists (POSIX; elsewhere assume it does: age decides)."""
    if pid == os.getpid():
        return False  # this process saves one file at a time: its old ones are leftovers
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def glob_escape(name: str) -> str:
    """``name`` with glob's special characters quoted."""
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)
