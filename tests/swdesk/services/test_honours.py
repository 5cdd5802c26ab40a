"""表彰奖励 and 评价: validation of every field at once, one evaluation per year, versioned saves."""
from __future__ import annotations

import datetime as dt

import pytest

from swdesk.models import AuditLog, Worker
from swdesk.services import honours
from swdesk.services.base import ConflictError, ValidationError


def make_worker(office):
    return Worker.create(office=office, name="陈静", gender="女", birth_date=dt.date(1979, 3, 3), sector="企业",
                         education="大专", title="无")


def test_award_problems_at_once_then_saved_and_edited(office):
    w = make_worker(office)
    with pytest.raises(ValidationError) as info:
        honours.add_award(w.id, {"title": "", "level": "乡", "issuer": "", "date": "明天"})
    assert set(info.value.problems) == {"title", "level", "issuer", "date"}
    award = honours.add_award(w.id, {"title": "优秀志愿者", "level": "区", "issuer": "区民政局",
                                     "date": dt.date(2025, 12, 5), "document_no": "区民〔2025〕18号"})
    honours.update_award(award.id, {"level": "市"}, version=1)
    with pytest.raises(ConflictError, match="级别"):
        honours.update_award(award.id, {"title": "x"}, version=1)
    assert [(a.title, a.level, a.version) for a in honours.awards(w.id)] == [("优秀志愿者", "市", 2)]


def test_one_evaluation_per_year(office):
    w = make_worker(office)
    honours.add_evaluation(w.id, {"year": 2025, "grade": "优秀", "evaluator": "街道社工站",
                                  "date": dt.date(2026, 1, 10)})
    with pytest.raises(ValidationError) as info:
        honours.add_evaluation(w.id, {"year": 2025, "grade": "良好", "evaluator": ""})
    assert set(info.value.problems) == {"year", "grade", "evaluator"}
    second = honours.add_evaluation(w.id, {"year": 2024, "grade": "合格", "evaluator": "街道社工站"})
    honours.delete_evaluation(second.id)
    assert [(e.year, e.grade) for e in honours.evaluations(w.id)] == [(2025, "优秀")]
    assert [a for (a,) in AuditLog.select(AuditLog.action).where(AuditLog.table == "evaluation")
            .order_by(AuditLog.id).tuples()] == ["create", "create", "delete"]


def test_a_worker_with_an_award_is_not_deleted(office):
    from swdesk.services import workers
    from swdesk.services.base import UserError

    w = make_worker(office)
    honours.add_award(w.id, {"title": "优秀志愿者", "level": "街道", "issuer": "开元街道办事处",
                             "date": dt.date(2025, 5, 1)})
    with pytest.raises(UserError, match="表彰奖励 1 条"):
        workers.delete(w.id, "录入错误")
    assert Worker.get_or_none(Worker.id == w.id) is not None


def test_the_roster_separator_is_refused_where_it_would_split_an_entry(office):
    w = make_worker(office)
    with pytest.raises(ValidationError) as info:
        honours.add_award(w.id, {"title": "优秀|志愿者", "level": "区", "issuer": "区民政局｜团区委",
                                 "date": dt.date(2025, 12, 5), "document_no": "a|b"})
    assert info.value.problems == dict.fromkeys(("title", "issuer", "document_no"), "不能含有竖线 |（花名册中用它分隔各项）")
    with pytest.raises(ValidationError) as info:
        honours.add_evaluation(w.id, {"year": 2025, "grade": "优秀", "evaluator": "街道|社工站"})
    assert set(info.value.problems) == {"evaluator"}
    # the note is the last part of an entry: a bar in it is read back whole
    assert honours.add_evaluation(w.id, {"year": 2025, "grade": "优秀", "evaluator": "街道社工站",
                                         "note": "认真|耐心"}).note == "认真|耐心"
