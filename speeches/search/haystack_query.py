"""haystack's SearchQuerySet answered by the site's engine: the same sections, counts and marks.

SearchQuery.build_query() hands the backend a HaystackQuery (the SQ tree as the engine's plan
nodes) instead of a Whoosh query string; the backend's search() evaluates it with the engine the
site uses (engine/), so `SearchQuerySet().auto_query(q).filter(city="北京")` finds exactly the
sections `search(q=q, filters={"city": ["北京"]})` finds, and its facet counts are the site's.

The content field takes the search box's syntax (auto_query, raw_search, filter(content=...)),
quoted strings and unquoted words matched as strings; `__exact`/`__contains` on content are exact
substrings. Facet fields (speaker, city, year, occasion, tag) compare whole values; `__contains`,
`__startswith`, `__endswith`, `__in` and, for year, `__gt`/`__gte`/`__lt`/`__lte`/`__range`
select among the values the index holds. Anything else raises SearchBackendError naming what is
supported: a wrong answer would be worse than none.
"""
from __future__ import annotations

import heapq
from array import array
from dataclasses import dataclass

from haystack.backends import BaseSearchQuery
from haystack.exceptions import SearchBackendError
from haystack.inputs import BaseInput, Exact, Not

from .engine.compiled import AllOf, AnyOf, Substring, Term, Without, compile_query
from .facets import BY_NAME, FACETS
from .normalize import normalize
from .schema import CONTENT

CONTENT_NAMES = {"content", CONTENT}
VALUE_FILTERS = {"contains", "startswith", "endswith"}
RANGE_FILTERS = {"gt", "gte", "lt", "lte", "range"}
ORDER_FIELDS = ("date", "speech_id", "position", "section_id", "length", "score")
SUPPORTED = ("content (search-box syntax; __exact, __contains, __in), "
             f"{', '.join(FACETS)} (whole values; __exact, __contains, __startswith, __endswith, __in; "
             "year also __gt, __gte, __lt, __lte, __range)")


def unsupported(what: str) -> SearchBackendError:
    return SearchBackendError(f"{what} is not supported by the Chinese search backend. Supported filters: "
                              f"{SUPPORTED}. Or call speeches.search.search().")


@dataclass(frozen=True)
class HaystackQuery:
    """What SearchQuery.build_query() gives the backend: a plan with value selectors unresolved."""

    node: object  # plan nodes, with Select leaves for facet-value filters
    marks: tuple[str, ...]  # strings to mark when highlighting
    words: tuple[str, ...]
    strings: tuple[str, ...]

    def __str__(self) -> str:  # haystack logs the query
        return repr(self.node)


@dataclass(frozen=True)
class Select:
    """A facet filter that picks values from the index: resolved into Terms per snapshot."""

    field: str
    how: str
    value: object

    def accepts(self, candidate: str) -> bool:
        value, how = self.value, self.how
        if how == "in":
            return candidate in {str(v) for v in value}
        if how in VALUE_FILTERS:
            return getattr(candidate, {"contains": "__contains__"}.get(how, how))(str(value))
        if not candidate.isdigit():
            return False
        number = int(candidate)
        if how == "range":
            low, high = value
            return int(low) <= number <= int(high)
        return {"gt": number > int(value), "gte": number >= int(value),
                "lt": number < int(value), "lte": number <= int(value)}[how]


def translate(search_node) -> HaystackQuery:
    """The SQ tree as a HaystackQuery."""
    terms = _Terms()
    node = _node(search_node, terms, negated=False)
    return HaystackQuery(node, *terms.result())


class _Terms:
    def __init__(self):
        self.marks, self.words, self.strings = [], [], []

    def compiled(self, text: str, *, negated: bool):
        compiled = compile_query(text)
        if not negated:
            self.marks += compiled.marks
            self.words += compiled.words
            self.strings += compiled.strings
        return compiled

    def exact(self, text: str, *, negated: bool) -> Substring:
        text = normalize(text)
        if not negated:
            self.marks.append(text)
            self.strings.append(text)
        return Substring(text)

    def result(self):
        keep = lambda items: tuple(dict.fromkeys(i for i in items if i))  # noqa: E731
        return keep(self.marks), keep(self.words), keep(self.strings)


def _node(search_node, terms: _Terms, *, negated: bool):
    negated = negated != bool(search_node.negated)
    children = []
    for child in search_node.children:
        if hasattr(child, "children"):
            children.append(_node(child, terms, negated=negated))
        else:
            expression, value = child
            field, how = search_node.split_expression(expression)
            children.append(_leaf(field, how, value, terms, negated))
    combined = AnyOf(tuple(children)) if search_node.connector == "OR" else AllOf(tuple(children))
    return Without(combined) if search_node.negated else combined


def _leaf(field: str, how: str, value, terms: _Terms, negated: bool):
    if isinstance(value, Not):
        return Without(_leaf(field, how, value.query_string, terms, not negated))
    if isinstance(value, Exact):
        how, value = "exact", value.query_string
    elif isinstance(value, BaseInput):  # AutoQuery, Raw, Clean: the search box's syntax
        value = value.query_string
    if field in CONTENT_NAMES:
        return _content(how, value, terms, negated)
    if field in BY_NAME:
        return _facet(field, how, value)
    raise unsupported(f"Filtering on {field!r}")


def _content(how: str, value, terms: _Terms, negated: bool):
    if how == "content":
        return terms.compiled(str(value), negated=negated).plan
    if how in ("exact", "contains"):
        return terms.exact(str(value), negated=negated)
    if how == "in":
        return AnyOf(tuple(terms.exact(str(v), negated=negated) for v in value))
    raise unsupported(f"content__{how}")


