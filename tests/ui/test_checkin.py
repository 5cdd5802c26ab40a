"""扫码签到 in the window: a scanner types the code and Enter into each check-in field and the
attendance or visit gains that worker; bad scans are refused in red with their reason and change
nothing; focus stays in the field; 验证服务证 shows the photo large."""
from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from swdesk.models import AuditLog, Community, GroupVisit, HomeVisit, Office, TrainingAttendance
from swdesk.services import cards, eldercare, homebed, hotline, training
from swdesk.services.base import Session, default_office, set_session
from tests.swdesk.pdf.printing_helpers import add_worker, jpeg

TODAY = dt.date.today()


@pytest.fixture
def window(db, qtbot):
    from ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    return win


def scan(qtbot, field, text: str):
    """What a keyboard-wedge scanner does: type the code, press Enter."""
    field.edit.setFocus()
    qtbot.keyClicks(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    return field.last


def attendance(course_id):
    return sorted(a.worker_id for a in TrainingAttendance.select().where(TrainingAttendance.course == course_id))


@pytest.fixture
def course_tab(window):
    course = training.create_course({"title": "社会工作实务技能培训", "start_date": TODAY, "hours": 3})
    tab = window.switch_to("training")
    tab.period.setCurrentIndex(0)
    assert tab.select_course(course.id)
    return tab, course


def test_checkin_training_field_records_the_worker(window, qtbot, course_tab):
    tab, course = course_tab
    worker = add_worker(default_office(), "王喆", photo=jpeg())
    assert tab.checkin.isEnabled()
    result = scan(qtbot, tab.checkin, cards.payload_for(worker))
    assert result.ok and result.worker_id == worker.id
    assert attendance(course.id) == [worker.id]
    assert tab.attendee_model.rowCount() == 1 and tab.attendee_model.row_at(0).name == "王喆"
    assert "王喆" in tab.checkin.result_label.text() and "1b5e20" in tab.checkin.result_label.styleSheet()
    assert not tab.checkin.photo.pixmap().isNull()
    assert tab.checkin.edit.text() == "" and tab.checkin.edit.hasFocus()
    # a Chinese input method would turn the scanner's letters into pinyin candidates
    assert not tab.checkin.edit.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)

    again = scan(qtbot, tab.checkin, cards.payload_for(worker))
    assert again.reason == "已签到" and "已签到" in tab.checkin.result_label.text()
    assert "b00020" in tab.checkin.result_label.styleSheet()
    assert attendance(course.id) == [worker.id]


def bad_codes(office):
    good = add_worker(office, "张昇")
    expired = add_worker(office, "林玥", valid_until=TODAY - dt.timedelta(days=1))
    left = add_worker(office, "文赟", status="离队")
    other = Office.create(district="示例区", street="别的街道", street_code="999999", centre_name="别的中心")
    stranger = add_worker(other, "燚燚")
    code = cards.payload_for(good)
    return [(code[:-1] + ("A" if code[-1] != "A" else "B"), "伪造"),
            (cards.payload_for(expired), "已过期"),
            (cards.payload_for(left), "已离队"),
            (cards.payload_for(stranger), "不是本单位")]


def test_checkin_training_field_refuses_bad_scans(window, qtbot, course_tab):
    tab, course = course_tab
    cases = bad_codes(default_office())
    audits = AuditLog.select().count()
    for text, reason in cases:
        result = scan(qtbot, tab.checkin, text)
        assert not result.ok and result.reason == reason
        assert f"【{reason}】" in tab.checkin.result_label.text()
        assert "b00020" in tab.checkin.result_label.styleSheet()
        assert tab.checkin.edit.hasFocus()
    assert attendance(course.id) == [] and tab.attendee_model.rowCount() == 0
    assert AuditLog.select().count() == audits


def test_checkin_hundred_scans_in_a_row(window, qtbot, course_tab):
    tab, course = course_tab
    office = default_office()
    codes = [cards.payload_for(add_worker(office, f"学员{i}")) for i in range(100)]
    start = time.perf_counter()
    for code in codes:
        scan(qtbot, tab.checkin, code)
    elapsed = time.perf_counter() - start
    print(f"\n100 scans typed into the training field: {elapsed:.2f} s ({elapsed * 10:.0f} ms a scan, "
          "keystrokes included)")
    assert len(attendance(course.id)) == 100 and tab.attendee_model.rowCount() == 100


