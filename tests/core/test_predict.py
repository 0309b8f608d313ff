"""Predict, then reveal: questions about a step carry the engine's own truth."""

import math

import numpy as np
import pytest

from core.derivation import derive
from core.predict import boundary_error, loss_question, step_question
from resources import load_lesson


def step(lesson: str):
    p = load_lesson(lesson)
    s = p.training
    return derive(p.net, p.X[0], p.Y[0], s["loss"], s["lr"], s["reduction"])


def test_each_kind_asks_about_a_phase_and_knows_its_sign_from_the_engine():
    dv = step("hand_note")
    seen = set()
    for seed in range(40):
        q = step_question(dv, "delta", np.random.default_rng(seed))
        ph = next(p for p in dv.phases if p.render("unicode") == q.truth)
        assert ph.kind in ("output delta", "hidden delta")
        assert q.answer == ("+" if ph.value > 0 else "-" if ph.value < 0 else "0")
        assert q.check(q.answer) and not q.check("+" if q.answer != "+" else "-")
        seen.add(q.truth)
    assert len(seen) == 3  # δ_ŷ, δ_h1, δ_h2 all come up
    q = step_question(dv, "gradient", np.random.default_rng(0))
    assert q.choices == ("+", "-", "0") and q.truth.startswith("∂E/∂w")


def test_direction_follows_the_update_and_skips_frozen_parameters():
    dv = step("hand_note")  # the reference: w6 0.15 -> 0.1694 (up), w1 0.11 -> 0.1221 (up)
    answers = {}
    for seed in range(60):
        q = step_question(dv, "direction", np.random.default_rng(seed))
        ph = next(p for p in dv.phases if p.render("unicode") == q.truth)
        s = next(s for s in dv.trace.params if s.param == ph.params[0])
        assert q.answer == ("up" if s.new > s.old else "down" if s.new < s.old else "stays")
        answers[s.label] = q.answer
    assert answers["w6"] == "up" and answers["w1"] == "up" and len(answers) == 6
    mazur = step("mazur")  # its biases are frozen: never asked about
    frozen = {s.param for s in mazur.trace.params if s.frozen}
    assert frozen
    for seed in range(60):
        q = step_question(mazur, "direction", np.random.default_rng(seed))
        ph = next(p for p in mazur.phases if p.render("unicode") == q.truth)
        assert ph.params[0] not in frozen


def test_bad_answers_and_bad_thresholds_are_refused():
    q = step_question(step("hand_note"), "delta", np.random.default_rng(1))
    with pytest.raises(ValueError, match="answer one of"):
        q.check("maybe")
    with pytest.raises(ValueError, match="unknown question 'colour'"):
        step_question(step("hand_note"), "colour", np.random.default_rng(1))
    with pytest.raises(ValueError, match="positive number"):
        loss_question(0.7, 100, -1.0)
    assert "below 0.35" in loss_question(0.6931, 200, 0.35)


def test_boundary_error_is_the_mean_distance_from_the_guessed_line_over_the_diagonal():
    pts = np.column_stack([np.linspace(0, 1, 11), np.linspace(0, 1, 11)])  # on y = x
    assert boundary_error(pts, [(0, 0), (2, 2)], 2.0) == pytest.approx(0.0, abs=1e-12)
    shifted = boundary_error(pts + [0, 0.2], [(0, 0), (1, 1)], 2.0)
    assert shifted == pytest.approx(0.2 / math.sqrt(2) / 2)
    # two corners: the whole straight line through them, not just the piece between
    assert boundary_error(pts, [(0.4, 0.4), (0.5, 0.5)], 2.0) == pytest.approx(0.0, abs=1e-12)
    assert boundary_error(np.empty((0, 2)), [(0, 0), (1, 1)], 2.0) == math.inf  # no boundary
    assert boundary_error(pts, [(1, 1), (1, 1)], 2.0) == math.inf  # no line


def test_a_bent_line_matches_a_curved_boundary():
    """A boundary along y = |x|: no straight line comes near, the bent line through its
    corner lies on it; pieces between corners end at them, the outer ones go on."""
    x = np.linspace(-1, 1, 41)
    vee = np.column_stack([x, np.abs(x)])
    straight = min(boundary_error(vee, [(-1, c), (1, c)], 2.0) for c in np.linspace(0, 1, 21))
    assert straight > 0.1
    assert boundary_error(vee, [(-0.5, 0.5), (0, 0), (0.5, 0.5)], 2.0) == pytest.approx(0, abs=1e-12)
    # distance to the nearest piece, measured to its end beyond a corner: (0, -1) is 1 from (0, 0)
    assert boundary_error([(0, -1)], [(-1, 1), (0, 0), (1, 1)], 1.0) == pytest.approx(1.0)
    # brute force: the distance to a densely sampled bent line
    rng = np.random.default_rng(0)
    corners = rng.uniform(-1, 1, (4, 2))
    pts = rng.uniform(-1, 1, (30, 2))
    t, far = np.linspace(0, 1, 20001)[:, None], np.linspace(0, 50, 50001)[:, None]
    dense = np.vstack([a + t * (b - a) for a, b in zip(corners[:-1], corners[1:])]
                      + [corners[0] + far * (corners[0] - corners[1]),  # the two rays
                         corners[-1] + far * (corners[-1] - corners[-2])])
    brute = np.mean([np.sqrt(((dense - p) ** 2).sum(1)).min() for p in pts])
    assert boundary_error(pts, corners, 1.0) == pytest.approx(brute, abs=2e-3)
