"""Printing from the window: options → background job → preview of the real PDF → save;
the missing-glyph question; verifying a scanned code; printer calibration; certificates."""
from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMessageBox

from swdesk.jobs import print_calibration as calibration_job
from swdesk.models import AuditLog, Certificate
from swdesk.services import hours
from tests.conftest import run_cli
from tests.swdesk.pdf.printing_helpers import add_worker, jpeg, pdftotext, real_office
from ui.dialogs import printing
from ui.jobs import wait_for_all


@pytest.fixture
def people(db, office):
    real_office(office)
    return [add_worker(office, "王喆", photo=jpeg()), add_worker(office, "吉𠮷")]


def _wait_preview(qtbot, box: list):
    qtbot.waitUntil(lambda: bool(box), timeout=60000)
    return box[0]  # deletes itself when closed: each test closes it


def test_cards_for_selection_saved_then_previewed_and_printed(qtbot, people, tmp_path):
    dialog = printing.PrintDialog(None, "cards", [people[1].id])
    qtbot.addWidget(dialog)
    assert dialog.who_selected.isChecked()
    dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("single"))
    box: list = []
    target = tmp_path / "saved.pdf"
    printing.start_batch(None, dialog, on_preview=box.append, out=str(target))
    preview = _wait_preview(qtbot, box)
    assert preview.path == str(target) and target.read_bytes()[:5] == b"%PDF-"   # the saved file itself
    assert preview.page_count() == 2                       # front and back of one card
    assert "85.60 × 53.98" in preview.info.text() and "已生成服务证 1 张" in preview.message_label.text()
    row = AuditLog.get(AuditLog.action == "print")
    assert json.loads(row.after)["file"] == str(target.resolve())
    # printing sends every page at actual size (a PDF printer stands in for the real one)
    printer = preview.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert preview.print_to(printer) == 2
    size = printer.pageLayout().pageSize().size(QPageSize.Unit.Millimeter)  # what the driver gets
    assert abs(size.width() - 85.60) < 0.01 and abs(size.height() - 53.98) < 0.01
    pages = PdfReader(str(printed)).pages
    assert len(pages) == 2
    for page in pages:  # Qt's own PDF writer rounds the page box to whole points
        assert abs(float(page.mediabox.width) * 25.4 / 72 - 85.60) < 0.36
        assert abs(float(page.mediabox.height) * 25.4 / 72 - 53.98) < 0.36
    preview.reject()
    assert target.exists()                                 # closing the preview keeps the saved file


def test_badges_for_all_active_on_a4(qtbot, people, tmp_path):
    dialog = printing.PrintDialog(None, "badges", [], [])
    qtbot.addWidget(dialog)
    assert dialog.who_all.isChecked() and not dialog.who_selected.isEnabled()
    box: list = []
    printing.start_batch(None, dialog, on_preview=box.append, out=str(tmp_path / "b.pdf"))
    preview = _wait_preview(qtbot, box)
    assert preview.page_count() == 1
    assert "210.00 × 297.00" in preview.info.text()
    preview.reject()


def test_missing_character_asks_the_clerk_then_prints_with_blanks(qtbot, office, db, tmp_path):
    real_office(office)
    worker = add_worker(office, "张\ue000明")
    dialog = printing.PrintDialog(None, "cards", [worker.id])
    qtbot.addWidget(dialog)
    seen: list[str] = []

    def answer():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            next(b for b in box.buttons() if "仍然打印" in b.text()).click()
        else:
            QTimer.singleShot(50, answer)

    QTimer.singleShot(50, answer)
    box: list = []
    printing.start_batch(None, dialog, on_preview=box.append, out=str(tmp_path / "c.pdf"))
    preview = _wait_preview(qtbot, box)
    assert seen and "张\ue000明" in seen[0] and "姓名" in seen[0]
    assert preview.page_count() == 2
    preview.reject()
    wait_for_all()


