"""search(): the one entry point the JSON API and the HTML results page call.

Matching sections come from the engine (engine/), facet counts from engine/counting.py; here they are grouped by
speech (a speech with 30 matching sections is one result with its best sections and a count),
ordered by relevance or date, cut into pages, and joined with the database rows for display.
"""
from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe

from .backend import backend
from .indexing.generations import IndexUnavailable
from .engine import compile_query, counting, match, ranking
from .engine.query import SearchError
from .facets import BY_NAME, FACETS
from .schema import paragraph_of, section_text
from .snippets import snippet

PAGE_SIZE = 20  # speeches per page
MAX_PAGE_SIZE = 100
log = logging.getLogger(__name__)
SORTS = ("relevance", "date", "oldest")  # date: newest first; oldest: first said first
SECTIONS_SHOWN = 3  # best matching sections shown per speech


@dataclass(frozen=True)
class Hit:
    section: object  # speeches.models.Section, with speech and speaker loaded
    snippet: SafeString  # escaped text, matches in <mark>
    url: str  # the section's permalink
    paragraph_url: str  # the paragraph of the first match (the section when it is in the heading)


@dataclass(frozen=True)
class Result:
    speech: object  # speeches.models.Speech
    hits: tuple[Hit, ...]  # best first
    matches: int  # matching sections in this speech


@dataclass(frozen=True)
class SearchPage:
    query: str
    filters: dict[str, tuple[str, ...]]
    sort: str
    page: int
    pages: int
    count: int  # matching sections
    speeches: int  # matching speeches
    results: tuple[Result, ...]
    facets: dict[str, list[counting.FacetValue]]


def search(*, q: str = "", filters: Mapping[str, Iterable[str]] | None = None, sort: str = "relevance",
           page: int = 1, page_size: int = PAGE_SIZE, using: str = "default") -> SearchPage:
    """Sections matching `q` and the filters (values of one facet OR-ed), grouped by speech."""
    filters = _checked(filters or {}, sort, page, page_size)
    compiled, snap, matches = _match(q, filters, using)
    scores = ranking.scores(matches, snap, compiled.words, compiled.strings) if sort == "relevance" else None
    bonus = ranking.metadata(matches, compiled.marks) if scores is not None else {}
    order = _speech_order(matches, scores, bonus, snap.date_ranks(oldest_first=sort == "oldest"))
    first = (page - 1) * page_size
    chosen = order[first : first + page_size]
    return SearchPage(
        query=q, filters=filters, sort=sort, page=page,
        pages=math.ceil(len(order) / page_size), count=sum(len(docs) for _, docs in matches),
        speeches=len(order), facets=counting.count(matches),
        results=_results(chosen, matches, scores, compiled.marks),
    )


def section_ids(*, q: str = "", filters: Mapping[str, Iterable[str]] | None = None,
                using: str = "default") -> set[int]:
    """Ids of every section matching `q` and the filters, unpaged (for checks and exports)."""
    _, _, matches = _match(q, _checked(filters or {}, SORTS[0], 1, PAGE_SIZE), using)
    ids = set()
    for seg, docs in matches:
        ids.update(map(seg.columns.ints["section_id"].__getitem__, docs))
    return ids


def sections_in_order(*, q: str, filters: Mapping[str, Iterable[str]] | None = None,
                      using: str = "default") -> list[int]:
    """Ids of every matching section, oldest speech first (undated last), in reading order within
    a speech; from the index's columns, so no database query however many there are."""
    _, _, matches = _match(q, _checked(filters or {}, SORTS[0], 1, PAGE_SIZE), using)
    keyed = []
    for seg, docs in matches:
        ints = seg.columns.ints
        date, speech, position, section = ints["date"], ints["speech_id"], ints["position"], ints["section_id"]
        keyed += [(not date[d], date[d], speech[d], position[d], section[d]) for d in docs]
    return [key[-1] for key in sorted(keyed)]


def _match(q: str, filters: dict, using: str):
    compiled = compile_query(q, filters)
    snap = backend(using).snapshot()
    try:
        return compiled, snap, match(compiled.plan, snap)
    except Exception as error:  # postings or columns Whoosh cannot decode: a corrupt segment
        log.exception("Search failed reading the index")
        raise IndexUnavailable("unreadable", f"{error.__class__.__name__}: {error}") from error


def request_params(params) -> dict:
    """search() keyword arguments from a request's GET QueryDict; SearchError when malformed."""
    page = params.get("page") or "1"
    if not page.isdigit() or len(page) > 6:
        raise SearchError("页码须为正整数。page must be a positive integer.")
    return {
        "q": params.get("q", ""),
        "filters": {name: params.getlist(name) for name in FACETS if name in params},
        "sort": params.get("sort") or SORTS[0],
        "page": int(page),
    }


