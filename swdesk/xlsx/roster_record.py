"""The worker's record in the roster spreadsheet (issue 18): 职业水平证书编号, 证书取得日期,
表彰奖励 and 年度评价 (imported and exported), and 星级 (exported only: it is computed from the
hours ledger, so an import ignores it).

A roster has one row per worker, and a worker may have several awards and one evaluation a year,
so each of those two cells holds one entry per line (Alt+Enter in Excel), the parts of an entry
separated by "|" (or the full-width "｜"):

    表彰奖励  授予日期|级别|奖项名称|授予单位|文号        2025-05-20|区|优秀志愿者|区民政局|区民〔2025〕8号
    年度评价  年度|评价等次|评价人|评价日期|评语          2025|优秀|街道社工站|2026-01-10|服务认真

Every part is checked with the worker page's own rules (swdesk.services.honours); a problem names
the entry (第2条). The texts are not NFKC-normalised as other cells are: that would turn an award
title's full-width brackets（…）into ASCII ones, and the round trip would change it.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from typing import Any

from swdesk import vocab
from swdesk.errors import ValidationError
from swdesk.models import Award, Evaluation, SwQualification
from swdesk.services import honours, stars
from swdesk.xlsx import common

CERTIFICATE = "职业水平证书编号"
OBTAINED = "证书取得日期"
AWARDS = "表彰奖励"
EVALUATIONS = "年度评价"
STARS = "星级"
# Imported and exported, after the worker's own columns.
HEADERS = (CERTIFICATE, OBTAINED, AWARDS, EVALUATIONS)
# Exported only (an import ignores the column).
EXPORT_ONLY = (STARS,)
FIELDS = {CERTIFICATE: "certificate_no", OBTAINED: "obtained_on", AWARDS: "awards", EVALUATIONS: "evaluations"}
LABELS = {key: label for label, key in FIELDS.items()}
ALIASES = {"证书编号": CERTIFICATE, "职业水平证书号": CERTIFICATE, "取得日期": OBTAINED,
           "证书取得时间": OBTAINED, "获奖情况": AWARDS, "表彰情况": AWARDS, "评价": EVALUATIONS,
           "评价情况": EVALUATIONS, "年度考核": EVALUATIONS}
WIDTHS = {CERTIFICATE: 18, OBTAINED: 12, AWARDS: 48, EVALUATIONS: 40, STARS: 7}

AWARD_PARTS = ("date", "level", "title", "issuer", "document_no")
EVALUATION_PARTS = ("year", "grade", "evaluator", "date", "note")
AWARD_FORMAT = "授予日期|级别|奖项名称|授予单位|文号"
EVALUATION_FORMAT = "年度|评价等次|评价人|评价日期|评语"
HELP = [
    (CERTIFICATE, "选填", "社会工作者职业水平证书的编号；社工职业水平为“无”时不填", ""),
    (OBTAINED, "选填", "取得证书的日期，格式同出生日期，不能晚于今天", ""),
    (AWARDS, "选填", f"每条一行（单元格内按 Alt+Enter 换行），写作 {AWARD_FORMAT}，"
                    "如 2025-05-20|区|优秀志愿者|区民政局|区民〔2025〕8号；文号可不填",
     "级别：" + "、".join(vocab.AWARD_LEVELS)),
    (EVALUATIONS, "选填", f"每年一条，每条一行，写作 {EVALUATION_FORMAT}，"
                         "如 2025|优秀|街道社工站|2026-01-10|服务认真；评价日期和评语可不填",
     "评价等次：" + "、".join(vocab.EVALUATION_GRADES)),
]

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u2060"), None)
_SPLIT = re.compile(r"[|｜]")


# --- import -------------------------------------------------------------------------------------

def parse(values: dict[str, Any], sw_level: str | None) -> tuple[dict[str, Any], dict[str, str]]:
    """({certificate_no, obtained_on, awards, evaluations} as written, {field: problem}) from the
    cells of one row (`values`: field → cell value; only the columns the file has). `sw_level` is
    the row's checked level (None when that cell has a problem of its own)."""
    record: dict[str, Any] = {}
    problems: dict[str, str] = {}
    if "certificate_no" in values:
        number = _text(values["certificate_no"])
        if len(number) > 40:
            problems["certificate_no"] = "不能超过40个字"
        record["certificate_no"] = number
    if "obtained_on" in values:
        try:
            record["obtained_on"] = common.parse_date(values["obtained_on"])
        except common.CellError as exc:
            problems["obtained_on"] = str(exc)
        else:
            if record["obtained_on"] and record["obtained_on"] > _dt.date.today():
                problems["obtained_on"] = "不能晚于今天"
    if (record.get("certificate_no") or record.get("obtained_on")) and sw_level in ("", "无"):
        problems.setdefault("certificate_no", "社工职业水平为“无”，不应填写职业水平证书")
    for key, check in (("awards", _awards), ("evaluations", _evaluations)):
        if key in values:
            entries, problem = check(_text(values[key]))
            record[key] = entries
            if problem:
                problems[key] = problem
    return {k: v for k, v in record.items() if v not in ("", None, [])}, problems


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value.translate(_INVISIBLE).strip()
    return common.parse_text(value)


