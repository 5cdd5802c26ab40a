"""The print jobs: every card with its own office, expired and departed cards left out and named
before printing, the output written whole or not at all, the audit line naming the saved file."""
from __future__ import annotations

import datetime as _dt
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from swdesk import files
from swdesk.errors import UserError
from swdesk.jobs.print_badges import plan_badges, print_badges
from swdesk.jobs.print_cards import plan_cards, print_cards
from swdesk.models import AuditLog, Office
from tests.conftest import KILLED_STATUS, hard_kill, run_cli
from tests.swdesk.pdf.printing_helpers import add_worker, pdftotext, real_office

ROOT = Path(__file__).resolve().parents[3]


def _two_streets(office):
    office.district, office.street, office.street_code = "鲤城区", "开元街道", "350502001"
    office.centre_name, office.card_issuer = "开元街道社会工作服务中心", "开元街道办事处"
    office.hotlines = '[{"name": "生活", "number": "0595-22220001"}]'
    office.save()
    other = Office.create(district="鲤城区", street="鲤中街道", street_code="350502002",
                          centre_name="鲤中街道社会工作服务中心", card_issuer="鲤中街道办事处",
                          hotlines='[{"name": "法律", "number": "0595-33330002"}]')
    workers = []
    for i, name in enumerate(("王喆", "李堃", "张昇", "林玥")):
        workers.append(add_worker(office if i % 2 == 0 else other, name))
    return office, other, workers


def _pages(pdf: Path) -> list[str]:
    return pdftotext(pdf).split("\f")


def test_a_two_street_run_prints_each_card_with_its_own_office(office, tmp_path):
    kaiyuan, lizhong, workers = _two_streets(office)
    out = tmp_path / "cards.pdf"
    result = print_cards(out, [w.id for w in workers], layout="single")
    pages = _pages(out)
    assert result.count == 4 and result.data["pages"] == 8
    for i, worker in enumerate(workers):
        front, back = pages[2 * i], pages[2 * i + 1]
        own, foreign = (("开元街道办事处", "鲤中街道办事处") if worker.office_id == kaiyuan.id
                        else ("鲤中街道办事处", "开元街道办事处"))
        hotline, other_hotline = (("0595-22220001", "0595-33330002") if worker.office_id == kaiyuan.id
                                  else ("0595-33330002", "0595-22220001"))
        assert worker.name in front and own in front and foreign not in front
        assert own in back and hotline in back and other_hotline not in back and foreign not in back
    # the A4 sheets too: both issuers on the front sheet, both hotlines on the back sheet
    sheet = tmp_path / "a4.pdf"
    print_cards(sheet, None, layout="a4")
    front, back = _pages(sheet)[:2]
    assert front.count("开元街道办事处") == 2 and front.count("鲤中街道办事处") == 2
    assert back.count("0595-22220001") == 2 and back.count("0595-33330002") == 2


def test_badges_carry_their_own_workers_office(office, tmp_path):
    _kaiyuan, _lizhong, workers = _two_streets(office)
    out = tmp_path / "badges.pdf"
    print_badges(out, [w.id for w in workers], layout="single")
    for worker, page in zip(workers, _pages(out)[:len(workers)], strict=True):
        centre = worker.office.centre_name
        assert worker.name in page and centre in page
        assert ({"开元街道社会工作服务中心", "鲤中街道社会工作服务中心"} - {centre}).pop() not in page


