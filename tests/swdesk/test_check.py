"""`check`: a clean database passes; each kind of inconsistency is found and named in Chinese.

The inconsistent states are made with direct inserts, since the services refuse to make them."""
from __future__ import annotations

import datetime as _dt

import pytest

from swdesk import check, idcard, models, peek
from swdesk import db as swdb

D = _dt.date(2026, 3, 1)


def add_worker(office, name="张三", number=None, **extra):
    return models.Worker.create(office=office, name=name, gender="男", birth_date=_dt.date(1980, 1, 1),
                                sector="企业", education="大专", title="无", id_number=number, **extra)


def test_clean_database_passes(db, office):
    add_worker(office, number=idcard.make("350502", _dt.date(1980, 1, 1), 11), card_no="A1",
               card_issued_on=D, card_valid_until=D.replace(year=2029))
    assert check.run_checks() == []


def test_hours_pointing_at_missing_sessions(db, office):
    w = add_worker(office)
    models.ServiceHours.create(worker=w, programme="扶老助老", date=D, minutes=60, source="group_visit",
                               source_id=999)
    models.ServiceHours.create(worker=w, programme="家庭病床", date=D, minutes=60, source="nowhere",
                               source_id=1)
    problems = check.run_checks()
    assert any("已不存在" in p and "999" in p for p in problems), problems
    assert any("来源“nowhere”未知" in p for p in problems)


def test_elder_in_two_open_groups(db, office):
    g1 = models.ElderGroup.create(office=office, name="一组")
    g2 = models.ElderGroup.create(office=office, name="二组")
    elder = models.Elder.create(office=office, name="李奶奶", gender="女", birth_date=_dt.date(1940, 1, 1))
    models.ElderAssignment.create(elder=elder, group=g1, start_date=D)
    models.ElderAssignment.create(elder=elder, group=g2, start_date=D)
    assert check.elders_in_two_groups() == [f"1 位老人同时在两个及以上的小组中（老人编号 {elder.id}）"]
    models.ElderAssignment.update(end_date=D).where(models.ElderAssignment.group == g1).execute()
    assert check.elders_in_two_groups() == []


def test_invalid_id_numbers_and_missing_card_numbers(db, office):
    good = idcard.make("350502", _dt.date(1980, 1, 1), 11)
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    w = add_worker(office, number=bad, card_issued_on=D)
    problems = check.run_checks()
    assert any("身份证号校验不通过" in p and str(w.id) in p for p in problems), problems
    assert any("缺少服务证编号" in p for p in problems)
    assert bad not in " ".join(problems)  # never the full number


def test_duplicate_card_numbers_found(db, office, sqlite_only):
    # The unique index prevents this normally; a damaged or hand-edited file may still have it.
    add_worker(office, card_no="C1")
    swdb.database().execute_sql("DROP INDEX IF EXISTS worker_card_no")
    add_worker(office, name="李四", card_no="C1")
    assert check.duplicate_card_numbers() == ["服务证编号 C1 被 2 人重复使用"]


def test_broken_foreign_key_found(db, office, sqlite_only):
    w = add_worker(office)
    database = swdb.database()
    database.execute_sql("PRAGMA foreign_keys=OFF")
    try:
        models.WorkerSpecialty.create(worker=w.id + 100, specialty="心理疏导")
    finally:
        database.execute_sql("PRAGMA foreign_keys=ON")
    problems = check.run_checks()
    assert any(p.startswith("外键失效：worker_specialty→worker") for p in problems), problems


def damage_the_middle(db_target: str) -> None:
    """300 workers, then 8 KiB in the middle of the file overwritten: the header and the schema
    stay readable, so the file opens and only a check finds the damage."""
    swdb.open_database(db_target)
    office = models.Office.create(district="区", street="街", street_code="123456", centre_name="中心")
    for i in range(300):
        add_worker(office, name=f"人{i}", notes="备注" * 200)
    swdb.close_database()
    data = bytearray(open(db_target, "rb").read())
    for i in range(len(data) // 2, len(data) // 2 + 8192):
        data[i] = 0xA5
    open(db_target, "wb").write(bytes(data))


def test_damaged_file_found(db_target, sqlite_only):
    damage_the_middle(db_target)
    try:
        swdb.open_database(db_target)
    except swdb.DatabaseOpenError:
        pytest.fail("damage in the middle should open and be found by check")
    try:
        problems = check.run_checks()
        assert problems and problems[0].startswith("数据库文件已损坏")
        with pytest.raises(swdb.DatabaseOpenError, match="损坏"):
            check.raise_if_damaged()
    finally:
        swdb.close_database()


def test_check_command(db_target):
    from tests.conftest import run_cli

    code, out, err = run_cli("check", db_target=db_target)
    assert code == 0 and "检查通过" in out, out + err


def test_damage_found_by_the_check_the_start_began_early(db_target, plain_sqlite_only):
    """main.py starts the quick check on a thread as soon as peek has read the file; its
    outcome, not a second check, is what refuses the damaged file at open."""
    damage_the_middle(db_target)
    peek.start_quick_check(db_target, peek.first_step(db_target))
    assert peek._started is not None
    swdb.open_database(db_target)
    try:
        with pytest.raises(swdb.DatabaseOpenError, match="损坏"):
            check.raise_if_damaged()
        assert peek._started is None        # the early outcome was taken
    finally:
        swdb.close_database()
