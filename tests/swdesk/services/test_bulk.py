"""The bulk insert stores what peewee's own insert stores, for values of the column's own type
(passed through) and for values db_value() must convert (bool into an integer, text into a date,
a model instance into its key)."""
from __future__ import annotations

import datetime as dt

from swdesk.models import Award, Community, Worker
from swdesk.services import bulk


def test_insert_rows_stores_what_peewee_stores(db, office):
    east = Community.create(office=office, name="东街社区")
    common = {"gender": "女", "sector": "企业", "education": "大专", "title": "初级"}
    rows = [
        {**common, "office": office.id, "name": "甲", "birth_date": dt.date(1980, 1, 2), "community": east.id,
         "version": 3, "created_at": dt.datetime(2026, 1, 2, 3, 4, 5)},
        {**common, "office": office, "name": "乙", "birth_date": "1981-02-03", "community": east,
         "version": True, "created_at": "2026-01-02 03:04:05"},
    ]
    bulk.insert_rows(Worker, rows)
    a, b = Worker.select().order_by(Worker.id)
    assert (a.birth_date, b.birth_date) == (dt.date(1980, 1, 2), dt.date(1981, 2, 3))
    assert (a.community_id, b.community_id, a.office_id, b.office_id) == (east.id, east.id, office.id, office.id)
    assert (a.version, b.version) == (3, 1) and type(b.version) is int
    assert a.created_at == b.created_at == dt.datetime(2026, 1, 2, 3, 4, 5)
    bulk.insert_rows(Award, [{"worker": a, "title": "优秀", "level": "区级", "date": dt.date(2026, 5, 1)}])
    assert Award.get().worker_id == a.id
