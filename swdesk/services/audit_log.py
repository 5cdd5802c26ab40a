"""Reading the audit log: who changed what and when, with before → after.

The log is written only by swdesk.services.base.audit, inside each writer's transaction; nothing in
the program updates or deletes a line (there is deliberately no writer of records in this module).
The one line written here is `record_output`: "this operator wrote that file" — every export,
print and template job records its output through it, naming the file saved.

Personal data inside before/after (ID numbers, phones, minors' names) is masked unless a 管理员
asks for full values (`reveal=True`).
"""
from __future__ import annotations

import datetime as _dt
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import peewee
from peewee import fn

from swdesk import db, models
from swdesk.models import AuditLog, Operator
from swdesk.privacy import mask_ids, mask_value
from swdesk.services import mentoring, workers
from swdesk.services.base import PermissionDenied, audit, current, storage_error

# Chinese names of the tables (what the viewer's 对象 column and filter show).
TABLE_LABELS: dict[str, str] = {
    "worker": "人员", "worker_photo": "人员照片", "worker_specialty": "人员专业特长",
    "office": "单位设置", "community": "社区", "setting": "设置", "vocab_item": "可选值",
    "operator": "操作员", "training_course": "培训课程", "training_attendance": "培训出勤",
    "mentoring_pair": "帮教结对", "mentoring_session": "帮教记录",
    "elder_group": "扶老小组", "group_member": "小组成员", "elder": "老人",
    "elder_assignment": "老人分组", "group_visit": "小组探访",
    "household": "病床家庭", "home_visit": "病床探访",
    "hotline_request": "热线诉求", "hotline_assignment": "热线分派",
    "service_hours": "服务时长", "demand_target": "需求计划", "certificate": "服务证明",
    "card": "服务证", "audit_log": "操作日志", "export": "导出", "backup": "备份",
}

ACTION_LABELS: dict[str, str] = {
    "create": "新建", "update": "修改", "delete": "删除", "deactivate": "停用", "export": "导出",
    "import": "导入", "print": "打印", "password": "改密码", "restore": "恢复", "login": "登录",
    "issue": "发证", "reprint": "补打", "merge": "合并", "unmerge": "撤销合并", "demo": "示例数据",
}

# Chinese names of snapshot fields; the feature services' own label tables are merged in.
GENERIC_FIELD_LABELS: dict[str, str] = {
    "id": "编号", "name": "姓名", "login": "登录名", "role": "角色", "active": "在用", "office": "所属单位",
    "created_at": "建立时间", "value": "值", "district": "所在区", "street": "街道",
    "street_code": "街道代码", "centre_name": "服务中心名称", "hotlines": "服务热线",
    "card_issuer": "发证单位", "charter_text": "服务证背面文字", "person_in_charge": "负责人",
    "contact_phone": "联系电话", "address": "地址", "gender": "性别", "birth_date": "出生日期",
    "id_number": "身份证号", "phone": "电话", "date": "日期", "minutes": "时长（分钟）",
    "notes": "备注", "status": "状态", "community": "社区", "group": "小组", "worker": "人员",
    "elder": "老人", "household": "家庭", "head_name": "户主", "head_id_number": "户主身份证号",
    "dibao_no": "低保证号", "members": "家庭人数", "conditions": "病情", "room": "房间",
    "home": "居住地", "living": "居住状况", "needs": "需求", "emergency_contact": "紧急联系人",
    "emergency_phone": "紧急联系电话", "services": "服务内容", "findings": "情况记录",
    "next_due": "下次上门", "leader": "组长", "site": "服务地点", "visit_every_days": "探访间隔（天）",
    "resident_name": "居民姓名", "category": "类别", "text": "诉求内容", "urgency": "紧急程度",
    "received_at": "受理时间", "satisfaction": "满意度", "title": "职称", "hours": "学时",
    "start_date": "开始日期", "end_date": "结束日期", "lecturer": "讲师", "place": "地点",
    "topic": "主题", "kind": "类别", "number": "编号", "period": "期间", "label": "名称",
    "target": "目标人数", "dimension": "维度", "file": "文件", "rows": "条数", "reveal": "完整信息",
    "filters": "筛选条件",
    "assigned_at": "分派时间", "channel": "受理渠道", "closed_at": "办结时间", "closed_reason": "转介/撤销原因",
    "completed_at": "完成时间", "completion_note": "办理情况", "due_at": "办结时限",
    "followed_up_at": "回访时间", "followup_note": "回访记录", "preferred_time": "期望服务时间",
    "request": "热线工单", "course": "培训课程", "mentor": "帮教人", "pair": "帮教对子", "visit": "探访",
    "code": "代码", "added_on": "建档日期", "member_notes": "家庭成员情况", "created_on": "成立日期",
    "content": "内容", "issued_at": "开具时间", "operator": "操作员", "reprint_of": "补打自",
    "programme": "项目", "source": "来源", "specialty": "专业特长", "position": "顺序", "key": "设置项",
    "count": "数量", "workers": "服务人员", "worker_ids": "人员", "group_visits": "小组探访",
    "path": "文件", "sheet": "工作表", "template": "模板",
}

