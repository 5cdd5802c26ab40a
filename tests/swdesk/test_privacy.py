"""swdesk/privacy.py: the one set of masking rules (ID numbers, phones, minors' names, free text)."""
from __future__ import annotations

from swdesk import privacy

ID = "350502199001011234"


def test_id_number_shows_first_six_and_last_four():
    assert privacy.mask_id(ID) == "350502********1234"
    assert privacy.mask_id("35050219900101123x") == "350502********123X"
    assert privacy.mask_id("") == ""
    assert privacy.mask_id(None) == ""
    assert privacy.mask_id("12345") == "*****"


def test_phones():
    assert privacy.mask_phone("13812345678") == "138****5678"
    assert privacy.mask_phone("138-1234-5678") == "138****5678"
    assert privacy.mask_phone("0591-83331234") == "059*****1234"
    assert privacy.mask_phone("83331234") == "****1234"
    assert privacy.mask_phone("12345") == "*****"
    assert privacy.mask_phone("") == "" and privacy.mask_phone(None) == ""


def test_minors_names():
    assert privacy.mask_name("张三") == "张*"
    assert privacy.mask_name("张晓明") == "张*明"
    assert privacy.mask_name("欧阳明月") == "欧**月"
    assert privacy.mask_name("") == ""


def test_values_by_field_and_ids_inside_text():
    assert privacy.mask_value("head_id_number", ID) == privacy.mask_id(ID)
    assert privacy.mask_value("guardian_phone", "13812345678") == "138****5678"
    assert privacy.mask_value("youth_name", "张晓明") == "张*明"
    assert privacy.mask_value("notes", f"身份证 {ID} 已核对") == f"身份证 {privacy.mask_id(ID)} 已核对"
    assert privacy.mask_value("minutes", 30) == 30
    assert privacy.mask_ids(f"{ID}x") == f"{privacy.mask_id(ID)}x"
    assert privacy.mask_ids("1" * 19) == "1" * 19  # a longer digit run is not an ID
