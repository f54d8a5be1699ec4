"""Between layout and cleaning: lines that a scraper ran together are cut apart again.

Speech databases deliver a speech as one line: title, '（2020年11月24日，北京）', office and
name, salutation and body with no break; a news-agency dateline glued before the title or
after the last sentence; a '※' footnote at the end; paragraphs marked only by '　　'. These
cuts restore the lines a reader sees, so that the header, outline and clean-up rules apply as
they do to a file with line breaks. Bodies are cut into paragraphs by paragraphs.py.
"""
from __future__ import annotations

import re

from .lexicon import HAN, OFFICE_SUFFIX, SALUTATION, TITLE_NOUN, looks_like_title
from .notes import footnote
from .paragraphs import SENTENCE_END, paragraphs
from .people import clean_name, parse_speaker_line

_PARAGRAPH_MARK = re.compile(r"\u3000{2,}|\s{4,}")
DATELINE = re.compile(
    rf"[（(]?(?:据)?新华社(?:[{HAN}]{{2,6}}?)?(?P<month>\d{{1,2}})月(?P<day>\d{{1,2}})日(?:专)?电[）)]?")
_REPORT_SOURCE = re.compile(r"[（(]据新华社[^（）()]{2,100}[）)]")  # '（据新华社合肥8月21日电…）'
_PUBLICATION = re.compile(r"《\s*[^》]{2,12}报\s*》\s*[（(]\s*\d{4}年\d{1,2}月\d{1,2}日\s*(?:\d+\s*版)?\s*[）)]")
_FOOTNOTE = re.compile(r"(?<=[。！？”])\s*(?=※)")
_LETTER_TITLE = re.compile(r"^(回信|贺信|贺电|复信|致信|慰问信|唁电|公开信)(?=\S{6})")
# '习近平给…的回信' / '…致…的贺信' glued before the address ('…同学们：'): title, address, body.
_NAMED_LETTER = re.compile(r"^(?!\d{1,2}[.．、])[^。，：:！？]{4,60}?的(?:回信|贺信|贺电|复信|信|慰问信|唁电|公开信)"
                           r"(?=[^。，！？]{2,40}?[：:])")
# '习近平致…的贺信值此…之际' has no address: the writer's 致/给 and the kind of letter suffice.
_NAMED_LETTER_BARE = re.compile(r"^(?!\d{1,2}[.．、])[^。，：:！？在]{2,8}?(?:给|致)[^。，：:！？]{2,50}?的(?:回信|贺信|贺电|复信|慰问信|唁电)(?=\S{6})")
_ADDRESS = re.compile(r"^[^。，！？：:]{2,40}[：:]")
_DATE_NOTE = re.compile(r"[（(]\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月[^（()）。]{0,24}[）)]")
_TITLE_NOTE = re.compile(rf"^(?P<title>[^（(。]{{2,60}}?)\s*(?P<note>{_DATE_NOTE.pattern})(?:\s*(?P<rest>\S.{{1,30}}))?$")
_SIGN_OFF = re.compile(
    rf"(?<=[。！？!?”])\s*(?P<sign>(?:[{HAN}]{{2,4}}\s*)?(?:\d{{4}}|[〇○零一二三四五六七八九]{{4}})年"
    rf"[\d一二三四五六七八九十]{{1,2}}月[\d一二三四五六七八九十]{{1,3}}日)$")
_SALUTATION_ANY = re.compile(
    r"(?:同志们|各位代表|各位委员|各位领导|各位同事|各位来宾|各位嘉宾|尊敬的|女士们|先生们|朋友们|亲爱的|"
    r"大家好|老师们|同学们|主席先生|同胞们)")
_OFFICE_NAME_END = re.compile(
    rf"(?:(?P<office>[{HAN}、]{{2,30}}?(?:{OFFICE_SUFFIX}))\s*)?(?P<name>[{HAN}](?:\s*[{HAN}]){{1,3}})$")
# Inside a line: a signature and date after the last sentence of a letter, and a dateline in
# brackets after a sentence, start new lines ('…绿水青山。习近平2020年8月30日（新华社北京8月31日电）…').
_CN_DATE = r"(?:\d{4}|[〇○零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日"
_MID_CUT = re.compile(
    rf"(?<=[。！？!?”])\s*(?=[{HAN}]{{2,4}}\s*{_CN_DATE}\s*(?:[（(]新华社|本报|$))"
    rf"|(?<=[。！？!?”日])\s*(?=[（(]新华社[{HAN}]{{2,8}}?\d{{1,2}}月\d{{1,2}}日电[）)])"
    rf"|(?<=电[）)])\s*(?=\S)")
_SIGNATURE = re.compile(rf"^(?P<name>[{HAN}]{{2,4}})\s*(?P<date>{_CN_DATE})")
# What the body of a speech opens with, right after a speaker's name glued before it.
_BODY_OPENER = re.compile(
    r"同志们|各位|尊敬的|女士们|先生们|朋友们|亲爱的|大家好|老师们|同学们|主席先生|同胞们"
    r"|今天|今年|这次|刚才|首先|很高兴|值此|近年来|当前|我们|我谨|欢迎")
