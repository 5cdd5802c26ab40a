"""Saving an edited record without losing another clerk's save (optimistic concurrency).

A form remembers the version of the record it loaded. `save()` writes

    UPDATE … SET <changes>, version = version + 1 WHERE id = ? AND version = <loaded>

so of two clerks who loaded the same version only the first save lands; the second matches no row
and gets a ConflictError naming, with field labels, what the other save changed and the value now
stored (read from the audit log, which every writer fills in the same transaction). A record
without a version column (a group member) is written WHERE its changed columns still hold the
values the writer read.

Every editable record's writer goes through here; `require()` is the same check made before
validation, so a stale form is told "someone else saved" rather than about fields it never touched.
"""
from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Callable, Mapping
from typing import Any

import peewee

from swdesk.errors import ConflictError
from swdesk.models import AuditLog
from swdesk.privacy import mask_id

Display = Callable[[peewee.Model, str], str]


def require(record: peewee.Model, expected: int | None, what: str, labels: Mapping[str, str], *,
            subject: str = "", display: Display | None = None) -> None:
    """Refuse at once when the form loaded another version than the one stored now.
    `expected` None (the command line, a call with no form) checks nothing here."""
    if expected is not None and int(expected) != int(record.version):
        raise conflict(type(record), record.get_id(), int(expected), what, labels,
                       subject=subject, display=display)


def save(record: peewee.Model, changes: Mapping[str, Any], expected: int | None, what: str,
         labels: Mapping[str, str], *, subject: str = "", display: Display | None = None) -> None:
    """Write `changes` ({field name: value}) to `record` only if nobody saved it since `expected`
    (default: the version `record` was read with); then bump the version. On success `record`
    holds the saved values. Must run inside the writer's transaction (@writes)."""
    model = type(record)
    pk = model._meta.primary_key
    columns = {model._meta.fields[name]: value for name, value in changes.items()}
    if "version" not in model._meta.fields:
        _save_unversioned(record, columns, what, labels, subject)
        return
    loaded = int(record.version if expected is None else expected)
    columns[model.version] = loaded + 1
    written = model.update(columns).where((pk == record.get_id()) & (model.version == loaded)).execute()
    if written != 1:
        raise conflict(model, record.get_id(), loaded, what, labels, subject=subject, display=display)
    for field, value in columns.items():
        setattr(record, field.name, value)


def _save_unversioned(record: peewee.Model, columns: dict[peewee.Field, Any], what: str,
                      labels: Mapping[str, str], subject: str) -> None:
    model = type(record)
    condition = model._meta.primary_key == record.get_id()
    for field in columns:
        loaded = record.__data__.get(field.name)
        condition &= field.is_null() if loaded is None else (field == loaded)
    if model.update(columns).where(condition).execute() != 1:
        now = model.get_or_none(model._meta.primary_key == record.get_id())
        if now is None:
            raise ConflictError(f"{subject or '这条' + what}已被其他人删除，请关闭后重新打开")
        changes = [(labels.get(f.name, f.name), _display(now, f.name)) for f in columns
                   if now.__data__.get(f.name) != record.__data__.get(f.name)]
        raise ConflictError(_message(subject or f"这条{what}", changes), changes)
    for field, value in columns.items():
        setattr(record, field.name, value)


def conflict(model: type[peewee.Model], record_id: Any, expected: int, what: str,
             labels: Mapping[str, str], *, subject: str = "", display: Display | None = None) -> ConflictError:
    """What the saves after version `expected` changed: [(label, value now stored)], in a
    one-line Chinese message (deleted records say so)."""
    record = model.get_or_none(model._meta.primary_key == record_id)
    subject = subject or f"这条{what}"
    if record is None:
        return ConflictError(f"{subject}已被其他人删除，请关闭后重新打开")
    changed, latest = _changed_since(model._meta.table_name, record_id, expected, labels)
    show = display or _display
    changes = [(labels[_label_key(key, labels)],
                show(record, key) if key in model._meta.fields else _shown(latest.get(key)))
               for key in changed]
    if not changes:
        return ConflictError(f"{subject}已被其他人修改并保存（现为第{record.version}版），请重新打开后再修改")
    return ConflictError(_message(subject, changes), changes)


def _message(subject: str, changes: list[tuple[str, str]]) -> str:
    listed = "；".join(f"{label}：{value}" for label, value in changes)
    return f"{subject}已被其他人修改并保存（{listed}），请重新打开后再修改"


def _label_key(key: str, labels: Mapping[str, str]) -> str:
    """Snapshots name a foreign key by its field (mentor); forms often by its column (mentor_id)."""
    return key if key in labels else f"{key}_id"


def _changed_since(table: str, record_id: Any, expected: int,
                   labels: Mapping[str, str]) -> tuple[list[str], dict[str, Any]]:
    """Labelled keys that the audited saves after `expected` changed, in order; the last 'after'."""
    entries = (AuditLog.select(AuditLog.before, AuditLog.after)
               .where((AuditLog.table == table) & (AuditLog.record_id == str(record_id)))
               .order_by(AuditLog.id))
    changed: list[str] = []
    latest: dict[str, Any] = {}
    for before_text, after_text in entries.tuples():
        try:
            before, after = json.loads(before_text or "{}"), json.loads(after_text or "{}")
        except ValueError:
            continue
        if int(after.get("version") or 0) <= expected:
            continue
        latest = after
        for key, value in after.items():
            if _label_key(key, labels) in labels and before.get(key) != value and key not in changed:
                changed.append(key)
    return changed, latest


def _display(record: peewee.Model, key: str) -> str:
    """A stored value as the clerk reads it: a related record by its name, ISO dates, 是/否,
    ID numbers masked (the message may be read over a shoulder)."""
    field = record._meta.fields[key]
    if isinstance(field, peewee.ForeignKeyField):
        related = getattr(record, key) if record.__data__.get(key) is not None else None
        return _shown(getattr(related, "name", None) or getattr(related, "id", None))
    value = getattr(record, key)
    if "id_number" in key:
        return mask_id(value) or "（空）"
    return _shown(value)


def _shown(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat(sep=" ") if isinstance(value, _dt.datetime) else value.isoformat()
    if isinstance(value, list):
        return f"{len(value)} 项"
    text = " ".join(str(value).split())
    return text if len(text) <= 30 else text[:30] + "…"
