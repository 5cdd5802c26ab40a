"""统计报表: the dashboard — the quarterly workbook's numbers for a chosen quarter, with charts.

Everything is computed by swdesk/reports (the same QuarterReport the workbook is written from) in
a background job, so the window never freezes; the tables show the same derived 占比, 合计, 缺口 and
满意率 as the workbook (Table.display()).
"""
from __future__ import annotations

import datetime as _dt
import logging
from dataclasses import dataclass

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from swdesk import periods
from swdesk.reports.quarter import QuarterReport
from swdesk.reports.tables import Table
from swdesk.services import reminders

log = logging.getLogger(__name__)

QUARTERS_OFFERED = 8
TREND_QUARTERS = 4
SHEETS = ("队伍结构", "服务开展", "服务热线", "培训", "需求缺口", "持证与继续教育", "星级志愿者")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportsTab", text)


@dataclass
class DashboardData:
    report: QuarterReport
    trend: list[tuple[str, float, int]]
    reminders: dict[str, int] | None
    reminder_labels: dict[str, str]


def compute(period: str, progress=None) -> DashboardData:
    """Runs on a pool thread: the report, the last quarters' trend and the reminders' counts."""
    from swdesk.reports import quarter

    report = quarter.build(periods.parse(period), progress)
    labels = [p.label for p in _quarters_before(period, TREND_QUARTERS)]
    trend = quarter.trend(labels)
    counts = reminders.counts(_dt.date.today())
    names = dict(reminders.KIND_LABELS)
    return DashboardData(report, trend, counts, names)


def _quarters_before(label: str, n: int) -> list[periods.Period]:
    """The n quarters ending with `label`, oldest first."""
    end = periods.parse(label).end
    return periods.last_quarters(n, end)


def table_widget(table: Table) -> QTableWidget:
    """A read-only table of a Table's display rows, sized to show every row."""
    display = table.display()
    widget = QTableWidget(len(display.rows), len(display.header))
    widget.setObjectName(f"table_{table.key}")
    widget.setHorizontalHeaderLabels(display.header)
    widget.verticalHeader().setVisible(False)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
    widget.setAlternatingRowColors(True)
    bold = QFont()
    bold.setBold(True)
    total_start = len(display.rows) - display.total_rows
    for r in range(len(display.rows)):
        for c in range(len(display.header)):
            item = QTableWidgetItem(display.text(r, c))
            if c > 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if r >= total_start:
                item.setFont(bold)
                item.setBackground(QBrush(QColor("#f2f2f2")))
            widget.setItem(r, c, item)
    header = widget.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    for c in range(1, len(display.header)):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
    height = widget.horizontalHeader().sizeHint().height() + 4
    height += sum(widget.rowHeight(r) for r in range(len(display.rows)))
    widget.setFixedHeight(height)
    widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return widget


def _chart_view(chart: QChart, height: int = 240) -> QChartView:
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(height)
    view.setMinimumWidth(320)
    view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return view


def structure_chart(table: Table) -> QChartView:
    """A pie (shares of a whole) or a column chart of one structure block."""
    chart = QChart()
    chart.setTitle(table.title)
    rows = [(row[0], row[1]) for row in table.rows]
    if table.chart == "pie":
        series = QPieSeries()
        total = sum(n for _, n in rows)
        for label, n in rows:
            share = n / total * 100 if total else 0.0
            pie_slice = series.append(f"{label} {share:.1f}%", n)
            pie_slice.setLabelVisible(False)
        chart.addSeries(series)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    else:
        bar_set = QBarSet(_tr("人数"))
        bar_set.append([float(n) for _, n in rows])
        bar_set.setLabelColor(QColor("#222222"))
        series = QBarSeries()
        series.append(bar_set)
        series.setLabelsVisible(True)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([label for label, _ in rows])
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        axis_y.setRange(0, max([n for _, n in rows] + [1]) * 1.15)
        axis_y.applyNiceNumbers()
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        chart.legend().setVisible(False)
    return _chart_view(chart)


