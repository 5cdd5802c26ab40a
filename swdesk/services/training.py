"""培训: training courses and who attended them (person-times 人次 and hours per worker/quarter).

Attendance is one row per worker per course (a unique index), so re-adding a worker is ignored
and a person-time is never counted twice.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from peewee import JOIN, fn

from swdesk import vocab
from swdesk.models import Community, TrainingAttendance, TrainingCourse, Worker
from swdesk.services import versions, workers
from swdesk.services.base import (
    UserError,
    ValidationError,
    audit,
    default_office,
    scoped,
    snapshot,
    writes,
)
from swdesk.services.fieldcheck import Checker

TOPIC_LIST = "training_topic"
COURSE_FIELDS = ("title", "start_date", "hours", "lecturer", "place", "topic", "notes", "continuing_education")
COURSE_LABELS = {"title": "课程名称", "start_date": "培训日期", "hours": "学时", "lecturer": "主讲人",
                 "place": "地点", "topic": "主题", "notes": "备注", "continuing_education": "继续教育"}

# Separators of a pasted attendance list: new lines, Chinese/English commas and semicolons,
# the enumeration comma, tabs and spaces (names pasted from a spreadsheet row).
_PASTE_SPLIT = re.compile(r"[\r\n、，,；;\t ]+")
# A list number at the start of a line ("1." "12、" "3)") and a bare 序号 cell ("7") are not names.
_LIST_NUMBER = re.compile(r"^\s*\d{1,3}\s*[.．、)）]\s*")
_SERIAL = re.compile(r"^\d{1,3}$")


def topics() -> list[str]:
    """The course topics: the built-in ones, then those the office added (editable list)."""
    from swdesk.services import vocabulary

    return vocabulary.items(TOPIC_LIST)


# --- courses -------------------------------------------------------------------------------------

def _validate_course(data: dict[str, Any]) -> dict[str, Any]:
    c = Checker(data)
    clean = {
        "title": c.text("title", required=True, max_len=100, missing="请填写课程名称"),
        "start_date": c.date("start_date", not_after=None),
        "hours": c.number("hours", 0, 500, message="学时应为大于0、不超过500的数"),
        "lecturer": c.text("lecturer", max_len=50),
        "place": c.text("place", max_len=100),
        "topic": c.choice("topic", topics(), required=False),
        "notes": c.text("notes", max_len=10000),
        # 继续教育: attendance counts toward 职业水平 registration (swdesk/services/education.py)
        "continuing_education": bool(data.get("continuing_education", False)),
    }
    c.raise_if_any()
    return clean


def _get_course(course_id: int) -> TrainingCourse:
    course = scoped(TrainingCourse.select(), TrainingCourse).where(TrainingCourse.id == course_id).first()
    if course is None:
        raise UserError(f"培训课程 {course_id} 不存在或已删除")
    return course


@writes("training_course")
def create_course(data: dict[str, Any]) -> TrainingCourse:
    clean = _validate_course(data)
    course = TrainingCourse.create(office=default_office(), **clean)
    audit("create", course, after=snapshot(course), summary=f"新建培训课程 {course.title}")
    return course


@writes("training_course")
def update_course(course_id: int, data: dict[str, Any], version: int | None = None) -> TrainingCourse:
    course = _get_course(course_id)
    versions.require(course, version, "培训课程", COURSE_LABELS)
    merged = {k: getattr(course, k) for k in COURSE_FIELDS}
    merged.update({k: v for k, v in data.items() if k in COURSE_FIELDS})
    clean = _validate_course(merged)
    before = snapshot(course)
    versions.save(course, clean, version, "培训课程", COURSE_LABELS)
    audit("update", course, before=before, after=snapshot(course), summary=f"修改培训课程 {course.title}")
    return course


@writes("training_course")
def delete_course(course_id: int, version: int | None = None) -> None:
    """Delete a course with its attendance list."""
    course = _get_course(course_id)
    versions.require(course, version, "培训课程", COURSE_LABELS)
    before = snapshot(course)
    before["attendance"] = [a.worker_id for a in course.attendance]
    TrainingAttendance.delete().where(TrainingAttendance.course == course.id).execute()
    course.delete_instance()
    audit("delete", table="training_course", record_id=course_id, before=before,
          summary=f"删除培训课程 {before['title']}（{len(before['attendance'])} 人次）")


@dataclass
class CourseRow:
    id: int
    office_id: int
    version: int
    title: str
    start_date: _dt.date
    hours: float
    lecturer: str
    place: str
    topic: str
    notes: str
    attendees: int
    continuing_education: bool = False

    @property
    def person_hours(self) -> float:
        return self.hours * self.attendees


def list_courses(start: _dt.date | None = None, end: _dt.date | None = None,
                 search: str = "") -> list[CourseRow]:
    """Courses between start and end (inclusive), newest first, with their attendance count."""
    counts = (TrainingAttendance.select(TrainingAttendance.course.alias("cid"),
                                        fn.COUNT(TrainingAttendance.id).alias("n"))
              .group_by(TrainingAttendance.course).alias("counts"))
    query = (TrainingCourse.select(TrainingCourse, fn.COALESCE(counts.c.n, 0).alias("attendees"))
             .join(counts, JOIN.LEFT_OUTER, on=(counts.c.cid == TrainingCourse.id)))
    query = scoped(query, TrainingCourse)
    if start:
        query = query.where(TrainingCourse.start_date >= start)
    if end:
        query = query.where(TrainingCourse.start_date <= end)
    text = (search or "").strip()
    if text:
        query = query.where(TrainingCourse.title.contains(text) | TrainingCourse.lecturer.contains(text)
                            | TrainingCourse.topic.contains(text))
    query = query.order_by(TrainingCourse.start_date.desc(), TrainingCourse.id.desc())
    return [_course_row(c, int(c.attendees)) for c in query]


def _course_row(c: TrainingCourse, attendees: int) -> CourseRow:
    return CourseRow(id=c.id, office_id=c.office_id, version=c.version, title=c.title,
                     start_date=c.start_date, hours=c.hours, lecturer=c.lecturer, place=c.place,
                     topic=c.topic, notes=c.notes, attendees=attendees,
                     continuing_education=bool(c.continuing_education))


def get_course(course_id: int) -> CourseRow:
    course = _get_course(course_id)
    n = TrainingAttendance.select().where(TrainingAttendance.course == course.id).count()
    return _course_row(course, n)


# --- attendance ------------------------------------------------------------------------------------

@dataclass
class AttendeeRow:
    worker_id: int
    name: str
    card_no: str
    sector: str
    community: str
    status: str
    hours: float


def course_attendance(course_id: int) -> list[AttendeeRow]:
    course = _get_course(course_id)
    rows = (TrainingAttendance.select(TrainingAttendance.hours, Worker.id, Worker.name, Worker.card_no,
                                      Worker.sector, Worker.status, Community.name.alias("cname"))
            .join(Worker)
            .join(Community, JOIN.LEFT_OUTER, on=(Worker.community == Community.id))
            .where(TrainingAttendance.course == course.id)
            .order_by(Worker.name_pinyin, Worker.name, Worker.id).dicts())
    return [AttendeeRow(worker_id=r["id"], name=r["name"], card_no=r["card_no"] or "",
                        sector=r["sector"], community=r["cname"] or "", status=r["status"],
                        hours=r["hours"] if r["hours"] is not None else course.hours) for r in rows]


def _office_workers(worker_ids: list[int], office_id: int) -> dict[int, Worker]:
    found: dict[int, Worker] = {}
    for start in range(0, len(worker_ids), 500):
        chunk = worker_ids[start:start + 500]
        for w in Worker.select(Worker.id, Worker.name, Worker.office).where(
                Worker.id.in_(chunk) & (Worker.office == office_id)):
            found[w.id] = w
    return found


@writes("training_attendance")
def add_attendance(course_id: int, worker_ids: Iterable[int]) -> int:
    """Add workers to a course's attendance; those already there are ignored. Returns how many
    were added."""
    course = _get_course(course_id)
    ids = list(dict.fromkeys(int(w) for w in worker_ids))
    found = _office_workers(ids, course.office_id)
    missing = [str(w) for w in ids if w not in found]
    if missing:
        raise ValidationError({"workers": "以下人员不存在：" + "、".join(missing[:20])})
    present = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        present |= {a.worker_id for a in TrainingAttendance.select(TrainingAttendance.worker).where(
            (TrainingAttendance.course == course.id) & TrainingAttendance.worker.in_(chunk))}
    new_ids = [w for w in ids if w not in present]
    for start in range(0, len(new_ids), 500):
        TrainingAttendance.insert_many(
            [{"course": course.id, "worker": w} for w in new_ids[start:start + 500]]).execute()
    if new_ids:
        names = "、".join(found[w].name for w in new_ids[:10]) + ("等" if len(new_ids) > 10 else "")
        audit("create", table="training_attendance", record_id=course.id,
              after={"course": course.id, "workers": new_ids},
              summary=f"培训签到 {course.title}：{names}（{len(new_ids)} 人）")
    return len(new_ids)


@writes("training_attendance")
def remove_attendance(course_id: int, worker_ids: Iterable[int]) -> int:
    """Take workers off a course's attendance. Returns how many were removed."""
    course = _get_course(course_id)
    ids = list(dict.fromkeys(int(w) for w in worker_ids))
    removed = 0
    for start in range(0, len(ids), 500):
        removed += (TrainingAttendance.delete()
                    .where((TrainingAttendance.course == course.id)
                           & TrainingAttendance.worker.in_(ids[start:start + 500])).execute())
    if removed:
        audit("delete", table="training_attendance", record_id=course.id,
              before={"course": course.id, "workers": ids},
              summary=f"移除培训签到 {course.title}：{removed} 人")
    return removed


