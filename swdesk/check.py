"""`check`: is the database intact and are its records consistent?

run_checks() returns a list of Chinese problem descriptions (empty = all well):
- SQLite only: PRAGMA integrity_check and foreign_key_check (damage to the file itself);
- on any engine: swdesk's own consistency rules (hours pointing at deleted sessions, an elder in
  two groups at once, duplicate card numbers, ID numbers with a wrong check digit, …).
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable

import peewee
from peewee import fn

from swdesk import db, encryption, idcard, models, peek, vocab
from swdesk.privacy import mask_id

MAX_LISTED = 10  # record ids named per problem; the count is always exact


def _ids(values: Iterable) -> str:
    values = list(values)
    shown = "、".join(str(v) for v in values[:MAX_LISTED])
    return shown + (f" 等 {len(values)} 条" if len(values) > MAX_LISTED else "")


# --- the file -----------------------------------------------------------------------------------

def sqlite_file_problems(con: sqlite3.Connection | None = None, quick: bool = False,
                         foreign_keys: bool = True) -> list[str]:
    """integrity_check (or quick_check) and foreign_key_check of an SQLite connection.

    `con` is a raw connection, sqlite3's or SQLCipher's (restore checks a file before opening it,
    the encrypt job its copy); None = the open database. foreign_keys=False leaves out
    foreign_key_check.
    """
    pragma = "quick_check" if quick else "integrity_check"

    def rows(sql: str) -> list[tuple]:
        if con is not None:
            return con.execute(sql).fetchall()
        return list(db.database().execute_sql(sql).fetchall())

    try:
        result = [r[0] for r in rows(f"PRAGMA {pragma}")]
    except (*encryption.DATABASE_ERRORS, peewee.DatabaseError) as exc:
        return damage(None, exc)
    problems = damage(result, None)
    if problems or not foreign_keys:
        return problems
    try:
        broken = rows("PRAGMA foreign_key_check")
    except (*encryption.DATABASE_ERRORS, peewee.DatabaseError) as exc:
        return [f"数据库文件已损坏：{exc}"]
    by_table: dict[str, list] = {}
    for table, rowid, parent, _fk in broken:
        by_table.setdefault(f"{table}→{parent}", []).append(rowid)
    for link, rowids in sorted(by_table.items()):
        problems.append(f"外键失效：{link} 有 {len(rowids)} 行指向不存在的记录（行 {_ids(rowids)}）")
    return problems


def damage(rows: list[str] | None, error: Exception | None) -> list[str]:
    """What integrity_check's or quick_check's lines (or the error reading the file) say of the
    file: [] when intact."""
    if error is not None:
        return [f"数据库文件已损坏：{error}"]
    if rows != ["ok"]:
        rows = rows or ["（无结果）"]
        return [f"数据库文件已损坏（完整性检查发现 {len(rows)} 处问题）：{rows[0]}"]
    return []


def raise_if_damaged() -> None:
    """At start-up: a quick check of the open SQLite file; DatabaseOpenError if it is damaged.

    The start began it on a thread of its own as soon as it knew the file (swdesk/peek.py); its
    outcome is taken here, else the file is checked now."""
    if not db.is_sqlite():
        return
    early = peek.take_quick_check(db.sqlite_path()) if db.sqlite_path() is not None else None
    # Without foreign_key_check: start-up acts only on a damaged file, never on a broken link
    # (`check` lists those), and on the 10,000-worker bench file (14 MB) it cost 14 ms CPU of
    # the 41 ms check, a third of it, at every start (bench/startup.py).
    problems = damage(*early) if early is not None else sqlite_file_problems(quick=True, foreign_keys=False)
    damaged = [p for p in problems if p.startswith("数据库文件已损坏")]
    if damaged:
        raise db.DatabaseOpenError(f"{damaged[0]}（{db.describe_target()}）")


# --- swdesk's own rules ---------------------------------------------------------------------------

# The table each hours source points at (see swdesk/services/hours.py).
HOURS_SOURCES: dict[str, type[peewee.Model]] = {
    "mentoring_session": models.MentoringSession,
    "group_visit": models.GroupVisit,
    "home_visit": models.HomeVisit,
    "hotline_request": models.HotlineRequest,
}


def hours_without_source() -> list[str]:
    problems = []
    sh = models.ServiceHours
    for source, model in HOURS_SOURCES.items():
        orphan = (sh.select(sh.source_id).distinct()
                  .where((sh.source == source) & sh.source_id.not_in(model.select(model.id)))
                  .order_by(sh.source_id))
        ids = [r.source_id for r in orphan]
        if ids:
            problems.append(f"服务时长记录指向已不存在的{model.__name__}（{source}）：编号 {_ids(ids)}")
    unknown = (sh.select(sh.source).distinct()
               .where(sh.source.not_in(list(HOURS_SOURCES))))
    for row in unknown:
        problems.append(f"服务时长记录的来源“{row.source}”未知")
    bad_programme = sh.select().where(sh.programme.not_in(list(vocab.PROGRAMMES))).count()
    if bad_programme:
        problems.append(f"{bad_programme} 条服务时长记录的服务项目不在 {'、'.join(vocab.PROGRAMMES)} 之中")
    negative = sh.select().where(sh.minutes <= 0).count()
    if negative:
        problems.append(f"{negative} 条服务时长记录的时长不大于0")
    return problems


def elders_in_two_groups() -> list[str]:
    ea = models.ElderAssignment
    rows = (ea.select(ea.elder, fn.COUNT(ea.id).alias("n"))
            .where(ea.end_date.is_null())
            .group_by(ea.elder).having(fn.COUNT(ea.id) > 1).order_by(ea.elder))
    ids = [r.elder_id for r in rows]
    if not ids:
        return []
    return [f"{len(ids)} 位老人同时在两个及以上的小组中（老人编号 {_ids(ids)}）"]


def duplicate_card_numbers() -> list[str]:
    w = models.Worker
    rows = (w.select(w.card_no, fn.COUNT(w.id).alias("n")).where(w.card_no.is_null(False))
            .group_by(w.card_no).having(fn.COUNT(w.id) > 1).order_by(w.card_no))
    return [f"服务证编号 {r.card_no} 被 {r.n} 人重复使用" for r in rows]


def duplicate_id_numbers() -> list[str]:
    w = models.Worker
    rows = (w.select(w.id_number, fn.COUNT(w.id).alias("n")).where(w.id_number.is_null(False))
            .group_by(w.id_number).having(fn.COUNT(w.id) > 1))
    return [f"身份证号 {mask_id(r.id_number)} 被 {r.n} 名人员重复使用" for r in rows]


def invalid_id_numbers() -> list[str]:
    problems = []
    checks: tuple[tuple[str, type[peewee.Model], peewee.Field], ...] = (
        ("人员", models.Worker, models.Worker.id_number),
        ("帮教对象", models.MentoringPair, models.MentoringPair.youth_id_number),
        ("老人", models.Elder, models.Elder.id_number),
        ("病床户主", models.Household, models.Household.head_id_number),
    )
    for label, model, field in checks:
        bad = [pk for pk, number in model.select(model.id, field).where(field.is_null(False)
                                                                         & (field != "")).tuples()
               if not idcard.is_valid(number)]
        if bad:
            problems.append(f"{len(bad)} 名{label}的身份证号校验不通过（编号 {_ids(bad)}）")
    return problems


def cards_without_numbers() -> list[str]:
    """Active workers whose card was issued but who have no card number (or dates out of order)."""
    w = models.Worker
    active = w.status == vocab.STATUS_ACTIVE
    no_number = [r.id for r in w.select(w.id).where(active & w.card_issued_on.is_null(False)
                                                    & (w.card_no.is_null() | (w.card_no == "")))]
    problems = []
    if no_number:
        problems.append(f"{len(no_number)} 名在册人员已发证但缺少服务证编号（编号 {_ids(no_number)}）")
    backwards = [r.id for r in w.select(w.id).where(w.card_valid_until < w.card_issued_on)]
    if backwards:
        problems.append(f"{len(backwards)} 名人员的服务证有效期早于发证日期（编号 {_ids(backwards)}）")
    return problems


def records_without_office() -> list[str]:
    problems = []
    office_ids = models.Office.select(models.Office.id)
    for model in (models.Worker, models.MentoringPair, models.ElderGroup, models.Elder,
                  models.Household, models.HotlineRequest, models.TrainingCourse):
        n = model.select().where(model.office.not_in(office_ids)).count()
        if n:
            problems.append(f"{n} 条{model.__name__}记录所属单位不存在")
    return problems


def schema_version_row() -> list[str]:
    from swdesk import migrations

    version = migrations.current_version()
    if version is None or version == 0:
        return ["缺少数据结构版本记录"]
    if version > migrations.LATEST:
        return [f"数据结构版本 {version} 高于本程序支持的 {migrations.LATEST}"]
    return []


CONSISTENCY_CHECKS: tuple[Callable[[], list[str]], ...] = (
    schema_version_row,
    hours_without_source,
    elders_in_two_groups,
    duplicate_card_numbers,
    duplicate_id_numbers,
    invalid_id_numbers,
    cards_without_numbers,
    records_without_office,
)


def consistency_problems() -> list[str]:
    problems: list[str] = []
    for rule in CONSISTENCY_CHECKS:
        problems.extend(rule())
    return problems


def run_checks() -> list[str]:
    """Everything: the file (SQLite) first; a damaged file stops there."""
    if db.is_sqlite():
        problems = sqlite_file_problems()
        if any(p.startswith("数据库文件已损坏") for p in problems):
            return problems
    else:
        problems = []
    try:
        problems.extend(consistency_problems())
    except peewee.DatabaseError as exc:
        problems.append(db.describe_error(exc, db.describe_target()))
    return problems
