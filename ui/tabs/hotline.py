"""服务热线 tab: the request list (overdue in red), the selected request with its status-flow
buttons, and the ranked 推荐人员 list to assign from."""
from __future__ import annotations

import datetime as _dt
import html
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from swdesk import periods, vocab
from swdesk.jobs import export_hotline
from swdesk.services import hotline
from swdesk.services.base import UserError
from swdesk.services.base import current as current_session
from ui.jobs import ask_xlsx_path, export_in_background
from ui.models.rows import RowsModel, fit_columns, make_table
from ui.tabs.programme_base import detail_scroll

SUGGESTIONS_MIN = 190  # px: the 推荐人员 box with its header, about four people and the hint
LIST_LIMIT = 5000  # requests shown at once; a quarter has a few hundred


def _dt_text(value: _dt.datetime | None) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value else ""


def period_choices(today: _dt.date | None = None) -> list[str]:
    """Period filter values: the last 8 quarters, newest first, then this year and last year."""
    today = today or _dt.date.today()
    quarters = [p.label for p in reversed(periods.last_quarters(8, today))]
    return [*quarters, str(today.year), str(today.year - 1)]


class HotlineTab(QWidget):
    REQUEST_COLUMNS = (
        # 状态 and 办结时限 first after the number: on a 1024 px screen they stay in view.
        (QT_TRANSLATE_NOOP("HotlineTab", "编号"), lambda r: r.id),
        (QT_TRANSLATE_NOOP("HotlineTab", "状态"), lambda r: r.status + (QCoreApplication.translate("HotlineTab", "（超时）")
                                                                             if r.overdue else "")),
        (QT_TRANSLATE_NOOP("HotlineTab", "办结时限"), lambda r: _dt_text(r.due_at)),
        (QT_TRANSLATE_NOOP("HotlineTab", "受理时间"), lambda r: _dt_text(r.received_at)),
        (QT_TRANSLATE_NOOP("HotlineTab", "类别"), lambda r: r.category),
        (QT_TRANSLATE_NOOP("HotlineTab", "居民"), lambda r: r.resident_name),
        (QT_TRANSLATE_NOOP("HotlineTab", "电话"), lambda r: r.phone_masked),
        (QT_TRANSLATE_NOOP("HotlineTab", "社区"), lambda r: r.community),
        (QT_TRANSLATE_NOOP("HotlineTab", "紧急"), lambda r: r.urgency),
        (QT_TRANSLATE_NOOP("HotlineTab", "服务人员"), lambda r: "、".join(r.workers)),
        (QT_TRANSLATE_NOOP("HotlineTab", "诉求"), lambda r: r.text.replace("\n", " ")),
    )
    SUGGESTION_COLUMNS = (
        (QT_TRANSLATE_NOOP("HotlineTab", "姓名"), lambda s: s.name),
        (QT_TRANSLATE_NOOP("HotlineTab", "得分"), lambda s: s.score),
        (QT_TRANSLATE_NOOP("HotlineTab", "排在下一位前的原因"), lambda s: s.decided),
        (QT_TRANSLATE_NOOP("HotlineTab", "推荐理由"), lambda s: "；".join(s.reasons)),
    )

    def __init__(self, window):
        super().__init__()
        self.window_ref = window
        self.current: hotline.RequestDetail | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.addLayout(self._build_filter_bar())
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        outer.addWidget(splitter, 1)
        self.splitter = splitter

        left = QWidget(splitter)
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        self.model = RowsModel(self._columns(self.REQUEST_COLUMNS), self, highlight=lambda r: r.overdue)
        self.table = make_table(self.model, left)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.table.activated.connect(lambda _index: self.open_current())
        left_box.addWidget(self.table, 1)
        self.summary = QLabel(left)
        left_box.addWidget(self.summary)

        splitter.addWidget(self._build_detail_pane(splitter))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 520])
        self.refresh()

    def _columns(self, columns):
        return [(self.tr(title), getter) for title, getter in columns]

    # --- building -------------------------------------------------------------------------------
    def _build_filter_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.period = QComboBox(self)
        self.period.addItem(self.tr("全部期间"), "")
        for label in period_choices():
            self.period.addItem(label, label)
        self.period.setCurrentIndex(1)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("全部状态"), "")
        for status in vocab.HOTLINE_STATUSES:
            self.status.addItem(status, status)
        self.category = QComboBox(self)
        self.category.addItem(self.tr("全部类别"), "")
        for category in vocab.HOTLINE_CATEGORIES:
            self.category.addItem(category, category)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("居民姓名、电话或诉求内容"))
        self.search.setClearButtonEnabled(True)
        self.overdue_only = QCheckBox(self.tr("只看超时"), self)
        for label, widget in ((self.tr("期间"), self.period), (self.tr("状态"), self.status),
                              (self.tr("类别"), self.category)):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.overdue_only)
        self.new_button = QPushButton(self.tr("受理新工单…"), self)
        self.new_button.clicked.connect(self.new_request)
        self.export_button = QPushButton(self.tr("导出本期工单…"), self)
        self.export_button.clicked.connect(self.export_requests)
        self.rules_button = QPushButton(self.tr("推荐规则…"), self)
        self.rules_button.clicked.connect(self.edit_rules)
        bar.addWidget(self.new_button)
        bar.addWidget(self.export_button)
        bar.addWidget(self.rules_button)
        for combo in (self.period, self.status, self.category):
            combo.currentIndexChanged.connect(lambda *_: self.refresh())
        self.search.returnPressed.connect(self.refresh)
        self.search.textChanged.connect(lambda text: self.refresh() if not text else None)
        self.overdue_only.toggled.connect(lambda *_: self.refresh())
        return bar

    def _build_detail_pane(self, parent) -> QWidget:
        pane = QWidget(parent)
        box = self.detail_box = QVBoxLayout(pane)
        box.setContentsMargins(4, 0, 0, 0)
        self.detail = QLabel(pane)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setFrameShape(QFrame.Shape.StyledPanel)
        self.detail.setMargin(8)
        self.detail_scroll = detail_scroll(self.detail, pane)
        # The detail (with its buttons) above the suggestions, split so that the detail gets the
        # height its text needs (fit_detail): at 768 px a 2:3 share cut a request after 期望时间.
        self.detail_split = QSplitter(Qt.Orientation.Vertical, pane)
        self.detail_split.setChildrenCollapsible(False)
        box.addWidget(self.detail_split, 1)
        top = QWidget(self.detail_split)
        top_box = QVBoxLayout(top)
        top_box.setContentsMargins(0, 0, 0, 0)
        top_box.addWidget(self.detail_scroll, 1)

        flow = QHBoxLayout()
        self.flow_buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("assign", self.tr("分派…"), self.assign_dialog),
                                ("complete", self.tr("完成…"), self.complete),
                                ("follow_up", self.tr("回访…"), self.follow_up),
                                ("refer", self.tr("转介…"), lambda: self.close_request("refer")),
                                ("cancel", self.tr("撤销…"), lambda: self.close_request("cancel")),
                                ("edit", self.tr("修改…"), self.edit_request)):
            button = QPushButton(text, pane)
            button.clicked.connect(slot)
            flow.addWidget(button)
            self.flow_buttons[key] = button
        flow.addStretch(1)
        top_box.addLayout(flow)
        self.detail_split.addWidget(top)

        group = QGroupBox(self.tr("推荐人员"), self.detail_split)
        group_box = QVBoxLayout(group)
        self.suggestion_model = RowsModel(self._columns(self.SUGGESTION_COLUMNS), self)
        self.suggestions = make_table(self.suggestion_model, group)
        self.suggestions.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.suggestions.setWordWrap(True)
        self.suggestions.setMinimumHeight(60)   # may shrink when the detail needs the room
        self.suggestions.activated.connect(lambda *_: self.assign_selected())
        group_box.addWidget(self.suggestions, 1)
        row = QHBoxLayout()
        self.suggestion_hint = QLabel(self.tr("依次按专业特长、同社区、当前待办、近30天分派次数、党员、邻近社区排序；可按住 Ctrl 多选"), group)
        self.suggestion_hint.setStyleSheet("color:#666")
        self.suggestion_hint.setWordWrap(True)
        row.addWidget(self.suggestion_hint, 1)
        self.assign_button = QPushButton(self.tr("分派所选"), group)
        self.assign_button.clicked.connect(self.assign_selected)
        row.addWidget(self.assign_button)
        group_box.addLayout(row)
        self.suggestion_group = group
        self.detail_split.addWidget(group)
        self.detail_split.splitterMoved.connect(lambda *_: setattr(self, "_split_by_hand", True))
        self._split_by_hand = False
        return pane

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self.fit_detail)   # once the panes have their new widths

    def fit_detail(self) -> None:
        """The detail pane's split: the request's whole text when it fits, the suggestions keep
        SUGGESTIONS_MIN (about four people); once the clerk drags the split it stays."""
        sizes = self.detail_split.sizes()
        total, width = sum(sizes), self.detail_scroll.viewport().width()
        if self._split_by_hand or not self.suggestion_group.isVisibleTo(self) or total <= 0 or width <= 0:
            return
        chrome = sizes[0] - self.detail_scroll.viewport().height()   # buttons, margins
        needed = self.detail.heightForWidth(width) + chrome
        top = max(min(needed, total - SUGGESTIONS_MIN), total // 3)
        self.detail_split.setSizes([top, total - top])

    # --- loading --------------------------------------------------------------------------------
    def _period_range(self) -> tuple[_dt.date | None, _dt.date | None]:
        label = self.period.currentData()
        if not label:
            return None, None
        p = periods.parse(label)
        return p.start, p.end

    def refresh(self) -> None:
        selected = self.current.id if self.current else None
        start, end = self._period_range()
        rows = hotline.list_requests(status=self.status.currentData() or None,
                                     category=self.category.currentData() or None,
                                     start=start, end=end, search=self.search.text(),
                                     overdue_only=self.overdue_only.isChecked(), limit=LIST_LIMIT)
        self.model.set_rows(rows)
        fit_columns(self.table, 200)
        overdue = sum(1 for r in rows if r.overdue)
        open_count = sum(1 for r in rows if r.status in hotline.OPEN_STATUSES)
        text = self.tr("共 {0} 件，未办结 {1} 件，超时 {2} 件").format(len(rows), open_count, overdue)
        if len(rows) >= LIST_LIMIT:
            text += self.tr("（只显示最近 {0} 件，请缩小期间）").format(LIST_LIMIT)
        self.summary.setText(text)
        if not self.select_request(selected):
            if rows:
                self.table.selectRow(0)
            else:
                self._show(None)

    def select_request(self, request_id: int | None) -> bool:
        if request_id is None:
            return False
        row = self.model.find(request_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def show_record(self, record_id: int) -> None:
        """Open a request from a reminder: clear the filters if they hide it."""
        if not self.select_request(record_id):
            for combo in (self.period, self.status, self.category):
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
            self.search.clear()
            self.overdue_only.setChecked(False)
            self.refresh()
            self.select_request(record_id)

    def _selection_changed(self) -> None:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        try:
            self._show(hotline.get_request(row.id) if row else None)
        except UserError:
            self._show(None)

    def _show(self, detail: hotline.RequestDetail | None) -> None:
        self.current = detail
        allowed = detail.allowed_actions() if detail else set()
        if not current_session().can_write:  # 只读 operators see everything, change nothing
            allowed = set()
        self.new_button.setEnabled(current_session().can_write)
        self.rules_button.setEnabled(current_session().can_write)
        for key, button in self.flow_buttons.items():
            button.setEnabled(key in allowed or (key == "edit" and "assign" in allowed))
        self.assign_button.setEnabled("assign" in allowed)
        self.suggestion_group.setEnabled("assign" in allowed)
        # A request already under way has nobody to suggest: its detail takes the whole pane.
        self.suggestion_group.setVisible("assign" in allowed)
        if detail is None:
            self.detail.setText(self.tr("请在左侧选择一件工单"))
            self.suggestion_model.set_rows([])
            return
        self.detail.setText(self._detail_html(detail))
        self.suggestion_model.set_rows(hotline.suggest_workers(detail.id) if "assign" in allowed else [])
        fit_columns(self.suggestions, 160)
        self.fit_detail()

    def _detail_html(self, d: hotline.RequestDetail) -> str:
        pairs = [
            (self.tr("居民"), d.resident_name), (self.tr("电话"), d.phone),
            (self.tr("社区"), d.community or self.tr("（未指定）")),
            (self.tr("类别"), d.category), (self.tr("渠道"), d.channel), (self.tr("紧急程度"), d.urgency),
            (self.tr("受理时间"), _dt_text(d.received_at)), (self.tr("办结时限"), _dt_text(d.due_at)),
            (self.tr("期望时间"), d.preferred_time), (self.tr("诉求"), d.text),
        ]
        if d.workers:
            pairs.append((self.tr("服务人员"), "、".join(n for _i, n in d.workers)))
            pairs.append((self.tr("分派时间"), _dt_text(d.assigned_at)))
        if d.completed_at:
            pairs += [(self.tr("完成时间"), _dt_text(d.completed_at)),
                      (self.tr("服务时长"), self.tr("{0} 分钟").format(d.minutes)),
                      (self.tr("办理情况"), d.completion_note)]
        if d.followed_up_at:
            pairs += [(self.tr("回访"), f"{d.followed_up_at:%Y-%m-%d} {d.satisfaction}"),
                      (self.tr("回访记录"), d.followup_note)]
        if d.closed_at:
            pairs += [(self.tr("办结时间"), _dt_text(d.closed_at)), (self.tr("原因"), d.closed_reason)]
        rows = "".join(
            f"<tr><td style='color:#555;padding-right:10px' nowrap>{html.escape(k)}</td>"
            f"<td>{html.escape(str(v or '')).replace(chr(10), '<br>')}</td></tr>" for k, v in pairs)
        status = html.escape(d.status)
        late = f"<span style='color:#9b1c1c'> {self.tr('（已超时）')}</span>" if d.overdue else ""
        return (f"<h3 style='margin:0 0 6px 0'>{self.tr('工单')} #{d.id}　{status}{late}</h3>"
                f"<table cellspacing='2'>{rows}</table>")

    # --- actions --------------------------------------------------------------------------------
    def _changed(self) -> None:
        self.window_ref.data_changed.emit("hotline_request")

    def _run_dialog(self, dialog) -> bool:
        if dialog.exec():
            self._changed()
            return True
        return False

    def new_request(self) -> None:
        from ui.dialogs.hotline import RequestDialog

        dialog = RequestDialog(self)
        if self._run_dialog(dialog) and dialog.result_value is not None:
            self.show_record(dialog.result_value.id)

    def open_current(self) -> None:
        """Double-click or Enter on a request: its form while it may still be corrected, else
        the (scrolling) detail beside the list."""
        button = self.flow_buttons["edit"]
        if self.current and button.isEnabled() and current_session().can_write:
            self.edit_request()
        else:
            self.detail_scroll.setFocus()

    def edit_request(self) -> None:
        from ui.dialogs.hotline import RequestDialog

        if self.current:
            self._run_dialog(RequestDialog(self, self.current))

    def assign_dialog(self) -> None:
        from ui.dialogs.hotline import AssignDialog

        if self.current:
            self._run_dialog(AssignDialog(self, self.current))

    def edit_rules(self) -> None:
        from ui.dialogs.hotline import SpecialtyMapDialog

        self._run_dialog(SpecialtyMapDialog(self))

    def selected_suggestions(self) -> list[hotline.Suggestion]:
        rows = sorted({i.row() for i in self.suggestions.selectionModel().selectedRows()})
        return [self.suggestion_model.row_at(r) for r in rows]

    def assign_selected(self) -> None:
        if self.current is None:
            return
        chosen = self.selected_suggestions()
        if not chosen:
            QMessageBox.information(self, self.tr("提示"), self.tr("请先在推荐人员中选择一人或多人"))
            return
        try:
            hotline.assign(self.current.id, [s.worker_id for s in chosen], version=self.current.version)
        except UserError as exc:
            from ui.app import show_error

            show_error(self, exc)
            self.refresh()
            return
        self._changed()

    def complete(self) -> None:
        from ui.dialogs.hotline import CompleteDialog

        if self.current:
            self._run_dialog(CompleteDialog(self, self.current))

    def follow_up(self) -> None:
        from ui.dialogs.hotline import FollowUpDialog

        if self.current:
            self._run_dialog(FollowUpDialog(self, self.current))

    def close_request(self, action: str) -> None:
        from ui.dialogs.hotline import ReasonDialog

        if self.current:
            self._run_dialog(ReasonDialog(self, self.current, action))

    # --- export ---------------------------------------------------------------------------------
    def export_period(self) -> periods.Period:
        """The period to export: the filter's, or the current quarter when 全部期间 is shown."""
        return periods.parse(self.period.currentData()) if self.period.currentData() else periods.quarter_of(_dt.date.today())

    def export_requests(self) -> None:
        period = self.export_period()
        path = ask_xlsx_path(self, self.tr("导出热线工单"), f"热线工单_{period.label}.xlsx")
        if path:
            self.start_export(period, path)

    def start_export(self, period: periods.Period, path: str):
        """Run swdesk/jobs/export_hotline.py (what `export ...` runs) in the background."""
        return export_in_background(
            self, self.tr("正在导出热线工单…"),
            lambda progress: export_hotline.export_hotline(period, Path(path), progress=progress))