@dataclass
class Unmatched:
    """A pasted entry that found no single worker: reason 未找到 or 重名 (candidates listed)."""

    entry: str
    reason: str
    candidates: list[tuple[int, str]]

    def describe(self) -> str:
        if self.reason == "重名":
            who = "；".join(text for _id, text in self.candidates)
            return f"{self.entry}：有 {len(self.candidates)} 人同名（{who}），请选择是哪一位"
        return f"{self.entry}：未找到此人"


def split_pasted(text: str) -> list[str]:
    """The entries of a pasted list, in order, without blanks, list numbers or repeats."""
    entries: list[str] = []
    for line in (text or "").splitlines():
        for part in _PASTE_SPLIT.split(_LIST_NUMBER.sub("", line)):
            part = part.strip()
            if part and not _SERIAL.match(part) and part not in entries:
                entries.append(part)
    return entries


def attendance_from_pasted_text(course_id: int, text: str) -> tuple[list[int], list[Unmatched]]:
    """Match a pasted list of names or card numbers to workers of the course's office.

    Returns (matched worker ids in the list's order, entries not matched: unknown or ambiguous).
    A name shared by several workers is never guessed (not even the one still 在册): it is reported
    as 重名 with the candidates told apart (community, birth date, masked ID, card number, status)
    for the clerk to pick.
    """
    course = _get_course(course_id)
    entries = split_pasted(text)
    by_card, by_name = workers_for_entries(entries, course.office_id)
    matched: list[int] = []
    problems: list[Unmatched] = []
    for entry in entries:
        worker_id = by_card.get(entry.upper())
        if worker_id is None:
            candidates = by_name.get(entry, [])
            if len(candidates) > 1:
                problems.append(Unmatched(entry, "重名", [(w.id, _candidate_line(w)) for w in candidates]))
                continue
            if not candidates:
                problems.append(Unmatched(entry, "未找到", []))
                continue
            worker_id = candidates[0].id
        if worker_id not in matched:
            matched.append(worker_id)
    return matched, problems


