"""The printer calibration page: rulers along two edges, a 100 mm cross and a card outline.

The clerk prints it (with no scaling: "实际大小"), measures with a ruler where the card outline's
top-left corner landed and how long the 100 mm lines came out, and enters the four numbers; the
printer's correction (layout.Calibration) is then applied to every later PDF for that printer.
"""
from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm

from swdesk.pdf import fonts, layout
from swdesk.pdf.cards import CARD_H_MM, CARD_W_MM
from swdesk.pdf.renderer import Renderer
from swdesk.pdf.stream import end_page, streaming_canvas

# Where the card outline's top-left corner should land (mm from the sheet's top-left corner).
CARD_X_MM = 40.0
CARD_Y_MM = 40.0
LINE_MM = 100.0


def offsets_from_measurement(left_mm: float, top_mm: float, horizontal_mm: float,
                             vertical_mm: float) -> dict[str, float]:
    """The calibration entry for what was measured on the printed test page."""
    sx = horizontal_mm / LINE_MM
    sy = vertical_mm / LINE_MM
    return {"dx": left_mm - sx * CARD_X_MM, "dy": top_mm - sy * CARD_Y_MM, "sx": sx, "sy": sy}


RULER_INSET_MM = 15.0


def _ruler(c, renderer: Renderer, page_h: float, horizontal: bool, length_mm: int) -> None:
    """A ruler 15 mm inside the edge (printers cannot print at the edge), numbered in mm from the
    paper's edge so it can be laid against a real ruler. The vertical one starts 10 mm below the
    horizontal one, so that the two "20" labels near the corner do not print over each other."""
    k = RULER_INSET_MM
    first = 10 if horizontal else int(k) + 10
    for i in range(first, length_mm - 9):
        tick = 4.0 if i % 10 == 0 else 2.5 if i % 5 == 0 else 1.2
        if horizontal:
            c.line(i * mm, (page_h - k) * mm, i * mm, (page_h - k - tick) * mm)
            if i % 10 == 0:
                renderer._draw_runs(str(i), (i - 1.5) * mm, (page_h - k - 7) * mm, 5.5, 0)
        else:
            c.line(k * mm, (page_h - i) * mm, (k + tick) * mm, (page_h - i) * mm)
            if i % 10 == 0:
                renderer._draw_runs(str(i), (k + 5) * mm, (page_h - i - 0.8) * mm, 5.5, 0)
    if horizontal:
        c.line(10 * mm, (page_h - k) * mm, (length_mm - 10) * mm, (page_h - k) * mm)
    else:
        c.line(k * mm, (page_h - first) * mm, k * mm, (page_h - length_mm + 10) * mm)


def render_calibration(out: str | Path | io.BytesIO, calibration: layout.Calibration | None = None,
                       chain: fonts.FontChain | None = None) -> int:
    chain = chain or fonts.office_chain()
    page_w, page_h = layout.A4_MM
    with streaming_canvas(out, (page_w * mm, page_h * mm), chain, "打印机校准页") as c:
        _draw_page(c, Renderer(c, chain), calibration, page_h, page_w)
        end_page(c)
    return 1


def _draw_page(c, renderer: Renderer, calibration: layout.Calibration | None, page_h: float, page_w: float) -> None:
    (calibration or layout.Calibration()).apply(c, page_h * mm)
    c.setLineWidth(0.25)
    c.setStrokeColor(HexColor("#000000"))
    _ruler(c, renderer, page_h, True, int(page_w))
    _ruler(c, renderer, page_h, False, int(page_h))
    # The card outline, with corner crosses.
    x, y = CARD_X_MM, CARD_Y_MM
    c.setLineWidth(0.3)
    c.rect(x * mm, (page_h - y - CARD_H_MM) * mm, CARD_W_MM * mm, CARD_H_MM * mm, stroke=1, fill=0)
    renderer._draw_runs("服务证外框 85.60 × 53.98 毫米", (x + 3) * mm, (page_h - y - 8) * mm, 9, 0)
    # 100 mm reference lines for the scale.
    hy = page_h - 130
    c.setLineWidth(0.5)
    c.line(x * mm, hy * mm, (x + LINE_MM) * mm, hy * mm)
    for end in (x, x + LINE_MM):
        c.line(end * mm, (hy - 3) * mm, end * mm, (hy + 3) * mm)
    renderer._draw_runs("横线 100 毫米", (x + 35) * mm, (hy + 2) * mm, 9, 0)
    vx = 170.0
    c.line(vx * mm, (page_h - 120) * mm, vx * mm, (page_h - 120 - LINE_MM) * mm)
    for end in (120, 120 + LINE_MM):
        c.line((vx - 3) * mm, (page_h - end) * mm, (vx + 3) * mm, (page_h - end) * mm)
    renderer._draw_runs("竖线 100 毫米", (vx - 24) * mm, (page_h - 170) * mm, 9, 0)
    lines = [
        "打印机校准页：请用“实际大小”（不缩放）打印本页，然后用直尺测量：",
        f"1. 服务证外框左边到纸张左边的距离（应为 {CARD_X_MM:.1f} 毫米）；",
        f"2. 服务证外框上边到纸张上边的距离（应为 {CARD_Y_MM:.1f} 毫米）；",
        "3. 横线的实际长度、竖线的实际长度（均应为 100.0 毫米）。",
        "把测得的四个数填入“打印机校准”对话框，以后为这台打印机生成的文件都会自动修正。",
    ]
    ty = page_h - 240
    for line in lines:
        renderer._draw_runs(line, 32 * mm, ty * mm, 10, 0)
        ty -= 6
