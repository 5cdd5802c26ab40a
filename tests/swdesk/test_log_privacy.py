"""The log file never holds a full resident ID number: not in messages, arguments or tracebacks."""
from __future__ import annotations

import datetime as _dt
import logging

from swdesk import idcard, logs, privacy

IDS = [idcard.make("350502", _dt.date(1990, 7, 8), 21), idcard.make("110101", _dt.date(2008, 2, 29), 4)]


def read_log() -> str:
    """What swdesk's rotating handler wrote (set up once per process, like the program does)."""
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_swdesk", False))
    handler.flush()
    with open(handler.baseFilename, encoding="utf-8") as fh:
        return fh.read()


def test_messages_arguments_and_tracebacks_are_masked():
    logs.setup_logging()
    log = logging.getLogger("swdesk.test")
    log.warning("import row 5: %s duplicates %s", IDS[0], IDS[1].lower())
    log.info(f"inline {IDS[1]}")
    try:
        raise ValueError(f"bad id {IDS[0]}")
    except ValueError:
        log.exception("failed for %s", IDS[1])
    try:
        raise KeyError(IDS[1])
    except KeyError as exc:
        log.error("lookup", exc_info=exc)
    text = read_log()
    for number in IDS:
        assert number not in text and number.lower() not in text
        assert privacy.mask_id(number) in text
    assert "ValueError" in text and "KeyError" in text


def test_masking_keeps_other_numbers():
    assert privacy.mask_ids("电话 13812345678，工号 20260001") == "电话 13812345678，工号 20260001"
    assert privacy.mask_ids(f"{IDS[0]}x") == f"{privacy.mask_id(IDS[0])}x"
    assert privacy.mask_ids("1" * 19) == "1" * 19  # a longer digit run is not an ID
