"""Pinyin of names for search ("zhangsan", "zs"). pypinyin is imported on first use: it costs
0.2 s at start-up otherwise."""
from __future__ import annotations

import functools

# pypinyin reads these characters with their common reading; as a surname they read otherwise.
SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao", "查": "zha",
    "乐": "yue", "盖": "ge", "尉": "yu", "万俟": ("mo", "qi"), "尉迟": ("yu", "chi"),
    "长孙": ("zhang", "sun"),
    "覃": "qin", "缪": "miao", "翟": "zhai", "祭": "zhai", "员": "yun", "秘": "bi", "繁": "po",
    "种": "chong", "黑": "he", "召": "shao", "句": "gou", "冼": "xian", "卜": "bu", "薄": "bo",
    "宓": "mi", "隗": "wei", "华": "hua", "任": "ren", "沈": "shen", "石": "shi",
}

# Characters pypinyin has no reading for: two that occur in names, and the nine of the basic block
# (U+4E00–U+9FA5) it lacks — unit ligatures and a Japanese-made character, read as pinyin-data
# (the dataset behind pypinyin-dict 0.9.0) reads them. 烪 (U+70EA) has no reading in either.
RARE_READINGS = {"𠮷": "ji", "䶮": "yan",
                 "兙": "shike", "兡": "baike", "嗧": "jialun", "桛": "kasei", "瓧": "shiwa",
                 "瓰": "fenwa", "瓱": "maowa", "瓼": "liwa", "甅": "liwa"}
NO_READING = "烪"


@functools.lru_cache(maxsize=1)
def _lazy():
    import pypinyin

    return pypinyin


def syllables(name: str) -> list[str]:
    """One lower-case syllable per character (non-Chinese characters kept as they are)."""
    name = (name or "").strip()
    if not name:
        return []
    pypinyin = _lazy()
    surname_len = 2 if name[:2] in SURNAME_READINGS else 1
    head = name[:surname_len]
    out: list[str] = []
    if head in SURNAME_READINGS:
        reading = SURNAME_READINGS[head]
        out.extend([reading] if isinstance(reading, str) else reading)
        rest = name[surname_len:]
    else:
        rest = name
    def unknown(chars: str) -> list[str]:
        return [RARE_READINGS.get(c, c) for c in chars]

    out.extend(s.lower() for s in pypinyin.lazy_pinyin(rest, errors=unknown))
    return out


def full(name: str) -> str:
    """'zhangsan' for 张三; separators such as the middle dot of 阿依古丽·买买提 are dropped."""
    return "".join(s for s in syllables(name) if s.isalnum())


def initials(name: str) -> str:
    """'zs' for 张三."""
    return "".join(s[0] for s in syllables(name) if s and s[0].isalnum())


@functools.lru_cache(maxsize=65536)
def full_and_initials(name: str) -> tuple[str, str]:
    """(full(name), initials(name)) from one pass over the name. Every writer of a worker calls
    this (the form, the import, the demo).

    pypinyin costs ~60 µs a name, 6 s for 100,000 mostly distinct names. It reads a name phrase
    by phrase and a character outside any phrase by its default reading; so a name of Chinese
    characters none of whose parts is a phrase reads as its characters' default readings, taken
    from a per-character cache here (~3 µs a name). Other names go through pypinyin.
    """
    parts = _fast_syllables(name) or syllables(name)
    return ("".join(s for s in parts if s.isalnum()),
            "".join(s[0] for s in parts if s and s[0].isalnum()))


@functools.lru_cache(maxsize=1)
def _phrases() -> dict:
    from pypinyin.constants import PHRASES_DICT  # loaded with pypinyin itself, see _lazy()

    _lazy()
    return PHRASES_DICT


@functools.cache
def _char_reading(char: str) -> str:
    """A character's default reading (as pypinyin gives it outside any phrase), ignoring that it
    may also be a surname."""
    if char in RARE_READINGS:
        return RARE_READINGS[char]
    return _lazy().lazy_pinyin(char)[0].lower()


def _fast_syllables(name: str) -> list[str] | None:
    """syllables(name) without pypinyin's phrase segmentation, or None when it could matter."""
    name = (name or "").strip()
    head_len = 2 if name[:2] in SURNAME_READINGS else 1
    head = name[:head_len]
    out: list[str] = []
    rest = name
    if head in SURNAME_READINGS:
        reading = SURNAME_READINGS[head]
        out.extend([reading] if isinstance(reading, str) else reading)
        rest = name[head_len:]
    if not rest or not all("\u4e00" <= c <= "\u9fff" for c in rest):
        return None
    phrases = _phrases()
    n = len(rest)
    if any(rest[i:j] in phrases for i in range(n) for j in range(i + 2, n + 1)):
        return None
    out.extend(_char_reading(c) for c in rest)
    return out
