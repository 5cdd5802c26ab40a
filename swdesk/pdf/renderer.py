"""Draw a template's elements on a reportlab canvas: one `_draw_<type>` per element type.

Template coordinates are mm from the card's top-left corner; the renderer turns them into PDF
points from the bottom-left corner of the place the card occupies on the page.
"""
from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any

import zxingcpp
from reportlab.lib.colors import HexColor, white
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc

from swdesk.pdf.fonts import RESOURCES, FontChain
from swdesk.pdf.templates import _OFFICE_FIELDS, Template, _placeholders, fill

ICONS = RESOURCES / "icons"
# zxing-cpp's image has a byte a module, 0x00 dark and 0xFF light; an image mask paints its 0 bits.
_MASK_BITS = bytes.maketrans(b"\x00\xff", b"01")
STATIC_TYPES = {"text", "line", "rect", "logo", "image"}
# Fields that are the same on every card of one print run (the office's own).
SHARED_FIELDS = frozenset(_OFFICE_FIELDS)
NO_BREAK_START = set("，。、；：？！）》」』】〕,.;:?!)%·")
# A list on a card or badge (专业特长, group · role) is never set smaller than this: ~2.1 mm type,
# the smallest the card's 7.5 pt lines may shrink to and stay readable at arm's length. Items that
# do not fit are left out and the list ends with 等.
LIST_MIN_PT = 6.0
LIST_SEPARATORS = ("、", " · ")


def _list_separator(text: str) -> str:
    return next((sep for sep in LIST_SEPARATORS if sep in text), "")


def placeholders_of(element: dict) -> set[str]:
    if element["type"] in ("text", "qr"):
        return _placeholders(element.get("text") or ("{qr}" if element["type"] == "qr" else ""))
    return set()


def _is_word_char(char: str) -> bool:
    """Latin letters, digits and the joiners of phone numbers and codes: never split inside."""
    return char.isascii() and not char.isspace()


