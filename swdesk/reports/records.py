"""The quarterly workbook's sheets on 持证与继续教育 and 星级志愿者: counts only (a district roll-up
sums them), computed by the services that own the rules (education, stars)."""
from __future__ import annotations

from peewee import fn

from swdesk import vocab
from swdesk.models import Worker
from swdesk.periods import Period
from swdesk.reports.structure import active_condition
from swdesk.reports.tables import Table
from swdesk.services import education, stars

CERTIFIED_SHEET = "持证与继续教育"
STARS_SHEET = "星级志愿者"
CERTIFIED_LEVELS = vocab.SW_LEVELS[1:]


def _holders(period: Period) -> dict[str, int]:
    query = (Worker.select(Worker.sw_level, fn.COUNT(Worker.id))
             .where(active_condition(period.end) & Worker.sw_level.in_(CERTIFIED_LEVELS)))  # scoped
    return dict(query.group_by(Worker.sw_level).tuples())


def certified_tables(period: Period) -> list[Table]:
    holders = _holders(period)
    due = education.due_between(period.start, period.end)
    running = education.statuses(period.end)
    rows = []
    for level in CERTIFIED_LEVELS:
        due_here = [s for s in due if s.level == level]
        rows.append([level, int(holders.get(level, 0)), len(due_here), sum(1 for s in due_here if s.missing > 0),
                     sum(1 for s in running if s.level == level and s.missing > 0)])
    return [Table(key="certified.levels", sheet=CERTIFIED_SHEET, title="社会工作者职业水平持证与继续教育",
                  label_header="职业水平", columns=["持证人数", "本季度应再登记", "其中学时不足", "期末登记期内学时未达标"],
                  rows=rows, kind="plain",
                  note="继续教育学时按《社会工作者继续教育办法》：助理社会工作师每个登记期72学时，"
                       "社会工作师和高级社会工作师90学时（单位设置可调）")]


def star_tables(period: Period) -> list[Table]:
    at_end, new = stars.period_counts(period)   # one pass (it was most of the statistics, twice)
    limits = stars.thresholds()
    rows = [[f"{vocab.STAR_NAMES[k]}（{limits[k - 1]:g}小时）", at_end[k], new[k]] for k in range(1, 6)]
    return [Table(key="stars.levels", sheet=STARS_SHEET, title="星级志愿者：按星级",
                  label_header="星级", columns=["期末人数", "本季度新晋"], rows=rows, kind="plain",
                  note="按志愿服务记录累计时长（含以往服务记录）认定；一人只计入其最高星级")]
