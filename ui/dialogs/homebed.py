"""Forms of 社区家庭病床: a household with its medical volunteers, closing a sickbed, a visit."""
from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtWidgets import QComboBox, QSpinBox

from swdesk.services import checkin, homebed, vocabulary
from ui.dialogs.eldercare import days_box
from ui.dialogs.mentoring import line, minutes_box
from ui.dialogs.service_form import RecordFormDialog
from ui.widgets.checkin import ChecklistCheckinField
from ui.widgets.forms import (
    LabelChecks,
    OptionalDate,
    PeopleChecklist,
    date_edit,
    from_qdate,
    text_edit,
)


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("HomeBedDialog", text)


class HouseholdDialog(RecordFormDialog):
    def __init__(self, parent=None, household_id: int | None = None):
        super().__init__(_tr("修改家庭病床户") if household_id else _tr("新建家庭病床"), parent, scroll=True)
        self.household_id, self.version = household_id, None
        data: dict[str, Any] = {"members": 1, "visit_every_days": 14, "added_on": _dt.date.today(), "worker_ids": []}
        if household_id:
            self.version = homebed.get_household(household_id).version
            data = homebed.household_form(household_id)
        self.add_field("head_name", self.tr("户主"), line(data.get("head_name", "")), True)
        self.add_field("head_id_number", self.tr("身份证号"), line(data.get("head_id_number", ""), self.tr("选填")))
        self.add_field("phone", self.tr("联系电话"), line(data.get("phone", "")), True)
        self.community = QComboBox()
        for community_id, name in homebed.communities():
            self.community.addItem(name, community_id)
        self.community.setCurrentIndex(self.community.findData(data.get("community_id")))
        self.add_field("community_id", self.tr("社区"), self.community, True)
        self.add_field("address", self.tr("住址"), line(data.get("address", "")), True)
        self.add_field("dibao_no", self.tr("低保证号"), line(data.get("dibao_no", "")), True)
        members = QSpinBox()
        members.setRange(0, 20)
        members.setSuffix(self.tr(" 人"))
        members.setValue(data["members"])
        self.add_field("members", self.tr("家庭人口"), members, True)
        self.add_field("member_notes", self.tr("家庭成员"), text_edit(data.get("member_notes", ""), 50))
        self.add_field("conditions", self.tr("病情"), text_edit(data.get("conditions", ""), 60), True)
        self.add_field("visit_every_days", self.tr("探访频率"), days_box(data["visit_every_days"], 180), True)
        self.add_field("added_on", self.tr("建床日期"), date_edit(data["added_on"]), True)
        self.workers = PeopleChecklist(self)
        self.workers.set_workers([(w.id, w.name) for w in homebed.assigned_workers(household_id)]
                                 if household_id else [], data["worker_ids"])
        self.add_field("worker_ids", self.tr("医疗志愿者"), self.workers)
        self.resize(540, 700)

    def values(self):
        f = self.field
        return {"head_name": f("head_name").text(), "head_id_number": f("head_id_number").text(),
                "phone": f("phone").text(), "community_id": self.community.currentData(),
                "address": f("address").text(), "dibao_no": f("dibao_no").text(),
                "members": f("members").value(), "member_notes": f("member_notes").toPlainText(),
                "conditions": f("conditions").toPlainText(), "visit_every_days": f("visit_every_days").value(),
                "added_on": from_qdate(f("added_on").date()), "worker_ids": self.workers.checked_ids()}

    def submit(self, values):
        if self.household_id:
            return homebed.update_household(self.household_id, values, version=self.version)
        return homebed.create_household(values)


class CloseBedDialog(RecordFormDialog):
    """撤床: the household leaves the programme; the reason is required."""

    def __init__(self, parent=None, household_id: int = 0):
        super().__init__(_tr("撤销家庭病床"), parent)
        household = homebed.get_household(household_id)
        self.household_id, self.version = household_id, household.version
        self.add_field("reason", self.tr("{name} 撤床原因").format(name=household.head_name),
                       line("", self.tr("如：已康复、迁出本街道、去世")), True)
        self.resize(420, self.sizeHint().height())

    def values(self):
        return {"reason": self.field("reason").text()}

    def submit(self, values):
        return homebed.set_household_active(self.household_id, False, values["reason"], version=self.version)


class HomeVisitDialog(RecordFormDialog):
    """A visit: the household's volunteers are listed ticked; others can be added by search."""

    def __init__(self, parent=None, household_id: int = 0, visit_id: int | None = None):
        super().__init__(_tr("修改病床探访") if visit_id else _tr("添加病床探访"), parent, scroll=True)
        self.household_id, self.visit_id, self.version = household_id, visit_id, None
        assigned = [(w.id, w.name) for w in homebed.assigned_workers(household_id)]
        data: dict[str, Any] = {"date": _dt.date.today(), "minutes": 45, "services": [], "findings": "",
                                "next_due": None, "worker_ids": [w for w, _ in assigned]}
        people = list(assigned)
        if visit_id:
            visit = homebed.get_visit(visit_id)
            self.household_id, self.version = visit.household_id, visit.version
            data = {"date": visit.date, "minutes": visit.minutes, "services": visit.services.split("、"),
                    "findings": visit.findings, "next_due": visit.next_due, "worker_ids": visit.worker_ids}
            people += [(w, n) for w, n in zip(visit.worker_ids, visit.workers, strict=True)
                       if w not in {p[0] for p in people}]
        self.add_field("date", self.tr("日期"), date_edit(data["date"]), True)
        self.add_field("minutes", self.tr("时长"), minutes_box(data["minutes"]), True)
        self.services = LabelChecks(vocabulary.items("homebed_service"), self, columns=3)
        self.services.set_values([s for s in data["services"] if s])
        self.add_field("services", self.tr("服务内容"), self.services, True)
        self.workers = PeopleChecklist(self)
        self.workers.set_workers(people, data["worker_ids"])
        self.add_field("worker_ids", self.tr("探访人员"), self.workers, True)
        self.checkin = ChecklistCheckinField(self.workers, checkin.office_of("household", self.household_id), self,
                                             scans_decide=visit_id is None)
        self.add_field("checkin", self.tr("扫码签到"), self.checkin)
        self.add_field("findings", self.tr("情况与发现"), text_edit(data["findings"], 80))
        household = homebed.get_household(self.household_id)
        self.next_due = OptionalDate(data["next_due"], data["date"] + _dt.timedelta(days=household.visit_every_days))
        self.next_due.check.setText(self.tr("指定"))
        self.next_due.setToolTip(self.tr("不指定则按每 {d} 天一次推算").format(d=household.visit_every_days))
        self.add_field("next_due", self.tr("下次探访"), self.next_due)
        self.resize(540, 560)

    def values(self):
        return {"date": from_qdate(self.field("date").date()), "minutes": self.field("minutes").value(),
                "services": self.services.values(), "worker_ids": self.workers.checked_ids(),
                "findings": self.field("findings").toPlainText(), "next_due": self.next_due.value()}

    def submit(self, values):
        if self.visit_id:
            return homebed.update_visit(self.visit_id, version=self.version, **values)
        return homebed.add_visit(self.household_id, **values)
