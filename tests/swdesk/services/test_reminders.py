"""待办提醒: stale pairs, late groups, overdue households, and other modules' sources."""
from __future__ import annotations

import datetime as dt

from swdesk.models import Community, Worker
from swdesk.services import eldercare, homebed, mentoring, reminders
from swdesk.services.base import default_office

D = dt.date


def make_worker(name: str) -> Worker:
    return Worker.create(office=default_office(), name=name, gender="女", birth_date=D(1980, 1, 1),
                         sector="事业单位", education="本科及以上", title="中级")


def fill(office):
    worker = make_worker("李玥")
    pair = mentoring.create_pair({
        "mentor_id": worker.id, "youth_name": "张晓明", "youth_gender": "男", "youth_birth_date": D(2011, 4, 1),
        "concern": "家庭", "unit": "团区委", "start_date": D(2026, 1, 1)})
    group = eldercare.create_group({"name": "护士服务队", "leader_id": worker.id, "site": "区福利院",
                                    "visit_every_days": 30, "created_on": D(2026, 1, 1)})
    place = Community.create(office=office, name="西园社区")
    home = homebed.create_household({
        "head_name": "黄德昇", "phone": "13705951234", "address": "西园路1号", "community_id": place.id,
        "dibao_no": "DB-9", "conditions": "中风后遗症", "visit_every_days": 10, "added_on": D(2026, 1, 1)})
    return worker, pair, group, home


def test_reminders_at_a_given_date(office):
    worker, pair, group, home = fill(office)
    counts = reminders.counts(D(2026, 1, 10))
    assert {"mentoring", "eldercare", "homebed", "hotline"} <= set(counts) and set(counts.values()) == {0}
    items = reminders.reminders(D(2026, 2, 5))
    assert [(r.kind, r.record_id) for r in items] == [("homebed", home.id), ("mentoring", pair.id),
                                                       ("eldercare", group.id)]
    assert items[0].since == D(2026, 1, 11)
    assert "张*明" in items[1].title and "张晓明" not in items[1].title
    mentoring.add_session(pair.id, {"date": D(2026, 2, 1), "minutes": 30, "kind": "电话"})
    eldercare.add_visit(group.id, D(2026, 2, 2), 60, "精神慰藉", [worker.id], [])
    homebed.add_visit(home.id, D(2026, 2, 3), 30, "测血压", [worker.id])
    counts = reminders.counts(D(2026, 2, 5))
    assert counts["mentoring"] == counts["eldercare"] == counts["homebed"] == 0


def test_registered_source_is_called(office):
    def fake(on):
        return [{"tab": "hotline", "kind": "hotline_overdue", "record_id": 7, "title": "热线工单超时",
                 "detail": "", "due": on - dt.timedelta(days=2)},
                reminders.Reminder("hotline", 8, "另一张工单", "", on)]

    reminders.register_source(fake)
    try:
        items = [r for r in reminders.reminders(D(2026, 1, 5)) if r.kind == "hotline"]
        assert [(r.record_id, r.since) for r in items] == [(7, D(2026, 1, 3)), (8, D(2026, 1, 5))]
        assert reminders.counts(D(2026, 1, 5))["hotline"] >= 2
    finally:
        reminders._sources.pop(f"{fake.__module__}.{fake.__qualname__}")
