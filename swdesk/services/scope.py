"""Which street offices the window shows: a street clerk sees the own street; a district user
(an account without an office, or the single user of a database without accounts) chooses one
street or all of them. The choice is the session's `office_id`, so every scoped query, every
new record's office and every report follow it.

`title()` names the scope the way titles and workbook covers do: "开元街道" for one street,
"鲤城区（2个街道）" for several.
"""
from __future__ import annotations

import dataclasses

from swdesk.models import Office
from swdesk.services import base
from swdesk.services.base import PermissionDenied, current


def all_offices() -> list[Office]:
    return list(Office.select().order_by(Office.id))


def offices_in_view() -> list[Office]:
    if current().office_id is None:
        return all_offices()
    return list(Office.select().where(Office.id == current().office_id))


def may_choose() -> bool:
    """True when the operator may switch streets and there is more than one to switch between."""
    return bool(current().district_user) and Office.select().count() > 1


def district_wide() -> bool:
    """All streets in view (and more than one of them): lists then show which street a row is."""
    return current().office_id is None and Office.select().count() > 1


def title(offices: list[Office] | None = None) -> str:
    found = offices if offices is not None else offices_in_view()
    if not found:
        return ""
    if len(found) == 1:
        return found[0].street
    return f"{found[0].district}（{len(found)}个街道）"


def choose(office_id: int | None) -> None:
    """Show one street (its id) or all streets (None). Only a district user may choose."""
    session = current()
    if not session.district_user and office_id != session.office_id:
        raise PermissionDenied("当前操作员只能查看本街道的数据")
    if office_id is not None and Office.get_or_none(Office.id == office_id) is None:
        raise PermissionDenied(f"街道（编号 {office_id}）不存在")
    base.set_session(dataclasses.replace(session, office_id=office_id))


def single_user_session() -> base.Session:
    """The session of a database without accounts: the centre's own street in view (the office
    set up first, `default_office()`); the user may widen the view to every street."""
    first = Office.select(Office.id).order_by(Office.id).first()
    several = Office.select().count() > 1
    return base.Session(office_id=first.id if (first and several) else None, district_user=True)
