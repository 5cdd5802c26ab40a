"""Worker photos: any image in, a 25×35 mm JPEG out; clear messages for bad files; big photos with
bounded memory; the photo service's writers."""
from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PIL import Image

from swdesk import photos

ROOT = Path(__file__).resolve().parents[2]


def _jpeg(path: Path, size=(1200, 900), color=(200, 120, 80), **save) -> Path:
    Image.new("RGB", size, color).save(path, "JPEG", **save)
    return path


def test_file_to_stored_jpeg_with_the_photo_ratio(tmp_path):
    data = photos.from_file(_jpeg(tmp_path / "a.jpg"))
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG"
        assert image.size == photos.OUTPUT_SIZE
    width, height = photos.OUTPUT_SIZE
    assert abs(width / height - 25 / 35) < 0.01
    assert len(data) < photos.MAX_STORED_BYTES


def test_crop_box_is_kept_to_ratio_and_inside_the_image(tmp_path):
    image = photos.prepare(_jpeg(tmp_path / "a.jpg", size=(1000, 800)))
    box = photos.default_box(*image.size)
    assert box.height == box.width * 35 // 25 and box.bottom <= 800
    fitted = photos.fit_box(photos.Box(900, 700, 500, 10), *image.size)
    assert fitted.right <= 1000 and fitted.bottom <= 800 and fitted.left >= 0 and fitted.top >= 0
    assert abs(fitted.width / fitted.height - 25 / 35) < 0.02
    # The crop really takes the chosen part: left half red, right half blue.
    two = Image.new("RGB", (1000, 700), (255, 0, 0))
    two.paste((0, 0, 255), (500, 0, 1000, 700))
    right = photos.crop(two, photos.Box(600, 100, 250, 350))
    with Image.open(io.BytesIO(right)) as out:
        r, g, b = out.convert("RGB").getpixel((100, 200))
        assert b > 200 and r < 60


def test_not_an_image_gets_a_clear_message(tmp_path):
    text = tmp_path / "名单.xlsx"
    text.write_bytes(b"PK\x03\x04 this is not a picture")
    with pytest.raises(photos.PhotoError, match="不是可识别的图片"):
        photos.prepare(text)
    with pytest.raises(photos.PhotoError, match="剪贴板"):
        photos.prepare(b"plain text")
    with pytest.raises(photos.PhotoError, match="无法读取文件"):
        photos.prepare(tmp_path / "missing.jpg")


def test_damaged_jpeg_gets_a_clear_message(tmp_path):
    good = _jpeg(tmp_path / "good.jpg").read_bytes()
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(good[: len(good) // 3])
    with pytest.raises(photos.PhotoError, match="损坏"):
        photos.prepare(bad)


def test_exif_orientation_and_transparency(tmp_path):
    upright = Image.new("RGB", (400, 600), (10, 200, 10))
    exif = Image.Exif()
    exif[0x0112] = 6    # stored rotated: viewers turn it 90°
    path = tmp_path / "rot.jpg"
    upright.rotate(90, expand=True).save(path, "JPEG", exif=exif)
    assert photos.prepare(path).size == (400, 600)
    png = io.BytesIO()
    Image.new("RGBA", (300, 420), (0, 0, 0, 0)).save(png, "PNG")
    image = photos.prepare(png.getvalue())
    assert image.mode == "RGB" and image.getpixel((10, 10)) == (255, 255, 255)


@pytest.mark.slow
def test_fifty_megapixel_photo_is_read_with_bounded_memory(tmp_path):
    """A 50-megapixel camera JPEG decodes at reduced scale: the process never holds the full
    150 MB of pixels."""
    big = tmp_path / "camera.jpg"
    subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        from PIL import Image
        Image.new("RGB", (8660, 5774), (90, 140, 200)).save({str(big)!r}, "JPEG", quality=80)
    """)], check=True, cwd=ROOT)
    probe = textwrap.dedent(f"""
        import json, resource, sys
        sys.path.insert(0, {str(ROOT)!r})
        from swdesk import photos
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        image = photos.prepare({str(big)!r})
        data = photos.crop(image)
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({{"size": image.size, "grew_kb": after - before, "bytes": len(data)}}))
    """)
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True, cwd=ROOT)
    result = json.loads(out.stdout)
    assert max(result["size"]) <= photos.WORK_SIZE
    assert result["grew_kb"] < 60_000, result       # full decode alone would be ~150 000 kB
    assert result["bytes"] < photos.MAX_STORED_BYTES


def test_photo_service_set_get_clear(db, office, tmp_path):
    import datetime as _dt

    from swdesk.models import AuditLog
    from swdesk.services import photos as photo_service
    from swdesk.services import workers

    worker = workers.create({"name": "王喆", "gender": "男", "birth_date": _dt.date(1980, 5, 1),
                             "sector": "企业", "education": "大专", "title": "无"})
    assert photo_service.get_photo(worker.id) is None
    data = photos.from_file(_jpeg(tmp_path / "a.jpg"))
    photo_service.set_photo(worker.id, data)
    assert photo_service.get_photo(worker.id) == data
    again = photos.from_file(_jpeg(tmp_path / "b.jpg", color=(1, 2, 3)))
    photo_service.set_photo(worker.id, again)
    assert photo_service.get_photo(worker.id) == again
    png = io.BytesIO()
    Image.new("RGB", (295, 413)).save(png, "PNG")
    with pytest.raises(photos.PhotoError, match="JPEG"):
        photo_service.set_photo(worker.id, png.getvalue())
    assert photo_service.clear_photo(worker.id) is True
    assert photo_service.get_photo(worker.id) is None
    assert photo_service.clear_photo(worker.id) is False
    actions = [a for (a,) in AuditLog.select(AuditLog.action).where(AuditLog.table == "worker_photo")
               .order_by(AuditLog.id).tuples()]
    assert actions == ["create", "update", "delete"]
