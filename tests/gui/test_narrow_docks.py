"""At 250 % on a 1280×720 projector the left column's docks are ~250-290 px wide: every
panel of controls lays itself out for that width (fields under their labels, buttons
flowing onto more rows, short labels) instead of growing wider than its dock, which cut
its wrapped text off at the dock's edge behind a horizontal scroll bar."""

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QScrollArea

from gui import i18n

PANELS = ("inspector", "training", "data", "metrics", "lecture", "predict", "challenges")


def too_wide(win, qtbot) -> list[str]:
    """The panels wider than their dock's view, each raised in turn."""
    out = []
    for name in PANELS:
        dock = win.docks[name]
        dock.show()
        dock.raise_()
        area = dock.widget()
        assert isinstance(area, QScrollArea)
        panel, view, bar = area.widget(), area.viewport(), area.horizontalScrollBar()

        def fits(panel=panel, view=view, bar=bar) -> bool:
            return panel.width() <= view.width() and not bar.isVisible()
        try:  # (class fonts and layouts arrive in posted events)
            qtbot.waitUntil(fits, timeout=1000)
        except Exception:
            out.append(f"{name}: {panel.width()} px in a {view.width()} px dock (least "
                       f"{panel.minimumSizeHint().width()} px)")
    return out


@pytest.mark.parametrize("lesson,language", [("iris", "en"), ("iris", "cs"), ("xor", "cs"),
                                             ("xor_challenge", "cs"), ("sine", "en")])
def test_every_panel_fits_its_dock_at_250_percent(open_window, qtbot, lesson, language):
    """(The sine lesson's output-curve options, one row of 610 px at 250 %, squeezed the
    left column to 126 px: its panels scrolled sideways and the lesson's title broke
    inside words. They flow onto two rows now.)"""
    app = QCoreApplication.instance()
    if language == "cs":
        assert i18n.install_language(app, "cs") == ("cs", None)
    try:
        win = open_window(lesson)
        win.resize(1280, 720)
        win.doc.train_epochs(20)  # the metrics' tables filled in
        for row in win.challenges.rows:  # a challenge's verdict (its box, title and buttons
            win.challenges.check(row)  # once made the panel wider than its dock)
        win.canvas.select(next(iter(win.doc.net.param_list())))  # the inspector's ∂E/∂p line
        qtbot.waitUntil(lambda: win.inspector.grad.text() != "")  # (470 px at 250 %)
        win.set_scale(2.5)
        assert too_wide(win, qtbot) == []
        win.docks["layers"].show()  # the Layers palette's entries wrap: no sideways scrolling
        win.docks["layers"].raise_()
        qtbot.waitUntil(lambda: win.layer_palette.isVisible())
        assert not win.layer_palette.horizontalScrollBar().isVisible()
        # the Training form: every field under its label (not one beside and the next under)
        form = win.training.layout()
        assert form.rowWrapPolicy() == QFormLayout.WrapAllRows
        win.set_scale(1.0)
        assert too_wide(win, qtbot) == []
        qtbot.waitUntil(lambda: form.rowWrapPolicy() == QFormLayout.WrapLongRows)
        # and at 100 % every field beside its label (a loss box as wide as its longest
        # choice put them all under, the panel twice as tall)
        for field in (win.training.loss, win.training.batch, win.training.lr):
            label = form.labelForField(field)
            qtbot.waitUntil(lambda f=field, lb=label: abs(lb.geometry().center().y()
                                                         - f.geometry().center().y()) < 4)
    finally:
        if language == "cs":
            i18n.remove_language(app)


def test_a_lessons_unbroken_long_texts_wrap_inside_the_challenges_panel(open_window, qtbot,
                                                                          tmp_path, monkeypatch):
    """A lesson file's 10,000-letter challenge title (no space to break at) made the
    Challenges panel as wide as the title, scrolling sideways; its check, solution and
    verdict the same. Now they wrap (a zero-width space every 24 letters of such a run)."""
    import json

    from resources import lesson_bytes

    d = json.loads(lesson_bytes("xor_challenge"))
    first = d["lesson"]["challenges"][0]
    first["title"], first["solution"] = "T" * 10_000, "S" * 10_000
    first["check"] = "accuracy>=0.99" + " and epoch<=300" * 3
    d["translations"] = {}
    path = tmp_path / "long.json"
    path.write_text(json.dumps(d))
    win = open_window("xor")
    win.resize(1280, 720)
    assert win.files.open_project(str(path))
    row = win.challenges.rows[0]
    win.challenges.check(row)
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)  # (the spoiler's ask)
    win.challenges.show_solution(row)
    assert too_wide(win, qtbot) == []
    assert row["title"].text().replace("\u200b", "") == "T" * 10_000  # every letter kept
    assert row["solution"].text().replace("\u200b", "") == "S" * 10_000
    assert row["title"].height() > 20 * row["title"].fontMetrics().height()  # wrapped, tall


