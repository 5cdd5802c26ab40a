"""RosterModel: the roster table over swdesk.services.search, page by page.

- A new view (search, filters, sort) is counted and its first page read on the model's search
  thread; results of an older request are dropped (generation counter), so typing never waits for
  the database. The search thread is one long-lived Python thread that keeps its database
  connection (and its page cache) from one keystroke to the next.
- A specific search (not one that may match much of the roster, not sorted) that SQLite answers
  within QUICK_LIMIT (2 ms) is answered at once on the GUI thread instead, quicker than the trip
  to the search thread and back; at the limit its statement is aborted and it goes to the search
  thread like any other.
- Further pages (200 rows) are read on demand when the view scrolls to them and kept in a small
  cache keyed by page number; no row is ever read on its own and the roster is never loaded whole.
"""
from __future__ import annotations

import datetime as _dt
import logging
import queue
import threading
import time
from collections import OrderedDict
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from swdesk import db, vocab
from swdesk.services import search

log = logging.getLogger(__name__)

PAGE_SIZE = 200
MAX_CACHED_PAGES = 30
MAX_GARBAGE = 16    # replaced page sets waiting to be freed on the search thread
# A specific search that answers within 2 ms is answered at once on the GUI thread: less than an
# eighth of a frame, so the window never visibly waits, and quicker than the hand-off to the search
# thread and back (~0.1 ms, as much as a pinyin-initials search itself). Anything slower is cut off
# at the limit and read on the search thread.
QUICK_LIMIT = 0.002
MAX_OVERRUNS = 2    # a search shape that ran over QUICK_LIMIT this often always uses the thread


class _LoadSignals(QObject):
    loaded = Signal(int, object)    # generation, (rows, matched, total, seconds)
    failed = Signal(int, object)    # generation, exception


def _load_first_page(signals: _LoadSignals, generation: int, view: search.View,
                     everyone: int | None) -> None:
    """Count the view and read its first page; runs on the model's search thread.

    """
    started = time.perf_counter()
    try:
        if everyone is None:       # count everyone again (after a write)
            everyone = search.total()
        rows, matched = search.first_page(view, PAGE_SIZE, everyone)
        signals.loaded.emit(generation, (rows, matched, everyone, time.perf_counter() - started))
    except Exception as exc:  # reported on the GUI thread
        signals.failed.emit(generation, exc)


def _warm_up() -> None:
    try:
        search.total()
    except Exception:
        log.debug("warming up the search thread failed", exc_info=True)


def _close_connection() -> None:
    """Runs last on the model's search thread: closes that thread's database connection."""
    try:
        if db.proxy.obj is not None and not db.database().is_closed():
            db.database().close()
    except Exception:
        log.debug("closing the search thread's connection failed", exc_info=True)


def _copy(view: search.View) -> search.View:
    """A copy the caller cannot change under us."""
    return replace(view, filters=dict(view.filters))


def _nothing() -> None:
    """A request that only wakes the search thread (to free garbage)."""


