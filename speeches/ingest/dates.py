"""Dates as written in speech headers and sign-offs, in Arabic or Chinese numerals, masks kept unknown."""
from __future__ import annotations

import re

from .model import PartialDate

_CN = {"〇": 0, "○": 0, "零": 0, "O": 0, "o": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
       "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_YEAR = "〇○零一二三四五六七八九Oo"
_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_MASK = r"(?:[*＊×xX某□○]+)"
_DATE = re.compile(
    rf"(?P<year>\d{{4}}|[{_CN_YEAR}]{{4}})\s*年\s*"
    rf"(?:(?P<month>{_NUM}|{_MASK})\s*月\s*(?:(?P<day>{_NUM}|{_MASK})\s*[日号])?)?")
# '2021.1.5', '2021-01-05', '2021/1/5': only ever a whole date, never a bare year.
_DOTTED = re.compile(r"(?<!\d)(?P<y>(?:18|19|20)\d{2})[.\-/](?P<m>\d{1,2})[.\-/](?P<d>\d{1,2})(?!\d)")
_COMPACT = re.compile(r"[（(](?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)[）)]")
# After the date: nothing, a closing bracket, another date, the time of day, or '在…'.
_AFTER = r"\s*(?:$|[）)、—\-－至到，,]|在|于|上午|下午|晚上|晚)"
_DATE_LINE = re.compile(rf"^[（(]?\s*(?:{_DATE.pattern}|{_DOTTED.pattern}){_AFTER}")


def parse_date(text: str) -> PartialDate | None:
    """The first date in text: '（2021年1月**日）' -> 2021-01, '2020年*月18日' -> 2020."""
    match = _DATE.search(text)
    if match:
        return _from_match(match)
    for pattern in (_DOTTED, _COMPACT):
        found = pattern.search(text)
        if found:
            return _valid(int(found["y"]), int(found["m"]), int(found["d"]))
    return None


def is_date_line(text: str, *, max_len: int = 40) -> bool:
    """A line that starts with a date and is not a sentence: a header or sign-off date."""
    return len(text) <= max_len and bool(_DATE_LINE.match(text)) and not text.endswith("。")


def _from_match(match: re.Match) -> PartialDate | None:
    year = _cn_year(match["year"])
    month = _cn_number(match["month"]) if match["month"] else None
    day = _cn_number(match["day"]) if (match["day"] and month) else None
    return _valid(year, month, day)


def _valid(year: int, month: int | None, day: int | None) -> PartialDate | None:
    if not 1800 <= year <= 2100:
        return None
    if month is not None and not 1 <= month <= 12:
        month = day = None
    if day is not None and not 1 <= day <= 31:
        day = None
    return PartialDate(year, month, day)


def _cn_year(text: str) -> int:
    if text.isdigit():
        return int(text)
    return int("".join(str(_CN[c]) for c in text))


def _cn_number(text: str) -> int | None:
    """'12' -> 12, '二十五' -> 25, '十' -> 10; masks ('**', '×') -> None."""
    if text.isdigit():
        return int(text)
    if not all(c in _CN or c == "十" for c in text):
        return None
    if "十" not in text:
        return _CN[text[0]] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return None  # '十十', '二三十': not a numeral anyone writes
    return (_CN[tens] if tens else 1) * 10 + (_CN[ones] if ones else 0)


def parse_compact_date(text: str) -> PartialDate | None:
    """Only the '（20220101）' form, as programme titles carry it; a bare '2021年' in a title is not a date."""
    compact = _COMPACT.search(text)
    return _valid(int(compact["y"]), int(compact["m"]), int(compact["d"])) if compact else None
