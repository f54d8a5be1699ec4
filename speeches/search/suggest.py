"""What to try when a search finds nothing: the same search with one thing less, and what it finds.

The empty-state advice ("drop a filter", "try fewer words") is worth more with the numbers: each
suggestion is a search that was run, so a link never leads to another empty page.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.utils.http import urlencode

from .engine.query import SearchError
from .results import search

MAX_TRIES = 6  # extra searches for one empty page (each is a few to a few tens of milliseconds)


@dataclass(frozen=True)
class Suggestion:
    kind: str  # "filter": the search without this filter; "term": this term of the query alone
    value: str  # the filter value dropped, or the term kept
    q: str
    filters: dict[str, tuple[str, ...]]
    count: int  # matching sections
    speeches: int

    @property
    def querystring(self) -> str:
        pairs = [("q", self.q)] if self.q else []
        return urlencode(pairs + [(name, v) for name, values in self.filters.items() for v in values])


def suggestions(*, q: str, filters: dict[str, tuple[str, ...]], using: str = "default") -> list[Suggestion]:
    found = []
    for kind, value, try_q, try_filters in _tries(q, filters)[:MAX_TRIES]:
        try:
            page = search(q=try_q, filters=try_filters, page_size=1, using=using)
        except SearchError:
            continue
        if page.count:
            found.append(Suggestion(kind, value, try_q, try_filters, page.count, page.speeches))
    return found


def _tries(q: str, filters: dict[str, tuple[str, ...]]) -> list[tuple]:
    tries = []
    for name, values in filters.items():
        for value in values:
            rest = {n: tuple(v for v in vs if (n, v) != (name, value)) for n, vs in filters.items()}
            tries.append(("filter", value, q, {n: vs for n, vs in rest.items() if vs}))
    # Plain terms only: an operator, an exclusion or an in-query filter alone is no search.
    terms = [t for t in q.split() if t.upper() not in ("AND", "OR", "NOT") and t[0] != "-" and ":" not in t]
    if len(terms) > 1:
        tries += [("term", term, term, filters) for term in dict.fromkeys(terms)]
    return tries
