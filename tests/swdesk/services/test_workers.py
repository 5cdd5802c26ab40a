"""The worker service: validation of every field at once, create/update/conflict/deactivate/delete,
the audit trail of each, card numbers, and the importer's bulk path."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from swdesk import idcard
from swdesk.models import AuditLog, Community, Setting, Worker, WorkerSpecialty
from swdesk.services import base, hours, settings, workers

TODAY = dt.date.today()


def person(**changes):
    data = {"name": "张三", "id_number": idcard.make("350502", dt.date(1990, 1, 5), 11), "phone": "13800138000",
            "sector": "企业", "employer": "某某科技有限公司", "education": "大专", "title": "初级",
            "specialties": "心理疏导、法律援助", "political_status": "中共党员", "kind": "兼职",
            "joined_on": dt.date(2020, 5, 1)}
    data.update(changes)
    return data


def audit_rows(action=None):
    query = AuditLog.select().where(AuditLog.table == "worker").order_by(AuditLog.id)
    if action:
        query = query.where(AuditLog.action == action)
    return list(query)


def test_validate_reports_every_problem_at_once(db, office):
    problems = workers.validate({"name": " ", "gender": "未知", "id_number": "", "birth_date": None,
                                 "phone": "1380013800", "sector": "公司", "education": "", "title": "高档",
                                 "sw_level": "社工", "specialties": "心理疏导，占卜", "political_status": "党员",
                                 "kind": "临时工", "community": "不存在社区", "status": "退休",
                                 "joined_on": TODAY + dt.timedelta(days=3)})
    assert set(problems) == {"name", "gender", "birth_date", "phone", "sector", "education", "title",
                             "sw_level", "specialties", "political_status", "kind", "community", "status",
                             "joined_on"}
    assert problems["name"] == "请填写姓名"
    assert "11位" in problems["phone"]
    assert "党政机关" in problems["sector"]          # the message lists the allowed values
    assert "占卜" in problems["specialties"]
    assert "不存在社区" in problems["community"]
    assert all(isinstance(m, str) and m for m in problems.values())


def test_validate_accepts_a_good_record_in_its_several_shapes(db, office):
    community = Community.create(office=office, name="东街社区")
    assert workers.validate(person()) == {}
    assert workers.validate(person(specialties=["心理疏导", "法律援助"], community=community)) == {}
    assert workers.validate(person(specialties="心理疏导,法律援助；社区建设", community=community.id)) == {}
    assert workers.validate(person(community="东街社区", phone="")) == {}
    assert workers.validate(person(community="新社区")) == {"community": "社区“新社区”不存在，请先在设置中添加"}
    assert workers.validate(person(community="新社区"), create_communities=True) == {}


def test_dates_typed_as_text_are_read_like_spreadsheet_cells(db, office):
    data = person(id_number="", gender="女", birth_date="1990/1/5", joined_on="2020年5月1日")
    assert workers.validate(data) == {}
    worker = workers.create(data)
    assert (worker.birth_date, worker.joined_on) == (dt.date(1990, 1, 5), dt.date(2020, 5, 1))
    problems = workers.validate(person(id_number="", gender="女", birth_date="1990-02-30", joined_on="去年"))
    assert "不存在" in problems["birth_date"] and "2026-01-05" in problems["joined_on"]


def test_id_number_fills_birth_date_and_gender_and_must_agree(db, office):
    assert workers.validate(person(gender="男", birth_date=dt.date(1990, 1, 5))) == {}
    problems = workers.validate(person(gender="女", birth_date=dt.date(1990, 1, 6)))
    assert set(problems) == {"gender", "birth_date"}
    assert "1990-01-05" in problems["birth_date"]
    # Without an ID number both birth date and gender are needed.
    problems = workers.validate(person(id_number=""))
    assert set(problems) == {"birth_date", "gender"}
    assert workers.validate(person(id_number="", gender="女", birth_date=dt.date(1990, 1, 5))) == {}
    bad = idcard.make("350502", dt.date(1990, 1, 5), 11)[:-1] + "0"
    bad = bad if not idcard.is_valid(bad) else bad[:-1] + "1"
    assert "校验位" in workers.validate(person(id_number=bad))["id_number"]
    worker = workers.create(person(id_number=idcard.make("350502", dt.date(1990, 1, 5), 11).lower()))
    assert worker.id_number == idcard.make("350502", dt.date(1990, 1, 5), 11).upper()


def test_duplicate_id_number_against_the_database(db, office):
    first = workers.create(person())
    problems = workers.validate(person(name="李四"))
    assert "重复" in problems["id_number"] and "张三" in problems["id_number"]
    # The record itself is not its own duplicate.
    assert workers.validate(person(), worker_id=first.id) == {}


def test_create_sets_pinyin_specialties_card_and_audit(db, office):
    worker = workers.create(person(name="曾喆", community=None))
    assert (worker.name_pinyin, worker.name_initials) == ("zengzhe", "zz")
    assert (worker.gender, worker.birth_date) == ("男", dt.date(1990, 1, 5))
    assert worker.specialties == "心理疏导、法律援助"
    assert sorted(s.specialty for s in WorkerSpecialty.select().where(WorkerSpecialty.worker == worker)) == \
        ["心理疏导", "法律援助"]
    assert worker.card_no == settings.format_card_no(office, TODAY.year, 1)
    assert worker.card_issued_on == TODAY
    assert worker.card_valid_until == settings.card_valid_until(TODAY)
    assert (worker.status, worker.sw_level, worker.version) == ("在册", "无", 1)
    [entry] = audit_rows("create")
    assert entry.record_id == str(worker.id)
    assert json.loads(entry.after)["name"] == "曾喆"
    assert entry.operator == base.current().operator_name


def test_create_with_problems_writes_nothing(db, office):
    with pytest.raises(base.ValidationError) as info:
        workers.create(person(sector="", phone="12"))
    assert set(info.value.problems) == {"sector", "phone"}
    assert Worker.select().count() == 0
    assert audit_rows() == []


def test_card_numbers_run_on_and_are_never_reused(db, office):
    a = workers.create(person(id_number="", gender="男", birth_date=dt.date(1980, 1, 1)))
    b = workers.create(person(name="李四", id_number="", gender="女", birth_date=dt.date(1981, 1, 1)))
    assert b.card_no == settings.format_card_no(office, TODAY.year, 2)
    workers.delete(b.id, "录入错误")
    c = workers.create(person(name="王五", id_number="", gender="女", birth_date=dt.date(1982, 1, 1)))
    assert c.card_no == settings.format_card_no(office, TODAY.year, 3)
    # Numbers issued by other code (no counter) are respected too.
    Setting.delete().where(Setting.key.startswith("card_seq")).execute()
    d = workers.create(person(name="赵六", id_number="", gender="女", birth_date=dt.date(1983, 1, 1)))
    assert d.card_no == settings.format_card_no(office, TODAY.year, 4)
    assert len({a.card_no, c.card_no, d.card_no}) == 3


def test_update_bumps_version_and_audits_before_and_after(db, office):
    worker = workers.create(person())
    updated = workers.update(worker.id, {"phone": "13900139000", "name": "张叁",
                                         "specialties": ["社会养老"]}, expected_version=1)
    assert updated.version == 2
    assert (updated.phone, updated.name_pinyin) == ("13900139000", "zhangsan")
    assert updated.updated_at >= worker.updated_at
    assert [s.specialty for s in WorkerSpecialty.select().where(WorkerSpecialty.worker == worker)] == ["社会养老"]
    [entry] = audit_rows("update")
    before, after = json.loads(entry.before), json.loads(entry.after)
    assert (before["phone"], after["phone"]) == ("13800138000", "13900139000")
    assert "手机号码" in entry.summary and "姓名" in entry.summary


def test_update_conflict_names_what_the_other_save_changed(db, office):
    worker = workers.create(person())
    workers.update(worker.id, {"phone": "13900139000", "employer": "区医院"}, expected_version=1)
    with pytest.raises(base.ConflictError) as info:
        workers.update(worker.id, {"name": "张叁"}, expected_version=1)
    changes = dict(info.value.changes)
    assert changes == {"手机号码": "13900139000", "工作单位": "区医院"}
    assert "其他人修改" in str(info.value)
    assert workers.get(worker.id).name == "张三"
    assert workers.get(worker.id).version == 2


def test_update_with_problems_changes_nothing(db, office):
    worker = workers.create(person())
    with pytest.raises(base.ValidationError) as info:
        workers.update(worker.id, {"phone": "abc", "title": "特级"}, expected_version=1)
    assert set(info.value.problems) == {"phone", "title"}
    assert workers.get(worker.id).phone == "13800138000"
    assert workers.get(worker.id).version == 1


def test_deactivate_and_reactivate(db, office):
    worker = workers.create(person())
    left = workers.deactivate(worker.id, "工作调动", TODAY)
    assert (left.status, left.left_on, left.left_reason, left.version) == ("离队", TODAY, "工作调动", 2)
    with pytest.raises(base.UserError, match="已是离队"):
        workers.deactivate(worker.id, "again", TODAY)
    other = workers.create(person(name="李四", id_number="", gender="女", birth_date=dt.date(1990, 1, 1)))
    with pytest.raises(base.ValidationError) as info:
        workers.deactivate(other.id, "x", TODAY + dt.timedelta(days=1))
    assert "晚于今天" in info.value.problems["left_on"]
    back = workers.reactivate(worker.id)
    assert (back.status, back.left_on, back.left_reason, back.version) == ("在册", None, "", 3)
    assert [e.action for e in audit_rows() if e.record_id == str(worker.id)] == ["create", "deactivate", "reactivate"]
    # A stale form after these is a conflict naming the status.
    with pytest.raises(base.ConflictError) as info:
        workers.update(worker.id, {"phone": ""}, expected_version=1)
    assert "状态" in dict(info.value.changes)


def test_delete_keeps_a_full_snapshot_and_refuses_a_worker_who_served(db, office):
    worker = workers.create(person())
    with pytest.raises(base.ValidationError):
        workers.delete(worker.id, "  ")
    workers.delete(worker.id, "重复录入")
    assert Worker.select().count() == 0
    assert WorkerSpecialty.select().count() == 0
    [entry] = audit_rows("delete")
    before = json.loads(entry.before)
    assert before["id_number"] == person()["id_number"] and before["card_no"]
    assert "重复录入" in entry.summary
    with pytest.raises(base.UserError, match="找不到"):
        workers.get(worker.id)

    served = workers.create(person(name="李四"))
    with db.atomic():
        hours.credit("服务热线", "hotline_request", 1, TODAY, 30, [served.id])
    with pytest.raises(base.UserError, match="服务时长记录 1 条"):
        workers.delete(served.id, "录入错误")
    assert workers.get(served.id)


def test_read_only_operator_cannot_write(db, office):
    worker = workers.create(person())
    base.set_session(base.Session(operator_login="guest", operator_name="访客", role="只读"))
    for call in (lambda: workers.create(person(name="李四", id_number="")),
                 lambda: workers.update(worker.id, {"phone": ""}, 1),
                 lambda: workers.deactivate(worker.id, "x", TODAY),
                 lambda: workers.delete(worker.id, "x"),
                 lambda: workers.bulk_create([person(name="王五", id_number="")])):
        with pytest.raises(base.PermissionDenied):
            call()
    assert Worker.select().count() == 1


def test_bulk_create_writes_everything_the_single_path_does(db, office):
    rows = [person(name=f"测试{i}", id_number=idcard.make("350502", dt.date(1980, 1, 1) + dt.timedelta(days=i), 1 + 2 * i % 999),
                   community=f"社区{i % 3}", specialties="社区建设;慈善救济" if i % 2 else "")
            for i in range(1203)]
    assert workers.bulk_create(rows, source="花名册.xlsx") == 1203
    assert Worker.select().count() == 1203
    assert Community.select().count() == 3
    assert WorkerSpecialty.select().count() == 601 * 2
    numbers = [w.card_no for w in Worker.select().order_by(Worker.id)]
    assert numbers[0] == settings.format_card_no(office, TODAY.year, 1)
    assert numbers[-1] == settings.format_card_no(office, TODAY.year, 1203)
    sample = Worker.get(Worker.name == "测试7")
    assert (sample.name_pinyin, sample.name_initials) == ("ceshi7", "cs7")
    assert sample.community.name == "社区1" and sample.specialties == "社区建设、慈善救济"
    entries = audit_rows("import")
    assert len(entries) == 4     # one per batch of 500 (listing its workers) + one for the file
    listed = [w for entry in entries[:3] for w in json.loads(entry.after)["workers"]]
    assert [(i, name, no) for i, name, no in listed] == list(
        Worker.select(Worker.id, Worker.name, Worker.card_no).order_by(Worker.id).tuples())
    assert "花名册.xlsx" in entries[-1].summary
    # The next single create continues the numbering.
    assert workers.create(person(id_number="", gender="男", birth_date=dt.date(1970, 1, 1))).card_no == \
        settings.format_card_no(office, TODAY.year, 1204)


def test_bulk_create_with_one_bad_row_writes_nothing(db, office):
    rows = [person(name="甲", id_number=""), person(name="乙", id_number="", gender="男",
                                                    birth_date=dt.date(1990, 1, 1), sector="公司", _row=7)]
    with pytest.raises(base.ValidationError) as info:
        workers.bulk_create(rows)
    assert set(info.value.problems) == {"第1行 性别", "第1行 出生日期", "第7行 所属领域"}
    assert Worker.select().count() == 0 and Community.select().count() == 0


def test_progress_can_cancel_a_bulk_create(db, office):
    from swdesk.jobs import Cancelled

    rows = [person(name=f"人{i}", id_number="", gender="女", birth_date=dt.date(1990, 1, 1) + dt.timedelta(days=i))
            for i in range(1200)]
    with pytest.raises(Cancelled):
        workers.bulk_create(rows, progress=lambda done, total: done < 1000)
    assert Worker.select().count() == 0
    assert AuditLog.select().count() == 0


def test_a_single_save_names_a_possible_duplicate_and_saves_when_told(db, office):
    first = workers.create(person(id_number="", birth_date=dt.date(1990, 1, 5), gender="男", phone=""))
    with pytest.raises(workers.PossibleDuplicate) as caught:
        workers.create(person())                        # same name and birth date, now with an ID
    (found_id, line), = caught.value.candidates
    assert found_id == first.id
    assert "姓名和出生日期相同" in line and "其中一方没有身份证号" in line and first.card_no in line
    assert str(caught.value).startswith("可能重复：")
    assert Worker.select().count() == 1                 # nothing written
    second = workers.create(person(), allow_duplicates=True)
    assert Worker.select().count() == 2
    # Same name and phone, no ID on either side; another birth date.
    with pytest.raises(workers.PossibleDuplicate) as caught:
        workers.create(person(id_number="", birth_date=dt.date(1985, 2, 2), gender="男", phone=second.phone))
    assert {i for i, _ in caught.value.candidates} == {second.id}
    assert "姓名和手机号码相同，其中一方没有身份证号" in caught.value.candidates[0][1]
    # Two people with different ID numbers are two people: only the one without an ID is named.
    with pytest.raises(workers.PossibleDuplicate) as caught:
        workers.create(person(id_number=idcard.make("350502", dt.date(1990, 1, 5), 13)))
    assert [i for i, _ in caught.value.candidates] == [first.id]


def test_an_edit_is_compared_again_only_when_it_changes_who_the_person_is(db, office):
    workers.create(person(id_number="", birth_date=dt.date(1990, 1, 5), gender="男", phone=""))
    other = workers.create(person(name="张四"))
    with pytest.raises(workers.PossibleDuplicate):
        workers.update(other.id, {"name": "张三"}, other.version)
    other = workers.update(other.id, {"name": "张三"}, other.version, allow_duplicates=True)
    # The pair the clerk kept is not asked about on every later save.
    workers.update(other.id, {"employer": "区福利院"}, other.version)
