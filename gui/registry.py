"""The views and panels of the window, one row each: the one table that the docks, the
View and Export menus, ``--view`` on the command line and a lesson's "show" all read.

An ``id`` is a key (the dock's objectName, the CLI name, what a lesson file names); the
``title`` is only text on screen and may be translated or change (the decision map's
dock says "Predictions" for regression). No Qt here: the command line reads it too.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.text import QT_TRANSLATE_NOOP, Text


@dataclass(frozen=True)
class View:
    id: str
    title: Text  # English; the window shows gui.i18n.message(title)
    attr: str  # the MainWindow attribute holding the widget
    area: str | None = None  # "left", "right", "bottom": a dock column, or…
    tab_with: str | None = None  # …a tab behind this view's dock
    scroll: bool = False  # text and controls scroll rather than clip at large scales
    exportable: bool = True  # File → Export view (PNG, SVG)
    shown: bool = True  # visible when the window opens


CANVAS = View("canvas", QT_TRANSLATE_NOOP("registry", "Network"), "canvas")  # the central widget, not a dock
DOCKS = (
    View("loss", QT_TRANSLATE_NOOP("registry", "Loss"), "loss_plot", "right"),
    View("decision", QT_TRANSLATE_NOOP("registry", "Decision regions"), "decision", "right"),
    View("hidden", QT_TRANSLATE_NOOP("registry", "Hidden space"), "hidden", "right"),
    View("weights", QT_TRANSLATE_NOOP("registry", "Weights over time"), "weights_plot", tab_with="loss"),
    View("neurons", QT_TRANSLATE_NOOP("registry", "Hidden neurons"), "thumbnails", tab_with="hidden"),
    View("inspector", QT_TRANSLATE_NOOP("registry", "Inspector"), "inspector", "left", scroll=True,
         exportable=False),
    View("training", QT_TRANSLATE_NOOP("registry", "Training"), "training", "left", scroll=True,
         exportable=False),
    View("lesson", QT_TRANSLATE_NOOP("registry", "Lesson"), "about", "left", exportable=False),
    View("layers", QT_TRANSLATE_NOOP("registry", "Layers"), "layer_palette", tab_with="lesson",
         exportable=False),
    View("data", QT_TRANSLATE_NOOP("registry", "Data"), "data_panel", tab_with="lesson", scroll=True,
         exportable=False),
    View("challenges", QT_TRANSLATE_NOOP("registry", "Challenges"), "challenges", tab_with="lesson",
         scroll=True, exportable=False),
    View("timeline", QT_TRANSLATE_NOOP("registry", "Timeline"), "timeline", "bottom", exportable=False),
    View("lecture", QT_TRANSLATE_NOOP("registry", "Lecture"), "lecture", "bottom", scroll=True,
         exportable=False, shown=False),
    View("gallery", QT_TRANSLATE_NOOP("registry", "Activation gallery"), "gallery", tab_with="lecture",
         shown=False),
    View("health", QT_TRANSLATE_NOOP("registry", "Training health"), "health", tab_with="loss"),
    View("predict", QT_TRANSLATE_NOOP("registry", "Predict"), "predict", tab_with="lecture", scroll=True,
         exportable=False, shown=False),
    View("landscape", QT_TRANSLATE_NOOP("registry", "Loss landscape"), "landscape", tab_with="hidden"),
    View("metrics", QT_TRANSLATE_NOOP("registry", "Metrics"), "metrics", tab_with="training", scroll=True,
         exportable=False),
)
BY_ID = {v.id: v for v in (CANVAS, *DOCKS)}
EXPORTABLE = tuple(v.id for v in (CANVAS, *DOCKS) if v.exportable)
#: what ``--view`` may name for a screenshot: the whole window or any one view
CLI_VIEWS = ("window", *BY_ID)
#: the first version's lessons and projects named views by title
LEGACY = {v.title: v.id for v in DOCKS}


def view_id(name: str | None) -> str | None:
    """A view's id from an id or an old title (None when it names no view)."""
    if name in BY_ID:
        return name
    return LEGACY.get(name)
