"""Badges (big name that shrinks, group and role) and the A4 service certificate."""
from __future__ import annotations

import datetime as _dt
import re
import subprocess

import pytest
from pypdf import PdfReader

from swdesk.errors import UserError
from swdesk.jobs.print_badges import print_badges
from swdesk.jobs.print_calibration import print_calibration
from swdesk.jobs.print_certificate import print_certificate
from swdesk.models import AuditLog, Certificate, ElderGroup, GroupMember
from swdesk.services import hours
from tests.swdesk.pdf.printing_helpers import add_worker, needs_poppler, pdftotext

PT_PER_MM = 72 / 25.4


@needs_poppler
@pytest.mark.parametrize("size, dims", [("90x54", (90, 54)), ("100x70", (100, 70))])
def test_badge_size_name_and_group_role(printing_office, tmp_path, size, dims):
    worker = add_worker(printing_office, "龚䶮")
    long_name = add_worker(printing_office, "阿卜杜热合曼·买买提依明")
    group = ElderGroup.create(office=printing_office, name="扶老助老第三小组")
    GroupMember.create(group=group, worker=worker, role="护士", joined_on=_dt.date(2026, 1, 1))
    out = tmp_path / "badge.pdf"
    result = print_badges(out, [worker.id, long_name.id], layout="single", size=size)
    assert result.data["pages"] == 2
    page = PdfReader(str(out)).pages[0]
    assert abs(float(page.mediabox.width) / PT_PER_MM - dims[0]) < 0.01
    assert abs(float(page.mediabox.height) / PT_PER_MM - dims[1]) < 0.01
    text = pdftotext(out)
    assert "龚䶮" in text and "扶老助老第三小组 · 护士" in text
    # the long name shrank to stay inside the badge's 5 mm side margins
    html = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", "-f", "2", "-l", "2", str(out), "-"],
                          capture_output=True, check=True).stdout.decode()
    xs = [(float(a), float(b)) for a, b in re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', html)]
    assert xs and min(x0 for x0, _ in xs) >= 4.9 * PT_PER_MM
    assert max(x1 for _, x1 in xs) <= (dims[0] - 4.9) * PT_PER_MM


def _ledger(worker, rows):
    for i, (programme, day, minutes) in enumerate(rows, start=1):
        hours.credit(programme, "group_visit", 1000 + i + worker.id * 100, day, minutes, [worker.id])


@needs_poppler
def test_certificate_hours_equal_the_ledger_and_reprint_is_marked(printing_office, tmp_path):
    worker = add_worker(printing_office, "吉𠮷")
    _ledger(worker, [("扶老助老", _dt.date(2026, 10, 5), 90), ("家庭病床", _dt.date(2026, 11, 5), 100),
                     ("扶老助老", _dt.date(2026, 12, 31), 30), ("服务热线", _dt.date(2026, 9, 30), 600)])
    out = tmp_path / "cert.pdf"
    result = print_certificate(out, worker.id, "2026Q4", clerk="林经办", today=_dt.date(2027, 1, 5))
    issued = result.data["issued"]
    page = PdfReader(str(out)).pages[0]
    assert abs(float(page.mediabox.width) / PT_PER_MM - 210) < 0.01
    assert abs(float(page.mediabox.height) / PT_PER_MM - 297) < 0.01
    ledger = hours.minutes_by_programme(worker.id, _dt.date(2026, 10, 1), _dt.date(2026, 12, 31))
    assert issued.minutes == ledger == {"扶老助老": 120, "家庭病床": 100}
    text = pdftotext(out)
    assert "吉𠮷" in text
    assert "累计服务时长：3.7 小时" in text                       # 220 minutes, one decimal
    assert "扶老助老：服务 2 次，共 2.0 小时" in text and "家庭病床：服务 1 次，共 1.7 小时" in text
    assert "服务热线" not in text.split("累计服务时长")[1].split("特此证明")[0]
    assert issued.record.number in text and "350502" in text and "补打" not in text
    assert worker.id_number not in text  # masked
    assert "林经办" in text and "陈主任" in text and text.count("签字") == 2
    assert "2027年1月5日" in text and "东湖街道社会工作服务中心" in text
    assert "《志愿服务记录与证明出具办法（试行）》（民政部令第67号）" in text.replace("\n", "")
    assert "《关于规范志愿服务记录证明工作的指导意见》（民发〔2015〕149号）" in text.replace("\n", "")
    assert "志愿服务记录办法》（民发" not in text.replace("\n", "")
    assert result.warnings == []
    row = AuditLog.get((AuditLog.action == "print") & (AuditLog.table == "certificate"))
    assert str(out.resolve()) in row.after
    # the same again: a reprint, marked and logged
    again = tmp_path / "again.pdf"
    reprint = print_certificate(again, worker.id, "2026Q4", clerk="林经办", today=_dt.date(2027, 1, 6)).data["issued"]
    assert reprint.reprint and reprint.original.id == issued.record.id
    assert "（补打）" in pdftotext(again)
    assert AuditLog.select().where(AuditLog.action == "reprint").count() == 1


@needs_poppler
def test_certificate_in_a_running_quarter_ends_on_the_issue_day(printing_office, tmp_path):
    worker = add_worker(printing_office, "林玥")
    _ledger(worker, [("扶老助老", _dt.date(2026, 10, 5), 90), ("扶老助老", _dt.date(2026, 11, 20), 60)])
    out = tmp_path / "cert.pdf"
    result = print_certificate(out, worker.id, "2026Q4", today=_dt.date(2026, 11, 10))
    issued = result.data["issued"]
    assert issued.cut and issued.period.end == _dt.date(2026, 11, 10)
    assert issued.minutes == {"扶老助老": 90}                    # the 20 November visit is not certified
    text = pdftotext(out).replace("\n", "")
    assert "2026年10月1日至2026年11月10日" in text and "12月31日" not in text.split("2026年11月10日")[0]
    assert "尚未结束" in text and "2026年12月31日结束" in text
    assert any("截至开具之日" in w for w in result.warnings)
    assert any("经办人" in w for w in result.warnings)         # no operator: no name printed, said


@pytest.mark.parametrize("period, fragment", [("2027Q1", "尚未到来"), ("2099", "尚未到来"), ("9999", "超出范围"), ("1999", "超出范围"),
                                              ("2026Q3", "没有服务时长记录")])
def test_future_old_and_empty_periods_are_refused_and_use_no_number(printing_office, tmp_path, period, fragment):
    worker = add_worker(printing_office, "文赟")
    _ledger(worker, [("扶老助老", _dt.date(2026, 11, 5), 60)])
    out = tmp_path / "cert.pdf"
    with pytest.raises(UserError, match=fragment):
        print_certificate(out, worker.id, period, today=_dt.date(2026, 11, 28))
    assert not out.exists() and Certificate.select().count() == 0
    ok = print_certificate(out, worker.id, "2026Q4", today=_dt.date(2026, 11, 28)).data["issued"]
    assert ok.record.number == "350502001-2026-00001"             # no number was used by the refusals


def test_a_certificate_that_cannot_be_written_uses_no_number(printing_office, tmp_path, monkeypatch):
    import os

    worker = add_worker(printing_office, "文赟")
    _ledger(worker, [("扶老助老", _dt.date(2026, 11, 5), 60)])

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(UserError, match="权限不足"):
        print_certificate(folder / "c.pdf", worker.id, "2026Q4", today=_dt.date(2026, 11, 28))
    assert Certificate.select().count() == 0 and not list(folder.iterdir())
    assert AuditLog.select().where(AuditLog.table == "certificate").count() == 0


@needs_poppler
def test_calibration_page(db, tmp_path):
    out = tmp_path / "cal.pdf"
    result = print_calibration(out)
    assert result.count == 1 and result.path == out
    text = pdftotext(out)
    assert "85.60 × 53.98" in text and "100 毫米" in text
