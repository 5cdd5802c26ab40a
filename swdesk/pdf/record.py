"""个人志愿服务记录: one worker's record on A4 pages that flow (a record of 400 visits runs to
many pages, which a fixed template cannot hold). The pages are built as templates in code and
drawn by the same Renderer, so fonts, fallbacks and wrapping are those of every other print.

Every text is a field ({t0}, {t1} …) rather than literal template text: a programme's content
may hold braces, and the renderer then draws each element directly instead of caching it as a
form shared between documents."""
from __future__ import annotations

import datetime as _dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.units import mm

from swdesk import vocab
from swdesk.pdf import common, fonts, layout, renderer, templates
from swdesk.pdf.stream import end_page, streaming_canvas
from swdesk.privacy import mask_id
from swdesk.services.service_record import WorkerRecord

PAGE_W, PAGE_H = 210.0, 297.0
LEFT, RIGHT, TOP, BOTTOM = 20.0, 190.0, 18.0, 280.0
ROW_H = 5.6
BODY_PT = 9.5


@dataclass
class Page:
    elements: list[dict] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)

    def text(self, x: float, y: float, w: float, h: float, value: str, size: float = BODY_PT, **style) -> None:
        key = f"t{len(self.fields)}"
        self.fields[key] = value
        self.elements.append({**templates.DEFAULTS, "type": "text", "x": x, "y": y, "w": w, "h": h,
                              "text": "{" + key + "}", "font_size": size, "shrink_to_fit": True, **style})

    def line(self, x: float, y: float, w: float, colour: str = "#999999", width: float = 0.2) -> None:
        self.elements.append({**templates.DEFAULTS, "type": "line", "x": x, "y": y, "w": w, "h": 0,
                              "stroke": colour, "stroke_width": width})


class Flow:
    """Places rows top to bottom, opening a new page when the next block does not fit."""

    def __init__(self, chain: fonts.FontChain, header: str):
        self.chain = chain
        self.header = header
        self.pages: list[Page] = []
        self.y = 0.0
        self._new_page()

    def _new_page(self) -> None:
        page = Page()
        if self.pages:
            page.text(LEFT, 10, RIGHT - LEFT, 6, self.header, 8.5, color="#666666", align="right")
        self.pages.append(page)
        self.y = TOP if len(self.pages) == 1 else TOP + 2

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def need(self, height: float) -> None:
        if self.y + height > BOTTOM:
            self._new_page()

    def heading(self, text: str) -> None:
        self.need(ROW_H * 3)
        self.y += 2.5
        self.page.text(LEFT, self.y, RIGHT - LEFT, 7.5, text, 12.5, color="#B3261E")
        self.y += 8

    def paragraph(self, text: str, size: float = BODY_PT) -> None:
        lines = renderer.wrap_lines(self.chain, text, (RIGHT - LEFT) * mm, size)
        height = len(lines) * size * 1.5 / 72 * 25.4 + 1.5
        self.need(height)
        self.page.text(LEFT, self.y, RIGHT - LEFT, height, text, size, wrap=True, valign="top", line_spacing=1.5,
                       shrink_to_fit=False)
        self.y += height

    def row(self, cells: list[tuple[float, str]], bold_line: bool = False, colour: str = "#000000",
            repeat: list[tuple[float, str]] | None = None) -> None:
        """One table row; `cells` are (width mm, text). After a page break `repeat` (the table's
        head) is drawn again."""
        if self.y + ROW_H > BOTTOM:
            self._new_page()
            if repeat:
                self.row(repeat, bold_line=True, colour="#444444")
        x = LEFT
        for width, text in cells:
            self.page.text(x + 1, self.y, width - 2, ROW_H, text, BODY_PT, color=colour)
            x += width
        self.page.line(LEFT, self.y + ROW_H, RIGHT - LEFT, "#666666" if bold_line else "#DDDDDD")
        self.y += ROW_H


SERVICE_HEAD = [(28, "日期"), (120, "服务内容"), (22, "时长（小时）")]
TRAINING_HEAD = [(28, "日期"), (104, "培训内容"), (18, "学时"), (20, "继续教育")]
AWARD_HEAD = [(26, "日期"), (58, "奖项"), (14, "级别"), (40, "授予单位"), (32, "文号")]
EVALUATION_HEAD = [(18, "年度"), (24, "等次"), (40, "评价人"), (88, "评语")]


def _table(flow: Flow, head: list[tuple[float, str]], rows: list[list[str]], empty: str) -> None:
    if not rows:
        flow.paragraph(empty)
        return
    flow.need(ROW_H * 2)
    flow.row(head, bold_line=True, colour="#444444")
    for values in rows:
        flow.row([(w, v) for (w, _h), v in zip(head, values, strict=True)], repeat=head)


