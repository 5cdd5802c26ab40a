"""Service cards as the printer gets them: exact size, embedded fonts, every name extractable,
missing characters reported before printing, duplex backs behind their fronts."""
from __future__ import annotations

import json
import re
import subprocess

import pytest
from conftest import require_programs
from pypdf import PdfReader

from swdesk.jobs.print_cards import print_cards
from swdesk.pdf import common, layout, templates
from swdesk.pdf.common import MissingGlyphsError
from tests.swdesk.pdf.printing_helpers import (
    RARE_NAMES,
    add_worker,
    jpeg,
    needs_poppler,
    pdftotext,
    real_office,
)

PT_PER_MM = 72 / 25.4


def _mm(points) -> float:
    return float(points) / PT_PER_MM


def _embedded_fonts(reader: PdfReader) -> list[tuple[str, bool]]:
    out = []
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            out.append((str(font["/BaseFont"]), embedded))
    return out


@needs_poppler
def test_single_layout_card_is_id1_with_embedded_fonts_and_exact_names(printing_office, tmp_path):
    workers = [add_worker(printing_office, name, photo=jpeg() if i % 2 else None)
               for i, name in enumerate(RARE_NAMES)]
    out = tmp_path / "cards.pdf"
    result = print_cards(out, [w.id for w in workers], layout="single")
    assert result.count == len(RARE_NAMES) and result.data["pages"] == 2 * len(RARE_NAMES)
    reader = PdfReader(str(out))
    for page in reader.pages:
        assert abs(_mm(page.mediabox.width) - 85.60) < 0.01
        assert abs(_mm(page.mediabox.height) - 53.98) < 0.01
    fonts = _embedded_fonts(reader)
    assert fonts and all(embedded for _, embedded in fonts), fonts
    text = pdftotext(out)
    for name in RARE_NAMES:
        assert name in text, name
    assert "社会工作者服务证" in text and "持证人职责" in text
    assert workers[0].card_no in text
    # the photos went in as JPEG without re-encoding
    assert b"/DCTDecode" in out.read_bytes()


def test_a_name_with_a_character_no_font_has_is_reported_before_printing(printing_office, tmp_path):
    good = add_worker(printing_office, "王喆")
    bad = add_worker(printing_office, "张\ue000明")
    out = tmp_path / "cards.pdf"
    with pytest.raises(MissingGlyphsError) as info:
        print_cards(out, [good.id, bad.id])
    message = str(info.value)
    assert "张\ue000明" in message and "姓名" in message and "U+E000" in message
    assert [m.char for m in info.value.missing] == ["\ue000"]
    assert not out.exists()


@needs_poppler
def test_missing_character_allowed_prints_blank_never_a_box(printing_office, tmp_path):
    bad = add_worker(printing_office, "张\ue000明")
    out = tmp_path / "cards.pdf"
    result = print_cards(out, [bad.id], layout="single", allow_missing_glyphs=True)
    assert [m.char for m in result.data["missing"]] == ["\ue000"]
    assert any("U+E000" in w for w in result.warnings)
    text = pdftotext(out)
    assert "张" in text and "明" in text and "\ue000" not in text


def test_worker_without_card_number_is_refused(printing_office, tmp_path):
    worker = add_worker(printing_office, "赵无证", card_no=None)
    with pytest.raises(common.UserError, match="尚未发放服务证号"):
        print_cards(tmp_path / "x.pdf", [worker.id])
    assert not (tmp_path / "x.pdf").exists()


def test_grid_puts_ten_cards_on_a4_and_mirrors_the_back():
    grid = layout.grid_for(85.60, 53.98)
    assert (grid.cols, grid.rows) == (2, 5)
    for slot in range(grid.per_sheet):
        fx, fy = grid.position(slot, "front")
        bx, by = grid.position(slot, "back")
        assert by == fy
        assert abs((bx + grid.w / 2) - (210 - (fx + grid.w / 2))) < 1e-9  # mirrored about the centre
    assert layout.sheet_plan(12, grid, duplex=True) == [
        ("front", list(range(10))), ("back", list(range(10))), ("front", [10, 11]), ("back", [10, 11])]


