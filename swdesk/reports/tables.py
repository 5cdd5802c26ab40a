"""The one data structure every statistic is kept in: a Table of counts by label.

A Table holds only what can be summed (counts, hours). Everything derived from counts — 占比,
合计, 缺口, 满意率, 同比 — is computed by `display()`, which the workbook writer and the dashboard
both use. So a district roll-up sums the counts of the street tables (`merge_tables`) and derives
the percentages afresh; percentages are never added up.

Kinds:
- "share":  one count column → adds 占比 (ratio of the total) and a 合计 row
- "series": 本季度 / 本年累计 / 上年同期 → adds 同比 (change against last year, a ratio)
- "matrix": several count columns → adds a 合计 column and a 合计 row
- "plain":  several count columns of different things → adds only a 合计 row
- "satisfaction": 满意 / 基本满意 / 不满意 / 未评价 → adds 合计 and 满意率 columns and a 合计 row
- "gap":    需求 / 现有 → adds 缺口 (max(需求 − 现有, 0)) and 完成率 (现有 ÷ 需求) columns and a 合计
            row whose 完成率 is the share of the whole plan met, (需求 − 缺口) ÷ 需求. A table of
            several streets carries its 缺口 per row (`gaps`: the sum of the streets' gaps), since
            one street's surplus does not fill another street's need.

Totals of counts with decimals (hours) are sums of the rows as shown (rounded to their decimals),
so a 合计 always equals the sum of the rows printed above it (2,745.4 beside rows summing to
2,745.5 was the district workbook's 本年累计 before).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

PERCENT_FORMAT = "0.0%"
TOTAL_LABEL = "合计"
OTHER_LABEL = "其他"
SERIES_COLUMNS = ("本季度", "本年累计", "上年同期")

KINDS = ("share", "series", "matrix", "plain", "satisfaction", "gap")


@dataclass
class Table:
    key: str                        # stable identifier, e.g. "structure.sector"
    sheet: str                      # the workbook sheet it goes on
    title: str                      # block heading, e.g. "所属领域"
    label_header: str               # heading of the label column, e.g. "类别"
    columns: list[str]              # the count columns
    rows: list[list[Any]]           # [label, count, count, …]
    kind: str = "share"
    decimals: int | list[int] = 0   # decimals of the counts (1 for hours), or one per column
    total_row: bool = True          # series tables: whether a 合计 row makes sense
    chart: str = ""                 # "pie" / "bar" / "" (structure blocks)
    note: str = ""                  # one line under the block, e.g. how 缺口 is defined
    # "gap" tables of several streets: each row's 缺口, the sum of the streets' own gaps. None: a
    # single street's, max(需求 − 现有, 0).
    gaps: list[Any] | None = None

    def labels(self) -> list[str]:
        return [row[0] for row in self.rows]

    def value(self, label: str, column: str | int = 0) -> Any:
        col = column if isinstance(column, int) else self.columns.index(column)
        for row in self.rows:
            if row[0] == label:
                return row[1 + col]
        raise KeyError(label)

    def as_dict(self, column: str | int = 0) -> dict[str, Any]:
        col = column if isinstance(column, int) else self.columns.index(column)
        return {row[0]: row[1 + col] for row in self.rows}

    def column_totals(self) -> list[Any]:
        return [_sum(row[1 + i] for row in self.rows) for i in range(len(self.columns))]

    # --- derived view ------------------------------------------------------------------------
    def row_gaps(self) -> list[Any]:
        """A "gap" table's 缺口 per row."""
        if self.gaps is not None:
            return list(self.gaps)
        return [max((row[1] or 0) - (row[2] or 0), 0) for row in self.rows]

    def display(self) -> Display:
        """Header, rows and per-column kind ('label' / 'count' / 'ratio') for showing the table.
        Totals and derived columns are computed from the counts as shown (rounded); the rows keep
        their exact counts, so a roll-up of street workbooks sums exact hours."""
        rounded = self.rounded()
        shown = _DERIVERS[self.kind](rounded)
        if rounded is not self:
            for out, row in zip(shown.rows, self.rows, strict=False):
                out[1:len(row)] = row[1:]
        return shown

    def rounded(self) -> Table:
        """The table with every count rounded to the decimals it is shown with."""
        decimals = self.decimals if isinstance(self.decimals, list) else [self.decimals] * len(self.columns)
        if not any(decimals):
            return self
        rows = [[row[0], *(shown_value(v, d) for v, d in zip(row[1:], decimals, strict=True))]
                for row in self.rows]
        return replace(self, rows=rows)

    def meta(self) -> dict[str, Any]:
        """Everything but the rows: what the workbook's hidden sheet records about the table."""
        return {"key": self.key, "sheet": self.sheet, "title": self.title,
                "label_header": self.label_header, "columns": list(self.columns), "kind": self.kind,
                "decimals": self.decimals, "total_row": self.total_row, "chart": self.chart,
                "note": self.note}


