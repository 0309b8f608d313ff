"""The main window: canvas in the centre, views and panels in docks, menus,
a toolbar of training controls with standard shortcuts, and a status bar."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QFont, QFontDatabase, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QMainWindow,
    QMenu,
    QScrollArea,
    QTabBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.localise import localised, with_challenges, with_texts
from core.project import ProjectError
from core.project import save as save_project
from core.text import QT_TRANSLATE_NOOP
from gui import dock_layout, presentation, registry, storage
from gui.about import app_icon, show_about
from gui.canvas.view import NetworkCanvas
from gui.controller import Controller
from gui.document import Document
from gui.files import WINDOW_PDF_PHASES, FileActions, busy, dropped_file, step_derivation, write_handout
from gui.i18n import LANGUAGES, install_language, language, message, remove_language, translate
from gui.menus import RoomyMenus, give_menus_room, with_alt_letters
from gui.messages import FiguresLabel, MessageBar, NoteLabel
from gui.panels.challenges import ChallengesPanel, LessonEditor
from gui.panels.data import DataPanel
from gui.panels.gradcheck import GradientCheck
from gui.panels.inspector import Inspector
from gui.panels.lecture import LecturePanel
from gui.panels.palette import Palette
from gui.panels.predict import PredictPanel
from gui.panels.record import RecordDialog
from gui.panels.training import TrainingPanel
from gui.plots.compare import CompareDialog, CompareWindow
from gui.plots.explore import LandscapePlot, Metrics, Timeline
from gui.plots.gallery import ActivationGallery
from gui.plots.health import HealthHistory, HealthView
from gui.plots.views import DecisionPlot, HiddenPlot, LossPlot, Thumbnails, WeightsPlot
from gui.recorder import Recorder
from gui.richtext import description_html
from gui.shortcuts import show_shortcuts
from gui.throttle import Throttle
from resources import lesson_names, load_lesson

STATUS_FPS = 4  # status-bar and inspector figures (whole-data passes) per second


def redo_keys() -> list[QKeySequence]:
    """The platform's Redo keys plus Ctrl+Shift+Z and Ctrl+Y, each once (a key bound
    twice is an ambiguous shortcut, which Qt ignores)."""
    keys, seen = [], set()
    for k in [*QKeySequence.keyBindings(QKeySequence.Redo), QKeySequence("Ctrl+Shift+Z"),
              QKeySequence("Ctrl+Y")]:
        if k.toString() not in seen:
            seen.add(k.toString())
            keys.append(k)
    return keys

class MainWindow(QMainWindow):
    def __init__(self, doc: Document) -> None:
        super().__init__()
        self.doc = doc
        self.controller = Controller(doc, parent=self)
        self.files = FileActions(self, doc, self.controller)
        self.setAcceptDrops(True)  # a project or data file dragged from a file manager
        self.recorder: Recorder | None = None  # File → Record… while it records
        self.comparisons: list[CompareWindow] = []  # open comparison windows
        self.setWindowTitle(translate("main_window", "Backprop Studio"))
        self.setWindowIcon(app_icon())
        self.canvas = NetworkCanvas(doc)
        self.message_bar = MessageBar()
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.message_bar)
        column.addWidget(self.canvas, 1)
        self.setCentralWidget(centre)
        self.inspector = Inspector(doc)
        self.canvas.param_selected.connect(self.inspector.show_param)
        self.canvas.layer_selected.connect(self.inspector.show_layer)
        self.layer_palette = Palette(doc)
        self.loss_plot, self.decision, self.hidden = LossPlot(doc), DecisionPlot(doc), HiddenPlot(doc)
        self.weights_plot, self.thumbnails = WeightsPlot(doc), Thumbnails(doc)
        self.training = TrainingPanel(doc, self.controller)
        self.lecture = LecturePanel(doc)
        self.gallery = ActivationGallery()
        self.predict = PredictPanel(doc, self.decision)
        self.predict.busy_changed.connect(self._predict_busy)
        self.challenges = ChallengesPanel(doc)
        self.health_history = HealthHistory(doc, self)
        self.health = HealthView(doc, self.health_history)
        self.data_panel = DataPanel(doc)
        self.landscape, self.timeline, self.metrics = LandscapePlot(doc), Timeline(doc), Metrics(doc)
        doc.preview_changed.connect(self.loss_plot.mark_epoch)
        self.data_panel.import_button.clicked.connect(lambda: self.files.import_csv())
        self.data_panel.export_button.clicked.connect(lambda: self.files.export_csv())
        self.decision.clicked.connect(self._on_map_clicked)
        self.decision.probed.connect(
            lambda x, y: self.doc.set_probe(self.decision.point_at(x, y),
                                            self.data_panel.point_class.currentData()))
        self.decision.versus_box.toggled.connect(lambda on: self._name_views())  # curve or ŷ vs y
        self.decision.menu_requested.connect(
            lambda x, y, at: self.map_menu(x, y).popup(at))
        self.about = QTextBrowser()
        self.about_html = ""
        self.about.setOpenExternalLinks(False)
        self.lecture_mode = False
        self.scale = 1.0
        self._before_compact = None  # the designer's layout while the docks are compacted
        self._columns_set = False  # the first layout pass's columns set (_default_columns)
        self._compacted_early = False  # compacted before that: its sizes were not settled
        self._compact_widths_due = False  # compacted, the columns' widths not yet set
        self.high_contrast = False
        self._base_font = QFontDatabase.systemFont(QFontDatabase.GeneralFont)  # the 100 % font
        self.docks: dict[str, QDockWidget] = {}
        # the Tab order again once the docks have their places: one pass however many docks
        # moved (a lecture or a new layout moves a dozen; a pass reads every widget)
        self._tab_order_timer = QTimer(self, singleShot=True, interval=0, timeout=self._docks_moved)
        self._hidden_stops: dict[str, list] = {}  # dock -> (widget, focus policy) while hidden
        # side columns run full height; bottom docks (lecture, gallery) sit under the canvas
        self.setCorner(Qt.BottomRightCorner, Qt.RightDockWidgetArea)
        self.setCorner(Qt.BottomLeftCorner, Qt.LeftDockWidgetArea)
        self._tabs: list[tuple[str, str]] = []  # (front, behind) pairs, tabified once shown
        self._restored = False  # a layout was restored: its column widths, not the defaults
        self._saved_layout: dict | None = None  # the preferences' layout, sizes still to set
        self._pending_state: bytes | None = None  # a layout to restore once shown again
        self._settle: tuple[QSize, bytes] | None = None  # a layout for when the size comes
        for view in registry.DOCKS:
            self._dock(view)
        # the gallery and the lecture above the timeline, not beside it (side by side they
        # squeezed its slider to nothing); the timeline keeps one row's height
        self.splitDockWidget(self.docks["lecture"], self.docks["timeline"], Qt.Vertical)
        for view in registry.DOCKS:
            self.docks[view.id].setVisible(view.shown)
        self.docks["lecture"].visibilityChanged.connect(self._on_lecture_visible)
        self._actions()
        self.menu_style = RoomyMenus(self)  # (items wide enough at 250 %: gui.menus)
        give_menus_room(self, self.menu_style)
        self.lecture.phase_changed.connect(self._on_phase_changed)  # (it updates actions)
        self.note = NoteLabel()  # results, left; the figures, right: neither covers the other
        self.status = FiguresLabel()
        self.statusBar().addPermanentWidget(self.note, 1)
        self.statusBar().addPermanentWidget(self.status, 0)
        self.note.wants_room.connect(self.status.give_note)
        self.last_message = ""
        self._rate = (time.perf_counter(), 0)
        self._eps = 0.0
        doc.message.connect(self.tell)
        doc.refused.connect(self.refuse)
        doc.trained.connect(self._on_trained)
        # loss and accuracy on all the data: a few times a second, not on every training slice
        self.status_throttle = Throttle(self._update_status, STATUS_FPS, self)
        # the timeline's marks of saturated and dead neurons: new snapshots are worked out
        # by the health history's pump (a few at a time), which paints the marks as it goes
        doc.trained.connect(self._update_marks)
        self.health_history.changed.connect(self._paint_marks)
        doc.weights_changed.connect(self.status_throttle.request)
        doc.structure_changed.connect(self._on_structure_changed)
        doc.settings_changed.connect(self._name_views)
        self.controller.running_changed.connect(self._on_running)
        self.controller.running_changed.connect(self.canvas.set_playing)
        self._on_structure_changed()
        doc.modified_changed.connect(self.setWindowModified)
        doc.locks_changed.connect(self._apply_locks)
        self._apply_locks()
        self.files.attach_recent(self.recent_menu)
        presentation.cache_axes(self)
        self._fit_to_screen(1500, 900)
        place = dock_layout.window_place(storage.saved_text("window"))
        if place is not None:  # where the window was last time, on a screen there is now
            self.setGeometry(dock_layout.on_a_screen(place[0]))
            maximised = self.windowState() | Qt.WindowMaximized
            self.setWindowState(maximised if place[1] else maximised & ~Qt.WindowMaximized)
        self._prefs = (storage.saved_scale(), storage.saved_flag("high_contrast"))

    def restore_layout(self, state: bytes) -> bool:
        """Docks as ``saveState`` left them, in this shown window (Qt 6.11 mishandles a
        state restored before the window is first shown; see ``rebuild``). The state comes
        from a window of this process, never from a file."""
        if not self.isVisible():
            raise RuntimeError("restore_layout needs the window shown")
        done = self.restoreState(state)
        self._restored = self._restored or done
        return done

    def settle_layout(self, size: QSize, state: bytes) -> None:
        """``state`` restored again when this shown window reaches ``size`` (within a
        second). A language switch's new window is shown at a passing size (under X, a
        maximised window's comes from the window manager later): the layout restored at
        that size was squeezed into the real one, the docks' heights drifting at each
        switch (the decision map 183 → 120 → 116 pixels tall over three switches)."""
        if self.size() == size:
            return
        self._settle = (size, state)
        QTimer.singleShot(1000, self, lambda: setattr(self, "_settle", None))

    def resizeEvent(self, e) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(e)
        if self._settle is not None and e.size() == self._settle[0]:
            state, self._settle = self._settle[1], None
            # the designer's layout, kept for when the zoom or the lecture ends
            if self._before_compact is not None:
                self._before_compact = state
            elif self.lecture_mode:
                self._designer_state = state
            else:
                self.restoreState(state)
            if self.lecture_mode:
                QTimer.singleShot(0, self, self._lecture_width)
            elif self._before_compact is not None:
                QTimer.singleShot(0, self, self._compact_widths)

    def _restore_state(self, state: bytes) -> None:
        """``restoreState`` now, or when the window is shown again: restored into a hidden
        (closed) window, Qt 6.11's dock layout kept a freed item, and the next dock put in
        place crashed (lecture mode left and entered on a closed window)."""
        if self.isVisible():
            self.restoreState(state)
        else:
            self._pending_state = state

    def apply_preferences(self) -> None:
        """Dock layout, scale and theme from the last session, once the window is shown.
        The layout is read from the preferences file as checked values (gui.dock_layout):
        no bytes from a file reach Qt's restoreState."""
        layout = dock_layout.parse(storage.saved_text("docks"), self.docks)
        if layout is not None:
            dock_layout.apply(self, self.docks, layout)
            self._saved_layout = layout  # its sizes once laid out (_default_columns)
            self._restored = True
            self._tab_order_timer.start()
        scale, contrast = self._prefs
        if scale != 1.0:
            self.set_scale(scale)
        if contrast:
            self.set_high_contrast(True)

    def _dock(self, view: registry.View) -> None:
        """The dock of ``view`` (gui.registry): in its area, or as a tab behind another
        view's dock. Panels of text and controls scroll rather than clip when the scale
        makes them large."""
        widget, scroll, tab_with = getattr(self, view.attr), view.scroll, view.tab_with
        dock = QDockWidget(message(view.title), self)
        widget.setAccessibleName(message(view.title))  # what a screen reader says for the view
        for plot in widget.findChildren(pg.PlotWidget):
            plot.setAccessibleName(translate("main_window", "{0} plot").format(message(view.title)))
        dock.setObjectName(view.id)
        if hasattr(widget, "reveal"):  # a view redraws when its dock or tab comes forward
            dock.visibilityChanged.connect(lambda shown, w=widget: shown and w.reveal())
        if scroll:
            area_widget = QScrollArea()
            area_widget.setWidgetResizable(True)
            area_widget.setFocusPolicy(Qt.NoFocus)  # not a Tab stop: it scrolls to the focus
            area_widget.setFrameShape(QScrollArea.NoFrame)
            area_widget.setWidget(widget)
            widget = area_widget
        dock.setWidget(widget)
        areas = {"left": Qt.LeftDockWidgetArea, "right": Qt.RightDockWidgetArea,
                 "bottom": Qt.BottomDockWidgetArea}
        area = areas[view.area] if view.area else self.dockWidgetArea(self.docks[tab_with])
        self.addDockWidget(area, dock)
        if tab_with is not None:
            self._tabs.append((tab_with, view.id))
        self.docks[view.id] = dock
        dock.dockLocationChanged.connect(lambda area: self._tab_order_timer.start())
        if view.id in self.ROOMY:  # shown in the strip under the canvas (View menu), it got
            # ~70 px there: the lecture's formula and buttons below the fold, the gallery's
            # plots flat lines
            dock.visibilityChanged.connect(
                lambda shown, d=dock: shown and QTimer.singleShot(0, self, lambda: self._room_for(d)))

    #: docks that need some height to be read, in lines of text
    ROOMY = {"lecture": 14, "gallery": 18}

    def _room_for(self, dock: QDockWidget) -> None:
        """At least ROOMY lines of height for ``dock`` where it lies docked above or below
        the canvas (its column's other docks and the canvas keep the rest)."""
        if dock.isFloating() or not dock.isVisible() or \
                self.dockWidgetArea(dock) not in (Qt.BottomDockWidgetArea, Qt.TopDockWidgetArea):
            return
        want = min(self.ROOMY[dock.objectName()] * self.fontMetrics().height(), self.height() // 2)
        if dock.height() < want:
            self.resizeDocks([dock], [want], Qt.Vertical)

    def showEvent(self, e) -> None:
        super().showEvent(e)
        if self._pending_state is not None:
            state, self._pending_state = self._pending_state, None
            self.restoreState(state)
        # Tabify once shown: Qt 6.11 leaves a stray duplicate tab bar on the window when
        # a second group of docks is tabified before the window is first shown.
        if self._tabs:
            for first, second in self._tabs:
                self.tabifyDockWidget(self.docks[first], self.docks[second])
                self.docks[first].raise_()
            self._tabs = []
            self._show_lesson_view()
            QTimer.singleShot(0, self, self._default_columns)  # once the window has its size
            self.canvas.setFocus(Qt.OtherFocusReason)  # the keyboard starts on the network

    def _default_columns(self) -> None:
        """Side columns that leave the canvas about half the width (a 1280-pixel screen
        gave it a quarter, too little for a 2-2-1 network's labels)."""
        self._columns_set = True
        saved, self._saved_layout = self._saved_layout, None
        if saved is not None:
            dock_layout.apply_sizes(self, self.docks, saved)
        if not (self._restored and (saved is None or saved["widths"])):
            self._default_widths()  # (a layout put back keeps its own columns)
        self.order_tabs()

    def _default_widths(self) -> None:
        w = self.width()
        left = int(min(max(0.22 * w, 280), 340))
        right = int(min(max(0.3 * w, 360), 620))
        self.resizeDocks([self.docks["training"], self.docks["loss"]], [left, right],
                         Qt.Horizontal)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 - Qt's name
        """Tab and Shift+Tab, from any widget of the window (Qt hands them up to it)."""
        self._tab_stops()
        return super().focusNextPrevChild(next)

    def _tab_stops(self) -> None:
        """A dock behind a tab is still 'visible' to Qt (at an off-screen spot), so Tab
        would walk into controls no one can see: they leave the Tab chain while their dock
        is out of sight and come back when it shows (its tab is chosen, or View shows it);
        looked at on each Tab, as the layout stands then."""
        for dock in self.docks.values():
            name = dock.objectName()
            out_of_sight = not self._in_sight(dock)
            if out_of_sight and name not in self._hidden_stops:
                kept = [(w, w.focusPolicy()) for w in dock.findChildren(QWidget)
                        if w.focusPolicy() & Qt.TabFocus]
                for w, policy in kept:
                    w.setFocusPolicy(Qt.ClickFocus if policy & Qt.ClickFocus else Qt.NoFocus)
                self._hidden_stops[name] = kept
            elif not out_of_sight and name in self._hidden_stops:
                for w, policy in self._hidden_stops.pop(name):
                    w.setFocusPolicy(policy)

    def _in_sight(self, dock: QDockWidget) -> bool:
        """Shown and in front: behind a tab, Qt keeps a dock 'visible' at a spot outside
        the window."""
        return dock.isVisible() and (dock.isFloating() or self.rect().intersects(dock.geometry()))

    def _docks_moved(self) -> None:
        self.order_tabs()
        self.hide_stray_tab_bars()

    def order_tabs(self) -> None:
        """Tab goes through the window as it reads: the left column top to bottom, the
        canvas, the right column, then the bottom row left to right (docks behind a tab
        where their tab is; each view's controls in their own order). Qt's default is the
        order the widgets were made in. Again whenever a dock moves."""
        area_rank = {Qt.LeftDockWidgetArea: 0, Qt.TopDockWidgetArea: 1,
                     Qt.RightDockWidgetArea: 3, Qt.BottomDockWidgetArea: 4}
        keys = {self.centralWidget(): (2, 0, 0, 0)}
        for made, dock in enumerate(self.docks.values()):
            rank = 5 if dock.isFloating() else area_rank.get(self.dockWidgetArea(dock), 5)
            group = [dock, *self.tabifiedDockWidgets(dock)]  # a dock behind a tab has no place
            g = max(group, key=self._in_sight).geometry()  # of its own: its group's front's
            where = (g.x(), g.y()) if rank == 4 else (g.y(), g.x())
            keys[dock] = (rank, *where, made)
        # The window's widgets in the order they were made (each parent's children in
        # order). Not by walking nextInFocusChain(): PySide makes the widget it returns a
        # child of the one it was called on in its own bookkeeping, so when that wrapper
        # was freed the next widget's wrapper went with it ("Internal C++ object already
        # deleted" on self.toolbar, and a crash inside a layout's Python code)
        chain = [w for w in self.findChildren(QWidget) if w.focusPolicy() & Qt.TabFocus
                 and not isinstance(w.parentWidget(), QAbstractSpinBox | QComboBox)
                 and w.window() is self]
        # (a spin box's or combo box's own line edit goes with its box; a floating dock,
        # a dialog, is a window of its own, with a Tab cycle of its own)

        def key(item):
            k, w = item
            while w is not None and w not in keys:
                w = w.parentWidget()
            return (keys[w] if w is not None else (-1,)), k
        ordered = [w for _, w in sorted(enumerate(chain), key=key)]
        for first, second in zip(ordered, ordered[1:]):
            QWidget.setTabOrder(first, second)

    def hide_stray_tab_bars(self) -> None:
        """Hide tab bars the dock layout no longer uses. Qt 6.11 leaves the tab bar of a
        group it has since rearranged on the window, with its old tabs, when docks are
        moved into a new tabbed group while the window shows (lecture mode in Czech, or at
        250 %: an old "Lecture | Lesson" bar showed beside the new "Lecture | Lesson |
        Loss", and more piled up each time lecture mode came and went). A bar is in use
        when its tabs are the titles of a shown dock's group, that dock is its current tab,
        and it lies along that dock's edge."""
        for bar in self.findChildren(QTabBar):
            if bar.parentWidget() is not self or not bar.isVisible() or not bar.count():
                continue
            tabs = {bar.tabText(i) for i in range(bar.count())}
            front = next((d for d in self.docks.values() if d.isVisible() and not d.isFloating()
                          and d.windowTitle() == bar.tabText(bar.currentIndex())), None)
            used = front is not None and tabs == {d.windowTitle() for d in
                                                  (front, *self.tabifiedDockWidgets(front))}
            if not used or not any(dock_layout.tab_bar_along(bar.geometry(), front.geometry(), column)
                                   for column in (True, False)):
                bar.hide()

    def _action(self, menu, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.setToolTip(tip or text)
        a.triggered.connect(slot)
        menu.addAction(a)
        self.addAction(a)
        return a

    def _actions(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(translate("main_window", "&File"))
        self._action(file, translate("main_window", "&New"), self.files.new_project, QKeySequence.New,
                     translate("main_window", "A new project (XOR, 2-2-1)"))
        self._action(file, translate("main_window", "&Open…"), lambda: self.files.open_project(),
                     QKeySequence.Open)
        self.recent_menu = file.addMenu(translate("main_window", "Open &Recent"))
        self._action(file, translate("main_window", "&Save"), lambda: self.files.save_project(),
                     QKeySequence.Save)
        self._action(file, translate("main_window", "Save &As…"), lambda: self.files.save_project(ask=True),
                     QKeySequence.SaveAs)
        file.addSeparator()
        lessons = file.addMenu(translate("main_window", "&Lessons"))
        titles, names = [], lesson_names()
        for name in names:
            lesson = load_lesson(name)
            titles.append(f"{localised(lesson, language())[0]} ({'-'.join(map(str, lesson.net.sizes))})")
        for name, title in zip(names, with_alt_letters(titles)):
            self._action(lessons, title, lambda checked=False, n=name: self.open_lesson(n))
        file.addSeparator()
        self._action(file, translate("main_window", "&Import data (CSV)…"), lambda: self.files.import_csv())
        self._action(file, translate("main_window", "E&xport data (CSV)…"), lambda: self.files.export_csv())
        export = file.addMenu(translate("main_window", "Export net&work"))
        self._action(export, translate("main_window", "&Weights as CSV…"),
                     lambda: self.files.export_network("weights"))
        self._action(export, translate("main_window", "As a &numpy script…"),
                     lambda: self.files.export_network("numpy"))
        self._action(export, translate("main_window", "As a P&yTorch script…"),
                     lambda: self.files.export_network("torch"))
        self.export_view_menu = file.addMenu(translate("main_window", "Export &view (PNG or SVG)"))
        for vid in registry.EXPORTABLE:  # (named as the views are: _name_after_views)
            self._action(self.export_view_menu, vid,
                         lambda checked=False, v=vid: self.files.export_view(v)).setData(vid)
        step = file.addMenu(translate("main_window", "Export s&tep"))
        step.setToolTipsVisible(True)
        self._action(step, translate("main_window", "As &Markdown…"),
                     lambda: self.export_trace("md"),
                     tip=translate("main_window", "Write this sample's training step, every number, as "
                                                  "Markdown"))
        self._action(step, translate("main_window", "As a La&TeX document…"),
                     lambda: self.export_trace("tex"),
                     tip=translate("main_window", "Write this sample's training step as a LaTeX "
                                                  "document that compiles as it is"))
        self._action(step, translate("main_window", "As LaTeX se&ctions…"),
                     lambda: self.export_trace("fragment"),
                     tip=translate("main_window", "Write this sample's training step as LaTeX align* "
                                                  "environments, to paste into your own notes"))
        self._action(step, translate("main_window", "As a &PDF handout…"),
                     lambda: self.export_trace("pdf"),
                     tip=translate("main_window", "Write this sample's training step as a printable "
                                                  "PDF handout (no TeX needed)"))
        file.addSeparator()
        self._action(file, translate("main_window", "Sav&e as lesson…"), self.save_as_lesson,
                     tip=translate("main_window", "Save this project as a lesson: its description, the "
                                                  "controls a student may use, and challenges"))
        self.record_action = self._action(
            file, translate("main_window", "Recor&d…"), self.toggle_recording,
            tip=translate("main_window", "Record a view (or the window) as an animated GIF or APNG "
                                         "while training plays"))
        file.addSeparator()
        self._action(file, translate("main_window", "&Quit"), self.close, QKeySequence.Quit)
        edit = bar.addMenu(translate("main_window", "&Edit"))
        undo = self.doc.undo_stack.createUndoAction(self, translate("main_window", "&Undo"))
        undo.setShortcut(QKeySequence.Undo)
        redo = self.doc.undo_stack.createRedoAction(self, translate("main_window", "&Redo"))
        redo.setShortcuts(redo_keys())
        edit.addActions([undo, redo])
        self.addActions([undo, redo])
        train = bar.addMenu(translate("main_window", "&Train"))
        tb = self.toolbar = self.addToolBar(translate("main_window", "Training"))
        tb.setObjectName("training toolbar")
        self.play_action = self._action(train, translate("main_window", "&Play"), self.controller.toggle,
                                        Qt.Key_Space,
                                        translate("main_window", "Play / pause continuous training (Space)"))
        self.step_sample_action = self._action(
            train, translate("main_window", "Step &sample"), self._right, Qt.Key_Right,
            translate("main_window", "Train on the next sample (→); in lecture mode → shows the next phase"))
        self.step_batch_action = self._action(train, translate("main_window", "Step &batch"),
                                              self.doc.step_batch,
                                              Qt.SHIFT | Qt.Key_Right, translate("main_window",
                                                                                 "Train on the next batch"))
        self.step_epoch_action = self._action(train, translate("main_window", "Step &epoch"),
                                              self.doc.step_epoch,
                                              Qt.CTRL | Qt.Key_Right, translate("main_window",
                                                                                "Train one epoch (Ctrl+→)"))
        self.step_back_action = self._action(train, translate("main_window", "Step bac&k"),
                                             self.doc.step_back, Qt.ALT | Qt.Key_Left,
                                             translate("main_window", "Undo the last training step "
                                                                      "(Alt+←); the last 500 are kept"))
        train.addSeparator()
        self.reset_action = self._action(train, translate("main_window", "&Reset"), self.doc.reset, "Ctrl+R",
                                         translate("main_window", "Back to the initial weights (same seed)"))
        self.reinit_action = self._action(train, translate("main_window", "Re-&initialise"),
                                          self.doc.reinitialise,
                                          "Ctrl+Shift+R", translate("main_window", "New random weights (next "
                                                                                   "seed)"))
        train.addSeparator()
        self._action(train, translate("main_window", "&Compare runs…"), self.ask_compare, "Ctrl+K",
                     translate("main_window", "Train copies of this project that differ in one setting "
                                              "side by side (Ctrl+K)"))
        self._action(train, translate("main_window", "&Gradient check…"), self.gradient_check, "Ctrl+G",
                     translate("main_window", "Backprop gradients beside finite differences, parameter by "
                                              "parameter"))
        for a in (self.play_action, self.step_sample_action, self.step_batch_action,
                  self.step_epoch_action, self.step_back_action, self.reset_action,
                  self.reinit_action):
            tb.addAction(a)
        lecture = bar.addMenu(translate("main_window", "&Lecture"))
        self.lecture_action = self._action(lecture, translate("main_window", "&Lecture mode"),
                                           self.toggle_lecture, "F5",
                                           translate("main_window", "Walk one sample's step phase by "
                                                                    "phase (F5)"))
        self.lecture_action.setCheckable(True)
        self._action(lecture, translate("main_window", "&Next phase"), self._next_phase, Qt.Key_PageDown,
                     translate("main_window", "Next phase (Page Down or →)"))
        self._action(lecture, translate("main_window", "&Previous phase"), self._previous_phase,
                     Qt.Key_PageUp,
                     translate("main_window", "Previous phase (Page Up or ←)"))
        lecture.addSeparator()
        self.unlock_action = self._action(
            lecture, translate("main_window", "&Unlock controls"), self.doc.unlock,
            tip=translate("main_window", "Lift the lesson's limits on the controls (for the lecturer)"))
        self._action(lecture, translate("main_window", "P&redict, then reveal"), self.show_predict, "F7",
                     translate("main_window", "Commit a guess about the step or the training, then see "
                                              "the truth beside it (F7)"))
        self.slow_action = self._action(
            lecture, translate("main_window", "&Slow motion"), self.toggle_slow_motion, "F6",
            translate("main_window", "Play the phases by themselves, one a second (F6; the pace is "
                                     "under the lecture panel's ⚙)"))
        self.slow_action.setCheckable(True)
        self.scope_actions = {}
        group = QActionGroup(self)
        for scope, text in (("all", translate("main_window", "&All phases")),
                            ("forward", translate("main_window", "&Forward pass only")),
                            ("backward", translate("main_window", "&Backward pass only"))):
            a = self._action(lecture, text, lambda checked=False, sc=scope: self._scope(sc))
            a.setCheckable(True)
            group.addAction(a)
            self.scope_actions[scope] = a
        self.scope_actions["all"].setChecked(True)
        # on the window, not in a menu
        self.left_action = QAction(translate("main_window", "Previous phase (←)"), self)
        self.left_action.setShortcut(QKeySequence(Qt.Key_Left))
        self.left_action.triggered.connect(self._left)
        self.addAction(self.left_action)
        view = bar.addMenu(translate("main_window", "&View"))
        # the views' toggles in two submenus: at 250 % on a 720-line projector eighteen of
        # them made the View menu taller than the screen (two columns, over the menu bar)
        plots = view.addMenu(translate("main_window", "&Plots"))
        panels = view.addMenu(translate("main_window", "Pa&nels"))
        for vid, dock in self.docks.items():
            toggle = dock.toggleViewAction()
            if vid == "predict":  # shown where it has room, as F7 shows it (docked at the
                # foot of the designer it got ~80 px: the question and Commit out of sight)
                toggle = QAction(dock.windowTitle(), self, checkable=True)
                toggle.triggered.connect(lambda on: self.show_predict() if on else
                                         self.docks["predict"].hide())
                dock.visibilityChanged.connect(
                    lambda seen, t=toggle, d=dock: t.setChecked(not d.isHidden()))
                self.predict_view_action = toggle
            else:  # shown: in front of the docks it shares a tab bar with (behind them, the
                # menu seemed to do nothing but add a tab)
                toggle.triggered.connect(lambda on, d=dock: on and d.raise_())
            toggle.setData(vid)
            menus = (plots, self.export_view_menu) if registry.BY_ID[vid].exportable else (panels,)
            menus[0].addAction(toggle)
            # a dock's title changes ("Predictions"; Qt then names its toggle so, letterless):
            # its items in these menus are named again
            dock.windowTitleChanged.connect(
                lambda _t, menus=menus: [self._name_after_views(m) for m in menus])
        for menu in (plots, panels, self.export_view_menu):
            self._name_after_views(menu)
        view.addSeparator()
        self._action(view, translate("main_window", "&Fit network in view"), self.canvas.fit, "Home")
        zoom = self._action(view, translate("main_window", "Zoom &in"),
                            lambda: self.set_scale(self._next_scale(+1)),
                            QKeySequence.ZoomIn, translate("main_window", "Larger text and plots, up to "
                                                                          "250 %"))
        zoom.setShortcuts([QKeySequence.ZoomIn, QKeySequence("Ctrl+=")])
        self._action(view, translate("main_window", "Zoom &out"),
                     lambda: self.set_scale(self._next_scale(-1)), QKeySequence.ZoomOut)
        self._action(view, translate("main_window", "&Actual size"), lambda: self.set_scale(1.0), "Ctrl+0")
        self.contrast_action = self._action(view, translate("main_window", "&High contrast"),
                                            self.toggle_contrast,
                                            "Ctrl+Shift+H", translate("main_window",
                                                                      "White and yellow on black"))
        self.contrast_action.setCheckable(True)
        self.fullscreen_action = self._action(view, translate("main_window", "F&ull screen"),
                                              self.toggle_fullscreen, "F11")
        languages = view.addMenu(translate("main_window", "&Language"))
        group = QActionGroup(self)
        chosen = storage.saved_text("language") or QApplication.instance().property("language")
        for code, name in zip(LANGUAGES, with_alt_letters(list(LANGUAGES.values()))):
            a = self._action(languages, name, lambda checked=False, c=code: self.set_language(c))
            a.setCheckable(True)
            a.setChecked(code == (chosen or "en"))
            group.addAction(a)
        help_menu = bar.addMenu(translate("main_window", "&Help"))
        self._action(help_menu, translate("main_window", "&Keyboard shortcuts"),
                     lambda: setattr(self, "shortcuts_window", show_shortcuts(self)),
                     QKeySequence.HelpContents,
                     translate("main_window", "Every key the window and the canvas answer to"))
        self._action(help_menu, translate("main_window", "&About Backprop Studio"),
                     lambda: setattr(self, "about_box", show_about(self)),
                     tip=translate("main_window", "The version, and the versions and licences of Qt, "
                                                  "PySide6, pyqtgraph, numpy and Pillow"))
        self._action(help_menu, translate("main_window", "About &Qt"), lambda: QApplication.aboutQt())

    def _name_after_views(self, menu: QMenu) -> None:
        """``menu``'s items for views (each holding its view's id) named as the views are
        now ("Output curve" for the decision dock of one input), each with an Alt letter of
        its own."""
        actions = [a for a in menu.actions() if a.data() in registry.BY_ID]
        titles = [self.docks[a.data()].windowTitle() if a.data() in self.docks
                  else message(registry.CANVAS.title) for a in actions]
        for a, title, text in zip(actions, titles, with_alt_letters(titles)):
            a.setText(text)
            a.setToolTip(title)

    # --- lecture mode ------------------------------------------------------------------
    def toggle_lecture(self) -> None:
        self.set_lecture(not self.lecture_mode)

    LECTURE_DOCKS = ("lecture", "lesson", "loss")

    def set_lecture(self, on: bool) -> None:
        """Lecture mode: the canvas, the step's phases, the lesson and the loss only; the
        designer's layout comes back when it ends."""
        if on == self.lecture_mode:
            return
        self.lecture_mode = on
        self.lecture_action.setChecked(on)
        if on:
            self.canvas.clear_selection()  # a highlight would look like part of the phase
            # (a designer's layout still waiting for the window to be shown is the one)
            self._designer_state = self._pending_state or self.saveState()
            self._pending_state = None
            for title, dock in self.docks.items():
                dock.setVisible(title in self.LECTURE_DOCKS)
            self.toolbar.hide()  # the panel has its own buttons; the keys still work
            # the phases in a full-height column right of the canvas, the lesson and the
            # loss as tabs behind them: at 250 % on 1280×720 a phase fits without scrolling
            lecture = self.docks["lecture"]
            self.addDockWidget(Qt.RightDockWidgetArea, lecture)
            for title in ("lesson", "loss"):
                self.addDockWidget(Qt.RightDockWidgetArea, self.docks[title])
                self.tabifyDockWidget(lecture, self.docks[title])
            lecture.raise_()
            self._lecture_width()
            QTimer.singleShot(0, self, self._lecture_width)  # again once the docks have settled
            self.lecture.rebuild()
        else:
            self._restore_state(self._designer_state)
            self.toolbar.show()
            if self._compact_widths_due:  # (lecture mode came on straight after a zoom)
                QTimer.singleShot(0, self, self._compact_widths)
            self.docks["lecture"].hide()
        self._tab_order_timer.start()  # (and Qt's old tab bars hidden, once laid out)
        self._on_phase_changed()

    def _lecture_width(self) -> None:
        """The phase column takes 45 % of the window (50 % from 175 % up, where the text is
        large): wide enough for its buttons in one row, the canvas keeps the rest."""
        if self.lecture_mode:
            share = 0.5 if self.scale >= 1.75 else 0.45
            self.resizeDocks([self.docks["lecture"]], [int(self.width() * share)], Qt.Horizontal)

    def _on_lecture_visible(self, visible: bool) -> None:
        dock = self.docks["lecture"]
        if not visible and self.lecture_mode and dock.isHidden() and self.isVisible() \
                and not dock.isFloating():
            self.set_lecture(False)  # the user closed the lecture dock (not: chose another tab)

    def _on_phase_changed(self) -> None:
        self.canvas.set_overlay(self.lecture.canvas_overlay() if self.lecture_mode
                                else (set(), set(), {}, {}))
        self.canvas.set_caption(self.lecture.caption() if self.lecture_mode else "")
        self.slow_action.setChecked(self.lecture.slow.isActive())
        for scope, action in self.scope_actions.items():
            action.setChecked(scope == self.lecture.scope)

    def show_predict(self) -> None:
        """The Predict panel, in front, with a first question if none is asked yet."""
        dock = self.docks["predict"]
        if self.lecture_mode and not dock.isVisible():  # a tab beside the phases, full height
            self.tabifyDockWidget(self.docks["lecture"], dock)
        elif not self.lecture_mode and not dock.isVisible():
            # the designer's columns have no room for it: a window of its own over the left
            # column (the canvas and the decision map, which the questions are about, stay in
            # view); it docks like any panel if dragged onto the window's edge
            dock.setFloating(True)
            line = self.fontMetrics().height()
            dock.resize(min(32 * line, self.width() // 2), min(26 * line, self.height() - 4 * line))
            dock.move(self.mapToGlobal(self.rect().topLeft()) + QPoint(8, 4 * line))
        dock.show()
        dock.raise_()
        if not self.predict.text.text():
            self.predict.new_question()

    def _predict_busy(self, busy: bool) -> None:
        """While Predict trains its answer, Play waits (and pauses if playing): its epochs
        are the question's; both at once made the answer come early."""
        if busy:
            self.controller.pause()
        self.controller.waiting_for = translate(
            "main_window", "Predict is training its answer; Play is free again when it is "
                           "revealed") if busy else ""

    def _scope(self, scope: str) -> None:
        if not self.lecture_mode:
            self.set_lecture(True)
        self.lecture.set_scope(scope)

    def toggle_slow_motion(self, on: bool) -> None:
        """Lecture → Slow motion: the phases play by themselves (lecture mode comes on)."""
        if on and not self.lecture_mode:
            self.set_lecture(True)
        self.lecture.set_slow_motion(on)

    def _right(self) -> None:
        if self.lecture_mode:
            self.lecture.next()
        else:
            self.doc.step_sample()

    def _left(self) -> None:
        if self.lecture_mode:
            self.lecture.previous()

    def _next_phase(self) -> None:
        if not self.lecture_mode:
            self.set_lecture(True)
        else:
            self.lecture.next()

    def _previous_phase(self) -> None:
        if self.lecture_mode:
            self.lecture.previous()

    def export_trace(self, kind: str, path: str | None = None) -> bool:
        """Write this sample's step as Markdown ('md'), a LaTeX document ('tex'), LaTeX
        sections to paste ('fragment') or a PDF handout ('pdf'); asks where when no path."""
        if path is None:
            filt, name = {"md": ("Markdown (*.md)", "step.md"), "tex": ("LaTeX (*.tex)", "step.tex"),
                          "fragment": ("LaTeX (*.tex)", "step-sections.tex"),
                          "pdf": ("PDF (*.pdf)", "step.pdf")}[kind]
            path = self.files.ask_path(True, translate("main_window", "Export the step"), filt,
                                       self.files.beside(name))
            if not path:
                return False
        try:
            with busy():
                dv, title = step_derivation(self.doc, self.lecture.digits.value())
                if kind == "pdf" and len(dv.phases) > WINDOW_PDF_PHASES:
                    # Qt lays a PDF out on this thread: ~1.5 ms a phase, 27 s for the 17,735
                    # of a 2-64-64-64-1 net, the window frozen all along
                    self.refuse(translate("main_window", "This step has {0:,} phases: laying it out "
                                                         "as a PDF would hold the window for many "
                                                         "seconds. Export it as Markdown or LaTeX, "
                                                         "or as a PDF from the command line "
                                                         "(--export-trace step.pdf).")
                                .format(len(dv.phases)))
                    return False
                write_handout(dv, title, path, kind)
        except (OSError, ValueError) as e:
            self.refuse(translate("main_window", "Could not export: {0}").format(message(e)))
            return False
        self.tell(translate("main_window", "Exported the step to {0}").format(path))
        return True

    def gradient_check(self) -> GradientCheck:
        for old in self.findChildren(GradientCheck):  # closed ones go (each held a copy of
            if old.isHidden():  # the net and the data until the window closed)
                old.deleteLater()
        dialog = GradientCheck(self.doc, self)
        dialog.show()
        return dialog

    # --- presentation ------------------------------------------------------------------
    def _next_scale(self, direction: int) -> float:
        scales = presentation.SCALES
        i = min(range(len(scales)), key=lambda k: abs(scales[k] - self.scale))
        return scales[max(0, min(len(scales) - 1, i + direction))]

    def set_scale(self, scale: float) -> None:
        """Font and zoom scale (1.0 to 2.5) followed by every panel, plot and the canvas."""
        self.scale = max(presentation.SCALES[0], min(presentation.SCALES[-1], scale))
        font = presentation.scaled_font(self._base_font, self.scale)
        self._app_fonts(font)
        for dock in self.docks.values():
            dock.setFont(font)
        self.canvas.set_scale(self.scale)
        self.lecture.set_scale(self.scale)
        # a style sheet fixes its widget's font when applied: the refusals' bar kept 100 %
        # type at 250 % (9 pt beside 22.5) until its sheet is applied again
        self.message_bar.set_high_contrast(self.high_contrast)
        self._lecture_width()
        self._compact_docks()
        presentation.style_plots(self, self.scale, self.high_contrast)
        self.tell(translate("main_window", "Scale {0:.0%}").format(self.scale))

    def _app_fonts(self, font: QFont) -> None:
        app = QApplication.instance()
        app.setFont(font)
        for cls in presentation.FONT_CLASSES:  # classes the platform gives fonts of their own
            app.setFont(font, cls)
        # A dock draws its title in the font it was made with while its font equals the
        # application's QDockWidget font, so that class font stays at 100 % and each dock
        # gets the scaled one: the titles then follow the scale too.
        app.setFont(self._base_font, "QDockWidget")

    COMPACT_SCALE = 1.75  # from here the designer shows one panel per side, as tabs, and
    COMPACT_LINES = 45  # above 100 % on a screen of fewer lines of the font than this (on a
    # 1280 x 720 projector at 150 % the three stacked plots got 1.1 to 3.8 lines each)
    LEFT_GROUP = ("lesson", "inspector", "training", "metrics", "layers", "data", "challenges")
    RIGHT_GROUP = ("decision", "loss", "weights", "health", "hidden", "neurons", "landscape")

    def _compact_widths(self) -> None:
        """The compacted columns' widths, once laid out (if lecture mode came on first, when
        it ends: its layout was saved before the widths were set)."""
        if self._before_compact is not None and not self.lecture_mode:
            self._compact_widths_due = False
            screen = self.screen() or QApplication.primaryScreen()
            area = screen.availableGeometry() if screen is not None else None
            if area is not None and not self.isFullScreen() and self.width() > area.width():
                # made wide while the docks were side by side: back within the screen
                self.resize(area.width(), min(self.height(), area.height()))
            w = self.width()
            self.resizeDocks([self.docks[self.LEFT_GROUP[0]], self.docks[self.RIGHT_GROUP[0]]],
                             [int(0.24 * w), int(0.34 * w)], Qt.Horizontal)

    def _even_columns(self) -> None:
        """The default column widths, and each side's panels in front sharing its height
        (each its least height and an equal share of the rest: plots of like size):
        the designer's layout as a window started at a large scale first has it when
        zoomed out (the layout saved under the scale's tabs had squeezed the decision map
        to a strip)."""
        self._default_widths()
        for area in (Qt.LeftDockWidgetArea, Qt.RightDockWidgetArea):
            fronts = [d for d in self.docks.values() if self._in_sight(d) and not d.isFloating()
                      and self.dockWidgetArea(d) == area]
            if len(fronts) > 1:
                least = [d.minimumSizeHint().height() for d in fronts]
                share = max(0, self.height() - sum(least)) // len(fronts)
                self.resizeDocks(fronts, [m + share for m in least], Qt.Vertical)

    def wants_compact(self) -> bool:
        """One panel per side: from COMPACT_SCALE, or above 100 % where the screen holds
        fewer than COMPACT_LINES lines of the window's font."""
        if self.scale >= self.COMPACT_SCALE:
            return True
        screen = self.screen() or QApplication.primaryScreen()
        if self.scale <= 1.0 or screen is None:
            return False
        line = QFontMetrics(QApplication.font()).height()
        return screen.availableGeometry().height() < self.COMPACT_LINES * line

    def _compact_docks(self) -> None:
        """At large scales each side column becomes one group of tabs (a panel at a time,
        large); below, the layout from before comes back. Lecture mode has its own."""
        compact = self.wants_compact()
        if self.lecture_mode or compact == (self._before_compact is not None):
            return
        if compact:
            self._before_compact = self._pending_state or self.saveState()
            self._compacted_early = not self._columns_set
            self._pending_state = None
            for area, group in ((Qt.LeftDockWidgetArea, self.LEFT_GROUP),
                                (Qt.RightDockWidgetArea, self.RIGHT_GROUP)):
                shown = [t for t in group if not self.docks[t].isHidden()]
                for title in shown:  # out of their old groups first: a clean tab group
                    self.removeDockWidget(self.docks[title])
                first = self.docks[shown[0]]
                self.addDockWidget(area, first)
                first.show()
                for title in shown[1:]:
                    self.tabifyDockWidget(first, self.docks[title])
                    self.docks[title].show()
                first.raise_()
            self._compact_widths_due = True
            QTimer.singleShot(0, self, self._compact_widths)  # once the new groups are laid out
        else:
            # the window in its 100 % font and laid out first (Qt posts the application's
            # font change): restored under the 250 % menu, tool and status bars, each zoom
            # in and out took ~25 pixels from one panel and gave them to another
            for kind in (QEvent.ApplicationFontChange, QEvent.LayoutRequest):
                QApplication.sendPostedEvents(None, kind)
            self.layout().activate()
            self._restore_state(self._before_compact)
            self._before_compact = None
            if self._compacted_early:  # (started at a large scale) sizes it never had set
                self._compacted_early = False
                QTimer.singleShot(0, self, self._even_columns)

    def toggle_contrast(self) -> None:
        self.set_high_contrast(not self.high_contrast)

    def set_high_contrast(self, on: bool) -> None:
        self.high_contrast = on
        self.contrast_action.setChecked(on)
        pal = presentation.palette(on)
        QApplication.instance().setPalette(pal)
        self.setPalette(pal)  # this window and its docks follow at once
        self.canvas.set_high_contrast(on)
        self.message_bar.set_high_contrast(on)
        presentation.style_plots(self, self.scale, on)

    def toggle_fullscreen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def show_all_views(self) -> None:
        """Every view in its own visible dock (no tabs): for benchmarks and screenshots."""
        self._tabs = []
        for vid in ("weights", "neurons"):
            self.addDockWidget(Qt.BottomDockWidgetArea, self.docks[vid])
        for vid, dock in self.docks.items():  # not the modes' panels (lecture, gallery, predict)
            dock.setVisible(registry.BY_ID[vid].shown)

    def open_lesson(self, name: str) -> None:
        if not self.files.maybe_save():
            return
        self.controller.pause()
        self.doc.load(load_lesson(name))

    def _on_map_clicked(self, x: float, y: float) -> None:
        if self.doc.X.shape[1] != 2:
            self.doc.refused.emit(translate("main_window", "points are added by clicking on data with "
                                                           "two inputs; this data has {0}")
                                  .format(self.doc.X.shape[1]))
            return
        if not self.doc.is_classification:
            self.doc.refused.emit(translate("main_window", "a click adds a point of a class; this data's "
                                                           "targets are numbers (Ctrl+click probes the "
                                                           "network, right-click removes a point)"))
            return
        self.doc.add_point((x, y), self.data_panel.point_class.currentData())

    def map_menu(self, x: float, y: float) -> QMenu:
        """The decision map's context menu at input-plane point (x, y): add a point of a
        class there, or remove the nearest point (naming it)."""
        doc = self.doc
        menu = QMenu(self)
        menu.setAttribute(Qt.WA_DeleteOnClose)
        plane = doc.X.shape[1] == 2  # points are added and removed on two-input data
        classes = max(2, doc.net.sizes[-1]) if doc.is_classification and plane else 0
        for c in range(classes):
            menu.addAction(translate("main_window", "Add a class-{0} point here").format(c),
                           lambda c=c: doc.add_point((x, y), c))
        k = doc.nearest((x, y))
        near = ", ".join(f"{v:.3g}" for v in doc.X[k, :2])
        remove = menu.addAction(translate("main_window", "Remove the nearest point ({0})").format(near),
                                lambda: doc.remove_nearest((x, y)))
        remove.setEnabled(len(doc.X) > 1 and plane)
        menu.addAction(translate("main_window", "Probe the network here (Ctrl+click)"),
                       lambda: doc.set_probe(self.decision.point_at(x, y),
                                             self.data_panel.point_class.currentData()))
        if doc.probe is not None:
            menu.addAction(translate("main_window", "Remove the probe"), lambda: doc.set_probe(None))
        return menu

    # --- following the document -------------------------------------------------
    def _on_structure_changed(self) -> None:
        name, description = localised(self.doc.project, language())
        where = f" ({self.doc.path.name})" if self.doc.path else ""
        arch = "-".join(map(str, self.doc.net.sizes))  # the live network, not the lesson's
        self.setWindowTitle(translate("main_window", "{0} · {1}{2}[*] — Backprop Studio")
                            .format(name, arch, where))
        self.setWindowModified(self.doc.modified)
        html = description_html(name, description)
        if html != self.about_html:  # (setting it again relays the dock out: not on every edit)
            self.about_html = html
            self.about.setHtml(html)
        self._name_views()
        self._show_lesson_view()

    def _name_views(self) -> None:
        """Dock titles that say what the view shows now (regions, or predictions for
        regression); the dock's id (objectName) stays."""
        self.docks["decision"].setWindowTitle(self.decision.title)

    def _show_lesson_view(self) -> None:
        """Bring forward the view a lesson asks for (e.g. the activation gallery)."""
        show = registry.view_id(self.doc.project.show)  # an id (or an old title)
        if show in self.docks:
            dock = self.docks[show]
            dock.show()
            dock.raise_()
            if self.dockWidgetArea(dock) == Qt.BottomDockWidgetArea:  # share with the canvas
                self.resizeDocks([dock], [int(self.height() * 0.42)], Qt.Vertical)
        self._update_status()

    def _on_running(self, running: bool) -> None:
        self.play_action.setText(translate("main_window", "&Pause") if running
                                 else translate("main_window", "&Play"))
        self._rate = (time.perf_counter(), self.doc.epoch)
        self._eps = 0.0
        self._update_status()  # the epochs/s figure goes when training stops
        self._enable_steps()

    def _enable_steps(self) -> None:
        """Step actions: off while playing (Step sample stays for lecture mode) and where
        the lesson's profile locks them."""
        running, locks = self.controller.running, self.doc.locks
        for a, control in ((self.step_batch_action, "step_batch"), (self.step_epoch_action, "step_epoch"),
                           (self.step_back_action, "step_back")):
            a.setEnabled(not running and control not in locks)
        self.step_sample_action.setEnabled((not running or self.lecture_mode)
                                           and "step_sample" not in locks)

    def _on_trained(self) -> None:
        now = time.perf_counter()
        t0, e0 = self._rate
        if now - t0 > 0.5:
            self._eps = (self.doc.epoch - e0) / (now - t0)
            self._rate = (now, self.doc.epoch)

    def _update_marks(self) -> None:
        if self.timeline.isVisible():
            self.health_history.want()  # (its ``changed`` paints the marks)

    def _paint_marks(self) -> None:
        self._update_marks()  # older snapshots go on filling in after Pause
        h = self.doc.weight_history
        n = len(h)
        stats = self.health_history.stats
        self.timeline.marks.set_positions(
            [k / max(n - 1, 1) for k, e in enumerate(h.epochs) if e in stats and stats[e][1]["unhealthy"]])

    def _update_status(self) -> None:
        try:
            s = self.doc.status()
            self.canvas.set_health(s["states"])
        except ValueError as e:
            self.status.show_text(message(e))
            return
        acc = translate("main_window", "   accuracy {0:.0%}").format(s["accuracy"]) \
            if self.doc.is_classification else ""
        if "test_loss" in s:
            acc += translate("main_window", "   test loss {0:.4g}").format(s['test_loss'])
            if self.doc.is_classification:
                acc += f" ({s['test_accuracy']:.0%})"
        rate = translate("main_window", "   {0:,.0f} epochs/s").format(self._eps) \
            if self.controller.running else ""
        self.status.show_text(translate("main_window", "epoch {0}   step {1}   loss {2:.6g}{3}{4}")
                              .format(s['epoch'], s['steps'], s['loss'], acc, rate),
                              translate("main_window", "loss and accuracy on the training data; "
                                                       "test loss (and test accuracy) on the test "
                                                       "data"))

    def tell(self, text: str) -> None:
        """A result: the status bar's left part."""
        self.note.show_text(text)
        self.last_message = text

    def refuse(self, text: str) -> None:
        """A refusal or failure: the message bar above the canvas."""
        self.message_bar.show_text(text)
        self.last_message = text

    def _fit_to_screen(self, width: int, height: int) -> None:
        """The preferred size, or maximised when the screen's available area is smaller (a
        1280×720 projector must not cut the window off)."""
        screen = self.screen() or QApplication.primaryScreen()
        self.resize(width, height)
        if screen is not None:
            area = screen.availableGeometry()
            if width >= area.width() or height >= area.height():
                self.resize(min(width, area.width()), min(height, area.height()))
                self.setWindowState(self.windowState() | Qt.WindowMaximized)

    def set_language(self, code: str) -> MainWindow:
        """View → Language: remembered for the next start, and applied now. The window's
        words are set as it is built (Qt does not change them in place), so the window is
        built again in the new language around the same document: the project, its undo
        history, training state and file live in the document and are not touched. Returns
        the window now showing (this one if the language did not change)."""
        storage.settings().setValue("language", code)
        if code == language():
            return self
        app = QApplication.instance()
        remove_language(app)
        _, problem = install_language(app, code)
        new = self.rebuild()
        if problem:  # a damaged translation: English, saying so
            new.refuse(problem)
        return new

    def _take_view_choices(self, old: MainWindow) -> None:
        """A language switch's new window: the views' own choices as the old window had
        them (they started from their defaults: log scale off, the hidden view on its
        first neurons, the landscape on its default weights). By index: the same document
        gives the same entries in any language. Programmatic choices send no 'activated',
        so each view is redrawn after."""
        for a, b in ((old.loss_plot.log, self.loss_plot.log),
                     (old.decision.lines_box, self.decision.lines_box),
                     (old.decision.parts_box, self.decision.parts_box),
                     (old.decision.versus_box, self.decision.versus_box),
                     (old.hidden.grid_box, self.hidden.grid_box)):
            b.setChecked(a.isChecked())
        for view, boxes in (("hidden", ("layer", "first", "second")),
                            ("landscape", ("first", "second")), ("health", ("chart", "layer"))):
            for box in boxes:
                a, b = getattr(getattr(old, view), box), getattr(getattr(self, view), box)
                if a.count() == b.count():
                    b.setCurrentIndex(a.currentIndex())
                if (view, box) == ("hidden", "layer"):
                    self.hidden._fill_neurons()  # (the layer's neurons, as its 'activated' does)
        self.hidden.morph.setValue(old.hidden.morph.value())
        self.landscape.span.setValue(old.landscape.span.value())
        for view in (self.hidden, self.landscape, self.health):
            view.request()

    def rebuild(self) -> MainWindow:
        """A new window on this document, in the place, layout, scale and theme of this one,
        which goes. Training pauses (the new window's Play goes on from the same epoch)."""
        if self.recorder is not None:  # what was recorded is written, not lost
            self.stop_recording()
        self.controller.close()
        self.files.close()
        # the layout to restore, then the new window built in the 100 % fonts and zoomed as
        # this one was (built in a zoom's fonts, its combo boxes kept their 250 % widths
        # after a zoom out, and the columns could not narrow back)
        state = self._before_compact if self._before_compact is not None else \
            self._designer_state if self.lecture_mode else self.saveState()
        if self.scale != 1.0:
            self._app_fonts(self._base_font)
        new = MainWindow(self.doc)
        for name in ("ask_unsaved", "ask_restore"):  # stand-ins for the questions (tests)
            if name in vars(self.files):  # (the real ones ask over their own window)
                setattr(new.files, name, getattr(self.files, name))
        for window in list(self.comparisons):  # comparisons train on, in the new window's care
            # (children of this window, they went with it: a language switch closed them)
            window.open_requested.disconnect(self.open_compared)
            self.comparisons.remove(window)
            window.setParent(new, window.windowFlags())
            new._adopt(window)
            window.retranslate()
            window.redraw()  # (its status and titles, in the new language)
        checks = [d for d in self.findChildren(GradientCheck) if d.isVisible()]
        places = [d.geometry() for d in checks]
        for dialog in checks:  # open gradient checks go on in the new window (in its
            dialog.setParent(new, dialog.windowFlags())  # language once its fonts are back)
        shortcuts = self.findChild(QDialog, "shortcuts")  # (closed, it is deleted)
        shortcuts = shortcuts.geometry() if shortcuts is not None and shortcuts.isVisible() else None
        new.restoreGeometry(self.saveGeometry())
        if self.isFullScreen():
            new.showFullScreen()
        else:
            new.show()
        if not (self.isMaximized() or self.isFullScreen()):  # (shown, its docks in their tabs,
            new.setGeometry(self.geometry())  # it can be as small as this one)
        # the layout (the designer's, under a lecture's) once the new window is shown: one
        # restored into a window not yet shown, from a window whose docks had not been
        # laid out yet (two language switches in a row), left Qt 6.11's dock layout
        # holding a freed item; the next dock moved (lecture mode, zoom) crashed
        # the designer's layout (under a zoom's tabs or a lecture's), which the new window
        # then compacts or lectures over as this one did (restored compacted, a zoom out
        # after a switch at 250 % kept one group of tabs a side: the designer's was lost)
        new.restore_layout(state)
        new.settle_layout(self.size(), state)
        if self.scale != 1.0:
            new.set_scale(self.scale)
            new._compacted_early = self._compacted_early  # (the layout under the tabs had sizes)
        if self.high_contrast:
            new.set_high_contrast(True)
        new.predict.take_over(self.predict)
        new._take_view_choices(self)
        if self.lecture_mode:
            new.set_lecture(True)
        new.lecture.take_over(self.lecture)
        # the new window lives as long as the application (a top-level window Python no
        # longer refers to would be deleted with its wrapper)
        QApplication.instance().main_window = new
        self.hide()
        self.deleteLater()
        # the checks' words and columns measured in the fonts of the scale (set above:
        # measured in the 100 % fonts the new window was built in, the columns of a
        # check at 250 % came out a third as wide, every number cut to "0.01…")
        QApplication.sendPostedEvents(None, QEvent.ApplicationFontChange)
        for dialog, place in zip(checks, places):
            dialog.retranslate()
            dialog.setGeometry(place)
        for window in new.comparisons + checks:
            window.show()  # (a new parent hides a window)
        if shortcuts is not None:  # the list again, its words and keys in the new language
            new.shortcuts_window = show_shortcuts(new)
            new.shortcuts_window.setGeometry(shortcuts)
        return new

    # --- a lecturer's kit ---------------------------------------------------------------------
    def _apply_locks(self) -> None:
        """Grey out (or hide) what the lesson's profile takes away; the document refuses
        those edits anyway, with a message, whatever way they come."""
        locks = self.doc.locks
        hidden = set((self.doc.project.lesson or {}).get("profile", {}).get("hidden", ()))
        actions = {"play": self.play_action, "step_sample": self.step_sample_action,
                   "step_batch": self.step_batch_action, "step_epoch": self.step_epoch_action,
                   "step_back": self.step_back_action, "reset": self.reset_action,
                   "reinit": self.reinit_action}
        for control, action in actions.items():
            action.setEnabled(control not in locks)
            action.setVisible(control not in hidden or control not in locks)
        t = self.training
        widgets = {"lr": (t.lr,), "batch": (t.batch,), "loss": (t.loss, t.reduction),
                   "optimizer": (t.optimizer,), "regularisation": (t.l1, t.l2),
                   "structure": (self.layer_palette,)}
        for control, ws in widgets.items():
            for w in ws:
                w.setEnabled(control not in locks)
        self.unlock_action.setEnabled(bool(locks))
        self._enable_steps()
        if locks:
            self.tell(translate("main_window", "This lesson limits the controls (Lecture → Unlock "
                                               "controls lifts the limits)"))

    def save_as_lesson(self, path: str | None = None, editor: LessonEditor | None = None) -> bool:
        """File → Save as lesson…: the project with a name, description, profile and
        challenges, written to a file (the open project itself is not changed)."""
        editor = editor or LessonEditor(self.doc, self)
        if editor.result() != QDialog.Accepted and editor.exec() != QDialog.Accepted:
            return False
        path = path or editor.ask_path()
        if not path:
            return False
        project = with_texts(self.doc.to_project(), language(), editor.name.text().strip(),
                             editor.description.toPlainText())
        project = with_challenges(project, language(), editor.result_lesson)
        try:
            save_project(project, path)
        except (ProjectError, OSError, ValueError) as e:
            self.refuse(translate("main_window", "Could not save the lesson: {0}").format(message(e)))
            return False
        self.tell(translate("main_window", "Saved the lesson {0}").format(Path(path).name))
        return True

    # --- comparing runs ---------------------------------------------------------------------
    def ask_compare(self) -> None:
        """Train → Compare runs…: which setting, which values; then the comparison."""
        dialog = CompareDialog(self, make=lambda spec: CompareWindow(self.doc, spec, self))
        if dialog.exec() == QDialog.Accepted:
            self._show_comparison(dialog.window)

    def compare(self, spec: str) -> CompareWindow | None:
        """A comparison window for ``spec`` ('lr=0.1,1,10'), or None (the message says why)."""
        try:
            window = CompareWindow(self.doc, spec, self)
        except ValueError as e:
            self.refuse(translate("main_window", "Cannot compare: {0}").format(message(e)))
            return None
        return self._show_comparison(window)

    def _show_comparison(self, window: CompareWindow) -> CompareWindow:
        self._adopt(window)
        window.setAttribute(Qt.WA_DeleteOnClose)
        presentation.style_plots(window, self.scale, self.high_contrast)  # the window's scale and ink
        window.redraw()
        window.show()
        return window

    def _adopt(self, window: CompareWindow) -> None:
        """A comparison window becomes this window's: its runs open here, it is listed."""
        window.open_requested.connect(self.open_compared)
        self.comparisons.append(window)
        window.destroyed.connect(lambda *_: self.comparisons.remove(window) if window in self.comparisons
                                 else None)

    def open_compared(self, project) -> None:
        """A compared run becomes the project (after the usual question about unsaved work)."""
        if self.files.maybe_save():
            self.controller.pause()
            self.doc.load(project)
            self.tell(translate("main_window", "Opened {0}").format(project.name))

    # --- recording for slides -------------------------------------------------------------
    def view_widget(self, view: str):
        """(widget, redraw) for a view id of gui.registry or 'window': what a recording grabs
        and what brings it up to date first (views redraw at their own pace)."""
        if view == "window":
            plots = (self.loss_plot, self.decision, self.hidden, self.weights_plot, self.thumbnails,
                     self.landscape, self.metrics)

            def redraw() -> None:
                for w in plots:
                    if w.on_screen():
                        w.redraw()
                self.canvas.throttle.now()
                self.status_throttle.now()  # the epoch and loss in the status bar
            return self, redraw
        if view not in registry.BY_ID:
            raise ValueError(QT_TRANSLATE_NOOP("main_window", "no view {0!r}").format(view))
        widget = getattr(self, registry.BY_ID[view].attr)
        if widget is self.canvas:
            return widget, self.canvas.throttle.now
        return widget, getattr(widget, "redraw", lambda: None)

    def start_recording(self, view: str, path: str, epochs_per_frame: int = 50, frames: int = 60,
                        limit_mb: float = 8.0, max_width: int = 800) -> bool:
        """Record ``view`` every ``epochs_per_frame`` epochs from now (its first frame now)."""
        problem = self._record(view, path, epochs_per_frame, frames, limit_mb, max_width)
        if problem:
            self.refuse(problem)
        return problem is None

    def _record(self, view: str, path: str, epochs_per_frame: int = 50, frames: int = 60,
                limit_mb: float = 8.0, max_width: int = 800) -> str | None:
        """``start_recording``'s work: None, or why it cannot."""
        try:
            widget, redraw = self.view_widget(view)
            recorder = Recorder(self.doc, widget, path, epochs_per_frame, frames, limit_mb,
                                max_width, redraw, parent=self)
        except (OSError, ValueError) as e:
            return translate("main_window", "Cannot record: {0}").format(
                e.strerror if isinstance(e, OSError) and e.strerror else message(e))
        if view in self.docks:  # a view behind a tab comes to the front: what is recorded shows
            self.docks[view].show()
            self.docks[view].raise_()
        self.recorder = recorder
        # (short: at 250 % on 1280 x 720 "Recording: 6 of 60 frames (File → Stop recording)" was
        # cut in Czech)
        said = translate("main_window", "Recording {0}/{1} (File → Stop recording)")
        recorder.frame_added.connect(lambda n: self.tell(said.format(n, frames)))
        recorder.finished.connect(self._recording_done)
        self.record_action.setText(translate("main_window", "Stop recor&ding"))
        recorder.start()
        return None

    def stop_recording(self) -> str:
        """Stop and write the file; what was written."""
        return self.recorder.finish() if self.recorder is not None else ""

    def _recording_done(self, written: bool, text: str) -> None:
        self.recorder = None
        self.record_action.setText(translate("main_window", "Recor&d…"))
        (self.tell if written else self.refuse)(text)

    def toggle_recording(self) -> None:
        """File → Record… (asks what and where, then records), or Stop recording."""
        if self.recorder is not None:
            self.stop_recording()
            return
        views = [("window", translate("main_window", "The whole window"))]
        views += [(v, message(registry.BY_ID[v].title)) for v in registry.EXPORTABLE]
        where = self.files.beside("training.gif") if self.doc.path else str(Path.home() / "training.gif")
        RecordDialog(views, where, self, start=self._record).exec()

    def childEvent(self, e) -> None:  # noqa: N802 - Qt's name
        """The tab bars Qt makes for tabbed docks show their titles whole and scroll: at
        250 % the right-hand group's five tabs were elided to "D…", "L…", "W…"."""
        super().childEvent(e)
        if e.type() == QEvent.ChildPolished and isinstance(e.child(), QTabBar):
            e.child().setElideMode(Qt.ElideNone)
            e.child().setUsesScrollButtons(True)

    # --- files dropped on the window (from a file manager) --------------------------------
    def dragEnterEvent(self, e) -> None:
        if dropped_file(e.mimeData()) is not None:  # (the canvas passes on what is not a layer)
            e.acceptProposedAction()

    def dragMoveEvent(self, e) -> None:
        if dropped_file(e.mimeData()) is not None:
            e.acceptProposedAction()

    def dropEvent(self, e) -> None:
        dropped = dropped_file(e.mimeData())
        if dropped is not None:
            e.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.files.open_dropped(*dropped))  # (not inside the
            # drag: a question asked there would hold up the file manager's drag too)

    def closeEvent(self, e) -> None:
        if not self.files.maybe_save():
            e.ignore()
            return
        if self.recorder is not None:  # what was recorded is written, not lost
            self.stop_recording()
        self.controller.close()  # pauses, and ends the training process
        for window in list(self.comparisons):  # (and theirs)
            window.close()
        self.files.close()
        prefs = storage.settings()
        g = self.normalGeometry()  # (a window maximised from the start has none: invalid)
        if not (self.isMaximized() and g.isValid()):
            g = self.geometry()
        prefs.setValue("window", json.dumps([g.x(), g.y(), g.width(), g.height(),
                                             self.isMaximized()]))
        if not self.lecture_mode:  # the designer's layout, not the lecture's
            compact = self._before_compact is not None and self.isVisible()
            if compact:  # not the large scale's tab groups: the layout under them (zoomed
                self.restoreState(self._before_compact)  # out next time, the columns come
                self._before_compact = None  # back)
            layout = dock_layout.describe(self, self.docks, self._in_sight)
            if compact:  # its sizes as the large type squeezed them: the defaults instead
                layout["widths"], layout["heights"] = {}, {}
            prefs.setValue("docks", json.dumps(layout))
        for old in ("geometry", "layout"):  # Qt's opaque bytes, kept by earlier versions
            prefs.remove(old)
        prefs.setValue("scale", self.scale)
        prefs.setValue("high_contrast", self.high_contrast)
        super().closeEvent(e)
