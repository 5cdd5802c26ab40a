"""Template loader: the built-in templates load; bad ones are refused with a Chinese message."""
from __future__ import annotations

import copy
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from swdesk.pdf import templates
from swdesk.pdf.templates import TemplateError

CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("name", list(templates.BUILTIN))
def test_builtin_templates_load(name):
    template = templates.load(templates.builtin_path(name))
    assert template.elements
    assert template.kind in ("card", "badge", "certificate", "star_certificate")


def test_card_template_is_id1_size_with_a_back():
    card = templates.load(templates.builtin_path("card"))
    assert (card.width_mm, card.height_mm) == (85.60, 53.98)
    assert card.back is not None and card.back.width_mm == 85.60
    types = {e["type"] for e in card.elements}
    assert {"text", "photo", "qr", "rect", "logo"} <= types


def _valid() -> dict:
    return json.loads(templates.builtin_path("badge").read_text(encoding="utf-8"))


@pytest.mark.parametrize("mutate, fragment", [
    (lambda d: d.pop("size_mm"), "尺寸"),
    (lambda d: d.update(version=7), "版本"),
    (lambda d: d["elements"][0].update(type="circle"), "第1个元素"),
    (lambda d: d["elements"][3].update(text="{nmae}"), "未知字段"),
    (lambda d: d["elements"][3].update(text="{name"), "花括号"),
    (lambda d: d["elements"][3].update(x=80), "超出版面"),
    (lambda d: d["elements"][3].update(font_size="大"), "数字"),
    (lambda d: d["elements"][3].update(color="red"), "颜色"),
    (lambda d: d["elements"][3].pop("y"), "缺少"),
])
def test_bad_template_is_refused_with_chinese_message(mutate, fragment):
    data = _valid()
    mutate(data)
    with pytest.raises(TemplateError) as info:
        templates.loads(json.dumps(data, ensure_ascii=False), "模板")
    assert fragment in str(info.value)


def test_not_json_says_where(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"version": 1,\n "kind": }', encoding="utf-8")
    with pytest.raises(TemplateError, match="第2行"):
        templates.load(path)


def test_missing_file_and_wrong_kind(tmp_path, db):
    with pytest.raises(TemplateError, match="找不到模板文件"):
        templates.load(tmp_path / "nope.json")
    with pytest.raises(TemplateError, match="胸牌模板"):
        templates.for_kind("card", str(templates.builtin_path("badge")))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 300) | st.floats(-10, 300, allow_nan=False)
    | st.sampled_from(["text", "qr", "card", "badge", "{name}", "{x", "#FFFFFF", "", "姓名"]),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["version", "kind", "size_mm", "elements", "type", "x", "y", "w",
                                       "h", "text", "font_size", "back", "align", "color", "foo"]),
                      children, max_size=6),
    max_leaves=25)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_loader_never_crashes_on_any_json(value):
    try:
        template = templates.loads(json.dumps(value), "模板")
    except TemplateError as exc:
        assert CHINESE.search(str(exc))
    else:
        assert template.kind in templates.FIELDS


element_edits = st.tuples(
    st.integers(0, 7),
    st.sampled_from(["x", "y", "w", "h", "font_size", "text", "type", "align", "shrink_to_fit", "color"]),
    st.one_of(st.none(), st.integers(-50, 500), st.floats(-50, 500, allow_nan=False), st.text(max_size=8),
              st.booleans()))


@settings(max_examples=150, deadline=None)
@given(st.lists(element_edits, min_size=1, max_size=4))
def test_loader_on_edited_builtin_template(edits):
    data = _valid()
    for index, key, value in edits:
        data["elements"][index][key] = value
    original = copy.deepcopy(data)
    try:
        template = templates.loads(json.dumps(data, ensure_ascii=False), "模板")
    except TemplateError as exc:
        assert CHINESE.search(str(exc))
    else:
        # Accepted: every element is inside the badge and every placeholder is known.
        for element in template.elements:
            if element["type"] != "line":
                assert element["x"] + element["w"] <= template.width_mm + 0.01
        assert template.placeholders <= templates.FIELDS["badge"]
    assert data == original