def trend_chart(trend: list[tuple[str, float, int]]) -> QChartView:
    """Service hours (left axis) and hotline requests (right axis) over the last quarters."""
    chart = QChart()
    chart.setTitle(_tr("近四个季度趋势"))
    hours, requests = QLineSeries(), QLineSeries()
    hours.setName(_tr("服务时长（小时）"))
    requests.setName(_tr("热线求助（件）"))
    for i, (_label, h, n) in enumerate(trend):
        hours.append(i, h)
        requests.append(i, n)
    for series in (hours, requests):
        series.setPointsVisible(True)
        chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append([label for label, _h, _n in trend])
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    left, right = QValueAxis(), QValueAxis()
    left.setTitleText(_tr("小时"))
    right.setTitleText(_tr("件"))
    left.setLabelFormat("%.0f")
    right.setLabelFormat("%d")
    left.setRange(0, max([h for _l, h, _n in trend] + [1]) * 1.15)
    right.setRange(0, max([n for _l, _h, n in trend] + [1]) * 1.15)
    left.applyNiceNumbers()
    right.applyNiceNumbers()
    chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(right, Qt.AlignmentFlag.AlignRight)
    hours.attachAxis(axis_x)
    hours.attachAxis(left)
    requests.attachAxis(axis_x)
    requests.attachAxis(right)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return _chart_view(chart, 280)


def _block(table: Table, number: int) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    title = QLabel(f"<b>{number}. {table.title}</b>")
    layout.addWidget(title)
    layout.addWidget(table_widget(table))
    if table.note:
        note = QLabel(_tr("注：") + table.note)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
    return box


