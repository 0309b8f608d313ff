"""Where preferences and the recovery files live.

Preferences (window place and dock layout as checked JSON text: gui.dock_layout; recent
files, scale, theme) are QSettings; no bytes from the file reach Qt's state restorers. Each
running window autosaves to its own ``recovery-ID.json`` in the application's
data folder (with ``recovery-ID.origin``, the path of the file the work belongs to) and
holds ``instance-ID.lock`` (a QLockFile) while it runs: a
recovery file is offered back only when its instance is no longer running
(crashed or killed), so a second window never offers, or deletes, the first
one's work. Setting BACKPROP_STUDIO_HOME moves everything (the tests use a
temporary folder).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from PySide6.QtCore import QLockFile, QSettings, QStandardPaths

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


class Recovery:
    """This instance's recovery file, and the orphaned ones of instances that ended."""

    def __init__(self) -> None:
        self.id = uuid.uuid4().hex[:12]
        self.path = home() / f"recovery-{self.id}.json"
        self.lock = _lock(home() / f"instance-{self.id}.lock")
        self.lock.tryLock(0)

    def orphans(self) -> list[tuple[Path, QLockFile | None]]:
        """Recovery files whose instance is not running, newest first, each with its lock
        (now held by this instance, so no other window offers the same file)."""
        found = []
        for path in home().glob("recovery*.json"):
            if path == self.path:
                continue
            ident = path.stem[len("recovery-"):] if path.stem.startswith("recovery-") else ""
            lock = None
            if ident:
                lock = _lock(home() / f"instance-{ident}.lock")
                if not lock.tryLock(0):
                    continue  # that instance is running
            found.append((path, lock))
        found.sort(key=lambda f: f[0].stat().st_mtime if f[0].exists() else 0, reverse=True)
        return found

    def discard(self, path: Path, lock: QLockFile | None) -> None:
        """Forget an orphan: its file, the note of where its work came from, its lock."""
        remove(path)
        if lock is not None:
            lock.unlock()

    def note_origin(self, origin: Path | None) -> None:
        """Note which file the autosaved work belongs to (none: a lesson, a new project),
        so that restored work saves back to it."""
        note = origin_of(self.path)
        if origin is None:
            note.unlink(missing_ok=True)
        else:
            note.write_text(str(Path(origin).resolve()), encoding="utf-8")

    def close(self) -> None:
        """A clean exit: no recovery file left, the lock released."""
        self.forget()
        self.lock.unlock()

    def forget(self) -> None:
        """This instance's autosave is gone (the work was saved, or replaced)."""
        remove(self.path)


def remove(recovery: Path) -> None:
    """A recovery file and its note."""
    recovery.unlink(missing_ok=True)
    origin_of(recovery).unlink(missing_ok=True)


def origin_of(recovery: Path) -> Path:
    """Where the note of a recovery file's own file is kept: recovery-ID.origin."""
    return recovery.with_suffix(".origin")


def read_origin(recovery: Path) -> Path | None:
    """The file an orphan's work belongs to, if its note names an existing project file (a
    damaged or edited note, a file moved or deleted since: None, the work stays untitled)."""
    try:
        note = origin_of(recovery)
        if note.stat().st_size > 4096:
            return None
        path = Path(note.read_text(encoding="utf-8"))
        return path if path.is_absolute() and path.suffix.lower() == ".json" and path.is_file() \
            else None
    except (OSError, ValueError):  # no note, not UTF-8, a NUL in it, too long a name
        return None


def _lock(path: Path) -> QLockFile:
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # stale only when its process has ended, however long it ran
    return lock


# --- preferences, read as their types: a damaged settings file gives the defaults ---------
def saved_scale() -> float:
    """The saved scale, 1.0 to 2.5 (1.0 when missing or not such a number)."""
    try:
        value = float(settings().value("scale", 1.0))
    except (TypeError, ValueError):
        return 1.0
    return value if 1.0 <= value <= 2.5 else 1.0


def saved_flag(key: str) -> bool:
    return str(settings().value(key, "false")).lower() == "true"


def saved_text(key: str) -> str | None:
    value = settings().value(key)
    return value if isinstance(value, str) and value else None


def recent_files() -> list[str]:
    value = settings().value("recent", [])
    files = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [f for f in files if isinstance(f, str) and _exists(f)]


def _exists(path: str) -> bool:
    try:
        return Path(path).is_file()
    except (OSError, ValueError):  # a damaged entry (a NUL in it, too long a name)
        return False


def clear_recent() -> None:
    settings().setValue("recent", [])


def add_recent(path: str | Path) -> list[str]:
    files = [str(Path(path).resolve())] + [f for f in recent_files()
                                           if f != str(Path(path).resolve())]
    settings().setValue("recent", files[:RECENT])
    return files[:RECENT]
