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

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from core.text import Translate, translated


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


LANGUAGES = {"en": "English", "cs": "Čeština"}  # code -> the language's own name
I18N = Path(__file__).resolve().parent.parent / "resources" / "i18n"


def compiled(lang: str) -> Path | None:
    """The compiled translation (.qm) for ``lang``: the one built with the app, or, in a
    source checkout, one compiled from the .ts with pyside6-lrelease into the user's data
    folder (again whenever the .ts is newer). None if there is none and none can be made."""
    ts, qm = I18N / f"backprop_studio_{lang}.ts", I18N / f"backprop_studio_{lang}.qm"
    if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return qm
    tool = shutil.which("pyside6-lrelease")
    if not ts.exists() or tool is None:
        return qm if qm.exists() else None
    from gui.storage import home

    out = home() / "i18n" / qm.name
    if not out.exists() or out.stat().st_mtime < ts.stat().st_mtime:
        out.parent.mkdir(parents=True, exist_ok=True)
        # compiled beside it, then renamed over it: a running window maps its .qm into
        # memory, and a file rewritten in place under it turned its texts English
        fd, part = tempfile.mkstemp(prefix=qm.stem, suffix=".part.qm", dir=out.parent)
        os.close(fd)
        done = subprocess.run([tool, str(ts), "-qm", part], capture_output=True)
        if done.returncode != 0 or not Path(part).stat().st_size:
            Path(part).unlink(missing_ok=True)
            return out if out.exists() else None
        os.replace(part, out)
    return out


def unknown_language(lang: str | None) -> str | None:
    """One line when ``lang`` (given, not English) is not a language the app speaks."""
    if lang in (None, "", "en") or lang in LANGUAGES:
        return None
    return f"unknown language {lang!r} (known: {', '.join(LANGUAGES)}); starting in English"


def install_language(app: QCoreApplication, lang: str | None) -> tuple[str, str | None]:
    """Install the translation for ``lang`` (None or 'en': English). Returns the language
    in use and, if it is not the one asked for, one line saying why (an unknown language,
    a missing or damaged translation): the app then starts in English."""
    if lang in (None, "", "en"):
        return "en", None
    if problem := unknown_language(lang):
        return "en", problem
    qm = compiled(lang)
    ours = QTranslator(app)
    if qm is None or not ours.load(str(qm)):
        return "en", (f"the {LANGUAGES[lang]} translation is missing or damaged ({qm or I18N}); "
                      "starting in English")
    ours.setObjectName("backprop_studio")
    app.installTranslator(ours)
    app.setProperty("language", lang)
    qt = QTranslator(app)  # Qt's own words (dialog buttons) where Qt ships them
    qt.setObjectName("backprop_studio")
    if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt)
    return lang, None


def words(lang: str) -> Translate:
    """``(context, text) -> text`` in ``lang`` with nothing installed and no application
    needed: the command line's own lines, written before or without a window. English
    where ``lang`` is English or unknown, or its translation is missing or damaged."""
    qm = compiled(lang) if lang in LANGUAGES and lang != "en" else None
    ours = QTranslator()
    if qm is None or not ours.load(str(qm)):
        return lambda context, text: text
    return lambda context, text: ours.translate(context, text) or text


def remove_language(app: QCoreApplication) -> None:
    """Back to English: the translations ``install_language`` installed are removed."""
    for t in app.findChildren(QTranslator, "backprop_studio"):
        app.removeTranslator(t)
        t.setParent(None)
        t.deleteLater()
    app.setProperty("language", "en")


def language() -> str:
    """The language the interface speaks ('en' unless a translation was installed): the
    texts a project carries in several languages are chosen by it."""
    app = QCoreApplication.instance()
    return str(app.property("language") or "en") if app is not None else "en"


def system_language() -> str:
    """The system locale's language if the app speaks it, else English."""
    code = QLocale.system().name().split("_")[0]
    return code if code in LANGUAGES else "en"
