"""QR codes read from a picture: a photo or screenshot of a service card, an image file or the
bytes of one (a pasted clipboard image). zxing-cpp does the reading; no Qt here."""
from __future__ import annotations

import io
from pathlib import Path

import zxingcpp
from PIL import Image, UnidentifiedImageError

from swdesk.errors import UserError
from swdesk.files import os_error_text


def _open(source: str | Path | bytes) -> Image.Image:
    name = "粘贴的图片" if isinstance(source, bytes) else str(source)
    try:
        image = Image.open(io.BytesIO(source) if isinstance(source, bytes) else Path(source))
        image.load()
    except OSError as exc:
        if isinstance(exc, UnidentifiedImageError) or not isinstance(source, (str, Path)):
            raise UserError(f"{name} 不是图片或图片已损坏，无法识别二维码") from exc
        raise UserError(os_error_text(exc, Path(source))) from exc
    return image


def decode(source: str | Path | bytes | Image.Image) -> list[str]:
    """The texts of the QR codes in a picture, top to bottom; empty when there is none."""
    image = source if isinstance(source, Image.Image) else _open(source)
    if image.mode not in ("L", "RGB"):
        image = image.convert("RGB")
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    found.sort(key=lambda b: (b.position.top_left.y, b.position.top_left.x))
    return [b.text for b in found if b.text]
