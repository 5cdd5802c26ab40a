"""Characters a card, certificate or official form cannot carry (issue 14, item 7): emoji and
their invisible parts, control and private-use characters are refused where text is entered and
where a roster is imported, naming the field and the character; Chinese of GB 18030 (rare
ideographs included) and the symbols GBK has are kept."""
from __future__ import annotations

import pytest

from swdesk.errors import ValidationError
from swdesk.jobs.import_roster import import_roster
from swdesk.models import Worker
from swdesk.services import workers
from swdesk.services.fieldcheck import Checker, unprintable_character
from tests.swdesk.xlsx.roster_files import good_row, write_roster

KEPT = ["吉𠮷", "䶮", "𪛖", "〇", "王★", "①号", "约翰·史密斯", "Müller", "℃", "（ＡＢＣ）"]
REFUSED = {"李😀": "😀", "👍🏻": "👍", "🇨🇳": "🇨", "1️⃣": "\ufe0f", "a\u200db": "\u200d",
           "林\ue000": "\ue000", "☎": "☎", "张\x07": "\x07", "未\U000e0001": "\U000e0001"}


@pytest.mark.parametrize("text", KEPT)
def test_chinese_and_gbk_symbols_are_kept(text):
    assert unprintable_character(text) is None


@pytest.mark.parametrize("text,char", REFUSED.items())
def test_emoji_and_invisible_characters_are_found(text, char):
    assert unprintable_character(text) == char


def test_a_worker_form_names_the_field_and_the_character(office):
    data = {"name": "李😀", "gender": "男", "birth_date": "1990-01-01", "employer": "某单位\u200d",
            "sector": "企业", "education": "大专", "title": "无",
            "notes": "第一行\n第二行"}
    problems = workers.validate(data)
    assert problems["name"] == "姓名含有表情符号或特殊符号“😀”（U+1F600），证件和证明无法打印，请删除"
    assert problems["employer"].startswith("工作单位含有表情符号（其中不可见的组合字符）（U+200D）")
    assert "notes" not in problems                     # line breaks belong in 备注
    with pytest.raises(ValidationError):
        workers.create(data)
    assert workers.validate({**data, "name": "吉𠮷", "employer": "某单位"}) == {}


def test_every_service_form_refuses_them_too():
    checker = Checker({"name": "夕阳红🎉小组", "site": "活动室"})
    assert checker.text("name") == "夕阳红🎉小组"
    assert checker.text("site") == "活动室"
    assert checker.problems == {"name": "含有表情符号或特殊符号“🎉”（U+1F389），证件和证明无法打印，请删除"}


def test_import_refuses_the_row_naming_field_and_character(office, tmp_path):
    path = write_roster(tmp_path / "名单.xlsx", [good_row(0), good_row(1, 姓名="陈🌸"),
                                                 good_row(2, 姓名="吉𠮷", 工作单位="区医院🏥")])
    result = import_roster(path)
    assert [p.line() for p in result.data.problems] == [
        "第3行 〈姓名〉 姓名含有表情符号或特殊符号“🌸”（U+1F338），证件和证明无法打印，请删除",
        "第4行 〈工作单位〉 工作单位含有表情符号或特殊符号“🏥”（U+1F3E5），证件和证明无法打印，请删除"]
    assert Worker.select().count() == 0
    result = import_roster(path, skip_bad=True)
    assert result.count == 1
