"""Plot titles, axis labels and ranges set only when they change.

Views redraw up to 40 times a second; pyqtgraph rebuilds both axes on every
``setRange`` and re-lays out the plot on every ``setTitle``/``setLabel``,
even with the values already shown. On a slow machine that was a third of
each frame, so redraws go through these instead.
"""

from __future__ import annotations

import pyqtgraph as pg


def set_title(plot: pg.PlotWidget, text: str | None) -> None:
    if getattr(plot, "_shown_title", ...) != text:
        plot.setTitle(text)
        plot._shown_title = text


def set_label(plot: pg.PlotWidget, axis: str, text: str) -> None:
    shown = plot.__dict__.setdefault("_shown_labels", {})
    if shown.get(axis) != text:
        plot.setLabel(axis, text)
        shown[axis] = text


def set_range(plot: pg.PlotWidget, x: tuple[float, float], y: tuple[float, float],
              padding: float = 0.0) -> None:
    """``setRange`` unless this range was the last one set and the view (not panned
    or zoomed since) still shows what that call left."""
    want = (float(x[0]), float(x[1]), float(y[0]), float(y[1]), padding)
    last = getattr(plot, "_shown_range", None)
    if last is not None and last[0] == want and last[1] == plot.viewRange():
        return
    plot.setRange(xRange=x, yRange=y, padding=padding)
    plot._shown_range = (want, plot.viewRange())
