"""Renderer details: line breaking, the office's chosen font, cancel, template text checked too."""
from __future__ import annotations

import json

import pytest

from swdesk import jobs
from swdesk.jobs.print_badges import print_badges
from swdesk.jobs.print_cards import print_cards
from swdesk.pdf import fonts, templates
from swdesk.pdf.common import MissingGlyphsError
from swdesk.pdf.renderer import wrap_lines
from tests.swdesk.pdf.printing_helpers import add_worker

LIGHT = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Light.ttf"


def test_wrap_keeps_numbers_whole_and_punctuation_on_the_line():
    chain = fonts.chain_for("")
    size = 10.0
    width = chain.string_width("生活：0591-87001234　法律：", size) + 1
    lines = wrap_lines(chain, "生活：0591-87001234　法律：12348　医疗：0591-87005678", width, size)
    assert "".join(lines).replace("\u3000", "") == "生活：0591-87001234法律：12348医疗：0591-87005678"
    for line in lines:
        assert chain.string_width(line, size) <= width + 0.01 or line.isascii()
    assert any(line.endswith("0591-87005678") or line == "0591-87005678" for line in lines)
    assert not any(line.startswith(("，", "。", "、", "；")) for line in
                   wrap_lines(chain, "甲乙丙丁，戊己庚辛，壬癸", chain.string_width("甲乙丙丁", size) + 0.5, size))
    assert wrap_lines(chain, "一\n二", 500, size) == ["一", "二"]


def test_wrap_breaks_lists_between_items():
    chain = fonts.chain_for("")
    size = 6.5
    items = ["预约服务热线：0595-22176800", "生活服务热线：0595-22176811", "就业服务热线：0595-22176822"]
    width = chain.string_width(items[0] + "\u3000" + items[1], size) + 2
    lines = wrap_lines(chain, "\u3000".join(items), width, size)
    assert lines == [items[0] + "\u3000" + items[1], items[2]]


def test_the_office_chosen_font_comes_first():
    import os

    assert os.path.exists(LIGHT), "fonts-lxgw-wenkai (installed by scripts/setup.sh) ships the Light weight"
    chain = fonts.chain_for(LIGHT)
    assert chain.main.path == LIGHT
    assert all(fonts.family_key(f.family) != "lxgwwenkai" for f in chain.fonts[1:])


def test_cancel_stops_the_batch_and_writes_nothing(printing_office, tmp_path):
    office = printing_office
    workers = [add_worker(office, f"测试{i}") for i in range(25)]
    out = tmp_path / "x.pdf"
    calls = []

    def progress(done, total):
        calls.append(done)
        return done < 10

    with pytest.raises(jobs.Cancelled):
        print_cards(out, [w.id for w in workers], layout="a4", progress=progress)
    assert not out.exists()
    assert calls[0] == 0 and calls[-1] >= 10


def test_fixed_template_text_is_checked_too(printing_office, tmp_path):
    office = printing_office
    data = json.loads(templates.builtin_path("badge").read_text(encoding="utf-8"))
    data["elements"].append({"type": "text", "x": 1, "y": 1, "w": 20, "h": 5, "text": "志愿\ue001者"})
    path = tmp_path / "badge.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    worker = add_worker(office, "王喆")
    with pytest.raises(MissingGlyphsError) as info:
        print_badges(tmp_path / "b.pdf", [worker.id], template=str(path))
    assert [(m.who, m.field, m.char) for m in info.value.missing] == [("模板", "固定文字", "\ue001")]
