"""查重 and 合并: find workers who are likely one person entered twice, and merge two records into one.

The rule of a likely pair is the single save's and the import's (workers.duplicate_reason): the
same name and the same birth date or mobile number, at least one without an ID number. Merging
moves every row that points at the removed worker (REFERENCES: every foreign key to Worker in
swdesk/models.py, a test keeps the list complete) to the survivor, in one transaction, with one
audit line whose `before` holds both records and every row dropped, and whose `after` lists the
rows moved: unmerge() undoes it from that line.
"""
from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from typing import Any

import peewee

from swdesk import pinyin, vocab
from swdesk.models import (
    AuditLog,
    Award,
    Certificate,
    Community,
    ElderGroup,
    Evaluation,
    ExternalEducation,
    GroupMember,
    GroupVisitMember,
    HomeVisitWorker,
    HotlineAssignment,
    HouseholdWorker,
    MentoringPair,
    MentoringSession,
    OpeningBalance,
    RecordIssue,
    ServiceHours,
    StarCertificate,
    SwQualification,
    SwRegistration,
    TrainingAttendance,
    Worker,
    WorkerPhoto,
    WorkerSpecialty,
)
from swdesk.privacy import mask_id
from swdesk.services import workers
from swdesk.services.base import (
    ConflictError,
    UserError,
    ValidationError,
    audit,
    scoped,
    snapshot,
    writes,
)

MOVE = "move"      # rows move to the survivor; one that would repeat a survivor's row is dropped
REFUSE = "refuse"  # numbered registers: a row that would repeat a survivor's row stops the merge

# Every foreign key to Worker: (model, field name) → (what the clerk calls the rows, policy).
# A repeat is the same session, course, visit or request credited to both records: one person's
# one attendance, so the survivor's row stays and the other is dropped (kept in the audit line).
REFERENCES: dict[tuple[type[peewee.Model], str], tuple[str, str]] = {
    (ServiceHours, "worker"): ("服务时长记录", MOVE),
    (TrainingAttendance, "worker"): ("培训签到", MOVE),
    (MentoringPair, "mentor"): ("一对一帮教结对", MOVE),
    (MentoringSession, "mentor"): ("帮教记录", MOVE),
    (ElderGroup, "leader"): ("扶老助老小组组长", MOVE),
    (GroupMember, "worker"): ("扶老助老小组成员记录", MOVE),
    (GroupVisitMember, "worker"): ("扶老助老走访记录", MOVE),
    (HouseholdWorker, "worker"): ("家庭病床负责记录", MOVE),
    (HomeVisitWorker, "worker"): ("家庭病床上门记录", MOVE),
    (HotlineAssignment, "worker"): ("热线工单", MOVE),
    (Certificate, "worker"): ("服务证明", MOVE),
    (SwQualification, "worker"): ("职业水平证书", MOVE),
    (SwRegistration, "worker"): ("职业水平登记", MOVE),
    (ExternalEducation, "worker"): ("继续教育学时", MOVE),
    (OpeningBalance, "worker"): ("以往服务时长", MOVE),
    (StarCertificate, "worker"): ("星级证书", REFUSE),
    (Award, "worker"): ("表彰奖励", MOVE),
    (Evaluation, "worker"): ("评价", MOVE),
    (RecordIssue, "worker"): ("个人志愿服务记录", MOVE),
    (WorkerSpecialty, "worker"): ("专业特长", MOVE),
    (WorkerPhoto, "worker"): ("照片", MOVE),
}

# The fields the clerk chooses between (INPUT_FIELDS) plus the service card (number, issue date
# and validity go together).
CARD = "card_no"
BOTH = 0           # a choice of specialties: both records' (the default)
CHOICE_FIELDS = tuple(workers.INPUT_FIELDS) + (CARD,)
_CARD_COLUMNS = ("card_no", "card_issued_on", "card_valid_until")


@dataclass
class Pair:
    """Two workers who are likely one person: ids, the lines a clerk tells them apart by, why."""

    first: int
    second: int
    first_line: str
    second_line: str
    reason: str