# A field whose meaning depends on the record: a course's title is its name, not a worker's 职称;
# what an export or a print wrote is its 内容, not a worker's 人员类别.
TABLE_FIELD_LABELS: dict[str, dict[str, str]] = {
    "training_course": {"title": "课程名称", "hours": "学时"},
    "certificate": {"kind": "证明类型", "number": "证明编号"},
    "vocab_item": {"kind": "列表"},
    "service_hours": {"kind": "类别"},
}
OUTPUT_FIELD_LABELS = {"kind": "内容", "count": "数量", "file": "保存的文件", "title": "标题"}

# Fields holding ids of other records: the log shows their names (what the clerk knows them by).
# field → (model name in swdesk.models, how one record is named)
REFERENCES: dict[str, tuple[str, Any]] = {
    "office": ("Office", lambda r: r.street),
    "community": ("Community", lambda r: r.name),
    "worker": ("Worker", lambda r: r.name), "workers": ("Worker", lambda r: r.name),
    "worker_ids": ("Worker", lambda r: r.name), "mentor": ("Worker", lambda r: r.name),
    "leader": ("Worker", lambda r: r.name),
    "group": ("ElderGroup", lambda r: r.name), "elder": ("Elder", lambda r: r.name),
    "household": ("Household", lambda r: r.head_name),
    "course": ("TrainingCourse", lambda r: r.title),
    "pair": ("MentoringPair", lambda r: r.youth_name),
    "request": ("HotlineRequest", lambda r: f"#{r.id} {r.resident_name}"),
}


_FIELD_LABELS: dict[str, str] = {**GENERIC_FIELD_LABELS, **workers.FIELD_LABELS, **mentoring.PAIR_LABELS}


RECORD_ID_WIDTH = 40  # AuditLog.record_id is varchar(40): PostgreSQL refuses a longer value


def _record_id_text(record_ids: Sequence[int]) -> str:
    """As many of the people's ids as fit the column ("1,2,3…"), the line's 对象编号."""
    text = ""
    for record_id in record_ids:
        candidate = f"{text},{record_id}" if text else str(record_id)
        if len(candidate) > RECORD_ID_WIDTH - 1:
            return text + "…"
        text = candidate
    return text


def record_output(kind: str, path: str | os.PathLike, count: int, summary: str,
                  details: dict[str, Any] | None = None, *, record_ids: Sequence[int] = ()) -> None:
    """Record that the current operator wrote the file `path` (its final name, never a temporary
    one): the line reads `summary` (naming the file), with the full path, `count` and `details`
    (e.g. an export's filters, what was printed) in its after-values.

    `kind` is what was written, as the log's 对象 (a table name: "worker", "quarter",
    "certificate" …); the action is 打印 for a PDF and 导出 for anything else; `record_ids` are the
    people concerned (the first 20 go into the line's record id). Every role may do this (a 只读
    user's export is recorded too): who took whose data out is always kept. It runs in the caller's
    transaction if there is one — an export records inside jobs.output_file, so the line commits
    only once the file is in place — or in its own. A database that cannot record it (read-only,
    locked, full) raises StorageError: no output leaves the program without its line."""
    path = Path(path)
    action = "print" if path.suffix.lower() == ".pdf" else "export"
    text = summary if path.name in summary else f"{summary}：{path.name}"
    try:
        with db.database().atomic():
            audit(action, table=kind, record_id=_record_id_text(record_ids), summary=text,
                  after={"file": str(path.absolute()), "count": count, **(details or {})})
    except peewee.OperationalError as exc:
        storage = storage_error(exc)
        if storage is None:
            raise
        raise storage from exc


