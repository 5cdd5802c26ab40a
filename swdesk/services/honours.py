"""表彰奖励 and 评价 of a worker (民政部令第67号: part of the volunteer's record)."""
from __future__ import annotations

import datetime as _dt
from typing import Any

from swdesk import vocab
from swdesk.models import Award, Evaluation, SwQualification, Worker
from swdesk.services import versions
from swdesk.services.base import UserError, audit, get_scoped, snapshot, writes
from swdesk.services.fieldcheck import Checker

AWARD_LABELS = {"title": "奖项名称", "level": "级别", "issuer": "授予单位", "date": "授予日期",
                "document_no": "文号"}
EVALUATION_LABELS = {"year": "年度", "grade": "评价等次", "evaluator": "评价人", "date": "评价日期",
                     "note": "评语"}


def check_award(data: dict[str, Any]) -> dict[str, Any]:
    """The clean values of an award (the form and the roster import); ValidationError if any is wrong."""
    c = Checker(data)
    clean = {
        "title": c.text("title", required=True, max_len=100, missing="请填写奖项名称"),
        "level": c.choice("level", vocab.AWARD_LEVELS),
        "issuer": c.text("issuer", required=True, max_len=100, missing="请填写授予单位"),
        "date": c.date("date", not_after=_dt.date.today()),
        "document_no": c.text("document_no", max_len=60),
    }
    _no_separator(c, clean, ("title", "issuer", "document_no"))
    c.raise_if_any()
    return clean


def _no_separator(c: Checker, clean: dict[str, Any], keys: tuple[str, ...]) -> None:
    # The roster spreadsheet separates an entry's parts with | (swdesk/xlsx/roster_record.py): a
    # part holding one would be read back split in the wrong place.
    for key in keys:
        if any(bar in clean[key] for bar in "|｜"):
            c.fail(key, "不能含有竖线 |（花名册中用它分隔各项）")


def check_evaluation(data: dict[str, Any], worker_id: int | None = None, row_id: int | None = None) -> dict[str, Any]:
    """The clean values of an evaluation; `worker_id` None (a worker not yet saved, the roster
    import) skips the one-a-year check against the database."""
    c = Checker(data)
    today = _dt.date.today()
    clean = {
        "year": c.integer("year", 2000, today.year, unit="年"),
        "grade": c.choice("grade", vocab.EVALUATION_GRADES),
        "evaluator": c.text("evaluator", required=True, max_len=50, missing="请填写评价人或评价单位"),
        "date": c.date("date", required=False, not_after=today),
        "note": c.text("note", max_len=2000),
    }
    _no_separator(c, clean, ("evaluator",))
    same = None if worker_id is None else Evaluation.get_or_none(
        (Evaluation.worker == worker_id) & (Evaluation.year == clean["year"]))
    if same is not None and same.id != row_id:
        c.fail("year", f"{clean['year']}年度已有评价")
    c.raise_if_any()
    return clean


def awards(worker_id: int) -> list[Award]:
    get_scoped(Worker, worker_id, "社工")
    return list(Award.select().where(Award.worker == worker_id).order_by(Award.date.desc(), Award.id))


def evaluations(worker_id: int) -> list[Evaluation]:
    get_scoped(Worker, worker_id, "社工")
    return list(Evaluation.select().where(Evaluation.worker == worker_id).order_by(Evaluation.year.desc()))


@writes("award")
def add_award(worker_id: int, data: dict[str, Any]) -> Award:
    worker = get_scoped(Worker, worker_id, "社工")
    row = Award.create(worker=worker_id, **check_award(data))
    audit("create", row, after=snapshot(row), summary=f"表彰奖励 {worker.name}：{row.title}")
    return row


@writes("award")
def update_award(award_id: int, data: dict[str, Any], version: int | None = None) -> Award:
    row = _get(Award, award_id, "表彰奖励")
    versions.require(row, version, "表彰奖励", AWARD_LABELS)
    clean = check_award({**snapshot(row), **data})
    before = snapshot(row)
    versions.save(row, clean, version, "表彰奖励", AWARD_LABELS)
    audit("update", row, before=before, after=snapshot(row), summary=f"修改表彰奖励 {row.title}")
    return row


@writes("award")
def delete_award(award_id: int) -> None:
    row = _get(Award, award_id, "表彰奖励")
    audit("delete", row, before=snapshot(row), summary=f"删除表彰奖励 {row.title}")
    row.delete_instance()


@writes("evaluation")
def add_evaluation(worker_id: int, data: dict[str, Any]) -> Evaluation:
    worker = get_scoped(Worker, worker_id, "社工")
    row = Evaluation.create(worker=worker_id, **check_evaluation(data, worker_id, None))
    audit("create", row, after=snapshot(row), summary=f"评价 {worker.name}：{row.year}年度{row.grade}")
    return row


@writes("evaluation")
def update_evaluation(evaluation_id: int, data: dict[str, Any], version: int | None = None) -> Evaluation:
    row = _get(Evaluation, evaluation_id, "评价")
    versions.require(row, version, "评价", EVALUATION_LABELS)
    clean = check_evaluation({**snapshot(row), **data}, row.worker_id, row.id)
    before = snapshot(row)
    versions.save(row, clean, version, "评价", EVALUATION_LABELS)
    audit("update", row, before=before, after=snapshot(row), summary=f"修改评价 {row.year}年度")
    return row


@writes("evaluation")
def delete_evaluation(evaluation_id: int) -> None:
    row = _get(Evaluation, evaluation_id, "评价")
    audit("delete", row, before=snapshot(row), summary=f"删除评价 {row.year}年度")
    row.delete_instance()


def add_imported(records: list[tuple[int, dict[str, Any]]], source: str = "") -> None:
    """The roster import's record columns for workers it has just added (inside its transaction):
    `records` = [(worker id, {certificate_no, obtained_on, awards, evaluations})], each value
    already checked (swdesk/xlsx/roster_record.py). Rows go in with one insert per table and one
    audit line per table naming the file (the workers' own lines list who was added)."""
    qualifications = [{"worker": w, "certificate_no": r.get("certificate_no", ""), "obtained_on": r.get("obtained_on")}
                      for w, r in records if r.get("certificate_no") or r.get("obtained_on")]
    awards_ = [{"worker": w, **a} for w, r in records for a in r.get("awards", ())]
    evaluations_ = [{"worker": w, **e} for w, r in records for e in r.get("evaluations", ())]
    for model, rows, what in ((SwQualification, qualifications, "职业水平证书"), (Award, awards_, "表彰奖励"),
                              (Evaluation, evaluations_, "评价")):
        for start in range(0, len(rows), 500):
            model.insert_many(rows[start:start + 500]).execute()
        if rows:
            audit("import", table=model._meta.table_name, after={"count": len(rows), "file": source},
                  summary=f"导入花名册：{what} {len(rows)} 条" + (f"（{source}）" if source else ""))


def _get(model, row_id: int, what: str):
    row = model.get_or_none(model.id == row_id)
    if row is None:
        raise UserError(f"这条{what}已被删除")
    get_scoped(Worker, row.worker_id, "社工")
    return row
