"""培训 tab: create a course through the dialog, add attendance from a pasted list (one unknown
name reported), add by search with multi-select, and the per-worker/per-quarter summaries."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QApplication

from swdesk import pinyin
from swdesk.models import TrainingAttendance, TrainingCourse, Worker
from swdesk.services.base import default_office


@pytest.fixture
def window(db, qtbot):
    from ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    return win


def make_worker(name, card_no=None):
    full, initials = pinyin.full_and_initials(name)
    return Worker.create(office=default_office(), name=name, name_pinyin=full, name_initials=initials,
                         gender="女", birth_date=dt.date(1985, 5, 5), sector="事业单位",
                         education="本科及以上", title="初级", card_no=card_no)


def when_dialog_opens(action):
    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        action(dialog)

    QTimer.singleShot(0, poll)


def test_create_course_and_paste_attendance(window, qtbot):
    li = make_worker("李娜", "350502202600001")
    wang = make_worker("王芳")
    chen = make_worker("陈静", "350502202600003")
    tab = window.switch_to("training")
    tab.period.setCurrentIndex(0)
    assert tab.course_model.rowCount() == 0

    def fill_course(dialog):
        dialog.title_edit.setText("社会工作实务技能培训")
        dialog.date.setDate(QDate.currentDate())
        dialog.hours.setValue(6)
        dialog.lecturer.setText("刘教授")
        dialog.topic.setCurrentText("专业技能")
        dialog.buttons.accepted.emit()

    when_dialog_opens(fill_course)
    tab.new_course()
    assert tab.course_model.rowCount() == 1 and tab.current.title == "社会工作实务技能培训"

    seen = {}

    def paste(dialog):
        dialog.text.setPlainText("李娜\n王芳、赵无名\n350502202600003")
        dialog.check_button.click()
        seen["problems"] = [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())]
        seen["visible"] = dialog.problem_list.isVisibleTo(dialog)
        seen["result"] = dialog.result.text()
        dialog.buttons.accepted.emit()

    when_dialog_opens(paste)
    tab.paste_button.click()
    assert seen["problems"] == ["赵无名：未找到此人"] and seen["visible"]
    assert "识别 3 人" in seen["result"] and "未能识别 1 条" in seen["result"]
    course = TrainingCourse.get()
    assert {a.worker_id for a in TrainingAttendance.select()} == {li.id, wang.id, chen.id}
    assert tab.attendee_model.rowCount() == 3 and tab.course_model.index(0, 4).data() == "3"
    summary = {tab.worker_summary_model.row_at(i).name: tab.worker_summary_model.row_at(i).person_times
               for i in range(tab.worker_summary_model.rowCount())}
    assert summary == {"李娜": 1, "王芳": 1, "陈静": 1}
    quarter = tab.quarter_model.row_at(0)
    assert (quarter.courses, quarter.person_times, quarter.hours) == (1, 3, 18.0)

    # pasting the same list again doubles nothing
    when_dialog_opens(lambda d: (d.text.setPlainText("李娜、王芳"), d.check_button.click(),
                                 d.buttons.accepted.emit()))
    tab.paste_button.click()
    assert TrainingAttendance.select().where(TrainingAttendance.course == course.id).count() == 3


def test_add_by_search_with_multi_select_and_remove(window, qtbot):
    from swdesk.services import training
    from ui.dialogs.training import AddAttendeesDialog

    course = training.create_course(dict(title="政策法规解读", start_date=dt.date.today(), hours=3))
    for name in ("张敏", "张伟", "张静"):
        make_worker(name)
    tab = window.switch_to("training")
    tab.period.setCurrentIndex(0)
    tab.select_course(course.id)
    dialog = AddAttendeesDialog(tab, tab.current)
    qtbot.addWidget(dialog)
    dialog.search.setText("张")
    dialog.run_search()
    assert dialog.results.count() == 3
    dialog.results.item(0).setSelected(True)
    dialog.results.item(2).setSelected(True)
    dialog.take_selected()
    dialog.accept()
    assert dialog.added == 2
    window.data_changed.emit("training_attendance")
    assert tab.attendee_model.rowCount() == 2
    tab.attendees.selectAll()
    from PySide6.QtWidgets import QMessageBox

    when_dialog_opens(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    tab.remove_selected()
    assert tab.attendee_model.rowCount() == 0


def test_a_pasted_name_shared_by_two_people_asks_which_one(window, qtbot):
    from swdesk.models import Community
    from swdesk.services import training

    course = training.create_course(dict(title="急救培训", start_date=dt.date.today(), hours=2))
    east = Community.create(office=default_office(), name="东街社区")
    li = make_worker("李娜")
    first = make_worker("王娟", "350502202600011")
    second = make_worker("王娟", "350502202600012")
    Worker.update(community=east).where(Worker.id == second.id).execute()
    tab = window.switch_to("training")
    tab.period.setCurrentIndex(0)
    assert tab.select_course(course.id)
    seen = {}

    def paste(dialog):
        dialog.text.setPlainText("李娜\n王娟")
        dialog.check_button.click()
        combo = dialog.choice_combos[0]
        seen["label"] = dialog.choice_form.itemAt(0, dialog.choice_form.ItemRole.LabelRole).widget().text()
        seen["items"] = [combo.itemText(i) for i in range(combo.count())]
        seen["preset"] = combo.currentData()
        combo.setCurrentIndex(combo.findData(second.id))
        dialog.buttons.accepted.emit()

    when_dialog_opens(paste)
    tab.paste_button.click()
    assert seen["label"] == "王娟（2人同名）" and seen["preset"] is None        # nobody picked for the clerk
    assert "东街社区" in seen["items"][2] and "350502202600012" in seen["items"][2]
    assert "未填社区" in seen["items"][1] and first.card_no in seen["items"][1]
    assert {a.worker_id for a in TrainingAttendance.select()} == {li.id, second.id}
