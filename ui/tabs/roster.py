"""人才队伍: the roster of workers. Search as you type, filters, sorting in SQL, worker dialog.

The table model (ui/models/roster.py) reads pages from swdesk.services.search; a keystroke only
restarts a 150 ms timer; the search then runs on the model's search thread, except a specific
search on SQLite that finishes within 2 ms on the window's thread (a hard limit aborts it and
hands it to the thread), so typing never waits.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from swdesk import vocab
from swdesk.services import scope, search
from ui.first_use import OnFirstUse
from ui.models.roster import RosterModel
from ui.widgets.flow import FlowLayout

# The printing dialog (and the PDF code behind it) loads when a clerk first prints: 17 ms at
# start otherwise, on the tab the window opens on.
_print_cards_for = OnFirstUse("ui.dialogs.printing", "print_cards_for")
_merge_workers_dialog = OnFirstUse("ui.dialogs.merge_workers", "MergeWorkersDialog")

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150
SETTINGS_HEADER = "roster/header_state"
# Layout of the remembered header: 2 since 街道 stands after 姓名 (it was the last column, off
# screen at 1024 px, where a district clerk most needs it to tell two streets' people apart). A
# header remembered in layout 1 gets the column moved once; the clerk's own moves are kept after.
SETTINGS_LAYOUT = "roster/header_layout"
HEADER_LAYOUT = 2
DEFAULT_WIDTHS = {"card_no": 150, "name": 80, "gender": 44, "age": 44, "sector": 110, "education": 110,
                  "title": 50, "specialties": 150, "kind": 64, "community": 90, "phone": 110, "status": 50,
                  "street": 80}


class RosterTab(QWidget):
    def __init__(self, window: QWidget | None = None):
        super().__init__()
        self.window_ = window
        self.setObjectName("RosterTab")
        self.model = RosterModel(self)
        self._build_search_bar()
        self._build_filter_bar()
        self._build_table()
        self._build_status_bar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.addLayout(self.search_bar)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.status_bar)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.model.loading.connect(lambda: self.busy_label.setText(self.tr("正在查询…")))
        self.model.loaded.connect(self._show_counts)
        self.model.load_failed.connect(self._load_failed)
        self._install_shortcuts()
        self._restore_header()
        self.apply_scope()
        # The first page is read right away: the tab is built when first shown.
        self.model.load_now(self._view_from_controls())

    # --- building ----------------------------------------------------------------------------
    def _build_search_bar(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("roster_search")
        self.search.setPlaceholderText(self.tr("搜索：姓名、拼音（如 zhangsan 或 zs）、身份证号或手机号任意4位以上数字、服务证号（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.new_button = QPushButton(self.tr("新增人员"), self)
        self.new_button.setToolTip(self.tr("新增人员（Ctrl+N）"))
        self.new_button.clicked.connect(self.new_worker)
        self.import_button = QPushButton(self.tr("导入…"), self)
        self.import_button.clicked.connect(self.import_roster)
        self.export_button = QPushButton(self.tr("导出当前列表…"), self)
        self.export_button.clicked.connect(self.export_view)
        self.duplicates_button = QPushButton(self.tr("查重…"), self)
        self.duplicates_button.setToolTip(self.tr("查找可能重复录入的人员，并合并为一条记录"))
        self.duplicates_button.clicked.connect(self.find_duplicates)
        self.search_bar = QHBoxLayout()
        self.search_bar.addWidget(self.search, 1)
        self.search_bar.addWidget(self.new_button)
        self.search_bar.addWidget(self.import_button)
        self.search_bar.addWidget(self.export_button)
        self.search_bar.addWidget(self.duplicates_button)

    def _build_filter_bar(self) -> None:
        # The boxes wrap to a second row on a narrow window rather than cutting their texts.
        self.filter_box = QWidget(self)
        self.filter_bar = FlowLayout(self.filter_box)
        self.filter_combos: dict[str, QComboBox] = {}
        for key, label in search.FILTERS:
            combo = QComboBox(self)
            combo.setObjectName(f"filter_{key}")
            combo.setToolTip(label)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._filter_changed)
            self.filter_combos[key] = combo
            self.filter_bar.addWidget(combo)
        self._fill_filter_choices()
        self.clear_filters_button = QPushButton(self.tr("清除筛选"), self)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.filter_bar.addWidget(self.clear_filters_button)

    def _fill_filter_choices(self) -> None:
        choices = search.filter_choices()
        labels = {key: self.tr(label) for key, label in search.FILTERS}
        for key, combo in self.filter_combos.items():
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("{0}：全部").format(labels[key]), None)
            for text, value in choices[key]:
                combo.addItem(self.tr("{0}：{1}").format(labels[key], text) if key in ("status", "title") else text,
                              value)
            if current is not None:
                found = combo.findData(current)
                combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)

    def _build_table(self) -> None:
        self.table = QTableView(self)
        self.table.setObjectName("roster_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(lambda index: self.open_worker(self.model.worker_id(index.row())))
        self.table.installEventFilter(self)
        vertical = self.table.verticalHeader()
        vertical.setDefaultSectionSize(24)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.hide()
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setStretchLastSection(True)
        for column, key in enumerate(search.COLUMN_KEYS):
            header.resizeSection(column, DEFAULT_WIDTHS.get(key, 90))
        self._place_street_column()
        header.sortIndicatorChanged.connect(self._sort_changed)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(500)
        self._save_timer.timeout.connect(self.save_header)
        header.sectionResized.connect(lambda *_: self._save_timer.start())
        header.sectionMoved.connect(lambda *_: self._save_timer.start())

    def _build_status_bar(self) -> None:
        self.count_label = QLabel(self)
        self.count_label.setObjectName("roster_counts")
        self.busy_label = QLabel(self)
        self.busy_label.setStyleSheet("color: #666666;")
        self.status_bar = QHBoxLayout()
        self.status_bar.addWidget(self.count_label)
        self.status_bar.addStretch(1)
        self.status_bar.addWidget(self.busy_label)

    def _install_shortcuts(self) -> None:
        """Ctrl+F and Ctrl+N are the window's (ui/keyboard.py: they reach the tab in front
        whatever has focus); a second shortcut of the same keys here would make both ambiguous."""

    # --- state -------------------------------------------------------------------------------
    def _restore_header(self) -> None:
        from ui.app import settings

        state = settings().value(SETTINGS_HEADER)
        header = self.table.horizontalHeader()
        if state is not None:
            header.blockSignals(True)
            header.restoreState(state)
            if int(settings().value(SETTINGS_LAYOUT, 1)) < HEADER_LAYOUT:
                self._place_street_column()
            header.blockSignals(False)
        section = header.sortIndicatorSection()
        if 0 <= section < len(search.COLUMN_KEYS):
            self._sort = (search.COLUMN_KEYS[section], header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)
        else:
            self._sort = ("", False)

    def save_header(self) -> None:
        from ui.app import settings

        settings().setValue(SETTINGS_HEADER, self.table.horizontalHeader().saveState())
        settings().setValue(SETTINGS_LAYOUT, HEADER_LAYOUT)

    def _place_street_column(self) -> None:
        """街道 right after 姓名 (the model keeps its columns' order: the export reads it)."""
        header = self.table.horizontalHeader()
        after = header.visualIndex(search.COLUMN_KEYS.index("name")) + 1
        header.moveSection(header.visualIndex(search.COLUMN_KEYS.index("street")), after)

    def save_state(self) -> None:
        """The window is closing: remember the columns, close the search thread's connection."""
        self.save_header()
        self.model.shutdown()

    # --- the view ----------------------------------------------------------------------------
    def _view_from_controls(self) -> search.View:
        filters = {key: combo.currentData() for key, combo in self.filter_combos.items()
                   if combo.currentData() is not None}
        return search.View(text=self.search.text().strip(), filters=filters,
                           sort=self._sort[0], descending=self._sort[1])

    def current_view(self) -> search.View:
        """What the table shows now (the export of the current view writes exactly this)."""
        return self.model.view()

    def apply_search(self) -> None:
        self._timer.stop()
        view = self._view_from_controls()
        current = self.model.view()
        if (view.text, view.filters, view.sort, view.descending) == (
                current.text, current.filters, current.sort, current.descending):
            return
        self.model.set_view(view)

    def _filter_changed(self, _index: int) -> None:
        self._mark_active_filters()
        self.apply_search()

    def _mark_active_filters(self) -> None:
        """Filters in use are shown in bold, so a forgotten filter is not missed."""
        for combo in self.filter_combos.values():
            font = combo.font()
            font.setBold(combo.currentIndex() > 0)
            combo.setFont(font)

    def _sort_changed(self, section: int, order: Qt.SortOrder) -> None:
        if 0 <= section < len(search.COLUMN_KEYS):
            self._sort = (search.COLUMN_KEYS[section], order == Qt.SortOrder.DescendingOrder)
        else:
            self._sort = ("", False)
        self.apply_search()
        self._save_timer.start()

    def clear_filters(self) -> None:
        for combo in self.filter_combos.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._mark_active_filters()
        self.apply_search()

    def set_filter(self, key: str, value) -> None:
        combo = self.filter_combos[key]
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def _show_counts(self, matched: int, total: int) -> None:
        self.busy_label.setText(self.tr("查询用时 {0} 毫秒").format(round(self.model.last_load_seconds * 1000)))
        counts = self.tr("共 {0} 人 / 筛选 {1} 人").format(total, matched)
        note = search.list_note(self.search.text())      # a pasted list longer than is searched
        self.count_label.setText(f"{counts}（{note}）" if note else counts)

    def _load_failed(self, exc: BaseException) -> None:
        self.busy_label.setText(self.tr("查询失败"))
        from ui.app import show_error

        show_error(self, exc)

    def refresh(self) -> None:
        """Called after writes elsewhere: read counts and the visible rows again."""
        self._fill_filter_choices()
        self.apply_scope()
        self.model.reload()

    def apply_scope(self) -> None:
        """The 街道 column and filter only when several streets are in view (a district user)."""
        wide = scope.district_wide()
        self.table.setColumnHidden(search.COLUMN_KEYS.index("street"), not wide)
        combo = self.filter_combos["office"]
        combo.setVisible(wide)
        if not wide and combo.currentIndex() != 0:
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # --- keyboard ----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if watched is self.search:
                if key == Qt.Key.Key_Escape:
                    self.search.clear()
                    self.apply_search()
                    return True
                if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    if key != Qt.Key.Key_Down:
                        self.apply_search()
                    if self.model.rowCount():
                        self.table.setFocus()
                        self.table.selectRow(0)
                    # Enter on a search that found exactly one person opens that person.
                    if key != Qt.Key.Key_Down and self.model.matched == 1 and not self.model.is_loading():
                        self.open_worker(self.model.worker_id(0))
                    return True
            elif watched is self.table:
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.open_worker(self.current_worker_id())
                    return True
                if key == Qt.Key.Key_Escape and self.search.text():
                    self.search.clear()
                    self.focus_search()
                    return True
        return super().eventFilter(watched, event)

    # --- selection ---------------------------------------------------------------------------
    def current_worker_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            rows = self.table.selectionModel().selectedRows()
            if not rows:
                return None
            index = rows[0]
        return self.model.worker_id(index.row())

    def selected_worker_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        ids = [self.model.worker_id(r) for r in rows]
        return [i for i in ids if i is not None]

    def select_worker(self, worker_id: int) -> bool:
        row = self.model.find_loaded(worker_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def show_record(self, worker_id: int) -> None:
        if not self.select_worker(worker_id):
            self.open_worker(worker_id)

    # --- actions -----------------------------------------------------------------------------
    def _changed(self, worker_id: int | None = None) -> None:
        """After a write: tell every tab (the window refreshes this one too)."""
        signal = getattr(self.window_, "data_changed", None)
        if signal is not None:
            signal.emit("worker")
        else:
            self.refresh()
        if worker_id is not None:
            self.model.refresh_worker(worker_id)

    def new_worker(self) -> None:
        from ui.dialogs.worker import WorkerDialog

        dialog = WorkerDialog(self, None)
        dialog.saved.connect(self._changed)
        dialog.exec()

    def open_record(self, worker_id: int, page: str) -> None:
        """The worker's dialog on `page` (a reminder about continuing education opens 继续教育)."""
        self.select_worker(worker_id)
        self.open_worker(worker_id, page)

    def open_worker(self, worker_id: int | None, page: str = "") -> None:
        if worker_id is None:
            return
        from ui.dialogs.worker import WorkerDialog

        try:
            dialog = WorkerDialog(self, worker_id)
        except Exception as exc:
            from ui.app import show_error

            show_error(self, exc)
            return
        dialog.show_page(page)
        dialog.saved.connect(self._changed)
        dialog.exec()

    def find_duplicates(self) -> None:
        dialog = _merge_workers_dialog(self)
        dialog.merged.connect(self._changed)
        dialog.exec()

    def import_roster(self) -> None:
        from ui.dialogs.import_roster import ImportRosterDialog

        ImportRosterDialog(self, on_imported=lambda: self._changed()).exec()

    def export_view(self) -> None:
        from ui.dialogs.export_roster import export_view

        export_view(self, self.current_view())

    def deactivate_or_restore(self, worker_id: int) -> None:
        from ui.dialogs.worker import change_status

        if change_status(self, worker_id):
            self._changed(worker_id)

    def delete_worker(self, worker_id: int) -> None:
        from ui.dialogs.worker import delete_worker

        if delete_worker(self, worker_id):
            self._changed()

    def copy_id_number(self, worker_id: int) -> None:
        from swdesk.services import workers

        number = workers.get(worker_id).id_number or ""
        QGuiApplication.clipboard().setText(number)
        self.busy_label.setText(self.tr("已复制身份证号") if number else self.tr("此人没有登记身份证号"))

    def print_cards(self, worker_ids: list[int]) -> None:
        _print_cards_for(self.window_ or self.window(), worker_ids)

    def _context_menu(self, pos: QPoint) -> None:
        index: QModelIndex = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            self.table.selectRow(index.row())
        ids = self.selected_worker_ids()
        worker_id = self.model.worker_id(index.row()) if index.isValid() else (ids[0] if ids else None)
        menu = QMenu(self)
        menu.addAction(self.tr("新增人员…"), self.new_worker)
        if worker_id is not None:
            row = self.model.row_at(index.row()) if index.isValid() else None
            menu.addAction(self.tr("编辑…"), lambda: self.open_worker(worker_id))
            label = self.tr("打印服务证（{0} 人）…").format(len(ids)) if len(ids) > 1 else self.tr("打印服务证…")
            menu.addAction(label, lambda: self.print_cards(ids or [worker_id]))
            left = row is not None and row.status == vocab.STATUS_LEFT
            menu.addAction(self.tr("恢复在册…") if left else self.tr("离队…"),
                           lambda: self.deactivate_or_restore(worker_id))
            menu.addAction(self.tr("复制身份证号"), lambda: self.copy_id_number(worker_id))
            menu.addSeparator()
            delete = QAction(self.tr("删除（仅限录入错误）…"), menu)
            delete.triggered.connect(lambda: self.delete_worker(worker_id))
            menu.addAction(delete)
        self._menu = menu  # tests reach the open menu through this
        menu.popup(self.table.viewport().mapToGlobal(pos))
