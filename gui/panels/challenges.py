"""A lesson's challenges (core.lessonkit): each with its goal, a Check button the app
evaluates on the current network and data, and a solution hidden until asked for.
The Lesson editor (``LessonEditor``) saves the current project as a lesson with its
description, control profile and challenges."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.formula import num
from core.lessonkit import CONTROL_TEXT, CONTROLS, check_lesson, evaluate, measure, parse_check
from core.localise import localised, localised_challenges
from gui.checkbox import CheckBox
from gui.document import Document
from gui.filedialog import ask_file
from gui.flow import FlowLayout
from gui.i18n import language, message, translate
from gui.messages import DialogRefusal
from gui.richtext import breakable


class ChallengesPanel(QWidget):
    """The current project's challenges: Check and Show solution for each."""

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.rows: list[dict] = []
        self.lay = QVBoxLayout(self)
        self.empty = QLabel(translate("challenges", "This project has no challenges. A lecturer adds "
                                                    "them with File → Save as lesson…"))
        self.empty.setWordWrap(True)
        self.lay.addWidget(self.empty)
        self.box = QVBoxLayout()
        self.lay.addLayout(self.box)
        self.lay.addStretch(1)
        doc.loaded.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        while self.box.count():
            item = self.box.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        self.rows = []
        items = localised_challenges(self.doc.project, language())  # (the interface's language)
        self.empty.setVisible(not items)
        for k, c in enumerate(items):
            # the title as a heading inside the box, which wraps, and the buttons in a row that
            # wraps: a box is never narrower than its title or a row of buttons, and at 250 %
            # both made the panel wider than its dock (title, goal and verdict cut at its edge)
            group = QGroupBox()
            lay = QVBoxLayout(group)
            title = QLabel(breakable(c.get("title") or translate("challenges", "Challenge {0}")
                                     .format(k + 1)))
            title.setWordWrap(True)
            title.setTextFormat(Qt.PlainText)  # a lecturer's text from a file: never markup
            bold = title.font()
            bold.setBold(True)
            title.setFont(bold)
            goal = QLabel(breakable(c["check"]))
            goal.setTextFormat(Qt.PlainText)  # as written: escaped, 'accuracy &gt;= 99%' showed
            goal.setWordWrap(True)
            goal.setToolTip(translate("challenges", "What the check requires"))
            check = QPushButton(translate("challenges", "Check"))
            check.setToolTip(translate("challenges", "Evaluate the goal on the network and data as they "
                                                     "are now"))
            verdict = QLabel()
            verdict.setWordWrap(True)
            verdict.setTextFormat(Qt.PlainText)
            show = QPushButton(translate("challenges", "Show solution"))
            show.setEnabled(bool(c.get("solution")))
            solution = QLabel()
            solution.setWordWrap(True)
            solution.setTextFormat(Qt.PlainText)  # a lecturer's text from a file: never markup
            solution.hide()
            buttons = FlowLayout()
            buttons.addWidget(check)
            buttons.addWidget(show)
            lay.addWidget(title)
            lay.addWidget(goal)
            lay.addLayout(buttons)
            lay.addWidget(verdict)
            lay.addWidget(solution)
            row = {"challenge": c, "title": title, "goal": goal, "check": check, "verdict": verdict,
                   "show": show, "solution": solution}
            check.clicked.connect(lambda checked=False, r=row: self.check(r))
            show.clicked.connect(lambda checked=False, r=row: self.show_solution(r))
            self.box.addWidget(group)
            group.setVisible(True)
            self.rows.append(row)

    def check(self, row: dict) -> bool:
        """Evaluate the challenge's goal now; the verdict lists each clause's number."""
        doc = self.doc
        values = measure(doc.net.sizes, doc.net.params.size, doc.status())
        ok, clauses = evaluate(parse_check(row["challenge"]["check"]), values)
        parts = [f"{'✔' if good else '✘'} {c.quantity} = {num(v) if v == v else '—'} ({c.op} {c.value:g})"
                 for c, v, good in clauses]
        head = translate("challenges", "Done!") if ok else translate("challenges", "Not yet.")
        row["verdict"].setText(breakable(head + "  " + ";  ".join(parts)))
        return ok

    def show_solution(self, row: dict) -> None:
        """The solution, after asking once (it is a spoiler)."""
        if QMessageBox.question(self, translate("challenges", "Show the solution?"),
                                translate("challenges", "Show the lecturer's solution to this "
                                                        "challenge?")) != QMessageBox.Yes:
            return
        row["solution"].setText(breakable(row["challenge"]["solution"]))
        row["solution"].show()


