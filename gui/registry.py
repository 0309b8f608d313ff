"""The views and panels of the window, one row each: the one table that the docks, the
View and Export menus, ``--view`` on the command line and a lesson's "show" all read.

An ``id`` is a key (the dock's objectName, the CLI name, what a lesson file names); the
``title`` is only text on screen and may be translated or change (the decision map's
dock says "Predictions" for regression). No Qt here: the command line reads it too.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class View:
    id: str
    title: str
    attr: str  # the MainWindow attribute holding the widget
    area: str | None = None  # "left", "right", "bottom": a dock column, or…
    tab_with: str | None = None  # …a tab behind this view's dock
    scroll: bool = False  # text and controls scroll rather than clip at large scales
    exportable: bool = True  # File → Export view (PNG, SVG)
    shown: bool = True  # visible when the window opens


CANVAS = View("canvas", "Network", "canvas")  # the central widget, not a dock
DOCKS = (
    View("loss", "Loss", "loss_plot", "right"),
    View("decision", "Decision regions", "decision", "right"),
    View("hidden", "Hidden space", "hidden", "right"),
    View("weights", "Weights over time", "weights_plot", tab_with="loss"),
    View("neurons", "Hidden neurons", "thumbnails", tab_with="hidden"),
    View("inspector", "Inspector", "inspector", "left", scroll=True,
         exportable=False),
    View("training", "Training", "training", "left", scroll=True,
         exportable=False),
    View("lesson", "Lesson", "about", "left", exportable=False),
    View("layers", "Layers", "layer_palette", tab_with="lesson", exportable=False),
    View("data", "Data", "data_panel", tab_with="lesson", scroll=True, exportable=False),
    View("timeline", "Timeline", "timeline", "bottom", exportable=False),
    View("lecture", "Lecture", "lecture", "bottom", scroll=True,
         exportable=False, shown=False),
    View("gallery", "Activation gallery", "gallery", tab_with="lecture", shown=False),
    View("landscape", "Loss landscape", "landscape", tab_with="hidden"),
    View("metrics", "Metrics", "metrics", tab_with="training", scroll=True, exportable=False),
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
