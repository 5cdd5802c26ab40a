"""Card printing on the driver's own CR80 paper: drivers define it in either orientation."""
from __future__ import annotations

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPageLayout, QPageSize

from ui.dialogs.pdf_preview import page_for

CARD = QSizeF(85.60, 53.98)


def _paper(width: float, height: float, name: str) -> QPageSize:
    return QPageSize(QSizeF(width, height), QPageSize.Unit.Millimeter, name, QPageSize.SizeMatchPolicy.ExactMatch)


def test_driver_paper_defined_portrait_is_used_turned():
    cr80 = _paper(54.0, 85.6, "CR80")
    size, orientation = page_for(CARD, [QPageSize(QPageSize.PageSizeId.A4), cr80])
    assert size.name() == "CR80" and orientation == QPageLayout.Orientation.Landscape


def test_driver_paper_defined_landscape_is_used_as_is():
    cr80 = _paper(85.6, 54.0, "CR80 横向")
    size, orientation = page_for(CARD, [cr80])
    assert size.name() == "CR80 横向" and orientation == QPageLayout.Orientation.Portrait


def test_without_such_paper_a_custom_page_of_the_exact_size():
    size, orientation = page_for(CARD, [QPageSize(QPageSize.PageSizeId.A4)])
    got = size.size(QPageSize.Unit.Millimeter)
    assert abs(got.width() - 85.60) < 0.01 and abs(got.height() - 53.98) < 0.01
    assert orientation == QPageLayout.Orientation.Portrait
