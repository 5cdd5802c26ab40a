"""Read side of the 人才队伍 roster: search, filters, sorting, counts and pages, all in SQL.

The window's table never loads the whole roster: it asks for `count(view)` once and then for
pages of ~200 rows with `page(view, offset, limit)`; export takes `worker_query(view)`.

Search text is split on blanks; every part must match (AND). A part is read as
- 4+ digits (a trailing X allowed): contained in the ID number, the phone or the card number;
- 1-3 digits: the start of the phone or the card number;
- Latin letters: the start of the name's pinyin ("zhangs") or of its initials ("zs");
- letters and digits together: part of the card number (an office's own format, "SG2026…");
- anything else (Chinese): the start of the name, or for 2+ characters anywhere in the name.
Prefix matches are written as ranges on indexed columns on SQLite (LIKE 'x%' would not use the
index there) and as LIKE on PostgreSQL, so the same code runs on both.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from peewee import JOIN, SQL, NodeList, fn

from swdesk import db, vocab
from swdesk.models import Community, Worker, WorkerSpecialty
from swdesk.services.base import scoped

# (key, header) of the roster table, in display order.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("card_no", "服务证号"),
    ("name", "姓名"),
    ("gender", "性别"),
    ("age", "年龄"),
    ("sector", "所属领域"),
    ("education", "学历"),
    ("title", "职称"),
    ("specialties", "专业特长"),
    ("kind", "人员类别"),
    ("community", "所属社区"),
    ("phone", "手机号码"),
    ("status", "状态"),
)
COLUMN_KEYS = tuple(key for key, _ in COLUMNS)

# (key, label) of the filter combo boxes, in display order.
FILTERS: tuple[tuple[str, str], ...] = (
    ("sector", "所属领域"),
    ("community", "所属社区"),
    ("specialty", "专业特长"),
    ("education", "学历"),
    ("title", "职称"),
    ("kind", "人员类别"),
    ("political_status", "政治面貌"),
    ("status", "状态"),
    ("age_band", "年龄段"),
)
FILTER_KEYS = tuple(key for key, _ in FILTERS)

# Columns compared with "=" when used as a filter.
_EQUALITY_FILTERS = {
    "sector": Worker.sector,
    "education": Worker.education,
    "title": Worker.title,
    "kind": Worker.kind,
    "political_status": Worker.political_status,
    "status": Worker.status,
}

# Greater than any UTF-8 string that starts with the prefix (U+10FFFF is the last code point),
# so "x <= col < x + _TOP" is "col starts with x", also for rare characters outside the BMP.
_TOP = "\U0010ffff"

_DIGITS_RE = re.compile(r"^\d+[xX]?$")
_LATIN_RE = re.compile(r"^[A-Za-z]+$")
_CODE_RE = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9\-/]+$")

# Below this share of all workers, a filtered page is sorted in memory instead of walking the
# sort column's index (which would read most of the index to find a few matches).
_SELECTIVE_SHARE = 0.2


@dataclass
class View:
    """What the clerk is looking at: search text, filters, sort column and direction."""

    text: str = ""
    filters: dict[str, Any] = field(default_factory=dict)
    sort: str = ""                 # a key of COLUMNS; "" = order of registration
    descending: bool = False
    on: _dt.date | None = None     # the day ages and age bands refer to (today if None)

    def today(self) -> _dt.date:
        return self.on or _dt.date.today()

    def active_filters(self) -> dict[str, Any]:
        return {k: v for k, v in self.filters.items() if v not in (None, "")}

    def is_plain(self) -> bool:
        return not self.text.strip() and not self.active_filters()


class RosterRow(NamedTuple):
    id: int
    card_no: str
    name: str
    gender: str
    birth_date: _dt.date | None
    sector: str
    education: str
    title: str
    specialties: str
    kind: str
    community: str
    phone: str
    status: str

    def age(self, on: _dt.date | None = None) -> int | None:
        if self.birth_date is None:
            return None
        return vocab.age_at(self.birth_date, on or _dt.date.today())

    def display(self, key: str, on: _dt.date | None = None) -> str:
        """The text shown in the table for column `key`."""
        if key == "age":
            age = self.age(on)
            return "" if age is None else str(age)
        value = getattr(self, key)
        return "" if value is None else str(value)


# --- conditions ------------------------------------------------------------------------------
# Two ways to answer a view, chosen per query from the counts (SQLite only; PostgreSQL plans from
# its own statistics):
# - "find": the conditions' indexes find the matching rows, which are then sorted — best when few
#   rows match;
# - "walk": read rows in the order shown (rowid or the sort column's index), test the conditions
#   on each and stop after the page — best when many match (a surname, one pinyin letter).
# A unary + on a column ("+name") keeps SQLite from using that column's index.

def _plain(column, unindexed: bool):
    return NodeList((SQL("+"), column), glue="") if unindexed and db.is_sqlite() else column


def _starts_with(column, text: str, unindexed: bool = False):
    if db.is_sqlite():
        column = _plain(column, unindexed)
        return (column >= text) & (column < text + _TOP)
    return column.startswith(text)


def _contains(column, text: str):
    if db.is_sqlite():
        return fn.instr(column, text) > 0   # faster than LIKE … ESCAPE for a full scan
    return column.contains(text)


def _token_condition(token: str, unindexed: bool = False):
    """The WHERE condition for one search word (see the module docstring)."""
    row_id = _plain(Worker.id, unindexed)
    if _DIGITS_RE.match(token):
        token = token.upper()
        if len(token) >= 4:
            if db.has_trigram_index("worker"):
                # FTS5 trigram index over ID number, phone and card number (see swdesk/db.py).
                index = db.trigram_table("worker")
                return row_id.in_(SQL(f"(SELECT rowid FROM {index} WHERE {index} MATCH ?)",
                                      [f'"{token}"']))
            return (_contains(Worker.id_number, token) | _contains(Worker.phone, token)
                    | _contains(Worker.card_no, token))
        return (_starts_with(Worker.phone, token, unindexed)
                | _starts_with(Worker.card_no, token, unindexed))
    if _CODE_RE.match(token):
        # Letters and digits together: a card number in an office's own format ("SG2026…").
        if len(token) >= 3 and db.has_trigram_index("worker"):
            index = db.trigram_table("worker")
            return row_id.in_(SQL(f"(SELECT rowid FROM {index} WHERE {index} MATCH ?)",
                                  [f'card_no : "{token}"']))
        return _contains(Worker.card_no, token)
    if _LATIN_RE.match(token):
        token = token.lower()
        if len(token) == 1:
            # One letter: the pinyin and the initials start with the same letter, so one index
            # range answers it (an OR of two ranges would make SQLite merge both row sets).
            return _starts_with(Worker.name_initials, token, unindexed)
        return (_starts_with(Worker.name_pinyin, token, unindexed)
                | _starts_with(Worker.name_initials, token, unindexed))
    if len(token) >= 2:
        if db.is_sqlite():
            # Scan the narrow name index (name, rowid) rather than the wide table rows.
            inner = Worker.alias()
            return row_id.in_(inner.select(inner.id).where(fn.instr(inner.name, token) > 0))
        return Worker.name.contains(token)
    return _starts_with(Worker.name, token, unindexed)


def search_condition(text: str, unindexed: bool = False):
    """The condition for the whole search text, or None for an empty search."""
    condition = None
    for token in (text or "").split():
        part = _token_condition(token, unindexed)
        condition = part if condition is None else condition & part
    return condition


def filter_conditions(filters: dict[str, Any], on: _dt.date, narrowed: bool = False) -> list:
    """Conditions for the filters. `narrowed`: something else (a search, or walking the order)
    picks the rows, so the filters are tested per row rather than used as indexes; a specialty
    is then checked with EXISTS instead of listing all its holders (IN)."""
    conditions = []

    def column(field):
        return _plain(field, narrowed)

    for key, value in filters.items():
        if value in (None, ""):
            continue
        if key in _EQUALITY_FILTERS:
            conditions.append(column(_EQUALITY_FILTERS[key]) == value)
        elif key == "community":
            conditions.append(column(Worker.community) == int(value))
        elif key == "specialty":
            holders = WorkerSpecialty.select(WorkerSpecialty.worker).where(WorkerSpecialty.specialty == value)
            if narrowed:
                conditions.append(fn.EXISTS(holders.where(WorkerSpecialty.worker == Worker.id)))
            else:
                conditions.append(Worker.id.in_(holders))
        elif key == "age_band":
            earliest, latest = vocab.age_band_birth_range(value, on)
            if earliest is not None:
                conditions.append(column(Worker.birth_date) >= earliest)
            if latest is not None:
                conditions.append(column(Worker.birth_date) <= latest)
        else:
            raise ValueError(f"unknown roster filter {key!r}")
    return conditions


def _where(query, view: View, walk: bool = False):
    query = scoped(query, Worker)
    searched = search_condition(view.text, unindexed=walk)
    if searched is not None:
        query = query.where(searched)
    narrowed = walk or searched is not None
    for condition in filter_conditions(view.active_filters(), view.today(), narrowed=narrowed):
        query = query.where(condition)
    return query


# --- sorting ---------------------------------------------------------------------------------

def _sort_expression(key: str):
    if key == "name":
        return Worker.name_pinyin      # 姓名 in pinyin order, as a clerk's paper list
    if key == "age":
        return Worker.birth_date       # flipped below: older = larger age
    if key == "community":
        return Worker.community       # communities in the order they were set up (indexed)
    if key in COLUMN_KEYS:
        return getattr(Worker, key)
    return None


# Sort keys with an index to walk ("" = registration order, the rowid).
_WALKABLE_SORTS = {"", "card_no", "name", "age", "sector", "community", "phone", "status"}


def _walk(view: View, offset: int, limit: int, matched: int | None, everyone: int | None) -> bool:
    """Walk the order (True) or find-then-sort (False)? Walking reads about
    (offset + limit) × everyone / matched rows; finding reads the matched rows, at random."""
    if view.sort not in _WALKABLE_SORTS:
        return False
    if view.is_plain():
        return True
    if not matched or not everyone:
        return False
    # Measured on 100k workers: walking costs ~1 µs per row read, finding ~5 µs per match.
    return (offset + limit) * everyone / matched < matched * 5


def _order_by(view: View, walk: bool) -> list:
    column = _sort_expression(view.sort)
    descending = view.descending
    if view.sort == "age":
        descending = not descending
    if column is None:
        return [Worker.id.desc() if descending else Worker.id.asc()]
    # Finding: "+column" so that SQLite sorts the few matches instead of walking the whole index.
    column = _plain(column, not walk)
    tiebreak = Worker.id.desc() if descending else Worker.id.asc()
    return [column.desc() if descending else column.asc(), tiebreak]


# --- queries ---------------------------------------------------------------------------------

_ROW_FIELDS = (
    Worker.id, Worker.card_no, Worker.name, Worker.gender, Worker.birth_date, Worker.sector,
    Worker.education, Worker.title, Worker.specialties, Worker.kind, Community.name,
    Worker.phone, Worker.status,
)


def total() -> int:
    """All workers the session may see, whatever their status."""
    return scoped(Worker.select(fn.COUNT(SQL("*"))), Worker).scalar() or 0


def count(view: View) -> int:
    # COUNT(*) lets SQLite count from the smallest index; COUNT(id) would read every row.
    return _where(Worker.select(fn.COUNT(SQL("*"))), view).scalar() or 0


def _may_be_broad(view: View) -> bool:
    """Could the view match a large share of the roster? (one Chinese character, one or two
    letters, up to three digits, or filters alone)"""
    tokens = view.text.split()
    if not tokens:
        return True
    for token in tokens:
        if _DIGITS_RE.match(token):
            if len(token) < 4:
                return True
        elif _LATIN_RE.match(token):
            if len(token) <= 2:
                return True
        elif len(token) == 1:
            return True
    return False


def first_page(view: View, limit: int, everyone: int | None = None) -> tuple[list[RosterRow], int]:
    """The first page of the view and how many rows it has, in as few queries as possible.
    A view that may match many rows is counted first (cheap: indexes only), because the count
    decides how the page is best read; a specific search reads its page straight away, and a
    short page is then the whole count."""
    if not view.sort and not _may_be_broad(view):
        rows = page(view, 0, limit)
        if len(rows) < limit:
            return rows, len(rows)
        return rows, count(view)
    if view.is_plain() and everyone is not None:
        matched = everyone
    else:
        matched = count(view)
        if everyone is None and not view.is_plain():
            everyone = total()
    if matched == 0:
        return [], 0
    return page(view, 0, limit, matched=matched, everyone=everyone), matched


def page(view: View, offset: int, limit: int, *, matched: int | None = None,
         everyone: int | None = None) -> list[RosterRow]:
    """Rows offset … offset+limit of the view, in its order. `matched`/`everyone` (the counts the
    caller already has) choose how SQLite reads them (see the conditions section)."""
    walk = _walk(view, offset, limit, matched, everyone)
    query = (Worker.select(*_ROW_FIELDS)
             .join(Community, JOIN.LEFT_OUTER, on=(Worker.community == Community.id)))
    query = _where(query, view, walk=walk and not view.is_plain())
    query = query.order_by(*_order_by(view, walk))
    query = query.offset(max(0, offset)).limit(limit)
    return _rows(query)


def _rows(query) -> list[RosterRow]:
    # Straight from the cursor: peewee's per-field conversion would double the time of a page.
    cursor = db.database().execute(query)
    return [_make_row(raw) for raw in cursor.fetchall()]


def _make_row(raw: tuple) -> RosterRow:
    values = ["" if v is None else v for v in raw]
    birth = raw[4]
    if isinstance(birth, str):
        birth = _dt.date.fromisoformat(birth[:10])
    values[4] = birth
    return RosterRow(*values)


def row(worker_id: int, on: _dt.date | None = None) -> RosterRow | None:
    """One worker's row (after an edit, to refresh just that line)."""
    query = (Worker.select(*_ROW_FIELDS)
             .join(Community, JOIN.LEFT_OUTER, on=(Worker.community == Community.id))
             .where(Worker.id == worker_id))
    found = _rows(scoped(query, Worker))
    return found[0] if found else None


