"""查重 and 合并: likely pairs by the duplicate rule; a merge keeps every row that pointed at either
record (hours, training, assignments, registers, photo), is audited with both records, refuses
two different ID numbers, and is undone from its audit line. The list of worker references is
checked against swdesk/models.py."""
from __future__ import annotations

import datetime as dt
import inspect
import json

import peewee
import pytest

from swdesk import idcard, models
from swdesk.models import (
    AuditLog,
    Award,
    Certificate,
    ElderGroup,
    Evaluation,
    MentoringPair,
    StarCertificate,
    TrainingAttendance,
    Worker,
    WorkerPhoto,
    WorkerSpecialty,
)
from swdesk.services import hours, training, worker_merge, workers

BIRTH = dt.date(1988, 4, 2)


def person(**changes):
    data = {"name": "王娟", "gender": "女", "birth_date": BIRTH, "phone": "", "sector": "企业",
            "education": "大专", "title": "初级", "specialties": "心理疏导"}
    data.update(changes)
    return data


def twins(office):
    """The same woman entered twice: first without an ID, later with one."""
    first = workers.create(person(phone="13800001111", employer="旧单位"))
    second = workers.create(person(id_number=idcard.make("350502", BIRTH, 12), specialties="法律援助", employer=""),
                            allow_duplicates=True)
    return first, second


def test_every_foreign_key_to_worker_is_handled_by_the_merge():
    """A table added to models.py with a worker column must get a line in REFERENCES."""
    found = set()
    for _name, model in inspect.getmembers(models, inspect.isclass):
        if issubclass(model, models.BaseModel) and model is not models.BaseModel:
            for field in model._meta.fields.values():
                if isinstance(field, peewee.ForeignKeyField) and field.rel_model is Worker:
                    found.add((model, field.name))
    assert found == set(worker_merge.REFERENCES)


def test_candidate_pairs_find_the_planted_pair_only(db, office):
    first, second = twins(office)
    workers.create(person(name="李红", id_number=idcard.make("350502", BIRTH, 14)))
    workers.create(person(name="李红", id_number=idcard.make("350502", BIRTH, 16)), allow_duplicates=True)
    pairs = worker_merge.candidate_pairs()
    assert [(p.first, p.second) for p in pairs] == [(first.id, second.id)]
    assert "姓名和出生日期相同" in pairs[0].reason
    assert first.card_no in pairs[0].first_line and "无身份证号" in pairs[0].first_line


def test_merge_keeps_hours_training_assignments_and_registers(db, office):
    first, second = twins(office)
    course = training.create_course({"title": "急救", "start_date": dt.date(2026, 3, 1), "hours": 3})
    other = training.create_course({"title": "法律", "start_date": dt.date(2026, 4, 1), "hours": 2})
    training.add_attendance(course.id, [first.id, second.id])     # both records signed the same course
    training.add_attendance(other.id, [second.id])
    with db.atomic():
        hours.credit("扶老助老", "group_visit", 1, dt.date(2026, 3, 5), 90, [first.id])
        hours.credit("服务热线", "hotline_request", 7, dt.date(2026, 3, 6), 45, [second.id])
        hours.credit("家庭病床", "home_visit", 3, dt.date(2026, 3, 7), 30, [first.id, second.id])
    pair = MentoringPair.create(office=office, mentor=first, youth_name="小明", youth_gender="男",
                                youth_birth_date=dt.date(2012, 1, 1), concern="学业", unit="团委",
                                start_date=dt.date(2026, 1, 1))
    group = ElderGroup.create(office=office, name="一组", leader=second)
    Certificate.create(number="C-1", worker=first, period="2026Q1")
    StarCertificate.create(number="S-1", worker=second, level=1, reached_on=dt.date(2026, 1, 1))
    Award.create(worker=first, title="优秀志愿者", level="区级", date=dt.date(2025, 12, 1))
    Evaluation.create(worker=first, year=2025, grade="优秀")
    Evaluation.create(worker=second, year=2025, grade="合格")
    WorkerPhoto.create(worker=first, data=b"jpeg")
    total = sum(hours.minutes_by_programme(first.id).values()) + sum(hours.minutes_by_programme(second.id).values())

    merged = worker_merge.merge(second.id, first.id, {"phone": first.id, "employer": first.id},
                                expected_versions=(second.version, first.version))

    assert not Worker.select().where(Worker.id == first.id).exists()
    assert merged.id == second.id and merged.id_number == second.id_number
    assert (merged.phone, merged.employer, merged.card_no) == ("13800001111", "旧单位", second.card_no)
    assert f"原服务证号 {first.card_no}" in merged.notes
    # The same home visit credited to both records is one person's one visit.
    assert sum(hours.minutes_by_programme(second.id).values()) == total - 30 == 165
    assert {a.course_id for a in TrainingAttendance.select().where(TrainingAttendance.worker == second.id)} \
        == {course.id, other.id}
    assert MentoringPair.get_by_id(pair.id).mentor_id == second.id
    assert ElderGroup.get_by_id(group.id).leader_id == second.id
    assert Certificate.get(Certificate.number == "C-1").worker_id == second.id
    assert StarCertificate.get(StarCertificate.number == "S-1").worker_id == second.id
    assert Award.get().worker_id == second.id
    assert [e.grade for e in Evaluation.select()] == ["合格"]          # the survivor's, the other audited
    assert WorkerPhoto.get().worker_id == second.id
    assert sorted(s.specialty for s in WorkerSpecialty.select()) == ["心理疏导", "法律援助"]
    assert merged.specialties == "法律援助、心理疏导"
    for model, name in worker_merge.REFERENCES:
        assert not model.select().where(getattr(model, name) == first.id).exists(), model

    line = AuditLog.select().where(AuditLog.action == "merge").get()
    before, after = json.loads(line.before), json.loads(line.after)
    assert before["gone"]["id"] == first.id and before["kept"]["id"] == second.id
    assert before["dropped"]["evaluation.worker"][0]["grade"] == "优秀"
    assert len(before["dropped"]["service_hours.worker"]) == 1
    assert len(after["moved"]["service_hours.worker"]) == 1
    assert "合并人员" in line.summary and "服务时长记录" in line.summary


