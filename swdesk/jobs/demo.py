"""The demo-data job (`main.py demo`, 帮助 → 填充示例数据): fill an empty database with the sample
street office. The workers go through the roster import's bulk path (services.workers.add_many);
phases: 正在生成人员…, 正在写入人员…, 正在生成服务记录…"""
from __future__ import annotations

import datetime as _dt

from swdesk.jobs import JobResult, Progress
from swdesk.services import demo


def fill_demo(workers: int = demo.REPORT_WORKERS, *, force: bool = False, seed: int = 2026,
              today: _dt.date | None = None, progress: Progress | None = None) -> JobResult:
    """Generate and write the sample data in one transaction; refuses a database with workers
    unless `force`. `data` is the DemoResult (counts per kind of record)."""
    result = demo.fill(workers=workers, force=force, seed=seed, progress=progress, today=today)
    return JobResult(message=f"已生成示例数据：{result.summary()}", count=result.workers, data=result)
