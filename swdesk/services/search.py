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
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import peewee
from peewee import JOIN, SQL, NodeList, fn

from swdesk import db, encryption, vocab
from swdesk.models import Community, Office, Worker, WorkerSpecialty
from swdesk.services import base
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
    ("street", "街道"),    # shown when several streets are in view (services.scope.district_wide)
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
    ("office", "街道"),    # shown when several streets are in view
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
    birth: _dt.date | str | None    # as the database returns it (SQLite: ISO text); see birth_date
    sector: str
    education: str
    title: str
    specialties: str
    kind: str
    community: str
    phone: str
    status: str
    street: str

    @property
    def birth_date(self) -> _dt.date | None:
        # Converted when asked for (a few rows on screen), not for every row read.
        birth = self.birth
        if isinstance(birth, str):
            return _dt.date.fromisoformat(birth[:10])
        return birth

    def age(self, on: _dt.date | None = None) -> int | None:
        birth = self.birth_date
        if birth is None:
            return None
        return vocab.age_at(birth, on or _dt.date.today())

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


def _classify(token: str) -> tuple[str, str]:
    """(kind, normalised token) of one search word; the kind alone decides the SQL of its
    condition, which is what lets compiled statements be reused (see the statement cache)."""
    if _DIGITS_RE.match(token):
        token = token.upper()
        return _unless_too_long(("digits" if len(token) >= 4 else "short_digits"), token)
    if _CODE_RE.match(token):
        return _unless_too_long(("code" if len(token) >= 3 else "short_code"), token)
    if _LATIN_RE.match(token):
        token = token.lower()
        return ("letter" if len(token) == 1 else "letters"), token
    return _unless_too_long(("phrase" if len(token) >= 2 else "char"), token)


def _unless_too_long(kind: str, token: str) -> tuple[str, str]:
    return ("nothing", "") if len(token) > _LONGEST.get(kind, len(token)) else (kind, token)


# A pasted column of names, ID or card numbers (any separators): more words than anyone types,
# or a list separator. It becomes one set lookup (IN on the indexed columns) matching ANY entry,
# instead of one condition per word ANDed (78 words overflowed SQLite's parser stack, ~1,000 hit
# Python's recursion limit). Entries beyond MAX_LIST_ENTRIES are left out (list_note says so).
LIST_WORDS = 8
MAX_LIST_ENTRIES = 2000
_LIST_SPLIT = re.compile(r"[\s,，、;；]+")
_LIST_SEPARATORS = re.compile(r"[\n,，、;；]")
# A word longer than any column it could match (card number 30, name 50) matches nobody: said in
# SQL without a parameter, not searched (a 10,000-digit word took 7 s on 50,000 workers).
_LONGEST = {"digits": 30, "code": 30, "phrase": 50}


def _search_tokens(text: str) -> list[tuple[str, Any]]:
    entries = _list_entries(text)
    if entries is not None:
        return [("list", tuple(entries[:MAX_LIST_ENTRIES]))]
    return [_classify(token) for token in (text or "").split()]


def _list_entries(text: str) -> list[str] | None:
    """The distinct entries of a pasted list, or None when `text` is an ordinary search."""
    text = (text or "").strip()
    entries = list(dict.fromkeys(e for e in _LIST_SPLIT.split(text) if e))
    if len(entries) < 2 or (len(text.split()) <= LIST_WORDS and not _LIST_SEPARATORS.search(text)):
        return None
    return entries


def list_note(text: str) -> str:
    """What the window says under a pasted list that was cut; "" otherwise."""
    entries = _list_entries(text)
    if entries is None or len(entries) <= MAX_LIST_ENTRIES:
        return ""
    return f"粘贴的名单有 {len(entries)} 项，只按前 {MAX_LIST_ENTRIES} 项查找"


def _list_condition(entries: tuple[str, ...]):
    """Workers whose name, ID number, phone or card number is one of `entries`."""
    names, numbers = [], []
    for entry in entries:
        (numbers if _DIGITS_RE.match(entry) or _CODE_RE.match(entry) else names).append(entry)
    numbers = list(dict.fromkeys(n.upper() for n in numbers))
    parts = []
    if names:
        parts.append(Worker.name.in_(names))
    if numbers:
        parts += [Worker.id_number.in_(numbers), Worker.phone.in_(numbers), Worker.card_no.in_(numbers)]
    condition = parts[0]
    for part in parts[1:]:
        condition = condition | part
    return condition


