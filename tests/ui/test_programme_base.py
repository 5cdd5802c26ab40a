"""The programme tabs (一对一帮教, 扶老助老, 家庭病床: ui/tabs/programme_base.py) on a 768 px
screen: the selected record's detail shows all its lines, and the log below it keeps room."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("key", ["mentoring", "eldercare", "homebed"])
@pytest.mark.parametrize("width", [1366, 1024])
def test_detail_is_whole_on_a_768_px_screen(demo_window, qtbot, key, width):
    window = demo_window
    window.showNormal()
    window.resize(width, 700)     # 768 less a taskbar and a title bar
    tab = window.switch_to(key)
    qtbot.waitExposed(window)
    assert tab.master_model.rowCount() > 0
    tab.select_row(0)

    def whole():
        viewport = tab.detail_scroll.viewport()
        return tab.detail.heightForWidth(viewport.width()) <= viewport.height()

    qtbot.waitUntil(whole, timeout=3000)
    assert tab.right.height() - tab.detail_scroll.height() >= 150     # the log keeps its room
