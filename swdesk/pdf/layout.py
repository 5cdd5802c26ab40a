"""Putting cards on pages: one card per page (card printers) or N-up on A4 with crop marks.

On A4, fronts and backs alternate sheet by sheet. The back sheet mirrors the columns, so that a
long-edge duplex print (the sheet turns over its vertical axis) puts each back exactly behind
its front. Every page can be corrected by a printer's calibration (offset and scale).
"""
from __future__ import annotations

import io
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from swdesk import jobs
from swdesk.errors import UserError
from swdesk.pdf.fonts import FontChain
from swdesk.pdf.renderer import Renderer
from swdesk.pdf.stream import end_page, streaming_canvas
from swdesk.pdf.templates import Template

A4_MM = (210.0, 297.0)
MIN_MARGIN_MM = 5.0
MARK_GAP_MM = 1.5
MARK_LEN_MM = 5.0


@dataclass(frozen=True)
class Calibration:
    """A printer's measured error: it prints x at sx·x + dx (mm from the sheet's top-left), and
    likewise y. PDFs for that printer are drawn through the inverse, so the paper comes out right."""

    dx: float = 0.0
    dy: float = 0.0
    sx: float = 1.0
    sy: float = 1.0

    @property
    def is_identity(self) -> bool:
        return self.dx == 0 and self.dy == 0 and self.sx == 1 and self.sy == 1

    def apply(self, canvas: Canvas, page_height_pt: float) -> None:
        """Correct everything drawn next on this page (call right after a new page starts)."""
        if self.is_identity:
            return
        h = page_height_pt
        canvas.transform(1 / self.sx, 0, 0, 1 / self.sy, -self.dx * mm / self.sx,
                         h - (h - self.dy * mm) / self.sy)

    @classmethod
    def from_dict(cls, data: dict | None) -> Calibration:
        data = data or {}
        return cls(float(data.get("dx", 0)), float(data.get("dy", 0)), float(data.get("sx", 1) or 1),
                   float(data.get("sy", 1) or 1))


@dataclass(frozen=True)
class Grid:
    """Card slots on a sheet: `cols` × `rows` cards of w × h mm, the block centred on the page."""

    cols: int
    rows: int
    w: float
    h: float
    page_w: float = A4_MM[0]
    page_h: float = A4_MM[1]

    @property
    def per_sheet(self) -> int:
        return self.cols * self.rows

    @property
    def left(self) -> float:
        return (self.page_w - self.cols * self.w) / 2

    @property
    def top(self) -> float:
        return (self.page_h - self.rows * self.h) / 2

    def position(self, slot: int, side: str = "front") -> tuple[float, float]:
        """Top-left corner (mm from the page's top-left) of slot `slot` on the front or back sheet."""
        row, col = divmod(slot, self.cols)
        x = self.left + col * self.w
        if side == "back":  # long-edge flip mirrors left and right
            x = self.page_w - x - self.w
        return x, self.top + row * self.h