FILTER_LABELS = {"table": "对象", "record_id": "记录编号", "operator": "操作员", "start": "起始日期",
                 "end": "截止日期", "text": "包含文字"}


def describe_filters(filters: dict[str, Any]) -> str:
    """"对象=人员，操作员=张三" for the export's own log line and the file it writes."""
    names = operator_names()
    shown = []
    for key, value in filters.items():
        if key == "table":
            value = TABLE_LABELS.get(value, value)
        elif key == "operator":
            value = names.get(value, value)
        shown.append(f"{FILTER_LABELS.get(key, key)}={value}")
    return "，".join(shown)


def field_label(key: str, table: str = "", action: str = "") -> str:
    """The Chinese name of a snapshot field, in the context of its record (the one mapping the
    viewer and the export both use)."""
    if action in ("export", "print") and key in OUTPUT_FIELD_LABELS:
        return OUTPUT_FIELD_LABELS[key]
    return TABLE_FIELD_LABELS.get(table, {}).get(key) or _FIELD_LABELS.get(key, key)


@dataclass
class Change:
    field: str
    before: Any
    after: Any
    created: bool = False  # the record was new: there is no "before"
    table: str = ""
    action: str = ""
    names: dict[tuple[str, int], str] = field(default_factory=dict, repr=False)

    @property
    def label(self) -> str:
        return field_label(self.field, self.table, self.action)

    @property
    def before_text(self) -> str:
        return "" if self.created else self.shown(self.before)

    @property
    def after_text(self) -> str:
        return self.shown(self.after)

    def shown(self, value: Any) -> str:
        """The value as the clerk reads it: names instead of ids (所属单位：开元街道, not 1)."""
        ref = REFERENCES.get(self.field)
        ids = _ids(value) if ref else None
        if ref and ids:
            return "、".join(self.names.get((ref[0], i), f"编号 {i}（已删除）") for i in ids)
        return _show(value)


def _ids(value: Any) -> list[int] | None:
    """The ids in a reference value (an id, "12", or a list of them); None if it is not one."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if isinstance(item, bool):
            return None
        if isinstance(item, int):
            out.append(item)
        elif isinstance(item, str) and item.strip().isdigit():
            out.append(int(item))
        else:
            return None
    return out


def _names_for(entries: list[Entry]) -> dict[tuple[str, int], str]:
    """One query per kind of record for every id the page's changes refer to."""
    wanted: dict[str, set[int]] = {}
    for entry in entries:
        for change in entry.changes:
            ref = REFERENCES.get(change.field)
            if ref:
                for value in (change.before, change.after):
                    wanted.setdefault(ref[0], set()).update(_ids(value) or [])
    names: dict[tuple[str, int], str] = {}
    by_model = {model: namer for model, namer in REFERENCES.values()}
    for model_name, ids in wanted.items():
        model = getattr(models, model_name)
        for record in model.select().where(model.id.in_(sorted(ids))):
            names[(model_name, record.id)] = by_model[model_name](record)
    return names


@dataclass
class Entry:
    id: int
    at: _dt.datetime
    operator: str            # login (or 本机用户 in single-user mode)
    operator_name: str
    action: str
    action_label: str
    table: str
    table_label: str
    record_id: str
    summary: str
    changes: list[Change] = field(default_factory=list)

    def changes_text(self, limit: int = 6) -> str:
        """One line: 字段: 旧 → 新；…"""
        parts = [f"{c.label}：{c.after_text}" if c.created else f"{c.label}：{c.before_text} → {c.after_text}"
                 for c in self.changes[:limit]]
        if len(self.changes) > limit:
            parts.append(f"…等 {len(self.changes)} 项")
        return "；".join(parts)


def _show(value: Any) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _load(text: str) -> dict[str, Any]:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {"内容": text}
    return value if isinstance(value, dict) else {"内容": value}


