"""Step 3: drop site chrome and ads, and say what was dropped.

Works on numbered lines so that each removal can later be charged to the speech it sat in.
The patterns themselves live in patterns.py; this module decides how far a match reaches.
"""
from __future__ import annotations

import re
from collections import Counter

from . import patterns as P
from .lexicon import CLOSING_CUE, SALUTATION, SENTENCE_END, looks_like_title
from .notes import dateline

Line = tuple[int, str]  # (line number in the normalised file, text)
Cut = tuple[int, str, str]  # a removed (line number, text, rule)

# A tail marker ends the text only if what follows is short; "相关推荐" mid-file goes alone.
_TAIL_MAX_CHARS = 3000
# The ad header is looked for among the first lines, above the title.
_HEADER_WINDOW = 15
_WATERMARK_MAX = 40
_SHORT_CHROME_MAX = 60
_STRUCTURAL = re.compile(
    r"^(?:第[一二三四五六七八九十百]+[篇章节部]|[一二三四五六七八九十]+[、，,]|第[一二三四五六七八九十]+[，,、]"
    r"|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、]|[（(]?(?:\d{4}|[〇零一二三四五六七八九]{4})年)")


def clean(lines: list[str]) -> tuple[list[Line], list[Cut]]:
    """Return (kept, removed): numbered lines, blank lines kept in `kept`; removed with its rule."""
    numbered = list(enumerate(lines))
    removed: list[Cut] = []
    numbered = _drop_tail(numbered, removed)
    numbered = _drop_short_chrome(numbered, removed)
    numbered = _drop_ad_header(numbered, removed)
    numbered = _drop_patterns(numbered, removed)
    numbered = _drop_watermarks(numbered, removed)
    removed.sort()
    return numbered, removed


def _drop_tail(numbered: list[Line], removed: list[Cut]) -> list[Line]:
    remaining = sum(len(text) for _, text in numbered)
    for pos, (_, text) in enumerate(numbered):
        remaining -= len(text)
        if text and remaining <= _TAIL_MAX_CHARS and P.ANY_LINE.search(text):
            kind = next((kind for kind, rx in P.TAIL_RE if rx.search(text)), None)
            if kind:  # a dateline below the footer still says where the speech was filed
                removed.extend((num, t, kind) for num, t in numbered[pos:] if t and not dateline(t))
                return numbered[:pos] + [line for line in numbered[pos:] if line[1] and dateline(line[1])]
    return numbered


def _drop_short_chrome(numbered: list[Line], removed: list[Cut]) -> list[Line]:
    """Toolbar, navigation and time-stamp lines first, so that they do not pass for an ad block."""
    kept: list[Line] = []
    for num, text in numbered:
        kind = P.short_chrome(text) if text and len(text) <= _SHORT_CHROME_MAX else None
        if kind:
            removed.append((num, text, kind))
        else:
            kept.append((num, text))
    return kept


def _drop_ad_header(numbered: list[Line], removed: list[Cut]) -> list[Line]:
    """An advert block above the title: drop from the top through its last ad-looking line."""
    last_ad = -1
    seen = 0
    for pos, (_, text) in enumerate(numbered):
        if not text:
            continue
        seen += 1
        if seen > _HEADER_WINDOW or looks_like_title(text) or SALUTATION.match(text) or len(text) > 60 \
                or _reads_as_text(text):
            break
        if P.AD_SIGNAL.search(text):
            last_ad = pos
    if last_ad < 0 or not any(P.ANY_LINE.search(t) for _, t in numbered[: last_ad + 1]):
        return numbered  # an ad block is only believed when one line of it is known chrome
    removed.extend((num, text, "ad header") for num, text in numbered[: last_ad + 1] if text)
    return numbered[last_ad + 1:]


def _reads_as_text(text: str) -> bool:
    """An address ('…的同学们：'), a sentence or an outline heading: the article has begun."""
    if P.AD_SIGNAL.search(text):
        return False
    return (len(text) > 8 and text[-1] in "：:") or (len(text) > 30 and "。" in text) or bool(_STRUCTURAL.match(text))


def _drop_patterns(numbered: list[Line], removed: list[Cut]) -> list[Line]:
    kept: list[Line] = []
    for num, text in numbered:
        if text and P.may_be_chrome(text) and P.ANY_LINE.search(text):
            kind = next((kind for kind, rx in P.LINE_RE + P.TAIL_RE if rx.search(text)), None)
            if kind:
                removed.append((num, text, kind))
                continue
            for kind, rx in P.PREFIX_RE:
                match = rx.search(text)
                if match:
                    removed.append((num, match.group().strip(), kind))
                    text = text[match.end():]
        kept.append((num, text))
    return kept


def _drop_watermarks(numbered: list[Line], removed: list[Cut]) -> list[Line]:
    """A short non-sentence line repeated in the file is a watermark, whatever it says.

    Twice is enough when the line has an ad word; otherwise three times, because reprints
    collected in one file legitimately repeat their unnumbered headings once.
    """
    counts = Counter(text for _, text in numbered if text and len(text) <= _WATERMARK_MAX)
    marks = {text for text, n in counts.items()
             if (n >= 3 or (n == 2 and P.AD_SIGNAL.search(text))) and is_watermark_shaped(text)}
    if not marks:
        return numbered
    removed.extend((num, text, "watermark") for num, text in numbered if text in marks)
    return [line for line in numbered if line[1] not in marks]


def is_watermark_shaped(text: str) -> bool:
    """Short, not a sentence, and not one of the lines a speech legitimately repeats."""
    return not (
        text[-1] in SENTENCE_END or "。" in text or len(text) < 4
        or looks_like_title(text) or SALUTATION.match(text) or CLOSING_CUE.match(text)
        or _STRUCTURAL.match(text)
    )
