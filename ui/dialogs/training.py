"""Dialogs of the 培训 tab: a course, adding attendees by search with multi-select, and adding
them from a pasted list (names or card numbers) with the entries not found reported."""
from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from swdesk.services import training
from swdesk.services.base import UserError
from ui.dialogs.hotline import ActionFormDialog
from ui.widgets.forms import ERROR_STYLE, DateEdit


class CourseDialog(ActionFormDialog):
    """新建/修改培训课程."""

    def __init__(self, parent: QWidget | None, course: training.CourseRow | None = None):
        super().__init__(parent, self.tr("修改培训课程") if course else self.tr("新建培训课程"))
        self.course = course
        self.title_edit = self.add_field("title", self.tr("课程名称"), QLineEdit(course.title if course else ""))
        day = course.start_date if course else _dt.date.today()
        self.date = DateEdit(QDate(day.year, day.month, day.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.add_field("start_date", self.tr("培训日期"), self.date)
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, 500)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(0.5)
        self.hours.setValue(course.hours if course else 3)
        self.hours.setSuffix(self.tr(" 学时"))
        self.add_field("hours", self.tr("学时"), self.hours)
        self.lecturer = self.add_field("lecturer", self.tr("主讲人"), QLineEdit(course.lecturer if course else ""))
        self.place = self.add_field("place", self.tr("地点"), QLineEdit(course.place if course else ""))
        self.topic = QComboBox()
        self.topic.addItem("")
        self.topic.addItems(training.topics())
        if course:
            self.topic.setCurrentText(course.topic)
        self.add_field("topic", self.tr("主题"), self.topic)
        self.notes = QPlainTextEdit(course.notes if course else "")
        self.notes.setFixedHeight(60)
        self.add_field("notes", self.tr("备注"), self.notes)
        self.continuing = QCheckBox(self.tr("计入社会工作者继续教育学时"))
        self.continuing.setChecked(bool(course and course.continuing_education))
        self.add_field("continuing_education", self.tr("继续教育"), self.continuing)

    def values(self) -> dict[str, Any]:
        d = self.date.date()
        return {"title": self.title_edit.text(), "start_date": _dt.date(d.year(), d.month(), d.day()),
                "hours": self.hours.value(), "lecturer": self.lecturer.text(), "place": self.place.text(),
                "topic": self.topic.currentText(), "notes": self.notes.toPlainText(),
                "continuing_education": self.continuing.isChecked()}

    def save(self):
        if self.course is None:
            return training.create_course(self.values())
        return training.update_course(self.course.id, self.values(), version=self.course.version)


def _hit_label(hit) -> str:
    parts = [hit.name, hit.card_no, hit.sector, hit.community]
    if hit.status != "在册":
        parts.append(hit.status)
    return "  ".join(p for p in parts if p)


class AddAttendeesDialog(QDialog):
    """Search the roster, select several (Ctrl/Shift), add them to the course."""

    def __init__(self, parent: QWidget | None, course: training.CourseRow):
        super().__init__(parent)
        self.course = course
        self.added = 0
        self.setWindowTitle(self.tr("添加参训人员 — {0}").format(course.title))
        self.resize(560, 480)
        box = QVBoxLayout(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("输入姓名、拼音首字母或服务证号"))
        self.search.setClearButtonEnabled(True)
        box.addWidget(self.search)
        self.results = QListWidget(self)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        box.addWidget(self.results, 2)
        row = QHBoxLayout()
        self.hint = QLabel(self.tr("可按住 Ctrl 或 Shift 多选"), self)
        self.hint.setStyleSheet("color:#666")
        row.addWidget(self.hint, 1)
        self.take = QPushButton(self.tr("加入名单 ↓"), self)
        self.take.clicked.connect(self.take_selected)
        row.addWidget(self.take)
        box.addLayout(row)
        box.addWidget(QLabel(self.tr("待添加："), self))
        self.chosen = QListWidget(self)
        self.chosen.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        box.addWidget(self.chosen, 1)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        box.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("添加"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.run_search)
        self.search.textEdited.connect(lambda *_: self._timer.start())
        self.search.returnPressed.connect(self.run_search)
        self.results.itemDoubleClicked.connect(lambda *_: self.take_selected())

    def run_search(self) -> None:
        self._timer.stop()
        self.results.clear()
        for hit in training.find_workers(self.search.text(), limit=100, office_id=self.course.office_id):
            item = QListWidgetItem(_hit_label(hit))
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            self.results.addItem(item)
        if self.search.text().strip() and self.results.count() == 0:
            item = QListWidgetItem(self.tr("没有找到匹配的人员"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)

    def chosen_ids(self) -> list[int]:
        return [self.chosen.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.chosen.count())]

    def take_selected(self) -> None:
        have = set(self.chosen_ids())
        for item in self.results.selectedItems():
            worker_id = item.data(Qt.ItemDataRole.UserRole)
            if worker_id is not None and worker_id not in have:
                copy = QListWidgetItem(item.text())
                copy.setData(Qt.ItemDataRole.UserRole, worker_id)
                self.chosen.addItem(copy)
                have.add(worker_id)

    def accept(self) -> None:
        ids = self.chosen_ids()
        if not ids:
            self.take_selected()
            ids = self.chosen_ids()
        if not ids:
            self.error.setText(self.tr("请先查找并选择人员"))
            self.error.show()
            return
        try:
            self.added = training.add_attendance(self.course.id, ids)
        except UserError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()


class PasteAttendanceDialog(QDialog):
    """Paste a list of names or card numbers (one a line, or separated by 、，), check it, add the
    matched ones; entries not found or shared by several workers are listed, never guessed."""

    def __init__(self, parent: QWidget | None, course: training.CourseRow):
        super().__init__(parent)
        self.course = course
        self.matched: list[int] = []
        self.problems: list[training.Unmatched] = []
        self.added = 0
        self.setWindowTitle(self.tr("粘贴签到名单 — {0}").format(course.title))
        self.resize(560, 520)
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("粘贴姓名或服务证号：每行一个，或用顿号、逗号分隔"), self))
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(self.tr("张三\n李四、王五\n350502001202600017"))
        box.addWidget(self.text, 2)
        row = QHBoxLayout()
        self.check_button = QPushButton(self.tr("核对名单"), self)
        self.check_button.clicked.connect(self.check)
        row.addWidget(self.check_button)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        row.addWidget(self.result, 1)
        box.addLayout(row)
        self.problem_label = QLabel(self.tr("未能识别："), self)
        self.problem_label.setStyleSheet(ERROR_STYLE)
        box.addWidget(self.problem_label)
        self.problem_list = QListWidget(self)
        box.addWidget(self.problem_list, 1)
        self.problem_label.hide()
        self.problem_list.hide()
        # 重名: one choice per name shared by several workers; nobody is picked for the clerk.
        self.choice_group = QGroupBox(self.tr("同名人员，请选择是哪一位"), self)
        self.choice_form = QFormLayout(self.choice_group)
        self.choice_combos: list[QComboBox] = []
        box.addWidget(self.choice_group, 1)
        self.choice_group.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("添加已识别的人员"))
        self.ok.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box.addWidget(self.buttons)
        self.text.textChanged.connect(lambda: self.ok.setEnabled(False))

    def check(self) -> None:
        self.matched, self.problems = training.attendance_from_pasted_text(self.course.id, self.text.toPlainText())
        present = {a.worker_id for a in training.course_attendance(self.course.id)}
        new = [w for w in self.matched if w not in present]
        unknown = [p for p in self.problems if p.reason != "重名"]
        shared = [p for p in self.problems if p.reason == "重名"]
        self.result.setText(self.tr("识别 {0} 人（其中 {1} 人已在名单中），未能识别 {2} 条，同名待选 {3} 条").format(
            len(self.matched), len(self.matched) - len(new), len(unknown), len(shared)))
        self.problem_list.clear()
        for problem in unknown:
            self.problem_list.addItem(problem.describe())
        self.problem_label.setVisible(bool(unknown))
        self.problem_list.setVisible(bool(unknown))
        self._show_choices(shared)
        self._update_ok()

    def _show_choices(self, shared: list[training.Unmatched]) -> None:
        while self.choice_form.rowCount():
            self.choice_form.removeRow(0)
        self.choice_combos = []
        for problem in shared:
            combo = QComboBox(self.choice_group)
            combo.addItem(self.tr("请选择（不选则不添加）"), None)
            for worker_id, line in problem.candidates:
                combo.addItem(line, worker_id)
            combo.currentIndexChanged.connect(self._update_ok)
            self.choice_combos.append(combo)
            self.choice_form.addRow(self.tr("{0}（{1}人同名）").format(problem.entry, len(problem.candidates)), combo)
        self.choice_group.setVisible(bool(shared))

    def chosen(self) -> list[int]:
        """The matched workers and those the clerk picked among same-named ones, in order."""
        picked = [combo.currentData() for combo in self.choice_combos if combo.currentData() is not None]
        return list(dict.fromkeys(self.matched + picked))

    def _update_ok(self) -> None:
        self.ok.setEnabled(bool(self.chosen()))

    def accept(self) -> None:
        ids = self.chosen()
        if not ids:
            return
        try:
            self.added = training.add_attendance(self.course.id, ids)
        except UserError as exc:
            self.result.setText(str(exc))
            return
        super().accept()
