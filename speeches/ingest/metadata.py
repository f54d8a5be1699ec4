"""Step 5: title, subtitle, speaker, office, date, city and occasion of one speech.

Each field is None unless the text says it. The header is the run of short lines above the
body (title, '——在…上的讲话', speaker, date); a date may also stand alone at the bottom.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import is_date_line, parse_compact_date, parse_date
from .lexicon import OCCASION_TITLE, SALUTATION, SENTENCE_END, TITLE_NOUN
from .model import PartialDate
from .people import clean_name, parse_speaker_line, speaker_from_note, speaker_from_title
from .notes_meta import read_datelines, read_footnotes, take_notes
from .places import city_from, place_at, place_in_note, province_of

_HEADER_MAX_LINES = 8
_TITLE_MAX = 60
_DASH = re.compile(r"^(?:——|--|－－|—)\s*")
_OUTLINE_START = re.compile(r"^(?:第[一二三四五六七八九十]+[，,、]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、](?!\d))")
_PAREN_NOTE = re.compile(r"^[（(\[【].*[）)\]】]$")
_DATE_PREFIX = re.compile(r"^[（(]?\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年(?:[^在）)]{0,8}[日月])?\s*")
_OCCASION_LINE = re.compile(rf"^在(?P<occ>.+?)(?:开幕式|闭幕式)?(?:上|中)?(?:的.{{0,12}}{TITLE_NOUN}.*)?[）)]?$")
_OCCASION_OPENING = re.compile(r"向(?P<occ>第[^，。、]{2,30}?(?:会议|大会))(?:作|报告|提出|提交)")
_SIGN_OFF_LINES = 3
_AFTER_NOTE = re.compile(r"^[（(][^（）()]{4,30}[）)]\s*(?P<rest>\S.{1,30})$")
_HEADLINE_TAIL = re.compile(r"[（(]?(?:全文|摘要|实录|图文)[）)]?$")
_SUBTITLE_END = re.compile(rf"(?:上|中|时|之际|{TITLE_NOUN})[）)]?$")



@dataclass
class Meta:
    title: str | None = None
    subtitle: str | None = None
    speaker: str | None = None
    speaker_title: str | None = None
    date: PartialDate | None = None
    city: str | None = None
    occasion: str | None = None
    body: list[str] = field(default_factory=list)
    # field -> (snippet, rule, line): the text a value was read from, looked up inside line
    found: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (line, rule): notes, not text
    notes: list[tuple[str, str]] = field(default_factory=list)  # (kind, line): datelines, footnotes…
    stamps: list[str] = field(default_factory=list)  # '2026-01-05 08:00 来源：…': removed, year only

    def put(self, name: str, value, snippet: str, rule: str, line: str = "") -> None:
        """Set a field unless already set, remembering the text it came from and the rule."""
        if value and not getattr(self, name):
            setattr(self, name, value)
            self.found[name] = (snippet, rule, line)


def extract(paragraphs: list[str], *, hint_title: str | None = None, stamps: list[str] = ()) -> Meta:
    """Metadata of one speech from its non-empty lines; meta.body is what remains as text.
    stamps: the page's publication stamps that clean() dropped (they only give a dateline its year)."""
    meta = Meta(stamps=list(stamps))
    paragraphs = take_notes(meta, paragraphs)
    header_len = _header_length(paragraphs)
    header = _join_subtitle(paragraphs[:header_len])
    leftover = _read_header(meta, header, hint_title=hint_title)
    meta.body = leftover + paragraphs[header_len:]
    _read_sign_off(meta)
    _read_title(meta, hint_title)
    read_footnotes(meta)
    _read_opening(meta)
    _read_city(meta)
    read_datelines(meta)
    return meta


