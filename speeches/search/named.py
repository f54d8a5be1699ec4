"""A query that names a speaker, a place or a speech's title is offered that filter at the top.

A speaker's name stands in the metadata, not in the text (the speaker line is parsed out), so 李强
typed finds the places his name is written, not his own reports. When a typed word or phrase is a
speaker or city of the archive (facets.Facet.offer), the results page offers the same search with
that word turned into the filter (讲话人：李强 · 13 篇 →), counted by running it; a word that is
part of one to three speech titles offers those speeches.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.utils.http import urlencode

from .backend import backend
from .engine import compile_query
from .engine.query import SearchError
from .facets import BY_NAME, REGISTRY
from .normalize import normalize
from .schema import TITLE

PLACE_SUFFIXES = ("市", "省", "县", "区", "自治区")  # 北京 names the city 北京市
MIN_TITLE = 4  # characters: shorter words are in too many titles to name one
MAX_TITLES = 3


@dataclass(frozen=True)
class Offer:
    facet: str  # a facet's name, or "title"
    value: str  # the facet value as filtered on, or the speech's title
    speeches: int  # speeches the offered search finds (1 for a title)
    q: str = ""  # the query without the name
    filters: dict | None = None
    url: str = ""  # a title's speech

    @property
    def label(self) -> str:
        return BY_NAME[self.facet].label if self.facet in BY_NAME else ""

    @property
    def querystring(self) -> str:
        pairs = [("q", self.q)] if self.q else []
        return urlencode(pairs + [(n, v) for n, values in (self.filters or {}).items() for v in values])


def offers(*, q: str, filters: dict | None = None, using: str = "default") -> list[Offer]:
    """The filters (and speeches) a query names, best first; [] for a query naming none."""
    from .results import search

    filters = {name: tuple(values) for name, values in (filters or {}).items()}
    try:
        marks = compile_query(q).marks if q.strip() else ()
    except SearchError:
        return []
    snap = backend(using).snapshot()
    found = []
    for facet in (f for f in REGISTRY if f.offer):
        values = _values(snap, facet.name)
        for mark in marks:
            value = _named(values, mark)
            if value is None or value in filters.get(facet.name, ()):
                continue
            rest, narrowed = _without(q, mark), {**filters, facet.name: (value,)}
            page = search(q=rest, filters=narrowed, page_size=1, using=using)
            if page.speeches:
                found.append(Offer(facet.name, value, page.speeches, rest, narrowed))
    return found + _titles(snap, [m for m in marks if len(m) >= MIN_TITLE])


def _values(snap, name: str) -> dict[str, str]:
    """{normalised value: value} of a facet over the snapshot, computed once per snapshot."""
    cache = snap.__dict__.setdefault("_offer_values", {})
    if name not in cache:
        cache[name] = {normalize(v): v for seg in snap.segments for v in seg.columns.facets[name][1] if v}
    return cache[name]


def _named(values: dict[str, str], mark: str) -> str | None:
    if mark in values:
        return values[mark]
    return next((values[mark + s] for s in PLACE_SUFFIXES if mark + s in values), None)


def _without(q: str, mark: str) -> str:
    return " ".join(t for t in q.split() if normalize(t.strip('"＂“”')) != mark)


def _titles(snap, marks: list[str]) -> list[Offer]:
    from speeches.models import Speech

    ids: set[int] = set()
    for seg in snap.segments if marks else ():
        _, titles = seg.columns.facets[TITLE]
        refs = {ref for ref, title in enumerate(titles) if ref and any(m in title for m in marks)}
        if refs:
            ids.update(s for s, ref in seg.columns.speech_refs[TITLE].items() if ref in refs)
        if len(ids) > MAX_TITLES:
            return []
    speeches = Speech.objects.filter(pk__in=ids).order_by("-date", "pk")
    return [Offer(TITLE, s.title, 1, url=s.get_absolute_url()) for s in speeches]
