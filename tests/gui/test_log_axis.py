"""Log axes labelled readably: a loss within one decade gets several round labels, a
range over many decades whole powers of ten, never more labels than the axis has room
for, each written with the digits that give its value back."""

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QPainter

from gui.plots.axis import log_ticks, number, tick_text


def value_of(text: str) -> float:
    """A label read back as a number ("2·10⁻⁵" too)."""
    digits = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
    if "10" in text and any(c in text for c in "⁰¹²³⁴⁵⁶⁷⁸⁹"):
        mantissa, _, power = text.rpartition("10")
        mantissa = mantissa.rstrip("·") or "1"
        return float(mantissa) * 10.0 ** int(power.translate(digits))
    return float(text)


@settings(max_examples=300, deadline=None)
@given(lo=st.floats(-12, 12), span=st.floats(1e-4, 15), room=st.integers(2, 30))
def test_ticks_lie_in_range_fit_the_room_and_read_back(lo, span, room):
    hi = lo + span
    ticks = log_ticks(lo, hi, room)
    assert len(ticks) <= max(room, 2)
    assert ((ticks >= lo - 1e-9) & (ticks <= hi + 1e-9)).all()
    assert (np.diff(ticks) > 0).all()
    texts = tick_text(10.0 ** ticks)
    assert len(set(texts)) == len(texts)  # no two labels alike
    for t, v in zip(texts, 10.0 ** ticks):
        assert math.isclose(value_of(t), v, rel_tol=1e-6), (t, v)
    if span >= 0.05 and room >= 3:  # a fifth of a decade or more: never a lone label
        assert len(ticks) >= 2


def test_a_loss_within_one_decade_gets_round_labels():
    ticks = log_ticks(math.log10(0.604), math.log10(0.756), 6)
    assert tick_text(10.0 ** ticks) == ["0.65", "0.7", "0.75"]  # pyqtgraph: "0.7" alone
    ticks = log_ticks(math.log10(0.62), math.log10(0.69), 6)
    assert len(ticks) >= 3  # pyqtgraph: no label at all (no 1…9 × 10ᵏ in range)


def test_many_decades_are_powers_of_ten_thinned_to_the_room():
    ticks = log_ticks(-9.0, 3.0, 4)
    assert len(ticks) <= 4 and np.allclose(ticks, np.round(ticks))
    assert tick_text(10.0 ** np.array([-5.0, -4.0, -3.0, -2.0])) == ["10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²"]
    assert number(2.5e-5, True) == "2.5·10⁻⁵" and number(0.65) == "0.65"


def shown_labels(plot) -> list[tuple[str, float]]:
    """The left axis's tick labels as drawn: (text, top of its box in the plot widget)."""
    axis = plot.getAxis("left")
    image = QImage(10, 10, QImage.Format_ARGB32)
    painter = QPainter(image)
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(text, plot.mapFromScene(axis.mapToScene(rect.topLeft())).y()) for rect, _, text in texts]


def test_the_loss_plot_on_a_log_scale_labels_a_loss_that_stays_in_one_decade(open_window, qtbot):
    win = open_window()
    dock = win.docks["loss"]
    dock.show()
    dock.raise_()
    view = win.loss_plot
    win.doc.train_epochs(300)  # XOR's loss: 0.76 at first, 0.61 after 300 epochs
    losses = win.doc.loss_history.losses
    assert 0.1 < min(losses) and max(losses) < 1.0  # within one decade
    box = view.log  # as wide as the dock: the click goes on its square
    qtbot.mouseClick(box, Qt.LeftButton, pos=QPoint(box.height() // 2, box.height() // 2))
    assert view.log.isChecked()
    qtbot.waitUntil(lambda: view.plot.getPlotItem().getAxis("left").logMode)
    qtbot.waitUntil(lambda: len(shown_labels(view.plot)) >= 2)
    labels = shown_labels(view.plot)
    (_, _), (y0, y1) = view.plot.getPlotItem().vb.viewRange()
    for text, top in labels:
        assert y0 <= math.log10(value_of(text)) <= y1  # the label's value is in view
        assert top >= 0, f"{text!r} cut off at the plot's top"
    assert len(labels) >= 2, labels
