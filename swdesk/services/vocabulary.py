"""Editable lists (vocab.EDITABLE_LISTS): the built-in labels plus those the office added.

Built-in labels cannot be removed (reports and exports rely on them); added ones can.
"""
from __future__ import annotations

from peewee import fn

from swdesk import vocab
from swdesk.models import VocabItem
from swdesk.services.base import UserError, ValidationError, audit, snapshot, writes

# Titles shown in the list editor.
LIST_TITLES = {
    "specialty": "专业特长",
    "mentoring_unit": "帮教组织单位",
    "elder_role": "扶老小组成员角色",
    "elder_service": "扶老助老服务内容",
    "homebed_service": "家庭病床服务内容",
    "training_topic": "培训主题",
}


def kinds() -> list[str]:
    return list(vocab.EDITABLE_LISTS)


def builtin(kind: str) -> tuple[str, ...]:
    _check_kind(kind)
    return tuple(vocab.EDITABLE_LISTS[kind])


def added(kind: str) -> list[str]:
    _check_kind(kind)
    rows = (VocabItem.select(VocabItem.label).where(VocabItem.kind == kind)
            .order_by(VocabItem.position, VocabItem.id).tuples())
    return [label for (label,) in rows]


def items(kind: str) -> list[str]:
    """Built-in labels first, then the office's additions in the order they were added."""
    base = list(builtin(kind))
    return base + [label for label in added(kind) if label not in base]


@writes("vocab_item")
def add_item(kind: str, label: str) -> VocabItem:
    _check_kind(kind)
    label = (label or "").strip()
    if not label:
        raise ValidationError({"label": "不能为空"})
    if len(label) > 20:
        raise ValidationError({"label": "不能超过20个字"})
    if "、" in label or "," in label or "，" in label:
        raise ValidationError({"label": "不能含有顿号或逗号"})
    if label in items(kind):
        raise ValidationError({"label": f"“{label}”已在列表中"})
    position = (VocabItem.select(fn.MAX(VocabItem.position)).where(VocabItem.kind == kind).scalar() or 0) + 1
    row = VocabItem.create(kind=kind, label=label, position=position)
    audit("create", row, after=snapshot(row), summary=f"{LIST_TITLES.get(kind, kind)}增加“{label}”")
    return row


@writes("vocab_item")
def remove_item(kind: str, label: str) -> None:
    _check_kind(kind)
    if label in builtin(kind):
        raise UserError(f"“{label}”是内置选项，不能删除")
    row = VocabItem.get_or_none((VocabItem.kind == kind) & (VocabItem.label == label))
    if row is None:
        raise UserError(f"列表中没有“{label}”")
    before = snapshot(row)
    row.delete_instance()
    audit("delete", table="vocab_item", record_id=before["id"], before=before,
          summary=f"{LIST_TITLES.get(kind, kind)}删除“{label}”")


def _check_kind(kind: str) -> None:
    if kind not in vocab.EDITABLE_LISTS:
        raise UserError(f"没有名为 {kind} 的可编辑列表")