@dataclass
class Display:
    header: list[str]
    rows: list[list[Any]]
    formats: list[str]               # per column: "" (label), "0" / "0.0" (count), "0.0%" (ratio)
    total_rows: int = 0              # how many rows at the end are totals
    data_columns: int = 1            # how many count columns follow the label (what is stored)

    def text(self, row: int, col: int) -> str:
        """A cell as the clerk reads it: counts with their decimals, ratios as 12.3%."""
        return format_value(self.rows[row][col], self.formats[col])


def format_value(value: Any, fmt: str) -> str:
    if value is None:
        return "—"
    if fmt == PERCENT_FORMAT:
        return f"{value * 100:.1f}%"
    if fmt == "0.0":
        return f"{value:.1f}"
    if fmt == "0":
        return f"{int(round(value))}"
    return str(value)


def count_format(decimals: int) -> str:
    return "0.0" if decimals else "0"


def _formats(t: Table, derived: list[str]) -> list[str]:
    """Label, the count columns by their decimals, then the derived columns' formats."""
    decimals = t.decimals if isinstance(t.decimals, list) else [t.decimals] * len(t.columns)
    return ["", *(count_format(d) for d in decimals), *derived]


def shown_value(value: Any, decimals: int) -> Any:
    """A count as a spreadsheet shows it with `decimals` places: from its shortest decimal form,
    halves away from zero (Excel and LibreOffice show 1141.05 h as 1141.1; Python's round() of
    the binary value, 1141.0499…, gives 1141.0, and a 合计 built from it was 0.1 short)."""
    if not isinstance(value, float):
        return value
    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def _sum(values) -> Any:
    total = 0
    for v in values:
        total += v or 0
    return total


def ratio(part: float, whole: float) -> float:
    """part / whole, 0 when there is nothing to divide (a block of no workers shows 0.0%)."""
    return part / whole if whole else 0.0


def _share(t: Table) -> Display:
    total = _sum(row[1] for row in t.rows)
    rows = [[row[0], row[1], ratio(row[1], total)] for row in t.rows]
    rows.append([TOTAL_LABEL, total, 1.0 if total else 0.0])
    return Display([t.label_header, t.columns[0], "占比"], rows, _formats(t, [PERCENT_FORMAT]), 1, 1)


def _series(t: Table) -> Display:
    rows = [list(row) for row in t.rows]
    if t.total_row:
        rows.append([TOTAL_LABEL, *t.column_totals()])
    out = []
    for row in rows:
        now, last = row[1], row[3]
        change = ratio(now - last, last) if last else None
        out.append([*row, change])
    return Display([t.label_header, *t.columns, "同比增减"], out, _formats(t, [PERCENT_FORMAT]),
                   1 if t.total_row else 0, len(t.columns))


def _matrix(t: Table) -> Display:
    rows = [[*row, _sum(row[1:])] for row in t.rows]
    totals = t.column_totals()
    rows.append([TOTAL_LABEL, *totals, _sum(totals)])
    total_format = count_format(max(t.decimals) if isinstance(t.decimals, list) else t.decimals)
    return Display([t.label_header, *t.columns, TOTAL_LABEL], rows, _formats(t, [total_format]), 1,
                   len(t.columns))