# Kinds whose condition uses the trigram index when the database has one.
_TRIGRAM_KINDS = {"digits", "code"}


def _needs_trigram(tokens: list[tuple[str, str]]) -> bool:
    return any(kind in _TRIGRAM_KINDS for kind, _ in tokens) and db.has_trigram_index("worker")


def _kind_condition(kind: str, token: str, unindexed: bool, trigram: bool):
    """The WHERE condition for one classified search word (see the module docstring)."""
    if kind == "list":
        return _list_condition(token)
    if kind == "nothing":
        return SQL("1 = 0")
    row_id = _plain(Worker.id, unindexed)
    if kind == "digits":
        if trigram:
            # FTS5 trigram index over ID number, phone and card number (see swdesk/db.py).
            index = db.trigram_table("worker")
            return row_id.in_(SQL(f"(SELECT rowid FROM {index} WHERE {index} MATCH ?)",
                                  [f'"{token}"']))
        return (_contains(Worker.id_number, token) | _contains(Worker.phone, token)
                | _contains(Worker.card_no, token))
    if kind == "short_digits":
        return (_starts_with(Worker.phone, token, unindexed)
                | _starts_with(Worker.card_no, token, unindexed))
    if kind in ("code", "short_code"):
        # Letters and digits together: a card number in an office's own format ("SG2026…").
        if kind == "code" and trigram:
            index = db.trigram_table("worker")
            return row_id.in_(SQL(f"(SELECT rowid FROM {index} WHERE {index} MATCH ?)",
                                  [f'card_no : "{token}"']))
        return _contains(Worker.card_no, token)
    if kind == "letter":
        # One letter: the pinyin and the initials start with the same letter, so one index
        # range answers it (an OR of two ranges would make SQLite merge both row sets).
        return _starts_with(Worker.name_initials, token, unindexed)
    if kind == "letters":
        return (_starts_with(Worker.name_pinyin, token, unindexed)
                | _starts_with(Worker.name_initials, token, unindexed))
    if kind == "phrase":
        if db.is_sqlite():
            # Scan the narrow name index (name, rowid) rather than the wide table rows.
            inner = Worker.alias()
            return row_id.in_(inner.select(inner.id).where(fn.instr(inner.name, token) > 0))
        return Worker.name.contains(token)
    return _starts_with(Worker.name, token, unindexed)


def _tokens_condition(tokens: list[tuple[str, str]], unindexed: bool, trigram: bool):
    condition = None
    for kind, token in tokens:
        part = _kind_condition(kind, token, unindexed, trigram)
        condition = part if condition is None else condition & part
    return condition


def search_condition(text: str, unindexed: bool = False):
    """The condition for the whole search text, or None for an empty search."""
    tokens = _search_tokens(text)
    return _tokens_condition(tokens, unindexed, _needs_trigram(tokens))


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
        elif key == "office":
            conditions.append(column(Worker.office) == int(value))
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


def _where(query, view: View, walk: bool = False, tokens: list[tuple[str, str]] | None = None,
           trigram: bool = False):
    """`query` limited to the view. `tokens`/`trigram`: the search words already classified (or
    stand-ins for them, when a statement is compiled for the cache)."""
    query = scoped(query, Worker)
    if tokens is None:
        tokens = _search_tokens(view.text)
        trigram = _needs_trigram(tokens)
    searched = _tokens_condition(tokens, walk, trigram)
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
    if key == "street":
        return Worker.office          # streets in the order they were set up
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
    Worker.id, fn.COALESCE(Worker.card_no, ""), Worker.name, Worker.gender, Worker.birth_date,
    Worker.sector, Worker.education, Worker.title, Worker.specialties, Worker.kind,
    fn.COALESCE(Community.name, ""), Worker.phone, Worker.status,
    # One indexed look-up per row shown (a page is 200 rows), no join for the count.
    Office.select(fn.COALESCE(Office.street, "")).where(Office.id == Worker.office),
)


def total() -> int:
    """All workers the session may see, whatever their status."""
    row = _run("total", View(), 0, 0, False).fetchone()
    return (row[0] if row else 0) or 0


def _total_query():
    return scoped(Worker.select(fn.COUNT(SQL("*"))), Worker)


