"""Every word the interface shows goes through Qt's translation.

``translate(context, text)`` is ``QCoreApplication.translate``: ``pyside6-lupdate``
extracts every ``translate("Context", "text")`` call into a ``.ts`` file (see the
README), and an installed ``QTranslator`` replaces the text at run time. Values
go in after translation, through ``str.format`` placeholders ({0}, {1:g}), so a
translator can move them; counts use Qt's plural forms (``self.tr(text, "", n)`` with ``plural``).

Engine messages (``core.text.Text``: the ValueErrors of bad input, the
derivation's titles) are translated when shown, by ``message``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.text import translated


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the user's language (English when no translation is installed)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def plural(text: str, n: int) -> str:
    """A count, translated by ``self.tr("%n sample(s)", "", n)`` (the form pyside6-lupdate
    marks as plural, so a translation can give each plural form): the English source's
    "(s)" made right for ``n`` when no translation replaced it."""
    return text.replace("(s)", "" if n == 1 else "s")


def message(error: object) -> str:
    """An engine message or exception in the user's language."""
    return translated(error, QCoreApplication.translate)
