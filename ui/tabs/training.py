"""培训 tab: the courses of a period, the sign-in list of the selected course, and the period's
person-times (人次) and hours per worker and per quarter."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from swdesk import periods
from swdesk.jobs import export_training
from swdesk.services import checkin, training
from swdesk.services.base import UserError
from swdesk.services.base import current as current_session
from ui.jobs import ask_xlsx_path, export_in_background
from ui.models.rows import RowsModel, fit_columns, make_table
from ui.tabs.hotline import period_choices
from ui.widgets.checkin import CheckinField


def _hours_text(value: float) -> str:
    return f"{value:g}"


class TrainingTab(QWidget):
    COURSE_COLUMNS = (
        (QT_TRANSLATE_NOOP("TrainingTab", "培训日期"), lambda c: c.start_date),
        (QT_TRANSLATE_NOOP("TrainingTab", "课程名称"), lambda c: c.title),
        (QT_TRANSLATE_NOOP("TrainingTab", "主题"), lambda c: c.topic),
        (QT_TRANSLATE_NOOP("TrainingTab", "学时"), lambda c: _hours_text(c.hours)),
        (QT_TRANSLATE_NOOP("TrainingTab", "人次"), lambda c: c.attendees),
        (QT_TRANSLATE_NOOP("TrainingTab", "主讲人"), lambda c: c.lecturer),
        (QT_TRANSLATE_NOOP("TrainingTab", "地点"), lambda c: c.place),
    )
    ATTENDEE_COLUMNS = (
        (QT_TRANSLATE_NOOP("TrainingTab", "姓名"), lambda a: a.name),
        (QT_TRANSLATE_NOOP("TrainingTab", "服务证号"), lambda a: a.card_no),
        (QT_TRANSLATE_NOOP("TrainingTab", "所属领域"), lambda a: a.sector),
        (QT_TRANSLATE_NOOP("TrainingTab", "社区"), lambda a: a.community),
        (QT_TRANSLATE_NOOP("TrainingTab", "学时"), lambda a: _hours_text(a.hours)),
        (QT_TRANSLATE_NOOP("TrainingTab", "状态"), lambda a: a.status),
    )
    WORKER_SUMMARY_COLUMNS = (
        (QT_TRANSLATE_NOOP("TrainingTab", "姓名"), lambda s: s.name),
        (QT_TRANSLATE_NOOP("TrainingTab", "服务证号"), lambda s: s.card_no),
        (QT_TRANSLATE_NOOP("TrainingTab", "参训人次"), lambda s: s.person_times),
        (QT_TRANSLATE_NOOP("TrainingTab", "学时"), lambda s: _hours_text(s.hours)),
    )
    QUARTER_COLUMNS = (
        (QT_TRANSLATE_NOOP("TrainingTab", "季度"), lambda q: q.quarter),
        (QT_TRANSLATE_NOOP("TrainingTab", "培训期数"), lambda q: q.courses),
        (QT_TRANSLATE_NOOP("TrainingTab", "参训人次"), lambda q: q.person_times),
        (QT_TRANSLATE_NOOP("TrainingTab", "参训人数"), lambda q: q.workers),
        (QT_TRANSLATE_NOOP("TrainingTab", "总学时"), lambda q: _hours_text(q.hours)),
    )

    def __init__(self, window):
        super().__init__()
        self.window_ref = window
        self.current: training.CourseRow | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.addLayout(self._build_bar())

        vertical = QSplitter(Qt.Orientation.Vertical, self)
        outer.addWidget(vertical, 1)
        top = QSplitter(Qt.Orientation.Horizontal, vertical)
        self.course_model = RowsModel(self._columns(self.COURSE_COLUMNS), self)
        self.courses = make_table(self.course_model, top)
        self.courses.selectionModel().currentRowChanged.connect(lambda *_: self._course_changed())
        self.courses.activated.connect(lambda *_: self.edit_course())
        top.addWidget(self.courses)
        top.addWidget(self._build_attendance(top))
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        top.setSizes([720, 560])

        bottom = QSplitter(Qt.Orientation.Horizontal, vertical)
        self.worker_summary_model = RowsModel(self._columns(self.WORKER_SUMMARY_COLUMNS), self)
        self.worker_summary = make_table(self.worker_summary_model)
        self.quarter_model = RowsModel(self._columns(self.QUARTER_COLUMNS), self)
        self.quarter_table = make_table(self.quarter_model)
        for title, table in ((self.tr("人员参训统计（本期，按人次排序）"), self.worker_summary),
                             (self.tr("分季度统计"), self.quarter_table)):
            group = QGroupBox(title, bottom)
            QVBoxLayout(group).addWidget(table)
            bottom.addWidget(group)
        bottom.setSizes([640, 640])
        vertical.addWidget(top)
        vertical.addWidget(bottom)
        vertical.setStretchFactor(0, 3)
        vertical.setStretchFactor(1, 2)
        vertical.setSizes([360, 280])
        self.totals = QLabel(self)
        outer.addWidget(self.totals)
        self.refresh()

    def _columns(self, columns):
        return [(self.tr(title), getter) for title, getter in columns]

    def _build_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.period = QComboBox(self)
        self.period.addItem(self.tr("全部期间"), "")
        for label in period_choices():
            self.period.addItem(label, label)
        self.period.setCurrentIndex(self.period.findData(str(_dt.date.today().year)))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("课程名称、主讲人或主题"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(QLabel(self.tr("期间")))
        bar.addWidget(self.period)
        bar.addWidget(self.search, 1)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("new", self.tr("新建课程…"), self.new_course),
                                ("edit", self.tr("修改课程…"), self.edit_course),
                                ("delete", self.tr("删除课程"), self.delete_course),
                                ("export", self.tr("导出签到表…"), self.export_attendance)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[key] = button
        self.period.currentIndexChanged.connect(lambda *_: self.refresh())
        self.search.returnPressed.connect(self.refresh)
        self.search.textChanged.connect(lambda text: self.refresh() if not text else None)
        return bar

    def _build_attendance(self, parent) -> QWidget:
        group = QGroupBox(self.tr("签到名单"), parent)
        box = QVBoxLayout(group)
        self.attendance_title = QLabel(group)
        self.attendance_title.setWordWrap(True)
        box.addWidget(self.attendance_title)
        self.checkin = CheckinField(self._check_in, group)
        self.checkin.accepted.connect(self._checked_in)
        # One refresh of every tab after a burst of scans, not one per scan: with 100,000
        # workers the roster tab's refresh alone would hold up the next scan.
        self._after_scans = QTimer(self)
        self._after_scans.setSingleShot(True)
        self._after_scans.setInterval(1000)
        self._after_scans.timeout.connect(lambda: self._changed("training_attendance"))
        box.addWidget(self.checkin)
        self.attendee_model = RowsModel(self._columns(self.ATTENDEE_COLUMNS), self)
        self.attendees = make_table(self.attendee_model, group)
        self.attendees.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        box.addWidget(self.attendees, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("查找添加…"), group)
        self.add_button.clicked.connect(self.add_attendees)
        self.paste_button = QPushButton(self.tr("粘贴名单…"), group)
        self.paste_button.clicked.connect(self.paste_attendees)
        self.remove_button = QPushButton(self.tr("移除所选"), group)
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (self.add_button, self.paste_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        return group

    # --- loading --------------------------------------------------------------------------------
    def _period(self) -> periods.Period | None:
        label = self.period.currentData()
        return periods.parse(label) if label else None

    def refresh(self) -> None:
        selected = self.current.id if self.current else None
        p = self._period()
        start, end = (p.start, p.end) if p else (None, None)
        rows = training.list_courses(start, end, self.search.text())
        self.course_model.set_rows(rows)
        fit_columns(self.courses, 240)
        self.worker_summary_model.set_rows(training.summary_by_worker(start, end))
        fit_columns(self.worker_summary, 200)
        self.quarter_model.set_rows(training.summary_by_quarter(start, end))
        fit_columns(self.quarter_table, 200)
        person_times = sum(c.attendees for c in rows)
        hours = sum(c.person_hours for c in rows)
        self.totals.setText(self.tr("共 {0} 期培训，{1} 人次，{2} 学时（人次×学时）").format(
            len(rows), person_times, _hours_text(round(hours, 1))))
        if not self.select_course(selected):
            if rows:
                self.courses.selectRow(0)
            else:
                self._show(None)

    def select_course(self, course_id: int | None) -> bool:
        if course_id is None:
            return False
        row = self.course_model.find(course_id)
        if row < 0:
            return False
        self.courses.selectRow(row)
        return True

    def show_record(self, record_id: int) -> None:
        if not self.select_course(record_id):
            self.period.setCurrentIndex(0)
            self.search.clear()
            self.select_course(record_id)

    def _course_changed(self) -> None:
        index = self.courses.currentIndex()
        self._show(self.course_model.row_at(index.row()) if index.isValid() else None)

    def _show(self, course: training.CourseRow | None) -> None:
        self.current = course
        writable = current_session().can_write  # 只读 operators see everything, change nothing
        self.buttons["new"].setEnabled(writable)
        for key in ("edit", "delete"):
            self.buttons[key].setEnabled(course is not None and writable)
        for button in (self.add_button, self.paste_button, self.remove_button, self.checkin):
            button.setEnabled(course is not None and writable)
        if course is None:
            self.attendance_title.setText(self.tr("请在左侧选择一期培训"))
            self.attendee_model.set_rows([])
            return
        self._show_attendance(course)
        fit_columns(self.attendees, 200)

    def _show_attendance(self, course: training.CourseRow) -> None:
        rows = training.course_attendance(course.id)
        self.attendance_title.setText(self.tr("{0}（{1}，{2} 学时）：{3} 人").format(
            course.title, f"{course.start_date:%Y-%m-%d}", _hours_text(course.hours), len(rows)))
        self.attendee_model.set_rows(rows)

    # --- actions --------------------------------------------------------------------------------
    def _check_in(self, text: str) -> checkin.CheckinResult:
        if self.current is None:
            raise UserError(self.tr("请先在左侧选择一期培训"))
        return checkin.check_in(checkin.CourseAttendance(self.current.id), text)

    def _checked_in(self, _result: checkin.CheckinResult) -> None:
        """The scanned worker shows in the sign-in list at once; the other lists follow. The
        columns are not re-fitted per scan: over a 100-person list that alone took 13 ms."""
        if self.current is not None:
            self._show_attendance(self.current)
        self._after_scans.start()

    def _changed(self, table: str) -> None:
        self.window_ref.data_changed.emit(table)

    def new_course(self) -> None:
        from ui.dialogs.training import CourseDialog

        dialog = CourseDialog(self)
        if dialog.exec():
            self._changed("training_course")
            course = dialog.result_value
            if not self.select_course(course.id):
                self.show_record(course.id)

    def edit_course(self) -> None:
        from ui.dialogs.training import CourseDialog

        if self.current and CourseDialog(self, self.current).exec():
            self._changed("training_course")

    def delete_course(self) -> None:
        if self.current is None:
            return
        answer = QMessageBox.question(
            self, self.tr("删除课程"),
            self.tr("确定删除“{0}”及其 {1} 人次签到记录吗？").format(self.current.title, self.current.attendees))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            training.delete_course(self.current.id, version=self.current.version)
        except UserError as exc:
            from ui.app import show_error

            show_error(self, exc)
        self.current = None
        self._changed("training_course")

    def add_attendees(self) -> None:
        from ui.dialogs.training import AddAttendeesDialog

        if self.current and AddAttendeesDialog(self, self.current).exec():
            self._changed("training_attendance")

    def paste_attendees(self) -> None:
        from ui.dialogs.training import PasteAttendanceDialog

        if self.current and PasteAttendanceDialog(self, self.current).exec():
            self._changed("training_attendance")

    def remove_selected(self) -> None:
        if self.current is None:
            return
        rows = sorted({i.row() for i in self.attendees.selectionModel().selectedRows()})
        ids = [self.attendee_model.row_at(r).worker_id for r in rows]
        if not ids:
            return
        answer = QMessageBox.question(self, self.tr("移除签到"),
                                      self.tr("确定从签到名单中移除所选 {0} 人吗？").format(len(ids)))
        if answer == QMessageBox.StandardButton.Yes:
            training.remove_attendance(self.current.id, ids)
            self._changed("training_attendance")

    # --- export ---------------------------------------------------------------------------------
    def export_period(self) -> periods.Period:
        return periods.parse(self.period.currentData() or str(_dt.date.today().year))

    def export_attendance(self) -> None:
        period = self.export_period()
        path = ask_xlsx_path(self, self.tr("导出培训签到表"), f"培训签到_{period.label}.xlsx")
        if path:
            self.start_export(period, path)

    def start_export(self, period: periods.Period, path: str):
        """Run swdesk/jobs/export_training.py (what `export ...` runs) in the background."""
        return export_in_background(
            self, self.tr("正在导出培训签到表…"),
            lambda progress: export_training.export_training(period, Path(path), progress=progress))