def _word_boxes(pdf, page: int) -> list[tuple[str, float, float, float, float]]:
    html = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, check=True).stdout.decode()
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [(w, float(a), float(b), float(c), float(d)) for a, b, c, d, w in re.findall(pattern, html)]


@needs_poppler
def test_duplex_back_of_each_card_lands_behind_its_front(printing_office, tmp_path):
    # A template pair whose back also prints the name, so the back's position can be measured.
    front = json.loads(templates.builtin_path("card").read_text(encoding="utf-8"))
    front["back"] = "back.json"
    front["elements"] = [{"type": "text", "x": 0, "y": 20, "w": 85.6, "h": 10, "text": "F{card_no}",
                          "font_size": 8, "align": "center"}]
    back = {"version": 1, "kind": "card", "size_mm": [85.6, 53.98], "elements": [
        {"type": "text", "x": 0, "y": 20, "w": 85.6, "h": 10, "text": "B{card_no}", "font_size": 8,
         "align": "center"}]}
    (tmp_path / "front.json").write_text(json.dumps(front), encoding="utf-8")
    (tmp_path / "back.json").write_text(json.dumps(back), encoding="utf-8")
    workers = [add_worker(printing_office, f"测试{i}") for i in range(13)]
    out = tmp_path / "a4.pdf"
    result = print_cards(out, [w.id for w in workers], layout="a4", template=str(tmp_path / "front.json"))
    assert result.data["pages"] == 4
    reader = PdfReader(str(out))
    assert abs(_mm(reader.pages[0].mediabox.width) - 210) < 0.01
    page_w = float(reader.pages[0].mediabox.width)
    for front_page, back_page in ((1, 2), (3, 4)):
        fronts = {w[1:]: (x0 + x1) / 2 for w, x0, y0, x1, y1 in _word_boxes(out, front_page) if w.startswith("F")}
        backs = {w[1:]: (x0 + x1) / 2 for w, x0, y0, x1, y1 in _word_boxes(out, back_page) if w.startswith("B")}
        fy = {w[1:]: y0 for w, x0, y0, x1, y1 in _word_boxes(out, front_page) if w.startswith("F")}
        by = {w[1:]: y0 for w, x0, y0, x1, y1 in _word_boxes(out, back_page) if w.startswith("B")}
        assert fronts and fronts.keys() == backs.keys()
        for card_no, x in fronts.items():
            assert abs(backs[card_no] - (page_w - x)) < 0.5, card_no
            assert abs(by[card_no] - fy[card_no]) < 0.5
        # the two columns really are swapped
        if len(fronts) > 1:
            first = min(fronts, key=lambda k: (fy[k], fronts[k]))
            assert backs[first] > page_w / 2


@needs_poppler
def test_calibration_shifts_and_scales_the_page(printing_office, tmp_path):
    from swdesk.pdf import calibration

    worker = add_worker(printing_office, "王喆")
    plain, fixed = tmp_path / "plain.pdf", tmp_path / "fixed.pdf"
    print_cards(plain, [worker.id], layout="single")
    common.save_calibration("办公室打印机", 2.0, -1.0, 1.0, 1.0)
    print_cards(fixed, [worker.id], layout="single", printer="办公室打印机")
    a = {w: (x0, y0) for w, x0, y0, _, _ in _word_boxes(plain, 1)}
    b = {w: (x0, y0) for w, x0, y0, _, _ in _word_boxes(fixed, 1)}
    assert abs((b["王喆"][0] - a["王喆"][0]) - (-2.0 * PT_PER_MM)) < 0.2
    assert abs((b["王喆"][1] - a["王喆"][1]) - (1.0 * PT_PER_MM)) < 0.2
    # measured on a printed test page: corner at 41.0/39.5 mm, lines 101 and 99.5 mm long
    entry = calibration.offsets_from_measurement(41.0, 39.5, 101.0, 99.5)
    assert entry["sx"] == pytest.approx(1.01) and entry["dx"] == pytest.approx(41.0 - 1.01 * 40)
    cal = layout.Calibration.from_dict(entry)
    # what the printer does to a corrected point lands where the template wanted it
    import io

    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(io.BytesIO(), pagesize=(210 * PT_PER_MM, 297 * PT_PER_MM))
    cal.apply(canvas, 297 * PT_PER_MM)
    a_, b_, c_, d_, e_, f_ = canvas._currentMatrix
    x_mm, y_top_mm = 40.0, 40.0
    x_pdf = (a_ * x_mm * PT_PER_MM + e_) / PT_PER_MM
    y_pdf = (d_ * (297 - y_top_mm) * PT_PER_MM + f_) / PT_PER_MM
    printed_x = entry["sx"] * x_pdf + entry["dx"]
    printed_y_top = entry["sy"] * (297 - y_pdf) + entry["dy"]
    assert printed_x == pytest.approx(40.0) and printed_y_top == pytest.approx(40.0)


