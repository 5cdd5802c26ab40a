"""Qt's own warnings fail the tests (qt_log_level_fail = WARNING), except the harmless ones listed in
pyproject.toml: Windows' Qt warns "Unable to open default EUDC font" on PCs with 搜狗拼音 and the
like, and the suite must still pass there."""
from __future__ import annotations

from PySide6.QtCore import qWarning


def test_the_eudc_font_warning_of_windows_qt_does_not_fail_a_test(qtbot):
    qWarning('Unable to open default EUDC font: "C:\\\\WINDOWS\\\\FONTS\\\\EUDC.TTE"')
