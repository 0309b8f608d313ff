"""Plot titles, axis labels and ranges set only when they change.

Views redraw up to 40 times a second; pyqtgraph rebuilds both axes on every
``setRange`` and re-lays out the plot on every ``setTitle``/``setLabel``,
even with the values already shown. On a slow machine that was a third of
each frame, so redraws go through these instead.
"""

from __future__ import annotations

import pyqtgraph as pg


def ink(plot: pg.PlotWidget) -> str:
    """The colour the theme gave this plot's text (presentation.style_plots sets the axes'
    text pens): labels and titles set later must use it too, or they stay black on a
    high-contrast black background."""
    return plot.getAxis("bottom").textPen().color().name()


def set_title(plot: pg.PlotWidget, text: str | None) -> None:
    key = (text, ink(plot))
    if getattr(plot, "_shown_title", ...) != key:
        size = plot.getPlotItem().titleLabel.opts.get("size")  # the scale's, if styled
        plot.setTitle(text, color=key[1], **({"size": size} if size else {}))
        plot._shown_title = key


def set_label(plot: pg.PlotWidget, axis: str, text: str) -> None:
    shown = plot.__dict__.setdefault("_shown_labels", {})
    key = (text, ink(plot))
    if shown.get(axis) != key:
        size = plot.getAxis(axis).labelStyle.get("font-size")
        style = {"color": key[1], **({"font-size": size} if size else {})}
        plot.setLabel(axis, text, **style)
        shown[axis] = key


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
