"""Guards the pinned PySide6: 6.12.0 on Python 3.11 lost a reference to None on every void call
and to True on every signal emit, so the interpreter aborted ("none_dealloc") after some thousands
of calls — a clerk's working day. An upgrade that brings such a bug back fails here."""
from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal


class _Emitter(QObject):
    changed = Signal(int)


def test_qt_calls_do_not_leak_or_steal_references(qapp):
    emitter = _Emitter()
    received = []
    emitter.changed.connect(received.append)
    timer = QTimer()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(2000):
        QCoreApplication.processEvents()
        timer.start(1000)
        timer.stop()
        emitter.changed.emit(i)
    drift_none = sys.getrefcount(None) - none_before
    drift_true = sys.getrefcount(True) - true_before
    assert len(received) == 2000
    # A little drift from caches is normal; the bug took one reference per call (thousands here).
    assert abs(drift_none) < 200, drift_none
    assert abs(drift_true) < 200, drift_true