def test_calibration_dialog_saves_measurements_and_shows_test_page(qtbot, db, tmp_path):
    dialog = printing.CalibrationDialog(None)
    qtbot.addWidget(dialog)
    dialog.printer_edit.setCurrentText("前台激光打印机")
    dialog.fields["left"].setValue(41.0)
    dialog.fields["top"].setValue(39.0)
    dialog.fields["horizontal"].setValue(100.5)
    dialog.fields["vertical"].setValue(99.5)
    assert dialog.save()
    entry = calibration_job.calibrations()["前台激光打印机"]
    assert entry["sx"] == pytest.approx(1.005) and entry["dy"] == pytest.approx(39.0 - 0.995 * 40, abs=0.01)
    assert "已校准" not in dialog.current_label.text() and "偏移" in dialog.current_label.text()
    box: list = []
    dialog.preview_test_page(on_preview=box.append, out=str(tmp_path / "cal.pdf"))
    preview = _wait_preview(qtbot, box)
    assert preview.page_count() == 1
    preview.reject()
    dialog.clear()
    assert "前台激光打印机" not in calibration_job.calibrations()


def test_certificate_from_the_window(qtbot, people, tmp_path):
    worker = people[0]
    hours.credit("扶老助老", "group_visit", 1, _dt.date(2026, 10, 3), 120, [worker.id])
    box: list = []
    printing.start_certificate(None, worker.id, "2026Q4", on_preview=box.append, out=str(tmp_path / "c.pdf"),
                               clerk="林经办")
    preview = _wait_preview(qtbot, box)
    assert preview.page_count() == 1
    assert Certificate.select().where(Certificate.worker == worker.id).count() == 1
    preview.reject()
    dialog = printing.CertificateDialog(None, worker.id)
    qtbot.addWidget(dialog)
    assert dialog.picker.selected_worker_id() == worker.id


# --- the window and the command line give the same PDF and the same warnings ---------------------

def _answer_box(name: str, button_text: str, seen: list[str]) -> None:
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox) and box.objectName() == name:
        seen.append(box.text())
        next(b for b in box.buttons() if button_text in b.text()).click()
    else:
        QTimer.singleShot(30, lambda: _answer_box(name, button_text, seen))


def _same_pdf(a, b) -> None:
    ra, rb = PdfReader(str(a)), PdfReader(str(b))
    assert len(ra.pages) == len(rb.pages)
    for pa, pb in zip(ra.pages, rb.pages, strict=True):
        assert (float(pa.mediabox.width), float(pa.mediabox.height)) == (float(pb.mediabox.width),
                                                                         float(pb.mediabox.height))
    assert pdftotext(a) == pdftotext(b)


def _cli_warnings(stderr: str) -> list[str]:
    return [line.removeprefix("注意：") for line in stderr.splitlines() if line.startswith("注意：")]


@pytest.fixture
def street(db, db_target, office):
    real_office(office)
    add_worker(office, "王喆", photo=jpeg())
    add_worker(office, "李堃", valid_until=_dt.date(2018, 6, 30))
    add_worker(office, "张昇", status="离队")
    return db_target


@pytest.mark.parametrize("kind", ["cards", "badges"])
def test_window_and_command_line_print_the_same_cards_and_badges(qtbot, street, tmp_path, kind):
    from swdesk.models import Worker

    ids = [w.id for w in Worker.select().order_by(Worker.id)]
    dialog = printing.PrintDialog(None, kind, ids)
    qtbot.addWidget(dialog)
    seen: list[str] = []
    QTimer.singleShot(30, lambda: _answer_box("DoubtfulCardsBox", "不打印这些", seen))
    box: list = []
    window_pdf = tmp_path / "window.pdf"
    printing.start_batch(None, dialog, on_preview=box.append, out=str(window_pdf))
    preview = _wait_preview(qtbot, box)
    # named BEFORE printing in the window
    assert seen and "张昇" in seen[0] and ("李堃" in seen[0]) == (kind == "cards")
    cli_pdf = tmp_path / "cli.pdf"
    status, stdout, stderr = run_cli("print", kind, str(cli_pdf), *map(str, ids), db_target=street)
    assert status == 0, stderr
    _same_pdf(window_pdf, cli_pdf)
    assert preview.warnings == _cli_warnings(stderr) and preview.warnings
    assert "张昇" in stderr and ("李堃" in stderr) == (kind == "cards")
    preview.reject()


