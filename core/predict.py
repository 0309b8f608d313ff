"""Predict, then reveal: questions a learner answers before the app shows the truth.

About one training step (a ``core.derivation.Derivation``):

    delta      will δ of this neuron be positive or negative?      ('+' / '-')
    gradient   will ∂E/∂p be positive or negative?                  ('+' / '-')
    direction  will this weight go up, down, or stay?               ('up' / 'down' / 'stays')

About training (answered against what training then does):

    loss       after N epochs, will the loss be below a value?      ('yes' / 'no')
    boundary   where will the decision boundary be after N epochs?  (a line, judged by
               ``boundary_error``: the boundary's mean distance from it)

``step_question(dv, kind, rng)`` draws a question of ``kind`` about the step, its
truth kept in the question (the GUI shows it only after the answer). A value of
exactly 0 is its own answer ('0' for a sign, 'stays' for a direction): no guess
is right then but "zero", which the learner may also give.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core.derivation import Derivation
from core.formula import num, render
from core.text import QT_TRANSLATE_NOOP, Text

STEP_KINDS = ("delta", "gradient", "direction")
KINDS = (*STEP_KINDS, "loss", "boundary")
BOUNDARY_TOLERANCE = 0.1  # a guessed line within 10 % of the map's diagonal of the boundary: right


@dataclass(frozen=True)
class Question:
    """What is asked (``text``, translatable), the answers offered, the right one, and
    what the reveal says (the phase with its numbers, or the loss reached)."""

    kind: str
    text: Text
    choices: tuple[str, ...]
    answer: str
    truth: str  # e.g. 'δ_h1 = (0.4 × 0.1385 + 0.5 × (-0.0381)) × ... = 0.008771'
    #: the text's first value (the quantity asked about) and the truth as HTML, as the
    #: lecture panel writes them (Unicode has no subscript ŷ: 'δ_ŷ' reads like code)
    name_html: str = ""
    truth_html: str = ""

    def check(self, choice: str) -> bool:
        if choice not in self.choices:
            raise ValueError(QT_TRANSLATE_NOOP("predict", "answer one of {0}; got {1!r}")
                             .format(", ".join(self.choices), choice))
        return choice == self.answer


def _sign(v: float) -> str:
    return "+" if v > 0 else "-" if v < 0 else "0"


def step_question(dv: Derivation, kind: str, rng: np.random.Generator) -> Question:
    """A question of ``kind`` (one of STEP_KINDS) about a phase of the step, drawn with
    ``rng`` among the phases it can ask about."""
    if kind not in STEP_KINDS:
        raise ValueError(QT_TRANSLATE_NOOP("predict", "unknown question {0!r}; known: {1}")
                         .format(kind, ", ".join(STEP_KINDS)))
    phase_kinds = {"delta": ("output delta", "hidden delta"), "gradient": ("gradient",),
                   "direction": ("update",)}[kind]
    phases = [p for p in dv.phases if p.kind in phase_kinds]
    if kind == "direction":  # a frozen parameter does not move: nothing to predict
        frozen = {s.param for s in dv.trace.params if s.frozen}
        phases = [p for p in phases if p.params and p.params[0] not in frozen]
    if not phases:
        raise ValueError(QT_TRANSLATE_NOOP("predict", "this step has nothing to ask about that"))
    ph = phases[int(rng.integers(len(phases)))]
    name = render(ph.symbol, "unicode")
    truth = ph.render("unicode")
    html = (render(ph.symbol, "html"), ph.render("html"))
    if kind == "direction":
        step = next(s for s in dv.trace.params if s.param == ph.params[0])
        answer = "up" if step.new > step.old else "down" if step.new < step.old else "stays"
        text = QT_TRANSLATE_NOOP("predict", "After this step, will {0} (now {1}) go up, go down, or "
                                            "stay?").format(name, num(step.old, dv.digits))
        return Question(kind, text, ("up", "down", "stays"), answer, truth, *html)
    what = QT_TRANSLATE_NOOP("predict", "Will {0} be positive, negative or zero?").format(name)
    return Question(kind, what, ("+", "-", "0"), _sign(ph.value), truth, *html)


def loss_question(loss_now: float, epochs: int, below: float) -> Text:
    """'After N epochs, will the loss (now E) be below V?'"""
    if not (math.isfinite(below) and below > 0):
        raise ValueError(QT_TRANSLATE_NOOP("predict", "the loss to beat must be a positive number; "
                                                      "got {0}").format(below))
    return QT_TRANSLATE_NOOP("predict", "After {0} more epochs, will the loss (now {1}) be below {2}?"
                             ).format(epochs, num(loss_now), num(below))


def boundary_error(points: np.ndarray, guess, diagonal: float) -> float:
    """How far the boundary ``points`` (n, 2) lie from the guessed line, on average, as a
    share of the map's ``diagonal``. ``guess`` is the line's k >= 2 corners (k, 2) in
    order: a polyline whose first and last pieces go on past their ends (two corners: the
    straight line through them), so that a curved boundary can be matched by bending the
    line. inf when there is no boundary (one class everywhere) or no line (all corners
    at one point).

        d(p) = min over pieces of |p - nearest point of the piece|
        error = mean over boundary points of d(p) / diagonal
    """
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    corners = np.asarray(guess, dtype=float).reshape(-1, 2)
    a, b = corners[:-1], corners[1:]  # the pieces, (k - 1, 2) each
    lengths2 = ((b - a) ** 2).sum(axis=1)
    keep = lengths2 > 0  # a piece of no length adds nothing
    if not len(points) or not keep.any() or not diagonal > 0:
        return math.inf
    a, b, lengths2 = a[keep], b[keep], lengths2[keep]
    # t: where each point's foot falls on each piece (0 at a, 1 at b), (n, k - 1)
    t = np.einsum("nkd,kd->nk", points[:, None, :] - a[None], b - a) / lengths2
    lo = np.zeros(len(a))
    hi = np.ones(len(a))
    lo[0], hi[-1] = -np.inf, np.inf  # the ends go on as rays (both, for a single piece)
    t = np.clip(t, lo, hi)
    feet = a[None] + t[..., None] * (b - a)[None]
    d = np.sqrt(((points[:, None, :] - feet) ** 2).sum(axis=2)).min(axis=1)
    return float(d.mean() / diagonal)
