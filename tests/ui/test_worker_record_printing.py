"""个人志愿服务记录 and 星级证书 from the window: the same file and warnings as the command line."""
from __future__ import annotations

import datetime as _dt

from swdesk import periods
from swdesk.models import RecordIssue, StarCertificate
from swdesk.services import hours
from tests.conftest import run_cli
from tests.swdesk.pdf.printing_helpers import add_worker, pdftotext, real_office
from ui.dialogs import worker_record

TODAY = _dt.date.today()


def _warnings(stderr: str) -> list[str]:
    return [line.removeprefix("注意：") for line in stderr.splitlines() if line.startswith("注意：")]


def test_record_and_stars_from_the_window_match_the_command_line(qtbot, db, db_target, office, tmp_path):
    real_office(office)
    worker = add_worker(office, "吉𠮷")
    hours.credit("扶老助老", "group_visit", 1, TODAY - _dt.timedelta(days=20), 101 * 60, [worker.id])
    box: list = []
    window_pdf = tmp_path / "window.pdf"
    worker_record.start_record(None, worker.id, None, None, "", out=str(window_pdf), on_preview=box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=60000)
    preview = box.pop()
    cli_pdf = tmp_path / "cli.pdf"
    status, stdout, stderr = run_cli("print", "record", str(worker.id), str(cli_pdf), "--clerk", "",
                                     db_target=db_target)
    assert status == 0, stderr
    assert preview.warnings == _warnings(stderr) and "未印经办人" in preview.warnings[0]
    first, second = [r.number for r in RecordIssue.select().order_by(RecordIssue.id)]
    assert pdftotext(window_pdf).replace(first, second) == pdftotext(cli_pdf)
    assert "吉𠮷" in pdftotext(window_pdf)
    preview.reject()

    dialog = worker_record.StarsDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.period() == periods.quarter_of(TODAY)
    dialog.period_edit.setText("")
    assert dialog.period() is None
    worker_record.start_stars(None, None, out=str(tmp_path / "stars.pdf"), on_preview=box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=60000)
    box.pop().reject()
    assert "一星志愿者" in pdftotext(tmp_path / "stars.pdf")
    assert [(s.worker_id, s.level) for s in StarCertificate.select()] == [(worker.id, 1)]
    status, _, stderr = run_cli("print", "stars", str(tmp_path / "again.pdf"), db_target=db_target)
    assert status == 1 and "没有尚未打印" in stderr
