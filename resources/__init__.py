"""The app's resources: the lessons (``lessons/*.json``).

Found through ``importlib.resources``, so they work from a checkout, an installed
wheel or a bundled app alike. This is the one place that knows where they are.
"""

from __future__ import annotations

import re
from importlib.resources import files

_NAME = re.compile(r"[a-z0-9_]{1,64}")


def _folder():
    return files(__name__).joinpath("lessons")


def lesson_names() -> list[str]:
    """The built-in lessons' names (file names without .json), sorted."""
    return sorted(p.name[:-5] for p in _folder().iterdir() if p.name.endswith(".json"))


def lesson_bytes(name: str) -> bytes:
    """The lesson file's contents; ValueError naming the known lessons otherwise."""
    if not isinstance(name, str) or not _NAME.fullmatch(name) or name not in lesson_names():
        raise ValueError(f"no lesson called {name!r}; lessons: {', '.join(lesson_names())}")
    return _folder().joinpath(f"{name}.json").read_bytes()


def load_lesson(name: str):
    """The lesson as a ``core.project.Project`` (ProjectError if the file is damaged)."""
    from core.project import loads

    return loads(lesson_bytes(name), f"lesson {name}")
