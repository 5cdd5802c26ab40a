"""人才队伍 tab, driven like a clerk: search as you type, filters, the worker dialog (fix a bad ID,
photo, conflicts), import with a report, export of the current view, 离队, keyboard."""
from __future__ import annotations

import datetime as _dt
import io

import pytest
from PIL import Image
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from swdesk import idcard, vocab
from swdesk.models import Community, Worker, WorkerPhoto
from swdesk.services import workers
from swdesk.services.base import default_office

TODAY = _dt.date.today()


@pytest.fixture
def window(db, qtbot):
    from ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    yield win
    tab = win.tab("roster")
    tab.model.wait()


@pytest.fixture
def staff(db):
    office = default_office()
    east = Community.create(office=office, name="东街社区")
    Community.create(office=office, name="西街社区")
    people = {}
    for seq, (name, sector, specs, phone) in enumerate([
        ("张三", "企业", ["法律援助"], "13800001234"),
        ("张晓明", "事业单位", ["心理疏导"], "13911112222"),
        ("章子怡", "企业", ["医疗卫生"], "13700005678"),
        ("李四", "党政机关", ["法律援助"], ""),
        ("王喆", "民间组织", ["慈善救济"], "15000009999"),
    ]):
        birth = _dt.date(1970 + seq * 5, 3, 1 + seq)
        people[name] = workers.create({
            "name": name, "id_number": idcard.make("350502", birth, 11 + seq * 2), "phone": phone,
            "sector": sector, "education": "大专", "title": "初级", "specialties": specs,
            "community": east.id,
        })
    return people


def shown_names(tab) -> list[str]:
    model = tab.model
    column = 1
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def wait_loaded(qtbot, tab):
    qtbot.waitUntil(lambda: not tab.model.is_loading() and not tab._timer.isActive(), timeout=5000)


def when_dialog_opens(action):
    """Run `action(dialog)` once the modal dialog that is about to open is shown."""
    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        action(dialog)

    QTimer.singleShot(0, poll)


def test_type_a_search_and_see_filtered_rows(staff, window, qtbot):
    tab = window.switch_to("roster")
    tab.refresh()
    wait_loaded(qtbot, tab)
    assert len(shown_names(tab)) == 5
    assert tab.count_label.text() == "共 5 人 / 筛选 5 人"
    qtbot.keyClicks(tab.search, "zhang")
    assert tab._timer.isActive()          # debounced: nothing queried on the keystroke itself
    wait_loaded(qtbot, tab)
    assert set(shown_names(tab)) == {"张三", "张晓明", "章子怡"}
    assert tab.count_label.text() == "共 5 人 / 筛选 3 人"
    tab.set_filter("sector", "企业")
    wait_loaded(qtbot, tab)
    assert set(shown_names(tab)) == {"张三", "章子怡"}
    tab.set_filter("specialty", "医疗卫生")
    wait_loaded(qtbot, tab)
    assert shown_names(tab) == ["章子怡"]
    # Esc clears the search; the filters stay.
    tab.search.setFocus()
    qtbot.keyClick(tab.search, Qt.Key.Key_Escape)
    wait_loaded(qtbot, tab)
    assert tab.search.text() == "" and shown_names(tab) == ["章子怡"]
    tab.clear_filters()
    wait_loaded(qtbot, tab)
    assert len(shown_names(tab)) == 5
    # 4 digits of a phone number.
    qtbot.keyClicks(tab.search, "9999")
    wait_loaded(qtbot, tab)
    assert shown_names(tab) == ["王喆"]


def test_stale_search_results_are_dropped(staff, window, qtbot):
    tab = window.switch_to("roster")
    wait_loaded(qtbot, tab)
    from swdesk.services import search

    tab.model.set_view(search.View(text="zhang"))
    tab.model.set_view(search.View(text="wangz"))   # typed on before the first answer came
    wait_loaded(qtbot, tab)
    tab.model.wait()
    QApplication.processEvents()
    assert shown_names(tab) == ["王喆"]


