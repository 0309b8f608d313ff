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
     "snapshots": {"test": {"epochs", "values"}, "weights": {"epochs", "values": ARRAY}},
     "show": "a view to bring forward",
     "map_range": [x1_min, x1_max, x2_min, x2_max],   # optional: the decision map's view
     "map_slice": {"axes": [a, b], "held": [v1, ..., vd]}}   # optional, data of d > 2 inputs:
                     # the map's two inputs (0-based) and where every input is held

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
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from core import datasets
from core.checks import is_number, short
from core.features import Features
from core.init import SCHEMES, initialise
from core.lessonkit import check_lesson
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

def encode(a: np.ndarray):
    """An array as JSON: nested lists when small, exact base64 bytes when large."""
    a = np.asarray(a)
    if a.size <= LIST_LIMIT:
        return a.tolist()
    kind = "int64" if a.dtype.kind in "iu" else "float64"
    raw = np.ascontiguousarray(a, dtype="<i8" if kind == "int64" else "<f8").tobytes()
    return {"dtype": kind, "shape": list(a.shape), "base64": base64.b64encode(raw).decode()}


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
    for key in ("show", "state", "history", "snapshots"):
        if getattr(p, key) is not None:
            out[key] = getattr(p, key)
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


def check_translations(t) -> dict[str, dict[str, str]]:
    """A project's ``translations``: {language code: {"name": text, "description": text}},
    either text optional; ProjectError naming the problem otherwise."""
    _need(isinstance(t, dict), QT_TRANSLATE_NOOP("project", "{0} must be an object").format("translations"))
    _need(len(t) <= MAX_LANGUAGES, QT_TRANSLATE_NOOP("project", "translations lists more than {0} "
                                                                "languages").format(MAX_LANGUAGES))
    out = {}
    for code, texts in t.items():
        _need(LANGUAGE_CODE.fullmatch(code) is not None,
              QT_TRANSLATE_NOOP("project", "translations: {0} is not a two-letter language code "
                                           "such as cs").format(short(code)))
        _keys(texts, f"translations.{code}", ("name", "description"))
        out[code] = {key: _text(texts[key], f"translations.{code}.{key}", limit)
                     for key, limit in (("name", MAX_NAME), ("description", MAX_DESCRIPTION))
                     if key in texts}
    return out


def with_texts(p: Project, lang: str, name: str, description: str) -> Project:
    """A copy of ``p`` with its name and description in language ``lang`` set: its own
    for English, else its translation into ``lang`` (the English texts stay)."""
    if lang == "en":
        return replace(p, name=name, description=description)
    translations = {**(p.translations or {}), lang: {"name": name, "description": description}}
    return replace(p, translations=translations)


def localised(p: Project, lang: str) -> tuple[str, str]:
    """The project's name and description in language ``lang`` where it carries them
    (``translations``), else its own."""
    texts = (p.translations or {}).get(lang, {})
    return texts.get("name") or p.name, texts.get("description") or p.description


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
    _need(isinstance(d, dict), QT_TRANSLATE_NOOP("project", "{0} must be an object").format(what))
    unknown = [k for k in d if k not in allowed]
    if unknown:
        key = unknown[0]
        name = key if key.isidentifier() and len(key) <= 40 else short(key)
        raise ProjectError(QT_TRANSLATE_NOOP("project", "unknown field {0}.{1} (known: {2})")
                           .format(what, name, ', '.join(allowed)))
    return d


def _whole(v, what: str, lo: int = 0, hi: int = MAX_WHOLE) -> int:
    _need(isinstance(v, int) and not isinstance(v, bool),
          QT_TRANSLATE_NOOP("project", "{0} must be a whole number; got {1}").format(what, short(v)))
    _need(lo <= v <= hi, QT_TRANSLATE_NOOP("project", "{0} must be from {1} to {2}; got {3}")
                         .format(what, lo, hi, short(v)))
    return v


