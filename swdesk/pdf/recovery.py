"""The recovery key sheet (issue 20): one A4 page to lock away, the key in large monospace groups.

The key's letters (A–Z without I/O, 2–9) are drawn in Courier-Bold, one of PDF's standard fonts,
so that they copy back as typed and the 32 characters line up in two rows of four groups."""
from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.units import mm

from swdesk.pdf import fonts, layout
from swdesk.pdf.renderer import Renderer
from swdesk.pdf.stream import end_page, streaming_canvas

KEY_FONT = "Courier-Bold"
KEY_SIZE = 26
MARGIN_MM = 25.0
BODY_SIZE = 11

ADVICE = (
    "这是什么：忘记所有密码时，用这个恢复密钥代替密码打开加密的数据库（输入时不分大小写，空格和短横可省略）。",
    "怎样保管：把本页锁进保险柜或带锁的文件柜，与电脑、U 盘和备份分开存放；不要拍照、扫描、"
    "复印，不要存在电脑或手机里，也不要通过微信、邮件发送。",
    "谁可以使用：只有本单位的管理员或负责人，在所有密码都遗忘时使用；用后请立即在“设置 → 数据加密”中"
    "更改单位密码并创建新的恢复密钥，本页随即作废，请用碎纸机销毁。",
    "为什么：数据库中有未成年人、老年人和患者的个人信息，其中行踪、健康等属于敏感个人信息。"
    "《个人信息保护法》要求对其采取加密等安全措施，拿到本页的人可以读取全部记录。",
)


def key_rows(key: str) -> list[str]:
    """The key in two rows of four groups, as on the sheet."""
    groups = key.split("-")
    half = (len(groups) + 1) // 2
    return ["  ".join(groups[:half]), "  ".join(groups[half:])]


_NO_LINE_START = "，。；：、）》”"


def _wrap(chain: fonts.FontChain, text: str, size: float, width_pt: float) -> list[str]:
    """Lines within `width_pt`; closing punctuation stays on the line before (it may overhang)."""
    lines, line = [], ""
    for char in text:
        if line and char not in _NO_LINE_START and chain.string_width(line + char, size) > width_pt:
            lines.append(line)
            line = ""
        line += char
    return [*lines, line] if line else lines


def render_sheet(out: str | Path | io.BytesIO, key: str, office: str, database: str, day: str,
                 chain: fonts.FontChain | None = None) -> int:
    chain = chain or fonts.office_chain()
    page_w, page_h = layout.A4_MM
    with streaming_canvas(out, (page_w * mm, page_h * mm), chain, "数据库恢复密钥") as c:
        renderer = Renderer(c, chain)
        width = (page_w - 2 * MARGIN_MM) * mm
        y = (page_h - 30) * mm
        renderer._draw_runs("数据库恢复密钥　机密，请锁好", MARGIN_MM * mm, y, 18, 0)
        y -= 12 * mm
        for label, value in (("单位", office), ("数据库文件", database), ("创建日期", day)):
            for line in _wrap(chain, f"{label}：{value}", BODY_SIZE, width):
                renderer._draw_runs(line, MARGIN_MM * mm, y, BODY_SIZE, 0)
                y -= 6 * mm
        y -= 10 * mm
        c.setLineWidth(0.8)
        box_h = 34 * mm
        c.rect(MARGIN_MM * mm, y - box_h + 8 * mm, width, box_h, stroke=1, fill=0)
        c.setFont(KEY_FONT, KEY_SIZE)
        for row in key_rows(key):
            c.drawCentredString(page_w / 2 * mm, y - 4 * mm, row)
            y -= 13 * mm
        y -= 14 * mm
        for paragraph in ADVICE:
            for line in _wrap(chain, paragraph, BODY_SIZE, width):
                renderer._draw_runs(line, MARGIN_MM * mm, y, BODY_SIZE, 0)
                y -= 6 * mm
            y -= 3 * mm
        end_page(c)
    return 1