def test_sort_by_header_click_in_sql(staff, window, qtbot):
    tab = window.switch_to("roster")
    wait_loaded(qtbot, tab)
    header = tab.table.horizontalHeader()
    header.setSortIndicator(3, Qt.SortOrder.DescendingOrder)      # 年龄, oldest first
    wait_loaded(qtbot, tab)
    assert shown_names(tab)[0] == "张三"
    header.setSortIndicator(3, Qt.SortOrder.AscendingOrder)
    wait_loaded(qtbot, tab)
    assert shown_names(tab)[0] == "王喆"
    assert tab.current_view().sort == "age"


def test_column_order_and_widths_are_remembered(staff, window, qtbot):
    tab = window.switch_to("roster")
    header = tab.table.horizontalHeader()
    header.resizeSection(1, 173)
    header.moveSection(1, 4)
    tab.save_state()
    from ui.tabs.roster import RosterTab

    again = RosterTab(None)
    qtbot.addWidget(again)
    assert again.table.horizontalHeader().sectionSize(1) == 173
    assert again.table.horizontalHeader().visualIndex(1) == 4
    again.model.wait()


def test_street_column_stands_after_the_name_and_a_clerks_order_is_kept(staff, window, qtbot):
    from swdesk.services import search
    from ui.app import settings
    from ui.tabs import roster

    name, street, phone = (search.COLUMN_KEYS.index(k) for k in ("name", "street", "phone"))

    def reopened():
        again = roster.RosterTab(None)
        qtbot.addWidget(again)
        again.model.wait()
        return again

    settings().remove(roster.SETTINGS_HEADER)      # a first start (one settings store per process)
    tab = reopened()
    header = tab.table.horizontalHeader()
    assert header.visualIndex(street) == header.visualIndex(name) + 1

    # A header remembered before (街道 last, layout 1): the column moves once, widths stay.
    header.moveSection(header.visualIndex(street), header.count() - 1)
    header.resizeSection(phone, 171)
    settings().setValue(roster.SETTINGS_HEADER, header.saveState())
    settings().remove(roster.SETTINGS_LAYOUT)
    old = reopened().table.horizontalHeader()
    assert old.visualIndex(street) == old.visualIndex(name) + 1
    assert old.sectionSize(phone) == 171
    # The clerk puts it last again: remembered as the clerk left it.
    tab.save_state()
    assert reopened().table.horizontalHeader().visualIndex(street) == header.count() - 1


def test_keyboard_ctrl_f_and_enter_opens(staff, window, qtbot):
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    tab = window.switch_to("roster")
    wait_loaded(qtbot, tab)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.search.hasFocus()
    qtbot.keyClicks(tab.search, "zxm")
    wait_loaded(qtbot, tab)
    opened = []

    def check(dialog):
        opened.append(dialog.fields["name"].text())
        dialog.reject()

    when_dialog_opens(check)
    qtbot.keyClick(tab.search, Qt.Key.Key_Down)
    assert tab.table.hasFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert opened == ["张晓明"]


