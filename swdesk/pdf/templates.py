"""Print templates as data: JSON files checked against resources/templates/schema.json.

A template has a version, a kind (card / badge / certificate), the size in mm and a list of
elements (text, image, photo, qr, line, rect, logo) placed in mm from the top-left corner. A card
template names its back side's file in "back". Offices copy a built-in file, edit it, and choose
it in the settings (key "template_<kind>") or with --template. A bad template is refused with a
Chinese message that says where the problem is.
"""
from __future__ import annotations

import json
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from swdesk.pdf.fonts import RESOURCES
from swdesk.services.base import UserError

TEMPLATE_DIR = RESOURCES / "templates"
SCHEMA_PATH = TEMPLATE_DIR / "schema.json"

BUILTIN = {
    "card": "card_front.json",
    "badge": "badge_90x54.json",
    "badge_large": "badge_100x70.json",
    "certificate": "certificate_a4.json",
    "star_certificate": "star_certificate_a4.json",
}

@dataclass(frozen=True)
class Placeholder:
    """A {field} several kinds of template share, defined once: its label (messages, the settings
    page), a sample value (the templates' README) and how the value is computed."""

    label: str
    sample: str
    how: str


# The worker's star level (issue 18), computed by swdesk/pdf/common.py `star_values` for cards and
# badges (only when the office's setting print_stars is on: off by default, the built-in templates'
# star elements then print nothing) and for the star certificate (the level it certifies).
STAR_PLACEHOLDERS = {
    "stars": Placeholder("星级标记", "★★★", "每级一个★：服务时长台账加以往服务时长，按本单位星级标准算到打印当天；"
                                        "未达一星或单位设置未开启“服务证和胸牌印星级”时为空"),
    "star_name": Placeholder("星级", "三星", "同一星级的名称（一星…五星），为空的情形同上"),
}

# The {field} placeholders each kind of template may use (their values come from
# swdesk/pdf/cards.py, badges.py and certificates.py).
_OFFICE_FIELDS = {"centre_name", "district", "street", "card_issuer", "charter_text", "hotlines",
                  "contact_phone", "address", "person_in_charge"}
FIELDS: dict[str, set[str]] = {
    "card": _OFFICE_FIELDS | {"name", "gender", "card_no", "unit", "community", "employer",
                              "specialties", "valid_until", "issued_on", "kind", "qr"} | set(STAR_PLACEHOLDERS),
    "badge": _OFFICE_FIELDS | {"name", "role_line", "group", "role", "card_no", "unit", "kind",
                               "specialties"} | set(STAR_PLACEHOLDERS),
    "certificate": _OFFICE_FIELDS | {"name", "gender", "id_type", "id_masked", "card_no",
                                     "period_text", "total_hours", "hours_lines", "organisation",
                                     "clerk", "contact", "number", "reprint_mark", "issue_date",
                                     "body"},
    "star_certificate": _OFFICE_FIELDS | {"name", "gender", "id_masked", "card_no", "total_hours",
                                          "reached_date", "organisation", "number", "issue_date",
                                          "body"} | set(STAR_PLACEHOLDERS),
}

DEFAULTS = {"font_size": 9.0, "align": "left", "valign": "middle", "shrink_to_fit": False,
            "wrap": False, "line_spacing": 1.3, "letter_spacing": 0.0, "color": "#000000",
            "stroke": "#000000", "stroke_width": 0.3, "radius": 0.0}

TYPE_DEFAULTS = {"logo": {"color": "#B3261E"}}
KIND_NAMES = {"card": "服务证", "badge": "胸牌", "certificate": "服务证明", "star_certificate": "星级证书"}

_TYPE_NAMES = {"text": "文字", "image": "图片", "photo": "照片", "qr": "二维码", "line": "线条",
               "rect": "矩形", "logo": "标志"}
_KEY_NAMES = {"version": "版本号", "kind": "种类", "size_mm": "尺寸", "elements": "元素列表",
              "back": "背面模板", "type": "类型", "text": "文字", "font_size": "字号",
              "min_font_size": "最小字号", "align": "对齐", "valign": "垂直对齐",
              "shrink_to_fit": "缩小适应", "color": "颜色", "fill": "填充色", "stroke": "线条颜色",
              "stroke_width": "线宽", "source": "图片文件", "x": "x", "y": "y", "w": "宽", "h": "高"}


