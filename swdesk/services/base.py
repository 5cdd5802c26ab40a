"""What every service shares: the errors it raises, who is acting, the write wrapper, the audit log.

Rules for every service module:
- A function that changes data is decorated with `@writes("table")`: it checks that the current
  operator may write, runs inside one `db.atomic()` transaction, and is listed in WRITERS (the
  role tests loop over that list).
- Validation collects every problem first and raises ValidationError({field: message}); only then
  is anything written.
- Every create/update/delete calls `audit(...)` inside the same transaction.
- Top-level records are read through `scoped(query, Model)` so that a street office only sees its
  own street's records on a shared district database.
"""
from __future__ import annotations

import datetime as _dt
import decimal
import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import peewee

from swdesk import db
from swdesk.errors import (  # noqa: F401  (re-exported: services raise these)
    ConflictError,
    PermissionDenied,
    StorageError,
    UserError,
    ValidationError,
)
from swdesk.models import AuditLog, Office

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class Session:
    """Who is acting. A fresh database with no operator accounts runs as one 管理员 user."""

    operator_login: str = ""
    operator_name: str = "本机用户"
    role: str = "管理员"
    office_id: int | None = None  # the street office in view; None = all streets (district)
    # May choose the street in view (services.scope): an account without an office, or the single
    # user of a database without accounts. None = follows office_id (no office → district user).
    district_user: bool | None = None

    def __post_init__(self) -> None:
        if self.district_user is None:
            self.district_user = self.office_id is None

    @property
    def can_write(self) -> bool:
        return self.role in ("管理员", "录入员")

    @property
    def is_admin(self) -> bool:
        return self.role == "管理员"


_session = Session()


def current() -> Session:
    return _session


def set_session(session: Session) -> None:
    global _session
    _session = session


def reset_session() -> None:
    set_session(Session())


# Every function decorated with @writes, by qualified name: the role tests loop over these.
WRITERS: dict[str, Callable[..., Any]] = {}


def writes(table: str) -> Callable[[F], F]:
    """Mark a service function as a writer: role check + one transaction."""

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            require_write()
            try:
                with db.database().atomic():
                    return func(*args, **kwargs)
            except peewee.OperationalError as exc:
                storage = storage_error(exc)
                if storage is None:
                    raise
                raise storage from exc

        wrapper.__swdesk_table__ = table  # type: ignore[attr-defined]
        WRITERS[f"{func.__module__}.{func.__qualname__}"] = wrapper
        return wrapper  # type: ignore[return-value]

    return decorate


def storage_error(exc: Exception) -> StorageError | None:
    """A StorageError with db.describe_error's Chinese message when `exc` is one of those
    conditions (the transaction has rolled back: nothing half-written); None for anything else."""
    # SQLite itself rolls back on a full disk; peewee's own ROLLBACK then fails with "no transaction
    # is active", and the real cause is that error's context.
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, StorageError):  # a nested writer already said what happened
            return exc
        text = str(exc).lower()
        if any(k in text for k in ("full", "readonly", "read-only", "locked", "disk i/o", "unable to open")):
            try:
                target = db.describe_target()
            except Exception:  # no database open
                target = ""
            error = StorageError(db.describe_error(exc, target) + "。刚才的修改没有保存。")
            error.description = db.describe_error(exc, target)  # without the sentence about saving
            return error
        exc, seen = exc.__context__, seen + 1
    return None


def require_write() -> None:
    if not _session.can_write:
        raise PermissionDenied(f"当前操作员（{_session.operator_name}，{_session.role}）没有修改数据的权限")


def require_admin() -> None:
    if not _session.is_admin:
        raise PermissionDenied(f"此操作仅限管理员，当前操作员为{_session.role}")


def default_office() -> Office:
    """The office new records belong to: the session's, else the first one (created if none)."""
    if _session.office_id is not None:
        return Office.get_by_id(_session.office_id)
    office = Office.select().order_by(Office.id).first()
    if office is None:
        office = Office.create(
            district="示例区", street="示例街道", street_code="000000",
            centre_name="示例街道社会工作服务中心",
        )
    return office


def scoped(query: peewee.ModelSelect, model: type[peewee.Model]) -> peewee.ModelSelect:
    """Limit a query of a top-level record to the session's office (no-op for district users)."""
    if _session.office_id is None:
        return query
    return query.where(model.office == _session.office_id)


def get_scoped(model: type[peewee.Model], record_id: int, what: str = "记录") -> peewee.Model:
    """Fetch one top-level record by id, refusing ones of another street office (district DB)."""
    record = model.get_or_none(model.id == record_id)
    if record is None:
        raise UserError(f"{what}（编号 {record_id}）不存在，可能已被删除")
    office_id = getattr(record, "office_id", None)
    if _session.office_id is not None and office_id is not None and office_id != _session.office_id:
        raise PermissionDenied(f"{what}（编号 {record_id}）属于其他街道，当前操作员无权查看或修改")
    return record


def _jsonable(value: Any) -> Any:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    if isinstance(value, peewee.Model):
        return value.get_id()
    return value


def snapshot(record: peewee.Model | None, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """The record's column values as a JSON-ready dict (for the audit log's before/after)."""
    if record is None:
        return {}
    out: dict[str, Any] = {}
    for name, field in record._meta.fields.items():
        if name in exclude or isinstance(field, peewee.BlobField):
            continue
        key = field.column_name if isinstance(field, peewee.ForeignKeyField) else name
        value = record.__data__.get(name)
        out[key if not isinstance(field, peewee.ForeignKeyField) else name] = _jsonable(value)
    return out


def audit(action: str, record: peewee.Model | None = None, *, table: str = "",
          record_id: Any = "", before: dict | None = None, after: dict | None = None,
          summary: str = "") -> None:
    """Append one line to the audit log (inside the caller's transaction)."""
    if record is not None:
        table = table or record._meta.table_name
        record_id = record_id or record.get_id()
    AuditLog.create(
        operator=_session.operator_login or _session.operator_name,
        action=action,
        table=table,
        record_id=str(record_id or ""),
        summary=summary[:200],
        before=json.dumps(before, ensure_ascii=False) if before else "",
        after=json.dumps(after, ensure_ascii=False) if after else "",
    )


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {k: (before.get(k), v) for k, v in after.items() if before.get(k) != v}