def test_checkin_elder_care_visit_ticks_the_members_scanned(window, qtbot):
    from ui.dialogs.eldercare import GroupVisitDialog

    office = default_office()
    leader, nurse, absent = add_worker(office, "陈律师"), add_worker(office, "林护士"), add_worker(office, "王社工")
    outsider = add_worker(office, "李志愿")
    group = eldercare.create_group({"name": "律师服务队", "leader_id": leader.id, "site": "区福利院",
                                    "visit_every_days": 14, "created_on": TODAY - dt.timedelta(days=60)})
    for member in (nurse, absent):
        eldercare.add_member(group.id, {"worker_id": member.id, "role": "志愿者",
                                        "joined_on": TODAY - dt.timedelta(days=60)})
    dialog = GroupVisitDialog(window, group.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert len(dialog.members.checked_ids()) == 3  # all ticked until the first scan
    assert scan(qtbot, dialog.checkin, cards.payload_for(leader)).ok
    assert dialog.isVisible()  # Enter did not save the form
    assert scan(qtbot, dialog.checkin, cards.payload_for(nurse)).ok
    assert sorted(dialog.members.checked_ids()) == sorted([leader.id, nurse.id])
    assert scan(qtbot, dialog.checkin, cards.payload_for(nurse)).reason == "已签到"
    assert scan(qtbot, dialog.checkin, cards.payload_for(outsider)).reason == "不是本组成员"
    for text, reason in bad_codes(office):
        assert scan(qtbot, dialog.checkin, text).reason == reason
    assert sorted(dialog.members.checked_ids()) == sorted([leader.id, nurse.id])
    assert GroupVisit.select().count() == 0
    dialog.services.boxes["精神慰藉"].setChecked(True)
    dialog.save()
    assert dialog.problems_shown() == {}
    visit = eldercare.get_visit(dialog.result_record.id)
    assert sorted(visit.member_ids) == sorted([leader.id, nurse.id])


def test_checkin_home_bed_visit_adds_the_worker_who_came(window, qtbot):
    from ui.dialogs.homebed import HomeVisitDialog

    office = default_office()
    doctor, nurse = add_worker(office, "许医生"), add_worker(office, "郑护士")
    place = Community.create(office=office, name="东湖社区")
    home = homebed.create_household({"head_name": "黄德昇", "phone": "13705950002", "dibao_no": "DB-2",
                                     "address": "东湖路1号", "community_id": place.id, "conditions": "高血压",
                                     "visit_every_days": 14, "added_on": TODAY, "worker_ids": [doctor.id]})
    dialog = HomeVisitDialog(window, home.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.workers.checked_ids() == [doctor.id]
    assert scan(qtbot, dialog.checkin, cards.payload_for(nurse)).ok  # not assigned, came along
    assert dialog.workers.checked_ids() == [nurse.id]  # the doctor did not scan: not ticked
    assert scan(qtbot, dialog.checkin, cards.payload_for(doctor)).ok
    assert scan(qtbot, dialog.checkin, cards.payload_for(doctor)).reason == "已签到"
    for text, reason in bad_codes(office):
        assert scan(qtbot, dialog.checkin, text).reason == reason
    assert sorted(dialog.workers.checked_ids()) == sorted([doctor.id, nurse.id])
    assert HomeVisit.select().count() == 0 and dialog.isVisible()
    dialog.services.boxes["测血压"].setChecked(True)
    dialog.save()
    assert dialog.problems_shown() == {}
    assert sorted(homebed.get_visit(dialog.result_record.id).worker_ids) == sorted([doctor.id, nurse.id])


def test_checkin_hotline_request_takes_the_worker_who_came(window, qtbot):
    from ui.dialogs.hotline import AssignDialog

    office = default_office()
    worker = add_worker(office, "王律师")
    request = hotline.log_request(dict(resident_name="林秀英", category="法律", text="邻里纠纷"))
    dialog = AssignDialog(window, hotline.get_request(request.id))
    qtbot.addWidget(dialog)
    dialog.show()
    assert scan(qtbot, dialog.checkin, cards.payload_for(worker)).ok
    assert dialog.isVisible() and dialog.chosen == [worker.id]
    assert "王律师" in dialog.listing.item(0).text()
    assert scan(qtbot, dialog.checkin, cards.payload_for(worker)).reason == "已签到"
    for text, reason in bad_codes(office):
        assert scan(qtbot, dialog.checkin, text).reason == reason
    assert dialog.chosen == [worker.id]
    assert hotline.get_request(request.id).workers == []
    dialog.accept()
    assert hotline.get_request(request.id).workers == [(worker.id, "王律师")]


def test_checkin_verify_dialog_shows_photo_large(window, qtbot, tmp_path):
    from ui.dialogs.verify_card import VerifyCardDialog

    worker = add_worker(default_office(), "王喆", photo=jpeg())
    dialog = VerifyCardDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    result = scan(qtbot, dialog.field, cards.payload_for(worker))
    assert result.ok and "真实有效" in dialog.field.result_label.text()
    assert dialog.field.photo.pixmap().height() >= 250
    assert AuditLog.select().where(AuditLog.table == "training_attendance").count() == 0
    cases = bad_codes(default_office())
    for text, reason in cases[:3]:
        assert scan(qtbot, dialog.field, text).reason == reason
    # a district-wide operator checks every street's cards; a street's operator only its own
    stranger, _reason = cases[3]
    assert scan(qtbot, dialog.field, stranger).ok
    set_session(Session(operator_name="街道录入员", role="录入员", office_id=default_office().id))
    assert scan(qtbot, dialog.field, stranger).reason == "不是本单位"
    # 打开图片…: a picture file of the code
    import segno

    picture = tmp_path / "card.png"
    segno.make(cards.payload_for(worker), error="m").save(str(picture), scale=6)
    assert dialog.field.submit_picture(str(picture)).worker_id == worker.id
    (tmp_path / "note.png").write_text("not a picture")
    assert dialog.field.submit_picture(str(tmp_path / "note.png")) is None
    assert "不是图片" in dialog.field.result_label.text()
    assert dialog.isVisible()


def test_checkin_field_reads_a_pasted_screenshot(window, qtbot, course_tab):
    import io

    import segno
    from PySide6.QtGui import QGuiApplication, QImage

    tab, course = course_tab
    worker = add_worker(default_office(), "李堃")
    png = io.BytesIO()
    segno.make(cards.payload_for(worker), error="m").save(png, kind="png", scale=8, border=6)
    QGuiApplication.clipboard().setImage(QImage.fromData(png.getvalue()))
    tab.checkin.edit.setFocus()
    qtbot.keyClick(tab.checkin.edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert tab.checkin.last.ok and attendance(course.id) == [worker.id]
    QGuiApplication.clipboard().clear()
    tab.checkin.paste_button.click()
    assert "剪贴板中没有图片" in tab.checkin.result_label.text()


def test_checkin_screenshot(window, qtbot, course_tab, tmp_path):
    """A picture of a check-in in progress (kept under SWDESK_SCREENSHOT_DIR when set)."""
    tab, course = course_tab
    office = default_office()
    for name in ("王喆", "李堃", "张昇"):
        scan(qtbot, tab.checkin, cards.payload_for(add_worker(office, name)))
    scan(qtbot, tab.checkin, cards.payload_for(add_worker(office, "林玥", photo=jpeg())))
    window.resize(1280, 800)
    # the course list and the summaries follow a burst of scans a moment later
    qtbot.waitUntil(lambda: tab.course_model.row_at(0).attendees == 4, timeout=5000)
    out = Path(os.environ.get("SWDESK_SCREENSHOT_DIR") or tmp_path) / "checkin_training.png"
    assert window.grab().save(str(out))
    left = add_worker(office, "文赟", status="离队")
    scan(qtbot, tab.checkin, cards.payload_for(left))
    out2 = out.with_name("checkin_refused.png")
    assert tab.grab().save(str(out2))
    assert out.stat().st_size > 10_000 and len(attendance(course.id)) == 4