def changes_of(before: dict[str, Any], after: dict[str, Any], reveal: bool = False) -> list[Change]:
    """Fields that differ (all fields of a created or deleted record), masked unless `reveal`."""
    keys = list(after) + [k for k in before if k not in after]
    out = []
    for key in keys:
        old, new = before.get(key), after.get(key)
        if before and after and old == new:
            continue
        if key in ("version", "updated_at"):
            continue
        if not reveal:
            old, new = mask_value(key, old), mask_value(key, new)
        out.append(Change(key, old, new, created=not before))
    return out


def _check_reveal(reveal: bool) -> None:
    if reveal and not current().is_admin:
        raise PermissionDenied("查看完整的个人信息仅限管理员")


def _filtered(table: str | None = None, record_id: str | int | None = None,
              operator: str | None = None, start: _dt.date | None = None,
              end: _dt.date | None = None, text: str | None = None):
    query = AuditLog.select()
    if table:
        query = query.where(AuditLog.table == table)
    if record_id not in (None, ""):
        query = query.where(AuditLog.record_id == str(record_id).strip())
    if operator:
        query = query.where(AuditLog.operator == operator)
    if start:
        query = query.where(AuditLog.at >= _dt.datetime.combine(start, _dt.time.min))
    if end:
        query = query.where(AuditLog.at < _dt.datetime.combine(end + _dt.timedelta(days=1), _dt.time.min))
    if text:
        like = f"%{text.strip()}%"
        query = query.where(AuditLog.summary ** like | AuditLog.before ** like | AuditLog.after ** like)
    return query


def count(**filters: Any) -> int:
    return _filtered(**filters).count()


def query(table: str | None = None, record_id: str | int | None = None, operator: str | None = None,
          start: _dt.date | None = None, end: _dt.date | None = None, text: str | None = None,
          limit: int | None = 500, offset: int = 0, reveal: bool = False) -> list[Entry]:
    """Log lines matching every given filter, newest first."""
    _check_reveal(reveal)
    rows = (_filtered(table, record_id, operator, start, end, text)
            .order_by(AuditLog.at.desc(), AuditLog.id.desc()))
    if limit is not None:
        rows = rows.limit(limit).offset(offset)
    names = operator_names()
    entries = [_entry(row, names, reveal) for row in rows]
    referred = _names_for(entries)
    for entry in entries:
        for change in entry.changes:
            change.table, change.action, change.names = entry.table, entry.action, referred
    return entries


def _entry(row: AuditLog, names: dict[str, str], reveal: bool) -> Entry:
    summary = row.summary if reveal else mask_ids(row.summary)
    return Entry(
        id=row.id, at=row.at, operator=row.operator, operator_name=names.get(row.operator, row.operator),
        action=row.action, action_label=ACTION_LABELS.get(row.action, row.action),
        table=row.table, table_label=TABLE_LABELS.get(row.table, row.table),
        record_id=row.record_id, summary=summary,
        changes=changes_of(_load(row.before), _load(row.after), reveal),
    )


def history(table: str, record_id: str | int, reveal: bool = False) -> list[Entry]:
    """Everything that happened to one record, newest first (a detail pane's 修改记录)."""
    return query(table=table, record_id=record_id, limit=None, reveal=reveal)


def operator_names() -> dict[str, str]:
    return {o.login: o.name for o in Operator.select(Operator.login, Operator.name)}


def operators_in_log() -> list[str]:
    rows = AuditLog.select(AuditLog.operator).distinct().order_by(AuditLog.operator)
    return [r.operator for r in rows if r.operator]


def tables_in_log() -> list[tuple[str, str]]:
    """(table, Chinese label) of every table that appears in the log."""
    rows = AuditLog.select(AuditLog.table).distinct().order_by(AuditLog.table)
    return [(r.table, TABLE_LABELS.get(r.table, r.table)) for r in rows if r.table]


def date_range() -> tuple[_dt.date | None, _dt.date | None]:
    row = AuditLog.select(fn.MIN(AuditLog.at), fn.MAX(AuditLog.at)).tuples().first()
    if not row or row[0] is None:
        return None, None
    first, last = row
    def as_date(v):
        return (v.date() if isinstance(v, _dt.datetime)
                   else _dt.datetime.fromisoformat(str(v)).date())
    return as_date(first), as_date(last)
