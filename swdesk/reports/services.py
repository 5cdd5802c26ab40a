"""服务开展, 服务热线 and 培训: what the programmes did in a period, counted in SQL.

Every figure is a count or a sum (never a rate) so that street figures add up to the district's;
rates are derived when shown (swdesk.reports.tables). Each service figure comes for 本季度,
本年累计 and 上年同期.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from peewee import JOIN, Case, fn

from swdesk import vocab
from swdesk.models import (
    ElderAssignment,
    ElderGroup,
    GroupMember,
    GroupVisit,
    GroupVisitElder,
    GroupVisitMember,
    HomeVisit,
    HomeVisitWorker,
    HotlineRequest,
    Household,
    MentoringPair,
    MentoringSession,
    ServiceHours,
    TrainingAttendance,
    TrainingCourse,
    Worker,
)
from swdesk.periods import Period
from swdesk.reports.structure import office_condition
from swdesk.reports.tables import OTHER_LABEL, SERIES_COLUMNS, Table, labelled_counts

SERVICES_SHEET = "服务开展"
HOTLINE_SHEET = "服务热线"
TRAINING_SHEET = "培训"

DONE_STATUSES = ("已完成", "已回访")
SATISFACTION_COLUMNS = (*vocab.SATISFACTIONS, "未评价")


def where_all(query, *conditions):
    """AND the conditions that are not None (the office scope is None for a district user)."""
    for condition in conditions:
        if condition is not None:
            query = query.where(condition)
    return query


def _scalar(query) -> Any:
    return query.scalar() or 0


def _between(field, start: _dt.date, end: _dt.date):
    return (field >= start) & (field <= end)


def _datetime_between(field, start: _dt.date, end: _dt.date):
    """A datetime column within the days start..end (inclusive), without a date() cast."""
    return (field >= _dt.datetime.combine(start, _dt.time.min)) & (
        field < _dt.datetime.combine(end + _dt.timedelta(days=1), _dt.time.min))


# --- 一对一帮教 -------------------------------------------------------------------------------------

def mentoring(start: _dt.date, end: _dt.date) -> dict[str, Any]:
    scope = office_condition(MentoringPair.office)
    pairs = MentoringPair.select(fn.COUNT(MentoringPair.id))
    ongoing = MentoringPair.start_date <= end
    not_ended = MentoringPair.ended_on.is_null() | (MentoringPair.ended_on >= start)
    ended = _between(MentoringPair.ended_on, start, end) & (MentoringPair.status != "进行中")
    sessions = where_all(MentoringSession.select(fn.COUNT(MentoringSession.id)).join(MentoringPair),
                      _between(MentoringSession.date, start, end), scope)
    return {
        "在帮结对数": _scalar(where_all(pairs, ongoing & not_ended, scope)),
        "新结对数": _scalar(where_all(pairs, _between(MentoringPair.start_date, start, end), scope)),
        "结束结对数": _scalar(where_all(pairs, ended, scope)),
        "帮教成功青少年数": _scalar(where_all(
            pairs, ended & (MentoringPair.status == "已结对完成")
            & (MentoringPair.positive_outcome == True), scope)),  # noqa: E712 (peewee expression)
        "帮教次数": _scalar(sessions),
    }


# --- 扶老助老 ---------------------------------------------------------------------------------------

def eldercare(start: _dt.date, end: _dt.date) -> dict[str, Any]:
    scope = office_condition(ElderGroup.office)
    in_period = _between(GroupVisit.date, start, end)
    visits = where_all(GroupVisit.select(fn.COUNT(GroupVisit.id), fn.COUNT(fn.DISTINCT(GroupVisit.group)))
                    .join(ElderGroup), in_period, scope)
    n_visits, n_groups = visits.tuples().first() or (0, 0)
    members = where_all(GroupMember.select(fn.COUNT(fn.DISTINCT(GroupMember.worker))).join(ElderGroup),
                     GroupMember.joined_on <= end,
                     GroupMember.left_on.is_null() | (GroupMember.left_on >= start), scope)
    elders = where_all(ElderAssignment.select(fn.COUNT(fn.DISTINCT(ElderAssignment.elder)))
                    .join(ElderGroup), ElderAssignment.start_date <= end,
                    ElderAssignment.end_date.is_null() | (ElderAssignment.end_date >= start), scope)
    present = where_all(GroupVisitMember.select(fn.COUNT(GroupVisitMember.worker))
                     .join(GroupVisit).join(ElderGroup), in_period, scope)
    seen = where_all(GroupVisitElder.select(fn.COUNT(GroupVisitElder.elder))
                  .join(GroupVisit).join(ElderGroup), in_period, scope)
    return {
        "开展探访小组数": int(n_groups or 0),
        "小组成员数": _scalar(members),
        "关爱老人数": _scalar(elders),
        "探访次数": int(n_visits or 0),
        "志愿者服务人次": _scalar(present),
        "探望老人人次": _scalar(seen),
    }


# --- 社区家庭病床 -----------------------------------------------------------------------------------

def homebed(start: _dt.date, end: _dt.date) -> dict[str, Any]:
    scope = office_condition(Household.office)
    in_period = _between(HomeVisit.date, start, end)
    visits = where_all(HomeVisit.select(fn.COUNT(HomeVisit.id), fn.COUNT(fn.DISTINCT(HomeVisit.household)),
                                     fn.COUNT(fn.DISTINCT(Household.community)))
                    .join(Household), in_period, scope)
    n_visits, n_households, n_communities = visits.tuples().first() or (0, 0, 0)
    present = where_all(HomeVisitWorker.select(fn.COUNT(HomeVisitWorker.worker))
                     .join(HomeVisit).join(Household), in_period, scope)
    return {
        "服务家庭户数": int(n_households or 0),
        "覆盖社区数": int(n_communities or 0),
        "上门服务次数": int(n_visits or 0),
        "上门服务人次": _scalar(present),
    }


# --- 服务热线 ---------------------------------------------------------------------------------------

def hotline_query(start: _dt.date, end: _dt.date, *columns):
    query = HotlineRequest.select(*columns)
    return where_all(query, _datetime_between(HotlineRequest.received_at, start, end),
                  office_condition(HotlineRequest.office))


def hotline(start: _dt.date, end: _dt.date) -> dict[str, Any]:
    total = _scalar(hotline_query(start, end, fn.COUNT(HotlineRequest.id)))
    done = _scalar(hotline_query(start, end, fn.COUNT(HotlineRequest.id))
                   .where(HotlineRequest.status.in_(DONE_STATUSES)))
    followed = _scalar(hotline_query(start, end, fn.COUNT(HotlineRequest.id))
                       .where(HotlineRequest.status == "已回访"))
    return {"受理求助数": total, "已办结数": done, "已回访数": followed}


def hotline_by(start: _dt.date, end: _dt.date, *columns) -> dict[tuple, int]:
    """{(value, value…): count} of requests received in the period, grouped by the columns."""
    query = hotline_query(start, end, *columns, fn.COUNT(HotlineRequest.id)).group_by(*columns)
    return {tuple(row[:-1]): int(row[-1]) for row in query.tuples()}


# --- 培训 -------------------------------------------------------------------------------------------

def _attendance_hours():
    return fn.COALESCE(TrainingAttendance.hours, TrainingCourse.hours)


def training(start: _dt.date, end: _dt.date) -> dict[str, Any]:
    scope = office_condition(TrainingCourse.office)
    in_period = _between(TrainingCourse.start_date, start, end)
    courses = _scalar(where_all(TrainingCourse.select(fn.COUNT(TrainingCourse.id)), in_period, scope))
    attendance = where_all(TrainingAttendance.select(
        fn.COUNT(TrainingAttendance.id), fn.COUNT(fn.DISTINCT(TrainingAttendance.worker)))
        .join(TrainingCourse), in_period, scope)
    times, people = attendance.tuples().first() or (0, 0)
    return {"培训班次": courses, "培训人次": int(times or 0), "参训人数": int(people or 0)}


def training_hours(start: _dt.date, end: _dt.date) -> float:
    """Person-hours of training: each attendance counts its own hours or else the course's."""
    scope = office_condition(TrainingCourse.office)
    query = where_all(TrainingAttendance.select(fn.SUM(_attendance_hours())).join(TrainingCourse),
                   _between(TrainingCourse.start_date, start, end), scope)
    return float(query.scalar() or 0)


