"""待办提醒 tab: everything late today — mentoring pairs without a recent session, groups that
missed their visit, home-bed households past due, overdue hotline requests — oldest first.
Double-click (or 打开) goes to the record in its own tab."""
from __future__ import annotations

import datetime as _dt
import logging

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from swdesk.services import reminders
from ui.models.rows import RowsModel, fit_columns, make_table

log = logging.getLogger(__name__)


class RemindersTab(QWidget):
    def __init__(self, window):
        super().__init__()
        self.window_ref = window
        self.today = _dt.date.today()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        bar = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        bar.addWidget(self.heading)
        bar.addStretch(1)
        self.kind_filter = QComboBox(self)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self._show_rows())
        bar.addWidget(self.kind_filter)
        self.open_button = QPushButton(self.tr("打开"), self)
        self.open_button.clicked.connect(self.open_current)
        bar.addWidget(self.open_button)
        refresh = QPushButton(self.tr("刷新"), self)
        refresh.clicked.connect(self.refresh)
        bar.addWidget(refresh)
        layout.addLayout(bar)
        self.counts_label = QLabel(self)
        self.counts_label.setTextFormat(self.counts_label.textFormat().RichText)
        layout.addWidget(self.counts_label)
        self.model = RowsModel([
            (self.tr("类别"), lambda r: self.tr(reminders.KIND_LABELS.get(r.kind, r.kind))),
            (self.tr("对象"), lambda r: r.title),
            (self.tr("应办日期"), lambda r: r.since),
            (self.tr("逾期"), lambda r: self.tr("{n}天").format(n=max(0, r.days_late(self.today)))),
            (self.tr("情况"), lambda r: r.detail),
        ], self, highlight=lambda r: r.days_late(self.today) > 30)
        self.table = make_table(self.model, self)
        self.table.activated.connect(lambda _index: self.open_current())
        self.table.setToolTip(self.tr("双击打开相应记录"))
        layout.addWidget(self.table, 1)
        self.items: list[reminders.Reminder] = []
        self.refresh()

    def refresh(self) -> None:
        self.today = _dt.date.today()
        failed = False
        try:
            self.items = reminders.reminders(self.today)
        except Exception:
            # No dialog here: this runs at start-up and after every save; say it in the heading.
            log.exception("cannot read reminders")
            self.items, failed = [], True
        counts = reminders.counts(self.today, self.items)
        if failed:
            self.heading.setText(self.tr("<b style='color:#b00020'>待办提醒读取失败，详情见日志。</b>"))
        else:
            self.heading.setText(self.tr("<b>{d}</b>　共 {n} 项待办").format(
                d=f"{self.today:%Y-%m-%d}", n=len(self.items)))
        parts = [f"{self.tr(reminders.KIND_LABELS.get(kind, kind))} <b>{n}</b>" for kind, n in counts.items()]
        self.counts_label.setText("&nbsp;&nbsp;｜&nbsp;&nbsp;".join(parts))
        keep = self.kind_filter.currentData()
        self.kind_filter.blockSignals(True)
        self.kind_filter.clear()
        self.kind_filter.addItem(self.tr("全部类别"), "")
        for kind, n in counts.items():
            self.kind_filter.addItem(self.tr("{0}（{1}）").format(self.tr(reminders.KIND_LABELS.get(kind, kind)), n), kind)
        self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(keep)))
        self.kind_filter.blockSignals(False)
        self._show_rows()

    def _show_rows(self) -> None:
        kind = self.kind_filter.currentData()
        self.model.set_rows([r for r in self.items if not kind or r.kind == kind])
        fit_columns(self.table, 320)
        self.open_button.setEnabled(self.model.rowCount() > 0)

    def counts(self) -> dict[str, int]:
        return reminders.counts(self.today, self.items)

    def open_current(self) -> None:
        index = self.table.currentIndex()
        item = self.model.row_at(index.row()) if index.isValid() else None
        if item is None:
            return
        try:
            if item.page:  # the record opens on the page the reminder is about
                self.window_ref.switch_to(item.kind).open_record(item.record_id, item.page)
            else:
                self.window_ref.switch_to(item.kind, item.record_id)
        except StopIteration:  # a kind without a tab of its own
            pass
        except Exception as exc:
            from ui.app import show_error

            show_error(self, exc)
