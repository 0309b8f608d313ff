"""Where things go on the canvas: column and row gaps that follow the view's size,
and edge labels placed along their edges so that none covers another label, a
neuron, a name or a note.

All sizes are in scene units, which are screen pixels at zoom 1: the canvas
keeps its zoom near 1 so that text is drawn at its point size (never below 9 pt).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSizeF

#: fractions along an edge (source 0 .. target 1) tried for its label, the middle first
CANDIDATES = tuple(sorted((k / 40 for k in range(6, 35)), key=lambda t: abs(t - 0.5)))
PAD = 3.0  # room kept around every label


@dataclass(frozen=True)
class Metrics:
    """Sizes measured from the canvas fonts."""

    r: float  # neuron radius
    label: QSizeF  # a typical edge label ("w12 = -0.1234")
    name_h: float  # height of a neuron's name above it
    title_h: float  # height of a layer's title
    note_w: float  # width of a lecture note right of a neuron


def gaps(m: Metrics, sizes: list[int], width: float, height: float) -> tuple[float, float]:
    """Column and row gaps for a network of ``sizes`` in a view ``width`` × ``height``:
    as much room as the view gives, within bounds that keep labels readable."""
    L, rows = len(sizes) - 1, max(sizes)
    min_x = max(2.3 * m.label.width(), 2 * m.r + m.label.width() + 30)
    min_y = m.name_h + 2 * m.r + 2 * m.label.height() + 22  # a bias label of two lines fits
    margin_x = 2 * m.r + m.note_w + 60
    margin_y = m.title_h + m.name_h + m.label.height() + 70
    x = (width - margin_x) / max(L, 1)
    y = (height - margin_y) / max(rows - 1, 1)
    return min(max(x, min_x), 1.7 * min_x), min(max(y, min_y), 1.6 * min_y)


def place(edges: list[tuple[object, QPointF, QPointF, QSizeF]], obstacles: list[QRectF],
          give_up: bool = False) -> tuple[dict[object, QPointF], float]:
    """Centres for edge labels: each (key, source point, target point, label size) gets the
    first spot along its edge that overlaps nothing placed so far (obstacles included), or
    else the spot that overlaps least. Labels of steep edges, which have the least room,
    go first. Returns the centres and the area still overlapped (0: a clean layout).
    ``give_up``: stop at the first label that cannot be placed cleanly (the centres are
    then incomplete and the area is that label's overlap; a search over column gaps only
    needs to know that this gap is not clean).

    Every candidate spot of a label is tried against every rectangle taken at once (numpy:
    a (spots, taken) table of overlap areas); the first spot of least overlap wins."""
    taken = np.empty((len(obstacles) + len(edges), 4))  # x0 y0 x1 y1 of each taken rectangle
    for k, r in enumerate(obstacles):
        taken[k] = (r.left(), r.top(), r.right(), r.bottom())
    n = len(obstacles)
    out: dict[object, QPointF] = {}
    left = 0.0
    t = np.asarray(CANDIDATES)

    def steepness(e) -> float:
        _, a, b, _ = e
        return -abs(b.y() - a.y()) / max(abs(b.x() - a.x()), 1.0)

    for key, a, b, size in sorted(edges, key=steepness):
        w, h = size.width() / 2 + PAD, size.height() / 2 + PAD
        cx, cy = a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t
        box = taken[:n]
        ix = np.minimum(cx[:, None] + w, box[:, 2]) - np.maximum(cx[:, None] - w, box[:, 0])
        iy = np.minimum(cy[:, None] + h, box[:, 3]) - np.maximum(cy[:, None] - h, box[:, 1])
        cost = (np.clip(ix, 0, None) * np.clip(iy, 0, None)).sum(axis=1)
        k = int(np.argmin(cost))
        out[key] = QPointF(cx[k], cy[k])
        left += float(cost[k])
        if give_up and left > 0:
            break
        taken[n] = (cx[k] - w, cy[k] - h, cx[k] + w, cy[k] + h)
        n += 1
    return out, left
