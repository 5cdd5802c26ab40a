"""培训 service: courses, attendance (once per worker per course), pasted lists, summaries."""
from __future__ import annotations

import datetime as dt

import pytest

from swdesk.models import AuditLog, TrainingAttendance, TrainingCourse, VocabItem, Worker
from swdesk.services import training
from swdesk.services.base import ConflictError, UserError, ValidationError


def make_worker(office, name, card_no=None, status="在册", sector="企业"):
    return Worker.create(office=office, name=name, gender="女", birth_date=dt.date(1985, 5, 5),
                         sector=sector, education="本科及以上", title="初级", status=status,
                         card_no=card_no)


def course_data(**over):
    data = dict(title="社会工作实务技能培训", start_date=dt.date(2026, 10, 20), hours=6,
                lecturer="刘教授", place="街道服务中心三楼", topic="专业技能")
    data.update(over)
    return data


def test_create_update_delete_course(office):
    course = training.create_course(course_data())
    assert course.version == 1
    updated = training.update_course(course.id, {"hours": 7.5, "place": "社区活动室"}, version=1)
    assert (updated.hours, updated.place, updated.version) == (7.5, "社区活动室", 2)
    with pytest.raises(ConflictError):
        training.update_course(course.id, {"hours": 3}, version=1)
    worker = make_worker(office, "赵敏")
    training.add_attendance(course.id, [worker.id])
    training.delete_course(course.id)
    assert TrainingCourse.select().count() == 0 and TrainingAttendance.select().count() == 0
    assert [e.action for e in AuditLog.select().where(AuditLog.table == "training_course")
            .order_by(AuditLog.id)] == ["create", "update", "delete"]


def test_course_validation_reports_every_problem(office):
    with pytest.raises(ValidationError) as info:
        training.create_course(course_data(title="", start_date="2026-13-01", hours=0, topic="烹饪"))
    assert set(info.value.problems) == {"title", "start_date", "hours", "topic"}


def test_topics_include_the_office_additions(office):
    VocabItem.create(kind="training_topic", label="心理急救", position=1)
    assert training.topics()[-1] == "心理急救"
    assert training.create_course(course_data(topic="心理急救")).topic == "心理急救"


def test_person_times_counted_once_per_worker_per_course(office):
    first = training.create_course(course_data())
    second = training.create_course(course_data(title="政策法规解读", start_date=dt.date(2026, 12, 1),
                                                hours=3, topic="政策法规"))
    a, b = make_worker(office, "甲"), make_worker(office, "乙")
    assert training.add_attendance(first.id, [a.id, b.id, a.id]) == 2
    assert training.add_attendance(first.id, [a.id]) == 0
    assert training.add_attendance(second.id, [a.id]) == 1
    assert training.get_course(first.id).attendees == 2
    by_worker = {s.worker_id: (s.person_times, s.hours) for s in training.summary_by_worker()}
    assert by_worker == {a.id: (2, 9.0), b.id: (1, 6.0)}
    quarters = training.summary_by_quarter()
    assert [(q.quarter, q.courses, q.person_times, q.workers, q.hours) for q in quarters] == [
        ("2026Q4", 2, 3, 2, 15.0)]
    assert training.totals(dt.date(2026, 12, 1), dt.date(2026, 12, 31)) == {
        "courses": 1, "person_times": 1, "hours": 3.0}
    assert [t.title for t in training.worker_trainings(a.id)] == ["政策法规解读", "社会工作实务技能培训"]
    assert training.remove_attendance(first.id, [a.id]) == 1
    assert training.summary_by_worker(dt.date(2026, 10, 1), dt.date(2026, 10, 31))[0].worker_id == b.id


def test_add_attendance_refuses_unknown_workers(office):
    course = training.create_course(course_data())
    with pytest.raises(ValidationError, match="不存在"):
        training.add_attendance(course.id, [999])
    with pytest.raises(UserError):
        training.add_attendance(12345, [1])


def test_pasted_list_matches_names_and_cards_and_reports_unknown(office):
    course = training.create_course(course_data())
    a = make_worker(office, "李娜", card_no="350502202600001")
    b = make_worker(office, "王芳")
    c = make_worker(office, "陈静", card_no="350502202600003")
    gone = make_worker(office, "王芳", status="离队")  # even then the clerk says which 王芳
    make_worker(office, "张伟")
    make_worker(office, "张伟", sector="事业单位")
    text = "1. 李娜\n王芳、350502202600003，  赵无名\n张伟\t李娜"
    matched, problems = training.attendance_from_pasted_text(course.id, text)
    assert matched == [a.id, c.id]
    assert [(p.entry, p.reason) for p in problems] == [("王芳", "重名"), ("赵无名", "未找到"), ("张伟", "重名")]
    assert [i for i, _ in problems[0].candidates] == [b.id, gone.id]
    assert "（离队）" in problems[0].candidates[1][1] and "离队" not in problems[0].candidates[0][1]
    assert len(problems[2].candidates) == 2 and "同名" in problems[2].describe()
    assert training.add_attendance(course.id, matched) == 2


def test_split_pasted_keeps_order_and_drops_numbers():
    assert training.split_pasted("1、张三\n2. 李四;王五；张三\r\n\n") == ["张三", "李四", "王五"]


def test_find_workers_by_name_or_card(office):
    make_worker(office, "欧阳娜娜", card_no="350502202600009")
    assert [h.name for h in training.find_workers("欧阳")] == ["欧阳娜娜"]
    assert [h.name for h in training.find_workers("3505022026")] == ["欧阳娜娜"]
    assert training.find_workers("") == []


def test_continuing_education_flag_is_a_course_field(office):
    course = training.create_course(course_data(continuing_education=True))
    assert training.get_course(course.id).continuing_education
    training.update_course(course.id, {"hours": 8}, version=1)
    assert training.get_course(course.id).continuing_education        # kept by an edit of another field
    training.update_course(course.id, {"continuing_education": False}, version=2)
    row = training.get_course(course.id)
    assert (row.continuing_education, row.version) == (False, 3)
    last = AuditLog.select().where(AuditLog.table == "training_course").order_by(AuditLog.id.desc()).first()
    assert '"continuing_education": false' in last.after