def _entries(text: str, parts: Sequence[str]) -> list[dict[str, str]]:
    out = []
    for line in text.splitlines():
        if line.strip():
            pieces = [p.strip() for p in _SPLIT.split(line, maxsplit=len(parts) - 1)]
            out.append(dict(zip(parts, pieces + [""] * (len(parts) - len(pieces)), strict=True)))
    return out


def _problem(number: int, exc: ValidationError, labels: dict[str, str]) -> str:
    return f"第{number}条" + "；".join(f"{labels.get(k, k)}{m}" for k, m in exc.problems.items())


def _awards(text: str) -> tuple[list[dict[str, Any]], str]:
    entries, problems = [], []
    for number, entry in enumerate(_entries(text, AWARD_PARTS), start=1):
        entry["level"] = entry["level"].removesuffix("级")
        try:
            entry["date"] = common.parse_date(entry["date"]) if entry["date"] else None
            entries.append(honours.check_award(entry))
        except common.CellError as exc:
            problems.append(f"第{number}条授予日期：{exc}")
        except ValidationError as exc:
            problems.append(_problem(number, exc, honours.AWARD_LABELS))
    return entries, _joined(problems, AWARD_FORMAT)


def _evaluations(text: str) -> tuple[list[dict[str, Any]], str]:
    entries, problems, years = [], [], {}
    for number, entry in enumerate(_entries(text, EVALUATION_PARTS), start=1):
        try:
            entry["date"] = common.parse_date(entry["date"]) if entry["date"] else None
            clean = honours.check_evaluation(entry)
        except common.CellError as exc:
            problems.append(f"第{number}条评价日期：{exc}")
            continue
        except ValidationError as exc:
            problems.append(_problem(number, exc, honours.EVALUATION_LABELS))
            continue
        if clean["year"] in years:
            problems.append(f"第{number}条与第{years[clean['year']]}条同为{clean['year']}年度（每年一条评价）")
        years.setdefault(clean["year"], number)
        entries.append(clean)
    return entries, _joined(problems, EVALUATION_FORMAT)


def _joined(problems: list[str], form: str) -> str:
    return "；".join(problems) + f"（每条写作 {form}）" if problems else ""


# --- export -------------------------------------------------------------------------------------

def export_values(worker_ids: Sequence[int], on: _dt.date | None = None) -> dict[int, list[Any]]:
    """worker id → the values of HEADERS + EXPORT_ONLY (four queries for the whole chunk)."""
    ids = list(worker_ids)
    out: dict[int, list[Any]] = {w: [None, None, "", "", ""] for w in ids}
    for w, number, obtained in (SwQualification.select(SwQualification.worker, SwQualification.certificate_no,
                                                       SwQualification.obtained_on)
                                .where(SwQualification.worker.in_(ids)).tuples()):
        out[w][0], out[w][1] = number or None, obtained
    awards: dict[int, list[str]] = {}
    for row in Award.select().where(Award.worker.in_(ids)).order_by(Award.date, Award.id):
        awards.setdefault(row.worker_id, []).append(
            _line(row.date, row.level, row.title, row.issuer, row.document_no))
    evaluations: dict[int, list[str]] = {}
    for row in Evaluation.select().where(Evaluation.worker.in_(ids)).order_by(Evaluation.year):
        evaluations.setdefault(row.worker_id, []).append(
            _line(row.year, row.grade, row.evaluator, row.date, " ".join((row.note or "").split())))
    for w, level in stars.levels(ids, on).items():
        out[w][4] = vocab.STAR_NAMES[level]
    for w, lines in awards.items():
        out[w][2] = "\n".join(lines)
    for w, lines in evaluations.items():
        out[w][3] = "\n".join(lines)
    return out


def _line(*parts: Any) -> str:
    text = "|".join("" if p is None else (p.isoformat() if isinstance(p, _dt.date) else str(p)) for p in parts)
    return text.rstrip("|")
