"""扫码签到 in the core: a genuine card of this office checks its holder in once; forged,
expired, departed, other-office and repeated scans are refused with their reason and change
nothing."""
from __future__ import annotations

import datetime as _dt
import time

import pytest

from swdesk.models import AuditLog, Office, TrainingAttendance
from swdesk.services import cards, checkin, training
from swdesk.services.base import PermissionDenied, Session, set_session
from tests.swdesk.pdf.printing_helpers import add_worker, jpeg

TODAY = _dt.date.today()


@pytest.fixture
def course(office):
    return training.create_course({"title": "社会工作实务技能培训", "start_date": TODAY, "hours": 3})


def attendance(course_id):
    return sorted(a.worker_id for a in TrainingAttendance.select().where(TrainingAttendance.course == course_id))


def test_checkin_records_training_attendance_with_audit(office, course):
    worker = add_worker(office, "王喆", photo=jpeg())
    result = checkin.check_in(checkin.CourseAttendance(course.id), cards.payload_for(worker))
    assert result.ok and result.recorded and result.reason == checkin.OK
    assert (result.worker_id, result.name, result.card_no) == (worker.id, "王喆", worker.card_no)
    assert result.has_photo and "签到成功" in result.message
    assert attendance(course.id) == [worker.id]
    assert AuditLog.select().where(AuditLog.table == "training_attendance").count() == 1


def test_checkin_repeated_scan_is_refused_and_counts_once(office, course):
    worker = add_worker(office, "李堃")
    code = cards.payload_for(worker)
    assert checkin.check_in(checkin.CourseAttendance(course.id), code).ok
    again = checkin.check_in(checkin.CourseAttendance(course.id), "  " + code + "\n")
    assert not again.ok and again.reason == checkin.ALREADY and "已签到" in again.message
    assert again.name == "李堃" and not again.has_photo
    assert attendance(course.id) == [worker.id]
    assert AuditLog.select().where(AuditLog.table == "training_attendance").count() == 1


def refusals(office):
    """(label, scanned text, expected reason) for every kind of bad scan."""
    good = add_worker(office, "张昇")
    expired = add_worker(office, "林玥", valid_until=TODAY - _dt.timedelta(days=1))
    left = add_worker(office, "文赟", status="离队")
    other = Office.create(district="示例区", street="别的街道", street_code="999999", centre_name="别的中心")
    stranger = add_worker(other, "燚燚")
    code = cards.payload_for(good)
    return [
        ("forged check code", code[:-1] + ("A" if code[-1] != "A" else "B"), checkin.FORGED),
        ("another key", cards.payload(good.card_no, good.card_valid_until, key=b"k" * 32), checkin.FORGED),
        ("validity extended", code.replace(f":{good.card_valid_until:%Y}", ":2099"), checkin.FORGED),
        ("expired", cards.payload_for(expired), checkin.EXPIRED),
        ("departed", cards.payload_for(left), checkin.DEPARTED),
        ("other office", cards.payload_for(stranger), checkin.OTHER_OFFICE),
        # another street's own database signs with its own key: its cards cannot be checked here,
        # and their numbers carry its street code, none of ours
        ("other street's database", cards.payload("888888202600017", good.card_valid_until, key=b"s" * 32),
         checkin.OTHER_OFFICE),
        ("not a card", "https://example.com/x", checkin.UNREADABLE),
    ]


def test_checkin_refusals_have_their_reason_and_change_nothing(office, course):
    before_audit = AuditLog.select().count()
    for label, text, reason in refusals(office):
        result = checkin.check_in(checkin.CourseAttendance(course.id), text)
        assert not result.ok and result.reason == reason, (label, result)
        assert result.message and not result.recorded
    assert attendance(course.id) == []
    assert AuditLog.select().count() == before_audit


def test_checkin_refusal_reasons_name_the_worker_when_known(office, course):
    left = add_worker(office, "文赟", status="离队")
    result = checkin.check_in(checkin.CourseAttendance(course.id), cards.payload_for(left))
    assert result.name == "文赟" and "离队" in result.message


def test_checkin_selection_returns_worker_without_writing(office):
    worker = add_worker(office, "王喆")
    other = add_worker(office, "李堃")
    before_audit = AuditLog.select().count()
    context = checkin.Selection(office.id, allowed={worker.id})
    result = checkin.check_in(context, cards.payload_for(worker))
    assert result.ok and not result.recorded and result.worker_id == worker.id
    assert context.present == {worker.id}
    assert checkin.check_in(context, cards.payload_for(worker)).reason == checkin.ALREADY
    outsider = checkin.check_in(context, cards.payload_for(other))
    assert outsider.reason == checkin.NOT_MEMBER and "不是本组成员" in outsider.message
    assert context.present == {worker.id}
    assert AuditLog.select().count() == before_audit


def test_checkin_read_only_operator_cannot_record(office, course):
    worker = add_worker(office, "王喆")
    set_session(Session(operator_name="查询员", role="只读"))
    with pytest.raises(PermissionDenied):
        checkin.check_in(checkin.CourseAttendance(course.id), cards.payload_for(worker))
    assert attendance(course.id) == []


def test_checkin_hundred_scans_in_a_row(office, course):
    workers = [add_worker(office, f"学员{i}") for i in range(100)]
    codes = [cards.payload_for(w) for w in workers]
    start = time.perf_counter()
    results = [checkin.check_in(checkin.CourseAttendance(course.id), c) for c in codes]
    elapsed = time.perf_counter() - start
    print(f"100 check-ins (core): {elapsed * 1000:.0f} ms, {elapsed * 10:.1f} ms each")
    assert all(r.ok for r in results)
    assert attendance(course.id) == sorted(w.id for w in workers)