def candidate_pairs(limit: int = 500) -> list[Pair]:
    """Likely duplicates in the office in view, oldest record first in each pair: one self-join on
    the indexed name."""
    a, b = Worker.alias(), Worker.alias()
    query = (a.select(a.id, b.id).join(b, on=((a.name == b.name) & (a.id < b.id)))
             .where((a.id_number.is_null() | b.id_number.is_null())
                    & ((a.birth_date == b.birth_date) | ((a.phone != "") & (a.phone == b.phone))))
             .order_by(a.name, a.id, b.id).limit(limit))
    query = scoped(query, a)
    ids = list(query.tuples())
    people = _people({i for pair in ids for i in pair})
    pairs = []
    for first, second in ids:
        x, y = people[first], people[second]
        reason = workers.duplicate_reason(bool(x.id_number), x.birth_date, x.phone, bool(y.id_number),
                                          y.birth_date, y.phone)
        pairs.append(Pair(first, second, workers.person_line(x, x.community_name),
                          workers.person_line(y, y.community_name), reason))
    return pairs


def _people(ids: set[int]) -> dict[int, Worker]:
    query = (Worker.select(Worker, Community.name.alias("community_name"))
             .join(Community, peewee.JOIN.LEFT_OUTER, on=(Worker.community == Community.id))
             .where(Worker.id.in_(list(ids))))
    return {w.id: w for w in query.objects()}


def side_by_side(first_id: int, second_id: int) -> list[tuple[str, str, str, str]]:
    """(field, label, first's value, second's value) for every choice field, as the clerk reads
    them (community name, masked ID, card with its validity). record_counts gives what hangs on each."""
    first, second = workers.get(first_id), workers.get(second_id)
    rows = []
    for key in CHOICE_FIELDS:
        rows.append((key, workers.FIELD_LABELS[key], _shown(first, key), _shown(second, key)))
    return rows


def _shown(worker: Worker, key: str) -> str:
    if key == CARD:
        if not worker.card_no:
            return "（空）"
        until = worker.card_valid_until.isoformat() if worker.card_valid_until else ""
        return f"{worker.card_no}（有效期至 {until}）" if until else worker.card_no
    if key == "id_number":
        return mask_id(worker.id_number) or "（空）"
    return workers.display_value(worker, key)


def record_counts(worker_id: int) -> dict[str, int]:
    """What hangs on a worker, by the clerk's name for it (only non-zero counts)."""
    counts = {}
    for (model, name), (label, _policy) in REFERENCES.items():
        count = model.select().where(getattr(model, name) == worker_id).count()
        if count:
            counts[label] = counts.get(label, 0) + count
    return counts


def default_choices(keep: Worker, gone: Worker) -> dict[str, int]:
    """Each field from the survivor, unless the survivor's is empty and the other's is not; the
    specialties of both."""
    choices = {}
    for key in CHOICE_FIELDS:
        mine, theirs = _value(keep, key), _value(gone, key)
        choices[key] = gone.id if _empty(mine) and not _empty(theirs) else keep.id
    choices["specialties"] = BOTH
    return choices


def _value(worker: Worker, key: str) -> Any:
    return worker.community_id if key == "community" else getattr(worker, key)


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == "无"


# --- merging ----------------------------------------------------------------------------------------

@writes("worker")
def merge(keep_id: int, gone_id: int, choices: dict[str, int] | None = None, *,
          expected_versions: tuple[int, int] | None = None) -> Worker:
    """Merge worker `gone_id` into `keep_id`: every row of REFERENCES moves to the survivor, its
    fields take the values chosen (`choices`: field → the id whose value is kept; missing fields as
    default_choices), the other record is deleted. Refused for two different ID numbers, for a
    record changed since `expected_versions` were read (ConflictError), and when both hold the
    same numbered star certificate level."""
    keep, gone = workers.get(keep_id), workers.get(gone_id)
    _refuse_strangers(keep, gone)
    if expected_versions is not None:
        for worker, version in zip((keep, gone), expected_versions, strict=True):
            if worker.version != version:
                raise ConflictError(f"{worker.name}的记录在您查看后已被修改，请重新打开查重窗口")
    chosen = {**default_choices(keep, gone), **(choices or {})}
    data = {key: _value(keep if chosen[key] == keep.id else gone, key) for key in workers.INPUT_FIELDS}
    data["specialties"] = _specialties_of(keep, gone, chosen["specialties"])
    card_from = keep if chosen[CARD] == keep.id else gone
    before = {"kept": snapshot(keep), "gone": snapshot(gone), "dropped": {}}
    moved = _move_references(keep, gone, before["dropped"])
    Worker.delete().where(Worker.id == gone.id).execute()
    merged = _save_survivor(keep, gone, data, card_from)
    counts = "、".join(f"{REFERENCES[ref][0]} {len(ids)} 条" for ref, ids in moved.items() if ids)
    audit("merge", merged, before=before,
          after={"kept": snapshot(merged), "moved": {_ref_key(ref): ids for ref, ids in moved.items() if ids}},
          summary=f"合并人员 {gone.name}（{gone.card_no or gone.id}）并入 {merged.name}（{merged.card_no or merged.id}）"
                  + (f"：转入{counts}" if counts else ""))
    return merged


