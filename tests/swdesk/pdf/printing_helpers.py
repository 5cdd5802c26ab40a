"""Helpers of the printing tests: rows inserted directly (tests may), with JPEG photos."""
from __future__ import annotations

import datetime as _dt
import io
import itertools
import subprocess

import pytest

RARE_NAMES = ("王喆", "李堃", "张昇", "朱镕基", "龚䶮", "吉𠮷", "文赟", "林玥", "燚燚")
_seq = itertools.count(1)


def jpeg(colour=(120, 150, 200), size=(250, 350)) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.ellipse((w * 0.3, h * 0.15, w * 0.7, h * 0.5), fill=(240, 210, 180))
    draw.rectangle((w * 0.15, h * 0.6, w * 0.85, h), fill=(40, 60, 110))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def real_office(office, street_code: str = "350502001"):
    """Give the placeholder office of an empty database real values (printing refuses placeholders)."""
    office.district, office.street, office.street_code = "鲤城区", "开元街道", street_code
    office.centre_name = office.card_issuer = "开元街道社会工作服务中心"
    office.save()
    return office


def add_worker(office, name="张三", *, photo: bytes | None = None, status="在册",
               valid_until=_dt.date.today() + _dt.timedelta(days=1000), card_no: str | None = "auto", community=None,
               specialties="心理疏导、法律援助", employer="区人民医院"):
    from swdesk import idcard
    from swdesk.models import Worker, WorkerPhoto

    n = next(_seq)
    # The counter runs over the whole session (thousands of workers in a full run): keep the birth
    # date in 1980–1999 and the serial at three digits, or the ID number grows to 19 characters
    # (PostgreSQL refuses it for varchar(18); SQLite would store it silently).
    birth = _dt.date(1980, 1, 1) + _dt.timedelta(days=(n * 37) % 7300)
    worker = Worker.create(
        office=office, name=name, gender="男" if n % 2 else "女",
        id_number=idcard.make("350502", birth, 100 + n % 900), birth_date=birth, sector="事业单位",
        employer=employer, education="大专", title="初级", specialties=specialties, kind="志愿者",
        community=community, status=status,
        card_no=(f"{office.street_code}2026{n:05d}" if card_no == "auto" else card_no),
        card_issued_on=_dt.date(2026, 1, 1) if card_no else None,
        card_valid_until=valid_until if card_no else None)
    if photo:
        WorkerPhoto.create(worker=worker, data=photo)
    return worker


def pdftotext(path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")


def pdffonts(path) -> str:
    return subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True).stdout


# Tests that read PDFs back with poppler (installed by scripts/setup.sh --dev): a missing program
# fails the test, it never skips it.
needs_poppler = pytest.mark.usefixtures("poppler")


