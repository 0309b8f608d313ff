"""Network inputs as a function of the data: the one place that maps data points to
what the first layer sees (TensorFlow Playground's ``constructInput``).

Plots work in data coordinates (x1, x2); the network sees ``features(points)``.
Every forward pass from data or from a grid goes through a Features object, so an
input such as x1·x2 or sin x1 is one name here, not a change in every view.

    points (N, d)  --features-->  inputs (N, n_0)

A feature is named in a small fixed grammar over the data's coordinates x1 .. xd:

    xi          the coordinate itself
    xi^2        its square
    xi*xj       a product of two (i < j)
    sin(xi)     its sine
    cos(xi)     its cosine

Names are parsed into (kind, i, j) and every output — the values, the typeset name
(x₁x₂), the numpy and PyTorch expressions of the exported scripts — is made from the
parsed numbers, never from the text a file held.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from core.network import as_batch
from core.text import QT_TRANSLATE_NOOP

Array = np.ndarray

MAX_FEATURES = 32
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_GRAMMAR = (("x", re.compile(r"x(\d{1,3})")), ("square", re.compile(r"x(\d{1,3})\^2")),
            ("product", re.compile(r"x(\d{1,3})\*x(\d{1,3})")),
            ("sin", re.compile(r"sin\(x(\d{1,3})\)")), ("cos", re.compile(r"cos\(x(\d{1,3})\)")))


@dataclass(frozen=True)
class Feature:
    """One input: ``kind`` of coordinate ``i`` (and ``j`` for a product), 0-based."""

    kind: str
    i: int
    j: int = -1

    @property
    def name(self) -> str:
        """The name in the project file's grammar: x1, x1^2, x1*x2, sin(x1)."""
        a, b = f"x{self.i + 1}", f"x{self.j + 1}"
        return {"x": a, "square": f"{a}^2", "product": f"{a}*{b}", "sin": f"sin({a})",
                "cos": f"cos({a})"}[self.kind]

    def unicode(self) -> str:
        """As the canvas writes it: x₁, x₁², x₁x₂, sin x₁."""
        a, b = f"x{self.i + 1}".translate(_SUB), f"x{self.j + 1}".translate(_SUB)
        return {"x": a, "square": a + "²", "product": a + b, "sin": f"sin {a}",
                "cos": f"cos {a}"}[self.kind]

    def values(self, P: Array) -> Array:
        """This feature's column for points P (N, d)."""
        a = P[:, self.i]
        if self.kind == "x":
            return a
        if self.kind == "square":
            return a * a
        if self.kind == "product":
            return a * P[:, self.j]
        return np.sin(a) if self.kind == "sin" else np.cos(a)

    def sym(self) -> FeatureSym:
        """This feature as a formula token (the lecture names input neurons with it)."""
        return FeatureSym(self)

    def code(self, P: str, module: str) -> str:
        """A numpy (``module`` "np") or PyTorch ("torch") expression for this column of the
        points array named ``P``."""
        a, b = f"{P}[:, {self.i}]", f"{P}[:, {self.j}]"
        return {"x": a, "square": f"{a} * {a}", "product": f"{a} * {b}",
                "sin": f"{module}.sin({a})", "cos": f"{module}.cos({a})"}[self.kind]


@dataclass(frozen=True)
class FeatureSym:
    """A feature as a token of ``core.formula``: rendered plain, Unicode, HTML, LaTeX."""

    feature: Feature

    def with_role(self, role: str) -> FeatureSym:
        return self  # an input has no delta or gradient of its own

    def plain(self) -> str:
        f = self.feature
        a, b = f"x{f.i + 1}", f"x{f.j + 1}"
        return {"x": a, "square": f"{a}^2", "product": f"{a}·{b}", "sin": f"sin({a})",
                "cos": f"cos({a})"}[f.kind]

    def unicode(self) -> str:
        return self.feature.unicode()

    def html(self) -> str:
        f = self.feature
        a, b = f"x<sub>{f.i + 1}</sub>", f"x<sub>{f.j + 1}</sub>"
        return {"x": a, "square": f"{a}<sup>2</sup>", "product": a + b, "sin": f"sin {a}",
                "cos": f"cos {a}"}[f.kind]

    def latex(self) -> str:
        f = self.feature
        a, b = f"x_{{{f.i + 1}}}", f"x_{{{f.j + 1}}}"
        return {"x": a, "square": f"{a}^{{2}}", "product": f"{a} {b}", "sin": rf"\sin {a}",
                "cos": rf"\cos {a}"}[f.kind]