def _refuse_strangers(keep: Worker, gone: Worker) -> None:
    if keep.id == gone.id:
        raise UserError("请选择两条不同的记录")
    if keep.id_number and gone.id_number and keep.id_number != gone.id_number:
        raise UserError(f"{keep.name}（{mask_id(keep.id_number)}）与{gone.name}（{mask_id(gone.id_number)}）"
                        "身份证号不同，不是同一人，不能合并")


def _specialties_of(keep: Worker, gone: Worker, chosen: int) -> list[str]:
    mine, theirs = (workers.as_form_data(w)["specialties"] for w in (keep, gone))
    if chosen == keep.id:
        return mine
    if chosen == gone.id:
        return theirs
    return mine + [s for s in theirs if s not in mine]


def _ref_key(ref: tuple[type[peewee.Model], str]) -> str:
    return f"{ref[0]._meta.table_name}.{ref[1]}"


def _move_references(keep: Worker, gone: Worker, dropped: dict[str, list]) -> dict[tuple, list]:
    """Point every row of `gone` at `keep`. Returns {reference: moved row keys}; fills `dropped`
    with the snapshots of rows that repeated one of the survivor's (see REFERENCES)."""
    moved = {}
    for ref, (label, policy) in REFERENCES.items():
        model, name = ref
        column = getattr(model, name)
        repeats = _repeats(model, name, keep.id, gone.id)
        if repeats and policy == REFUSE:
            raise UserError(f"两条记录都有相同的{label}，不能合并；请先核对登记簿")
        for row in repeats:
            dropped.setdefault(_ref_key(ref), []).append(snapshot(row))
            _delete_row(model, row)
        rows = list(model.select().where(column == gone.id))
        moved[ref] = [_row_key(model, row) for row in rows]
        model.update({column: keep.id}).where(column == gone.id).execute()
    return moved


def _unique_keys(model: type[peewee.Model], name: str) -> list[tuple[str, ...]]:
    """The other columns of each unique key that holds the worker column: () when the worker column
    itself is unique (one row per worker)."""
    field = model._meta.fields[name]
    keys = [()] if field.unique or field.primary_key else []
    for fields, unique in model._meta.indexes:
        if unique and name in fields:
            keys.append(tuple(f for f in fields if f != name))
    return keys


def _repeats(model: type[peewee.Model], name: str, keep_id: int, gone_id: int) -> list[peewee.Model]:
    """Rows of `gone_id` that would repeat a row of `keep_id` under one of the model's unique keys."""
    column = getattr(model, name)
    found: dict[Any, peewee.Model] = {}
    for key in _unique_keys(model, name):
        mine = {tuple(getattr(r, f + "_id", None) if _is_fk(model, f) else getattr(r, f) for f in key)
                for r in model.select().where(column == keep_id)}
        for row in model.select().where(column == gone_id):
            values = tuple(getattr(row, f + "_id", None) if _is_fk(model, f) else getattr(row, f) for f in key)
            if values in mine:
                found[_row_key(model, row)] = row
    return list(found.values())


def _is_fk(model: type[peewee.Model], name: str) -> bool:
    return isinstance(model._meta.fields[name], peewee.ForeignKeyField)


def _has_own_id(model: type[peewee.Model]) -> bool:
    return isinstance(model._meta.primary_key, peewee.AutoField)


def _row_key(model: type[peewee.Model], row: peewee.Model) -> Any:
    """The row's id, or for a table without one its column values (link tables, the photo)."""
    return row.get_id() if _has_own_id(model) else snapshot(row)


def _delete_row(model: type[peewee.Model], row: peewee.Model) -> None:
    if _has_own_id(model):
        model.delete().where(model._meta.primary_key == row.get_id()).execute()
        return
    condition = None
    for name, value in row.__data__.items():
        field = model._meta.fields[name]
        if isinstance(field, peewee.BlobField):
            continue
        term = field.is_null() if value is None else field == value
        condition = term if condition is None else condition & term
    model.delete().where(condition).execute()


