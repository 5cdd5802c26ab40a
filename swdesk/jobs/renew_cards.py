"""Job: 续期 — renew the cards of one or many workers (same number, new valid-until date,
audited), for the command line (`renew`) and the window (before printing expired cards)."""
from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from swdesk.errors import UserError
from swdesk.jobs import JobResult, Progress, phase
from swdesk.pdf.common import names_text
from swdesk.services import cards


def renew_cards(worker_ids: Sequence[int] | None, valid_until: _dt.date | None = None, *,
                progress: Progress | None = None, today: _dt.date | None = None) -> JobResult:
    """Renew the cards of `worker_ids` (None: every active worker whose card has expired)."""
    ids = list(cards.expired_ids(today) if worker_ids is None else worker_ids)
    if not ids:
        raise UserError("没有需要续期的服务证" if worker_ids is None else "请指定要续期的人员")
    phase(progress, "正在续期…", len(ids))
    renewal = cards.renew(ids, valid_until, today)
    if not renewal.count:
        raise UserError("没有可续期的服务证：" + "；".join(renewal.warnings()))
    until = renewal.valid_until
    message = (f"已为 {renewal.count} 人的服务证续期至{until.year}年{until.month}月{until.day}日"
               f"（证号不变，请重新打印服务证）：{names_text(renewal.renewed)}")
    return JobResult(message, None, renewal.warnings(), renewal.count, renewal)
