"""Step 6: the section tree, with levels as the speaker wrote them.

Markers: 第一，/第一、  一、  （一）/(一)  1./1、  （1）. Levels nest in the order they first
appear. A marker is believed only when it continues its level's count (一 after nothing, 二
after 一 …), which keeps list items and stray numbers inside paragraphs out of the outline.
'一是…二是…' / '一要…二要…' have no 、 and are enumerations, never headings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import CLOSING_CUE
from .model import ParsedSection

_CN = r"[一二三四五六七八九十]{1,3}"
_MARKER = (rf"(?P<di>第(?P<di_n>{_CN})[，,、：:]\s*)|(?P<han>(?P<han_n>{_CN})、)"
           rf"|(?P<phan>[（(](?P<phan_n>{_CN})[）)])|(?P<num>(?P<num_n>\d{{1,2}})(?:[.．](?!\d)|、))"
           rf"|(?P<pnum>[（(](?P<pnum_n>\d{{1,2}})[）)])")
_AT_START = re.compile(rf"^(?:{_MARKER})")
# Scraped text glues headings to the previous sentence; only the Chinese-numeral styles are
# looked for there, because '(1)' and '1.' lists inside sentences are common and not headings.
_GLUED = re.compile(rf"(?<=[：:。])\s*(?:(?P<di>第(?P<di_n>{_CN})[，,、：:]\s*)|(?P<han>(?P<han_n>{_CN})、)"
                    rf"|(?P<phan>[（(](?P<phan_n>{_CN})[）)]))")
# The heading is the clause after the label. A short clause is kept whole, spaces and all
# ('2.李克强主持召开国务院全体会议 讨论《…》', '4.【开好局 起好步】山东'); in a long one, or
# when a sentence goes on after it, a space between two Han characters is a line break the
# scraper lost ('…借势 古话说，…') and ends the heading.
_HEADING_END = re.compile(r"[。；;！？!?]")
_LOST_BREAK = re.compile(r"(?<=[\u4e00-\u9fff”）)])\s+(?=[\u4e00-\u9fff“（(])")
_WHOLE_HEADING_MAX = 40
_CLAUSE = re.compile(r"[，,：:]")  # after the space: a sentence going on, not a heading's second half
_STYLES = ("di", "han", "phan", "num", "pnum")


@dataclass
class _Node:
    label: str
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    children: list["_Node"] = field(default_factory=list)

    def freeze(self) -> ParsedSection:
        return ParsedSection("heading", self.label, self.heading, tuple(self.paragraphs),
                             tuple(child.freeze() for child in self.children))


class _Outline:
    def __init__(self) -> None:
        self.opening: list[str] = []
        self.roots: list[_Node] = []
        self.stack: list[tuple[str, int, _Node]] = []  # (style, number, node) per open level

    def level_for(self, style: str, n: int, *, glued: bool) -> int | None:
        for depth, (open_style, last, _) in enumerate(self.stack):
            if open_style == style:
                if n == last + 1 or (not glued and (n == last + 2 or (n == 1 and depth == 0))):
                    return depth
                return None
        return len(self.stack) if n == 1 else None

    def open(self, depth: int, style: str, n: int, node: _Node) -> None:
        del self.stack[depth:]
        (self.stack[-1][2].children if self.stack else self.roots).append(node)
        self.stack.append((style, n, node))

    def add_paragraph(self, text: str) -> None:
        (self.stack[-1][2].paragraphs if self.stack else self.opening).append(text)


def build(paragraphs: list[str]) -> tuple[list[str], list[ParsedSection], list[str]]:
    """(opening paragraphs, heading sections, closing paragraphs)."""
    outline = _Outline()
    for paragraph in paragraphs:
        _consume(outline, paragraph)
    closing = _take_closing(outline)
    return outline.opening, [root.freeze() for root in outline.roots], closing


def _consume(outline: _Outline, text: str) -> None:
    glued = False
    while text:
        match = _AT_START.match(text) if not glued else None
        if match and _open_heading(outline, match, glued=False):
            text = _after_heading(outline, text[match.end():])
            glued = True
            continue
        cut = _first_glued(outline, text)
        if cut is None:
            outline.add_paragraph(text)
            return
        before, match = cut
        if before:
            outline.add_paragraph(before)
        _open_heading(outline, match, glued=True)
        text = _after_heading(outline, text[match.end():])
        glued = True


def _first_glued(outline: _Outline, text: str) -> tuple[str, re.Match] | None:
    if "、" not in text and "第" not in text and "）" not in text and ")" not in text:
        return None
    for match in _GLUED.finditer(text):
        style, n = _style(match)
        if outline.level_for(style, n, glued=True) is not None:
            return text[: match.start()].strip(), match
    return None


def _open_heading(outline: _Outline, match: re.Match, *, glued: bool) -> bool:
    style, n = _style(match)
    depth = outline.level_for(style, n, glued=glued)
    if depth is None:
        return False
    label = f"第{match['di_n']}" if style == "di" else match[style].strip()
    outline.open(depth, style, n, _Node(label, ""))
    return True


def _after_heading(outline: _Outline, rest: str) -> str:
    """Set the open heading's text from rest; return what follows it on the line (body)."""
    rest = rest.strip()
    end = _HEADING_END.search(rest)
    heading, body = (rest[: end.start()], rest[end.end():]) if end else (rest, "")
    lost = _LOST_BREAK.search(heading)
    if lost and (len(heading) > _WHOLE_HEADING_MAX or _CLAUSE.search(heading, lost.end())):
            heading, body = heading[: lost.start()], rest[lost.end():].strip()
    outline.stack[-1][2].heading = heading.strip().rstrip("：:，, ")
    return body.strip()


def _style(match: re.Match) -> tuple[str, int]:
    for style in _STYLES:
        if match.groupdict().get(style):
            return style, _number(match[f"{style}_n"])
    raise AssertionError("marker without style")


def _number(text: str) -> int:
    """'3' -> 3, '十二' -> 12; malformed numerals ('十十', '三二') -> 0, which no level accepts."""
    if text.isdigit():
        return int(text)
    digits = "一二三四五六七八九"
    tens, sep, ones = text.partition("十")
    if not sep:
        return digits.index(text) + 1 if len(text) == 1 else 0
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return 0
    return (digits.index(tens) + 1 if tens else 1) * 10 + (digits.index(ones) + 1 if ones else 0)


def _take_closing(outline: _Outline) -> list[str]:
    """The '同志们，…' / '谢谢大家' run after the last heading is the closing section."""
    if outline.roots:
        last = outline.roots[-1]
        while last.children:
            last = last.children[-1]
        body = last.paragraphs
        start = 0
    else:
        body = outline.opening
        start = max(1, len(body) - 3)
    for pos in range(start, len(body)):
        if CLOSING_CUE.match(body[pos]):
            closing = body[pos:]
            del body[pos:]
            return closing
    return []