def _save_survivor(keep: Worker, gone: Worker, data: dict[str, Any], card_from: Worker) -> Worker:
    ctx = workers.load_context(keep.office)
    clean, problems = workers.check(data, ctx, keep.id)
    if problems:
        raise ValidationError(problems)
    columns = {k: clean[k] for k in workers.INPUT_FIELDS}
    columns["name_pinyin"], columns["name_initials"] = pinyin.full_and_initials(clean["name"])
    for key in _CARD_COLUMNS:
        columns[key] = getattr(card_from, key)
    retired = gone if card_from is keep else keep
    note = f"{_dt.date.today().isoformat()} 合并重复记录，原服务证号 {retired.card_no}" if retired.card_no else ""
    if note:
        columns["notes"] = (columns["notes"] + "\n" + note).strip()[:2000]
    columns.update(version=keep.version + 1, updated_at=_dt.datetime.now().replace(microsecond=0))
    WorkerSpecialty.delete().where(WorkerSpecialty.worker == keep.id).execute()
    Worker.update(columns).where(Worker.id == keep.id).execute()
    rows = [{"worker": keep.id, "specialty": s} for s in clean["specialty_list"]]
    if rows:
        WorkerSpecialty.insert_many(rows).execute()
    return workers.get(keep.id)


# --- undoing a merge ----------------------------------------------------------------------------------

_BY_KEY = {_ref_key(ref): ref for ref in REFERENCES}


@writes("worker")
def unmerge(audit_id: int) -> tuple[Worker, Worker]:
    """Undo a merge from its audit line: both records as they were, every moved row back, every
    dropped row again. Refused once the survivor was changed after the merge. A photo dropped by
    the merge (the survivor had one) does not come back: the audit line holds no picture."""
    line = AuditLog.get_or_none(AuditLog.id == audit_id)
    if line is None or line.action != "merge" or line.table != "worker":
        raise UserError(f"操作日志第 {audit_id} 条不是人员合并，不能撤销")
    if AuditLog.select().where((AuditLog.action == "unmerge") & (AuditLog.record_id == str(audit_id))).exists():
        raise UserError(f"操作日志第 {audit_id} 条的合并已经撤销过")
    before, after = json.loads(line.before), json.loads(line.after)
    kept = workers.get(before["kept"]["id"])
    if kept.version != after["kept"]["version"]:
        raise UserError(f"合并后{kept.name}的记录又修改过，不能自动撤销；请按操作日志手工核对")
    Worker.update(_columns(before["kept"])).where(Worker.id == kept.id).execute()
    Worker.insert(before["gone"]).execute()
    gone_id = before["gone"]["id"]
    for key, rows in after.get("moved", {}).items():
        model, name = _BY_KEY[key]
        if model is not WorkerSpecialty:
            for row in rows:
                # A link row's key was taken before the move: it names the removed worker.
                key = {**row, name: kept.id} if isinstance(row, dict) else row
                _row_query(model, key, model.update({getattr(model, name): gone_id})).execute()
    for key, rows in before.get("dropped", {}).items():
        model, _name = _BY_KEY[key]
        if model not in (WorkerSpecialty, WorkerPhoto):
            model.insert_many(rows).execute()
    for snap in (before["kept"], before["gone"]):
        WorkerSpecialty.delete().where(WorkerSpecialty.worker == snap["id"]).execute()
        rows = [{"worker": snap["id"], "specialty": s} for s in vocab.split_specialties(snap["specialties"])]
        if rows:
            WorkerSpecialty.insert_many(rows).execute()
    restored = workers.get(kept.id), workers.get(gone_id)
    audit("unmerge", restored[0], record_id=audit_id, before=after, after=before,
          summary=f"撤销合并：恢复 {restored[1].name}（{restored[1].card_no or gone_id}）")
    return restored


def _columns(snap: dict[str, Any]) -> dict[str, Any]:
    """A worker snapshot's values by field name (the audit line's JSON)."""
    return {name: snap[name] for name in Worker._meta.fields if name in snap and name != "id"}


def _row_query(model: type[peewee.Model], key: Any, query):
    """`query` limited to the row a moved-row key names (its id, or a link row's values)."""
    if not isinstance(key, dict):
        return query.where(model._meta.primary_key == key)
    for name, value in key.items():
        field = model._meta.fields[name]
        query = query.where(field.is_null() if value is None else field == value)
    return query