def test_expired_and_departed_cards_are_left_out_and_named_unless_chosen(office, tmp_path):
    real_office(office)
    today = _dt.date.today()
    ok = add_worker(office, "王喆")
    expired = add_worker(office, "李堃", valid_until=today - _dt.timedelta(days=1))
    left = add_worker(office, "张昇", status="离队")
    no_number = add_worker(office, "赵无证", card_no=None)
    ids = [ok.id, expired.id, left.id, no_number.id]
    plan = plan_cards(ids)
    assert plan.worker_ids == [ok.id] and plan.doubtful
    assert "李堃" in plan.question() and "张昇" in plan.question() and "已离队" in plan.question()
    out = tmp_path / "cards.pdf"
    result = print_cards(out, ids, layout="single")
    text = pdftotext(out)
    assert result.count == 1 and "王喆" in text and "李堃" not in text and "张昇" not in text
    assert any("李堃" in w and "已过有效期" in w and "未打印" in w for w in result.warnings)
    assert any("张昇" in w and "已离队" in w and "未打印" in w for w in result.warnings)
    assert any("赵无证" in w and "服务证号" in w for w in result.warnings)
    chosen = print_cards(out, ids, layout="single", include_expired=True)
    text = pdftotext(out)
    assert chosen.count == 3 and "李堃" in text and "张昇" in text
    assert any("李堃" in w and "仍已打印" in w for w in chosen.warnings)
    # print all: active workers only; the expired one is still named and left out
    everyone = print_cards(out, None, layout="single")
    assert everyone.count == 1 and any("李堃" in w for w in everyone.warnings)
    assert not any("张昇" in w for w in everyone.warnings)
    # nothing left to print: refused, the reasons named, the earlier file untouched
    before = out.read_bytes()
    with pytest.raises(UserError, match="李堃"):
        print_cards(out, [expired.id])
    assert out.read_bytes() == before
    # badges: the departed worker is left out and named
    badges = print_badges(tmp_path / "b.pdf", ids)
    assert badges.count == 3 and any("张昇" in w for w in badges.warnings)
    assert plan_badges(ids, include_departed=True).worker_ids == ids


def test_the_audit_line_names_the_saved_file(office, tmp_path):
    real_office(office)
    worker = add_worker(office, "王喆")
    out = tmp_path / "服务证.pdf"
    print_cards(out, [worker.id])
    row = AuditLog.get(AuditLog.action == "print")
    assert json.loads(row.after)["file"] == str(out.resolve()) and "服务证.pdf" in row.summary
    assert row.record_id == str(worker.id)


def test_command_line_and_job_give_the_same_warnings(office, db_target, tmp_path):
    real_office(office)
    add_worker(office, "王喆")
    expired = add_worker(office, "李堃", valid_until=_dt.date(2018, 6, 30))
    result = print_cards(tmp_path / "a.pdf", None)
    status, stdout, stderr = run_cli("print", "cards", str(tmp_path / "b.pdf"), "--all", db_target=db_target)
    assert status == 0, stderr
    assert [line.removeprefix("注意：") for line in stderr.splitlines() if line.startswith("注意：")] == result.warnings
    assert expired.name in stderr and "1 张" in stdout
    status, stdout, stderr = run_cli("print", "cards", str(tmp_path / "c.pdf"), "--all", "--include-expired",
                                     db_target=db_target)
    assert status == 0 and "2 张" in stdout and "仍已打印" in stderr


def test_kill_the_moment_the_output_is_opened_leaves_the_earlier_file(office, db_target, tmp_path):
    real_office(office)
    for i in range(300):
        add_worker(office, f"测试{i}")
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "cards.pdf"
    out.write_bytes(b"%PDF-1.4 an earlier good file\n")
    before = out.read_bytes()
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", db_target, "print", "cards",
                             str(out), "--all"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if any(p.name.startswith(files.TEMP_PREFIX) for p in folder.iterdir()):
            hard_kill(proc)
            break
        time.sleep(0.002)
    proc.wait()
    assert proc.returncode == KILLED_STATUS, "the job ended before its output was opened"
    assert out.read_bytes() == before
    files.sweep_leftovers(folder)  # what the next job writing there does first
    assert sorted(p.name for p in folder.iterdir()) == ["cards.pdf"]


def test_progress_counts_cards_through_every_phase(office, tmp_path):
    real_office(office)
    ids = [add_worker(office, f"测试{i}").id for i in range(410)]
    phases: list[str] = []
    calls: list[tuple[str, int, int]] = []

    def progress(done, total):
        calls.append((phases[-1] if phases else "", done, total))
        return True

    progress.phase = phases.append
    print_cards(tmp_path / "c.pdf", ids, layout="a4", progress=progress)
    assert phases == ["正在检查字库…", "正在生成服务证…"]
    for name in phases:
        counts = [done for phase, done, total in calls if phase == name and total == 410]
        assert counts[0] == 0 and counts[-1] == 410 and len(set(counts)) >= 3 and counts == sorted(counts)
