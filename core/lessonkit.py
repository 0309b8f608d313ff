"""A lecturer's kit in a lesson file: a profile of the controls a student may use, and
challenges with a check the app evaluates and a solution the student can reveal.

In the project file (schema 2), all optional:

    "lesson": {
      "profile": {"enabled": ["step_sample", "lr"], "hidden": ["play"]},
      "challenges": [{"title": "Learn XOR with at most 4 hidden neurons",
                      "check": "test_loss < 0.1 and hidden_neurons <= 4",
                      "solution": "One hidden layer of 2 to 4 tanh neurons, lr 0.5 ..."}]
    }

``enabled`` lists the only controls a student can use (absent: all of them); ``hidden``
controls are also taken off the screen. A check is one or more comparisons joined by
``and``: QUANTITY OP NUMBER, with OP one of < <= > >= == and a number that may end in %
(a share: 100% is 1). It is parsed, never evaluated as code. Quantities:

    loss, test_loss, accuracy, test_accuracy     on the training / test data (shares)
    epoch, hidden_neurons, hidden_layers, parameters, inputs
"""

from __future__ import annotations

import math
import operator
import re
from dataclasses import dataclass

from core.text import QT_TRANSLATE_NOOP

CONTROLS = ("play", "step_sample", "step_batch", "step_epoch", "step_back", "reset", "reinit",
            "lr", "batch", "loss", "optimizer", "regularisation", "structure", "weights", "data",
            "features")
CONTROL_TEXT = {"play": QT_TRANSLATE_NOOP("lessonkit", "Play"),
                "step_sample": QT_TRANSLATE_NOOP("lessonkit", "Step sample"),
                "step_batch": QT_TRANSLATE_NOOP("lessonkit", "Step batch"),
                "step_epoch": QT_TRANSLATE_NOOP("lessonkit", "Step epoch"),
                "step_back": QT_TRANSLATE_NOOP("lessonkit", "Step back"),
                "reset": QT_TRANSLATE_NOOP("lessonkit", "Reset"),
                "reinit": QT_TRANSLATE_NOOP("lessonkit", "Re-initialise"),
                "lr": QT_TRANSLATE_NOOP("lessonkit", "the learning rate"),
                "batch": QT_TRANSLATE_NOOP("lessonkit", "the batch size"),
                "loss": QT_TRANSLATE_NOOP("lessonkit", "the loss"),
                "optimizer": QT_TRANSLATE_NOOP("lessonkit", "the optimiser"),
                "regularisation": QT_TRANSLATE_NOOP("lessonkit", "regularisation"),
                "structure": QT_TRANSLATE_NOOP("lessonkit", "the network's shape"),
                "weights": QT_TRANSLATE_NOOP("lessonkit", "editing weights"),
                "data": QT_TRANSLATE_NOOP("lessonkit", "the data"),
                "features": QT_TRANSLATE_NOOP("lessonkit", "the input features")}
SETTING_CONTROLS = {"lr": ("lr",), "batch": ("batch",), "loss": ("loss", "reduction"),
                    "optimizer": ("optimizer",), "regularisation": ("l1", "l2")}
QUANTITIES = ("loss", "test_loss", "accuracy", "test_accuracy", "epoch", "hidden_neurons",
              "hidden_layers", "parameters", "inputs")
OPS = {"<=": operator.le, ">=": operator.ge, "==": operator.eq, "<": operator.lt, ">": operator.gt}
MAX_CHALLENGES, MAX_TEXT = 50, 10_000
_CLAUSE = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(<=|>=|==|<|>)\s*([-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?)"
                     r"\s*(%?)\s*$")


@dataclass(frozen=True)
class Clause:
    quantity: str
    op: str
    value: float

    def text(self) -> str:
        return f"{self.quantity} {self.op} {self.value:g}"


