"""The roster's read side: search, filters, sort, counts, pages — on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as _dt

import pytest

from swdesk import db as swdb
from swdesk import idcard, vocab
from swdesk.models import Community
from swdesk.services import search, workers

TODAY = _dt.date.today()


def _birth(age: int, day_offset: int = 0) -> _dt.date:
    return TODAY.replace(year=TODAY.year - age - 1) + _dt.timedelta(days=30 + day_offset)


PEOPLE = [
    # name, age, sector, specialties, community, phone, seq
    ("张三", 30, "企业", ["法律援助"], "东街社区", "13800001234", 11),
    ("张晓明", 40, "事业单位", ["心理疏导", "社会养老"], "西街社区", "13911112222", 13),
    ("章子怡", 50, "企业", ["医疗卫生"], "东街社区", "13700005678", 22),
    ("李四", 58, "党政机关", ["法律援助"], None, "", 31),
    ("王喆", 65, "民间组织", ["慈善救济"], "西街社区", "15000001234", 44),
    ("欧阳明月", 25, "社区/群团/离退休", ["社区建设"], "东街社区", "18612345678", 51),
]


@pytest.fixture
def people(db, office):
    for name in ("东街社区", "西街社区"):
        Community.create(office=office, name=name)
    made = {}
    for name, age, sector, specs, community, phone, seq in PEOPLE:
        birth = _birth(age)
        worker = workers.create({
            "name": name, "id_number": idcard.make("350502", birth, seq), "phone": phone,
            "sector": sector, "education": "大专", "title": "初级", "specialties": specs,
            "community": community, "kind": "志愿者", "political_status": "群众",
        })
        made[name] = worker
    workers.deactivate(made["李四"].id, "迁出本街道", TODAY)
    return made


def names(view: search.View, limit: int = 50) -> list[str]:
    return [r.name for r in search.page(view, 0, limit)]


def test_empty_search_lists_everyone_in_registration_order(people):
    assert search.total() == len(PEOPLE)
    assert search.count(search.View()) == len(PEOPLE)
    assert names(search.View()) == [p[0] for p in PEOPLE]


@pytest.mark.parametrize("text, expected", [
    ("张", {"张三", "张晓明"}),                 # surname prefix
    ("晓明", {"张晓明"}),                       # 2+ characters anywhere in the name
    ("明月", {"欧阳明月"}),
    ("zhang", {"张三", "张晓明", "章子怡"}),     # pinyin, full
    ("zs", {"张三"}),                           # pinyin initials
    ("ZXM", {"张晓明"}),                        # case does not matter
    ("ouyang", {"欧阳明月"}),
    ("1234", {"张三", "王喆", "欧阳明月"}),       # any 4 digits: phone 13800001234, 15000001234, 18612345678
    ("138", {"张三"}),                          # 1-3 digits: start of the phone
    ("张 zxm", {"张晓明"}),                      # several words: all must match
    ("zhou", set()),
])
def test_search(people, text, expected):
    view = search.View(text=text)
    assert set(names(view)) == expected
    assert search.count(view) == len(expected)


def test_search_by_id_digits_and_card_number(people):
    worker = people["章子怡"]
    # The birth date part of the ID number (8 digits), and its last 4 characters.
    assert set(names(search.View(text=worker.id_number[6:14]))) == {"章子怡"}
    assert "章子怡" in names(search.View(text=worker.id_number[-4:]))
    assert names(search.View(text=worker.card_no)) == ["章子怡"]
    assert "章子怡" in names(search.View(text=worker.card_no[-5:]))


def test_search_follows_updates_of_phone_and_id(people):
    """The ID/phone index is kept in sync on update and delete (triggers on SQLite)."""
    worker = people["张三"]
    workers.update(worker.id, {"phone": "13912349876"}, worker.version)
    assert names(search.View(text="9876")) == ["张三"]
    assert "张三" not in names(search.View(text="00001234"))
    workers.delete(people["欧阳明月"].id, "录入错误")
    assert names(search.View(text="12345678")) == []


def test_rare_character_outside_bmp_found_by_prefix(db, office):
    workers.create({"name": "张𠮷", "gender": "男", "birth_date": _dt.date(1990, 1, 1), "sector": "企业",
                    "education": "大专", "title": "无"})
    assert names(search.View(text="张")) == ["张𠮷"]


@pytest.mark.parametrize("filters, expected", [
    ({"sector": "企业"}, {"张三", "章子怡"}),
    ({"specialty": "法律援助"}, {"张三", "李四"}),
    ({"status": vocab.STATUS_LEFT}, {"李四"}),
    ({"age_band": "35岁及以下"}, {"张三", "欧阳明月"}),
    ({"age_band": "56–60岁"}, {"李四"}),
    ({"age_band": "60岁以上"}, {"王喆"}),
    ({"sector": "企业", "specialty": "医疗卫生"}, {"章子怡"}),
    ({"education": "本科及以上"}, set()),
    ({"kind": "志愿者", "political_status": "群众", "title": "初级"}, {p[0] for p in PEOPLE}),
])
def test_filters(people, filters, expected):
    view = search.View(filters=filters)
    assert set(names(view)) == expected
    assert search.count(view) == len(expected)


def test_community_filter_and_search_combine(people):
    east = Community.get(Community.name == "东街社区").id
    assert set(names(search.View(filters={"community": east}))) == {"张三", "章子怡", "欧阳明月"}
    assert set(names(search.View(text="zhang", filters={"community": east}))) == {"张三", "章子怡"}
    # A specialty checked per row when a search narrows the rows first.
    assert names(search.View(text="zhang", filters={"specialty": "社会养老"})) == ["张晓明"]


def test_sort_by_each_column_with_unique_tiebreaker(people):
    for key in search.COLUMN_KEYS:
        for descending in (False, True):
            view = search.View(sort=key, descending=descending)
            rows = search.page(view, 0, 50)
            assert len(rows) == len(PEOPLE), key
            if key == "age":
                ages = [r.age() for r in rows]
                assert ages == sorted(ages, reverse=descending)
            if key == "phone":
                phones = [r.phone for r in rows]
                assert phones == sorted(phones, reverse=descending)
    by_name = names(search.View(sort="name"))
    assert by_name.index("李四") < by_name.index("王喆") < by_name.index("张三")   # pinyin order


def test_sort_is_stable_across_pages(db, office):
    """Ties (same sector) are broken by id, so pages never repeat or skip anyone."""
    for i in range(23):
        workers.create({"name": f"测试{i}", "gender": "女", "birth_date": _dt.date(1980, 1, 1 + i),
                        "sector": "企业", "education": "大专", "title": "无"})
    view = search.View(sort="sector", descending=True)
    seen = []
    for offset in range(0, 23, 5):
        seen.extend(r.id for r in search.page(view, offset, 5))
    assert len(seen) == len(set(seen)) == 23


def test_first_page_counts_without_extra_query_when_short(people):
    rows, matched = search.first_page(search.View(text="zhang"), 200)
    assert matched == 3 and len(rows) == 3
    rows, matched = search.first_page(search.View(), 2)
    assert matched == len(PEOPLE) and len(rows) == 2
    rows, matched = search.first_page(search.View(sort="age", descending=True), 2, everyone=6)
    assert matched == len(PEOPLE) and [r.name for r in rows] == ["王喆", "李四"]


def test_row_display_and_single_row(people):
    row = search.row(people["张晓明"].id)
    assert row.display("age") == "40"
    assert row.display("community") == "西街社区"
    assert row.display("specialties") == "心理疏导、社会养老"
    assert row.display("card_no") == people["张晓明"].card_no
    assert search.row(999999) is None


def test_worker_query_and_ids_follow_the_view(people):
    view = search.View(filters={"sector": "企业"}, sort="age", descending=True)
    assert [w.name for w in search.worker_query(view)] == ["章子怡", "张三"]
    assert search.ids(view) == [people["章子怡"].id, people["张三"].id]
    assert search.position(view, people["张三"].id) == 1
    assert search.position(view, people["李四"].id) is None


def test_filter_choices(people):
    choices = search.filter_choices()
    assert [k for k, _ in search.FILTERS] == list(choices)
    assert [label for label, _ in choices["community"]] == ["东街社区", "西街社区"]
    assert ("法律援助", "法律援助") in choices["specialty"]
    with pytest.raises(ValueError):
        search.count(search.View(filters={"nonsense": 1}))


def test_office_scope(people):
    """A street user sees only the workers of their own office."""
    from swdesk.models import Office
    from swdesk.services import base

    other = Office.create(district="示例区", street="另一街道", street_code="350502002", centre_name="另一中心")
    base.set_session(base.Session(office_id=other.id))
    assert search.total() == 0
    assert search.count(search.View(text="zhang")) == 0
    assert search.page(search.View(sort="name"), 0, 10) == []


def test_trigram_index_on_sqlite(people, sqlite_only):
    assert swdb.has_trigram_index("worker")
    # The index is rebuilt if missing (e.g. a database from before it existed).
    database = swdb.database()
    database.execute_sql(f"DROP TABLE {swdb.trigram_table('worker')}")
    for suffix in ("ai", "ad", "au"):
        database.execute_sql(f"DROP TRIGGER {swdb.trigram_table('worker')}_{suffix}")
    assert not swdb.has_trigram_index("worker")
    assert set(names(search.View(text="1234"))) == {"张三", "王喆", "欧阳明月"}   # LIKE fallback
    swdb.ensure_trigram_indexes()
    assert swdb.has_trigram_index("worker")
    assert set(names(search.View(text="1234"))) == {"张三", "王喆", "欧阳明月"}


@pytest.mark.parametrize("view", [
    search.View(text="zhang"), search.View(text="张"), search.View(text="z", sort="name"),
    search.View(text="1", sort="phone", descending=True), search.View(filters={"sector": "企业"}, sort="age"),
    search.View(text="zhang", filters={"specialty": "法律援助"}), search.View(sort="education"),
    search.View(text="1234", sort="card_no"),
])
def test_walking_the_order_and_finding_give_the_same_rows(people, view):
    """Both ways of reading a page (chosen from the counts) return the same rows in order."""
    matched, everyone = search.count(view), search.total()
    found = [r.id for r in search.page(view, 0, 50, matched=None, everyone=None)]
    assert found == search.ids(view)
    for offset in range(0, max(matched, 1)):
        walked = search.page(view, offset, 1, matched=matched, everyone=everyone)   # 1-row pages walk
        assert [r.id for r in walked] == found[offset:offset + 1]
    rows, counted = search.first_page(view, 2, everyone)
    assert counted == matched and [r.id for r in rows] == found[:2]


def test_card_numbers_in_an_office_format_with_letters(db, office):
    from swdesk.services import settings

    settings.put("card_no_format", "SG-{year}-{seq}")
    worker = workers.create({"name": "赵六", "gender": "男", "birth_date": _dt.date(1980, 1, 1),
                             "sector": "企业", "education": "大专", "title": "无"})
    workers.create({"name": "钱七", "gender": "男", "birth_date": _dt.date(1981, 1, 1),
                    "sector": "企业", "education": "大专", "title": "无"})
    assert worker.card_no.startswith("SG-")
    assert names(search.View(text=worker.card_no)) == ["赵六"]
    assert names(search.View(text=worker.card_no.lower())) == ["赵六"]
    assert set(names(search.View(text=f"SG-{TODAY.year}"))) == {"赵六", "钱七"}


# Pairs of searches whose words are of the same kinds: the second reuses the statement compiled
# for the first, with its own words put into the parameters.
SAME_SHAPE = [
    ("zhang", "wangz"),          # pinyin / initials
    ("z", "w"),                  # one letter
    ("张", "王"),                # one character: start of the name
    ("晓明", "明月"),            # 2+ characters anywhere in the name
    ("1234", "5678"),            # 4+ digits: ID number, phone, card number
    ("138", "150"),              # 1-3 digits: start of phone or card number
    ("ab1", "x9z"),              # letters and digits: card number
    ("zhang 138", "ouyang 186"),  # two words
]


@pytest.mark.parametrize("texts", SAME_SHAPE, ids=[a for a, _ in SAME_SHAPE])
def test_cached_statements_give_the_same_rows_as_building_them_afresh(people, texts):
    east = Community.get(Community.name == "东街社区").id
    search.clear_statement_cache()
    everyone = search.total()
    for filters in ({}, {"sector": "企业"}, {"community": east, "status": vocab.STATUS_ACTIVE},
                    {"specialty": "法律援助"}, {"age_band": vocab.AGE_BANDS[0]}):
        for sort, descending in (("", False), ("name", False), ("age", True), ("specialties", False)):
            for text in texts:
                view = search.View(text=text, filters=filters, sort=sort, descending=descending)
                matched = search.count(view)
                assert matched == search.count(view, cached=False), view
                for counts in ({}, {"matched": matched, "everyone": everyone}):   # find / walk
                    for offset in (0, 2):
                        cached = search.page(view, offset, 3, **counts)
                        assert cached == search.page(view, offset, 3, cached=False, **counts), (view, counts)
    # The statements were compiled and reused, not skipped as uncacheable.
    assert search._statements and all(c is not None for c in search._statements.values())


def test_cached_statements_find_the_right_people(people):
    """The words of a later search really replace those of the search the statement was compiled
    for (a wrong parameter would give the first search's rows)."""
    search.clear_statement_cache()
    assert set(names(search.View(text="zhang"))) == {"张三", "张晓明", "章子怡"}
    assert names(search.View(text="wangz")) == ["王喆"]
    assert names(search.View(text="ouyang")) == ["欧阳明月"]
    assert names(search.View(text="晓明")) == ["张晓明"]
    assert names(search.View(text="明月")) == ["欧阳明月"]
    assert set(names(search.View(text="1234"))) == {"张三", "王喆", "欧阳明月"}
    assert set(names(search.View(text="5678"))) == {"章子怡", "欧阳明月"}


@pytest.mark.parametrize("text", ["50%", "张_", "a\\b", "%"])
def test_search_words_with_like_wildcards_are_not_cached(people, text):
    search.clear_statement_cache()
    view = search.View(text=text)
    assert search.count(view) == search.count(view, cached=False) == 0
    assert search.page(view, 0, 10) == []
    assert not search._statements


def test_rows_convert_birth_date_when_asked(people):
    row = search.row(people["张三"].id)
    assert row.birth_date == people["张三"].birth_date
    assert row.age(TODAY) == 30
    assert row.card_no and row.community == "东街社区"
    nobody = search.row(people["李四"].id)
    assert nobody.community == ""        # no community: "" (not None)


def test_first_page_within_a_time_limit(people, monkeypatch):
    specific = search.View(text="zhang")
    found = search.first_page_within(specific, 200, None, 1.0)
    if not swdb.is_sqlite():
        assert found is None               # no way to stop a statement early: always the thread
        return
    rows, matched, everyone = found
    assert (rows, matched) == search.first_page(specific, 200) and everyone == len(PEOPLE)
    # Views that may match many rows, or sorted ones, are left to the search thread.
    assert search.first_page_within(search.View(text="z"), 200, 6, 1.0) is None
    assert search.first_page_within(search.View(), 200, 6, 1.0) is None
    assert search.first_page_within(search.View(text="zhang", sort="name"), 200, 6, 1.0) is None
    # Past the limit the statement is aborted: None, and the connection works as before.
    monkeypatch.setattr(search, "_PROGRESS_STEPS", 1)
    assert search.first_page_within(specific, 200, 6, -1.0) is None
    assert search.count(specific) == 3
    assert search.first_page_within(specific, 200, 6, 1.0)[1] == 3


def test_a_pasted_list_of_a_thousand_words_is_one_set_lookup(people):
    """78 words overflowed SQLite's parser stack and ~1,000 Python's recursion limit; a pasted
    column (names, ID numbers, card numbers) now finds anyone on it."""
    filler = [f"无此人{i}" for i in range(997)]
    text = "\n".join(filler[:500] + ["张三", people["王喆"].id_number, people["李四"].card_no.lower()] + filler[500:])
    view = search.View(text=text)
    assert sorted(names(view)) == ["张三", "李四", "王喆"] and search.count(view, cached=False) == 3
    assert search.list_note(text) == ""
    assert sorted(names(search.View(text="张三、李四，王喆"))) == ["张三", "李四", "王喆"]
    # Typed words still narrow (every word must match), as before.
    assert names(search.View(text="张 zs")) == ["张三"]


def test_an_over_long_list_is_cut_with_a_note_and_an_over_long_word_matches_nobody(people):
    text = "\n".join([f"无此人{i}" for i in range(search.MAX_LIST_ENTRIES)] + ["张三"])
    assert names(search.View(text=text)) == []
    assert search.list_note(text) == f"粘贴的名单有 {search.MAX_LIST_ENTRIES + 1} 项，只按前 {search.MAX_LIST_ENTRIES} 项查找"
    assert search.count(search.View(text="3" * 10_000), cached=False) == 0
    assert names(search.View(text="1380000")) == ["张三"]        # the cached shape of a digits word is intact
