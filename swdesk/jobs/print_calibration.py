"""Job: the printer calibration page (rulers, a card outline, 100 mm lines) as a PDF, written
whole or not at all; the audit line names the saved file."""
from __future__ import annotations

import os

from swdesk import files
from swdesk.jobs import JobResult, Progress, phase
from swdesk.pdf import calibration, common, fonts
from swdesk.pdf.calibration import CARD_X_MM, CARD_Y_MM, LINE_MM, offsets_from_measurement
from swdesk.pdf.common import calibrations, clear_calibration, save_calibration
from swdesk.services import audit_log

# What the window's calibration dialog needs, so that ui/ never imports swdesk.pdf.
__all__ = ["CARD_X_MM", "CARD_Y_MM", "LINE_MM", "calibrations", "clear_calibration", "offsets_from_measurement",
           "print_calibration", "save_calibration"]

KIND = "打印机校准页"


def print_calibration(out: str | os.PathLike, printer: str | None = None,
                      progress: Progress | None = None) -> JobResult:
    """The calibration page, drawn through `printer`'s stored correction if one is given (to
    check it), else uncorrected (to measure)."""
    target = files.check_target(out, (".pdf",))
    phase(progress, "正在生成校准页…", 1)
    with files.write_atomically(target, (".pdf",)) as tmp:
        pages = calibration.render_calibration(tmp, common.calibration_for(printer) if printer else None,
                                               fonts.office_chain())
    audit_log.record_output("setting", target, pages, f"生成{KIND}：{target.name}", {"kind": KIND})
    return JobResult(f"已生成校准页：{target}", target, [], pages, {"pages": pages})