# Entries per query: `name IN (…) OR card_no IN (…)` binds at most 3 × 300 + 1 parameters, under
# SQLite's old 999-variable limit. 300 entries on 100,000 workers: 9.7 ms CPU (917 rows read),
# 2.8× a raw sqlite3 lookup over a temp table (bench/paste_lookup.py, load 3.4).
PASTE_CHUNK = 300


def workers_for_entries(entries: list[str], office_id: int) -> tuple[dict[str, int], dict[str, list[Worker]]]:
    """({card number upper-cased: worker id}, {name: workers, oldest first}) for pasted entries:
    bounded set lookups on the indexed name and card columns, PASTE_CHUNK entries at a time."""
    by_card: dict[str, int] = {}
    by_name: dict[str, list[Worker]] = {}
    for start in range(0, len(entries), PASTE_CHUNK):
        chunk = entries[start:start + PASTE_CHUNK]
        cards = list(dict.fromkeys(chunk + [e.upper() for e in chunk]))
        query = (Worker.select(Worker.id, Worker.name, Worker.card_no, Worker.status, Worker.id_number,
                               Worker.birth_date, Community.name.alias("community_name"))
                 .join(Community, JOIN.LEFT_OUTER, on=(Worker.community == Community.id))
                 .where((Worker.office == office_id) & (Worker.name.in_(chunk) | Worker.card_no.in_(cards)))
                 .order_by(Worker.id))
        for w in query.objects():
            if w.card_no:
                by_card[w.card_no.upper()] = w.id
            by_name.setdefault(w.name, []).append(w)
    return by_card, by_name