def test_merge_refuses_two_different_id_numbers_and_stale_versions(db, office):
    a = workers.create(person(id_number=idcard.make("350502", BIRTH, 12)))
    b = workers.create(person(id_number=idcard.make("350502", BIRTH, 14)), allow_duplicates=True)
    with pytest.raises(workers.UserError, match="身份证号不同"):
        worker_merge.merge(a.id, b.id)
    c = workers.create(person(), allow_duplicates=True)
    workers.update(c.id, {"employer": "新单位"}, c.version)
    with pytest.raises(worker_merge.ConflictError):
        worker_merge.merge(a.id, c.id, expected_versions=(a.version, c.version))
    assert Worker.select().count() == 3 and not AuditLog.select().where(AuditLog.action == "merge").exists()


def test_merge_refuses_a_star_level_registered_twice(db, office):
    first, second = twins(office)
    StarCertificate.create(number="S-1", worker=first, level=1, reached_on=dt.date(2026, 1, 1))
    StarCertificate.create(number="S-2", worker=second, level=1, reached_on=dt.date(2026, 1, 1))
    with pytest.raises(workers.UserError, match="星级证书"):
        worker_merge.merge(second.id, first.id)
    assert Worker.select().count() == 2 and StarCertificate.select().count() == 2


def test_a_merge_is_undone_from_its_audit_line(db, office):
    first, second = twins(office)
    course = training.create_course({"title": "急救", "start_date": dt.date(2026, 3, 1), "hours": 3})
    training.add_attendance(course.id, [first.id, second.id])
    with db.atomic():
        hours.credit("扶老助老", "group_visit", 1, dt.date(2026, 3, 5), 90, [first.id])
        hours.credit("家庭病床", "home_visit", 3, dt.date(2026, 3, 7), 30, [first.id, second.id])
    Evaluation.create(worker=first, year=2025, grade="优秀")
    Evaluation.create(worker=second, year=2025, grade="合格")
    WorkerPhoto.create(worker=first, data=b"jpeg")
    ledger = {w.id: hours.minutes_by_programme(w.id) for w in (first, second)}
    merged = worker_merge.merge(second.id, first.id, {"card_no": first.id, "phone": first.id})
    assert merged.card_no == first.card_no
    line = AuditLog.select().where(AuditLog.action == "merge").get()

    kept, gone = worker_merge.unmerge(line.id)
    assert (gone.id, gone.card_no, gone.phone, gone.id_number) == (first.id, first.card_no, first.phone, None)
    assert (kept.card_no, kept.phone, kept.notes) == (second.card_no, second.phone, second.notes)
    assert {w.id: hours.minutes_by_programme(w.id) for w in (kept, gone)} == ledger
    assert TrainingAttendance.select().where(TrainingAttendance.worker == first.id).count() == 1
    assert {(e.worker_id, e.grade) for e in Evaluation.select()} == {(first.id, "优秀"), (second.id, "合格")}
    assert WorkerPhoto.get().worker_id == first.id
    assert [s.specialty for s in WorkerSpecialty.select().where(WorkerSpecialty.worker == first.id)] == ["心理疏导"]
    assert gone.specialties == "心理疏导" and kept.specialties == "法律援助"
    with pytest.raises(workers.UserError, match="已经撤销过"):
        worker_merge.unmerge(line.id)


def test_an_undo_is_refused_once_the_survivor_changed(db, office):
    first, second = twins(office)
    merged = worker_merge.merge(second.id, first.id)
    workers.update(merged.id, {"employer": "新单位"}, merged.version)
    line = AuditLog.select().where(AuditLog.action == "merge").get()
    with pytest.raises(workers.UserError, match="又修改过"):
        worker_merge.unmerge(line.id)
    assert Worker.select().count() == 1