class ReportsTab(QWidget):
    """The 统计报表 tab."""

    def __init__(self, window=None):
        super().__init__()
        self.setObjectName("ReportsTab")
        self.window_ref = window
        self.data: DashboardData | None = None
        self._job = None
        self._pending = False
        self._stale = False
        layout = QVBoxLayout(self)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("统计期间：")))
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("period_combo")
        for p in reversed(periods.last_quarters(QUARTERS_OFFERED)):
            self.period_combo.addItem(self._period_text(p.label), p.label)
        bar.addWidget(self.period_combo)
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.clicked.connect(self.recompute)
        bar.addWidget(self.refresh_button)
        self.export_button = QPushButton(self.tr("导出季度报表…"))
        self.export_button.setObjectName("export_button")
        self.export_button.clicked.connect(self.export_workbook)
        bar.addWidget(self.export_button)
        bar.addStretch(1)
        self.reminders_label = QLabel()
        self.reminders_label.setObjectName("reminders_label")
        bar.addWidget(self.reminders_label)
        layout.addLayout(bar)

        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        layout.addWidget(self.status_label)
        self.pages = QTabWidget()
        self.pages.setObjectName("report_pages")
        self.page_areas: dict[str, QScrollArea] = {}
        for name in SHEETS:
            area = QScrollArea()
            area.setWidgetResizable(True)
            area.setObjectName(f"page_{name}")
            self.page_areas[name] = area
            self.pages.addTab(area, self.tr(name))
        layout.addWidget(self.pages, 1)
        self._restore_period()
        self.period_combo.currentIndexChanged.connect(lambda _i: self.recompute())
        self.recompute()

    def _restore_period(self) -> None:
        from ui.app import settings

        saved = settings().value("reports/period")
        index = self.period_combo.findData(saved) if saved else -1
        if index >= 0:
            self.period_combo.setCurrentIndex(index)

    @staticmethod
    def _period_text(label: str) -> str:
        year, q = label.split("Q")
        quarter = (_tr("第一季度"), _tr("第二季度"), _tr("第三季度"), _tr("第四季度"))[int(q) - 1]
        return _tr("{0}年{1}").format(year, quarter)

    def period(self) -> str:
        return self.period_combo.currentData()

    def set_period(self, label: str) -> None:
        index = self.period_combo.findData(label)
        if index < 0:
            self.period_combo.addItem(self._period_text(label), label)
            index = self.period_combo.count() - 1
        self.period_combo.setCurrentIndex(index)

    # --- computing -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """After a write elsewhere: recompute now if the tab is on screen, else when it shows."""
        if not self.isVisible() and self.data is not None:
            self._stale = True
            return
        self.recompute()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.recompute()

    def recompute(self) -> None:
        """Recompute in the background; a recompute asked for while one runs follows it."""
        if self._job is not None:
            self._pending = True
            return
        from ui.jobs import run_job

        period = self.period()
        self.status_label.setText(self.tr("正在统计…"))
        self.refresh_button.setEnabled(False)
        self._job = run_job(self, self.tr("正在统计…"), lambda progress: compute(period, progress),
                            on_done=self._show, on_error=self._failed, show_progress=False)

    def _finished(self) -> bool:
        """Clear the running job; True if another refresh was asked for meanwhile."""
        self._job = None
        self.refresh_button.setEnabled(True)
        if self._pending:
            self._pending = False
            self.recompute()
            return True
        return False

    def _failed(self, exc: BaseException) -> None:
        if self._finished():
            return
        self.status_label.setText(self.tr("统计失败：") + str(exc))
        from ui.app import show_error

        show_error(self, exc)

    def _show(self, data: DashboardData) -> None:
        if self._finished():
            return
        self.data = data
        report = data.report
        self.status_label.setText(
            self.tr("{office}　{period}　在册 {n} 人　（统计于 {time}）").format(
                office=report.office, period=self._period_text(report.period.label),
                n=sum(report.table("structure.sector").as_dict().values()),
                time=_dt.datetime.now().strftime("%H:%M")))
        self._show_reminders(data)
        for name in SHEETS:
            self.page_areas[name].setWidget(self._page(name, data))

    def _show_reminders(self, data: DashboardData) -> None:
        if data.reminders is None:
            self.reminders_label.setText("")
            return
        parts = [f"{self.tr(data.reminder_labels.get(k, k))} {n}" for k, n in data.reminders.items()]
        self.reminders_label.setText(self.tr("待办提醒：") + "　".join(parts))

    def _page(self, sheet: str, data: DashboardData) -> QWidget:
        """队伍结构: each block with its chart beside it. 服务开展 (under the trend chart) and
        需求缺口: narrow blocks two a row. The hotline and training sheets: one block a row."""
        page = QWidget()
        grid = QGridLayout(page)
        top = Qt.AlignmentFlag.AlignTop
        row = 0
        if sheet == "服务开展":
            grid.addWidget(trend_chart(data.trend), 0, 0, 1, 2)
            row = 1
        two_a_row = sheet in ("服务开展", "需求缺口")
        for i, table in enumerate(data.report.tables_on(sheet)):
            if sheet == "队伍结构":
                grid.addWidget(_block(table, i + 1), row + i, 0, top)
                grid.addWidget(structure_chart(table), row + i, 1, top)
            elif two_a_row:
                grid.addWidget(_block(table, i + 1), row + i // 2, i % 2, top)
            else:
                grid.addWidget(_block(table, i + 1), row + i, 0, 1, 2, top)
        grid.setRowStretch(grid.rowCount(), 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return page

    # --- actions --------------------------------------------------------------------------------
    def export_workbook(self) -> None:
        from ui.dialogs import quarter

        quarter.export_quarter(self.window_ref or self, period=periods.parse(self.period()))

    def save_state(self) -> None:
        from ui.app import settings

        settings().setValue("reports/period", self.period())

    def table_texts(self, key: str) -> list[list[str]]:
        """What a dashboard table shows (for checks): its cells' texts, row by row."""
        widget = self.findChild(QTableWidget, f"table_{key}")
        return [[widget.item(r, c).text() for c in range(widget.columnCount())]
                for r in range(widget.rowCount())]