def _real(v, what: str, lo: float = -math.inf, hi: float = math.inf, positive: bool = False
          ) -> float:
    _need(is_number(v), QT_TRANSLATE_NOOP("project", "{0} must be a number; got {1}").format(what, short(v)))
    try:
        f = float(v)
    except OverflowError:
        raise ProjectError(QT_TRANSLATE_NOOP("project", "{0} is too large: {1}")
                           .format(what, short(v))) from None
    _need(math.isfinite(f), QT_TRANSLATE_NOOP("project", "{0} must be a finite number; got {1}")
                            .format(what, short(v)))
    _need(not positive or f > 0, QT_TRANSLATE_NOOP("project", "{0} must be a positive number; got {1:g}")
                                 .format(what, f))
    _need(lo <= f <= hi, QT_TRANSLATE_NOOP("project", "{0} must be from {1:g} to {2:g}; got {3:g}")
                         .format(what, lo, hi, f))
    return f


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
    _keys(d, what, ("dtype", "shape", "base64"))
    kind = _one_of(d.get("dtype"), f"{what}.dtype", ("float64", "int64"))
    shape = d.get("shape")
    _need(isinstance(shape, list) and 1 <= len(shape) <= 2,
          QT_TRANSLATE_NOOP("project", "{0}.shape must list 1 or 2 sizes").format(what))
    shape = [_whole(s, f"{what}.shape", 0, MAX_VALUES) for s in shape]
    n = math.prod(shape)
    _need(n <= MAX_VALUES, QT_TRANSLATE_NOOP("project", "{0} holds {1} numbers; at most {2}")
                           .format(what, n, MAX_VALUES))
    text = d.get("base64")
    _need(isinstance(text, str), QT_TRANSLATE_NOOP("project", "{0}.base64 must be text").format(what))
    _need(len(text) == 4 * math.ceil(8 * n / 3), QT_TRANSLATE_NOOP("project", "{0}.base64 does not hold "
                                                                              "{1} numbers").format(what, n))
    try:
        raw = base64.b64decode(text, validate=True)
    except (ValueError, TypeError):
        raise ProjectError(QT_TRANSLATE_NOOP("project", "{0}.base64 is not base64 text")
                           .format(what)) from None
    _need(len(raw) == 8 * n, QT_TRANSLATE_NOOP("project", "{0}.base64 does not hold {1} numbers")
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
        _need(a.shape == (n,), QT_TRANSLATE_NOOP("project", "{0} must hold {1} numbers; it holds {2}")
                               .format(what, n, a.size))
        return a.astype(np.float64)
    _need(isinstance(v, list) and len(v) == n, QT_TRANSLATE_NOOP("project", "{0} must be a list of {1} "
                                                                            "numbers").format(what, n))
    for k, x in enumerate(v):
        _real(x, f"{what}[{k}]")
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
    state, history, snapshots = d.get("state"), d.get("history"), d.get("snapshots")
    if state is not None:
        _check_state(state, len(X), P, training)
    if history is not None:
        _check_history(history)
    if snapshots is not None:
        snapshots = _check_snapshots(snapshots, P)
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
        order = state["order"]
        if isinstance(order, dict):
            order = _decoded(order, "state.order")
        else:
            _need(isinstance(order, list) and all(isinstance(i, int) and not isinstance(i, bool)
                                                  for i in order),
                  QT_TRANSLATE_NOOP("project", "state.order must list sample numbers"))
            order = np.asarray(order, dtype=np.int64) if order else np.zeros(0, np.int64)
        _need(order.shape == (N,) and np.array_equal(np.sort(order), np.arange(N)),
              QT_TRANSLATE_NOOP("project", "state.order must list the samples 0..{0} once each")
              .format(N - 1))
    if "rng" in state:
        rng = state["rng"]
        _keys(rng, "state.rng", ("bit_generator", "state", "has_uint32", "uinteger"))
        _need(rng.get("bit_generator") == "PCG64", QT_TRANSLATE_NOOP("project", "state.rng must be a PCG64 "
                                                                                "generator state"))
        inner = _keys(rng.get("state"), "state.rng.state", ("state", "inc"))
        for k in ("state", "inc"):
            _whole(inner.get(k), f"state.rng.state.{k}", 0, 2**128 - 1)
        _whole(rng.get("has_uint32"), "state.rng.has_uint32", 0, 1)
        _whole(rng.get("uinteger"), "state.rng.uinteger", 0, 2**32 - 1)
        try:
            np.random.default_rng().bit_generator.state = rng
        except (TypeError, ValueError, KeyError, OverflowError):
            raise ProjectError(QT_TRANSLATE_NOOP("project",
                                                 "state.rng is not a random generator state")
                               ) from None
    if "optimizer" in state:
        fresh = make_optimizer(training["optimizer"], P, 1.0).state()
        saved = state["optimizer"]
        _need(isinstance(saved, list) and len(saved) == len(fresh),
              QT_TRANSLATE_NOOP("project", "state.optimizer does not fit the {0} optimiser")
              .format(training['optimizer']))
        for k, (x, like) in enumerate(zip(saved, fresh)):
            if isinstance(like, np.ndarray):
                _vector(x, P, f"state.optimizer[{k}]")
            else:
                _whole(x, "state.optimizer's step count")


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


def _check_snapshots(s, P: int) -> dict:
    """{"test": {"epochs", "values"}, "weights": {"epochs", "values"}}; returns it with the
    weights as an array (k, P)."""
    _keys(s, "snapshots", ("test", "weights"))
    out = {}
    for key in ("test", "weights"):
        if key not in s:
            continue
        part = _keys(s[key], f"snapshots.{key}", ("epochs", "values"))
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
        else:
            if not epochs:
                out[key] = {"epochs": [], "values": np.zeros((0, P))}
                continue
            v = _rows(values, P, "snapshots.weights.values")
            _need(len(v) == len(epochs), QT_TRANSLATE_NOOP("project", "snapshots.weights.values must hold "
                                                                      "one row per epoch"))
            out[key] = {"epochs": list(epochs), "values": v}
    return out


def snapshots_dict(test_epochs, test_values, weight_epochs, weight_values) -> dict:
    """The "snapshots" entry: the test-loss curve and the weight snapshots (the timeline),
    thinned evenly (keeping the last) to at most MAX_SNAPSHOT_VALUES numbers."""
    W = np.asarray(weight_values, dtype=np.float64).reshape(len(weight_epochs), -1)
    keep = np.arange(len(weight_epochs))
    if W.size > MAX_SNAPSHOT_VALUES:
        k = max(1, MAX_SNAPSHOT_VALUES // max(W.shape[1], 1))
        keep = np.unique(np.linspace(0, len(weight_epochs) - 1, k).round().astype(int))
    return {"test": {"epochs": [int(e) for e in test_epochs],
                     "values": [float(v) for v in test_values]},
            "weights": {"epochs": [int(weight_epochs[i]) for i in keep],
                        "values": encode(W[keep]) if len(keep) else []}}


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
        raise ProjectError(f"{name}: {short(str(e), 100)}") from None
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
    """Write the project atomically: a temporary file next to the target (through a
    symbolic link: next to the file it points to), flushed to disk, given the target's
    permissions, then renamed over it, so a crash or a full disk never damages the
    previous file. Temporary files left by a killed save are removed."""
    text = dumps(p)
    target = Path(os.path.realpath(path))
    folder = target.parent
    _remove_stale(folder, target.name)
    try:
        mode = target.stat().st_mode & 0o7777
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
