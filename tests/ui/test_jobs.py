"""ui/jobs.py: a job whose widget was closed before it ended drops its result quietly."""
from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from ui import jobs


def test_result_of_a_job_whose_widget_is_gone_is_dropped(qtbot):
    widget = QWidget()
    release = threading.Event()
    called = []
    job = jobs.run_job(widget, "正在统计…", lambda progress: release.wait(10),
                       on_done=lambda result: called.append(result), show_progress=False)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not isValid(widget), timeout=3000)
    with qtbot.captureExceptions() as raised:
        release.set()
        qtbot.waitUntil(lambda: job not in jobs._running, timeout=5000)
    assert raised == [] and called == []