# --- 服务时长 (the hours ledger) -------------------------------------------------------------------

def _ledger(start: _dt.date, end: _dt.date, *columns):
    """Ledger rows of the period; joined to Worker only when a street's scope needs it."""
    query = ServiceHours.select(*columns).where(_between(ServiceHours.date, start, end))
    scope = office_condition(Worker.office)
    return query if scope is None else query.join(Worker).where(scope)


def hours_by_programme(start: _dt.date, end: _dt.date) -> dict[str, float]:
    """Hours credited per programme (ServiceHours), unrounded so that street sums stay exact."""
    query = _ledger(start, end, ServiceHours.programme, fn.SUM(ServiceHours.minutes)).group_by(
        ServiceHours.programme).tuples()
    return {programme: int(minutes or 0) / 60 for programme, minutes in query}


def participation(start: _dt.date, end: _dt.date) -> dict[str, Any]:
    """Workers credited with service in the period, how many of them are party members, and the
    party members' hours: the ledger is first summed per worker, so only the (far fewer)
    workers are joined to their records."""
    per_worker = _ledger(start, end, ServiceHours.worker.alias("wid"),
                         fn.SUM(ServiceHours.minutes).alias("m")).group_by(ServiceHours.worker)
    party = Worker.political_status.in_(vocab.PARTY_MEMBER_STATUSES)
    query = (Worker.select(fn.COUNT(Worker.id), fn.SUM(Case(None, [(party, 1)], 0)),
                           fn.SUM(Case(None, [(party, per_worker.c.m)], 0)))
             .join(per_worker, on=(Worker.id == per_worker.c.wid)))
    people, members, minutes = query.tuples().first() or (0, 0, 0)
    return {"参与服务人数": int(people or 0), "其中：党员人数": int(members or 0),
            "党员服务时长（小时）": int(minutes or 0) / 60}