def _count_query(view: View, tokens=None, trigram: bool = False):
    # COUNT(*) lets SQLite count from the smallest index; COUNT(id) would read every row.
    return _where(Worker.select(fn.COUNT(SQL("*"))), view, tokens=tokens, trigram=trigram)


def _page_query(view: View, offset: int, limit: int, walk: bool, tokens=None, trigram: bool = False):
    query = (Worker.select(*_ROW_FIELDS)
             .join(Community, JOIN.LEFT_OUTER, on=(Worker.community == Community.id)))
    query = _where(query, view, walk=walk and not view.is_plain(), tokens=tokens, trigram=trigram)
    query = query.order_by(*_order_by(view, walk))
    return query.offset(max(0, offset)).limit(limit)


def count(view: View, cached: bool = True) -> int:
    row = _run("count", view, 0, 0, False, cached=cached).fetchone()
    return (row[0] if row else 0) or 0


# --- the statement cache -----------------------------------------------------------------------
# Building and compiling a peewee query costs ~0.3 ms, more than a selective search itself (an ID
# number, pinyin initials), and the clerk's searches come in a handful of shapes. So each shape
# (the kinds of the search words, the filters, the sort, the plan, the page, the office, the
# database) is compiled once with stand-ins for the search words, and later searches of that shape
# only put their words into the parameters. The search words never reach the SQL text, only its
# parameters, so a compiled statement is correct for any words of the same kinds.

class _Compiled(NamedTuple):
    sql: str
    params: tuple
    slots: tuple[tuple[int, int, str, str], ...]   # (parameter, search word, text before, after)


_CACHE_SIZE = 256
_statements: OrderedDict[tuple, _Compiled | None] = OrderedDict()
_statements_lock = threading.Lock()   # the GUI thread and the search thread both query


def _stand_in(index: int) -> str:
    return f"\x00{index}\x00"


def _cacheable(tokens: list[tuple[str, str]]) -> bool:
    # LIKE wildcards change the SQL on PostgreSQL (an ESCAPE clause); a NUL is our stand-in. A
    # pasted list's SQL depends on its length: built afresh each time.
    return all(kind != "list" and not any(c in token for c in "%_\\\x00") for kind, token in tokens)


def _shape(what: str, view: View, offset: int, limit: int, walk: bool,
           tokens: list[tuple[str, str]], trigram: bool) -> tuple | None:
    try:
        filters = tuple(sorted(view.active_filters().items()))
        hash(filters)
    except TypeError:
        return None
    today = view.today() if "age_band" in view.active_filters() else None
    return (what, db.proxy.obj, base.current().office_id, trigram, tuple(kind for kind, _ in tokens),
            filters, today, view.sort, view.descending, walk, offset, limit)


def _compile(what: str, view: View, offset: int, limit: int, walk: bool,
             tokens: list[tuple[str, str]], trigram: bool) -> _Compiled | None:
    stand_ins = [(kind, _stand_in(i)) for i, (kind, _) in enumerate(tokens)]
    if what == "total":
        query = _total_query()
    elif what == "count":
        query = _count_query(view, stand_ins, trigram)
    else:
        query = _page_query(view, offset, limit, walk, stand_ins, trigram)
    sql, params = query.sql()
    slots = []
    for index, value in enumerate(params):
        if not isinstance(value, str) or "\x00" not in value:
            continue
        found = [i for i, (_, marker) in enumerate(stand_ins) if marker in value]
        if len(found) != 1 or value.count("\x00") != 2:
            return None
        before, after = value.split(stand_ins[found[0]][1])
        slots.append((index, found[0], before, after))
    if "\x00" in sql:       # a search word written into the SQL text: not reusable
        return None
    return _Compiled(sql, tuple(params), tuple(slots))


def _statement(what: str, view: View, offset: int, limit: int, walk: bool,
               tokens: list[tuple[str, str]], trigram: bool) -> _Compiled | None:
    key = _shape(what, view, offset, limit, walk, tokens, trigram)
    if key is None:
        return None
    with _statements_lock:
        if key in _statements:
            _statements.move_to_end(key)
            return _statements[key]
    compiled = _compile(what, view, offset, limit, walk, tokens, trigram)
    with _statements_lock:
        _statements[key] = compiled
        while len(_statements) > _CACHE_SIZE:
            _statements.popitem(last=False)
    return compiled


