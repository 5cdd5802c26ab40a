"""`print …` and `verify` from the command line, as a user runs them (swdesk/commands/printing.py)."""
from __future__ import annotations

import datetime as _dt

import pytest
from pypdf import PdfReader

from swdesk.commands import printing
from swdesk.errors import UserError
from swdesk.services import cards, hours
from tests.conftest import run_cli
from tests.swdesk.pdf.printing_helpers import add_worker, needs_poppler, pdftotext


@needs_poppler
def test_print_cards_and_verify(printing_office, db_target, tmp_path):
    a = add_worker(printing_office, "王喆")
    b = add_worker(printing_office, "吉𠮷")
    add_worker(printing_office, "张昇", status="离队")
    code = cards.payload_for(a)
    out = tmp_path / "cards.pdf"
    status, stdout, stderr = run_cli("print", "cards", str(out), a.card_no, str(b.id), "--layout", "single",
                                     db_target=db_target)
    assert status == 0, stderr
    assert "2 张" in stdout
    assert len(PdfReader(str(out)).pages) == 4
    text = pdftotext(out)
    assert "王喆" in text and "吉𠮷" in text
    status, stdout, _ = run_cli("print", "badges", str(tmp_path / "all.pdf"), "--all", db_target=db_target)
    assert status == 0 and "2 张" in stdout  # the worker who left is not printed
    status, stdout, _ = run_cli("verify", code, db_target=db_target)
    assert status == 0 and "真实有效" in stdout and "王喆" in stdout
    status, stdout, _ = run_cli("verify", code[:-2] + "ZZ", db_target=db_target)
    assert status == 1 and "伪造" in stdout


def test_print_mistakes_exit_1_with_chinese_message(printing_office, db_target, tmp_path):
    add_worker(printing_office, "张\ue000明")
    status, _, stderr = run_cli("print", "cards", str(tmp_path / "x.pdf"), "--all", db_target=db_target)
    assert status == 1 and "错误：" in stderr and "U+E000" in stderr and "Traceback" not in stderr
    status, _, stderr = run_cli("print", "cards", str(tmp_path / "x.pdf"), "不存在的人", db_target=db_target)
    assert status == 1 and "找不到" in stderr


@needs_poppler
def test_print_certificate_and_calibration(printing_office, db_target, tmp_path):
    worker = add_worker(printing_office, "林玥")
    out = tmp_path / "c.pdf"
    hours.credit("扶老助老", "group_visit", 1, _dt.date(2026, 3, 2), 90, [worker.id])
    status, stdout, stderr = run_cli("print", "certificate", worker.id_number, str(out), "--period", "2026-03",
                                     "--clerk", "林经办", db_target=db_target)
    assert status == 0, stderr
    assert "开具服务证明" in stdout and "1.5 小时" in stdout and "林玥" in pdftotext(out)
    status, stdout, stderr = run_cli("print", "certificate", worker.id_number, str(tmp_path / "f.pdf"),
                                     "--period", "2099", db_target=db_target)
    assert status == 1 and "尚未到来" in stderr and not (tmp_path / "f.pdf").exists()
    status, stdout, stderr = run_cli("print", "calibration", str(tmp_path / "cal.pdf"), db_target=db_target)
    assert status == 0, stderr


def _args(what, *values, **options):
    import argparse

    defaults = dict(all=False, layout="a4", size="90x54", period=None, template=None, printer=None, clerk=None,
                    include_expired=False, allow_missing_glyphs=False)
    defaults.update(options)
    return argparse.Namespace(what=what, args=list(values), **defaults)


def test_run_print_refuses_mistakes_in_process(printing_office, tmp_path):
    worker = add_worker(printing_office, "王喆")
    cases = [
        (_args("certificate", worker.card_no, str(tmp_path / "c.pdf"), period="2026Q9"), "期间"),
        (_args("cards", str(tmp_path / "x.pdf"), all=True, template=str(tmp_path / "none.json")), "找不到模板文件"),
        (_args("cards", str(tmp_path / "x.pdf"), worker.card_no, all=True), "--all"),
        (_args("cards", str(tmp_path / "x.pdf")), "请指定人员"),
        (_args("cards", str(tmp_path / "x.txt"), worker.card_no), ".pdf"),
        (_args("cards", str(tmp_path / "no" / "x.pdf"), worker.card_no), "文件夹不存在"),
        (_args("cards", str(tmp_path), worker.card_no), "文件夹"),
        (_args("certificate", worker.card_no), "用法"),
    ]
    for args, fragment in cases:
        with pytest.raises(UserError) as info:
            printing.run_print(args)
        assert fragment in str(info.value)
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".swdesk-tmp-*"))


def test_renew_from_the_command_line(printing_office, db_target, tmp_path):
    from swdesk.models import Worker

    expired = add_worker(printing_office, "李堃", valid_until=_dt.date(2018, 6, 30))
    left = add_worker(printing_office, "张昇", status="离队", valid_until=_dt.date(2018, 6, 30))
    status, stdout, stderr = run_cli("renew", expired.card_no, str(left.id), "--until", "2030-06-30",
                                     db_target=db_target)
    assert status == 0, stderr
    assert "已为 1 人的服务证续期至2030年6月30日" in stdout and "李堃" in stdout
    assert "注意：张昇：已离队，未续期" in stderr
    assert Worker.get_by_id(expired.id).card_valid_until == _dt.date(2030, 6, 30)
    status, _stdout, stderr = run_cli("renew", "--expired", db_target=db_target)
    assert status == 1 and "没有需要续期的服务证" in stderr
    status, _stdout, stderr = run_cli("renew", expired.card_no, "--until", "2030-13-01", db_target=db_target)
    assert status == 1 and "无法识别的日期" in stderr