def _read_city(meta: Meta) -> None:
    city = city_from(office=meta.speaker_title, occasion=meta.occasion,
                     header=[t for t in (meta.title, meta.subtitle) if t])
    for name in ("speaker_title", "occasion", "title", "subtitle"):
        if city and city in (getattr(meta, name) or ""):
            meta.put("city", city, city, f"city in {name}", meta.found.get(name, ("", "", ""))[0])
            return
    for name in ("speaker_title", "occasion", "subtitle", "title"):
        province = province_of(_DASH.sub("", _DATE_PREFIX.sub("", getattr(meta, name) or "")))
        if province:
            meta.put("city", province, province, f"province in {name}", meta.found.get(name, ("", "", ""))[0])
            return
    for name in ("subtitle", "title", "occasion"):
        place = place_at(getattr(meta, name))
        if place:
            meta.put("city", place, place, f"place in {name}", meta.found.get(name, ("", "", ""))[0])
            return
    for text in meta.body[:2]:
        if meta.speaker and meta.speaker in text[:40]:
            place = place_at(text[:80])
            meta.put("city", place, place or "", "place in editor's note", text)


def _join_subtitle(header: list[str]) -> list[str]:
    """A '——…' subtitle broken over two lines ('…人民代表大会' / '第三次会议上') is one line."""
    out: list[str] = []
    for text in header:
        if (out and _DASH.match(out[-1]) and not _SUBTITLE_END.search(out[-1]) and len(text) <= 30
                and not parse_speaker_line(text) and not is_date_line(text) and not _DASH.match(text)):
            out[-1] += text
        else:
            out.append(text)
    return out


def _header_length(paragraphs: list[str]) -> int:
    for pos, text in enumerate(paragraphs[:_HEADER_MAX_LINES]):
        if _starts_body(text):
            return pos
    return min(len(paragraphs), _HEADER_MAX_LINES) if len(paragraphs) > 1 else 0


def _starts_body(text: str) -> bool:
    if is_date_line(text) or _DASH.match(text):
        return False
    # A question can be a title ('南京政府向何处去？'); a full stop or a colon cannot.
    ends = "。；;…：:" if len(text) <= 30 else SENTENCE_END + "：:"
    return bool(SALUTATION.match(text) or _OUTLINE_START.match(text) or len(text) > _TITLE_MAX
                or (text[-1] in ends and len(text) > 4))


def _read_header(meta: Meta, header: list[str], *, hint_title: str | None) -> list[str]:
    """Fill meta from header lines; return the lines that turned out to be body."""
    titles: list[str] = []
    leftover: list[str] = []
    pending_office = None
    for pos, text in enumerate(header):
        if is_date_line(text) or _DASH.match(text):
            _read_dated_line(meta, text)
            continue
        speaker = parse_speaker_line(text) if (titles or hint_title) else None
        if speaker:
            name, office = speaker
            meta.put("speaker", name, name or "", "speaker line", text)
            meta.put("speaker_title", office or pending_office, office or pending_office or "", "speaker line",
                     text if office else header[pos - 1])
            pending_office = office if not name else None
            continue
        if _PAREN_NOTE.match(text) or meta.speaker or meta.date or meta.subtitle:
            leftover.append(text)
        elif not titles or text != titles[-1]:
            titles.append(text)
    titles = _article_title(titles)
    if len(titles) > 1 and not (meta.speaker or meta.speaker_title or meta.date or meta.subtitle):
        leftover = titles[1:] + leftover  # a lone title line, then short body lines
        titles = titles[:1]
    if titles:
        # One space between title parts, whatever the file used ('弘扬“上海精神”　深化团结协作').
        title = re.sub(r"\s+", " ", _join(titles)).rstrip("※ ")
        meta.put("title", title, "\n".join(titles), "header title line")
    return leftover


def _article_title(titles: list[str]) -> list[str]:
    """A portal repeats its article's title in a page headline above it ('2026年江苏省政府工作报告'
    or the channel '政府工作报告', then '政府工作报告'): the title is the line the headline ends with.
    ('…会议关于政府工作报告的决议' does not end with '政府工作报告': a resolution stays whole.)"""
    for pos in range(len(titles) - 1, 0, -1):
        if len(titles[pos]) >= 4 and any(_HEADLINE_TAIL.sub("", earlier).endswith(titles[pos])
                                         for earlier in titles[:pos]):
            return titles[pos:]
    return titles