class TemplateError(UserError):
    pass


@dataclass
class Template:
    kind: str
    name: str
    width_mm: float
    height_mm: float
    elements: list[dict[str, Any]]
    path: Path | None = None
    back: Template | None = None
    placeholders: set[str] = field(default_factory=set)

    @property
    def folder(self) -> Path:
        return self.path.parent if self.path else TEMPLATE_DIR

    def texts(self) -> list[str]:
        return [e["text"] for e in self.elements if e["type"] == "text"]


_schema_cache: dict[str, Any] = {}


def _validator():
    import jsonschema

    if "v" not in _schema_cache:
        schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
        _schema_cache["v"] = jsonschema.Draft202012Validator(schema)
    return _schema_cache["v"]


def _where(path: list) -> str:
    parts = []
    items = list(path)
    if len(items) >= 2 and items[0] == "elements" and isinstance(items[1], int):
        parts.append(f"第{items[1] + 1}个元素")
        items = items[2:]
    for item in items:
        if isinstance(item, int):
            parts.append(f"第{item + 1}项")
        else:
            parts.append(f"“{_KEY_NAMES.get(item, item)}”")
    return "".join(parts) or "文件整体"


def _describe(error) -> str:
    v = error.validator
    where = _where(list(error.absolute_path))
    if v == "required":
        missing = [k for k in error.validator_value if not isinstance(error.instance, dict) or k not in error.instance]
        names = "、".join(f"“{_KEY_NAMES.get(k, k)}”" for k in missing)
        return f"{where}缺少{names}"
    if v == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {}))) if isinstance(error.instance, dict) else []
        return f"{where}有无法识别的项：{'、'.join(map(str, extra))}"
    if v == "type":
        kinds = {"object": "对象", "array": "列表", "number": "数字", "string": "文字", "boolean": "true 或 false",
                 "integer": "整数"}
        return f"{where}应为{kinds.get(str(error.validator_value), error.validator_value)}"
    if v == "const":
        return f"{where}应为 {error.validator_value}（本程序支持的模板版本）"
    if v == "enum":
        choices = [_TYPE_NAMES.get(c, c) if isinstance(c, str) else c for c in error.validator_value]
        return f"{where}应为以下之一：{'、'.join(map(str, error.validator_value))}（{'、'.join(map(str, choices))}）"
    if v in ("minimum", "exclusiveMinimum"):
        return f"{where}数值太小（应{'大于' if v == 'exclusiveMinimum' else '不小于'}{error.validator_value}）"
    if v in ("maximum", "exclusiveMaximum"):
        return f"{where}数值太大（应不大于{error.validator_value}）"
    if v in ("minItems", "maxItems"):
        return f"{where}应为两个数：[宽, 高]（毫米）"
    if v == "pattern":
        return f"{where}颜色应写作 #RRGGBB，如 #C00000"
    return f"{where}不符合模板格式"


def _placeholders(text: str) -> set[str]:
    """Names inside {…}; raises ValueError on a malformed or unsupported placeholder."""
    names = set()
    for _literal, name, spec, conversion in string.Formatter().parse(text):
        if name is None:
            continue
        if not name or not name.isidentifier() or spec or conversion:
            raise ValueError(name or "")
        names.add(name)
    return names


