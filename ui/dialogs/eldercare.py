"""Forms of 扶老助老: a group, a member, an elder, moving an elder, a visit."""
from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtWidgets import QComboBox, QSpinBox

from swdesk import vocab
from swdesk.services import checkin, eldercare, vocabulary
from ui.dialogs.mentoring import combo, line, minutes_box
from ui.dialogs.service_form import RecordFormDialog
from ui.widgets.checkin import ChecklistCheckinField
from ui.widgets.forms import (
    LabelChecks,
    PeopleChecklist,
    WorkerSearch,
    date_edit,
    from_qdate,
    text_edit,
)


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("ElderCareDialog", text)


def days_box(value: int, high: int = 365) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, high)
    box.setSuffix(_tr(" 天"))
    box.setValue(value)
    return box


def group_combo(current: int | None = None) -> QComboBox:
    box = QComboBox()
    for row in eldercare.list_groups():
        box.addItem(row.name, row.id)
    if current is not None:
        box.setCurrentIndex(max(0, box.findData(current)))
    return box


class GroupDialog(RecordFormDialog):
    def __init__(self, parent=None, group_id: int | None = None):
        super().__init__(_tr("修改小组") if group_id else _tr("新建扶老助老小组"), parent)
        self.group_id, self.version = group_id, None
        data: dict[str, Any] = {"visit_every_days": 14, "created_on": _dt.date.today()}
        leader_name = ""
        if group_id:
            group = eldercare.get_group(group_id)
            self.version = group.version
            data = eldercare.group_form(group_id)
            leader_name = group.leader.name if group.leader_id else ""
        self.add_field("name", self.tr("小组名称"), line(data.get("name", ""), self.tr("如：律师服务队")), True)
        self.leader = WorkerSearch(self)
        if data.get("leader_id"):
            self.leader.set_worker(data["leader_id"], leader_name)
        self.add_field("leader_id", self.tr("组长"), self.leader)
        self.add_field("site", self.tr("服务点"), line(data.get("site", ""), self.tr("如：区福利院")))
        self.add_field("visit_every_days", self.tr("探访频率"), days_box(data["visit_every_days"]), True)
        self.add_field("created_on", self.tr("成立日期"), date_edit(data["created_on"]), True)
        self.resize(460, self.sizeHint().height())

    def values(self) -> dict[str, Any]:
        f = self.field
        return {"name": f("name").text(), "leader_id": self.leader.selected_worker_id(), "site": f("site").text(),
                "visit_every_days": f("visit_every_days").value(), "created_on": from_qdate(f("created_on").date())}

    def submit(self, values):
        if self.group_id:
            return eldercare.update_group(self.group_id, values, version=self.version)
        return eldercare.create_group(values)


class MemberDialog(RecordFormDialog):
    def __init__(self, parent=None, group_id: int = 0):
        super().__init__(_tr("添加小组成员"), parent)
        self.group_id = group_id
        self.worker = WorkerSearch(self)
        self.add_field("worker_id", self.tr("成员"), self.worker, True)
        self.add_field("role", self.tr("角色"), combo(vocabulary.items("elder_role"), "志愿者"), True)
        self.add_field("joined_on", self.tr("加入日期"), date_edit(_dt.date.today()), True)
        self.resize(440, self.sizeHint().height())

    def values(self):
        return {"worker_id": self.worker.selected_worker_id(), "role": self.field("role").currentText(),
                "joined_on": from_qdate(self.field("joined_on").date())}

    def submit(self, values):
        return eldercare.add_member(self.group_id, values)


class LeaveDialog(RecordFormDialog):
    """A member leaves the group on a date."""

    def __init__(self, parent=None, member_id: int = 0, name: str = ""):
        super().__init__(_tr("成员退出小组"), parent)
        self.member_id = member_id
        self.add_field("left_on", self.tr("{name} 退出日期").format(name=name), date_edit(_dt.date.today()), True)

    def values(self):
        return {"left_on": from_qdate(self.field("left_on").date())}

    def submit(self, values):
        return eldercare.end_membership(self.member_id, values["left_on"])