def build(record: WorkerRecord, number: str, issue_date: _dt.date, chain: fonts.FontChain,
          clerk: str = "") -> list[Page]:
    worker, office = record.worker, record.worker.office
    common.ensure_real_office(office)
    flow = Flow(chain, f"个人志愿服务记录 {worker.name} 编号：{number}")
    page = flow.page
    page.text(LEFT, flow.y, RIGHT - LEFT, 12, "个人志愿服务记录", 22, align="center", letter_spacing=4)
    page.text(LEFT, flow.y + 14, RIGHT - LEFT, 6, f"编号：{number}", 10, align="right")
    page.line(LEFT, flow.y + 21, RIGHT - LEFT, "#B3261E", 0.6)
    flow.y += 24
    flow.paragraph(f"记录期间：{common.date_text(record.start)}至{common.date_text(record.end)}　"
                   f"记录单位：{office.centre_name}")
    _identity(flow, record)
    _services(flow, record)
    flow.heading("三、培训情况")
    _table(flow, TRAINING_HEAD, [[t.date.isoformat(), t.title, f"{t.hours:g}", "是" if t.continuing_education else ""]
                                 for t in record.training], "记录期间内无培训记录。")
    flow.heading("四、表彰奖励情况")
    _table(flow, AWARD_HEAD, [[a.date.isoformat(), a.title, a.level, a.issuer, a.document_no or "—"]
                              for a in record.awards], "记录期间内无表彰奖励记录。")
    flow.heading("五、评价情况")
    _table(flow, EVALUATION_HEAD, [[f"{e.year}", e.grade, e.evaluator, e.note or "—"] for e in record.evaluations],
           "记录期间内无评价记录。")
    _star(flow, record)
    _signature(flow, office.centre_name, office.person_in_charge or "", clerk, issue_date)
    total = len(flow.pages)
    for i, p in enumerate(flow.pages, start=1):
        p.text(LEFT, 284, RIGHT - LEFT, 6, f"第 {i} 页，共 {total} 页", 8.5, align="center", color="#666666")
    return flow.pages


def _identity(flow: Flow, record: WorkerRecord) -> None:
    w = record.worker
    flow.heading("一、个人基本信息")
    pairs = [("姓名", w.name), ("性别", w.gender),
             ("证件类型", "居民身份证"), ("证件号码", mask_id(w.id_number) if w.id_number else "—"),
             ("服务证号", w.card_no or "—"), ("人员类别", w.kind),
             ("所属社区", w.community.name if w.community_id else "—"),
             ("加入日期", w.joined_on.isoformat() if w.joined_on else "—"),
             ("职业水平", w.sw_level), ("状态", w.status)]
    for i in range(0, len(pairs), 2):
        flow.row([(85, f"{label}：{value}") for label, value in pairs[i:i + 2]])


def _services(flow: Flow, record: WorkerRecord) -> None:
    flow.heading("二、志愿服务情况")
    flow.paragraph(f"记录期间内共服务 {len(record.services)} 次，累计服务时长 "
                   f"{common.hours_text(record.total_minutes)} 小时。")
    if not record.services:
        return
    for programme in vocab.PROGRAMMES:
        lines = record.by_programme.get(programme)
        if not lines:
            continue
        minutes = sum(s.minutes for s in lines)
        flow.need(ROW_H * 3)
        flow.y += 1.5
        flow.page.text(LEFT, flow.y, RIGHT - LEFT, 6.5,
                       f"{programme}：服务 {len(lines)} 次，共 {common.hours_text(minutes)} 小时", 11)
        flow.y += 7
        _table(flow, SERVICE_HEAD, [[s.date.isoformat(), s.content, common.hours_text(s.minutes)] for s in lines], "")


def _star(flow: Flow, record: WorkerRecord) -> None:
    flow.heading("六、星级")
    s = record.star
    reached = "；".join(f"{vocab.STAR_NAMES[k]}：{common.date_text(d)}" for k, d in sorted(s.reached.items()))
    earlier = (f"（含加入本中心记录前的以往服务 {common.hours_text(record.opening_minutes)} 小时）"
               if record.opening_minutes else "")
    text = (f"截至{common.date_text(record.end)}，累计服务时长 {s.hours:.1f} 小时{earlier}，"
            f"星级：{s.label}。" + (f"达到日期：{reached}。" if reached else ""))
    flow.paragraph(text)


def _signature(flow: Flow, organisation: str, person: str, clerk: str, issue_date: _dt.date) -> None:
    flow.need(40)
    flow.y += 4
    flow.paragraph("以上记录依据本中心志愿服务记录如实出具（《志愿服务记录与证明出具办法（试行）》民政部令第67号）。", 9)
    y = flow.y + 4
    page = flow.page
    page.text(LEFT, y, 58, 7, f"负 责 人：{person}", 11)
    page.text(LEFT, y + 9, 58, 7, f"经 办 人：{clerk}", 11)
    page.text(LEFT + 60, y, 14, 7, "签字：", 11)
    page.line(LEFT + 74, y + 6.5, 26, "#000000", 0.25)
    page.text(LEFT + 60, y + 9, 14, 7, "签字：", 11)
    page.line(LEFT + 74, y + 15.5, 26, "#000000", 0.25)
    # the issuer's name and the date: the seal is pressed over them
    page.text(128, y, 62, 12, organisation, 12, align="center", wrap=True, valign="middle")
    page.text(128, y + 13, 62, 7, common.date_text(issue_date), 12, align="center")
    flow.y = y + 22


def page_templates(pages: list[Page]) -> list[templates.Template]:
    return [templates.Template(kind="record", name="个人志愿服务记录", width_mm=PAGE_W, height_mm=PAGE_H,
                               elements=p.elements, placeholders=set(p.fields)) for p in pages]


def draw(out: str | Path | io.BytesIO, pages: list[Page], chain: fonts.FontChain,
         calibration: layout.Calibration) -> int:
    kept = page_templates(pages)  # kept alive: the renderer caches segments by id(template)
    with streaming_canvas(out, (PAGE_W * mm, PAGE_H * mm), chain, "个人志愿服务记录") as canvas:
        draw_with = renderer.Renderer(canvas, chain, common.logo_path())
        for template, page in zip(kept, pages, strict=True):
            calibration.apply(canvas, PAGE_H * mm)
            draw_with.draw(template, page.fields)
            end_page(canvas)
    return len(pages)