def _checked(filters, sort, page, page_size) -> dict[str, tuple[str, ...]]:
    if sort not in SORTS:
        raise SearchError(f"排序只能是 {' 或 '.join(SORTS)}。sort must be one of: {', '.join(SORTS)}.")
    if not isinstance(page, int) or page < 1:
        raise SearchError("页码须为正整数。page must be a positive integer.")
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise SearchError(f"每页条数须在 1–{MAX_PAGE_SIZE} 之间。page size must be 1–{MAX_PAGE_SIZE}.")
    unknown = set(filters) - set(FACETS)
    if unknown:
        raise SearchError(f"未知的筛选项：{', '.join(sorted(unknown))}。Unknown filter.")
    checked = {}
    for name, values in filters.items():
        values = tuple(v.strip() for v in values if v and v.strip())
        if BY_NAME[name].digits and not all(v.isdigit() and len(v) <= 4 for v in values):
            raise SearchError("年份须为数字，如 2021。year must be a number such as 2021.")
        if values:
            checked[name] = values
    return checked


def _speech_order(matches, scores, bonus, ranks: dict[int, int]) -> list[int]:
    """Speech ids, best first: by their best section's score plus the speech's bonus for its
    title and speaker (if ranking), then in `ranks`' date order (the snapshot's: newest or
    oldest first, undated last). Both sorts compare numbers in C; the second is stable, so
    equal scores keep the date order."""
    speeches: set[int] = set()
    owners, values = [], []  # each scored section's speech and score
    for i, (seg, docs) in enumerate(matches):
        speech = seg.columns.ints["speech_id"]
        whole = len(docs) == seg.size  # browsing: every speech of the segment
        speeches.update(seg.columns.speech_docs if whole else map(speech.__getitem__, docs))
        if scores:
            owners += map(speech.__getitem__, scores[i])
            values += scores[i].values()
    # A speech's best score: written in ascending order, so the highest is the one kept.
    ascending = sorted(range(len(values)), key=values.__getitem__)
    best = dict(zip(map(owners.__getitem__, ascending), map(values.__getitem__, ascending)))
    order = sorted(speeches, key=ranks.__getitem__)
    if best or bonus:
        total = Counter(best)
        total.update(bonus)
        order.sort(key=total.__getitem__, reverse=True)
    return order


def _results(chosen: list[int], matches, scores, strings) -> tuple[Result, ...]:
    from speeches.models import Section

    found: dict[int, list[tuple[float, int, int]]] = {s: [] for s in chosen}
    for i, (seg, docs) in enumerate(matches):
        position, section_id = seg.columns.ints["position"], seg.columns.ints["section_id"]
        for speech in chosen:
            for doc in seg.columns.speech_docs.get(speech, ()):
                if doc in docs:
                    score = scores[i].get(doc, 0.0) if scores else 0.0
                    found[speech].append((-score, position[doc], section_id[doc]))
    shown = {s: sorted(found[s])[:SECTIONS_SHOWN] for s in chosen}
    ids = [section for hits in shown.values() for _, _, section in hits]
    sections = Section.objects.with_speech().in_bulk(ids)
    results = []
    for speech_id in chosen:
        hits = tuple(_hit(sections[s], strings) for _, _, s in shown[speech_id] if s in sections)
        if hits:  # sections deleted since they were indexed drop out until the queue catches up
            results.append(Result(hits[0].section.speech, hits, len(found[speech_id])))
    return tuple(results)


def folded(results: Iterable[Result]) -> list[tuple[Result, list[Result]]]:
    """Near-identical reprints on one page shown once, the best placed first, the others under it.

    Only the page is folded, not the ranking: counts, pages and the JSON API keep every speech
    (a researcher may want each reprint), while a reader is not shown the same text three times.
    """
    groups: dict[int, tuple[Result, list[Result]]] = {}
    for result in results:
        key = result.speech.canonical_id or result.speech.pk
        if key in groups:
            groups[key][1].append(result)
        else:
            groups[key] = (result, [])
    return list(groups.values())


def _hit(section, strings) -> Hit:
    text = section_text(section.label, section.heading, section.body)
    snip = snippet(text, strings)
    url = section.get_absolute_url()
    paragraph = paragraph_of(text, snip.first) if snip.first is not None else None
    if paragraph is not None:
        paragraph_url = f"{section.speech.get_absolute_url()}#{section.paragraph_anchor(paragraph)}"
    else:
        paragraph_url = url
    return Hit(section, mark_safe(snip.html), url, paragraph_url)
