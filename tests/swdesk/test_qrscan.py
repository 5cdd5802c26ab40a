"""QR codes read from pictures: a real rendered service card (PDF → PNG with pdftoppm) decodes to
the card's signed payload, which then checks the worker in."""
from __future__ import annotations

import io
import subprocess

import pytest
from PIL import Image

from swdesk import qrscan
from swdesk.errors import UserError
from swdesk.jobs.print_cards import print_cards
from swdesk.services import cards, checkin
from tests.swdesk.pdf.printing_helpers import add_worker, jpeg, needs_poppler


@needs_poppler
def test_checkin_decodes_a_rendered_card(printing_office, tmp_path):
    worker = add_worker(printing_office, "王喆", photo=jpeg())
    pdf = tmp_path / "card.pdf"
    print_cards(pdf, [worker.id], layout="single")
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(pdf), str(tmp_path / "card")],
                   check=True, capture_output=True)
    png = tmp_path / "card.png"
    assert qrscan.decode(png) == [cards.payload_for(worker)]
    assert qrscan.decode(png.read_bytes()) == [cards.payload_for(worker)]
    # a phone photo is rarely straight or sharp: a turned, shrunk screenshot still reads
    image = Image.open(png).convert("L").rotate(7, expand=True, fillcolor=255)
    image = image.resize((image.width // 2, image.height // 2))
    assert qrscan.decode(image) == [cards.payload_for(worker)]
    result = checkin.verify_card(qrscan.decode(png)[0])
    assert result.ok and result.worker_id == worker.id and result.has_photo


def test_checkin_picture_without_code_or_not_a_picture(tmp_path, db):
    blank = io.BytesIO()
    Image.new("RGB", (200, 200), "white").save(blank, "PNG")
    assert qrscan.decode(blank.getvalue()) == []
    (tmp_path / "note.png").write_text("not an image")
    with pytest.raises(UserError, match="不是图片"):
        qrscan.decode(tmp_path / "note.png")
    with pytest.raises(UserError, match="不存在"):
        qrscan.decode(tmp_path / "missing.png")