def _plain(t: Table) -> Display:
    rows = [list(row) for row in t.rows]
    rows.append([TOTAL_LABEL, *t.column_totals()])
    return Display([t.label_header, *t.columns], rows, _formats(t, []), 1, len(t.columns))


def _satisfaction(t: Table) -> Display:
    """Columns 满意, 基本满意, 不满意, 未评价: 满意率 = (满意 + 基本满意) / rated."""
    def derive(label: str, counts: list[Any]) -> list[Any]:
        good = counts[0] + counts[1]
        rated = good + counts[2]
        return [label, *counts, _sum(counts), ratio(good, rated) if rated else None]

    rows = [derive(row[0], list(row[1:])) for row in t.rows]
    rows.append(derive(TOTAL_LABEL, t.column_totals()))
    return Display([t.label_header, *t.columns, TOTAL_LABEL, "满意率"], rows,
                   _formats(t, ["0", PERCENT_FORMAT]), 1, len(t.columns))


def _gap(t: Table) -> Display:
    """需求 and 现有 → 缺口 = max(需求 − 现有, 0) (a surplus shows as 0) and 完成率 = 现有 / 需求."""
    def derive(label: str, need: Any, have: Any, gap: Any) -> list[Any]:
        return [label, need, have, gap, ratio(have, need) if need else None]

    rows = [derive(row[0], row[1], row[2], gap) for row, gap in zip(t.rows, t.row_gaps(), strict=True)]
    need, have = t.column_totals()
    # The total gap is the sum of the rows' gaps: one label's surplus does not fill another's
    # need. So the total's rate is the share of the plan met, (需求 − 缺口) ÷ 需求, at most 100%.
    gap = _sum(r[3] for r in rows)
    rows.append([TOTAL_LABEL, need, have, gap, ratio(need - gap, need) if need else None])
    return Display([t.label_header, *t.columns, "缺口", "完成率"], rows,
                   _formats(t, ["0", PERCENT_FORMAT]), 1, 2)


_DERIVERS = {"share": _share, "series": _series, "matrix": _matrix, "plain": _plain,
             "satisfaction": _satisfaction, "gap": _gap}


def merge_tables(tables: list[Table]) -> Table:
    """Sum tables of the same key (one per street): labels in first-seen order, 其他 kept last."""
    first = tables[0]
    order: list[str] = []
    sums: dict[str, list[Any]] = {}
    gaps: dict[str, Any] = {}
    for table in tables:
        if table.columns != first.columns or table.kind != first.kind:
            raise ValueError(f"table {table.key} differs in columns")
        row_gaps = table.row_gaps() if first.kind == "gap" else [0] * len(table.rows)
        for row, gap in zip(table.rows, row_gaps, strict=True):
            label = row[0]
            if label not in sums:
                order.append(label)
                sums[label] = [0] * len(first.columns)
                gaps[label] = 0
            sums[label] = [a + (b or 0) for a, b in zip(sums[label], row[1:], strict=True)]
            gaps[label] += gap
    if OTHER_LABEL in order:
        order.remove(OTHER_LABEL)
        order.append(OTHER_LABEL)
    merged = Table(**{**first.meta(), "rows": [[label, *sums[label]] for label in order]})
    if first.kind == "gap":
        merged.gaps = [gaps[label] for label in order]
    return merged


def labelled_counts(labels: tuple[str, ...] | list[str], counts: dict[Any, Any],
                    other: bool = True) -> list[list[Any]]:
    """Rows for every label in vocabulary order (0 when absent), plus 其他 for values outside the
    vocabulary when there are any (so that the rows still add up to the total)."""
    rows = [[label, counts.get(label, 0) or 0] for label in labels]
    if other:
        rest = sum(v or 0 for k, v in counts.items() if k not in labels)
        if rest:
            rows.append([OTHER_LABEL, rest])
    return rows