def _facet(field: str, how: str, value):
    if how in ("content", "exact"):
        return Term(field, str(value))
    if how in VALUE_FILTERS or how == "in" or (how in RANGE_FILTERS and BY_NAME[field].digits):
        return Select(field, how, value)
    raise unsupported(f"{field}__{how}")


def resolve(node, values):
    """The plan with each Select replaced by the Terms of the values it accepts.

    `values(field)` lists the field's values in the index."""
    if isinstance(node, Select):
        return AnyOf(tuple(Term(node.field, v) for v in values(node.field) if node.accepts(v)))
    if isinstance(node, (AllOf, AnyOf)):
        return type(node)(tuple(resolve(n, values) for n in node.nodes))
    if isinstance(node, Without):
        return Without(resolve(node.node, values))
    return node


def ordered(matches, scores, bonus, sort_by, end: int | None) -> list[tuple[float, object, int]]:
    """(score, segment, doc) of the first `end` matches in haystack's order_by (default: relevance,
    as the site ranks: best section, then newest speech, then reading order)."""
    keys = [key.lstrip("-") for key in sort_by or ()]
    for key in keys:
        if key not in ORDER_FIELDS:
            raise unsupported(f"order_by({key!r}) (fields: {', '.join(ORDER_FIELDS)})")
    if scores and not sort_by:
        rows = []
        for (seg, docs), seg_scores in zip(matches, scores):
            date, speech, position = (seg.columns.ints[n] for n in ("date", "speech_id", "position"))
            rows += [(-seg_scores.get(d, 0.0) - bonus.get(speech[d], 0.0), -date[d], -speech[d], position[d],
                      id(seg), d, seg) for d in docs]
        best = heapq.nsmallest(end, rows) if end is not None else sorted(rows)
        return [(-row[0], row[-1], row[-2]) for row in best]
    if list(sort_by or ()) in ([], ["-date"], ["date"]):
        oldest = list(sort_by or ()) == ["date"]
        rows = []
        for seg, docs in matches:
            rank = _date_rank(seg, oldest)
            chosen = heapq.nsmallest(end, docs, key=rank.__getitem__) if end is not None else docs
            date, speech, position = (seg.columns.ints[n] for n in ("date", "speech_id", "position"))
            rows += [((not date[d], date[d]) if oldest else (-date[d],), -speech[d], position[d], id(seg), d, seg)
                     for d in chosen]
        rows.sort()
        return [(0.0, row[-1], row[-2]) for row in rows[:end]]
    rows = []
    for i, (seg, docs) in enumerate(matches):
        ints = seg.columns.ints
        rows += [(_key(sort_by, scores[i].get(d, 0.0) if scores else 0.0, ints, d), id(seg), d, seg) for d in docs]
    rows.sort()
    return [(0.0, row[-1], row[-2]) for row in rows[:end]]


def _key(sort_by, score, ints, doc) -> tuple:
    out = []
    for name in sort_by:
        bare, descending = name.lstrip("-"), name.startswith("-")
        value = score if bare == "score" else ints[bare][doc]
        if bare == "date" and not descending:
            out.append(not value)  # undated last, as the site's "oldest first"
        out.append(-value if descending else value)
    return (*out, -ints["date"][doc], -ints["speech_id"][doc], ints["position"][doc])


_ranks: dict[tuple, array] = {}


def _date_rank(seg, oldest: bool) -> array:
    """rank[doc]: the document's place in the segment by date (newest or oldest first), speech,
    reading order; computed once per segment, so that the first page of a browse is a C-level
    nsmallest instead of a Python key per document."""
    cache_key = (seg.reader.segment().segment_id(), oldest)
    if cache_key not in _ranks:
        ints = seg.columns.ints
        date, speech, position = ints["date"], ints["speech_id"], ints["position"]
        if oldest:
            order = sorted(seg.every, key=lambda d: (not date[d], date[d], -speech[d], position[d]))
        else:
            order = sorted(seg.every, key=lambda d: (-date[d], -speech[d], position[d]))
        rank = array("I", bytes(4 * seg.size))
        for place, doc in enumerate(order):
            rank[doc] = place
        if len(_ranks) > 64:  # segments of swapped-out generations
            _ranks.clear()
        _ranks[cache_key] = rank
    return _ranks[cache_key]


def stored_fields(ints, columns, doc) -> dict:
    """A result's fields, from the index's columns (haystack's values()/values_list() read them)."""
    from .schema import TAG_SEPARATOR

    fields = {name: ints[name][doc] for name in ("speech_id", "position", "date")}
    for name in FACETS:
        refs, names = columns.facets[name]
        value = names[refs[doc]]
        fields[name] = [v for v in value.split(TAG_SEPARATOR) if v] if BY_NAME[name].many else value
    return fields


UNSUPPORTED = {"date_facets": "date_facet()", "query_facets": "query_facet()", "boost": "boost()",
               "within": "within()", "dwithin": "dwithin()", "distance_point": "distance()",
               "spelling_query": "spelling_suggestion()", "stats": "stats()"}


class ChineseSearchQuery(BaseSearchQuery):
    """Builds a HaystackQuery (the engine's plan) instead of a Whoosh query string."""

    def build_query(self):
        if self.boost:
            raise unsupported("SearchQuerySet.boost()")
        return translate(self.query_filter)

    def build_query_fragment(self, field, filter_type, value):  # only for repr(SQ)
        return f"{field}__{filter_type}={value}"

    def clean(self, query_fragment):
        return query_fragment  # the engine's parser takes any string

    def build_exact_query(self, query_string):
        return f'"{query_string}"'

    def build_not_query(self, query_string):
        return f"-{query_string}"

    def matching_all_fragment(self):
        return ""