def test_window_and_command_line_issue_the_same_certificate(qtbot, street, tmp_path):
    from swdesk.models import Worker

    worker = Worker.get(Worker.name == "王喆")
    hours.credit("扶老助老", "group_visit", 1, _dt.date(2026, 1, 3), 95, [worker.id])
    box: list = []
    window_pdf = tmp_path / "window.pdf"
    printing.start_certificate(None, worker.id, "2026Q1", on_preview=box.append, out=str(window_pdf), clerk="林经办")
    preview = _wait_preview(qtbot, box)
    cli_pdf = tmp_path / "cli.pdf"
    status, stdout, stderr = run_cli("print", "certificate", str(worker.id), str(cli_pdf), "--period", "2026Q1",
                                     "--clerk", "林经办", db_target=street)
    assert status == 0, stderr
    assert preview.warnings == _cli_warnings(stderr)
    # the second is a reprint by rule (same person, period and hours): its number says so
    number = Certificate.get(Certificate.reprint_of.is_null()).number
    assert f"{number}-B1" in stdout and "补打" in stdout
    window_text = pdftotext(window_pdf)
    cli_text = pdftotext(cli_pdf).replace(f"{number}-B1（补打）", number)
    assert window_text == cli_text and "1.6 小时" in window_text
    assert len(PdfReader(str(window_pdf)).pages) == len(PdfReader(str(cli_pdf)).pages) == 1
    preview.reject()


def test_window_and_command_line_make_the_same_calibration_page(qtbot, db, db_target, tmp_path):
    dialog = printing.CalibrationDialog(None)
    qtbot.addWidget(dialog)
    box: list = []
    window_pdf = tmp_path / "window.pdf"
    dialog.preview_test_page(on_preview=box.append, out=str(window_pdf))
    preview = _wait_preview(qtbot, box)
    cli_pdf = tmp_path / "cli.pdf"
    status, _stdout, stderr = run_cli("print", "calibration", str(cli_pdf), db_target=db_target)
    assert status == 0, stderr
    _same_pdf(window_pdf, cli_pdf)
    preview.reject()


def test_the_window_never_imports_the_pdf_layer():
    import ast

    root = Path(__file__).resolve().parents[2] / "ui"
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            assert not any(n == "swdesk.pdf" or n.startswith("swdesk.pdf.") for n in names), path


def test_renew_the_expired_cards_then_print_them(qtbot, street, tmp_path):
    from swdesk.models import Worker

    expired = Worker.get(Worker.name == "李堃")
    dialog = printing.PrintDialog(None, "cards", [], [])   # everyone active
    qtbot.addWidget(dialog)
    seen: list[str] = []
    QTimer.singleShot(30, lambda: _answer_box("DoubtfulCardsBox", "先续期", seen))
    box: list = []
    out = tmp_path / "renewed.pdf"
    printing.start_batch(None, dialog, on_preview=box.append, out=str(out))
    preview = _wait_preview(qtbot, box)
    assert seen and "李堃" in seen[0]
    renewed = Worker.get_by_id(expired.id)
    assert renewed.card_no == expired.card_no and renewed.card_valid_until > _dt.date.today()
    assert "李堃" in pdftotext(out) and "已生成服务证 2 张" in preview.message_label.text()
    assert preview.warnings == []
    preview.reject()


def test_a_big_run_is_previewed_one_page_at_a_time(qtbot, db, office, tmp_path):
    from PySide6.QtPdfWidgets import QPdfView

    from swdesk.jobs.print_cards import print_cards
    from ui.dialogs import pdf_preview

    real_office(office)
    ids = [add_worker(office, f"测试{i}").id for i in range(pdf_preview.MULTI_PAGE_UP_TO // 2 + 1)]
    big, small = tmp_path / "big.pdf", tmp_path / "small.pdf"
    print_cards(big, ids, layout="single")
    print_cards(small, ids[:3], layout="single")
    modes = {}
    for path in (big, small):
        preview = pdf_preview.PdfPreviewDialog(None, path, "预览")
        qtbot.addWidget(preview)
        modes[path.name] = (preview.page_count(), preview.view.pageMode())
        preview.page_box.setValue(preview.page_count())   # paging through the file still works
        preview.reject()
    assert modes["big.pdf"] == (len(ids) * 2, QPdfView.PageMode.SinglePage)
    assert modes["small.pdf"] == (6, QPdfView.PageMode.MultiPage)