def _check_semantics(data: dict, kind: str, label: str) -> list[str]:
    problems = []
    width, height = data["size_mm"]
    allowed = FIELDS[kind]
    for i, element in enumerate(data["elements"], start=1):
        what = f"第{i}个元素（{_TYPE_NAMES[element['type']]}）"
        if element["type"] == "text":
            if "text" not in element:
                problems.append(f"{what}缺少“文字”")
            else:
                try:
                    names = _placeholders(element["text"])
                except ValueError:
                    problems.append(f"{what}的文字中花括号用法有误（字段写作 {{name}}，花括号本身写作 {{{{ 或 }}}}）")
                    continue
                unknown = sorted(names - allowed)
                if unknown:
                    problems.append(f"{what}引用了未知字段：{'、'.join('{' + n + '}' for n in unknown)}"
                                    f"（可用：{'、'.join(sorted(allowed))}）")
            if element.get("min_font_size", 0) > element.get("font_size", DEFAULTS["font_size"]):
                problems.append(f"{what}的最小字号大于字号")
        if element["type"] == "image" and not element.get("source"):
            problems.append(f"{what}缺少“图片文件”")
        if element["type"] not in ("line",):
            if element["x"] < -0.01 or element["y"] < -0.01 or element["x"] + element["w"] > width + 0.01 \
                    or element["y"] + element["h"] > height + 0.01:
                problems.append(f"{what}超出版面（版面 {width:g}×{height:g} 毫米）")
    return problems


def loads(text: str, label: str = "模板", path: Path | None = None) -> Template:
    """Parse and check a template's JSON text; raise TemplateError (Chinese) if it is not valid."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TemplateError(f"{label}不是有效的 JSON（第{exc.lineno}行第{exc.colno}列）") from None
    except (TypeError, ValueError):
        raise TemplateError(f"{label}不是有效的 JSON") from None
    errors = sorted(_validator().iter_errors(data), key=lambda e: (len(list(e.absolute_path)), str(list(e.absolute_path))))
    if errors:
        lines = []
        for error in errors[:5]:
            message = _describe(error)
            if message not in lines:
                lines.append(message)
        more = f"等{len(errors)}处" if len(errors) > 5 else ""
        raise TemplateError(f"{label}有误{more}：" + "；".join(lines))
    kind = data["kind"]
    problems = _check_semantics(data, kind, label)
    if problems:
        raise TemplateError(f"{label}有误：" + "；".join(problems[:5]))
    elements = [{**DEFAULTS, **TYPE_DEFAULTS.get(e["type"], {}), **e} for e in data["elements"]]
    names: set[str] = set()
    for e in elements:
        if e["type"] == "text":
            names |= _placeholders(e["text"])
    width, height = data["size_mm"]
    return Template(kind=kind, name=str(data.get("name", "")), width_mm=float(width),
                    height_mm=float(height), elements=elements, path=path, placeholders=names,
                    back=None)


def load(path: str | Path, _depth: int = 0) -> Template:
    """Load a template file (and the back side it names)."""
    path = Path(path)
    label = f"模板文件“{path.name}”"
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise TemplateError(f"找不到模板文件：{path}") from None
    except UnicodeDecodeError:
        raise TemplateError(f"{label}不是 UTF-8 编码的文本") from None
    except OSError as exc:
        raise TemplateError(f"无法读取模板文件 {path}：{exc.strerror or exc}") from None
    template = loads(text, label, path)
    data_back = json.loads(text).get("back")
    if data_back:
        if _depth > 0:
            raise TemplateError(f"{label}：背面模板不能再有背面")
        back = load(path.parent / data_back, _depth + 1)
        if back.kind != template.kind or abs(back.width_mm - template.width_mm) > 0.01 \
                or abs(back.height_mm - template.height_mm) > 0.01:
            raise TemplateError(f"{label}：背面模板“{data_back}”的种类或尺寸与正面不同")
        template.back = back
    return template


def builtin_path(name: str) -> Path:
    return TEMPLATE_DIR / BUILTIN[name]


def for_kind(name: str, explicit: str | None = None) -> Template:
    """The template to use: --template, else the office's setting, else the built-in one."""
    from swdesk.services import settings

    kind = "badge" if name.startswith("badge") else name
    chosen = explicit or settings.get(f"template_{name}", "") or ""
    template = load(chosen or builtin_path(name))
    if template.kind != kind:
        raise TemplateError(f"模板“{Path(chosen).name}”是{KIND_NAMES[template.kind]}模板，"
                            f"不能用来打印{KIND_NAMES[kind]}")
    return template


def fill(text: str, fields: dict[str, Any]) -> str:
    return text.format_map(fields)
