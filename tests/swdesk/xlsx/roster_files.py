"""Helpers of the roster spreadsheet tests: write a roster sheet the way a clerk would."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from swdesk import idcard
from swdesk.jobs.import_roster import import_roster
from swdesk.xlsx.roster import HEADERS


def good_row(i: int = 0, **changes) -> dict:
    """One valid row, keyed by header; `i` makes the ID number and name unique."""
    row = {"姓名": f"张{'三四五六七八九十'[i % 8]}{i}", "性别": "", "身份证号": idcard.make("350502", dt.date(1980, 1, 1) + dt.timedelta(days=37 * i), 2 * i + 1),
           "出生日期": None, "手机号码": f"138{i:08d}", "所属领域": "企业", "工作单位": "某某公司", "学历": "大专",
           "职称": "初级", "社工职业水平": "", "专业特长": "心理疏导、法律援助", "政治面貌": "群众", "人员类别": "志愿者",
           "所属社区": "东湖社区", "加入日期": dt.date(2020, 3, 1), "状态": ""}
    row.update(changes)
    return row


def write_roster(path: Path, rows: list[dict], headers: tuple[str, ...] | list[str] = HEADERS,
                 title_rows: list[list] | None = None) -> Path:
    """A workbook whose first sheet has `title_rows`, then `headers`, then `rows` (dicts by header)."""
    wb = Workbook()
    ws = wb.active
    for title in title_rows or []:
        ws.append(title)
    ws.append(list(headers))
    for row in rows:
        ws.append([row.get(h) for h in headers])
    wb.save(path)
    return path


def import_file(path, **options):
    """The import job on a file (as the command line and the window run it): its ImportReport."""
    return import_roster(path, **options).data
