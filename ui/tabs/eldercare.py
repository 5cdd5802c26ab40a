"""扶老助老 tab: the groups (late ones first), the selected group's particulars, and its visit
log, members and elders (ID numbers and phones masked in the list)."""
from __future__ import annotations

import datetime as _dt

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from swdesk.services import eldercare
from ui.dialogs.eldercare import (
    AssignDialog,
    ElderDialog,
    GroupDialog,
    GroupVisitDialog,
    LeaveDialog,
    MemberDialog,
    ReleaseDialog,
)
from ui.dialogs.service_form import run_form
from ui.models.rows import RowsModel, fit_columns, make_table
from ui.tabs.programme_base import ProgrammeTab, detail_html

ELDER_GROUP_COLUMN = 5  # 小组: shown only when the list holds every group's elders


class ElderCareTab(ProgrammeTab):
    settings_key = "eldercare_tab"
    default_sizes = (600, 760)  # few group columns; the visit log and elders need the room

    def __init__(self, window):
        columns = [
            (self.tr("小组"), lambda r: r.name),
            (self.tr("组长"), lambda r: r.leader),
            (self.tr("服务点"), lambda r: r.site),
            (self.tr("成员"), lambda r: r.members),
            (self.tr("老人"), lambda r: r.elders),
            (self.tr("频率"), lambda r: self.tr("每{d}天").format(d=r.visit_every_days)),
            (self.tr("最近探访"), lambda r: r.last_visit),
            (self.tr("应探访"), lambda r: r.due),
            (self.tr("状态"), lambda r: self.tr("超期") if r.overdue else (self.tr("正常") if r.active else self.tr("已停止"))),
        ]
        super().__init__(window, columns, highlight=lambda r: r.overdue)
        self._build_bar()
        self._build_pages()
        self.refresh()

    def _build_bar(self) -> None:
        self.show_stopped = QCheckBox(self.tr("显示已停止的小组"), self)
        self.show_stopped.toggled.connect(lambda _c: self.refresh())
        self.bar.addWidget(self.show_stopped)
        self.bar.addStretch(1)
        self.new_button = self.button(self.tr("新建小组"), self.new_group)
        self.edit_button = self.button(self.tr("修改小组"), self.edit_group)

    def _page(self, title: str) -> tuple[QWidget, QHBoxLayout, QVBoxLayout]:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(4, 4, 4, 4)
        buttons = QHBoxLayout()
        box.addLayout(buttons)
        self.pages.addTab(page, title)
        return page, buttons, box

    def _build_pages(self) -> None:
        self.pages = QTabWidget(self.right)
        self.right_box.addWidget(self.pages, 3)
        # visits
        page, buttons, box = self._page(self.tr("探访记录"))
        self.add_visit_button = self.button(self.tr("添加探访"), self.add_visit, buttons)
        self.edit_visit_button = self.button(self.tr("修改"), self.edit_visit, buttons)
        self.delete_visit_button = self.button(self.tr("删除"), self.delete_visit, buttons)
        buttons.addStretch(1)
        self.visits_model = RowsModel([
            (self.tr("日期"), lambda v: v.date),
            (self.tr("分钟"), lambda v: v.minutes),
            (self.tr("参加成员"), lambda v: "、".join(v.members)),
            (self.tr("探访老人"), lambda v: self.tr("{n}位").format(n=len(v.elders))),
            (self.tr("服务内容"), lambda v: v.services),
            (self.tr("情况记录"), lambda v: v.notes.replace("\n", " ")),
        ], self)
        self.visits = make_table(self.visits_model, page)
        self.visits.activated.connect(lambda _i: self._guarded(self.edit_visit))
        box.addWidget(self.visits, 1)
        # members
        page, buttons, box = self._page(self.tr("小组成员"))
        self.add_member_button = self.button(self.tr("添加成员"), self.add_member, buttons)
        self.leave_button = self.button(self.tr("退出小组"), self.leave_group, buttons)
        self.show_past = QCheckBox(self.tr("含已退出"), page)
        self.show_past.toggled.connect(lambda _c: self.show_detail(self.current_row()))
        buttons.addWidget(self.show_past)
        buttons.addStretch(1)
        self.members_model = RowsModel([
            (self.tr("姓名"), lambda m: m.worker.name),
            (self.tr("角色"), lambda m: m.role),
            (self.tr("加入"), lambda m: m.joined_on),
            (self.tr("退出"), lambda m: m.left_on),
            (self.tr("所属领域"), lambda m: m.worker.sector),
        ], self, highlight=lambda m: m.left_on is not None)
        self.members = make_table(self.members_model, page)
        box.addWidget(self.members, 1)
        # elders
        page, buttons, box = self._page(self.tr("照顾的老人"))
        self.new_elder_button = self.button(self.tr("新增老人"), self.new_elder, buttons)
        self.edit_elder_button = self.button(self.tr("修改"), self.edit_elder, buttons)
        self.assign_button = self.button(self.tr("调入本组"), self.assign_elder, buttons)
        self.release_button = self.button(self.tr("离开小组"), self.release_elder, buttons)
        self.all_elders = QCheckBox(self.tr("全部老人"), page)
        self.all_elders.setToolTip(self.tr("列出所有小组和尚未分组的老人"))
        self.all_elders.toggled.connect(lambda _c: self._show_elders(self.current_row()))
        buttons.addWidget(self.all_elders)
        buttons.addStretch(1)
        self.elders_model = RowsModel([
            (self.tr("姓名"), lambda e: e.name),
            (self.tr("性别/年龄"), lambda e: f"{e.gender} {e.age}"),
            (self.tr("房间"), lambda e: e.room),
            (self.tr("居住状况"), lambda e: e.living),
            (self.tr("身份证号"), lambda e: e.id_number),
            (self.tr("小组"), lambda e: e.group or self.tr("未分组")),
            (self.tr("紧急联系人"), lambda e: e.emergency_contact),
            (self.tr("电话"), lambda e: e.emergency_phone),
        ], self)
        self.elders = make_table(self.elders_model, page)
        self.elders.activated.connect(lambda _i: self._guarded(self.edit_elder))
        self.elders.selectionModel().currentRowChanged.connect(lambda *_: self._show_elder())
        box.addWidget(self.elders, 1)

    # --- data -----------------------------------------------------------------------------------
    def load_rows(self):
        return eldercare.list_groups(include_inactive=self.show_stopped.isChecked())

    def summary_text(self, rows) -> str:
        late = sum(1 for r in rows if r.overdue)
        elders = sum(r.elders for r in rows)
        return self.tr("共 {n} 个小组，照顾老人 {e} 位；{late} 个小组未按计划探访").format(
            n=len(rows), e=elders, late=late)

    def clear_filters(self) -> None:
        self.show_stopped.setChecked(True)

    def show_detail(self, row) -> None:
        has = row is not None
        for btn in (self.edit_button, self.add_visit_button, self.edit_visit_button, self.delete_visit_button,
                    self.add_member_button, self.leave_button, self.new_elder_button, self.edit_elder_button,
                    self.assign_button, self.release_button):
            btn.setEnabled(has)
        if not has:
            self.detail.setText(self.tr("<p style='color:#777'>没有选中的小组。</p>"))
            for model in (self.visits_model, self.members_model, self.elders_model):
                model.set_rows([])
            return
        today = _dt.date.today()
        note = ""
        if row.overdue:
            note = self.tr("应于 {d} 前探访，已超期 {n} 天").format(d=f"{row.due:%Y-%m-%d}", n=(today - row.due).days)
        visits = eldercare.visits(row.id)
        total = sum(v.minutes * len(v.member_ids) for v in visits)
        self.detail.setText(detail_html(row.name, [
            (self.tr("组长"), row.leader or self.tr("未指定")),
            (self.tr("服务点"), row.site),
            (self.tr("探访频率"), self.tr("每 {d} 天一次").format(d=row.visit_every_days)),
            (self.tr("成员 / 老人"), self.tr("{m} 人 / {e} 位").format(m=row.members, e=row.elders)),
            (self.tr("最近探访"), f"{row.last_visit:%Y-%m-%d}" if row.last_visit else self.tr("尚无")),
            (self.tr("累计"), self.tr("探访 {n} 次，服务 {h:.1f} 人·小时").format(n=len(visits), h=total / 60)),
        ], note))
        self.visits_model.set_rows(visits)
        fit_columns(self.visits, 220)
        self.members_model.set_rows(eldercare.members(row.id, include_past=self.show_past.isChecked()))
        fit_columns(self.members)
        self._show_elders(row)

    def _show_elders(self, row) -> None:
        self.elders.setColumnHidden(ELDER_GROUP_COLUMN, not self.all_elders.isChecked())
        if self.all_elders.isChecked():
            self.elders_model.set_rows(eldercare.list_elders())
        else:
            self.elders_model.set_rows(eldercare.list_elders({"group_id": row.id}) if row is not None else [])
        fit_columns(self.elders)

    def _show_elder(self) -> None:
        elder = self._current(self.elders, self.elders_model)
        if elder is not None:
            self.elders.setToolTip(self.tr("需求：{n}").format(n=eldercare.get_elder(elder.id).needs or "—"))

    @staticmethod
    def _current(view, model):
        index = view.currentIndex()
        return model.row_at(index.row()) if index.isValid() else None

    # --- actions --------------------------------------------------------------------------------
    def new_group(self) -> None:
        group = run_form(GroupDialog(self))
        if group is not None:
            self.changed("elder_group")
            self.select_id(group.id)

    def edit_group(self) -> None:
        if self.current_id() is not None and run_form(GroupDialog(self, self.current_id())):
            self.changed("elder_group")

    def add_visit(self) -> None:
        if self.current_id() is not None and run_form(GroupVisitDialog(self, self.current_id())):
            self.changed("group_visit")

    def edit_visit(self) -> None:
        visit = self._current(self.visits, self.visits_model)
        if visit is not None and run_form(GroupVisitDialog(self, visit.group_id, visit.id)):
            self.changed("group_visit")

    def delete_visit(self) -> None:
        visit = self._current(self.visits, self.visits_model)
        if visit is not None and self.confirm(
                self.tr("删除 {d} 的探访记录？参加成员的服务时长将一并扣除。").format(d=f"{visit.date:%Y-%m-%d}")):
            eldercare.delete_visit(visit.id)
            self.changed("group_visit")

    def add_member(self) -> None:
        if self.current_id() is not None and run_form(MemberDialog(self, self.current_id())):
            self.changed("group_member")

    def leave_group(self) -> None:
        member = self._current(self.members, self.members_model)
        if member is not None and run_form(LeaveDialog(self, member.id, member.worker.name)):
            self.changed("group_member")

    def new_elder(self) -> None:
        if run_form(ElderDialog(self, group_id=self.current_id())):
            self.changed("elder")

    def edit_elder(self) -> None:
        elder = self._current(self.elders, self.elders_model)
        if elder is not None and run_form(ElderDialog(self, elder.id)):
            self.changed("elder")

    def assign_elder(self) -> None:
        if run_form(AssignDialog(self, group_id=self.current_id())):
            self.changed("elder_assignment")

    def release_elder(self) -> None:
        elder = self._current(self.elders, self.elders_model)
        if elder is not None and run_form(ReleaseDialog(self, elder.id, elder.name)):
            self.changed("elder_assignment")