class ElderDialog(RecordFormDialog):
    """New elder (optionally straight into a group) or an edit of one."""

    def __init__(self, parent=None, elder_id: int | None = None, group_id: int | None = None):
        super().__init__(_tr("修改老人信息") if elder_id else _tr("新增老人"), parent)
        self.elder_id, self.version = elder_id, None
        data: dict[str, Any] = {"birth_date": _dt.date(1940, 1, 1), "living": "孤寡"}
        if elder_id:
            self.version = eldercare.get_elder(elder_id).version
            data = eldercare.elder_form(elder_id)
        self.add_field("name", self.tr("姓名"), line(data.get("name", "")), True)
        self.add_field("gender", self.tr("性别"), combo(vocab.GENDERS, data.get("gender", "")), True)
        self.add_field("birth_date", self.tr("出生日期"), date_edit(data["birth_date"]), True)
        self.add_field("id_number", self.tr("身份证号"), line(data.get("id_number", ""), self.tr("选填")))
        self.add_field("home", self.tr("住所"), line(data.get("home", ""), self.tr("如：区福利院")))
        self.add_field("room", self.tr("房间"), line(data.get("room", "")))
        self.add_field("living", self.tr("居住状况"), combo(vocab.ELDER_LIVING, data.get("living", "")), True)
        self.add_field("needs", self.tr("需求"), text_edit(data.get("needs", ""), 60))
        self.add_field("emergency_contact", self.tr("紧急联系人"), line(data.get("emergency_contact", "")))
        self.add_field("emergency_phone", self.tr("联系电话"), line(data.get("emergency_phone", "")))
        self.group: QComboBox | None = None
        if not elder_id:
            self.group = group_combo(group_id)
            self.group.insertItem(0, self.tr("（暂不分组）"), None)
            if group_id is None:
                self.group.setCurrentIndex(0)
            self.add_field("group_id", self.tr("所在小组"), self.group)
            self.add_field("assigned_on", self.tr("加入小组日期"), date_edit(_dt.date.today()))
        self.resize(480, self.sizeHint().height())

    def values(self):
        f = self.field
        data = {"name": f("name").text(), "gender": f("gender").currentText(),
                "birth_date": from_qdate(f("birth_date").date()), "id_number": f("id_number").text(),
                "home": f("home").text(), "room": f("room").text(), "living": f("living").currentText(),
                "needs": f("needs").toPlainText(), "emergency_contact": f("emergency_contact").text(),
                "emergency_phone": f("emergency_phone").text()}
        if self.group is not None:
            data["group_id"] = self.group.currentData()
            data["assigned_on"] = from_qdate(f("assigned_on").date())
        return data

    def submit(self, values):
        if self.elder_id:
            return eldercare.update_elder(self.elder_id, values, version=self.version)
        return eldercare.create_elder(values)


class AssignDialog(RecordFormDialog):
    """Move an elder into a group (from another group, or not yet in any)."""

    def __init__(self, parent=None, group_id: int | None = None, elder_id: int | None = None):
        super().__init__(_tr("老人调入小组"), parent)
        self.elder = QComboBox()
        for row in eldercare.list_elders():
            where = row.group or self.tr("未分组")
            self.elder.addItem(self.tr("{0}（{1}岁，{2}）").format(row.name, row.age, where), row.id)
        if elder_id is not None:
            self.elder.setCurrentIndex(max(0, self.elder.findData(elder_id)))
        self.add_field("elder_id", self.tr("老人"), self.elder, True)
        self.add_field("group_id", self.tr("调入小组"), group_combo(group_id), True)
        self.add_field("on", self.tr("调入日期"), date_edit(_dt.date.today()), True)
        self.resize(460, self.sizeHint().height())

    def values(self):
        return {"elder_id": self.elder.currentData(), "group_id": self.field("group_id").currentData(),
                "on": from_qdate(self.field("on").date())}

    def submit(self, values):
        if values["elder_id"] is None or values["group_id"] is None:
            from swdesk.services.base import ValidationError

            raise ValidationError({k: self.tr("请选择") for k in ("elder_id", "group_id") if values[k] is None})
        return eldercare.assign_elder(values["elder_id"], values["group_id"], values["on"])


