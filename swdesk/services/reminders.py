"""待办提醒: what is late at a date — mentoring pairs without a recent session, elder-care
groups that missed their planned visit, home-bed households past their next visit due — plus
whatever other services register (the hotline adds its overdue requests).

A reminder's `kind` is the window's tab key, so the reminders tab can open the record with
`window.switch_to(kind, record_id)`.

Other modules add reminders without editing this file:

    from swdesk.services import reminders
    reminders.register_source(my_overdue_reminders)   # func(on: date) -> iterable of Reminder

Modules listed in SOURCE_MODULES are imported on first use, so their registration runs even
when nothing else has imported them yet.
"""
from __future__ import annotations

import datetime as _dt
import importlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reminder:
    kind: str          # tab key: mentoring / eldercare / homebed / hotline …
    record_id: int
    title: str
    detail: str
    since: _dt.date    # the day it became late (the due date that passed)
    page: str = ""     # the record's page to show, if not its first (e.g. "education")

    def days_late(self, on: _dt.date) -> int:
        return (on - self.since).days


# Labels of the kinds, in the order the panel shows them.
KIND_LABELS = {
    "mentoring": "一对一帮教",
    "eldercare": "扶老助老",
    "homebed": "家庭病床",
    "hotline": "服务热线",
}

# Modules that register reminder sources when imported (missing ones are skipped).
SOURCE_MODULES = ("swdesk.services.hotline", "swdesk.services.education")

Source = Callable[[_dt.date], Iterable[Reminder]]
_sources: dict[str, Source] = {}
_loaded = False


def register_source(func: Source, kind: str | None = None) -> Source:
    """Add a source of reminders; registering the same function again replaces it. Returns the
    function, so it can be used as a decorator."""
    _sources[f"{func.__module__}.{func.__qualname__}"] = func
    if kind and kind not in KIND_LABELS:
        KIND_LABELS[kind] = kind
    return func


def registered_sources() -> list[Source]:
    _load_source_modules()
    return list(_sources.values())


def _load_source_modules() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for name in SOURCE_MODULES:  # a missing one is a broken install: it fails loudly here
        importlib.import_module(name)


# --- the built-in sources -----------------------------------------------------------------------

def mentoring_reminders(on: _dt.date) -> list[Reminder]:
    from swdesk.services import mentoring

    days = mentoring.stale_days()
    out = []
    for row in mentoring.stale_pairs(on):
        last = row.last_session or row.start_date
        text = f"最近一次帮教：{row.last_session:%Y-%m-%d}" if row.last_session else "结对后尚无帮教记录"
        out.append(Reminder(
            "mentoring", row.id, f"{row.youth}（帮教人：{row.mentor}）",
            f"{text}，已超过{days}天", last + _dt.timedelta(days=days)))
    return out


def eldercare_reminders(on: _dt.date) -> list[Reminder]:
    from swdesk.services import eldercare

    out = []
    for row in eldercare.overdue_groups(on):
        text = f"最近一次探访：{row.last_visit:%Y-%m-%d}" if row.last_visit else "尚无探访记录"
        out.append(Reminder(
            "eldercare", row.id, f"{row.name}（{row.site or '未填服务点'}）",
            f"计划每{row.visit_every_days}天探访一次，{text}", row.due))
    return out


def homebed_reminders(on: _dt.date) -> list[Reminder]:
    from swdesk.services import homebed

    out = []
    for row in homebed.overdue_households(on):
        text = f"最近一次探访：{row.last_visit:%Y-%m-%d}" if row.last_visit else "建床后尚无探访"
        out.append(Reminder(
            "homebed", row.id, f"{row.head}（{row.community or '未填社区'}）",
            f"应于{row.due:%Y-%m-%d}探访，{text}", row.due))
    return out


register_source(mentoring_reminders)
register_source(eldercare_reminders)
register_source(homebed_reminders)


# --- the panel ----------------------------------------------------------------------------------

def reminders(on: _dt.date | None = None) -> list[Reminder]:
    """Everything late at `on`, oldest first (then by kind and title)."""
    on = on or _dt.date.today()
    out: list[Reminder] = []
    for source in registered_sources():
        out.extend(_coerce(item) for item in source(on))
    order = list(KIND_LABELS)
    out.sort(key=lambda r: (r.since, order.index(r.kind) if r.kind in order else len(order), r.title))
    return out


def _coerce(item: Reminder | dict) -> Reminder:
    """Sources may also return dicts: kind or tab (the tab key), record_id, title, detail,
    since or due."""
    if isinstance(item, Reminder):
        return item
    since = item.get("since") or item.get("due")
    if isinstance(since, _dt.datetime):
        since = since.date()
    return Reminder(kind=item.get("tab") or item["kind"], record_id=int(item["record_id"]),
                    title=str(item.get("title", "")), detail=str(item.get("detail", "")),
                    since=since, page=str(item.get("page", "")))


def counts(on: _dt.date | None = None, items: list[Reminder] | None = None) -> dict[str, int]:
    """kind → number of reminders at `on` (every known kind present, zero included)."""
    items = reminders(on) if items is None else items
    result = {kind: 0 for kind in KIND_LABELS}
    for item in items:
        result[item.kind] = result.get(item.kind, 0) + 1
    return result
