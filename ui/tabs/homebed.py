"""社区家庭病床 tab: households with the overdue ones first (ID numbers and phones masked), the
selected household in full, and its visit log."""
from __future__ import annotations

import datetime as _dt

from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QHBoxLayout, QLineEdit, QVBoxLayout

from swdesk.services import homebed
from ui.dialogs.homebed import CloseBedDialog, HomeVisitDialog, HouseholdDialog
from ui.dialogs.service_form import run_form
from ui.models.rows import RowsModel, fit_columns, make_table
from ui.tabs.programme_base import ProgrammeTab, detail_html


class HomeBedTab(ProgrammeTab):
    settings_key = "homebed_tab"

    def __init__(self, window):
        columns = [
            (self.tr("户主"), lambda r: r.head),
            (self.tr("状态"), self._status_text),
            (self.tr("应探访"), lambda r: r.due),
            (self.tr("最近探访"), lambda r: r.last_visit),
            (self.tr("社区"), lambda r: r.community),
            (self.tr("医疗志愿者"), lambda r: r.workers),
            (self.tr("电话"), lambda r: r.phone),
            (self.tr("低保证号"), lambda r: r.dibao_no),
            (self.tr("住址"), lambda r: r.address),
        ]
        super().__init__(window, columns, highlight=lambda r: r.overdue)
        self._build_bar()
        self._build_log()
        self.refresh()

    def _status_text(self, row) -> str:
        if not row.active:
            return self.tr("已撤床")
        if row.overdue:
            return self.tr("超期{n}天").format(n=row.days_overdue)
        if row.due == _dt.date.today():
            return self.tr("今日应探访")
        return self.tr("正常")

    def _build_bar(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("查找：户主、住址、低保证号"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.bar.addWidget(self.search, 2)
        self.community = QComboBox(self)
        self.community.addItem(self.tr("全部社区"), None)
        for community_id, name in homebed.communities():
            self.community.addItem(name, community_id)
        self.community.currentIndexChanged.connect(lambda _i: self.refresh())
        self.bar.addWidget(self.community)
        self.overdue_only = QCheckBox(self.tr("只看超期"), self)
        self.overdue_only.toggled.connect(lambda _c: self.refresh())
        self.bar.addWidget(self.overdue_only)
        self.show_closed = QCheckBox(self.tr("含已撤床"), self)
        self.show_closed.toggled.connect(lambda _c: self.refresh())
        self.bar.addWidget(self.show_closed)
        self.bar.addStretch(1)
        self.new_button = self.button(self.tr("新建病床"), self.new_household)
        self.edit_button = self.button(self.tr("修改"), self.edit_household)
        self.close_button = self.button(self.tr("撤床"), self.close_bed)

    def _build_log(self) -> None:
        group = QGroupBox(self.tr("探访记录"), self.right)
        box = QVBoxLayout(group)
        buttons = QHBoxLayout()
        self.add_visit_button = self.button(self.tr("添加探访"), self.add_visit, buttons)
        self.edit_visit_button = self.button(self.tr("修改"), self.edit_visit, buttons)
        self.delete_visit_button = self.button(self.tr("删除"), self.delete_visit, buttons)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.visits_model = RowsModel([
            (self.tr("日期"), lambda v: v.date),
            (self.tr("人员"), lambda v: "、".join(v.workers)),
            (self.tr("分钟"), lambda v: v.minutes),
            (self.tr("服务内容"), lambda v: v.services),
            (self.tr("下次"), lambda v: v.next_due),
            (self.tr("情况与发现"), lambda v: v.findings.replace("\n", " ")),
        ], self)
        self.visits = make_table(self.visits_model, group)
        self.visits.activated.connect(lambda _i: self._guarded(self.edit_visit))
        box.addWidget(self.visits, 1)
        self.right_box.addWidget(group, 3)

    # --- data -----------------------------------------------------------------------------------
    def load_rows(self):
        return homebed.list_households({"text": self.search.text(), "community_id": self.community.currentData(),
                                        "overdue_only": self.overdue_only.isChecked(),
                                        "include_inactive": self.show_closed.isChecked()})

    def summary_text(self, rows) -> str:
        late = sum(1 for r in rows if r.overdue)
        communities = len({r.community for r in rows})
        return self.tr("共 {n} 户（{c} 个社区），{late} 户超期未探访").format(n=len(rows), c=communities, late=late)

    def clear_filters(self) -> None:
        for widget in (self.search, self.community, self.overdue_only, self.show_closed):
            widget.blockSignals(True)
        self.search.clear()
        self.community.setCurrentIndex(0)
        self.overdue_only.setChecked(False)
        self.show_closed.setChecked(True)
        for widget in (self.search, self.community, self.overdue_only, self.show_closed):
            widget.blockSignals(False)

    def show_detail(self, row) -> None:
        has = row is not None
        for btn in (self.edit_button, self.add_visit_button, self.edit_visit_button, self.delete_visit_button):
            btn.setEnabled(has)
        self.close_button.setEnabled(has and row.active)
        if not has:
            self.detail.setText(self.tr("<p style='color:#777'>没有选中的家庭病床户。</p>"))
            self.visits_model.set_rows([])
            return
        h = homebed.get_household(row.id)
        note = self.tr("应于 {d} 探访，已超期 {n} 天").format(d=f"{row.due:%Y-%m-%d}", n=row.days_overdue) \
            if row.overdue else ""
        pairs = [
            (self.tr("身份证号"), h.head_id_number or self.tr("未登记")),
            (self.tr("联系电话"), h.phone),
            (self.tr("住址"), f"{row.community}　{h.address}"),
            (self.tr("低保证号"), h.dibao_no),
            (self.tr("家庭人口"), self.tr("{n} 人").format(n=h.members)
             + (f"：{h.member_notes}" if h.member_notes else "")),
            (self.tr("病情"), h.conditions),
            (self.tr("医疗志愿者"), row.workers or self.tr("未指定")),
            (self.tr("探访频率"), self.tr("每 {d} 天一次，{added} 建床").format(
                d=h.visit_every_days, added=f"{h.added_on:%Y-%m-%d}")),
            (self.tr("下次探访"), f"{row.due:%Y-%m-%d}"),
        ]
        self.detail.setText(detail_html(self.tr("{name}家").format(name=h.head_name), pairs, note))
        self.visits_model.set_rows(homebed.visits(row.id))
        fit_columns(self.visits, 200)

    def current_visit(self):
        index = self.visits.currentIndex()
        return self.visits_model.row_at(index.row()) if index.isValid() else None

    # --- actions --------------------------------------------------------------------------------
    def new_household(self) -> None:
        household = run_form(HouseholdDialog(self))
        if household is not None:
            # The filters stay as the clerk set them (a new one is 进行中 like the default
            # view); they are cleared only if they would hide the new record.
            self.changed("household")
            self.show_record(household.id)

    def edit_household(self) -> None:
        if self.current_id() is not None and run_form(HouseholdDialog(self, self.current_id())):
            self.changed("household")

    def close_bed(self) -> None:
        if self.current_id() is not None and run_form(CloseBedDialog(self, self.current_id())):
            self.changed("household")

    def add_visit(self) -> None:
        if self.current_id() is not None and run_form(HomeVisitDialog(self, self.current_id())):
            self.changed("home_visit")

    def edit_visit(self) -> None:
        visit = self.current_visit()
        if visit is not None and run_form(HomeVisitDialog(self, visit.household_id, visit.id)):
            self.changed("home_visit")

    def delete_visit(self) -> None:
        visit = self.current_visit()
        if visit is not None and self.confirm(
                self.tr("删除 {d} 的探访记录？探访人员的服务时长将一并扣除。").format(d=f"{visit.date:%Y-%m-%d}")):
            homebed.delete_visit(visit.id)
            self.changed("home_visit")


