"""An axis whose logarithmic ticks stay readable over any range.

pyqtgraph labels a log axis at whole decades and, where fewer than three fall in
view, at every 1…9 × 10ᵏ with one significant digit. A loss that stays within one
decade (0.62 … 0.69, as XOR's does for its first thousand epochs) then got one
label or none, and a short dock over a whole decade got nine stacked ones.
``log_ticks`` picks the sparsest of the 1-2-5 series that gives at least three
labels, then round numbers spaced evenly in value (0.60, 0.65, 0.70) within one
decade, never more than the axis has room for; ``tick_text`` writes each with
the digits that tell it apart from its neighbours.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg

SERIES = ((1,), (1, 2, 5), (1, 2, 3, 4, 5, 6, 7, 8, 9))  # multiples of 10^k, sparsest first
ENOUGH = 3  # labels an axis should show when its range allows
SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def log_ticks(lo: float, hi: float, room: int) -> np.ndarray:
    """Tick values (as log10) between log10 bounds ``lo`` < ``hi`` for an axis with room
    for ``room`` (≥ 2) labels: the first of 10^k, {1, 2, 5}·10^k, {1…9}·10^k to give
    ENOUGH labels, else evenly spaced round values; thinned to ``room``."""
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        return np.empty(0)
    room = max(int(room), 2)
    ks = np.arange(math.floor(lo), math.ceil(hi) + 1)
    best, full = np.empty(0), False
    for series in SERIES:
        values = np.sort(np.log10(np.outer(np.power(10.0, ks), series).ravel()))
        values = values[(values >= lo - 1e-12) & (values <= hi + 1e-12)]
        if len(values) > room:  # too many: the sparser series if it has two, else thinned
            if len(best) < 2:
                best = values[::math.ceil(len(values) / room)]
            full = True
            break
        best = values
        if len(values) >= ENOUGH:
            break
    if len(best) < ENOUGH and not full:  # within a decade: round values, evenly spaced
        best = np.log10(linear_ticks(10.0 ** lo, 10.0 ** hi, min(room, 5)))
    return best


def linear_ticks(lo: float, hi: float, most: int) -> np.ndarray:
    """Round values (1, 2, 2.5 or 5 × 10^k apart) in [lo, hi] (0 < lo < hi): the finest
    such spacing that gives at most ``most`` (≥ 2) of them, or one value if no spacing
    gives two to ``most``."""
    most, top = max(most, 2), math.floor(math.log10(hi - lo)) + 1
    found = np.empty(0)
    for exp in range(top, top - 4, -1):
        for mult in (5.0, 2.5, 2.0, 1.0):
            step = mult * 10.0 ** exp
            first = math.ceil(lo / step - 1e-9) * step
            n = math.floor((hi - first) / step + 1e-9) + 1
            if n > most:
                return found
            if n >= 1:
                found = first + step * np.arange(n)
    return found


def tick_text(values: np.ndarray) -> list[str]:
    """Each value (not its log) in the significant digits that give it back (0.6, 0.65,
    0.7: round values need few); all as powers of ten (2·10⁻⁵, 10⁰) where one is below
    10⁻³ or from 10⁴ up."""
    values = [float(v) for v in np.asarray(values, dtype=float)]
    powers = any(v != 0 and not 1e-3 <= abs(v) < 1e4 for v in values)
    return [number(v, powers) for v in values]


def number(v: float, power: bool = False) -> str:
    """``v`` in as few significant digits as give it back (to 1e-9), as m·10ⁿ if ``power``."""
    for digits in range(1, 8):
        if abs(float(f"{v:.{digits - 1}e}") - v) <= 1e-9 * abs(v):
            break
    if not power or v == 0:
        return np.format_float_positional(v, precision=digits, fractional=False, trim="-")
    mantissa, n = f"{v:.{digits - 1}e}".split("e")
    n = str(int(n)).translate(SUPERSCRIPT)
    mantissa = np.format_float_positional(float(mantissa), precision=digits,
                                          fractional=False, trim="-")
    return f"10{n}" if mantissa == "1" else f"{mantissa}·10{n}"


class Axis(pg.AxisItem):
    """A pyqtgraph axis with ``log_ticks`` and ``tick_text`` in log mode (linear mode as
    pyqtgraph draws it)."""

    def logTickValues(self, minVal, maxVal, size, stdTicks):  # noqa: N802 - pyqtgraph's name
        return [(None, list(log_ticks(minVal, maxVal, self.room(size))))]

    def logTickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        return tick_text(10.0 ** np.asarray(values, dtype=float) * scale)

    def room(self, size: float) -> int:
        """How many labels fit along ``size`` pixels with half a label's height (a vertical
        axis) or six digits' width (a horizontal one) of space between them."""
        metrics = pg.QtGui.QFontMetricsF(self.style.get("tickFont") or self.font())
        each = 1.5 * metrics.height() if self.orientation in ("left", "right") \
            else 2.0 * metrics.horizontalAdvance("0.0000")
        return max(2, int(size / max(each, 1.0)))
