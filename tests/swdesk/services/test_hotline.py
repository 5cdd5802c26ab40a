"""服务热线 service: logging, the status flow, matching, hours credit, overdue requests."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from swdesk import privacy, vocab
from swdesk.models import AuditLog, Community, HotlineRequest, ServiceHours, Worker, WorkerSpecialty
from swdesk.services import hotline
from swdesk.services.base import ConflictError, Session, UserError, ValidationError, set_session

T0 = dt.datetime(2026, 10, 12, 9, 30)


def make_worker(office, name, community=None, specialties=(), status="在册", party=False, card_no=None):
    worker = Worker.create(
        office=office, name=name, gender="男", birth_date=dt.date(1980, 1, 1), sector="企业",
        education="大专", title="无", community=community, status=status, card_no=card_no,
        political_status="中共党员" if party else "群众", specialties="、".join(specialties))
    for s in specialties:
        WorkerSpecialty.create(worker=worker, specialty=s)
    return worker


@pytest.fixture
def town(office):
    east = Community.create(office=office, name="东街社区")
    west = Community.create(office=office, name="西街社区")
    return east, west


def request_data(community="东街社区", **over):
    data = dict(received_at=T0, channel="电话", resident_name="林秀英", phone="13812345678",
                community=community, category="法律", text="邻里纠纷，想咨询法律援助", urgency="一般",
                preferred_time="工作日上午")
    data.update(over)
    return data


def test_log_request_sets_due_time_and_audits(office, town):
    req = hotline.log_request(request_data())
    assert req.status == "待分派"
    assert req.due_at == T0 + dt.timedelta(hours=48)
    urgent = hotline.log_request(request_data(urgency="紧急"))
    assert urgent.due_at == T0 + dt.timedelta(hours=4)
    entry = AuditLog.get((AuditLog.table == "hotline_request") & (AuditLog.record_id == str(req.id)))
    assert entry.action == "create" and "林秀英" in entry.summary


def test_log_request_reports_every_problem_at_once(office, town):
    with pytest.raises(ValidationError) as info:
        hotline.log_request(request_data(resident_name=" ", category="其他", channel="信件",
                                         phone="abc", text="", community="不存在社区"))
    assert set(info.value.problems) == {"resident_name", "category", "channel", "phone", "text",
                                        "community"}
    assert HotlineRequest.select().count() == 0


def test_ranking_puts_specialty_and_community_first_and_skips_inactive(office, town):
    east, west = town
    far_lawyer = make_worker(office, "远律师", west, ["法律援助"])
    near_plain = make_worker(office, "近邻居", east, ["社会养老"])
    best = make_worker(office, "王律师", east, ["法律援助", "司法矫治"], party=True)
    left = make_worker(office, "离队律师", east, ["法律援助"], status="离队", party=True)
    nobody = make_worker(office, "张三", None, [])
    req = hotline.log_request(request_data())

    ranked = hotline.suggest_workers(req.id)
    ids = [s.worker_id for s in ranked]
    assert left.id not in ids
    assert ids[:4] == [best.id, far_lawyer.id, near_plain.id, nobody.id]
    # the best tier alone (specialty and community) answers a short list without ranking everyone
    assert [s.worker_id for s in hotline.suggest_workers(req.id, limit=1)] == [best.id]
    top = ranked[0]
    assert top.reasons[0] == "专业特长：法律援助、司法矫治"
    assert "同社区" in top.reasons and "中共党员" in top.reasons and "当前待办 0 件" in top.reasons
    assert ranked[1].reasons == ["专业特长：法律援助", "邻近社区", "当前待办 0 件", "近30天分派 0 次"]
    assert [s.decided for s in ranked[:3]] == ["同社区", "专业特长对口", "同社区"]


def test_ranking_decides_by_load_then_recent_assignments_and_says_so(office, town):
    """Among equally fitting workers of the same community the order comes from real differences
    — open requests, then assignments in the last 30 days — each with the reason that decided it;
    no two of them share a score."""
    east, _west = town
    recent_helper, busy, fresh = (make_worker(office, name, east, ["法律援助"], party=True)
                                  for name in ("常帮忙", "正忙", "新人"))
    done = hotline.log_request(request_data())           # closed since: counts as recent, not as load
    hotline.assign(done.id, [recent_helper.id])
    hotline.complete(done.id, 60, "已办结")
    for _ in range(2):
        other = hotline.log_request(request_data())
        hotline.assign(other.id, [busy.id])
    req = hotline.log_request(request_data())
    ranked = hotline.suggest_workers(req.id)
    assert [s.worker_id for s in ranked[:3]] == [fresh.id, recent_helper.id, busy.id]
    assert len({s.score for s in ranked[:3]}) == 3
    assert ranked[0].decided == "近30天分派少 1 次"
    assert ranked[1].decided == "当前待办少 2 件"
    assert "近30天分派 1 次" in ranked[1].reasons and "当前待办 2 件" in ranked[2].reasons


def test_ranking_prefers_fewer_open_assignments_and_party_members(office, town):
    east, _west = town
    busy = make_worker(office, "忙律师", east, ["法律援助"])
    idle = make_worker(office, "闲律师", east, ["法律援助"])
    for _ in range(3):
        other = hotline.log_request(request_data())
        hotline.assign(other.id, [busy.id], at=T0)
    req = hotline.log_request(request_data())
    ranked = hotline.suggest_workers(req.id)
    assert [s.worker_id for s in ranked[:2]] == [idle.id, busy.id]
    assert "当前待办 3 件" in ranked[1].reasons
    # a party member outranks a non-member with the same fit and load
    party = make_worker(office, "党员律师", east, ["法律援助"], party=True)
    assert hotline.suggest_workers(req.id)[0].worker_id == party.id
    # already assigned workers are not suggested again
    hotline.assign(req.id, [party.id], at=T0)
    assert party.id not in [s.worker_id for s in hotline.suggest_workers(req.id)]


def test_office_can_edit_specialty_mapping(office, town):
    east, _ = town
    counsellor = make_worker(office, "心理老师", east, ["心理疏导"])
    lawyer = make_worker(office, "律师", east, ["法律援助"])
    req = hotline.log_request(request_data())
    assert hotline.suggest_workers(req.id)[0].worker_id == lawyer.id
    hotline.save_specialty_map({"法律": ["心理疏导"]})
    assert hotline.specialty_map()["法律"] == ["心理疏导"]
    assert hotline.specialty_map()["医疗"] == list(vocab.HOTLINE_SPECIALTY_MAP["医疗"])
    assert hotline.suggest_workers(req.id)[0].worker_id == counsellor.id
    with pytest.raises(ValidationError):
        hotline.save_specialty_map({"住房": ["社区建设"]})


def test_full_flow_credits_hours_once_per_assigned_worker(office, town):
    east, _ = town
    a = make_worker(office, "甲", east, ["法律援助"])
    b = make_worker(office, "乙", east, ["法律援助"])
    req = hotline.log_request(request_data())
    hotline.assign(req.id, [a.id, b.id, a.id], at=T0 + dt.timedelta(hours=1))
    hotline.assign(req.id, [b.id], at=T0 + dt.timedelta(hours=2))  # re-adding is harmless
    detail = hotline.get_request(req.id)
    assert detail.status == "已分派" and detail.assigned_at == T0 + dt.timedelta(hours=1)
    assert sorted(w for w, _n in detail.workers) == sorted([a.id, b.id])
    done_at = T0 + dt.timedelta(hours=5)
    hotline.complete(req.id, 90, "上门调解，已达成协议", at=done_at)
    rows = list(ServiceHours.select().where(ServiceHours.source == "hotline_request"))
    assert sorted(r.worker_id for r in rows) == sorted([a.id, b.id])
    assert {(r.programme, r.minutes, r.date) for r in rows} == {("服务热线", 90, done_at.date())}
    hotline.follow_up(req.id, done_at.date() + dt.timedelta(days=1), "满意", "居民表示感谢")
    detail = hotline.get_request(req.id)
    assert detail.status == "已回访" and detail.satisfaction == "满意"
    assert detail.completed_at == done_at and detail.followed_up_at.date() == dt.date(2026, 10, 13)
    assert detail.version == 5
    actions = [json.loads(e.after).get("status") for e in AuditLog.select().where(
        AuditLog.table == "hotline_request").order_by(AuditLog.id)]
    assert actions == ["待分派", "已分派", "已分派", "已完成", "已回访"]
    assert [w.request_id for w in hotline.worker_assignments(a.id)] == [req.id]


def test_status_flow_refuses_illegal_steps(office, town):
    east, _ = town
    a = make_worker(office, "甲", east)
    left = make_worker(office, "乙", east, status="离队")
    req = hotline.log_request(request_data())
    with pytest.raises(UserError, match="尚未分派"):
        hotline.complete(req.id, 30)
    with pytest.raises(UserError, match="尚未完成，不能回访"):
        hotline.follow_up(req.id, T0.date(), "满意")
    with pytest.raises(ValidationError, match="离队"):
        hotline.assign(req.id, [left.id])
    hotline.assign(req.id, [a.id], at=T0)
    with pytest.raises(UserError, match="尚未完成，不能回访"):
        hotline.follow_up(req.id, T0.date(), "满意")
    hotline.complete(req.id, 30, at=T0 + dt.timedelta(hours=1))
    for step in (lambda: hotline.assign(req.id, [a.id]), lambda: hotline.refer(req.id, "转司法所"),
                 lambda: hotline.cancel(req.id, "重复来电"), lambda: hotline.complete(req.id, 10)):
        with pytest.raises(UserError):
            step()
    with pytest.raises(ValidationError):
        hotline.follow_up(req.id, T0.date(), "一般")
    hotline.follow_up(req.id, T0.date(), "基本满意")
    with pytest.raises(UserError, match="已经回访"):
        hotline.follow_up(req.id, T0.date(), "满意")
    assert HotlineRequest.get_by_id(req.id).status == "已回访"


def test_refer_and_cancel_close_open_requests_with_a_reason(office, town):
    first = hotline.log_request(request_data())
    second = hotline.log_request(request_data())
    with pytest.raises(ValidationError):
        hotline.refer(first.id, "  ")
    hotline.refer(first.id, "转区法律援助中心")
    hotline.cancel(second.id, "居民已自行解决")
    assert HotlineRequest.get_by_id(first.id).status == "已转介"
    closed = HotlineRequest.get_by_id(second.id)
    assert closed.status == "已撤销" and closed.closed_at and closed.closed_reason == "居民已自行解决"
    with pytest.raises(UserError, match="已撤销"):
        hotline.assign(second.id, [make_worker(office, "甲").id])


def test_stale_version_is_a_conflict(office, town):
    req = hotline.log_request(request_data())
    hotline.update_request(req.id, {"text": "改为咨询继承问题"}, version=1)
    with pytest.raises(ConflictError):
        hotline.cancel(req.id, "重复", version=1)
    assert HotlineRequest.get_by_id(req.id).status == "待分派"


def test_overdue_requests_and_reminders(office, town):
    a = make_worker(office, "甲")
    late = hotline.log_request(request_data(resident_name="陈阿姨"))
    done = hotline.log_request(request_data())
    hotline.assign(done.id, [a.id], at=T0)
    hotline.complete(done.id, 30, at=T0 + dt.timedelta(hours=1))
    urgent = hotline.log_request(request_data(urgency="紧急", received_at=T0 + dt.timedelta(hours=1)))
    at = T0 + dt.timedelta(hours=6)
    assert [r.id for r in hotline.overdue_requests(at)] == [urgent.id]
    at = T0 + dt.timedelta(days=3)
    assert [r.id for r in hotline.overdue_requests(at)] == [urgent.id, late.id]
    reminders = hotline.overdue_reminders(at)
    assert reminders[1]["record_id"] == late.id and "陈阿姨" in reminders[1]["title"]
    rows = hotline.list_requests(at=at)
    assert {r.id: r.overdue for r in rows} == {late.id: True, done.id: False, urgent.id: True}


def test_lists_mask_the_phone_and_filter(office, town):
    hotline.log_request(request_data())
    hotline.log_request(request_data(category="医疗", phone="0591-87654321"))
    rows = hotline.list_requests()
    assert {r.phone_masked for r in rows} == {"138****5678", "059*****4321"}
    assert [r.category for r in hotline.list_requests(category="医疗")] == ["医疗"]
    assert hotline.list_requests(start=dt.date(2026, 11, 1)) == []
    assert hotline.get_request(rows[0].id).phone in ("13812345678", "0591-87654321")
    assert privacy.mask_phone("13812345678") == "138****5678"


def test_read_only_operator_cannot_write(office, town):
    set_session(Session(role="只读"))
    with pytest.raises(UserError, match="没有修改数据的权限"):
        hotline.log_request(request_data())


def test_overdue_requests_reach_the_reminders_panel(office, town):
    from swdesk.services import reminders

    late = hotline.log_request(request_data(resident_name="陈阿姨"))
    items = [r for r in reminders.reminders(dt.date(2026, 10, 20)) if r.kind == "hotline"]
    assert [(r.record_id, r.since) for r in items] == [(late.id, dt.date(2026, 10, 14))]
    assert "陈阿姨" in items[0].title and "已超时6天" in items[0].detail
    assert [r for r in reminders.reminders(dt.date(2026, 10, 13)) if r.kind == "hotline"] == []


def test_unassign_and_counts_by_category(office, town):
    a, b = make_worker(office, "甲"), make_worker(office, "乙")
    req = hotline.log_request(request_data())
    hotline.assign(req.id, [a.id, b.id], at=T0)
    hotline.unassign(req.id, a.id)
    assert [w for w, _n in hotline.get_request(req.id).workers] == [b.id]
    hotline.unassign(req.id, b.id)
    detail = hotline.get_request(req.id)
    assert detail.status == "待分派" and detail.assigned_at is None and detail.workers == []
    hotline.log_request(request_data(category="医疗"))
    counts = hotline.counts_by_category(dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert counts["法律"] == {"待分派": 1} and counts["医疗"] == {"待分派": 1} and counts["生活"] == {}