def test_open_a_worker_fix_a_bad_id_and_save(staff, window, qtbot):
    from ui.dialogs.worker import WorkerDialog

    tab = window.switch_to("roster")
    wait_loaded(qtbot, tab)
    worker = staff["李四"]
    dialog = WorkerDialog(tab, worker.id)
    qtbot.addWidget(dialog)
    dialog.saved.connect(tab._changed)
    assert dialog.problems_shown_now() == {}
    # A typo in the check digit and a bad phone: both shown beside their fields.
    bad = worker.id_number[:17] + ("0" if worker.id_number[17] != "0" else "1")
    dialog.fields["id_number"].setText(bad)
    dialog.fields["phone"].setText("1380000")
    dialog.validate_now()
    assert "校验位" in dialog.errors["id_number"].text()
    assert "11位" in dialog.errors["phone"].text()
    # Typing a valid ID fills birth date and gender and shows the age band.
    good = idcard.make("350502", _dt.date(1990, 7, 15), 124)     # even: 女
    dialog.fields["id_number"].setText(good)
    dialog.fields["phone"].setText("13800009876")
    dialog.validate_now()
    assert dialog.fields["birth_date"].text() == "1990-07-15"
    assert dialog.fields["gender"].currentText() == "女"
    assert vocab.age_band(_dt.date(1990, 7, 15), TODAY) in dialog.id_info.text()
    assert dialog.problems_shown_now() == {}
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    qtbot.keyClick(dialog.fields["phone"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)    # Ctrl+S
    saved = Worker.get_by_id(worker.id)
    assert saved.id_number == good and saved.phone == "13800009876" and saved.gender == "女"
    wait_loaded(qtbot, tab)
    qtbot.keyClicks(tab.search, "9876")
    wait_loaded(qtbot, tab)
    assert shown_names(tab) == ["李四"]


def test_new_worker_with_photo_gets_card_number(staff, window, qtbot, tmp_path):
    from ui.dialogs.worker import WorkerDialog

    tab = window.switch_to("roster")
    dialog = WorkerDialog(tab, None)
    qtbot.addWidget(dialog)
    assert dialog.problems_shown_now() == {}           # nothing red before anything is typed
    assert dialog.card_label.text() == "保存时自动分配"
    not_image = tmp_path / "照片.txt"
    not_image.write_text("hello", encoding="utf-8")
    assert dialog.use_photo_source(str(not_image), crop_interactively=False) is False
    assert "不是可识别的图片" in dialog.photo_error.text()
    picture = tmp_path / "p.jpg"
    Image.new("RGB", (800, 1000), (40, 90, 160)).save(picture, "JPEG")
    assert dialog.use_photo_source(str(picture), crop_interactively=False) is True
    assert not dialog.photo_label.pixmap().isNull()
    dialog.fields["name"].setText("欧阳玥")
    dialog.fields["id_number"].setText(idcard.make("350502", _dt.date(1995, 2, 3), 55))
    for key, value in (("sector", "民间组织"), ("education", "本科及以上"), ("title", "中级")):
        combo = dialog.fields[key]
        combo.setCurrentIndex(combo.findData(value))
    dialog.specialty_checks["心理疏导"].setChecked(True)
    assert dialog.validate_now() == {}
    assert dialog.save() is True
    worker = Worker.get(Worker.name == "欧阳玥")
    assert worker.card_no and worker.card_issued_on == TODAY and worker.specialties == "心理疏导"
    data = WorkerPhoto.get(WorkerPhoto.worker == worker.id).data
    with Image.open(io.BytesIO(bytes(data))) as photo:
        assert photo.format == "JPEG" and photo.size == (295, 413)


def test_a_photo_that_fails_leaves_no_worker_and_save_again_adds_one(staff, window, qtbot, tmp_path):
    """The worker and the photo are one save: the photo failing must not leave a worker behind
    that a second 保存 would then add again."""
    from ui.dialogs.worker import WorkerDialog

    dialog = WorkerDialog(window.switch_to("roster"), None)
    qtbot.addWidget(dialog)
    dialog.fields["name"].setText("林堃")
    dialog.fields["id_number"].setText(idcard.make("350502", _dt.date(1992, 8, 9), 31))
    for key, value in (("sector", "企业"), ("education", "大专"), ("title", "初级")):
        dialog.fields[key].setCurrentIndex(dialog.fields[key].findData(value))
    dialog.validate_now()
    # A photo the photo service refuses as damaged (what a truncated clipboard image gives).
    dialog._photo_change = b"\xff\xd8\xff\xe0 truncated"
    told = []
    when_dialog_opens(lambda box: (told.append(box.text()), box.accept()))
    assert dialog.save() is False
    assert told == ["照片数据已损坏"]
    assert Worker.select().where(Worker.name == "林堃").count() == 0
    picture = tmp_path / "p.jpg"
    Image.new("RGB", (800, 1000), (40, 90, 160)).save(picture, "JPEG")
    assert dialog.use_photo_source(str(picture), crop_interactively=False) is True
    assert dialog.save() is True                     # the same form, 保存 again
    [worker] = Worker.select().where(Worker.name == "林堃")
    assert WorkerPhoto.select().where(WorkerPhoto.worker == worker.id).count() == 1


def test_second_save_is_told_what_changed(staff, window, qtbot):
    from ui.dialogs.worker import WorkerDialog

    tab = window.switch_to("roster")
    worker = staff["王喆"]
    dialog = WorkerDialog(tab, worker.id)
    qtbot.addWidget(dialog)
    # Another window saves first.
    workers.update(worker.id, {"phone": "13600001111"}, worker.version)
    dialog.fields["employer"].setText("区福利院")
    seen = []

    def answer(box):
        seen.append(box.informativeText())
        reload = next(b for b in box.buttons() if b.text() == "重新载入")
        reload.click()

    when_dialog_opens(answer)
    assert dialog.save() is False
    assert "手机号码" in seen[0] and "13600001111" in seen[0]
    assert dialog.fields["phone"].text() == "13600001111"       # reloaded
    assert dialog.fields["employer"].text() == ""
    assert Worker.get_by_id(worker.id).employer == ""             # nothing overwritten


def test_deactivate_and_see_the_status(staff, window, qtbot):
    tab = window.switch_to("roster")
    wait_loaded(qtbot, tab)
    worker = staff["张晓明"]

    def fill(dialog):
        dialog.reason.setText("工作调动")
        dialog.accept()

    when_dialog_opens(fill)
    tab.deactivate_or_restore(worker.id)
    wait_loaded(qtbot, tab)
    row = next(r for r in range(tab.model.rowCount()) if tab.model.worker_id(r) == worker.id)
    assert tab.model.data(tab.model.index(row, 11)) == "离队"
    saved = Worker.get_by_id(worker.id)
    assert saved.status == "离队" and saved.left_reason == "工作调动" and saved.left_on == TODAY
    tab.set_filter("status", "离队")
    wait_loaded(qtbot, tab)
    assert shown_names(tab) == ["张晓明"]
    # And back: 恢复在册 asks for confirmation.
    when_dialog_opens(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    tab.deactivate_or_restore(worker.id)
    wait_loaded(qtbot, tab)
    assert shown_names(tab) == []
    assert Worker.get_by_id(worker.id).status == "在册"


def test_delete_needs_reason_and_confirmation(staff, window, qtbot):
    from swdesk.models import AuditLog

    tab = window.switch_to("roster")
    worker = staff["章子怡"]

    def give_reason(dialog):
        dialog.setTextValue("重复录入")
        when_dialog_opens(lambda box: box.button(QMessageBox.StandardButton.No).click())
        dialog.accept()

    when_dialog_opens(give_reason)
    tab.delete_worker(worker.id)
    assert Worker.get_or_none(Worker.id == worker.id) is not None     # said No

    def give_reason_yes(dialog):
        dialog.setTextValue("重复录入")
        when_dialog_opens(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
        dialog.accept()

    when_dialog_opens(give_reason_yes)
    tab.delete_worker(worker.id)
    assert Worker.get_or_none(Worker.id == worker.id) is None
    assert AuditLog.select().where((AuditLog.action == "delete") & (AuditLog.table == "worker")).count() == 1


def _roster_file(path, rows):
    from openpyxl import Workbook

    from swdesk.xlsx import roster as roster_xlsx

    wb = Workbook()
    ws = wb.active
    ws.append(list(roster_xlsx.HEADERS))
    for row in rows:
        ws.append([row.get(h, "") for h in roster_xlsx.HEADERS])
    wb.save(path)
    return str(path)


def test_import_a_file_with_bad_rows_and_see_the_report(staff, window, qtbot, tmp_path):
    from ui.dialogs.import_roster import ImportRosterDialog

    good_id = idcard.make("350502", _dt.date(1988, 8, 8), 77)
    path = _roster_file(tmp_path / "名单.xlsx", [
        {"姓名": "钱多多", "身份证号": good_id, "所属领域": "企业", "学历": "大专", "职称": "无"},
        {"姓名": "孙坏坏", "身份证号": good_id[:17] + ("1" if good_id[17] != "1" else "2"),
         "所属领域": "企业", "学历": "大专", "职称": "无"},
        {"姓名": "周错错", "身份证号": idcard.make("350502", _dt.date(1979, 1, 9), 33), "所属领域": "外企",
         "学历": "大专", "职称": "无"},
    ])
    tab = window.switch_to("roster")
    imported = []
    dialog = ImportRosterDialog(tab, on_imported=lambda: imported.append(True))
    qtbot.addWidget(dialog)
    dialog.check_file(path)
    qtbot.waitUntil(lambda: dialog.path is not None, timeout=10000)
    report = dialog.report
    lines = [(report.item(r, 0).text(), report.item(r, 1).text(), report.item(r, 2).text())
             for r in range(report.rowCount())]
    assert ("3", "身份证号") in [(a, b) for a, b, _ in lines]
    assert ("4", "所属领域") in [(a, b) for a, b, _ in lines]
    assert Worker.select().count() == 5                        # nothing written yet
    assert not dialog.import_all_button.isEnabled()
    assert dialog.import_good_button.isEnabled()
    dialog.import_good_button.click()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=10000)
    assert dialog.imported == 1 and imported == [True]
    assert Worker.select().count() == 6
    assert Worker.get(Worker.name == "钱多多").card_no
    wait_loaded(qtbot, tab)
    qtbot.keyClicks(tab.search, "qdd")
    wait_loaded(qtbot, tab)
    assert shown_names(tab) == ["钱多多"]


def test_import_of_a_clean_file_enables_import_all(staff, window, qtbot, tmp_path):
    from ui.dialogs.import_roster import ImportRosterDialog

    path = _roster_file(tmp_path / "ok.xlsx", [
        {"姓名": "赵一", "性别": "男", "出生日期": "1980-01-02", "所属领域": "企业", "学历": "大专", "职称": "无"},
    ])
    dialog = ImportRosterDialog(window, path=path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.path is not None, timeout=10000)
    assert dialog.report.rowCount() == 0
    assert dialog.import_all_button.isEnabled() and not dialog.import_good_button.isEnabled()
    dialog.import_all_button.click()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=10000)
    assert Worker.select().where(Worker.name == "赵一").count() == 1


def test_export_the_current_view_with_masked_ids(staff, window, qtbot, tmp_path):
    from openpyxl import load_workbook

    from ui.dialogs.export_roster import describe_view, start_export

    tab = window.switch_to("roster")
    qtbot.keyClicks(tab.search, "zhang")
    tab.set_filter("sector", "企业")
    wait_loaded(qtbot, tab)
    view = tab.current_view()
    assert describe_view(view) == "搜索“zhang”；所属领域：企业"
    out = tmp_path / "view.xlsx"
    done = []
    start_export(tab, view, str(out), on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    assert [r.count for r in done] == [2]
    sheet = load_workbook(out, read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "姓名"
    assert {r[0] for r in rows[1:]} == {"张三", "章子怡"}
    assert all("********" in r[2] for r in rows[1:])


def test_context_menu_has_the_clerks_actions(staff, window, qtbot):
    tab = window.switch_to("roster")
    wait_loaded(qtbot, tab)
    rect = tab.table.visualRect(tab.model.index(0, 1))
    tab._context_menu(rect.center())
    texts = [a.text() for a in tab._menu.actions() if a.text()]
    tab._menu.close()
    for wanted in ("编辑…", "打印服务证…", "离队…", "复制身份证号"):
        assert wanted in texts
    tab.copy_id_number(staff["张三"].id)
    assert QApplication.clipboard().text() == staff["张三"].id_number


def test_card_number_format_from_settings_is_used(staff, window, qtbot):
    from swdesk.services import settings
    from ui.dialogs.settings import OfficeSettingsDialog, check_card_format

    assert check_card_format("{street}{year}") != ""            # no running number
    assert check_card_format("{street}-{seq}-{oops}") != ""
    dialog = OfficeSettingsDialog(window)
    qtbot.addWidget(dialog)
    dialog.fields["card_no_format"].setText("SG{year}{seq}")
    dialog.fields["card_no_seq_width"].setValue(4)
    assert dialog.preview.text().startswith(f"SG{TODAY.year}0017")
    dialog.fields["centre_name"].setText("")
    dialog.save()
    assert not dialog.errors["centre_name"].isHidden()            # the service's message, beside it
    dialog.fields["centre_name"].setText("东街街道社会工作服务中心")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert settings.get("card_no_format") == "SG{year}{seq}"
    worker = workers.create({"name": "新人", "gender": "女", "birth_date": _dt.date(1999, 9, 9),
                             "sector": "企业", "education": "大专", "title": "无"})
    # The running number continues the street's count for the year (never reused).
    assert worker.card_no == f"SG{TODAY.year}0006"


def test_worker_picker_finds_and_reports_a_worker(staff, qtbot):
    from ui.widgets.worker_picker import WorkerPicker

    picker = WorkerPicker()
    qtbot.addWidget(picker)
    picker.show()
    chosen = []
    picker.worker_chosen.connect(chosen.append)
    qtbot.keyClicks(picker.edit, "zxm")
    qtbot.waitUntil(lambda: picker.popup.count() > 0, timeout=3000)
    assert "张晓明" in picker.popup.item(0).text()
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert chosen == [staff["张晓明"].id] == [picker.selected_worker_id()]
    picker.set_worker_id(staff["王喆"].id)
    assert picker.edit.text().startswith("王喆")


def test_photo_pasted_from_the_clipboard_is_cropped(staff, window, qtbot):
    from PySide6.QtGui import QColor, QImage

    from ui.dialogs.worker import WorkerDialog

    dialog = WorkerDialog(window, staff["王喆"].id)
    qtbot.addWidget(dialog)
    QApplication.clipboard().clear()
    dialog.paste_photo()
    assert "剪贴板中没有图片" in dialog.photo_error.text()
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 30, 30))
    QApplication.clipboard().setImage(image)
    crops = []

    def accept_crop(crop_dialog):
        crops.append(crop_dialog.area.box())
        crop_dialog.accept()

    when_dialog_opens(accept_crop)
    dialog.paste_photo()
    assert crops and abs(crops[0].width / crops[0].height - 25 / 35) < 0.02
    assert dialog.save() is True
    data = WorkerPhoto.get(WorkerPhoto.worker == staff["王喆"].id).data
    with Image.open(io.BytesIO(bytes(data))) as photo:
        r, g, b = photo.convert("RGB").getpixel((100, 100))
        assert r > 150 and g < 80


def test_specific_searches_answer_at_once_and_broad_ones_in_the_background(staff, window, qtbot):
    """On SQLite a specific search (3+ letters, 4+ digits) is answered on the GUI thread within a
    2 ms limit, quicker than the search thread's hand-off; a broad one goes to the search thread,
    as does every search on PostgreSQL. Either way the rows are the same."""
    from swdesk import db as swdb
    from swdesk.services import search
    from ui.models import roster as roster_model

    tab = window.switch_to("roster")
    wait_loaded(qtbot, tab)
    model = tab.model
    model.set_view(search.View(text="zhang"))
    assert model.is_loading() is not swdb.is_sqlite()
    wait_loaded(qtbot, tab)
    assert set(shown_names(tab)) == {"张三", "张晓明", "章子怡"}
    assert tab.count_label.text() == "共 5 人 / 筛选 3 人"
    model.set_view(search.View(text="z"))              # may match many: the search thread
    assert model.is_loading()
    wait_loaded(qtbot, tab)
    assert set(shown_names(tab)) == {"张三", "张晓明", "章子怡"}
    model.quick_limit = 0                               # switched off: always the search thread
    model.set_view(search.View(text="wangz"))
    assert model.is_loading()
    wait_loaded(qtbot, tab)
    assert shown_names(tab) == ["王喆"]
    # Replaced pages are freed on the search thread, a few at a time, never piling up.
    model.quick_limit = roster_model.QUICK_LIMIT
    for text in ("zhang", "wangz") * 10:
        model.set_view(search.View(text=text))
        wait_loaded(qtbot, tab)
    model.wait()
    assert len(model.searcher._garbage) < roster_model.MAX_GARBAGE
    assert shown_names(tab) == ["王喆"]


def test_a_search_shape_that_ran_over_the_limit_goes_to_the_search_thread(staff, window, qtbot,
                                                                          sqlite_only, monkeypatch):
    from swdesk.services import search

    tab = window.switch_to("roster")
    wait_loaded(qtbot, tab)
    model = tab.model
    monkeypatch.setattr(search, "_PROGRESS_STEPS", 1)    # check the limit on every instruction
    model.quick_limit = 1e-9                              # so that it is always over
    for text in ("zhang", "zhang", "zhangsan"):          # a busy moment, and again: a slow shape
        model.set_view(search.View(text=text))
        assert model.is_loading()                         # aborted, then read on the thread
        wait_loaded(qtbot, tab)
        assert set(shown_names(tab)) >= {"张三"}
    model.quick_limit = 10.0                              # even with time enough, the same shape…
    model.set_view(search.View(text="wangz"))
    assert model.is_loading()                             # …goes straight to the thread
    wait_loaded(qtbot, tab)
    assert shown_names(tab) == ["王喆"]
    model.set_view(search.View(text="13911112222"))      # another shape is still tried at once
    assert not model.is_loading() and shown_names(tab) == ["张晓明"]


def _fill_new_worker(dialog, name, birth, phone=""):
    dialog.fields["name"].setText(name)
    dialog.fields["id_number"].setText("")
    dialog._set("birth_date", birth)
    dialog._set("gender", "男")
    dialog.fields["phone"].setText(phone)
    for key, value in (("sector", "企业"), ("education", "大专"), ("title", "初级")):
        dialog._set(key, value)


def test_a_possible_duplicate_asks_and_the_clerk_opens_the_record_or_saves_anyway(staff, window, qtbot):
    from ui.dialogs.worker import WorkerDialog

    tab = window.switch_to("roster")
    existing = staff["李四"]                     # has an ID; the new entry has none
    dialog = WorkerDialog(tab, None)
    qtbot.addWidget(dialog)
    _fill_new_worker(dialog, "李四", existing.birth_date)
    seen = []

    def open_existing(box):
        seen.append((box.text(), box.informativeText()))
        next(b for b in box.buttons() if b.text().startswith("打开已有记录")).click()

    when_dialog_opens(open_existing)
    assert dialog.save() is False
    assert seen[0][0].startswith("可能重复")
    assert existing.card_no in seen[0][1] and "姓名和出生日期相同" in seen[0][1]
    assert dialog.existing_dialog.worker_id == existing.id
    assert dialog.existing_dialog.fields["name"].text() == "李四"
    dialog.existing_dialog.close()
    assert Worker.select().where(Worker.name == "李四").count() == 1

    def save_anyway(box):
        next(b for b in box.buttons() if b.text() == "仍然保存").click()

    when_dialog_opens(save_anyway)
    assert dialog.save() is True
    assert Worker.select().where(Worker.name == "李四").count() == 2


def test_a_pasted_column_of_names_and_id_numbers_finds_each_of_them(staff, window, qtbot):
    tab = window.switch_to("roster")
    wait_loaded(qtbot, tab)
    pasted = [f"无此人{i}" for i in range(120)] + ["张三", staff["王喆"].id_number]
    QApplication.clipboard().setText("\n".join(pasted) + "\n")
    tab.search.paste()
    tab.apply_search()
    wait_loaded(qtbot, tab)
    assert sorted(shown_names(tab)) == ["张三", "王喆"]
    QApplication.clipboard().setText("\n".join(f"无此人{i}" for i in range(2001)))
    tab.search.selectAll()
    tab.search.paste()
    tab.apply_search()
    wait_loaded(qtbot, tab)
    assert shown_names(tab) == [] and "只按前 2000 项查找" in tab.count_label.text()