def test_calibration_values_are_checked(db):
    with pytest.raises(common.UserError, match="不合理"):
        common.save_calibration("P", 0, 0, 2.0, 1.0)


@needs_poppler
def test_printed_qr_code_scans_back_to_a_genuine_code(printing_office, tmp_path):
    require_programs("zbarimg")
    from swdesk.services import cards as card_service

    worker = add_worker(printing_office, "王喆")
    out = tmp_path / "card.pdf"
    print_cards(out, [worker.id], layout="single")
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "p")], check=True)
    png = next(tmp_path.glob("p*.png"))
    scanned = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True).stdout.strip()
    assert scanned == card_service.payload_for(worker)
    assert card_service.verify(scanned).valid_today


def test_each_print_run_is_in_the_audit_log(tmp_path, db):
    import datetime as dt

    from swdesk.models import AuditLog, Worker
    from swdesk.services.base import default_office

    office = real_office(default_office())
    worker = Worker.create(office=office, name="陈堃", gender="男", birth_date=dt.date(1985, 6, 1),
                           sector="企业", education="大专", title="无", card_no="350502001202600001",
                           card_valid_until=dt.date(2029, 1, 1))
    out = tmp_path / "c.pdf"
    print_cards(out, [worker.id], layout="single")
    row = AuditLog.get(AuditLog.action == "print")
    assert "陈堃" in row.summary and row.record_id == str(worker.id)
    assert json.loads(row.after)["file"] == str(out.resolve())  # the saved file, not a temporary one


def test_printing_stops_while_the_office_has_placeholder_values(office, tmp_path):
    from swdesk.jobs.print_badges import print_badges
    from swdesk.jobs.print_certificate import print_certificate

    worker = add_worker(office, "王喆")        # the placeholder office of an empty database
    for run in (lambda out: print_cards(out, [worker.id]), lambda out: print_badges(out, [worker.id]),
                lambda out: print_certificate(out, worker.id, "2026")):
        with pytest.raises(common.UserError) as info:
            run(tmp_path / "x.pdf")
        message = str(info.value)
        assert "单位设置" in message and "000000" in message and "示例街道社会工作服务中心" in message
        assert not (tmp_path / "x.pdf").exists()
    real_office(office)
    assert print_cards(tmp_path / "x.pdf", [worker.id]).count == 1


@needs_poppler
def test_a_long_list_of_specialties_is_cut_with_deng_not_shrunk_illegibly(printing_office, tmp_path):
    from swdesk.pdf.renderer import LIST_MIN_PT

    five = "心理疏导、医疗卫生、法律援助、司法矫治、社区建设"
    worker = add_worker(printing_office, "王喆", specialties=five)
    out = tmp_path / "card.pdf"
    print_cards(out, [worker.id], layout="single")
    front = pdftotext(out).split("\f")[0]
    line = next(x for x in front.splitlines() if x.startswith("心理疏导"))
    assert line.endswith("等") and line != five and five.startswith(line[:-1])
    boxes = [b for b in _word_boxes(out, 1) if b[0].startswith("心理疏导")]
    assert boxes and all(y1 - y0 >= LIST_MIN_PT * 0.95 for _, _, y0, _, y1 in boxes)  # type height
