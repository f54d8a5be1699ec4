"""Lines about a speech rather than of it: news-agency datelines, newspaper publication lines,
'※这是…' footnotes and photo credits. Each gives metadata (place, date, speaker, occasion) or
nothing, and none of them is speech text.
"""
from __future__ import annotations

import datetime
import re

from .dates import parse_date
from .lexicon import HAN, TITLE_NOUN
from .model import PartialDate
from .people import clean_name

DATELINE = re.compile(
    rf"^(?P<open>[（(])?\s*(?:据)?新华社(?P<city>[{HAN}]{{2,8}}?)?\s*(?P<month>\d{{1,2}})月(?P<day>\d{{1,2}})日(?:专)?电"
    r"\s*(?:[（(][^）)]{1,20}[）)])?\s*(?(open)[^（）()]{0,80}[）)])$")
PUBLICATION = re.compile(
    r"^《\s*[^》]{2,12}\s*》\s*[（(]\s*(?P<date>\d{4}年\d{1,2}月\d{1,2}日)\s*(?:\d+\s*版)?\s*[）)]$")
FOOTNOTE = re.compile(r"^※")
_FOOTNOTE_WHO = re.compile(
    rf"^※\s*(?:这是|本文是|此文是)?(?P<name>[{HAN}]{{2,4}}?)(?:同志|总书记|主席|总理|委员长|书记)?"
    r"(?=\s*(?:\d{4}|[〇○一二三四五六七八九]{4})年|在|于)")
_FOOTNOTE_OCCASION = re.compile(rf"在(?:(?P<held>[{HAN}]{{2,8}}?)(?:召开|举行|举办)的)?(?P<occ>[^。，]{{2,60}}?)(?:上|中|期间|时)?的[^。]{{0,10}}{TITLE_NOUN}")
# '（新华社记者 黄宗治 摄）', '新华社记者 李学仁/摄', '本报记者 赵亮摄': the credit of a photo.
PHOTO_CREDIT = re.compile(
    rf"[（(]?\s*(?:新华社|本报|人民日报|央视|中新社)?(?:特约)?(?:记者|通讯员)\s*"
    rf"[{HAN}]{{2,4}}(?:[\s、]+[{HAN}]{{2,4}}){{0,2}}\s*/?\s*摄\s*[）)]?|[（(]\s*新华社发\s*[）)]")
# A caption line: a short sentence about a picture that ends with its credit.
CAPTION_LINE = re.compile(rf"^(?:▲.{{0,120}}|.{{0,120}}(?:{PHOTO_CREDIT.pattern}|新华社发|图为[^。]{{0,60}}。?))$")


def dateline(text: str) -> tuple[str | None, int, int] | None:
    """(city, month, day) of a '新华社杭州9月20日电' line, else None."""
    match = DATELINE.match(text) if "新华社" in text else None
    return (match["city"], int(match["month"]), int(match["day"])) if match else None


def publication_year(text: str) -> int | None:
    match = PUBLICATION.match(text) if "》" in text else None
    date = parse_date(match["date"]) if match else None
    return date.year if date else None


def footnote(text: str) -> dict:
    """What a '※这是X同志2024年7月18日在…上的讲话。' footnote says: speaker, date, occasion."""
    found: dict = {}
    who = _FOOTNOTE_WHO.match(text)
    if who and clean_name(who["name"]):
        found["speaker"] = (clean_name(who["name"]), who["name"])
    date = parse_date(text)
    if date:
        found["date"] = (date, text)
    occasion = _FOOTNOTE_OCCASION.search(text)
    if occasion:
        found["occasion"] = (occasion["occ"], occasion["occ"])
        if occasion["held"]:  # '在南昌召开的全省…会议上': the place as written
            found["city"] = (occasion["held"], occasion["held"])
    return found


_STAMP = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_NEWS_DELAY_DAYS = 31


def stamp_year(stamps: list[str], month: int, day: int) -> int | None:
    """The year of a dateline's month and day from the page's publication stamp ('2026-01-05
    08:00', '发布时间：2026年1月5日'), when the page came out within a month after it (a page
    stamped months later is a reprint: its year says nothing)."""
    for text in stamps:
        match = _STAMP.search(text)
        if not match:
            continue
        year, stamp = int(match[1]), dated(int(match[1]), int(match[2]), int(match[3]))
        for candidate in (year, year - 1):  # a 12月31日 dateline on a page of 1月2日
            filed = dated(candidate, month, day)
            if stamp and filed and 0 <= _days(filed, stamp) <= _NEWS_DELAY_DAYS:
                return candidate
    return None


def _days(a: PartialDate, b: PartialDate) -> int:
    try:
        return (datetime.date(b.year, b.month, b.day) - datetime.date(a.year, a.month, a.day)).days
    except ValueError:  # '2月30日'
        return -1


def dated(year: int | None, month: int, day: int) -> PartialDate | None:
    if year is None or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return PartialDate(year, month, day)


def strip_credits(text: str) -> str:
    """A paragraph without the photo credits glued into it."""
    if "摄" not in text and "新华社发" not in text:
        return text
    return PHOTO_CREDIT.sub("", text).strip()
