"""A reportlab canvas that writes each finished page to the file at once instead of holding the
whole document until `save()`.

reportlab keeps every page's content stream (uncompressed until the end), every photo and every
form in memory and formats the file in one go at `save()`: print-all of 100,000 cards peaked at
1.14 GB that way (issue 22). Here the document (`StreamingDocument`) writes, after each page,
the objects that are finished by then — the page, its content stream, the photos and forms it
introduced — and keeps only their object numbers and file offsets (a few dozen bytes each). What
must wait for the end (the page tree, the fonts, whose subsets grow with every page, the catalog,
the info) is written by `finish()` with the cross-reference table, exactly as reportlab would.
Only reportlab 5.1's PDFDocument internals are used (pinned in requirements).

    with streaming_canvas(path, size, chain, "title") as canvas:
        ...draw...; end_page(canvas)     # showPage + write the page out
    # the file is complete here; on an exception it is closed (the caller removes it)
"""
from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from swdesk.pdf.fonts import FontChain

# Objects that are complete once created (and therefore once their page is shown): written out
# at the first flush after they appear. Everything else waits for finish().
_FINISHED_TYPES = (pdfdoc.PDFPage, pdfdoc.PDFStream, pdfdoc.PDFImageXObject, pdfdoc.PDFFormXObject)


class _Written(pdfdoc.PDFObject):
    """Stands in for an object already in the file: its number is still known (references to it
    format as "n 0 R"); an image keeps its size, which draw_jpeg reads when the photo is reused."""

    def __init__(self, width=None, height=None):
        self.width = width
        self.height = height

    def format(self, document):  # pragma: no cover - a bug if it happens
        raise RuntimeError("an object already written to the file was formatted again")


_WRITTEN = _Written()


class _FileOutput(pdfdoc.PDFFile):
    """reportlab's output collector, writing to a file as it goes (it tracks the offsets)."""

    def __init__(self, fh: BinaryIO, version):
        super().__init__(version)           # puts the header into self.strings
        fh.write(b"".join(self.strings))
        self.strings = []
        self.write = fh.write

    def format(self, document) -> bytes:
        return b""


class StreamingDocument(pdfdoc.PDFDocument):
    """A PDFDocument whose finished objects go to `fh` page by page (see the module's text)."""

    def start(self, fh: BinaryIO) -> None:
        self.__accum__ = self._out = _FileOutput(fh, self._pdfVersion)
        self._scanned = 0
        self._pages_done = 0

    def _write(self, name: str, obj) -> None:
        data = pdfdoc.PDFIndirectObject(name, obj).format(self)
        self.idToOffset[name] = self._out.add(data)
        # One shared stand-in for pages and streams (20,000 of them for 100,000 cards on A4); an
        # image keeps its own, with its size.
        width = getattr(obj, "width", None)
        self.idToObject[name] = _WRITTEN if width is None else _Written(width, getattr(obj, "height", None))

    def flush(self) -> None:
        """Write every finished object registered since the last flush (formatting a page
        registers its content stream, which is written in the same pass)."""
        while self._scanned < self.objectcounter:
            self._scanned += 1
            name = self.numberToId[self._scanned]
            obj = self.idToObject[name]
            if isinstance(obj, _FINISHED_TYPES):
                self._write(name, obj)
        # The page tree keeps only references to pages already written. Only the pages added since
        # the last flush are looked at: rebuilding the whole list each page was quadratic (the
        # single-card layout, one page per side: 0.6 s of 6 s for 1,000 cards).
        pages = self.Pages.pages
        for i in range(self._pages_done, len(pages)):
            if isinstance(pages[i], pdfdoc.PDFPage):
                pages[i] = pdfdoc.PDFObjectReference(pages[i].__InternalName__)
        self._pages_done = len(pages)

    def finish(self, canvas: Canvas) -> None:
        """The rest, as PDFDocument.GetPDFData and format() do it, then the xref and trailer."""
        if len(canvas._code):
            canvas.showPage()
        self.flush()
        for font in self.delayedFonts:
            font.addObjects(self)
        self.info.invariant = self.invariant
        self.info.digest(self.signature)
        catalog, info = self.Catalog, self.info
        self.Reference(catalog)
        self.Reference(info)
        self.Outlines.prepare(self, canvas)
        if self.Outlines.ready < 0:
            self.Catalog.Outlines = None
        self.encrypt.prepare(self)
        ids = []
        number = 0
        while number + 1 in self.numberToId:   # objects may be registered while formatting
            number += 1
            name = self.numberToId[number]
            if name not in self.idToOffset:
                self.idToOffset[name] = self._out.add(
                    pdfdoc.PDFIndirectObject(name, self.idToObject[name]).format(self))
            ids.append(name)
        xref = pdfdoc.PDFCrossReferenceTable()
        xref.addsection(0, ids)
        start = self._out.add(xref.format(self))
        trailer = pdfdoc.PDFTrailer(startxref=start, Size=len(ids) + 1, Root=self.Reference(catalog),
                                    Info=self.Reference(info), Encrypt=None, ID=self.ID())
        self._out.add(trailer.format(self))


def _canvas(size_pt: tuple[float, float], chain: FontChain, title: str) -> Canvas:
    # Photos are JPEG: embed them as they are (DCTDecode) instead of ASCII85-encoding them on top,
    # which costs a quarter of the time and of the file size. Binary PDFs are fine everywhere.
    rl_config.useA85 = 0
    canvas = Canvas(io.BytesIO(), pagesize=size_pt, initialFontName=chain.main.name, pageCompression=1,
                    invariant=0)
    # Nothing has touched the document yet (the initial font is a TrueType one, registered only
    # when first used): replace it by the streaming one.
    canvas._doc = StreamingDocument(compression=1, invariant=0, pdfVersion=pdfdoc.PDF_VERSION_DEFAULT)
    canvas.setPageCompression(1)
    canvas.setTitle(title or "swdesk")
    canvas.setCreator("swdesk 社工服务台")
    canvas.setAuthor("swdesk")
    return canvas


@contextlib.contextmanager
def streaming_canvas(out: str | Path | BinaryIO, size_pt: tuple[float, float], chain: FontChain,
                     title: str = "") -> Iterator[Canvas]:
    """A canvas writing to `out` (a path or a binary file object) page by page; the file is
    complete when the block ends, and closed (left for the caller to remove) if it raises."""
    canvas = _canvas(size_pt, chain, title)
    with contextlib.ExitStack() as stack:
        fh = out if hasattr(out, "write") else stack.enter_context(open(out, "wb"))
        canvas._doc.start(fh)
        yield canvas
        canvas._doc.finish(canvas)


def end_page(canvas: Canvas) -> None:
    """Close the page and write it (and what it introduced) to the file."""
    canvas.showPage()
    canvas._doc.flush()
