"""Preview of a PDF that a print job saved: the saved file itself, shown by QtPdf (no second
rendering engine, no copy), with the job's message and warnings, then 打印 (each page rasterised
by QtPdf at the printer's resolution and sent at actual size, never "fit to page", so that cards
keep their exact size).

Memory: QPdfDocument reads the file through pdfium, which loads pages on demand, and QPdfView
renders only the pages on screen; closing the dialog closes the document, so a 20,000-page run
costs the window no more than a few rendered pages."""
from __future__ import annotations

import contextlib
import ctypes
import gc
import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

MAX_DPI = 400
# QPdfView's MultiPage mode lays out every page at once: measured on a 20,000-page run of 100,000
# cards it took 190 MB and kept 100 MB after closing; one page at a time takes 35 MB. Small
# documents (a certificate, a sheet of badges) still scroll as one.
MULTI_PAGE_UP_TO = 200


def release_memory() -> None:
    """Give the heap that a big job freed back to the system (glibc keeps freed memory in its
    arenas: after print-all of 100,000 cards, ~60 MB of it). Elsewhere the C runtime returns
    freed blocks itself; nothing to do."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)


class PdfPreviewDialog(QDialog):
    """Shows the saved file `path`, the job's `message` and `warnings` above it."""

    def __init__(self, parent: QWidget | None, path: str | Path, title: str, *,
                 printer_name: str = "", message: str = "", warnings: list[str] | None = None):
        super().__init__(parent)
        self.setObjectName("PdfPreviewDialog")
        self.setWindowTitle(title)
        self.path = str(path)
        self.suggested_name = Path(self.path).name
        self.printer_name = printer_name
        self.message_label = QLabel(message, self)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings = list(warnings or [])
        self.warnings_label = QLabel("\n".join(self.tr("注意：") + w for w in self.warnings), self)
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet("color: #B26A00;")
        self.warnings_label.setVisible(bool(self.warnings))
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.info = QLabel(self)
        self.page_box = QSpinBox(self)
        self.page_box.setPrefix(self.tr("第 "))
        self.page_box.setSuffix(self.tr(" 页"))
        self.page_box.valueChanged.connect(self._jump)
        zoom_in = QPushButton(self.tr("放大"), self)
        zoom_in.clicked.connect(lambda: self._zoom(1.25))
        zoom_out = QPushButton(self.tr("缩小"), self)
        zoom_out.clicked.connect(lambda: self._zoom(0.8))
        fit = QPushButton(self.tr("适合宽度"), self)
        fit.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.print_button.clicked.connect(self.print_document)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.reject)
        bar = QHBoxLayout()
        for widget in (self.info, self.page_box, zoom_out, zoom_in, fit):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.print_button, close):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_label)
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        self.resize(900, 720)
        self.load()

    # --- document ----------------------------------------------------------------------------
    def load(self) -> None:
        error = self.document.load(self.path)
        if error != QPdfDocument.Error.None_:
            self.info.setText(self.tr("无法打开 PDF 文件"))
            self.print_button.setEnabled(False)
            return
        pages = self.document.pageCount()
        self.view.setPageMode(QPdfView.PageMode.MultiPage if pages <= MULTI_PAGE_UP_TO
                              else QPdfView.PageMode.SinglePage)
        self.page_box.setRange(1, max(1, pages))
        size = self.document.pagePointSize(0)
        width_mm, height_mm = size.width() * 25.4 / 72, size.height() * 25.4 / 72
        self.info.setText(self.tr("共 %1 页，每页 %2 × %3 毫米").replace("%1", str(pages))
                          .replace("%2", f"{width_mm:.2f}").replace("%3", f"{height_mm:.2f}"))

    def page_count(self) -> int:
        return self.document.pageCount()

    def _jump(self, page: int) -> None:
        navigator = self.view.pageNavigator()
        navigator.jump(page - 1, QPointF(), navigator.currentZoom())

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.1, min(8.0, self.view.zoomFactor() * factor)))

    # --- print -------------------------------------------------------------------------------
    def make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.printer_name and self.printer_name in QPrinterInfo.availablePrinterNames():
            printer.setPrinterName(self.printer_name)
        printer.setDocName(self.suggested_name)
        printer.setFullPage(True)
        printer.setFromTo(1, self.page_count())
        return printer

    def print_document(self) -> None:
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Send the pages to `printer` at actual size; returns the number of pages sent."""
        first, last = printer.fromPage() or 1, printer.toPage() or self.page_count()
        painter: QPainter | None = None
        sent = 0
        for index in range(first - 1, min(last, self.page_count())):
            size_pt = self.document.pagePointSize(index)
            wanted = QSizeF(size_pt.width() * 25.4 / 72, size_pt.height() * 25.4 / 72)
            page_size, orientation = page_for(wanted, QPrinterInfo.printerInfo(printer.printerName()).supportedPageSizes())
            printer.setPageLayout(QPageLayout(page_size, orientation, printer.pageLayout().margins()))
            if painter is None:
                painter = QPainter()
                if not painter.begin(printer):
                    QMessageBox.warning(self, self.tr("提示"), self.tr("无法开始打印，请检查打印机。"))
                    return 0
            else:
                printer.newPage()
            # Render at the printer's resolution but at most MAX_DPI (an A4 page at 1200 dpi would
            # be a 550 MB image); the painter scales it to the exact page size in device pixels.
            device_dpi = printer.resolution()
            dpi = min(device_dpi, MAX_DPI)
            pixels = QSize(round(size_pt.width() / 72 * dpi), round(size_pt.height() / 72 * dpi))
            image = self.document.render(index, pixels)
            target = QRectF(0, 0, size_pt.width() / 72 * device_dpi, size_pt.height() / 72 * device_dpi)
            painter.drawImage(target, image)
            sent += 1
        if painter is not None:
            painter.end()
        return sent

    # --- closing -----------------------------------------------------------------------------
    def done(self, result: int) -> None:
        self.document.close()
        super().done(result)
        gc.collect()
        release_memory()


def page_for(wanted_mm: QSizeF, supported: list[QPageSize]) -> tuple[QPageSize, QPageLayout.Orientation]:
    """The paper to print a page of `wanted_mm` (width × height) on: the driver's own paper of that
    size when it has one, in either orientation, else a custom size.

    A card printer's driver often defines CR80 as 53.98 × 85.6 mm (portrait); asking it for a
    custom 85.6 × 53.98 page made some drivers ignore the size. Its own paper turned landscape is
    the same sheet, and the driver knows it."""
    tolerance = 0.6  # mm: drivers round CR80 to 54 × 85.6, 53.9 × 85.5 …
    for size in supported:
        have = size.size(QPageSize.Unit.Millimeter)
        if abs(have.width() - wanted_mm.width()) <= tolerance and abs(have.height() - wanted_mm.height()) <= tolerance:
            return size, QPageLayout.Orientation.Portrait
        if abs(have.width() - wanted_mm.height()) <= tolerance and abs(have.height() - wanted_mm.width()) <= tolerance:
            return size, QPageLayout.Orientation.Landscape
    # Millimetres, not points: QPageSize rounds points to whole numbers (85.60 mm would become
    # 85.73). Portrait with the PDF's own width and height: Qt would swap them for "landscape".
    custom = QPageSize(wanted_mm, QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    return custom, QPageLayout.Orientation.Portrait


def show_pdf(parent: QWidget | None, path: str | Path, title: str, **kwargs) -> PdfPreviewDialog:
    """Open the preview window-modal (returns at once; the dialog deletes itself when closed)."""
    dialog = PdfPreviewDialog(parent, path, title, **kwargs)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