def _candidate_line(worker: Worker) -> str:
    line = workers.person_line(worker, worker.community_name)
    return line if worker.status == vocab.STATUS_ACTIVE else f"{line}（{worker.status}）"


@dataclass
class WorkerHit:
    id: int
    name: str
    card_no: str
    sector: str
    employer: str
    community: str
    status: str


def find_workers(text: str, limit: int = 50, active_only: bool = False,
                 office_id: int | None = None) -> list[WorkerHit]:
    """Workers whose name, pinyin, initials or card number starts with `text` (for the add dialog),
    of one office when `office_id` is given (a course's attendees come from its own office)."""
    text = (text or "").strip()
    if not text:
        return []
    lower = text.lower()
    query = (Worker.select(Worker.id, Worker.name, Worker.card_no, Worker.sector, Worker.employer,
                           Worker.status, Community.name.alias("cname"))
             .join(Community, JOIN.LEFT_OUTER, on=(Worker.community == Community.id))
             .where(Worker.name.startswith(text) | Worker.name_pinyin.startswith(lower)
                    | Worker.name_initials.startswith(lower) | Worker.card_no.startswith(text.upper())))
    query = scoped(query, Worker)
    if office_id is not None:
        query = query.where(Worker.office == office_id)
    if active_only:
        query = query.where(Worker.status == vocab.STATUS_ACTIVE)
    query = query.order_by(Worker.name_pinyin, Worker.id).limit(limit).dicts()
    return [WorkerHit(id=r["id"], name=r["name"], card_no=r["card_no"] or "", sector=r["sector"],
                      employer=r["employer"], community=r["cname"] or "", status=r["status"])
            for r in query]


# --- summaries --------------------------------------------------------------------------------------

def _hours_expr():
    return fn.COALESCE(TrainingAttendance.hours, TrainingCourse.hours)


@dataclass
class WorkerTrainingSummary:
    worker_id: int
    name: str
    card_no: str
    person_times: int
    hours: float


def summary_by_worker(start: _dt.date | None = None, end: _dt.date | None = None) -> list[WorkerTrainingSummary]:
    """Person-times and hours per worker for courses between start and end, most first."""
    n = fn.COUNT(TrainingAttendance.id)
    h = fn.SUM(_hours_expr())
    query = (TrainingAttendance.select(Worker.id, Worker.name, Worker.card_no, n.alias("n"), h.alias("h"))
             .join(TrainingCourse).switch(TrainingAttendance).join(Worker))
    query = scoped(query, TrainingCourse)
    if start:
        query = query.where(TrainingCourse.start_date >= start)
    if end:
        query = query.where(TrainingCourse.start_date <= end)
    query = query.group_by(Worker.id, Worker.name, Worker.card_no).order_by(n.desc(), h.desc(), Worker.id)
    return [WorkerTrainingSummary(worker_id=r["id"], name=r["name"], card_no=r["card_no"] or "",
                                  person_times=int(r["n"]), hours=float(r["h"] or 0))
            for r in query.dicts()]


@dataclass
class QuarterSummary:
    quarter: str        # 2026Q4
    courses: int
    person_times: int
    workers: int        # distinct workers trained
    hours: float        # person-hours (学时 × 人次)


