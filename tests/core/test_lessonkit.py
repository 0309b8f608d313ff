"""A lecturer's kit: checks are parsed (never run as code), profiles name known controls,
and a lesson file carries both through saving and loading."""

import json
import math

import pytest

from core.lessonkit import check_lesson, evaluate, locked, measure, parse_check
from core.project import ProjectError, dumps, loads
from resources import lesson_bytes, load_lesson


def test_a_check_is_comparisons_joined_by_and():
    c = parse_check("test_loss < 0.1 and hidden_neurons <= 4")
    assert [(x.quantity, x.op, x.value) for x in c] == [("test_loss", "<", 0.1), ("hidden_neurons", "<=", 4)]
    assert parse_check("accuracy >= 100%")[0].value == 1.0  # a share
    ok, rows = evaluate(c, {"test_loss": 0.05, "hidden_neurons": 4.0})
    assert ok and [good for _, _, good in rows] == [True, True]
    ok, rows = evaluate(c, {"test_loss": 0.5, "hidden_neurons": 2.0})
    assert not ok and [good for _, _, good in rows] == [False, True]
    assert not evaluate(parse_check("test_loss < 1"), {"loss": 0.1})[0]  # no test data: not met


def test_a_check_that_is_not_a_comparison_of_a_known_quantity_is_refused():
    for text, said in (("colour > 1", "unknown quantity 'colour'"),
                       ("__import__('os').system('x') < 1", "cannot read"),
                       ("loss < 1e999", "is not a number"), ("loss <", "cannot read"), ("", "must be text"),
                       ("loss < 0.1 or epoch > 3", "cannot read")):
        with pytest.raises(ValueError, match=said):
            parse_check(text)


def test_measure_reads_the_status_and_the_network():
    p = load_lesson("xor")
    v = measure(p.net.sizes, p.net.params.size, {"epoch": 3, "loss": 0.5, "accuracy": 0.75})
    assert v["hidden_neurons"] == 2 and v["hidden_layers"] == 1 and v["parameters"] == 9
    assert v["inputs"] == 2 and v["accuracy"] == 0.75 and math.isnan(v["test_loss"])


def test_profiles_lock_what_they_do_not_enable_and_name_unknown_controls():
    assert locked({"enabled": ["play", "lr"]}) >= {"structure", "weights", "step_batch"}
    assert "lr" not in locked({"enabled": ["play", "lr"]}) and locked({}) == set()
    assert locked({"hidden": ["play"]}) == {"play"}
    with pytest.raises(ValueError, match="unknown control 'teleport'"):
        check_lesson({"profile": {"enabled": ["teleport"]}})


def test_a_lesson_file_carries_its_kit_and_a_bad_check_is_one_clear_error():
    p = load_lesson("xor_challenge")
    assert p.lesson["profile"]["enabled"][:2] == ["play", "step_sample"]
    again = loads(dumps(p))
    assert again.lesson == p.lesson
    d = json.loads(lesson_bytes("xor_challenge"))
    d["lesson"]["challenges"][0]["check"] = "test_loss < 0.2 and colour == 3"
    with pytest.raises(ProjectError, match=r"lesson.challenges\[0\].check: unknown quantity 'colour'"):
        loads(json.dumps(d))
    d["lesson"]["challenges"][0] = {"check": "loss < 1", "solution": 7}
    with pytest.raises(ProjectError, match=r"lesson.challenges\[0\].solution must be text"):
        loads(json.dumps(d))
