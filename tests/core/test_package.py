"""The wheel holds the whole app: every subpackage and the lessons (the first version's
wheel lacked gui.canvas, gui.panels, gui.plots and resources/). `.ci/run` also installs it
in a fresh venv and runs it from outside the checkout."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def test_the_wheel_holds_every_package_and_the_lessons(tmp_path):
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                        "-q", "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    sources = {str(p.relative_to(ROOT)) for pkg in ("core", "gui", "bench", "resources")
               for p in (ROOT / pkg).rglob("*.py")}
    lessons = {str(p.relative_to(ROOT)) for p in (ROOT / "resources/lessons").glob("*.json")}
    assert sources <= names, sorted(sources - names)
    assert lessons <= names and len(lessons) >= 10, sorted(lessons - names)
    assert "main.py" in names
    assert not any(n.startswith("tests/") for n in names)
