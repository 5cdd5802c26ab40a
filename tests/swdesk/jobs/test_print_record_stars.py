"""个人志愿服务记录 and 星级证书: the jobs, the command line, the registers; names exact in the PDF
text; nothing written and no number used when refused."""
from __future__ import annotations

import datetime as _dt

import pytest

from swdesk import periods
from swdesk.errors import UserError
from swdesk.jobs.print_record import print_record
from swdesk.jobs.print_stars import print_stars
from swdesk.models import RecordIssue, StarCertificate
from swdesk.services import education, honours, hours, stars, training
from tests.conftest import run_cli
from tests.swdesk.pdf.printing_helpers import add_worker, needs_poppler, pdftotext

TODAY = _dt.date.today()


def fill_record(worker):
    for i in range(45):   # 45 visits of 3 h: 135 h, 一星, over two pages of services
        hours.credit("扶老助老", "group_visit", 500 + i, TODAY - _dt.timedelta(days=400 - 8 * i), 180, [worker.id])
    hours.credit("服务热线", "hotline_request", 9, TODAY - _dt.timedelta(days=3), 45, [worker.id])
    honours.add_award(worker.id, {"title": "优秀志愿者", "level": "区", "issuer": "鲤城区民政局",
                                  "date": TODAY - _dt.timedelta(days=30), "document_no": "鲤民〔2026〕7号"})
    honours.add_evaluation(worker.id, {"year": TODAY.year - 1, "grade": "优秀", "evaluator": "开元街道社工站",
                                       "note": "服务认真负责"})
    course = training.create_course({"title": "社会工作伦理", "start_date": TODAY - _dt.timedelta(days=60),
                                     "hours": 12})
    education.mark_continuing_education(course.id, True)
    training.add_attendance(course.id, [worker.id])


@needs_poppler
def test_record_job_and_command_line_print_the_same_record(printing_office, db_target, tmp_path):
    worker = add_worker(printing_office, "吉𠮷")
    fill_record(worker)
    result = print_record(tmp_path / "job.pdf", worker.id, clerk="林经办")
    assert result.count == 1 and result.data["pages"] >= 2 and "46 次服务" in result.message
    text = pdftotext(tmp_path / "job.pdf")
    for expected in ("个人志愿服务记录", "吉𠮷", worker.id_number[:6] + "********" + worker.id_number[-4:],
                     "扶老助老：服务 45 次，共 135.0 小时", "服务热线：服务 1 次，共 0.8 小时", "社会工作伦理",
                     "优秀志愿者", "鲤民〔2026〕7号", "服务认真负责", "星级：一星", result.data["number"]):
        assert expected in text, expected
    assert worker.id_number not in text
    status, stdout, stderr = run_cli("print", "record", worker.card_no, str(tmp_path / "cli.pdf"),
                                     "--clerk", "林经办", db_target=db_target)
    assert status == 0, stderr
    assert "00002" in stdout
    cli_text = pdftotext(tmp_path / "cli.pdf")
    assert cli_text.replace("00002", "00001") == text
    assert RecordIssue.select().count() == 2


def test_record_refused_for_a_future_end_or_an_empty_range(printing_office, tmp_path):
    worker = add_worker(printing_office, "张明")
    with pytest.raises(UserError, match="不能晚于今天"):
        print_record(tmp_path / "f.pdf", worker.id, end=TODAY + _dt.timedelta(days=1))
    with pytest.raises(UserError, match="没有服务或培训记录"):
        print_record(tmp_path / "e.pdf", worker.id, start=TODAY - _dt.timedelta(days=10))
    assert not list(tmp_path.glob("*.pdf")) and RecordIssue.select().count() == 0


@needs_poppler
def test_star_certificates_by_period_then_all_unprinted(printing_office, db_target, tmp_path):
    a, b = add_worker(printing_office, "王喆"), add_worker(printing_office, "林玥")
    hours.credit("扶老助老", "group_visit", 1, _dt.date(2026, 2, 1), 320 * 60, [a.id])   # 二星 in 2026Q1
    hours.credit("扶老助老", "group_visit", 2, _dt.date(2025, 6, 1), 100 * 60, [b.id])   # 一星 in 2025Q2
    stars.set_opening_balance(b.id, {"hours": 5, "as_of": _dt.date(2020, 1, 1), "note": "原纸质记录"})
    status, _, stderr = run_cli("print", "record", str(b.id), str(tmp_path / "future.pdf"), "--to", "2099-01-01",
                                db_target=db_target)
    assert status == 1 and stderr.startswith("错误：服务记录的截止日期（2099-01-01）不能晚于今天")
    result = print_stars(tmp_path / "q1.pdf", periods.parse("2026Q1"))
    assert result.count == 1
    text = pdftotext(tmp_path / "q1.pdf")
    assert "王喆" in text and "二星志愿者" in text and "林玥" not in text and "300 小时" in text
    status, stdout, stderr = run_cli("print", "stars", str(tmp_path / "all.pdf"), db_target=db_target)
    assert status == 0, stderr
    assert "1 份" in stdout
    assert "林玥" in pdftotext(tmp_path / "all.pdf") and "一星志愿者" in pdftotext(tmp_path / "all.pdf")
    status, _, stderr = run_cli("print", "stars", str(tmp_path / "none.pdf"), db_target=db_target)
    assert status == 1 and "没有尚未打印" in stderr and not (tmp_path / "none.pdf").exists()
    assert StarCertificate.select().count() == 2
