"""Benchmark: 1,000 service cards with photos and QR codes, on A4 (2 × 5, fronts and backs) and
in the single-card layout (one card-sized page a side).

Prints, for each layout, the time of swdesk's print job (templates, font chain, glyph check,
database reads included) beside the floor: raw reportlab drawing the same elements on the same
pages in the same run (QR codes from zxing-cpp as a 1-bit image mask, photos passed through as
JPEG), with wall and CPU time, the ratio and the PDF's bytes per card. Targets: ≤ 2.5 ms a card on
an idle machine, within 1.3× the floor, the single layout no slower per card than A4.

    .venv/bin/python bench/printing.py [--cards 1000] [--keep DIR]
"""
from __future__ import annotations

import argparse
import datetime as _dt
import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def make_photos(n: int, first: int = 0) -> list[bytes]:
    """Distinct small JPEG portraits (like WorkerPhoto.data: 25×35 mm ratio, downscaled)."""
    from PIL import Image, ImageDraw

    photos = []
    for i in range(first, first + n):
        image = Image.new("RGB", (250, 350), (90 + i * 7 % 120, 120 + i * 13 % 100, 160 + i * 3 % 90))
        draw = ImageDraw.Draw(image)
        draw.ellipse((75 + i % 20, 50, 175 + i % 20, 175), fill=(235, 205, 175))
        draw.rectangle((40, 210, 210, 350), fill=(30 + i % 50, 50, 100))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=80)
        photos.append(out.getvalue())
    return photos


def fill_database(n: int, photos: int | None = None) -> None:
    """`n` workers, the first `photos` of them (default: all) with a distinct JPEG photo."""
    from swdesk import idcard
    from swdesk.models import Community, Worker, WorkerPhoto
    from swdesk.services.base import default_office

    office = default_office()
    office.district, office.street, office.street_code = "鼓楼区", "东湖街道", "350502001"
    office.centre_name = "东湖街道社会工作服务中心"
    office.card_issuer = "鼓楼区民政局"
    office.hotlines = '[{"name": "生活", "number": "0591-87001234"}, {"name": "法律", "number": "12348"}]'
    office.save()
    community = Community.create(office=office, name="东湖社区")
    names = ["王喆", "李堃", "张昇", "朱镕", "龚䶮", "吉𠮷", "文赟", "林玥", "陈燚", "欧阳娜娜"]
    photo_count = n if photos is None else min(photos, n)
    rows = []
    for i in range(n):
        # Birth dates cycle over ~41 years and the region code changes every cycle, so that 100,000
        # workers still get distinct, valid ID numbers; names stay within the CJK block.
        birth = _dt.date(1970, 1, 1) + _dt.timedelta(days=i * 11 % 15000)
        region = f"3505{2 + i // 15000:02d}"
        rows.append(dict(office=office, name=f"{names[i % 10]}{'' if i < 10 else chr(0x4E00 + i % 20000)}",
                         gender="男" if i % 2 else "女", id_number=idcard.make(region, birth, i % 1000),
                         birth_date=birth, sector="事业单位", employer="区人民医院", education="大专",
                         title="初级", specialties="心理疏导、法律援助", kind="志愿者",
                         community=community if i % 2 else None, card_no=f"350502001202{i:06d}",
                         card_issued_on=_dt.date(2026, 1, 1), card_valid_until=_dt.date(2028, 12, 31)))
    with Worker._meta.database.atomic():
        for start in range(0, n, 200):
            Worker.insert_many(rows[start:start + 200]).execute()
        ids = [w.id for w in Worker.select(Worker.id).order_by(Worker.id)]
        for start in range(0, photo_count, 200):
            chunk = ids[start:min(start + 200, photo_count)]
            WorkerPhoto.insert_many([dict(worker=w, data=photo) for w, photo in
                                     zip(chunk, make_photos(len(chunk), start), strict=True)]).execute()


