"""Menu items as wide as Fusion draws them at large type.

Fusion sizes a menu item with a check column of 21 px but draws it with one of 0.79 of
the item's height: at 250 % (items ~43 px high) 13 px wider, so the widest item of a
menu was elided in the middle ("Export step a…TeX document…", "1 R&D …n.json").
``RoomyMenus`` adds the difference to each item's size; the window gives it to its menus
(a style of their own, as gui.checkbox does for check boxes: an application-wide style
set at run time undid the dock layout)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMenu, QProxyStyle, QStyle

DRAWN_CHECK_COLUMN = 0.79  # of the item's height (Fusion's drawControl, CE_MenuItem)
SIZED_CHECK_COLUMN = 21  # px (Fusion's sizeFromContents, CT_MenuItem)


class RoomyMenus(QProxyStyle):
    """The application's style, with menu items wide enough for the check column Fusion
    draws."""

    def __init__(self, parent=None) -> None:
        super().__init__(QApplication.style().name())  # a base of its own (a proxy owns it)
        if parent is not None:
            self.setParent(parent)

    def sizeFromContents(self, kind, option, size, widget=None):  # noqa: N802 - Qt's name
        out = super().sizeFromContents(kind, option, size, widget)
        if kind == QStyle.ContentsType.CT_MenuItem:
            out.setWidth(out.width() + max(0, round(DRAWN_CHECK_COLUMN * out.height())
                                           - SIZED_CHECK_COLUMN))
        return out


def give_menus_room(window, style: RoomyMenus) -> None:
    """Every menu of ``window`` (the menu bar's, their submenus) sized by ``style``."""
    for menu in window.findChildren(QMenu):
        menu.setStyle(style)


def with_alt_letters(texts: list[str]) -> list[str]:
    """Each of ``texts`` (plain, as a menu's items) with an Alt letter no other has: the
    first free letter starting a word, else any free letter, ASCII before others and
    letters before digits ("&Loss", "&Decision regions", "Hi&dden space"); none when every
    letter is taken. A text's own "&" is doubled, so it shows as itself."""
    used: set[str] = set()
    out = []
    for text in texts:
        def rank(i: int, text=text) -> tuple:
            start = i == 0 or not text[i - 1].isalnum()
            return not text[i].isascii(), not text[i].isalpha(), not start, i

        free = [i for i, c in enumerate(text) if c.isalnum() and c.lower() not in used]
        if not free:
            out.append(text.replace("&", "&&"))
            continue
        i = min(free, key=rank)
        used.add(text[i].lower())
        out.append(text[:i].replace("&", "&&") + "&" + text[i:].replace("&", "&&"))
    return out
