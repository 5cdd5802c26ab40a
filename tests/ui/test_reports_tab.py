"""The 统计报表 tab and the demand plan dialog on real widgets."""
from __future__ import annotations

from conftest import load_quarter_factory
from PySide6.QtCharts import QChartView
from PySide6.QtWidgets import QTableWidget

from swdesk import periods
from swdesk.reports import quarter
from swdesk.services import demand

qf = load_quarter_factory()


def _open_tab(qtbot, period=qf.PERIOD):
    from ui.tabs.reports import ReportsTab

    tab = ReportsTab(None)
    qtbot.addWidget(tab)
    tab.set_period(period)
    qtbot.waitUntil(lambda: tab._job is None and tab.data is not None
                    and tab.data.report.period.label == period, timeout=20000)
    return tab


def test_dashboard_shows_the_workbook_numbers(qtbot, db):
    office = qf.make_office("甲街道", "000001")
    street = qf.random_workers(office, 30, seed=31)
    qf.add_services(street, seed=31)
    tab = _open_tab(qtbot)
    report = quarter.build(periods.parse(qf.PERIOD))
    for table in report.tables:
        display = table.display()
        expected = [[display.text(r, c) for c in range(len(display.header))]
                    for r in range(len(display.rows))]
        assert tab.table_texts(table.key) == expected, table.key
    sector = tab.table_texts("structure.sector")
    assert sector[-1][:2] == ["合计", str(len(street.active))]
    assert sector[-1][2] == "100.0%"
    assert len(tab.findChildren(QChartView)) == 8 + 1   # a chart per structure block + the trend
    assert [tab.pages.tabText(i) for i in range(tab.pages.count())] == [
        "队伍结构", "服务开展", "服务热线", "培训", "需求缺口", "持证与继续教育", "星级志愿者"]
    assert "甲街道" in tab.status_label.text()
    assert tab.data.trend[-1][0] == qf.PERIOD and len(tab.data.trend) == 4
    assert tab.reminders_label.text().startswith("待办提醒")


def test_changing_the_period_recomputes(qtbot, db):
    office = qf.make_office("甲街道", "000001")
    qf.add_services(qf.random_workers(office, 20, seed=32), seed=32)
    tab = _open_tab(qtbot)
    q4 = tab.table_texts("services.mentoring")[1][1]
    tab.set_period("2025Q4")
    qtbot.waitUntil(lambda: tab._job is None and tab.data.report.period.label == "2025Q4", timeout=20000)
    assert tab.table_texts("services.mentoring")[1][1] != q4 or q4 == "0"
    assert tab.findChild(QTableWidget, "table_structure.sector") is not None


def test_demand_dialog_saves_every_dimension(qtbot, db, office):
    from ui.dialogs.demand import DemandPlanDialog

    demand.set_targets("title", {"高级": 3})
    dialog = DemandPlanDialog()
    qtbot.addWidget(dialog)
    assert dialog.spins["title"]["高级"].value() == 3
    dialog.fill_report_example()
    dialog.spins["education"]["大专"].setValue(12)
    dialog.spins["title"]["高级"].setValue(0)
    dialog.save()
    assert demand.targets("specialty") == demand.REPORT_PLAN["specialty"]
    assert demand.targets("education") == {"大专": 12}
    assert demand.targets("title") == {}


def test_a_write_elsewhere_recomputes_when_the_tab_shows(qtbot, db):
    office = qf.make_office("甲街道", "000001")
    qf.make_worker(office, 1)
    tab = _open_tab(qtbot)
    assert tab.table_texts("structure.sector")[-1][1] == "1"
    qf.make_worker(office, 2)
    tab.refresh()                      # hidden: only marked stale
    assert tab._stale and tab._job is None
    tab.show()
    qtbot.waitUntil(lambda: tab._job is None and tab.table_texts("structure.sector")[-1][1] == "2",
                    timeout=20000)


def test_export_and_merge_dialogs_run_in_the_background(qtbot, db, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

    from ui.dialogs import quarter as dialogs

    office = qf.make_office("甲街道", "000001")
    qf.make_worker(office, 1)
    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    out = tmp_path / "street"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialogs.export_quarter(parent, period=periods.parse(qf.PERIOD))
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=20000)
    street = tmp_path / "street.xlsx"
    assert street.exists() and "2026Q4" in shown[0]

    district = tmp_path / "district.xlsx"
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(street)], ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(district), ""))
    dialogs.merge_quarter(parent)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=20000)
    assert district.exists() and "甲街道" in shown[1]