# --- tables -------------------------------------------------------------------------------------

def _three(period: Period) -> tuple[Period, Period, Period]:
    return period, period.year_to_date, period.same_last_year


def _series_table(key: str, sheet: str, title: str, label_header: str,
                  compute: Callable[[_dt.date, _dt.date], dict[str, Any]], period: Period,
                  decimals: int = 0, total_row: bool = False,
                  labels: tuple[str, ...] | None = None) -> Table:
    values = [compute(p.start, p.end) for p in _three(period)]
    order = list(labels) if labels is not None else list(values[0])
    for v in values:  # values outside the vocabulary (e.g. a programme added later) go last
        order += [k for k in v if k not in order]
    rows = [[label, *(v.get(label, 0) for v in values)] for label in order]
    return Table(key=key, sheet=sheet, title=title, label_header=label_header,
                 columns=list(SERIES_COLUMNS), rows=rows, kind="series", decimals=decimals,
                 total_row=total_row)


def service_tables(period: Period) -> list[Table]:
    """The 服务开展 sheet: one block per programme, then hours and party participation."""
    party = {(p.start, p.end): participation(p.start, p.end) for p in _three(period)}

    def party_counts(start, end):
        return {k: v for k, v in party[(start, end)].items() if "小时" not in k}

    def party_hours(start, end):
        return {"党员服务时长（小时）": party[(start, end)]["党员服务时长（小时）"]}

    return [
        _series_table("services.mentoring", SERVICES_SHEET, "一对一帮教", "项目", mentoring, period),
        _series_table("services.eldercare", SERVICES_SHEET, "扶老助老（牵手孤寡老人）", "项目",
                      eldercare, period),
        _series_table("services.homebed", SERVICES_SHEET, "社区家庭病床", "项目", homebed, period),
        _series_table("services.hotline", SERVICES_SHEET, "服务热线", "项目", hotline, period),
        _series_table("services.training", SERVICES_SHEET, "培训", "项目", training, period),
        _series_table("services.training_hours", SERVICES_SHEET, "培训学时（人·学时）", "项目",
                      lambda s, e: {"培训学时": training_hours(s, e)}, period, decimals=1),
        _series_table("services.hours", SERVICES_SHEET, "服务时长（小时）", "服务项目",
                      hours_by_programme, period, decimals=1, total_row=True,
                      labels=vocab.PROGRAMMES),
        _series_table("services.party", SERVICES_SHEET, "党员参与", "项目", party_counts, period),
        _series_table("services.party_hours", SERVICES_SHEET, "党员服务时长（小时）", "项目",
                      party_hours, period, decimals=1),
    ]