class SearchThread:
    """One long-lived Python thread running the newest submitted function (older queued ones are
    skipped: their answers would be dropped anyway)."""

    def __init__(self) -> None:
        self._queue: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None
        self._idle = threading.Condition()
        self._pending = 0
        self._final = None
        self._garbage: list = []

    def submit(self, work) -> None:
        with self._idle:
            self._pending += 1
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name="roster-search", daemon=True)
            self._thread.start()
        self._queue.put(work)

    def _run(self) -> None:
        while True:
            work = self._queue.get()
            # Free replaced pages now, while the GUI thread waits for this request, rather than
            # after answering it, while the GUI thread shows the answer and needs the GIL.
            self._free_garbage()
            skipped = 0
            while not self._queue.empty():      # only the newest request matters
                work = self._queue.get()
                skipped += 1
            try:
                work()
            except Exception:
                log.exception("roster search failed")
            finally:
                with self._idle:
                    self._pending -= 1 + skipped
                    self._idle.notify_all()
            if work is self._final:
                return

    def discard(self, garbage: Any) -> None:
        """Free `garbage` (the caller's last reference) on this thread when it takes its next
        request, instead of on the caller's thread; woken for it only when a few have piled up."""
        if self._thread is None or not self._thread.is_alive():
            return                                   # freed by the caller as usual
        with self._idle:
            self._garbage.append(garbage)
            full = len(self._garbage) >= MAX_GARBAGE
        if full:
            self.submit(_nothing)

    def _free_garbage(self) -> None:
        with self._idle:
            garbage, self._garbage = self._garbage, []
        del garbage

    def wait(self, timeout: float = 10.0) -> bool:
        """Wait until every submitted function has run (or was skipped)."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending <= 0, timeout)

    def stop(self, last=None) -> None:
        """Run `last` (if given) on the thread, then end the thread."""
        if self._thread is None or not self._thread.is_alive():
            return

        def final() -> None:
            if last is not None:
                last()

        self._final = final
        self.submit(final)
        self._thread.join(5)


class RosterModel(QAbstractTableModel):
    loading = Signal()
    loaded = Signal(int, int)        # matched, total
    load_failed = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._view = search.View()
        self._generation = 0
        self._matched = 0
        self._total = 0
        self._total_known = False   # the total only changes on writes: counted on load/reload
        self._pages: OrderedDict[int, list[search.RosterRow]] = OrderedDict()
        self._today = _dt.date.today()
        self._today_checked = time.monotonic()
        self._busy = False
        self.last_load_seconds = 0.0
        self._keep_rows: dict[int, bool] = {}    # generation of a pending load → keep the rows?
        # Lives on the GUI thread: signals emitted by the search thread arrive here queued.
        self._signals = _LoadSignals(self)
        self._signals.loaded.connect(self._finish)
        self._signals.failed.connect(self._fail)
        self.searcher = SearchThread()
        # Seconds a new view may be read on the GUI thread before it goes to the search thread
        # (see search.first_page_within); 0 = always on the search thread.
        self.quick_limit = QUICK_LIMIT
        self._overruns: dict[tuple, int] = {}    # search shape → times it ran over quick_limit
        self._left_brush = QBrush(QColor("#888888"))

    # --- what is shown -----------------------------------------------------------------------
    def view(self) -> search.View:
        return _copy(self._view)

    @property
    def matched(self) -> int:
        return self._matched

    @property
    def total(self) -> int:
        return self._total

    def is_loading(self) -> bool:
        return self._busy

    def set_view(self, view: search.View) -> None:
        """Show another search/filter/sort; loads in the background (a quick search at once)."""
        self._view = _copy(view)
        self._start_load(keep_rows=False, everyone=self._total if self._total_known else None)

    def reload(self) -> None:
        """Read the same view again (after a write); the selection stays if the count is the same."""
        self._start_load(keep_rows=True, everyone=None)

    def load_now(self, view: search.View | None = None) -> None:
        """Load synchronously (first display of the tab, benchmarks)."""
        if view is not None:
            self._view = _copy(view)
        self._generation += 1
        started = time.perf_counter()
        everyone = search.total()
        rows, matched = search.first_page(self._view, PAGE_SIZE, everyone)
        self._apply(self._generation, (rows, matched, everyone, time.perf_counter() - started), False)
        # Open the search thread's connection now, so the first keystroke finds it ready.
        self.searcher.submit(_warm_up)

    def _start_load(self, keep_rows: bool, everyone: int | None) -> None:
        self._generation += 1
        # self._view is replaced, never changed in place: it can go to the search thread as it is.
        generation, view, signals = self._generation, self._view, self._signals
        if self.quick_limit > 0:
            shape = search.search_shape(view)
            if self._overruns.get(shape, 0) < MAX_OVERRUNS:
                started = time.perf_counter()
                try:
                    quick = search.first_page_within(view, PAGE_SIZE, everyone, self.quick_limit)
                except Exception:
                    log.debug("quick roster search failed; trying on the search thread", exc_info=True)
                    quick = None
                seconds = time.perf_counter() - started
                if quick is not None:
                    rows, matched, everyone = quick
                    self._apply(generation, (rows, matched, everyone, seconds), keep_rows)
                    return
                if seconds >= self.quick_limit:
                    # Ran over the limit and was aborted. Once more (not just a busy moment of the
                    # machine) and searches of this shape go straight to the search thread from
                    # now on, rather than losing the limit each time.
                    self._overruns[shape] = self._overruns.get(shape, 0) + 1
        self._keep_rows[generation] = keep_rows
        self._busy = True
        self.loading.emit()
        self.searcher.submit(lambda: _load_first_page(signals, generation, view, everyone))

    def _finish(self, generation: int, result: Any) -> None:
        keep_rows = self._keep_rows.pop(generation, False)
        if generation != self._generation:
            return  # a newer request is on its way: this answer is out of date
        self._apply(generation, result, keep_rows)

    def _fail(self, generation: int, exc: BaseException) -> None:
        self._keep_rows.pop(generation, None)
        if generation != self._generation:
            return
        self._busy = False
        self.load_failed.emit(exc)

    def _apply(self, generation: int, result: Any, keep_rows: bool) -> None:
        rows, matched, everyone, seconds = result
        self.last_load_seconds = seconds
        if time.monotonic() >= self._today_checked + 60:     # ages change at midnight
            self._today, self._today_checked = _dt.date.today(), time.monotonic()
        retired = self._pages
        if keep_rows and matched == self._matched:
            self._pages = OrderedDict({0: rows})
            if matched:
                self.dataChanged.emit(self.index(0, 0), self.index(matched - 1, self.columnCount() - 1))
        else:
            self.beginResetModel()
            self._pages = OrderedDict({0: rows})
            self._matched = matched
            self.endResetModel()
        # The replaced pages (thousands of small objects) are freed on the search thread when it
        # next takes a request, not here while the new rows are waiting to be shown.
        self.searcher.discard(retired)
        del retired
        self._total = everyone
        self._total_known = True
        self._busy = False
        self.loaded.emit(self._matched, self._total)

    def wait(self, timeout_ms: int = 10000) -> bool:
        """Wait for background loads (tests, closing)."""
        return self.searcher.wait(timeout_ms / 1000)

    def shutdown(self) -> None:
        """Close the search thread's connection (the window is closing)."""
        self._generation += 1
        self.searcher.stop(_close_connection)

    # --- rows --------------------------------------------------------------------------------
    def row_at(self, row: int) -> search.RosterRow | None:
        if row < 0 or row >= self._matched:
            return None
        number = row // PAGE_SIZE
        rows = self._pages.get(number)
        if rows is None:
            try:
                rows = search.page(self._view, number * PAGE_SIZE, PAGE_SIZE,
                                   matched=self._matched, everyone=self._total)
            except Exception:
                # Called from painting: never raise into Qt; the next paint tries again.
                log.exception("cannot read roster page %d", number)
                return None
            self._pages[number] = rows
            while len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        offset = row - number * PAGE_SIZE
        return rows[offset] if offset < len(rows) else None

    def worker_id(self, row: int) -> int | None:
        found = self.row_at(row)
        return found.id if found else None

    def find_loaded(self, worker_id: int) -> int | None:
        """The row of a worker among the pages already read (no query)."""
        for number, rows in self._pages.items():
            for offset, item in enumerate(rows):
                if item.id == worker_id:
                    return number * PAGE_SIZE + offset
        return None

    def refresh_worker(self, worker_id: int) -> None:
        """Re-read one worker's line after an edit (the rest of the page stays)."""
        where = self.find_loaded(worker_id)
        if where is None:
            return
        fresh = search.row(worker_id)
        if fresh is None:
            return
        number, offset = divmod(where, PAGE_SIZE)
        self._pages[number][offset] = fresh
        self.dataChanged.emit(self.index(where, 0), self.index(where, self.columnCount() - 1))

    # --- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._matched

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(search.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.tr(search.COLUMNS[section][1]) if 0 <= section < len(search.COLUMNS) else None
        return str(section + 1)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.UserRole):
            return None
        item = self.row_at(index.row())
        if item is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._left_brush if item.status == vocab.STATUS_LEFT else None
        key = search.COLUMN_KEYS[index.column()]
        text = item.display(key, self._today)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if key in ("specialties", "community") and text else None
        return text

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(search.COLUMNS):
            return
        view = self.view()
        view.sort = search.COLUMN_KEYS[column]
        view.descending = order == Qt.SortOrder.DescendingOrder
        if (view.sort, view.descending) == (self._view.sort, self._view.descending):
            return
        self.set_view(view)