def wrap_lines(chain: FontChain, text: str, width: float, size: float, char_space: float = 0.0) -> list[str]:
    """Break text into lines no wider than `width` points: after the last ideographic space
    (U+3000, between items of a list) if the line has one, else at any CJK character, never inside
    a run of Latin letters or digits (a phone number stays whole), keeping closing punctuation on
    the line before."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line: list[str] = []
        widths: list[float] = []
        for char in paragraph:
            w = chain.char_width(char, size) + char_space
            if line and sum(widths) + w > width and char not in NO_BREAK_START:
                cut = len(line)
                if char == "\u3000":
                    pass  # the separator itself overflows: break right here
                elif "\u3000" in line[1:]:
                    # Items joined by an ideographic space (the hotline list) stay whole.
                    cut = len(line) - line[::-1].index("\u3000")
                elif _is_word_char(char):
                    while cut > 0 and _is_word_char(line[cut - 1]):
                        cut -= 1
                    if cut == 0:  # one word longer than the line: split it after all
                        cut = len(line)
                lines.append("".join(line[:cut]).rstrip())
                line, widths = line[cut:], widths[cut:]
                while line and line[0] in "\u3000 ":
                    line, widths = line[1:], widths[1:]
                if not line and char in "\u3000 ":
                    continue  # no blank at the start of the next line
            line.append(char)
            widths.append(w)
        lines.append("".join(line))
    return lines


class Renderer:
    """Draws templates on one canvas. Keep one per document (it caches images)."""

    def __init__(self, canvas, chain: FontChain, logo_path: str = ""):
        self.c = canvas
        self.chain = chain
        self.logo_path = logo_path
        self._images: dict[str, ImageReader] = {}
        self._forms: dict[tuple, str] = {}
        self._segment_cache: dict[int, tuple[Template, list]] = {}
        self._wrap_cache: dict[tuple, list[str]] = {}
        self._colour_cache: dict[str, Any] = {}
        # Current origin (points) and card height (points) while drawing one card.
        self._ox = 0.0
        self._oy = 0.0
        self._h = 0.0

    # --- entry point ---------------------------------------------------------------------------
    def draw(self, template: Template, fields: dict[str, Any], photo: bytes | None = None,
             x: float = 0.0, y: float = 0.0) -> None:
        """Draw `template` with its bottom-left corner at (x, y) points.

        Runs of elements that are the same on every card (frames, titles, labels, the office's
        own fields) are drawn once per document as a form XObject and then only referenced:
        1,000 card backs cost one drawing, and the PDF holds them once.
        """
        for static, names, elements in self._segments(template):
            if static:
                key = (id(template), id(elements), tuple(str(fields.get(n, "")) for n in names))
                form = self._forms.get(key)
                if form is None:
                    form = self._forms[key] = f"swform{len(self._forms)}"
                    self.c.beginForm(form, 0, 0, template.width_mm * mm, template.height_mm * mm)
                    self._draw_elements(template, elements, fields, None, 0.0, 0.0)
                    self.c.endForm()
                self.c.saveState()
                self.c.translate(x, y)
                self.c.doForm(form)
                self.c.restoreState()
            else:
                self._draw_elements(template, elements, fields, photo, x, y)

    def _draw_elements(self, template: Template, elements: list[dict], fields: dict[str, Any],
                       photo: bytes | None, x: float, y: float) -> None:
        self._ox, self._oy, self._h = x, y, template.height_mm * mm
        self._template = template
        for element in elements:
            getattr(self, f"_draw_{element['type']}")(element, fields, photo)

    def _segments(self, template: Template) -> list[tuple[bool, tuple[str, ...], list[dict]]]:
        """The template's elements in drawing order, grouped into runs of static / per-card ones."""
        cached = self._segment_cache.get(id(template))
        if cached is not None and cached[0] is template:
            return cached[1]
        segments: list[tuple[bool, tuple[str, ...], list[dict]]] = []
        for element in template.elements:
            names = placeholders_of(element)
            static = element["type"] in STATIC_TYPES and names <= SHARED_FIELDS
            if segments and segments[-1][0] == static:
                prev = segments[-1]
                segments[-1] = (static, tuple(sorted(set(prev[1]) | names)), prev[2] + [element])
            else:
                segments.append((static, tuple(sorted(names)), [element]))
        self._segment_cache[id(template)] = (template, segments)
        return segments

    # --- helpers -------------------------------------------------------------------------------
    def _box(self, e: dict) -> tuple[float, float, float, float]:
        """(left, bottom, width, height) in page points."""
        w, h = e["w"] * mm, e["h"] * mm
        return self._ox + e["x"] * mm, self._oy + self._h - e["y"] * mm - h, w, h

    def _colour(self, value: str):
        colour = self._colour_cache.get(value)
        if colour is None:
            colour = self._colour_cache[value] = HexColor(value)
        return colour

    def _width(self, text: str, size: float, char_space: float) -> float:
        return self.chain.string_width(text, size) + char_space * len(text)

    def _draw_runs(self, text: str, x: float, baseline: float, size: float, char_space: float,
                   runs: list | None = None) -> None:
        c = self.c
        for font, piece in runs if runs is not None else self.chain.runs(text):
            if font is None:  # a character no font has (only with allow_missing_glyphs): left blank
                x += size * len(piece) + char_space * len(piece)
                continue
            c.setFont(font.name, size)
            c.drawString(x, baseline, piece, charSpace=char_space)
            x += font.font.stringWidth(piece, size) + char_space * len(piece)

    def _line_x(self, left: float, width: float, line_width: float, align: str) -> float:
        if align == "center":
            return left + (width - line_width) / 2
        if align == "right":
            return left + width - line_width
        return left

    # --- element types -------------------------------------------------------------------------
    def _draw_text(self, e: dict, fields: dict[str, Any], photo: bytes | None) -> None:
        text = fill(e["text"], fields)
        if not text:
            return
        left, bottom, width, height = self._box(e)
        self.c.setFillColor(self._colour(e["color"]))
        if e["wrap"]:
            self._draw_paragraph(e, text, left, bottom, width, height)
            return
        text = text.replace("\n", " ")
        size, cs = float(e["font_size"]), float(e["letter_spacing"])
        runs = self.chain.runs(text)
        align, shrink = e["align"], e["shrink_to_fit"]
        line_width = 0.0
        if align != "left" or shrink:
            line_width = self.chain.runs_width(runs, size) + cs * len(text)
        if shrink and line_width > width:
            floor = float(e.get("min_font_size") or size * 0.5)
            separator = _list_separator(text)
            if separator:  # a list stays legible: cut with 等 rather than shrink below LIST_MIN_PT
                floor = max(floor, min(LIST_MIN_PT, size))
            size = max(floor, size * width / line_width)
            cs = cs * size / float(e["font_size"])
            line_width = self.chain.runs_width(runs, size) + cs * len(text)
            if separator and line_width > width + 0.01:
                text = self._cut_list(text, separator, width, size, cs)
                runs = self.chain.runs(text)
                line_width = self.chain.runs_width(runs, size) + cs * len(text)
        main = self.chain.main
        if e["valign"] == "top":
            baseline = bottom + height - main.ascent * size
        elif e["valign"] == "bottom":
            baseline = bottom - main.descent * size
        else:
            baseline = bottom + (height - (main.ascent - main.descent) * size) / 2 - main.descent * size
        if shrink and line_width > width + 0.01:
            # Even the smallest size is too wide: condense horizontally rather than overflow.
            c = self.c
            c.saveState()
            c.translate(left, 0)
            c.scale(width / line_width, 1)
            self._draw_runs(text, 0, baseline, size, cs, runs)
            c.restoreState()
            return
        self._draw_runs(text, self._line_x(left, width, line_width, align), baseline, size, cs, runs)

    def _cut_list(self, text: str, separator: str, width: float, size: float, cs: float) -> str:
        """The most items of a list (专业特长 心理疏导、法律援助、…) that fit, then 等."""
        items = text.split(separator)
        for keep in range(len(items) - 1, 0, -1):
            shown = separator.join(items[:keep]) + "等"
            if self._width(shown, size, cs) <= width:
                return shown
        return items[0] + "等"

    def _wrap(self, text: str, width: float, size: float, cs: float) -> list[str]:
        key = (text, width, size, cs)
        lines = self._wrap_cache.get(key)
        if lines is None:
            if len(self._wrap_cache) > 2000:
                self._wrap_cache.clear()
            lines = self._wrap_cache[key] = wrap_lines(self.chain, text, width, size, cs)
        return lines

    def _draw_paragraph(self, e: dict, text: str, left: float, bottom: float, width: float,
                        height: float) -> None:
        size, cs, spacing = float(e["font_size"]), float(e["letter_spacing"]), float(e["line_spacing"])
        floor = float(e.get("min_font_size") or size * 0.6)
        lines = self._wrap(text, width, size, cs)
        while e["shrink_to_fit"] and len(lines) * size * spacing > height and size > floor:
            size = max(floor, size - 0.25)
            lines = self._wrap(text, width, size, cs)
        main = self.chain.main
        leading = size * spacing
        block = (len(lines) - 1) * leading + (main.ascent - main.descent) * size
        if e["valign"] == "middle":
            top = bottom + height - max(0.0, (height - block) / 2)
        elif e["valign"] == "bottom":
            top = bottom + block
        else:
            top = bottom + height
        baseline = top - main.ascent * size
        for line in lines:
            self._draw_runs(line, self._line_x(left, width, self._width(line, size, cs), e["align"]),
                            baseline, size, cs)
            baseline -= leading

    def _draw_qr(self, e: dict, fields: dict[str, Any], photo: bytes | None) -> None:
        # zxing-cpp's encoder (C++, choosing the best mask) takes ~0.2 ms a code, against segno's
        # 2.1 ms with a fixed mask (10 ms choosing it) and reportlab's own ~10 ms. The modules go
        # into the page as one 1-bit inline image mask (~140 bytes a code, painted in the fill
        # colour, never smoothed): 0.01 ms a code to build against 0.15 ms for a path of ~290
        # rectangles, and a fifth of the bytes.
        payload = fill(e.get("text") or "{qr}", fields)
        if not payload:
            return
        left, bottom, width, height = self._box(e)
        side = min(width, height)
        image = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level="M").to_image(
            scale=1, add_quiet_zones=False)
        n = image.shape[0]
        border = 1
        module = side / (n + 2 * border)
        x0 = left + (width - side) / 2
        y0 = bottom + (height - side) / 2
        c = self.c
        c.setFillColor(white)
        c.rect(x0, y0, side, side, stroke=0, fill=1)
        c.saveState()
        c.setFillColor(self._colour(e["color"]))
        c.transform(module * n, 0, 0, module * n, x0 + border * module, y0 + border * module)
        c.addLiteral(f"BI /W {n} /H {n} /IM true /BPC 1 /F /AHx ID {_mask_rows(bytes(image), n)}> EI")
        c.restoreState()

    def _draw_photo(self, e: dict, fields: dict[str, Any], photo: bytes | None) -> None:
        left, bottom, width, height = self._box(e)
        c = self.c
        if photo and draw_jpeg(c, photo, left, bottom, width, height):
            return
        if photo:
            try:
                image = ImageReader(io.BytesIO(photo))
                iw, ih = image.getSize()
            except Exception:  # an unreadable photo prints as the placeholder
                image = None
            if image is not None:
                scale = min(width / iw, height / ih)
                dw, dh = iw * scale, ih * scale
                c.drawImage(image, left + (width - dw) / 2, bottom + (height - dh) / 2, dw, dh)
                return
        self._draw_silhouette(left, bottom, width, height)

    def _draw_silhouette(self, left: float, bottom: float, width: float, height: float) -> None:
        """A grey head-and-shoulders placeholder where a photo is missing."""
        c = self.c
        c.saveState()
        c.setFillColor(self._colour("#E6E9EE"))
        c.setStrokeColor(self._colour("#9AA3AE"))
        c.setLineWidth(0.4)
        c.rect(left, bottom, width, height, stroke=1, fill=1)
        clip = c.beginPath()
        clip.rect(left, bottom, width, height)
        c.clipPath(clip, stroke=0, fill=0)
        c.setFillColor(self._colour("#B7BEC8"))
        cx = left + width / 2
        r = width * 0.2
        c.circle(cx, bottom + height * 0.62, r, stroke=0, fill=1)
        c.ellipse(cx - width * 0.38, bottom - height * 0.18, cx + width * 0.38, bottom + height * 0.42,
                  stroke=0, fill=1)
        c.restoreState()

    def _image(self, source: str) -> ImageReader | None:
        if source not in self._images:
            path = Path(source)
            if not path.is_absolute():
                path = self._template.folder / source
                if not path.exists():
                    path = ICONS / source
            self._images[source] = ImageReader(str(path)) if path.exists() else None
        return self._images[source]

    def _draw_image(self, e: dict, fields: dict[str, Any], photo: bytes | None) -> None:
        image = self._image(e["source"])
        if image is None:
            return
        left, bottom, width, height = self._box(e)
        self.c.drawImage(image, left, bottom, width, height, preserveAspectRatio=True, anchor="c",
                         mask="auto")

    def _draw_logo(self, e: dict, fields: dict[str, Any], photo: bytes | None) -> None:
        left, bottom, width, height = self._box(e)
        logo = self.logo_path or e.get("source") or ""
        if logo:
            image = self._image(logo)
            if image is not None:
                self.c.drawImage(image, left, bottom, width, height, preserveAspectRatio=True,
                                 anchor="c", mask="auto")
                return
        draw_emblem(self.c, left, bottom, width, height, self._colour(e["color"]))

    def _draw_line(self, e: dict, fields: dict[str, Any], photo: bytes | None) -> None:
        c = self.c
        x1 = self._ox + e["x"] * mm
        y1 = self._oy + self._h - e["y"] * mm
        c.setStrokeColor(self._colour(e["stroke"]))
        c.setLineWidth(e["stroke_width"] * mm)
        if e.get("dash"):
            c.setDash([d * mm for d in e["dash"]])
        c.line(x1, y1, x1 + e["w"] * mm, y1 - e["h"] * mm)
        if e.get("dash"):
            c.setDash([])

    def _draw_rect(self, e: dict, fields: dict[str, Any], photo: bytes | None) -> None:
        c = self.c
        left, bottom, width, height = self._box(e)
        fill_colour = e.get("fill")
        stroke = e["stroke_width"] > 0 and e.get("stroke") != "none"
        if fill_colour:
            c.setFillColor(self._colour(fill_colour))
        if stroke:
            c.setStrokeColor(self._colour(e["stroke"]))
            c.setLineWidth(e["stroke_width"] * mm)
        if e.get("dash"):
            c.setDash([d * mm for d in e["dash"]])
        if e["radius"]:
            c.roundRect(left, bottom, width, height, e["radius"] * mm, stroke=int(stroke),
                        fill=int(bool(fill_colour)))
        else:
            c.rect(left, bottom, width, height, stroke=int(stroke), fill=int(bool(fill_colour)))
        if e.get("dash"):
            c.setDash([])


