"""Engine text that the interface can translate later, without the engine importing Qt.

``QT_TRANSLATE_NOOP(context, text)`` marks a string for Qt's translation tools
(``pyside6-lupdate`` extracts it by that name) and returns it as a ``Text``: a
``str`` holding the English words, which also remembers its template and the
values put into it by ``format``:

    raise ValueError(QT_TRANSLATE_NOOP("core", "learning rate must be positive; got {0:g}")
                     .format(lr))

``str(e)`` is the English message; the GUI calls ``e.args[0].translated(translate)``
to show it in the user's language (``gui.i18n.message``). Values that are
themselves ``Text`` are translated too.
"""

from __future__ import annotations

from collections.abc import Callable

#: (context, source text) -> translated text, e.g. QCoreApplication.translate
Translate = Callable[[str, str], str]


class Text(str):
    """English text that remembers (context, template, values)."""

    context: str
    template: str
    values: tuple
    named: dict

    def __new__(cls, context: str, template: str, values: tuple = (), named: dict | None = None
                ) -> Text:
        named = named or {}
        out = super().__new__(cls, template.format(*values, **named) if values or named
                              else template)
        out.context, out.template, out.values, out.named = context, template, values, named
        return out

    def __reduce__(self) -> tuple:
        """Pickled as its template and values (a diverged run's message comes from the
        training process this way), so it stays translatable."""
        return Text, (self.context, self.template, self.values, self.named)

    def format(self, *values, **named) -> Text:  # noqa: A003 - str.format, deferred
        """This template with these values: still translatable."""
        return Text(self.context, self.template, values, named)

    def translated(self, translate: Translate) -> str:
        """The text in the language ``translate`` gives, values translated too. A translation
        whose placeholders do not fit the values falls back to English."""
        def tr(v):  # a value that is itself a message (or an engine error quoting one)
            return translated(v, translate) if isinstance(v, Text | BaseException) else v
        template = translate(self.context, self.template) or self.template
        values, named = tuple(tr(v) for v in self.values), {k: tr(v) for k, v in self.named.items()}
        if not values and not named:
            return template
        try:
            return template.format(*values, **named)
        except (IndexError, KeyError, ValueError):
            return self.template.format(*values, **named)


def QT_TRANSLATE_NOOP(context: str, text: str) -> Text:  # noqa: N802 - the name lupdate knows
    """Mark ``text`` for translation in ``context``; translated when shown, not here."""
    return Text(context, text)


def translated(text: object, translate: Translate) -> str:
    """Any message as the user should read it: a ``Text`` (or an exception carrying one)
    translated, anything else as it is."""
    if isinstance(text, BaseException) and text.args and isinstance(text.args[0], Text):
        text = text.args[0]
    return text.translated(translate) if isinstance(text, Text) else str(text)