def position(view: View, worker_id: int) -> int | None:
    """The 0-based row of a worker in the view, or None if the view does not show it."""
    query = _where(Worker.select(Worker.id), view)
    for index, (wid,) in enumerate(query.order_by(*_order_by(view, view.is_plain())).tuples().iterator()):
        if wid == worker_id:
            return index
    return None


def worker_query(view: View | None = None):
    """A Worker query of the view in its order: what the export
    of the current view writes, row by row."""
    view = view or View()
    return _where(Worker.select(), view).order_by(*_order_by(view, view.is_plain()))


def ids(view: View, limit: int | None = None) -> list[int]:
    query = _where(Worker.select(Worker.id), view).order_by(*_order_by(view, view.is_plain()))
    if limit is not None:
        query = query.limit(limit)
    return [wid for (wid,) in query.tuples()]


# --- filter choices --------------------------------------------------------------------------

def specialty_choices() -> list[str]:
    """Built-in specialties first, then those the office added or that occur in the data."""
    from swdesk.models import VocabItem

    seen = list(vocab.SPECIALTIES)
    extra = (VocabItem.select(VocabItem.label).where(VocabItem.kind == "specialty")
             .order_by(VocabItem.position, VocabItem.label))
    for (label,) in extra.tuples():
        if label not in seen:
            seen.append(label)
    return seen


def community_choices() -> list[tuple[str, int]]:
    query = scoped(Community.select(Community.name, Community.id), Community).order_by(Community.name)
    return [(name, cid) for name, cid in query.tuples()]


def filter_choices() -> dict[str, list[tuple[str, Any]]]:
    """For each filter: (label shown, value passed back in View.filters)."""
    def same(values: Iterable[str]) -> list[tuple[str, Any]]:
        return [(v, v) for v in values]

    return {
        "sector": same(vocab.SECTORS),
        "community": community_choices(),
        "specialty": same(specialty_choices()),
        "education": same(vocab.EDUCATIONS),
        "title": same(vocab.TITLES),
        "kind": same(vocab.WORKER_KINDS),
        "political_status": same(vocab.POLITICAL_STATUSES),
        "status": same(vocab.WORKER_STATUSES),
        "age_band": same(vocab.AGE_BANDS),
    }
