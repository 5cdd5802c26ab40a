"""A function or class of a module that is imported when first used.

The window opens on the roster; importing every dialog module at start costs 54–91 ms and every
tab module 90–140 ms more (measured on the 2-core test machine after the window and the roster
tab are loaded), so menu actions, tab classes and the roster's print action are OnFirstUse
entries. Each is listed in CREATED and tests/ui/test_main_window.py resolves every one of them:
a wrong module or name fails the tests, never the clerk (there is no "not available" fallback).
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


class OnFirstUse:
    """`module.name`, imported when first called (or resolved)."""

    CREATED: list[OnFirstUse] = []

    def __init__(self, module: str, name: str):
        self.module, self.name = module, name
        self.key = f"{module}:{name}"
        OnFirstUse.CREATED.append(self)

    def resolve(self) -> Callable[..., Any]:
        return getattr(importlib.import_module(self.module), self.name)

    def __call__(self, *args: Any) -> Any:
        return self.resolve()(*args)

    def __repr__(self) -> str:
        return f"OnFirstUse({self.key!r})"
