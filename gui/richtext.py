"""Text from files shown as rich text: escaped, with a few harmless tags let through."""

from __future__ import annotations

import html
import re

#: tags a lesson description may use; they carry no attributes, so no links or images
ALLOWED = ("b", "i", "br", "p")
_TAG = re.compile(r"&lt;(/?)(" + "|".join(ALLOWED) + r")\s*/?&gt;", re.IGNORECASE)


def safe_html(text: str) -> str:
    """``text`` escaped for HTML, then <b> <i> <br> <p> (exactly those, no attributes)
    restored: a file cannot bring in links, images, styles or scripts."""
    return _TAG.sub(lambda m: f"<{m.group(1)}{m.group(2).lower()}>", html.escape(text, quote=True))


def description_html(name: str, description: str) -> str:
    """A lesson's heading and description for the Lesson panel."""
    return f"<h3>{html.escape(name)}</h3><p>{safe_html(description)}</p>"


def plain_tip(text: str) -> str:
    """A tooltip that shows ``text`` as written: Qt renders a tooltip as rich text when it
    looks like markup (a file named '<b>run.json' came out bold), so such text is
    escaped; other text is left as it is."""
    from PySide6.QtGui import Qt

    if not Qt.mightBeRichText(text):
        return text
    return f"<p style='white-space:pre'>{html.escape(text, quote=False)}</p>"


class Html(str):
    """Text that is HTML already (a formula rendered by core.formula): ``escaped`` puts it
    in as it is."""


def escaped(template: str, *values) -> str:
    """``template.format(*values)`` as rich text: the template and every value escaped,
    except ``Html`` values; line breaks as <br>."""
    safe = [v if isinstance(v, Html) else html.escape(str(v), quote=False) for v in values]
    return html.escape(template, quote=False).format(*safe).replace("\n", "<br>")


#: the longest run of characters without a break opportunity a wrapped label keeps whole
LONGEST_RUN = 24
_RUN = re.compile(r"[^\s\u200b]{" + str(LONGEST_RUN + 1) + ",}")


def breakable(text: str) -> str:
    """``text`` with a zero-width space after every ``LONGEST_RUN`` characters of a run
    that has no place to break: a word-wrapped QLabel cannot break inside a word, so a
    file's 10,000-letter title made its panel as wide (and scroll sideways)."""
    def cut(m: re.Match) -> str:
        run = m.group(0)
        return "\u200b".join(run[k:k + LONGEST_RUN] for k in range(0, len(run), LONGEST_RUN))
    return _RUN.sub(cut, text)
