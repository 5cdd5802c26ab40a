"""一对一帮教 tab: the pairs (youth names and guardian phones masked), the selected pair's
particulars in full, and its session log."""
from __future__ import annotations

import datetime as _dt

from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QHBoxLayout, QLineEdit, QVBoxLayout

from swdesk import vocab
from swdesk.services import mentoring, vocabulary
from ui.dialogs.mentoring import ClosePairDialog, PairDialog, SessionDialog
from ui.dialogs.service_form import run_form
from ui.models.rows import RowsModel, fit_columns, make_table
from ui.tabs.programme_base import ProgrammeTab, detail_html


class MentoringTab(ProgrammeTab):
    settings_key = "mentoring_tab"

    def __init__(self, window):
        columns = [
            (self.tr("青少年"), lambda r: r.youth),
            (self.tr("性别/年龄"), lambda r: f"{r.youth_gender} {r.youth_age}"),
            (self.tr("帮教人"), lambda r: r.mentor),
            (self.tr("组织单位"), lambda r: r.unit),
            (self.tr("类别"), lambda r: r.concern),
            (self.tr("状态"), lambda r: self.tr("超期未帮教") if r.stale else r.status),
            (self.tr("开始"), lambda r: r.start_date),
            (self.tr("最近帮教"), lambda r: r.last_session),
            (self.tr("次数"), lambda r: r.sessions),
            (self.tr("监护人电话"), lambda r: r.guardian_phone),
        ]
        super().__init__(window, columns, highlight=lambda r: r.stale)
        self._build_bar()
        self._build_log()
        self.refresh()

    # --- layout ---------------------------------------------------------------------------------
    def _build_bar(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("查找：青少年姓名、帮教人、学校"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.bar.addWidget(self.search, 2)
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(self.tr("全部状态"), "")
        for status in vocab.MENTORING_STATUSES:
            self.status_filter.addItem(status, status)
        self.status_filter.setCurrentIndex(1)  # 进行中: what the clerk works on
        self.status_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.bar.addWidget(self.status_filter)
        self.unit_filter = QComboBox(self)
        self.unit_filter.addItem(self.tr("全部单位"), "")
        self.unit_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.bar.addWidget(self.unit_filter)
        self.stale_only = QCheckBox(self.tr("只看超期未帮教"), self)
        self.stale_only.toggled.connect(lambda _c: self.refresh())
        self.bar.addWidget(self.stale_only)
        self.bar.addStretch(1)
        self.new_button = self.button(self.tr("新建对子"), self.new_pair)
        self.edit_button = self.button(self.tr("修改"), self.edit_pair)
        self.close_button = self.button(self.tr("结束帮教"), self.close_pair)

    def _build_log(self) -> None:
        group = QGroupBox(self.tr("帮教记录"), self.right)
        box = QVBoxLayout(group)
        buttons = QHBoxLayout()
        self.add_session_button = self.button(self.tr("添加记录"), self.add_session, buttons)
        self.edit_session_button = self.button(self.tr("修改"), self.edit_session, buttons)
        self.delete_session_button = self.button(self.tr("删除"), self.delete_session, buttons)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.sessions_model = RowsModel([
            (self.tr("日期"), lambda s: s.date),
            (self.tr("方式"), lambda s: s.kind),
            (self.tr("分钟"), lambda s: s.minutes),
            (self.tr("地点"), lambda s: s.place),
            (self.tr("内容与情况"), lambda s: s.notes.replace("\n", " ")),
        ], self)
        self.sessions = make_table(self.sessions_model, group)
        self.sessions.activated.connect(lambda _i: self._guarded(self.edit_session))
        box.addWidget(self.sessions, 1)
        self.right_box.addWidget(group, 3)

    # --- data -----------------------------------------------------------------------------------
    def _sync_unit_filter(self) -> None:
        """The office may have added units since (设置 → 可选值列表)."""
        units = vocabulary.items("mentoring_unit")
        shown = [self.unit_filter.itemData(i) for i in range(1, self.unit_filter.count())]
        if units == shown:
            return
        keep = self.unit_filter.currentData()
        self.unit_filter.blockSignals(True)
        while self.unit_filter.count() > 1:
            self.unit_filter.removeItem(1)
        for unit in units:
            self.unit_filter.addItem(unit, unit)
        self.unit_filter.setCurrentIndex(max(0, self.unit_filter.findData(keep)))
        self.unit_filter.blockSignals(False)

    def load_rows(self):
        self._sync_unit_filter()
        filters = {"text": self.search.text(), "status": self.status_filter.currentData(),
                   "unit": self.unit_filter.currentData(), "stale_only": self.stale_only.isChecked()}
        return mentoring.list_pairs(filters)

    def summary_text(self, rows) -> str:
        stale = sum(1 for r in rows if r.stale)
        return self.tr("共 {n} 对，其中超过 {days} 天未帮教 {stale} 对；累计帮教成功 {helped} 人").format(
            n=len(rows), days=mentoring.stale_days(), stale=stale, helped=mentoring.helped_count())

    def clear_filters(self) -> None:
        for widget in (self.search, self.status_filter, self.unit_filter, self.stale_only):
            widget.blockSignals(True)
        self.search.clear()
        self.status_filter.setCurrentIndex(0)
        self.unit_filter.setCurrentIndex(0)
        self.stale_only.setChecked(False)
        for widget in (self.search, self.status_filter, self.unit_filter, self.stale_only):
            widget.blockSignals(False)

    def show_detail(self, row) -> None:
        has = row is not None
        for btn in (self.edit_button, self.add_session_button, self.edit_session_button,
                    self.delete_session_button):
            btn.setEnabled(has)
        self.close_button.setEnabled(has and row.status == mentoring.ACTIVE)
        if not has:
            self.detail.setText(self.tr("<p style='color:#777'>没有选中的帮教对子。</p>"))
            self.sessions_model.set_rows([])
            return
        pair = mentoring.get_pair(row.id)
        today = _dt.date.today()
        pairs = [
            (self.tr("青少年"), self.tr("{0}（{1}，{2}岁，{3}生）").format(
                pair.youth_name, pair.youth_gender, vocab.age_at(pair.youth_birth_date, today),
                f"{pair.youth_birth_date:%Y-%m-%d}")),
            (self.tr("身份证号"), pair.youth_id_number or self.tr("未登记")),
            (self.tr("学校或状况"), pair.youth_school),
            (self.tr("监护人"), f"{pair.guardian_name}  {pair.guardian_phone}".strip()),
            (self.tr("帮教类别"), pair.concern),
            (self.tr("组织单位"), pair.unit),
            (self.tr("帮教人"), f"{pair.mentor.name}  {pair.mentor.phone}".strip()),
            (self.tr("结对时间"), self.tr("{0} 至 {1}").format(
                f"{pair.start_date:%Y-%m-%d}",
                self.tr("{0}（计划）").format(f"{pair.planned_end:%Y-%m-%d}") if pair.planned_end else self.tr("未定"))),
            (self.tr("状态"), pair.status + (f"（{pair.ended_on:%Y-%m-%d}）" if pair.ended_on else "")),
            (self.tr("帮教次数"), self.tr("{n} 次，共 {h:.1f} 小时").format(n=row.sessions, h=row.minutes / 60)),
        ]
        if pair.outcome:
            pairs.append((self.tr("帮教成效"), pair.outcome + (self.tr("（帮教成功）") if pair.positive_outcome else "")))
        note = ""
        if row.stale:
            since = row.last_session or row.start_date
            note = self.tr("已 {d} 天没有帮教记录").format(d=(today - since).days)
        self.detail.setText(detail_html(self.tr("帮教对子详情"), pairs, note))
        self.sessions_model.set_rows(mentoring.sessions(row.id))
        fit_columns(self.sessions, 200)

    def current_session(self):
        index = self.sessions.currentIndex()
        return self.sessions_model.row_at(index.row()) if index.isValid() else None

    # --- actions --------------------------------------------------------------------------------
    def new_pair(self) -> None:
        pair = run_form(PairDialog(self))
        if pair is not None:
            # The filters stay as the clerk set them (a new one is 进行中 like the default
            # view); they are cleared only if they would hide the new record.
            self.changed("mentoring_pair")
            self.show_record(pair.id)

    def edit_pair(self) -> None:
        if self.current_id() is not None and run_form(PairDialog(self, self.current_id())) is not None:
            self.changed("mentoring_pair")

    def close_pair(self) -> None:
        if self.current_id() is not None and run_form(ClosePairDialog(self, self.current_id())) is not None:
            self.changed("mentoring_pair")

    def add_session(self) -> None:
        if self.current_id() is not None and run_form(SessionDialog(self, self.current_id())) is not None:
            self.changed("mentoring_session")

    def edit_session(self) -> None:
        session = self.current_session()
        if session is not None and run_form(SessionDialog(self, session.pair_id, session.id)) is not None:
            self.changed("mentoring_session")

    def delete_session(self) -> None:
        session = self.current_session()
        if session is None:
            return
        if self.confirm(self.tr("删除 {d} 的帮教记录？相应的服务时长将一并扣除。").format(d=f"{session.date:%Y-%m-%d}")):
            mentoring.delete_session(session.id)
            self.changed("mentoring_session")
