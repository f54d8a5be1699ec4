"""Which documents a compiled query's plan matches, exactly: set algebra per segment.

Whoosh's matchers walk postings one document at a time in Python, and its phrase check decodes
positions; MEASUREMENTS.md has 435–586 ms for a common phrase. Here a posting list is read whole
(postings.py) into a set, AND/OR/NOT are set operations (C), and a quoted string is looked up by its
character pairs and then checked with `bytes in bytes` on the normalised text kept in the `body`
column (a microsecond a section). That check is what makes quoted search exact: recall from the
pairs, precision from the check. The plan is compiled.py's, ranking ranking.py's.
"""
from __future__ import annotations

from ..schema import CONTENT, GRAMS
from .compiled import AllOf, AnyOf, Substring, Term, Without
from .postings import postings

# Reading a posting costs about a tenth of checking one candidate's text: take the next pair's
# postings only while they are under ten times the candidates they would narrow.
POSTINGS_PER_CHECK = 10


class SegmentSearch:
    """Evaluates plans on one segment; docnums are the segment's own."""

    def __init__(self, reader, body):
        self.reader = reader
        self.body = body  # column reader of normalised UTF-8 text
        self._postings: dict[tuple[str, str], set[int]] = {}

    def matches(self, node) -> set[int]:
        found = self._match(node, None)
        deleted = self.reader.deleted_docs_set if self.reader.has_deletions() else ()
        return found - deleted if deleted else found

    def _match(self, node, within: set[int] | None) -> set[int]:
        if isinstance(node, Term):
            found = self.ids(node.field, node.text)
            return found & within if within is not None else set(found)
        if isinstance(node, Substring):
            return self._substring(node, within)
        if isinstance(node, AnyOf):
            return set().union(*(self._match(n, within) for n in node.nodes))
        if isinstance(node, Without):
            base = within if within is not None else self.everything()
            return base - self._match(node.node, base)
        return self._all_of(node.nodes, within)

    def _all_of(self, nodes, within):
        positive = sorted((n for n in nodes if not isinstance(n, Without)), key=self.cost)
        found = within
        for node in positive:
            found = self._match(node, found)
            if not found:
                return set()
        if found is None:
            found = self.everything()
        for node in nodes:
            if isinstance(node, Without):
                found = found - self._match(node.node, found)
        return set(found) if found is within else found  # the rest are new sets: no second copy

    def cost(self, node) -> int:
        if isinstance(node, Term):
            return self.df(node.field, node.text)
        if isinstance(node, Substring):
            return min((self.df(GRAMS, g) for g in _pairs(node.text)), default=0)
        if isinstance(node, AnyOf):
            return sum(self.cost(n) for n in node.nodes)
        if isinstance(node, AllOf):
            return min((self.cost(n) for n in node.nodes), default=self.reader.doc_count_all())
        return self.reader.doc_count_all()

    def _substring(self, node: Substring, within: set[int] | None) -> set[int]:
        text = node.text
        if len(text) <= 2:  # a character or a pair is itself a gram: the postings are exact
            return self._match(Term(GRAMS, text), within)
        sure = self._match(Term(CONTENT, text), within) if node.word else set()
        candidates = within
        for pair in sorted(set(_pairs(text)), key=lambda p: self.df(GRAMS, p)):
            if candidates is not None and self.df(GRAMS, pair) > POSTINGS_PER_CHECK * len(candidates):
                break
            candidates = self._match(Term(GRAMS, pair), candidates)
            if not candidates:
                return sure
        needle, body = text.encode("utf-8"), self.body
        return sure | {d for d in (candidates - sure if sure else candidates) if needle in body[d]}

    def everything(self) -> set[int]:
        return set(range(self.reader.doc_count_all()))

    def df(self, field: str, text: str) -> int:
        return self.reader.doc_frequency(field, text)

    def ids(self, field: str, text: str) -> set[int]:
        key = (field, text)
        if key not in self._postings:
            self._postings[key] = set(postings(self.reader, field, text)[0])
        return self._postings[key]


def _pairs(text: str) -> list[str]:
    return [text[i : i + 2] for i in range(len(text) - 1)]
