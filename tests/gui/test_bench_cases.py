"""The file benchmark's cases still run (``python -m bench files`` is not part of the suite:
its project_run case had stopped running when projects began to check their timeline
against their state, and nothing said so). Not timed."""

import json
import subprocess
import sys
from pathlib import Path

from bench.files import CASE
from core.project import save
from resources import load_lesson

ROOT = Path(__file__).resolve().parent.parent.parent


def case(name: str, path: Path) -> dict:
    r = subprocess.run([sys.executable, "-c", CASE, name, str(path)], cwd=ROOT, capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    return json.loads(r.stdout)


def test_the_run_case_writes_and_reopens_a_timeline_of_2000_snapshots(tmp_path):
    out = case("project_run", tmp_path / "run.json")
    assert out["shape"] == [2000, 105] and out["s"] > 0  # 2-8-8-1: 105 weights and biases


def test_the_autosave_case_measures_the_windows_pause(tmp_path):
    project = load_lesson("xor")
    save(project, tmp_path / "xor.json")
    out = case("autosave_1m", tmp_path / "xor.json")
    assert out["shape"] == [len(project.X)] and 0 < out["s"] < 60 and 0 <= out["gap_s"] < 60
