"""Which documents a parsed query matches, exactly, and how well: set algebra per segment.

Whoosh's matchers walk postings one document at a time in Python, and its phrase check decodes
positions; MEASUREMENTS.md has 435–586 ms for a common phrase. Here a posting list is read whole
(postings.py) into a set, AND/OR/NOT are set operations (C), and a quoted string is looked up by its
character pairs and then checked with `bytes in bytes` on the normalised text kept in the `body`
column (a microsecond a section). That check is what makes quoted search exact: recall from the
pairs, precision from the check. Ranking is ranking.py's.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import query as q
from .analysis import query_words
from .postings import postings
from .schema import CONTENT

GRAMS = "grams"
# Reading a posting costs about a tenth of checking one candidate's text: take the next pair's
# postings only while they are under ten times the candidates they would narrow.
POSTINGS_PER_CHECK = 10


@dataclass(frozen=True)
class Term:
    field: str
    text: str


@dataclass(frozen=True)
class Substring:
    text: str


@dataclass(frozen=True)
class AllOf:
    nodes: tuple


@dataclass(frozen=True)
class AnyOf:
    nodes: tuple


@dataclass(frozen=True)
class Without:
    node: object


def plan(query: q.Query):
    """The parsed query as posting-list operations (words cut by jieba here, once)."""
    return AllOf(_unique(_plan(clause) for clause in query.clauses))


def _plan(node):
    if isinstance(node, q.Words):
        words = query_words(node.text)
        if not words:  # only punctuation: the string itself
            return Substring(node.text.strip())
        # A word jieba leaves as one character is looked up as a character: exact, like quoting it.
        return AllOf(_unique(Term(GRAMS, w) if len(w) == 1 else Term(CONTENT, w) for w in words))
    if isinstance(node, q.Phrase):
        return Substring(node.text)
    if isinstance(node, q.Filter):
        return Term(node.field, node.value)
    if isinstance(node, q.Not):
        return Without(_plan(node.node))
    return AnyOf(_unique(_plan(n) for n in node.nodes))


def _unique(nodes) -> tuple:
    # 发 typed 500 times is one condition, not 500 intersections of the same set.
    return tuple(dict.fromkeys(nodes))


def positive_strings(query: q.Query) -> list[str]:
    """The words and quoted strings a hit is found by (what snippets mark)."""
    found = []
    for clause in query.clauses:
        for node in clause.nodes if isinstance(clause, q.AnyOf) else (clause,):
            if isinstance(node, q.Words):
                found += query_words(node.text) or [node.text.strip()]
            elif isinstance(node, q.Phrase):
                found.append(node.text)
    return [s for s in dict.fromkeys(found) if s]


def ranking_terms(query: q.Query) -> tuple[list[str], list[str]]:
    """(jieba words, exact strings) to rank by: quoted strings and one-character words rank by
    their own frequency (ranking.py), since jieba may have made them part of longer words."""
    words_typed = _words_of(query)
    words, strings = [], []
    for text in positive_strings(query):
        (strings if len(text) == 1 or text not in words_typed else words).append(text)
    return words, strings


def _words_of(query: q.Query) -> set[str]:
    return {
        word
        for clause in query.clauses
        for node in (clause.nodes if isinstance(clause, q.AnyOf) else (clause,))
        if isinstance(node, q.Words)
        for word in query_words(node.text)
    }


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
            return self._substring(node.text, within)
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
        return set(found)

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

    def _substring(self, text: str, within: set[int] | None) -> set[int]:
        if len(text) <= 2:  # a character or a pair is itself a gram: the postings are exact
            return self._match(Term(GRAMS, text), within)
        candidates = within
        for pair in sorted(set(_pairs(text)), key=lambda p: self.df(GRAMS, p)):
            if candidates is not None and self.df(GRAMS, pair) > POSTINGS_PER_CHECK * len(candidates):
                break
            candidates = self._match(Term(GRAMS, pair), candidates)
            if not candidates:
                return set()
        needle, body = text.encode("utf-8"), self.body
        return {d for d in candidates if needle in body[d]}

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