class LessonEditor(QDialog):
    """File → Save as lesson…: the project as a lesson file, with its name and description,
    the controls a student may use, and challenges (goal, check, solution)."""

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setWindowTitle(translate("challenges", "Save as lesson"))
        lesson = doc.project.lesson or {}
        outer = QVBoxLayout(self)
        scroll = QScrollArea()  # at 250 % on a 1280×720 projector the form is taller than the
        scroll.setWidgetResizable(True)  # screen: it scrolls, Save and Cancel stay in view
        scroll.setFrameShape(QScrollArea.NoFrame)
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        lay = QVBoxLayout(body)
        form = QFormLayout()
        name, description = localised(doc.project, language())  # in the interface's language
        self.name = QLineEdit(name)
        self.description = QPlainTextEdit(description)
        self.description.setToolTip(translate("challenges", "Shown in the Lesson panel; simple HTML "
                                                            "(bold, lists, links) is allowed"))
        form.addRow(translate("challenges", "&Name:"), self.name)
        form.addRow(translate("challenges", "&Description:"), self.description)
        lay.addLayout(form)
        group = QGroupBox(translate("challenges", "Controls the student may use"))
        grid = QGridLayout(group)
        enabled = set(lesson.get("profile", {}).get("enabled", CONTROLS))
        self.controls = {}
        columns = 4 if self.fontMetrics().height() < 24 else 2  # two when the type is large
        for k, c in enumerate(CONTROLS):
            box = CheckBox(message(CONTROL_TEXT[c]))
            box.setChecked(c in enabled)
            grid.addWidget(box, k // columns, k % columns)
            self.controls[c] = box
        self.hide_locked = CheckBox(translate("challenges", "Hide what is not allowed (rather than "
                                                             "greying it out)"))
        self.hide_locked.setChecked(bool(lesson.get("profile", {}).get("hidden")))
        grid.addWidget(self.hide_locked, len(CONTROLS) // columns + 1, 0, 1, columns)
        lay.addWidget(group)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([translate("challenges", "title"),
                                              translate("challenges", "check"),
                                              translate("challenges", "solution")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setToolTip(translate("challenges", "A check is e.g. test_loss < 0.1 and "
                                                      "hidden_neurons <= 4"))
        for c in localised_challenges(doc.project, language()):
            self.add_row(c["title"], c["check"], c["solution"])
        hint = QLabel(translate("challenges", "Challenges (check: QUANTITY OP NUMBER joined by 'and'; "
                                              "e.g. accuracy >= 100% and hidden_layers == 0)"))
        hint.setWordWrap(True)
        lay.addWidget(hint)
        lay.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        add = QPushButton(translate("challenges", "&Add a challenge"))
        add.clicked.connect(lambda: self.add_row())
        remove = QPushButton(translate("challenges", "&Remove the selected"))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        # plain text: it quotes checks, which may come from a lesson file
        self.error = DialogRefusal(getattr(parent, "high_contrast", False))
        box = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        outer.addWidget(self.error)
        outer.addWidget(box)
        line = self.fontMetrics().height()
        area = self.screen().availableGeometry() if self.screen() else None
        w, h = 48 * line, 42 * line
        if area is not None:
            w, h = min(w, int(0.95 * area.width())), min(h, int(0.9 * area.height()))
        self.resize(w, h)

    def add_row(self, title: str = "", check: str = "", solution: str = "") -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        for c, text in enumerate((title, check, solution)):
            self.table.setItem(r, c, QTableWidgetItem(text))

    def lesson(self) -> dict:
        """The lesson entry the dialog describes; ValueError naming a bad check."""
        enabled = [c for c, box in self.controls.items() if box.isChecked()]
        profile = {} if len(enabled) == len(CONTROLS) else {"enabled": enabled}
        if profile and self.hide_locked.isChecked():
            profile["hidden"] = [c for c in CONTROLS if c not in enabled]
        rows = []
        for r in range(self.table.rowCount()):
            cells = [(self.table.item(r, c).text() if self.table.item(r, c) else "").strip()
                     for c in range(3)]
            if any(cells):
                rows.append({"title": cells[0], "check": cells[1], "solution": cells[2]})
        out = {}
        if profile:
            out["profile"] = profile
        if rows:
            out["challenges"] = rows
        return check_lesson(out)

    def accept(self) -> None:
        """Checked before closing: a bad check keeps the dialog open with its message."""
        try:
            self.result_lesson = self.lesson()
        except ValueError as e:
            self.error.say(message(e), self.table)
            return
        if not self.name.text().strip():
            self.error.say(translate("challenges", "Give the lesson a name"), self.name)
            return
        super().accept()

    def ask_path(self) -> str:
        path, _ = ask_file(self.parent(), True, translate("challenges", "Save the lesson"),
                           f"{self.name.text().strip() or 'lesson'}.json", "Backprop Studio (*.json)")
        return path
