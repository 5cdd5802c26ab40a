"""服务热线 tab: log a request through the dialog, assign the top suggestion, complete and follow
it up through the real dialogs; the list masks the phone and highlights overdue requests."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from swdesk.models import Community, HotlineRequest, ServiceHours, Worker, WorkerSpecialty
from swdesk.services import hotline
from swdesk.services.base import default_office


@pytest.fixture
def window(db, qtbot):
    from ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    return win


def make_worker(name, community, specialty=None, party=False):
    worker = Worker.create(office=default_office(), name=name, gender="男", birth_date=dt.date(1980, 1, 1),
                           sector="企业", education="大专", title="无", community=community,
                           political_status="中共党员" if party else "群众")
    if specialty:
        WorkerSpecialty.create(worker=worker, specialty=specialty)
    return worker


def when_dialog_opens(qtbot, action):
    """Run `action(dialog)` once the modal dialog that is about to open is shown."""
    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        action(dialog)

    QTimer.singleShot(0, poll)


def test_log_assign_complete_follow_up(window, qtbot):
    east = Community.create(office=default_office(), name="东街社区")
    west = Community.create(office=default_office(), name="西街社区")
    make_worker("远律师", west, "法律援助")
    best = make_worker("王律师", east, "法律援助", party=True)
    make_worker("普通志愿者", east)
    window.show()                 # clicked below: the buttons have their size once laid out
    tab = window.switch_to("hotline")
    assert tab.model.rowCount() == 0

    def fill_request(dialog):
        dialog.name.setText("林秀英")
        qtbot.keyClicks(dialog.phone, "13812345678")
        dialog.community.setCurrentIndex(dialog.community.findText("东街社区"))
        dialog.category.setCurrentText("法律")
        dialog.text.setPlainText("邻里纠纷，想咨询法律援助")
        dialog.buttons.accepted.emit()

    when_dialog_opens(qtbot, fill_request)
    tab.new_request()
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, 6).data() == "138****5678"
    assert tab.current is not None and tab.current.status == "待分派"
    assert "13812345678" in tab.detail.text()
    assert not tab.flow_buttons["complete"].isEnabled() and not tab.flow_buttons["follow_up"].isEnabled()

    top = tab.suggestion_model.row_at(0)
    assert top.worker_id == best.id and "同社区" in top.reasons
    assert "专业特长：法律援助" in tab.suggestion_model.index(0, 3).data()
    tab.suggestions.selectRow(0)
    qtbot.mouseClick(tab.assign_button, Qt.MouseButton.LeftButton)
    request_id = tab.current.id
    assert tab.current.status == "已分派" and tab.current.workers == [(best.id, "王律师")]
    assert tab.flow_buttons["complete"].isEnabled()

    def fill_complete(dialog):
        dialog.minutes.setValue(90)
        dialog.note.setPlainText("上门调解，双方达成协议")
        dialog.buttons.accepted.emit()

    when_dialog_opens(qtbot, fill_complete)
    tab.flow_buttons["complete"].click()
    assert tab.current.status == "已完成"
    assert [(h.worker_id, h.minutes) for h in ServiceHours.select()] == [(best.id, 90)]
    assert tab.flow_buttons["follow_up"].isEnabled() and not tab.flow_buttons["refer"].isEnabled()

    def fill_follow_up(dialog):
        dialog.satisfaction.setCurrentText("满意")
        dialog.note.setPlainText("居民表示感谢")
        dialog.buttons.accepted.emit()

    when_dialog_opens(qtbot, fill_follow_up)
    tab.flow_buttons["follow_up"].click()
    saved = HotlineRequest.get_by_id(request_id)
    assert (saved.status, saved.satisfaction) == ("已回访", "满意")
    assert "已回访" in tab.detail.text() and tab.suggestion_model.rowCount() == 0


def test_dialog_shows_every_problem_and_writes_nothing(window, qtbot):
    from ui.dialogs.hotline import RequestDialog

    tab = window.switch_to("hotline")
    dialog = RequestDialog(tab)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.phone, "abc")
    dialog.accept()
    assert dialog.isVisible() or dialog.result() == 0
    assert dialog.errors["resident_name"].text() and dialog.errors["phone"].text()
    assert dialog.errors["text"].text()
    assert HotlineRequest.select().count() == 0


def test_overdue_request_is_highlighted_and_reachable_from_reminder(window, qtbot):
    received = dt.datetime.now().replace(microsecond=0) - dt.timedelta(days=3)
    late = hotline.log_request(dict(received_at=received, resident_name="陈阿姨", category="生活",
                                    text="家中水管漏水无人维修"))
    tab = window.switch_to("hotline")
    tab.period.setCurrentIndex(0)
    row = tab.model.find(late.id)
    assert tab.model.index(row, 1).data() == "待分派（超时）"
    assert tab.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    tab.status.setCurrentText("已完成")
    assert tab.model.rowCount() == 0
    window.switch_to("hotline", late.id)
    assert tab.current.id == late.id and "已超时" in tab.detail.text()


def test_export_through_background_job(window, qtbot, tmp_path):
    from openpyxl import load_workbook

    from ui import jobs

    hotline.log_request(dict(resident_name="林秀英", category="医疗", text="需要上门测血压"))
    tab = window.switch_to("hotline")
    out = tmp_path / "热线.xlsx"
    tab.start_export(tab.export_period(), str(out))
    qtbot.waitUntil(lambda: out.exists() and not jobs._running, timeout=10000)
    assert load_workbook(out)["热线工单"]["D2"].value == "林秀英"
    qtbot.waitUntil(lambda: "已导出" in window.statusBar().currentMessage(), timeout=5000)


def test_office_edits_the_matching_rules(window, qtbot):
    from ui.dialogs.hotline import SpecialtyMapDialog

    tab = window.switch_to("hotline")
    dialog = SpecialtyMapDialog(tab)
    qtbot.addWidget(dialog)
    assert dialog.checks["法律"]["法律援助"].isChecked() and not dialog.checks["法律"]["心理疏导"].isChecked()
    dialog.checks["法律"]["心理疏导"].setChecked(True)
    dialog.checks["法律"]["司法矫治"].setChecked(False)
    dialog.accept()
    assert hotline.specialty_map()["法律"] == ["心理疏导", "法律援助"]


def test_read_only_operator_gets_no_write_buttons(window, qtbot):
    from swdesk.services.base import Session, set_session

    hotline.log_request(dict(resident_name="林秀英", category="医疗", text="需要上门测血压"))
    set_session(Session(role="只读"))
    tab = window.switch_to("hotline")
    assert tab.current is not None and tab.current.status == "待分派"
    assert not any(b.isEnabled() for b in tab.flow_buttons.values())
    assert not tab.new_button.isEnabled() and not tab.assign_button.isEnabled()
    training_tab = window.switch_to("training")
    assert not training_tab.buttons["new"].isEnabled()


def test_finished_request_detail_scrolls_and_the_list_opens_by_double_click_and_enter(window, qtbot):
    """A request after completion and follow-up has more lines than the pane at 1024×768: the
    detail scrolls down to 满意度; double-click and Enter on an open request open its form."""
    east = Community.create(office=default_office(), name="东街社区")
    worker = make_worker("王律师", east, "法律援助")
    now = dt.datetime.now().replace(second=0, microsecond=0) - dt.timedelta(hours=2)
    done = hotline.log_request(dict(received_at=now, resident_name="陈阿姨", category="生活",
                                    text="家中水管漏水无人维修，" * 8, community=east.id))
    hotline.assign(done.id, [worker.id], version=1)
    hotline.complete(done.id, 95, "上门更换水管，检查了厨房和卫生间的全部管道。" * 30, version=2)
    hotline.follow_up(done.id, dt.date.today(), "满意", "居民表示感谢，水管再没有漏水。" * 4, version=3)
    waiting = hotline.log_request(dict(received_at=now, resident_name="林秀英", category="法律",
                                       text="邻里纠纷"))
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    tab = window.switch_to("hotline")
    tab.period.setCurrentIndex(0)
    tab.table.selectRow(tab.model.find(done.id))
    qtbot.wait(50)
    assert "满意" in tab.detail.text() and "95" in tab.detail.text()
    bar = tab.detail_scroll.verticalScrollBar()
    assert bar.maximum() > 0                                   # taller than the pane: it scrolls
    bar.setValue(bar.maximum())
    assert bar.value() == bar.maximum()

    opened = []
    when_dialog_opens(qtbot, lambda dialog: (opened.append(dialog.windowTitle()), dialog.reject()))
    row = tab.model.find(waiting.id)
    rect = tab.table.visualRect(tab.model.index(row, 1))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == ["修改热线工单"]
    when_dialog_opens(qtbot, lambda dialog: (opened.append(dialog.windowTitle()), dialog.reject()))
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert opened == ["修改热线工单", "修改热线工单"]
    tab.table.selectRow(tab.model.find(done.id))
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)               # a finished request: no form, the detail
    assert len(opened) == 2 and window.focusWidget() is tab.detail_scroll


@pytest.mark.parametrize("width", [1366, 1024])
def test_detail_shows_every_field_on_a_768_px_screen(window, qtbot, width):
    """A laptop's 1366 × 768 (or 1024 × 768) less taskbar and title bar leaves the window 700 px:
    a request followed up, with long notes, shows all its lines and its buttons without scrolling;
    one waiting to be assigned shows its whole text and still about four suggested people."""
    east = Community.create(office=default_office(), name="东街社区")
    for n in range(6):
        make_worker(f"社工{n}", east, "法律援助")
    note = "上门调解两次，双方达成书面协议，居委会见证并存档备查"
    done = hotline.log_request(dict(resident_name="林秀英", phone="13812345678", community=east.id,
                                    category="法律", text="邻里纠纷，想咨询法律援助；" * 3,
                                    preferred_time="工作日上午"))
    worker = Worker.get(Worker.name == "社工0")
    hotline.assign(done.id, [worker.id])
    hotline.complete(done.id, 90, note)
    hotline.follow_up(done.id, dt.date.today(), "满意", "居民表示感谢，问题已解决，希望以后继续得到帮助")
    waiting = hotline.log_request(dict(resident_name="陈阿姨", community=east.id, category="法律",
                                       text="家中老人遗产分配需要法律咨询", preferred_time="周末"))
    window.showNormal()
    window.resize(width, 700)
    tab = window.switch_to("hotline")
    qtbot.waitExposed(window)
    assert (window.width(), window.height()) == (width, 700)

    def fully_shown():
        viewport = tab.detail_scroll.viewport()
        return (tab.detail.heightForWidth(viewport.width()) <= viewport.height()
                and tab.detail_scroll.verticalScrollBar().maximum() == 0)

    for request in (done, waiting):
        window.switch_to("hotline", request.id)
        qtbot.waitUntil(fully_shown, timeout=3000)
        for button in tab.flow_buttons.values():
            assert button.isVisible()
            bottom = button.mapTo(window, button.rect().bottomLeft()).y()
            assert bottom <= window.centralWidget().geometry().bottom()
    assert tab.suggestion_group.isVisible() and tab.suggestion_model.rowCount() == 6
    rows_in_view = tab.suggestions.viewport().height() // tab.suggestions.rowHeight(0)
    assert rows_in_view >= 3
    window.switch_to("hotline", done.id)
    assert not tab.suggestion_group.isVisible()       # nobody to suggest: the detail has the pane
