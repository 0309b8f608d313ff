"""Where preferences and the recovery file live.

Preferences (window layout, recent files, scale, theme) are QSettings; the
autosave is ``recovery.json`` in the application's data folder. Setting
BACKPROP_STUDIO_HOME moves both (the tests use a temporary folder).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

RECENT = 8  # recent files remembered


def home() -> Path:
    override = os.environ.get("BACKPROP_STUDIO_HOME")
    base = Path(override) if override else Path(
        QStandardPaths.writableLocation(QStandardPaths.AppDataLocation) or Path.home() / ".backprop-studio")
    base.mkdir(parents=True, exist_ok=True)
    return base


def settings() -> QSettings:
    if os.environ.get("BACKPROP_STUDIO_HOME"):
        return QSettings(str(home() / "settings.ini"), QSettings.IniFormat)
    return QSettings()


def recovery_path() -> Path:
    return home() / "recovery.json"


def recent_files() -> list[str]:
    value = settings().value("recent", [])
    files = [value] if isinstance(value, str) else list(value or [])
    return [f for f in files if Path(f).exists()]


def add_recent(path: str | Path) -> list[str]:
    files = [str(Path(path).resolve())] + [f for f in recent_files()
                                           if f != str(Path(path).resolve())]
    settings().setValue("recent", files[:RECENT])
    return files[:RECENT]