def grid_for(w: float, h: float, page: tuple[float, float] = A4_MM) -> Grid:
    cols = int((page[0] - 2 * MIN_MARGIN_MM) // w)
    rows = int((page[1] - 2 * MIN_MARGIN_MM) // h)
    if cols < 1 or rows < 1:
        raise UserError(f"{w:g}×{h:g} 毫米的版面放不进 A4 纸，请选择“每页一张”")
    return Grid(cols, rows, w, h, page[0], page[1])


@dataclass
class Item:
    """One card/badge/certificate to draw: its field values and the photo (JPEG bytes) if any."""

    fields: dict[str, Any]
    photo: bytes | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def draw_crop_marks(canvas: Canvas, grid: Grid, filled: int, side: str = "front") -> None:
    """Short hairlines in the margin on the line of every cut of the `filled` slots, never inside
    a card and none for empty slots (a half-used last sheet is cut only where cards are)."""
    filled = max(0, min(filled, grid.per_sheet))
    if not filled:
        return
    slots = [grid.position(slot, side) for slot in range(filled)]
    xs = sorted({round(v, 6) for x, _ in slots for v in (x, x + grid.w)})
    ys = sorted({round(v, 6) for _, y in slots for v in (y, y + grid.h)})
    page_h = grid.page_h
    left, right, top, bottom = xs[0], xs[-1], ys[0], ys[-1]
    v_len = min(MARK_LEN_MM, top - MARK_GAP_MM - 0.5)
    h_len = min(MARK_LEN_MM, left - MARK_GAP_MM - 0.5, grid.page_w - right - MARK_GAP_MM - 0.5)
    canvas.saveState()
    canvas.setStrokeColor(HexColor("#000000"))
    canvas.setLineWidth(0.25)
    for x_mm in xs:
        x = x_mm * mm
        if v_len > 0:
            canvas.line(x, (page_h - top + MARK_GAP_MM) * mm, x, (page_h - top + MARK_GAP_MM + v_len) * mm)
            canvas.line(x, (page_h - bottom - MARK_GAP_MM) * mm, x, (page_h - bottom - MARK_GAP_MM - v_len) * mm)
    for y_mm in ys:
        y = (page_h - y_mm) * mm
        if h_len > 0:
            canvas.line((left - MARK_GAP_MM) * mm, y, (left - MARK_GAP_MM - h_len) * mm, y)
            canvas.line((right + MARK_GAP_MM) * mm, y, (right + MARK_GAP_MM + h_len) * mm, y)
    canvas.restoreState()


def sheet_plan(count: int, grid: Grid, duplex: bool) -> list[tuple[str, list[int]]]:
    """The pages of an A4 run: (side, item indexes in slot order). Fronts and backs alternate."""
    pages = []
    for start in range(0, count, grid.per_sheet):
        indexes = list(range(start, min(count, start + grid.per_sheet)))
        pages.append(("front", indexes))
        if duplex:
            pages.append(("back", indexes))
    return pages


def _page_label(canvas: Canvas, renderer: Renderer, grid: Grid, text: str) -> None:
    """A small grey line in the top margin (between the crop marks): which sheet and side."""
    if grid.top < 6:
        return
    canvas.saveState()
    canvas.setFillColor(HexColor("#808080"))
    renderer._draw_runs(text, (grid.left + 3) * mm, (grid.page_h - grid.top / 2 - 1) * mm, 6, 0)
    canvas.restoreState()


def render(out: str | Path | io.BytesIO, template: Template, items: Iterable[Item], chain: FontChain,
           layout: str = "a4", calibration: Calibration | None = None,
           progress: jobs.Progress | None = None, title: str = "", logo_path: str = "",
           total: int | None = None) -> int:
    """Draw every item with `template` (and its back) into one PDF; returns the page count.

    `items` may be a generator (then give `total`): items are taken one sheet at a time, so a run
    of 100,000 cards never holds more than a sheet's photos, and each page goes to the file as soon
    as it is drawn (swdesk/pdf/stream.py)."""
    calibration = calibration or Calibration()
    if total is None:
        total = len(items)  # type: ignore[arg-type]
    w, h = template.width_mm, template.height_mm
    back = template.back
    source = iter(items)

    def draw(renderer: Renderer, tmpl: Template, item: Item, x: float, y: float) -> None:
        renderer.draw(tmpl, item.fields, item.photo, x, y)

    jobs.report(progress, 0, total)
    pages = 0
    if layout == "single":
        with streaming_canvas(out, (w * mm, h * mm), chain, title) as canvas:
            renderer = Renderer(canvas, chain, logo_path)
            for i, item in enumerate(source):
                for tmpl in (template, back) if back else (template,):
                    calibration.apply(canvas, h * mm)
                    draw(renderer, tmpl, item, 0.0, 0.0)
                    end_page(canvas)
                    pages += 1
                if i % 10 == 9:
                    jobs.report(progress, i + 1, total)
            if pages == 0:
                end_page(canvas)
    else:
        grid = grid_for(w, h)
        with streaming_canvas(out, (grid.page_w * mm, grid.page_h * mm), chain, title) as canvas:
            renderer = Renderer(canvas, chain, logo_path)
            pages = _render_sheets(canvas, renderer, grid, template, source, total, calibration, progress,
                                   title, draw)
    jobs.report(progress, total, total)
    return pages


def _render_sheets(canvas: Canvas, renderer: Renderer, grid: Grid, template: Template, source: Iterator[Item],
                   total: int, calibration: Calibration, progress: jobs.Progress | None, title: str,
                   draw: Callable[[Renderer, Template, Item, float, float], None]) -> int:
    """A4 sheets: a sheet's items drawn on the front, then (if the template has a back) on the back."""
    back = template.back
    sheets = -(-total // grid.per_sheet)
    pages = done = 0
    for sheet_no in range(1, sheets + 1):
        sheet = list(itertools.islice(source, grid.per_sheet))
        if not sheet:
            break
        for side in ("front", "back") if back else ("front",):
            calibration.apply(canvas, grid.page_h * mm)
            draw_crop_marks(canvas, grid, len(sheet), side)
            side_text = ("正面" if side == "front" else "背面（长边翻转双面打印）") if back else ""
            _page_label(canvas, renderer, grid, f"{title} 第{sheet_no}/{sheets}张 {side_text}".strip())
            tmpl = template if side == "front" else back
            for slot, item in enumerate(sheet):
                x, y_top = grid.position(slot, side)
                draw(renderer, tmpl, item, x * mm, (grid.page_h - y_top - template.height_mm) * mm)
            end_page(canvas)
            pages += 1
        done += len(sheet)
        jobs.report(progress, done, total)
    if pages == 0:
        end_page(canvas)
    return pages