def parse(name, d: int) -> Feature:
    """The feature called ``name`` for data with ``d`` coordinates; ValueError saying why
    not (unknown form, or an input the data lacks: sin(x3) with two inputs)."""
    if not isinstance(name, str) or len(name) > 20:
        raise ValueError(QT_TRANSLATE_NOOP("features", "a feature is a short name such as x1, x1^2, x1*x2, "
                                                       "sin(x1); got {0!r}").format(str(name)[:20]))
    text = name.replace(" ", "")
    for kind, pattern in _GRAMMAR:
        m = pattern.fullmatch(text)
        if m:
            idx = [int(g) for g in m.groups()]
            for k in idx:
                if not 1 <= k <= d:
                    raise ValueError(QT_TRANSLATE_NOOP("features", "feature {0} needs input x{1}, but the "
                                                                   "data has {2} input(s)")
                                     .format(name, k, d))
            if kind == "product" and idx[0] >= idx[1]:
                raise ValueError(QT_TRANSLATE_NOOP("features", "write a product with the smaller index "
                                                               "first (x1*x2); got {0}").format(name))
            return Feature(kind, idx[0] - 1, idx[1] - 1 if len(idx) > 1 else -1)
    raise ValueError(QT_TRANSLATE_NOOP("features", "unknown feature {0!r}: use xi, xi^2, xi*xj, sin(xi) "
                                                   "or cos(xi)").format(name))


def offered(d: int) -> list[str]:
    """The features the data panel and the input neurons' menu offer for d coordinates:
    each xi, xi², sin xi, cos xi, and the products of the first four (TensorFlow
    Playground's seven for d = 2, and cosines)."""
    out = [f"x{i + 1}" for i in range(d)] + [f"x{i + 1}^2" for i in range(d)]
    out += [f"x{i + 1}*x{j + 1}" for i in range(min(d, 4)) for j in range(i + 1, min(d, 4))]
    out += [f"sin(x{i + 1})" for i in range(d)] + [f"cos(x{i + 1})" for i in range(d)]
    return out


@dataclass(frozen=True)
class Features:
    """The map from data points with ``d`` coordinates to network inputs named ``names``."""

    d: int
    names: tuple[str, ...]

    @classmethod
    def identity(cls, d: int) -> Features:
        """x1 .. xd as they are."""
        return cls(d, tuple(f"x{i + 1}" for i in range(d)))

    @classmethod
    def from_names(cls, d: int, names) -> Features:
        """Features for d-coordinate data from a list of names (a project's
        ``network.features``); ValueError naming the first problem. Names are stored in
        their canonical form (``x1 * x2`` becomes ``x1*x2``)."""
        if not isinstance(names, list | tuple) or not names:
            raise ValueError(QT_TRANSLATE_NOOP("features", "features must list at least one input, such "
                                                           "as [\"x1\", \"x2\"]"))
        if len(names) > MAX_FEATURES:
            raise ValueError(QT_TRANSLATE_NOOP("features", "at most {0} features; got {1}")
                             .format(MAX_FEATURES, len(names)))
        parsed = [parse(n, d) for n in names]
        canonical = tuple(f.name for f in parsed)
        if len(set(canonical)) != len(canonical):
            raise ValueError(QT_TRANSLATE_NOOP("features", "a feature is listed twice"))
        return cls(d, canonical)

    @property
    def n_inputs(self) -> int:
        return len(self.names)

    @property
    def is_identity(self) -> bool:
        return self.names == Features.identity(self.d).names

    @cached_property
    def parsed(self) -> tuple[Feature, ...]:
        """The names parsed once (every forward pass from a grid or the data uses them)."""
        return tuple(parse(n, self.d) for n in self.names)

    def __call__(self, points) -> Array:
        """Network inputs (N, n_inputs) for data points (N, d) (one point: (d,))."""
        P = as_batch(points, self.d, "data points")
        if self.is_identity:
            return P
        return np.column_stack([f.values(P) for f in self.parsed])
