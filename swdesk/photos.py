"""Worker photos: read any image a clerk has (file or clipboard), crop it to the 1-inch ID photo
ratio (25 × 35 mm) and store it small, as JPEG.

Memory stays bounded for huge camera files: a JPEG is decoded at 1/2, 1/4 or 1/8 scale straight
from the file (Image.draft), and every image is reduced to at most WORK_SIZE pixels on its long
side before anything else is done with it. Pure Pillow: no Qt here.
"""
from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from swdesk.services.base import UserError

# The 1-inch photo: 25 mm wide, 35 mm high.
RATIO_W, RATIO_H = 25, 35
# Stored size: 25 × 35 mm at 300 dpi, enough for the printed card.
OUTPUT_SIZE = (295, 413)
JPEG_QUALITY = 88
# Long side of the image the crop box is drawn on (and cropped from).
WORK_SIZE = 1600
# Refuse pictures larger than this (Pillow's own bomb limit is about 179 megapixels).
MAX_PIXELS = 150_000_000
MAX_STORED_BYTES = 400_000


class PhotoError(UserError):
    """A file or clipboard content that cannot be used as a photo (Chinese message)."""


@dataclass(frozen=True)
class Box:
    """A crop rectangle in the pixels of the prepared image."""

    left: int
    top: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height


def prepare(source: str | Path | bytes) -> Image.Image:
    """Open a file path or image bytes and return an RGB image no larger than WORK_SIZE, upright
    (EXIF orientation applied). Raises PhotoError with a clear message for anything else."""
    name = Path(source).name if not isinstance(source, bytes) else ""
    try:
        stream = io.BytesIO(source) if isinstance(source, bytes) else open(source, "rb")
    except OSError as exc:
        raise PhotoError(f"无法读取文件“{name}”：{exc.strerror or exc}") from None
    with stream:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                image = Image.open(stream)
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise PhotoError(f"图片太大（{width}×{height} 像素），请先缩小后再选择")
                # JPEG: let the decoder skip detail we do not need (1/2 … 1/8 scale); ask for
                # the image's own proportions so the largest usable reduction is chosen.
                scale = WORK_SIZE / max(width, height)
                if scale < 1:
                    image.draft("RGB", (int(width * scale) + 1, int(height * scale) + 1))
                # Reduce first (in place), then turn upright: no full-size copy is ever made.
                image.thumbnail((WORK_SIZE, WORK_SIZE), Image.Resampling.LANCZOS, reducing_gap=3.0)
                ImageOps.exif_transpose(image, in_place=True)
                image = _to_rgb(image)
        except PhotoError:
            raise
        except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PhotoError(_not_an_image(name)) from None
        except (OSError, ValueError, SyntaxError):
            raise PhotoError(_not_an_image(name, damaged=True)) from None
    if min(image.size) < 20:
        raise PhotoError("图片太小，无法用作照片")
    return image


def _not_an_image(name: str, damaged: bool = False) -> str:
    what = f"文件“{name}”" if name else "剪贴板中的内容"
    if damaged:
        return f"{what}已损坏或不完整，无法作为照片使用"
    return f"{what}不是可识别的图片，请选择 JPG、PNG、BMP 等格式的照片"


def _to_rgb(image: Image.Image) -> Image.Image:
    if image.mode == "RGB":
        return image
    if image.mode in ("RGBA", "LA", "P", "PA"):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def default_box(width: int, height: int) -> Box:
    """The largest 25:35 box centred horizontally and near the top (where the face usually is)."""
    box_w = min(width, height * RATIO_W // RATIO_H)
    box_h = box_w * RATIO_H // RATIO_W
    left = (width - box_w) // 2
    top = max(0, min((height - box_h) // 4, height - box_h))
    return Box(left, top, box_w, box_h)


def fit_box(box: Box, width: int, height: int) -> Box:
    """Force a box to the photo ratio and inside the image (keeps its centre where it can)."""
    box_w = max(RATIO_W, min(box.width, width, height * RATIO_W // RATIO_H))
    box_h = box_w * RATIO_H // RATIO_W
    cx, cy = box.left + box.width / 2, box.top + box.height / 2
    left = int(round(min(max(cx - box_w / 2, 0), width - box_w)))
    top = int(round(min(max(cy - box_h / 2, 0), height - box_h)))
    return Box(left, top, box_w, box_h)


def crop(image: Image.Image, box: Box | None = None) -> bytes:
    """Crop `image` (from prepare) to `box` (default: default_box) and return the stored JPEG."""
    box = fit_box(box or default_box(*image.size), *image.size)
    part = image.crop((box.left, box.top, box.right, box.bottom))
    part = part.resize(OUTPUT_SIZE, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    part.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()


def from_file(path: str | Path, box: Box | None = None) -> bytes:
    """A file straight to the stored JPEG (command line and tests): prepare + crop."""
    return crop(prepare(path), box)


def check_stored(data: bytes) -> tuple[int, int]:
    """Check bytes about to be stored are a JPEG photo of a sensible size; returns its size."""
    if not data or len(data) > MAX_STORED_BYTES:
        raise PhotoError("照片数据为空或过大")
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != "JPEG":
                raise PhotoError("照片应为 JPEG 格式")
            image.verify()
            return image.size
    except PhotoError:
        raise
    except Exception:
        raise PhotoError("照片数据已损坏") from None