def parse_check(text: str) -> tuple[Clause, ...]:
    """'test_loss < 0.1 and hidden_neurons <= 4' as clauses; ValueError naming what is
    wrong (an unknown quantity, a missing number)."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError(QT_TRANSLATE_NOOP("lessonkit", "a check must be text like 'test_loss < 0.1'"))
    if len(text) > 1000:
        raise ValueError(QT_TRANSLATE_NOOP("lessonkit", "a check must be at most 1000 characters"))
    clauses = []
    for part in re.split(r"\s+and\s+", text.strip()):
        m = _CLAUSE.match(part)
        if m is None:
            raise ValueError(QT_TRANSLATE_NOOP("lessonkit", "cannot read {0!r}: write QUANTITY OP NUMBER, "
                                                            "e.g. test_loss < 0.1").format(part[:80]))
        name, op, number, percent = m.groups()
        if name not in QUANTITIES:
            raise ValueError(QT_TRANSLATE_NOOP("lessonkit", "unknown quantity {0!r}; known: {1}")
                             .format(name, ", ".join(QUANTITIES)))
        try:
            value = float(number) / (100.0 if percent else 1.0)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            raise ValueError(QT_TRANSLATE_NOOP("lessonkit", "{0!r} is not a number").format(number))
        clauses.append(Clause(name, op, value))
    return tuple(clauses)


def evaluate(clauses: tuple[Clause, ...], values: dict) -> tuple[bool, list[tuple[Clause, float, bool]]]:
    """Whether every clause holds for the measured ``values`` (quantity -> number; a
    quantity not measured, e.g. test_loss without test data, fails), clause by clause."""
    rows = []
    for c in clauses:
        v = values.get(c.quantity, math.nan)
        rows.append((c, v, bool(math.isfinite(v) and OPS[c.op](v, c.value))))
    return all(ok for _, _, ok in rows), rows


def check_profile(p) -> dict:
    """A profile as it may be stored: {'enabled': [...], 'hidden': [...]}, every name a
    known control; ValueError naming what is wrong."""
    if not isinstance(p, dict) or set(p) - {"enabled", "hidden"}:
        raise ValueError(QT_TRANSLATE_NOOP("lessonkit", "lesson.profile must be an object with "
                                                        "'enabled' and/or 'hidden' lists"))
    out = {}
    for key in ("enabled", "hidden"):
        if key in p:
            names = p[key]
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                raise ValueError(QT_TRANSLATE_NOOP("lessonkit", "lesson.profile.{0} must list control "
                                                                "names").format(key))
            for n in names:
                if n not in CONTROLS:
                    raise ValueError(QT_TRANSLATE_NOOP("lessonkit", "lesson.profile.{0}: unknown control "
                                                                    "{1!r}; known: {2}")
                                     .format(key, n[:40], ", ".join(CONTROLS)))
            out[key] = list(dict.fromkeys(names))
    return out


def check_challenges(items) -> list[dict]:
    """Challenges as they may be stored: a list of {'title', 'check', 'solution'}, the
    check parsed (an unknown quantity is an error here, at load, not at Check)."""
    if not isinstance(items, list) or len(items) > MAX_CHALLENGES:
        raise ValueError(QT_TRANSLATE_NOOP("lessonkit", "lesson.challenges must be a list of at most "
                                                        "{0}").format(MAX_CHALLENGES))
    out = []
    for k, c in enumerate(items):
        if not isinstance(c, dict) or set(c) - {"title", "check", "solution"} or "check" not in c:
            raise ValueError(QT_TRANSLATE_NOOP("lessonkit", "lesson.challenges[{0}] must be an object "
                                                            "with a check (and a title, a solution)")
                             .format(k))
        entry = {}
        for key in ("title", "check", "solution"):
            v = c.get(key, "")
            if not isinstance(v, str) or len(v) > MAX_TEXT:
                raise ValueError(QT_TRANSLATE_NOOP("lessonkit", "lesson.challenges[{0}].{1} must be text "
                                                                "of at most {2} characters")
                                 .format(k, key, MAX_TEXT))
            entry[key] = v
        try:
            parse_check(entry["check"])
        except ValueError as e:
            raise ValueError(QT_TRANSLATE_NOOP("lessonkit", "lesson.challenges[{0}].check: {1}")
                             .format(k, e)) from None
        out.append(entry)
    return out


def check_lesson(d) -> dict:
    """The 'lesson' entry of a project: its profile and challenges, checked."""
    if not isinstance(d, dict) or set(d) - {"profile", "challenges"}:
        raise ValueError(QT_TRANSLATE_NOOP("lessonkit", "lesson must be an object with 'profile' and/or "
                                                        "'challenges'"))
    out = {}
    if "profile" in d:
        out["profile"] = check_profile(d["profile"])
    if "challenges" in d:
        out["challenges"] = check_challenges(d["challenges"])
    return out


def locked(profile: dict) -> set[str]:
    """The controls a profile takes away (all but 'enabled'; the hidden ones too)."""
    enabled = profile.get("enabled")
    off = set() if enabled is None else set(CONTROLS) - set(enabled)
    return off | set(profile.get("hidden", ()))


def control_of_setting(key: str) -> str | None:
    """The control a training setting belongs to (lr -> 'lr', l1 -> 'regularisation')."""
    return next((c for c, keys in SETTING_CONTROLS.items() if key in keys), None)


def measure(sizes: list[int], n_params: int, status: dict) -> dict:
    """The quantities a check may name, from the network's sizes and the document's
    status (epoch, loss, accuracy and, with test data, test_loss and test_accuracy)."""
    nan = math.nan
    out = {"epoch": float(status.get("epoch", nan)), "loss": float(status.get("loss", nan)),
           "accuracy": float(status.get("accuracy") if status.get("accuracy") is not None else nan),
           "test_loss": float(status.get("test_loss", nan)),
           "test_accuracy": float(status.get("test_accuracy", nan)),
           "hidden_neurons": float(sum(sizes[1:-1])), "hidden_layers": float(len(sizes) - 2),
           "parameters": float(n_params), "inputs": float(sizes[0])}
    return out
