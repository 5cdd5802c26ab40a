"""The star level on cards and badges (issue 18): off by default; when the office turns it on,
the built-in templates print each worker's stars ({stars}, defined once in
swdesk/pdf/templates.py STAR_PLACEHOLDERS) and a worker below 一星 gets none."""
from __future__ import annotations

import datetime as _dt

import pytest

from swdesk.jobs.print_badges import print_badges
from swdesk.jobs.print_cards import print_cards
from swdesk.pdf import templates
from swdesk.services import stars
from tests.swdesk.pdf.printing_helpers import add_worker, needs_poppler, pdftotext


@pytest.fixture
def two_workers(printing_office):
    veteran = add_worker(printing_office, "陈静")
    stars.set_opening_balance(veteran.id, {"hours": 650, "as_of": _dt.date(2020, 1, 1), "note": "原服务记录"})
    newcomer = add_worker(printing_office, "林海")
    return veteran, newcomer


def pages_text(path) -> list[str]:
    return pdftotext(path).split("\f")


@needs_poppler
def test_cards_print_no_stars_unless_the_office_asks(two_workers, tmp_path):
    veteran, newcomer = two_workers
    assert stars.print_stars() is False
    off = print_cards(tmp_path / "off.pdf", [veteran.id, newcomer.id], layout="single").path
    assert "陈静" in pdftotext(off) and "★" not in pdftotext(off)

    stars.set_print_stars(True)
    on = print_cards(tmp_path / "on.pdf", [veteran.id, newcomer.id], layout="single").path
    fronts = [page for page in pages_text(on) if "服务证号" in page]
    assert len(fronts) == 2
    veteran_page, newcomer_page = (next(p for p in fronts if name in p) for name in ("陈静", "林海"))
    assert veteran_page.count("★") == 3 and "★" not in newcomer_page


@needs_poppler
@pytest.mark.parametrize("size", ["90x54", "100x70"])
def test_badges_print_the_stars_when_turned_on(two_workers, tmp_path, size):
    veteran, newcomer = two_workers
    stars.set_print_stars(True)
    out = print_badges(tmp_path / "b.pdf", [veteran.id, newcomer.id], layout="single", size=size).path
    veteran_page, newcomer_page = (next(p for p in pages_text(out) if name in p) for name in ("陈静", "林海"))
    assert veteran_page.count("★") == 3 and "★" not in newcomer_page


def test_star_placeholders_are_known_to_cards_badges_and_star_certificates():
    for kind in ("card", "badge", "star_certificate"):
        assert {"stars", "star_name"} <= templates.FIELDS[kind]
    assert "{stars}" in templates.builtin_path("card").read_text(encoding="utf-8")
    assert {p.sample for p in templates.STAR_PLACEHOLDERS.values()} == {"★★★", "三星"}
    # an office's own card template may print the name of the level
    template = templates.loads('{"version": 1, "kind": "card", "size_mm": [85.6, 53.98], "elements": '
                               '[{"type": "text", "x": 1, "y": 1, "w": 30, "h": 5, "text": "{star_name}志愿者"}]}')
    assert template.placeholders == {"star_name"}
