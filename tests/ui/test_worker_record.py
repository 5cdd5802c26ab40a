"""The worker page's record (issue 18): external hours make the continuing-education reminder go
away; awards and evaluations are added and edited on the worker page; the print dialogs run the
jobs."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog

from swdesk.models import Award, Evaluation
from swdesk.services import education, honours, reminders, workers
from ui.dialogs.worker import WorkerDialog
from ui.dialogs.worker_record import AtRiskDialog
from ui.widgets.worker_record import RecordForm

TODAY = dt.date.today()


def make_worker(name="周琳"):
    return workers.create({"name": name, "gender": "女", "birth_date": dt.date(1986, 3, 9), "sector": "民间组织",
                           "education": "本科及以上", "title": "中级", "sw_level": "社会工作师"})


def submit(form: RecordForm, values: dict) -> None:
    """Type the values into the form's widgets as a clerk would, then press 保存."""
    for key, value in values.items():
        widget, _getter = form.widgets[key]
        if hasattr(widget, "setValue") and not isinstance(value, dt.date):
            widget.setValue(value)
        elif isinstance(value, dt.date):
            widget.set_value(value) if hasattr(widget, "set_value") else widget.setDate(value)
        elif hasattr(widget, "setCurrentText"):
            widget.setCurrentText(value)
        elif hasattr(widget, "setPlainText"):
            widget.setPlainText(value)
        else:
            widget.setText(value)
    form.submit()


def test_external_hours_make_the_reminder_disappear(qtbot, db):
    worker = make_worker()
    education.add_registration(worker.id, TODAY.replace(year=TODAY.year - 3) + dt.timedelta(days=30))
    at_risk = AtRiskDialog(None)
    qtbot.addWidget(at_risk)
    assert at_risk.list.names() == ["周琳"]
    assert [r.record_id for r in reminders.reminders() if r.kind == "roster"] == [worker.id]

    dialog = WorkerDialog(None, worker.id)
    qtbot.addWidget(dialog)
    pages = dialog.record_pages
    assert "还差 90 学时" in pages.education_label.text()
    form = pages.external_form()
    qtbot.addWidget(form)
    submit(form, {"institution": "", "hours": 0})
    assert form.result() != QDialog.DialogCode.Accepted
    assert form.errors["institution"].text() == "请填写培训机构" and form.errors["hours"].isVisibleTo(form)
    submit(form, {"institution": "市社会工作者协会", "date": TODAY - dt.timedelta(days=5), "hours": 90,
                  "note": "督导能力提升班"})
    assert form.result() == QDialog.DialogCode.Accepted
    pages.refresh()
    assert "还差 0 学时" in pages.education_label.text()
    assert pages.external_table.item(0, 1).text() == "市社会工作者协会"

    at_risk.list.refresh()
    assert at_risk.list.names() == [] and "0 人" in at_risk.list.summary.text()
    assert not [r for r in reminders.reminders() if r.kind == "roster"]


def test_award_and_evaluation_on_the_worker_page(qtbot, db):
    worker = make_worker("陈静")
    dialog = WorkerDialog(None, worker.id)
    qtbot.addWidget(dialog)
    pages = dialog.record_pages
    saved = []
    dialog.saved.connect(saved.append)

    form = pages.award_form()
    qtbot.addWidget(form)
    submit(form, {"title": "优秀志愿者", "level": "区", "issuer": "区民政局", "date": TODAY - dt.timedelta(days=9),
                  "document_no": "区民〔2026〕18号"})
    assert form.result() == QDialog.DialogCode.Accepted
    pages._after("award")
    assert pages.award_table.rowCount() == 1 and pages.award_table.item(0, 1).text() == "优秀志愿者"

    pages.award_table.selectRow(0)
    form = pages.award_form(Award.get().id)
    qtbot.addWidget(form)
    assert form.widgets["title"][0].text() == "优秀志愿者"
    submit(form, {"level": "市"})
    pages._after("award")
    assert pages.award_table.item(0, 2).text() == "市"

    form = pages.evaluation_form()
    qtbot.addWidget(form)
    submit(form, {"year": TODAY.year - 1, "grade": "优秀", "evaluator": "街道社工站", "note": "服务认真"})
    pages._after("evaluation")
    assert [pages.evaluation_table.item(0, c).text() for c in (0, 1, 2)] == [str(TODAY.year - 1), "优秀", "街道社工站"]
    form = pages.evaluation_form()
    qtbot.addWidget(form)
    submit(form, {"year": TODAY.year - 1, "grade": "合格", "evaluator": "街道社工站"})
    assert form.errors["year"].text() == f"{TODAY.year - 1}年度已有评价"
    assert Evaluation.select().count() == 1
    assert [(a.title, a.level) for a in honours.awards(worker.id)] == [("优秀志愿者", "市")]
    assert saved == [worker.id] * 3


def test_qualification_form_updates_the_level_field(qtbot, db):
    worker = make_worker("林海")
    dialog = WorkerDialog(None, worker.id)
    qtbot.addWidget(dialog)
    form = dialog.record_pages.qualification_form()
    qtbot.addWidget(form)
    submit(form, {"sw_level": "高级社会工作师", "certificate_no": "2020-350000-77"})
    assert form.result() == QDialog.DialogCode.Accepted
    dialog.record_pages._after("sw_qualification")
    assert dialog.fields["sw_level"].currentText() == "高级社会工作师"
    assert "2020-350000-77" in dialog.record_pages.qualification_label.text()


def test_reminders_tab_lists_the_worker_until_the_hours_are_entered(qtbot, db):
    from ui.main_window import MainWindow

    worker = make_worker("黄琪")
    education.add_registration(worker.id, TODAY.replace(year=TODAY.year - 3) + dt.timedelta(days=60))
    window = MainWindow()
    qtbot.addWidget(window)
    tab = window.switch_to("reminders")
    assert tab.counts()["roster"] == 1
    row = tab.model.row_at(0)
    assert (row.kind, row.record_id) == ("roster", worker.id) and "还差90学时" in row.detail

    dialog = WorkerDialog(window, worker.id)
    qtbot.addWidget(dialog)
    form = dialog.record_pages.external_form()
    qtbot.addWidget(form)
    submit(form, {"institution": "省社工联合会", "date": TODAY, "hours": 90})
    assert form.result() == QDialog.DialogCode.Accepted
    window.data_changed.emit("external_education")
    assert tab.counts()["roster"] == 0 and tab.model.rowCount() == 0


def test_office_settings_page_sets_requirements_and_thresholds(qtbot, db):
    from swdesk.services import stars
    from ui.dialogs.settings import OfficeSettingsDialog

    dialog = OfficeSettingsDialog(None)
    qtbot.addWidget(dialog)
    page = dialog.record_settings
    assert page.required["助理社会工作师"].value() == 72 and page.thresholds[4].value() == 1500
    page.thresholds[1].setValue(50)           # 二星 below 一星: refused, shown on the page
    dialog.fields["street_code"].setText("350502001")
    dialog.save()
    assert dialog.tabs.currentIndex() == 2 and "递增" in page.error.text()
    page.thresholds[1].setValue(250)
    page.required["社会工作师"].setValue(80)
    assert not page.print_stars.isChecked()          # cards and badges print no stars by default
    page.print_stars.setChecked(True)
    dialog.save()
    assert stars.thresholds() == [100, 250, 600, 1000, 1500] and education.required_hours("社会工作师") == 80
    assert stars.print_stars() is True
