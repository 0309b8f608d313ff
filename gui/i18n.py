"""Every word the interface shows goes through Qt's translation.

``translate(context, text)`` is ``QCoreApplication.translate``: ``pyside6-lupdate``
extracts every ``translate("Context", "text")`` call into a ``.ts`` file (see the
README), and an installed ``QTranslator`` replaces the text at run time. Values
go in after translation, through ``str.format`` placeholders ({0}, {1:g}), so a
translator can move them; counts use Qt's plural forms (``plural``).

Engine messages (``core.text.Text``: the ValueErrors of bad input, the
derivation's titles) are translated when shown, by ``message``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.text import translated


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the user's language (English when no translation is installed)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def plural(context: str, text: str, n: int) -> str:
    """A count: ``text`` holds %n and the translation picks the plural form for ``n``
    ("%n sample(s)" -> "1 sample", "5 samples" in English)."""
    out = QCoreApplication.translate(context, text, None, n)
    if out == text:  # no translation installed: English plural by hand
        out = text.replace("(s)", "" if n == 1 else "s")
    return out.replace("%n", f"{n:,}")


def message(error: object) -> str:
    """An engine message or exception in the user's language."""
    if isinstance(error, BaseException):
        error = error.args[0] if error.args else str(error)
    return translated(error, QCoreApplication.translate)