def test_predict_floating_at_its_size_fits_a_zoom_to_250_percent_after_an_answer(open_window,
                                                                                  qtbot):
    """F7 floats Predict at about 450 px; after an answer, zoomed to 250 % (seen under
    X), its score line, one unwrapped line of 454 px, made the panel wider than the
    window and it scrolled sideways, the question cut at its edge."""
    win = open_window("hand_note")
    win.resize(1280, 720)
    qtbot.keyClick(win, Qt.Key_F7)
    dock = win.docks["predict"]
    qtbot.waitUntil(dock.isVisible)
    dock.setFloating(True)
    dock.resize(448, 364)
    assert win.predict.new_question()
    win.predict.answer(win.predict.question.answer)
    assert win.predict.score.text() == "Score this session: 1 / 1 right"
    win.set_scale(2.5)
    area = dock.widget()
    qtbot.wait(200)
    assert area.widget().width() <= area.viewport().width(), (area.widget().width(),
                                                               area.viewport().width())
    assert not area.horizontalScrollBar().isVisible()


def test_a_long_choice_in_a_narrow_box_ends_with_an_ellipsis(open_window, qtbot):
    """At 1280x720 the Czech Training panel drew "binární křížová entr", cut at the box's
    edge; a choice too long for its box now ends with "…" and fits, and shows whole
    where the box is wide enough."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    app = QCoreApplication.instance()
    assert i18n.install_language(app, "cs") == ("cs", None)
    try:
        win = open_window("xor")
        win.resize(1280, 720)
        box = win.training.loss
        assert box.currentText() == "binární křížová entropie"
        win.resizeDocks([win.docks["training"]], [270], Qt.Horizontal)  # the 1280x720 screen's
        qtbot.waitUntil(lambda: box.isVisible() and box.shown_text() != box.currentText())
        opt = QStyleOptionComboBox()
        box.initStyleOption(opt)
        room = box.style().subControlRect(QStyle.CC_ComboBox, opt, QStyle.SC_ComboBoxEditField, box)
        shown = box.shown_text()
        assert shown.endswith("…") and shown[:-1] in box.currentText()
        assert box.fontMetrics().horizontalAdvance(shown) <= room.width()
        box.resize(600, box.height())  # room for it: whole
        assert box.shown_text() == box.currentText()
    finally:
        i18n.remove_language(app)


def test_back_at_100_percent_a_plots_axis_takes_no_more_room_than_before(open_window, qtbot):
    """pyqtgraph gives an axis's tick labels less room only when they shrink by 10 px or
    more: after 250 % the decision map's x axis kept ~10 px of blank under its labels at
    100 % (48 px against 38), taken from the map. The room is measured afresh at each
    scale now."""
    win = open_window("xor")
    win.resize(1280, 720)
    axis = win.decision.plot.getPlotItem().getAxis("bottom")
    qtbot.waitUntil(lambda: axis.picture is not None)  # (painted: its labels measured)
    before = axis.height()
    win.set_scale(2.5)
    qtbot.waitUntil(lambda: axis.height() > before and axis.picture is not None)
    win.set_scale(1.0)
    qtbot.waitUntil(lambda: axis.picture is not None)
    qtbot.wait(100)
    # the same room as at the start, which was no more than the labels need (pyqtgraph
    # starts from 18 px of text height: the axis took 38 px at the start where 31 do)
    assert axis.height() == before


def test_the_slice_controls_and_fit_share_a_row_at_100_percent_and_wrap_at_250(open_window, qtbot):
    """The map's controls flow: at 250 % Iris's slice controls and Fit to data in one row
    took 490 px and squeezed the left column (its inspector scrolled sideways); flowing
    onto two rows, Fit went under the slice at 100 % too, taking a row from the map. A row
    now shrinks its items toward their least widths before it wraps."""
    win = open_window("iris")
    win.resize(1280, 720)
    d = win.decision
    win.resizeDocks([win.docks["decision"]], [384], Qt.Horizontal)  # the 1280x720 screen's
    qtbot.waitUntil(lambda: d.slice_box.isVisible() and d.fit_button.isVisible())
    qtbot.waitUntil(lambda: d.width() <= 390)
    qtbot.wait(100)
    assert d.fit_button.geometry().top() == d.slice_box.geometry().top()  # one row
    assert d.fit_button.geometry().left() > d.slice_box.geometry().right()
    win.set_scale(2.5)
    qtbot.waitUntil(lambda: d.fit_button.geometry().top() > d.slice_box.geometry().top())
    assert too_wide(win, qtbot) == []
