"""Forms of 一对一帮教: a pair, closing a pair with its outcome, a session."""
from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox

from swdesk import vocab
from swdesk.services import mentoring, vocabulary
from ui.dialogs.service_form import RecordFormDialog
from ui.widgets.forms import (
    OptionalDate,
    WorkerSearch,
    date_edit,
    from_qdate,
    text_edit,
)


def combo(items, current: str = "", editable: bool = False) -> QComboBox:
    box = QComboBox()
    box.addItems(list(items))
    box.setEditable(editable)
    if current:
        index = box.findText(current)
        if index < 0:
            box.addItem(current)
            index = box.count() - 1
        box.setCurrentIndex(index)
    else:
        box.setCurrentIndex(-1)
    return box


def line(text: str = "", placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text or "")
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def minutes_box(value: int = 60) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 720)
    box.setSingleStep(15)
    box.setSuffix(self_tr(" 分钟"))
    box.setValue(value)
    return box


class PairDialog(RecordFormDialog):
    """New pair (pair_id None) or edit of its particulars."""

    def __init__(self, parent=None, pair_id: int | None = None):
        super().__init__(self_tr("修改帮教对子") if pair_id else self_tr("新建帮教对子"), parent, scroll=False)
        self.pair_id = pair_id
        self.version: int | None = None
        data: dict[str, Any] = {}
        mentor_name = ""
        if pair_id:
            pair = mentoring.get_pair(pair_id)
            data = mentoring.pair_form(pair_id)
            self.version = pair.version
            mentor_name = pair.mentor.name
        self.mentor = WorkerSearch(self)
        if data.get("mentor_id"):
            self.mentor.set_worker(data["mentor_id"], mentor_name)
        self.add_field("mentor_id", self.tr("帮教人"), self.mentor, True)
        self.add_field("youth_name", self.tr("青少年姓名"), line(data.get("youth_name", "")), True)
        self.add_field("youth_gender", self.tr("性别"), combo(vocab.GENDERS, data.get("youth_gender", "")), True)
        self.add_field("youth_birth_date", self.tr("出生日期"),
                       date_edit(data.get("youth_birth_date") or _dt.date.today().replace(year=_dt.date.today().year - 15)),
                       True)
        self.add_field("youth_id_number", self.tr("身份证号"), line(data.get("youth_id_number", ""), self.tr("选填")))
        self.add_field("youth_school", self.tr("学校或状况"),
                       line(data.get("youth_school", ""), self.tr("如：第二中学初三、辍学在家")))
        self.add_field("guardian_name", self.tr("监护人"), line(data.get("guardian_name", "")))
        self.add_field("guardian_phone", self.tr("监护人电话"), line(data.get("guardian_phone", "")))
        self.add_field("concern", self.tr("帮教类别"), combo(vocab.MENTORING_CONCERNS, data.get("concern", "")), True)
        self.add_field("unit", self.tr("组织单位"), combo(vocabulary.items("mentoring_unit"), data.get("unit", "")), True)
        self.add_field("start_date", self.tr("开始日期"), date_edit(data.get("start_date")), True)
        self.add_field("planned_end", self.tr("计划结束"),
                       OptionalDate(data.get("planned_end"), _dt.date.today() + _dt.timedelta(days=180)))
        self.resize(520, self.sizeHint().height())

    def values(self) -> dict[str, Any]:
        f = self.field
        return {
            "mentor_id": self.mentor.selected_worker_id(),
            "youth_name": f("youth_name").text(),
            "youth_gender": f("youth_gender").currentText(),
            "youth_birth_date": from_qdate(f("youth_birth_date").date()),
            "youth_id_number": f("youth_id_number").text(),
            "youth_school": f("youth_school").text(),
            "guardian_name": f("guardian_name").text(),
            "guardian_phone": f("guardian_phone").text(),
            "concern": f("concern").currentText(),
            "unit": f("unit").currentText(),
            "start_date": from_qdate(f("start_date").date()),
            "planned_end": f("planned_end").value(),
        }

    def submit(self, values: dict[str, Any]):
        if self.pair_id:
            return mentoring.update_pair(self.pair_id, values, version=self.version)
        return mentoring.create_pair(values)


class ClosePairDialog(RecordFormDialog):
    """End a pair: 已结对完成 / 转介 / 中止, with the outcome (required)."""

    def __init__(self, parent=None, pair_id: int = 0):
        super().__init__(self_tr("结束帮教"), parent)
        pair = mentoring.get_pair(pair_id)
        self.pair_id, self.version = pair_id, pair.version
        statuses = [s for s in vocab.MENTORING_STATUSES if s != mentoring.ACTIVE]
        self.add_field("status", self.tr("结束方式"), combo(statuses, mentoring.COMPLETED), True)
        self.add_field("ended_on", self.tr("结束日期"), date_edit(_dt.date.today()), True)
        self.add_field("outcome", self.tr("帮教成效"), text_edit("", 110), True)
        self.positive = QCheckBox(self.tr("成效良好，计入“帮教成功”人数"))
        self.positive.setChecked(True)
        self.add_field("positive", "", self.positive)
        self.field("status").currentTextChanged.connect(
            lambda text: self.positive.setEnabled(text == mentoring.COMPLETED))
        self.resize(480, self.sizeHint().height())

    def values(self) -> dict[str, Any]:
        return {"status": self.field("status").currentText(),
                "ended_on": from_qdate(self.field("ended_on").date()),
                "outcome": self.field("outcome").toPlainText(),
                "positive": self.positive.isChecked() and self.positive.isEnabled()}

    def submit(self, values: dict[str, Any]):
        return mentoring.close_pair(self.pair_id, values["status"], values["outcome"], values["positive"],
                                    values["ended_on"], version=self.version)


class SessionDialog(RecordFormDialog):
    """A session of the pair (new) or an edit of one (session_id)."""

    def __init__(self, parent=None, pair_id: int = 0, session_id: int | None = None):
        super().__init__(self_tr("修改帮教记录") if session_id else self_tr("添加帮教记录"), parent)
        self.pair_id, self.session_id, self.version = pair_id, session_id, None
        data: dict[str, Any] = {"date": _dt.date.today(), "minutes": 60, "kind": "面谈"}
        if session_id:
            session = mentoring.get_session(session_id)
            self.pair_id, self.version = session.pair_id, session.version
            data = {"date": session.date, "minutes": session.minutes, "kind": session.kind,
                    "place": session.place, "notes": session.notes}
        self.add_field("date", self.tr("日期"), date_edit(data["date"]), True)
        self.add_field("minutes", self.tr("时长"), minutes_box(data["minutes"]), True)
        self.add_field("kind", self.tr("方式"), combo(vocab.MENTORING_SESSION_KINDS, data["kind"]), True)
        self.add_field("place", self.tr("地点"), line(data.get("place", ""), self.tr("如：社工站、学校、家中")))
        self.add_field("notes", self.tr("内容与情况"), text_edit(data.get("notes", ""), 120))
        self.resize(480, self.sizeHint().height())

    def values(self) -> dict[str, Any]:
        f = self.field
        return {"date": from_qdate(f("date").date()), "minutes": f("minutes").value(),
                "kind": f("kind").currentText(), "place": f("place").text(),
                "notes": f("notes").toPlainText()}

    def submit(self, values: dict[str, Any]):
        if self.session_id:
            return mentoring.update_session(self.session_id, values, version=self.version)
        return mentoring.add_session(self.pair_id, values)


def self_tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("MentoringDialog", text)