def clear_statement_cache() -> None:
    with _statements_lock:
        _statements.clear()


def _run(what: str, view: View, offset: int, limit: int, walk: bool, cached: bool = True):
    """Execute the count ("count") or a page ("page") of the view; returns the cursor."""
    tokens = _search_tokens(view.text)
    trigram = _needs_trigram(tokens)
    compiled = None
    if cached and _cacheable(tokens):
        compiled = _statement(what, view, offset, limit, walk, tokens, trigram)
    if compiled is None:
        if what == "total":
            query = _total_query()
        elif what == "count":
            query = _count_query(view, tokens, trigram)
        else:
            query = _page_query(view, offset, limit, walk, tokens, trigram)
        return db.database().execute(query)
    params = list(compiled.params)
    for index, which, before, after in compiled.slots:
        params[index] = before + tokens[which][1] + after
    return db.database().execute_sql(compiled.sql, params)


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


def search_shape(view: View) -> tuple:
    """What decides how long a view takes, roughly: the kinds of its search words, which filters
    are set, the sort (the window remembers shapes that ran over its time limit)."""
    kinds = tuple(kind for kind, _ in _search_tokens(view.text))
    return kinds, tuple(sorted(view.active_filters())), view.sort, view.descending


# The time limit is checked every this many SQLite VM instructions (~0.1–0.3 ms of a search).
_PROGRESS_STEPS = 1000


def first_page_within(view: View, limit: int, everyone: int | None, seconds: float
                      ) -> tuple[list[RosterRow], int, int] | None:
    """first_page() (and the total, if `everyone` is None) if it takes at most `seconds`; None if
    it would take longer (the statement is aborted at the limit) or the time cannot be limited.
    For the window: a specific search (an ID number, a name, 3+ letters of pinyin) mostly takes
    well under a millisecond, less than handing it to a background thread and back, so the window
    tries it itself within a limit too short to notice and hands the others to its search thread.
    Views that may match many rows (see _may_be_broad) or are sorted are not tried (None).
    SQLite only (a progress handler aborts the statement); None on other engines."""
    if view.sort or _may_be_broad(view):
        return None            # counted first and often slower: not worth trying (see first_page)
    database = db.database()
    if not db.is_sqlite() or database.in_transaction():
        return None
    connection = database.connection()
    deadline = time.perf_counter() + seconds

    def too_late() -> bool:
        return time.perf_counter() > deadline

    connection.set_progress_handler(too_late, _PROGRESS_STEPS)
    try:
        if everyone is None:
            everyone = total()
        rows, matched = first_page(view, limit, everyone)
    except (peewee.OperationalError, *encryption.OPERATIONAL_ERRORS):   # the latter from fetchall()
        if too_late():
            return None        # aborted at the limit: a read, nothing to undo
        raise
    finally:
        connection.set_progress_handler(None, _PROGRESS_STEPS)
    return rows, matched, everyone


def page(view: View, offset: int, limit: int, *, matched: int | None = None,
         everyone: int | None = None, cached: bool = True) -> list[RosterRow]:
    """Rows offset … offset+limit of the view, in its order. `matched`/`everyone` (the counts the
    caller already has) choose how SQLite reads them (see the conditions section). `cached=False`
    builds the statement afresh (tests compare both)."""
    walk = _walk(view, offset, limit, matched, everyone)
    return _rows(_run("page", view, offset, limit, walk, cached=cached))


def _rows(cursor) -> list[RosterRow]:
    # Straight from the cursor, one tuple per row: peewee's per-field conversion would double the
    # time of a page. Text columns that may be NULL come as "" (COALESCE in the SELECT) and the
    # birth date is converted only when shown, so a row is the database's tuple as it is.
    make = tuple.__new__
    return [make(RosterRow, raw) for raw in cursor.fetchall()]


def row(worker_id: int, on: _dt.date | None = None) -> RosterRow | None:
    """One worker's row (after an edit, to refresh just that line)."""
    query = (Worker.select(*_ROW_FIELDS)
             .join(Community, JOIN.LEFT_OUTER, on=(Worker.community == Community.id))
             .where(Worker.id == worker_id))
    found = _rows(db.database().execute(scoped(query, Worker)))
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
        "office": list(Office.select(Office.street, Office.id).order_by(Office.id).tuples())
        if base.current().office_id is None else [],
    }
