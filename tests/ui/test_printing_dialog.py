"""Printing from the window: options → background job → preview of the real PDF → save;
the missing-glyph question; verifying a scanned code; printer calibration; certificates."""
from __future__ import annotations

import datetime as _dt
import os

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMessageBox

from swdesk.models import Certificate
from swdesk.pdf import common
from swdesk.services import cards, hours
from tests.swdesk.pdf.printing_helpers import add_worker, jpeg
from ui.dialogs import printing
from ui.jobs import wait_for_all


@pytest.fixture
def people(db, office):
    office.street_code = "350502001"
    office.save()
    return [add_worker(office, "王喆", photo=jpeg()), add_worker(office, "吉𠮷")]


def _wait_preview(qtbot, box: list):
    qtbot.waitUntil(lambda: bool(box), timeout=60000)
    return box[0]  # deletes itself when closed: each test closes it


def test_cards_for_selection_preview_and_save(qtbot, people, tmp_path):
    dialog = printing.PrintDialog(None, "cards", [people[1].id])
    qtbot.addWidget(dialog)
    assert dialog.who_selected.isChecked()
    dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("single"))
    box: list = []
    printing.start_batch(None, dialog, on_preview=box.append)
    preview = _wait_preview(qtbot, box)
    assert preview.page_count() == 2                       # front and back of one card
    assert "85.60 × 53.98" in preview.info.text()
    target = tmp_path / "saved.pdf"
    assert preview.save_to(target)
    assert target.read_bytes()[:5] == b"%PDF-"
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
    temp = preview.path
    preview.reject()
    assert not os.path.exists(temp)


def test_badges_for_all_active_on_a4(qtbot, people):
    dialog = printing.PrintDialog(None, "badges", [], [])
    qtbot.addWidget(dialog)
    assert dialog.who_all.isChecked() and not dialog.who_selected.isEnabled()
    box: list = []
    printing.start_batch(None, dialog, on_preview=box.append)
    preview = _wait_preview(qtbot, box)
    assert preview.page_count() == 1
    assert "210.00 × 297.00" in preview.info.text()
    preview.reject()


def test_missing_character_asks_the_clerk_then_prints_with_blanks(qtbot, office, db):
    office.street_code = "350502001"
    office.save()
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
    printing.start_batch(None, dialog, on_preview=box.append)
    preview = _wait_preview(qtbot, box)
    assert seen and "张\ue000明" in seen[0] and "姓名" in seen[0]
    assert preview.page_count() == 2
    preview.reject()
    wait_for_all()


def test_verify_dialog(qtbot, people):
    dialog = printing.VerifyDialog(None)
    qtbot.addWidget(dialog)
    code = cards.payload_for(people[0])
    dialog.edit.setText(code)
    dialog.button.click()
    assert "真实有效" in dialog.result_label.text() and "王喆" in dialog.result_label.text()
    dialog.edit.setText(code[:-1] + ("Q" if code[-1] != "Q" else "R"))
    dialog.button.click()
    assert "伪造" in dialog.result_label.text()
    assert not dialog.result.genuine


def test_calibration_dialog_saves_measurements_and_shows_test_page(qtbot, db):
    dialog = printing.CalibrationDialog(None)
    qtbot.addWidget(dialog)
    dialog.printer_edit.setCurrentText("前台激光打印机")
    dialog.fields["left"].setValue(41.0)
    dialog.fields["top"].setValue(39.0)
    dialog.fields["horizontal"].setValue(100.5)
    dialog.fields["vertical"].setValue(99.5)
    assert dialog.save()
    entry = common.calibrations()["前台激光打印机"]
    assert entry["sx"] == pytest.approx(1.005) and entry["dy"] == pytest.approx(39.0 - 0.995 * 40, abs=0.01)
    assert "已校准" not in dialog.current_label.text() and "偏移" in dialog.current_label.text()
    box: list = []
    dialog.preview_test_page(on_preview=box.append)
    preview = _wait_preview(qtbot, box)
    assert preview.page_count() == 1
    preview.reject()
    dialog.clear()
    assert "前台激光打印机" not in common.calibrations()


def test_certificate_from_the_window(qtbot, people):
    worker = people[0]
    hours.credit("扶老助老", "group_visit", 1, _dt.date(2026, 10, 3), 120, [worker.id])
    box: list = []
    printing.start_certificate(None, worker.id, "2026Q4", on_preview=box.append)
    preview = _wait_preview(qtbot, box)
    assert preview.page_count() == 1
    assert Certificate.select().where(Certificate.worker == worker.id).count() == 1
    preview.reject()
    dialog = printing.CertificateDialog(None, worker.id)
    qtbot.addWidget(dialog)
    assert dialog.picker.selected_worker_id() == worker.id