def _category_rows(counts: dict[tuple, int], columns: tuple[str, ...]) -> list[list[Any]]:
    """Rows by hotline category (vocabulary order, then 其他) with one count per column."""
    categories = list(vocab.HOTLINE_CATEGORIES)
    has_other = any(cat not in categories for cat, _ in counts)
    rows = []
    for cat in categories + ([OTHER_LABEL] if has_other else []):
        row = [cat]
        for col in columns:
            if cat == OTHER_LABEL:
                row.append(sum(n for (c, v), n in counts.items() if c not in categories and v == col))
            else:
                row.append(counts.get((cat, col), 0))
        rows.append(row)
    return rows


def hotline_tables(period: Period) -> list[Table]:
    by_status = hotline_by(period.start, period.end, HotlineRequest.category, HotlineRequest.status)
    # Satisfaction of the requests done (完成 or 回访) among those received: no rating = 未评价.
    rated = hotline_query(period.start, period.end, HotlineRequest.category,
                          HotlineRequest.satisfaction, fn.COUNT(HotlineRequest.id)).where(
        HotlineRequest.status.in_(DONE_STATUSES)).group_by(
        HotlineRequest.category, HotlineRequest.satisfaction)
    satisfaction: dict[tuple, int] = {}
    for cat, value, n in rated.tuples():
        key = (cat, value if value in vocab.SATISFACTIONS else "未评价")
        satisfaction[key] = satisfaction.get(key, 0) + int(n)

    def by_category(start, end):
        counts = hotline_by(start, end, HotlineRequest.category)
        return {label: n for label, n in labelled_counts(
            vocab.HOTLINE_CATEGORIES, {k[0]: v for k, v in counts.items()})}

    return [
        Table(key="hotline.status", sheet=HOTLINE_SHEET, title="本季度求助：类别 × 办理状态",
              label_header="类别", columns=list(vocab.HOTLINE_STATUSES),
              rows=_category_rows(by_status, vocab.HOTLINE_STATUSES), kind="matrix"),
        Table(key="hotline.satisfaction", sheet=HOTLINE_SHEET, title="本季度办结求助的满意度",
              label_header="类别", columns=list(SATISFACTION_COLUMNS),
              rows=_category_rows(satisfaction, SATISFACTION_COLUMNS), kind="satisfaction",
              note="满意率 =（满意 + 基本满意）÷ 已评价数"),
        _series_table("hotline.trend", HOTLINE_SHEET, "求助数：本季度、本年累计与上年同期", "类别",
                      by_category, period, total_row=True, labels=vocab.HOTLINE_CATEGORIES),
    ]


def training_tables(period: Period) -> list[Table]:
    scope = office_condition(TrainingCourse.office)
    in_period = _between(TrainingCourse.start_date, period.start, period.end)
    courses = dict(where_all(TrainingCourse.select(TrainingCourse.topic, fn.COUNT(TrainingCourse.id)),
                          in_period, scope).group_by(TrainingCourse.topic).tuples())
    attendance = {topic: (n, h) for topic, n, h in where_all(
        TrainingCourse.select(TrainingCourse.topic, fn.COUNT(TrainingAttendance.id),
                              fn.SUM(_attendance_hours()))
        .join(TrainingAttendance, JOIN.INNER), in_period, scope)
        .group_by(TrainingCourse.topic).tuples()}
    topics = list(vocab.TRAINING_TOPICS)
    rows = []
    other = [OTHER_LABEL, 0, 0, 0.0]
    for topic in set(courses) | set(attendance) | set(topics):
        n, h = attendance.get(topic, (0, 0))
        values = [int(courses.get(topic, 0)), int(n or 0), float(h or 0)]
        if topic in topics:
            rows.append([topic, *values])
        else:
            other = [OTHER_LABEL, *(a + b for a, b in zip(other[1:], values, strict=True))]
    rows.sort(key=lambda r: topics.index(r[0]))
    if any(other[1:]):
        rows.append(other)
    return [
        Table(key="training.topic", sheet=TRAINING_SHEET, title="本季度培训：按主题",
              label_header="培训主题", columns=["班次", "人次", "人·学时"], rows=rows,
              kind="plain", decimals=[0, 0, 1]),
        _series_table("training.summary", TRAINING_SHEET, "培训：本季度、本年累计与上年同期", "项目",
                      training, period),
    ]
