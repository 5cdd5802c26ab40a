"""Work around a reference-count bug of the installed PySide6 (6.12.0) on Python 3.11.

Measured on this machine: every call of a PySide6 method that returns void (setText, start,
processEvents …) — and every Python slot or QThreadPool callable that returns None — leaves
`None` one reference short, and every `SignalInstance.emit()` leaves `True` one short. Python 3.11
does not make None/True/False immortal, so after some thousands of such calls the interpreter
aborts ("Fatal Python error: none_dealloc" / "bool_dealloc"). A clerk's working day makes far
more calls than that.

`immortalize_singletons()` gives None, True and False a reserve of 2**40 references once, at
start-up: what Python 3.12 does by design (immortal objects). These three objects are never freed
anyway, so the reserve is harmless, also with a PySide6 that has no such bug.
"""
from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40


def immortalize_singletons() -> bool:
    """Add the reserve once per process; False where it is not needed (Python ≥ 3.12) or not
    possible (not CPython)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if getattr(sys, "_swdesk_singletons_reserved", False):
        return True
    for obj in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(obj)).value += RESERVE
    sys._swdesk_singletons_reserved = True
    return True