_SUBTITLE_STOP = re.compile(rf"(?:上|中|时|之际|{TITLE_NOUN})")
# The markers of clean.py's tails (patterns.TAIL), glued after a sentence near the end.
_GLUED_TAIL = re.compile(r"[。！？!?”）)](?=\s*(?:本作品|这部作品|此作品|相关(?:阅读|新闻|文章|推荐|链接|报道|稿件)|"
                         r"推荐阅读|延伸阅读|上一篇|下一篇|【?责任编辑|版权所有))")
_GLUED_TAIL_WINDOW = 3000
_HEADER_MAX = 160  # title, subtitle, date note and speaker of a one-line text fit in this
_GLUED_MIN = 200  # shorter lines are already what a reader sees
_ONLY_LINE_MIN = 40  # …unless the line is the whole file
_RECUT_MIN = 1200  # a paragraph this long with no break is a one-line text's body


def unglue(lines: list[str]) -> list[str]:
    """Lines with glued header, dateline, footnote and paragraphs cut apart; others as they are."""
    out: list[str] = []
    first = True  # the first long line of a file may hold the whole header
    only = sum(1 for line in lines if line) == 1  # a short speech delivered as one line
    seen = 0
    wide_seen = False
    for line in lines:
        seen += bool(line)
        # a letter's title glued to its text: the file's first line of some length (chrome is short)
        letter = not wide_seen and len(line) >= _ONLY_LINE_MIN and ("信" in line[:64] or "电" in line[:64]) and (
            _NAMED_LETTER.match(line) or _NAMED_LETTER_BARE.match(line))
        wide_seen = wide_seen or len(line) >= _ONLY_LINE_MIN
        if len(line) < (_ONLY_LINE_MIN if only else _GLUED_MIN) and not letter:
            dateline = DATELINE.match(line) if "新华社" in line[:4] else None
            noted = _TITLE_NOTE.match(line) if seen <= 5 and ("）" in line or ")" in line) else None
            if noted and noted["rest"] and not (parse_speaker_line(noted["rest"]) or (None,))[0]:
                noted = None  # '…（2023年5月8日） 市长 王建华' is cut, '…（摘要）的说明' is not
            if dateline and line[dateline.end():].strip():  # '新华社北京3月8日电 在…的讲话'
                out += [dateline.group(), line[dateline.end():].strip()]
            elif noted:  # '在…上的讲话（2019年6月3日）[ 市长 王某]': title, date note[, speaker]
                out += [noted["title"], noted["note"]] + ([noted["rest"].strip()] if noted["rest"] else [])
            else:
                out.append(line)
            continue
        marked = "\u3000\u3000" in line or "    " in line  # a substring test first: split() is slow on megabytes
        pieces = [p.strip() for p in _PARAGRAPH_MARK.split(line) if p.strip()] if marked else [line]
        for pos, piece in enumerate(pieces):
            out.extend(_cut(piece, header=first and pos == 0))
        first = False
    return out


def _cut(text: str, *, header: bool) -> list[str]:
    out: list[str] = []
    parts = _MID_CUT.split(text) if ("新华社" in text or "本报" in text) else [text]
    for pos, part in enumerate(parts):
        if part and part.strip():
            out += _cut_part(part.strip(), header=header and pos == 0)
    return out


def _cut_part(text: str, *, header: bool) -> list[str]:
    head: list[str] = []
    tail: list[str] = []
    inner = DATELINE.search(text, 4, _HEADER_MAX) if header and "新华社" in text[:_HEADER_MAX] else None
    if inner and inner.group()[0] not in "（(" and not SENTENCE_END.search(text, 0, inner.start()):
        # a news headline glued before its dateline: '…作出重要指示新华社北京1月5日电 …'
        return [text[: inner.start()].strip()] + _cut_part(text[inner.start():], header=True)
    match = DATELINE.match(text)
    if match:
        head.append(match.group())
        text = text[match.end():].strip()
    signature = _SIGNATURE.match(text)
    if signature:  # '习近平2020年8月30日' after a letter: name and date lines, as a signed letter has
        return [signature["name"], signature["date"]] + _cut_part(text[signature.end():].strip(), header=False)
    text, tail = _cut_tail(text)
    if header or head:
        lines, text = _cut_header(text, _footnote_name(tail))
        head += lines
    return head + (paragraphs(text) if len(text) >= _RECUT_MIN or head else [text] if text else []) + tail


def _footnote_name(tail: list[str]) -> str | None:
    for line in tail:
        if line.startswith("※"):
            found = footnote(line).get("speaker")
            return found[0] if found else None
    return None


