"""A worker's page lists their hotline assignments and training courses."""
from __future__ import annotations

import datetime as dt

from swdesk.services import hotline, training, workers
from ui.dialogs.worker import WorkerDialog


def test_worker_page_shows_assignments_and_training(qtbot, db):
    worker = workers.create({"name": "赵燚", "gender": "男", "birth_date": dt.date(1988, 4, 2),
                             "sector": "民间组织", "education": "大专", "title": "初级",
                             "specialties": ["法律援助"], "political_status": "中共党员"})
    request = hotline.log_request({"resident_name": "居民甲", "category": "法律", "text": "劳动合同咨询"})
    hotline.assign(request.id, [worker.id])
    course = training.create_course({"title": "社会工作实务技能培训", "start_date": dt.date(2026, 10, 15),
                                     "hours": 6, "lecturer": "李老师", "topic": "专业技能"})
    training.add_attendance(course.id, [worker.id])

    dialog = WorkerDialog(None, worker.id)
    qtbot.addWidget(dialog)
    assert dialog.hotline_table.rowCount() == 1
    assert dialog.hotline_table.item(0, 1).text() == "法律"
    assert dialog.hotline_table.item(0, 4).text() == "已分派"
    assert dialog.training_table.rowCount() == 1
    assert dialog.training_table.item(0, 1).text() == "社会工作实务技能培训"
    assert dialog.training_table.item(0, 4).text() == "6"