def _mask_rows(pixels: bytes, n: int) -> str:
    """An n × n image of one byte a module as 1-bit rows (each padded to whole bytes), in hex."""
    bits = pixels.translate(_MASK_BITS)
    pad = b"1" * (-n % 8)
    row_bytes = (n + 7) // 8
    return b"".join(int(bits[r * n:r * n + n] + pad, 2).to_bytes(row_bytes, "big") for r in range(n)).hex()


def draw_jpeg(c, data: bytes, left: float, bottom: float, width: float, height: float) -> bool:
    """Place JPEG bytes as they are (DCTDecode), centred in the box; False if not a JPEG.

    canvas.drawImage(ImageReader) decodes every photo to RGB only to name it by an MD5 of the
    pixels (about 2 ms a photo); here the name is the MD5 of the JPEG bytes and the image object
    is registered the way drawImage does it (reportlab 5.1 internals, pinned in requirements).
    """
    if data[:2] != b"\xff\xd8":
        return False
    name = "jpeg" + hashlib.md5(data, usedforsecurity=False).hexdigest()
    doc = c._doc
    reg_name = doc.getXObjectName(name)
    image = doc.idToObject.get(reg_name)
    if image is None:
        image = pdfdoc.PDFImageXObject(name)
        if not image.loadImageFromJPEG(io.BytesIO(data)) or not image.width or not image.height:
            return False
        image.name = name
        c._setXObjects(image)
        doc.Reference(image, reg_name)
        doc.addForm(name, image)
    scale = min(width / image.width, height / image.height)
    dw, dh = image.width * scale, image.height * scale
    c.saveState()
    c.translate(left + (width - dw) / 2, bottom + (height - dh) / 2)
    c.scale(dw, dh)
    c.addLiteral(f"/{reg_name} Do")
    c.restoreState()
    c._formsinuse.append(name)
    return True


def draw_emblem(c, left: float, bottom: float, width: float, height: float, colour) -> None:
    """The drawn office logo when no logo file is set: a double ring around a heart."""
    side = min(width, height)
    cx, cy = left + width / 2, bottom + height / 2
    r = side / 2
    c.saveState()
    c.setStrokeColor(colour)
    c.setFillColor(colour)
    c.setLineWidth(r * 0.1)
    c.circle(cx, cy, r * 0.92, stroke=1, fill=0)
    c.setLineWidth(r * 0.04)
    c.circle(cx, cy, r * 0.74, stroke=1, fill=0)
    s = r * 0.62
    p = c.beginPath()
    p.moveTo(cx, cy - s * 0.62)
    p.curveTo(cx - s * 1.25, cy + s * 0.1, cx - s * 0.6, cy + s * 1.0, cx, cy + s * 0.42)
    p.curveTo(cx + s * 0.6, cy + s * 1.0, cx + s * 1.25, cy + s * 0.1, cx, cy - s * 0.62)
    p.close()
    c.drawPath(p, stroke=0, fill=1)
    c.restoreState()