def _read_dated_line(meta: Meta, text: str) -> None:
    """'（2021年1月**日）', '——在…上的讲话', '——2026年1月25日在…会议上'."""
    if _DASH.match(text):
        meta.put("subtitle", text, text, "dash subtitle")
    meta.put("date", parse_date(text), text, "dash subtitle date" if _DASH.match(text) else "header date line")
    match = _OCCASION_LINE.match(_DATE_PREFIX.sub("", _DASH.sub("", text)))
    if match:
        meta.put("occasion", match["occ"], match["occ"], "subtitle occasion", text)
    place = place_in_note(text) if not _DASH.match(text) else None
    meta.put("city", place, place or "", "place in date note", text)
    glued = _AFTER_NOTE.match(text)  # '（2023年5月8日）王某某': a name glued after the date note
    speaker = parse_speaker_line(glued["rest"]) if glued else None
    if speaker:
        meta.put("speaker", speaker[0], speaker[0] or "", "speaker line", text)
        meta.put("speaker_title", speaker[1], speaker[1] or "", "speaker line", text)


def _read_sign_off(meta: Meta) -> None:
    """A date standing alone among the last lines is the date; a name just above it, the author."""
    for pos in range(len(meta.body) - 1, max(len(meta.body) - 1 - _SIGN_OFF_LINES, -1), -1):
        text = meta.body[pos]
        if is_date_line(text, max_len=24):
            meta.put("date", parse_date(text), text, "sign-off date")
            del meta.body[pos]
            signer = parse_speaker_line(meta.body[pos - 1]) if pos > 1 else None
            if signer and signer[0] and len(meta.body[pos - 1]) <= 12:
                meta.put("speaker", signer[0], signer[0], "sign-off name", meta.body[pos - 1])
                meta.put("speaker_title", signer[1], signer[1] or "", "sign-off name", meta.body[pos - 1])
                del meta.body[pos - 1]
            return
    _read_signature(meta)


def _read_signature(meta: Meta) -> None:
    """A letter signed mid-file ('习近平' / '2020年8月30日'), a news report about it below."""
    for pos in range(1, len(meta.body) - 1):
        text = meta.body[pos]
        if len(text) <= 16 and is_date_line(text, max_len=16) and len(meta.body[pos - 1]) <= 4:
            name = clean_name(meta.body[pos - 1])
            if name:
                meta.put("date", parse_date(text), text, "signature date")
                meta.put("speaker", name, name, "signature", meta.body[pos - 1])
                del meta.body[pos - 1: pos + 1]
                return


def _read_title(meta: Meta, hint_title: str | None) -> None:
    if hint_title:
        meta.put("title", hint_title, hint_title, "piece marker")
    if not meta.title:
        return
    snippet = meta.found["title"][0] if "title" in meta.found else meta.title
    if not (meta.speaker or meta.speaker_title):
        name, office = speaker_from_title(meta.title)
        meta.put("speaker", name, snippet, "speaker in title")
        meta.put("speaker_title", office, snippet, "speaker in title")
    match = OCCASION_TITLE.match(meta.title)
    if match:
        meta.put("occasion", match["occ"], match["occ"], "occasion in title", snippet)
    meta.put("date", parse_compact_date(meta.title), snippet, "date in title")


def _read_opening(meta: Meta) -> None:
    """Editors' notes ('这是毛泽东在…') and '我代表国务院向第…会议作报告' in the first paragraphs."""
    for text in meta.body[:3]:
        if not meta.speaker:
            meta.put("speaker", speaker_from_note(text), text, "editor's note")
        match = _OCCASION_OPENING.search(text)
        if match:
            meta.put("occasion", match["occ"], match["occ"], "report to a meeting", text)


def _join(lines: list[str]) -> str:
    out = lines[0]
    for line in lines[1:]:
        out += ("" if len(out) <= 2 or len(line) <= 2 else " ") + line
    return out