def summary_by_quarter(start: _dt.date | None = None, end: _dt.date | None = None) -> list[QuarterSummary]:
    """Courses, person-times, distinct workers and person-hours per quarter, oldest first."""
    query = (TrainingCourse.select(TrainingCourse.id, TrainingCourse.start_date, TrainingCourse.hours,
                                   TrainingAttendance.worker, TrainingAttendance.hours.alias("own_hours"))
             .join(TrainingAttendance, JOIN.LEFT_OUTER))
    query = scoped(query, TrainingCourse)
    if start:
        query = query.where(TrainingCourse.start_date >= start)
    if end:
        query = query.where(TrainingCourse.start_date <= end)
    acc: dict[str, dict[str, Any]] = {}
    for course_id, day, course_hours, worker_id, own_hours in query.tuples():
        key = f"{day.year}Q{(day.month - 1) // 3 + 1}"
        q = acc.setdefault(key, {"courses": set(), "n": 0, "workers": set(), "hours": 0.0})
        q["courses"].add(course_id)
        if worker_id is not None:
            q["n"] += 1
            q["workers"].add(worker_id)
            q["hours"] += own_hours if own_hours is not None else course_hours
    return [QuarterSummary(quarter=k, courses=len(v["courses"]), person_times=v["n"],
                           workers=len(v["workers"]), hours=round(v["hours"], 1))
            for k, v in sorted(acc.items())]


def totals(start: _dt.date | None = None, end: _dt.date | None = None) -> dict[str, float]:
    """{'courses', 'person_times', 'hours'} between start and end (for the quarterly workbook)."""
    rows = summary_by_quarter(start, end)
    return {"courses": sum(r.courses for r in rows), "person_times": sum(r.person_times for r in rows),
            "hours": round(sum(r.hours for r in rows), 1)}


@dataclass
class WorkerTraining:
    course_id: int
    title: str
    start_date: _dt.date
    topic: str
    lecturer: str
    hours: float


def worker_trainings(worker_id: int) -> list[WorkerTraining]:
    """The courses a worker attended, newest first (the worker's page)."""
    rows = (TrainingAttendance.select(TrainingCourse.id, TrainingCourse.title, TrainingCourse.start_date,
                                      TrainingCourse.topic, TrainingCourse.lecturer,
                                      _hours_expr().alias("h"))
            .join(TrainingCourse)
            .where(TrainingAttendance.worker == worker_id)
            .order_by(TrainingCourse.start_date.desc(), TrainingCourse.id.desc()).dicts())
    return [WorkerTraining(course_id=r["id"], title=r["title"], start_date=r["start_date"],
                           topic=r["topic"], lecturer=r["lecturer"], hours=float(r["h"]))
            for r in rows]


@dataclass
class AttendanceLine:
    course_id: int
    start_date: _dt.date
    title: str
    topic: str
    lecturer: str
    place: str
    hours: float
    worker_id: int
    name: str
    card_no: str
    sector: str
    employer: str
    community: str


def attendance_lines(start: _dt.date, end: _dt.date) -> list[AttendanceLine]:
    """One line per person-time of the courses between start and end (the sign-in sheet)."""
    query = (TrainingAttendance.select(
                TrainingCourse.id.alias("cid"), TrainingCourse.start_date, TrainingCourse.title,
                TrainingCourse.topic, TrainingCourse.lecturer, TrainingCourse.place,
                _hours_expr().alias("h"), Worker.id.alias("wid"), Worker.name, Worker.card_no,
                Worker.sector, Worker.employer, Community.name.alias("cname"))
             .join(TrainingCourse).switch(TrainingAttendance).join(Worker)
             .join(Community, JOIN.LEFT_OUTER, on=(Worker.community == Community.id))
             .where((TrainingCourse.start_date >= start) & (TrainingCourse.start_date <= end)))
    query = scoped(query, TrainingCourse).order_by(
        TrainingCourse.start_date, TrainingCourse.id, Worker.name_pinyin, Worker.id)
    return [AttendanceLine(course_id=r["cid"], start_date=r["start_date"], title=r["title"],
                           topic=r["topic"], lecturer=r["lecturer"], place=r["place"],
                           hours=float(r["h"]), worker_id=r["wid"], name=r["name"],
                           card_no=r["card_no"] or "", sector=r["sector"], employer=r["employer"],
                           community=r["cname"] or "") for r in query.dicts()]
