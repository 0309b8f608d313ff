"""One level line of a gridded field, by marching squares in a few numpy calls
(pyqtgraph's IsocurveItem costs ~5 ms a frame on a 100 x 100 map).

``segments(v, level)`` returns an array (2 K, 2) of (column, row) points, two
per segment, for ``PlotDataItem(..., connect="pairs")``.
"""

from __future__ import annotations

import numpy as np


def _cross(a: np.ndarray, b: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    """Where the level falls between neighbours a and b: mask and fraction t in [0, 1]."""
    mask = (a > level) != (b > level)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(mask, (level - a) / (b - a), 0.0)
    return mask, t


def segments(v: np.ndarray, level: float) -> np.ndarray:
    """Level-line segments of v (H, W), in grid coordinates (x = column, y = row)."""
    v = np.asarray(v, dtype=np.float64)
    H, W = v.shape
    rows, cols = np.mgrid[0:H - 1, 0:W - 1]
    hm, ht = _cross(v[:, :-1], v[:, 1:], level)  # horizontal edges (H, W-1)
    vm, vt = _cross(v[:-1, :], v[1:, :], level)  # vertical edges (H-1, W)
    # the four edges of each cell (H-1, W-1): bottom, top, left, right, as points
    edges = {
        "B": (hm[:-1], cols + ht[:-1], rows + 0.0),
        "T": (hm[1:], cols + ht[1:], rows + 1.0),
        "L": (vm[:, :-1], cols + 0.0, rows + vt[:, :-1]),
        "R": (vm[:, 1:], cols + 1.0, rows + vt[:, 1:]),
    }
    count = sum(e[0].astype(int) for e in edges.values())
    out = []

    def add(p: str, q: str, where: np.ndarray) -> None:
        _, px, py = edges[p]
        _, qx, qy = edges[q]
        out.append(np.stack([np.stack([px[where], py[where]], 1),
                             np.stack([qx[where], qy[where]], 1)], 1).reshape(-1, 2))

    two = count == 2
    for p, q in (("B", "T"), ("B", "L"), ("B", "R"), ("T", "L"), ("T", "R"), ("L", "R")):
        add(p, q, two & edges[p][0] & edges[q][0])
    four = count == 4  # a saddle: pair the edges by the value at the cell's centre
    centre = 0.25 * (v[:-1, :-1] + v[:-1, 1:] + v[1:, :-1] + v[1:, 1:]) > level
    low_left = v[:-1, :-1] > level
    same = four & (centre == low_left)
    other = four & (centre != low_left)
    add("B", "R", same)
    add("T", "L", same)
    add("B", "L", other)
    add("T", "R", other)
    return np.concatenate(out) if out else np.empty((0, 2))