def _cut_tail(text: str) -> tuple[str, list[str]]:
    """Publication line, dateline, footnote and sign-off at the end become lines of their own;
    a footer or 'related articles' list glued after the last sentence starts a line."""
    tail: list[str] = []
    glued = _GLUED_TAIL.search(text, max(0, len(text) - _GLUED_TAIL_WINDOW))
    if glued:
        tail.append(text[glued.end():])
        text = text[: glued.end()]
    for _ in range(4):
        found = None
        for pattern in (_PUBLICATION, DATELINE, _REPORT_SOURCE):
            for match in pattern.finditer(text, max(0, len(text) - 120)):
                if not text[match.end():].strip():
                    found = match
        if found:
            tail.insert(0, found.group().strip())
            text = text[: found.start()].rstrip()
            continue
        sign = _SIGN_OFF.search(text[-30:])
        if sign:  # '习近平2026年1月8日': name and date lines, as a signed letter has them
            signed = _SIGNATURE.match(sign["sign"])
            tail[:0] = [signed["name"], signed["date"]] if signed else [sign["sign"]]
            text = text[: len(text) - len(text[-30:]) + sign.start("sign")].rstrip()
            continue
        break
    parts = _FOOTNOTE.split(text) if "※" in text else [text]
    if len(parts) > 1 and len(parts[-1]) <= 300:
        tail.insert(0, parts[-1].strip())
        text = "".join(parts[:-1]).rstrip()
    return text, tail


def _cut_header(text: str, author: str | None = None) -> tuple[list[str], str]:
    """Title, '——' subtitle, （date，place）, office and name, before the salutation or body."""
    letter = _LETTER_TITLE.match(text) or _NAMED_LETTER.match(text) or _NAMED_LETTER_BARE.match(text)
    if letter:
        rest = text[letter.end():]
        address = _ADDRESS.match(rest)
        return [letter.group()] + ([address.group()] if address else []), rest[address.end() if address else 0:]
    window = text[:_HEADER_MAX]
    at = window.find(author) if author else -1
    if at >= 4 and not re.search(r"[。，：]", window[:at]):  # title, then the author a footnote names
        return _split_title(window[:at]) + [author], text[at + len(author):]
    end = _header_end(window)
    if end is None:
        return [], text
    head, rest = text[:end], text[end:]
    if not _has_header_signal(head):
        return [], text
    glued = _glued_name(rest) if _DATE_NOTE.search(head) else None
    if glued:  # '（2020年7月21日）习近平今天，我们…': the speaker between date note and body
        head, rest = head + glued, rest[len(glued):]
    lines: list[str] = []
    note = _DATE_NOTE.search(head)
    if note:
        lines += _split_title(head[: note.start()]) + [note.group()]
        head = head[note.end():]
    elif "※" in head:
        title, _, head = head.partition("※")
        lines += _split_title(title)
    dash = head.find("——")
    if dash >= 0 and not lines:  # '主标题——2025年1月14日在…会议上河北省省长　王晓东'
        subtitle_end = _subtitle_end(head, dash)
        if subtitle_end:
            return [line for line in _split_title(head[:subtitle_end]) + [head[subtitle_end:].strip()] if line], rest
    speaker = _OFFICE_NAME_END.search(head)
    if speaker and head and (lines or head[: speaker.start()]) and clean_name(speaker["name"]):
        before = head[: speaker.start()].strip()
        lines += _split_title(before) if before else []
        lines.append(speaker.group().strip())
    elif head.strip():
        lines += _split_title(head)
    return [line for line in lines if line], rest


def _glued_name(rest: str) -> str | None:
    """A 2–3 character name that starts rest and is followed by a salutation or an opening word."""
    for size in (3, 2):
        name = rest[:size]
        if clean_name(name) and _BODY_OPENER.match(rest, size):
            return name
    return None


def _subtitle_end(head: str, dash: int) -> int | None:
    """Where a run-in '——…会议上' subtitle ends: the last 上/讲话… after which only a speaker is left."""
    for match in reversed(list(_SUBTITLE_STOP.finditer(head, dash + 2))):
        rest = head[match.end():].strip()
        if rest and parse_speaker_line(rest) and parse_speaker_line(rest)[0]:
            return match.end()
    return None


def _has_header_signal(head: str) -> bool:
    """A run-in header shows itself: a subtitle, a date note, ※, an office and name, a title noun."""
    if "——" in head or "※" in head or _DATE_NOTE.search(head):
        return True
    speaker = _OFFICE_NAME_END.search(head)
    return bool(speaker and speaker["office"] and clean_name(speaker["name"])) or looks_like_title(head)


def _header_end(window: str) -> int | None:
    """Where the header of a one-line text ends: at the salutation, or after its date note/※."""
    salutation = _SALUTATION_ANY.search(window)
    if salutation and "。" not in window[: salutation.start()] and salutation.start() >= 4:
        return salutation.start()
    note = _DATE_NOTE.search(window)
    if note and "。" not in window[: note.start()] and note.start() >= 4:
        return note.end()
    star = window.find("※")
    if 4 <= star and "。" not in window[:star]:
        return star + 1
    return None


def _split_title(text: str) -> list[str]:
    """'主标题——在…上的讲话' -> title line and subtitle line."""
    text = text.strip()
    pos = text.find("——")
    if pos > 0:
        return [text[:pos].strip(), text[pos:].strip()]
    return [text] if text else []
