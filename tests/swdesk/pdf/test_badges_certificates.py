"""Badges (big name that shrinks, group and role) and the A4 service certificate."""
from __future__ import annotations

import datetime as _dt
import re
import subprocess

import pytest
from pypdf import PdfReader

from swdesk.models import AuditLog, ElderGroup, GroupMember
from swdesk.pdf import badges, calibration, certificates, common
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
    result = badges.render_badges([worker, long_name], out, "single", size=size)
    assert result.pages == 2
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
    result, issued = certificates.render_certificate(worker, "2026Q4", out, today=_dt.date(2027, 1, 5))
    page = PdfReader(str(out)).pages[0]
    assert abs(float(page.mediabox.width) / PT_PER_MM - 210) < 0.01
    assert abs(float(page.mediabox.height) / PT_PER_MM - 297) < 0.01
    ledger = hours.minutes_by_programme(worker.id, _dt.date(2026, 10, 1), _dt.date(2026, 12, 31))
    assert issued.minutes == ledger == {"扶老助老": 120, "家庭病床": 100}
    text = pdftotext(out)
    assert "吉𠮷" in text
    assert f"累计服务时长：{common.hours_text(sum(ledger.values()))} 小时" in text
    assert "扶老助老：2 小时" in text and "家庭病床：1.67 小时" in text
    assert "服务热线" not in text.split("累计服务时长")[1].split("特此证明")[0]
    assert issued.record.number in text and "350502" in text and "补打" not in text
    assert worker.id_number not in text  # masked
    # the same again: a reprint, marked and logged
    again = tmp_path / "again.pdf"
    _, reprint = certificates.render_certificate(worker, "2026Q4", again, today=_dt.date(2027, 1, 6))
    assert reprint.reprint and reprint.original.id == issued.record.id
    assert "（补打）" in pdftotext(again)
    assert AuditLog.select().where(AuditLog.action == "reprint").count() == 1


@needs_poppler
def test_calibration_page(db, tmp_path):
    out = tmp_path / "cal.pdf"
    assert calibration.render_calibration(out) == 1
    text = pdftotext(out)
    assert "85.60 × 53.98" in text and "100 毫米" in text
