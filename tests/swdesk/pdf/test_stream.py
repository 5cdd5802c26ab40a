"""Pages go to the file as they are drawn (swdesk/pdf/stream.py): the file grows during the run,
the document holds no finished page, and the result is a valid PDF with every card."""
from __future__ import annotations

from pypdf import PdfReader

from swdesk import files
from swdesk.jobs.print_cards import print_cards
from swdesk.pdf import stream
from tests.swdesk.pdf.printing_helpers import add_worker, jpeg, needs_poppler, pdftotext


@needs_poppler
def test_pages_are_written_while_the_run_goes_on(printing_office, tmp_path):
    workers = [add_worker(printing_office, f"测试{i}", photo=jpeg((i * 9 % 255, 90, 160)))
               for i in range(60)]
    out = tmp_path / "cards.pdf"
    sizes: list[int] = []
    held: list[int] = []
    original_flush = stream.StreamingDocument.flush

    def flush(doc):
        original_flush(doc)
        held.append(sum(isinstance(o, stream._FINISHED_TYPES) for o in doc.idToObject.values()))

    def progress(done, total):
        temp = [p for p in tmp_path.iterdir() if p.name.startswith(files.TEMP_PREFIX)]
        if temp:
            sizes.append(temp[0].stat().st_size)
        return True

    stream.StreamingDocument.flush = flush
    try:
        result = print_cards(out, [w.id for w in workers], layout="a4", progress=progress)
    finally:
        stream.StreamingDocument.flush = original_flush
    assert result.data["pages"] == 12
    # the temporary file grew sheet by sheet before the document was finished
    growing = [s for s in sizes if s > 0]
    assert len(set(growing)) >= 5 and growing == sorted(growing)
    assert growing[-2] > 0.5 * out.stat().st_size
    assert max(held) == 0          # no finished page, stream, photo or form stays in memory
    reader = PdfReader(str(out), strict=True)
    assert len(reader.pages) == 12
    text = pdftotext(out)
    assert all(w.name in text for w in workers)
    assert out.read_bytes().count(b"/DCTDecode") == 60  # every photo once
