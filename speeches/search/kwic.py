"""Every occurrence of a search, one line each with its context (keyword in context, KWIC).

The results page shows the best sections of each speech; a speech-writer hunting a formulation
wants every place it was used, in the order it was said, with what came before and after it.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice

from .engine import compile_query
from .engine.query import SearchError
from .normalize import normalize
from .results import sections_in_order
from .schema import paragraph_of, section_text
from .snippets import spans

CONTEXT = 30  # characters shown on each side of a match
SECTIONS_PER_PAGE = 40
MAX_LINES = 300  # per page: a very common character (的) would fill 40 sections with thousands


@dataclass(frozen=True)
class Line:
    left: str
    match: str
    right: str
    section: object  # speeches.models.Section, with speech and speaker loaded
    url: str  # the paragraph holding the match (the section when it is in the heading)


@dataclass(frozen=True)
class Concordance:
    lines: tuple[Line, ...]
    sections: int  # matching sections in all
    page: int
    pages: int
    omitted: int = 0  # occurrences in this page's sections past MAX_LINES


def concordance(*, q: str, filters: Mapping[str, Iterable[str]] | None = None, page: int = 1,
                using: str = "default") -> Concordance:
    """The lines of one page (a page is SECTIONS_PER_PAGE matching sections, oldest first)."""
    strings = _strings(q)
    ids = sections_in_order(q=q, filters=filters, using=using)
    first = (page - 1) * SECTIONS_PER_PAGE
    chosen = ids[first : first + SECTIONS_PER_PAGE]
    lines = list(_lines_of(chosen, strings))
    pages = math.ceil(len(ids) / SECTIONS_PER_PAGE)
    return Concordance(tuple(lines[:MAX_LINES]), len(ids), page, pages, max(0, len(lines) - MAX_LINES))


def every_line(*, q: str, filters: Mapping[str, Iterable[str]] | None = None, limit: int = 10_000,
               using: str = "default") -> Iterator[Line]:
    """All lines, oldest first, up to `limit` (a download): sections are read a page at a time."""
    strings = _strings(q)
    ids = sections_in_order(q=q, filters=filters, using=using)
    return islice(_lines_of(ids, strings), limit)


def _strings(q: str) -> list[str]:
    strings = list(compile_query(q).marks) if q.strip() else []
    if not strings:
        raise SearchError("逐条语境需要检索词。Enter a word or phrase to see every place it occurs.")
    return strings


def _lines_of(ids: list[int], strings: list[str]) -> Iterator[Line]:
    for start in range(0, len(ids), SECTIONS_PER_PAGE):
        for section in _load(ids[start : start + SECTIONS_PER_PAGE]):
            yield from _lines(section, strings)


def _load(ids: list[int]) -> list:
    from speeches.models import Section

    found = Section.objects.with_speech().in_bulk(ids)
    return [found[i] for i in ids if i in found]  # a section deleted since it was indexed drops out


def _lines(section, strings: list[str]) -> list[Line]:
    text = section_text(section.label, section.heading, section.body)
    out = []
    for start, end in spans(normalize(text), strings):
        paragraph = paragraph_of(text, start)
        anchor = section.anchor if paragraph is None else section.paragraph_anchor(paragraph)
        out.append(Line(
            left=_flat(text[max(0, start - CONTEXT) : start]), match=text[start:end],
            right=_flat(text[end : end + CONTEXT]), section=section,
            url=f"{section.speech.get_absolute_url()}#{anchor}",
        ))
    return out


def _flat(text: str) -> str:
    return text.replace("\n", " ")