def raw_reportlab(items, chain, out, jpeg_direct: bool = True, layout: str = "a4") -> None:
    """The same elements drawn straight on a reportlab canvas: no templates, no font runs, no
    glyph check, positions computed inline. The floor our renderer is compared with."""
    import zxingcpp
    from reportlab import rl_config
    from reportlab.lib.colors import HexColor, white
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    from swdesk.pdf.renderer import draw_jpeg

    rl_config.useA85 = 0
    font = chain.main.name
    red, grey = HexColor("#B3261E"), HexColor("#555555")
    W, H = 85.6, 53.98  # noqa: N806 (card width and height, as in the spec)
    left, top = (210 - 2 * W) / 2, (297 - 5 * H) / 2
    single = layout == "single"
    size = (W * mm, H * mm) if single else (210 * mm, 297 * mm)
    c = Canvas(out, pagesize=size, initialFontName=font, pageCompression=1)
    mask_bits = bytes.maketrans(b"\x00\xff", b"01")

    def card_origin(slot, back):
        if single:
            return 0.0, 0.0
        row, col = divmod(slot, 2)
        x = left + col * W
        if back:
            x = 210 - x - W
        return x * mm, (297 - top - (row + 1) * H) * mm

    per_page = 1 if single else 10
    for start in range(0, len(items), per_page):
        sheet = items[start:start + per_page]
        for back in (False, True):
            for slot, item in enumerate(sheet):
                x, y = card_origin(slot, back)
                f = item.fields
                c.setFillColor(red)
                c.rect(x, y + (H - 10) * mm, W * mm, 10 * mm, stroke=0, fill=1)
                c.rect(x, y, W * mm, 2.48 * mm, stroke=0, fill=1)
                c.circle(x + 6.5 * mm, y + (H - 5) * mm, 3 * mm, stroke=0, fill=1)
                c.setFillColor(white)
                c.setFont(font, 12.5)
                c.drawCentredString(x + W / 2 * mm, y + (H - 7) * mm, "持证人职责" if back else "社会工作者服务证")
                c.setFillColor(HexColor("#000000"))
                if back:
                    c.setFont(font, 6.8)
                    for i, line in enumerate(f["charter_text"].split("\n")):
                        c.drawString(x + 4 * mm, y + (H - 12 - i * 3.2) * mm, line)
                    c.drawString(x + 4 * mm, y + 12 * mm, f["hotlines"])
                    c.drawString(x + 4 * mm, y + 6 * mm, "发证单位：" + f["card_issuer"])
                    continue
                if jpeg_direct:
                    draw_jpeg(c, item.photo, x + 4 * mm, y + 13 * mm, 20 * mm, 28 * mm)
                else:
                    c.drawImage(ImageReader(io.BytesIO(item.photo)), x + 4 * mm, y + 13 * mm, 20 * mm, 28 * mm)
                for i, (label, key) in enumerate((("姓　　名", "name"), ("性　　别", "gender"),
                                                  ("服务证号", "card_no"), ("社区/单位", "unit"),
                                                  ("专业特长", "specialties"), ("有效期至", "valid_until"))):
                    c.setFillColor(grey)
                    c.setFont(font, 6.5)
                    c.drawString(x + 27 * mm, y + (H - 16 - i * 4.6) * mm, label)
                    c.setFillColor(HexColor("#000000"))
                    c.setFont(font, 7.5)
                    c.drawString(x + 40 * mm, y + (H - 16 - i * 4.6) * mm, f[key])
                c.drawString(x + 4 * mm, y + 7 * mm, "发证单位：" + f["card_issuer"])
                image = zxingcpp.create_barcode(f["qr"], zxingcpp.BarcodeFormat.QRCode, ec_level="M").to_image(
                    scale=1, add_quiet_zones=False)
                n = image.shape[0]
                bits, pad = bytes(image).translate(mask_bits), b"1" * (-n % 8)
                rows = b"".join(int(bits[r * n:r * n + n] + pad, 2).to_bytes((n + 7) // 8, "big")
                                for r in range(n))
                module = 16 * mm / (n + 2)
                c.saveState()
                c.transform(module * n, 0, 0, module * n, x + 67 * mm + module, y + 4 * mm + module)
                c.addLiteral(f"BI /W {n} /H {n} /IM true /BPC 1 /F /AHx ID {rows.hex()}> EI")
                c.restoreState()
            c.showPage()
    c.save()


def timed(run):
    """(wall seconds, CPU seconds of this process, result) of run()."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = run()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--keep", help="keep the PDFs in this folder")
    args = parser.parse_args()
    from swdesk import db
    from swdesk.jobs.print_cards import print_cards
    from swdesk.models import Worker
    from swdesk.pdf import cards, fonts

    work = Path(args.keep or tempfile.mkdtemp(prefix="swdesk-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    db_path = work / "bench.db"
    if db_path.exists():
        db_path.unlink()
    db.open_database(str(db_path))
    t = time.perf_counter()
    fill_database(args.cards)
    print(f"database with {args.cards} workers and photos: {time.perf_counter() - t:.2f} s")
    chain = fonts.office_chain()  # loaded once per process, as in the window
    print(f"fonts: {chain.describe()}")

    ids = [w.id for w in Worker.select(Worker.id).order_by(Worker.card_no, Worker.id)]
    items = list(cards.items(ids))  # for the raw baseline (not timed)
    per_card: dict[str, float] = {}
    for layout in ("a4", "single"):
        # warm-up (imports, template schema) on a few cards, so both timings are steady-state
        print_cards(work / "warm.pdf", ids[:10], layout=layout)
        raw_reportlab(items[:10], chain, io.BytesIO(), layout=layout)
        ours_pdf, raw_pdf = work / f"ours-{layout}.pdf", work / f"raw-{layout}.pdf"
        ours, ours_cpu, result = timed(lambda: print_cards(ours_pdf, None, layout=layout))  # noqa: B023
        raw, raw_cpu, _ = timed(lambda: raw_reportlab(items, chain, str(raw_pdf), layout=layout))  # noqa: B023
        n = result.count
        print(f"[{layout}] swdesk: {n} cards, {result.data['pages']} pages in {ours:.2f} s "
              f"({ours / n * 1000:.2f} ms a card), CPU {ours_cpu:.2f} s, "
              f"{os.path.getsize(ours_pdf) / n / 1024:.1f} KiB a card  |  floor (raw reportlab): {raw:.2f} s "
              f"({raw / n * 1000:.2f} ms a card), CPU {raw_cpu:.2f} s, {os.path.getsize(raw_pdf) / n / 1024:.1f} KiB a card")
        print(f"[{layout}] ratio swdesk / raw: {ours / raw:.2f} wall, {ours_cpu / raw_cpu:.2f} CPU  "
              f"(targets: <= 2.5 ms a card idle, <= 1.3)")
        per_card[layout] = ours_cpu / n
    print(f"single / A4 per card (CPU): {per_card['single'] / per_card['a4']:.2f}  (target: <= 1.0)")
    plain, plain_cpu, _ = timed(lambda: raw_reportlab(items, chain, io.BytesIO(), jpeg_direct=False))
    print(f"raw reportlab (A4) with canvas.drawImage(ImageReader) for the photos: {plain:.2f} s, CPU {plain_cpu:.2f} s")
    print(f"PDFs in {work}")
    db.close_database()
    return 0


if __name__ == "__main__":
    sys.exit(main())