class ReleaseDialog(RecordFormDialog):
    """An elder leaves care (moved away, passed away …)."""

    def __init__(self, parent=None, elder_id: int = 0, name: str = ""):
        super().__init__(_tr("老人离开小组"), parent)
        self.elder_id = elder_id
        self.add_field("on", self.tr("{name} 离开日期").format(name=name), date_edit(_dt.date.today()), True)
        self.add_field("reason", self.tr("原因"), line("", self.tr("如：迁居外区、入住医院、去世")), True)
        self.resize(420, self.sizeHint().height())

    def values(self):
        return {"on": from_qdate(self.field("on").date()), "reason": self.field("reason").text()}

    def submit(self, values):
        eldercare.release_elder(self.elder_id, values["on"], values["reason"])
        return self.elder_id


class GroupVisitDialog(RecordFormDialog):
    """A visit: the members present and elders seen are the group's at the visit's date."""

    def __init__(self, parent=None, group_id: int = 0, visit_id: int | None = None):
        super().__init__(_tr("修改探访记录") if visit_id else _tr("添加探访记录"), parent, scroll=True)
        self.group_id, self.visit_id, self.version = group_id, visit_id, None
        data: dict[str, Any] = {"date": _dt.date.today(), "minutes": 120, "services": [], "member_ids": None,
                                "elder_ids": None, "notes": ""}
        if visit_id:
            visit = eldercare.get_visit(visit_id)
            self.group_id, self.version = visit.group_id, visit.version
            data = {"date": visit.date, "minutes": visit.minutes, "services": eldercare.split_services(visit.services),
                    "member_ids": visit.member_ids, "elder_ids": visit.elder_ids, "notes": visit.notes}
        self.add_field("date", self.tr("日期"), date_edit(data["date"]), True)
        self.add_field("minutes", self.tr("时长"), minutes_box(data["minutes"]), True)
        self.services = LabelChecks(vocabulary.items("elder_service"), self, columns=3)
        self.services.set_values(data["services"])
        self.add_field("services", self.tr("服务内容"), self.services, True)
        self.members = PeopleChecklist(self, allow_add=False)
        self.add_field("member_ids", self.tr("参加成员"), self.members, True)
        self.checkin = ChecklistCheckinField(self.members, checkin.office_of("elder_group", self.group_id), self,
                                             members_only=True, scans_decide=visit_id is None)
        self.add_field("checkin", self.tr("扫码签到"), self.checkin)
        self.elders = PeopleChecklist(self, allow_add=False)
        self.add_field("elder_ids", self.tr("探访老人"), self.elders)
        self.add_field("notes", self.tr("情况记录"), text_edit(data["notes"], 80))
        self._fill_people(data["member_ids"], data["elder_ids"])
        self.field("date").dateChanged.connect(lambda _d: self._fill_people(self.members.checked_ids(),
                                                                             self.elders.checked_ids()))
        self.resize(560, 640)

    def _fill_people(self, member_ids, elder_ids) -> None:
        """The group's members and elders at the chosen date; by default all are ticked."""
        on = from_qdate(self.field("date").date())
        people = [(m.worker_id, f"{m.worker.name}（{m.role}）") for m in eldercare.members(self.group_id, on)]
        self.members.set_workers(people, member_ids if member_ids is not None else [p[0] for p in people])
        elders = [(e.id, f"{e.name}（{e.room or e.home}）") for e in eldercare.elders_of_group(self.group_id, on)]
        self.elders.set_workers(elders, elder_ids if elder_ids is not None else [e[0] for e in elders])

    def values(self):
        return {"date": from_qdate(self.field("date").date()), "minutes": self.field("minutes").value(),
                "services": self.services.values(), "member_ids": self.members.checked_ids(),
                "elder_ids": self.elders.checked_ids(), "notes": self.field("notes").toPlainText()}

    def submit(self, values):
        if self.visit_id:
            return eldercare.update_visit(self.visit_id, version=self.version, **values)
        return eldercare.add_visit(self.group_id, **values)
